import { findingsOf, plan, PLAN_HEADERS, planRow, type PlanRow, type SheetSpec } from "./harness";

const RULE = "plan/missing-lead";

describe(RULE, () => {
  it.each<[string, PlanRow]>([
    ["both leads", {}],
    ["joint leads", { leadDirector: "CW/RC", leadOfficer: "NS/PH" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [plan(planRow(over))])).toEqual([]);
  });

  it("valid: a continuation row after a repeated header is not an action of its own", () => {
    const sheet = plan(planRow(), [], PLAN_HEADERS, [
      null,
      null,
      null,
      "which is tracked monthly.",
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  it.each<[string, SheetSpec, [string, string][]]>([
    ["no lead director", plan(planRow({ leadDirector: null })), [["F4", "director"]]],
    ["no lead officer", plan(planRow({ leadOfficer: " " })), [["G4", "officer"]]],
    [
      "neither",
      plan(planRow(), planRow({ no: null, aim: null, leadDirector: null, leadOfficer: null })),
      [
        ["F5", "director"],
        ["G5", "officer"],
      ],
    ],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });
});
