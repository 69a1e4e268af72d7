// A date column written month first (09/30/2022, exported from a US-configured server) is read month first
// as a whole: some value in it can only be month first, and none can only be day first (SPEC "Values").

import { DAY_FIRST_PART_SOURCE as PART } from "./date";

const SLASHED = new RegExp(String.raw`^(\d{1,2})${PART}(\d{1,2})${PART}(?:\d{4}|\d{2})(?:[ T]|$)`);
const WEEK_PREFIX = /^(?:w\s*\/?\s*[cb]|week\s+\w+)\s+/i;

/** A date's text without a leading "w/c" or "Week commencing" (looked for only in texts starting with w). */
function withoutWeekPrefix(text: string): string {
  const first = text.charCodeAt(0);
  return first === 0x77 || first === 0x57 ? text.replace(WEEK_PREFIX, "") : text;
}

/**
 * Two numbers and a third, slashed, dotted or dashed, not inside a longer number: "09/30/2022", "w/c 1.2.22",
 * "09 / 30 / 2022".
 */
const SWAPPABLE = new RegExp(String.raw`(?<!\d)\d{1,2}${PART}\d{1,2}${PART}\d`);

/**
 * False when a date text reads the same whether its column is written month first or not: it has no
 * slashed (dotted, dashed) day and month ("2022-09-01 09:30", "12 Sept 2022", "Q3 2022/23"). Such a text
 * needs no look at the rest of its column.
 */
export function readsEitherWay(text: string): boolean {
  return SWAPPABLE.test(text);
}

/** The texts of one date column, counted by whether each can only be read month first, or day first. */
export class MonthFirstVote {
  private onlyMonthFirst = 0;
  private onlyDayFirst = 0;

  /** Counts one cell's text (as cellText gives it); false once a text only day first has settled the column. */
  add(text: string): boolean {
    const d = SLASHED.exec(withoutWeekPrefix(text));
    if (d) {
      const a = Number(d[1]);
      const b = Number(d[2]);
      if (a <= 12 && b > 12 && b <= 31) this.onlyMonthFirst++;
      else if (a > 12 && a <= 31 && b <= 12) this.onlyDayFirst++;
    }
    return this.onlyDayFirst === 0;
  }

  /** True when the column is read month first. */
  get monthFirst(): boolean {
    return this.onlyMonthFirst > 0 && this.onlyDayFirst === 0;
  }
}
