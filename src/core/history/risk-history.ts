// Proposals for every open risk, and one risk's history month by month for the task pane.

import { routeRisk, routeRiskAtScore } from "../escalate/route-escalations";
import type { DestinationId } from "../model/report";
import type { HistoryEntry, MonthlyPoint, Proposal, RiskHistory } from "../model/history";
import { idKey, type RiskRecord } from "../model/records";
import type { Report } from "../model/report";
import type { Rag } from "../model/owned-tab";
import type { RiskFacts } from "../model/risk-summary";
import { dayFromIso, type DayNumber } from "../parse";
import type { RuleContext } from "../rules/context";
import { escalationState, type EscalationState } from "./escalated";
import { entriesOf, entriesOfRisk, monthOnlyAt, type LogEntries } from "./history-log";
import { monthIso, monthOf, type MonthIndex } from "./month";
import { firstLoggedMonth, monthlyScores, type MonthScore, type PointsInput } from "./monthly-points";
import { proposalFor, type UnloggedScore } from "./proposals";
import { appetiteOf, monthsNeeded, pointsInputOf, recentScores } from "./risk-points";
import { registerMonthScores, updateCellEntries } from "./update-cell-history";

/** The proposal for one risk, or null (see proposalFor). */
export function proposalOf(ctx: RuleContext, risk: RiskRecord): Proposal | null {
  if (!ctx.isOpenRisk(risk)) return null;
  // A proposal rests on the score the register gives: one still to be set ("TBC") gets none, though its
  // monthly point this month is what the log says (see monthlyScores).
  if (pointsInputOf(ctx, risk).current === null) return null;
  return proposalFrom(
    ctx,
    risk,
    pointsInputOf(ctx, risk),
    recentScores(ctx, risk),
    routeRisk(ctx, risk).destinations,
  );
}

/**
 * The proposal for one risk whose score and log entries are `input` (as a meeting has left them: the meeting
 * card's, after the chair records a new score) rather than as the check read them: its points and its routes
 * follow the score now; whether it is open, its appetite, target score and escalation are as the check read
 * them (a meeting changes none of them). Worked out afresh for the one risk asked about.
 */
export function proposalWith(ctx: RuleContext, risk: RiskRecord, input: PointsInput): Proposal | null {
  if (!ctx.isOpenRisk(risk) || input.current === null) return null;
  return proposalFrom(
    ctx,
    risk,
    input,
    monthlyScores(input, monthOf(ctx.asAt) - monthsNeeded(ctx) + 1),
    routeRiskAtScore(ctx, risk, input.current).destinations,
  );
}

/**
 * The proposal for one open, scored risk from what its points are worked out from (`input`), its recent monthly
 * points and where it is routed (see proposalFor). An opportunity gets none: it is not escalated (see
 * routeEscalations), nor proposed for it; asked only of a risk a proposal would be made for.
 */
function proposalFrom(
  ctx: RuleContext,
  risk: RiskRecord,
  input: PointsInput,
  points: readonly MonthScore[],
  routedTo: readonly DestinationId[],
): Proposal | null {
  const proposal = proposalFor({
    recordId: ctx.riskId(risk),
    sheet: risk.sheet,
    row: risk.row + 1,
    open: true,
    points,
    appetite: appetiteOf(ctx, risk),
    targetScore: ctx.numberOf(risk, "targetScore"),
    escalation: escalationOfRisk(ctx, risk),
    routedTo,
    thresholds: ctx.settings.proposals,
    longer: () => loggedScores(ctx.asAt, input),
    unlogged: () => unloggedScore(ctx, risk, input),
  });
  return proposal === null || ctx.isOpportunity(risk) ? null : proposal;
}

/**
 * For a risk no log records a score for, the day its current score is taken to stand from (SPEC "Monthly
 * points": its current score at every month since it was raised, else first named); null when a log does.
 */
function unloggedScore(ctx: RuleContext, risk: RiskRecord, input: PointsInput): UnloggedScore | null {
  if (firstLoggedMonth(input) !== null) return null;
  const since = input.firstSeen;
  return { since, raised: since !== null && since === ctx.dateOf(risk, "raised", "lastUpdated") };
}

/**
 * A risk's monthly scores over the last twelve months, from the first month its log gives a score: the
 * months a proposal's reason may count, each one recorded or carried from one. A risk no log gives a score
 * for has its current score at every month since it was seen (SPEC "Monthly points"), as its points do.
 */
function loggedScores(asAt: DayNumber, input: PointsInput): MonthScore[] {
  const first = firstLoggedMonth(input);
  const from = monthOf(asAt) - 11;
  return monthlyScores(input, first === null ? from : Math.max(from, first));
}

/**
 * A risk's escalation as any of its rows records it (SPEC: "escalate a risk not yet escalated"; a risk on
 * several registers is one risk): its own row's when that says escalated, else the first other row of the
 * same risk that does. Most ids are held once (sameKeyRisks is null): only the row itself is read.
 */
