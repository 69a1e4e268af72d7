// Whether a bare number is likely an Excel date serial rather than a year, a score or an amount.

/** Serials from 1954-10-03 to 2119-01-08: any date a register or its settings means, well clear of a year (2022). */
export const LIKELY_SERIAL_MIN = 20000;
export const LIKELY_SERIAL_MAX = 80000;

/**
 * True for a number 20000–80000 (a time of day after it is fine): the range SPEC reads as a serial in a
 * CSV's date column. A bare year such as 2022 is not one, though Excel would show it as 14/07/1905.
 */
export function isLikelyDateSerial(n: number): boolean {
  return Number.isFinite(n) && n >= LIKELY_SERIAL_MIN && n < LIKELY_SERIAL_MAX + 1;
}
