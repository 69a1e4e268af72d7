// Matching a cell's leading word(s) against a list of words, the way status and strategy cells are read.

const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

/** Lower-cased, with punctuation turned into spaces and runs of spaces folded. */
export function normaliseWords(text: string): string {
  return text.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, " ").trim();
}

type Candidate = { word: string; norm: string };
/** Word lists come from settings and are read for every cell: normalise each list once. */
const candidateCache = new WeakMap<readonly string[], Candidate[]>();

function candidatesFor(words: readonly string[]): Candidate[] {
  let c = candidateCache.get(words);
  if (!c) {
    c = words
      .filter((w): w is string => typeof w === "string")
      .map((w) => ({ word: w, norm: normaliseWords(w) }))
      .filter((w) => w.norm !== "")
      .sort((a, b) => b.norm.length - a.norm.length);
    candidateCache.set(words, c);
  }
  return c;
}

/**
 * The first of `words` that the text starts with as whole words ("Treat - reduce" starts with
 * "treat"; "Treatment" does not), trying longer words first; or null.
 */
export function leadingWord(text: string, words: readonly string[]): string | null {
  const norm = normaliseWords(text);
  if (norm === "") return null;
  const candidates = candidatesFor(words);
  for (const c of candidates) {
    if (norm === c.norm || norm.startsWith(c.norm + " ")) return c.word;
  }
  return null;
}
