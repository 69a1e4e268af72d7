// Where an Update Log row's values go on an existing log sheet: each column under its own header, and
// columns the sheet does not have yet (Register and Changes, on a log an earlier version made) added to
// the right of everything already on the sheet, so no column an officer uses is moved or written over.

import { headerWords } from "../read/header-words";

/** The top of the log sheet as read: its cells from (rowIndex, columnIndex). */
export interface LogSheetTop {
  values: readonly (readonly unknown[])[];
  rowIndex: number;
  columnIndex: number;
}

export interface LogColumns {
  /** 0-based sheet column of each of the request's header entries, in its order. */
  cols: number[];
  /** 0-based row of the log's header row, or null when none was found (columns go by position). */
  headerRow: number | null;
  /** Header cells to add to the header row: columns the sheet did not have. */
  added: { col: number; text: string }[];
}

/**
 * What a header cell is matched on: its words, as SPEC matches headers (case, punctuation and underscores
 * ignored: "Risk_ID", "risk id" and "Risk ID" alike); "" for a blank or a non-text cell. (Not the readers'
 * field patterns: this runs in the task pane's first bundle, which they would grow by 3 KB.)
 */
const norm = (v: unknown): string => (typeof v === "string" ? headerWords(v).join(" ") : "");

/**
 * Places `header` on a log sheet whose top rows are `top` (null when the sheet is empty) and whose
 * cells below row 1 reach column `rightmost` (0-based; -1 when there are none). The header row is the
 * first of the top rows holding at least two of `header`'s names; without one, the columns go by
 * position from column A, as on a log this add-in has just created.
 */
export function placeLogColumns(
  header: readonly string[],
  top: LogSheetTop | null,
  rightmost: number,
): LogColumns {
  const byPosition: LogColumns = { cols: header.map((_, i) => i), headerRow: null, added: [] };
  if (!top) return byPosition;
  const wanted = new Set(header.map(norm));
  const r = top.values.findIndex((row) => row.filter((v) => wanted.has(norm(v))).length >= 2);
  if (r < 0) return byPosition;
  const row = top.values[r];
  const at = new Map<string, number>();
  row.forEach((v, c) => {
    const key = norm(v);
    if (key && !at.has(key)) at.set(key, top.columnIndex + c);
  });
  let lastUsed = rightmost;
  row.forEach((v, c) => {
    if (v !== null && v !== "") lastUsed = Math.max(lastUsed, top.columnIndex + c);
  });
  const added: LogColumns["added"] = [];
  const cols = header.map((h) => {
    const found = at.get(norm(h));
    if (found !== undefined) return found;
    lastUsed += 1;
    added.push({ col: lastUsed, text: h });
    at.set(norm(h), lastUsed);
    return lastUsed;
  });
  return { cols, headerRow: top.rowIndex + r, added };
}

/** Runs of neighbouring columns: [first column, index of its value in the request's order][] per run. */
export function columnRuns(cols: readonly number[]): { col: number; index: number }[][] {
  const sorted = cols.map((col, index) => ({ col, index })).sort((a, b) => a.col - b.col);
  const runs: { col: number; index: number }[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].col === c.col - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}
