// A record's cells of a field kept month by month, one column per month ("Update Apr-22 … Update Sep-22"):
// which month its current value is from, and every filled month's cell (see MonthKept).

import type { DayNumber } from "../parse/day";
import { isPlaceholder } from "../parse/placeholder";
import { fieldColumn, GridRecord, type RecordCell, type SheetRecord } from "./records";

/** A filled month of a field kept month by month: the month's first day and the record's cell in it. */
export interface MonthCell {
  day: DayNumber;
  cell: RecordCell;
}

/**
 * The month (its first day) the record's current value of `field` was read from, where the sheet keeps the
 * field month by month and some month up to the as-at date holds something; null otherwise.
 */
export function fieldMonth<F extends string>(record: SheetRecord<F>, field: F): DayNumber | null {
  const months = record.months;
  if (months === undefined) return null;
  const col = fieldColumn(record, field);
  if (col === undefined) return null;
  const list = months.monthsOf(col);
  if (list === undefined) return null;
  const cell = cellInColumn(record, col);
  if (cell === undefined) return null;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].col === col) return list[i].day;
  return null;
}

/**
 * The newer of a record's own date `day` (an action's Update Date) and the month its `field` was last filled
 * in where the sheet keeps that field month by month ("Progress Sep-22" dates an action's update 01/09/2022).
 */
export function newerOfMonth<F extends string>(
  day: DayNumber | null,
  record: SheetRecord<F>,
  field: F,
): DayNumber | null {
  const month = fieldMonth(record, field);
  return month !== null && (day === null || month > day) ? month : day;
}

/**
 * The record's filled months of `field`, oldest first, up to the as-at date (placeholders such as "-" or
 * "N/A" count as empty); empty where the sheet keeps the field in one column.
 */
export function monthCells<F extends string>(record: SheetRecord<F>, field: F): MonthCell[] {
  const months = record.months;
  if (months === undefined) return [];
  const col = fieldColumn(record, field);
  const list = col === undefined ? undefined : months.monthsOf(col);
  if (list === undefined) return [];
  const out: MonthCell[] = [];
  for (const m of list) {
    const cell = cellInColumn(record, m.col);
    if (cell !== undefined) out.push({ day: m.day, cell });
  }
  return out;
}

/** The record's cell in a sheet column when it holds something (not blank, not a placeholder), else undefined. */
function cellInColumn(record: SheetRecord<string>, col: number): RecordCell | undefined {
  let cell: RecordCell | undefined;
  if (record instanceof GridRecord) {
    if (record.source.value(record.row, col) !== null) cell = record.source.cell(record.row, col);
  } else {
    for (const c of Object.values(record.fields)) if (c?.col === col) cell = c;
    if (cell === undefined) for (const c of record.extras.values()) if (c.col === col) cell = c;
  }
  return cell && cell.text !== "" && !isPlaceholder(cell.text) ? cell : undefined;
}
