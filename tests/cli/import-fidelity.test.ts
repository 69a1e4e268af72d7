// Importing an IRIS export into a register as officers really keep one (section headings,
// a totals row, council-only columns, notes past the last header, ids typed differently, score formulas,
// edits made since the last import) loses nothing the officer wrote; bad input leaves the files as they were.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Grid } from "../../src/core/model/grid";
import { readXlsx } from "../../src/files/read-xlsx";
import { runMain } from "./helpers/main-in-process";
import { IMPORT_REGISTER_HEADERS, utc } from "./helpers/registers";
import { importArgs, quotedCsv } from "../helpers/import-files";
import { sha, tempFolder } from "../helpers/test-files";

jest.setTimeout(60_000);

const tmp = tempFolder("crr-review-import-");

const SHEET = "Highways Register";
const EXPORT_HEADERS = IMPORT_REGISTER_HEADERS;
/** The register has two council-only columns after the export's ten (K, L), and a note typed past them (M). */
const REGISTER_HEADERS = [...EXPORT_HEADERS, "Council Notes", "Escalate?"];

/**
 * The officer's register: a title, a header (row 2), section headings (rows 3 and 7), risks with a score
 * formula, ids typed as the officer typed them, council notes, a note past the last header (M5), a
 * totals row (row 10) with formulas.
 */
async function writeRegister(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("A1").value = "Highways contract – risk register (OFFICIAL-SENSITIVE)";
  ws.mergeCells("A1:H1");
  REGISTER_HEADERS.forEach((h, c) => (ws.getCell(2, c + 1).value = h));
  const risk = (
    row: number,
    id: string,
    title: string,
    owner: string,
    l: number,
    i: number,
    update: string,
    notes: string | null,
    escalate: string | null,
  ) => {
    const values = [id, title, owner, l, i, null, "Treat", "Open", utc(2022, 9, 20), update, notes, escalate];
    values.forEach((v, c) => {
      if (v !== null) ws.getCell(row, c + 1).value = v;
    });
    ws.getCell(row, 6).value = { formula: `D${row}*E${row}`, result: l * i };
    ws.getCell(row, 9).numFmt = "dd/mm/yyyy";
  };
  ws.getCell("A3").value = "Annex 1 – Highways";
  ws.mergeCells("A3:L3");
  risk(
    4,
    "HRC-001",
    "Carriageway resurfacing delayed",
    "J Smith",
    3,
    4,
    "Reviewed at RMB",
    "Finance aware",
    "Yes",
  );
  risk(5, "hrc-002 ", "Gully cleansing backlog", "A Khan", 2, 3, "Contractor recovering", null, "No");
  ws.getCell("M5").value = "ask Finance about the £40k";
  risk(6, "HRC-003", "Winter salt stock", "P Jones", 2, 2, "Stock checked", "Depot B count due", null);
  ws.getCell("A7").value = "Annex 2 – Drainage";
  ws.mergeCells("A7:L7");
  risk(8, "HRC-004", "Flooding at Mill Lane underpass", "R Patel", 3, 3, "Pump replaced", null, null);
  risk(
    9,
    "HRC-005",
    "Culvert survey backlog",
    "R Patel",
    2,
    2,
    "Survey booked",
    "Keep until survey done",
    null,
  );
  ws.getCell("A10").value = "Total";
  ws.getCell("D10").value = { formula: "COUNTA(A4:A9)-1", result: 5 };
  ws.getCell("F10").value = { formula: "SUM(F4:F9)", result: 12 + 6 + 4 + 9 + 4 };
  await wb.xlsx.writeFile(file);
}

/** This month's export: HRC-001 (as "hrc-001 ") re-scored and updated, HRC-002 (as "HRC-002") unchanged, HRC-003 and HRC-004 unchanged, HRC-005 gone, HRC-006 new. */
const EXPORT_ROWS: (string | number)[][] = [
  EXPORT_HEADERS,
  [
    "hrc-001 ",
    "Carriageway resurfacing delayed",
    "J Smith",
    4,
    4,
    16,
    "Treat",
    "Open",
    "03/10/2022",
    "Contractor's programme slipped",
  ],
  [
    "HRC-002",
    "Gully cleansing backlog",
    "A Khan",
    2,
    3,
    6,
    "Treat",
    "Open",
    "20/09/2022",
    "Contractor recovering",
  ],
  ["HRC-003", "Winter salt stock", "P Jones", 2, 2, 4, "Treat", "Open", "20/09/2022", "Stock checked"],
  [
    "HRC-004",
    "Flooding at Mill Lane underpass",
    "R Patel",
    3,
    3,
    9,
    "Treat",
    "Open",
    "20/09/2022",
    "Pump replaced",
  ],
  [
    "HRC-006",
    "Street lighting column failures",
    "P Jones",
    3,
    3,
    9,
    "Treat",
    "Open",
    "03/10/2022",
    "New this month",
  ],
];

