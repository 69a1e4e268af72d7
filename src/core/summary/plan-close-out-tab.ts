// The Plan Close-Out tab: per improvement aim, how many actions are done, overdue or unevidenced, and a RAG.

import { fieldText, type PlanRecord } from "../model/records";
import { CLOSE_OUT_RULES, type CloseOutFact } from "../rules/plan-close-out-facts";
import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import type { Report } from "../model/report";
import { parsePlanStatus } from "../parse";
import { placePlanActions } from "../rules/plan-parts";
import type { AimCloseOut, SummaryData } from "./summary-types";
import { TabBuilder, type TabHeading } from "./tab-builder";

export type { AimCloseOut } from "./summary-types";

/** Rolls the plan's findings up per aim (SPEC "Plan Close-Out"). */
export function closeOutByAim(report: Report): AimCloseOut[] {
  // An officer's accepted exception (evidence held elsewhere, say) no longer counts against the aim; a rule
  // turned off in Settings still does: the tab says whether the aim is done, not what the findings list shows.
  const accepted = new Set(report.accepted.map((f) => `${f.ruleId}\u0000${f.sheet}\u0000${f.row}`));
  const counts = (p: PlanRecord, fact: CloseOutFact): boolean =>
    report.planCloseOut.get(p)?.has(fact) === true &&
    !accepted.has(`${CLOSE_OUT_RULES[fact].meta.id}\u0000${p.sheet}\u0000${p.row + 1}`);
  const aims = new Map<string, AimCloseOut>();
  // Actions cancelled or superseded, per aim: no open action, and none the aim waits for to close.
  const cancelled = new Map<AimCloseOut, number>();
  const places = placePlanActions(report.records.plan);
  for (const p of report.records.plan) {
    // Grouped by the aim as read: its sheet, the part of the sheet (a second audit's plan numbered from 1
    // again is a part of its own) and the aim's number, so a plan that numbers each action (1.1, 1.2)
    // shows aim 1 once; a plan that numbers no aim is grouped by the aims' words (each carries down).
    const { no, key } = places.get(p)!;
    let a = aims.get(key);
    if (a && !a.aim) a.aim = fieldText(p, "aim");
    if (!a) {
      a = {
        no,
        aim: fieldText(p, "aim"),
        actions: 0,
        completed: 0,
        overdue: 0,
        withoutEvidence: 0,
        notEvidenced: 0,
        rag: "green",
        readyToClose: false,
        firstRecord: p,
      };
      aims.set(key, a);
    }
    const status = parsePlanStatus(fieldText(p, "status"));
    a.actions++;
    if (status.ok && status.value === "completed") a.completed++;
    if (status.ok && status.value === "cancelled") cancelled.set(a, (cancelled.get(a) ?? 0) + 1);
    if (counts(p, "overdue")) a.overdue++;
    if (counts(p, "withoutEvidence")) a.withoutEvidence++;
    if (counts(p, "notEvidenced")) a.notEvidenced++;
  }
  for (const a of aims.values()) {
    // Green: every action still to be done completed and evidenced (a cancelled one is not to be done),
    // and at least one done: an aim whose every action was cancelled is the board's call, not closed by itself.
    const toDo = a.actions - (cancelled.get(a) ?? 0);
    a.rag =
      a.overdue > 0 || a.withoutEvidence > 0
        ? "red"
        : a.completed < toDo || a.completed === 0 || a.notEvidenced > 0
          ? "amber"
          : "green";
    a.readyToClose = a.rag === "green";
  }
  return [...aims.values()];
}

const RAG_WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

/** The Plan Close-Out tab: a row per aim; in a roll-up, a Source column naming each aim's file. */
export function buildPlanCloseOutTab(
  data: Pick<SummaryData, "aims" | "sourced">,
  heading: Omit<TabHeading, "title">,
): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["plan-close-out"],
    "plan-close-out",
    { ...heading, title: "Plan Close-Out" },
    [6, 44, 9, 11, 9, 14, 14, 8, 10, 14, ...(data.sourced ? [24] : [])],
  );
  const { aims } = data;
  tab.title(
    `Improvement plan close-out (${aims.filter((a) => a.readyToClose).length} of ${aims.length} aims ready to close)`,
  );
  tab.header([
    "No",
    "Improvement aim",
    "Actions",
    "Completed",
    "Overdue",
    "Completed without evidence",
    "Not evidenced",
    "RAG",
    "Ready to close",
    "Go to aim",
    ...(data.sourced ? ["Source"] : []),
  ]);
  if (aims.length === 0) tab.row(["No improvement plan found"]);
  for (const a of aims) {
    const r = tab.row([
      a.no,
      a.aim,
      a.actions,
      a.completed,
      a.overdue,
      a.withoutEvidence,
      a.notEvidenced,
      RAG_WORD[a.rag],
      a.readyToClose ? "Yes" : "No",
      `${a.sheet}!${a.address}`,
      ...(data.sourced ? [a.file ?? ""] : []),
    ]);
    tab.rag(r, 7, a.rag).link(r, 9, a.sheet, a.address, a.file);
  }
  return tab.build();
}
