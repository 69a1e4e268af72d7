// Splits a header into the words it is matched on: case, punctuation, underscores and order ignored.

const STOP_WORDS = new Set(["of", "the", "a", "an", "and", "or", "is", "what", "for", "in", "e", "g"]);

/** Words of a header, lower case, singular-ish, without punctuation or stop words. */
export function headerWords(header: string): string[] {
  const words = header
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .map(singular);
  return words;
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us"))
    return word.slice(0, -1);
  return word;
}

/** Qualifier words that send likelihood/impact/score to the inherent or target fields. */
export const INHERENT_WORDS = new Set([
  "inherent",
  "gross",
  "initial",
  "pre",
  "original",
  "untreated",
  "raw",
]);
export const TARGET_WORDS = new Set(["target", "future", "desired", "planned", "post"]);
export const CURRENT_WORDS = new Set(["current", "residual", "net", "rr", "revised", "actual"]);
