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
  // Newer Excel error values (dynamic arrays, data types, linked data, Python in Excel).
  "#spill!",
  "#calc!",
  "#field!",
  "#getting_data",
  "#blocked!",
  "#busy!",
  "#connect!",
  "#unknown!",
  "#external!",
  "#python!",
]);

/** "-", "--", "–", "?", "??": a dash or question mark standing for a value. */
const DASHES_OR_QUESTION_MARKS = /^[-–—?]+$/;

const HASH = "#".charCodeAt(0);
const longestOf = (texts: string[]) => Math.max(...texts.map((p) => p.length));
/** The longest placeholder: longer texts are never placeholders, so most cells need no further look. */
const LONGEST = longestOf([...PLACEHOLDERS]);
/**
 * The longest placeholder but Excel's error values (#GETTING_DATA is long): a longer text is one only
 * when it starts with "#", so "Not started" and the like need no folding.
 */
const LONGEST_WORD = longestOf([...PLACEHOLDERS].filter((p) => p.charCodeAt(0) !== HASH));

/** First characters (lower case) a placeholder can start with: other texts need no folding at all. */
const FIRST_CHARACTERS = new Set([...PLACEHOLDERS, ..."-–—?"].map((p) => p.charCodeAt(0)));

/**
 * True when a cell's text is a placeholder (TBC, TBA, TBD, N/A, -, ?, Unknown, None) or an Excel
 * error value (#N/A, #VALUE!, #REF!, #DIV/0!, #NAME?, #SPILL!, #CALC! …), whatever its case and trailing
 * full stop.
 * `text` is a cell's text as the readers give it (trimmed, spaces folded).
 */
export function isPlaceholder(text: string): boolean {
  if (text.length === 0 || text.length > LONGEST + 1) return false;
  // Status, RAG and yes/no cells are short: rule most out before folding (which makes a new string).
  const first = text.charCodeAt(0);
  if (text.length > LONGEST_WORD + 1 && first !== HASH) return false;
  if (!FIRST_CHARACTERS.has(first >= 65 && first <= 90 ? first + 32 : first)) return false;
  if (DASHES_OR_QUESTION_MARKS.test(text)) return true;
  const folded = text.toLowerCase();
  return PLACEHOLDERS.has(folded) || (folded.endsWith(".") && PLACEHOLDERS.has(folded.slice(0, -1)));
}
