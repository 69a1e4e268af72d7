// A risk's score at the end of each calendar month, and its direction of travel (SPEC "History,
// appetite and proposals": monthly points).

import type { Trend } from "../model/history";
import type { DayNumber } from "../parse/day";
import { isImportAt, oldScoreAt, scoreAt, type LogEntries } from "./history-log";
import { monthOf, type MonthIndex } from "./month";

/** The score at the end of one month: `carried` when no scored entry fell in that month. */
export interface MonthScore {
  month: MonthIndex;
  score: number | null;
  carried: boolean;
}

/** What the monthly points of one risk are worked out from. */
export interface PointsInput {
  /** The risk's log entries in the order they happened (see `compareAt`). */
  entries: LogEntries;
  /** The risk's current score (stands for the as-at month); null when it has none. */
  current: number | null;
  /** The day the risk was first seen (raised, or first named by a log row or backup); null when nothing dates it. */
  firstSeen: DayNumber | null;
  asAt: DayNumber;
}

/**
 * Scores at the end of each month from `from` to the as-at month (inclusive), one per month; months
 * before the risk was first seen are left out. Rules, in SPEC's order: within a month the last scored
 * entry counts; an Import Log change's Old value is the score of the month before the change; a month
 * with no entry carries the month before; the current score stands for the as-at month; a risk with no
 * scored entry has its current score at every month. Before the first scored entry, the score it
 * started from (its Old value, else its own score) stands.
 */
export function monthlyScores(input: PointsInput, from: MonthIndex): MonthScore[] {
  const { entries, current, firstSeen, asAt } = input;
  const asAtMonth = monthOf(asAt);
  if (firstSeen === null)
    return from <= asAtMonth ? [{ month: asAtMonth, score: current, carried: false }] : [];
  const start = Math.max(from, monthOf(firstSeen));
  const out: MonthScore[] = [];
  if (start > asAtMonth) return [{ month: asAtMonth, score: current, carried: false }];

  // Scored entries up to the as-at month, in order (the entries are already in order).
  const { log, at } = entries;
  const scored: number[] = [];
  for (let k = 0; k < at.length; k++) {
    const e = at[k];
    if (!Number.isNaN(log.score[e]) && log.month[e] <= asAtMonth) scored.push(e);
  }
  if (scored.length === 0) {
    for (let m = start; m <= asAtMonth; m++) out.push({ month: m, score: current, carried: m !== asAtMonth });
    return out;
  }
  let score: number | null = oldScoreAt(log, scored[0]) ?? scoreAt(log, scored[0]);
  let i = 0;
  // Entries before the window only set the score carried into it.
  while (i < scored.length && log.month[scored[i]] < start) score = scoreAt(log, scored[i++]);
  for (let m = start; m < asAtMonth; m++) {
    let carried = true;
    while (i < scored.length && log.month[scored[i]] === m) {
      score = scoreAt(log, scored[i++]);
      carried = false;
    }
    // An Import Log change next month says what the score was at the end of this one.
    if (carried && i < scored.length) {
      const next = scored[i];
      const old = oldScoreAt(log, next);
      if (isImportAt(log, next) && old !== null && log.month[next] === m + 1) score = old;
    }
    out.push({ month: m, score, carried });
  }
  out.push({ month: asAtMonth, score: current, carried: false });
  return out;
}

/**
 * Direction of travel: null when nothing dates the risk (or it has no score to compare), "new" when
 * it has no monthly point before the as-at month, else the current score against the previous
 * monthly point.
 */
export function trendFrom(input: PointsInput): Trend {
  const asAtMonth = monthOf(input.asAt);
  return trendOfScores(input, monthlyScores(input, asAtMonth - 1));
}

/**
 * The direction of travel from monthly scores already worked out (ending at the as-at month): see
 * `trendFrom`. Lets a caller that needs the scores anyway work them out once.
 */
export function trendOfScores(
  input: Pick<PointsInput, "firstSeen" | "asAt">,
  scores: readonly MonthScore[],
): Trend {
  if (input.firstSeen === null) return null;
  const asAtMonth = monthOf(input.asAt);
  if (monthOf(input.firstSeen) >= asAtMonth) return "new";
  const now = scores[scores.length - 1];
  const prev = scores[scores.length - 2];
  if (!prev || !now || prev.month !== asAtMonth - 1 || prev.score === null || now.score === null) return null;
  return now.score > prev.score ? "up" : now.score < prev.score ? "down" : "same";
}
