// Turns a cell value into the text the rules read: trimmed, HTML tags stripped, entities decoded.

import type { CellValue } from "../model/grid";
import { dayFromSerial, isDateFormat, isMonthOnlyFormat } from "../parse/date";
import { partsFromDay, ukDate } from "../parse/day";
import { MONTH_NAMES } from "../parse/months";
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

/**
 * The text of a header cell as the officer sees it: a date typed as a header ("Sep-22", a month shown
 * mmm-yy) is its month ("Sep-22", or "September 2022" where the format spells the month out) or its day
 * (dd/mm/yyyy), never the serial Excel keeps (44805); any other value as cellText.
 */
export function headerText(value: CellValue, format: string | null): string {
  if (typeof value !== "number" || !isDateFormat(format)) return cellText(value);
  const day = dayFromSerial(value);
  if (!day.ok) return cellText(value);
  if (!isMonthOnlyFormat(format)) return ukDate(day.value);
  const codes = (format ?? "").toLowerCase().replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return monthLabel(day.value, /mmmm/.test(codes), /yyy/.test(codes));
}

/** A month as Excel shows it: "Sep-22" (mmm-yy), or "September 2022" (mmmm yyyy); `day` is any day of it. */
export function monthLabel(day: number, longMonth = false, longYear = false): string {
  const { year, month } = partsFromDay(day);
  const name = MONTH_NAMES[month - 1];
  const y = longYear ? String(year) : String(year % 100).padStart(2, "0");
  return longMonth ? `${name} ${y}` : `${name.slice(0, 3)}-${y}`;
}
