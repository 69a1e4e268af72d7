// A risk's score at the end of each calendar month, and its direction of travel (SPEC "History,
// appetite and proposals": monthly points).

import type { Trend } from "../model/history";
import type { DayNumber } from "../parse/day";
import type { HistoryLog } from "../model/history";
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
  /**
   * The scores the register keeps month by month ("Score Jul-22 | Score Aug-22"), oldest first, up to the as-at
   * month: the monthly points where no log entry gives the risk a score (see keptPoint).
   */
  keptScores?: readonly KeptScore[];
}

/** A score the register keeps in a month's column: the month and the score. */
export interface KeptScore {
  month: MonthIndex;
  score: number;
}

/**
 * Scores at the end of each month from `from` to the as-at month (inclusive), one per month; months
 * before the risk was first seen are left out. Rules, in SPEC's order: within a month the last scored
 * entry counts; an Import Log change's Old value is the score of the month before the change; a month
 * with no entry carries the month before; the current score stands for the as-at month (where the
 * register gives none, the month is read as the others are: see unscoredNow); a risk with no scored entry
 * has its current score at every month. Before the first scored entry, the score it started from (the Old
 * value of its month's first Import Log change, else its own score) stands.
 */
export function monthlyScores(input: PointsInput, from: MonthIndex): MonthScore[] {
  const { entries, current, firstSeen, asAt } = input;
  const asAtMonth = monthOf(asAt);
  if (firstSeen === null) return from <= asAtMonth ? [point(asAtMonth, current, false)] : [];
  const start = Math.max(from, firstMonthSeen(input, firstSeen));
  if (start > asAtMonth) return [point(asAtMonth, current, false)];
  // One point a month, start to the as-at month: the list is made at its length (every risk has one).
  const out = new Array<MonthScore>(asAtMonth - start + 1);

  // A cursor over the scored entries up to the as-at month, in order (the entries are already in order).
  const { log, at } = entries;
  let i = nextScored(log, at, 0, asAtMonth);
  if (i === at.length) {
    const kept = input.keptScores;
    for (let m = start; m <= asAtMonth; m++)
      out[m - start] =
        kept?.length && !(m === asAtMonth && current !== null)
          ? keptPoint(kept, m)
          : point(m, current, m !== asAtMonth);
    return out;
  }
  let score: number | null = startingScore(log, at, i, asAtMonth);
  // Entries before the window only set the score carried into it: the last scored one of them, found
  // walking back from the window's first entry (a risk with years of entries is not walked from its first).
  let windowAt = at.length;
  while (windowAt > i && log.month[at[windowAt - 1]] >= start) windowAt--;
  for (let k = windowAt - 1; k >= i; k--) {
    const e = at[k];
    if (!Number.isNaN(log.score[e]) && log.month[e] <= asAtMonth) {
      score = scoreAt(log, e);
      break;
    }
  }
  i = nextScored(log, at, Math.max(i, windowAt), asAtMonth);
  for (let m = start; m < asAtMonth; m++) {
    let carried = true;
    while (i < at.length && log.month[at[i]] === m) {
      score = scoreAt(log, at[i]);
      carried = false;
      i = nextScored(log, at, i + 1, asAtMonth);
    }
    // An Import Log change next month says what the score was at the end of this one.
    if (carried && i < at.length) {
      const next = at[i];
      const old = oldScoreAt(log, next);
      if (isImportAt(log, next) && old !== null && log.month[next] === m + 1) score = old;
    }
    out[m - start] = point(m, score, carried);
  }
  out[asAtMonth - start] =
    current !== null ? point(asAtMonth, current, false) : unscoredNow(log, at, i, asAtMonth, score);
  return out;
}

/**
 * A month's point from the scores the register keeps month by month (no log gives the risk a score): the
 * month's own, else the last month's before it carried, else (before the first) the first one's, as a log's
 * first entry's score stands before it.
 */
function keptPoint(kept: readonly KeptScore[], month: MonthIndex): MonthScore {
  let k = kept.length - 1;
  while (k > 0 && kept[k].month > month) k--;
  return point(month, kept[k].score, kept[k].month !== month);
}

/**
 * The as-at month's point of a risk whose register gives no score ("TBC" until the board re-scores it): no
 * current score stands for the month, so it is read as any other month (SPEC "Monthly points"): its last
 * scored entry, from `at[i]` on (the cursor past the months before), else the month before's score carried.
 */
function unscoredNow(
  log: HistoryLog,
  at: ArrayLike<number>,
  i: number,
  asAtMonth: MonthIndex,
  carried: number | null,
): MonthScore {
  if (i >= at.length) return point(asAtMonth, carried, true);
  let score = carried;
  for (; i < at.length; i = nextScored(log, at, i + 1, asAtMonth)) score = scoreAt(log, at[i]);
  return point(asAtMonth, score, false);
}

/**
 * The month a risk was first seen: its first-seen day's, or the month before an Import Log change that
 * names it first (the change's Old value is that month's score: the risk was there).
 */
