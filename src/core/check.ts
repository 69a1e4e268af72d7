// Runs the whole engine on a workbook's grids: detect sheets, read records, run rules, route escalations.

import type { Grid } from "./model/grid";
import type { Report } from "./model/report";
import type { Settings } from "./model/settings";

export interface CheckOptions {
  settings: Settings;
  /** ISO date; overrides settings.asAt; defaults to today. */
  asAt?: string;
  /** File name, or "workbook" for the open workbook. */
  source: string;
}

/** Checks every sheet of a workbook against the rules. Never throws on bad data. */
export function checkWorkbook(grids: Grid[], options: CheckOptions): Report {
  void grids;
  void options;
  throw new Error("checkWorkbook: not implemented yet");
}
