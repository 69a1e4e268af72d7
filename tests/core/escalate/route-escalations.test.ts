// Escalation routing: each destination with its reason, thresholds from settings, closed risks left out.

import type { DestinationId } from "../../../src/core/model/report";
import { defaultSettings, type EscalationThresholds } from "../../../src/core/model/settings";
import { REGISTER_HEADERS, reportOf, risk, type RiskRow, type RunOptions } from "../rules/harness";

/** A register with an extra "Escalate?" column (P) after the usual ones. */
function routes(rows: { over: RiskRow; escalate?: string }[], options: RunOptions = {}) {
  const sheet = {
    name: "IRIS Risks",
    rows: [
      ["Contract risk register"],
      [...REGISTER_HEADERS, "Escalate?"],
      ...rows.map((r) => [...risk(r.over), r.escalate ?? null]),
    ],
  };
  return reportOf([sheet], options).escalations;
}

/** [destination, reason] pairs for one risk. */
function pairsFor(over: RiskRow, escalate?: string, options: RunOptions = {}): [DestinationId, string][] {
  const [e] = routes([{ over, escalate }], options);
  if (!e) return [];
  expect(e.reasons).toHaveLength(e.destinations.length);
  return e.destinations.map((d, i) => [d, e.reasons[i]]);
}

const score = (likelihood: number, impact: number): RiskRow => ({
  likelihood,
  impact,
  score: likelihood * impact,
  rag: null,
});

