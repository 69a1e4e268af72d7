// The council's real improvement plan (fixtures/seed), read and checked as at 2022-10-10.

import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import type { Grid } from "../../../src/core/model/grid";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbookFile } from "../../../src/files/read-workbook-file";
import { SEED_PLAN } from "../../helpers/fixture-paths";

const SEED = SEED_PLAN;

let grids: Grid[];
let report: Report;

beforeAll(async () => {
  if (!fs.existsSync(SEED)) throw new Error(`The seed plan is missing: expected it at ${SEED}`);
  grids = await readWorkbookFile(fs.readFileSync(SEED), path.basename(SEED));
  report = checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source: path.basename(SEED),
  });
});

/** The plan record whose first sheet row (1-based) is `row`. */
const recordAt = (row: number) => {
  const r = report.records.plan.find((p) => p.row === row - 1);
  if (!r) throw new Error(`no plan record starts on row ${row}`);
  return r;
};

describe("the seed improvement plan", () => {
  it("is one improvement-plan sheet with its header on row 3 and all nine columns mapped", () => {
    expect(report.sheets).toHaveLength(1);
    const [sheet] = report.sheets;
    expect(sheet).toMatchObject({ kind: "improvement-plan", headerRow: 2, recordCount: 39, unmapped: [] });
    expect(sheet.columns.map((c) => c.field)).toEqual([
      "no",
      "aim",
      "background",
      "action",
      "date",
      "leadDirector",
      "leadOfficer",
      "status",
      "evidence",
    ]);
  });

  it("reads 39 actions under 11 aims, each with its No and aim carried down", () => {
    const plan = report.records.plan;
    expect(plan).toHaveLength(39);
    expect(plan.every((p) => p.fields.no?.text && p.fields.aim?.text && p.fields.action?.text)).toBe(true);
    expect([...new Set(plan.map((p) => p.fields.no!.text))]).toEqual([
      "1.",
      "2.",
      "3.",
      "4.",
      "5.",
      "6.",
      "7.",
      "8.",
      "9.",
      "10.",
      "11.",
    ]);
    expect(recordAt(13).fields.aim?.text).toBe("Risk Management.");
    expect(recordAt(26).fields).toMatchObject({
      no: { text: "2." },
      aim: { text: "Relationship Management." },
    });
    expect(recordAt(69).fields.no?.text).toBe("11.");
    // Background may change within an aim: row 22 starts a new finding under aim 2.
    expect(recordAt(22).fields.background?.text).not.toBe(recordAt(14).fields.background?.text);
    expect(recordAt(23).fields.background?.text).toBe(recordAt(22).fields.background?.text);
  });

  it.each([
    [7, 10],
    [15, 18],
    [29, 32],
    [35, 38],
    [42, 45],
    [54, 57],
    [64, 67],
  ])("joins row %i with its continuation on row %i", (first, continuation) => {
    expect(recordAt(first).rows).toEqual([first - 1, continuation - 1]);
    expect(report.records.plan.some((p) => p.row === continuation - 1)).toBe(false);
  });

  it("joins the split texts with a space", () => {
    expect(recordAt(7).fields.action?.text).toMatch(
      / action plan, which is tracked and updated each month\.$/,
    );
    expect(recordAt(35).fields.aim?.text).toMatch(/contract and commissioning further work\.$/);
    expect(recordAt(35).fields.status?.text).toMatch(/recruitment to secure appropriate talent\.$/);
    expect(recordAt(15).fields.evidence?.text).toMatch(/findings report to Strategic Partnership Board\.$/);
    expect(recordAt(64).fields.status?.text).toMatch(/available in August and September\.$/);
  });

  it("carries the joined aim down to the aim's next action", () => {
    expect(recordAt(39).fields.aim?.text).toBe(recordAt(35).fields.aim?.text);
  });

  it("realigns rows 28 and 29 and only those", () => {
    expect(report.records.plan.filter((p) => p.realigned).map((p) => p.row + 1)).toEqual([28, 29]);
    expect(recordAt(28).fields).toMatchObject({
      no: { text: "3." },
      aim: { text: "Change Management." },
      date: { text: "April 2022", col: 1 },
      leadDirector: { text: "RC" },
      leadOfficer: { text: "MA" },
    });
    expect(recordAt(28).fields.status?.text).toMatch(/^Completed\./);
    expect(recordAt(29).fields.date?.text).toBe("October 2022");
    const misaligned = report.findings.filter((f) => f.ruleId === "plan/misaligned-row").map((f) => f.row);
    expect(misaligned).toEqual([28, 29]);
  });

  it("finds completed-but-not-evidenced actions as at 2022-10-10", () => {
    const cells = report.findings
      .filter((f) => f.ruleId === "plan/completed-not-evidenced")
      .map((f) => f.cell);
    expect(cells).toEqual(expect.arrayContaining(["I13", "I15", "I40", "H52"]));
    expect(cells.includes("H39") || cells.includes("I39")).toBe(true);
    const quoted = (cell: string) =>
      report.findings.find((f) => f.ruleId === "plan/completed-not-evidenced" && f.cell === cell)!.message;
    expect(quoted("I13")).toContain("will be moved to new system when available");
    expect(quoted("I40")).toContain("to be recruited");
    expect(quoted("H52")).toContain("in progress");
  });

  it("raises no error on a plan whose every action is dated, led and has a status", () => {
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const r of [
      "plan/missing-date",
      "plan/missing-lead",
      "plan/unknown-status",
      "plan/completed-without-evidence",
      "plan/overdue",
    ]) {
      expect([r, rules.has(r)]).toEqual([r, false]);
    }
  });

  it("names plan findings by aim and action number", () => {
    expect(report.findings.find((f) => f.cell === "I13")?.recordId).toBe("1.7");
    expect(report.findings.find((f) => f.cell === "I40")?.recordId).toBe("6.1");
  });
});
