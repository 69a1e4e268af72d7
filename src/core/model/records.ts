// Typed records read out of sheets. Every value keeps where it came from, so a finding can point at a cell.

import type { CellValue } from "./grid";
import type { ActionField, PlanField, RiskField, SheetKind, UpdateLogField } from "./fields";

/** One field's cell in a record: the raw value, its text, and its sheet position (0-based). */
export interface RecordCell {
  value: CellValue;
  /** The value as text, trimmed, HTML tags stripped; "" for blank. */
  text: string;
  /** Number format of the cell, when known (tells a date serial from a number). */
  format: string | null;
  row: number;
  col: number;
}

/** A record of one sheet: a data row (plus any continuation rows joined into it). */
export interface SheetRecord<F extends string> {
  sheet: string;
  kind: SheetKind;
  /** 0-based sheet row of the record's first row; findings point here. */
  row: number;
  /** Every sheet row that contributed to the record (continuations, repeated aims). */
  rows: number[];
  fields: Partial<Record<F, RecordCell>>;
  /** Cells under headers nobody recognised, keyed by header text (a Map so "__proto__" is just a key). */
  extras: Map<string, RecordCell>;
  /** True when the row was read realigned (plan/misaligned-row). */
  realigned?: boolean;
  /** The text of the section heading row above the record, if any (SPEC "Real registers"). */
  section?: string;
}

export type RiskRecord = SheetRecord<RiskField>;
export type ActionRecord = SheetRecord<ActionField>;
export type PlanRecord = SheetRecord<PlanField>;
export type UpdateLogRecord = SheetRecord<UpdateLogField>;

/** Reads a field's text, "" when the field is absent or blank. */
export function fieldText<F extends string>(record: SheetRecord<F>, field: F): string {
  return record.fields[field]?.text ?? "";
}

/**
 * Folds an id for comparison: trimmed, case-insensitive, runs of spaces folded (SPEC "Record ids").
 * Numbers keep every digit: 12 → "12", 1.5 → "1.5".
 */
export function idKey(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "number" ? String(value) : String(value);
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}
