// The category a register's section heading names, without the number or count written beside it. A
// module of its own, with no imports: the Settings view's appetite categories read it too.

/** A numbered or counted heading's number ("1. ", "2) ") and count (" (2)"): not part of the category's name. */
const HEADING_NUMBER = /^\d{1,3}[.)]\s+(?=\p{L})/u;
const HEADING_COUNT = /(?<=\p{L})\s*\(\d{1,4}\)$/u;

/** The category a register's section heading names: "1. Financial" and "Financial (2)" name "Financial". */
export function headingCategory(heading: string): string {
  return heading.replace(HEADING_NUMBER, "").replace(HEADING_COUNT, "");
}

/**
 * A heading naming risks by when they came, not by what they are about: "New risks", "New risks raised this
 * month", the import's own "New risks – IRIS import 10/10/2022". It ends the section above it (a CLOSED RISKS
 * section's risks stop there), but names no category: the risks under it take their appetite from their
 * Category column, else their annex, else the default.
 */
const NEW_RISKS_HEADING = /^new\s+risks?\b/i;

/** True for a section heading that names no category (see NEW_RISKS_HEADING). */
export function headingNamesNoCategory(heading: string): boolean {
  return NEW_RISKS_HEADING.test(heading.trim());
}
