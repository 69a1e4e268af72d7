// Builds the summary tabs for board packs (Escalation, Exceptions, Risk Summary, Plan Close-Out).

import type { Movement } from "../merge/movement";
import type { OwnedTab } from "../model/owned-tab";
import type { Report } from "../model/report";
import type { Settings } from "../model/settings";
import { buildEscalationTab } from "./escalation-tab";
import { buildExceptionsTab } from "./exceptions-tab";
import { buildPlanCloseOutTab } from "./plan-close-out-tab";
import { buildRiskSummaryTab } from "./risk-summary-tab";

export interface TabMeta {
  /** The add-in's version, printed on every owned tab. */
  version: string;
  /** Movement since the last import, when known (Risk Summary). */
  movement?: Movement;
}

/** The four summary tabs for board packs, in writing order. Same report in, same tabs out. */
export function buildSummaryTabs(report: Report, settings: Settings, meta: TabMeta): OwnedTab[] {
  const heading = {
    asAt: report.asAt,
    source: report.source,
    version: meta.version,
    marking: settings.protectiveMarking,
  };
  return [
    buildEscalationTab(report, heading),
    buildExceptionsTab(report, settings.acceptedExceptions, heading),
    buildRiskSummaryTab(report, settings, heading, meta.movement ?? settings.lastImport?.movement),
    buildPlanCloseOutTab(report, heading),
  ];
}
