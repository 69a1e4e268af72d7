// Where an import's new rows go on a sheet: inside an Excel table above its totals row (the totals row moves
// down, as Excel's Table Rows Above does, into blank rows below it when something stands further down), in
// the blank rows straight under the last record when they are enough for them, else below everything on the
// sheet; with a heading row of their own when they would otherwise be read under a CLOSED RISKS heading or
// under a note below the table; and, in words, what the officer must know of where they went.

import { toA1 } from "../address/a1";
import { hasFormula, type Grid, type GridTable } from "../model/grid";
import type { SheetInfo } from "../model/sheet-info";
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

/**
 * Why new rows need a heading row of their own above them, naming the heading they would otherwise be read
 * under (0-based row): one saying its risks are closed ("CLOSED RISKS": the check would read the new risks as
 * closed), or a note below the table read as a heading once rows stand under it ("Last reviewed at RMB
 * 28/09/22": it would become their section, and so their appetite category).
 */
export interface HeadingReason {
  kind: "closed" | "note";
  row: number;
  text: string;
}

/** What places new rows besides the grid itself (see newRowsStart). */
export interface NewRowsContext {
  /** How many new rows there are. */
  count: number;
  /** The last row (0-based) of the sheet's last record; the header row when it has none. */
  lastRecordRow: number;
  /** Why rows written from `row` down would need a heading of their own, else null (see headingNeededBelow). */
  headingNeeded?: (row: number) => HeadingReason | null;
}

/** Where the first new row goes, and the totals row in the way (0-based sheet rows). */
export interface NewRowsStart {
  /** The first row written: the heading's when there is one (`heading`), else the first new record's. */
  first: number;
  /** The table's totals row at the bottom of the records, or null when the sheet has none. */
  totalsRow: number | null;
  /** True when the new rows take the totals row's place and it moves down below them. */
  movesTotals: boolean;
  /**
   * With `movesTotals`, set when something stands below the totals row: the totals row moves down into the
   * blank rows under it (there are enough), and nothing further down moves.
   */
  intoBlankRows?: true;
  /** Why a totals row stays where it is (the new rows go below it), in words for the note; "" when it moves. */
  why: string;
  /** True when the totals row is the register's own ("Total" and its formulas), not an Excel table's. */
  plain?: boolean;
  /** Set when a heading row is written at `first`, above the new rows, and why (see HeadingReason). */
  heading?: HeadingReason;
  /**
   * Set when the register is an Excel table with no totals row and the new rows will be outside it: they
   * cannot go straight below it (something stands there, with too few blank rows above it), or they do but
   * the host cannot grow the table over them (`fixedSize`: the table's top row and columns, to resize it
   * by hand). 0-based.
   */
  outsideTable?: {
    bottom: number;
    blankRows: number;
    fixedSize?: { top: number; left: number; right: number };
  };
}

/** What happened to a table's totals row when new rows were added (0-based sheet rows). */
export type TotalsRowPlace =
  /**
   * The totals row at `from` moved down by `by` rows: the new rows (and the heading above them, `heading`) are
   * inside the table, above it; `intoBlankRows`: into blank rows under it, nothing further down moved.
   */
  | { kind: "moved"; from: number; by: number; heading?: true; intoBlankRows?: true }
  /** The new rows `first`–`last` are below the totals row at `row`, outside the table (`why`: see NewRowsStart). */
  | { kind: "below"; row: number; first: number; last: number; why: string; plain?: boolean }
  /** The register's own Total row at `row` is below the new rows `first`–`last` (in blank rows above it). */
  | { kind: "above"; row: number; first: number; last: number; plain: true };

