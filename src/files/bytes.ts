// Turns the byte containers callers hand us (Uint8Array, Buffer, ArrayBuffer) into one Uint8Array view.

/** A Uint8Array view of the data without copying. */
export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The file name's extension, lower case and without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The file name without folders or extension: a CSV's sheet name. */
export function baseNameWithoutExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/**
 * The sheet Excel shows a CSV file as when it opens it, for a link into it: the file name without folders or
 * extension cut to Excel's 31 characters (no sheet name is longer), where the check names the sheet after
 * the whole name (SPEC "Many workbooks"). A character written as two UTF-16 units is not cut in half.
 */
export function sheetExcelOpensCsvAs(fileName: string): string {
  const cut = baseNameWithoutExtension(fileName).slice(0, MAX_SHEET_NAME);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
