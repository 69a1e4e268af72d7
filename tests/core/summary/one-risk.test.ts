// oneRisk: the row that stands for a risk held by several rows (registers, files) and what they say together.

import { oneRisk, type RiskRow } from "../../../src/core/summary/one-risk";
import type { RowHistory } from "../../../src/core/summary/summary-types";

/** Twelve months, oldest first, from the values given for the last months (earlier ones null). */
const last = (...values: (number | null)[]): (number | null)[] => [
  ...new Array<null>(12 - values.length).fill(null),
  ...values,
];
const rags = (months: (number | null)[]) =>
  months.map((s) => (s === null ? null : s > 15 ? "red" : s > 4 ? "amber" : "green"));

function row(name: string, more: Partial<RiskRow> = {}): RiskRow & { name: string } {
  const months = more.months ?? last(12, 12, 12);
  return {
    name,
    open: true,
    score: months[11],
    latestUpdate: "2022-10-03",
    latestUpdateText: `${name} update`,
    stale: false,
    trend: "same",
    firstSeen: "2022-08-01",
    months,
    monthRags: rags(months),
    ...more,
  };
}

describe("oneRisk", () => {
  it("a risk on one row is that row, with nothing joined", () => {
    const a = row("a");
    expect(oneRisk([a])).toEqual({ stands: a });
  });

  it("stands at its open row scored highest, the first of equals; a closed row never stands over an open one", () => {
    const low = row("low", { score: 12 });
    const high = row("high", { score: 20 });
    const alsoHigh = row("alsoHigh", { score: 20 });
    const closed = row("closed", { score: 25, open: false });
    expect(oneRisk([low, high, alsoHigh]).stands).toBe(high);
    expect(oneRisk([closed, low]).stands).toBe(low);
    expect(oneRisk([closed, row("archived", { open: false, archived: true })]).stands).toBe(closed);
  });

  it("its latest update is the newest of its rows', with its words; stale only when every row is", () => {
    const old = row("old", { latestUpdate: "2022-08-01", stale: true });
    const recent = row("recent", { latestUpdate: "2022-10-04" });
    const { history } = oneRisk([old, recent]);
    expect(history).toMatchObject({
      latestUpdate: "2022-10-04",
      latestUpdateText: "recent update",
      stale: false,
    });
    expect(oneRisk([old, { ...recent, stale: true }]).history?.stale).toBe(true);
  });

  it("an archived row is history the live row carries: its update and months are not joined", () => {
    const live = row("live", { months: last(16, 16, 16), score: 16, latestUpdate: "2022-10-03" });
    const archived = row("archived", {
      open: false,
      archived: true,
      months: last(20, 20, 20),
      score: 20,
      latestUpdate: "2022-10-09",
    });
    expect(oneRisk([archived, live])).toEqual({ stands: live });
  });

  it("first seen on the earliest of its rows' days; months from July where one row has them, trend from them", () => {
    const none = row("none", { months: last(16), firstSeen: null, trend: null, score: 16 });
    const july = row("july", { months: last(16, 16, 16, 16), firstSeen: "2022-07-01", score: 16 });
    const { history } = oneRisk([none, july]);
    expect(history).toMatchObject({ firstSeen: "2022-07-01", months: last(16, 16, 16, 16), trend: "same" });
  });

  it("a logged history outweighs a row's current score carried back; before it starts, the score it started from", () => {
    // Raised in March at 20 with no log (its score carried back), and a log scoring it 6, 9, 12 from July.
    const raised = row("raised", { months: last(20, 20, 20, 20, 20, 20, 20, 20), firstSeen: "2022-03-01" });
    const logged: RowHistory = {
      latestUpdate: "2022-10-03",
      latestUpdateText: "Administrators appointed",
      stale: false,
      trend: "up",
      firstSeen: "2022-07-15",
      months: last(6, 9, 12, 20),
      monthRags: rags(last(6, 9, 12, 20)),
      monthsLogged: true,
    };
    const { stands, history } = oneRisk([raised], [logged]);
    expect(stands).toBe(raised);
    expect(history).toMatchObject({
      firstSeen: "2022-03-01",
      months: last(6, 6, 6, 6, 6, 9, 12, 20),
      trend: "up",
      monthsLogged: true,
    });
    expect(history?.monthRags.slice(-4)).toEqual(["amber", "amber", "amber", "red"]);
  });

  it("its as-at month is the standing row's score, earlier months the highest its rows give; new when none is before", () => {
    const a = row("a", { months: last(12, 12), score: 12 });
    const b = row("b", { months: last(20, 20), score: 20 });
    expect(oneRisk([a, b]).history).toMatchObject({ months: last(20, 20), trend: "same" });
    const newA = row("newA", { months: last(12), score: 12, trend: "new", firstSeen: "2022-10-01" });
    const newB = row("newB", { months: last(20), score: 20, trend: "new", firstSeen: "2022-10-02" });
    expect(oneRisk([newA, newB]).history).toMatchObject({ months: last(20), trend: "new" });
  });
});
