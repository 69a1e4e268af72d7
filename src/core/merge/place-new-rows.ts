// Where an import's new rows go on a sheet, when the sheet's table ends in a totals row: inside the table
// above it (the totals row moves down, as Excel's Table Rows Above does), or below it with a plain note.

import type { Grid } from "../model/grid";
import { isBlank } from "../read/cell-text";
import { isTotalsRow } from "../read/table-structure";
import { listWords } from "../list-words";

/**
 * The last non-blank row of a sheet at or below `from` (0-based), or `from` when there is none; with `span`,
 * of those columns only (0-based sheet columns, inclusive).
 */
export function lastUsedRow(grid: Grid, from: number, span?: { first: number; last: number }): number {
  const first = span ? Math.max(0, span.first - grid.colOffset) : 0;
  for (let r = grid.values.length - 1; r >= 0; r--) {
    const row = grid.values[r];
    if (!row) continue;
    const end = span ? Math.min(row.length - 1, span.last - grid.colOffset) : row.length - 1;
    for (let c = first; c <= end; c++)
      if (!isBlank(row[c] ?? null)) return Math.max(from, r + grid.rowOffset);
  }
  return from;
}

/** Where the first new row goes, and the totals row in the way (0-based sheet rows). */
export interface NewRowsStart {
  first: number;
  /** The table's totals row at the bottom of the records, or null when the sheet has none. */
  totalsRow: number | null;
  /** True when the new rows take the totals row's place and it moves down below them. */
  movesTotals: boolean;
  /** Why a totals row stays where it is (the new rows go below it), in words for the note; "" when it moves. */
  why: string;
  /** True when the totals row is the register's own ("Total" and its formulas), not an Excel table's. */
  plain?: boolean;
}

/** What happened to a table's totals row when new rows were added (0-based sheet rows). */
export type TotalsRowPlace =
  /** The totals row at `from` moved down by `by` rows: the new rows are inside the table, above it. */
  | { kind: "moved"; from: number; by: number }
  /** The new rows `first`–`last` are below the totals row at `row`, outside the table (`why`: see NewRowsStart). */
  | { kind: "below"; row: number; first: number; last: number; why: string; plain?: boolean };

/**
 * Where new rows start on `grid` (records below `headerRow`): below the last row used in the columns the new
 * rows are written in (`columns`, else the header's span: a key beside the register, even one whose header
 * shares the register's header row, does not push the new risks away from it and out of its table; see
 * firstFreeRow for notes); but when the sheet
 * has one table totals row (the reader found it in the table part) and nothing with a value is below it,
 * at the totals row itself, which then moves down below them — so the new rows are inside the table, under
 * its filter and style, as Excel's own Table Rows Above would put them. A totals row with cells merged
 * across it, one that something refers to by its address (a name, a formula elsewhere, a chart: moved, the
 * reference would land on a new risk), or a sheet with several totals rows, is left where it is: the new
 * rows go below, and `why` says so.
 */
export function newRowsStart(
  grid: Grid,
  headerRow: number,
  columns?: { first: number; last: number },
): NewRowsStart {
  const last = lastUsedRow(grid, headerRow);
  const totals = (grid.totalsRows ?? []).filter((r) => r > headerRow);
  if (totals.length === 0) {
    const span = headerSpan(grid, headerRow);
    const written = columns ?? span;
    const lastInColumns = lastUsedRow(grid, headerRow, written);
    const first = firstFreeRow(grid, lastInColumns, written);
    // A register's own totals row at the bottom ("Total" and SUM formulas): its ranges stop above any
    // row added below it, and moving it would mean rewriting them, so the new rows go below, and are said to.
    const plain = lastInColumns > headerRow && isTotalsRow(grid, lastInColumns, span);
    return {
      first,
      totalsRow: plain ? lastInColumns : null,
      movesTotals: false,
      why: "",
      ...(plain ? { plain } : {}),
    };
  }
  const row = Math.max(...totals);
  const merged = (grid.merges ?? []).some((m) => m.top <= row && m.bottom >= row);
  const references = grid.totalsRowReferences ?? [];
  const why =
    totals.length > 1
      ? "the sheet has several totals rows"
      : row < last
        ? "something is below the totals row"
        : merged
          ? "cells are merged across the totals row"
          : references.length > 0
            ? `${listWords(references)} ${references.length === 1 ? "refers" : "refer"} to the totals row by its address`
            : "";
  if (why === "") return { first: row, totalsRow: row, movesTotals: true, why };
  return { first: last + 1, totalsRow: row, movesTotals: false, why };
}

