// Folding the spaces of a text, the one way every reader does it. The patterns are module constants: a
// regular expression written inside a function is a new object each time the function runs, and these
// run for every cell of a register.

/** Something to fold: a run of two or more whitespace characters, or one that is not a plain space. */
const NEEDS_FOLDING = /\s\s|[^\S ]/;
const WHITESPACE_RUN = /\s+/g;

/** The text trimmed, with each run of whitespace (tabs, line breaks, no-break spaces) made one space. */
export function foldSpaces(text: string): string {
  return NEEDS_FOLDING.test(text) ? text.replace(WHITESPACE_RUN, " ").trim() : text.trim();
}

/** How names are compared (owners, sheets, settings entries): spaces folded as above, and lower case. */
export function foldCaseAndSpaces(text: string): string {
  return foldSpaces(text).toLowerCase();
}