describe("routeEscalations", () => {
  it.each<[string, RiskRow, string | undefined, [DestinationId, string][]]>([
    [
      "score 12, no money: directorate",
      score(3, 4),
      undefined,
      [["directorate-register", "score 12 in 9–15"]],
    ],
    ["score 16: corporate", score(4, 4), undefined, [["corporate-register", "score 16 ≥ 16"]]],
    [
      "score 15 is the top of directorate",
      score(3, 5),
      undefined,
      [["directorate-register", "score 15 in 9–15"]],
    ],
    [
      "score 9 is the bottom of directorate",
      score(3, 3),
      undefined,
      [["directorate-register", "score 9 in 9–15"]],
    ],
    ["score 8 goes nowhere", score(2, 4), undefined, []],
    [
      "score 25: corporate and strategic board",
      score(5, 5),
      undefined,
      [
        ["corporate-register", "score 25 ≥ 16"],
        ["strategic-board", "score 25"],
      ],
    ],
    [
      "score from likelihood × impact when the score cell is blank",
      { likelihood: 4, impact: 5, score: null },
      undefined,
      [["corporate-register", "score 20 (worked out as 4 × 5) ≥ 16"]],
    ],
    [
      "no score is worked out from a likelihood off its 1–5 scale (60 from '60%', 0.6)",
      { likelihood: "60%", impact: 3, score: null },
      undefined,
      [],
    ],
    ["nor from a likelihood of 0.6", { likelihood: 0.6, impact: 5, score: null }, undefined, []],
    [
      "any financial impact: financial cluster",
      { ...score(2, 2), financial: 10000 },
      undefined,
      [["financial-cluster", "financial impact £10,000"]],
    ],
    [
      "£50,000 as text: financial cluster and operations board",
      { ...score(2, 2), financial: "£50,000" },
      undefined,
      [
        ["financial-cluster", "financial impact £50,000"],
        ["operations-board", "financial impact £50,000 ≥ £50,000"],
      ],
    ],
    [
      "£250,000: cluster, operations and strategic boards",
      { ...score(2, 2), financial: 250000 },
      undefined,
      [
        ["financial-cluster", "financial impact £250,000"],
        ["operations-board", "financial impact £250,000 ≥ £50,000"],
        ["strategic-board", "financial impact £250,000 ≥ £250,000"],
      ],
    ],
    ["Escalate? = Yes: operations board", score(2, 2), "Yes", [["operations-board", "Escalate? = Yes"]]],
    ["Escalate? = No", score(2, 2), "No", []],
    [
      "strategy Transfer",
      { ...score(2, 2), strategy: "Transfer", transferredTo: "BBLP" },
      undefined,
      [["transfer", "strategy Transfer"]],
    ],
    [
      "a transfer synonym",
      { ...score(2, 2), strategy: "Insure", transferredTo: "Insurer" },
      undefined,
      [["transfer", "strategy Transfer"]],
    ],
    [
      "words on no scale route nowhere",
      { likelihood: "Sometimes", impact: "Big", score: "High" },
      undefined,
      [],
    ],
    [
      "words on the likelihood and impact scales: the score is worked out, and said so",
      { likelihood: "Likely", impact: "Major", score: null },
      undefined,
      [["corporate-register", "score 16 (worked out as 4 × 4) ≥ 16"]],
    ],
    [
      "a score written 4x4=16 is read by its result",
      { likelihood: 4, impact: 4, score: "4x4=16" },
      undefined,
      [["corporate-register", "score 16 ≥ 16"]],
    ],
    [
      "a score written 4 x 4, without its result, is read as 16 (not 4)",
      { likelihood: 4, impact: 4, score: "4 x 4" },
      undefined,
      [["corporate-register", "score 16 ≥ 16"]],
    ],
    [
      "a strategy of Treat/Transfer is a transfer too",
      { ...score(2, 2), strategy: "Treat/Transfer", transferredTo: "Insurer" },
      undefined,
      [["transfer", "strategy Treat/Transfer"]],
    ],
    [
      "every destination at once",
      { ...score(5, 5), financial: 300000, strategy: "Transfer", transferredTo: "BBLP" },
      "Yes",
      [
        ["corporate-register", "score 25 ≥ 16"],
        ["financial-cluster", "financial impact £300,000"],
        ["operations-board", "financial impact £300,000 ≥ £50,000"],
        ["strategic-board", "financial impact £300,000 ≥ £250,000"],
        ["transfer", "strategy Transfer"],
      ],
    ],
  ])("%s", (_name, over, escalate, expected) => {
    expect(pairsFor(over, escalate)).toEqual(expected);
  });

  it.each(["Closed", "Archived", "Transferred", "Retired"])("a %s risk is not routed", (status) => {
    expect(pairsFor({ ...score(5, 5), financial: 300000, status }, "Yes")).toEqual([]);
  });

  it.each<[string, Partial<EscalationThresholds>, RiskRow, [DestinationId, string][]]>([
    [
      "a higher corporate threshold",
      { corporateMinScore: 20, directorateMaxScore: 19 },
      score(4, 4),
      [["directorate-register", "score 16 in 9–19"]],
    ],
    [
      "a lower directorate threshold",
      { directorateMinScore: 6 },
      score(2, 3),
      [["directorate-register", "score 6 in 6–15"]],
    ],
    [
      "a lower operations board threshold",
      { operationsBoardMinImpact: 20000 },
      { ...score(1, 1), financial: 25000 },
      [
        ["financial-cluster", "financial impact £25,000"],
        ["operations-board", "financial impact £25,000 ≥ £20,000"],
      ],
    ],
    [
      "a lower strategic board threshold",
      { strategicBoardMinImpact: 100000 },
      { ...score(1, 1), financial: 100000 },
      [
        ["financial-cluster", "financial impact £100,000"],
        ["operations-board", "financial impact £100,000 ≥ £50,000"],
        ["strategic-board", "financial impact £100,000 ≥ £100,000"],
      ],
    ],
    [
      "a strategic board score of 20",
      { strategicBoardScore: 20 },
      score(4, 5),
      [
        ["corporate-register", "score 20 ≥ 16"],
        ["strategic-board", "score 20"],
      ],
    ],
  ])("thresholds from settings: %s", (_name, thresholds, over, expected) => {
    const escalation = { ...defaultSettings().escalation, ...thresholds };
    expect(pairsFor(over, undefined, { settings: { escalation } })).toEqual(expected);
  });

  it("names each routed risk's id, sheet and 1-based row, and leaves out risks with no destination", () => {
    const escalations = routes([{ over: score(1, 2) }, { over: { ...score(4, 5), id: "HRC-007" } }]);
    expect(escalations.map((e) => [e.recordId, e.sheet, e.row, e.destinations])).toEqual([
      ["HRC-007", "IRIS Risks", 4, ["corporate-register"]],
    ]);
  });

  it("routes no opportunity (strategy Take, or a sheet named as opportunities) and no archived risk", () => {
    const big = { ...score(5, 5), financial: "£300,000" };
    expect(pairsFor({ ...big, strategy: "Exploit" })).toEqual([]);
    const sheet = (name: string, ...rows: ReturnType<typeof risk>[]) => ({
      name,
      rows: [REGISTER_HEADERS, ...rows],
    });
    const report = reportOf([
      sheet(
        "Risk Register",
        risk({ ...big, id: "HRC-001" }),
        ["Closed risks"],
        risk({ ...big, id: "HRC-002" }),
      ),
      sheet("Opportunities", risk({ ...big, id: "OPP-01" })),
      sheet("Archive", risk({ ...big, id: "HRC-003" })),
    ]);
    expect(report.escalations.map((e) => e.recordId)).toEqual(["HRC-001"]);
  });

  it.each<[string, string | number, DestinationId[]]>([
    ["c. £0.25m", "c. £0.25m", ["financial-cluster", "operations-board", "strategic-board"]],
    ["£120k pa", "£120k pa", ["financial-cluster", "operations-board"]],
    ["Up to £75,000", "Up to £75,000", ["financial-cluster", "operations-board"]],
    ["£85,000 (est.)", "£85,000 (est.)", ["financial-cluster", "operations-board"]],
    ["a range: its upper end", "£30k–£45k", ["financial-cluster"]],
    ["a range reaching the board", "£40k–£60k", ["financial-cluster", "operations-board"]],
    ["£0 is no impact", "£0", []],
    ["Nil is no impact", "Nil", []],
    ["words without an amount", "significant", []],
    ["a placeholder", "TBC", []],
  ])("money as people write it routes as the plain form: %s", (_name, financial, expected) => {
    expect(pairsFor({ ...score(1, 2), financial }).map(([d]) => d)).toEqual(expected);
  });

  it.each<[string, string, DestinationId[]]>([
    ["Yes with words after it", "Yes – to Ops Board", ["operations-board"]],
    ["Y", "Y", ["operations-board"]],
    ["TRUE (a ticked check box)", "TRUE", ["operations-board"]],
    ["No with words after it", "No – managed locally", []],
    ["a placeholder", "N/A", []],
  ])("Escalate? written %s", (_name, escalate, expected) => {
    expect(pairsFor(score(1, 2), escalate).map(([d]) => d)).toEqual(expected);
  });

  it("a ticked check box (boolean TRUE) routes to the operations board", () => {
    const sheet = {
      name: "IRIS Risks",
      rows: [["Contract risk register"], [...REGISTER_HEADERS, "Escalate?"], [...risk(score(1, 2)), true]],
    };
    expect(reportOf([sheet]).escalations.map((e) => e.destinations)).toEqual([["operations-board"]]);
  });
});
