// Every failure ends in a plain message: Office.js codes by name, and the fake's strictness caught.

import { createOfficeGateway } from "../../src/excel/office-gateway";
import { escapeCellText } from "../../src/excel/escape-text";
import { PlainError } from "../../src/excel/gateway";
import { toPlainError } from "../../src/excel/errors";
import { emptyFormat } from "../../src/core/model/owned-tab";
import { countedSync, runExcel } from "../../src/excel/run";
import { FakeOfficeError, uninstallFakeExcel } from "../fakes/fake-excel";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

const PLAIN: [string, RegExp][] = [
  ["InvalidOperationInCellEditMode", /^Excel is busy editing a cell: press Enter or Esc, then try again\.$/],
  ["ItemNotFound", /no longer in the workbook/],
  ["RequestPayloadSizeLimitExceeded", /too large/],
  ["ResponsePayloadSizeLimitExceeded", /too large/],
  ["GeneralException", /internal error.*try again/],
  ["AccessDenied", /protected/],
];

describe("plain errors", () => {
  it.each(PLAIN)("turns %s into a plain message with the code kept", (code, message) => {
    const e = toPlainError(new FakeOfficeError(code, "raw host text"), "reading the workbook");
    expect(e).toBeInstanceOf(PlainError);
    expect(e.message).toMatch(message);
    expect(e.code).toBe(code);
  });

  it("names the action for an error it does not know", () => {
    expect(toPlainError(new FakeOfficeError("Weird", "odd"), "reading the workbook").message).toBe(
      "Excel could not finish reading the workbook (Weird): odd",
    );
  });

  const gateway = createOfficeGateway();
  it.each([
    ["readAllSheets", () => gateway.readAllSheets()],
    [
      "writeOwnedTab",
      () =>
        gateway.writeOwnedTab({
          name: "Exceptions",
          kind: "exceptions",
          rows: [["x"]],
          format: {
            headerRows: [],
            titleRows: [],
            ragCells: [],
            columnWidths: [],
            dateColumns: [],
            links: [],
            freezeBelowRow: null,
          },
        }),
    ],
    ["markCells", () => gateway.markCells([{ sheet: "S", address: "A1" }])],
    ["clearMarks", () => gateway.clearMarks()],
    ["selectCell", () => gateway.selectCell({ sheet: "S", address: "A1" })],
    ["loadSettings", () => gateway.loadSettings()],
    ["saveSettings", () => gateway.loadSettings().then((s) => gateway.saveSettings(s))],
  ])("%s says 'press Enter or Esc' when the user is typing in a cell", async (_name, call) => {
    const host = install({ sheets: [{ name: "S", values: [["a"]] }] });
    host.failNextSync("InvalidOperationInCellEditMode");
    await expect(call()).rejects.toThrow(
      new PlainError("Excel is busy editing a cell: press Enter or Esc, then try again."),
    );
  });

  it("waits while the officer is typing in a cell, then writes (Excel.run delayForCellEdit)", async () => {
    const host = install({ sheets: [{ name: "S", values: [["a"]] }] });
    host.startCellEdit();
    const write = gateway.writeOwnedTab({
      name: "Exceptions",
      kind: "exceptions",
      rows: [["x"]],
      format: emptyFormat(),
    });
    let settled = false;
    void write.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false); // waiting, not failed
    host.endCellEdit();
    await expect(write).resolves.toMatchObject({ sheetName: "Exceptions" });
    expect(host.cell("Exceptions", "A1")?.v).toBe("x");
    expect(host.delayedRuns).toBe(1);
  });

  it("runs without the options on a host whose Excel.run refuses them", async () => {
    const host = install({ sheets: [{ name: "S", values: [["a"]] }] });
    host.refuseRunOptions = true;
    const grids = await gateway.readAllSheets();
    expect(grids.map((g) => g.sheetName)).toEqual(["S"]);
    expect(host.delayedRuns).toBe(0);
    // Typing in a cell then fails plainly, as it always did.
    host.startCellEdit();
    await expect(gateway.readAllSheets()).rejects.toThrow(/press Enter or Esc/);
  });

  it("turns a general exception during a read into a plain message", async () => {
    const host = install({ sheets: [{ name: "S", values: [["a"]] }] });
    host.failNextSync("GeneralException");
    await expect(gateway.readAllSheets()).rejects.toMatchObject({
      name: "PlainError",
      code: "GeneralException",
    });
  });

  it("says plainly when the cell to go to is on a missing or hidden sheet, and selects it otherwise", async () => {
    const host = install({
      sheets: [
        { name: "S", values: [["a"]] },
        { name: "Old", visibility: "Hidden" },
      ],
    });
    await expect(gateway.selectCell({ sheet: "Gone", address: "A1" })).rejects.toThrow(
      /"Gone" is no longer in the workbook/,
    );
    await expect(gateway.selectCell({ sheet: "Old", address: "A1" })).rejects.toThrow(/"Old" is hidden/);
    await gateway.selectCell({ sheet: "S", address: "K9" });
    expect(host.snapshot().selection).toEqual({ sheet: "S", address: "K9" });
  });

  it("catches adapter code that reads a property it did not load (the fake is strict)", async () => {
    install({ sheets: [{ name: "S", values: [["a"]] }] });
    const forgetful = runExcel("reading a cell", async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1"); // no load("values")
      await countedSync(context, "test");
      return range.values;
    });
    await expect(forgetful).rejects.toMatchObject({ name: "PlainError", code: "PropertyNotLoaded" });
  });

  it("says where to open the add-in when Excel is not there at all", async () => {
    await expect(runExcel("reading the workbook", async () => 1)).rejects.toThrow(
      /open the add-in from Excel/,
    );
  });
});

describe("escapeCellText", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+44", "'+44"],
    ["-x", "'-x"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["\nx", "'\nx"],
    ["'x", "''x"],
    ["HRC-001", "HRC-001"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(escapeCellText(input)).toBe(output);
  });
});
