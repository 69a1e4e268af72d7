// applyEditsToXlsx: backups, cell writes (text stays text), log appends, owned tabs; the original is never changed.

import { createHash } from "crypto";
import JSZip from "jszip";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { emptyEdits } from "../../src/core/model/edits";
import type { CellValue } from "../../src/core/model/grid";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { importLogTemplate, IMPORT_LOG_HEADER } from "../../src/core/merge/to-workbook-edits";
import { defaultSettings } from "../../src/core/model/settings";
import { settingsTab } from "../../src/core/model/settings-sheet";
import { applyEditsToXlsx } from "../../src/files/apply-edits";
import { FileReadError } from "../../src/files/file-read-error";
import { readXlsx } from "../../src/files/read-xlsx";
import { loadWithExcelJs, makeXlsx } from "./helpers";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function register(): Promise<Uint8Array> {
  return makeXlsx("register.xlsx", (wb) => {
    const ws = wb.addWorksheet("Register");
    ws.getCell("A1").value = "Highways register";
    ws.mergeCells("A1:C1");
    ws.getRow(2).values = ["Risk ID", "Risk Title", "Score", "Last Review", "Notes"];
    ws.getRow(2).font = { bold: true };
    ws.getRow(3).values = ["R-1", "Flooding", 9, new Date(Date.UTC(2022, 8, 1)), "ours"];
    ws.getCell("D3").numFmt = "dd/mm/yyyy";
    ws.getCell("C4").value = { formula: "C3*2", result: 18 };
    ws.getColumn(2).width = 40;
    const user = wb.addWorksheet("Import Log");
    user.getCell("A1").value = "An officer's own sheet called Import Log";
  });
}

function logEdits(rows: CellValue[][]): WorkbookEdits {
  const e = emptyEdits();
  e.logAppends.push({
    kind: "import-log",
    header: IMPORT_LOG_HEADER,
    rows,
    template: { ...importLogTemplate({ asAt: "2022-10-10", marking: "OFFICIAL" }) },
  });
  return e;
}

