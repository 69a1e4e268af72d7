// Reads likelihood, impact and score cells: numbers, text such as "3 - Possible", "High (4)" and
// "4x4=16", and bare words on the likelihood and impact scales ("Likely", "Major").

import type { CellValue } from "../model/grid";
import type { ScaleWord } from "../model/settings";
import { fail, ok, type ParseResult } from "./result";
import { normaliseWords } from "./words";

const NUMBER_ONLY = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const NUMBER_IN_TEXT = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;
/** "4x4", "4 x 4", "4 × 4", "4*4": likelihood times impact written out. */
const PRODUCT = /(?<![\d.])(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)(?![\d.])/gi;
/** A times sign next to a number: what is left of a text after its product must hold none. */
const TIMES_BESIDE_NUMBER = /[x×*]\s*\d|\d\s*[x×*]/i;
/**
 * A product whose factors carry their labels or scale words: "L4 x I4", "L4xI4", "Likely (4) x Major (4)",
 * "4 by 4", with its result after "=" when written.
 */
const LABELLED_FACTORS = String.raw`(?:[a-z]+\s*)?(?:[a-z ]*\(\s*)?(\d+)\s*\)?\s*(?:[x×*]|\bby\b)\s*(?:[a-z]+\s*)?(?:[a-z ]*\(\s*)?(\d+)\s*\)?`;
const LABELLED_PRODUCT = new RegExp(String.raw`^${LABELLED_FACTORS}\s*(?:=\s*(\d+))?$`, "i");
/** The result first, its labelled product after it: "16 (L4 x I4)", "16 = L4 x I4". */
const RESULT_THEN_PRODUCT = new RegExp(String.raw`^(\d+)\s*(?:=|\()\s*${LABELLED_FACTORS}\s*\)?$`, "i");
/** Likelihood and impact named apart in one cell: "L=4, I=4", "Likelihood 4, Impact 4". */
const LABELLED_PAIR =
  /^(?:l|likelihood)\s*[=:]?\s*(\d+)\s*[,;/&]?\s*(?:and\s+)?(?:i|impact)\s*[=:]?\s*(\d+)$/i;
/** The same number again in brackets: "4 - High (4)". */
const REPEATED_IN_BRACKETS = /\(\s*(\d+(?:\.\d+)?)\s*\)/;

/** Scales are settings read for every cell: fold each list's words once. */
const scaleCache = new WeakMap<readonly ScaleWord[], Map<string, number>>();

function scaleMap(words: readonly ScaleWord[]): Map<string, number> {
  let map = scaleCache.get(words);
  if (!map) {
    map = new Map();
    for (const w of words) {
      if (!w || typeof w.word !== "string" || typeof w.value !== "number") continue;
      const key = normaliseWords(w.word);
      if (key !== "" && !map.has(key)) map.set(key, w.value);
    }
    scaleCache.set(words, map);
  }
  return map;
}

/** The top of the likelihood and impact scales, and of the score (SPEC "Values", Scores: 1–5, 1–25). */
export const FACTOR_MAX = 5;
export const SCORE_MAX = 25;

/**
 * True for a value on its scale: a whole number from 1 to `max` (FACTOR_MAX for a likelihood or impact,
 * SCORE_MAX for a score). "60%" read as 60, or 0.6 shown as 60%, is not.
 */
export function onScale(value: number, max: number): boolean {
  return value >= 1 && value <= max && Number.isInteger(value);
}

