// A write forced over a co-author's change keeps what it replaced (nothing a user wrote is ever lost): their
// values of the cells it wrote over go into the update's Update Log row, in its Changes cell after the
// meeting's own changes ("replaced a co-author's Latest Update: '…'"), and the Meeting Record says so. A cell
// written line by line on their text, every line of theirs kept, is said to be kept, only the meeting's lines
// rewritten ("kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims': '…'").

import type { LogAppend } from "../model/edits";
import type { CellValue } from "../model/grid";
import { isDateFormat } from "../parse";
import { isDateColumn, sameValue, valueWords, type FieldConflict, type RowSnapshot } from "./conflict";
import type { FieldChange, OwnCellLineWrites } from "./record";

/**
 * A co-author's value that a forced write replaced, or kept: the column's header and the value as the sheet
 * showed it before the write.
 */
export interface ReplacedValue {
  header: string;
  text: string;
  /**
   * Where the write kept every line of theirs and rewrote only the meeting's own (a cell written line by line):
   * those lines ("the line of Action 2 'Review claims'"). Absent where it wrote over their value.
   */
  onlyRewrote?: string;
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
  /** A cell written line by line: the lines, and the co-author's text they were written on (see keptFrom). */
  ownLines?: Pick<OwnCellLineWrites, "lines" | "keptFrom">;
}

/** How the Changes cell names one replaced value; what follows it, up to the next one, is theirs. */
const REPLACED = "replaced a co-author's ";
/** How it names a value kept, only the meeting's lines of it rewritten (ReplacedValue.onlyRewrote). */
const KEPT = "kept a co-author's ";
/** Between a kept value's header and the lines the meeting rewrote. */
const REWRITING = ", rewriting only ";
/** Either, after the meeting's own changes or another co-author's value. */
const NEXT_VALUE = /; (?=(?:replaced|kept) a co-author's )/;

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
      const kept = w.ownLines?.keptFrom !== undefined && sameValue(w.ownLines.keptFrom, f.now);
      out.push({
        header: f.header,
        text: valueWords(f.now, dateCell),
        ...(kept ? { onlyRewrote: linesNamed(w.ownLines!.lines) } : {}),
      });
    }
  }
  return out;
}

/** "the line of Action 2 'Review claims'", "the lines of Action 1 'Resurface A38' and Action 2 'Review claims'". */
function linesNamed(lines: readonly { label: string }[]): string {
  const labels = lines.map((l) => l.label);
  if (labels.length === 1) return `the line of ${labels[0]}`;
  return `the lines of ${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/**
 * "replaced a co-author's Latest Update: '…'", or for a value kept "kept a co-author's Action Due Date, rewriting
 * only the line of Action 2 'Review claims': '…'"; "; " between them, as the Changes cell words changes.
 */
export function replacedWords(replaced: readonly ReplacedValue[]): string {
  return replaced
    .map((r) =>
      r.onlyRewrote === undefined
        ? `${REPLACED}${r.header}: '${r.text}'`
        : `${KEPT}${r.header}${REWRITING}${r.onlyRewrote}: '${r.text}'`,
    )
    .join("; ");
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
  const first = NEXT_VALUE.exec(changes);
  const at = changes.startsWith(REPLACED) || changes.startsWith(KEPT) ? 0 : (first?.index ?? -1);
  if (at < 0) return { own: changes, replaced: [] };
  const own = changes.slice(0, at);
  const replaced = changes
    .slice(at)
    .replace(/^;\s*/, "")
    .split(NEXT_VALUE)
    .map((part): ReplacedValue => {
      const kept = part.startsWith(KEPT);
      const body = part.slice(kept ? KEPT.length : REPLACED.length);
      const colon = body.indexOf(": '");
      const named = colon < 0 ? body : body.slice(0, colon);
      const text = colon < 0 ? "" : body.slice(colon + 3).replace(/'$/, "");
      const rewriting = kept ? named.indexOf(REWRITING) : -1;
      if (rewriting < 0) return { header: named, text };
      return {
        header: named.slice(0, rewriting),
        text,
        onlyRewrote: named.slice(rewriting + REWRITING.length),
      };
    });
  return { own, replaced };
}

/**
 * The Meeting Record's line for a co-author's value: the write was forced over their change, or (a cell written
 * line by line) kept it, only the meeting's lines rewritten.
 */
export function replacedChange(r: ReplacedValue): FieldChange {
  const label =
    r.onlyRewrote === undefined
      ? `Written over a co-author's ${r.header}`
      : `Kept a co-author's ${r.header}${REWRITING}${r.onlyRewrote}`;
  return { field: "co-author", label, from: r.text, to: "" };
}

/**
 * What the pane adds to "Recorded an update for R1." after a write forced over a co-author's change: that it
 * replaced their change (their words kept in the Update Log), and of each cell whose lines of theirs it kept,
 * that it kept them; "" when it met none of theirs.
 */
export function forcedWriteSaid(replaced: readonly ReplacedValue[]): string {
  const over = replaced.some((r) => r.onlyRewrote === undefined)
    ? " It replaced a co-author's change; their words are kept in the Update Log."
    : "";
  const kept = replaced
    .filter((r) => r.onlyRewrote !== undefined)
    .map((r) => ` Their change to ${r.header} was kept, only ${r.onlyRewrote} rewritten.`);
  return over + kept.join("");
}
