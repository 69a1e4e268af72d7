// Reads a risk's strategy (the 4Ts and Take) from the leading word of its cell.

import type { Settings } from "../model/settings";
import { fail, ok, type ParseResult } from "./result";
import { normaliseWords } from "./words";
import { foldSpaces } from "./spaces";

/** A number in front of the words ("1. Treat", once normalised "1 treat"). */
const LEADING_NUMBER = /^\d+\s+/;
/** "Risk" in front of a strategy word ("Risk Transfer", "Risk acceptance"), once normalised. */
const LEADING_RISK = /^risk\s+/;

export type Strategy = "treat" | "tolerate" | "transfer" | "terminate" | "take";

const STRATEGIES: readonly Strategy[] = ["treat", "tolerate", "transfer", "terminate", "take"];

/**
 * Forms of a word as officers write it: "accept", "accepted", "accepting", "reduce", "reducing", and its
 * noun: in -ance ("insurance", "acceptance", "avoidance", "tolerance"), -ment ("treatment") or -ion
 * ("mitigation", "termination", "reduction").
 */
function forms(word: string): string[] {
  const stem = word.endsWith("e") ? word.slice(0, -1) : word;
  const doubled = word + word.slice(-1); // "transferred", "controlled"
  const nouns = [`${stem}ance`, `${word}ment`];
  if (word.endsWith("ate")) nouns.push(`${stem}ion`, `${word.slice(0, -3)}ance`); // mitigation, tolerance
  if (word.endsWith("ce")) nouns.push(`${stem}tion`); // reduction
  return [
    word,
    `${word}s`,
    `${word}d`,
    `${word}ed`,
    `${stem}ed`,
    `${stem}ing`,
    `${word}ing`,
    `${doubled}ed`,
    `${doubled}ing`,
    ...nouns,
  ];
}

/**
 * Reads a strategy from the cell's leading word(s), case-insensitively, against the strategy words in
 * settings ("Mitigate" is treat, "Accept" tolerate, "Share" transfer, "Avoid" terminate, "Exploit" take).
 * Words after the strategy are fine: "Treat - reduce", "Tolerate/Accept", "Transfer to insurer"; so is "Risk"
 * before it ("Risk Transfer"), and the noun ("Insurance" is transfer, "Mitigation" treat). A Take word is the
 * strategy only standing alone or before a mark ("Take", "Take – exploit", "Take (enhance)"): run on into a
 * sentence it is an ordinary verb ("Take action to reduce", "Enhance controls"), and the sentence is read for
 * another strategy's word (see takeRunsOn).
 */
export function parseStrategy(text: string, words: Settings["strategyWords"]): ParseResult<Strategy> {
  if (typeof text !== "string") return fail("blank");
  const norm = normaliseWords(text).replace(LEADING_NUMBER, ""); // "1. Treat" → "treat"
  if (norm === "") return fail("blank");
  const best = leadingStrategy(norm, words) ?? leadingStrategy(norm.replace(LEADING_RISK, ""), words);
  if (best && !takeRunsOn(text, best)) return ok(best.strategy);
  const inSentence = best ? strategyWordAfter(best.rest, words) : null;
  if (inSentence) return ok(inSentence);
  const shown = foldSpaces(text);
  return fail(`unknown strategy "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}"`);
}

/** A strategy word found leading a cell's normalised words, and the words after it ("" for none). */
interface LeadingMatch {
  strategy: Strategy;
  /** Length of the matched form. */
  length: number;
  rest: string;
}

/**
 * The strategy whose word (in any of its forms) the normalised text starts with; the longest match wins.
 * `except`: a strategy whose words are not looked for.
 */
function leadingStrategy(
  norm: string,
  words: Settings["strategyWords"],
  except?: Strategy,
): LeadingMatch | null {
  if (norm === "") return null;
  let best: LeadingMatch | null = null;
  for (const strategy of STRATEGIES) {
    if (strategy === except) continue;
    const list = words && Array.isArray(words[strategy]) ? words[strategy] : [];
    for (const raw of list) {
      if (typeof raw !== "string") continue;
      const word = normaliseWords(raw);
      if (word === "") continue;
      for (const form of forms(word)) {
        const matches = norm === form || norm.startsWith(form + " ");
        // The longest match wins, so a multi-word setting ("risk share") beats a one-word one.
        if (matches && (best === null || form.length > best.length))
          best = { strategy, length: form.length, rest: norm.slice(form.length).trim() };
      }
    }
  }
  return best;
}

/** A cell's words as normaliseWords splits them. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * True when a leading Take word runs on into a sentence: words follow it with only spaces between ("Take
 * action to reduce", "Enhance controls", "Exploit existing contract terms"), so it is a verb, not the
 * strategy. Before a mark ("Take – exploit", "Take (enhance)", "Take: income from permits") it is the strategy.
 */
function takeRunsOn(text: string, match: LeadingMatch): boolean {
  if (match.strategy !== "take" || match.rest === "") return false;
  const tokens = [...text.matchAll(WORD)];
  const next = tokens.length - match.rest.split(" ").length;
  if (next <= 0) return false;
  const before = tokens[next - 1];
  return text.slice(before.index + before[0].length, tokens[next].index).trim() === "";
}

/**
 * The first strategy other than Take whose word stands among `rest`'s words: "action to reduce" → treat
 * ("reduce"), "controls" → treat ("control"); null for none ("existing contract terms to recover costs").
 */
function strategyWordAfter(rest: string, words: Settings["strategyWords"]): Strategy | null {
  const list = rest.split(" ");
  for (let i = 0; i < list.length; i++) {
    const found = leadingStrategy(list.slice(i).join(" "), words, "take");
    if (found) return found.strategy;
  }
  return null;
}

/** Marks between two strategies named in one cell: "Treat/Transfer", "Treat & Insure", "Tolerate, Transfer". */
const BETWEEN_STRATEGIES = /[/&+,;]/;

/**
 * Every strategy a cell names, the leading one first: "Treat/Transfer" names treat and transfer (the risk is
 * transferred in part, so it must say to whom). Each part between the marks is read as a strategy cell is; a
 * part that names none ("Treat - reduce and share learning" is one part) adds nothing.
 */
export function strategiesNamed(text: string, words: Settings["strategyWords"]): Strategy[] {
  const named: Strategy[] = [];
  for (const part of text.split(BETWEEN_STRATEGIES)) {
    const r = parseStrategy(part, words);
    if (r.ok && !named.includes(r.value)) named.push(r.value);
  }
  return named;
}
