// Reads dates as officers and Excel write them (SPEC "Values": Dates) into UTC day numbers.

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";
import {
  dayFromParts,
  monthSpan,
  partsFromDay,
  SERIAL_OF_1970,
  ukDayOfZonedIso,
  type DateMeaning,
  type DayNumber,
} from "./day";
import { fullYear, MONTH_WORD_SOURCE, monthNumber } from "./months";
import { foldSpaces } from "./spaces";
import { stripHtml } from "./html";
import { isPlaceholder } from "./placeholder";
import { financialQuarterStart, financialYearEndingStart, financialYearStart } from "./financial-year";

/** Excel's last serial (9999-12-31). */
const MAX_SERIAL = 2958465;
/** Days between Excel's serial 0 (the fictional 1900-01-00) and 1970-01-01, for serials from 61 on. */

/**
 * True when an Excel number format shows a date: it has day, month or year codes outside quoted text,
 * escapes and brackets. A time-only format ("h:mm") or General/number/currency formats are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  return formatKind(format) !== "none";
}

/**
 * True when an Excel number format shows a month but no day ("mmm-yy", "mmmm yyyy", "[$-809]mmm-yy"):
 * what Excel gives a typed "Oct 2022", kept as the serial of its first day.
 */
export function isMonthOnlyFormat(format: string | null | undefined): boolean {
  return formatKind(format) === "month";
}

/** What a number format shows: no date, a day, or a month without its day. */
type FormatKind = "none" | "day" | "month";

let lastFormat: string | null = null;
let lastKind: FormatKind = "none";

function formatKind(format: string | null | undefined): FormatKind {
  if (!format) return "none";
  // A column repeats one format down every row: the format asked last is asked first.
  if (format === lastFormat) return lastKind;
  // A workbook uses a handful of formats, asked about for every cell: read each format once.
  let known = formatMemo.get(format);
  if (known === undefined) {
    known = readFormatKind(format);
    if (formatMemo.size < 1000) formatMemo.set(format, known);
  }
  lastFormat = format;
  lastKind = known;
  return known;
}

const formatMemo = new Map<string, FormatKind>();

function readFormatKind(format: string): FormatKind {
  // Only the first section (positive numbers) matters; strip literals that could hold d/m/y letters.
  const section = format.split(";")[0] ?? "";
  const codes = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "")
    .toLowerCase();
  if (/general/.test(codes)) return "none";
  // "mm" alone is minutes in "h:mm"; a date needs a day or a year code.
  const time = /[hs]/.test(codes);
  if (!/[dy]/.test(codes) && !(/m{3,}/.test(codes) && !time)) return "none";
  // A month with no day and no time ("mmm-yy", "mm/yyyy"); a year alone ("yyyy") stays a day.
  return !/d/.test(codes) && /m/.test(codes) && !time ? "month" : "day";
}

/**
 * The day number of an Excel (1900 date system) serial, or a reason. Serials 1–59 are
 * 1900-01-01 to 1900-02-28; 60 is Excel's non-existent 29 February 1900 (the Lotus leap-year bug);
 * from 61 on serials are one day ahead of a true count, which the epoch offset absorbs.
 */
export function dayFromSerial(serial: number): ParseResult<DayNumber> {
  if (!Number.isFinite(serial)) return fail(`${serial} is not a date serial number`);
  const whole = Math.floor(serial); // a time of day does not change the day
  if (whole < 1 || whole > MAX_SERIAL) return fail(`${serial} is outside Excel's date range`);
  if (whole === 60) return fail("serial 60 is Excel's 29 February 1900, a day that never existed");
  return ok(whole < 60 ? whole - SERIAL_OF_1970 + 1 : whole - SERIAL_OF_1970);
}

/** Words that are said instead of a date; named in the reason so the officer sees why. */
/** A full stop or comma typed after a date ("1 June 2022."). */
const TRAILING_STOP_OR_COMMA = /[.,]$/;
const NOT_DATES = /^(tbc|tba|tbd|ongoing|on-going|n\/?a|none|various|asap|continuous|rolling|-+|\?+)$/i;

