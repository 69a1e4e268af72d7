// The Risk Summary tab: counts by status, RAG, strategy and annex; a 5 × 5 heat map; stale risks; movement.

import type { Movement } from "../merge/movement";
import { OWNED_TAB_NAMES, type OwnedTab, type Rag } from "../model/owned-tab";
import type { RiskFacts } from "../model/risk-summary";
import type { Settings } from "../model/settings";
import { ragFromScore } from "../parse";
import { TabBuilder, type TabHeading } from "./tab-builder";

/** What the Risk Summary counts of each risk. */
type CountedRisk = Pick<RiskFacts, "open" | "stale" | "rag" | "strategy" | "annex" | "likelihood" | "impact">;

function countBy(risks: CountedRisk[], key: (r: CountedRisk) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const r of risks) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()];
}

const RAG_ORDER: [Rag | null, string][] = [
  ["red", "Red"],
  ["amber", "Amber"],
  ["green", "Green"],
  [null, "No score"],
];

/** The Risk Summary tab over `report.risks` (a roll-up passes each risk once, however many files hold it). */
export function buildRiskSummaryTab(
  report: { risks: readonly CountedRisk[] },
  settings: Settings,
  heading: Omit<TabHeading, "title">,
  movement?: Movement,
): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["risk-summary"],
    "risk-summary",
    { ...heading, title: "Risk Summary" },
    [28, 10, 10, 10, 10, 10, 10],
  );
  const all = report.risks;
  const open = all.filter((r) => r.open);

  tab.title("Risks by status").header(["Status", "Risks"]);
  tab.row(["Open", open.length]);
  tab.row(["Closed", all.length - open.length]);
  tab.row(["Open and not updated this period", open.filter((r) => r.stale).length]);
  tab.blank();

  tab.title("Open risks by RAG").header(["RAG", "Risks"]);
  for (const [rag, label] of RAG_ORDER)
    tab.rag(tab.row([label, open.filter((r) => r.rag === rag).length]), 0, rag);
  tab.blank();

  tab.title("Open risks by strategy").header(["Strategy", "Risks"]);
  const strategies = countBy(open, (r) => r.strategy || "(none)").sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  for (const [s, n] of strategies) tab.row([s, n]);
  if (strategies.length === 0) tab.row(["None", 0]);
  tab.blank();

  tab.title("Open risks by annex").header(["Annex", "Risks"]);
  const annexes = countBy(open, (r) => r.annex || "(not given)").sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [a, n] of annexes) tab.row([a, n]);
  if (annexes.length === 0) tab.row(["None", 0]);
  tab.blank();

  tab.title("Heat map of open risks (likelihood × impact)");
  tab.header(["Likelihood \\ Impact", "1", "2", "3", "4", "5"]);
  for (let l = 5; l >= 1; l--) {
    const cells = [1, 2, 3, 4, 5].map((i) => open.filter((r) => r.likelihood === l && r.impact === i).length);
    const r = tab.row([String(l), ...cells]);
    for (let i = 1; i <= 5; i++) tab.rag(r, i, ragFromScore(l * i, settings.rag));
  }
  const unscored = open.filter((r) => r.likelihood === null || r.impact === null).length;
  tab.row([`Open risks without a likelihood and impact: ${unscored}`]);
  tab.blank();

  tab.title(movement ? `Movement since the import of ${movement.since}` : "Movement since the last import");
  tab.header(["Change", "Risks", "Ids"]);
  if (!movement) tab.row(["No import recorded yet"]);
  else
    for (const [label, ids] of [
      ["New", movement.newRisks],
      ["Closed", movement.closed],
      ["Score up", movement.scoreUp],
      ["Score down", movement.scoreDown],
      ["Strategy changed", movement.strategyChanged],
    ] as const)
      tab.row([label, ids.length, ids.join(", ")]);
  return tab.build();
}
