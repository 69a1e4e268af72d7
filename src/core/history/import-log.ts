// Finds the Import Log tabs (the add-in's, or an earlier layout without Sheet or Action ID) and reads
// their rows straight from the grid: a log of 100k rows must cost little next to the registers.

import { cellAt, formatAt, type CellValue, type Grid } from "../model/grid";
import { cellText } from "../read/cell-text";
import { headerWords } from "../read/header-words";
import { mapHeaders } from "../read/map-headers";
import type { DayNumber } from "../parse/day";
import { logDay } from "./log-cells";

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

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w) => b.includes(w));

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

const ACTION_SUFFIX = /^(.*?)\s*\(action ([^)]*)\)\s*$/;

/** Reads an Import Log's rows one at a time (0-based sheet rows, `firstRow` to before `endRow`). */
export interface ImportLogReader {
  firstRow: number;
  endRow: number;
  rowAt(row: number): ImportLogRow | null;
}

/**
 * Reads the rows of an Import Log sheet one at a time: `rowAt` gives the change a 0-based sheet row
 * records, or null for a row without a date or a risk id. Null when the sheet is not an Import Log.
 */
export function importLogReader(grid: Grid): ImportLogReader | null {
  const found = findImportLog(grid);
  if (!found) return null;
  const { headerRow, columns } = found;
  const memo = new Map<CellValue, DayNumber | null>();
  // Each column's place, looked up once (rowAt runs for every row of a 100k-row log).
  const [whenCol, riskIdCol, fieldCol, actionIdCol, sheetCol, fileCol, oldCol, newCol] = (
    ["when", "riskId", "field", "actionId", "sheet", "file", "old", "new"] as const
  ).map((c) => columns.get(c));
  // A log repeats its file, sheet and field names on every row: each text is read once.
  const texts = new Map<CellValue, string>();
  const text = (row: number, at: number | undefined) => {
    if (at === undefined) return "";
    const value = cellAt(grid, row, at);
    let t = texts.get(value);
    if (t === undefined) {
      t = cellText(value);
      if (texts.size < 100_000) texts.set(value, t);
    }
    return t;
  };
  // "Target Date (action A-1)": the field and the action, read once per logged header.
  const suffixes = new Map<string, RegExpExecArray | null>();
  const rowAt = (row: number): ImportLogRow | null => {
    const day = logDay(cellAt(grid, row, whenCol!), formatAt(grid, row, whenCol!), memo);
    if (day === null) return null;
    const riskId = text(row, riskIdCol);
    if (!riskId) return null;
    const logged = text(row, fieldCol);
    let suffix = suffixes.get(logged);
    if (suffix === undefined) {
      suffix = ACTION_SUFFIX.exec(logged);
      if (suffixes.size < 10_000) suffixes.set(logged, suffix);
    }
    const field = suffix ? suffix[1] : logged;
    let actionId = text(row, actionIdCol);
    if (suffix && !actionId) actionId = suffix[2];
    return {
      sheet: grid.sheetName,
      row: row + 1,
      day,
      target: text(row, sheetCol),
      riskId,
      actionId,
      field,
      old: cellAt(grid, row, oldCol!),
      new: cellAt(grid, row, newCol!),
      file: text(row, fileCol),
    };
  };
  return { firstRow: headerRow + 1, endRow: grid.rowOffset + grid.values.length, rowAt };
}

/** Fields of logged headers already read, on risks and on actions. */
const fieldMemo = { risk: new Map<string, string | null>(), action: new Map<string, string | null>() };

/**
 * The field a logged column header means ("Current Risk Score" → score, "Target Date" on an actions
 * row → due), read as the register's (or actions sheet's) header would be.
 */
export function loggedField(header: string, onAction: boolean): string | null {
  const memo = onAction ? fieldMemo.action : fieldMemo.risk;
  let field = memo.get(header);
  if (field === undefined) {
    const m = mapHeaders(onAction ? "actions" : "risk-register", [{ col: 0, text: header }]);
    field = m.columns[0]?.field ?? null;
    if (memo.size < 10_000) memo.set(header, field);
  }
  return field;
}
