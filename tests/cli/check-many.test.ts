// End-to-end tests of `risk-review check` over several files or a folder (SPEC "Many workbooks"), through
// the compiled CLI and its worker threads: bad files reported by name, owner conflicts across files, the
// JSON shape, the roll-up workbook.

import Ajv from "ajv";
import { excelLinks } from "../helpers/excel-links";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli } from "./helpers/cli-build";
import { HEADER, risk, writeWorkbook, type Row } from "./helpers/registers";

jest.setTimeout(180_000);

const AS_AT = "2022-10-10";

function writeCsv(file: string, rows: Row[]): void {
  const text = rows
    .map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""))).join(","))
    .join("\n");
  fs.writeFileSync(file, `${text}\n`);
}

/** Office's password-protected workbooks are OLE compound files: the readers know them by their first bytes. */
function writeEncrypted(file: string): void {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  fs.writeFileSync(file, bytes);
}

let build: string;
let tmp: string;
/** The council's folder: three good files (.xlsx, .xlsm, .csv), a corrupt one, a password-protected one. */
let folder: string;

beforeAll(async () => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-check-many-"));
  folder = path.join(tmp, "registers");
  fs.mkdirSync(path.join(folder, "archive"), { recursive: true });
  await writeWorkbook(path.join(folder, "corporate.xlsx"), {
    "Corporate Register": [HEADER, risk("HRC-100", "Winter gritting fleet", "Gareth Lloyd")],
  });
  // The same risk on the contract register, owned by someone else: an owner conflict across files.
  await writeWorkbook(path.join(folder, "contract.xlsm"), {
    "Contract Risks": [
      HEADER,
      risk("HRC-100", "Winter gritting fleet", "Priya Shah"),
      risk("HRC-101", "Depot lease", "Nadia Khan"),
    ],
  });
  writeCsv(path.join(folder, "directorate.csv"), [
    HEADER,
    risk("DIR-001", "Budget overspend", "Richard Cole"),
  ]);
  fs.writeFileSync(path.join(folder, "corrupt.xlsx"), "PK\u0003\u0004 this zip stops here");
  writeEncrypted(path.join(folder, "locked.xlsx"));
  // Not checked: a subfolder's file, a file of another type, Excel's lock file for an open workbook.
  await writeWorkbook(path.join(folder, "archive", "old.xlsx"), { Old: [HEADER, risk("OLD-1", "Old", "X")] });
  fs.writeFileSync(path.join(folder, "notes.txt"), "not a register\n");
  fs.writeFileSync(path.join(folder, "~$corporate.xlsx"), "lock");
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const GOOD = ["contract.xlsm", "corporate.xlsx", "directorate.csv"];
const BAD = ["corrupt.xlsx", "locked.xlsx"];

describe("check FOLDER", () => {
  it("checks the folder's .xlsx, .xlsm and .csv files, one plain line per file it could not read, exit 0", () => {
    const run = runCli(build, ["check", folder, "--as-at", AS_AT]);
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(BAD.length);
    BAD.forEach((name, i) => expect(lines[i]).toMatch(new RegExp(`^risk-review: "${name}" `)));
    expect(lines[1]).toMatch(/password-protected/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    for (const name of GOOD) expect(run.stdout).toContain(`File:  ${name}`);
    for (const ignored of ["old.xlsx", "notes.txt", "~$corporate"]) expect(run.stdout).not.toContain(ignored);
    expect(run.stdout).toMatch(/^Checked 3 of 5 files as at 2022-10-10\./);
    expect(run.stdout).toMatch(/Not checked \(2\):\n {2}corrupt\.xlsx: .*\n {2}locked\.xlsx: /);
  });

  it("finds the owner conflict between files, in the file that holds the risk second (listed and counted there), and lists the shared risk", () => {
    const run = runCli(build, ["check", folder, "--as-at", AS_AT]);
    const across = run.stdout.slice(run.stdout.indexOf("Across files:"));
    expect(across).toMatch(
      /warning\s+risk\/owner-conflict\s+corporate\.xlsx: Corporate Register!C2\s+HRC-100\s+Risk HRC-100 is owned by "Gareth Lloyd" here but by "Priya Shah" on Contract Risks in contract\.xlsm\./,
    );
    expect(across).toMatch(
      /Risks on more than one file \(1\):\n {2}HRC-100\s+Winter gritting fleet\s+contract\.xlsm/,
    );
    // The file that holds it second lists it in its own part too, and counts it there.
    const corporate = run.stdout.slice(
      run.stdout.indexOf("File:  corporate.xlsx"),
      run.stdout.indexOf("File:  directorate.csv"),
    );
    expect(corporate).toMatch(
      /Warnings \(1\):\n\s+warning\s+risk\/owner-conflict\s+Corporate Register!C2\s+HRC-100/,
    );
    expect(corporate).toMatch(/0 errors, 1 warning, 0 notes/);
    expect(run.stdout.trimEnd().split("\n").pop()).toBe(
      "All files: 0 errors, 1 warning, 0 notes; 0 risks to escalate; 0 proposals; 2 files not checked.",
    );
  });

  it("exits 1 when a file has error findings, and 2 with a line per file when none could be read", async () => {
    const mixed = path.join(tmp, "mixed");
    fs.mkdirSync(mixed);
    await writeWorkbook(path.join(mixed, "good.xlsx"), { Register: [HEADER, risk("A-1", "Fine", "Ann")] });
    await writeWorkbook(path.join(mixed, "missing-owner.xlsx"), {
      Register: [HEADER, risk("B-1", "No owner", "")],
    });
    const one = runCli(build, ["check", mixed, "--as-at", AS_AT]);
    expect([one.status, one.stderr]).toEqual([1, ""]);

    const bad = path.join(tmp, "bad");
    fs.mkdirSync(bad);
    fs.copyFileSync(path.join(folder, "corrupt.xlsx"), path.join(bad, "corrupt.xlsx"));
    writeEncrypted(path.join(bad, "locked.xlsx"));
    const none = runCli(build, ["check", bad]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe("");
    const lines = none.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/none of the 2 files could be checked/);
  });

  it.each([
    ["an empty folder", "empty", true, /found no \.xlsx, \.xlsm or \.csv files in ".*empty"/],
    ["a folder that does not exist", "nowhere", false, /could not read ".*nowhere": no such file or folder/],
  ])("exits 2 with a plain line for %s", (_name, dirName, make, message) => {
    const dir = path.join(tmp, dirName);
    if (make) fs.mkdirSync(dir);
    const run = runCli(build, ["check", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("check A B C --format json", () => {
  const schema = {
    type: "object",
    additionalProperties: false,
    required: ["asAt", "files", "findings", "escalations", "proposals"],
    properties: {
      asAt: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      files: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["file", "sheets"],
          properties: { file: { type: "string" }, sheets: { type: "array" }, error: { type: "string" } },
        },
      },
      findings: {
        type: "array",
        items: {
          type: "object",
          required: ["file", "ruleId", "severity", "sheet", "cell", "row", "recordId", "message"],
          properties: { file: { type: "string" }, severity: { enum: ["error", "warning", "info"] } },
        },
      },
      escalations: {
        type: "array",
        items: { type: "object", required: ["file", "recordId", "sheet", "row", "destinations", "reasons"] },
      },
      proposals: { type: "array", items: { type: "object", required: ["file"] } },
    },
  };

  it("prints SPEC's shape: every file with its sheets or error, file on every finding and escalation", () => {
    const args = [
      ...[...GOOD, "locked.xlsx"].map((f) => path.join(folder, f)),
      "--as-at",
      AS_AT,
      "--format",
      "json",
    ];
    const run = runCli(build, ["check", ...args]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate.errors ?? validate(json)).toBe(true);
    expect(json.asAt).toBe(AS_AT);
    expect(json.files.map((f: { file: string; error?: string }) => [f.file, f.error !== undefined])).toEqual([
      ["contract.xlsm", false],
      ["corporate.xlsx", false],
      ["directorate.csv", false],
      ["locked.xlsx", true],
    ]);
    // A CSV's one sheet is named after the file, without the extension.
    expect(json.files[2].sheets.map((s: { name: string; kind: string }) => [s.name, s.kind])).toEqual([
      ["directorate", "risk-register"],
    ]);
    expect(json.findings).toEqual([
      {
        file: "corporate.xlsx",
        ruleId: "risk/owner-conflict",
        severity: "warning",
        sheet: "Corporate Register",
        cell: "C2",
        row: 2,
        recordId: "HRC-100",
        message:
          'Risk HRC-100 is owned by "Gareth Lloyd" here but by "Priya Shah" on Contract Risks in contract.xlsm.',
      },
    ]);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^risk-review: "locked\.xlsx" /)]);
  });

  it("keeps today's single-file shape for one file", () => {
    const run = runCli(build, [
      "check",
      path.join(folder, "corporate.xlsx"),
      "--as-at",
      AS_AT,
      "--format",
      "json",
    ]);
    expect(Object.keys(JSON.parse(run.stdout)).slice(0, 4)).toEqual([
      "asAt",
      "sheets",
      "findings",
      "escalations",
    ]);
    expect(JSON.parse(run.stdout)).not.toHaveProperty("files");
  });
});

describe("check FOLDER --out", () => {
  it("writes the roll-up: owned tabs over all files, a Source column, links relative to the --out folder", async () => {
    const out = path.join(tmp, "board", "roll-up.xlsx");
    fs.mkdirSync(path.dirname(out));
    const run = runCli(build, ["check", folder, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const exceptions = wb.getWorksheet("Exceptions")!;
    const rows: ExcelJS.CellValue[][] = [];
    exceptions.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const header = rows.find((r) => r[0] === "Severity")!;
    expect(header).toEqual(["Severity", "Rule", "Sheet", "Cell", "Record", "Message", "Source"]);
    const conflict = rows.find((r) => r[1] === "risk/owner-conflict")!;
    expect(conflict[6]).toBe("corporate.xlsx");
    let conflictRow = 0;
    exceptions.eachRow((row, n) => {
      if (row.getCell(2).value === "risk/owner-conflict") conflictRow = n;
    });
    const cellOfConflict = `D${conflictRow}`;
    expect(
      excelLinks(new Uint8Array(fs.readFileSync(out)))
        .get("Exceptions")!
        .get(cellOfConflict),
    ).toBe("../registers/corporate.xlsx#'Corporate Register'!C2");
    const summary: ExcelJS.CellValue[][] = [];
    wb.getWorksheet("Risk Summary")!.eachRow((row) =>
      summary.push((row.values as ExcelJS.CellValue[]).slice(1)),
    );
    // HRC-100 stands on two files with the same id and title: counted once. Four rows, three risks.
    expect(summary.find((r) => r[0] === "Open")?.[1]).toBe(3);
    expect(summary.find((r) => r[0] === "Closed")?.[1]).toBe(0);
  });
});