interface ImportJson {
  cellsWritten: number;
  risks: {
    new: { id: string; row: number }[];
    changed: {
      id: string;
      row: number;
      cells: { cell: string; old: string; new: string; note?: string }[];
    }[];
    missing: { id: string; row: number; flagged: boolean; cell: string | null }[];
    notWritten: { cell: string; reason: string; old: string; new: string; note: string }[];
    totalsRow?: unknown;
  };
  warnings: string[];
}

async function importJson(exportFile: string, into: string, out: string, extra: string[] = []) {
  const r = await runMain(importArgs(exportFile, into, out, ["--format", "json", ...extra]));
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ImportJson;
}

const sheetOf = async (file: string, name = SHEET): Promise<Grid> =>
  (await readXlsx(fs.readFileSync(file), path.basename(file))).find((g) => g.sheetName === name)!;
/** The value at a 1-based row and 0-based column. */
const at = (g: Grid, row: number, col: number) => g.values[row - 1 - g.rowOffset]?.[col] ?? null;

describe("import into a register with section headings, a totals row, council columns and ids typed differently", () => {
  const dir = path.join(tmp, "layout");
  const into = path.join(dir, "Highways register.xlsx");
  const exportFile = path.join(dir, "IRIS export.csv");
  const out = path.join(dir, "Merged.xlsx");
  let json: ImportJson;
  let before: Grid;
  let after: Grid;
  let intoSha: string;

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    await writeRegister(into);
    fs.writeFileSync(exportFile, quotedCsv(EXPORT_ROWS));
    intoSha = sha(into);
    json = await importJson(exportFile, into, out);
    before = await sheetOf(into);
    after = await sheetOf(out);
  });

  it("never changes the register file it was given", () => {
    expect(sha(into)).toBe(intoSha);
  });

  it('takes "hrc-001 " and "HRC-002" in the export for the register\'s HRC-001 and "hrc-002 ": neither new nor missing, and the id cells keep what the officer typed', () => {
    expect(json.risks.new.map((n) => n.id)).toEqual(["HRC-006"]);
    expect(json.risks.missing.map((m) => m.id)).toEqual(["HRC-005"]);
    expect(at(after, 4, 0)).toBe("HRC-001");
    expect(at(after, 5, 0)).toBe("hrc-002 ");
  });

  it("keeps the council-only columns (Council Notes, Escalate?) and a note typed past the last header exactly as they were", () => {
    for (let row = 3; row <= 10; row++)
      for (const col of [10, 11, 12])
        expect([row, col, at(after, row, col)]).toEqual([row, col, at(before, row, col)]);
    expect(at(after, 5, 12)).toBe("ask Finance about the £40k");
  });

  it("keeps the score formula and reports the export's score beside it, instead of writing 16 over =D4*E4", async () => {
    const xml = await cellXml(out, "F4");
    expect(xml).toContain("<f>D4*E4</f>");
    expect(json.risks.notWritten).toEqual([
      expect.objectContaining({ cell: "F4", reason: "kept-formula", new: "16" }),
    ]);
    // The likelihood is not a formula: it is written, so the officer's formula works the new score out.
    expect(at(after, 4, 3)).toBe(4);
  });

  it("does not take the section headings for risks: they are not flagged as missing and read as they did", () => {
    expect(json.risks.missing.map((m) => m.row)).not.toContain(3);
    expect(json.risks.missing.map((m) => m.row)).not.toContain(7);
    expect(after.values[3 - 1 - after.rowOffset]).toEqual(before.values[3 - 1 - before.rowOffset]);
    expect(after.values[7 - 1 - after.rowOffset]).toEqual(before.values[7 - 1 - before.rowOffset]);
  });

  it("keeps the totals row's formulas and writes the new risk outside it, not over it", async () => {
    expect(await cellXml(out, "F10")).toContain("<f>SUM(F4:F9)</f>");
    expect(await cellXml(out, "D10")).toContain("<f>COUNTA(A4:A9)-1</f>");
    expect(at(after, 10, 0)).toBe("Total");
    const newRow = json.risks.new[0].row;
    expect(newRow).not.toBe(10);
    expect(at(after, newRow, 0)).toBe("HRC-006");
  });

  it("does not leave a new risk below the Total row without a word: it goes above it, or the summary warns that the totals leave it out", () => {
    const newRow = json.risks.new[0].row;
    if (newRow > 10) expect(json.warnings.join(" ")).toMatch(/total/i);
    else expect(newRow).toBeLessThan(10);
  });

  it("names a changed risk in the summary by the id the register holds (HRC-001), not the export's spelling (hrc-001 )", () => {
    const changed = json.risks.changed.find((r) => r.row === 4)!;
    expect(changed.id).toBe("HRC-001");
  });

  it("keeps the risk the export no longer holds: every cell of HRC-005's row as it was but the one flag cell", () => {
    const missing = json.risks.missing.find((m) => m.id === "HRC-005")!;
    expect(missing.row).toBe(9);
    const differing: number[] = [];
    for (let c = 0; c < 13; c++) if (at(after, 9, c) !== at(before, 9, c)) differing.push(c);
    const flagCol = missing.cell ? missing.cell.charCodeAt(0) - 65 : -1;
    expect(differing.filter((c) => c !== flagCol)).toEqual([]);
    // The officer's own words in that row are kept, not replaced by the flag.
    expect(at(after, 9, 9)).toBe("Survey booked");
    expect(at(after, 9, 10)).toBe("Keep until survey done");
  });
});

