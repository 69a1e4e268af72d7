// risk/stale-update on a register with no date column that dates its updates otherwise: kept month by month
// ("Update Jul-22 | Update Aug-22 | Update Sep-22") or as dated lines in its update text. The finding points at
// the cell the officer should fill, so that the Check view selects it: the as-at month's update cell where
// the register has one, else its newest month's (up to the as-at date); the update cell of dated lines. The
// message is the rule's as ever. A register with a date column points at it, as before.

import type { CellValue } from "../../../src/core/model/grid";
import { findingsOf, reportOf, type SheetSpec } from "./harness";

const RULE = "risk/stale-update";
const AS_AT = { asAt: "2022-09-30" };
const BASE = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Risk Response Strategy",
];
// Columns:    A          B             C             D                     E                  F

/** A register (header on row 1) keeping its updates under `months` ("Update Jul-22" …), then a Status. */
function monthRegister(months: string[], rows: [string, ...(string | null)[]][]): SheetSpec {
  return {
    name: "Risk Register",
    rows: [
      [...BASE, ...months.map((m) => `Update ${m}`), "Risk Status"],
      ...rows.map(([id, ...words]): CellValue[] => [
        id,
        `Title of ${id}`,
        "Ann Lee",
        3,
        3,
        "Treat",
        ...months.map((_, i) => words[i] ?? null),
        "Open",
      ]),
    ],
  };
}

const messages = (sheets: SheetSpec[]) =>
  reportOf(sheets, AS_AT)
    .findings.filter((f) => f.ruleId === RULE)
    .map((f) => [f.recordId, f.cell, f.message]);

describe(`${RULE}: the cell to fill`, () => {
  it("points at the as-at month's update cell (Update Sep-22, column I), whatever month was filled last", () => {
    const sheets = [
      monthRegister(
        ["Jul-22", "Aug-22", "Sep-22"],
        [
          ["MR-01", "July", "August", null],
          ["MR-02", "July", null, null],
          ["MR-03", null, null, null],
          ["MR-04", "July", "August", "September"],
        ],
      ),
    ];
    expect(findingsOf(RULE, sheets, AS_AT)).toEqual([
      ["I2", "stale"],
      ["I3", "stale"],
      ["I4", "never"],
    ]);
    // The message is as it was: the date the newest filled month stands for.
    expect(messages(sheets)[0]).toEqual([
      "MR-01",
      "I2",
      "Risk MR-01 was last updated 01/08/2022, before 30/08/2022: it needs an update this month.",
    ]);
  });

  it("on a register laid out for the year, the as-at month's cell, not the year's last month's", () => {
    const year = ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22", "Oct-22", "Nov-22", "Dec-22"];
    const sheets = [monthRegister(year, [["MR-01", "April", "May", "June", "July"]])];
    // Update Sep-22 is column L (BASE is A–F, Apr-22 G).
    expect(findingsOf(RULE, sheets, AS_AT)).toEqual([["L2", "stale"]]);
  });

  it("where the register has no column for the as-at month, its newest month's cell (Update Aug-22)", () => {
    const sheets = [monthRegister(["Jun-22", "Jul-22", "Aug-22"], [["MR-01", "June", "July", null]])];
    expect(findingsOf(RULE, sheets, AS_AT)).toEqual([["I2", "stale"]]);
  });

  it("a register whose update text has dated lines (no date column) points at the update cell", () => {
    const sheets: SheetSpec[] = [
      {
        name: "Risk Register",
        rows: [
          [...BASE, "Latest Update", "Risk Status"],
          ["DL-01", "Claims", "Ann Lee", 3, 3, "Treat", "12/06/2022 – inspections booked", "Open"],
          ["DL-02", "Joints", "Bob Roe", 3, 3, "Treat", "20/09/2022 – surveyed", "Open"],
        ],
      },
    ];
    expect(findingsOf(RULE, sheets, AS_AT)).toEqual([["G2", "stale"]]);
    expect(messages(sheets)[0][2]).toBe(
      "Risk DL-01 was last updated 12/06/2022, before 30/08/2022: it needs an update this month.",
    );
  });

  it("guard: a register with a date column points at it, its month columns aside", () => {
    const sheets: SheetSpec[] = [
      {
        name: "Risk Register",
        rows: [
          [...BASE, "Last Updated", "Update Jul-22", "Update Aug-22", "Risk Status"],
          ["MR-01", "Claims", "Ann Lee", 3, 3, "Treat", "15/06/2022", "July", null, "Open"],
        ],
      },
    ];
    expect(findingsOf(RULE, sheets, AS_AT)).toEqual([["G2", "stale"]]);
  });
});
