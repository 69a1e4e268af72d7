// Reading the log tabs' cells: a log's date column is a date whatever its number format says.

import { formatAt, type CellValue, type Grid } from "../model/grid";
import {
  dayFromSerial,
  isMonthOnlyFormat,
  parseDate,
  parseScore,
  parseYesNo,
  type DateOptions,
  type DayNumber,
} from "../parse";
import { MonthFirstVote, readsEitherWay } from "../parse/month-first";
import { cellText } from "../read/cell-text";
import { monthOf, type MonthIndex } from "./month";
import { isLikelyDateSerial, LIKELY_SERIAL_MAX, LIKELY_SERIAL_MIN } from "../parse/likely-serial";

/** Whole-number serials LogDates keeps in its array: the likely-serial range. */
const SERIAL_SPAN = LIKELY_SERIAL_MAX - LIKELY_SERIAL_MIN;

/**
 * Reads a log's date cell: an Excel serial (with or without a date format, a time of day ignored), or
 * a date as officers type it ("12/09/22", "12 Sept 2022", "2022-10-10 14:05"; month first, "09/30/2022",
 * in a column written so). Null when not a date.
 */
function logDay(value: CellValue, format: string | null, options: DateOptions): DayNumber | null {
  const r =
    typeof value === "number" && isLikelyDateSerial(value)
      ? dayFromSerial(value)
      : parseDate(value, format, "lastUpdated", options);
  return r.ok ? r.value : null;
}

/** A log row's date: its day, and the month that day falls in. */
export interface LogDate {
  readonly day: DayNumber;
  readonly month: MonthIndex;
  /** Minutes after midnight when the cell gives a time ("20/09/2022 16:30", a serial with a fraction); else -1. */
  readonly minute: number;
  /**
   * The cell names a month and no day ("Sept 2022", a serial shown "Sep-22"): `day` is the month's first, as
   * a last-updated date, and the entry counts after the month's dated entries (see compareAt).
   */
  readonly monthOnly: boolean;
}

/** True when `first` and `last` are the first and last days of one calendar month. */
function wholeMonth(first: DayNumber, last: DayNumber): boolean {
  const month = monthOf(first);
  return monthOf(last) === month && monthOf(first - 1) !== month && monthOf(last + 1) !== month;
}

/**
 * True when a log's date cell, read as `day` (its first day), names a whole month rather than a day: read as a
 * deadline it is the month's last day. Only a text with a month's word in it, or a serial whose format shows
 * no day, can.
 */
function namesMonthOnly(
  value: CellValue,
  format: string | null,
  options: DateOptions,
  day: DayNumber,
): boolean {
  if (
    typeof value === "number"
      ? !isMonthOnlyFormat(format)
      : typeof value !== "string" || !HAS_LETTER.test(value)
  )
    return false;
  const end = parseDate(value, format, "deadline", options);
  return end.ok && wholeMonth(day, end.value);
}

const HAS_LETTER = /[a-z]/i;

/**
 * A time after a date: "16:30", "4:30 pm", "T16:30:00", or with a dot as UK officers type it after a space,
 * "14.05" (a dot before a date's digits, "12.09.2022", is no time: a dotted time ends where its minutes do).
 */
