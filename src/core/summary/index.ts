// Builds the owned tabs (Escalation, Exceptions, Risk Summary, Plan Close-Out) from a report.
// STUB SIGNATURE — implementation in progress.

import type { OwnedTab } from "../model/owned-tab";
import type { Report } from "../model/report";
import type { Settings } from "../model/settings";

export interface TabMeta {
  /** The add-in's version, printed on every owned tab. */
  version: string;
  /** Movement since the last import, when known (Risk Summary). */
  movement?: import("../merge/movement").Movement;
}

/** The four summary tabs for board packs, in writing order. */
export function buildSummaryTabs(report: Report, settings: Settings, meta: TabMeta): OwnedTab[] {
  void report;
  void settings;
  void meta;
  throw new Error("buildSummaryTabs: not implemented yet");
}
