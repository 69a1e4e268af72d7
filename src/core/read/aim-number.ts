// The improvement aim a plan row belongs to, from its No: "1.", "1.1", "1.2" and "1.2a" are all aim 1.

/**
 * Dotted numbers as plans number aims and actions: "1.", "1.2", "2.10.1", and an action added later
 * under another with a letter after its number ("1.2a", "1.2(b)"). Only a number after a dot takes a
 * letter: "1a" may be an aim of its own, so it is kept as written.
 */
const DOTTED = /^(\d+)(?:\.\d+(?:[a-z]|\([a-z]\))?)*\.?$/i;

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
