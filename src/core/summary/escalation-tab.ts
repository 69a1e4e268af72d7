// The Escalation tab: a block per destination listing the risks routed there and why.

import { toA1 } from "../address/a1";
import { DESTINATION_LABELS, destinationTitle } from "../escalate/destination-labels";
import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import type { DestinationId } from "../model/report";
import { trendLabel } from "../model/history";
import type { RoutedFrom, SummaryData, SummaryEscalation, SummaryRisk } from "./summary-types";
import { dateCell, TabBuilder, type TabHeading } from "./tab-builder";
import { workedOutNote } from "./risk-summary-tab";

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
  "Trend",
];
const RAG_WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

/** Where a risk stands: its file (in a roll-up), sheet and 1-based row. */
const placeKey = (file: string | undefined, sheet: string, row: number): string =>
  `${file ?? ""}\u0000${sheet}\u0000${row}`;

/** The Escalation tab: a block per destination; in a roll-up, a Source column naming each risk's file(s). */
export function buildEscalationTab(
  data: Pick<SummaryData, "escalations" | "risks" | "alsoHeld" | "sourced" | "proposals" | "noRegister">,
  heading: Omit<TabHeading, "title">,
): OwnedTab {
  const tab = new TabBuilder(OWNED_TAB_NAMES.escalation, "escalation", { ...heading, title: "Escalation" }, [
    12,
    36,
    18,
    18,
    7,
    8,
    11,
    40,
    12,
    30,
    14,
    9,
    ...(data.sourced ? [24] : []),
  ]);
  const facts = new Map<string, SummaryRisk>();
  // A risk routed from a row counted on another register (or file) is shown with that row's details.
  for (const f of [...data.risks, ...(data.alsoHeld ?? [])]) facts.set(placeKey(f.file, f.sheet, f.row), f);
  const headers = data.sourced ? [...HEADERS, "Source"] : HEADERS;
  // The rows shown, each once, whose scores were worked out.
  const workedOut = [
    ...new Set(
      data.escalations.flatMap((e) =>
        e.destinations.flatMap((_, i) => {
          const at = shownRow(e, i);
          const f = facts.get(placeKey(at.file, at.sheet, at.row));
          return f?.scoreWorkedOut ? [f] : [];
        }),
      ),
    ),
  ];
  if (data.noRegister) {
    tab.row([NO_REGISTER]);
    tab.blank();
  }
  // Said once at the top; each such row's reason says "worked out as 4 × 4" too.
  if (workedOut.length > 0) {
    tab.row([workedOutNote(workedOut)]);
    tab.blank();
  }

  for (const dest of Object.keys(DESTINATION_LABELS) as DestinationId[]) {
    // Highest score first (a board reads a block from the top); the register's order among equals.
    const scoreIn = (e: SummaryEscalation) => {
      const at = shownRow(e, e.destinations.indexOf(dest));
      return facts.get(placeKey(at.file, at.sheet, at.row))?.score ?? -1;
    };
    const routed = data.escalations
      .filter((e) => e.destinations.includes(dest))
      .map((e) => ({ e, score: scoreIn(e) }))
      .sort((a, b) => b.score - a.score)
      .map(({ e }) => e);
    tab.title(`${DESTINATION_LABELS[dest]} (${routed.length} ${routed.length === 1 ? "risk" : "risks"})`);
    tab.header(headers);
    if (routed.length === 0) tab.row(["None"]);
    for (const e of routed) {
      const i = e.destinations.indexOf(dest);
      // Shown with the row that routed it here: its score and RAG gave the reason, and the link goes there.
      const at = shownRow(e, i);
      const f = facts.get(placeKey(at.file, at.sheet, at.row));
      const idCol = f?.idCol ?? 0;
      const files = [
        at.file ?? "",
        ...[e.file ?? "", ...(e.alsoOn ?? [])].filter((x) => x !== (at.file ?? "")),
      ];
      const r = tab.row([
        // A risk with no id is named by its row, as the Risk Summary names it.
        at.recordId || `row ${at.row}`,
        f?.title ?? "",
        f?.owner ?? "",
        f?.annex ?? "",
        f?.score ?? null,
        f?.rag ? RAG_WORD[f.rag] : "",
        f?.strategy ?? "",
        f?.latestUpdateText ?? "",
        dateCell(f?.latestUpdate),
        e.reasons[i],
        goToRisk(`${at.sheet}!${toA1(at.row - 1, idCol)}`, at.alsoOnSheets),
        // The risk's direction of travel: on a risk several rows hold, what they say together (oneRisk).
        trendLabel(f ? f.trend : at.trend),
        ...(data.sourced ? [files.join(", ")] : []),
      ]);
      tab.rag(r, 5, f?.rag ?? null).link(r, 10, at.sheet, toA1(at.row - 1, idCol), at.file);
    }
    tab.blank();
  }
  proposedChanges(tab, data, facts);
  return tab.build();
}

