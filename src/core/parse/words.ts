// Matching a cell's leading word(s) against a list of words, the way status and strategy cells are read.

/** Lower-cased, with punctuation turned into spaces and runs of spaces folded. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The first of `words` that the text starts with as whole words ("Treat - reduce" starts with
 * "treat"; "Treatment" does not), trying longer words first; or null.
 */
export function leadingWord(text: string, words: readonly string[]): string | null {
  const norm = normaliseWords(text);
  if (norm === "") return null;
  const candidates = words
    .filter((w): w is string => typeof w === "string")
    .map((w) => ({ word: w, norm: normaliseWords(w) }))
    .filter((w) => w.norm !== "")
    .sort((a, b) => b.norm.length - a.norm.length);
  for (const c of candidates) {
    if (norm === c.norm || norm.startsWith(c.norm + " ")) return c.word;
  }
  return null;
}
