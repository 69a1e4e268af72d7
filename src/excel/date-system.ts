// The open workbook's date system, and the one place the pane turns its date serials into the 1900 system
// the engine counts in (reading) and back (writing). SPEC "Values": the date the officer sees in the cell is
// the date; a workbook set to "Use 1904 date system" holds every date 1462 days smaller than the 1900 system.
//
// How the pane finds out. Office.js's Workbook.use1904DateSystem says it directly, but it is still a preview
// API ("ExcelApi BETA (PREVIEW ONLY)" in the reference, learn.microsoft.com/javascript/api/excel/excel.workbook
// and OfficeDev/office-js-docs-reference's excel.workbook.yml; no numbered ExcelApi set holds it, so no
// isSetSupported can say a host has it, and loading it on a host without it fails the whole batch). So the
// pane asks Excel's own DATE function instead: Workbook.functions.date (ExcelApi 1.2, below the manifest's
// 1.9), whose year "is a number from 1900 or 1904 (depending on the workbook's date system)". DATE(1904, 1, 2)
// is serial 1 in a 1904 workbook and 1463 in a 1900 one. It is queued with a sync the caller already makes.
// A host that cannot say (below ExcelApi 1.2, or a DATE that gives anything else or an error) is read and
// written as the 1900 system, as before.

import type { CellEdit } from "../core/model/edits";
import type { CellValue } from "../core/model/grid";
import { looksLikeDateFormat, serialFromDateSystem, serialInDateSystem } from "../core/model/date-system";
import { supportsExcelApi } from "./run";

/** DATE(1904, 1, 2) in a 1904 workbook (1463 in a 1900 one). */
const PROBE_1904 = 1;

/**
 * Queues the question "does this workbook count dates from 1904?" on `context`; the returned function
 * answers it after the caller's next sync (false when the host cannot say).
 */
export function askDate1904(context: Excel.RequestContext): () => boolean {
  if (!supportsExcelApi("1.2")) return () => false;
  const probe = context.workbook.functions.date(1904, 1, 2).load("value,error");
  return () => !probe.error && probe.value === PROBE_1904;
}

/**
 * Rows as Excel gave them (`formats` parallel, missing rows or cells unknown) → the engine's: in a 1904
 * workbook, each number in a date-formatted cell (the file reader's rule, looksLikeDateFormat) shifted into
 * the 1900 system. Changes `values` in place (the rows Excel sent are the reader's own).
 */
export function readDatesIn(
  values: CellValue[][],
  formats: readonly (readonly (string | null)[] | undefined)[],
  date1904: boolean,
): void {
  if (!date1904) return;
  values.forEach((row, r) => {
    const f = formats[r];
    if (!f) return;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && looksLikeDateFormat(f[c])) row[c] = serialFromDateSystem(v, true);
    }
  });
}

/**
 * A value the pane writes, as the workbook stores it: a number that goes into a date-formatted cell (`format`,
 * the format written with it or the cell's own) is a 1900-system serial, counted in the workbook's system.
 */
export function writtenValue<T extends CellValue>(
  value: T,
  format: string | null | undefined,
  date1904: boolean,
): T {
  if (!date1904 || typeof value !== "number" || !looksLikeDateFormat(format)) return value;
  return serialInDateSystem(value, true) as T;
}

/** writtenValue over rows of values with their formats (a new array; `values` is left as it was). */
export function writtenRows<T extends CellValue>(
  values: readonly (readonly T[])[],
  formats: readonly (readonly (string | null)[])[],
  date1904: boolean,
): T[][] {
  if (!date1904) return values.map((r) => r.slice());
  return values.map((row, r) => row.map((v, c) => writtenValue(v, formats[r]?.[c], true)));
}

/** A cell edit as the workbook stores it: a date (`date`, or a date format set with it) in the workbook's system. */
export function writtenEdit<T extends CellEdit>(edit: T, date1904: boolean): T {
  if (!date1904 || typeof edit.value !== "number") return edit;
  if (!edit.date && !looksLikeDateFormat(edit.format)) return edit;
  return { ...edit, value: serialInDateSystem(edit.value, true) };
}
