import { findingsOf, register, risk, SERIAL, type RiskRow, type SheetSpec } from "./harness";

const RULE = "risk/next-review-passed";

describe(RULE, () => {
  it.each<[string, RiskRow]>([
    ["next review in the future", { nextReview: "01/11/2022" }],
    ["next review on the as-at date", { nextReview: "10/10/2022" }],
    ["a month as a deadline means its last day", { nextReview: "Oct 2022" }],
    ["blank", { nextReview: null }],
    ["TBC", { nextReview: "TBC" }],
    ["a closed risk", { nextReview: "01/01/2022", status: "Closed" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual([]);
  });

  it.each<[string, SheetSpec, [string, string][]]>([
    ["the day before the as-at date", register(risk({ nextReview: "09/10/2022" })), [["L3", "passed"]]],
    ["Sept 2022 ended on the 30th", register(risk({ nextReview: "Sept 2022" })), [["L3", "passed"]]],
    ["a long UK date", register(risk({ nextReview: "1 October 2022" })), [["L3", "passed"]]],
    [
      "an Excel serial with a date format",
      { ...register(risk({ nextReview: SERIAL["2022-10-09"] })), formats: { "2,11": "dd-mmm-yy" } },
      [["L3", "passed"]],
    ],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });

  // A next review date written as a date that cannot be read is reported at its cell, quoting it (review 31).
  it.each<[string, RiskRow, [string, string][]]>([
    ["no 31 February", { nextReview: "31/02/2023" }, [["L3", "unreadable"]]],
    ["no 29 February in 2023", { nextReview: "29/02/23" }, [["L3", "unreadable"]]],
    ["words instead of a date", { nextReview: "Monthly" }, []],
    ["a closed risk", { nextReview: "31/02/2023", status: "Closed" }, []],
  ])("a next review date that cannot be read: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual(expected);
  });
});
