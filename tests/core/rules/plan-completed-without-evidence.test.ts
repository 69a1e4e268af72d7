import { findingsOf, plan, planRow, type PlanRow } from "./harness";

const RULE = "plan/completed-without-evidence";

describe(RULE, () => {
  it.each<[string, PlanRow]>([
    ["completed with evidence", {}],
    ["in progress with no evidence", { status: "In progress", evidence: null }],
    ["not started with no evidence", { status: "Not started", evidence: null }],
    ["no status (unknown-status's business)", { status: null, evidence: null }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [plan(planRow(over))])).toEqual([]);
  });

  it.each<[string, PlanRow, [string, string][]]>([
    ["Completed. with a blank Evidence cell", { evidence: null }, [["I4", "blank"]]],
    ["Complete", { status: "Complete", evidence: "" }, [["I4", "blank"]]],
    ["Closed", { status: "Closed", evidence: "   " }, [["I4", "blank"]]],
    ["HTML tags with no words are empty", { evidence: "<p></p>" }, [["I4", "blank"]]],
  ])("invalid: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [plan(planRow(over))])).toEqual(expected);
  });
});