/** One cell's XML in the register sheet of an .xlsx written by exceljs or the import (sheet1). */
async function cellXml(file: string, ref: string): Promise<string> {
  const { unzipSync } = await import("fflate");
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const xml = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]);
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  return m ? m[0] : "";
}

describe("an officer's edit made since the last import", () => {
  const dir = path.join(tmp, "since-last");
  const into = path.join(dir, "Register.xlsx");
  const september = path.join(dir, "IRIS September.csv");
  const october = path.join(dir, "IRIS October.csv");
  const merged1 = path.join(dir, "Merged September.xlsx");
  const edited = path.join(dir, "Register edited.xlsx");
  const merged2 = path.join(dir, "Merged October.xlsx");
  let json2: ImportJson;
  let text2: string;

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    await writeRegister(into);
    // September: IRIS renames HRC-003's owner; the import writes it and logs it.
    const sept = EXPORT_ROWS.map((r) => r.slice());
    sept[3][2] = "Pat Jones";
    fs.writeFileSync(september, quotedCsv(sept));
    await importJson(september, into, merged1);
    // The officer then corrects the owner in the register by hand (Excel saves the workbook again).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(merged1);
    wb.getWorksheet(SHEET)!.getCell("C6").value = "Patricia Jones (Depot B)";
    await wb.xlsx.writeFile(edited);
    // October: IRIS still says "Pat Jones" (nobody changed it there) and updates HRC-003's text.
    const oct = sept.map((r) => r.slice());
    oct[3][9] = "Salt delivered 02/10";
    fs.writeFileSync(october, quotedCsv(oct));
    json2 = await importJson(october, edited, merged2);
    const r = await runMain(importArgs(october, edited, path.join(dir, "text.xlsx")));
    text2 = r.stdout;
  });

  it("September's import wrote the owner IRIS gave (the baseline)", async () => {
    expect(at(await sheetOf(merged1), 6, 2)).toBe("Pat Jones");
  });

  it("does not put back IRIS's unchanged owner over the officer's correction", async () => {
    expect(at(await sheetOf(merged2), 6, 2)).toBe("Patricia Jones (Depot B)");
  });

  it("reports the owner as a conflict (edited in the register since the last import) rather than as an ordinary change", () => {
    const cell = json2.risks.changed.flatMap((r) => r.cells).find((c) => c.cell === "C6");
    const line = text2.split("\n").find((l) => l.includes("(C6)")) ?? "";
    // Either left alone and reported, or at least not listed as a plain "old → new" change.
    const conflict = /conflict|edited|since the last import|changed in the register/i;
    expect([cell?.note ?? "", line].some((t) => conflict.test(t))).toBe(true);
  });

  it("still writes the update IRIS did change (HRC-003's Latest Update)", async () => {
    expect(at(await sheetOf(merged2), 6, 9)).toBe("Salt delivered 02/10");
  });
});

