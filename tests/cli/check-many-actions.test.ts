// `risk-review check REGISTER PLAN` (SPEC "Many workbooks": "risks are joined across files as across
// sheets"): an actions sheet in one file counts for the risks of another, as an actions sheet counts for the
// registers of its own workbook. Through the compiled CLI and its worker threads.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli } from "./helpers/cli-build";
import { HEADER, risk, utc, writeWorkbook, type Row } from "./helpers/registers";

jest.setTimeout(180_000);

const AS_AT = "2022-10-10";
const ACTION_HEADER: Row = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
];

/** A risk that breaks no rule but has no actions text. */
const withoutActions = (id: string, title: string): Row => {
  const row = risk(id, title, "Ann Lee");
  row[8] = null;
  return row;
};

let build: string;
let tmp: string;
let register: string;
let plan: string;

beforeAll(async () => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-check-many-actions-"));
  register = path.join(tmp, "register.xlsx");
  plan = path.join(tmp, "plan.xlsx");
  await writeWorkbook(register, {
    Register: [
      HEADER,
      withoutActions("R-1", "Winter gritting fleet"),
      withoutActions("R-2", "Depot lease"),
      withoutActions("R-3", "Street lighting"),
    ],
  });
  // R-1 by its id; R-2 by an action naming two risks; nothing for R-3.
  await writeWorkbook(plan, {
    "Treatment Plan": [
      ACTION_HEADER,
      ["R-1", "A-1", "Hire spare gritters", "Jo Park", utc(2022, 12, 31)],
      ["R-2 & R-9", "A-2", "Renegotiate the lease", "Jo Park", utc(2022, 12, 31)],
    ],
  });
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Finding {
  ruleId: string;
  recordId: string | null;
  file?: string;
}

const noAction = (findings: Finding[]): (string | null)[] =>
  findings.filter((f) => f.ruleId === "risk/no-action").map((f) => f.recordId);

describe("check REGISTER PLAN: actions in one file count for risks in another", () => {
  it("checked alone, the register still has three risks with no actions (a single file's check is unchanged)", () => {
    const run = runCli(build, ["check", register, "--as-at", AS_AT, "--format", "json"]);
    expect(run.status).toBe(1);
    expect(noAction((JSON.parse(run.stdout) as { findings: Finding[] }).findings)).toEqual([
      "R-1",
      "R-2",
      "R-3",
    ]);
  });

  it("checked together, only R-3 has no action in the JSON: R-1 by its id, R-2 by an action naming two ids", () => {
    const run = runCli(build, ["check", register, plan, "--as-at", AS_AT, "--format", "json"]);
    expect([run.status, run.stderr]).toEqual([1, ""]);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(
      report.findings.filter((f) => f.ruleId === "risk/no-action").map((f) => [f.file, f.recordId]),
    ).toEqual([["register.xlsx", "R-3"]]);
  });

  it("says so in the text: the register's own part counts one error, and Across files names where the actions are", () => {
    const run = runCli(build, ["check", register, plan, "--as-at", AS_AT]);
    expect(run.status).toBe(1);
    const own = run.stdout.slice(
      run.stdout.indexOf("File:  register.xlsx"),
      run.stdout.indexOf("File:  plan.xlsx"),
    );
    expect(own).toContain("Errors (1):");
    expect(own).toMatch(/risk\/no-action\s+Register!\w+\s+R-3/);
    expect(own).not.toMatch(/R-1 has no actions|R-2 has no actions/);
    expect(own).toContain("1 error, 0 warnings, 0 notes");
    const across = run.stdout.slice(run.stdout.indexOf("Across files:"));
    expect(across).toMatch(/R-1\s+register\.xlsx: Register row 2\s+actions in plan\.xlsx/);
    expect(across).toMatch(/R-2\s+register\.xlsx: Register row 3\s+actions in plan\.xlsx/);
    expect(across).not.toMatch(/R-3\s+register/);
    expect(run.stdout).toMatch(/All files: 1 error, 0 warnings/);
  });

  it("exits 0 when every risk without actions has them in the other file, and the roll-up lists no such finding", async () => {
    const two = path.join(tmp, "two-risks.xlsx");
    await writeWorkbook(two, {
      Register: [
        HEADER,
        withoutActions("R-1", "Winter gritting fleet"),
        withoutActions("R-2", "Depot lease"),
      ],
    });
    const out = path.join(tmp, "roll-up.xlsx");
    const run = runCli(build, ["check", two, plan, "--as-at", AS_AT, "--out", out]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rules: ExcelJS.CellValue[] = [];
    wb.getWorksheet("Exceptions")!.eachRow((row) => rules.push(row.getCell(2).value));
    expect(rules).not.toContain("risk/no-action");
  });
});
