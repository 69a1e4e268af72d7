// What one risk's monthly points are worked out from, its direction of travel and its appetite,
// worked out once per risk per check (the rules, routing, summaries and proposals all ask).

import { currentScore } from "../escalate/current-score";
import type { RiskAppetite, Trend } from "../model/history";
import { monthCells } from "../model/month-cells";
import type { RiskRecord } from "../model/records";
import type { DayNumber } from "../parse";
import { checkMemo, riskMemo } from "../rules/check-memo";
import type { RuleContext } from "../rules/context";
import { appetiteFor, categoryOf } from "./appetite";
import { registerRiskKey } from "./history-log";
import { firstDayOf, monthOf } from "./month";
import {
  monthlyScores,
  trendOfScores,
  type KeptScore,
  type MonthScore,
  type PointsInput,
} from "./monthly-points";
import { registerMonthScores } from "./update-cell-history";

/** The months of scores the proposals look back over (and the trend's two), from the settings. */
export function monthsNeeded(ctx: RuleContext): number {
  const t = ctx.settings.proposals;
  return Math.max(t.escalateMonthsAbove, t.deEscalateMonths, 2);
}

/**
 * The day a risk was first seen: the earliest of its Date Raised, the first log row or backup naming it
 * (`key`: its folded id), the first month the register keeps a score for in a month's column (`kept`) and
 * the first month whose column holds its update.
 * On a register that numbers its own risks, the rows and backups of that register and those naming no
 * register (shared by the risks of that id) count alike (see entriesOfRisk).
 */
function firstSeen(
  ctx: RuleContext,
  risk: RiskRecord,
  key: string,
  kept: readonly KeptScore[],
): DayNumber | null {
  const raised = ctx.dateOf(risk, "raised", "lastUpdated");
  let named = key ? firstNamedDay(ctx, risk, key) : undefined;
  // A score or an update the register keeps in a month's column names the risk in that month, as a log row
  // would.
  if (kept.length > 0) named = earlier(named, firstDayOf(kept[0].month));
  named = earlier(named, firstUpdateMonth(risk));
  if (raised === null) return named ?? null;
  return named !== undefined && named < raised ? named : raised;
}

/**
 * The first day of the first month whose column holds the risk's update, where the register keeps its updates
 * month by month ("Update Jul-22 | Update Aug-22"); undefined elsewhere.
 */
function firstUpdateMonth(risk: RiskRecord): DayNumber | undefined {
  const months = monthCells(risk, "update");
  return months.length > 0 ? months[0].day : undefined;
}

/** The first day a log row or backup named the risk (see firstSeen), or undefined. */
function firstNamedDay(ctx: RuleContext, risk: RiskRecord, key: string): DayNumber | undefined {
  const { firstNamed, ownNumbering } = ctx.history;
  const { log, at } = ctx.logEntries(risk);
  const logged = at.length > 0 ? log.day[at[0]] : undefined;
  const backedUp = firstNamed.get(key);
  if (!ownNumbering.has(risk.sheet)) return earlier(backedUp, logged);
  // A backup of its own register dates it too (a backup of another register that numbers its own does not).
  return earlier(earlier(firstNamed.get(registerRiskKey(risk.sheet, key)), backedUp), logged);
}

/** The earlier of two days, either of which may be missing. */
function earlier(a: DayNumber | undefined, b: DayNumber | undefined): DayNumber | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b;
}

/** What a risk's monthly points are worked out from (memoised per record). */
export function pointsInputOf(ctx: RuleContext, risk: RiskRecord): PointsInput {
  const inputs = riskMemo<RiskRecord, PointsInput>(ctx, "points input");
  let input = inputs.get(risk);
  if (!input) {
    const key = ctx.riskKey(risk);
    const kept = registerMonthScores(risk);
    input = {
      entries: ctx.logEntries(risk),
      current: currentScore(ctx, risk),
      firstSeen: firstSeen(ctx, risk, key, kept),
      asAt: ctx.asAt,
      ...(kept.length > 0 ? { keptScores: kept } : {}),
    };
    inputs.set(risk, input);
  }
  return input;
}

/**
 * A risk's scores at the end of each of the last months the proposals and the trend look at (see
 * `monthsNeeded`; fewer when it was first seen later), ending at the as-at month; worked out once per
 * record. Every check needs these for every risk, so they are no longer than needed.
 */
export function recentScores(ctx: RuleContext, risk: RiskRecord): MonthScore[] {
  const windows = riskMemo<RiskRecord, MonthScore[]>(ctx, "recent scores");
  let w = windows.get(risk);
  if (!w) {
    w = monthlyScores(pointsInputOf(ctx, risk), monthOf(ctx.asAt) - monthsNeeded(ctx) + 1);
    windows.set(risk, w);
  }
  return w;
}

/** A risk's direction of travel (SPEC): up, down, same, new, or null when nothing dates it. */
export function trendOf(ctx: RuleContext, risk: RiskRecord): Trend {
  return trendOfScores(pointsInputOf(ctx, risk), recentScores(ctx, risk));
}

/**
 * The appetite that applies to a risk (by its category, else section, else annex), looked up once per
 * category text per check: a register repeats a few categories down every row. Read it, do not change it.
 */
export function appetiteOf(ctx: RuleContext, risk: RiskRecord): RiskAppetite {
  const byCategory = checkMemo<string, RiskAppetite>(ctx, "appetite by category");
  const category = categoryOf(risk);
  let appetite = byCategory.get(category);
  if (!appetite) byCategory.set(category, (appetite = appetiteFor(category, ctx.settings)));
  return appetite;
}

/** Scores at the end of each of the last `count` (≤ 12) months, oldest first; null before the risk was first seen. */
export function lastMonths(ctx: RuleContext, risk: RiskRecord, count: number): (number | null)[] {
  const from = monthOf(ctx.asAt) - count + 1;
  const out: (number | null)[] = new Array<number | null>(count).fill(null);
  for (const p of monthlyScores(pointsInputOf(ctx, risk), from)) out[p.month - from] = p.score;
  return out;
}
