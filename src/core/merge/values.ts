// How imported values are written and compared: dates as serials, amounts as numbers, text with the
// formula-safety escape undone.

import type { CellValue } from "../model/grid";
import { unescapeCellText } from "../model/formula-safety";
import { holdableText } from "../model/writable-text";
import type { RecordCell } from "../model/records";
import { isDateField, RISK_SCORE_FIELDS } from "../model/fields";
import {
  dayFromSerial,
  isDateFormat,
  parseDate,
  plainAmount,
  serialFromDay,
  ukDate,
  type DayNumber,
} from "../parse";
import { cellText, isBlank } from "../read/cell-text";

/** The number format given to a date the import writes. */
export const IMPORT_DATE_FORMAT = "dd/mm/yyyy";

/**
 * How an import reads a column's values: "date" for a date field (text naming one day becomes a serial),
 * "money" for a money field (an amount written alone is a number), "number" for a likelihood, impact or
 * score (a number stored as text, "4", is a number), "other" for the rest, and for columns carried as
 * they are.
 */
export type ColumnKind = "date" | "money" | "number" | "other";

/** Fields that hold an amount in pounds (SPEC "Values": Money). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(["financialImpact"]);

/** Fields that hold a likelihood, impact or score: numbers the register works with (not the RAG word). */
const NUMBER_FIELDS: ReadonlySet<string> = new Set(RISK_SCORE_FIELDS.filter((f) => f !== "rag"));

/** How the import reads the column of a field; a column carried as it is (no field) is "other". */
export function columnKind(field: string | null): ColumnKind {
  if (field === null) return "other";
  if (isDateField(field)) return "date";
  return MONEY_FIELDS.has(field) ? "money" : NUMBER_FIELDS.has(field) ? "number" : "other";
}

/** A number written as text alone ("4", " 12 ", "2.5"), as a number; else null. */
const NUMBER_TEXT = /^\s*-?\d+(?:\.\d+)?\s*$/;
function numberAlone(value: CellValue): number | null {
  return typeof value === "string" && NUMBER_TEXT.test(value) ? Number(value) : null;
}

/** Number formats given to an amount the import writes as a number: whole pounds, or pounds and pence. */
const POUNDS_FORMAT = '"£"#,##0';
const PENCE_FORMAT = '"£"#,##0.00';

/** A value to write, with the number format to give it (null keeps the cell's own). */
export interface ImportedValue {
  value: CellValue;
  format: string | null;
}

/** The whole text only: a date with a note after it stays text, note and all. */
const WHOLE_TEXT = { noteAfter: false } as const;
const WHOLE_TEXT_MONTH_FIRST = { noteAfter: false, monthFirst: true } as const;

/**
 * The day a text or serial names when it names one exact day (not a month, quarter or year); text is
 * read month first when its column was found to be written so (see readMonthFirstColumns).
 */
function exactDay(value: CellValue, format: string | null, monthFirst = false): DayNumber | null {
  if (typeof value === "number") {
    // Callers have decided the number is a date (its format, or its column, says so).
    const d = dayFromSerial(value);
    return d.ok ? d.value : null;
  }
  if (typeof value !== "string") return null;
  const options = monthFirst ? WHOLE_TEXT_MONTH_FIRST : WHOLE_TEXT;
  const early = parseDate(value, format, "lastUpdated", options);
  const late = parseDate(value, format, "deadline", options);
  return early.ok && late.ok && early.value === late.value ? early.value : null;
}

/**
 * A number whose own cell shows it as a date: a date in any column, so a column carried as it is (which
 * has no field to say it holds dates) still writes and shows it as one.
 */
function isShownAsDate(value: CellValue, format: string | null): boolean {
  return typeof value === "number" && isDateFormat(format);
}

/**
 * An amount written alone ("£120,000", "120,000", "£1.2m") as its number, else null. Words around an
 * amount ("Up to £75,000", "£85,000 (est.)") or a range say more than the number: such text stays text,
 * compared and written as it is.
 */
