// A sample sheet as plain data (rows, merges, widths) plus the problems planted in it, before exceljs writes it.

import { toA1 } from "../../core/address/a1";

/** A cell of the sample: text, a number, a real date (written as an Excel date), or blank. */
export type SampleCell = string | number | Date | null;

/** One problem planted on purpose, which the checker must find (recall), or a trap it must not fall into. */
export interface PlantedProblem {
  ruleId: string;
  sheet: string;
  /** A1 address of the cell the problem is in, or null for a sheet-level problem. */
  cell: string | null;
  /** 1-based sheet row (the record's first row; the header row for a sheet-level problem). */
  row: number;
  recordId: string | null;
  /** What was planted, in words. */
  note: string;
}

export interface SampleSheet {
  name: string;
  rows: SampleCell[][];
  /** Merged areas as A1 ranges, e.g. "G4:I4". */
  merges: string[];
  /** Column widths in characters. */
  widths: number[];
  /** 0-based rows to format as headers (bold, filled). */
  headerRows: number[];
  /** 0-based rows to format as titles (bold, larger). */
  titleRows: number[];
  /** 0-based row to freeze panes below, if any. */
  freezeBelow?: number;
  /** True for a hidden sheet (the Settings sheet). */
  hidden?: boolean;
  /** Problems that must be found. */
  planted: PlantedProblem[];
  /** Rule and row pairs that must NOT be reported (traps the SPEC calls out). */
  traps: PlantedProblem[];
}

/** A UTC date, so the serial written to the file does not depend on the machine's time zone. */
export function day(year: number, month: number, date: number): Date {
  return new Date(Date.UTC(year, month - 1, date));
}

/** Column letters by header, for planting problems by field rather than by counting columns. */
export function columnOf(headers: readonly string[], header: string): number {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`sample: no column "${header}"`);
  return i;
}

/** Builds a PlantedProblem from 0-based coordinates (col null for a sheet-level problem). */
export function planted(
  ruleId: string,
  sheet: string,
  row: number,
  col: number | null,
  recordId: string | null,
  note: string,
): PlantedProblem {
  return { ruleId, sheet, cell: col === null ? null : toA1(row, col), row: row + 1, recordId, note };
}
