// Gathers a workbook's memory from its own tabs: the Update Log (by the add-in or kept by hand), the
// Import Log (this layout and earlier ones) and the dated register backups (SPEC "History, appetite
// and proposals").

import type { UpdateLogField } from "../model/fields";
import { cellAt, type CellValue, type Grid } from "../model/grid";
import type {
  ConfirmedPair,
  DatedAheadRow,
  DueMove,
  EntriesByRisk,
  FactorChange,
  EntryTexts,
  HistoryData,
  HistoryLog,
  LogSheet,
} from "../model/history";
import { idKey, idListText, isPlainId, mayListIds, riskIdKeys, type MonthColumn } from "../model/records";
import { isNotWrittenNote } from "../model/writable-text";
import { OWN_ACTION_NAME } from "../model/own-action";
import type { SetAsideRow } from "../model/sheet-info";
import { parseDate, type DayNumber } from "../parse";
import { cellText } from "../read/cell-text";
import { holdsSomething } from "../read/month-columns";
import type { UpdateLogSheet } from "../read/read-workbook";
import { backupRiskKeys, datedBackupOf, type RegisterCopy } from "./backups";
import { importLogReader, type ImportLogReader, type ImportLogRow } from "./import-log";
import { LoggedSheets } from "./logged-fields";
import { monthOf } from "./month";
import type { SheetLayout } from "../read/detect-sheet";
import { datesMonthFirst, isNo, isYes, LogDates, logScore, type LogDate } from "./log-cells";
import { foldCaseAndSpaces } from "../parse/spaces";
import { splitReplaced } from "../meeting/replaced-values";
import {
  compareAt,
  emptyLog,
  monthOnlyAt,
  HistoryLogBuilder,
  NO_TEXTS,
  registerRiskKey,
  type NewEntry,
} from "./history-log";

/** A Changes cell that mentions a due date ("due", or "target date" as an actions sheet heads it). */
const SAYS_DUE = /\bdue\b|\btarget\s+date\b/i;

/** True when an Update Log's Changes cell may say a due date was moved (see dueMovesIn): most do not. */
export function mentionsDueDate(changes: string): boolean {
  return SAYS_DUE.test(changes);
}

export type { DueMove, HistoryData };

/** History with nothing in it (a workbook without logs or backups). */
export function emptyHistory(): HistoryData {
  return {
    log: emptyLog(),
    byRisk: new Map(),
    firstNamed: new Map(),
    dueMoves: new Map(),
    sheetRows: new Map(),
    logRows: 0,
    ownNumbering: new Set(),
  };
}

const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

/**
 * "ACT-0003 due 30/09/2022 → 31/10/2022" in an Update Log's Changes cell, "; " between changes; an
 * action the meeting names by its words ("Install river gauges due …") keeps all of them, and one of a
 * risk's own actions kept one a line, named by its words in quotes ("\"Chase due invoices\" on the
 * register due …"), keeps the words in its quotes whatever they say. An officer keeping the log by hand
 * writes "A-1 due date 30/09/2022 → …", "A-1 due date moved from … to …", or names the date as the
 * actions sheet heads it, "A-1 target date 30/09/2022 → 31/12/2022".
 */
const DUE_CHANGE =
  /(?:^|;)\s*("[^";]*"[^;]*?|[^;]+?)\s+(?:due(?:\s+date)?|target\s+date)(?:\s+(?:changed|moved))?(?:\s+from)?:?\s+([^;]+?)\s*(?:→|->|\bto\b)\s*([^;]+?)\s*(?=;|$)/gi;

