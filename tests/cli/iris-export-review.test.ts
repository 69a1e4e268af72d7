// Review (rv-iris): the contractor's IRIS export as it really arrives each month — its encodings, separators,
// title blocks and footers, its dates and amounts written as text, renamed, missing and extra columns,
// deleted and duplicated risks, empty and bogus files — and what `risk-review import` does with it. Each
// test builds a small council register (.xlsx) and an export the way IRIS or Excel writes it, runs the
// command line in-process through main(), and reads the merged workbook. Expectations are SPEC's
// ("Imports", "Reading sheets", "Values", "Writing files", "What must never happen"); where SPEC is silent
// the test name says "(judgement)" and a comment says why an officer would expect it.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { fromA1 } from "../../src/core/address/a1";
import { isDateFormat } from "../../src/core/parse";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { runMain } from "./helpers/main-in-process";
import { sha, tempFolder } from "../helpers/test-files";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-iris-review-");

type Value = ExcelJS.CellValue;
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
/** Excel's 1900-system serial of a day. */
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

// ---------------------------------------------------------------------------------------------------------
// The council's register and this month's IRIS export
// ---------------------------------------------------------------------------------------------------------

/** The register's columns: IRIS's eleven, then one the council keeps for itself. */
const REGISTER_HEADERS = [
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
  "Financial Impact (£)",
  "Council Comments",
];
/** IRIS's columns, as it exports them. */
const EXPORT_HEADERS = REGISTER_HEADERS.slice(0, 11);

const REGISTER_ROWS: Value[][] = [
  [
    "HRC-001",
    "Road surface failure – A38",
    "Jane Smith",
    3,
    3,
    9,
    "Treat",
    "Open",
    day(2022, 9, 12),
    "Patching programme agreed",
    120000,
    "Raised at RMB in September",
  ],
  [
    "HRC-002",
    "Street lighting outage",
    "Bob Jones",
    2,
    4,
    8,
    "Treat",
    "Open",
    day(2022, 9, 12),
    "LED swap on track",
    50000,
    "Check with the PFI team",
  ],
  [
    "HRC-003",
    "Drainage blockage",
    "Amy Lee",
    4,
    4,
    16,
    "Tolerate",
    "Open",
    day(2022, 9, 12),
    "Gully cleansing cycle",
    1250000,
    "Officer's own note",
  ],
];

/** The same three risks as IRIS writes them to CSV, as text, unchanged since the register was last merged. */
function exportRows(): string[][] {
  return [
    [
      "HRC-001",
      "Road surface failure – A38",
      "Jane Smith",
      "3",
      "3",
      "9",
      "Treat",
      "Open",
      "12/09/2022",
      "Patching programme agreed",
      "120000",
    ],
    [
      "HRC-002",
      "Street lighting outage",
      "Bob Jones",
      "2",
      "4",
      "8",
      "Treat",
      "Open",
      "12/09/2022",
      "LED swap on track",
      "50000",
    ],
    [
      "HRC-003",
      "Drainage blockage",
      "Amy Lee",
      "4",
      "4",
      "16",
      "Tolerate",
      "Open",
      "12/09/2022",
      "Gully cleansing cycle",
      "1250000",
    ],
  ];
}

interface SheetSpec {
  name: string;
  rows: Value[][];
  /** An Excel table over the rows (header row first). */
  table?: boolean;
}

let fileCount = 0;
/** A path for `name` in a folder of its own, so a CSV's sheet name and the logged file name are `name`'s. */
const fresh = (name: string): string => {
  const dir = path.join(tmp, String(++fileCount));
  fs.mkdirSync(dir);
  return path.join(dir, name);
};