const M = MONTH_WORD_SOURCE;
/** A time after a date: "14:05", "14:05:30Z", or as UK officers type it, "14.05". */
const TIME = String.raw`(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?`;
const ORD = "(?:st|nd|rd|th)?";

/** A datetime's offset from UTC at its end ("+01:00", "-0500"). */
const ZONE_END = /[+-]\d{2}:?\d{2}$/;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
/**
 * Between a day-first date's numbers: a slash (with spaces around it, as text pasted from Word or an e-mail
 * has it: "12 / 09 / 2022"), a dot or a dash.
 */
export const DAY_FIRST_PART_SOURCE = String.raw`(?:\s*\/\s*|[.-])`;
const PART = DAY_FIRST_PART_SOURCE;
const DAY_FIRST = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})${PART}(\d{1,2})${PART}(\d{4}|\d{2})${TIME}$`,
  "i",
);
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})${ORD}(?:\s+|-|\s*-\s*)(${M})\.?,?(?:\s+|-|\s*-\s*)(\d{4}|\d{2})$`,
  "i",
);
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}(${M})\.?\s+(\d{1,2})${ORD},?\s+(\d{4})$`, "i");
const MONTH_YEAR = new RegExp(String.raw`^(${M})\.?(?:\s+|\s*-\s*|\s*'\s*)(\d{4}|\d{2})$`, "i");
const QUARTER = /^q([1-4])(?:\s+|\s*[-–—]\s*)?(\d{4})$|^(\d{4})(?:\s+|\s*[-–—]\s*)?q([1-4])$/i;
const FINANCIAL_YEAR = /^(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})$/i;
/** A financial year named by the year it ends ("FY23", "FY 2023", "FY'23": 2022/23). */
const FY_ENDING = /^fy\s*'?(\d{4}|\d{2})$/i;
/** A quarter of a financial year named by the year it ends ("Q4 FY23", "FY23 Q4"). */
const FY_ENDING_QUARTER =
  /^q([1-4])\s*(?:[-–—]\s*)?fy\s*'?(\d{4}|\d{2})$|^fy\s*'?(\d{4}|\d{2})\s*(?:[-–—]\s*)?q([1-4])$/i;
const YEAR = /^(\d{4})$/;

const FY_QUARTER = new RegExp(
  String.raw`^q([1-4])\s*(?:[-–—]\s*)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})$|^(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})\s*(?:[-–—]\s*)?q([1-4])$`,
  "i",
);
/** "w/c 12/09/22", "wc …", "w/b …", "week commencing …", "week beginning …". */
const WEEK_COMMENCING = /^(?:w\s*\/?\s*[cb]|week\s+(?:commencing|beginning|starting))\.?:?\s+(.+)$/i;
/**
 * A date with a note after it: what comes before the first bracket, spaced dash, semicolon, comma or
 * colon ("Sept 2022 (revised from June 2022)", "31/10/2022 - revised").
 */
const NOTE_AFTER = /^(.*?\S)\s*(?:[([]|\s[-–—]\s|[;,:]\s)/;
/** Where a note after a plain space may start: a space before a word ("31/10/2022 revised"). */
const SPACE_BEFORE_WORD = / (?=[a-z])/gi;
/**
 * Words officers write before a deadline: "End Q2 2022/23", "End of September 2022", "By (the) end of
 * October 2022" (group 1: the end of what follows, whatever the date is read for), and "By 30/09/2022",
 * "No later than …", "Before …" (group 2: the date as it is read). "Before 30/09/2022" is read as that day,
 * not the day before: plans write "before" for "by", and a deadline a day early would report actions
 * overdue on the day they were due.
 */
const LEADING_WORDS = /^(?:((?:by\s+)?(?:the\s+)?end(?:\s+of)?)|(by|no\s+later\s+than|before))\s+(.+)$/i;
/**
 * Where a revised deadline is named: "revised" or "revised to" (not "revised from", which names the old
 * one), then the date ("Sept 2022 / revised Dec 2022", "Revised to March 2023").
 */
const REVISED = /\brevised\b(?!\s+from\b)(\s+to\b)?:?\s*/gi;
/** The end of a bracketed note a revised date sits in ("Sept 2022 (revised to Dec 2022)"). */
const CLOSING_BRACKET = /[)\]]/;

