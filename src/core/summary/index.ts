// Builds the summary tabs for board packs (Escalation, Exceptions, Risk Summary, Plan Close-Out).

import type { Movement } from "../merge/movement";
import type { OwnedTab } from "../model/owned-tab";
import type { Report } from "../model/report";
import type { AcceptedException, Settings } from "../model/settings";
import { buildEscalationTab } from "./escalation-tab";
import { buildExceptionsTab } from "./exceptions-tab";
import { buildPlanCloseOutTab } from "./plan-close-out-tab";
import { buildRiskSummaryTab, type ChartNote } from "./risk-summary-tab";
import { summaryDataOf } from "./summary-data";
import type { SummaryData } from "./summary-types";

export interface TabMeta {
  /** The add-in's version, printed on every owned tab. */
  version: string;
  /** Movement since the last import, when known (Risk Summary). */
  movement?: Movement;
  /** "native" when the writer adds a native chart to the Risk Summary (the task pane); else the tab says there is none. */
  chart?: ChartNote;
}

/** The four summary tabs for board packs, in writing order. Same report in, same tabs out. */
export function buildSummaryTabs(report: Report, settings: Settings, meta: TabMeta): OwnedTab[] {
  return buildSummaryTabsFrom(summaryDataOf(report), settings, meta);
}

/**
 * The Risk Summary alone (an import's, beside its Import Log), built as {@link buildSummaryTabs} builds it:
 * from the same summary data (a risk on several registers counted once, opportunities apart), so the tab an
 * import writes says what the Summaries view's and `check --out`'s say of the same workbook.
 */
export function buildRiskSummaryTabOf(report: Report, settings: Settings, meta: TabMeta): OwnedTab {
  const data = summaryDataOf(report);
  return buildRiskSummaryTab(
    data,
    settings,
    headingOf(data, settings, meta),
    meta.movement ?? settings.lastImport?.movement,
    meta.chart,
  );
}

/** The heading every summary tab carries: as-at date, source, version and protective marking. */
function headingOf(data: SummaryData, settings: Settings, meta: TabMeta) {
  return { asAt: data.asAt, source: data.source, version: meta.version, marking: settings.protectiveMarking };
}

/**
 * The four summary tabs from summary data: one workbook's, or a roll-up over several files (whose
 * accepted exceptions each name their file). `settings` gives the marking, RAG bands and movement.
 */
export function buildSummaryTabsFrom(
  data: SummaryData,
  settings: Settings,
  meta: TabMeta,
  accepted: readonly (AcceptedException & { file?: string })[] = settings.acceptedExceptions,
): OwnedTab[] {
  const heading = headingOf(data, settings, meta);
  return [
    buildEscalationTab(data, heading),
    buildExceptionsTab(data, accepted, heading),
    buildRiskSummaryTab(data, settings, heading, meta.movement ?? settings.lastImport?.movement, meta.chart),
    buildPlanCloseOutTab(data, heading),
  ];
}
