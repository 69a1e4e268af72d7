// Test oracle: the exceljs cell value → Grid value conversion the old exceljs-based reader used. The
// streaming reader no longer calls it; read-xlsx-vs-exceljs compares the reader with it, cell by cell.

import type { CellValue as ExcelCellValue } from "exceljs";
import type { CellValue } from "../../src/core/model/grid";
import { DEFAULT_DATE_FORMAT, isDateOrTimeFormat, serialFromMs } from "../../src/files/xlsx-cell";

/** A JS Date as exceljs produces it (UTC-based) → the Excel serial number. */
export function serialFromDate(date: Date): number {
  return serialFromMs(date.getTime());
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
    dateFormat: isDateOrTimeFormat(ownFormat) ? ownFormat : DEFAULT_DATE_FORMAT,
  };
}

function emptyToNull(s: string): string | null {
  return s === "" ? null : s;
}
