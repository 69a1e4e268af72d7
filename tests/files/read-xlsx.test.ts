// readXlsx on workbooks the test writes with exceljs: values, dates, formats, merges, sheets, limits.

import type { Workbook } from "exceljs";
import { cellAt, formatAt, type Grid } from "../../src/core/model/grid";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { readXlsx } from "../../src/files/read-xlsx";
import { expectFileReadError, makeXlsx } from "./helpers";

/** 2024-03-31 at midnight UTC, as exceljs gives dates: serial 45382 in Excel's 1900 system. */
const MARCH_31 = new Date(Date.UTC(2024, 2, 31));

function registerSheet(wb: Workbook): void {
  const ws = wb.addWorksheet("Register");
  // A title block above the headers, as council registers have.
  ws.getCell("A1").value = "Highways contract risk register";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = "As at 31/03/2024";
  ws.getRow(4).values = ["", "Risk ID", "Raised", "Score", "Owner", "Notes"];
  const rows: unknown[][] = [
    [
      "",
      "0012",
      MARCH_31,
      12,
      "Ann",
      { richText: [{ text: "Plain " }, { font: { bold: true }, text: "bold" }] },
    ],
    [
      "",
      "0013",
      new Date(Date.UTC(2024, 2, 31, 12)),
      { formula: "3*4", result: 12 },
      '=HYPERLINK("x")',
      { text: "Site", hyperlink: "https://example.org" },
    ],
    ["", "0014", "31/01/2023", { formula: "1/0", result: { error: "#DIV/0!" } }, true, { error: "#N/A" }],
    ["", "0015", 45000, { formula: "A1" }, false, { formula: '"a"&"b"', result: "ab" }],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = r as never));
  ws.getCell("C5").numFmt = "dd/mm/yyyy";
  ws.getCell("C8").numFmt = "0.00";
  ws.getRow(6).hidden = true;
  // Formatting far below and to the right of the data: must not stretch the grid.
  ws.getCell("A200").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("Z300").numFmt = "0.00";
  ws.getCell("AA5").value = "";
}

describe("readXlsx", () => {
  let grids: Grid[];
  let reg: Grid;

  beforeAll(async () => {
    const bytes = await makeXlsx("register.xlsx", (wb) => {
      registerSheet(wb);
      const hidden = wb.addWorksheet("Lists");
      hidden.getCell("A1").value = "Red";
      hidden.state = "hidden";
      const owned = wb.addWorksheet("Escalation");
      owned.getCell("A1").value = "Escalation";
      owned.getCell("E1").value = OWNED_MARKER;
      const notOwned = wb.addWorksheet("Copy");
      notOwned.getCell("A2").value = OWNED_MARKER;
      wb.addWorksheet("Empty");
      const proto = wb.addWorksheet("Proto");
      proto.getRow(1).values = ["__proto__", "constructor", "prototype"];
      proto.getRow(2).values = ["polluted", "x", "y"];
    });
    grids = await readXlsx(bytes, "register.xlsx");
    reg = grids[0];
  });

  it("reads every sheet in order, hidden ones flagged", () => {
    expect(grids.map((g) => [g.sheetName, g.hidden ?? false])).toEqual([
      ["Register", false],
      ["Lists", true],
      ["Escalation", false],
      ["Copy", false],
      ["Empty", false],
      ["Proto", false],
    ]);
    expect(grids.every((g) => g.origin === "register.xlsx" && g.rowOffset === 0 && g.colOffset === 0)).toBe(
      true,
    );
  });

  it("drops trailing empty rows and columns however far the formatting reaches", () => {
    expect(reg.values).toHaveLength(8);
    expect(reg.values.every((r) => r.length === 6)).toBe(true);
    expect(grids[4].values).toEqual([]);
  });

  it.each([
    ["A1", "Highways contract risk register"],
    ["B1", null],
    ["A3", null],
    ["B4", "Risk ID"],
    ["B5", "0012"],
    ["C5", 45382],
    ["C6", 45382.5],
    ["C7", "31/01/2023"],
    ["C8", 45000],
    ["D5", 12],
    ["D6", 12],
    ["D7", "#DIV/0!"],
    // `=A1` saved with no result: worked out as Excel does on opening (SPEC: formulas read as their results).
    ["D8", "Highways contract risk register"],
    ["E5", "Ann"],
    ["E6", '=HYPERLINK("x")'],
    ["E7", true],
    ["E8", false],
    ["F5", "Plain bold"],
    ["F6", "Site"],
    ["F7", "#N/A"],
    ["F8", "ab"],
  ])("cell %s reads as %p", (address, expected) => {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    expect(cellAt(reg, row, col)).toEqual(expected);
  });

  it.each<[string, string | null, string]>([
    ["C5", "dd/mm/yyyy", "its own date format"],
    ["C6", "mm-dd-yy", "exceljs's default date format for a Date"],
    ["C8", "0.00", "a number format"],
    ["D5", null, "General"],
    ["B5", null, "General text"],
  ])("number format of %s is %p (%s)", (address, expected) => {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    expect(formatAt(reg, row, col)).toBe(expected);
  });

  it("keeps number formats parallel to values", () => {
    expect(reg.numberFormats).toHaveLength(reg.values.length);
    reg.numberFormats!.forEach((r, i) => expect(r).toHaveLength(reg.values[i].length));
  });

  it("lists merged areas 0-based and inclusive", () => {
    expect(reg.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  it("recognises the owned marker only in the first row", () => {
    expect(grids.map((g) => g.owned ?? false)).toEqual([false, false, true, false, false, false]);
  });

  it("reads __proto__ and constructor headers as harmless text", () => {
    expect(grids[5].values[0]).toEqual(["__proto__", "constructor", "prototype"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await makeXlsx("small.xlsx", (wb) => {
      wb.addWorksheet("S").getCell("B2").value = 7;
    });
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const [g] = await readXlsx(ab, "small.xlsx");
    expect(g.values).toEqual([
      [null, null],
      [null, 7],
    ]);
  });
});

describe("readXlsx limits", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await makeXlsx("fifty.xlsx", (wb) => {
      const ws = wb.addWorksheet("Big sheet");
      for (let r = 1; r <= 50; r++) ws.getRow(r).values = [r, `row ${r}`, r * 2];
    });
  });

  it("reads a sheet within the limits", async () => {
    const [g] = await readXlsx(bytes, "fifty.xlsx", { maxRows: 50, maxCells: 150 });
    expect(g.values).toHaveLength(50);
  });

  it("refuses more rows than maxRows, naming file and sheet", async () => {
    const err = await expectFileReadError(() => readXlsx(bytes, "fifty.xlsx", { maxRows: 10 }));
    expect([err.code, err.file, err.sheet]).toEqual(["too-many-rows", "fifty.xlsx", "Big sheet"]);
    expect(err.message).toContain('"fifty.xlsx", sheet "Big sheet"');
  });

  it("refuses more cells than maxCells, naming file and sheet", async () => {
    const err = await expectFileReadError(() => readXlsx(bytes, "fifty.xlsx", { maxCells: 100 }));
    expect([err.code, err.file, err.sheet]).toEqual(["too-many-cells", "fifty.xlsx", "Big sheet"]);
  });
});
