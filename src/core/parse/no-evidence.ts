// Evidence cells that say, in words, that there is no evidence: "No evidence held", "None yet", "Nil".

import { normaliseWords } from "./words";

/** Words that start a cell saying there is nothing to cite. */
const NONE_WORDS = ["no", "none", "nil"];

/**
 * Words that may follow them in such a cell without naming any evidence: "No evidence held", "None as yet",
 * "No evidence provided to date", "Nil return".
 */
const EMPTY_WORDS: ReadonlySet<string> = new Set([
  "evidence",
  "yet",
  "as",
  "held",
  "provided",
  "available",
  "received",
  "supplied",
  "submitted",
  "seen",
  "recorded",
  "uploaded",
  "found",
  "given",
  "on",
  "file",
  "to",
  "date",
  "so",
  "far",
  "at",
  "present",
  "currently",
  "return",
]);

/**
 * True when an evidence cell says there is none (SPEC "Placeholders": evidence "N/A" is empty evidence; an
 * officer with nothing to cite also writes it in words): it starts with No, None or Nil and every word
 * after that is one of EMPTY_WORDS. Anything naming a document ("No. 12 minutes", "None needed – see
 * minutes") is evidence as written.
 */
export function saysNoEvidence(text: string): boolean {
  const words = normaliseWords(text).split(" ");
  if (!NONE_WORDS.includes(words[0])) return false;
  // "No" alone is an answer, not a document; "No evidence" and "None yet" are read on their words.
  return words.slice(1).every((w) => EMPTY_WORDS.has(w));
}