/**
 * Where new rows start on `grid` (records below `headerRow`; with `context`, the count of new rows and the
 * last record). When the sheet has one table totals row (the reader found it in the table part), at the
 * totals row itself, which then moves down below them — so the new rows are inside the table, under its
 * filter and style, as Excel's own Table Rows Above would put them — when nothing with a value is below it,
 * or when at least as many blank rows as it needs stand under it (it moves into them; nothing further down
 * moves). A totals row with cells merged across it, one that something refers to by its address (a name, a
 * formula elsewhere, a chart: moved, the reference would land on a new risk), one with too few blank rows
 * under what stands below it, or a sheet with several totals rows, is left where it is: the new rows go
 * below everything, and `why` says so. Without a table totals row: in the blank rows straight under the last
 * record when something stands below them (a colour key, a sign-off block, notes) and they are enough (all
 * of them may be taken), else below the last row used in the columns the new rows are written in (`columns`,
 * else the header's span: a key beside the register, even one whose header shares the register's header
 * row, does not push the new risks away from it and out of its table; see firstFreeRow for notes). Where
 * the rows would be read under a CLOSED RISKS heading or a note, one more row is needed: a heading of their
 * own at `first` (`heading`).
 */
export function newRowsStart(
  grid: Grid,
  headerRow: number,
  columns?: { first: number; last: number },
  context?: NewRowsContext,
): NewRowsStart {
  const last = lastUsedRow(grid, headerRow);
  const totals = (grid.totalsRows ?? []).filter((r) => r > headerRow);
  const headingAt = (row: number): { heading?: HeadingReason } => {
    const heading = context?.headingNeeded?.(row) ?? null;
    return heading ? { heading } : {};
  };
  const rowsFrom = (row: number) => (context?.count ?? 1) + (headingAt(row).heading ? 1 : 0);
  if (totals.length > 0)
    return besideTableTotals(grid, Math.max(...totals), totals.length, last, rowsFrom, headingAt);
  const span = headerSpan(grid, headerRow);
  const written = columns ?? span;
  const lastInColumns = lastUsedRow(grid, headerRow, written);
  let first = firstFreeRow(grid, lastInColumns, written);
  // The blank rows straight under the last record, when something stands below them and they are enough.
  const lastRecord = context ? Math.max(headerRow, context.lastRecordRow) : null;
  const blanks = lastRecord === null ? 0 : blankRowsBelow(grid, lastRecord, last);
  if (lastRecord !== null && lastRecord + blanks < last && blanks >= rowsFrom(lastRecord + 1))
    first = lastRecord + 1;
  // A register's own totals row under the records ("Total" and SUM formulas): its ranges stop above any row
  // added, and moving it would mean rewriting them, so the new rows stay where they are, and are said to.
  const plainRow = plainTotalsRow(grid, lastRecord ?? lastInColumns - 1, lastInColumns, span);
  const table = registerTable(grid, headerRow, written);
  const outside = table ? outsideRegisterTable(grid, table, first, last) : {};
  return {
    first,
    totalsRow: plainRow,
    movesTotals: false,
    why: "",
    ...(plainRow !== null ? { plain: true } : {}),
    ...headingAt(first),
    ...outside,
  };
}

/** newRowsStart for a sheet whose table ends in a totals row (the last, `row`, of `count`). */
function besideTableTotals(
  grid: Grid,
  row: number,
  count: number,
  last: number,
  rowsFrom: (row: number) => number,
  headingAt: (row: number) => { heading?: HeadingReason },
): NewRowsStart {
  const merged = (grid.merges ?? []).some((m) => m.top <= row && m.bottom >= row);
  const references = grid.totalsRowReferences ?? [];
  const below = row < last;
  const needed = rowsFrom(row);
  const blanks = below ? blankRowsBelow(grid, row, last) : 0;
  const why =
    count > 1
      ? "the sheet has several totals rows"
      : below && blanks < needed
        ? blanks === 0
          ? "something is below the totals row"
          : `something is below the totals row, with ${blanks === 1 ? "1 blank row" : `${blanks} blank rows`} above it, too few for the ${needed} new rows`
        : merged
          ? "cells are merged across the totals row"
          : references.length > 0
            ? `${listWords(references)} ${references.length === 1 ? "refers" : "refer"} to the totals row by its address`
            : "";
  if (why === "")
    return {
      first: row,
      totalsRow: row,
      movesTotals: true,
      why,
      ...(below ? { intoBlankRows: true } : {}),
      ...headingAt(row),
    };
  return { first: last + 1, totalsRow: row, movesTotals: false, why, ...headingAt(last + 1) };
}

/**
 * How many blank rows stand straight under `row`, up to `last` (0-based): rows with no value and no formula
 * in any column, and no merged area across them.
 */
