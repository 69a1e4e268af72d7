// `risk-review import` against SPEC "Imports", "Owned tabs" (Import Log) and "Writing files", in cases a
// review found wrong (each failed before its fix): dates compared and written as dates, a risk over several
// rows, and the Import Log's columns. Each test builds a small register and IRIS export, runs the command
// line, and reads the merged file.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { defaultSettings } from "../../src/core/model/settings";
import { fieldText } from "../../src/core/model/records";
import { dayFromIso, isDateFormat } from "../../src/core/parse";
import { readWorkbook } from "../../src/core/read/read-workbook";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { ACTION_HEADERS } from "../core/rules/harness";
import { buildCli, runCli } from "./helpers/cli-build";
import { IMPORT_REGISTER_HEADERS } from "./helpers/registers";
import { importArgs } from "../helpers/import-files";
import { tempFolder } from "../helpers/test-files";

jest.setTimeout(180_000);

let build: string;
const tmp = tempFolder("crr-review-import-");

beforeAll(() => {
  build = buildCli();
});

type Value = ExcelJS.CellValue;

interface SheetSpec {
  name: string;
  rows: Value[][];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  merges?: string[];
  table?: ExcelJS.TableProperties;
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

async function makeXlsx(name: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const [addr, f] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = f;
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.table) ws.addTable(s.table);
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function runImport(exportFile: string, into: string, outName: string): { out: string; json: any } {
  const out = path.join(tmp, outName);
  const run = runCli(build, importArgs(exportFile, into, out, ["--format", "json"]));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return { out, json: JSON.parse(run.stdout) };
}

async function gridsOf(file: string): Promise<Grid[]> {
  return readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
}

function sheet(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheetName === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.sheetName).join(", ")}`);
  return g;
}

/** 1-based row and column of a grid (as the file has them). */
function at(g: Grid, row: number, col: number): { value: CellValue; format: string | null } {
  const r = row - 1 - g.rowOffset;
  const c = col - 1 - g.colOffset;
  return { value: g.values[r]?.[c] ?? null, format: g.numberFormats?.[r]?.[c] ?? null };
}

/** The row (1-based) whose column A holds `id`. */
function rowOf(g: Grid, id: string): number {
  const i = g.values.findIndex((r) => r[0] === id);
  if (i < 0) throw new Error(`no row ${id} on ${g.sheetName}`);
  return i + 1 + g.rowOffset;
}

/** True when the cell shows `ddmmyyyy` to the officer: a date-formatted serial, or that text. */
function showsDate(
  cell: { value: CellValue; format: string | null },
  ukText: string,
  serial: number,
): boolean {
  if (typeof cell.value === "number") return cell.value === serial && isDateFormat(cell.format);
  return cell.value === ukText;
}

/** A risk's first nine cells under REGISTER_HEADERS: id, title, owner, scored 3 × 3 = 9, Treat, Open, reviewed 12/09/2022. */
const scoredNine = (id: string, title: string, owner: string): Value[] => [
  id,
  title,
  owner,
  3,
  3,
  9,
  "Treat",
  "Open",
  day(2022, 9, 12),
];

const REGISTER_HEADERS = IMPORT_REGISTER_HEADERS;

describe("dates the import writes or compares", () => {
  const headers = [...REGISTER_HEADERS, "Target Date", "Action Due Date"];

  it("a Target Date or Action Due Date the export gives as the same day as the register is no change", async () => {
    // SPEC "Imports": values are compared as text, so a re-import (or the same date written another way)
    // shows no changes. The register's "30/09/2022" (text) and the export's date 30/09/2022 are the same.
    const into = await makeXlsx("target-same.xlsx", [
      {
        name: "Register",
        rows: [
          headers,
          [...scoredNine("HRC-001", "Road surface failure", "Jane Smith"), "u1", "30/09/2022", "31/10/2022"],
          [
            ...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"),
            "u2",
            day(2022, 12, 31),
            day(2022, 11, 30),
          ],
          [...scoredNine("HRC-003", "Drainage blockage", "Bob"), "u3", null, null],
        ],
        formats: { I2: "dd/mm/yyyy", I3: "dd/mm/yyyy", I4: "dd/mm/yyyy", K3: "dd/mm/yyyy", L3: "dd/mm/yyyy" },
      },
    ]);
    const exp = await makeXlsx("target-same-export.xlsx", [
      {
        name: "IRIS Risks",
        rows: [
          headers,
          [
            ...scoredNine("HRC-001", "Road surface failure", "Jane Smith"),
            "u1",
            day(2022, 9, 30),
            day(2022, 10, 31),
          ],
          [
            ...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"),
            "u2",
            "31/12/2022",
            "30/11/2022",
          ],
          [...scoredNine("HRC-003", "Drainage blockage", "Bob"), "u3 new", null, null],
        ],
        formats: { I2: "dd/mm/yyyy", I3: "dd/mm/yyyy", I4: "dd/mm/yyyy", K2: "dd/mm/yyyy", L2: "dd/mm/yyyy" },
      },
    ]);
    const { out, json } = runImport(exp, into, "target-same-out.xlsx");
    const dateCells = json.risks.changed.flatMap(
      (r: { cells: { header: string; old: string; new: string }[] }) =>
        r.cells.filter((c) => c.header === "Target Date" || c.header === "Action Due Date"),
    );
    expect(dateCells).toEqual([]);
    const reg = sheet(await gridsOf(out), "Register");
    // The officer's real date stays a date (not replaced by the text "31/12/2022").
    expect(at(reg, 3, 11)).toEqual({ value: 44926, format: "dd/mm/yyyy" });
    // The officer's text date is not replaced by a bare serial.
    expect(at(reg, 2, 11).value).toBe("30/09/2022");
  });

  it("a new Target Date from the export's date cell is written as a date, not a bare serial the officer reads as 44926", async () => {
    const into = await makeXlsx("target-new.xlsx", [
      {
        name: "Register",
        rows: [
          headers,
          [...scoredNine("HRC-001", "Road surface failure", "Jane Smith"), "u1", "30/09/2022", "31/10/2022"],
        ],
        formats: { I2: "dd/mm/yyyy" },
      },
    ]);
    const exp = await makeXlsx("target-new-export.xlsx", [
      {
        name: "IRIS Risks",
        rows: [
          headers,
          [
            ...scoredNine("HRC-001", "Road surface failure", "Jane Smith"),
            "u1",
            day(2022, 12, 31),
            day(2022, 11, 30),
          ],
        ],
        formats: { I2: "dd/mm/yyyy", K2: "dd/mm/yyyy", L2: "dd/mm/yyyy" },
      },
    ]);
    const { out, json } = runImport(exp, into, "target-new-out.xlsx");
    const reg = sheet(await gridsOf(out), "Register");
    expect(showsDate(at(reg, 2, 11), "31/12/2022", 44926)).toBe(true);
    expect(showsDate(at(reg, 2, 12), "30/11/2022", 44895)).toBe(true);
    // The preview and the Import Log show the dates, not "44926".
    const cells = json.risks.changed[0].cells.map((c: { header: string; new: string }) => [c.header, c.new]);
    expect(cells).toEqual([
      ["Target Date", "31/12/2022"],
      ["Action Due Date", "30/11/2022"],
    ]);
  });

  it("a CSV export's date serial written over a register's text date shows as a date, as the Import Log says", async () => {
    // SPEC "Values": a bare number 20000–80000 in a date column of a CSV is an Excel serial.
    const into = await makeXlsx("csv-date.xlsx", [
      {
        name: "Register",
        rows: [
          REGISTER_HEADERS,
          ["HRC-001", "Road surface failure", "Jane Smith", 3, 3, 9, "Treat", "Open", "12/09/2022", "u1"],
        ],
      },
    ]);
    const csv = path.join(tmp, "iris-october.csv");
    fs.writeFileSync(
      csv,
      `${REGISTER_HEADERS.join(",")}\r\nHRC-001,Road surface failure,Jane Smith,3,3,9,Treat,Open,44835,u1\r\n`,
    );
    const { out, json } = runImport(csv, into, "csv-date-out.xlsx");
    expect(json.risks.changed[0].cells).toEqual([
      expect.objectContaining({ header: "Last Updated", old: "12/09/2022", new: "01/10/2022" }),
    ]);
    const reg = sheet(await gridsOf(out), "Register");
    // The cell must show 01/10/2022, not 44835 in a General cell.
    expect(showsDate(at(reg, 2, 9), "01/10/2022", 44835)).toBe(true);
  });
});

it("a risk whose id is merged over two rows (one record) still reads as the export gives it after the import", async () => {
  // SPEC "Real registers": where the id cell is merged down over several rows, those rows are one record,
  // joined field by field. The export's update equals what the register reads: nothing may change, and
  // the risk must not end up reading "Part A Part B Part B".
  const into = await makeXlsx("merged-record.xlsx", [
    {
      name: "Register",
      rows: [
        REGISTER_HEADERS,
        [...scoredNine("HRC-001", "Road surface failure", "Jane Smith"), "u1"],
        [...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"), "Part A"],
        [null, null, null, null, null, null, null, null, null, "Part B"],
      ],
      formats: { I2: "dd/mm/yyyy", I3: "dd/mm/yyyy" },
      merges: ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4", "I3:I4"],
    },
  ]);
  const exp = await makeXlsx("merged-record-export.xlsx", [
    {
      name: "IRIS Risks",
      rows: [
        REGISTER_HEADERS,
        [...scoredNine("HRC-001", "Road surface failure", "Jane Smith"), "u1 new"],
        [...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"), "Part A Part B"],
      ],
      formats: { I2: "dd/mm/yyyy", I3: "dd/mm/yyyy" },
    },
  ]);
  const { out, json } = runImport(exp, into, "merged-record-out.xlsx");
  const grids = await gridsOf(out);
  const read = readWorkbook(grids, defaultSettings(), dayFromIso("2022-10-10")!);
  const hrc2 = read.records.risks.find((r) => r.sheet === "Register" && fieldText(r, "id") === "HRC-002")!;
  expect(fieldText(hrc2, "update")).toBe("Part A Part B");
  expect(json.risks.changed.map((r: { id: string }) => r.id)).toEqual(["HRC-001"]);
});

it("a risk whose id is merged over two rows takes a new text from the export in its first row, the row below cleared and logged", async () => {
  const into = await makeXlsx("merged-record-2.xlsx", [
    {
      name: "Register",
      rows: [
        REGISTER_HEADERS,
        [...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"), "Part A"],
        [null, null, null, null, null, null, null, null, null, "Part B"],
      ],
      formats: { I2: "dd/mm/yyyy" },
      merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3"],
    },
  ]);
  const exp = await makeXlsx("merged-record-2-export.xlsx", [
    {
      name: "IRIS Risks",
      rows: [REGISTER_HEADERS, [...scoredNine("HRC-002", "Street lighting outage", "Jane Smith"), "Part C"]],
      formats: { I2: "dd/mm/yyyy" },
    },
  ]);
  const { out } = runImport(exp, into, "merged-record-2-out.xlsx");
  const grids = await gridsOf(out);
  const read = readWorkbook(grids, defaultSettings(), dayFromIso("2022-10-10")!);
  const hrc2 = read.records.risks.find((r) => r.sheet === "Register" && fieldText(r, "id") === "HRC-002")!;
  expect(fieldText(hrc2, "update")).toBe("Part C");
  const log = grids.find((g) => g.sheetName === "Import Log")!;
  const logged = log.values.filter((r) => r.includes("HRC-002")).map((r) => r.slice(6, 8));
  // Old and New of each cell written: the first row's text replaced, the row below's cleared (New blank).
  expect(logged).toEqual([
    ["Part A", "Part C"],
    ["Part B", null],
  ]);
});

it("adds rows to an Import Log made before the Action ID column in that log's own layout, When as a date and time", async () => {
  const into = await makeXlsx("earlier-log.xlsx", [
    {
      name: "Register",
      rows: [REGISTER_HEADERS, [...scoredNine("HRC-001", "Road surface failure", "Jane Smith"), "u1"]],
      formats: { I2: "dd/mm/yyyy" },
    },
    {
      name: "Import Log",
      rows: [
        ["Import Log", null, null, null, null, null, null, OWNED_MARKER],
        [],
        ["When", "File", "Register", "Risk ID", "Field", "Old", "New"],
        ["2022-09-10 09:00", "iris-sep.xlsx", "Register", "HRC-001", "Risk Score", "6", "9"],
      ],
    },
  ]);
  const exp = await makeXlsx("earlier-log-export.xlsx", [
    {
      name: "IRIS Risks",
      rows: [
        REGISTER_HEADERS,
        ["HRC-001", "Road surface failure", "Jane Smith", 3, 4, 12, "Treat", "Open", day(2022, 9, 12), "u1"],
      ],
      formats: { I2: "dd/mm/yyyy" },
    },
  ]);
  const { out } = runImport(exp, into, "earlier-log-out.xlsx");
  const log = sheet(await gridsOf(out), "Import Log");
  const rows = log.values.filter((r) => r[1] === "earlier-log-export.xlsx");
  expect(rows.map((r) => r.slice(1, 7))).toEqual([
    ["earlier-log-export.xlsx", "Register", "HRC-001", "Impact", "3", "4"],
    ["earlier-log-export.xlsx", "Register", "HRC-001", "Risk Score", "9", "12"],
  ]);
  expect(rows.every((r) => (r[7] ?? null) === null)).toBe(true);
  const when = at(log, rowOf(log, "2022-09-10 09:00") + 1, 1);
  expect(typeof when.value).toBe("number");
  expect(when.format).toBe("dd/mm/yyyy hh:mm");
});

/**
 * Imports an export renaming HRC-001's owner Sam Lee into a register the officer changed to "Patricia
 * Jones" since September's import wrote "Pat Jones", logged under `header`; the rows it logs.
 */
async function importOverAnEdit(name: string, header: string[]): Promise<CellValue[][]> {
  const into = await makeXlsx(`${name}.xlsx`, [
    {
      name: "Register",
      rows: [REGISTER_HEADERS, [...scoredNine("HRC-001", "Road surface failure", "Patricia Jones"), "u1"]],
      formats: { I2: "dd/mm/yyyy" },
    },
    {
      name: "Import Log",
      rows: [
        ["Import Log", ...header.slice(1).map(() => null), OWNED_MARKER],
        [],
        header,
        [
          "2022-09-10 09:00",
          "iris-sep.xlsx",
          "Register",
          "HRC-001",
          "",
          "Risk Owner",
          "A. Officer",
          "Pat Jones",
        ],
      ],
    },
  ]);
  const exp = await makeXlsx(`${name}-export.xlsx`, [
    {
      name: "IRIS Risks",
      rows: [REGISTER_HEADERS, [...scoredNine("HRC-001", "Road surface failure", "Sam Lee"), "u1"]],
      formats: { I2: "dd/mm/yyyy" },
    },
  ]);
  const { out } = runImport(exp, into, `${name}-out.xlsx`);
  const log = sheet(await gridsOf(out), "Import Log");
  return log.values.filter((r) => r[1] === `${name}-export.xlsx`);
}

const NOTE_IN_FIELD_HEADER = ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"];

it("adds rows to an Import Log made before the Note column in that log's own layout: a note in the Field, nothing past New", async () => {
  const rows = await importOverAnEdit("note-in-field", NOTE_IN_FIELD_HEADER);
  expect(rows.map((r) => r.slice(3, 9))).toEqual([
    [
      "HRC-001",
      null,
      'Risk Owner (replaces the register\'s edit made since the last import, which wrote "Pat Jones")',
      "Patricia Jones",
      "Sam Lee",
      null,
    ],
  ]);
});

it("an Import Log with a Note column keeps the Field the header alone and the note in the Note", async () => {
  const rows = await importOverAnEdit("note-column", [...NOTE_IN_FIELD_HEADER, "Note"]);
  expect(rows.map((r) => r.slice(5, 9))).toEqual([
    [
      "Risk Owner",
      "Patricia Jones",
      "Sam Lee",
      'replaces the register\'s edit made since the last import, which wrote "Pat Jones"',
    ],
  ]);
});

describe("the Import Log", () => {
  let logGrid: Grid;
  let header: CellValue[];
  let headerRow: number;

  beforeAll(async () => {
    const actionHeaders = ACTION_HEADERS.slice(0, 6);
    const into = await makeXlsx("log.xlsx", [
      {
        name: "Register",
        rows: [
          REGISTER_HEADERS,
          [
            "HRC-001",
            "Road surface failure",
            "Jane Smith",
            3,
            3,
            { formula: "D2*E2", result: 9 },
            "Treat",
            "Open",
            day(2022, 9, 12),
            "u1",
          ],
        ],
        formats: { I2: "dd/mm/yyyy" },
      },
      {
        name: "Actions",
        rows: [actionHeaders, ["HRC-001", "ACT-1", "Resurface the A road", "Bob", day(2022, 11, 30), "Open"]],
        formats: { E2: "dd/mm/yyyy" },
      },
    ]);
    const exp = await makeXlsx("log-export.xlsx", [
      {
        name: "IRIS Risks",
        rows: [
          REGISTER_HEADERS,
          [
            "HRC-001",
            "Road surface failure",
            "Jane Smith",
            4,
            4,
            16,
            "Treat",
            "Open",
            day(2022, 9, 12),
            "u1",
          ],
        ],
        formats: { I2: "dd/mm/yyyy" },
      },
      {
        name: "IRIS Actions",
        rows: [actionHeaders, ["HRC-001", "ACT-1", "Resurface the A road", "Bob", day(2022, 12, 31), "Open"]],
        formats: { E2: "dd/mm/yyyy" },
      },
    ]);
    const { out, json } = runImport(exp, into, "log-out.xlsx");
    expect(json.cellsWritten).toBe(3); // likelihood, impact, the action's date
    logGrid = sheet(await gridsOf(out), "Import Log");
    headerRow = logGrid.values.findIndex((r) => r[0] === "When");
    header = logGrid.values[headerRow];
  });

  const rowsOf = () =>
    logGrid.values.slice(headerRow + 1).filter((r) => r.some((v) => v !== null && v !== ""));
  const col = (name: string) => header.indexOf(name);

  it("has an Action ID column naming an actions sheet's row, and Field is the sheet's header text", () => {
    // SPEC "Owned tabs": Import Log — when, file, sheet, risk id, action id (for an actions sheet's row),
    // field (the sheet's header text), old, new.
    expect(col("Action ID")).toBeGreaterThanOrEqual(0);
    const actionRow = rowsOf().find((r) => r.includes("30/11/2022"))!;
    expect(actionRow[col("Action ID")]).toBe("ACT-1");
    expect(actionRow[col("Field")]).toBe("Target Date");
  });

  it("records When as an Excel date and time, not as text", () => {
    // SPEC "Owned tabs": when (an Excel date and time); dates are written as Excel dates, never as text.
    for (const r of rowsOf()) {
      const when = at(logGrid, logGrid.values.indexOf(r) + 1 + logGrid.rowOffset, col("When") + 1);
      expect(typeof when.value).toBe("number");
      expect(isDateFormat(when.format)).toBe(true);
    }
  });

  it("names a kept formula's column by the sheet's header text in Field", () => {
    // SPEC "Owned tabs": field (the sheet's header text); "Formulas": the Import Log says "kept formula" with both values.
    const kept = rowsOf().find((r) => r.some((v) => typeof v === "string" && /kept formula/.test(v)))!;
    expect(kept).toBeDefined();
    expect(kept[col("Field")]).toBe("Risk Score");
    expect(kept[col("Old")]).toBe("9");
  });
});
