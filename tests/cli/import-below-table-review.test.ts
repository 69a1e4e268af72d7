// Import review (rv-imp30): the monthly IRIS import (`risk-review import EXPORT.xlsx --into WORKBOOK.xlsx --out
// MERGED.xlsx --as-at …`) into registers that hold things below or inside the table that are not risks: a
// colour key (a blank row, "Key:", then Red / Amber / Green with their bands), a sign-off block ("Approved by: |
// Jo Smith | Date: | 28/09/2022"), a note ("Last reviewed at RMB 28/09/22"), an Excel table's totals row and a
// typed "Total" row of SUM formulas, a CLOSED RISKS section at the bottom, section headings ("Financial and
// commercial risks") with risks under each, hidden rows and rows grouped in an outline. Each month's export brings
// changes to existing risks and two or three new ones. MERGED.xlsx is read back with ExcelJS, and `check` is run
// on it: a new risk must be read as an open risk of the register (an open risk is routed: every new risk here
// scores 9 or more, so an open one is on the Escalation list), nothing below the table may be moved,
// overwritten or lost, and the text report and JSON must tell the officer where the new risks went and what the
// import could not do. Not repeated here (import-review-28, import-new-layouts-review): a Total row that is the
// last row of the sheet, a "Closed Risks" sheet, month columns.
//
// SPEC passages relied on: "Imports" (a risk missing from the export is flagged in the register, never deleted),
// "Writing files" (Lossless: only the listed cells, the new rows, the backup and the log change; Tables: new
// rows appended to a register that is an Excel table extend the table), "What must never happen" (a user's
// cell overwritten without the officer asking), "Real registers" (section rows and totals rows are not
// records). README "Import": new risks go inside an Excel table above its totals row; under a register's own
// Total row they go below it "and the preview says its totals leave them out"; new rows below a CLOSED RISKS
// heading are warned of. Tests named "guard:" pass today and keep a behaviour a fix must not break; "(judgement)"
// marks where SPEC is silent and an officer's reading decides.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
import { sha, tempFolder } from "../helpers/test-files";
import { checkJson } from "./helpers/review-book";
import { runMain } from "./helpers/main-in-process";

jest.setTimeout(120_000);

const AS_AT = "2022-10-10";
const REG = "Risk Register";
const tmp = tempFolder("crr-rv-imp30-");
let files = 0;
const fresh = (name: string): string => {
  const dir = path.join(tmp, String(++files));
  fs.mkdirSync(dir);
  return path.join(dir, name);
};

type Cell = string | number | Date | null;
const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "Strategy",
  "Status",
  "Last Updated",
  "Latest Update",
];
/** A register (or export) row in HEAD's order; the score is likelihood × impact. */
const risk = (
  id: string,
  title: string,
  owner: string,
  l: number,
  i: number,
  update: string,
  updated = d(2022, 9, 28),
  status = "Open",
): Cell[] => [id, title, owner, l, i, l * i, "Treat", status, updated, update];

// The council's four live risks as they stood after September's meeting.
const HRC1 = risk("HRC-001", "Contractor insolvency", "Jane Smith", 3, 4, "Parent guarantee checked");
const HRC2 = risk("HRC-002", "Pain/gain share overspend", "Bob Jones", 3, 3, "Quarterly reconciliation");
const HRC3 = risk("HRC-003", "Gully cleansing backlog", "Amy Lee", 2, 3, "Cycle on track");
const HRC4 = risk("HRC-004", "Winter salt stock", "Sam Khan", 2, 2, "Stock checked");

// October's IRIS export: HRC-001 and HRC-003 changed, HRC-002 and HRC-004 as they were, new risks (scores 16,
// 12, 9: each is routed to a register when it is read as open).
const OCT = d(2022, 10, 5);
const HRC1_OCT = risk("HRC-001", "Contractor insolvency", "Jane Smith", 4, 4, "Parent guarantee called", OCT);
const HRC3_OCT = risk("HRC-003", "Gully cleansing backlog", "Amy Lee", 3, 3, "Backlog grown", OCT);
const NEW10 = risk("HRC-010", "Bridge joint failure", "Sam Khan", 4, 4, "Inspection booked", OCT);
const NEW11 = risk("HRC-011", "Street lighting column failures", "Amy Lee", 3, 4, "Survey ordered", OCT);
const NEW12 = risk("HRC-012", "Traffic signal obsolescence", "Bob Jones", 3, 3, "Parts sourced", OCT);
const OCTOBER = [HRC1_OCT, HRC2, HRC3_OCT, HRC4, NEW10, NEW11];

