// Reads the dates an update history carries in its text ("12/09/22 – reviewed at RMB", "… (RC 12/09/22)").

import { DAY_FIRST_PART_SOURCE, parseDate } from "./date";
import type { DayNumber } from "./day";
import { htmlLines } from "./html";
import { MONTH_WORD_SOURCE } from "./months";

const M = MONTH_WORD_SOURCE;
const DIGIT = /\d/;
const LINE_BREAK = /\r\n|[\n\r]/;
/** Between a day-first date's numbers, as the date parser takes it: a slash (spaces around it too), a dot, a dash. */
const PART = DAY_FIRST_PART_SOURCE;
/** An ISO, day-first ("12/09/22", "12 / 09 / 2022") or day-month-year date as written in an update line. */
const DATE_TEXT = String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}${PART}\d{1,2}${PART}(?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?[\s-]+(?:${M})\.?,?[\s-]+(?:\d{4}|\d{2})`;
/** The words of a week's date: "w/c", "w/b", "week commencing (beginning, starting)". */
const WEEK_WORDS = String.raw`(?:w\s*\/?\s*[cb]|week\s+(?:commencing|beginning|starting))\.?:?`;
/**
 * A month with its four-digit year ("Oct 2022"), or as Excel shows one, its two-digit year after a hyphen
 * ("Sep-22", a register's month columns' form); "June 15" is no month.
 */
const MONTH_TEXT = String.raw`(?:${M})\.?(?:\s+|-)\d{4}|(?:${M})-\d{2}`;
/**
 * A date as written at the start of an update line: the forms above, a week commencing one of them
 * ("w/c 12/09/22") or a month with its year.
 */
const LINE_START_TEXT = String.raw`${WEEK_WORDS}\s+(?:${DATE_TEXT})|${MONTH_TEXT}|${DATE_TEXT}`;
/**
 * Words that may come before the date at the start of a line and still make it the line's own date
 * ("Update 28/09/22: …", "Reviewed 28/09/22 at RMB", "As at 28/09/22"), maybe with "on" and a colon or
 * bracket after them. Not "Review" or "Due": a date after those says when something is to happen.
 */
const UPDATE_WORD = String.raw`(?:update|updated|reviewed|comments?|notes?|progress|position|as\s+(?:at|of))(?:\s+on)?\s*[:(–-]?\s*`;
/** A day of the week before the date ("Mon 03/10/2022", "Tues. 04/10/22", "Monday, 3 October 2022"). */
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:s|nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+`;
/**
 * A date starting a line, maybe after a bullet, a dash or an opening bracket ("[03/10/2022 09:14] J Smith: …"),
 * an update word (group 1) and a day of the week; the date is group 2.
 */
const LEADING = new RegExp(
  String.raw`^\s*[-–•*[(]?\s*(${UPDATE_WORD})?(?:${WEEKDAY})?(${LINE_START_TEXT})(?=$|[\s:;,–—)\]-])`,
  "i",
);
/** A month and year alone ("Oct 2022", "Sept. 2022"), with no day. */
const MONTH_ONLY = new RegExp(String.raw`^${MONTH_TEXT}$`, "i");
/**
 * What follows a month heading an entry: a separator ("Oct 2022: …", "Oct 2022 – …", "[Oct 2022] …") or
 * nothing (the month is the whole line). Not a word: "March 2023 budget setting will …" is a sentence about
 * March, and not a year's second half: "Apr 2022-23" is a financial year.
 */
const AFTER_MONTH = /^\s*(?:[:–—)\]]|-(?!\d)|\.?\s*$)/;
/**
 * Words before a date closing a line in brackets that make it a deadline, when something is to happen rather
 * than when the line was written: "completion expected (12/12/22)", "(due 12/12/22)", "(target date …)",
 * "programmed (w/c 14/11/22)" (a week alone, "(w/c 12/09/22)", stays the line's date).
 */
const DEADLINE_BEFORE = new RegExp(
  String.raw`\b(?:expected|expects?|due|by|until|till|before|target(?:ed)?|programmed|planned|scheduled|completion|deadline|estimated|anticipated|forecast|eta|start)(?:\s+date)?\s*:?\s*\(?\s*(?:${WEEK_WORDS}\s*)?$`,
  "i",
);
/**
 * A line ending with a colon ("Contractor's programme received:", "Next steps:-") heads a list: its lines
 * are the list's items (see datedLines).
 */
const LIST_HEADING = /:-?\s*$/;
/**
 * A list heading that labels a history, never a programme: "Latest update:", "Update:", "Progress:",
 * "Review:", "History:", "Commentary:", "Update history:" — the lines under it are the update's entries, so a
 * date after the as-at date there is a typo to flag (risk/future-date), not a plan (see isProgramme).
 */
const HISTORY_HEADING =
  /^\s*[-–•*]?\s*(?:(?:latest|last|recent|previous|monthly|progress|review|update|status)\s+)?(?:updates?|progress|reviews?|history|commentary|comments?|notes?)(?:\s+(?:history|log))?\s*:-?\s*$/i;
/**
 * A line that closes with a bracket holding a date, maybe after initials: "(RC 12/09/22)". Not a month
 * or week: "… (due Oct 2022)" says when work is due, not when the line was written.
 */
const CLOSING = new RegExp(String.raw`\(\s*(?:[^()]*?\s)?(${DATE_TEXT})\s*\)\s*[.;]?\s*$`, "i");

/** One dated line of an update history: its date (as an update date) and its text. */
export interface DatedLine {
  day: DayNumber;
  line: string;
}

