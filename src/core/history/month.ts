// Calendar months as plain numbers (year × 12 + month − 1), so "the month before" is just − 1.

import { MONTH_NAMES } from "../parse/months";
import { monthIndexOfDay, monthSpan, type DayNumber } from "../parse/day";

/** A calendar month: year × 12 + (month − 1). */
export type MonthIndex = number;

const SHORT_MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));

/** The month a day falls in. */
export function monthOf(day: DayNumber): MonthIndex {
  return monthIndexOfDay(day);
}

/** The first day of a month. */
export function firstDayOf(month: MonthIndex): DayNumber {
  const year = Math.floor(month / 12);
  return monthSpan(year, month - year * 12 + 1).first;
}

/** "2022-09". */
export function monthIso(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, "0")}-${String(month - year * 12 + 1).padStart(2, "0")}`;
}

/** "Sep 2022", as a board report names a month. */
export function monthName(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  return `${SHORT_MONTHS[month - year * 12]} ${year}`;
}
