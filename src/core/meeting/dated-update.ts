// The meeting's update on a register whose update cell keeps a history of dated lines ("12/09/22 – reviewed at
// RMB", one entry a line, newest first or last: SPEC Real registers): the meeting adds its own dated line,
// written as the earlier lines are, where they put the newest, and keeps them; and what it carries into the
// Update Log before that, as the register wrote it.

import type { CellValue } from "../model/grid";
import { MAX_CELL_CHARS } from "../model/writable-text";
import { rawValue, type RiskRecord } from "../model/records";
import { saysNoChange } from "../history/log-cells";
import { datedLineForm, datedLines, updateLines, type DatedLineForm } from "../parse/dated-lines";
import { isoFromDay, partsFromDay, ukDate, type DayNumber } from "../parse/day";
import { DAY_FIRST_PART_SOURCE, parseDate, weekday } from "../parse/date";
import { foldSpaces } from "../parse/spaces";
import { MONTH_NAMES, monthNumber } from "../parse/months";

/** "w/c ", "Week commencing " before a date: the meeting's date is a day, not a week. */
const WEEK_WORDS = /^(?:w\s*\/?\s*[cb]|week\s+(?:commencing|beginning|starting))\.?:?\s+/i;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A day-first date, its first separator kept to write another like it ("12/09/22", "12 / 09 / 2022", "12.09.22"). */
const NUMERIC = new RegExp(
  String.raw`^(\d{1,2})(${DAY_FIRST_PART_SOURCE})(\d{1,2})${DAY_FIRST_PART_SOURCE}(\d{4}|\d{2})$`,
);
const DAY_MONTH_YEAR = /^(\d{1,2})(st|nd|rd|th)?([\s-]+)([A-Za-z]+)(\.?,?)([\s-]+)(\d{4}|\d{2})$/i;
const MONTH_YEAR = /^([A-Za-z]+)(\.?)(\s+|-)(\d{4}|\d{2})$/;

const two = (n: number) => String(n).padStart(2, "0");
const ordinal = (n: number) =>
  n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";

/** A month's name written as `like` writes one: its full name or three letters, in its case. */
function monthLike(like: string, month: number): string {
  const full = MONTH_NAMES[month - 1];
  const name = MONTH_NAMES.some((m) => m.toLowerCase() === like.toLowerCase()) ? full : full.slice(0, 3);
  if (like === like.toUpperCase()) return name.toUpperCase();
  if (like === like.toLowerCase()) return name.toLowerCase();
  return name;
}

/**
 * `day` written as the date `written` is ("12/09/22", "1.8.2022", "2022-09-12", "12th Sept 2022",
 * "12-Sep-22", "Oct 2022", "Sep-22"); a week's date as that date ("w/c 12/09/22" → "10/10/22"); else dd/mm/yyyy.
 */
export function dateLike(written: string, day: DayNumber): string {
  return dateInForm(written.replace(WEEK_WORDS, "").trim(), day) ?? ukDate(day);
}

/**
 * A due date `day` in the form `written` wrote one (an action's line of the actions text): a day's or a month's
 * form as dateLike writes it ("31/12/22" → "31/03/23", "Dec-22" → "Mar-23"); a week's as the week holding `day`,
 * its words kept ("w/c 12/12/22" → "w/c 16/01/23"); a quarter's, a financial year's or a year's as the one
 * holding `day` ("Q4 2022/23" → "Q1 2023/24"). Null where `written` is no form of these. Each reads back as a
 * deadline, its last day: `day` only where that is its last day (the caller says so where it is not).
 */
export function deadlineLike(written: string, day: DayNumber): string | null {
  const week = WEEK_WORDS.exec(written);
  if (week) {
    const monday = dateInForm(written.slice(week[0].length).trim(), day - weekday(day));
    return monday === null ? null : `${week[0]}${monday}`;
  }
  const text = written.trim();
  return dateInForm(text, day) ?? periodLike(text, day);
}

/**
 * `day`'s period in the form `text` names one, its numbers replaced, each as wide as written: the quarter
 * ("Q3 2022", "Q4 2022/23", "Q1 FY24"), financial year ("2022/23", "FY23") or year ("2023") holding `day`;
 * null where `text` names no period. Which number is which is left to the date reader: of the quarters and
 * years that could stand in each place (calendar or financial), the one text whose period holds `day`.
 */
