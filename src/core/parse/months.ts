// Month names and abbreviations as officers write them ("Sept", "Sep", "September").

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

/** The months' names, January first: what a message or a written date spells out. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Regex source matching any month word, longest forms first so "September" is not read as "Sep". */
export const MONTH_WORD_SOURCE =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|" +
  "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";

/** The month number (1–12) of a month word, case-insensitive, or null. */
export function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, "");
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? MONTHS[key] : null;
}

/**
 * A two-digit year as Excel reads one: 00–29 are 2000–2029, 30–99 are 1930–1999.
 * Four-digit years pass through.
 */
export function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}
