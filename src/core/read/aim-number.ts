// The improvement aim a plan row belongs to, from its No: "1.", "1.1" and "1.2" are all aim 1.

/**
 * The aim's number from a plan row's No cell: the whole number before the first dot where the No is
 * dotted numbers ("1." → "1", "1.2" → "1", "2.10.1" → "2"); any other text as written, without a
 * trailing full stop. Plans number either each aim ("1.", written once) or each action ("1.1", "1.2").
 */
export function aimNumber(no: string): string {
  const text = no.trim();
  const dotted = /^(\d+)(?:\.\d+)*\.?$/.exec(text);
  return dotted ? dotted[1] : text.replace(/\.$/, "");
}