function periodLike(text: string, day: DayNumber): string | null {
  const pieces = text.split(/(\d+)/);
  // Digits at odd places: a period names one to three numbers (a quarter, and one year or two).
  if (pieces.length < 3 || pieces.length > 7) return null;
  const { year, month } = partsFromDay(day);
  const fyStart = month >= 4 ? year : year - 1;
  const years = [year, fyStart, fyStart + 1];
  const quarters = [Math.ceil(month / 3), month >= 4 ? Math.ceil((month - 3) / 3) : 4];
  const choices = (digits: string): string[] =>
    digits.length === 1
      ? quarters.map(String)
      : digits.length === 2
        ? years.map((y) => two(y % 100))
        : digits.length === 4
          ? years.map(String)
          : [];
  let texts = [""];
  pieces.forEach((piece, i) => {
    texts = texts.flatMap((t) => (i % 2 === 0 ? [t + piece] : choices(piece).map((c) => t + c)));
  });
  return texts.find((t) => holds(t, day)) ?? null;
}

/** True when `text` reads whole as a period (more than a day) holding `day`. */
function holds(text: string, day: DayNumber): boolean {
  const first = parseDate(text, null, "lastUpdated", { noteAfter: false });
  const last = parseDate(text, null, "deadline", { noteAfter: false });
  return first.ok && last.ok && first.value < last.value && first.value <= day && day <= last.value;
}

/** `day` written as `text` writes a day or a month (see dateLike); null for another form. */
function dateInForm(text: string, day: DayNumber): string | null {
  const { year, month, day: d } = partsFromDay(day);
  const yearLike = (y: string) => (y.length === 2 ? two(year % 100) : String(year));
  if (ISO.test(text)) return isoFromDay(day);
  let m = NUMERIC.exec(text);
  if (m) {
    const [, dd, sep, mm, yy] = m;
    // A one-digit day or month shows the register leaves them unpadded ("1/8/22", "12/9/22"); else padded.
    const pad = dd.length === 2 && mm.length === 2 ? two : String;
    return `${pad(d)}${sep}${pad(month)}${sep}${yearLike(yy)}`;
  }
  // A month's name, not another word ("FY 2023" is a financial year).
  m = DAY_MONTH_YEAR.exec(text);
  if (m && monthNumber(m[4]) !== null) {
    const [, dd, suffix, gap1, word, stop, gap2, yy] = m;
    // A day before a month's name is padded only where the register pads one ("05 Sept 2022").
    const dayText = `${dd.startsWith("0") ? two(d) : d}${suffix ? ordinal(d) : ""}`;
    return `${dayText}${gap1}${monthLike(word, month)}${stop}${gap2}${yearLike(yy)}`;
  }
  m = MONTH_YEAR.exec(text);
  if (m && monthNumber(m[1]) !== null) return `${monthLike(m[1], month)}${m[2]}${m[3]}${yearLike(m[4])}`;
  return null;
}