const TIME_OF_DAY =
  /(?:(?:^|[\sT,])(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?|\s(\d{1,2})\.(\d{2})(?![\d.]))\s*(?:([ap])\.?m\b\.?)?/i;

/**
 * The time of day a log's date cell gives, in minutes after midnight; -1 when it gives none (a whole
 * serial is a date alone, as a typed date is): two entries of one day are then in the order the log
 * wrote them.
 */
export function minuteOfDay(value: CellValue): number {
  if (typeof value === "number") {
    const fraction = value - Math.floor(value);
    return fraction > 0 ? Math.min(1439, Math.round(fraction * 1440)) : -1;
  }
  if (typeof value !== "string") return -1;
  const m = TIME_OF_DAY.exec(value);
  if (!m) return -1;
  let hours = Number(m[1] ?? m[3]);
  const minutes = Number(m[2] ?? m[4]);
  const half = m[5]?.toLowerCase();
  if (half) {
    if (hours < 1 || hours > 12) return -1;
    hours = (hours % 12) + (half === "p" ? 12 : 0);
  }
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : -1;
}

const MONTH_FIRST: DateOptions = Object.freeze({ monthFirst: true });
const DAY_FIRST: DateOptions = Object.freeze({});

/** Distinct date cells a log's memo keeps (a log names a few hundred days; typed dates differ more). */
const MAX_DATES = 100_000;

/**
 * True when a log's date column (`at`, an index into each row; -1 for none), from row `from` of `rows`,
 * is written month first (see MonthFirstVote): a log kept by hand on a US-configured machine. Each
 * distinct text is looked at once (a log repeats its dates).
 */
export function datesMonthFirst(rows: readonly (readonly CellValue[])[], from: number, at: number): boolean {
  if (at < 0) return false;
  const vote = new MonthFirstVote();
  const seen = new Set<string>();
  for (let r = from; r < rows.length; r++) {
    const v = rows[r]?.[at];
    if (typeof v !== "string" || seen.has(v)) continue;
    if (seen.size < MAX_DATES) seen.add(v);
    if (!vote.add(cellText(v))) return false;
  }
  return vote.monthFirst;
}

/**
 * Reads a log's date cell into its day, month, time of day and whether it names a month alone; null when
 * not a date.
 */
function readLogDate(value: CellValue, format: string | null, options: DateOptions): LogDate | null {
  const day = logDay(value, format, options);
  return day === null
    ? null
    : {
        day,
        month: monthOf(day),
        minute: minuteOfDay(value),
        monthOnly: namesMonthOnly(value, format, options, day),
      };
}

/**
 * A log's date cells, each distinct value read once (a log of 100k rows names a few hundred days): its day
 * and month in one look-up. A number is read by its value and whether its cell shows a month alone: one
 * serial is 1 September in a cell shown 01/09/2022 and the month in a cell shown "Sep-22" (a typed
 * "Sep 2022"), and a log may hold both. A text is read by its value alone (a format never changes it).
 */
export class LogDates {
  private readonly dates = new Map<CellValue, LogDate | null>();
  /**
   * Dates of whole-number serials already read, at (serial less LIKELY_SERIAL_MIN) × 2, plus 1 where the
   * cell shows a month alone (an array look-up, not a hash: a log the add-in wrote holds one serial a row,
   * and a log names a few hundred days).
   */
  private serials: (LogDate | null | undefined)[] | null = null;
  /** Dates of other serials (a time of day after them) already read: shown as a day [0], as a month [1]. */
  private readonly timedSerials = [new Map<number, LogDate | null>(), new Map<number, LogDate | null>()];
  private options: DateOptions | null = null;
  private lastValue: CellValue = null;
  private last: LogDate | null = null;
  /** The number format read last, and 1 when it shows a month alone (else 0). */
  private lastFormat: string | null = null;
  private lastShownAsMonth: 0 | 1 = 0;

  /**
   * `monthFirst` says whether the column is written month first (see datesMonthFirst); it is asked only
   * when a date typed as text that it could change is first read (a log the add-in wrote holds Excel
   * serials and ISO times alone).
   */
  constructor(private readonly monthFirst: () => boolean = () => false) {}

  /** The date of the cell at (row, col), 0-based sheet coordinates of `grid`, holding `value`; null when not a date. */
  of(value: CellValue, grid: Grid, row: number, col: number): LogDate | null {
    if (value === null || value === "") return null;
    if (typeof value === "number") return this.ofNumber(value, formatAt(grid, row, col));
    // Rows written at one meeting share a date: the text read last is checked first.
    if (value === this.lastValue) return this.last;
    let date = this.dates.get(value);
    if (date === undefined) {
      // The column is looked at whole only for a text it could change (an Import Log's ISO times never do).
      const options =
        typeof value === "string" && readsEitherWay(value)
          ? (this.options ??= this.monthFirst() ? MONTH_FIRST : DAY_FIRST)
          : DAY_FIRST;
      date = readLogDate(value, formatAt(grid, row, col), options);
      if (this.dates.size < MAX_DATES) this.dates.set(value, date);
    }
    this.lastValue = value;
    this.last = date;
    return date;
  }

  /** The date of a number in a cell of number format `format`. */
  private ofNumber(value: number, format: string | null): LogDate | null {
    // A number no serial (a score, a year) is a date only by its format: read as it comes (a log seldom has one).
    if (!isLikelyDateSerial(value)) return readLogDate(value, format, DAY_FIRST);
    // A column repeats one format down its rows: the format read last is answered without asking again.
    if (format !== this.lastFormat) {
      this.lastFormat = format;
      this.lastShownAsMonth = isMonthOnlyFormat(format) ? 1 : 0;
    }
    const shownAsMonth = this.lastShownAsMonth;
    const offset = value - LIKELY_SERIAL_MIN;
    if (Number.isInteger(offset)) {
      // The array is made at its length when first needed (a log of typed or ISO dates never needs it).
      const serials = (this.serials ??= new Array<LogDate | null | undefined>(2 * (SERIAL_SPAN + 1)));
      const key = offset * 2 + shownAsMonth;
      let date = serials[key];
      if (date === undefined) serials[key] = date = readLogDate(value, format, DAY_FIRST);
      return date;
    }
    const memo = this.timedSerials[shownAsMonth];
    let date = memo.get(value);
    if (date === undefined) {
      date = readLogDate(value, format, DAY_FIRST);
      if (memo.size < MAX_DATES) memo.set(value, date);
    }
    return date;
  }
}

/** A score 1–25 from a log cell, or null (blank, text without one number, out of range). */
export function logScore(value: CellValue): number | null {
  if (value === null || value === "") return null;
  if (typeof value === "number" && Number.isInteger(value)) return value >= 1 && value <= 25 ? value : null;
  const r = parseScore(value);
  return r.ok && r.value >= 1 && r.value <= 25 ? r.value : null;
}

/**
 * A yes-or-no answer for each text, worked out once: a log's no-change column holds a few words thousands
 * of times, and the same one many rows running (the text answered last is answered without the table).
 */
class FlagWords {
  private readonly answers = new Map<string, boolean>();
  private lastText = "";
  private lastAnswer = false;

  constructor(private readonly read: (text: string) => boolean) {}

  answer(text: string): boolean {
    if (text === this.lastText) return this.lastAnswer;
    let answer = this.answers.get(text);
    if (answer === undefined) {
      answer = this.read(text);
      if (this.answers.size < 1_000) this.answers.set(text, answer);
    }
    this.lastText = text;
    this.lastAnswer = answer;
    return answer;
  }
}

const NO_CHANGE = /\bno (?:material )?changes?\b|\bunchanged\b/i;

/** True when words say nothing changed: "No change", "No changes", "No material change", "Unchanged". */
export function saysNoChange(text: string): boolean {
  return NO_CHANGE.test(text);
}

// A tick is not a word character, so it needs no word boundary after it ("✓" alone is yes).
const YES = /^\s*(?:(?:yes|y|true|x)\b|[✓✔])/i;
// "No change" typed in the No change column says yes, not No with words after it.
const yesWords = new FlagWords((text) => YES.test(text) || saysNoChange(text));
const noWords = new FlagWords((text) => {
  if (saysNoChange(text)) return false;
  const answer = parseYesNo(text);
  return answer.ok && !answer.value;
});

/**
 * True when a text cannot say yes: it starts with a printable ASCII character that is not the first letter
 * of a yes word (Y, T, X) or of "no change" and "unchanged" (N, U). Most cells are answered so, or by the
 * text read last, without the memo; a text starting with a space or any other character is left to the pattern.
 */
function cannotSayYes(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c <= 0x20 || c >= 0x80) return false;
  const lower = c | 0x20; // Y, T, X, N, U in lower case (other characters stay other characters)
  return lower !== 0x79 && lower !== 0x74 && lower !== 0x78 && lower !== 0x6e && lower !== 0x75;
}

/** True for a "no change" flag: Yes, Y, True, a tick, Yes with words after it, or words saying no change. */
export function isYes(value: CellValue): boolean {
  if (value === true) return true;
  if (typeof value === "number") return value === 1;
  if (typeof value !== "string" || value === "" || cannotSayYes(value)) return false;
  return yesWords.answer(value);
}

/**
 * True for a "no change" flag that says No outright: No, N, False, 0, an unticked box, or No with words
 * after it. A blank, a placeholder or other words say neither (the entry's own words may then say it).
 */
export function isNo(value: CellValue): boolean {
  if (value === false) return true;
  if (typeof value === "number") return value === 0;
  if (typeof value !== "string" || value === "") return false;
  return noWords.answer(value);
}
