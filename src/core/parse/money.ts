// Reads money cells: numbers, "£50,000", "50k", "£1.2m", "£250,000.00".

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";

const MONEY =
  /^(\(?)\s*([+-]?)\s*(?:£|gbp)?\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|m|bn|thousand|million|billion)?\s*\)?$/i;

const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

/**
 * Reads an amount in pounds. Blank, "N/A", "TBC" and other words fail; negative amounts
 * ("-5,000", "(5,000)") are read as negative numbers.
 */
export function parseMoney(value: CellValue): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number")
    return Number.isFinite(value) ? ok(value) : fail(`${value} is not an amount`);
  if (typeof value !== "string") return fail(`${String(value)} is not an amount`);
  const text = value.trim();
  if (text === "") return fail("blank");
  const m = MONEY.exec(text);
  if (!m) return fail(`"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not an amount`);
  const bracketed = m[1] === "(";
  if (bracketed !== text.endsWith(")")) return fail(`"${text}" is not an amount`);
  if (m[2] && m[3]) return fail(`"${text}" is not an amount`);
  const negative = bracketed || m[2] === "-" || m[3] === "-";
  const unit = m[5] ? MULTIPLIER[m[5].toLowerCase()] : 1;
  // Round to pennies so "£1.2m" is 1200000, not 1199999.9999999998.
  const amount = Math.round(Number(m[4].replace(/,/g, "")) * unit * 100) / 100;
  return ok(negative ? -amount : amount);
}
