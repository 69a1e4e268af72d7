import { findingsOf, plan, planRow, type SheetSpec } from "./harness";

const RULE = "plan/misaligned-row";

/** The seed's row 28: action under No, date under Improvement Aim, leads under Action and Date, status under Lead Director. */
const shifted = (action = "BBLP sub contracts to be provided"): (string | null)[] => [
  action,
  "April 2022",
  null,
  "RC",
  "MA",
  "Completed. Review of Annual Plan process done.",
  "Annual Plan records information.",
];

describe(RULE, () => {
  it.each<[string, SheetSpec]>([
    ["rows under their headers", plan(planRow(), planRow({ no: null, aim: null }))],
    [
      "a row with only some cells",
      plan(planRow(), [null, null, null, "Extra note", null, null, null, null, null]),
    ],
    [
      "a row whose second cell is not a date",
      plan(planRow(), ["Text", "More text", null, "RC", "MA", "Completed.", "Evidence"]),
    ],
  ])("valid: %s", (_name, sheet) => {
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  it.each<[string, SheetSpec, [string, string][]]>([
    ["a shifted row after a numbered one", plan(planRow(), shifted()), [["A5", "shifted"]]],
    [
      "two shifted rows",
      plan(planRow(), shifted(), shifted("Review contract changes")),
      [
        ["A5", "shifted"],
        ["A6", "shifted"],
      ],
    ],
    ["a shifted row without evidence", plan(planRow(), shifted().slice(0, 6)), [["A5", "shifted"]]],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });

  it("the realigned row is read with its fields and keeps the aim carried down", () => {
    // Not flagged by the other plan rules: the realigned action has a date, leads, status and evidence.
    for (const other of [
      "plan/missing-date",
      "plan/missing-lead",
      "plan/unknown-status",
      "plan/completed-without-evidence",
    ])
      expect([other, findingsOf(other, [plan(planRow(), shifted())])]).toEqual([other, []]);
  });
});
