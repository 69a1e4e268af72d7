// The workbook's log entries in columns: one typed-array slot per Update Log or Import Log row, and per
// risk the slots in the order they happened. A history of 120k log rows makes no object per row; an
// entry's words are read from its log row only when the meeting card or the Check view shows it.

import type {
  DatedAheadRow,
  DueMove,
  EntryTexts,
  HistoryData,
  HistoryEntry,
  HistoryLog,
  LogSheet,
} from "../model/history";
import type { DayNumber } from "../parse/day";

/** What one entry is made of when it is added to the log. */
export interface NewEntry {
  day: number;
  month: number;
  /** Minutes after midnight when the log gives a time; -1 or missing when not. */
  minute?: number;
  fromImport: boolean;
  score: number | null;
  oldScore: number | null;
  noChange: boolean;
  /** The log's no-change cell says No outright (not blank): the entry is a real update, whatever its words. */
  flaggedNo?: boolean;
  /** Dated by its month alone ("Sept 2022"): `day` is the month's first; it counts after the month's dated entries. */
  monthOnly?: boolean;
  /** Slot of its log sheet (see {@link HistoryLogBuilder.sheetSlot}). */
  sheet: number;
  /** 1-based row of the log sheet. */
  row: number;
}

const IMPORT = 1;
const NO_CHANGE = 2;
const FLAGGED_NO = 4;
const MONTH_ONLY = 8;

