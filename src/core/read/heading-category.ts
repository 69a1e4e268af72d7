// The category a register's section heading names, without the number or count written beside it. A
// module of its own, with no imports: the Settings view's appetite categories read it too.

/** A numbered or counted heading's number ("1. ", "2) ") and count (" (2)"): not part of the category's name. */
const HEADING_NUMBER = /^\d{1,3}[.)]\s+(?=\p{L})/u;
const HEADING_COUNT = /(?<=\p{L})\s*\(\d{1,4}\)$/u;

/** The category a register's section heading names: "1. Financial" and "Financial (2)" name "Financial". */
export function headingCategory(heading: string): string {
  return heading.replace(HEADING_NUMBER, "").replace(HEADING_COUNT, "");
}
