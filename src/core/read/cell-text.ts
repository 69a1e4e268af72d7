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

/** A number format that shows its number as a percentage ("0%", "0.0%"), outside quoted text. */
function isPercentFormat(format: string | null): boolean {
  return format !== null && format.includes("%") && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

/**
 * The text of a cell as the officer sees it where that matters to the rules: a number 0–1 shown as a
 * percentage is its percentage ("100%": Excel stores a typed 100% as 1 in a "0%" cell; no status needs
 * more); any other value as cellText.
 */
export function shownText(value: CellValue, format: string | null): string {
  if (typeof value === "number" && value >= 0 && value <= 1 && isPercentFormat(format))
    return `${parseFloat((value * 100).toPrecision(12))}%`;
  return cellText(value);
}