function firstMonthSeen(input: PointsInput, firstSeen: DayNumber): MonthIndex {
  const seen = monthOf(firstSeen);
  const logged = firstLoggedMonth(input);
  return logged !== null && logged < seen ? logged : seen;
}

/**
 * The first month a risk's log says its score for: the month of its first scored entry, or the month
 * before when that month holds an Import Log change with its Old value (see firstImportOld); with no scored
 * entry, the first month the register keeps a score for in a month's column. Null when neither gives a score (its earlier months are the score it started from, not a score the log recorded).
 */
export function firstLoggedMonth(input: PointsInput): MonthIndex | null {
  const { log, at } = input.entries;
  const asAtMonth = monthOf(input.asAt);
  const i = nextScored(log, at, 0, asAtMonth);
  if (i === at.length) return input.keptScores?.length ? input.keptScores[0].month : null;
  const month = log.month[at[i]];
  return firstImportOld(log, at, i, asAtMonth) !== null ? month - 1 : month;
}

/**
 * The score a risk started from, before its first scored entry (the one at `at[i]`): the Old value of the
 * first Import Log change in that entry's month, which says what the register held until then (SPEC: "An
 * Import Log change's Old value is the score the month before that change"), else the first entry's own
 * score. An Update Log row before that change in the month (the register's update carried into the log
 * with the score it had when the meeting read it) does not say what the month before held.
 */
function startingScore(
  log: HistoryLog,
  at: ArrayLike<number>,
  i: number,
  lastMonth: MonthIndex,
): number | null {
  return firstImportOld(log, at, i, lastMonth) ?? scoreAt(log, at[i]);
}

/** The Old score of the first Import Log change in the month of the scored entry at `at[i]`, or null. */
function firstImportOld(
  log: HistoryLog,
  at: ArrayLike<number>,
  i: number,
  lastMonth: MonthIndex,
): number | null {
  const month = log.month[at[i]];
  for (let k = i; k < at.length && log.month[at[k]] === month; k = nextScored(log, at, k + 1, lastMonth)) {
    const e = at[k];
    if (isImportAt(log, e)) return oldScoreAt(log, e);
  }
  return null;
}

/**
 * The place in `at`, from `k`, of the next entry with a score in a month up to `lastMonth`; `at.length`
 * when there is none (a walk over the scored entries, with no list of them made per risk).
 */
function nextScored(log: HistoryLog, at: ArrayLike<number>, k: number, lastMonth: MonthIndex): number {
  for (; k < at.length; k++) {
    const e = at[k];
    if (!Number.isNaN(log.score[e]) && log.month[e] <= lastMonth) return k;
  }
  return at.length;
}

/** Points already made, by month, score and carried (see {@link point}). */
const POINTS = new Map<number, MonthScore>();
/** Shared points are kept for whole-number scores below this (a register's scores run to 25), and for none. */
const NO_SCORE_SLOT = 31;

/**
 * A monthly point. Every risk of a check has points for the same few months, and most scores are whole
 * numbers up to 25: those points are made once and shared (frozen), not made again for each of 100k risks.
 */
function point(month: MonthIndex, score: number | null, carried: boolean): MonthScore {
  const slot = score === null ? NO_SCORE_SLOT : score;
  if (score !== null && !(Number.isInteger(score) && score >= 0 && score < NO_SCORE_SLOT))
    return { month, score, carried };
  const key = (month * (NO_SCORE_SLOT + 1) + slot) * 2 + (carried ? 1 : 0);
  let p = POINTS.get(key);
  if (!p) {
    if (POINTS.size > 100_000) POINTS.clear();
    POINTS.set(key, (p = Object.freeze({ month, score, carried })));
  }
  return p;
}

/**
 * The score at the end of the month `day` falls in, from a risk's monthly scores ending at the as-at
 * month (RiskFacts.months): null for a month before they start (or before the risk was first seen); the
 * last (the current score) for the as-at month or later.
 */
export function scoreInMonthOf(
  months: readonly (number | null)[],
  asAt: DayNumber,
  day: DayNumber,
): number | null {
  const i = months.length - 1 - Math.max(0, monthOf(asAt) - monthOf(day));
  return i >= 0 ? (months[i] ?? null) : null;
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
export function trendOfScores(input: PointsInput, scores: readonly MonthScore[]): Trend {
  if (input.firstSeen === null) return null;
  const asAtMonth = monthOf(input.asAt);
  if (firstMonthSeen(input, input.firstSeen) >= asAtMonth) return "new";
  const now = scores[scores.length - 1];
  const prev = scores[scores.length - 2];
  if (!prev || !now || prev.month !== asAtMonth - 1 || prev.score === null || now.score === null) return null;
  return directionOf(now.score, prev.score);
}

/** How a score moved from one monthly point to the next: up, down or the same. */
export function directionOf(now: number, before: number): "up" | "down" | "same" {
  return now > before ? "up" : now < before ? "down" : "same";
}
