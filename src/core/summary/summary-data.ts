// Turns one workbook's check into the summary tabs' data (SummaryData, in summary-types).

import { sameRiskKey } from "../join/across-files";
import type { Escalation, Report } from "../model/report";
import type { Proposal } from "../model/history";
import type { RiskFacts } from "../model/risk-summary";
import { toA1 } from "../address/a1";
import { closeOutByAim } from "./plan-close-out-tab";
import type { SummaryAim, SummaryData, SummaryEscalation, SummaryRisk } from "./summary-types";
import { rawValue, fieldColumn } from "../model/records";

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
    address: toA1(first.row, fieldColumn(first, "no") ?? fieldColumn(first, "action") ?? 0),
  }));
}

/** The summary data of one workbook's check: a risk on several registers counted and shown once. */
export function summaryDataOf(report: Report): SummaryData {
  const { risks, alsoHeld, escalations, proposals } = countOnce(
    report.risks,
    report.escalations,
    report.proposals,
  );
  return {
    ...(alsoHeld.length > 0 ? { alsoHeld } : {}),
    ...(report.ragMatrix ? { ragMatrix: report.ragMatrix } : {}),
    asAt: report.asAt,
    source: report.source,
    findings: report.findings,
    accepted: report.accepted,
    escalations,
    risks,
    aims: summaryAims(report),
    proposals,
  };
}

const placeKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;
const cellOf = (r: RiskFacts): string => `${r.sheet}!${toA1(r.row - 1, r.idCol)}`;

/**
 * Joins the rows of a workbook's registers that are the same risk (SPEC "Owned tabs": the same id and
 * title, as the roll-up over files joins them): the first row met stands for the risk and names the
 * others; its escalation is shown once per destination, at the first row routed there, taking the
 * destinations only another row has; and each proposal for it once (its first row's).
 */
export function countOnce(
  facts: readonly RiskFacts[],
  routed: readonly Escalation[],
  proposed: readonly Proposal[] = [],
): {
  risks: SummaryRisk[];
  alsoHeld: SummaryRisk[];
  escalations: SummaryEscalation[];
  proposals: Proposal[];
} {
  const first = new Map<string, RiskFacts>();
  const others = new Map<RiskFacts, RiskFacts[]>();
  const standsFor = new Map<string, RiskFacts>();
  for (const f of facts) {
    const key = sameRiskKey({ id: rawValue(f.record, "id"), title: f.title });
    const earlier = key ? first.get(key) : undefined;
    if (earlier && earlier.sheet !== f.sheet) {
      others.get(earlier)!.push(f);
      standsFor.set(placeKey(f.sheet, f.row), earlier);
      continue;
    }
    if (key && !earlier) first.set(key, f);
    others.set(f, []);
  }
  const risks = [...others].map(([f, also]) =>
    also.length === 0 ? summaryRisk(f) : { ...summaryRisk(f), alsoOnSheets: also.map((a) => a.sheet) },
  );

  const shown = new Map<RiskFacts, SummaryEscalation>();
  const escalations: SummaryEscalation[] = [];
  const bySheetRow = new Map(facts.map((f) => [placeKey(f.sheet, f.row), f]));
  for (const e of routed) {
    const own = bySheetRow.get(placeKey(e.sheet, e.row));
    const holder = standsFor.get(placeKey(e.sheet, e.row)) ?? own;
    const also = holder ? (others.get(holder) ?? []) : [];
    if (!holder || also.length === 0) {
      escalations.push(e);
      continue;
    }
    let kept = shown.get(holder);
    if (!kept) {
      // Shown where it was first routed from, naming every other register holding it.
      const elsewhere = [holder, ...also].filter((f) => f !== own).map(cellOf);
      kept = { ...e, destinations: [], reasons: [], alsoOnSheets: elsewhere };
      shown.set(holder, kept);
      escalations.push(kept);
    }
    e.destinations.forEach((d, i) => {
      if (kept.destinations.includes(d)) return;
      kept.destinations.push(d);
      kept.reasons.push(e.reasons[i]);
    });
  }
  const proposedOnce = new Set<string>();
  const proposals = proposed.filter((p) => {
    const place = placeKey(p.sheet, p.row);
    const holder = standsFor.get(place) ?? bySheetRow.get(place);
    const key = `${holder ? placeKey(holder.sheet, holder.row) : place}\u0000${p.action}`;
    if (proposedOnce.has(key)) return false;
    proposedOnce.add(key);
    return true;
  });
  const alsoHeld = [...others.values()].flat().map(summaryRisk);
  return { risks, alsoHeld, escalations, proposals };
}