/** "Risk target date …": the risk's own target date, no action's. */
const THE_RISK_ITSELF = /^(?:the\s+)?risk(?:'s)?$/i;

/** A due date moved from `old` to `now` (either may be unreadable: null). */
function dueMove(day: DayNumber, action: string, old: CellValue, now: CellValue): DueMove {
  const from = parseDate(old, null, "deadline");
  const to = parseDate(now, null, "deadline");
  return { day, action, from: from.ok ? from.value : null, to: to.ok ? to.value : null };
}

const NO_MOVES: readonly DueMove[] = [];

/** The due dates an Update Log's Changes cell says were moved. */
export function dueMovesIn(changes: string, day: DayNumber): DueMove[] {
  const out: DueMove[] = [];
  for (const m of changes.matchAll(DUE_CHANGE))
    if (!THE_RISK_ITSELF.test(m[1])) out.push(dueMove(day, m[1], m[2], m[3]));
  return out;
}

/** The risk a log row names (see Reading.riskOf). */
interface LoggedRisk {
  named: boolean;
  key: string;
  slot: number;
  /** The Risk ID cell it was read from. */
  cell: CellValue;
  /** The risk the next row named, the last time a row named this one. */
  next: LoggedRisk | null;
  /** The risks the cell names, once asked (see Reading.risksOf): null for itself alone, or each id of a list. */
  each?: readonly LoggedRisk[] | null;
}

/** Words after a register's sheet name that say it is one: "Highways register", "Highways risk register". */
const REGISTER_WORDS = /\s+(?:risk\s+)?register$/;

/**
 * The days a check reads the history as at: what the logs record after the as-at date had not happened yet
 * (SPEC "Latest update and the review period": counted back from the as-at date), so a check re-run as at
 * last month gives last month's answer.
 */
export interface HistoryAsAt {
  /** Log rows and backups dated after it are not read. */
  asAt: DayNumber;
  /** An Update Log row dated after it too is a date still to come, a year typed wrong: kept as datedAhead. */
  today: DayNumber;
}

/** Every row read, whatever its date (no as-at date given). */
const WHOLE_HISTORY: HistoryAsAt = { asAt: Infinity, today: Infinity };

/** Log entries being read, and the risk each belongs to. */
class Reading {
  readonly builder: HistoryLogBuilder;
  readonly dueMoves = new Map<string, DueMove[]>();
  /** Update Log rows dated after the as-at date and today (see HistoryData.datedAhead), by the key of their risk. */
  readonly datedAhead = new Map<string, DatedAheadRow[]>();
  /** The Import Log's likelihood and impact changes on risks, by entry (see factor-scores). */
  readonly factorChanges = new Map<number, FactorChange>();
  /** Update Log rows set aside, by sheet. */
  readonly setAside = new Map<string, SetAsideRow[]>();
  /** Folded risk id → its slot; the slot of each entry, by index. */
  readonly slotOf = new Map<string, number>();

  /** Register sheets that number their own risks, by name with case and runs of spaces folded. */
  private readonly ownRegisters = new Map<string, string>();
  private readonly risks = new Map<CellValue, LoggedRisk>();
  /** The risk the row before named. */
  private lastRisk: LoggedRisk | null = null;
  /** Register cells already read: the register sheet each names (undefined for none that numbers its own). */
  private readonly registerOf = new Map<CellValue, string | undefined>();

  constructor(
    capacity: number,
    ownNumbering: ReadonlySet<string>,
    readonly asOf: HistoryAsAt,
  ) {
    this.builder = new HistoryLogBuilder(capacity);
    for (const sheet of ownNumbering) this.ownRegisters.set(foldCaseAndSpaces(sheet), sheet);
  }

  /**
   * Adds a log row's entry for `risk`, the risk its Risk ID names: the register's own risk when the row
   * names (`register`) a register that numbers its own risks, else the risk of that id. Returns the key the
   * entry is kept under (see registerRiskKey and entriesOfRisk).
   */
  addFor(risk: LoggedRisk, register: CellValue, entry: NewEntry): string {
    const key = this.keyFor(risk, register);
    this.builder.add(entry, key === risk.key ? risk.slot : this.slot(key));
    return key;
  }

  /**
   * The key a log row's entry for `risk` is kept under: the register's own risk's (see registerRiskKey) when the
   * row names (`register`) a register that numbers its own risks, else the risk's folded id.
   */
  keyFor(risk: LoggedRisk, register: CellValue): string {
    const sheet = this.ownRegisters.size === 0 || register === null ? undefined : this.ownRegister(register);
    return sheet === undefined ? risk.key : registerRiskKey(sheet, risk.key);
  }

  /** Keeps an Update Log row dated after the as-at date and today for each risk it names (see datedAhead). */
  keepAhead(risks: readonly LoggedRisk[], register: CellValue, row: DatedAheadRow): void {
    for (const risk of risks) if (risk.slot >= 0) push(this.datedAhead, this.keyFor(risk, register), row);
  }

  /**
   * The risk a log row's Risk ID cell names: its text is there (`named`), its folded id (`key`, "" for none)
   * and that id's slot (-1 for none). A log names each risk many times: each id cell is read once. Before
   * the table of ids is asked, two guesses, each one comparison: the row before's risk (an import logs
   * several cells of one risk in a row), then the risk that followed it last time (a log is written month
   * after month in the same order: the meeting's queue, or the register's order when kept by hand).
   */
  riskOf(idCell: CellValue): LoggedRisk {
    const last = this.lastRisk;
    if (last !== null) {
      if (idCell === last.cell) return last;
      const guess = last.next;
      if (guess !== null && idCell === guess.cell) return (this.lastRisk = guess);
    }
    const risk = this.known(idCell);
    if (last !== null) last.next = risk;
    return (this.lastRisk = risk);
  }

  /**
   * The risks a log row's Risk ID cell names: the one, or each id of a list ("SL-10, SL-11": an action
   * that belongs to both, SPEC "Record ids"). Each cell is split once. The list is read before the next call.
   */
  risksOf(idCell: CellValue): readonly LoggedRisk[] {
    const risk = this.riskOf(idCell);
    if (risk.each === undefined) {
      if (isPlainId(idCell)) risk.each = null;
      else {
        const text = idListText(idCell);
        const keys = mayListIds(text) ? riskIdKeys(text) : [];
        risk.each = keys.length > 1 ? keys.map((key) => this.known(key)) : null;
      }
    }
    if (risk.each !== null) return risk.each;
    // A cell naming one risk (nearly all) makes no list of its own: one list, refilled, until the next call.
    this.one[0] = risk;
    return this.one;
  }

  /** What risksOf gives for a cell naming one risk. */
  private readonly one: LoggedRisk[] = [];

  /** The risk of an id cell (or of a folded id), made the first time it is named. */
  private known(idCell: CellValue): LoggedRisk {
    let risk = this.risks.get(idCell);
    if (risk === undefined) {
      // Most id cells are plain ids: their text is the cell, their key its lower case (see isPlainId).
      const text = isPlainId(idCell) ? idCell : cellText(idCell);
      const key = idKey(text);
      // `each` is there from the start, unasked: every risk has one shape (the readers read them per row).
      risk = {
        named: text !== "",
        key,
        slot: key ? this.slot(key) : -1,
        cell: idCell,
        next: null,
        each: undefined,
      };
      this.risks.set(idCell, risk);
    }
    return risk;
  }

  /**
   * The register that numbers its own risks a log row's Register (or Sheet) cell names, if any: by its sheet's
   * name, or in words ("Highways register", "Highways risk register" for the sheet Highways). Each cell read once.
   */
  private ownRegister(register: CellValue): string | undefined {
    if (this.registerOf.has(register)) return this.registerOf.get(register);
    const name = foldCaseAndSpaces(cellText(register));
    const sheet = this.ownRegisters.get(name) ?? this.ownRegisters.get(name.replace(REGISTER_WORDS, ""));
    if (this.registerOf.size < 10_000) this.registerOf.set(register, sheet);
    return sheet;
  }

  /** The slot of a folded risk id (one per risk). */
  slot(key: string): number {
    let slot = this.slotOf.get(key);
    if (slot === undefined) this.slotOf.set(key, (slot = this.slotOf.size));
    return slot;
  }
}

/** An Update Log sheet as a log sheet: its rows' words read from their cells. */
function updateLogSheet(sheet: UpdateLogSheet): LogSheet {
  const { grid, fieldColumns } = sheet;
  const text = (row: number, field: UpdateLogField) => {
    const col = fieldColumns.get(field);
    return col === undefined ? "" : cellText(cellAt(grid, row, col));
  };
  const byCol = fieldColumns.get("by");
  return {
    name: grid.sheetName,
    text: (row) => text(row - 1, "text"),
    writtenBy: (row) => (byCol === undefined ? null : cellAt(grid, row - 1, byCol)),
    texts: (row) => ({
      text: text(row - 1, "text"),
      by: text(row - 1, "by"),
      strategy: text(row - 1, "strategy"),
      changes: text(row - 1, "changes"),
      register: text(row - 1, "register"),
    }),
  };
}

/**
 * The one entry object a log reader fills row by row (the log copies it into its columns): no object per row.
 * `monthOnly` for a log whose every entry is dated by its month alone.
 */
function blankEntry(fromImport: boolean, sheet: number, monthOnly = false): NewEntry {
  return {
    day: 0,
    month: 0,
    minute: -1,
    fromImport,
    score: null,
    oldScore: null,
    noChange: false,
    flaggedNo: false,
    monthOnly,
    sheet,
    row: 0,
  };
}

/**
 * The updates read from the Update Logs before the one being read, to tell the rows an archived copy of a log
 * repeats ("Update Log (to Sep 22)", kept as the original carried on): a row of another Update Log naming the
 * same risk (and register), on the same date and time, in the same words, with the same no-change flag and
 * score is that update again, not a second one. Made only where a workbook has more than one Update Log: a
 * single log's rows are never compared.
 */
class CopiedUpdates {
  private readonly earlier = new Set<string>();
  private readonly current: string[] = [];

  /** True when an Update Log read before holds this update (see updateKey); remembered for the logs after. */
  seen(key: string): boolean {
    if (this.earlier.has(key)) return true;
    this.current.push(key);
    return false;
  }

  /** Ends the log being read: its updates are held for the next. */
  endOfLog(): void {
    for (const key of this.current) this.earlier.add(key);
    this.current.length = 0;
  }
}

/** What makes two Update Log rows the same update (see CopiedUpdates). */
function updateKey(risk: LoggedRisk, register: CellValue, date: LogDate, words: CellValue, entry: NewEntry) {
  const flag = entry.noChange ? "y" : entry.flaggedNo ? "n" : "";
  return [risk.key, cellText(register), date.day, date.minute, cellText(words), flag, entry.score].join(
    "\u0000",
  );
}

/**
 * Reads an Update Log (the add-in's, or kept by hand) straight from its columns; returns the rows read.
 * `copies`: the updates of the Update Logs read before, where there are several (see CopiedUpdates).
 */
function fromUpdateLog(sheet: UpdateLogSheet, into: Reading, copies: CopiedUpdates | null): number {
  if (sheet.months) return fromWideUpdateLog(sheet, sheet.months, into);
  const { grid, fieldColumns } = sheet;
  // Each field's index in a row of the grid (-1 when the log has no such column): the loop below reads
  // 100k rows, each cell straight from its row.
  const indexOf = (field: UpdateLogField) => {
    const col = fieldColumns.get(field);
    return col === undefined ? -1 : col - grid.colOffset;
  };
  const [idAt, dateAt, scoreAt, noChangeAt, changesAt, registerAt, wordsAt] = (
    ["riskId", "date", "score", "noChange", "changes", "register", "text"] as const
  ).map(indexOf);
  const logSheet = updateLogSheet(sheet);
  const slot = into.builder.sheetSlot(logSheet);
  const firstRow = Math.max(0, sheet.headerRow + 1 - grid.rowOffset);
  const dates = new LogDates(() => datesMonthFirst(grid.values, firstRow, dateAt));
  const entry = blankEntry(false, slot);
  const setAside = new LogRowsSetAside(grid, sheet.headerRow, dateAt);
  // The no-change cell read last, and what it says: a log says "Yes" or "No" many rows running.
  let lastFlag: CellValue | undefined = undefined;
  let flagYes = false;
  let flagNo = false;
  // Days falling or rising from one dated row to the next: a log kept newest at the top mostly falls.
  let previousDay = NaN;
  const { asAt, today } = into.asOf;
  let falls = 0;
  let rises = 0;
  let read = 0;
  for (let r = firstRow; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (!cells) continue;
    const id = idAt < 0 ? null : (cells[idAt] ?? null);
    const date = dateAt < 0 ? null : (cells[dateAt] ?? null);
    const row = r + grid.rowOffset;
    if (id === null) {
      if (date !== null && dates.of(date, grid, row, dateAt + grid.colOffset) !== null)
        setAside.add(row, "no risk id");
      continue;
    }
    // A row naming several risks ("HRC-001, HRC-002", reviewed together) is an update of each.
    const risks = into.risksOf(id);
    if (risks[0].slot < 0) continue;
    const dated = date === null ? null : dates.of(date, grid, row, dateAt + grid.colOffset);
    if (dated === null) {
      setAside.add(row, "no date", date);
      continue;
    }
    const day = dated.day;
    // Not yet written as at the as-at date (as the check of that date gave it): neither an update nor a clue
    // to the order the log is kept in.
    if (day > asAt) {
      setAside.add(row, "after the as-at date");
      if (day > today) {
        const register = registerAt < 0 ? null : (cells[registerAt] ?? null);
        into.keepAhead(risks, register, { sheet: grid.sheetName, row, col: dateAt + grid.colOffset, day });
      }
      continue;
    }
    if (day < previousDay) falls++;
    else if (day > previousDay) rises++;
    previousDay = day;
    entry.day = day;
    entry.month = dated.month;
    entry.minute = dated.minute;
    entry.monthOnly = dated.monthOnly;
    entry.score = scoreAt < 0 ? null : logScore(cells[scoreAt] ?? null);
    const flag = noChangeAt < 0 ? null : (cells[noChangeAt] ?? null);
    if (flag !== lastFlag) {
      lastFlag = flag;
      flagYes = isYes(flag);
      flagNo = !flagYes && isNo(flag);
    }
    entry.noChange = flagYes;
    entry.flaggedNo = flagNo;
    entry.row = row + 1;
    read++;
    const register = registerAt < 0 ? null : (cells[registerAt] ?? null);
    const changes = changesAt < 0 ? null : (cells[changesAt] ?? null);
    // A co-author's words a forced write kept are theirs, not the meeting's changes: never a due date moved.
    const moves =
      typeof changes === "string" && mentionsDueDate(changes)
        ? dueMovesIn(splitReplaced(cellText(changes)).own, day)
        : NO_MOVES;
    for (const risk of risks) {
      // The same update an Update Log read before holds (an archived copy of this one): counted there.
      if (
        copies !== null &&
        copies.seen(updateKey(risk, register, dated, wordsAt < 0 ? null : (cells[wordsAt] ?? null), entry))
      )
        continue;
      const riskKey = into.addFor(risk, register, entry);
      if (moves.length > 0) pushMoves(into, riskKey, risk, moves);
    }
  }
  copies?.endOfLog();
  if (setAside.rows.length) into.setAside.set(grid.sheetName, setAside.rows);
  if (falls > rises) logSheet.newestFirst = true;
  return read;
}

/**
 * Reads an Update Log kept in wide form, a row per risk and a column per month ("Risk ID | Risk Title | Jul-22 |
 * Aug-22 | Sep-22": the board's updates kept on their own tab; see UpdateLogSheet.months): each filled month's
 * cell is an update of the row's risk dated the month's first day, as a log row dated by its month alone is
 * (its words say whether anything changed: no flag column). Each month column is a log sheet of its own, so an
 * entry's words are read from its month's cell. Returns the updates read.
 */
function fromWideUpdateLog(sheet: UpdateLogSheet, months: readonly MonthColumn[], into: Reading): number {
  const { grid, fieldColumns } = sheet;
  const idCol = fieldColumns.get("riskId");
  if (idCol === undefined) return 0;
  const idAt = idCol - grid.colOffset;
  const columns = months.map((m) => ({
    at: m.col - grid.colOffset,
    day: m.day,
    month: monthOf(m.day),
    slot: into.builder.sheetSlot(monthColumnLogSheet(grid, m.col)),
  }));
  const entry = blankEntry(false, 0, true);
  let read = 0;
  for (let r = Math.max(0, sheet.headerRow + 1 - grid.rowOffset); r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (!cells) continue;
    const id = cells[idAt] ?? null;
    if (id === null) continue;
    const risks = into.risksOf(id);
    if (risks[0].slot < 0) continue;
    for (const c of columns) {
      if (!holdsSomething(cells[c.at] ?? null)) continue;
      entry.day = c.day;
      entry.month = c.month;
      entry.sheet = c.slot;
      entry.row = r + grid.rowOffset + 1;
      for (const risk of risks) into.addFor(risk, null, entry);
      read++;
    }
  }
  return read;
}

/** One month column of a wide Update Log as a log sheet: an entry's words are its row's cell in that column. */
function monthColumnLogSheet(grid: Grid, col: number): LogSheet {
  const text = (row: number) => cellText(cellAt(grid, row - 1, col));
  return { name: grid.sheetName, text, texts: (row) => ({ ...NO_TEXTS, text: text(row) }) };
}

/**
 * Keeps the due dates an Update Log row says were moved for a risk it names (`key`: the key its entry is kept
 * under). "HRC-001 target date …" on HRC-001's row is the risk's own target date, no action's.
 */
function pushMoves(into: Reading, key: string, risk: LoggedRisk, moves: readonly DueMove[]): void {
  for (const move of moves) if (idKey(move.action) !== risk.key) push(into.dueMoves, key, move);
}

/**
 * An Update Log's rows the history cannot read, for the sheet list: a row naming a risk without a date
 * it can read ("TBC", a blank), or a dated row naming no risk. A header repeated down the log is not listed.
 */
class LogRowsSetAside {
  readonly rows: SetAsideRow[] = [];
  private readonly dateHeader: string;

  constructor(grid: Grid, headerRow: number, dateAt: number) {
    const header = dateAt < 0 ? null : grid.values[headerRow - grid.rowOffset]?.[dateAt];
    this.dateHeader = cellText(header ?? null).toLowerCase();
  }

  /** Lists a 0-based sheet row (`date`: its date cell, to tell a repeated header row). */
  add(row: number, reason: SetAsideRow["reason"], date: CellValue = null): void {
    if (typeof date === "string" && cellText(date).toLowerCase() === this.dateHeader) return;
    this.rows.push({ row, reason });
  }
}

/** The words of an Import Log change. */
function importTexts(r: ImportLogRow): EntryTexts {
  return {
    text: `${r.actionId ? `action ${r.actionId}: ` : ""}${r.field}: ${cellText(r.old) || "(blank)"} → ${cellText(r.new) || "(blank)"}`,
    by: r.file ? `import of ${r.file}` : "import",
    strategy: "",
    changes: r.field,
    register: r.target,
  };
}

const isFactor = (field: string | null): field is FactorChange["factor"] =>
  field === "likelihood" || field === "impact";

/** Reads an Import Log sheet straight from its cells; returns the rows read. */
function fromImportLog(reader: ImportLogReader, into: Reading): number {
  const { grid, at } = reader;
  const slot = into.builder.sheetSlot({
    name: grid.sheetName,
    texts: (row) => {
      const r = reader.rowAt(row - 1);
      return r ? importTexts(r) : NO_TEXTS;
    },
    text: (row) => {
      const r = reader.rowAt(row - 1);
      return r ? importTexts(r).text : "";
    },
  });
  const entry = blankEntry(true, slot);
  const asAt = into.asOf.asAt;
  let read = 0;
  for (let row = reader.firstRow; row < reader.endRow; row++) {
    const cells = grid.values[row - grid.rowOffset];
    if (!cells) continue;
    const idCell = cells[at.riskId] ?? null;
    if (idCell === null) continue;
    const risks = into.risksOf(idCell);
    if (!risks[0].named) continue;
    const dated = reader.dateOf(cells, row);
    // A change made after the as-at date had not been made then.
    if (dated === null || dated.day > asAt) continue;
    read++;
    const now = at.new < 0 ? null : (cells[at.new] ?? null);
    // A cell the import left as it was (a kept formula, an over-long text) changed nothing.
    if (typeof now === "string" && isNotWrittenNote(now)) continue;
    const register = at.sheet < 0 ? null : (cells[at.sheet] ?? null);
    const header = reader.headerOf(at.field < 0 ? null : (cells[at.field] ?? null), register);
    const actionCell = at.actionId < 0 ? null : (cells[at.actionId] ?? null);
    const actionId = (actionCell === null ? "" : cellText(actionCell)) || header.action;
    const old = at.old < 0 ? null : (cells[at.old] ?? null);
    const isScore = actionId === "" && header.onRisk === "score";
    const day = dated.day;
    entry.day = day;
    entry.month = dated.month;
    entry.minute = dated.minute;
    entry.score = isScore ? logScore(now) : null;
    entry.oldScore = isScore ? logScore(old) : null;
    entry.row = row + 1;
    // A due date moved: of an actions sheet's row, or of the risk's own action on the register.
    const moved =
      actionId !== ""
        ? header.onAction === "due"
          ? actionId
          : null
        : header.onRisk === "actionDue"
          ? OWN_ACTION_NAME
          : null;
    // A risk's likelihood or impact: its score, where the register gives none, is worked out from it.
    const factor = actionId === "" && isFactor(header.onRisk) ? header.onRisk : null;
    // An action's row may name several risks: it is each one's.
    for (const risk of risks) {
      if (risk.slot < 0) continue;
      if (factor !== null) into.factorChanges.set(into.builder.count, { factor, old, now });
      const riskKey = into.addFor(risk, register, entry);
      if (moved !== null) push(into.dueMoves, riskKey, dueMove(day, moved, old, now));
    }
  }
  return read;
}

/**
 * Each risk's entry indices, in the order they happened: one array for the whole log, grouped by risk (a
 * counting sort), from which a risk's view is cut, and put in order, when it is asked for (no array per
 * entry, none grown entry by entry, and no table of every risk's view built before any is asked for).
 */
class GroupedEntries implements EntriesByRisk {
  /** Views given by `set` (a confirmed renumbering's merged entries), asked before the groups. */
  private readonly replaced = new Map<string, Int32Array>();

  constructor(
    private readonly log: HistoryLog,
    private readonly slotOf: ReadonlyMap<string, number>,
    private readonly starts: Int32Array,
    private readonly order: Int32Array,
    /** 1 for a risk whose entries were seen to be in order as they were grouped (see indicesByRisk). */
    private readonly seenInOrder: Uint8Array,
  ) {}

  get(key: string): Int32Array | undefined {
    if (this.replaced.size > 0) {
      const at = this.replaced.get(key);
      if (at) return at;
    }
    const slot = this.slotOf.get(key);
    if (slot === undefined || this.starts[slot] === this.starts[slot + 1]) return undefined;
    const at = this.order.subarray(this.starts[slot], this.starts[slot + 1]);
    if (this.seenInOrder[slot] === 0 && !inOrder(this.log, at)) at.sort((a, b) => compareAt(this.log, a, b));
    return at;
  }

  has(key: string): boolean {
    if (this.replaced.has(key)) return true;
    const slot = this.slotOf.get(key);
    return slot !== undefined && this.starts[slot] < this.starts[slot + 1];
  }

  set(key: string, at: Int32Array): void {
    this.replaced.set(key, at);
  }

  *[Symbol.iterator](): Iterator<[string, Int32Array]> {
    for (const key of this.slotOf.keys()) {
      const at = this.get(key);
      if (at) yield [key, at];
    }
    for (const [key, at] of this.replaced) if (!this.slotOf.has(key)) yield [key, at];
  }
}

/** Groups the log's entries by risk (see GroupedEntries). */
function indicesByRisk(log: HistoryLog, reading: Reading): GroupedEntries {
  const risks = reading.slotOf.size;
  const slots = reading.builder.slots;
  const starts = new Int32Array(risks + 1);
  for (let i = 0; i < log.length; i++) starts[slots[i] + 1]++;
  for (let s = 0; s < risks; s++) starts[s + 1] += starts[s];
  const next = starts.slice(0, risks);
  const order = new Int32Array(log.length);
  // Whether each risk's entries are in order is seen here, as they are grouped, where it is one look at
  // each entry in turn: an entry a day or more after the risk's entry before (not dated by its month alone)
  // is in order without the full comparison (see inOrder). A risk with any other pair is looked at whole
  // when asked for. Asked later, the same look would hop across the whole log for each risk.
  const seenInOrder = new Uint8Array(risks).fill(1);
  const lastDay = new Int32Array(risks);
  const lastMonthOnly = new Uint8Array(risks);
  const { day } = log;
  for (let i = 0; i < log.length; i++) {
    const slot = slots[i];
    if (next[slot] > starts[slot] && (lastMonthOnly[slot] === 1 || lastDay[slot] >= day[i]))
      seenInOrder[slot] = 0;
    lastDay[slot] = day[i];
    lastMonthOnly[slot] = monthOnlyAt(log, i) ? 1 : 0;
    order[next[slot]++] = i;
  }
  return new GroupedEntries(log, reading.slotOf, starts, order, seenInOrder);
}

function inOrder(log: HistoryLog, at: Int32Array): boolean {
  const day = log.day;
  for (let k = 1; k < at.length; k++) {
    // Entries a day apart or more are in order without the full comparison (unless the earlier is dated by
    // its month alone: it counts after the month's dated entries, see compareAt).
    if (day[at[k - 1]] < day[at[k]] && !monthOnlyAt(log, at[k - 1])) continue;
    if (compareAt(log, at[k - 1], at[k]) > 0) return false;
  }
  return true;
}

/**
 * The confirmed renumberings as groups of folded ids that are one risk: a pair listed twice or both ways
 * is one group, and so is a chain (HRC-014 renumbered as HRC-114, later as HRC-214).
 */
export function renumberedGroups(pairs: readonly ConfirmedPair[]): string[][] {
  const parent = new Map<string, string>();
  const root = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const pair of pairs) {
    const a = idKey(pair.oldId);
    const b = idKey(pair.newId);
    if (!a || !b || a === b) continue;
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    parent.set(root(a), root(b));
  }
  const groups = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = root(k);
    const group = groups.get(r);
    if (group) group.push(k);
    else groups.set(r, [k]);
  }
  return [...groups.values()];
}

