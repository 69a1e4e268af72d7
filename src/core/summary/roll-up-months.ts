// A file's month-by-month scores moved to the roll-up's months, for a roll-up over files checked as at
// different dates (each from its own Settings).

import { monthOf } from "../history/month";
import { dayFromIso } from "../parse";
import type { RowHistory, SummaryData } from "./summary-types";

/**
 * A file's summary data with its risks' month-by-month scores and RAGs ending at the roll-up's as-at month,
 * so the roll-up's Risk Summary counts every file's risks in the months it labels. A file checked as at an
 * earlier month knows no score after its own month: its risks keep the score and RAG its register gives them
 * (their current ones, as the "Open risks by RAG" table counts them) in the months since. Data as at the
 * roll-up's month, or with a date that cannot be read, is returned as it is.
 */
export function monthsEndingAt(data: SummaryData, rollUpAsAt: string): SummaryData {
  const own = dayFromIso(data.asAt);
  const rollUp = dayFromIso(rollUpAsAt);
  if (own === null || rollUp === null) return data;
  const later = monthOf(rollUp) - monthOf(own);
  if (later <= 0) return data;
  const moved = <R extends RowHistory>(r: R): R => ({
    ...r,
    months: carriedForward(r.months, later),
    monthRags: carriedForward(r.monthRags, later),
  });
  return {
    ...data,
    risks: data.risks.map(moved),
    ...(data.alsoHeld ? { alsoHeld: data.alsoHeld.map(moved) } : {}),
    ...(data.logged ? { logged: data.logged.map(moved) } : {}),
  };
}

/** The values `by` months on, as many as before: the oldest dropped, the last repeated after it. */
function carriedForward<T>(values: readonly T[], by: number): T[] {
  if (values.length === 0) return [];
  const shift = Math.min(by, values.length);
  return [...values.slice(shift), ...new Array<T>(shift).fill(values[values.length - 1])];
}
