// A write forced over a co-author's change keeps what it replaced (nothing a user wrote is ever lost): their
// values of the cells it wrote over go into the update's Update Log row, in its Changes cell after the
// meeting's own changes ("replaced a co-author's Latest Update: '…'"), and the Meeting Record says so.

import type { LogAppend } from "../model/edits";
import type { CellValue } from "../model/grid";
import { isDateFormat } from "../parse";
import { isDateColumn, sameValue, valueWords, type FieldConflict, type RowSnapshot } from "./conflict";
import type { FieldChange } from "./record";

/** A co-author's value that a forced write replaced: the column's header and the value as the sheet shows it. */
export interface ReplacedValue {
  header: string;
  text: string;
}

/** A cell a forced write puts a value in: the value and format it writes, and the format the cell has now. */
export interface ForcedCell {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  /** The number format it writes (none: the cell keeps its own). */
  format?: string | null;
  formatNow: string | null;
}

/** How the Changes cell names one replaced value; what follows it, up to the next one, is theirs. */
const REPLACED = "replaced a co-author's ";

/**
 * The co-author's values a forced write replaces: each cell it writes on a changed row where the co-author's
 * value (`now`) is not blank and not what the meeting writes. A cell left alone (a formula kept) is not among
 * `written`, so its value is not listed: it stays in the register.
 */
export function valuesReplaced(
  changed: readonly { snapshot: RowSnapshot; fields: readonly FieldConflict[] }[],
  written: readonly ForcedCell[],
): ReplacedValue[] {
  const out: ReplacedValue[] = [];
  for (const { snapshot, fields } of changed) {
    for (const f of fields) {
      if (sameValue(f.now, null)) continue;
      const w = written.find((c) => c.sheet === snapshot.sheet && c.row === snapshot.row && c.col === f.col);
      if (!w || sameValue(w.value, f.now)) continue;
      // A number in a date cell as a UK date, so the log reads as the register did.
      const dateCell = isDateFormat(w.formatNow) || isDateFormat(w.format) || isDateColumn(snapshot, f.col);
      out.push({ header: f.header, text: valueWords(f.now, dateCell) });
    }
  }
  return out;
}

/** "replaced a co-author's Latest Update: '…'", "; " between them, as the Changes cell words changes. */
export function replacedWords(replaced: readonly ReplacedValue[]): string {
  return replaced.map((r) => `${REPLACED}${r.header}: '${r.text}'`).join("; ");
}

/** The rows with the replaced values added to the last row's Changes cell (after the meeting's own changes). */
function withWords(header: readonly string[], rows: CellValue[][], words: string): CellValue[][] {
  const at = header.findIndex((h) => h.trim().toLowerCase() === "changes");
  if (at < 0 || rows.length === 0) return rows;
  const last = rows[rows.length - 1].slice();
  const before = typeof last[at] === "string" ? last[at] : "";
  last[at] = before ? `${before}; ${words}` : words;
  return [...rows.slice(0, -1), last];
}

/** The log to append, keeping the replaced values in its update's row; the same log when nothing was replaced. */
export function logKeepingReplaced(log: LogAppend, replaced: readonly ReplacedValue[]): LogAppend {
  if (replaced.length === 0) return log;
  const words = replacedWords(replaced);
  const earlier = log.earlier?.map((layout) => ({
    ...layout,
    rows: withWords(layout.header, layout.rows, words),
  }));
  return { ...log, rows: withWords(log.header, log.rows, words), ...(earlier ? { earlier } : {}) };
}

/**
 * A Changes cell read back: the meeting's own changes, and the co-author's values a forced write replaced
 * (which follow them, so their words, ";" and all, are never taken for a change).
 */
export function splitReplaced(changes: string): { own: string; replaced: ReplacedValue[] } {
  const at = changes.startsWith(REPLACED) ? 0 : changes.indexOf(`; ${REPLACED}`);
  if (at < 0) return { own: changes, replaced: [] };
  const own = changes.slice(0, at);
  const rest = changes.slice(at).replace(/^;\s*/, "").slice(REPLACED.length);
  const replaced = rest.split(`; ${REPLACED}`).map((part) => {
    const colon = part.indexOf(": '");
    if (colon < 0) return { header: part, text: "" };
    return { header: part.slice(0, colon), text: part.slice(colon + 3).replace(/'$/, "") };
  });
  return { own, replaced };
}

/** The Meeting Record's line for a replaced value: the write was forced over the co-author's change. */
export function replacedChange(r: ReplacedValue): FieldChange {
  return { field: "co-author", label: `Written over a co-author's ${r.header}`, from: r.text, to: "" };
}
