import { findingsOf, plan, planRow, type PlanRow, type RunOptions } from "./harness";

const RULE = "plan/overdue";

describe(RULE, () => {
  it.each<[string, PlanRow, RunOptions?]>([
    ["completed and past its date", { date: "July 2022" }],
    ["Complete (without d)", { date: "July 2022", status: "Complete" }],
    ["Closed counts as completed", { date: "July 2022", status: "Closed" }],
    ["cancelled", { date: "July 2022", status: "Cancelled - no longer needed" }],
    ["superseded", { date: "July 2022", status: "Superseded by action 4.2" }],
    ["in progress and not yet due", { date: "31/12/2022", status: "In progress" }],
    ["the month as a deadline means its last day", { date: "Oct 2022", status: "In progress" }],
    ["a quarter as a deadline means its last day", { date: "Q4 2022", status: "Not started" }],
    ["no date (missing-date's business)", { date: null, status: "In progress" }],
    ["a date on the as-at day", { date: "10/10/2022", status: "In progress" }],
    ["not due at an earlier as-at date", { date: "July 2022", status: "Delayed" }, { asAt: "2022-07-31" }],
  ])("valid: %s", (_name, over, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [plan(planRow(over))], options)).toEqual([]);
  });

  it.each<[string, PlanRow, [string, string][], RunOptions?]>([
    ["in progress past its month", { date: "Sept 2022", status: "In progress" }, [["E4", "overdue"]]],
    ["not started", { date: "July 2022", status: "Not started" }, [["E4", "overdue"]]],
    ["delayed", { date: "01/10/2022", status: "Delayed - awaiting contractor" }, [["E4", "overdue"]]],
    ["a status that is not a plan status", { date: "July 2022", status: "Green" }, [["E4", "overdue"]]],
    ["no status", { date: "July 2022", status: null }, [["E4", "overdue"]]],
    [
      "a month as a deadline is late the day after it ends",
      { date: "Oct 2022", status: "Ongoing" },
      [["E4", "overdue"]],
      { asAt: "2022-11-01" },
    ],
  ])("invalid: %s", (_name, over, expected, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [plan(planRow(over))], options)).toEqual(expected);
  });
});
