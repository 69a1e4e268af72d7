import { findingsOf, register, risk, SERIAL, type RunOptions, type SheetSpec } from "./harness";

const RULE = "risk/future-date";

describe(RULE, () => {
  it.each<[string, SheetSpec, RunOptions?]>([
    ["updated before the as-at date", register(risk())],
    ["updated on the as-at date", register(risk({ lastReview: "10/10/2022" }))],
    ["a month as last updated means its first day", register(risk({ lastReview: "Oct 2022" }))],
    [
      "a serial on the as-at date",
      { ...register(risk({ lastReview: SERIAL["2022-10-10"] })), formats: { "2,9": "dd/mm/yyyy" } },
    ],
    ["blank", register(risk({ lastReview: null }))],
    ["a later as-at date", register(risk({ lastReview: "01/12/2022" })), { asAt: "2022-12-01" }],
  ])("valid: %s", (_name, sheet, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [sheet], options)).toEqual([]);
  });

  it.each<[string, SheetSpec, [string, string][]]>([
    ["the day after the as-at date", register(risk({ lastReview: "11/10/2022" })), [["J3", "future"]]],
    [
      "a month that starts after the as-at date",
      register(risk({ lastReview: "Nov 2022" })),
      [["J3", "future"]],
    ],
    [
      "a serial after the as-at date",
      { ...register(risk({ lastReview: SERIAL["2022-10-11"] })), formats: { "2,9": "d mmm yyyy" } },
      [["J3", "future"]],
    ],
    [
      "a typo'd year",
      register(risk(), risk({ id: "HRC-002", lastReview: "01/10/2202" })),
      [["J4", "future"]],
    ],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });
});
