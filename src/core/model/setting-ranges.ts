// The values a few settings may take: a module of its own, importing only the money parser, so the
// Settings view reads them without pulling the settings model into the pane's first load.

import type { CellValue } from "./grid";
import { parseMoney } from "../parse/money";

/**
 * The whole numbers a few settings may take, one place for both the Settings sheet's reader and the
 * Settings view, so a value one accepts the other saves back: the review period in months, and where the
 * green and amber RAG bands end (red takes the scores above amber's end).
 */
export const SETTING_RANGES = {
  reviewPeriodMonths: { min: 1, max: 12 },
  greenMax: { min: 1, max: 23 },
  amberMax: { min: 2, max: 24 },
} as const;

/**
 * A money threshold (the Operations and Strategic boards'), read as any amount of money is (SPEC "Values" ›
 * Money: "£250k", "£1.2m", "250,000", "Nil"), by the Settings sheet's reader and the Settings view alike:
 * its amount in pounds, or null for no amount or a negative one.
 */
export function settingAmount(value: CellValue): number | null {
  const r = parseMoney(value);
  return r.ok && r.value >= 0 ? r.value : null;
}
