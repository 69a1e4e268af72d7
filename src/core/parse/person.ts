// Person fields as a SharePoint list export writes them: each person's name with the list's numeric id
// for them, joined by ";#" ("Smith, J;#12;#Jones, K", "Smith, J;#12", or SharePoint's own order
// "12;#Smith, J"). People read such a cell as its names (SPEC "Real registers").

const MARKER = ";#";
const DIGITS = /^\d+$/;

/**
 * The names of a SharePoint person cell, joined by "; " ("Smith, J; Jones, K"); any other text as given.
 * Only a text whose parts alternate between names and numeric ids is read this way, so an ordinary
 * owner (or a text that merely holds ";#") is unchanged.
 */
export function personNames(text: string): string {
  if (!text.includes(MARKER)) return text;
  const parts = text.split(MARKER).map((p) => p.trim());
  // An export may open or close the list with a marker: ";#Smith, J;#12;#".
  while (parts.length && parts[0] === "") parts.shift();
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  if (parts.length < 2) return text;
  const names: string[] = [];
  let ids = 0;
  for (let i = 0; i < parts.length; i++) {
    const isId = DIGITS.test(parts[i]);
    if (!parts[i] || (i > 0 && isId === DIGITS.test(parts[i - 1]))) return text;
    if (isId) ids++;
    else names.push(parts[i]);
  }
  return ids > 0 && names.length > 0 ? names.join("; ") : text;
}
