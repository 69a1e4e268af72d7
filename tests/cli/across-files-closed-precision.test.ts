// Issue 12, "a council's registers checked together": a closed risk whose open actions are in another
// file's actions sheet. Through the compiled CLI and its worker threads, with small workbooks:
//   - where the file holding the risk has no open action for it, the risk/closed-with-open-actions finding
//     the join adds names the files holding the open actions (the officer opening the register finds none
//     there): in the JSON, the file's part of the text report and the roll-up's Exceptions tab;
//   - where the register's own check already warns (open actions there too), the join recounts that same
//     finding (same cell, severity, rule and accepted state) over every file and says where each are; the
//     file's counts and the exit status stay as they were, since it is the same finding;
//   - an accepted finding is recounted in the accepted list (text and roll-up), still not in the JSON's.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli, type CliRun } from "./helpers/cli-build";
import { HEADER, risk, utc, type Row } from "./helpers/registers";
import { handEdited, SETTINGS_SHEET } from "./settings-review-helpers";
import { checkFile } from "../../src/cli/check-file";
import type { AcceptedException } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { filePart, lastLine } from "./helpers/many-text";

jest.setTimeout(300_000);

const AS_AT = "2022-10-10";
const RULE = "risk/closed-with-open-actions";
const ACTION_HEADER: Row = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
];
/** An action not yet due as at AS_AT (no status column: open). */
const action = (riskId: string, ref: string): Row => [
  riskId,
  ref,
  `Action ${ref}`,
  "Jo Park",
  utc(2022, 12, 31),
];
const closedRisk = (id: string, title: string): Row => {
  const row = risk(id, title, "Ann Lee");
  row[11] = "Closed";
  return row;
};

interface Finding {
  file?: string;
  ruleId: string;
  severity: string;
  sheet: string;
  cell: string | null;
  recordId: string | null;
  message: string;
}

let build: string;
let tmp: string;

const check = (args: string[]): CliRun => runCli(build, ["check", ...args, "--as-at", AS_AT]);
const checkJson = (args: string[]): { run: CliRun; findings: Finding[] } => {
  const run = check([...args, "--format", "json"]);
  return { run, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings };
};
const closedHits = (findings: Finding[]) =>
  findings.filter((f) => f.ruleId === RULE).map((f) => [f.file, f.severity, f.cell, f.recordId, f.message]);

const acrossPart = (stdout: string): string => stdout.slice(stdout.indexOf("Across files:"));

