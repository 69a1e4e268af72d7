// Monthly points and direction of travel (SPEC "History, appetite and proposals"), table-driven.

import type { HistoryEntry, HistorySource, Trend } from "../../../src/core/model/history";
import { dayFromIso } from "../../../src/core/parse";
import { monthIso, monthOf } from "../../../src/core/history/month";
import { monthlyScores, trendFrom } from "../../../src/core/history/monthly-points";
import { logEntriesOf } from "../../helpers/log-entries";

const day = (iso: string) => {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(iso);
  return d;
};

let row = 2;
/** An entry: [date, source, score, oldScore?]. */
function entry(
  iso: string,
  source: HistorySource,
  score: number | null,
  oldScore: number | null = null,
): HistoryEntry {
  return {
    day: day(iso),
    month: monthOf(day(iso)),
    source,
    score,
    oldScore,
    text: "",
    noChange: false,
    by: "",
    strategy: "",
    changes: "",
    register: "",
    sheet: source === "update-log" ? "Update Log" : "Import Log",
    row: row++,
  };
}
const U = (iso: string, score: number | null) => entry(iso, "update-log", score);
const I = (iso: string, oldScore: number | null, score: number | null) =>
  entry(iso, "import-log", score, oldScore);

const AS_AT = "2022-10-10";

/** Scores by month ("2022-05" → 9) from May to October 2022. */
function points(
  entries: HistoryEntry[],
  current: number | null,
  firstSeen: string | null,
): Record<string, number | null> {
  const sorted = logEntriesOf(entries);
  const out: Record<string, number | null> = {};
  const from = 2022 * 12 + 4; // May 2022
  for (const p of monthlyScores(
    { entries: sorted, current, firstSeen: firstSeen === null ? null : day(firstSeen), asAt: day(AS_AT) },
    from,
  ))
    out[monthIso(p.month)] = p.score;
  return out;
}

describe("monthly points", () => {
  it.each<[string, HistoryEntry[], number | null, string | null, Record<string, number | null>]>([
    [
      "no entries: the current score at every month since raised",
      [],
      12,
      "2022-07-15",
      { "2022-07": 12, "2022-08": 12, "2022-09": 12, "2022-10": 12 },
    ],
    [
      "a month with no entry carries the month before",
      [U("2022-06-03", 9), U("2022-08-20", 16)],
      16,
      "2022-05-01",
      { "2022-05": 9, "2022-06": 9, "2022-07": 9, "2022-08": 16, "2022-09": 16, "2022-10": 16 },
    ],
    [
      "several entries in one month: the last counts",
      [U("2022-08-02", 9), U("2022-08-28", 20), U("2022-08-15", 12)],
      20,
      "2022-08-01",
      { "2022-08": 20, "2022-09": 20, "2022-10": 20 },
    ],
    [
      "same day: the Update Log counts after the Import Log",
      [U("2022-08-10", 6), I("2022-08-10", 9, 15)],
      6,
      "2022-07-01",
      { "2022-07": 9, "2022-08": 6, "2022-09": 6, "2022-10": 6 },
    ],
    [
      "an Import Log change's Old value is the score the month before",
      [U("2022-05-05", 4), I("2022-08-01", 12, 16)],
      16,
      "2022-05-01",
      { "2022-05": 4, "2022-06": 4, "2022-07": 12, "2022-08": 16, "2022-09": 16, "2022-10": 16 },
    ],
    [
      "the current score stands for the as-at month, whatever this month's log says",
      [U("2022-09-05", 12), U("2022-10-03", 20)],
      15,
      "2022-09-01",
      { "2022-09": 12, "2022-10": 15 },
    ],
    [
      "before the first entry, the score it started from stands",
      [U("2022-09-05", 12)],
      12,
      "2022-06-20",
      { "2022-06": 12, "2022-07": 12, "2022-08": 12, "2022-09": 12, "2022-10": 12 },
    ],
    [
      "entries without a score do not move the points",
      [U("2022-07-05", 9), U("2022-08-05", null)],
      9,
      "2022-07-01",
      { "2022-07": 9, "2022-08": 9, "2022-09": 9, "2022-10": 9 },
    ],
    [
      "entries before the window set the score carried into it",
      [U("2021-11-05", 25), U("2022-03-01", 8)],
      8,
      "2021-11-01",
      { "2022-05": 8, "2022-06": 8, "2022-07": 8, "2022-08": 8, "2022-09": 8, "2022-10": 8 },
    ],
    [
      "no current score (TBC on the register): the as-at month's last entry stands for it",
      [U("2022-08-12", 9), U("2022-09-12", 9), U("2022-10-03", 16)],
      null,
      "2022-08-01",
      { "2022-08": 9, "2022-09": 9, "2022-10": 16 },
    ],
    [
      "no current score and no entry this month: the month before carries",
      [U("2022-08-12", 9), U("2022-09-12", 12)],
      null,
      "2022-08-01",
      { "2022-08": 9, "2022-09": 12, "2022-10": 12 },
    ],
    ["nothing dates the risk: only the as-at month", [], 12, null, { "2022-10": 12 }],
    ["raised this month: only the as-at month", [], 12, "2022-10-02", { "2022-10": 12 }],
  ])("%s", (_name, entries, current, firstSeen, expected) => {
    expect(points(entries, current, firstSeen)).toEqual(expected);
  });
});

