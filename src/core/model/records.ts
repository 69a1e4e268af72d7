// Typed records read out of sheets. Every value keeps where it came from, so a finding can point at a cell.

import type { CellValue } from "./grid";
import type { ActionField, PlanField, RiskField, SheetKind, UpdateLogField } from "./fields";
import { isPlaceholder } from "../parse/placeholder";

/** One field's cell in a record: the raw value, its text, and its sheet position (0-based). */
export interface RecordCell {
  value: CellValue;
  /** The value as text, trimmed, HTML tags stripped; "" for blank. */
  text: string;
  /** Number format of the cell, when known (tells a date serial from a number). */
  format: string | null;
  row: number;
  col: number;
  /** Set on the cells of a date column found to be written month first (09/30/2022). */
  monthFirst?: boolean;
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

/**
 * Reads a field's text, "" when the field is absent, blank or a placeholder (TBC, N/A, -, #N/A …):
 * this and {@link fieldValue} are where rules, summaries and routing read a record's fields, so a
 * placeholder counts as empty everywhere at once (SPEC "Real registers").
 */
export function fieldText<F extends string>(record: SheetRecord<F>, field: F): string {
  const text = record.fields[field]?.text ?? "";
  return isPlaceholder(text) ? "" : text;
}

/** The cell of a field as rules read it: undefined when absent, blank or a placeholder. */
export function fieldCell<F extends string>(record: SheetRecord<F>, field: F): RecordCell | undefined {
  const c = record.fields[field];
  return c && !isPlaceholder(c.text) ? c : undefined;
}

/** A field's raw value as rules read it: null when absent, blank or a placeholder. */
export function fieldValue<F extends string>(record: SheetRecord<F>, field: F): CellValue {
  const c = record.fields[field];
  return c && !isPlaceholder(c.text) ? c.value : null;
}

/**
 * Folds an id for comparison: trimmed, case-insensitive, runs of spaces folded (SPEC "Record ids").
 * Numbers keep every digit: 12 → "12", 1.5 → "1.5".
 */
export function idKey(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value).trim().replace(/\s+/g, " ");
  // An id "TBC" or "#REF!" is no id: two of them are not the same risk.
  return isPlaceholder(s) ? "" : s.toLowerCase();
}
