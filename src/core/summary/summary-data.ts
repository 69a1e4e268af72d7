// Turns one workbook's check into the summary tabs' data (SummaryData, in summary-types).

import { sameRiskKey } from "../join/across-files";
import type { Escalation, Report } from "../model/report";
import type { Proposal } from "../model/history";
import type { RiskFacts } from "../model/risk-summary";
import { toA1 } from "../address/a1";
import { closeOutByAim } from "./plan-close-out-tab";
import type {
  RoutedFrom,
  SummaryAim,
  SummaryData,
  SummaryEscalation,
  SummaryProposal,
  SummaryRisk,
} from "./summary-types";
import { rawValue, fieldColumn } from "../model/records";
import { oneRisk } from "./one-risk";

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

/**
 * The summary data of one workbook's check: a risk on several registers counted and shown once. `once` is
 * the check's countOnce when the caller has already made it (the roll-up's part of a file, whose count line
 * uses it too), so the join is made once.
 */
export function summaryDataOf(
  report: Report,
  once: ReturnType<typeof countOnce> = countOnce(report.risks, report.escalations, report.proposals),
): SummaryData {
  const { risks, alsoHeld, escalations, proposals } = once;
  return {
    ...(alsoHeld.length > 0 ? { alsoHeld } : {}),
    ...(report.sheets.some((s) => s.kind === "risk-register") ? {} : { noRegister: true as const }),
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
/** The sheets of a risk's other rows that are registers it stands on (not archived rows: its history). */
const registersOf = (rows: readonly RiskFacts[]): string[] =>
  rows.filter((r) => !r.archived).map((r) => r.sheet);
const cellOf = (r: RiskFacts): string => `${r.sheet}!${toA1(r.row - 1, r.idCol)}`;

/**
 * One risk goes to the corporate register or to a directorate register, never both (SPEC "Escalation"): a
 * risk shown once whose rows (registers, files) are scored differently stays in the corporate block alone.
 */
export function corporateOrDirectorate(
  e: Pick<SummaryEscalation, "destinations" | "reasons" | "routedFrom">,
): void {
  const directorate = e.destinations.indexOf("directorate-register");
  if (directorate < 0 || !e.destinations.includes("corporate-register")) return;
  e.destinations.splice(directorate, 1);
  e.reasons.splice(directorate, 1);
  e.routedFrom?.splice(directorate, 1);
}

/**
 * Joins the rows of a workbook's registers that are the same risk (SPEC "Owned tabs": the same id and
 * title, as the roll-up over files joins them), counting and showing it once.
 *
 * The row that stands for the risk (its status, RAG, heat-map cell in the Risk Summary) is its OPEN row with
 * the highest current score when any of its rows is open, else its first row not archived, else its first row
 * (see oneRisk, which the roll-up over files follows too): a risk closed on one register and open on another
 * is still open, and is routed by its open row (SPEC "Escalation": each open risk is routed), so the counts
 * agree with the Escalation tab whichever register is read first. Its latest update, staleness, monthly
 * points and trend are what its rows say together (oneRisk), on the risk and on each of its other rows. The
 * other rows are named (alsoOnSheets) and kept apart (alsoHeld). An archived row (a sheet
 * of closed risks, a CLOSED RISKS section) is the risk's history: it joins the risk's other rows on its own
 * sheet too (a risk closed twice, or closed and reopened), and is never named as a register the risk is on.
 *
 * Its escalation is one item, shown once per destination: each destination with the first row that routed
 * it there (routedFrom), so a block shows the score and RAG that put the risk in it and links to that row;
 * the corporate register, when a row routes it there, rather than a directorate register too.
 * Each proposal for it is kept once per action: the standing row's, else the first met.
 */
export function countOnce(
  facts: readonly RiskFacts[],
  routed: readonly Escalation[],
  proposed: readonly Proposal[] = [],
): {
  risks: SummaryRisk[];
  alsoHeld: SummaryRisk[];
  escalations: SummaryEscalation[];
  proposals: SummaryProposal[];
} {
  // Each risk's rows, keyed by the first row met; a later row joins it from another register only (two
  // rows of one register with the same id are two rows, as the duplicate-id rule reports them), or where
  // either row is archived (the risk's history).
  const first = new Map<string, RiskFacts>();
  const rowsOf = new Map<RiskFacts, RiskFacts[]>();
  const groupAt = new Map<string, RiskFacts>();
  for (const f of facts) {
    const key = sameRiskKey({ id: rawValue(f.record, "id"), title: f.title });
    const earlier = key ? first.get(key) : undefined;
    if (earlier && (earlier.sheet !== f.sheet || f.archived || earlier.archived)) {
      rowsOf.get(earlier)!.push(f);
      groupAt.set(placeKey(f.sheet, f.row), earlier);
      continue;
    }
    if (key && !earlier) first.set(key, f);
    rowsOf.set(f, [f]);
    groupAt.set(placeKey(f.sheet, f.row), f);
  }
  const standing = new Map<RiskFacts, RiskFacts>();
  const risks: SummaryRisk[] = [];
  const alsoHeld: SummaryRisk[] = [];
  for (const [group, rows] of rowsOf) {
    // Its standing row and what its rows say together (latest update, staleness, months, trend): see oneRisk.
    const { stands, history } = oneRisk(rows);
    standing.set(group, stands);
    const also = rows.filter((r) => r !== stands);
    const onSheets = registersOf(also);
    risks.push(
      also.length === 0
        ? summaryRisk(stands)
        : { ...summaryRisk(stands), ...history, ...(onSheets.length > 0 ? { alsoOnSheets: onSheets } : {}) },
    );
    for (const r of also) alsoHeld.push({ ...summaryRisk(r), ...history });
  }

  const shown = new Map<RiskFacts, SummaryEscalation & { routedFrom: RoutedFrom[] }>();
  const escalations: SummaryEscalation[] = [];
  const bySheetRow = new Map(facts.map((f) => [placeKey(f.sheet, f.row), f]));
  for (const e of routed) {
    const own = bySheetRow.get(placeKey(e.sheet, e.row));
    const group = groupAt.get(placeKey(e.sheet, e.row));
    const rows = group ? (rowsOf.get(group) ?? []).filter((f) => !f.archived) : [];
    if (!own || !group || rows.length < 2) {
      escalations.push(e);
      continue;
    }
    // This row, naming every other register holding the risk.
    const from: RoutedFrom = {
      recordId: e.recordId,
      sheet: e.sheet,
      row: e.row,
      trend: e.trend,
      alsoOnSheets: rows.filter((f) => f !== own).map(cellOf),
    };
    let kept = shown.get(group);
    if (!kept) {
      kept = { ...e, destinations: [], reasons: [], alsoOnSheets: from.alsoOnSheets, routedFrom: [] };
      shown.set(group, kept);
      escalations.push(kept);
    }
    // Each destination once, with the first row routed there.
    for (const [i, d] of e.destinations.entries()) {
      if (kept.destinations.includes(d)) continue;
      kept.destinations.push(d);
      kept.reasons.push(e.reasons[i]);
      kept.routedFrom.push(from);
    }
  }
  for (const kept of shown.values()) corporateOrDirectorate(kept);

  const proposalKey = (p: Proposal): { key: string; standing: boolean } => {
    const place = placeKey(p.sheet, p.row);
    const group = groupAt.get(place);
    const stands = group && standing.get(group);
    return {
      key: `${group ? placeKey(group.sheet, group.row) : place}\u0000${p.action}`,
      standing: stands !== undefined && placeKey(stands.sheet, stands.row) === place,
    };
  };
  const chosen = new Map<string, { p: Proposal; standing: boolean }>();
  for (const p of proposed) {
    const { key, standing: isStanding } = proposalKey(p);
    const earlier = chosen.get(key);
    if (!earlier || (isStanding && !earlier.standing)) chosen.set(key, { p, standing: isStanding });
  }
  // Each kept proposal names the other registers holding its risk, as its escalation does.
  const proposals = proposed
    .filter((p) => chosen.get(proposalKey(p).key)?.p === p)
    .map((p): SummaryProposal => {
      const group = groupAt.get(placeKey(p.sheet, p.row));
      const elsewhere = (group ? (rowsOf.get(group) ?? []) : []).filter(
        (f) => !f.archived && placeKey(f.sheet, f.row) !== placeKey(p.sheet, p.row),
      );
      return elsewhere.length === 0 ? p : { ...p, alsoOnSheets: elsewhere.map(cellOf) };
    });
  return { risks, alsoHeld, escalations, proposals };
}
