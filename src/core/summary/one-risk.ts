// One risk standing on several registers or files (the same id and title): the row that stands for it and what
// its rows say of it together (SPEC "Owned tabs": counted once and shown once). One rule for one workbook's
// owned tabs (countOnce) and the roll-up over files (rollUpSummary), so the two never tell a risk differently.

import type { Trend } from "../model/history";
import type { Rag } from "../model/owned-tab";
import { standingRow, standingTier } from "../join/standing-row";
import { directionOf } from "../history/monthly-points";
import type { RowHistory, SummaryRisk } from "./summary-types";

/** One row of a risk: its history, and what makes it the row that stands for the risk. */
export type RiskRow = RowHistory & Pick<SummaryRisk, "open" | "archived" | "score">;

/** A risk held by several rows: the row that stands for it, and what they say of its history together. */
export interface OneRisk<T> {
  stands: T;
  /** Its history as its rows (and logs) give it together, shown on each of its rows; absent for one row alone. */
  history?: RowHistory;
}

const isOpen = (r: RiskRow): boolean => r.open;
const isArchived = (r: RiskRow): boolean => r.archived === true;
const scoreOf = (r: RiskRow): number | null => r.score;

/**
 * One risk from its rows (in register, then file, order) and the logs kept apart that name it (an Update Log
 * kept as a workbook of its own: `logs`). It stands at its highest current score: the open row scored highest
 * (the first of equals), else as standingRow says, so the counts, heat map and RAG rate it as the Escalation
 * tab's highest block does. Its history is joined across the rows that may stand for it (its open rows, else
 * its rows not archived: an archived row is history the live row already carries) and the logs:
 * - its latest update is the newest of theirs, with its words;
 * - it is stale only when each of them is (each as its own file's review period and as-at date say);
 * - it was first seen on the earliest of their days;
 * - its monthly points are their history's (see joinedMonths), the as-at month's its standing score;
 * - its direction of travel is read from those points (see joinedTrend).
 */
export function oneRisk<T extends RiskRow>(rows: readonly T[], logs: readonly RowHistory[] = []): OneRisk<T> {
  // Nearly every risk stands on one row: nothing to choose or join (and nothing made for it).
  if (rows.length === 1 && logs.length === 0) return { stands: rows[0] };
  const stands = standingRow(rows, isOpen, isArchived, scoreOf) ?? rows[0];
  const tier = standingTier(rows, isOpen, isArchived);
  if (tier.length + logs.length < 2) return { stands };
  // The standing row first, so among updates of the same day its words are shown.
  const sources: RowHistory[] = [stands, ...tier.filter((r) => r !== stands), ...logs];
  let newest = sources[0];
  for (const s of sources) if ((s.latestUpdate ?? "") > (newest.latestUpdate ?? "")) newest = s;
  let firstSeen: string | null = null;
  for (const s of sources)
    if (s.firstSeen !== null && (firstSeen === null || s.firstSeen < firstSeen)) firstSeen = s.firstSeen;
  const { months, monthRags } = joinedMonths(sources, stands);
  const logged = sources.some((s) => s.monthsLogged);
  return {
    stands,
    history: {
      latestUpdate: newest.latestUpdate,
      latestUpdateText: newest.latestUpdateText,
      stale: stands.open && sources.every((s) => s.stale),
      trend: joinedTrend(sources, months, firstSeen),
      firstSeen,
      months,
      monthRags,
      ...(logged ? { monthsLogged: true as const } : {}),
    },
  };
}

/**
 * A risk's score and RAG at the end of each month from its rows' and logs' own (all ending at the same as-at
 * month), as one workbook's history would give them: where any of them has a logged history (monthsLogged),
 * those months, not a row's current score carried back to when it was raised; within a month the highest
 * they give (a roll-up never understates a score a file records); before its logged history starts, from the
 * month it was first seen, the score that history started from. The as-at month's is the standing row's.
 */
function joinedMonths(
  sources: readonly RowHistory[],
  stands: RowHistory,
): { months: (number | null)[]; monthRags: (Rag | null)[] } {
  const last = stands.months.length - 1;
  const logged = sources.filter((s) => s.monthsLogged);
  const from = logged.length > 0 ? logged : sources;
  const start = startingPoint(logged);
  const months: (number | null)[] = [];
  const monthRags: (Rag | null)[] = [];
  for (let m = 0; m <= last; m++) {
    const at =
      m < last ? highestAt(from, m) : stands.months[last] != null ? stands : highestAt(sources, last);
    if (at) {
      months.push(at.months[m] ?? null);
      monthRags.push(at.monthRags[m] ?? null);
    } else if (start && m < start.at && sources.some((s) => s.months[m] != null)) {
      months.push(start.row.months[start.at] ?? null);
      monthRags.push(start.row.monthRags[start.at] ?? null);
    } else {
      months.push(null);
      monthRags.push(null);
    }
  }
  return { months, monthRags };
}

/** The source with the highest score at month `m`, or undefined when none has one. */
function highestAt(sources: readonly RowHistory[], m: number): RowHistory | undefined {
  let best: RowHistory | undefined;
  for (const s of sources) {
    const v = s.months[m];
    if (v != null && (best === undefined || v > (best.months[m] ?? -Infinity))) best = s;
  }
  return best;
}

/** The logged source whose history starts first, and the month it starts (its first score); null for none. */
function startingPoint(logged: readonly RowHistory[]): { row: RowHistory; at: number } | null {
  let start: { row: RowHistory; at: number } | null = null;
  for (const row of logged) {
    const at = row.months.findIndex((v) => v !== null);
    if (at >= 0 && (start === null || at < start.at)) start = { row, at };
  }
  return start;
}

/**
 * The direction of travel of the joined monthly points (SPEC "Direction of travel"): null when nothing dates
 * the risk (no first-seen day, or none of its rows has a trend to give); new when it has no monthly point before
 * the as-at month; else the as-at month's score against the month before's (null when either has none).
 */
function joinedTrend(
  sources: readonly RowHistory[],
  months: readonly (number | null)[],
  firstSeen: string | null,
): Trend {
  if (firstSeen === null || sources.every((s) => s.trend === null)) return null;
  const last = months.length - 1;
  if (months.slice(0, last).every((v) => v === null)) return "new";
  const now = months[last];
  const before = months[last - 1];
  if (now === null || before === null) return null;
  return directionOf(now, before);
}
