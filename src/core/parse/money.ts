// Reads money cells as people write them: numbers, "£50,000", "50k", "£1.2m", "c. £0.25m", "£120k pa",
// "Up to £75,000", "In excess of £250,000", "£85,000 (est.)", "£60,000 (2022/23)", "£60k.", "£50k–£100k" and
// "Between £10k and £20k" (the upper end), "Nil", and one amount among words ("£300k over 3 years").

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";

const AMOUNT = String.raw`(?:£|gbp)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|mn|m|bn|thousand|million|billion)?`;

const MONEY =
  /^(\(?)\s*([+-]?)\s*(?:£|gbp)?\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(k|mn|m|bn|thousand|million|billion)?\s*\)?$/i;

/** A range "£50k–£100k", "£30k to £45k": its upper end counts. */
const RANGE = new RegExp(String.raw`^${AMOUNT}\s*(?:[-–—]|to)\s*${AMOUNT}$`, "i");
/** A range in words, "Between £10k and £20k": its upper end counts too. */
const BETWEEN = new RegExp(String.raw`^between\s+${AMOUNT}\s+and\s+${AMOUNT}$`, "i");

/** Words before an amount that do not change it: "c.", "circa", "approx.", "about", "up to", "in excess of". */
const LEADING_WORDS =
  /^(?:c\.?|ca\.?|circa|approx\.?|approximately|about|around|est\.?|estimated|up\s+to|upto|max\.?|maximum|min\.?|minimum|over|under|less\s+than|more\s+than|at\s+least|in\s+excess\s+of|[<>~≈]=?)(?![a-z])\s*/i;
/**
 * Words after an amount that do not change it: "pa", "p/a", "per annum", "/yr", "+", "plus", "est",
 * "- estimated", "approx", and a full stop ("£60k."). A bracketed note is {@link BRACKETED_NOTE}.
 */
const TRAILING_WORDS =
  /\s*(?:\+|\.|(?:[-–—,]\s*)?(?:p\.?\s?\/?\s?a\.?|(?:per\s+|\/\s?)(?:annum|year|yr|month)|a\s+year|each\s+year|annually|plus|est\.?|estimated|approx\.?|approximately|circa))$/i;
/**
 * A bracketed note after an amount ("(est.)", "(capital)", "(2022/23)", "(Q3)"); it is dropped unless it
 * names an amount of its own ("(£100k over 2 years)").
 */
const BRACKETED_NOTE = /\s*\(([^()]*[\p{L}\p{N}][^()]*)\)$/u;

/**
 * An amount that says it is money: "£60,000", "£1.2m", "300k", "-£5k". A bare number ("3 years", "Q3",
 * "2022/23", "HRC-004") is not one. Groups: sign, "£", digits, unit.
 */
const MONEY_AMOUNT =
  /(?<![\p{L}\p{N}.,])([-−]?)(£\s*|gbp\s*)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(k|mn|m|bn|thousand|million|billion)?(?![\p{L}\p{N}]|[.,]\d)/giu;
/** A share or a product ("10% of £500k", "2 x £50k"): the amount among the words is not the impact. */
const ARITHMETIC = /%|(?<!\p{L})[x×*](?!\p{L})/u;

const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

/**
 * The amount in pounds of digits and their unit ("1.2", "m"). Digits without a unit are in the column's unit
 * (`columnUnit`, 1000 under a "£k" header); digits with one are not scaled again.
 */
function amountOf(digits: string, unit: string | undefined, columnUnit: number): number {
  const times = unit ? MULTIPLIER[unit.toLowerCase()] : columnUnit;
  // Round to pennies so "£1.2m" is 1200000, not 1199999.9999999998.
  return Math.round(Number(digits.replace(/,/g, "")) * times * 100) / 100;
}

/** The amounts in a text that say they are money ({@link MONEY_AMOUNT}), signed, in pounds. */
function moneyAmountsIn(text: string, columnUnit: number): number[] {
  const amounts: number[] = [];
  for (const m of text.matchAll(MONEY_AMOUNT)) {
    if (!m[2] && !m[4]) continue;
    const amount = amountOf(m[3], m[4], columnUnit);
    amounts.push(m[1] ? -amount : amount);
  }
  return amounts;
}

/** Drops a trailing bracketed note that names no amount ("£60k (Q3)" → "£60k"). */
function withoutNote(text: string): string {
  const note = BRACKETED_NOTE.exec(text);
  return note && moneyAmountsIn(note[1], 1).length === 0 ? text.slice(0, note.index) : text;
}

/** Strips the words around an amount that do not change it, however many ("c. £120k pa (est.)"). */
function bareAmount(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const next = withoutNote(t.replace(LEADING_WORDS, "")).replace(TRAILING_WORDS, "").trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

/**
 * Reads an amount in pounds. Blank and text without an amount ("significant", "TBC") fail; "Nil" is
 * 0; a range ("£50k–£100k", "between £10k and £20k") gives its upper end; negative amounts ("-5,000",
 * "(5,000)") are read as negative numbers. Among other words, one amount that says it is money (a "£" or a
 * k/m unit: "£60,000 revenue pressure") is read; two different ones ("£50k now, £80k by 2025") are not.
 * `columnUnit` scales a number written without a unit: 1000 in a column headed "£k", so 300 is £300,000
 * there while "£1.2m" stays £1,200,000.
 */
export function parseMoney(value: CellValue, columnUnit = 1): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number")
    return Number.isFinite(value) ? ok(scaled(value, columnUnit)) : fail(`${value} is not an amount`);
  if (typeof value !== "string") return fail(`${String(value)} is not an amount`);
  const text = value.trim();
  if (text === "") return fail("blank");
  const shown = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not an amount`;
  if (/^nil\.?$/i.test(text)) return ok(0);
  if (text.length > 80) return fail(shown);
  const plain = readPlain(text, columnUnit) ?? readPlain(bareAmount(text), columnUnit);
  if (plain !== null) return plain;
  const bare = bareAmount(text);
  const range = RANGE.exec(bare) ?? BETWEEN.exec(bare);
  if (range) {
    const low = amountOf(range[1], range[2], columnUnit);
    const high = amountOf(range[3], range[4], columnUnit);
    return high >= low ? ok(high) : fail(shown);
  }
  if (ARITHMETIC.test(text)) return fail(shown);
  const amounts = new Set(moneyAmountsIn(text, columnUnit));
  return amounts.size === 1 ? ok([...amounts][0]) : fail(shown);
}

/** A number cell in the column's unit, in pounds (rounded to pennies, as {@link amountOf} is). */
function scaled(n: number, columnUnit: number): number {
  return columnUnit === 1 ? n : Math.round(n * columnUnit * 100) / 100;
}

/**
 * One amount written alone, with no words around it and no range ("£120,000", "120,000", "£1.2m",
 * "-5,000"): its value in pounds, else null.
 */
export function plainAmount(text: string): number | null {
  const r = readPlain(text.trim(), 1);
  return r?.ok ? r.value : null;
}

/** One amount, maybe negative or bracketed; null when the text is not one. */
function readPlain(text: string, columnUnit: number): ParseResult<number> | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  const bracketed = m[1] === "(";
  if (bracketed !== text.endsWith(")")) return fail(`"${text}" is not an amount`);
  if (m[2] && m[3]) return fail(`"${text}" is not an amount`);
  const negative = bracketed || m[2] === "-" || m[3] === "-";
  const amount = amountOf(m[4], m[5], columnUnit);
  return ok(negative ? -amount : amount);
}
