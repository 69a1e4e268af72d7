// Words officers write instead of a value (TBC, N/A, -) and Excel's error values: they count as empty.

/** Placeholders as written, folded to lower case (SPEC "Real registers": Placeholders). */
const PLACEHOLDERS = new Set([
  "tbc",
  "tba",
  "tbd",
  "n/a",
  "n.a.",
  "na",
  "unknown",
  "none",
  "#n/a",
  "#value!",
  "#ref!",
  "#div/0!",
  "#name?",
  "#null!",
  "#num!",
]);

/** "-", "--", "–", "?", "??": a dash or question mark standing for a value. */
const DASHES_OR_QUESTION_MARKS = /^[-–—?]+$/;

/** The longest placeholder: longer texts are never placeholders, so most cells need no further look. */
const LONGEST = 8;

/** First characters (lower case) a placeholder can start with: other texts need no folding at all. */
const FIRST_CHARACTERS = new Set([...PLACEHOLDERS, ..."-–—?"].map((p) => p.charCodeAt(0)));

/**
 * True when a cell's text is a placeholder (TBC, TBA, TBD, N/A, -, ?, Unknown, None) or an Excel
 * error value (#N/A, #VALUE!, #REF!, #DIV/0!, #NAME?), whatever its case and trailing full stop.
 * `text` is a cell's text as the readers give it (trimmed, spaces folded).
 */
export function isPlaceholder(text: string): boolean {
  if (text.length === 0 || text.length > LONGEST + 1) return false;
  // Status, RAG and yes/no cells are short: rule most out before folding (which makes a new string).
  const first = text.charCodeAt(0);
  if (!FIRST_CHARACTERS.has(first >= 65 && first <= 90 ? first + 32 : first)) return false;
  if (DASHES_OR_QUESTION_MARKS.test(text)) return true;
  const folded = text.toLowerCase();
  return PLACEHOLDERS.has(folded) || (folded.endsWith(".") && PLACEHOLDERS.has(folded.slice(0, -1)));
}