/**
 * Reads the workbook's history: its Update Log sheets (owned or kept by hand), every sheet that is an
 * Import Log, and every dated backup. `renumbered` pairs (from the import profile) give a risk under
 * its new id the entries of its old one. `layouts`: the sheets as the check read them (by name), so that
 * an Import Log's Field is read as the header it was on the sheet its row names (see loggedField).
 * `registerCopies`: the register sheets officers copied and dated by hand, read as dated backups are.
 * `asOf`: the history as at the check's date: log rows and backups dated after it are not read (an Update Log's
 * are listed as set aside, and those dated after today too kept as datedAhead).
 */
export function collectHistory(
  grids: readonly Grid[],
  updateLogs: readonly UpdateLogSheet[],
  renumbered: readonly ConfirmedPair[] = [],
  ownNumbering: ReadonlySet<string> = new Set(),
  layouts: ReadonlyMap<string, SheetLayout> = new Map(),
  registerCopies: ReadonlyMap<string, RegisterCopy> = new Map(),
  asOf: HistoryAsAt = WHOLE_HISTORY,
): HistoryData {
  const firstNamed = new Map<string, DayNumber>();
  const importLogs: ImportLogReader[] = [];
  const sheets = new LoggedSheets(layouts);
  for (const grid of grids) {
    const backup = datedBackupOf(grid.sheetName, registerCopies, ownNumbering);
    if (backup !== null) {
      // A backup of a register that numbers its own risks dates that register's risks alone. One dated after
      // the as-at date had not been taken then: it dates nothing.
      const { day, register } = backup;
      if (day > asOf.asAt) continue;
      for (const id of backupRiskKeys(grid)) {
        const key = register === null ? id : registerRiskKey(register, id);
        const seen = firstNamed.get(key);
        if (seen === undefined || day < seen) firstNamed.set(key, day);
      }
      continue;
    }
    const reader = importLogReader(grid, sheets);
    if (reader) importLogs.push(reader);
  }
  const rowsBelow = (first: number, end: number) => Math.max(0, end - first);
  const capacity =
    updateLogs.reduce((n, s) => n + rowsBelow(s.headerRow + 1, s.grid.rowOffset + s.grid.values.length), 0) +
    importLogs.reduce((n, l) => n + rowsBelow(l.firstRow, l.endRow), 0);
  const reading = new Reading(capacity, ownNumbering, asOf);
  const sheetRows = new Map<string, number>();
  const copies = updateLogs.length > 1 ? new CopiedUpdates() : null;
  for (const sheet of updateLogs) sheetRows.set(sheet.grid.sheetName, fromUpdateLog(sheet, reading, copies));
  for (const reader of importLogs) sheetRows.set(reader.grid.sheetName, fromImportLog(reader, reading));
  const log = reading.builder.finish();
  const data: HistoryData = {
    log,
    byRisk: indicesByRisk(log, reading),
    firstNamed,
    dueMoves: reading.dueMoves,
    sheetRows,
    setAside: reading.setAside,
    logRows: [...sheetRows.values()].reduce((n, r) => n + r, 0),
    ownNumbering,
    ...(reading.factorChanges.size > 0 ? { factorChanges: reading.factorChanges } : {}),
    ...(reading.datedAhead.size > 0 ? { datedAhead: reading.datedAhead } : {}),
  };
  // A confirmed renumbering is one risk: each of its ids gets all their entries (the register may keep
  // any). On a register numbering its own risks, the rows naming it keep them under its own keys (see
  // registerRiskKey): those are joined too, register by register. The pair does not say which register
  // it was confirmed on, and an import applies it to whichever it imports into: so does the history.
  for (const ids of renumberedGroups(renumbered)) {
    joinRenumbered(data, ids);
    for (const sheet of ownNumbering)
      joinRenumbered(
        data,
        ids.map((k) => registerRiskKey(sheet, k)),
      );
  }
  return data;
}

/** Gives each of `keys` (one risk's ids, or its keys on one register) the entries, moves and first day of all. */
function joinRenumbered(data: HistoryData, keys: readonly string[]): void {
  const { log } = data;
  const entries = Int32Array.from(new Set(keys.flatMap((k) => [...(data.byRisk.get(k) ?? [])]))).sort(
    (x, y) => compareAt(log, x, y),
  );
  const moves = [...new Set(keys.flatMap((k) => data.dueMoves.get(k) ?? []))];
  const seen = keys.flatMap((k) => data.firstNamed.get(k) ?? []);
  for (const key of keys) {
    if (entries.length) data.byRisk.set(key, entries);
    if (moves.length) data.dueMoves.set(key, [...moves]);
    if (seen.length) data.firstNamed.set(key, Math.min(...seen));
  }
}
