// The meeting's update on a register that keeps its updates month by month ("Update Jul-22 | Update Aug-22 |
// Update Sep-22", README "Registers as they are really written"): written in the as-at month's column, an
// earlier month's words left where they are and not carried into the log as words the write replaces.

import {
  fieldColumnsOf,
  lastLoggedTexts,
  recordToEdits,
  REGISTER_AUTHOR,
  type RecordPlan,
} from "../../../src/core/meeting/record";
import type { Report } from "../../../src/core/model/report";
import type { RiskFacts } from "../../../src/core/model/risk-summary";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso, serialFromDay } from "../../../src/core/parse";
import type { SheetSpec } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const AS_AT = "2022-09-30";
const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Strategy",
  "Actions",
  "Update Jul-22",
  "Update Aug-22",
  "Update Sep-22",
];
const register: SheetSpec = {
  name: "Risk Register",
  rows: [
    HEAD,
    ["MR-01", "Claims", "Ann Lee", "Treat", "Inspect", "July words", "August words", null],
    ["MR-02", "Joints", "Bob Roe", "Treat", "Survey", "July words", "August words", "September so far"],
  ],
};

function noChange(report: Report, facts: RiskFacts): RecordPlan {
  return recordToEdits(
    facts,
    { text: "", noChange: true },
    {
      meetingDate: AS_AT,
      asAt: report.asAt,
      by: "Cllr Chair",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: lastLoggedTexts(report)(facts),
    },
  );
}

it("writes the as-at month's column and carries nothing when that month was blank; the risk is then updated", () => {
  const { grids, report } = reportOfSheets([register], AS_AT);
  const facts = report.risks.find((r) => r.id === "MR-01")!;
  expect(facts.stale).toBe(true);
  const p = noChange(report, facts);
  expect(p.cells.filter((c) => c.field === "update").map((c) => [c.row, c.col, c.value])).toEqual([
    [1, 7, "No change this month"],
  ]);
  expect(p.log.rows.map((r) => r[2])).toEqual(["Cllr Chair"]);
  const after = check(applyPlan(grids, p), AS_AT);
  expect(after.risks.find((r) => r.id === "MR-01")?.stale).toBe(false);
  expect(after.findings.filter((f) => f.ruleId === "risk/stale-update" && f.recordId === "MR-01")).toEqual(
    [],
  );
});

it("carries the as-at month's words it writes over into the log, dated by their month", () => {
  const { report } = reportOfSheets([register], AS_AT);
  const p = noChange(
    report,
    report.risks.find((r) => r.id === "MR-02")!,
  );
  expect(p.cells.find((c) => c.field === "update")?.col).toBe(7);
  expect(p.log.rows[0].slice(0, 4)).toEqual([
    serialFromDay(dayFromIso("2022-09-01")!),
    "MR-02",
    REGISTER_AUTHOR,
    "September so far",
  ]);
});
