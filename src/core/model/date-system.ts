// Excel's two date systems: every Grid and every rule count dates in the 1900 system; a workbook set to
// "Use 1904 date system" (old Mac workbooks) holds each date as a serial 1462 days smaller. The readers shift
// such a workbook's dates into the 1900 system and the writers shift them back: the file reader and writer
// (src/files/xlsx) and the task pane's (src/excel/date-system.ts) use these, so the two agree.

/** Days from 1900-01-00 to 1904-01-01: a 1904-system serial plus this is the 1900-system serial. */
export const DAYS_1904 = 1462;

/** A serial as a workbook holds it (`date1904`: in the 1904 system) → the 1900-system serial the engine reads. */
export function serialFromDateSystem(serial: number, date1904: boolean): number {
  return date1904 ? serial + DAYS_1904 : serial;
}

/**
 * A date as the workbook stores it: `serial` (1900 system, as the readers give every date) counted in
 * the workbook's own date system. The inverse of serialFromDateSystem; every writer puts dates through it.
 */
export function serialInDateSystem(serial: number, date1904: boolean): number {
  return date1904 ? serial - DAYS_1904 : serial;
}

/**
 * Whether a number in this format is read as a date (and so counted in the workbook's date system). This
 * is exceljs's rule (any of y m d h M s b outside [..] and "..") rather than core's isDateFormat, which asks
 * "does this number mean a day?": the file reader keeps it so its Grids stay what they were, and the pane
 * uses the same rule so that both shift the same cells of a 1904 workbook.
 */
export function looksLikeDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = stripPairs(stripPairs(format, "[", "]"), '"', '"');
  for (let i = 0; i < bare.length; i++) {
    if ("ymdhMsb".includes(bare[i])) return true;
  }
  return false;
}

/** Removes each `open … close` pair, left to right; an unclosed `open` stays. Linear: each search starts past the last. */
function stripPairs(s: string, open: string, close: string): string {
  let out = "";
  let last = 0;
  let i = s.indexOf(open);
  while (i >= 0) {
    const j = s.indexOf(close, i + 1);
    if (j < 0) break;
    out += s.slice(last, i);
    last = j + 1;
    i = s.indexOf(open, last);
  }
  return out + s.slice(last);
}