/** The meeting's line written in the form of a dated line of the register's (see DatedLineForm). */
function lineLike(form: DatedLineForm, words: string, day: DayNumber): string {
  const date = dateLike(form.date, day);
  if (form.closing) return `${words} (${date})`;
  // An opening bracket before the date is kept only when its closing one comes after it ("[12/09/22] …").
  const opened = /[[(]/.exec(form.before)?.[0];
  const closer = opened === "[" ? "]" : ")";
  const before = opened && !form.after.includes(closer) ? form.before.replace(/[[(]\s*/, "") : form.before;
  return `${before}${date}${form.after || " "}${words}`;
}

/** Where a history puts its newest line: true at the top, false at the end (most steps between its dates say which). */
function newestFirst(days: readonly DayNumber[]): boolean {
  let down = 0;
  let up = 0;
  for (let i = 1; i < days.length; i++)
    if (days[i] < days[i - 1]) down++;
    else if (days[i] > days[i - 1]) up++;
  // One dated line, or as many steps each way: at the top, where the officer reading the cell looks first.
  return up <= down;
}

/** What the meeting writes in a register's update cell: the cell's text, and a note for the officer when any. */
export interface UpdateCellText {
  text: string;
  note: string | null;
}

/**
 * The update cell after the meeting records `words` on `day`, when the cell holds a history of dated lines:
 * the meeting's own line, dated and written as the newest line is, added at the top or at the end as the
 * dates are ordered, the earlier lines kept as they are. A line of this day with the words last logged (the
 * meeting's own, recorded again) is replaced, not repeated. Null when the cell has no dated line (the
 * meeting's words replace it, as on any register). When the history and the new line would not fit in a cell,
 * the cell holds the new line alone (the history is carried into the Update Log), and the note says so.
 */
export function updateCellText(
  old: CellValue,
  words: string,
  day: DayNumber,
  lastLoggedText: string | null,
): UpdateCellText | null {
  if (typeof old !== "string") return null;
  const history = historyOf(old, day);
  if (!history) return null;
  const { first, newest } = history;
  const line = lineLike(newest, words, day);
  const lines = updateLines(old);
  // Blank lines at the end (or top) of the cell stay outside the history.
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  const own = ownLineOfDay(lines, first, day, lastLoggedText);
  if (own >= 0) lines.splice(own, 1);
  if (first) lines.unshift(line);
  else lines.push(line);
  const text = lines.join("\n");
  if (text.length <= MAX_CELL_CHARS) return { text, note: null };
  return {
    text: line,
    note: "The update cell's history was too long to add to (an Excel cell holds 32,767 characters), so it now holds this update alone; the earlier lines are in the Update Log.",
  };
}

/** The index of the newest line when it is the meeting's own of `day` (its words last logged); else -1. */
function ownLineOfDay(
  lines: readonly string[],
  first: boolean,
  day: DayNumber,
  lastLoggedText: string | null,
): number {
  if (lastLoggedText === null || lines.length === 0) return -1;
  const at = first ? 0 : lines.length - 1;
  const form = datedLineForm(lines[at]);
  if (!form || datedLines(lines[at], day)[0]?.day !== day) return -1;
  return foldSpaces(form.words) === foldSpaces(lastLoggedText) ? at : -1;
}

/**
 * The register's update as the meeting carries it into the Update Log: its cell's text exactly, line breaks
 * and all (`folded` is the text as read, spaces folded: the fallback for a number, and for a record joined
 * from several rows, whose rows the reader joins with a space, SPEC Reading sheets).
 */
export function carriedText(record: RiskRecord, folded: string): string {
  const raw = rawValue(record, "update");
  return typeof raw === "string" && record.rows.length === 1 && raw.trim() !== "" ? raw : folded;
}

/**
 * True when the Update Log already holds the register's update: its last entry has the cell's words, or (a
 * history of dated lines, as at the meeting's `day`) the words of the cell's newest line, which the meeting
 * wrote with them.
 */
export function heldInLog(
  old: CellValue,
  folded: string,
  lastLoggedText: string | null,
  day: DayNumber,
): boolean {
  if (lastLoggedText === null) return false;
  if (folded === lastLoggedText) return true;
  const newest = historyOf(old, day)?.newest;
  return newest !== undefined && foldSpaces(newest.words) === foldSpaces(lastLoggedText);
}

/**
 * True when the register's update carried into the log said no change: the newest of its dated lines, which
 * dates it (as at the meeting's `day`), or its words where it has none (SPEC no-change-while-slipping: "dated
 * lines saying no change").
 */
export function carriedSaysNoChange(old: CellValue, folded: string, day: DayNumber): boolean {
  const newest = historyOf(old, day)?.newest;
  return newest ? saysNoChange(newest.words) : saysNoChange(folded);
}

/**
 * A history of dated lines in an update cell: whether it puts its newest line at the top, and the form of
 * that line (the lower of two of one day in a history kept newest last); null when the cell has none. The
 * lines are read as at the meeting's `day`: a programme of later dates is no history (see datedLines).
 */
function historyOf(old: CellValue, day: DayNumber): { first: boolean; newest: DatedLineForm } | null {
  if (typeof old !== "string") return null;
  const dated = datedLines(old, day);
  if (dated.length === 0) return null;
  const first = newestFirst(dated.map((l) => l.day));
  const newest = dated.reduce((a, b) => (b.day > a.day || (b.day === a.day && !first) ? b : a));
  return { first, newest: datedLineForm(newest.line)! };
}
