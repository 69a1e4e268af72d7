import { findingsOf, plan, planRow, SERIAL, type PlanRow, type SheetSpec } from "./harness";

const RULE = "plan/missing-date";

describe(RULE, () => {
  it.each<[string, PlanRow]>([
    ["a month", { date: "July 2022" }],
    ["an abbreviated month", { date: "Sept 2022" }],
    ["a UK date", { date: "31/10/2022" }],
    ["a long date", { date: "10 October 2022" }],
    ["a dd-Mmm-yy date", { date: "10-Oct-22" }],
    ["a quarter", { date: "Q3 2022" }],
    ["a financial year", { date: "2022/23" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [plan(planRow(over))])).toEqual([]);
  });

  it("valid: a column that can only be month first is read month first", () => {
    const sheet = plan(planRow({ date: "10/31/2022" }), planRow({ no: null, aim: null, date: "09/01/2022" }));
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  it("valid: an Excel serial with a date format", () => {
    const sheet = { ...plan(planRow({ date: SERIAL["2022-10-01"] })), formats: { "3,4": "mmmm yyyy" } };
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  it.each<[string, SheetSpec, [string, string][]]>([
    ["blank", plan(planRow({ date: null })), [["E4", "blank"]]],
    ["TBC", plan(planRow({ date: "TBC" })), [["E4", "unreadable"]]],
    ["Ongoing", plan(planRow({ date: "Ongoing" })), [["E4", "unreadable"]]],
    ["a day that does not exist", plan(planRow({ date: "31/02/2022" })), [["E4", "unreadable"]]],
    [
      "month first in a column read day first (another date can only be day first)",
      plan(planRow({ date: "15/09/2022" }), planRow({ no: null, aim: null, date: "10/31/2022" })),
      [["E5", "unreadable"]],
    ],
    ["a serial without a date format", plan(planRow({ date: SERIAL["2022-10-01"] })), [["E4", "unreadable"]]],
    [
      "only the undated action in an aim",
      plan(planRow(), planRow({ no: null, aim: null, date: null })),
      [["E5", "blank"]],
    ],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });
});