function escalationOfRisk(ctx: RuleContext, risk: RiskRecord): EscalationState {
  const own = escalationState(risk);
  if (own.escalated) return own;
  const same = ctx.sameKeyRisks(risk);
  if (same === null) return own;
  for (let i = 0; i < same.length; i++) {
    const other = same[i];
    if (other === risk || !ctx.sameRisk(risk, other)) continue;
    const state = escalationState(other);
    if (state.escalated) return state;
  }
  return own;
}

/** Every open risk's proposal, in register order. */
export function proposeChanges(ctx: RuleContext): Proposal[] {
  const out: Proposal[] = [];
  for (let k = 0; k < ctx.records.risks.length; k++) {
    const risk = ctx.records.risks[k];
    const p = proposalOf(ctx, risk);
    if (p) out.push(p);
  }
  return out;
}

/**
 * A risk's history for the meeting card and the Check view: its score and the log entries month by
 * month, the last `months` months up to the as-at month (fewer when it was first seen later), oldest first.
 * `list`: its log entries (by default the report's; the meeting card's add the rows the meeting wrote).
 * The updates its register's update cell dates line by line are entries of their months too (see
 * updateCellEntries); a month such a line reaches back to, before the risk's first monthly point, has no
 * score (its monthly points start where SPEC "Monthly points" says they do).
 */
export function riskHistory(
  report: Pick<Report, "asAt" | "history">,
  facts: RiskFacts,
  months = 12,
  list: LogEntries = entriesOfRisk(report.history, facts.sheet, idKey(facts.id)),
): RiskHistory {
  const asAt = dayFromIso(report.asAt);
  if (asAt === null) throw new Error(`riskHistory: report.asAt "${report.asAt}" is not an ISO date`);
  const seen = facts.firstSeen === null ? null : dayFromIso(facts.firstSeen);
  const kept = registerMonthScores(facts.record);
  const input: PointsInput = {
    entries: list,
    current: facts.score,
    firstSeen: seen,
    asAt,
    ...(kept.length > 0 ? { keptScores: kept } : {}),
  };
  const from = monthOf(asAt) - Math.max(1, months) + 1;
  const logged = entriesOf(list);
  const byMonth = entriesByMonth(
    logged.map((entry, k) => ({ entry, monthOnly: monthOnlyAt(list.log, list.at[k]) })),
    updateCellEntries(facts, logged, asAt),
    from,
    monthOf(asAt),
  );
  // Each month's RAG as the facts rate it (a workbook's own matrix), where the facts hold that month's score.
  const last = facts.months.length - 1;
  const ragOf = (month: number, score: number | null): { rag?: Rag | null } => {
    const i = last - (monthOf(asAt) - month);
    return i >= 0 && facts.months[i] === score ? { rag: facts.monthRags[i] ?? null } : {};
  };
  const scored = monthlyScores(input, from);
  const unscored = monthsBefore(scored[0]?.month ?? monthOf(asAt) + 1, byMonth);
  const points: MonthlyPoint[] = [...unscored, ...scored].map((p) => ({
    month: monthIso(p.month),
    score: p.score,
    carried: p.carried,
    ...ragOf(p.month, p.score),
    entries: byMonth.get(p.month) ?? [],
  }));
  return {
    recordId: facts.id,
    sheet: facts.sheet,
    row: facts.row,
    trend: facts.trend,
    firstSeen: facts.firstSeen,
    points,
  };
}

/** Where an entry dated by its month alone sorts among its month's days: after every one of them. */
const MONTH_ONLY_SORTS_AT = Number.MAX_SAFE_INTEGER;

/**
 * A risk's entries of the months `from` to `to` by month, each month's in the order they happened: its log
 * entries, in the log's order (one dated by its month alone counts after the month's dated entries), and the
 * dated lines of its update cell, each after the log entries of its day.
 */
function entriesByMonth(
  logged: readonly { entry: HistoryEntry; monthOnly: boolean }[],
  lines: readonly HistoryEntry[],
  from: MonthIndex,
  to: MonthIndex,
): Map<MonthIndex, HistoryEntry[]> {
  const dated = [
    ...logged.map(({ entry, monthOnly }) => ({ entry, at: monthOnly ? MONTH_ONLY_SORTS_AT : entry.day })),
    ...lines.map((entry) => ({ entry, at: entry.day })),
  ];
  // A stable sort: the log's own order stands, and a line follows the log entries of its day.
  if (lines.length > 0) dated.sort((a, b) => a.entry.month - b.entry.month || a.at - b.at);
  const byMonth = new Map<MonthIndex, HistoryEntry[]>();
  for (const { entry } of dated) {
    if (entry.month < from || entry.month > to) continue;
    const list = byMonth.get(entry.month);
    if (list) list.push(entry);
    else byMonth.set(entry.month, [entry]);
  }
  return byMonth;
}

/**
 * The months with no score before `firstScored` (the risk's first monthly point) that its entries reach back
 * to: from the earliest such month on, one a month, so the history runs month by month.
 */
function monthsBefore(firstScored: MonthIndex, byMonth: ReadonlyMap<MonthIndex, unknown>): MonthScore[] {
  let earliest = firstScored;
  for (const month of byMonth.keys()) if (month < earliest) earliest = month;
  const out: MonthScore[] = [];
  for (let m = earliest; m < firstScored; m++) out.push({ month: m, score: null, carried: false });
  return out;
}