/** How a column's dates are read: `monthFirst` for a column exported month first (09/30/2022). */
export interface DateOptions {
  monthFirst?: boolean;
  /**
   * False to read the whole text as a date or not at all: where a note after a date matters (an import
   * must not turn "31/10/2022 (was 30/09/2022)" into a bare date; an update text is not a date column).
   */
  noteAfter?: boolean;
}

/** Picks the end of a span for a deadline and its start for a last-updated date. */
function pick(first: DayNumber, last: DayNumber, meaning: DateMeaning): DayNumber {
  return meaning === "deadline" ? last : first;
}

function exact(year: number, month: number, day: number, text: string): ParseResult<DayNumber> {
  const d = dayFromParts(year, month, day);
  if (d === null) {
    if (month < 1 || month > 12) return fail(`"${text}" has no month ${month} (dates are read day first)`);
    return fail(`"${text}" is not a real date`);
  }
  return ok(d);
}

/** Monday (0) to Sunday (6) of a day number; day 0, 1 January 1970, was a Thursday. */
export function weekday(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Reads "w/c 12/09/22": the Monday of that week as a last-updated date, its Sunday as a deadline. */
function weekCommencing(rest: string, text: string, meaning: DateMeaning, options: DateOptions) {
  const early = parseDateText(rest, "lastUpdated", options);
  const late = parseDateText(rest, "deadline", options);
  if (!early.ok) return early;
  if (!late.ok || late.value !== early.value) return fail<DayNumber>(`"${text}" does not name a day`);
  const monday = early.value - weekday(early.value);
  return ok(pick(monday, monday + 6, meaning));
}

/** Reads a date written as text; `text` is already trimmed and has single spaces. */
function parseDateText(text: string, meaning: DateMeaning, options: DateOptions): ParseResult<DayNumber> {
  const whole = parseDateForm(text, meaning, options);
  if (whole.ok) return whole;
  if (options.noteAfter === false) return whole;
  // A deadline with words in front ("End Q2 2022/23", "By 30/09/2022"): the date after them, read whole.
  const words = LEADING_WORDS.exec(text);
  if (words) {
    const after = parseDateText(words[3], words[1] ? "deadline" : meaning, options);
    // Why the date after the words is wrong ("By 31/04/2022": not a real date), else the whole text's reason.
    return after.ok || after.reason !== unreadable(words[3]) ? after : whole;
  }
  // A revised deadline: the last date named after "revised (to)".
  const revised = revisedDate(text, meaning, options);
  if (revised) return revised;
  // A date with a note after it: the leading date, unless it is a bare year ("2022 budget (approved)").
  const note = NOTE_AFTER.exec(text);
  if (note) {
    const lead = leadingDate(note[1], meaning, options);
    if (lead) return lead;
  }
  // A note after a plain space ("31/10/2022 revised", "Sept 2022 revised from June 2022"): the longest
  // leading words that are a whole date, before a word.
  const starts = [...text.matchAll(SPACE_BEFORE_WORD)].map((m) => m.index);
  for (let i = starts.length - 1; i >= 0; i--) {
    const lead = leadingDate(text.slice(0, starts[i]), meaning, options);
    if (lead) return lead;
  }
  return whole;
}

/**
 * The last date named after "revised (to)" ("Sept 2022 / revised Dec 2022" is December), or null. A text
 * that starts with "revised" needs "to" ("Revised to March 2023"): "revised 31/10/2022" may say when the
 * plan was revised, not the new deadline. A bare year after it is not read ("Sept revised 2022").
 */
function revisedDate(
  text: string,
  meaning: DateMeaning,
  options: DateOptions,
): ParseResult<DayNumber> | null {
  const marks = [...text.matchAll(REVISED)];
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i];
    if (m.index === 0 && !m[1]) continue;
    const after = text
      .slice(m.index + m[0].length)
      .split(CLOSING_BRACKET)[0]
      .trim();
    if (after === "" || YEAR.test(after)) continue;
    const r = parseDateText(after, meaning, options);
    if (r.ok) return r;
  }
  return null;
}