describe("bad input leaves every file as it was and says which file, sheet and cell", () => {
  const dir = path.join(tmp, "bad");
  const into = path.join(dir, "Register.xlsx");
  const exportFile = path.join(dir, "IRIS export.csv");
  let intoSha: string;

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    await writeRegister(into);
    intoSha = sha(into);
  });

  it("--register naming a sheet the workbook does not have: one plain line naming the workbook file and the sheet, exit 2, no merged file", async () => {
    fs.writeFileSync(exportFile, quotedCsv(EXPORT_ROWS));
    const out = path.join(dir, "Merged-register.xlsx");
    const r = await runMain([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      out,
      "--register",
      "Highway Register",
      "--as-at",
      "2022-10-10",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Register.xlsx");
    expect(r.stderr).toContain("Highway Register");
    expect(r.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
    expect(sha(into)).toBe(intoSha);
  });

  it("an export that names the same risk twice with different owners is refused naming the export and both rows, not merged by whichever came last", async () => {
    const rows = EXPORT_ROWS.map((r) => r.slice());
    rows.push([
      "HRC-003",
      "Winter salt stock",
      "Someone Else",
      2,
      2,
      4,
      "Treat",
      "Open",
      "20/09/2022",
      "Stock checked",
    ]);
    const dupFile = path.join(dir, "IRIS duplicate.csv");
    fs.writeFileSync(dupFile, quotedCsv(rows));
    const dupSha = sha(dupFile);
    const out = path.join(dir, "Merged-dup.xlsx");
    const r = await runMain(importArgs(dupFile, into, out));
    const said = r.stdout + r.stderr;
    expect(said).toMatch(/HRC-003/);
    expect(said).toMatch(/twice|duplicate|more than once/i);
    expect(said).toMatch(/IRIS duplicate\.csv/);
    if (fs.existsSync(out)) expect(at(await sheetOf(out), 6, 2)).toBe("P Jones");
    expect(sha(dupFile)).toBe(dupSha);
    expect(sha(into)).toBe(intoSha);
  });

  it("a text longer than a cell holds is not written: the summary names the cell and the length, and the cell keeps the officer's text", async () => {
    const rows = EXPORT_ROWS.map((r) => r.slice());
    rows[1][9] = "x".repeat(40_000);
    const longFile = path.join(dir, "IRIS long.csv");
    fs.writeFileSync(longFile, quotedCsv(rows));
    const out = path.join(dir, "Merged-long.xlsx");
    const r = await runMain(importArgs(longFile, into, out));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("J4");
    expect(r.stdout).toMatch(/40[,.]?000/);
    expect(at(await sheetOf(out), 4, 9)).toBe("Reviewed at RMB");
    expect(sha(into)).toBe(intoSha);
  });

  it("a register damaged in one sheet part is refused naming the file and the part, and no merged file is left", async () => {
    const { unzipSync, zipSync } = await import("fflate");
    const parts = unzipSync(new Uint8Array(fs.readFileSync(into)));
    parts["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(
      new TextDecoder()
        .decode(parts["xl/worksheets/sheet1.xml"])
        .replace("</sheetData>", "<row></sheetData>"),
    );
    const damaged = path.join(dir, "Damaged register.xlsx");
    fs.writeFileSync(damaged, zipSync(parts));
    const damagedSha = sha(damaged);
    fs.writeFileSync(exportFile, quotedCsv(EXPORT_ROWS));
    const out = path.join(dir, "Merged-damaged.xlsx");
    const r = await runMain(importArgs(exportFile, damaged, out));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Damaged register.xlsx");
    expect(r.stderr).toMatch(/sheet1\.xml|Highways Register/);
    expect(r.stderr).not.toMatch(/unexpected error|this is a bug/);
    expect(fs.existsSync(out)).toBe(false);
    expect(sha(damaged)).toBe(damagedSha);
  });
});
