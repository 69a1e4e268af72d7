// Reading the log tabs' cells: a log's date column is a date whatever its number format says.

import type { CellValue } from "../model/grid";
import { dayFromSerial, parseDate, parseScore, type DayNumber } from "../parse";

/** Serials a log's date column may hold (1954–2119): a bare number there is an Excel date. */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

/**
 * Reads a log's date cell: an Excel serial (with or without a date format, a time of day ignored), or
 * a date as officers type it ("12/09/22", "12 Sept 2022", "2022-10-10 14:05"). Null when not a date.
 */
export function logDay(
  value: CellValue,
  format: string | null,
  memo: Map<CellValue, DayNumber | null>,
): DayNumber | null {
  if (value === null || value === "") return null;
  let day = memo.get(value);
  if (day !== undefined) return day;
  if (typeof value === "number") {
    const r =
      value >= SERIAL_MIN && value <= SERIAL_MAX
        ? dayFromSerial(value)
        : parseDate(value, format, "lastUpdated");
    day = r.ok ? r.value : null;
  } else {
    const r = parseDate(value, format, "lastUpdated");
    day = r.ok ? r.value : null;
  }
  if (memo.size < 100_000) memo.set(value, day);
  return day;
}

/** A score 1–25 from a log cell, or null (blank, text without one number, out of range). */
export function logScore(value: CellValue): number | null {
  if (value === null || value === "") return null;
  if (typeof value === "number" && Number.isInteger(value)) return value >= 1 && value <= 25 ? value : null;
  const r = parseScore(value);
  return r.ok && r.value >= 1 && r.value <= 25 ? r.value : null;
}

const YES = /^\s*(yes|y|true|✓|✔|x)\b/i;
/** A log's no-change column holds a few words thousands of times: each is read once. */
const yesMemo = new Map<string, boolean>();

/** True for a "no change" flag: Yes, Y, True, a tick, or Yes with words after it. */
export function isYes(value: CellValue): boolean {
  if (value === true) return true;
  if (typeof value === "number") return value === 1;
  if (typeof value !== "string") return false;
  let yes = yesMemo.get(value);
  if (yes === undefined) {
    yes = YES.test(value);
    if (yesMemo.size < 1_000) yesMemo.set(value, yes);
  }
  return yes;
}
