// How imported values are written and compared: dates as serials, text with the formula-safety escape undone.

import type { CellValue } from "../model/grid";
import { unescapeCellText } from "../model/formula-safety";
import { holdableText } from "../model/writable-text";
import type { RecordCell } from "../model/records";
import { dayFromSerial, isDateFormat, parseDate, ukDate, type DayNumber } from "../parse";
import { cellText, isBlank } from "../read/cell-text";

/** The number format given to a date the import writes. */
export const IMPORT_DATE_FORMAT = "dd/mm/yyyy";

/** Excel serial of a day number (1900 date system; days from 1 March 1900 on, which is all we write). */
export function serialFromDay(day: DayNumber): number {
  return day + 25569;
}

/** A value to write, with the number format to give it (null keeps the cell's own). */
export interface ImportedValue {
  value: CellValue;
  format: string | null;
}

const WHOLE_TEXT = { noteAfter: false } as const;

/** The day a text or serial names when it names one exact day (not a month, quarter or year). */
function exactDay(value: CellValue, format: string | null): DayNumber | null {
  if (typeof value === "number") {
    // Callers have decided the number is a date (its format, or its column, says so).
    const d = dayFromSerial(value);
    return d.ok ? d.value : null;
  }
  if (typeof value !== "string") return null;
  // The whole text only: a date with a note after it stays text, note and all.
  const early = parseDate(value, format, "lastUpdated", WHOLE_TEXT);
  const late = parseDate(value, format, "deadline", WHOLE_TEXT);
  return early.ok && late.ok && early.value === late.value ? early.value : null;
}

/**
 * The value an export cell is written as, or null for a blank (a blank never clears a register cell:
 * nothing the council wrote is lost to a gap in the export). Text keeps its characters, with any
 * formula-safety apostrophe undone (the writer stores it as text, never as a formula); numbers stay
 * numbers; a date (a serial, or text naming one day) becomes a serial with a date format; "TBC" or
 * "July 2022" in a date column stay text, as written.
 */
export function importedValue(cell: RecordCell | undefined, isDate: boolean): ImportedValue | null {
  if (!cell || isBlank(cell.value)) return null;
  const v = cell.value;
  if (isDate) {
    const day = typeof v === "number" && !isDateFormat(cell.format) ? null : exactDay(v, cell.format);
    if (day !== null) return { value: serialFromDay(day), format: IMPORT_DATE_FORMAT };
  }
  if (typeof v === "string") return { value: unescapeCellText(v), format: null };
  return { value: v, format: null };
}

/**
 * What two values are compared by: text as the readers see it (trimmed, spaces folded) after the
 * formula-safety escape is undone, numbers without float noise, dates by day. So "3" equals 3, and a
 * value written by the last import reads back equal and a re-import shows no change.
 */
export function compareKey(value: CellValue, format: string | null, isDate: boolean): string {
  if (isBlank(value)) return "";
  if (isDate) {
    const day = exactDay(
      value,
      typeof value === "number" && !isDateFormat(format) ? IMPORT_DATE_FORMAT : format,
    );
    if (day !== null) return `day:${day}`;
  }
  // As written: a U+FFFF the last import stored as U+FFFD compares equal, so a re-import changes nothing.
  if (typeof value === "string") return cellText(unescapeCellText(holdableText(value.trim())));
  return cellText(value);
}

/** A value as the officer reads it in the preview and the Import Log: dates as dd/mm/yyyy. */
export function displayText(value: CellValue, format: string | null, isDate: boolean): string {
  if (isBlank(value)) return "";
  if (isDate && typeof value === "number") {
    const day = exactDay(value, isDateFormat(format) ? format : IMPORT_DATE_FORMAT);
    if (day !== null) return ukDate(day);
  }
  if (typeof value === "string") return value;
  return cellText(value);
}
