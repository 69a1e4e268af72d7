// Review s24 of the history (monthly points, direction of travel, appetite, proposals and the history
// rules) on Update Logs and registers written the way officers write them. Each test asserts what the
// README says should happen; each was a wrong result a review found, now fixed.

import type { CellValue } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { ACTION_HEADERS, reportOf, type SheetSpec } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, hlog, hregister, hrisk, logRow } from "./helpers";

/** An open action on HRC-001 due 30/09/2022: passed as at 10/10/2022. */
const overdueAction: SheetSpec = {
  name: "IRIS Actions",
  rows: [
    ACTION_HEADERS.slice(0, 6),
    ["HRC-001", "A-1", "Install river gauges", "Bob Jones", "30/09/2022", "In progress"],
  ],
};

/** A hand-kept Update Log row (LOG_HEADERS order) with its No change cell as the officer typed it. */
const handRow = (date: CellValue, text: string, noChange: CellValue, score: CellValue = 12): CellValue[] => [
  date,
  "IRIS Risks",
  "HRC-001",
  "J Smith",
  text,
  noChange,
  score,
  "Treat",
  null,
];

const slipping = (report: Report) =>
  report.findings.filter((f) => f.ruleId === "risk/no-change-while-slipping").map((f) => f.recordId);

const aboveAppetite = (report: Report) =>
  report.findings.filter((f) => f.ruleId === "risk/above-appetite").map((f) => f.recordId);

/** Settings with the given appetite per category (the default levels and maxima otherwise). */
const withCategories = (categories: Settings["appetite"]["categories"]): Partial<Settings> => ({
  appetite: { ...defaultSettings().appetite, categories },
});