function blankRowsBelow(grid: Grid, row: number, last: number): number {
  let n = 0;
  while (row + n < last && rowIsEmpty(grid, row + n + 1)) n++;
  return n;
}

/** True when a row holds no value and no formula in any column, and no merged area reaches it. */
function rowIsEmpty(grid: Grid, row: number): boolean {
  const cells = grid.values[row - grid.rowOffset] ?? [];
  for (let c = 0; c < cells.length; c++)
    if (!isBlank(cells[c] ?? null) || hasFormula(grid, row, c + grid.colOffset)) return false;
  return !(grid.merges ?? []).some((m) => m.top <= row && m.bottom >= row);
}

/**
 * The register's own totals row ("Total" and its SUM formulas, not an Excel table's) between `after` and
 * `last` (0-based, exclusive and inclusive): the first, or null. `span`: the header's columns.
 */
function plainTotalsRow(
  grid: Grid,
  after: number,
  last: number,
  span: { first: number; last: number },
): number | null {
  for (let r = Math.max(0, after + 1); r <= last; r++) if (isTotalsRow(grid, r, span)) return r;
  return null;
}

/**
 * Where new rows written from `first` stand against the register's table (no totals row): outside it when
 * something keeps them from its bottom, or straight below it when the host cannot grow it; else inside
 * (nothing to say). `last`: the sheet's last used row.
 */
function outsideRegisterTable(
  grid: Grid,
  table: GridTable,
  first: number,
  last: number,
): Pick<NewRowsStart, "outsideTable"> {
  const underIt = { bottom: table.bottom, blankRows: blankRowsBelow(grid, table.bottom, last) };
  if (first > table.bottom + 1) return { outsideTable: underIt };
  if (first === table.bottom + 1 && table.fixedSize)
    return {
      outsideTable: { ...underIt, fixedSize: { top: table.top, left: table.left, right: table.right } },
    };
  return {};
}

/**
 * The sheet's Excel table (as the reader found it) whose header row is the register's and whose columns
 * hold every column the new rows are written in, when it has no totals row; else null.
 */
function registerTable(
  grid: Grid,
  headerRow: number,
  written: { first: number; last: number },
): GridTable | null {
  const table = (grid.tables ?? []).find(
    (t) => t.top === headerRow && !t.totalsRow && t.left <= written.first && written.last <= t.right,
  );
  return table ?? null;
}

/**
 * Why rows written from a row down would need a heading of their own (see HeadingReason), from the sheet
 * list's sections (each marked `closed` where its risks are) and its headings with no record under them:
 * the last of them above the row, when it is a closed section or such a note. Null for a live section, or
 * none.
 */
