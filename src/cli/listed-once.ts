// What the command line lists of a check's escalations, proposals and risks: a risk on several registers
// (the same id and title) once, as the owned tabs show it, in the text and in the JSON alike.

import type { Escalation, Report } from "../core/model/report";
import type { Proposal } from "../core/model/history";
import type { RiskScore } from "../core/model/risk-summary";
import { idKey } from "../core/model/records";
import { countOnce } from "../core/summary/summary-data";

/** The lists, each risk once; an escalation or proposal names the other registers holding its risk (alsoOnSheets). */
export interface ListedOnce {
  escalations: readonly (Escalation & { alsoOnSheets?: string[] })[];
  proposals: readonly (Proposal & { alsoOnSheets?: string[] })[];
  risks: readonly Pick<RiskScore, "id" | "sheet" | "row" | "score" | "open" | "trend">[];
}

/**
 * The escalations, proposals and risks the text and the JSON list: a risk on several registers (same id and title)
 * once, as the tabs show it (countOnce). The join needs every risk's facts, which cost a 100k-risk check
 * about a second and 300 MB: it is made only when two rows share an id, and a register whose ids are all
 * different is listed as it is.
 */
export function listedOnce(report: Report): ListedOnce {
  const seen = new Set<string>();
  for (const r of report.riskScores) {
    const key = idKey(r.id);
    if (!key) continue;
    if (seen.has(key)) return countOnce(report.risks, report.escalations, report.proposals);
    seen.add(key);
  }
  return { escalations: report.escalations, proposals: report.proposals, risks: report.riskScores };
}