/** A score with a note of what it was before: "12 (was 16)", "12 - down from 16", "16 (previously 12)". */
const SCORE_THEN_WAS =
  /^(\d+(?:\.\d+)?)\s*(?:\(\s*|[-–—,;:]\s*)?(?:was|previously|prev\b\.?|(?:down|up|reduced|increased|raised|lowered)\s+from|last\s+month)\b/i;

/**
 * Reads a score by its number. Out-of-range numbers are returned as they are: whether 0 or 30 is
 * acceptable is the score rule's business, not the reader's. A product written out is read by the result
 * written beside it ("4x4=16", "16 (4 x 4)": 16), so a sum that does not add up ("3x4=15") is caught by the
 * score rule, or, with no result beside it, as the product ("4 x 4": 16, never 4); so are factors written with
 * their labels or scale words ("L4 x I4", "Likely (4) x Major (4)", "L=4, I=4"). A bare word is read on
 * `scale` (the likelihood or impact words, a setting) when one is given, else it fails, so score rules do not
 * fire on it; a number or scale word first with its meaning after it ("Major – £250k loss to the contract",
 * "4 – Major: £250k loss …") is read by that number or word; other text with several numbers ("1-5", "4/4",
 * "4 x 4 x 2") is ambiguous and fails.
 */
export function parseScore(value: CellValue, scale?: readonly ScaleWord[]): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail(`${value} is not a number`);
  if (typeof value !== "string") return fail(`${String(value)} is not a score`);
  const text = value.trim();
  if (text === "") return fail("blank");
  if (NUMBER_ONLY.test(text)) return ok(Number(text));
  const product = productScore(text);
  if (product !== null) return product;
  const rated = ratingWithMeaning(text, scale);
  if (rated !== null) return ok(rated);
  const numbers = text.match(NUMBER_IN_TEXT) ?? [];
  if (numbers.length === 0) {
    if (!scale) return fail(`"${text}" has no number`);
    const n = scaleMap(scale).get(normaliseWords(text));
    return n === undefined ? fail(`"${text}" has no number and is not a word on the scale`) : ok(n);
  }
  // The score now, and what it was: "12 (was 16)", "12 – down from 16", "16 (prev 12)".
  const now = numbers.length > 1 ? SCORE_THEN_WAS.exec(text) : null;
  if (now) return ok(Number(now[1]));
  const distinct = new Set(numbers.map(Number));
  // Two numbers, even equal ones ("4/4", "4 & 4"), are ambiguous; the same number again in brackets is not.
  if (distinct.size > 1 || (numbers.length > 1 && !REPEATED_IN_BRACKETS.test(text)))
    return fail(`"${text}" has more than one number`);
  return ok(Number(numbers[0]));
}

/**
 * A rating and what it means, after a colon, semicolon, comma or dash: "Major – £250k loss to the contract",
 * "4 – Major: £250k loss …", "3 - Possible". Group 1 is the rating, group 2 its meaning (words, not a second
 * number: "2 - 3" is a range).
 */
const WITH_MEANING = /^([^:;,–—-]+?)\s*(?:[:;,]|[–—-])\s*(.*[a-z]{3}.*)$/i;

/**
 * The rating a text gives first, its meaning after it (see WITH_MEANING): a number, or a word on `scale`
 * ("Major" on the impact scale); null where the text does not start so. The meaning may hold numbers of its
 * own (the scoring guide's "£250k" band), which are not the rating.
 */
function ratingWithMeaning(text: string, scale: readonly ScaleWord[] | undefined): number | null {
  const m = WITH_MEANING.exec(text);
  if (!m) return null;
  const head = m[1].trim();
  if (NUMBER_ONLY.test(head)) return Number(head);
  return scale ? (scaleMap(scale).get(normaliseWords(head)) ?? null) : null;
}

/** A score written as a product (see parseScore), or null when the text holds no product. */
function productScore(text: string): ParseResult<number> | null {
  const labelled = LABELLED_PRODUCT.exec(text) ?? LABELLED_PAIR.exec(text);
  if (labelled)
    return ok(labelled[3] !== undefined ? Number(labelled[3]) : Number(labelled[1]) * Number(labelled[2]));
  // The result written first is the score, as one written after "=" is.
  const resultFirst = RESULT_THEN_PRODUCT.exec(text);
  if (resultFirst) return ok(Number(resultFirst[1]));
  const products = [...text.matchAll(PRODUCT)];
  if (products.length === 0) return null;
  const [written, a, b] = products[0];
  const at = products[0].index ?? 0;
  const rest = `${text.slice(0, at)} ${text.slice(at + written.length)}`;
  if (products.length > 1 || TIMES_BESIDE_NUMBER.test(rest)) return fail(`"${text}" is not a score`);
  const stated = new Set((rest.match(NUMBER_IN_TEXT) ?? []).map(Number));
  if (stated.size > 1) return fail(`"${text}" has more than one number`);
  return ok(stated.size === 1 ? [...stated][0] : Number(a) * Number(b));
}