function amountAlone(value: CellValue): number | null {
  return typeof value === "string" ? plainAmount(value) : null;
}

/**
 * The value an export cell is written as, or null for a blank (a blank never clears a register cell:
 * nothing the council wrote is lost to a gap in the export). Text keeps its characters, with any
 * formula-safety apostrophe undone (the writer stores it as text, never as a formula); numbers stay
 * numbers; a date (a serial with a date format in any column, a serial or text naming one day in a date
 * column) becomes a serial with a date format; a serial shown as a month ("Oct-22") keeps its own format;
 * "TBC" or "July 2022" in a date column stay text, as written. An amount written alone in a money column
 * becomes a number shown in pounds, as Excel makes "£120,000" typed into a cell, so it counts in the
 * register's totals.
 */
export function importedValue(cell: RecordCell | undefined, kind: ColumnKind): ImportedValue | null {
  if (!cell || isBlank(cell.value)) return null;
  const v = cell.value;
  const shownAsDate = isShownAsDate(v, cell.format);
  if (kind === "date" || shownAsDate) {
    const day =
      typeof v === "number" && !shownAsDate ? null : exactDay(v, cell.format, cell.monthFirst === true);
    if (day !== null) return { value: serialFromDay(day), format: IMPORT_DATE_FORMAT };
    if (shownAsDate) return { value: v, format: cell.format };
  }
  if (kind === "money") {
    const amount = amountAlone(v);
    if (amount !== null)
      return { value: amount, format: Number.isInteger(amount) ? POUNDS_FORMAT : PENCE_FORMAT };
  }
  // A score stored as text in the export (Excel's green triangle) is the number the register counts with.
  if (kind === "number") {
    const n = numberAlone(v);
    if (n !== null) return { value: n, format: null };
  }
  if (typeof v === "string") return { value: unescapeCellText(v), format: null };
  return { value: v, format: null };
}

/**
 * The number format to write with a value over a target cell: null keeps the cell's own where it already
 * shows such a value (a date over a date-formatted cell, an amount over a number: the council's own
 * date or currency format stays).
 */
export function formatOver(v: ImportedValue, old: CellValue, oldFormat: string | null): string | null {
  if (v.format === null || typeof v.value !== "number") return v.format;
  if (isDateFormat(v.format)) return isDateFormat(oldFormat) ? null : v.format;
  return typeof old === "number" && !isDateFormat(oldFormat) ? null : v.format;
}

/**
 * What two values are compared by: text as the readers see it (trimmed, spaces folded) after the
 * formula-safety escape is undone, numbers without float noise, dates by day, and in a money column an
 * amount written alone by its number. So "3" equals 3, "£120,000" equals 120000 formatted "£"#,##0, and
 * a value written by the last import reads back equal and a re-import shows no change.
 */
export function compareKey(value: CellValue, format: string | null, kind: ColumnKind): string {
  if (isBlank(value)) return "";
  if (kind === "date") {
    const day = exactDay(
      value,
      typeof value === "number" && !isDateFormat(format) ? IMPORT_DATE_FORMAT : format,
    );
    if (day !== null) return `day:${day}`;
  }
  if (kind === "money") {
    const amount = amountAlone(value);
    if (amount !== null) return cellText(amount);
  }
  // As written: a U+FFFF the last import stored as U+FFFD compares equal, so a re-import changes nothing.
  if (typeof value === "string") return cellText(unescapeCellText(holdableText(value.trim())));
  return cellText(value);
}

/** A value as the officer reads it in the preview and the Import Log: dates as dd/mm/yyyy. */
export function displayText(value: CellValue, format: string | null, kind: ColumnKind): string {
  if (isBlank(value)) return "";
  if (typeof value === "number" && (kind === "date" || isDateFormat(format))) {
    const day = exactDay(value, isDateFormat(format) ? format : IMPORT_DATE_FORMAT);
    if (day !== null) return ukDate(day);
  }
  if (typeof value === "string") return value;
  return cellText(value);
}
