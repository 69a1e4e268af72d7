// The improvement aim a plan row belongs to, from its No: "1.", "1.1", "1.2" and "1.2a" are all aim 1.

/**
 * Dotted numbers as plans number aims and actions: "1.", "1.2", "2.10.1", and an action added later
 * under another with a letter after its number ("1.2a", "1.2(b)"). Only a number after a dot takes a
 * letter: "1a" may be an aim of its own, so it is kept as written (but see {@link isSubActionOf}).
 */
const DOTTED = /^(\d+)(?:\.\d+(?:[a-z]|\([a-z]\))?)*\.?$/i;

/** An action's own number, dotted under its aim's: "1.2", "1.2a", "2.10.1", "1.2." (not "1." nor "1"). */
const ACTION_NUMBER = /^(\d+(?:\.\d+(?:[a-z]|\([a-z]\))?)+)\.?$/i;

/**
 * A sub-action's label as Word numbers them under an aim: a letter or a roman numeral, bracketed or not,
 * maybe after the aim's number ("1a", "1(b)", "(i)", "ii.", "b)"). Group 1 is the aim's number, if written.
 */
const SUB_LABEL = /^(\d+)?\s*\(?(?:[a-z]|[ivx]{1,6})\)?\.?$/i;

/**
 * The aim's number from a plan row's No cell: the whole number before the first dot where the No is
 * dotted numbers ("1." → "1", "1.2" → "1", "1.2a" → "1", "2.10.1" → "2"); any other text as written,
 * without a trailing full stop. Plans number either each aim ("1.", written once) or each action ("1.1",
 * "1.2").
 */
export function aimNumber(no: string): string {
  const text = no.trim();
  const dotted = DOTTED.exec(text);
  return dotted ? dotted[1] : text.replace(/\.$/, "");
}

/**
 * The action's own number where the No writes one under its aim's ("1.2", "1.2a", "2.10.1"; "1.2." without
 * its full stop), or "" where the No numbers an aim ("1.", "1"), labels a sub-action ("1a", "(i)") or is
 * anything else.
 */
export function actionNumber(no: string): string {
  return ACTION_NUMBER.exec(no.trim())?.[1] ?? "";
}

/**
 * True when a No labels a sub-action of aim `aim` rather than an aim of its own: a letter or roman numeral
 * ("(i)", "b)", "iv."), or aim's own number with a letter ("1a", "1(b)" under aim 1). Whether the row is
 * under that aim is the caller's to say (its aim's words are the aim's).
 */
export function isSubActionOf(no: string, aim: string): boolean {
  const m = SUB_LABEL.exec(no.trim());
  return m !== null && (m[1] === undefined || m[1] === aim);
}
