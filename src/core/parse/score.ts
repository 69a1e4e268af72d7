// Reads likelihood, impact and score cells: numbers, or text such as "3 - Possible" and "High (4)".

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";

const NUMBER_ONLY = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const NUMBER_IN_TEXT = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;

/**
 * Reads a score by its number. Out-of-range numbers are returned as they are: whether 0 or 30 is
 * acceptable is the score rule's business, not the reader's. A bare word ("High") has no number and
 * fails, so score rules do not fire on it; text with several numbers ("3 x 4") is ambiguous and fails.
 */
export function parseScore(value: CellValue): ParseResult<number> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail(`${value} is not a number`);
  if (typeof value !== "string") return fail(`${String(value)} is not a score`);
  const text = value.trim();
  if (text === "") return fail("blank");
  if (NUMBER_ONLY.test(text)) return ok(Number(text));
  const numbers = text.match(NUMBER_IN_TEXT) ?? [];
  if (numbers.length === 0) return fail(`"${text}" has no number`);
  const distinct = new Set(numbers.map(Number));
  if (distinct.size > 1) return fail(`"${text}" has more than one number`);
  return ok(Number(numbers[0]));
}
