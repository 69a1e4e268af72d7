// Splits a header into the words it is matched on: case, punctuation, underscores and order ignored.

const STOP_WORDS = new Set(["of", "the", "a", "an", "and", "or", "is", "what", "for", "in", "e", "g"]);

/** Headers already split: the sheet detector, the Import Log finder and the mapper read the same cells. */
const seenWords = new Map<string, readonly string[]>();
const SEEN_LIMIT = 20_000;

/**
 * Words of a header, lower case, singular-ish, without punctuation or stop words. Each text is split once
 * (a sheet's first twenty rows are read as headers by four sheet kinds and by the Import Log finder):
 * the list is shared, so it is read-only.
 */
export function headerWords(header: string): readonly string[] {
  let words = seenWords.get(header);
  if (words === undefined) {
    words = splitHeader(header);
    if (seenWords.size >= SEEN_LIMIT) seenWords.clear();
    seenWords.set(header, words);
  }
  return words;
}

/** A bracketed note saying what a column includes ("(incl. date)", "(including VAT)"): not what the column is. */
const INCLUDES_NOTE = /\((?:inc|incl|including)\b[^)]*\)/g;

function splitHeader(header: string): readonly string[] {
  return Object.freeze(
    header
      .toLowerCase()
      .replace(INCLUDES_NOTE, " ")
      .replace(/&/g, " and ")
      .replace(/([a-z])([0-9])/g, "$1 $2")
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
      .map(singular),
  );
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
  "unmitigated",
  "before",
]);
export const TARGET_WORDS = new Set(["target", "future", "desired", "planned"]);
/**
 * Qualifier words that send likelihood/impact/score to the previous fields: an earlier assessment shown beside
 * the current one ("Previous" | "Current", "Last month" | "This month": see periodQualified).
 */
export const PREVIOUS_WORDS = new Set(["previous", "prior"]);

/** A period an assessment is made in, named by its place: "Last month", "This quarter". */
const PERIOD_WORDS: ReadonlySet<string> = new Set(["month", "quarter", "period", "week", "year"]);
/**
 * Words before a period naming the one before ("Last month") or this one ("This month": "thi" as
 * headerWords' singular gives it).
 */
const PERIOD_PLACE: ReadonlyMap<string, string> = new Map([
  ["last", "previous"],
  ["previous", "previous"],
  ["prior", "previous"],
  ["thi", "current"],
  ["current", "current"],
]);

/**
 * Words before "mitigation" that make it the stage an assessment is made at, not the risk's mitigations:
 * "Pre Mitigation RAG rating" is an inherent rating, "Post Mitigation RAG rating" the current one, neither
 * the actions column "Mitigation" names.
 */
const STAGE_PLACE: ReadonlySet<string> = new Set(["pre", "post", "before", "after"]);
const STAGE_WORD = "mitigation";

/**
 * A header's words (headerWords) with its qualifying phrases read as the qualifier they mean: a period named
 * by its place, "Last month" and "Previous quarter" as "previous", "This month" as "current" (a group header
 * over last month's Likelihood | Impact | Score beside this month's); a stage named against mitigation, "Pre
 * mitigation" as "pre", "Post mitigation" as "post" (see STAGE_PLACE). Other words as they are; the same
 * list when there is none.
 */
export function periodQualified(words: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  for (let k = 0; k + 1 < words.length; k++) {
    const place = PERIOD_PLACE.get(words[k]);
    if (place !== undefined && PERIOD_WORDS.has(words[k + 1])) {
      out ??= [...words];
      out[k] = place;
      out[k + 1] = "";
    } else if (STAGE_PLACE.has(words[k]) && words[k + 1] === STAGE_WORD) {
      out ??= [...words];
      out[k + 1] = "";
    }
  }
  return out ? out.filter((w) => w !== "") : words;
}
// "Post-mitigation" and "after mitigation" mean the risk as it stands with its controls: the current score.
export const CURRENT_WORDS = new Set([
  "current",
  "residual",
  "net",
  "rr",
  "revised",
  "actual",
  "post",
  "after",
  "mitigated",
]);