/** The date a text before a note reads as, or null; a bare year is not ("2022 budget"). */
function leadingDate(
  lead: string,
  meaning: DateMeaning,
  options: DateOptions,
): ParseResult<DayNumber> | null {
  if (YEAR.test(lead)) return null;
  const r = parseDateForm(lead, meaning, options);
  return r.ok ? r : null;
}

/** Reads one date form, the whole text. */
function parseDateForm(text: string, meaning: DateMeaning, options: DateOptions): ParseResult<DayNumber> {
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(text))) {
    // With a zone ("…T23:00:00Z", "…+01:00") it is an instant: its day is the day in the UK then.
    const last = text.charCodeAt(text.length - 1);
    const zoned = text.length > 10 && (last === 90 || last === 122 || ZONE_END.test(text));
    const uk = zoned ? ukDayOfZonedIso(text) : null;
    return uk !== null ? ok(uk) : exact(Number(m[1]), Number(m[2]), Number(m[3]), text);
  }
  if ((m = DAY_FIRST.exec(text))) {
    const [a, b] = options.monthFirst ? [m[2], m[1]] : [m[1], m[2]];
    return exact(fullYear(m[3]), Number(b), Number(a), text);
  }
  if ((m = DAY_MONTH_YEAR.exec(text)))
    return exact(fullYear(m[3]), monthNumber(m[2]) ?? 0, Number(m[1]), text);
  if ((m = MONTH_DAY_YEAR.exec(text))) return exact(Number(m[3]), monthNumber(m[1]) ?? 0, Number(m[2]), text);
  if ((m = MONTH_YEAR.exec(text))) {
    const span = monthSpan(fullYear(m[2]), monthNumber(m[1]) ?? 1);
    return ok(pick(span.first, span.last, meaning));
  }
  if ((m = WEEK_COMMENCING.exec(text))) return weekCommencing(m[1], text, meaning, options);
  if ((m = FY_QUARTER.exec(text))) {
    // UK financial-year quarters: Q1 April–June … Q4 January–March of the following year.
    const q = Number(m[1] ?? m[6]);
    const start = financialYearStart(m[2] ?? m[4], m[3] ?? m[5]);
    if (start === null)
      return fail(`"${text}" is not a financial year (the second year should follow the first)`);
    return financialQuarter(q, start, meaning);
  }
  if ((m = FY_ENDING_QUARTER.exec(text))) {
    const start = financialYearEndingStart(m[2] ?? m[3]);
    return financialQuarter(Number(m[1] ?? m[4]), start, meaning);
  }
  if ((m = QUARTER.exec(text))) {
    const q = Number(m[1] ?? m[4]);
    const year = Number(m[2] ?? m[3]);
    return ok(pick(monthSpan(year, q * 3 - 2).first, monthSpan(year, q * 3).last, meaning));
  }
  if ((m = FINANCIAL_YEAR.exec(text))) {
    // UK financial year 2022/23: 1 April 2022 to 31 March 2023.
    const start = financialYearStart(m[1], m[2]);
    if (start === null) {
      return fail(`"${text}" is not a financial year (the second year should follow the first)`);
    }
    return financialYear(start, meaning);
  }
  if ((m = FY_ENDING.exec(text))) return financialYear(financialYearEndingStart(m[1]), meaning);
  if ((m = YEAR.exec(text))) {
    const year = Number(m[1]);
    return ok(pick(monthSpan(year, 1).first, monthSpan(year, 12).last, meaning));
  }
  return fail(unreadable(text));
}

