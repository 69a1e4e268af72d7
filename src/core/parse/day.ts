// Whole-day arithmetic on UTC day numbers: no Date objects, no clocks, no time zones.

/** Whole days since 1970-01-01 UTC. All date arithmetic is done on these. */
export type DayNumber = number;

/** A month, quarter or year means its last day as a deadline and its first day as a last-updated date. */
export type DateMeaning = "deadline" | "lastUpdated";

const MS_PER_DAY = 86_400_000;

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day number of a calendar date (month 1–12), or null when the date does not exist
 * (31 April, 29 February in a common year, month 13).
 */
export function dayFromParts(year: number, month: number, day: number): DayNumber | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Calendar parts of a day number, month 1–12. */
export function partsFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const index = monthIndexOfDay(day);
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.floor(day) - daysFromCivil(year, month, 1) + 1 };
}

/**
 * The month a day number falls in as year × 12 + (month − 1), with no object made (every risk's monthly
 * points ask it). Howard Hinnant's civil_from_days: exact for any whole day, no Date object needed.
 */
export function monthIndexOfDay(day: DayNumber): number {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 12 + m - 1;
}

function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads an ISO date ("2022-10-10", optionally followed by a time, which is ignored: the calendar date
 * as written is the day). Returns null for anything else or for a date that does not exist.
 */
export function dayFromIso(iso: string): DayNumber | null {
  if (typeof iso !== "string") return null;
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

const ZONED_ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;
const SECONDS_PER_DAY = 86_400;

/** The last Sunday of a month; day 0 (1 January 1970) was a Thursday, so Sundays are days ≡ 3 (mod 7). */
function lastSunday(year: number, month: number): DayNumber {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((((last - 3) % 7) + 7) % 7);
}

/**
 * The UK calendar day (Europe/London) of an ISO datetime with a zone, "Z" or an offset
 * ("2022-10-09T23:00:00Z" is 10 October: SharePoint writes a date-only field as midnight UK time, in UTC).
 * British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October; computed here, not read from the machine's time zone. Null for any other text (a datetime
 * with no zone is the wall clock as written) or for a date or time that does not exist.
 */
export function ukDayOfZonedIso(text: string): DayNumber | null {
  const m = ZONED_ISO.exec(text);
  if (!m) return null;
  const date = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), m[6] === undefined ? 0 : Number(m[6])];
  if (date === null || hour > 24 || minute > 59 || second > 60) return null;
  const offsetMinutes = m[7] ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const utc = date * SECONDS_PER_DAY + (hour * 60 + minute - offsetMinutes) * 60 + second;
  const { year } = partsFromDay(Math.floor(utc / SECONDS_PER_DAY));
  const bstFrom = lastSunday(year, 3) * SECONDS_PER_DAY + 3600;
  const bstTo = lastSunday(year, 10) * SECONDS_PER_DAY + 3600;
  const uk = bstFrom <= utc && utc < bstTo ? utc + 3600 : utc;
  return Math.floor(uk / SECONDS_PER_DAY);
}

/** The ISO date ("2022-10-10") of a day number. */
export function isoFromDay(day: DayNumber): string {
  const p = partsFromDay(day);
  const year = p.year < 0 ? `-${String(-p.year).padStart(6, "0")}` : String(p.year).padStart(4, "0");
  return `${year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * The same day `months` months earlier, clamped to the end of a shorter month:
 * 10 October − 1 → 10 September; 31 March − 1 → 28 (or 29) February. Negative `months` go forward.
 */
export function subtractMonths(day: DayNumber, months: number): DayNumber {
  if (!Number.isFinite(months)) throw new RangeError(`subtractMonths: months must be finite, got ${months}`);
  const p = partsFromDay(day);
  const index = p.year * 12 + (p.month - 1) - Math.trunc(months);
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/**
 * The day number of a Date, from its UTC parts. For callers outside core (the task pane, the command
 * line) that need "today": core itself never reads a clock, so tests can fix the as-at date.
 */
export function dayFromDate(date: Date): DayNumber {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError("dayFromDate: invalid Date");
  return Math.floor(ms / MS_PER_DAY);
}

/** First and last day of a calendar month. */
export function monthSpan(year: number, month: number): { first: DayNumber; last: DayNumber } {
  return { first: daysFromCivil(year, month, 1), last: daysFromCivil(year, month, daysInMonth(year, month)) };
}

/** dd/mm/yyyy of a day number, as UK officers write dates. */
export function ukDate(day: DayNumber): string {
  const p = partsFromDay(day);
  return `${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}/${p.year}`;
}

/** "30/09/2022" for an ISO day ("2022-09-30"); any other text as it is. */
export function ukDateOfIso(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayFromIso(text) : null;
  return day === null ? text : ukDate(day);
}

/** Days between Excel's serial 0 and 1970-01-01 (1900 date system; true from serial 61, 1 March 1900, on). */
export const SERIAL_OF_1970 = 25569;

/** The Excel serial of a day (1900 date system, days from 1 March 1900 on: all a writer writes). */
export function serialFromDay(day: DayNumber): number {
  return day + SERIAL_OF_1970;
}
