// Cell conversions shared by the readers: Excel serials from dates, the date-format test, exceljs cell values.

import type { CellValue as ExcelCellValue } from "exceljs";
import type { CellValue } from "../core/model/grid";

/** The format given to a date cell whose own number format is not a date format. */
export const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A JS Date as exceljs produces it (UTC-based) → the Excel serial number.
 * Midnight gives a whole number so later day arithmetic is exact.
 */
export function serialFromDate(date: Date): number {
  return serialFromMs(date.getTime());
}

/** Milliseconds since 1970 (UTC) → the Excel serial number, as serialFromDate. */
export function serialFromMs(ms: number): number {
  if (ms % MS_PER_DAY === 0) return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Round to the millisecond: the division leaves binary noise a user would see as 0.30000000000000004.
  return Math.round((ms / MS_PER_DAY + UNIX_EPOCH_SERIAL) * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * True when a number format shows a date or time: it has d, m, y, h or s outside quoted text,
 * escaped characters and [colour]/[$currency] sections.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General") return false;
  // Each step is a linear pass (a format code comes from the file, so no regex that can backtrack).
  const stripped = dropBrackets(
    format
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .replace(/_./g, "")
      .replace(/\*./g, ""),
  );
  return /[dmyhs]/i.test(stripped);
}

/** Removes [colour], [$currency] and [<condition] sections but keeps elapsed-time ones such as [h] and [mm]. */
function dropBrackets(s: string): string {
  let out = "";
  let last = 0;
  let i = s.indexOf("[");
  while (i >= 0) {
    const j = s.indexOf("]", i + 1);
    if (j < 0) break;
    if (/^[hms]+$/i.test(s.slice(i + 1, j))) {
      i = s.indexOf("[", i + 1);
      continue;
    }
    out += s.slice(last, i);
    last = j + 1;
    i = s.indexOf("[", last);
  }
  return out + s.slice(last);
}

/** A converted cell: its value and, for dates, the date format to report. */
export interface ConvertedCell {
  value: CellValue;
  /** Set when the value was a date (the cell's own format when it is a date format, else the default). */
  dateFormat?: string;
}

/**
 * Plain value of an exceljs cell value: formulas give their cached result (or null), rich text and
 * hyperlinks their text, errors their "#N/A"-style text, dates their serial number.
 */
export function convertCellValue(raw: ExcelCellValue, ownFormat: string | undefined): ConvertedCell {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "string") return { value: raw === "" ? null : raw };
  if (typeof raw === "number") return { value: Number.isFinite(raw) ? raw : null };
  if (typeof raw === "boolean") return { value: raw };
  if (raw instanceof Date) return convertDate(raw, ownFormat);
  if (typeof raw !== "object") return { value: null };

  if ("richText" in raw && Array.isArray(raw.richText)) {
    return { value: emptyToNull(raw.richText.map((run) => run.text ?? "").join("")) };
  }
  if ("hyperlink" in raw && "text" in raw) {
    // The text may itself be rich text when the shared string had runs.
    return convertCellValue(raw.text as ExcelCellValue, ownFormat);
  }
  if ("error" in raw) return { value: String(raw.error) };
  if ("formula" in raw || "sharedFormula" in raw) {
    const result = (raw as { result?: ExcelCellValue }).result;
    if (result === undefined || result === null) return { value: null };
    return convertCellValue(result, ownFormat);
  }
  return { value: null };
}

function convertDate(date: Date, ownFormat: string | undefined): ConvertedCell {
  if (Number.isNaN(date.getTime())) return { value: null };
  return {
    value: serialFromDate(date),
    dateFormat: isDateFormat(ownFormat) ? ownFormat : DEFAULT_DATE_FORMAT,
  };
}

function emptyToNull(s: string): string | null {
  return s === "" ? null : s;
}
