// A risk's record with some of its cells' values replaced: its register row as a co-author's change (row-now)
// or the meeting's own line writes (record.ts) left it, so the card and the next record read it so.

import type { CellValue } from "../model/grid";
import type { RiskField } from "../model/fields";
import { rawCell, type RecordCell, type RiskRecord } from "../model/records";
import { cellText } from "../read/cell-text";

/** A cell's new value: the field, its 0-based sheet column on the record's row, and the value. */
export interface FieldValue {
  field: RiskField;
  col: number;
  value: CellValue;
}

/**
 * The record with each of `values` as its field's cell (its format, and whether it holds a formula, as read);
 * the other fields, its rows and its months (a register keeping fields month by month) as they are.
 */
export function recordWithValues(record: RiskRecord, values: Iterable<FieldValue>): RiskRecord {
  const fields: Partial<Record<RiskField, RecordCell>> = { ...record.fields };
  for (const { field, col, value } of values) {
    const text = cellText(value);
    fields[field] =
      text === ""
        ? colourOnly(rawCell(record, field))
        : cellNow(rawCell(record, field), value, text, record.row, col);
  }
  return {
    sheet: record.sheet,
    kind: record.kind,
    row: record.row,
    rows: record.rows,
    fields,
    extras: record.extras,
    ...(record.months ? { months: record.months } : {}),
  };
}

/** The cell as it is now, keeping what was read of it: its format, and whether it holds a formula. */
function cellNow(
  read: RecordCell | undefined,
  value: CellValue,
  text: string,
  row: number,
  col: number,
): RecordCell {
  const cell: RecordCell = { value, text, format: read?.format ?? null, row, col };
  if (read?.formula) cell.formula = true;
  return cell;
}

/** A blank cell read as a colour-only RAG (its fill, which the row's values do not show) is that still. */
function colourOnly(read: RecordCell | undefined): RecordCell | undefined {
  return read?.ragFills && read.value === null ? read : undefined;
}