/** A typed array twice as long (16 at least), holding `a`'s values first. */
export function doubled<T extends Int32Array | Int16Array | Float64Array | Uint8Array | Uint16Array>(
  a: T,
  make: new (n: number) => T,
): T {
  const b = new make(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Adds entries to a log sized for `capacity` of them (more make it grow); `finish` gives the log. Each
 * entry is added with the slot of the risk it belongs to (`slots`: what the entries are grouped by).
 */
export class HistoryLogBuilder {
  private length = 0;
  private day: Int32Array;
  private month: Int32Array;
  private minute: Int16Array;
  private score: Float64Array;
  private oldScore: Float64Array;
  private flags: Uint8Array;
  private sheet: Uint16Array;
  private row: Int32Array;
  /** The risk slot of each entry. */
  slots: Int32Array;
  private readonly sheets: LogSheet[] = [];

  constructor(capacity: number) {
    this.day = new Int32Array(capacity);
    this.month = new Int32Array(capacity);
    this.minute = new Int16Array(capacity);
    this.score = new Float64Array(capacity);
    this.oldScore = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.sheet = new Uint16Array(capacity);
    this.row = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** The slot the entries of a log sheet name it by. */
  sheetSlot(sheet: LogSheet): number {
    this.sheets.push(sheet);
    return this.sheets.length - 1;
  }

  /** How many entries were added: the index the next one gets. */
  get count(): number {
    return this.length;
  }

  /** Adds one entry of the risk in `slot`; returns its index. */
  add(e: NewEntry, slot: number): number {
    if (this.length === this.day.length) this.grow();
    const i = this.length++;
    this.day[i] = e.day;
    this.month[i] = e.month;
    this.minute[i] = e.minute ?? -1;
    this.score[i] = e.score ?? NaN;
    this.oldScore[i] = e.oldScore ?? NaN;
    this.flags[i] =
      (e.fromImport ? IMPORT : 0) |
      (e.noChange ? NO_CHANGE : 0) |
      (e.flaggedNo ? FLAGGED_NO : 0) |
      (e.monthOnly ? MONTH_ONLY : 0);
    this.sheet[i] = e.sheet;
    this.row[i] = e.row;
    this.slots[i] = slot;
    return i;
  }

  /** Room for more entries than the capacity asked for (a log row naming several risks adds one each). */
  private grow(): void {
    this.day = doubled(this.day, Int32Array);
    this.month = doubled(this.month, Int32Array);
    this.minute = doubled(this.minute, Int16Array);
    this.score = doubled(this.score, Float64Array);
    this.oldScore = doubled(this.oldScore, Float64Array);
    this.flags = doubled(this.flags, Uint8Array);
    this.sheet = doubled(this.sheet, Uint16Array);
    this.row = doubled(this.row, Int32Array);
    this.slots = doubled(this.slots, Int32Array);
  }

  finish(): HistoryLog {
    const { length, day, month, minute, score, oldScore, flags, sheet, row, sheets } = this;
    return { length, day, month, minute, score, oldScore, flags, sheet, row, sheets };
  }
}

/** A log with no entries. */
export function emptyLog(): HistoryLog {
  return new HistoryLogBuilder(0).finish();
}

/** The entry's score, or null when it gives none. */
export function scoreAt(log: HistoryLog, i: number): number | null {
  const s = log.score[i];
  return Number.isNaN(s) ? null : s;
}

/** The score before the entry (an Import Log change's Old value), or null. */
export function oldScoreAt(log: HistoryLog, i: number): number | null {
  const s = log.oldScore[i];
  return Number.isNaN(s) ? null : s;
}

/** True for an Import Log entry. */
export function isImportAt(log: HistoryLog, i: number): boolean {
  return (log.flags[i] & IMPORT) !== 0;
}

/** True for an Update Log entry flagged "no change". */
export function noChangeAt(log: HistoryLog, i: number): boolean {
  return (log.flags[i] & NO_CHANGE) !== 0;
}

/**
 * True for an Update Log entry whose no-change cell says No outright: it is not a "no change", whatever
 * its words (a blank cell, or a log without the column, leaves that to the words).
 */
export function flaggedNoAt(log: HistoryLog, i: number): boolean {
  return (log.flags[i] & FLAGGED_NO) !== 0;
}

/** The words of an entry whose row says nothing (or no longer holds one). */
export const NO_TEXTS: EntryTexts = Object.freeze({
  text: "",
  by: "",
  strategy: "",
  changes: "",
  register: "",
});

/** The index of a risk's newest Update Log entry (its entries in order), or -1 when it has none. */
export function lastUpdateAt(log: HistoryLog, at: ArrayLike<number>): number {
  for (let k = at.length - 1; k >= 0; k--) if (!isImportAt(log, at[k])) return at[k];
  return -1;
}

/**
 * The day of a risk's newest Update Log entry (its entries in order), or null when it has none. An entry dated
 * by its month alone stands on the month's first day but counts after the month's dated entries (see
 * compareAt): the risk was last updated no earlier than the latest of them.
 */
export function lastUpdateDay(log: HistoryLog, at: ArrayLike<number>): DayNumber | null {
  const newest = lastUpdateAt(log, at);
  if (newest < 0) return null;
  let day = log.day[newest];
  if (!monthOnlyAt(log, newest)) return day;
  const month = log.month[newest];
  for (let k = at.length - 1; k >= 0 && log.month[at[k]] === month; k--)
    if (!isImportAt(log, at[k])) day = Math.max(day, log.day[at[k]]);
  return day;
}

/** The entry's words, read from its log row. */
export function textsAt(log: HistoryLog, i: number): EntryTexts {
  return log.sheets[log.sheet[i]].texts(log.row[i]);
}

/** Who wrote an Update Log row that carries the register's own update into the log before a meeting's. */
export const REGISTER_AUTHOR = "(register, before the meeting)";

/**
 * True when entry `i` is the register's own update the meeting carried into the log. Versions before stop 27
 * flagged such rows No for no change whatever their words: their words say it (see noChangeSaid).
 */
export function carriedFromRegisterAt(log: HistoryLog, i: number): boolean {
  if (isImportAt(log, i)) return false;
  const sheet = log.sheets[log.sheet[i]];
  // The add-in writes the marker exactly: the raw cell is compared, not read into words.
  return sheet.writtenBy
    ? sheet.writtenBy(log.row[i]) === REGISTER_AUTHOR
    : textsAt(log, i).by === REGISTER_AUTHOR;
}

/** An entry's update text alone (see LogSheet.text). */
export function textAt(log: HistoryLog, i: number): string {
  return log.sheets[log.sheet[i]].text(log.row[i]);
}

/** One entry as an object (for showing it). */
export function entryAt(log: HistoryLog, i: number): HistoryEntry {
  return {
    day: log.day[i],
    month: log.month[i],
    source: isImportAt(log, i) ? "import-log" : "update-log",
    score: scoreAt(log, i),
    oldScore: oldScoreAt(log, i),
    noChange: noChangeAt(log, i),
    ...textsAt(log, i),
    sheet: log.sheets[log.sheet[i]].name,
    row: log.row[i],
  };
}

/** True for an entry dated by its month alone ("Sept 2022"): its day is the month's first. */
export function monthOnlyAt(log: HistoryLog, i: number): boolean {
  return (log.flags[i] & MONTH_ONLY) !== 0;
}

/**
 * Orders two entries as they happened: by day; on the same day Import Log entries before Update Log
 * ones (SPEC: the Update Log counts after); within one log, in the order its rows were written. An entry
 * dated by its month alone ("Sept 2022") says what the month came to: it counts after the entries dated
 * on a day of that month; month-only entries of one month are ordered among themselves as one day's are.
 */
export function compareAt(log: HistoryLog, a: number, b: number): number {
  const monthOnlyA = log.flags[a] & MONTH_ONLY;
  if (monthOnlyA !== (log.flags[b] & MONTH_ONLY) && log.month[a] === log.month[b]) return monthOnlyA ? 1 : -1;
  if (log.day[a] !== log.day[b]) return log.day[a] - log.day[b];
  // Two times of one day, where both entries give one ("20/09/2022 10:00", "… 16:00"), in that order.
  const minuteA = log.minute[a];
  const minuteB = log.minute[b];
  if (minuteA >= 0 && minuteB >= 0 && minuteA !== minuteB) return minuteA - minuteB;
  const importA = log.flags[a] & IMPORT;
  const importB = log.flags[b] & IMPORT;
  if (importA !== importB) return importB - importA;
  if (log.sheet[a] !== log.sheet[b]) {
    const sa = log.sheets[log.sheet[a]].name;
    const sb = log.sheets[log.sheet[b]].name;
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  // Within one log, in the order it was written: down the sheet, or up it in a log kept newest at the top.
  return log.sheets[log.sheet[a]].newestFirst ? log.row[b] - log.row[a] : log.row[a] - log.row[b];
}

/** A risk's entries: the log and the indices of its entries, in the order they happened. */
export interface LogEntries {
  log: HistoryLog;
  at: ArrayLike<number>;
}

const NONE = new Int32Array(0);

/** One "no entries" per log: most risks of a register without logs share it. */
const noEntries = new WeakMap<HistoryLog, LogEntries>();

/** Where registers number their own risks, the key of one register's risk: its sheet and folded id. */
export function registerRiskKey(sheet: string, key: string): string {
  return `${sheet}\u0000${key}`;
}

/**
 * A risk's log entries, in the order they happened. Where its register numbers its own risks (SPEC "Ids
 * numbered per sheet"), the rows that name that register and the rows that name none (shared by the risks
 * of that id) together; otherwise the rows of its folded id (`key`, see idKey; "" for none).
 */
export function entriesOfRisk(history: HistoryData, sheet: string, key: string): LogEntries {
  if (!key || !history.ownNumbering.has(sheet)) return entriesFor(history, key);
  const own = history.byRisk.get(registerRiskKey(sheet, key));
  const shared = history.byRisk.get(key);
  if (!own) return entriesFor(history, key);
  if (!shared) return { log: history.log, at: own };
  const log = history.log;
  const both = new Int32Array(own.length + shared.length);
  both.set(own);
  both.set(shared, own.length);
  return { log, at: both.sort((a, b) => compareAt(log, a, b)) };
}

/** The action due dates the logs say were moved for a risk, from the rows {@link entriesOfRisk} gives it. */
export function dueMovesOfRisk(history: HistoryData, sheet: string, key: string): readonly DueMove[] {
  const shared = (key && history.dueMoves.get(key)) || NO_MOVES;
  if (!key || !history.ownNumbering.has(sheet)) return shared;
  const own = history.dueMoves.get(registerRiskKey(sheet, key));
  return own ? (shared.length ? [...own, ...shared] : own) : shared;
}

const NO_MOVES: readonly DueMove[] = [];

/**
 * The Update Log rows dated after the as-at date and today that name a risk (see HistoryData.datedAhead), keyed
 * as {@link entriesOfRisk} finds its rows: on a register numbering its own risks, the rows naming it and those
 * naming none.
 */
export function datedAheadOfRisk(history: HistoryData, sheet: string, key: string): readonly DatedAheadRow[] {
  const ahead = history.datedAhead;
  if (!ahead || !key) return NO_AHEAD;
  const shared = ahead.get(key) ?? NO_AHEAD;
  if (!history.ownNumbering.has(sheet)) return shared;
  const own = ahead.get(registerRiskKey(sheet, key));
  return own ? [...own, ...shared] : shared;
}

const NO_AHEAD: readonly DatedAheadRow[] = [];

/** The entries kept under `key` (a folded id, or a register's own key: see registerRiskKey; "" for none). */
export function entriesFor(history: HistoryData, key: string): LogEntries {
  const at = key ? history.byRisk.get(key) : undefined;
  if (at) return { log: history.log, at };
  let none = noEntries.get(history.log);
  if (!none) noEntries.set(history.log, (none = { log: history.log, at: NONE }));
  return none;
}

/** An entry not read from a log sheet (a row the meeting has just written), with its words. */
export interface AddedEntry extends Omit<NewEntry, "sheet" | "row"> {
  texts: EntryTexts;
}

/**
 * Rows of a sheet added after what a check read: numbered past Excel's last row (1,048,576), so of one day's
 * rows in that sheet they count after every row it held, as the rows appended to it will.
 */
const ADDED_ROWS_FROM = 1_048_577;

/**
 * A risk's entries with `added` ones (rows written to the log sheet `sheetName` since the check read it, in
 * the order written): a log of their own, in the order they happened, as a check reading the sheet again
 * would give them. Made for one risk (the meeting card's), not for a register.
 */
export function entriesWith(
  entries: LogEntries,
  added: readonly AddedEntry[],
  sheetName: string,
): LogEntries {
  const { log, at } = entries;
  const builder = new HistoryLogBuilder(at.length + added.length);
  // The entries keep their sheets' slots: each sheet still gives their words.
  for (const sheet of log.sheets) builder.sheetSlot(sheet);
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    builder.add(
      {
        day: log.day[i],
        month: log.month[i],
        minute: log.minute[i],
        fromImport: isImportAt(log, i),
        score: scoreAt(log, i),
        oldScore: oldScoreAt(log, i),
        noChange: noChangeAt(log, i),
        flaggedNo: flaggedNoAt(log, i),
        monthOnly: monthOnlyAt(log, i),
        sheet: log.sheet[i],
        row: log.row[i],
      },
      0,
    );
  }
  const words = (row: number) => added[row - ADDED_ROWS_FROM]?.texts ?? NO_TEXTS;
  const slot = builder.sheetSlot({ name: sheetName, texts: words, text: (row) => words(row).text });
  added.forEach((e, k) => builder.add({ ...e, sheet: slot, row: ADDED_ROWS_FROM + k }, 0));
  const all = builder.finish();
  const order = Int32Array.from({ length: all.length }, (_, i) => i);
  return { log: all, at: order.sort((a, b) => compareAt(all, a, b)) };
}

/** A risk's entries as objects, in the order they happened. */
export function entriesOf(list: LogEntries): HistoryEntry[] {
  return Array.from(list.at, (i) => entryAt(list.log, i));
}
