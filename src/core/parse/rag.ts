// RAG from a score (bands are a setting) and from the words officers write in RAG cells.

import type { RagBands } from "../model/settings";
import type { Rag } from "../model/owned-tab";
import { fail, ok, type ParseResult } from "./result";

/** The RAG band of a score: up to greenMax green, up to amberMax amber, above that red. */
export function ragFromScore(score: number, bands: RagBands): Rag {
  if (score <= bands.greenMax) return "green";
  if (score <= bands.amberMax) return "amber";
  return "red";
}

/** "(12)" after a word, a number or date at the end ("Amber 12", "Red - 3.4"), and what is not a letter. */
const BRACKETED = /\([^)]*\)/g;
const TRAILING_NUMBER = /[\d.:\-–]+\s*$/g;
const NOT_LETTERS = /[^a-z]+/g;

const RAG_WORDS: Record<string, Rag> = {
  red: "red",
  r: "red",
  "very high": "red",
  "v high": "red",
  high: "red",
  amber: "amber",
  a: "amber",
  medium: "amber",
  med: "amber",
  green: "green",
  g: "green",
  low: "green",
  "very low": "green",
  "v low": "green",
};

/** A number, then a word in brackets: "16 (Red)", "6 (Amber)". */
const SCORE_THEN_WORD = /^\s*\d+(?:\.\d+)?\s*\(\s*([A-Za-z][A-Za-z ]*?)\s*\)\s*$/;

/**
 * Reads a RAG word: Red / Amber / Green (or R / A / G), Very High (V. High) and High as red, Medium as
 * amber, Low and Very Low (V. Low) as green. A number in brackets after the word ("Amber (12)") is ignored; mixed
 * words ("Amber/Red") fail rather than guess.
 */
export function parseRagWord(text: string): ParseResult<Rag> {
  if (typeof text !== "string") return fail("blank");
  const norm = text
    .toLowerCase()
    .replace(BRACKETED, " ")
    .replace(TRAILING_NUMBER, " ")
    .replace(NOT_LETTERS, " ")
    .trim();
  if (norm === "") {
    // A score with its word in brackets, as risk systems write a rating: "16 (Red)".
    const inner = SCORE_THEN_WORD.exec(text);
    if (inner) return parseRagWord(inner[1]);
    return text.trim() === "" ? fail("blank") : fail(`"${text.trim()}" is not a RAG word`);
  }
  return Object.prototype.hasOwnProperty.call(RAG_WORDS, norm)
    ? ok(RAG_WORDS[norm])
    : fail(`"${text.trim()}" is not a RAG word`);
}

/** The words a register writes its RAG in, by the family its cells use (SPEC "Values": the RAG words). */
const RAG_FAMILIES: readonly { test: RegExp; words: Record<Rag, string> }[] = [
  {
    test: /^(?:(?:very|v\.?)\s*)?(?:high|low)\b|^med(?:ium)?\b/i,
    words: { red: "High", amber: "Medium", green: "Low" },
  },
  { test: /^[hml]$/i, words: { red: "H", amber: "M", green: "L" } },
  { test: /^[rag]$/i, words: { red: "R", amber: "A", green: "G" } },
];
const RAG_NAMES: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green" };

/**
 * A RAG written as the register writes it, `like` being one of its cells ("High", "MEDIUM", "R"): High /
 * Medium / Low, H / M / L, R / A / G, in the cell's case where it is all capitals or all small letters;
 * else Red / Amber / Green.
 */
export function ragWordLike(rag: Rag, like: string): string {
  const cell = like.trim();
  const word = (RAG_FAMILIES.find((f) => f.test.test(cell))?.words ?? RAG_NAMES)[rag];
  if (cell.length > 1 && cell === cell.toUpperCase() && cell !== cell.toLowerCase())
    return word.toUpperCase();
  if (cell.length > 1 && cell === cell.toLowerCase() && cell !== cell.toUpperCase())
    return word.toLowerCase();
  return word;
}