/** An .xlsx of the given sheets; dates get a UK date format, money a pounds format. */
async function makeXlsx(name: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.table) {
      ws.addTable({
        name: "RiskRegister",
        ref: "A1",
        headerRow: true,
        columns: (s.rows[0] as string[]).map((h) => ({ name: h, filterButton: true })),
        rows: s.rows.slice(1).map((r) => r.map((v) => v ?? null)),
      });
    } else {
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
        }),
      );
    }
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
        else if (r > 0 && s.rows[0][c] === "Financial Impact (£)" && typeof v === "number")
          cell.numFmt = '"£"#,##0';
      }),
    );
  }
  const file = fresh(name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The council's register workbook: one sheet "Register", as a plain range or an Excel table. */
function makeRegister(
  name = "Register.xlsx",
  opts: { table?: boolean; rows?: Value[][] } = {},
): Promise<string> {
  return makeXlsx(name, [
    { name: "Register", rows: [REGISTER_HEADERS, ...(opts.rows ?? REGISTER_ROWS)], table: opts.table },
  ]);
}

/** Rows as CSV text, RFC 4180: a cell quoted only when it must be. */
function csvText(rows: readonly (readonly string[])[], sep = ",", eol = "\r\n"): string {
  const cell = (v: string) => (/["\r\n]/.test(v) || v.includes(sep) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(sep)).join(eol) + eol;
}

function writeFile(name: string, bytes: string | Uint8Array): string {
  const file = fresh(name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Windows-1252 bytes of a text (Excel's "CSV (Comma delimited)" on a UK Windows PC). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    "€": 0x80,
    "‘": 0x91,
    "’": 0x92,
    "“": 0x93,
    "”": 0x94,
    "–": 0x96,
    "—": 0x97,
  };
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      if (high[ch] !== undefined) return high[ch];
      throw new Error(`not in Windows-1252: ${ch}`);
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Running the import and reading what it wrote
// ---------------------------------------------------------------------------------------------------------

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  out: string;
  into: string;
}

/**
 * `risk-review import EXPORT --into INTO --out OUT --as-at 2022-10-10 --format json`, checking on the way
 * that the command never changed its inputs (SPEC "Command line": never changes its inputs).
 */
async function runImport(exportFile: string, into: string): Promise<Run> {
  const out = fresh("Merged.xlsx");
  const before = [sha(exportFile), sha(into)];
  const run = await runMain([
    "import",
    exportFile,
    "--into",
    into,
    "--out",
    out,
    "--as-at",
    "2022-10-10",
    "--format",
    "json",
  ]);
  expect([sha(exportFile), sha(into)]).toEqual(before);
  let json: unknown = null;
  if (run.status === 0) json = JSON.parse(run.stdout);
  return { ...run, json, out, into };
}

/** An import that must succeed: exit 0, nothing on stderr. */
async function importOk(exportFile: string, into: string): Promise<Run> {
  const run = await runImport(exportFile, into);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run;
}

/**
 * An import that must be refused: exit 2, one plain-English line naming the export file, no stack trace,
 * and no merged workbook written (SPEC "What must never happen": "a plain-English message naming the file …
 * and the workbook as it was").
 */
async function importRefused(exportFile: string, into: string): Promise<Run> {
  const run = await runImport(exportFile, into);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(path.basename(exportFile));
  expect(run.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
  expect(fs.existsSync(run.out)).toBe(false);
  return run;
}

async function gridsOf(file: string): Promise<Grid[]> {
  return readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
}

function sheetOf(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheetName === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.sheetName).join(", ")}`);
  return g;
}

/** A cell by its A1 address: its value and number format. */
function at(g: Grid, a1: string): { value: CellValue; format: string | null } {
  const p = fromA1(a1)!;
  const r = p.row - g.rowOffset;
  const c = p.col - g.colOffset;
  return { value: g.values[r]?.[c] ?? null, format: g.numberFormats?.[r]?.[c] ?? null };
}

/** The register's rows as values (header first), trailing blanks trimmed. */
function registerValues(g: Grid): CellValue[][] {
  return g.values.map((r) => {
    const row = [...r];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === "")) row.pop();
    return row;
  });
}

/** What the council's register reads as originally (header + rows), as the reader returns it. */
async function originalRegister(into: string): Promise<CellValue[][]> {
  return registerValues(sheetOf(await gridsOf(into), "Register"));
}

interface LogRow {
  when: CellValue;
  file: string;
  sheet: string;
  riskId: string;
  field: string;
  old: string;
  new: string;
}

/** The Import Log's data rows under its own headers. */
function importLog(grids: Grid[]): LogRow[] {
  const log = sheetOf(grids, "Import Log");
  const h = log.values.findIndex((r) => r.includes("When") && r.includes("Field"));
  const hdr = log.values[h].map((v) => String(v ?? ""));
  const col = (name: string) => hdr.indexOf(name);
  const text = (v: CellValue) => (v === null ? "" : String(v));
  return log.values
    .slice(h + 1)
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => ({
      when: r[col("When")],
      file: text(r[col("File")]),
      sheet: text(r[col("Sheet")]),
      riskId: text(r[col("Risk ID")]),
      field: text(r[col("Field")]),
      old: text(r[col("Old")]),
      new: text(r[col("New")]),
    }));
}

interface ChangedCell {
  cell: string;
  header: string;
  old: string;
  new: string;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const changedCells = (json: any): (ChangedCell & { id: string })[] =>
  json.risks.changed.flatMap((r: { id: string; cells: ChangedCell[] }) =>
    r.cells.map((c) => ({ id: r.id, ...c })),
  );

/** An import that found the export exactly as the register already is: no new, no changed, no missing. */
function expectNoChange(run: Run): void {
  expect(run.json.risks.new).toEqual([]);
  expect(changedCells(run.json)).toEqual([]);
  expect(run.json.risks.missing).toEqual([]);
  expect(run.json.cellsWritten).toBe(0);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Encodings and separators (SPEC "Writing files", CSV)
// ---------------------------------------------------------------------------------------------------------

describe("how the CSV arrives: encodings and separators", () => {
  it("UTF-8 with a BOM ('CSV UTF-8'): the BOM is not glued to 'Risk ID', so the risks match and only the real change is made", async () => {
    // SPEC "Writing files": "UTF-8 (with or without BOM) … decoded".
    const into = await makeRegister();
    const rows = exportRows();
    rows[1][9] = "LED swap complete in Zone 3";
    const exp = writeFile("iris-bom.csv", "\ufeff" + csvText([EXPORT_HEADERS, ...rows]));
    const run = await importOk(exp, into);
    expect(run.json.risks.new).toEqual([]);
    expect(run.json.risks.missing).toEqual([]);
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({
        id: "HRC-002",
        cell: "J3",
        old: "LED swap on track",
        new: "LED swap complete in Zone 3",
      }),
    ]);
  });

  it("UTF-16 LE with a BOM, tab-separated (Excel's 'Unicode text'): £, en dash and curly quotes arrive intact", async () => {
    // SPEC "Writing files": "UTF-16 with a BOM … decoded". Excel's Unicode text is tab-separated.
    const into = await makeRegister();
    const rows = exportRows();
    rows[0][9] = "Contractor’s “best estimate” is £1.2m – see RMB";
    const text = csvText([EXPORT_HEADERS, ...rows], "\t");
    const exp = writeFile(
      "iris-unicode.csv",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const run = await importOk(exp, into);
    // The title "Road surface failure – A38" (en dash) reads the same: no change there.
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({
        id: "HRC-001",
        cell: "J2",
        new: "Contractor’s “best estimate” is £1.2m – see RMB",
      }),
    ]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "J2").value).toBe("Contractor’s “best estimate” is £1.2m – see RMB");
  });

  it("Windows-1252 ('CSV (Comma delimited)' on a UK PC): £ and curly quotes are decoded, not turned into � or Ã‚Â£", async () => {
    // SPEC "Writing files": "Windows-1252 [is] decoded".
    const into = await makeRegister();
    const rows = exportRows();
    rows[2][9] = "“Gully” cleansing: £25k overspend – contractor’s view";
    const exp = writeFile("iris-ansi.csv", cp1252(csvText([EXPORT_HEADERS, ...rows])));
    const run = await importOk(exp, into);
    // Only HRC-003's update changes: HRC-001's title with its en dash (0x96) reads as the register's.
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({
        id: "HRC-003",
        cell: "J4",
        new: "“Gully” cleansing: £25k overspend – contractor’s view",
      }),
    ]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "J4").value).toBe("“Gully” cleansing: £25k overspend – contractor’s view");
  });

  it("semicolon-separated (a European-locale PC), with commas inside unquoted text: read on the semicolons", async () => {
    // SPEC "Import": .csv exports are imported; Excel in a European locale writes ';' between cells and does
    // not quote a comma inside a cell, since the comma is not its separator.
    const into = await makeRegister();
    const rows = exportRows();
    rows[0][9] = "Patching programme agreed, A38 and A61, subject to budget";
    const text = [EXPORT_HEADERS, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
    const exp = writeFile("iris-semicolon.csv", "\ufeff" + text);
    const run = await importOk(exp, into);
    expect(run.json.risks.new).toEqual([]);
    expect(run.json.risks.missing).toEqual([]);
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({
        id: "HRC-001",
        cell: "J2",
        new: "Patching programme agreed, A38 and A61, subject to budget",
      }),
    ]);
  });

  it("a quoted update holding line breaks (CRLF inside the quotes) is one cell of one risk, not extra rows", async () => {
    // SPEC "Writing files": "quoted fields across lines are read as RFC 4180 says".
    const into = await makeRegister();
    const rows = exportRows();
    rows[1][9] = "10/10/22 – columns 14-20 replaced\r\n12/09/22 – LED swap on track\r\nHRC-009: see lighting";
    const exp = writeFile("iris-multiline.csv", csvText([EXPORT_HEADERS, ...rows]));
    const run = await importOk(exp, into);
    expect(run.json.risks.new).toEqual([]);
    expect(run.json.risks.missing).toEqual([]);
    const cells = changedCells(run.json);
    expect(cells.map((c) => [c.id, c.cell])).toEqual([["HRC-002", "J3"]]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "J3").value).toBe(
      "10/10/22 – columns 14-20 replaced\n12/09/22 – LED swap on track\nHRC-009: see lighting",
    );
    // Nothing appended below the three risks.
    expect(at(reg, "A5").value).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. The report around the table: title block, footer, page breaks, a filters sheet
// ---------------------------------------------------------------------------------------------------------

describe("the report around the table", () => {
  it("a title block of three rows above the header is skipped: the header is found on row 4", async () => {
    // SPEC "Reading sheets": "The header row is found … in rows 1–20 … Title rows above it are fine."
    const into = await makeRegister();
    const exp = writeFile(
      "iris-title.csv",
      csvText([
        ["IRIS Risk Register – Highways Term Maintenance Contract"],
        ["Report: All live risks"],
        ["Run on 10/10/2022 14:05 by J.Bloggs"],
        EXPORT_HEADERS,
        ...exportRows(),
      ]),
    );
    const run = await importOk(exp, into);
    expectNoChange(run);
  });

  it("(judgement) a footer row 'Exported by IRIS on 10/10/2022 14:05' … 'Page 1 of 3' across the page is not added to the register as a risk", async () => {
    // SPEC is silent on report footers. IRIS prints its footer with the run date at the left and the page
    // number at the right, so the row has two texts and is not a "section row". No officer would want a risk
    // with the id "Exported by IRIS on 10/10/2022 14:05" appended to the register (nor a risk "Page 1 of 3").
    const into = await makeRegister();
    const footer = [
      "Exported by IRIS on 10/10/2022 14:05",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "Page 1 of 3",
    ];
    const exp = writeFile("iris-footer-wide.csv", csvText([EXPORT_HEADERS, ...exportRows(), footer]));
    const run = await importOk(exp, into);
    expect(run.json.risks.new).toEqual([]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(registerValues(reg).flat()).not.toContain("Exported by IRIS on 10/10/2022 14:05");
  });

  it("a paged export: the header repeated at each page break and one-cell 'Page n of 2' / 'Exported by IRIS …' lines add no risks", async () => {
    // SPEC "Reading sheets": "A header row repeated inside the table (page breaks) is skipped." "Real registers":
    // a row holding one text only, with no owner, score, status or date, is a heading, "not a risk".
    const into = await makeRegister();
    const [r1, r2, r3] = exportRows();
    const exp = writeFile(
      "iris-paged.csv",
      csvText([
        EXPORT_HEADERS,
        r1,
        r2,
        ["Page 1 of 2"],
        EXPORT_HEADERS,
        r3,
        [],
        ["Exported by IRIS on 10/10/2022 14:05"],
        ["Page 2 of 2"],
      ]),
    );
    const run = await importOk(exp, into);
    expectNoChange(run);
  });

  it("an .xlsx export whose first sheet is 'Filters applied': the risks come from the risks sheet, the filter list is not imported", async () => {
    // SPEC "Import": the export's risks (and optionally actions) are found by their headers. A sheet listing
    // the report's filters ("Risk Status = Open") is neither.
    const into = await makeRegister();
    const exp = await makeXlsx("iris-filters.xlsx", [
      {
        name: "Filters applied",
        rows: [
          ["Filters applied to this report"],
          ["Field", "Condition", "Value"],
          ["Risk Status", "equals", "Open"],
          ["Risk Owner", "any", ""],
          ["Service Area", "equals", "Highways"],
          ["Action Status", "not equal", "Closed"],
        ],
      },
      { name: "Risk Register", rows: [EXPORT_HEADERS, ...REGISTER_ROWS.map((r) => r.slice(0, 11))] },
    ]);
    const run = await importOk(exp, into);
    expect(run.json.risks.exportSheet).toBe("Risk Register");
    expect(run.json.actions).toBeNull();
    expectNoChange(run);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. Dates and amounts as IRIS writes them (SPEC "Values")
// ---------------------------------------------------------------------------------------------------------

describe("dates and amounts written as text", () => {
  it("(judgement) ISO date-times '2022-09-12T00:00:00' read as the day: the same day is no change, a new one is written as a date", async () => {
    // SPEC "Values" lists ISO dates; IRIS writes ISO 8601 date-times with a midnight time. An officer expects
    // 12 September to be 12 September, not a change to the text "2022-09-12T00:00:00".
    const into = await makeRegister();
    const rows = exportRows();
    rows.forEach((r) => (r[8] = "2022-09-12T00:00:00"));
    rows[1][8] = "2022-10-03T00:00:00";
    const run = await importOk(writeFile("iris-iso.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({ id: "HRC-002", cell: "I3", old: "12/09/2022", new: "03/10/2022" }),
    ]);
    const cell = at(sheetOf(await gridsOf(run.out), "Register"), "I3");
    expect(cell.value).toBe(serial(2022, 10, 3));
    expect(isDateFormat(cell.format)).toBe(true);
  });

  it("(judgement) UK date-times '12/09/2022 00:00' (a date cell saved to CSV with its time) are the day: no change over the officer's date, a new one written as a date", async () => {
    // SPEC "Values": UK day-first dates, and "a date with a note after it … the leading date". Excel writes a
    // date-time cell to CSV as "12/09/2022 00:00"; an officer expects it to be the same 12 September as the
    // register's date, not a text replacing it.
    const into = await makeRegister();
    const rows = exportRows();
    rows.forEach((r) => (r[8] = "12/09/2022 00:00"));
    rows[0][8] = "03/10/2022 00:00";
    const run = await importOk(writeFile("iris-datetime.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    expect(changedCells(run.json).map((c) => [c.id, c.cell, c.new])).toEqual([
      ["HRC-001", "I2", "03/10/2022"],
    ]);
    const cell = at(sheetOf(await gridsOf(run.out), "Register"), "I2");
    expect(cell.value).toBe(serial(2022, 10, 3));
    expect(isDateFormat(cell.format)).toBe(true);
  });

  it("US dates '09/30/2022': the column is read month first, so '09/12/2022' is 12 September (no change) and '10/03/2022' is 3 October", async () => {
    // SPEC "Values": "A column in which some value can only be month-first (09/30/2022) and none can only be
    // day-first is read month-first as a whole".
    const into = await makeRegister();
    const rows = exportRows();
    rows[0][8] = "09/12/2022";
    rows[1][8] = "09/30/2022";
    rows[2][8] = "10/03/2022";
    const run = await importOk(writeFile("iris-us.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    const cells = changedCells(run.json);
    expect(cells.map((c) => [c.id, c.cell, c.new])).toEqual([
      ["HRC-002", "I3", "30/09/2022"],
      ["HRC-003", "I4", "03/10/2022"],
    ]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "I2").value).toBe(serial(2022, 9, 12));
    expect(at(reg, "I3").value).toBe(serial(2022, 9, 30));
    expect(at(reg, "I4").value).toBe(serial(2022, 10, 3));
    expect(isDateFormat(at(reg, "I4").format)).toBe(true);
  });

  it("Excel serials in a CSV date column ('44816'): the same day is no change, a later one is written as a date, not as 44837", async () => {
    // SPEC "Values": "a bare number 20000–80000 in a date column of a CSV (an Excel serial)".
    const into = await makeRegister();
    const rows = exportRows();
    rows.forEach((r) => (r[8] = String(serial(2022, 9, 12))));
    rows[2][8] = String(serial(2022, 10, 3));
    const run = await importOk(writeFile("iris-serials.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    expect(changedCells(run.json)).toEqual([
      expect.objectContaining({ id: "HRC-003", cell: "I4", new: "03/10/2022" }),
    ]);
    const cell = at(sheetOf(await gridsOf(run.out), "Register"), "I4");
    expect(cell.value).toBe(serial(2022, 10, 3));
    expect(isDateFormat(cell.format)).toBe(true);
  });

  it("amounts as text with thousands separators ('£1,250,000') equal the register's numbers; a new amount is written as a number", async () => {
    // SPEC "Values", Money: "120,000" … "a number in a money-formatted cell"; "Imports": values compared as text,
    // so a re-import shows no changes. A financial impact written as text would drop out of the council's totals.
    const into = await makeRegister();
    const rows = exportRows();
    rows[0][10] = "£120,000";
    rows[1][10] = "£75,000";
    rows[2][10] = "£1,250,000";
    const run = await importOk(writeFile("iris-money.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    expect(changedCells(run.json).map((c) => [c.id, c.cell])).toEqual([["HRC-002", "K3"]]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "K3").value).toBe(75000);
    expect(at(reg, "K4").value).toBe(1250000);
  });

  it("(judgement) an .xlsx export with scores stored as text ('3', Excel's green triangle) is no change against the register's numbers, and a new score is written as a number", async () => {
    // SPEC "Imports": values are compared as text, so "3" and 3 are the same. SPEC is silent on writing a
    // number-stored-as-text: the register's Risk Score, sorting and the heat map need a number, and SPEC
    // "What must never happen" says numbers stay numbers.
    const into = await makeRegister();
    const rows = REGISTER_ROWS.map((r) =>
      r.slice(0, 11).map((v) => (typeof v === "number" && v < 30 ? String(v) : v)),
    );
    rows[0][3] = "4";
    rows[0][5] = "12";
    const exp = await makeXlsx("iris-text-numbers.xlsx", [
      { name: "Risks", rows: [EXPORT_HEADERS, ...rows] },
    ]);
    const run = await importOk(exp, into);
    expect(changedCells(run.json).map((c) => [c.id, c.cell])).toEqual([
      ["HRC-001", "D2"],
      ["HRC-001", "F2"],
    ]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "D2").value).toBe(4);
    expect(at(reg, "F2").value).toBe(12);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 4. Columns that changed since last month
// ---------------------------------------------------------------------------------------------------------

describe("columns that changed since last month", () => {
  it("IRIS renamed 'Risk Owner' to 'Owner (Primary)': next month's owners still go to the register's Risk Owner column, and the rename is reported", async () => {
    // SPEC "Import": the mapping is saved in Settings as the IRIS profile; "Settings": the IRIS import
    // profile. A renamed column must not make a month's owner changes vanish (nor land in a new column).
    const into = await makeRegister();
    const m1 = exportRows();
    m1[0][9] = "September: patching programme agreed";
    const first = await importOk(writeFile("iris-sept.csv", csvText([EXPORT_HEADERS, ...m1])), into);
    const m2 = exportRows().map((r) => [...r]);
    m2[0][9] = m1[0][9];
    m2[1][2] = "Priya Patel";
    const renamed = EXPORT_HEADERS.map((h) => (h === "Risk Owner" ? "Owner (Primary)" : h));
    const octFile = writeFile("iris-oct.csv", csvText([renamed, ...m2]));
    const second = await importOk(octFile, first.out);
    expect(second.json.layoutChanges).toEqual([
      expect.objectContaining({ kind: "renamed", from: "Risk Owner", to: "Owner (Primary)", field: "owner" }),
    ]);
    expect(changedCells(second.json)).toEqual([
      expect.objectContaining({
        id: "HRC-002",
        cell: "C3",
        header: "Risk Owner",
        old: "Bob Jones",
        new: "Priya Patel",
      }),
    ]);
    const grids = await gridsOf(second.out);
    expect(at(sheetOf(grids, "Register"), "C3").value).toBe("Priya Patel");
    expect(importLog(grids).filter((l) => l.file === path.basename(octFile))).toEqual([
      expect.objectContaining({
        riskId: "HRC-002",
        field: "Risk Owner",
        old: "Bob Jones",
        new: "Priya Patel",
      }),
    ]);
  });

  it("a column missing this month (no 'Latest Update', no 'Financial Impact (£)'): the register's cells under it are kept, not blanked", async () => {
    // SPEC "What must never happen": a user's cell overwritten without the officer asking for that change.
    const into = await makeRegister();
    const headers = EXPORT_HEADERS.slice(0, 9);
    const rows = exportRows().map((r) => r.slice(0, 9));
    rows[2][7] = "Escalated";
    const run = await importOk(writeFile("iris-short.csv", csvText([headers, ...rows])), into);
    expect(changedCells(run.json).map((c) => [c.id, c.cell])).toEqual([["HRC-003", "H4"]]);
    const before = await originalRegister(into);
    const after = registerValues(sheetOf(await gridsOf(run.out), "Register"));
    for (const col of [9, 10, 11]) expect(after.map((r) => r[col])).toEqual(before.map((r) => r[col]));
  });

  it("an extra column IRIS added this month ('Carbon Impact') is reported as not carried; the register's columns are not changed", async () => {
    // SPEC "Fields": "A header nobody recognises is kept and carried through an import untouched"; the
    // register has no such column, so the officer must be told it was not brought in, and the register's
    // own layout (its header row, its council-only column) stays as it is.
    const into = await makeRegister();
    const rows = exportRows().map((r, i) => [...r, ["Low", "Medium", "High"][i]]);
    rows[0][9] = "Patching programme agreed; carbon assessed";
    const run = await importOk(
      writeFile("iris-extra.csv", csvText([[...EXPORT_HEADERS, "Carbon Impact"], ...rows])),
      into,
    );
    expect(run.json.risks.notCarried).toEqual([expect.objectContaining({ header: "Carbon Impact" })]);
    const reg = registerValues(sheetOf(await gridsOf(run.out), "Register"));
    expect(reg[0]).toEqual(REGISTER_HEADERS);
    expect(reg.map((r) => r[11])).toEqual((await originalRegister(into)).map((r) => r[11]));
    expect(reg.flat()).not.toContain("High");
  });

  it("blanks and 'TBC' in the export never replace what the officer wrote", async () => {
    // SPEC "Real registers": placeholders (TBC, N/A …) count as empty; "What must never happen": a user's
    // cell overwritten without the officer asking.
    const into = await makeRegister();
    const rows = exportRows();
    rows[0][2] = "TBC";
    rows[1][9] = "";
    rows[2][10] = "N/A";
    rows[2][9] = "Gully cleansing cycle – now monthly";
    const run = await importOk(writeFile("iris-blanks.csv", csvText([EXPORT_HEADERS, ...rows])), into);
    expect(changedCells(run.json).map((c) => [c.id, c.cell])).toEqual([["HRC-003", "J4"]]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "C2").value).toBe("Jane Smith");
    expect(at(reg, "J3").value).toBe("LED swap on track");
    expect(at(reg, "K4").value).toBe(1250000);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 5. Risks: deleted, renumbered ids, duplicated, none at all
// ---------------------------------------------------------------------------------------------------------

describe("the risks the export holds", () => {
  it("a risk deleted in IRIS stays in the register, flagged in its Status with a note, every other cell as it was, and the note is logged", async () => {
    // SPEC "Imports": "A risk missing from the export is flagged in the register (a status note), never
    // deleted." "Owned tabs": the Import Log has one row per changed cell.
    const into = await makeRegister();
    const exp = writeFile("iris-deleted.csv", csvText([EXPORT_HEADERS, ...exportRows().slice(0, 2)]));
    const run = await importOk(exp, into);
    expect(run.json.risks.missing).toEqual([
      expect.objectContaining({ id: "HRC-003", flagged: true, cell: "H4" }),
    ]);
    const grids = await gridsOf(run.out);
    const reg = registerValues(sheetOf(grids, "Register"));
    const before = await originalRegister(into);
    expect(reg[3].filter((_, c) => c !== 7)).toEqual(before[3].filter((_, c) => c !== 7));
    expect(String(reg[3][7])).toMatch(/^Open.*not in IRIS export of 10\/10\/2022/);
    expect(importLog(grids)).toEqual([
      expect.objectContaining({
        sheet: "Register",
        riskId: "HRC-003",
        field: "Status",
        old: "Open",
        new: String(reg[3][7]),
      }),
    ]);
  });

  it("(judgement) an id IRIS writes with Excel's text apostrophe (\"'0012\") is the register's risk 0012, not a new risk", async () => {
    // SPEC "Imports": values are compared "after the formula-safety escape is undone"; "Reading sheets":
    // numeric ids keep their leading zeros when the cell is text. SPEC does not say an apostrophe typed into
    // a CSV is that escape, but an officer reads '0012 and 0012 as the same risk: a duplicate risk 0012
    // appended, and the real 0012 flagged "not in IRIS export", would both be wrong.
    const rows = REGISTER_ROWS.map((r, i) => [["0012", "0013", "0014"][i], ...r.slice(1)]);
    const into = await makeRegister("Register-0012.xlsx", { rows });
    const csv = exportRows().map((r, i) => [["'0012", "'0013", "'0014"][i], ...r.slice(1)]);
    const run = await importOk(writeFile("iris-apostrophe.csv", csvText([EXPORT_HEADERS, ...csv])), into);
    expectNoChange(run);
  });

  it("ids with leading zeros ('0012') match the register's text ids, and a new risk '0015' is appended keeping its zeros", async () => {
    // SPEC "Reading sheets": "numeric ids keep their leading zeros when the cell is text".
    const rows = REGISTER_ROWS.map((r, i) => [["0012", "0013", "0014"][i], ...r.slice(1)]);
    const into = await makeRegister("Register-zeros.xlsx", { rows });
    const csv = exportRows().map((r, i) => [["0012", "0013", "0014"][i], ...r.slice(1)]);
    const added = [
      "0015",
      "Footway trip hazards",
      "Sam Khan",
      "3",
      "2",
      "6",
      "Treat",
      "Open",
      "03/10/2022",
      "New survey",
      "10000",
    ];
    const run = await importOk(writeFile("iris-zeros.csv", csvText([EXPORT_HEADERS, ...csv, added])), into);
    expect(run.json.risks.missing).toEqual([]);
    expect(changedCells(run.json)).toEqual([]);
    expect(run.json.risks.new).toEqual([expect.objectContaining({ id: "0015", row: 5 })]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "A5").value).toBe("0015");
    expect(at(reg, "A2").value).toBe("0012");
  });

  it("the same risk on two rows of the export is refused, naming the file, sheet, id and rows; nothing is written", async () => {
    // SPEC "What must never happen": a bad file ends "in a plain-English message naming the file, sheet and
    // cell, and the workbook as it was" — not with one row silently chosen over the other.
    const into = await makeRegister();
    const rows = exportRows();
    const dup = [...rows[1]];
    dup[9] = "LED swap complete";
    const exp = writeFile("iris-dup.csv", csvText([EXPORT_HEADERS, ...rows, dup]));
    const run = await importRefused(exp, into);
    expect(run.stderr).toContain(`"${path.basename(exp, ".csv")}"`);
    expect(run.stderr).toContain("HRC-002");
    expect(run.stderr).toMatch(/rows? 3 and 5/);
  });

  it("an export with headers only (IRIS ran the report with a filter that matched nothing) is refused: no risk is flagged as missing", async () => {
    // SPEC "What must never happen": "a silent empty result". Merging an empty export would note every risk
    // in the register "not in IRIS export".
    const into = await makeRegister();
    const run = await importRefused(writeFile("iris-empty.csv", csvText([EXPORT_HEADERS])), into);
    expect(run.stderr).toMatch(/no risks|nothing to import/i);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 6. Files that are not what they say
// ---------------------------------------------------------------------------------------------------------

describe("files that are not what they say", () => {
  const HTML =
    '<html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body><table>' +
    `<tr>${EXPORT_HEADERS.map((h) => `<td>${h}</td>`).join("")}</tr>` +
    exportRows()
      .map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join("")}</tr>`)
      .join("") +
    "</table></body></html>";

  it("an HTML report saved as .xls is refused with 'open it in Excel and save it as .xlsx'", async () => {
    // SPEC "Writing files": ".xls … files are refused with 'open it in Excel and save it as .xlsx'".
    const into = await makeRegister();
    const run = await importRefused(writeFile("IRIS Risks.xls", HTML), into);
    expect(run.stderr).toContain("open it in Excel and save it as .xlsx");
  });

  it("an HTML report saved as .xlsx is refused in plain words naming the file, not a stack trace", async () => {
    // SPEC "What must never happen": a bad file ends in a plain-English message naming the file.
    const into = await makeRegister();
    const run = await importRefused(writeFile("IRIS Risks.xlsx", HTML), into);
    expect(run.stderr).toMatch(/not an? .*(xlsx|workbook)|could not be read|damaged|not a zip/i);
  });

  it("a 0-byte export (a failed download), .csv or .xlsx, is refused as empty", async () => {
    // SPEC "What must never happen": "a silent empty result" (and "Command line": exit 2 for an input that
    // could not be read).
    const into = await makeRegister();
    for (const name of ["iris-zero.csv", "iris-zero.xlsx"]) {
      const run = await importRefused(writeFile(name, ""), into);
      expect(run.stderr).toMatch(/empty|0 bytes/i);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// 7. The register it goes into, and the record of what changed
// ---------------------------------------------------------------------------------------------------------

describe("the register it goes into", () => {
  const newRisk = [
    "HRC-004",
    "Bridge joint failure",
    "Sam Khan",
    "3",
    "4",
    "12",
    "Treat",
    "Open",
    "03/10/2022",
    "Inspection booked",
    "£80,000",
  ];

  it("a register that is a plain range gets the new risk on the next row, its council column left empty", async () => {
    const into = await makeRegister();
    const run = await importOk(
      writeFile("iris-new-plain.csv", csvText([EXPORT_HEADERS, ...exportRows(), newRisk])),
      into,
    );
    expect(run.json.risks.new).toEqual([expect.objectContaining({ id: "HRC-004", row: 5 })]);
    const reg = sheetOf(await gridsOf(run.out), "Register");
    expect(at(reg, "A5").value).toBe("HRC-004");
    expect(at(reg, "C5").value).toBe("Sam Khan");
    expect(at(reg, "K5").value).toBe(80000);
    expect(at(reg, "L5").value).toBeNull();
  });

  it("a register that is an Excel table: the new risk is inside the table (its range and filter extended)", async () => {
    // SPEC "Writing files", Tables: "new rows appended to a register that is an Excel table extend the table
    // (its range and its filter)".
    const into = await makeRegister("Register-table.xlsx", { table: true });
    const run = await importOk(
      writeFile("iris-new-table.csv", csvText([EXPORT_HEADERS, ...exportRows(), newRisk])),
      into,
    );
    expect(run.json.risks.new).toEqual([expect.objectContaining({ id: "HRC-004", row: 5 })]);
    const zip = await JSZip.loadAsync(fs.readFileSync(run.out));
    const tablePart = Object.keys(zip.files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n));
    expect(tablePart).toBeDefined();
    const xml = await zip.file(tablePart!)!.async("string");
    expect(xml).toMatch(/<table [^>]*ref="A1:L5"/);
    expect(xml).toMatch(/<autoFilter [^>]*ref="A1:L5"/);
    expect(at(sheetOf(await gridsOf(run.out), "Register"), "A5").value).toBe("HRC-004");
  });

  it("the Import Log has one row per cell written — changed, new and flagged — each naming the file, sheet, risk, field, old and new", async () => {
    // SPEC "Owned tabs", Import Log: "one row per changed cell: when (an Excel date and time), file, sheet,
    // risk id, action id …, field (the sheet's header text), old, new."
    const into = await makeRegister();
    const rows = exportRows().slice(0, 2);
    rows[0][2] = "Priya Patel";
    rows[1][8] = "03/10/2022";
    const exp = writeFile("IRIS export Oct 2022.csv", csvText([EXPORT_HEADERS, ...rows, newRisk]));
    const run = await importOk(exp, into);
    const log = importLog(await gridsOf(run.out));
    expect(log.length).toBe(run.json.cellsWritten);
    expect(log.length).toBe(run.json.importLogRows);
    for (const l of log) {
      expect(l.file).toBe("IRIS export Oct 2022.csv");
      expect(l.sheet).toBe("Register");
      expect(typeof l.when).toBe("number");
    }
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          riskId: "HRC-001",
          field: "Risk Owner",
          old: "Jane Smith",
          new: "Priya Patel",
        }),
        expect.objectContaining({
          riskId: "HRC-002",
          field: "Last Updated",
          old: "12/09/2022",
          new: "03/10/2022",
        }),
        expect.objectContaining({ riskId: "HRC-003", field: "Status", old: "Open" }),
        expect.objectContaining({
          riskId: "HRC-004",
          field: "Risk Title",
          old: "",
          new: "Bridge joint failure",
        }),
      ]),
    );
  });
});
