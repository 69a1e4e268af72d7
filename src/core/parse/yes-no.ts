// Reads yes/no cells such as Escalate?: Yes/Y/True/1 and No/N/False/0, and Yes or No with words after it.

import type { CellValue } from "../model/grid";
import { fail, ok, type ParseResult } from "./result";

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);
/**
 * "Yes – to Ops Board", "No, managed locally": a whole word Yes or No, then words; or Y or N, then a
 * bracket, comma, semicolon, colon or spaced dash ("Y – Ops Board", "Y (to board)"; not "N-A", "N. Smith").
 */
const WORD_THEN_MORE = /^(?:(yes|no)\b(?!['’])[\s,.;:–—(-]|([yn])(?:\s*[(,;:]|\s+[–—-]))/;

/** Texts already read: a yes/no column holds a few words thousands of times (results are frozen, shared). */
const READ = new Map<string, ParseResult<boolean>>();

/**
 * Reads a yes/no cell: Yes, Y, TRUE, 1 (and a ticked check box, which is TRUE), and Yes or Y followed
 * by words ("Yes – to Ops Board", "Y (to board)"); likewise No. Blank and anything else fail (a blank
 * Escalate? is not a "No" the officer wrote).
 */
export function parseYesNo(value: CellValue): ParseResult<boolean> {
  if (value === null || value === undefined) return fail("blank");
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
    return fail(`${value} is not yes or no`);
  }
  if (typeof value !== "string") return fail("not yes or no");
  let result = READ.get(value);
  if (result === undefined) {
    result = Object.freeze(parseYesNoText(value));
    if (READ.size < 1_000) READ.set(value, result);
  }
  return result;
}

function parseYesNoText(value: string): ParseResult<boolean> {
  const text = value.trim().toLowerCase().replace(/[.!]$/, "");
  if (text === "") return fail("blank");
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  const words = WORD_THEN_MORE.exec(text);
  if (words) return ok((words[1] ?? words[2]).startsWith("y"));
  return fail(`"${value.trim()}" is not yes or no`);
}