async function sheetRows(file: string, sheet: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no ${sheet} tab`);
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** A cell's text: a link cell's shown text. */
const cellText = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "text" in v ? v.text : v;

/** The roll-up's Exceptions rows for the rule: [severity, cell, record, message, source]. */
async function exceptionRows(out: string): Promise<{ found: unknown[][]; accepted: unknown[][] }> {
  const rows = await sheetRows(out, "Exceptions");
  const split = rows.findIndex((r) => String(r[0] ?? "").startsWith("Accepted exceptions"));
  const pick = (list: ExcelJS.CellValue[][]) =>
    list.filter((r) => r[1] === RULE).map((r) => [r[0], cellText(r[3]), r[4], r[5], r[6]]);
  return { found: pick(rows.slice(0, split)), accepted: pick(rows.slice(split)) };
}

/** A workbook of the given sheets and, when `settings` is given, the hidden Settings sheet edited so. */
async function writeBook(
  file: string,
  sheets: Record<string, Row[]>,
  settings?: Parameters<typeof handEdited>[0],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        ws.getCell(r + 1, c + 1).value = v;
        if (v instanceof Date) ws.getCell(r + 1, c + 1).numFmt = "dd/mm/yyyy";
      }),
    );
  }
  if (settings) {
    const s = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
    handEdited(settings).rows.forEach((row, r) =>
      row.forEach((v: CellValue | undefined, c) => {
        if (v !== null && v !== undefined && v !== "") s.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

beforeAll(() => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-across-closed-"));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("a closed risk whose open actions are all in another file: the finding says where they are", () => {
  let dir: string;
  const MESSAGE = "Risk R-1 is closed but 2 of its actions are still open (in plan.xlsx).";
  beforeAll(async () => {
    dir = path.join(tmp, "elsewhere");
    fs.mkdirSync(dir);
    await writeBook(path.join(dir, "register.xlsx"), {
      Register: [HEADER, closedRisk("R-1", "Winter gritting fleet"), risk("R-5", "Depot lease", "Ann Lee")],
    });
    await writeBook(path.join(dir, "plan.xlsx"), {
      Plan: [ACTION_HEADER, action("R-1", "A-1"), action("R-1", "A-2"), action("R-5", "A-3")],
    });
  });

  it("JSON: the register's finding on the status cell names plan.xlsx", () => {
    const { run, findings } = checkJson([dir]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(closedHits(findings)).toEqual([["register.xlsx", "warning", "L2", "R-1", MESSAGE]]);
  });

  it("text: the register's own part prints that message, and Across files still names the file", () => {
    const run = check([dir]);
    expect(run.status).toBe(0);
    const part = filePart(run.stdout, "register.xlsx");
    expect(part).toMatch(
      /warning {2}risk\/closed-with-open-actions {2}Register!L2 {2}R-1 {2}Risk R-1 is closed but 2 of its actions are still open \(in plan\.xlsx\)\./,
    );
    expect(lastLine(part)).toContain("0 errors, 1 warning, 0 notes");
    expect(acrossPart(run.stdout)).toMatch(
      /R-1\s+register\.xlsx: Register!L2\s+open actions in plan\.xlsx\n/,
    );
  });

  it("roll-up: the Exceptions tab's Message column carries the same words, the Source the register", async () => {
    const out = path.join(tmp, "elsewhere-roll-up.xlsx");
    const run = check([dir, "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const { found, accepted } = await exceptionRows(out);
    expect(found).toEqual([["Warning", "L2", "R-1", MESSAGE, "register.xlsx"]]);
    expect(accepted).toEqual([]);
  });

  it("open actions in two other files: the count of each file, in the files' order", async () => {
    const two = path.join(tmp, "two-plans");
    fs.mkdirSync(two);
    fs.copyFileSync(path.join(dir, "register.xlsx"), path.join(two, "register.xlsx"));
    await writeBook(path.join(two, "plan-a.xlsx"), {
      Plan: [ACTION_HEADER, action("R-1", "A-1"), action("R-1", "A-2")],
    });
    await writeBook(path.join(two, "plan-b.xlsx"), { Plan: [ACTION_HEADER, action("R-1", "B-1")] });
    const { run, findings } = checkJson([two]);
    expect(run.status).toBe(0);
    expect(closedHits(findings)).toEqual([
      [
        "register.xlsx",
        "warning",
        "L2",
        "R-1",
        "Risk R-1 is closed but 3 of its actions are still open (2 in plan-a.xlsx, 1 in plan-b.xlsx).",
      ],
    ]);
  });

  it("two plans of one file name are named by their paths as given, as the report names them elsewhere", async () => {
    const a = path.join(tmp, "same-name-a");
    const b = path.join(tmp, "same-name-b");
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    await writeBook(path.join(a, "plan.xlsx"), { Plan: [ACTION_HEADER, action("R-1", "A-1")] });
    await writeBook(path.join(b, "plan.xlsx"), { Plan: [ACTION_HEADER, action("R-1", "B-1")] });
    const planA = path.join(a, "plan.xlsx");
    const planB = path.join(b, "plan.xlsx");
    const { run, findings } = checkJson([path.join(dir, "register.xlsx"), planA, planB]);
    expect(run.status).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files).toEqual(["register.xlsx", planA, planB]);
    expect(closedHits(findings).map((h) => h[4])).toEqual([
      `Risk R-1 is closed but 2 of its actions are still open (1 in ${planA}, 1 in ${planB}).`,
    ]);
  });
});

describe("a closed risk with open actions in its own file and another: its one finding counts them all", () => {
  let dir: string;
  const ALONE = "Risk R-1 is closed but 1 of its actions is still open.";
  const MESSAGE =
    "Risk R-1 is closed but 3 of its actions are still open (1 in register.xlsx, 2 in plan.xlsx).";
  beforeAll(async () => {
    dir = path.join(tmp, "both");
    fs.mkdirSync(dir);
    await writeBook(path.join(dir, "register.xlsx"), {
      Register: [HEADER, closedRisk("R-1", "Winter gritting fleet"), risk("R-5", "Depot lease", "Ann Lee")],
      Actions: [ACTION_HEADER, action("R-1", "A-1"), action("R-5", "A-5")],
    });
    await writeBook(path.join(dir, "plan.xlsx"), {
      Plan: [ACTION_HEADER, action("R-1", "P-1"), action("R-1", "P-2")],
    });
  });

  it("alone, the register warns with its own count (1)", () => {
    const { run, findings } = checkJson([path.join(dir, "register.xlsx")]);
    expect(run.status).toBe(0);
    expect(closedHits(findings)).toEqual([[undefined, "warning", "L2", "R-1", ALONE]]);
  });

  it("JSON: one finding, in the same place, severity and rule, counting 3 and saying where", () => {
    const { run, findings } = checkJson([dir]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(closedHits(findings)).toEqual([["register.xlsx", "warning", "L2", "R-1", MESSAGE]]);
    expect(findings.map((f) => f.message)).not.toContain(ALONE);
  });

  it("text: the register's part prints the recounted message once, and its count line is the one it has alone", () => {
    const alone = check([path.join(dir, "register.xlsx")]);
    const planAlone = check([path.join(dir, "plan.xlsx")]);
    const run = check([dir]);
    expect(run.status).toBe(alone.status);
    const part = filePart(run.stdout, "register.xlsx");
    expect(part).not.toContain(ALONE);
    expect(part.split(MESSAGE)).toHaveLength(2);
    expect(part).toMatch(
      /warning {2}risk\/closed-with-open-actions {2}Register!L2 {2}R-1 {2}Risk R-1 is closed/,
    );
    expect(lastLine(part)).toBe(lastLine(alone.stdout));
    expect(lastLine(filePart(run.stdout, "plan.xlsx"))).toBe(lastLine(planAlone.stdout));
    // Across files says the other file's open actions were counted with the register's own.
    expect(acrossPart(run.stdout)).toMatch(
      /R-1\s+register\.xlsx: Register!L2\s+open actions in plan\.xlsx, and in register\.xlsx itself\n/,
    );
    expect(run.stdout).toMatch(/All files: 0 errors, 1 warning, 0 notes/);
  });

  it("roll-up: one Exceptions row for R-1, with the recounted message, and the heading counts it once", async () => {
    const out = path.join(tmp, "both-roll-up.xlsx");
    const run = check([dir, "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const { found, accepted } = await exceptionRows(out);
    expect(found).toEqual([["Warning", "L2", "R-1", MESSAGE, "register.xlsx"]]);
    expect(accepted).toEqual([]);
    const rows = await sheetRows(out, "Exceptions");
    expect(rows.find((r) => String(r[0] ?? "").startsWith("Findings ("))?.[0]).toBe(
      "Findings (1: 0 errors, 1 warning)",
    );
  });

  it("a severity set in the register's Settings is kept (error: exit 1 alone and together)", async () => {
    const sev = path.join(tmp, "both-error");
    fs.mkdirSync(sev);
    await writeBook(
      path.join(sev, "register.xlsx"),
      {
        Register: [HEADER, closedRisk("R-1", "Winter gritting fleet")],
        Actions: [ACTION_HEADER, action("R-1", "A-1")],
      },
      { ruleSeverities: JSON.stringify({ [RULE]: "error" }) },
    );
    fs.copyFileSync(path.join(dir, "plan.xlsx"), path.join(sev, "plan.xlsx"));
    const alone = checkJson([path.join(sev, "register.xlsx")]);
    expect(alone.run.stderr).toBe("");
    expect(closedHits(alone.findings)).toEqual([[undefined, "error", "L2", "R-1", ALONE]]);
    const { run, findings } = checkJson([sev]);
    expect([run.status, alone.run.status]).toEqual([1, 1]);
    expect(closedHits(findings)).toEqual([["register.xlsx", "error", "L2", "R-1", MESSAGE]]);
  });
});

describe("an accepted closed-with-open-actions finding with open actions in another file too", () => {
  let dir: string;
  const MESSAGE =
    "Risk R-1 is closed but 3 of its actions are still open (1 in register.xlsx, 2 in plan.xlsx).";
  beforeAll(async () => {
    dir = path.join(tmp, "accepted");
    fs.mkdirSync(dir);
    const register = path.join(dir, "register.xlsx");
    const sheets = {
      Register: [HEADER, closedRisk("R-1", "Winter gritting fleet")],
      Actions: [ACTION_HEADER, action("R-1", "A-1")],
    };
    await writeBook(register, sheets);
    const checked = await checkFile({
      path: register,
      file: "register.xlsx",
      asAt: AS_AT,
      format: "json",
      rollUp: false,
    });
    const exception: AcceptedException = {
      ruleId: RULE,
      sheet: "Register",
      recordId: "R-1",
      reason: "Contractor closes its actions next month",
      reviewBy: "2023-03-31",
      fingerprint: checked.risks.find((r) => r.idText === "R-1")!.fingerprint,
    };
    await writeBook(register, sheets, { acceptedExceptions: JSON.stringify(exception) });
    await writeBook(path.join(dir, "plan.xlsx"), {
      Plan: [ACTION_HEADER, action("R-1", "P-1"), action("R-1", "P-2")],
    });
  });

  it("alone, the register lists it as accepted, with its own count", () => {
    const run = check([path.join(dir, "register.xlsx")]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(
      /Accepted exceptions \(1\):\n {2}risk\/closed-with-open-actions\s+Register!L2\s+R-1\s+Risk R-1 is closed but 1 of its actions is still open\./,
    );
  });

  it("together: still accepted (not in the JSON's findings, nor counted), recounted in the accepted list and the roll-up's", async () => {
    const { findings } = checkJson([dir]);
    expect(closedHits(findings)).toEqual([]);
    const out = path.join(tmp, "accepted-roll-up.xlsx");
    const run = check([dir, "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const part = filePart(run.stdout, "register.xlsx");
    expect(part).toContain(
      `Accepted exceptions (1):\n  risk/closed-with-open-actions  Register!L2  R-1  ${MESSAGE}`,
    );
    expect(part).not.toContain("1 of its actions is still open");
    expect(lastLine(part)).toContain("0 errors, 0 warnings, 0 notes");
    expect(acrossPart(run.stdout)).toMatch(
      /R-1\s+register\.xlsx: Register!L2\s+open actions in plan\.xlsx, and in register\.xlsx itself \(accepted there\)\n/,
    );
    const { found, accepted } = await exceptionRows(out);
    expect(found).toEqual([]);
    expect(accepted).toEqual([["Warning", "L2", "R-1", MESSAGE, "register.xlsx"]]);
  });
});