/**
 * The first row below the register's last row (`last`, the last used in its columns, `span`) that nothing
 * written beside the register stands on or below: a note typed to the right of or under the last risks
 * keeps the rows down to it (a new risk beside it would seem to be what it is about); a block that runs
 * down beside the records without a gap from their last row (a key or lookup table beside the register)
 * does not, so the new risks go straight below the register, into its table.
 */
function firstFreeRow(grid: Grid, last: number, span: { first: number; last: number }): number {
  // Per column outside the span: the last row of the unbroken block of cells running down from `last`.
  const reach = new Map<number, number>();
  const reachOf = (col: number): number => {
    let r = reach.get(col);
    if (r === undefined) {
      r = last - 1;
      while (!isBlank(grid.values[r + 1 - grid.rowOffset]?.[col] ?? null)) r++;
      reach.set(col, r);
    }
    return r;
  };
  for (let i = grid.values.length - 1; i >= 0 && i + grid.rowOffset > last; i--) {
    const row = grid.values[i];
    if (!row) continue;
    const r = i + grid.rowOffset;
    for (let c = 0; c < row.length; c++) {
      const col = c + grid.colOffset;
      if (col >= span.first && col <= span.last) continue;
      if (!isBlank(row[c] ?? null) && r > reachOf(c)) return r + 1;
    }
  }
  return last + 1;
}

/** The columns of the header row's first and last cells (0-based), where a totals row's label and figures are. */
function headerSpan(grid: Grid, headerRow: number): { first: number; last: number } {
  const cells = grid.values[headerRow - grid.rowOffset] ?? [];
  let first = -1;
  let last = -1;
  cells.forEach((v, i) => {
    if (isBlank(v ?? null)) return;
    if (first < 0) first = i;
    last = i;
  });
  return first < 0
    ? { first: grid.colOffset, last: grid.colOffset + cells.length - 1 }
    : { first: first + grid.colOffset, last: last + grid.colOffset };
}

/** "row 8" or "rows 8–9" (1-based). */
function rowsText(first: number, last: number): string {
  return first === last ? `row ${first + 1}` : `rows ${first + 1}–${last + 1}`;
}

/**
 * What happened to the totals row, in words for the preview, the command line and the Import Log:
 * "the table's totals row moved from row 5 to row 7, below the 2 new rows (inside the table)" or
 * "the new rows were written at rows 8–9, below the table's totals row (row 5), so they are outside the table …".
 */
export function totalsRowNote(place: TotalsRowPlace): string {
  if (place.kind === "moved") {
    const rows = place.by === 1 ? "the new row" : `the ${place.by} new rows`;
    return `the table's totals row moved from row ${place.from + 1} to row ${place.from + place.by + 1}, below ${rows} (inside the table)`;
  }
  const many = place.first !== place.last;
  if (place.plain)
    return (
      `the new ${many ? "rows were" : "row was"} written at ${rowsText(place.first, place.last)}, below the totals row ` +
      `(row ${place.row + 1}), so its totals leave ${many ? "them" : "it"} out. Move ${many ? "them" : "it"} above the ` +
      `totals row in Excel, and widen the totals' ranges, if they should count ${many ? "them" : "it"}`
    );
  return (
    `the new ${many ? "rows were" : "row was"} written at ${rowsText(place.first, place.last)}, below the table's ` +
    `totals row (row ${place.row + 1}), so ${many ? "they are" : "it is"} outside the table (its filter, style and totals), ` +
    `because ${place.why}. Move ${many ? "them" : "it"} into the table in Excel if ${many ? "they belong" : "it belongs"} there`
  );
}
