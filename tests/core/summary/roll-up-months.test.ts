// monthsEndingAt, proposalKeys and countProposalsOnce: a roll-up over files checked as at different months,
// and the proposals the "All files" count line counts once.

import { countProposalsOnce, proposalKeys } from "../../../src/core/summary/roll-up";
import { monthsEndingAt } from "../../../src/core/summary/roll-up-months";
import type { SummaryData, SummaryRisk } from "../../../src/core/summary/summary-types";

const risk = (id: string, row: number, months: (number | null)[]): SummaryRisk => ({
  id,
  sheet: "Register",
  row,
  idCol: 0,
  title: `Risk ${id}`,
  owner: "Ann",
  annex: "",
  likelihood: 2,
  impact: 2,
  score: months[months.length - 1] ?? null,
  rag: "green",
  strategy: "Treat",
  open: true,
  latestUpdate: null,
  latestUpdateText: "",
  stale: false,
  trend: null,
  firstSeen: null,
  appetite: { category: "", level: "cautious", max: 9 },
  months,
  monthRags: months.map((m) => (m === null ? null : m >= 16 ? "red" : "green")),
});

const dataAsAt = (asAt: string, risks: SummaryRisk[], alsoHeld?: SummaryRisk[]): SummaryData => ({
  asAt,
  source: "a.xlsx",
  findings: [],
  accepted: [],
  escalations: [],
  risks,
  aims: [],
  ...(alsoHeld ? { alsoHeld } : {}),
});

describe("monthsEndingAt", () => {
  it("moves a file checked in September to a roll-up as at October: its current score stands for October too", () => {
    const moved = monthsEndingAt(dataAsAt("2022-09-30", [risk("R1", 2, [null, 4, 20])]), "2022-10-12");
    expect(moved.risks[0].months).toEqual([4, 20, 20]);
    expect(moved.risks[0].monthRags).toEqual(["green", "red", "red"]);
  });

  it("moves the rows counted on another file (alsoHeld) alike", () => {
    const moved = monthsEndingAt(
      dataAsAt("2022-08-01", [risk("R1", 2, [4, 4, 4])], [risk("R1", 9, [null, 4, 20])]),
      "2022-10-12",
    );
    expect(moved.alsoHeld?.[0].months).toEqual([20, 20, 20]);
  });

  it("leaves a file checked in the roll-up's month as it is", () => {
    const data = dataAsAt("2022-10-10", [risk("R1", 2, [null, 4, 20])]);
    expect(monthsEndingAt(data, "2022-10-12")).toBe(data);
  });

  it("keeps a risk with no months without any", () => {
    const moved = monthsEndingAt(dataAsAt("2022-09-30", [risk("R1", 2, [])]), "2022-10-12");
    expect(moved.risks[0].months).toEqual([]);
  });
});

describe("proposals counted once across files", () => {
  const risks = [
    { id: "HRC-1", title: "Fleet", sheet: "Register", row: 2 },
    { id: "", title: "No id", sheet: "Register", row: 3 },
  ];
  const escalate = {
    sheet: "Register",
    row: 2,
    action: "escalate" as const,
    destination: "corporate-register",
  };
  const deEscalate = {
    sheet: "Register",
    row: 2,
    action: "de-escalate" as const,
    destination: "corporate-register",
  };
  const noId = { sheet: "Register", row: 3, action: "escalate" as const, destination: "corporate-register" };
  const toDirectorate = { ...escalate, destination: "directorate-register" };

  it("one change for a risk two files hold is one proposal; another change, or a row with no id, is another", () => {
    const a = proposalKeys(risks, [escalate, noId]);
    const b = proposalKeys(risks, [escalate, deEscalate, noId]);
    expect(a[1]).toBe("");
    expect(countProposalsOnce([...a, ...b])).toBe(4);
  });

  it("escalating one risk to two different registers, from two files, is two proposals", () => {
    const a = proposalKeys(risks, [escalate]);
    const b = proposalKeys(risks, [toDirectorate]);
    expect(countProposalsOnce([...a, ...b])).toBe(2);
  });
});
