// UK financial years (April to March) and their quarters, as plans and registers write them: "2022/23",
// "Q2 2022/23" (Q1 April–June … Q4 January–March of the following year), and "FY23", named by the year it ends.

import { fullYear } from "./months";

/** The calendar year a financial year "2022/23" (or "22-23", "2022/2023") starts in, or null when the second year does not follow the first. */
export function financialYearStart(first: string, second: string): number | null {
  const start = fullYear(first);
  const follows = second.length === 2 ? Number(second) === (start + 1) % 100 : Number(second) === start + 1;
  return follows ? start : null;
}

/**
 * The calendar year a financial year named by its ending year starts in: "FY23" and "FY2023" are 2022/23, as
 * the UK public sector names a financial year (1 April 2022 to 31 March 2023). A two-digit year is read as
 * Excel reads one (00–29 20xx, 30–99 19xx).
 */
export function financialYearEndingStart(ending: string): number {
  return fullYear(ending) - 1;
}

/** The calendar year and first month (1–12) of quarter `q` (1–4) of the financial year starting in `start`. */
export function financialQuarterStart(q: number, start: number): { year: number; month: number } {
  return q < 4 ? { year: start, month: q * 3 + 1 } : { year: start + 1, month: 1 };
}
