// Finds signs that "completed" work is not finished: an outstanding-work phrase, or a future date.

import { dayFromParts, monthSpan, type DayNumber } from "./day";
import { fullYear, MONTH_WORD_SOURCE, monthNumber } from "./months";
import { financialQuarterStart, financialYearStart } from "./financial-year";

interface Hit {
  index: number;
  quote: string;
}

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** What "…" in a phrase stands for: a few words within one sentence. */
const WILDCARD = String.raw`(?:\s+[^.;!?\n]{0,80}?)?\s+`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase setting as a regex source: whole words, any spacing, "…" or "..." a wildcard; null for no words. */
function phraseSource(phrase: string): string | null {
  const parts = phrase
    .split(/…|\.\.\./)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => escapeRegex(p).replace(/\s+/g, String.raw`\s+`));
  return parts.length === 0 ? null : parts.join(WILDCARD);
}

/**
 * One regex for a list of phrase settings: case-insensitive, each phrase a whole-word alternative in the
 * list's order. A regex finds the leftmost match, and at one place the first phrase of the list that
 * matches there: the first phrase in the text, as reading each phrase on its own and keeping the earliest
 * would. One regex, not one a phrase: each is compiled once, and a text is read once, not once a phrase.
 */
function phrasesPattern(phrases: readonly string[]): RegExp | null {
  const sources: string[] = [];
  for (const phrase of phrases) {
    if (typeof phrase !== "string") continue;
    const source = phraseSource(phrase);
    if (source !== null) sources.push(source);
  }
  if (sources.length === 0) return null;
  return new RegExp(`${NOT_WORD_BEFORE}(?:${sources.join("|")})${NOT_WORD_AFTER}`, "iu");
}

/**
 * The pattern of a phrase list, made once per list of words: a check reads its settings' list for every
 * completed action (found by the list itself), and each check's settings are a new list of the same words
 * (found by its words).
 */
const patternOfList = new WeakMap<readonly string[], RegExp | null>();
const patternOfWords = new Map<string, RegExp | null>();
function patternOf(phrases: readonly string[]): RegExp | null {
  let re = patternOfList.get(phrases);
  if (re === undefined) {
    const words = phrases.map(String).join("\u0000");
    re = patternOfWords.get(words);
    if (re === undefined) {
      re = phrasesPattern(phrases);
      if (patternOfWords.size >= 100) patternOfWords.clear();
      patternOfWords.set(words, re);
    }
    patternOfList.set(phrases, re);
  }
  return re;
}

function firstPhrase(text: string, phrases: readonly string[]): Hit | null {
  const m = patternOf(phrases)?.exec(text);
  return m ? { index: m.index, quote: m[0] } : null;
}

const M = MONTH_WORD_SOURCE;
// A year followed by "/24" or "-24" is a financial-year label ("March 2023/24"), not a date.
const NOT_FY = String.raw`(?![/-]\d)`;
const DATE_PATTERNS: readonly { re: RegExp; start: (m: RegExpExecArray) => DayNumber | null }[] = [
  {
    // 10 December 2022, 10th Dec 2022, 10-Dec-22
    re: new RegExp(
      String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(${M})\.?(?:\s+|-)(\d{4}|\d{2})\b${NOT_FY}`,
      "gi",
    ),
    start: (m) => dayFromParts(fullYear(m[3]), monthNumber(m[2]) ?? 0, Number(m[1])),
  },
  {
    // December 2022, Dec 2022, Dec-22, Dec '22
    re: new RegExp(String.raw`\b(${M})\.?(?:\s+(\d{4})|(?:-|\s*')(\d{2}))\b${NOT_FY}`, "gi"),
    start: (m) => monthSpan(fullYear(m[2] ?? m[3]), monthNumber(m[1]) ?? 1).first,
  },
  {
    // 10/12/2022, 10/12/22 (day first; two-part "23/24" is a financial year and never matches)
    re: /(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])/g,
    start: (m) => dayFromParts(fullYear(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // 2022-12-10
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    start: (m) => dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // Q4 2022/23: a UK financial-year quarter (Q4 is January–March 2023)
    re: /\bQ([1-4])\s*(?:FY\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})\b/gi,
    start: (m) => {
      const fy = financialYearStart(m[2], m[3]);
      if (fy === null) return null;
      const { year, month } = financialQuarterStart(Number(m[1]), fy);
      return monthSpan(year, month).first;
    },
  },
  {
    // Q1 2023
    re: /\bQ([1-4])\s*(\d{4})\b(?![/-]\d)/gi,
    start: (m) => monthSpan(Number(m[2]), Number(m[1]) * 3 - 2).first,
  },
];

/**
 * The first date in the text that is wholly after the as-at date. A month or quarter counts only when
 * it starts after the as-at date, so "October 2022" as at 10 October 2022 is not flagged: it may well
 * be the month the work was done.
 */
function firstFutureDate(text: string, asAt: DayNumber): Hit | null {
  let best: Hit | null = null;
  for (const { re, start } of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const day = start(m);
      if (day !== null && day > asAt) {
        if (best === null || m.index < best.index) best = { index: m.index, quote: m[0] };
        break; // later matches of this pattern come after this one
      }
    }
  }
  return best;
}

/**
 * Looks in a completed action's Status or Evidence text for outstanding work: the first
 * outstanding-work phrase (a setting; "…" matches a few words, so "will be … when available" finds
 * "will be moved to new system when available") or the first month or date after the as-at date
 * ("December 2022" as at 10 October 2022). Financial-year labels ("2023/24 Annual Plan", "23/24")
 * are not dates here. Returns the words as they appear in the text, or null.
 */
export function findOutstandingWork(text: string, phrases: string[], asAt: DayNumber): string | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const phrase = firstPhrase(text, Array.isArray(phrases) ? phrases : []);
  const date = Number.isFinite(asAt) ? firstFutureDate(text, asAt) : null;
  const first = phrase && date ? (date.index < phrase.index ? date : phrase) : (phrase ?? date);
  return first ? first.quote.replace(/\s+/g, " ") : null;
}