/** UK financial year `start`/`start + 1`: 1 April to 31 March. */
function financialYear(start: number, meaning: DateMeaning): ParseResult<DayNumber> {
  return ok(pick(monthSpan(start, 4).first, monthSpan(start + 1, 3).last, meaning));
}

/** Quarter `q` of the UK financial year starting in `start` (Q1 April–June … Q4 January–March). */
function financialQuarter(q: number, start: number, meaning: DateMeaning): ParseResult<DayNumber> {
  const { year, month } = financialQuarterStart(q, start);
  return ok(pick(monthSpan(year, month).first, monthSpan(year, month + 2).last, meaning));
}

/** The reason given for a text that is no date form at all. */
function unreadable(text: string): string {
  return `"${text}" is not a date this add-in can read`;
}

/**
 * Reads a cell as a date.
 *
 * A number is a date only when its number format is a date format (an Excel serial); a month,
 * quarter, financial year or year gives its last day when `meaning` is "deadline" and its first day
 * when it is "lastUpdated". Day first: "04/05/2022" is 4 May, unless `options.monthFirst` says the
 * column was written month first. Never throws.
 */
export function parseDate(
  value: CellValue,
  format: string | null,
  meaning: DateMeaning,
  options: DateOptions = NO_OPTIONS,
): ParseResult<DayNumber> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "boolean") return fail(`${value ? "TRUE" : "FALSE"} is not a date`);
  if (typeof value === "number") {
    const kind = formatKind(format);
    if (kind === "none") {
      return fail(
        `${value} is a number, not a date (its cell has ${format ? `the format "${format}"` : "no date format"})`,
      );
    }
    const day = dayFromSerial(value);
    if (!day.ok || kind !== "month") return day;
    // The cell shows a month ("Oct-22"): read it as the month, as the text "Oct 2022" is. But an update
    // date holding a day other than the first (Excel stores the 1st for "Oct-22" typed) was a day someone
    // entered, 30/09/2022 shown as "Sep-22": the update was that day, not on the 1st.
    const { year, month, day: dayOfMonth } = partsFromDay(day.value);
    if (meaning === "lastUpdated" && dayOfMonth !== 1) return day;
    const span = monthSpan(year, month);
    return ok(pick(span.first, span.last, meaning));
  }
  if (typeof value !== "string") return fail("not a date");
  const text = foldSpaces(stripHtml(value)).replace(TRAILING_STOP_OR_COMMA, "");
  if (text === "") return fail("blank");
  if (NOT_DATES.test(text)) return fail(`"${text}" is not a date`);
  if (text.length > 100) return fail("too long to be a date");
  return parseDateText(text, meaning, options);
}

const NO_OPTIONS: DateOptions = {};

/**
 * True when a cell's text that parseDate could not read was written as a date all the same, so an officer
 * should be told it cannot be read ("29/02/23", "31/02/2023", "Q5 2023"): it has a digit and is no placeholder.
 * Words said instead of a date ("Ongoing", "Monthly", "TBC", "#N/A") are not.
 */
export function writtenAsDate(text: string): boolean {
  return DIGIT.test(text) && !isPlaceholder(text);
}

const DIGIT = /\d/;

/** A cell as the date readers see it: its value, number format and how its column is read. */
export interface DateCell {
  value: CellValue;
  format: string | null;
  monthFirst?: boolean;
}

/** Reads a record's cell as a date, month first where its column was found to be written so. */
export function parseDateCell(cell: DateCell, meaning: DateMeaning): ParseResult<DayNumber> {
  return parseDate(cell.value, cell.format, meaning, cell.monthFirst ? { monthFirst: true } : NO_OPTIONS);
}
