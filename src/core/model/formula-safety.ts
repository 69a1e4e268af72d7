// The formula-safety escape and its inverse: the one pair every writer and the import's comparison share.

/**
 * Characters that make Excel read text as something else when it starts a cell's value: = + - @ start a
 * formula, tab/CR/LF are what CSV injection hides behind, and a leading apostrophe is itself eaten
 * as Excel's "this is text" prefix, so it must be doubled to survive.
 */
const NEEDS_ESCAPE = /^[=+\-@\t\r\n']/;

/** True when `text` must be written with a leading apostrophe to be stored as it is. */
export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** The value to put in Excel's `range.values` so that Excel stores `text` as exactly that text. */
export function escapeCellText(text: string): string {
  return needsEscape(text) ? `'${text}` : text;
}

/**
 * Undoes `escapeCellText`: "'=SUM(A1)" → "=SUM(A1)", "''abc" → "'abc". Text whose leading apostrophe
 * was not an escape ("'tis") is left alone. Used when comparing, so an escaped value read back (or an
 * export that escapes its own text) equals the text it stands for and a re-import shows no change.
 */
export function unescapeCellText(text: string): string {
  return text.length > 1 && text[0] === "'" && NEEDS_ESCAPE.test(text.slice(1)) ? text.slice(1) : text;
}
