// Titles compared by their words: the share of words two titles have in common, as the import's renumbering
// match (src/core/merge/renumbered.ts) and the reader's per-sheet numbering (src/core/read/per-sheet-ids.ts)
// compare them.

/** Small words no title is told apart by. */
const STOP = new Set([
  "the",
  "a",
  "an",
  "of",
  "to",
  "and",
  "or",
  "in",
  "on",
  "for",
  "by",
  "with",
  "at",
  "from",
  "due",
  "is",
  "are",
  "be",
]);

/** A title's words: lower case, punctuation and small words dropped. */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOP.has(w)),
  );
}

/** Words of a title that say nothing of what the risk is: "risk" itself, and numbers ("Highways risk 1"). */
const NOT_SUBJECT = /^(?:risks?|\d+)$/;

/**
 * A title's words that say what its risk is about: titleWords without "risk" and bare numbers, so
 * "Highways risk 1" and "Lighting risk 1" share none.
 */
export function subjectWords(title: string): Set<string> {
  const words = titleWords(title);
  for (const w of words) if (NOT_SUBJECT.test(w)) words.delete(w);
  return words;
}

/** Percentage of words two titles share: words in common over the longer title's words (0 when either is empty). */
export function titleShare(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return Math.round((100 * common) / Math.max(a.size, b.size));
}

/**
 * Percentage of the shorter title's words found in the longer (0 when either is empty): "Bridge joint failure
 * on A38 viaduct" is all found in "Highways: bridge joint failure on the A38 viaduct" (100); "Delay to the
 * resurfacing programme" only in part in "Delay to the lantern programme" (67).
 */
export function shorterTitleFound(a: Set<string>, b: Set<string>): number {
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (shorter.size === 0) return 0;
  let found = 0;
  for (const w of shorter) if (longer.has(w)) found++;
  return Math.round((100 * found) / shorter.size);
}
