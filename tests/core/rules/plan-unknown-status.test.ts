import { findingsOf, plan, planRow } from "./harness";

const RULE = "plan/unknown-status";

describe(RULE, () => {
  it.each([
    "Completed. Output reports now reviewed.",
    "Complete",
    "Closed",
    "In progress",
    "Ongoing",
    "Underway",
    "On track",
    "Not started",
    "Delayed",
    "At risk",
    "Cancelled",
    "Superseded",
    "  completed",
  ])("valid: %s", (status) => {
    expect(findingsOf(RULE, [plan(planRow({ status }))])).toEqual([]);
  });

  it.each([
    ["a RAG word", "Green", [["H4", "unknown"]]],
    ["Done is not a plan-status word", "Done", [["H4", "unknown"]]],
    ["a status that leads with other words", "Now completed", [["H4", "unknown"]]],
    ["blank", null, [["H4", "blank"]]],
  ])("invalid: %s", (_name, status, expected) => {
    expect(findingsOf(RULE, [plan(planRow({ status }))])).toEqual(expected);
  });
});
