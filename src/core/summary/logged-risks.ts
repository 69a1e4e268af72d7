// What a workbook holding only an Update Log says of each risk it names (a log officers keep as a workbook of
// its own, beside the registers' files): the history the roll-up over files joins to the same risks on the
// other files' registers, as one workbook's Update Log is the history of the risks on its registers.

import { lastUpdateAt, lastUpdateDay, textAt } from "../history/history-log";
import { monthOf } from "../history/month";
import { firstLoggedMonth, monthlyScores, trendOfScores, type PointsInput } from "../history/monthly-points";
import type { Report } from "../model/report";
import type { Settings } from "../model/settings";
import { hasCheckableSheet } from "../model/sheet-info";
import { dayFromIso, isoFromDay, ragFromScore, subtractMonths } from "../parse";
import type { LoggedRisk } from "./summary-types";

/** The months a risk's facts give (RiskFacts.months): the as-at month and the eleven before. */
const MONTHS = 12;

/** True for a workbook that holds an Update Log and no plan, register or actions sheet. */
export function holdsOnlyALog(report: Pick<Report, "sheets">): boolean {
  return !hasCheckableSheet(report.sheets) && report.sheets.some((s) => s.kind === "update-log");
}

/**
 * Each risk the workbook's logs name (by its folded id), with its history worked out from its entries alone,
 * as a register row's facts are (RiskFacts): its newest update and its words, stale when that is older than
 * the review period, first seen on its first entry, its score at the end of each of the last twelve months
 * (the as-at month's its last logged score: the log holds no current one) rated by the RAG bands, and its
 * direction of travel. In the order the logs first name them.
 */
export function loggedRisks(
  report: Pick<Report, "history" | "asAt">,
  settings: Pick<Settings, "rag" | "reviewPeriodMonths">,
): LoggedRisk[] {
  const asAt = dayFromIso(report.asAt);
  if (asAt === null) return [];
  const cutoff = subtractMonths(asAt, settings.reviewPeriodMonths);
  const from = monthOf(asAt) - MONTHS + 1;
  const { log, byRisk } = report.history;
  const out: LoggedRisk[] = [];
  for (const [key, at] of byRisk) {
    if (at.length === 0) continue;
    const input: PointsInput = { entries: { log, at }, current: null, firstSeen: log.day[at[0]], asAt };
    const scores = monthlyScores(input, from);
    const months = new Array<number | null>(MONTHS).fill(null);
    for (const p of scores) months[p.month - from] = p.score;
    const latest = lastUpdateDay(log, at);
    const newest = lastUpdateAt(log, at);
    out.push({
      key,
      latestUpdate: latest === null ? null : isoFromDay(latest),
      latestUpdateText: newest >= 0 ? textAt(log, newest) : "",
      stale: latest === null || latest < cutoff,
      trend: trendOfScores(input, scores),
      firstSeen: isoFromDay(log.day[at[0]]),
      months,
      monthRags: months.map((s) => (s !== null && s >= 1 && s <= 25 ? ragFromScore(s, settings.rag) : null)),
      ...(firstLoggedMonth(input) !== null ? { monthsLogged: true as const } : {}),
    });
  }
  return out;
}