describe("direction of travel", () => {
  it.each<[string, HistoryEntry[], number | null, string | null, Trend]>([
    ["score higher than last month", [U("2022-09-12", 9)], 16, "2022-01-01", "up"],
    ["score lower than last month", [U("2022-09-12", 16)], 9, "2022-01-01", "down"],
    ["score as last month", [U("2022-09-12", 12)], 12, "2022-01-01", "same"],
    ["no logs, raised before this month", [], 12, "2022-01-01", "same"],
    ["raised this month", [], 12, "2022-10-01", "new"],
    ["first named by a log row this month", [U("2022-10-03", 12)], 12, "2022-10-03", "new"],
    ["nothing dates it", [], 12, null, null],
    [
      "a rise last month, none this month",
      [U("2022-08-01", 6), U("2022-09-20", 16)],
      16,
      "2022-01-01",
      "same",
    ],
    [
      "an import this month: the month before is its Old value",
      [I("2022-10-05", 9, 12)],
      12,
      "2022-01-01",
      "up",
    ],
    ["no score to compare", [], null, "2022-01-01", null],
    [
      "no current score (TBC): this month's log score against last month's",
      [U("2022-09-12", 9), U("2022-10-03", 16)],
      null,
      "2022-01-01",
      "up",
    ],
  ])("%s", (_name, entries, current, firstSeen, expected) => {
    const sorted = logEntriesOf(entries);
    expect(
      trendFrom({
        entries: sorted,
        current,
        firstSeen: firstSeen === null ? null : day(firstSeen),
        asAt: day(AS_AT),
      }),
    ).toBe(expected);
  });
});

describe("monthly points are shared between risks without being confused", () => {
  const asAt = day("2022-10-10");
  const input = (current: number | null) => ({
    entries: logEntriesOf([]),
    current,
    firstSeen: day("2021-01-01"),
    asAt,
  });
  const from = monthOf(asAt) - 2;

  it.each([[12], [25], [31], [0], [12.5], [-1], [null]])(
    "score %p stays the score at every month",
    (current) => {
      const points = monthlyScores(input(current), from);
      expect(points.map((p) => p.score)).toEqual([current, current, current]);
      expect(points.map((p) => p.carried)).toEqual([true, true, false]);
    },
  );

  it("a score of 31 and no score are different points", () => {
    const [a] = monthlyScores(input(31), from);
    const [b] = monthlyScores(input(null), from);
    expect(a.score).toBe(31);
    expect(b.score).toBeNull();
  });

  it("two risks with the same scores share their points, which cannot be changed", () => {
    const a = monthlyScores(input(9), from);
    const b = monthlyScores(input(9), from);
    expect(a[0]).toBe(b[0]);
    expect(Object.isFrozen(a[0])).toBe(true);
  });
});

describe("the score a risk started from, before its first scored entry", () => {
  it("is the Old of the month's first Import Log change, not an Update Log row before it that the register did not hold", () => {
    // HRC-008: the register's update carried into the log on 20/09 with the score the meeting read (8), IRIS's
    // 6 → 8 imported on 26/09, put back to 6 by the meeting on 28/09: August (and before) was 6.
    const p = points([U("2022-09-20", 8), I("2022-09-26", 6, 8), U("2022-09-28", 6)], 6, "2022-05-01");
    expect(p).toMatchObject({ "2022-06": 6, "2022-07": 6, "2022-08": 6, "2022-09": 6 });
  });

  it("is the first entry's own score when the month holds no Import Log change", () => {
    const p = points([U("2022-09-05", 10), U("2022-09-28", 8)], 8, "2022-05-01");
    expect(p).toMatchObject({ "2022-08": 10, "2022-09": 8 });
  });
});
