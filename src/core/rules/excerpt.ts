// The start of a cell's text, for a message that quotes it.

/**
 * `text` whole when it has at most `max` characters; else its first words up to `max` characters (cut at a
 * space past half of them, else mid-word) and "…", so a message never ends a quote mid-phrase unmarked.
 */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return `${(cut > max / 2 ? text.slice(0, cut) : text.slice(0, max)).trimEnd()}…`;
}