describe("review s24: the history on hand-kept logs and real registers", () => {
  it("no-change-while-slipping: 'No change' typed in the No change column marks a no-change update", () => {
    // README (Review view / History): "An Update Log kept by hand may mark a no-change update with Yes, Y,
    // True, x or a tick … in its No change column, or say "no change" in the update's words." Here the
    // words say "No change" and so does the No change column itself; the engine reads the column's
    // "No change" as a flat "No" (a real update), so two no-change months while A-1 went overdue are missed.
    const report = reportOf([
      hregister(hrisk({})),
      overdueAction,
      hlog(
        handRow("15/08/2022", "No change", "No change"),
        handRow("15/09/2022", "No change", "No change this month"),
      ),
    ]);
    expect(slipping(report)).toEqual(["HRC-001"]);
  });

  it("no-change-while-slipping: an update whose words say 'No changes' is a no-change update", () => {
    // README: a no-change update may "say "no change" in the update's words". "No changes since last
    // month" says it; the words pattern (\bno change\b) misses the plural, so the run is not seen.
    const report = reportOf([
      hregister(hrisk({})),
      overdueAction,
      hlog(
        handRow("15/08/2022", "No changes since last month", null),
        handRow("15/09/2022", "No changes since last month", null),
      ),
    ]);
    expect(slipping(report)).toEqual(["HRC-001"]);
  });

  it("appetite: a numbered or counted section heading (1. Financial, Legal (2)) gives its category's appetite", () => {
    // README rules: "A risk's category is its Category column, else the section heading above it"; "a
    // numbered or counted heading (`1. Financial`, `Legal (1)`) is a heading, not an id" — the section is
    // Financial / Legal, numbered or counted. The appetite is looked up by "1. Financial" and "Legal (2)"
    // with their number, matching no category, so the default (Cautious, 9) applies instead of Averse (4).
    const headers = HISTORY_REGISTER_HEADERS.filter((h) => h !== "Category");
    const noCategory = (row: CellValue[]) => row.filter((_, i) => i !== 3);
    const report = reportOf(
      [
        {
          name: "IRIS Risks",
          rows: [
            headers,
            ["1. Financial"],
            noCategory(hrisk({ id: "HRC-001", score: 6 })),
            ["Legal (2)"],
            noCategory(hrisk({ id: "HRC-002", score: 6 })),
            noCategory(hrisk({ id: "HRC-003", score: 6 })),
          ],
        },
        hlog(),
      ],
      { settings: withCategories({ Financial: "averse", Legal: "averse" }) },
    );
    expect(report.risks.map((r) => [r.id, r.appetite.level])).toEqual([
      ["HRC-001", "averse"],
      ["HRC-002", "averse"],
      ["HRC-003", "averse"],
    ]);
    expect(aboveAppetite(report)).toEqual(["HRC-001", "HRC-002", "HRC-003"]);
  });

  it("appetite: a category differing from Settings only in its spaces (Financial/Commercial) is the same category", () => {
    // README Settings, appetite per category: "Categories are matched whatever their case and spaces (and
    // `&` for `and`)". "Financial/Commercial" and "Financial / Commercial" differ only in spaces; the
    // lookup folds runs of spaces but does not ignore them, so the risk gets the default level.
    const report = reportOf([hregister(hrisk({ score: 6, category: "Financial/Commercial" })), hlog()], {
      settings: withCategories({ "Financial / Commercial": "averse" }),
    });
    expect(report.risks[0].appetite.level).toBe("averse");
    expect(aboveAppetite(report)).toEqual(["HRC-001"]);
  });

  it("monthly points: a log score written '16 (L4 x I4)' is the score 16 of its month", () => {
    // README How values are read, Scores: "`4x4=16` or `16 (4x4)` by its result, … as are factors written
    // with their labels or words (`L4 x I4`, …)". A hand-kept log writes September's score as
    // "16 (L4 x I4)": it is refused as "more than one number", so September carries August's 6, the trend
    // reads ↑ up and the proposal is a rise of 10 instead of two months above appetite.
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      hlog(logRow("05/08/2022", "HRC-001", 6), logRow("12/09/2022", "HRC-001", "16 (L4 x I4)")),
    ]);
    const [facts] = report.risks;
    expect(facts.months.slice(-3)).toEqual([6, 16, 16]);
    expect(facts.trend).toBe("same");
    expect(report.proposals.map((p) => p.reason)).toEqual([
      "score 16 above appetite (Cautious, 9) for 2 months",
    ]);
  });

  it("proposals: the reason names how many months the score has been above appetite, not the window looked at", () => {
    // README: the proposal's "reason in plain words ("score 16 above appetite (Cautious, 9) for 2 months")".
    // Raised in May 2022 and logged at 16 every month since, the risk has been above its appetite for six
    // monthly points (May–October); the reason says "for 3 months", the length of the window the engine
    // keeps (max of the proposal thresholds), which tells the board something false.
    const report = reportOf([
      hregister(hrisk({ score: 16, raised: "10/05/2022" })),
      hlog(
        logRow("12/05/2022", "HRC-001", 16),
        logRow("10/06/2022", "HRC-001", 16),
        logRow("08/07/2022", "HRC-001", 16),
        logRow("12/08/2022", "HRC-001", 16),
        logRow("09/09/2022", "HRC-001", 16),
      ),
    ]);
    expect(report.risks[0].months.slice(-6)).toEqual([16, 16, 16, 16, 16, 16]);
    expect(report.proposals.map((p) => [p.action, p.reason])).toEqual([
      ["escalate", "score 16 above appetite (Cautious, 9) for 6 months"],
    ]);
  });

  it("monthly points: in a log kept newest at top, the upper of two same-day rows is the month's last entry", () => {
    // README History: "A risk's score at the end of each month is the last entry of that month". This log
    // is kept newest first (every date below is earlier than the one above), so of the two rows of
    // 12/09/2022 the upper one (6) was written last. The engine takes the lower (16) as September's score,
    // so the trend reads ↓ down (16 → 12) instead of ↑ up (6 → 12).
    const report = reportOf([
      hregister(hrisk({ score: 12 })),
      hlog(
        logRow("03/10/2022", "HRC-001", 12),
        logRow("12/09/2022", "HRC-001", 6),
        logRow("12/09/2022", "HRC-001", 16),
        logRow("05/08/2022", "HRC-001", 16),
        logRow("08/07/2022", "HRC-001", 16),
      ),
    ]);
    const [facts] = report.risks;
    expect(facts.months.slice(-3)).toEqual([16, 6, 12]);
    expect(facts.trend).toBe("up");
  });
});