const TITLE: Cell[] = ["Highways Contract – Risk Register"];
const FIN: Cell[] = ["Financial and commercial risks"];
const OPS: Cell[] = ["Operational risks"];
const SIGN_OFF: Cell[] = ["Approved by:", "Jo Smith", "Date:", d(2022, 9, 28)];
const NOTE: Cell[] = ["Last reviewed at RMB 28/09/22"];

// ---------------------------------------------------------------------------------------------------
// Workbooks

function put(ws: ExcelJS.Worksheet, rows: Cell[][]): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const c = ws.getCell(i + 1, j + 1);
      c.value = v;
      if (v instanceof Date) c.numFmt = "dd/mm/yyyy";
    }),
  );
}

/** The council's workbook: one sheet "Risk Register" laid out row by row, then `build` (a table, hidden rows …). */
async function register(rows: Cell[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REG);
  put(ws, rows);
  build?.(ws);
  const file = fresh("Highways risk register.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** The register's risks as an Excel table "Risks" with its header on row 3 (Format as Table), with or without
 * a totals row (Total label, a count of titles, the sum of scores). */
const asTable =
  (rows: Cell[][], totals: boolean) =>
  (ws: ExcelJS.Worksheet): void => {
    ws.addTable({
      name: "Risks",
      ref: "A3",
      headerRow: true,
      totalsRow: totals,
      columns: HEAD.map((name, i) => ({
        name,
        ...(totals && i === 0 ? { totalsRowLabel: "Total" } : {}),
        ...(totals && i === 1 ? { totalsRowFunction: "count" as const } : {}),
        ...(totals && i === 5 ? { totalsRowFunction: "sum" as const } : {}),
      })),
      rows: rows.map((r) => HEAD.map((_, j) => r[j] ?? null)),
    });
  };

/** IRIS's export as .xlsx: one sheet "Risks", the same headers, dates as Excel dates. */
async function irisExport(rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risks");
  put(ws, [HEAD, ...rows]);
  const file = fresh("IRIS export Oct-22.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Running the command line and reading what it wrote

interface Imported {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** The text summary of the same import (written to a second MERGED). */
  text: string;
  out: string;
  ws: ExcelJS.Worksheet;
  wb: ExcelJS.Workbook;
}

/** `risk-review import EXPORT --into INTO --out MERGED --as-at 2022-10-10` in JSON and in text; inputs untouched. */
async function runImport(exportFile: string, into: string): Promise<Imported> {
  const before = [sha(exportFile), sha(into)];
  const args = (out: string, format: string) => [
    "import",
    exportFile,
    "--into",
    into,
    "--out",
    out,
    "--as-at",
    AS_AT,
    "--format",
    format,
  ];
  const out = fresh("Merged.xlsx");
  const run = await runMain(args(out, "json"));
  const text = await runMain(args(fresh("Merged (text).xlsx"), "text"));
  expect([sha(exportFile), sha(into)]).toEqual(before);
  if (run.status !== 0) throw new Error(`import failed (${run.status}): ${run.stderr}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return {
    status: run.status,
    json: JSON.parse(run.stdout),
    text: text.stdout + text.stderr,
    out,
    wb,
    ws: wb.getWorksheet(REG)!,
  };
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(REG)!;
}

/** The range of the register's Excel table "Risks" as the file holds it ("A3:J8"). */
const tableRef = (ws: ExcelJS.Worksheet): string =>
  (ws.getTable("Risks") as unknown as { table: { tableRef: string } }).table.tableRef;

/** A cell as an officer sees it: a date dd/mm/yyyy, a formula as "=…", blank as null. */
function v(ws: ExcelJS.Worksheet, ref: string): string | number | null {
  const x = ws.getCell(ref).value as unknown;
  if (x === null || x === undefined || x === "") return null;
  if (x instanceof Date)
    return `${String(x.getUTCDate()).padStart(2, "0")}/${String(x.getUTCMonth() + 1).padStart(2, "0")}/${x.getUTCFullYear()}`;
  if (typeof x === "object") {
    const o = x as { formula?: string; sharedFormula?: string; richText?: { text: string }[] };
    if (o.formula) return `=${o.formula}`;
    if (o.richText) return o.richText.map((t) => t.text).join("");
    return JSON.stringify(o);
  }
  return x as string | number;
}
const COLS = "ABCDEFGHIJ".split("");
/** Row n's ten cells. */
const rowOf = (ws: ExcelJS.Worksheet, n: number) => COLS.map((c) => v(ws, `${c}${n}`));

/** The Import Log's Risk ID column. */
function loggedIds(wb: ExcelJS.Workbook): string[] {
  const log = wb.getWorksheet("Import Log");
  if (!log) return [];
  let idCol = 0;
  let headerRow = 0;
  log.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((c, col) => {
      if (String(c.value).trim() === "Risk ID") {
        idCol = col;
        headerRow = n;
      }
    });
  });
  const ids: string[] = [];
  log.eachRow((row, n) => {
    if (n > headerRow && idCol) ids.push(String(row.getCell(idCol).value ?? ""));
  });
  return ids;
}

const checkText = async (file: string): Promise<string> => {
  const run = await runMain(["check", file, "--as-at", AS_AT, "--format", "text"]);
  return run.stdout;
};
/** The "Sections: …" line the check prints under the register's entry (or "" when it names none). */
const sectionsLine = (text: string): string => {
  const block = text.slice(text.indexOf(`  ${REG}:`));
  const m = /^\s+Sections: (.*)$/m.exec(block.split(/\n {2}\S/)[0]);
  return m ? m[1] : "";
};
/** Where the check routes an open risk of the register (an empty list when it reads the risk as closed). */
const routed = (json: JsonReport, id: string): string[] =>
  json.escalations
    .filter((e) => e.recordId === id && e.sheet === REG)
    .flatMap((e) => e.destinations as string[]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const newRows = (json: any): Record<string, number> =>
  Object.fromEntries(json.risks.new.map((n: { id: string; row: number }) => [n.id, n.row]));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const missingIds = (json: any): string[] => json.risks.missing.map((m: { id: string }) => m.id);

/** The text names row `row` for new risk `id`: on a line naming the risk, or on a line about the new rows. */
function saysRowOf(text: string, id: string, row: number): boolean {
  return text
    .split("\n")
    .filter((l) => l.includes(id) || /new (rows|risks)/i.test(l))
    .some((l) => new RegExp(`\\brows? ${row}\\b|\\brows \\d+[–-]${row}\\b|\\brows ${row}[–-]\\d+`).test(l));
}

// ===================================================================================================
// (1) A register kept as a plain range: two sections, then a blank row, a colour key, a sign-off block and a
// note of the meeting that last reviewed it.

describe("(1) sections, then a colour key, a sign-off block and a note below the risks", () => {
  const rows: Cell[][] = [
    TITLE,
    [],
    HEAD,
    FIN, // 4
    HRC1, // 5
    HRC2, // 6
    OPS, // 7
    HRC3, // 8
    HRC4, // 9
    [], // 10
    ["Key:"], // 11
    ["Red", "15–25: escalate to the corporate register"], // 12
    ["Amber", "5–12: directorate register"], // 13
    ["Green", "1–4: manage locally"], // 14
    [], // 15
    SIGN_OFF, // 16
    NOTE, // 17
  ];
  let into: string;
  let run: Imported;
  let original: ExcelJS.Worksheet;
  beforeAll(async () => {
    into = await register(rows);
    original = await sheetOf(into);
    run = await runImport(await irisExport(OCTOBER), into);
  });

  it("guard: HRC-001 (under Financial) and HRC-003 (under Operational) are updated in place; the headings and HRC-002 stay as they were", () => {
    expect(run.status).toBe(0);
    expect(run.json.risks.changed.map((c: { id: string; row: number }) => [c.id, c.row])).toEqual([
      ["HRC-001", 5],
      ["HRC-003", 8],
    ]);
    expect(rowOf(run.ws, 5)).toEqual([
      "HRC-001",
      "Contractor insolvency",
      "Jane Smith",
      4,
      4,
      16,
      "Treat",
      "Open",
      "05/10/2022",
      "Parent guarantee called",
    ]);
    expect([v(run.ws, "D8"), v(run.ws, "F8"), v(run.ws, "J8")]).toEqual([3, 9, "Backlog grown"]);
    for (const n of [4, 6, 7, 9]) expect(rowOf(run.ws, n)).toEqual(rowOf(original, n));
  });

  it("the colour key and the sign-off block are not taken for risks missing from the export: no 'Not in IRIS export' note is written into them, and no Import Log row names them", () => {
    // SPEC "Imports": a risk missing from the export is flagged — "Red", "Amber", "Green" and "Approved by:" are
    // no risks (the check itself lists row 11 as a colour key). SPEC "What must never happen": a user's cell
    // overwritten without the officer asking for that change. Today H12, H13, H14 and H16 get "Not in IRIS
    // export of 10/10/2022".
    for (const n of [10, 11, 12, 13, 14, 15, 16, 17])
      expect([n, rowOf(run.ws, n)]).toEqual([n, rowOf(original, n)]);
    expect(missingIds(run.json)).toEqual([]);
    expect(loggedIds(run.wb).filter((id) => /^(Red|Amber|Green|Approved by:)$/.test(id))).toEqual([]);
  });

  it("check of MERGED reads HRC-010 and HRC-011 as open risks of the register, under the register's own sections, not under the note 'Last reviewed at RMB 28/09/22'", async () => {
    // The brief's contract for an import: a new risk is read by `check` of MERGED as an open risk of that
    // register. SPEC "Real registers": a one-text row is a heading whose text becomes the section (and so the
    // appetite category) of the rows below — new rows written below the note make the note their category.
    // Today the new rows go to 18–19, under the note, and the check lists "Last reviewed at RMB 28/09/22
    // (row 17)" as a section and judges HRC-010's appetite by it.
    const before = sectionsLine(await checkText(into));
    expect(before).toBe("Financial and commercial risks (row 4); Operational risks (row 7).");
    const json = await checkJson(run.out, AS_AT);
    expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
    expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
    const appetite = json.findings
      .filter((f) => f.ruleId === "risk/above-appetite" && /^HRC-01[01]$/.test(f.recordId ?? ""))
      .map((f) => f.message);
    expect(appetite.join(" ")).not.toMatch(/Last reviewed/);
    expect(sectionsLine(await checkText(run.out))).toBe(before);
  });

  it("(judgement) the text report says which rows the new risks were written to, as the JSON does", () => {
    // An officer reads the text summary, not the JSON: "New: HRC-010, HRC-011" does not say that they went
    // below the sign-off block (rows 18–19), where nobody looking at the register's table would find them.
    const at = newRows(run.json);
    expect(Object.keys(at)).toEqual(["HRC-010", "HRC-011"]);
    for (const [id, row] of Object.entries(at))
      expect([id, saysRowOf(run.text, id, row)]).toEqual([id, true]);
  });
});

// ===================================================================================================
// (2) The register is an Excel table with a totals row; two blank rows below it, then the sign-off and the note.

describe("(2) an Excel table with a totals row, a sign-off block and a note two rows below it", () => {
  const rows: Cell[][] = [TITLE, [], [], [], [], [], [], [], [], [], SIGN_OFF, NOTE];
  let into: string;
  let run: Imported;
  let original: ExcelJS.Worksheet;
  beforeAll(async () => {
    into = await register(rows, asTable([HRC1, HRC2, HRC3, HRC4], true)); // table A3:J8, totals row 8
    original = await sheetOf(into);
    run = await runImport(await irisExport(OCTOBER), into);
  });

  it("the new risks are written inside the table, above its totals row, so its SUBTOTALs count them (SPEC 'Tables')", () => {
    // SPEC "Writing files", Tables: "new rows appended to a register that is an Excel table extend the table".
    // README "Import": "New risks go inside an Excel table, above its totals row (which moves down)". The two
    // blank rows under the totals row leave room for both new risks without touching the sign-off block.
    // Today they are written at rows 13–14, below the note, outside the table (warned), and the totals row's
    // SUBTOTAL(109,Risks[Risk Score]) leaves them out.
    const ref = tableRef(run.ws);
    const [, last] = /^A3:J(\d+)$/.exec(ref)!;
    const totalsRow = Number(last);
    expect(v(run.ws, `A${totalsRow}`)).toBe("Total");
    for (const [id, row] of Object.entries(newRows(run.json))) {
      expect([id, row > 3 && row < totalsRow]).toEqual([id, true]);
      expect(v(run.ws, `A${row}`)).toBe(id);
    }
    expect(v(run.ws, "H11")).toBeNull();
  });

  it("guard: the totals row keeps its formulas as they were, and the sign-off block and the note keep their words", () => {
    // Judged: an Excel table's totals row written by Excel uses structured references (Risks[Risk Score]),
    // which cover whatever rows the table holds; they must not be rewritten into A1 ranges or values.
    const ref = tableRef(run.ws);
    const totalsRow = Number(/(\d+)$/.exec(ref)![1]);
    expect([v(run.ws, `B${totalsRow}`), v(run.ws, `F${totalsRow}`)]).toEqual([
      v(original, "B8"),
      v(original, "F8"),
    ]);
    expect(v(original, "F8")).toBe("=SUBTOTAL(109,Risks[Risk Score])");
    const signOff = COLS.slice(0, 4).map((c) => v(original, `${c}11`));
    expect(signOff).toEqual(["Approved by:", "Jo Smith", "Date:", "28/09/2022"]);
    // Where ever the block stands after the import, its words are whole, in order, and the note follows it.
    let at = 0;
    for (let n = totalsRow + 1; n <= 30 && !at; n++) if (v(run.ws, `A${n}`) === "Approved by:") at = n;
    expect(COLS.slice(0, 4).map((c) => v(run.ws, `${c}${at}`))).toEqual(signOff);
    expect(v(run.ws, `A${at + 1}`)).toBe("Last reviewed at RMB 28/09/22");
  });
});

// ===================================================================================================
// (3) An Excel table with no totals row; a blank row, then the colour key. Three new risks.

describe("(3) an Excel table without a totals row, a blank row, then the colour key", () => {
  const rows: Cell[][] = [
    TITLE,
    [],
    [],
    [],
    [],
    [],
    [],
    [], // 8: blank, under the table A3:J7
    ["Key:"], // 9
    ["Red", "15–25: escalate"], // 10
    ["Amber", "5–12: directorate register"], // 11
    ["Green", "1–4: manage locally"], // 12
  ];
  let into: string;
  let run: Imported;
  let original: ExcelJS.Worksheet;
  beforeAll(async () => {
    into = await register(rows, asTable([HRC1, HRC2, HRC3, HRC4], false));
    original = await sheetOf(into);
    run = await runImport(await irisExport([...OCTOBER, NEW12]), into);
  });

  it("the new risks extend the table, or the summary says plainly that they were written outside it", () => {
    // SPEC "Writing files", Tables: new rows appended to a register that is an Excel table extend the table (its
    // range and its filter). Where the product cannot (the key is in the way), the officer must be told, as
    // it does for a table with a totals row ("… outside the table (its filter, style and totals) …"). Today the
    // three rows go to 13–15, below the key, the table stays A3:J7, and neither JSON warnings nor the text
    // say a word about it.
    const ref = tableRef(run.ws);
    const last = Number(/(\d+)$/.exec(ref)![1]);
    const rowsOfNew = Object.values(newRows(run.json));
    expect(rowsOfNew).toHaveLength(3);
    const inside = rowsOfNew.every((r) => r > 3 && r <= last);
    const told =
      /outside the table/i.test(run.json.warnings.join(" ")) && /outside the table/i.test(run.text);
    expect({ ref, rowsOfNew, insideOrTold: inside || told }).toEqual({ ref, rowsOfNew, insideOrTold: true });
  });

  it("guard: the key's words stay where they were, and check of MERGED reads all three new risks as open risks of the register", async () => {
    for (const n of [9, 10, 11, 12])
      expect([n, v(run.ws, `A${n}`), v(run.ws, `B${n}`)]).toEqual([
        n,
        v(original, `A${n}`),
        v(original, `B${n}`),
      ]);
    const json = await checkJson(run.out, AS_AT);
    expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
    expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
    expect(routed(json, "HRC-012")).toEqual(["directorate-register"]);
  });
});

// ===================================================================================================
// (4) A plain register with its own typed Total row (a SUM of the scores), then a blank row and notes.

describe("(4) a typed Total row of SUM formulas with notes below it", () => {
  const rows: Cell[][] = [
    TITLE,
    [],
    HEAD,
    HRC1, // 4
    HRC2,
    HRC3,
    HRC4, // 7
    ["Total"], // 8, F8 = SUM(F4:F7)
    [], // 9
    ["Notes:"], // 10
    NOTE, // 11
  ];
  let into: string;
  let run: Imported;
  let original: ExcelJS.Worksheet;
  beforeAll(async () => {
    into = await register(rows, (ws) => {
      ws.getCell("F8").value = { formula: "SUM(F4:F7)", result: 31 };
    });
    original = await sheetOf(into);
    run = await runImport(await irisExport(OCTOBER), into);
  });

  it("the summary says the Total row's SUM leaves the new risks out (README 'Import'), in the text and the JSON", () => {
    // README "Import": "Under a register's own Total row (a row of SUM formulas, not a table's) they go below it,
    // and the preview says its totals leave them out". With the Total row last on the sheet it does
    // (import-review-28); with notes below the Total row the warning is gone: JSON warnings [] and no word in
    // the text, although the SUM(F4:F7) still stops at row 7 and the new risks sit at rows 12–13.
    expect(v(run.ws, "F8")).toBe("=SUM(F4:F7)");
    expect(Math.min(...Object.values(newRows(run.json)))).toBeGreaterThan(8);
    expect(run.json.warnings.join(" ")).toMatch(/total/i);
    expect(run.text).toMatch(/^Warning:.*\btotal/im);
  });

  it("guard: the Total row, its SUM and the notes stay as they were and where they were; check reads the new risks as open", async () => {
    for (const n of [8, 9, 10, 11]) expect([n, rowOf(run.ws, n)]).toEqual([n, rowOf(original, n)]);
    const json = await checkJson(run.out, AS_AT);
    expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
    expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
    expect(json.findings.filter((f) => f.recordId === "Total")).toEqual([]);
  });
});

// ===================================================================================================
// (5) Sections with a CLOSED RISKS section at the bottom; IRIS brings back a risk held only under it.

describe("(5) a CLOSED RISKS section at the bottom of the register, and a risk IRIS reopens from it", () => {
  const rows: Cell[][] = [
    TITLE,
    [],
    HEAD,
    FIN, // 4
    HRC1,
    HRC2,
    OPS, // 7
    HRC3,
    HRC4, // 9
    ["CLOSED RISKS"], // 10
    risk("HRC-007", "Depot lease expiry", "Bob Jones", 1, 2, "Lease renewed", d(2022, 6, 30), "Closed"), // 11
    risk("HRC-008", "Fleet replacement delay", "Amy Lee", 1, 1, "Fleet delivered", d(2022, 7, 31), "Closed"), // 12
  ];
  let into: string;
  let run: Imported;
  let original: ExcelJS.Worksheet;
  beforeAll(async () => {
    into = await register(rows);
    original = await sheetOf(into);
    run = await runImport(
      await irisExport([
        ...OCTOBER,
        risk("HRC-007", "Depot lease expiry", "Bob Jones", 3, 4, "Landlord served notice", OCT, "Open"),
      ]),
      into,
    );
  });

  it("(judgement) check of MERGED reads the new risks HRC-010 and HRC-011 as open risks of the register", async () => {
    // The brief's contract: a new risk from the export is a live risk of the register, and the monthly check
    // must hold it to the update and action rules and route it. README "Import" documents the product's
    // choice today: the new rows are written at rows 13–14, under the CLOSED RISKS heading, with a warning
    // that "the check reads them as closed" — so HRC-010 (score 16) is on no escalation list and exempt from
    // every rule until an officer moves it. An officer expects the import to put a new live risk with the live
    // ones (above the CLOSED RISKS heading), as they would by hand.
    const json = await checkJson(run.out, AS_AT);
    expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
    expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
  });

  it("guard: HRC-007 reopened by IRIS is updated in place under CLOSED RISKS and the summary says the check still reads it as closed; HRC-008 is not flagged", () => {
    // README "Import": a risk under a CLOSED RISKS heading the export makes open is warned of; missing ones are
    // flagged, "not a closed one, nor one closed by where it stands".
    expect(v(run.ws, "A10")).toBe("CLOSED RISKS");
    expect([v(run.ws, "A11"), v(run.ws, "H11"), v(run.ws, "J11"), v(run.ws, "F11")]).toEqual([
      "HRC-007",
      "Open",
      "Landlord served notice",
      12,
    ]);
    expect(rowOf(run.ws, 12)).toEqual(rowOf(original, 12));
    expect(run.json.risks.missing).toEqual([
      expect.objectContaining({ id: "HRC-008", flagged: false, reason: "closed" }),
    ]);
    const said = run.text.split("\n").filter((l) => /^Warning:.*HRC-007/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/row 11/);
    expect(said[0]).toMatch(/CLOSED RISKS/);
    expect(said[0]).toMatch(/closed/i);
  });
});

// ===================================================================================================
// (6) The same risk listed under two sections (a cross-cutting risk): IRIS changes it.

describe("(6) an export row whose id is on the register twice, in two sections", () => {
  const rows: Cell[][] = [TITLE, [], HEAD, FIN, HRC1, HRC2, OPS, HRC3, HRC2, HRC4]; // HRC-002 at rows 6 and 9
  let run: Imported;
  beforeAll(async () => {
    const into = await register(rows);
    run = await runImport(
      await irisExport([
        HRC1,
        risk("HRC-002", "Pain/gain share overspend", "Bob Jones", 4, 4, "Overspend confirmed", OCT),
        HRC3,
        HRC4,
      ]),
      into,
    );
  });

  it("guard: the summary names both rows that hold HRC-002 and says which one it updated", () => {
    const said = run.text.split("\n").filter((l) => /^Warning:.*HRC-002/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/\b6\b/);
    expect(said[0]).toMatch(/\b9\b/);
    expect(run.json.warnings.join(" ")).toMatch(/HRC-002/);
  });

  it("(judgement) after the import the two HRC-002 rows do not contradict each other: both take IRIS's change, or neither does and the summary says why", () => {
    // Both rows are the same risk (same id, same title, same owner): the officer lists it under Financial and
    // Operational on purpose. Today row 6 becomes 4 × 4 = 16 "Overspend confirmed" while row 9 stays
    // 3 × 3 = 9 "Quarterly reconciliation": the register now says two things about one risk, and check of
    // MERGED escalates HRC-002 twice, to the corporate register (row 6) and the directorate register (row 9).
    const cells = (n: number) => ["D", "E", "F", "I", "J"].map((c) => v(run.ws, `${c}${n}`));
    expect(cells(9)).toEqual(cells(6));
    if (v(run.ws, "D6") === 3) expect(run.text).toMatch(/HRC-002.*\b(not written|neither|not updated)\b/);
  });
});

// ===================================================================================================
// (7) Section headings in the id column ("Lot 1", "Lot 2"), and an export risk whose id is "Lot 2".

it("(7) guard: an export risk whose id is 'Lot 2', a section heading's text, is a new risk: the heading row is not written, not flagged, and check reads the new risk as open", async () => {
  // SPEC "Real registers": a one-text row is a heading, not a risk — so it is neither the export's "Lot 2" to
  // be updated nor a risk missing from the export.
  const rows: Cell[][] = [TITLE, [], HEAD, ["Lot 1"], HRC1, HRC2, ["Lot 2"], HRC3, HRC4];
  const into = await register(rows);
  const original = await sheetOf(into);
  const run = await runImport(
    await irisExport([
      HRC1,
      HRC2,
      HRC3,
      HRC4,
      risk("Lot 2", "Lot 2 mobilisation", "Sam Khan", 3, 4, "Mobilisation slipping", OCT),
    ]),
    into,
  );
  expect(rowOf(run.ws, 7)).toEqual(rowOf(original, 7));
  expect(run.json.risks.changed).toEqual([]);
  expect(missingIds(run.json)).toEqual([]);
  const at = newRows(run.json);
  expect(Object.keys(at)).toEqual(["Lot 2"]);
  expect(at["Lot 2"]).not.toBe(7);
  expect(v(run.ws, `B${at["Lot 2"]}`)).toBe("Lot 2 mobilisation");
  const json = await checkJson(run.out, AS_AT);
  expect(routed(json, "Lot 2")).toEqual(["directorate-register"]);
});

// ===================================================================================================
// (8) Hidden rows and rows grouped in an outline.

it("(8) guard: a risk on a hidden row is updated in place and stays hidden; the new risks are written on visible rows", async () => {
  // The officer hid HRC-003 and HRC-004 (rows 6–7). SPEC "Writing files", Lossless: the row's own settings stay.
  const into = await register([TITLE, [], HEAD, HRC1, HRC2, HRC3, HRC4], (ws) => {
    ws.getRow(6).hidden = true;
    ws.getRow(7).hidden = true;
  });
  const run = await runImport(await irisExport(OCTOBER), into);
  expect([v(run.ws, "A6"), v(run.ws, "D6"), v(run.ws, "J6")]).toEqual(["HRC-003", 3, "Backlog grown"]);
  expect([run.ws.getRow(6).hidden, run.ws.getRow(7).hidden]).toEqual([true, true]);
  for (const [id, row] of Object.entries(newRows(run.json)))
    expect([id, v(run.ws, `A${row}`), run.ws.getRow(row).hidden]).toEqual([id, id, false]);
});

it("(8) guard: rows grouped under each section (Operational collapsed) keep their outline; the new risks are visible and read as open", async () => {
  const into = await register([TITLE, [], HEAD, FIN, HRC1, HRC2, OPS, HRC3, HRC4], (ws) => {
    for (const n of [5, 6, 8, 9]) ws.getRow(n).outlineLevel = 1;
    ws.getRow(8).hidden = true;
    ws.getRow(9).hidden = true;
    ws.properties.outlineLevelRow = 1;
  });
  const run = await runImport(await irisExport(OCTOBER), into);
  expect([5, 6, 7, 8, 9].map((n) => [run.ws.getRow(n).outlineLevel ?? 0, run.ws.getRow(n).hidden])).toEqual([
    [1, false],
    [1, false],
    [0, false],
    [1, true],
    [1, true],
  ]);
  expect([v(run.ws, "D8"), v(run.ws, "J8")]).toEqual([3, "Backlog grown"]);
  for (const [id, row] of Object.entries(newRows(run.json)))
    expect([id, v(run.ws, `A${row}`), run.ws.getRow(row).hidden]).toEqual([id, id, false]);
  const json = await checkJson(run.out, AS_AT);
  expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
  expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
});

// ===================================================================================================
// (9) An Excel table holding its section headings, with a totals row and nothing below it.

it("(9) guard: an Excel table with sections inside and a totals row: the new risks go inside above the totals row, which moves down with its SUBTOTALs, and the summary says so", async () => {
  // README "Import": "New risks go inside an Excel table, above its totals row (which moves down)".
  const blank = HEAD.map(() => null);
  const fin = [FIN[0], ...blank.slice(1)];
  const ops = [OPS[0], ...blank.slice(1)];
  const into = await register([TITLE], asTable([fin, HRC1, HRC2, ops, HRC3, HRC4], true)); // A3:J10
  const run = await runImport(await irisExport(OCTOBER), into);
  expect(newRows(run.json)).toEqual({ "HRC-010": 10, "HRC-011": 11 });
  expect(tableRef(run.ws)).toBe("A3:J12");
  expect([v(run.ws, "A12"), v(run.ws, "B12"), v(run.ws, "F12")]).toEqual([
    "Total",
    "=SUBTOTAL(103,Risks[Risk Title])",
    "=SUBTOTAL(109,Risks[Risk Score])",
  ]);
  expect(run.text).toMatch(/totals row moves from row 10 to row 12/);
  const json = await checkJson(run.out, AS_AT);
  expect(routed(json, "HRC-010")).toEqual(["corporate-register"]);
  expect(routed(json, "HRC-011")).toEqual(["directorate-register"]);
  expect([v(run.ws, "A4"), v(run.ws, "A7")]).toEqual([FIN[0], OPS[0]]);
});