/** The lines of an update text as they are read: rich text's (HTML) paragraphs and <br>s, else its line breaks. */
export function updateLines(text: string): string[] {
  return (text.includes("<") ? htmlLines(text) : text).split(LINE_BREAK);
}

/** Where a line's date is written: the date text, where it stands in the line, and whether it closes the line. */
interface DateInLine {
  date: string;
  start: number;
  end: number;
  closing: boolean;
}

/**
 * The date a line starts with, or closes with in brackets; null for an undated line. A month starting the
 * line dates it only as an entry's heading (see AFTER_MONTH), or after an update word ("Update Oct 2022 …");
 * a bracketed date after a deadline word (see DEADLINE_BEFORE) dates nothing.
 */
function dateInLine(line: string): DateInLine | null {
  if (!DIGIT.test(line)) return null;
  const lead = LEADING.exec(line);
  // LEADING is anchored at the line's start and ends where its date does (a look-ahead follows it).
  if (
    lead &&
    (lead[1] !== undefined || !MONTH_ONLY.test(lead[2]) || AFTER_MONTH.test(line.slice(lead[0].length)))
  )
    return { date: lead[2], start: lead[0].length - lead[2].length, end: lead[0].length, closing: false };
  const close = CLOSING.exec(line);
  if (!close) return null;
  const start = line.lastIndexOf(close[1]);
  if (DEADLINE_BEFORE.test(line.slice(0, start))) return null;
  return { date: close[1], start, end: start + close[1].length, closing: true };
}

/** A line's own date as an update date (see dateInLine), or null. */
function datedLine(line: string): DatedLine | null {
  const m = dateInLine(line);
  if (!m) return null;
  const d = parseDate(m.date, null, "lastUpdated");
  return d.ok ? { day: d.value, line } : null;
}

/**
 * True when the dated lines under a list heading are a programme, what is planned, not the update's history:
 * every one is after the as-at date ("Contractor's programme received:⏎14/11/22 – traffic management in
 * place⏎12/12/22 – works complete"). Lines on or before it are a history under its label ("Update:⏎12/09/22 –
 * …⏎10/08/22 – …").
 */
function isProgramme(items: readonly DatedLine[], asAt: DayNumber): boolean {
  return items.length > 0 && items.every((l) => l.day > asAt);
}

/**
 * The lines of an update text that start with a date, or close with one in brackets, in the order
 * written. Dates mean when something was updated: a month its first day, a week its Monday. The lines
 * under a heading ending with a colon, up to the next heading or a blank line after them, are left out when
 * they are a programme as at `asAt` (see isProgramme), unless the heading labels a history (HISTORY_HEADING);
 * the heading's own date, if any, is kept.
 */
export function datedLines(text: string, asAt: DayNumber): DatedLine[] {
  // Most update cells hold no date at all: a digit is needed for any dated line.
  if (!DIGIT.test(text)) return [];
  const out: DatedLine[] = [];
  // The dated lines under the current list heading, and whether any line (dated or not) followed it.
  let items: DatedLine[] | null = null;
  let itemsFollow = false;
  const endList = () => {
    if (items && !isProgramme(items, asAt)) out.push(...items);
    items = null;
  };
  for (const line of updateLines(text)) {
    if (line.trim() === "") {
      if (itemsFollow) endList();
      continue;
    }
    const dated = datedLine(line);
    if (LIST_HEADING.test(line)) {
      endList();
      if (dated) out.push(dated);
      items = HISTORY_HEADING.test(line) ? null : [];
      itemsFollow = false;
      continue;
    }
    itemsFollow = true;
    if (dated) (items ?? out).push(dated);
  }
  endList();
  return out;
}

/**
 * How a dated line is written, to write another like it: what stands before the date (a bullet, "Update"),
 * the date as written, what stands between it and the words ("–" with its spaces, ": "), and the words.
 * A date closing the line in brackets ("… (RC 12/09/22)") has the words before the bracket.
 */
export interface DatedLineForm {
  closing: boolean;
  before: string;
  date: string;
  after: string;
  words: string;
}

/** A day of the week just before the date: the new date's day is another. */
const WEEKDAY_AT_END = new RegExp(String.raw`${WEEKDAY}$`, "i");
/** What stands between a starting date and the line's words: spaces and punctuation ("–", ":", "]"). */
const AFTER_DATE = /^\s*[–—:;,)\]-]*\s*/;
/** The bracket a closing date stands in, with anything before the date inside it ("(RC "). */
const CLOSING_BRACKET = /\s*\([^()]*$/;

/** The form of a dated line (see DatedLineForm); null for a line with no date of its own. */
export function datedLineForm(line: string): DatedLineForm | null {
  const m = dateInLine(line);
  if (!m) return null;
  if (m.closing) {
    const head = line.slice(0, m.start).replace(CLOSING_BRACKET, "");
    return { closing: true, before: "", date: m.date, after: "", words: head.trim() };
  }
  const rest = line.slice(m.end);
  const after = AFTER_DATE.exec(rest)![0];
  return {
    closing: false,
    before: line.slice(0, m.start).replace(WEEKDAY_AT_END, "").trimStart(),
    date: m.date,
    after,
    words: rest.slice(after.length).trim(),
  };
}

/**
 * The newest date that starts a line of an update text, or closes one in brackets, as at `asAt` (see
 * datedLines); null when none.
 */
export function latestDatedLine(text: string, asAt: DayNumber): DayNumber | null {
  let best: DayNumber | null = null;
  for (const { day } of datedLines(text, asAt)) if (best === null || day > best) best = day;
  return best;
}
