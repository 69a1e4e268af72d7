// The Escalation tab: a block per destination listing the risks routed there and why.

import { toA1 } from "../address/a1";
import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import type { DestinationId, Report } from "../model/report";
import type { RiskFacts } from "../model/risk-summary";
import { TabBuilder, type TabHeading } from "./tab-builder";
import { workedOutNote } from "./risk-summary-tab";

export const DESTINATION_TITLES: Record<DestinationId, string> = {
  "corporate-register": "Corporate risk register",
  "directorate-register": "Directorate risk register",
  "financial-cluster": "Financial and Commercial Cluster Group",
  "operations-board": "Operations Board",
  "strategic-board": "Strategic Partnership Board",
  transfer: "Transfer",
};

const HEADERS = [
  "Risk ID",
  "Title",
  "Owner",
  "Annex",
  "Score",
  "RAG",
  "Strategy",
  "Latest update",
  "Update date",
  "Reason",
  "Go to risk",
];
const RAG_WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

export function buildEscalationTab(report: Report, heading: Omit<TabHeading, "title">): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES.escalation,
    "escalation",
    { ...heading, title: "Escalation" },
    [12, 36, 18, 18, 7, 8, 11, 40, 12, 30, 14],
  ).dateColumns([8]);
  const facts = new Map<string, RiskFacts>();
  for (const f of report.risks) facts.set(`${f.sheet}\u0000${f.row}`, f);
  const workedOut = report.escalations.flatMap((e) => {
    const f = facts.get(`${e.sheet}\u0000${e.row}`);
    return f?.scoreWorkedOut ? [f] : [];
  });
  // Said once at the top; each such row's reason says "worked out as 4 × 4" too.
  if (workedOut.length > 0) {
    tab.row([workedOutNote(workedOut)]);
    tab.blank();
  }

  for (const dest of Object.keys(DESTINATION_TITLES) as DestinationId[]) {
    const routed = report.escalations.filter((e) => e.destinations.includes(dest));
    tab.title(`${DESTINATION_TITLES[dest]} (${routed.length} ${routed.length === 1 ? "risk" : "risks"})`);
    tab.header(HEADERS);
    if (routed.length === 0) tab.row(["None"]);
    for (const e of routed) {
      const f = facts.get(`${e.sheet}\u0000${e.row}`);
      const idCol = f?.record.fields.id?.col ?? 0;
      const r = tab.row([
        e.recordId,
        f?.title ?? "",
        f?.owner ?? "",
        f?.annex ?? "",
        f?.score ?? null,
        f?.rag ? RAG_WORD[f.rag] : "",
        f?.strategy ?? "",
        f?.latestUpdateText ?? "",
        f?.latestUpdate ?? "",
        e.reasons[e.destinations.indexOf(dest)],
        `${e.sheet}!${toA1(e.row - 1, idCol)}`,
      ]);
      tab.rag(r, 5, f?.rag ?? null).link(r, 10, e.sheet, toA1(e.row - 1, idCol));
    }
    tab.blank();
  }
  return tab.build();
}