/** Said at the top of the tabs of a workbook with no risk register (only a plan): nothing was routed. */
export const NO_REGISTER =
  "No risk register found in the workbook: no risk was read, so none is routed or counted.";

/**
 * The Go to risk cell's words: the cell its link opens, and, for a risk shown once though it stands on
 * several registers, each other register's cell ("Highways!A2; also on Contractor's Risks!A2").
 */
function goToRisk(cell: string, alsoOn: readonly string[] | undefined): string {
  return [cell, ...(alsoOn ?? [])].join("; also on ");
}

/** The row an escalation is shown with in its destinations[i]'s block: the row that routed it there. */
function shownRow(e: SummaryEscalation, i: number): RoutedFrom {
  return e.routedFrom?.[i] ?? e;
}

/**
 * Laid out like the destination blocks, so the date column (8) and the link column (10) mean the same. The
 * register or board column is where an escalation goes and where a de-escalation comes from (the one the
 * risk is escalated to, SPEC "Proposals"): its header says both, so "De-escalate" never reads as "to" it.
 */
const PROPOSAL_HEADERS = [
  "Risk ID",
  "Title",
  "Owner",
  "Proposal",
  "Score",
  "Escalate to / de-escalate from",
  "Trend",
  "Reason",
  "Update date",
  "",
  "Go to risk",
];

/** The Proposed changes block: what to escalate or de-escalate and why; never applied by itself. */
function proposedChanges(
  tab: TabBuilder,
  data: Pick<SummaryData, "proposals" | "sourced">,
  facts: Map<string, SummaryRisk>,
): void {
  const proposals = data.proposals ?? [];
  tab.title(
    `Proposed changes for the board to decide (${proposals.length} ${proposals.length === 1 ? "risk" : "risks"})`,
  );
  tab.header(data.sourced ? [...PROPOSAL_HEADERS, "", "Source"] : PROPOSAL_HEADERS);
  if (proposals.length === 0) tab.row(["None"]);
  for (const p of proposals) {
    const f = facts.get(placeKey(p.file, p.sheet, p.row));
    const address = toA1(p.row - 1, f?.idCol ?? 0);
    const r = tab.row([
      p.recordId,
      f?.title ?? "",
      f?.owner ?? "",
      p.action === "escalate" ? "Escalate" : "De-escalate",
      f?.score ?? null,
      destinationTitle(p.destination),
      trendLabel(f?.trend ?? null),
      p.reason,
      dateCell(f?.latestUpdate),
      "",
      goToRisk(`${p.sheet}!${address}`, p.alsoOnSheets),
      // The destination blocks' Trend column (11) stays empty here; the Source column follows it.
      ...(data.sourced ? ["", p.file ?? ""] : []),
    ]);
    tab.link(r, 10, p.sheet, address, p.file);
  }
  tab.blank();
}
