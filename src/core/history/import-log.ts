// Finds the Import Log tabs (the add-in's, or an earlier layout without Sheet or Action ID) and reads
// their rows straight from the grid: a log of 100k rows must cost little next to the registers.

import type { CellValue, Grid } from "../model/grid";
import { cellText } from "../read/cell-text";
import { headerWords } from "../read/header-words";
import type { DayNumber } from "../parse/day";
import { datesMonthFirst, LogDates, type LogDate } from "./log-cells";
import { loggedField, LoggedSheets } from "./logged-fields";

/** One changed cell as the Import Log recorded it. */
export interface ImportLogRow {
  sheet: string;
  /** 1-based row of the log. */
  row: number;
  day: DayNumber;
  /** The register (or actions sheet) the change was made on; "" in layouts without it. */
  target: string;
  riskId: string;
  actionId: string;
  /** The header text of the changed column, without any "(action …)" suffix. */
  field: string;
  old: CellValue;
  new: CellValue;
  file: string;
}

type LogColumn = "when" | "file" | "sheet" | "riskId" | "actionId" | "field" | "old" | "new";

/** Header words of each Import Log column (SPEC "Fields": when, file, sheet, riskId, actionId, field, old, new). */
const COLUMN_WORDS: [LogColumn, string[][]][] = [
  ["when", [["when"], ["date"], ["imported"], ["date", "time"]]],
  ["file", [["file"], ["export"], ["file", "name"]]],
  ["sheet", [["sheet"], ["register"], ["register", "sheet"]]],
  ["riskId", [["risk", "id"], ["risk", "ref"], ["risk"]]],
  [
    "actionId",
    [
      ["action", "id"],
      ["action", "ref"],
    ],
  ],
  ["field", [["field"], ["column"], ["header"]]],
  ["old", [["old"], ["old", "value"], ["before"], ["was"]]],
  ["new", [["new"], ["new", "value"], ["after"], ["now"]]],
];

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w) => b.includes(w));

/** Columns of an Import Log header row, or null when the row is not one (needs when, risk id, field, old, new). */
function importLogColumns(grid: Grid, row: number): Map<LogColumn, number> | null {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  const cols = new Map<LogColumn, number>();
  for (let i = 0; i < r.length; i++) {
    const words = headerWords(cellText(r[i]));
    if (words.length === 0) continue;
    for (const [column, options] of COLUMN_WORDS) {
      if (cols.has(column)) continue;
      if (options.some((o) => sameWords(o, words))) {
        cols.set(column, i + grid.colOffset);
        break;
      }
    }
  }
  const needed: LogColumn[] = ["when", "riskId", "field", "old", "new"];
  return needed.every((c) => cols.has(c)) ? cols : null;
}

/** Finds the Import Log's header row in rows 1–20, or null when the sheet is not an Import Log. */
export function findImportLog(grid: Grid): { headerRow: number; columns: Map<LogColumn, number> } | null {
  const last = Math.min(grid.rowOffset + grid.values.length, 20);
  for (let row = grid.rowOffset; row < last; row++) {
    const columns = importLogColumns(grid, row);
    if (columns) return { headerRow: row, columns };
  }
  return null;
}

/**
 * "Target Date (action A-1)": the header, and the action named in the suffix. The action may be named by its
 * words, brackets and all ("(action Install river gauges (phase 2))"), and a note in brackets may follow.
 */
const ACTION_SUFFIX = /^(.*?)\s*\(action ((?:[^()]|\([^()]*\))*)\)(?:\s*\([^()]*\))?\s*$/;

/** A logged column header ("Target Date (action A-1)"): the field's header, and the action its suffix names. */
export interface LoggedHeader {
  field: string;
  /** The action named by an "(action …)" suffix; "" when none. */
  action: string;
  /** The field the header means on a risk's row, and on an action's (see loggedField). */
  onRisk: string | null;
  onAction: string | null;
}

