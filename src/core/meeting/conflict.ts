// Co-authoring: compares a row as its card showed it with the row as it is now, field by field.

import { isDateField } from "../model/fields";
import type { CellValue } from "../model/grid";
import { GridRecord, type SheetRecord } from "../model/records";
import type { SheetInfo } from "../model/sheet-info";
import { dayFromSerial, ukDate } from "../parse";

/** A row as the card showed it: one value per column from firstCol, with each column's header. */
export interface RowSnapshot {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** 0-based column of values[0]. */
  firstCol: number;
  values: CellValue[];
  /** Header text per column ("" where the column has none). */
  headers: string[];
  /** Field per column (null where the column has none): a date field's numbers are Excel serials. */
  fields?: (string | null)[];
}

export interface FieldConflict {
  col: number;
  header: string;
  shown: CellValue;
  now: CellValue;
}

/**
 * The snapshot of a record's first row over the sheet's table columns (the row the meeting writes). A
 * record read from several rows (an id merged down) is snapshotted from its first row's own cells, still in
 * the grid; null only when they are not (its joined text is not any one row, so it cannot be compared).
 */
export function rowSnapshot(
  record: SheetRecord<string>,
  sheet: Pick<SheetInfo, "columns">,
): RowSnapshot | null {
  const spread = record.rows.length > 1;
  if ((spread && !(record instanceof GridRecord)) || sheet.columns.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const c of sheet.columns) {
    first = Math.min(first, c.col);
    last = Math.max(last, c.col);
  }
  const values: CellValue[] = new Array<CellValue>(last - first + 1).fill(null);
  const headers: string[] = new Array<string>(last - first + 1).fill("");
  const fields: (string | null)[] = new Array<string | null>(last - first + 1).fill(null);
  for (const c of sheet.columns) {
    headers[c.col - first] = c.header;
    fields[c.col - first] = c.field;
  }
  const snapshot = { sheet: record.sheet, row: record.row, firstCol: first, values, headers, fields };
  if (record instanceof GridRecord && spread) {
    for (let col = first; col <= last; col++) values[col - first] = record.source.value(record.row, col);
  } else {
    const cells = [...Object.values(record.fields), ...record.extras.values()];
    for (const cell of cells) {
      if (cell && cell.row === record.row && cell.col >= first && cell.col <= last)
        values[cell.col - first] = cell.value;
    }
  }
  // A merged area's value, given to its every cell when read, is Excel's in the top-left cell alone: the
  // row read back holds blank below it, which is no co-author's change.
  const merges = record instanceof GridRecord ? record.source.merges : undefined;
  for (const m of merges ?? [])
    if (m.top <= record.row && record.row <= m.bottom)
      for (let col = Math.max(first, m.left); col <= Math.min(last, m.right); col++)
        if (record.row !== m.top || col !== m.left) values[col - first] = null;
  return snapshot;
}

/** True when a snapshot's column (0-based sheet column) is a date field's (SPEC "Dates"). */
export function isDateColumn(snapshot: RowSnapshot, col: number): boolean {
  const field = snapshot.fields?.[col - snapshot.firstCol];
  return field ? isDateField(field) : false;
}

/** A value as a person reads it: a number in a date cell as a UK date (dd/mm/yyyy), "" for blank. */
export function valueWords(v: CellValue, dateCell: boolean): string {
  if (typeof v === "number" && dateCell) {
    const day = dayFromSerial(v);
    if (day.ok) return ukDate(day.value);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v === null ? "" : String(v);
}

function blank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Same value as a person would see it: blanks are equal, text compared trimmed, numbers to 1e-9. */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return a === b;
}

/** The columns whose value differs between the snapshot and `now` (the row read back, from firstCol). */
export function findConflicts(shown: RowSnapshot, now: readonly CellValue[]): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (let i = 0; i < shown.values.length; i++) {
    const n = i < now.length ? now[i] : null;
    if (!sameValue(shown.values[i], n)) {
      out.push({
        col: shown.firstCol + i,
        header: shown.headers[i] || `column ${i + 1}`,
        shown: shown.values[i],
        now: n,
      });
    }
  }
  return out;
}

/** The snapshot after our own write: the row as read, with the cells we wrote on it. */
export function snapshotAfterWrite(
  shown: RowSnapshot,
  now: readonly CellValue[],
  written: readonly { sheet: string; row: number; col: number; value: CellValue }[],
): RowSnapshot {
  const values = shown.values.map((_, i) => (i < now.length ? now[i] : null));
  for (const w of written) {
    if (w.sheet !== shown.sheet || w.row !== shown.row) continue;
    const i = w.col - shown.firstCol;
    if (i >= 0 && i < values.length) values[i] = w.value;
  }
  return { ...shown, values };
}
