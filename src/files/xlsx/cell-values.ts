// Cell values that need more than reading: numbers in a date format, and ISO dates (t="d"), as Excel serials.

import { DAYS_1904, serialInDateSystem } from "../../core/model/date-system";
import { serialFromMs } from "../xlsx-cell";

export { serialInDateSystem };

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The largest time a JS Date holds; beyond it a "date" is nonsense and reads as empty. */
const MAX_MS = 8.64e15;

/**
 * A cell's number as a Grid holds it: null when not finite; in a date format, the 1900-system serial
 * (1904 workbooks shifted) rounded to the millisecond as exceljs did, or null when out of any date's range.
 */
export function cellFromNumber(n: number, isDate: boolean, date1904: boolean): number | null {
  if (!Number.isFinite(n)) return null;
  if (!isDate) return n;
  const ms = Math.round((n - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY);
  if (!(Math.abs(ms) <= MAX_MS)) return null;
  return serialFromMs(ms);
}

// Short and anchored, with no nested repetition: linear whatever the input (and the input is capped first).
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const MAX_ISO_LENGTH = 40;

/**
 * An ISO 8601 date, date-time or time (what a `t="d"` cell holds) → the 1900-system serial, or null
 * when it is not one. A time zone, if written, is ignored: Excel shows the wall-clock time.
 */
export function dateFromIso(text: string): number | null {
  const s = text.trim();
  if (s.length > MAX_ISO_LENGTH) return null;
  const dt = ISO_DATE_TIME.exec(s);
  if (dt) {
    const [y, mo, d] = [Number(dt[1]), Number(dt[2]), Number(dt[3])];
    const time = timeMs(dt[4], dt[5], dt[6], dt[7]);
    if (time === null || mo < 1 || mo > 12 || d < 1) return null;
    const day = Date.UTC(y, mo - 1, d);
    // Date.UTC rolls 31 February over into March; a real date survives the round trip.
    if (new Date(day).getUTCDate() !== d) return null;
    return serialFromMs(day + time);
  }
  const tm = ISO_TIME.exec(s);
  if (tm) {
    const time = timeMs(tm[1], tm[2], tm[3], tm[4]);
    return time === null ? null : Math.round(time) / MS_PER_DAY;
  }
  return null;
}

function timeMs(h?: string, m?: string, sec?: string, frac?: string): number | null {
  const hh = h === undefined ? 0 : Number(h);
  const mm = m === undefined ? 0 : Number(m);
  const ss = sec === undefined ? 0 : Number(sec);
  if (hh > 24 || mm > 59 || ss > 60) return null;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  return ((hh * 60 + mm) * 60 + ss) * 1000 + ms;
}
