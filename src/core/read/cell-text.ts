// Turns a cell value into the text the rules read: trimmed, HTML tags stripped, entities decoded.

import type { CellValue } from "../model/grid";
import { foldSpaces } from "../parse/spaces";
import { stripHtml } from "../parse/html";

export { stripHtml };

/** The text of a cell: "" for blank; numbers without float noise; booleans as TRUE/FALSE. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return Number.isInteger(value) ? String(value) : String(parseFloat(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return foldSpaces(stripHtml(value));
}

/** True when a cell holds nothing worth reading. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