export function headingNeededBelow(
  sheet: Pick<SheetInfo, "sections" | "emptyHeadings"> | undefined,
): (row: number) => HeadingReason | null {
  const marks = [
    ...(sheet?.sections ?? []).map((s) => ({
      row: s.row,
      text: s.text,
      kind: s.closed ? ("closed" as const) : null,
    })),
    ...(sheet?.emptyHeadings ?? []).map((h) => ({ row: h.row, text: h.text, kind: "note" as const })),
  ].sort((a, b) => a.row - b.row);
  return (row) => {
    let above: (typeof marks)[number] | undefined;
    for (const m of marks) if (m.row < row) above = m;
    return above?.kind ? { kind: above.kind, row: above.row, text: above.text } : null;
  };
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
 * "the table's totals row moves from row 5 to row 7, below the 2 new rows (inside the table)" or
 * "the new rows go in rows 8–9, below the table's totals row (row 5), so they are outside the table …".
 */
export function totalsRowNote(place: TotalsRowPlace): string {
  if (place.kind === "moved") {
    const count = place.heading ? place.by - 1 : place.by;
    const rows = `${place.heading ? "the heading and " : ""}${count === 1 ? "the new row" : `the ${count} new rows`}`;
    const into = place.intoBlankRows ? `, into the blank rows under it (nothing below them moved)` : "";
    return `the table's totals row moves from row ${place.from + 1} to row ${place.from + place.by + 1}, below ${rows} (inside the table)${into}`;
  }
  const many = place.first !== place.last;
  const them = many ? "them" : "it";
  if (place.kind === "above")
    return (
      `the new ${many ? "rows go" : "row goes"} in ${rowsText(place.first, place.last)}, in the blank rows above ` +
      `the totals row (row ${place.row + 1}), whose totals leave ${them} out unless their ranges already reach ` +
      `${many ? "those rows" : "that row"}. Widen the totals' ranges in Excel if they should count ${them}`
    );
  if (place.plain)
    return (
      `the new ${many ? "rows go" : "row goes"} in ${rowsText(place.first, place.last)}, below the totals row ` +
      `(row ${place.row + 1}), so its totals leave ${them} out. Move ${them} above the ` +
      `totals row in Excel, and widen the totals' ranges, if they should count ${them}`
    );
  return (
    `the new ${many ? "rows go" : "row goes"} in ${rowsText(place.first, place.last)}, below the table's ` +
    `totals row (row ${place.row + 1}), so ${many ? "they are" : "it is"} outside the table (its filter, style and totals), ` +
    `because ${place.why}. Move ${them} into the table in Excel if ${many ? "they belong" : "it belongs"} there`
  );
}

/**
 * The new rows `first`–`last` written below what stands under the register's Excel table (it ends at
 * `bottom`, with `blankRows` blank rows under it), in words for the preview and the command line: "… so they
 * are outside the table (its filter and style) …".
 */
export function outsideTableNote(first: number, last: number, bottom: number, blankRows: number): string {
  const many = first !== last;
  const blanks =
    blankRows === 0 ? "no blank row" : blankRows === 1 ? "1 blank row" : `${blankRows} blank rows`;
  return (
    `the new ${many ? "rows go" : "row goes"} in ${rowsText(first, last)}, below what stands under the ` +
    `register's table (it ends at row ${bottom + 1}, with ${blanks} under it, too few for them), so ${many ? "they are" : "it is"} ` +
    `outside the table (its filter and style). Move ${many ? "them" : "it"} into the table in Excel if ${many ? "they belong" : "it belongs"} there`
  );
}

/**
 * The new rows `first`–`last` written straight below the register's table (`table`: its top row and columns)
 * on a host that cannot grow the table over them, in words for the task pane's preview: "… so they are
 * outside the table (its filter and style). To include them: … Resize Table, and enter A3:I8".
 */
export function fixedSizeTableNote(
  first: number,
  last: number,
  table: { top: number; left: number; right: number },
): string {
  const many = first !== last;
  return (
    `the new ${many ? "rows go" : "row goes"} in ${rowsText(first, last)}, directly below the register's ` +
    `table (it ends at row ${first}), which this version of Excel cannot grow over ${many ? "them" : "it"} (resizing a ` +
    `table needs ExcelApi 1.13), so ${many ? "they are" : "it is"} outside the table (its filter and style). To ` +
    `include ${many ? "them" : "it"}: click in the table, then Table Design > Resize Table, and enter ` +
    `${toA1(table.top, table.left)}:${toA1(last, table.right)}`
  );
}

/** The words for the new rows `first`–`last` outside the register's table (see NewRowsStart.outsideTable). */
export function outsideRegisterTableNote(
  first: number,
  last: number,
  outside: NonNullable<NewRowsStart["outsideTable"]>,
): string {
  return outside.fixedSize
    ? fixedSizeTableNote(first, last, outside.fixedSize)
    : outsideTableNote(first, last, outside.bottom, outside.blankRows);
}

/** The heading row written above an import's new risks, dated by the import: "New risks – IRIS import 10/10/2022". */
export function newRisksHeadingText(asAtUk: string): string {
  return `New risks – IRIS import ${asAtUk}`;
}

/**
 * Why the heading row was written above `count` new rows, in words for the preview, the command line and the
 * Import Log: "so the check reads them as live risks, not as closed under the heading "CLOSED RISKS" (row 10)".
 */
export function headingNote(heading: HeadingReason, count: number): string {
  const one = count === 1;
  return heading.kind === "closed"
    ? `so the check reads ${one ? "it as a live risk" : "them as live risks"}, not as closed under the heading "${heading.text}" (row ${heading.row + 1})`
    : `so the check does not take "${heading.text}" (row ${heading.row + 1}), a note under the register, for ${one ? "its" : "their"} section and appetite category`;
}