/** The XML of a worksheet by its name, for asserting how a cell was stored. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

/** The workbook's CRR_OWNED_* names and what each refers to, in name order. */
async function ownedNames(bytes: Uint8Array): Promise<[string, string][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<definedName name="(CRR_OWNED_\d+)"[^>]*>([^<]*)<\/definedName>/g)]
    .map((m): [string, string] => [m[1], m[2].replace(/&apos;/g, "'")])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe("applyEditsToXlsx", () => {
  it("never changes the original buffer", async () => {
    const original = await register();
    const before = sha(original);
    const e = logEdits([["2022-10-10", "iris.xlsx", "Register", "R-1", "Score", "9", "12"]]);
    e.copies.push({ from: "Register", to: "Backup Register 2022-10-10" });
    e.cells.push({ sheet: "Register", row: 2, col: 2, value: 12 });
    await applyEditsToXlsx(original, e, "register.xlsx");
    expect(sha(original)).toBe(before);
  });

  it("backs up a sheet: values as they show, formats, widths, merges, and the owned marker", async () => {
    const e = emptyEdits();
    e.copies.push({ from: "Register", to: "Backup Register 2022-10-10" });
    const out = await applyEditsToXlsx(await register(), e, "register.xlsx");
    const wb = await loadWithExcelJs(out);
    const b = wb.getWorksheet("Backup Register 2022-10-10")!;
    expect(b.getCell("A3").value).toBe("R-1");
    expect(b.getCell("C4").value).toBe(18); // a snapshot: the formula's value
    expect(b.getCell("D3").numFmt).toBe("dd/mm/yyyy");
    expect(b.getColumn(2).width).toBe(40);
    expect(b.getCell("A2").font?.bold).toBe(true);
    expect((b.model as { merges?: string[] }).merges).toContain("A1:C1");
    const grids = await readXlsx(out, "out.xlsx");
    expect(grids.find((g) => g.sheetName === "Backup Register 2022-10-10")?.owned).toBe(true);
    expect(grids.find((g) => g.sheetName === "Register")?.owned).toBeUndefined();
  });

  it.each<[string, CellValue, string]>([
    ["=SUM(A1)", "=SUM(A1)", "s"],
    ["+44 7700 900123", "+44 7700 900123", "s"],
    ["-5 as text", "-5", "s"],
    ["@user", "@user", "s"],
    ["-5 as a number", -5, "n"],
  ])("writes %s as it is: text never becomes a formula, numbers stay numbers", async (_name, value, type) => {
    const e = emptyEdits();
    e.cells.push({ sheet: "Register", row: 3, col: 4, value });
    const out = await applyEditsToXlsx(await register(), e, "register.xlsx");
    const xml = await sheetXml(out, "Register");
    const cell = /<c r="E4"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/.exec(xml)![0];
    expect(cell).not.toContain("<f>");
    if (type === "s") expect(cell).toMatch(/t="(s|inlineStr|str)"/);
    else expect(cell).not.toMatch(/t="/);
    const grids = await readXlsx(out, "out.xlsx");
    expect(grids.find((g) => g.sheetName === "Register")!.values[3][4]).toStrictEqual(value);
  });

  it("writes a date serial with its format and gives a new row the look of the row above", async () => {
    const e = emptyEdits();
    e.cells.push(
      { sheet: "Register", row: 4, col: 0, value: "R-2" },
      { sheet: "Register", row: 3, col: 3, value: 44844, format: "dd/mm/yyyy" },
    );
    const wb = await loadWithExcelJs(await applyEditsToXlsx(await register(), e, "register.xlsx"));
    const ws = wb.getWorksheet("Register")!;
    expect(ws.getCell("D4").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("A5").value).toBe("R-2");
  });

  it("creates the log tab beside a user's sheet of the same name, then appends to it", async () => {
    const first = await applyEditsToXlsx(
      await register(),
      logEdits([["t1", "iris.xlsx", "Register", "R-1", "Score", "9", "12"]]),
      "register.xlsx",
    );
    const second = await applyEditsToXlsx(
      first,
      logEdits([["t2", "iris.xlsx", "Register", "R-1", "Score", "12", "=15"]]),
      "register.xlsx",
    );
    const grids = await readXlsx(second, "out.xlsx");
    const user = grids.find((g) => g.sheetName === "Import Log")!;
    expect(user.values).toEqual([["An officer's own sheet called Import Log"]]);
    const log = grids.find((g) => g.sheetName === "Import Log (Risk Review)")!;
    expect(log.owned).toBe(true);
    expect(log.values[0]).toContain(OWNED_MARKER);
    const header = log.values.findIndex((r) => r[0] === "When");
    expect(log.values.slice(header + 1).map((r) => r.slice(0, 7))).toEqual([
      ["t1", "iris.xlsx", "Register", "R-1", "Score", "9", "12"],
      ["t2", "iris.xlsx", "Register", "R-1", "Score", "12", "=15"],
    ]);
  });

  it("rewrites an owned tab and leaves the rest", async () => {
    const tab = {
      ...importLogTemplate({ asAt: "2022-10-10", marking: "OFFICIAL" }),
      name: "Risk Summary",
      kind: "risk-summary" as const,
    };
    const e = emptyEdits();
    e.ownedTabs.push(tab);
    const once = await applyEditsToXlsx(await register(), e, "register.xlsx");
    const twice = await applyEditsToXlsx(once, e, "register.xlsx");
    const names = (await readXlsx(twice, "out.xlsx")).map((g) => g.sheetName);
    expect(names.filter((n) => n.startsWith("Risk Summary"))).toEqual(["Risk Summary"]);
  });

  it("names every owned sheet it writes CRR_OWNED_<n> at A1, as the pane does, once each", async () => {
    // README: the command line finds the Settings sheet "by its workbook name when a row was inserted above
    // its title": the sheets an import adds (backup, log, Settings) carry that name, numbered after the
    // workbook's own; written again, they get no second name.
    const start = await makeXlsx("named.xlsx", (wb) => {
      wb.addWorksheet("Register").getCell("A1").value = "Risk ID";
      wb.definedNames.add("Register!$A$1", "CRR_OWNED_4");
    });
    const e = logEdits([["t1", "iris.xlsx", "Register", "R-1", "Score", "9", "12"]]);
    e.copies.push({ from: "Register", to: "Backup Register 2022-10-10" });
    e.ownedTabs.push(settingsTab(defaultSettings()));
    const once = await applyEditsToXlsx(start, e, "named.xlsx");
    const twice = await applyEditsToXlsx(
      once,
      logEdits([["t2", "iris.xlsx", "Register", "R-1", "Score", "12", "15"]]),
      "named.xlsx",
    );
    for (const out of [once, twice])
      expect(await ownedNames(out)).toEqual([
        ["CRR_OWNED_4", "Register!$A$1"],
        ["CRR_OWNED_5", "'Backup Register 2022-10-10'!$A$1"],
        ["CRR_OWNED_6", "'Import Log'!$A$1"],
        ["CRR_OWNED_7", "'Risk Review Settings'!$A$1"],
      ]);
  });

  it("names an owned sheet known by its marker only (an earlier import's Settings sheet) when it writes to it", async () => {
    const start = await makeXlsx("marker.xlsx", (wb) => {
      wb.addWorksheet("Register").getCell("A1").value = "Risk ID";
      const ws = wb.addWorksheet("Risk Review Settings");
      ws.getRow(1).values = ["Contract Risk Review settings", null, OWNED_MARKER];
      ws.getRow(2).values = ["Setting", "Value"];
    });
    const e = emptyEdits();
    e.cells.push({ sheet: "Risk Review Settings", row: 2, col: 0, value: "asAt" });
    expect(await ownedNames(await applyEditsToXlsx(start, e, "marker.xlsx"))).toEqual([
      ["CRR_OWNED_1", "'Risk Review Settings'!$A$1"],
    ]);
  });

  it.each([
    ["not a zip", new Uint8Array([1, 2, 3])],
    ["empty", new Uint8Array(0)],
  ])("a file that is %s ends in a FileReadError naming it", async (_name, bytes) => {
    await expect(applyEditsToXlsx(bytes, emptyEdits(), "bad.xlsx")).rejects.toThrow(FileReadError);
    await expect(applyEditsToXlsx(bytes, emptyEdits(), "bad.xlsx")).rejects.toThrow(/"bad.xlsx"/);
  });

  it("a sheet the edits name but the file lacks ends in a FileReadError", async () => {
    const e = emptyEdits();
    e.cells.push({ sheet: "Gone", row: 0, col: 0, value: 1 });
    await expect(applyEditsToXlsx(await register(), e, "register.xlsx")).rejects.toThrow(
      /"register.xlsx", sheet "Gone" is not in the workbook/,
    );
  });
});
