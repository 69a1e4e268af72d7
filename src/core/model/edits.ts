// Changes to a workbook, as plain data: what an import or a meeting record asks to write.
// src/excel applies them to the open workbook; src/files applies them to a copy of a file.

import { parseDate, dayFromSerial } from "../parse/date";
import { dayFromIso, type DayNumber } from "../parse/day";
import { serialFromDateSystem } from "./date-system";
import type { CellValue } from "./grid";
import type { OwnedTab } from "./owned-tab";

/** One cell to write on a user sheet (0-based). Only ever asked for by an officer's action. */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  /** Number format to set (e.g. "dd/mm/yyyy" for a date serial); null keeps the cell's own. */
  format?: string | null;
  /**
   * True when `value` is a date serial (1900 system) going into a date-formatted cell, by `format` or by
   * the cell's own when `format` keeps it: a writer stores it in the workbook's date system.
   */
  date?: boolean;
}

/** Rows to add at the end of an owned log tab, created with its header when missing. */
export interface LogAppend {
  kind: "update-log" | "import-log";
  header: string[];
  rows: CellValue[][];
  /**
   * The same rows in earlier layouts of the tab: a tab made with one of those headers gets its rows, so
   * they stay under the headers they were written for (see logRowsFor).
   */
  earlier?: { header: string[]; rows: CellValue[][] }[];
  /**
   * The as-at date (ISO) of the rows appended: an existing tab's title block is brought up to it (SPEC
   * "Owned tabs": each carries the as-at date; a log's is its latest rows').
   */
  asAt?: string;
  /**
   * The whole tab (title block, header row, owned marker) to create when the log tab does not exist yet;
   * without it the writer creates a bare tab with `header` in row 1 and the marker beside it.
   */
  template?: OwnedTab;
}

/**
 * A table's totals row moved down to make room for new rows above it, inside the table (what Excel's
 * Table Rows Above does): the rows from `row` (0-based) move down by `by`, and the table grows by `by`.
 * With `intoBlankRows`, something stands below the `by` blank rows under the totals row: the totals row moves
 * down into them, and nothing further down moves.
 */
export interface TotalsRowMove {
  sheet: string;
  row: number;
  by: number;
  intoBlankRows?: true;
}

export interface WorkbookEdits {
  /** Sheets to copy before anything else is written (dated backups): `to` is an owned sheet. */
  copies: { from: string; to: string }[];
  cells: CellEdit[];
  logAppends: LogAppend[];
  /** Owned tabs to rewrite whole (Meeting Record, Risk Summary …). */
  ownedTabs: OwnedTab[];
  /** Totals rows to move down before the cells are written (the new rows go where they were). */
  totalsRowMoves?: TotalsRowMove[];
  /**
   * The new records' rows (0-based), by sheet: empty rows the cells fill, below the records. Only the table
   * that holds the records above them, and whose columns hold all their cells, grows over them.
   */
  appendedRows?: { sheet: string; rows: number[] }[];
  /**
   * Formula cells the cells written make out of date (a score `=D5*E5` under a new likelihood): the formula
   * stays and its saved result is dropped, for Excel to work out again on opening (the file writer; Excel
   * itself recalculates as the task pane writes, so the pane's writer has nothing to do). Read back, such
   * a cell is blank.
   */
  recalculated?: { sheet: string; row: number; col: number }[];
}

export function emptyEdits(): WorkbookEdits {
  return { copies: [], cells: [], logAppends: [], ownedTabs: [] };
}

/** Text that Excel would take for a formula: stored as text instead (SPEC "What must never happen"). */
export function looksLikeFormula(value: CellValue): boolean {
  return typeof value === "string" && /^[=+\-@\t\r\n]/.test(value);
}

/** How far down an existing log tab its header row is looked for (title block above it). */
export const LOG_HEADER_SEARCH_ROWS = 12;

const headerText = (v: CellValue): string => (v === null ? "" : String(v).trim().toLowerCase());

/**
 * The rows to append to an existing log tab whose first rows are `firstRows`: the current layout's when
 * the tab's header row is the current header (a later layout adds columns to an earlier one's), else an
 * earlier layout's when the header row is that layout's, else the current layout's. Width is the header's.
 */
export function logRowsFor(
  append: LogAppend,
  firstRows: readonly (readonly CellValue[])[],
): { header: string[]; rows: CellValue[][] } {
  const top = firstRows.slice(0, LOG_HEADER_SEARCH_ROWS);
  const current = { header: append.header, rows: append.rows };
  for (const layout of [current, ...(append.earlier ?? [])]) {
    const wanted = layout.header.map(headerText);
    if (top.some((row) => wanted.every((h, c) => headerText(row[c] ?? null) === h))) return layout;
  }
  return current;
}

/**
 * The cell of an owned tab's title block that holds its as-at date (the cell right of "As at"), 0-based from
 * A1 in `firstRows`; null when the first rows hold no "As at" (a bare log tab).
 */
export function headingAsAtCell(
  firstRows: readonly (readonly CellValue[])[],
): { row: number; col: number } | null {
  const rows = Math.min(firstRows.length, LOG_HEADER_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const col = firstRows[row].findIndex((v) => headerText(v ?? null) === "as at");
    if (col >= 0) return { row, col: col + 1 };
  }
  return null;
}

/**
 * The title block's as-at cell to bring up to `asAt` (ISO), as headingAsAtCell finds it; null when the tab
 * has none or its as-at is already `asAt` or later. A log's heading is as at its latest rows (SPEC "Owned
 * tabs"), so a backdated import or meeting record (`--as-at` before the last one) leaves it where it is.
 * `date1904`: the numbers in `firstRows` are as the workbook stores them in the 1904 system (the task pane
 * reads them so); the file reader's are already in the 1900 system. Every log writer asks here.
 */
export function headingAsAtToRaise(
  firstRows: readonly (readonly CellValue[])[],
  asAt: string,
  date1904: boolean,
): { row: number; col: number } | null {
  const cell = headingAsAtCell(firstRows);
  if (!cell) return null;
  const wanted = dayFromIso(asAt);
  const held = headingDay(firstRows[cell.row]?.[cell.col] ?? null, date1904);
  return wanted !== null && held !== null && held >= wanted ? null : cell;
}

/** The day a title block's as-at cell holds: a date serial, or a date typed as text; null for none. */
function headingDay(value: CellValue, date1904: boolean): DayNumber | null {
  const day =
    typeof value === "number"
      ? dayFromSerial(serialFromDateSystem(value, date1904))
      : parseDate(value, null, "lastUpdated");
  return day.ok ? day.value : null;
}
