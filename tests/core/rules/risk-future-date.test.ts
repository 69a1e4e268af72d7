import type { CellValue } from "../../../src/core/model/grid";
import { findingsOf, register, risk, SERIAL, updateLog, type RunOptions, type SheetSpec } from "./harness";

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

  // SPEC "Dated lines": a dated line counts as a lastUpdated date beside the register's date column too.
  // A line dated in the future (a typo'd year) would pass for this month's update: it is flagged at the
  // update cell, as a future date in the date column is at that cell.
  it.each<[string, SheetSpec, [string, string][]]>([
    [
      "a line dated after the as-at date beside a date in the past",
      register(risk({ update: "12/09/23 – reviewed at RMB\n01/09/22 – no change" })),
      [["K3", "futureLine"]],
    ],
    [
      "both the date column and a line in the future: the date column's finding alone",
      register(risk({ lastReview: "11/10/2022", update: "12/09/23 – reviewed at RMB" })),
      [["J3", "future"]],
    ],
  ])("beside a date column, invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });

  it.each<[string, SheetSpec]>([
    [
      "lines dated up to the as-at date",
      register(risk({ update: "10/10/22 – reviewed\n12/09/22 – no change" })),
    ],
    [
      "a due date in a line's words is not the line's date",
      register(risk({ update: "Survey due 12/09/23" })),
    ],
  ])("beside a date column, valid: %s", (_name, sheet) => {
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  // An Update Log row dated after the as-at date is not read as at that date; dated after today as well, it is
  // a date still to come (a year typed wrong): reported at its date cell, about the risk it names (review 31).
  it.each<[string, CellValue, RunOptions, [string, string][]]>([
    ["a year typed wrong", "30/09/2202", {}, [["A2", "futureLog"]]],
    ["the day after today", "11/10/2022", {}, [["A2", "futureLog"]]],
    [
      "after the as-at date but not after today: a later month's update",
      "05/10/2022",
      { asAt: "2022-09-30" },
      [],
    ],
    ["on the as-at date", "10/10/2022", {}, []],
  ])("an Update Log row: %s", (_name, date, options, expected) => {
    const log = updateLog([date, "HRC-001", "J Smith", "Reviewed", "No", 12, "Treat"]);
    expect(findingsOf(RULE, [register(risk({ lastReview: "15/09/2022" })), log], options)).toEqual(expected);
  });

  it("reports a log row once, however many registers hold its risk", () => {
    const log = updateLog(["30/09/2202", "HRC-001", "J Smith", "Reviewed", "No", 12, "Treat"]);
    const other = { ...register(risk()), name: "Directorate Risks" };
    expect(findingsOf(RULE, [register(risk()), other, log])).toEqual([["A2", "futureLog"]]);
  });
});
