// Turns one workbook's check into the summary tabs' data (SummaryData, in summary-types).

import type { Report } from "../model/report";
import type { RiskFacts } from "../model/risk-summary";
import { toA1 } from "../address/a1";
import { closeOutByAim } from "./plan-close-out-tab";
import type { SummaryAim, SummaryData, SummaryRisk } from "./summary-types";

/** A risk's facts without the record they were read from. */
export function summaryRisk(facts: RiskFacts): SummaryRisk {
  const { record: _record, ...rest } = facts;
  return rest;
}

/** The plan's aims as the Plan Close-Out tab lists them, each pointing at its first row's number cell. */
export function summaryAims(report: Report): SummaryAim[] {
  return closeOutByAim(report).map(({ firstRecord: first, ...aim }) => ({
    ...aim,
    sheet: first.sheet,
    address: toA1(first.row, first.fields.no?.col ?? first.fields.action?.col ?? 0),
  }));
}

/** The summary data of one workbook's check. */
export function summaryDataOf(report: Report): SummaryData {
  return {
    asAt: report.asAt,
    source: report.source,
    findings: report.findings,
    accepted: report.accepted,
    escalations: report.escalations,
    risks: report.risks,
    aims: summaryAims(report),
  };
}
