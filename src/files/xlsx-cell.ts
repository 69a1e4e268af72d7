// Cell conversions shared by the readers: Excel serials from UTC times and the date-or-time format test.

/** The format given to a date cell whose own number format is not a date format. */
export const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Milliseconds since 1970 (UTC) → the Excel serial number.
 * Midnight gives a whole number so later day arithmetic is exact.
 */
export function serialFromMs(ms: number): number {
  if (ms % MS_PER_DAY === 0) return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Round to the millisecond: the division leaves binary noise a user would see as 0.30000000000000004.
  return Math.round((ms / MS_PER_DAY + UNIX_EPOCH_SERIAL) * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * True when a number format shows a date or time: it has d, m, y, h or s outside quoted text,
 * escaped characters and [colour]/[$currency] sections.
 *
 * Broader than core's isDateFormat on purpose: core asks "does this number mean a day?" and so
 * says no to time-only formats such as "h:mm", while the readers ask "should a date-typed cell
 * keep its own format?", and a time of day should keep "h:mm" rather than get yyyy-mm-dd.
 */
export function isDateOrTimeFormat(format: string | null | undefined): boolean {
  if (!format || format === "General") return false;
  // Each step is a linear pass (a format code comes from the file, so no regex that can backtrack).
  const stripped = dropBrackets(
    format
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/_./g, "")
      .replace(/\*./g, ""),
  );
  return /[dmyhs]/i.test(stripped);
}

/** Removes [colour], [$currency] and [<condition] sections but keeps elapsed-time ones such as [h] and [mm]. */
function dropBrackets(s: string): string {
  let out = "";
  let last = 0;
  let i = s.indexOf("[");
  while (i >= 0) {
    const j = s.indexOf("]", i + 1);
    if (j < 0) break;
    if (/^[hms]+$/i.test(s.slice(i + 1, j))) {
      i = s.indexOf("[", i + 1);
      continue;
    }
    out += s.slice(last, i);
    last = j + 1;
    i = s.indexOf("[", last);
  }
  return out + s.slice(last);
}
