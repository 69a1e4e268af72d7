// Works out each risk's facts once (score, RAG, strategy, latest update) for summaries and the task pane.

import { fieldText, rawValue, type RiskRecord, fieldColumn } from "../model/records";
import { lastUpdateAt, lastUpdateDay, textAt } from "../history/history-log";
import type { RiskFacts, RiskScore } from "../model/risk-summary";
import { currentScoreOf } from "../escalate/current-score";
import { datedLines, isoFromDay, mergedInto, parseRagWord, type DayNumber } from "../parse";
import type { RuleContext } from "./context";
import { appetiteOf, lastMonths, pointsInputOf, trendOf } from "../history/risk-points";
import { firstLoggedMonth } from "../history/monthly-points";
import { registerMonthRags } from "../history/update-cell-history";
import { monthOf } from "../history/month";
import type { Rag } from "../model/owned-tab";

/** The canonical word of each strategy, as the facts give it. */
export const STRATEGY_WORD = {
  treat: "Treat",
  tolerate: "Tolerate",
  transfer: "Transfer",
  terminate: "Terminate",
  take: "Take",
} as const;

/** A risk's score, trend and state: what every check reports of it. */
export function riskScore(ctx: RuleContext, risk: RiskRecord): RiskScore {
  return {
    id: ctx.riskId(risk),
    sheet: risk.sheet,
    row: risk.row + 1,
    score: currentScoreOf(ctx, risk).score,
    trend: trendOf(ctx, risk),
    open: ctx.isOpenRisk(risk),
  };
}

/** The facts of one risk. */
export function riskFacts(ctx: RuleContext, risk: RiskRecord): RiskFacts {
  const current = currentScoreOf(ctx, risk);
  const score = current.score;
  const ragWord = parseRagWord(fieldText(risk, "rag"));
  // A score out of 1–25 has no band: the register's RAG word beside it is not counted as the risk's RAG
  // (the summaries list such a risk apart, with its score); with no score, the word is all there is.
  const rag =
    score !== null
      ? score >= 1 && score <= 25
        ? ctx.expectedRag(risk, score)
        : null
      : ragWord.ok
        ? ragWord.value
        : null;
  const strategyText = fieldText(risk, "strategy");
  const strategy = ctx.strategyOf(risk);
  const latest = ctx.latestUpdate(risk);
  const open = ctx.isOpenRisk(risk);
  const merged = open ? null : mergedInto(fieldText(risk, "status"));
  const points = pointsInputOf(ctx, risk);
  const seen = points.firstSeen;
  const months = lastMonths(ctx, risk, 12);
  const monthRags = monthRagsOf(ctx, risk, months, rag);
  return {
    record: risk,
    id: ctx.riskId(risk),
    sheet: risk.sheet,
    row: risk.row + 1,
    idCol: fieldColumn(risk, "id") ?? ctx.fieldColumnOf(risk.sheet, "id") ?? 0,
    title: fieldText(risk, "title") || fieldText(risk, "description"),
    owner: fieldText(risk, "owner"),
    annex: fieldText(risk, "annex"),
    likelihood: ctx.numberOf(risk, "likelihood"),
    impact: ctx.numberOf(risk, "impact"),
    score,
    ...(current.workedOutFrom ? { scoreWorkedOut: true } : {}),
    rag,
    strategy: strategy.ok ? STRATEGY_WORD[strategy.value] : strategyText,
    open,
    ...(ctx.isArchived(risk) ? { archived: true as const } : {}),
    ...(ctx.isOpportunity(risk) ? { opportunity: true as const } : {}),
    latestUpdate: latest === null ? null : isoFromDay(latest),
    // Its words come from the row that was updated last: on a risk on several registers, maybe another's.
    latestUpdateText: latestUpdateText(ctx, ctx.latestUpdateRow(risk), latest),
    stale: open && (latest === null || latest < ctx.reviewCutoff),
    trend: trendOf(ctx, risk),
    firstSeen: seen === null ? null : isoFromDay(seen),
    appetite: appetiteOf(ctx, risk),
    months,
    monthRags,
    ...(firstLoggedMonth(points) !== null ? { monthsLogged: true as const } : {}),
    ...(merged ? { mergedInto: merged } : {}),
  };
}

/**
 * The RAG of each of `months` (the risk's scores at the last months' ends, oldest first): the as-at month's
 * is the risk's `rag`; an earlier month's is its score's band, else, where the register keeps a RAG month by
 * month ("RAG Jul-22 | RAG Aug-22") and gives no score, the RAG it kept for that month, a month left blank
 * carrying the month before's (as a score does); null where neither is known. As the current RAG is read:
 * the score's band first, the RAG word where there is no score.
 */
function monthRagsOf(
  ctx: RuleContext,
  risk: RiskRecord,
  months: readonly (number | null)[],
  rag: Rag | null,
): (Rag | null)[] {
  const last = months.length - 1;
  // Nearly every register keeps its RAG in one column: a shared empty list, nothing carried.
  const kept = registerMonthRags(risk);
  const first = monthOf(ctx.asAt) - last;
  let next = 0;
  let carried: Rag | null = null;
  return months.map((s, i) => {
    while (next < kept.length && kept[next].month <= first + i) carried = kept[next++].rag;
    if (i === last) return rag;
    if (s !== null) return s >= 1 && s <= 25 ? ctx.ragOfScore(s) : null;
    return carried;
  });
}

/**
 * The words of the update the risk's latest update date belongs to, so a date is never shown beside another
 * update's words: the newest dated line(s) of the register's update cell when their date is the latest (a
 * cell holding a history shows its newest entry, not every month's run together); the cell when its Last
 * Updated date is, or its month (a register keeping its updates month by month reads the newest filled one); else the newer action update's words, or the newer Update Log entry's; the register's
 * words when that source has none.
 */
function latestUpdateText(ctx: RuleContext, risk: RiskRecord, latest: DayNumber | null): string {
  const own = fieldText(risk, "update");
  if (latest === null) return own;
  // The newest dated line's day, as the check read it once; its lines are read again only when they are the latest.
  const lineDay = ctx.datedUpdate(risk);
  if (lineDay !== null && lineDay >= latest)
    return datedLines(String(rawValue(risk, "update")), ctx.asAt)
      .filter((l) => l.day === lineDay)
      .map((l) => l.line.trim())
      .join("\n");
  const columnDay = ctx.dateOf(risk, "lastUpdated", "lastUpdated");
  if (columnDay !== null && columnDay >= latest) return own;
  // A register keeping its updates month by month: the newest filled month's words (the field's cell).
  const monthDay = ctx.monthUpdate(risk);
  if (monthDay !== null && monthDay >= latest) return own;
  for (const a of ctx.actionsFor(risk))
    if (ctx.actionUpdated(a) === latest) {
      const words = fieldText(a, "update");
      if (words) return words;
    }
  const { log, at } = ctx.logEntries(risk);
  const newest = lastUpdateAt(log, at);
  if (newest >= 0 && lastUpdateDay(log, at) === latest) return textAt(log, newest) || own;
  return own;
}
