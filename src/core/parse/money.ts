// Reads money cells as people write them: numbers, "£50,000", "50k", "£1.2m", "c. £0.25m", "£120k pa",
// "Up to £75,000", "£85,000 (est.)", "£50k–£100k" and "Between £10k and £20k" (the upper end), "Nil".

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";

const AMOUNT = String.raw`(?:£|gbp)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|mn|m|bn|thousand|million|billion)?`;

const MONEY =
  /^(\(?)\s*([+-]?)\s*(?:£|gbp)?\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|mn|m|bn|thousand|million|billion)?\s*\)?$/i;

/** A range "£50k–£100k", "£30k to £45k": its upper end counts. */
const RANGE = new RegExp(String.raw`^${AMOUNT}\s*(?:[-–—]|to)\s*${AMOUNT}$`, "i");
/** A range in words, "Between £10k and £20k": its upper end counts too. */
const BETWEEN = new RegExp(String.raw`^between\s+${AMOUNT}\s+and\s+${AMOUNT}$`, "i");

/** Words before an amount that do not change it: "c.", "circa", "approx.", "about", "up to", "max". */
const LEADING_WORDS =
  /^(?:c\.?|ca\.?|circa|approx\.?|approximately|about|around|est\.?|estimated|up\s+to|upto|max\.?|maximum|min\.?|minimum|over|under|less\s+than|more\s+than|at\s+least|[<>~≈]=?)(?![a-z])\s*/i;
/**
 * Words after an amount that do not change it: "pa", "p/a", "per annum", "/yr", "+", "plus", "est",
 * "- estimated", "approx", and a bracketed note of words ("(est.)", "(capital)"; not "(£100k over 2
 * years)", which names another amount).
 */
const TRAILING_WORDS =
  /\s*(?:\+|\([^()\d]*[a-z][^()\d]*\)|(?:[-–—,]\s*)?(?:p\.?\s?\/?\s?a\.?|(?:per\s+|\/\s?)(?:annum|year|yr|month)|a\s+year|each\s+year|annually|plus|est\.?|estimated|approx\.?|approximately|circa))$/i;

const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

function amountOf(digits: string, unit: string | undefined): number {
  const times = unit ? MULTIPLIER[unit.toLowerCase()] : 1;
  // Round to pennies so "£1.2m" is 1200000, not 1199999.9999999998.
  return Math.round(Number(digits.replace(/,/g, "")) * times * 100) / 100;
}

/** Strips the words around an amount that do not change it, however many ("c. £120k pa (est.)"). */
function bareAmount(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const next = t.replace(LEADING_WORDS, "").replace(TRAILING_WORDS, "").trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

/**
 * Reads an amount in pounds. Blank and text without an amount ("significant", "TBC") fail; "Nil" is
 * 0; a range ("£50k–£100k", "between £10k and £20k") gives its upper end; negative amounts ("-5,000",
 * "(5,000)") are read as negative numbers.
 */
export function parseMoney(value: CellValue): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number")
    return Number.isFinite(value) ? ok(value) : fail(`${value} is not an amount`);
  if (typeof value !== "string") return fail(`${String(value)} is not an amount`);
  const text = value.trim();
  if (text === "") return fail("blank");
  const shown = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not an amount`;
  if (/^nil\.?$/i.test(text)) return ok(0);
  if (text.length > 80) return fail(shown);
  const plain = readPlain(text) ?? readPlain(bareAmount(text));
  if (plain !== null) return plain;
  const bare = bareAmount(text);
  const range = RANGE.exec(bare) ?? BETWEEN.exec(bare);
  if (range) {
    const low = amountOf(range[1], range[2]);
    const high = amountOf(range[3], range[4]);
    return high >= low ? ok(high) : fail(shown);
  }
  return fail(shown);
}

/**
 * One amount written alone, with no words around it and no range ("£120,000", "120,000", "£1.2m",
 * "-5,000"): its value in pounds, else null.
 */
export function plainAmount(text: string): number | null {
  const r = readPlain(text.trim());
  return r?.ok ? r.value : null;
}

/** One amount, maybe negative or bracketed; null when the text is not one. */
function readPlain(text: string): ParseResult<number> | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  const bracketed = m[1] === "(";
  if (bracketed !== text.endsWith(")")) return fail(`"${text}" is not an amount`);
  if (m[2] && m[3]) return fail(`"${text}" is not an amount`);
  const negative = bracketed || m[2] === "-" || m[3] === "-";
  const amount = amountOf(m[4], m[5]);
  return ok(negative ? -amount : amount);
}
