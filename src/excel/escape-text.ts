// The formula-safety escape: text that Excel would turn into a formula (or strip) gets a leading apostrophe.

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

/** The value to put in `range.values` so that Excel stores `text` as exactly that text. */
export function escapeCellText(text: string): string {
  return needsEscape(text) ? `'${text}` : text;
}
