// Reads likelihood, impact and score cells: numbers, text such as "3 - Possible", "High (4)" and
// "4x4=16", and bare words on the likelihood and impact scales ("Likely", "Major").

import type { CellValue } from "../model/grid";
import type { ScaleWord } from "../model/settings";
import { fail, ok, type ParseResult } from "./result";
import { normaliseWords } from "./words";

const NUMBER_ONLY = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const NUMBER_IN_TEXT = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;
/** "4x4=16", "4 x 4 = 16", "4 × 4 = 16": a sum written out, read by its result. */
const PRODUCT = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*=\s*(\d+(?:\.\d+)?)$/i;

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

/**
 * Reads a score by its number. Out-of-range numbers are returned as they are: whether 0 or 30 is
 * acceptable is the score rule's business, not the reader's. "4x4=16" is read by its result (16),
 * so a written-out sum that does not add up ("3x4=15") is caught by the score rule. A bare word is
 * read on `scale` (the likelihood or impact words, a setting) when one is given, else it fails, so
 * score rules do not fire on it; other text with several numbers ("3 x 4") is ambiguous and fails.
 */
export function parseScore(value: CellValue, scale?: readonly ScaleWord[]): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail(`${value} is not a number`);
  if (typeof value !== "string") return fail(`${String(value)} is not a score`);
  const text = value.trim();
  if (text === "") return fail("blank");
  if (NUMBER_ONLY.test(text)) return ok(Number(text));
  const product = PRODUCT.exec(text);
  if (product) return ok(Number(product[3]));
  const numbers = text.match(NUMBER_IN_TEXT) ?? [];
  if (numbers.length === 0) {
    if (!scale) return fail(`"${text}" has no number`);
    const n = scaleMap(scale).get(normaliseWords(text));
    return n === undefined ? fail(`"${text}" has no number and is not a word on the scale`) : ok(n);
  }
  const distinct = new Set(numbers.map(Number));
  if (distinct.size > 1) return fail(`"${text}" has more than one number`);
  return ok(Number(numbers[0]));
}
