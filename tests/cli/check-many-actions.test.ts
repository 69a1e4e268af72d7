// `risk-review check REGISTER PLAN` (SPEC "Many workbooks": "risks are joined across files as across
// sheets"): an actions sheet in one file counts for the risks of another, as an actions sheet counts for the
// registers of its own workbook. Through the compiled CLI and its worker threads.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli } from "./helpers/cli-build";
import { HEADER, red, risk, utc, writeWorkbook, type Row } from "./helpers/registers";

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

describe("check REGISTER PLAN: a closed risk's actions in the other file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tmp, "closed");
    fs.mkdirSync(dir);
    const closed = risk("R-1", "Winter gritting fleet", "Ann Lee");
    closed[11] = "Closed";
    // A-1 overdue and A-2 open for the closed R-1; A-3 overdue for R-5, open in the register.
    await writeWorkbook(path.join(dir, "register.xlsx"), {
      Register: [HEADER, closed, risk("R-5", "Depot lease", "Ann Lee")],
    });
    await writeWorkbook(path.join(dir, "plan.xlsx"), {
      Plan: [
        ACTION_HEADER,
        ["R-1", "A-1", "Return the gritters", "Jo Park", utc(2022, 9, 1)],
        ["R-1", "A-2", "Sell the old fleet", "Jo Park", utc(2022, 12, 31)],
        ["R-5", "A-3", "Renew the lease", "Jo Park", utc(2022, 9, 1)],
      ],
    });
  });

  const ruleHits = (findings: Finding[]) =>
    findings
      .filter((f) => f.ruleId === "risk/closed-with-open-actions" || f.ruleId === "risk/action-overdue")
      .map((f) => [f.file, f.ruleId, f.recordId]);

  it("checked alone, the plan's two overdue actions are warnings and the register has no closed-risk warning", () => {
    const reg = JSON.parse(
      runCli(build, ["check", path.join(dir, "register.xlsx"), "--as-at", AS_AT, "--format", "json"]).stdout,
    ) as { findings: Finding[] };
    const pl = JSON.parse(
      runCli(build, ["check", path.join(dir, "plan.xlsx"), "--as-at", AS_AT, "--format", "json"]).stdout,
    ) as { findings: Finding[] };
    expect(ruleHits(reg.findings)).toEqual([]);
    expect(ruleHits(pl.findings)).toEqual([
      [undefined, "risk/action-overdue", "A-1"],
      [undefined, "risk/action-overdue", "A-3"],
    ]);
  });

  it("together: the register warns R-1 is closed with 2 open actions on its status cell, A-1 is no longer overdue, A-3 still is", () => {
    const run = runCli(build, ["check", dir, "--as-at", AS_AT, "--format", "json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { findings: (Finding & { cell: string; message: string })[] };
    // The folder's files in name order: plan.xlsx, then register.xlsx.
    expect(ruleHits(json.findings)).toEqual([
      ["plan.xlsx", "risk/action-overdue", "A-3"],
      ["register.xlsx", "risk/closed-with-open-actions", "R-1"],
    ]);
    const warning = json.findings.find((f) => f.ruleId === "risk/closed-with-open-actions")!;
    expect([warning.cell, warning.message]).toEqual([
      "L2",
      "Risk R-1 is closed but 2 of its actions are still open (in plan.xlsx).",
    ]);
  });

  it("the text counts them in each file's part and All files, and Across files says where; the roll-up agrees", async () => {
    const out = path.join(tmp, "closed-roll-up.xlsx");
    const run = runCli(build, ["check", dir, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(0);
    const part = (file: string) => run.stdout.slice(run.stdout.indexOf(`File:  ${file}`));
    expect(part("register.xlsx")).toMatch(
      /warning {2}risk\/closed-with-open-actions {2}Register!L2 {2}R-1[^\n]*\n[\s\S]*?0 errors, 1 warning, 0 notes/,
    );
    expect(part("plan.xlsx")).not.toMatch(/risk\/action-overdue +Plan!E2/);
    expect(part("plan.xlsx")).toMatch(/0 errors, 1 warning, 0 notes/);
    expect(run.stdout).toMatch(/R-1\s+register\.xlsx: Register!L2\s+open actions in plan\.xlsx/);
    expect(run.stdout).toMatch(/A-1\s+plan\.xlsx: Plan row 2\s+risks closed in register\.xlsx/);
    expect(run.stdout).toMatch(/All files: 0 errors, 2 warnings, 0 notes/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: [unknown, unknown][] = [];
    wb.getWorksheet("Exceptions")!.eachRow((row) => rows.push([row.getCell(2).value, row.getCell(5).value]));
    expect(rows.filter(([rule]) => String(rule).startsWith("risk/"))).toEqual([
      ["risk/action-overdue", "A-3"],
      ["risk/closed-with-open-actions", "R-1"],
    ]);
  });
});

describe("check REGISTER PLAN: the plan's progress updates are the risk's updates", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tmp, "updates");
    fs.mkdirSync(dir);
    // Both last reviewed on the register on 1 August; R-1's action was updated in the plan on 3 October,
    // R-2's on 1 September (before the month's cutoff, 10 September).
    const reviewedInAugust = (row: Row): Row => {
      const r = [...row];
      r[9] = utc(2022, 8, 1);
      return r;
    };
    await writeWorkbook(path.join(dir, "register.xlsx"), {
      Register: [
        HEADER,
        reviewedInAugust(red("R-1", "Winter gritting fleet", "Ann Lee")),
        reviewedInAugust(risk("R-2", "Depot lease", "Ann Lee")),
      ],
    });
    await writeWorkbook(path.join(dir, "plan.xlsx"), {
      Plan: [
        [...ACTION_HEADER, "Action Status", "Progress Update", "Update Date"],
        [
          "R-1",
          "A-1",
          "Hire spare gritters",
          "Jo Park",
          utc(2022, 12, 31),
          "Open",
          "Two gritters hired",
          utc(2022, 10, 3),
        ],
        [
          "R-2",
          "A-2",
          "Renew the lease",
          "Jo Park",
          utc(2022, 12, 31),
          "Open",
          "Draft agreed",
          utc(2022, 9, 1),
        ],
      ],
    });
  });

  it("R-1 is not 'not updated' in the text, Across files says where it was, and R-2 still is; the roll-up agrees", async () => {
    const out = path.join(tmp, "updates-roll-up.xlsx");
    const run = runCli(build, ["check", dir, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(1);
    const part = run.stdout.slice(
      run.stdout.indexOf("File:  register.xlsx"),
      run.stdout.indexOf("Across files:"),
    );
    expect(part).not.toMatch(/risk\/stale-update\s+Register!J2/);
    expect(part).toMatch(/risk\/stale-update\s+Register!J3\s+R-2/);
    expect(part).toMatch(/1 error, 1 warning, 0 notes/);
    expect(run.stdout).toMatch(
      /R-1\s+register\.xlsx: Register row 2\s+action updated 03\/10\/2022 in plan\.xlsx/,
    );
    expect(run.stdout).toMatch(/All files: 1 error, 1 warning, 0 notes/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The Escalation tab gives R-1's latest update as one workbook would: the plan's words and date.
    const escalated: ExcelJS.CellValue[][] = [];
    wb.getWorksheet("Escalation")!.eachRow((row) => {
      if (row.getCell(1).value === "R-1") escalated.push([row.getCell(8).value, row.getCell(9).value]);
    });
    expect(escalated.length).toBeGreaterThan(0);
    for (const [text, date] of escalated) {
      expect(text).toBe("Two gritters hired");
      expect(date).toEqual(utc(2022, 10, 3));
    }
    const summary: ExcelJS.CellValue[][] = [];
    wb.getWorksheet("Risk Summary")!.eachRow((row) =>
      summary.push([row.getCell(1).value, row.getCell(2).value]),
    );
    expect(summary.find(([label]) => label === "Open and not updated this period")?.[1]).toBe(1);
  });
});