/** Reads an Import Log's rows (0-based sheet rows, `firstRow` to before `endRow`). */
export interface ImportLogReader {
  grid: Grid;
  firstRow: number;
  endRow: number;
  /** Each column's index in a row of `grid.values`; -1 where the layout has no such column. */
  at: Record<LogColumn, number>;
  /** The date of a row's When cell (each distinct value read once), or null when it holds no date. */
  dateOf(cells: readonly CellValue[], row: number): LogDate | null;
  /**
   * A Field cell read as a logged header on the sheet a Sheet cell names (each distinct pair read once:
   * the same header may mean another field, or none, on another sheet).
   */
  headerOf(value: CellValue, sheet: CellValue): LoggedHeader;
  /** The change a 0-based sheet row records, as one object (to show it), or null for a row without a date or a risk id. */
  rowAt(row: number): ImportLogRow | null;
}

const LOG_COLUMNS: readonly LogColumn[] = COLUMN_WORDS.map(([column]) => column);

/**
 * Reads the rows of an Import Log sheet straight from its grid; null when the sheet is not an Import Log.
 * A log of 100k rows repeats its dates, file, sheet and field names: each distinct value is read once.
 * `sheets`: the registers and actions sheets as the check read them, whose headers the Fields were.
 */
export function importLogReader(
  grid: Grid,
  sheets: LoggedSheets = new LoggedSheets(),
): ImportLogReader | null {
  const found = findImportLog(grid);
  if (!found) return null;
  const { headerRow, columns } = found;
  const at = {} as Record<LogColumn, number>;
  for (const c of LOG_COLUMNS) {
    const col = columns.get(c);
    at[c] = col === undefined ? -1 : col - grid.colOffset;
  }
  const dates = new LogDates(() => datesMonthFirst(grid.values, headerRow + 1 - grid.rowOffset, at.when));
  const dateOf = (cells: readonly CellValue[], row: number) =>
    dates.of(cells[at.when] ?? null, grid, row, at.when + grid.colOffset);
  // Headers read, by Sheet cell then Field cell; the last Sheet cell's are at hand (a log names few sheets).
  const bySheet = new Map<CellValue, Map<CellValue, LoggedHeader>>();
  let lastSheet: CellValue | undefined;
  let headers = new Map<CellValue, LoggedHeader>();
  const headerOf = (value: CellValue, sheet: CellValue) => {
    if (sheet !== lastSheet) {
      let known = bySheet.get(sheet);
      if (known === undefined && bySheet.size < 1_000) bySheet.set(sheet, (known = new Map()));
      headers = known ?? new Map();
      lastSheet = sheet;
    }
    let header = headers.get(value);
    if (header === undefined) {
      const logged = cellText(value);
      const suffix = ACTION_SUFFIX.exec(logged);
      const field = suffix ? suffix[1] : logged;
      const named = sheets.named(sheet);
      header = {
        field,
        action: suffix ? suffix[2] : "",
        onRisk: loggedField(field, false, named),
        onAction: loggedField(field, true, named),
      };
      if (headers.size < 10_000) headers.set(value, header);
    }
    return header;
  };
  const cell = (cells: readonly CellValue[], c: LogColumn) => (at[c] < 0 ? null : (cells[at[c]] ?? null));
  const rowAt = (row: number): ImportLogRow | null => {
    const cells = grid.values[row - grid.rowOffset];
    if (!cells) return null;
    const day = dateOf(cells, row)?.day ?? null;
    const riskId = cellText(cell(cells, "riskId"));
    if (day === null || !riskId) return null;
    const { field, action } = headerOf(cell(cells, "field"), cell(cells, "sheet"));
    return {
      sheet: grid.sheetName,
      row: row + 1,
      day,
      target: cellText(cell(cells, "sheet")),
      riskId,
      actionId: cellText(cell(cells, "actionId")) || action,
      field,
      old: cell(cells, "old"),
      new: cell(cells, "new"),
      file: cellText(cell(cells, "file")),
    };
  };
  return {
    grid,
    firstRow: headerRow + 1,
    endRow: grid.rowOffset + grid.values.length,
    at,
    dateOf,
    headerOf,
    rowAt,
  };
}
