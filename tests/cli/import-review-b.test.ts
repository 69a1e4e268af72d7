// Review (rev-b): `risk-review import` results an officer would find wrong — a CSV's "1.10" ids, the backup the
// summary names, the Import Log's row count, the Settings sheet rewritten, the Import Log's time. Each test builds
// a small register and IRIS export, runs the command in-process (as tests/files/lossless-import.test.ts does) and
// reads the output and the merged file. Each failed when written.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { settingsToRows } from "../../src/core/model/settings-sheet";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { IMPORT_REGISTER_HEADERS } from "./helpers/registers";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-review-b-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEADERS = IMPORT_REGISTER_HEADERS;
const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

type Value = ExcelJS.CellValue;

/** An .xlsx of the given sheets; Date cells get a UK date format. */
async function makeXlsx(name: string, sheets: [string, Value[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function makeCsv(name: string, rows: (string | number)[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\r\n"));
  return file;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  error: string | null;
  out: string;
}

async function importFile(exportFile: string, into: string, format: "text" | "json" = "text"): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const output: CliOutput = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const out = path.join(tmp, `merged-${path.basename(exportFile)}-${format}.xlsx`);
  try {
    const code = await runImport(
      { command: "import", export: exportFile, into, out, format, asAt: "2022-10-10" },
      output,
    );
    return { code, stdout, stderr, error: null, out };
  } catch (e) {
    return { code: null, stdout, stderr, error: (e as Error).message, out };
  }
}

async function gridsOf(file: string): Promise<Grid[]> {
  return readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
}

function sheet(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheetName === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.sheetName).join(", ")}`);
  return g;
}

/** The Import Log's data rows (below its "When" header row). */
function importLogRows(grids: Grid[]): CellValue[][] {
  const log = sheet(grids, "Import Log");
  const header = log.values.findIndex((r) => r[0] === "When");
  return log.values.slice(header + 1).filter((r) => r.some((v) => v !== null && v !== ""));
}

describe("a CSV export whose risk ids are numbered 1.1, 1.2 … 1.10", () => {
  // SPEC "Reading sheets": "Record ids are compared trimmed, case-insensitively and with runs of spaces
  // folded; numeric ids … lose no digits". Risk 1.10 is not risk 1.1: the export holds each id once, so
  // the import must not be refused as having the same risk id twice, and 1.10 must not be "not in the export".
  it("imports them as three risks: none refused as a duplicate, none flagged as missing", async () => {
    const rows = ["1.1", "1.2", "1.10"].map((id, i) => [
      id,
      `Risk ${i + 1}`,
      "J Smith",
      3,
      3,
      9,
      "Treat",
      "Open",
      day(2022, 9, 12),
      "September",
    ]);
    const into = await makeXlsx("numbered.xlsx", [["Register", [HEADERS, ...rows]]]);
    const exportFile = makeCsv("numbered-export.csv", [
      HEADERS,
      ...rows.map((r) => [...r.slice(0, 8).map(String), "12/09/2022", "October"]),
    ]);
    const run = await importFile(exportFile, into, "json");
    expect(run.error).toBeNull();
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.risks.missing).toEqual([]);
    expect(json.risks.new).toEqual([]);
    expect(json.risks.changed.map((r: { id: string }) => r.id).sort()).toEqual(["1.1", "1.10", "1.2"]);
  });
});

describe("an import that changes only the actions sheet", () => {
  // SPEC "Imports": "An import with changes copies the register first (a dated owned backup)". Whichever
  // sheets are backed up, the summary must name the backup sheet that is in the merged workbook: the officer
  // goes to it to undo the import.
  const register: Value[] = [
    "HRC-001",
    "Road",
    "Jane Smith",
    3,
    3,
    9,
    "Treat",
    "Open",
    day(2022, 9, 12),
    "u1",
  ];
  let textRun: Run;
  let jsonRun: Run;

  beforeAll(async () => {
    const into = await makeXlsx("actions-only.xlsx", [
      ["Register", [HEADERS, register]],
      ["Actions", [ACTION_HEADERS, ["HRC-001", "ACT-1", "Resurface", "Bob", day(2022, 11, 30), "Open"]]],
    ]);
    const exportFile = await makeXlsx("actions-only-export.xlsx", [
      ["IRIS Risks", [HEADERS, register]],
      ["IRIS Actions", [ACTION_HEADERS, ["HRC-001", "ACT-1", "Resurface", "Bob", day(2022, 12, 31), "Open"]]],
    ]);
    textRun = await importFile(exportFile, into, "text");
    jsonRun = await importFile(exportFile, into, "json");
  });

  it("the text summary names a backup sheet that the merged workbook has", async () => {
    expect(textRun.code).toBe(0);
    const named = /a backup sheet "([^"]+)"/.exec(textRun.stdout)?.[1];
    expect(named).toBeDefined();
    const names = (await gridsOf(textRun.out)).map((g) => g.sheetName);
    expect(names).toContain(named);
  });

  it("the JSON's backup is a sheet that the merged workbook has", async () => {
    expect(jsonRun.code).toBe(0);
    const json = JSON.parse(jsonRun.stdout);
    const names = (await gridsOf(jsonRun.out)).map((g) => g.sheetName);
    expect(names).toContain(json.backup);
  });
});

describe("an import that keeps a formula", () => {
  // SPEC "Writing files", Formulas: "where the export says otherwise, the preview and the Import Log say
  // 'kept formula' with both values" — so the Import Log gets a row for it. The summary's "N rows in the
  // Import Log" must be the number of rows the import added to the Import Log.
  it("says how many rows it added to the Import Log", async () => {
    const into = await makeXlsx("formula.xlsx", [
      [
        "Register",
        [
          HEADERS,
          [
            "HRC-001",
            "Road",
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
      ],
    ]);
    const exportFile = makeCsv("formula-export.csv", [
      HEADERS,
      ["HRC-001", "Road", "Jane Smith", 4, 4, 16, "Treat", "Open", "12/09/2022", "u2"],
    ]);
    const run = await importFile(exportFile, into, "text");
    expect(run.code).toBe(0);
    const said = Number(/(\d+) rows in the Import Log/.exec(run.stdout)?.[1]);
    const logged = importLogRows(await gridsOf(run.out));
    expect(logged.some((r) => r.some((v) => typeof v === "string" && /kept formula/.test(v)))).toBe(true);
    expect(said).toBe(logged.length);
  });
});

describe("the workbook's Settings sheet", () => {
  // SPEC "The workbook": settings live in the hidden Settings sheet "so the task pane and the command line
  // read the same ones and the whole team shares them"; "Saving settings never loses a co-author's change";
  // and nothing a user wrote is silently overwritten. A value the command line cannot read (it warns and uses
  // the default for this run) and a setting it does not know must still be in the merged workbook's Settings
  // sheet as the team wrote them, not replaced by the default or dropped because an import was run.
  let settingsRows: CellValue[][];
  let stderr: string;

  beforeAll(async () => {
    const rows = settingsToRows(defaultSettings());
    rows[rows.findIndex((r) => r[0] === "reviewPeriodMonths")][1] = "3 months";
    rows.push(["laterSetting", "kept", "a setting from a later version of the add-in"]);
    const into = await makeXlsx("settings.xlsx", [
      [
        "Register",
        [HEADERS, ["HRC-001", "Road", "Jane Smith", 3, 3, 9, "Treat", "Open", day(2022, 9, 12), "u1"]],
      ],
      ["Risk Review Settings", rows as Value[][]],
    ]);
    const exportFile = makeCsv("settings-export.csv", [
      HEADERS,
      ["HRC-001", "Road", "Jane Smith", 3, 3, 9, "Treat", "Open", "12/09/2022", "u2"],
    ]);
    const run = await importFile(exportFile, into, "text");
    expect(run.code).toBe(0);
    stderr = run.stderr;
    settingsRows = sheet(await gridsOf(run.out), "Risk Review Settings").values;
  });

  it("keeps a value the command line could not read as the team typed it", () => {
    expect(stderr).toMatch(/reviewPeriodMonths/);
    expect(settingsRows.find((r) => r[0] === "reviewPeriodMonths")?.[1]).toBe("3 months");
  });

  it("keeps a setting the command line does not know", () => {
    expect(settingsRows.find((r) => r[0] === "laterSetting")?.[1]).toBe("kept");
  });
});
