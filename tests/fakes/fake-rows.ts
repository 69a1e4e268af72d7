// The fake Excel host's tables (Home › Format as Table) and whole-row insert and delete, as Excel does
// them: rows inserted inside a table grow it, and what the sheet holds at or below the insertion (cells,
// merged areas, conditional formats, names, charts' sources, tables, the sheet's own formulas) moves with
// the rows. Kept apart from the proxies (fake-objects.ts): this is state only.

import { mapA1Refs } from "../../src/files/xlsx/shift-row-refs";
import { fromR1C1 } from "./fake-r1c1";
import type { ChartState } from "./fake-charts";
import { MAX_COLS, MAX_ROWS, Rect, SheetState, fail, intersects, type CellState } from "./fake-state";

/** An Excel table: its range holds the header row, the data rows and (showTotals) the Total row last. */
export interface TableState {
  name: string;
  sheet: SheetState;
  rect: Rect;
  showTotals: boolean;
  /**
   * The calculated columns (sheet column → formula in R1C1): Excel fills them into rows inserted inside the
   * table (Insert Table Rows, or rows inserted at its Total row), as the "Fill formulas in tables" option does
   * by default. Table.resize fills nothing: its reference says no cells are inserted or moved.
   */
  calculated: Map<number, string>;
}

/** What row moves reach besides the sheet's own cells. */
export interface RowsHost {
  sheets: SheetState[];
  names: { sheet: SheetState | null; rect: Rect | null }[];
  tables: TableState[];
}

/** A 0-based row after `count` rows were inserted at `at`. */
const rowAfterInsert = (r: number, at: number, count: number) => (r >= at ? r + count : r);

/** The columns a row insert or delete shifts: whole rows, or a table's own columns. */
export interface ColumnSpan {
  left: number;
  right: number;
}

const WHOLE_ROWS: ColumnSpan = { left: 0, right: MAX_COLS - 1 };

/** True when a rectangle lies wholly in the span's columns. */
const within = (r: Rect, span: ColumnSpan) => r.left >= span.left && r.right <= span.right;
/** True when a rectangle shares some columns with the span and has some outside it. */
const straddles = (r: Rect, span: ColumnSpan) =>
  !within(r, span) && r.left <= span.right && r.right >= span.left;

/**
 * Excel refuses to shift part of a table or of a merged area: one that reaches rows from `at` down and
 * has columns both inside and outside the span ("The operation is attempting to shift cells in a table").
 */
function refuseSplitting(host: RowsHost, sheet: SheetState, at: number, span: ColumnSpan): void {
  for (const t of host.tables)
    if (t.sheet === sheet && t.rect.bottom >= at && straddles(t.rect, span))
      fail("InvalidOperation", `This operation is attempting to shift cells in the table ${t.name}.`);
  if (sheet.merges.some((m) => m.bottom >= at && straddles(m, span)))
    fail("InvalidOperation", "This operation will cause some merged cells to unmerge.");
}

/** Moves the cells of the span's columns from row `from` down by `by` rows (up, when `by` is negative). */
function shiftCells(sheet: SheetState, from: number, by: number, span: ColumnSpan): void {
  const last = sheet.rows.length - 1;
  const take = (r: number): (CellState | undefined)[] =>
    (sheet.rows[r] ?? []).slice(span.left, span.right + 1);
  const put = (r: number, cells: (CellState | undefined)[]) => {
    const row = (sheet.rows[r] ??= []);
    for (let c = span.left; c <= span.right && c < Math.max(row.length, span.left + cells.length); c++)
      row[c] = cells[c - span.left];
  };
  if (by > 0) {
    for (let r = last; r >= from; r--) put(r + by, take(r));
    for (let r = from; r < from + by; r++) put(r, []);
  } else {
    for (let r = from; r <= last; r++) put(r + by, take(r));
    for (let r = last + by + 1; r <= last; r++) put(r, []);
  }
}

/**
 * Inserts `count` empty rows at 0-based `at` (Range.insert(Excel.InsertShiftDirection.down)): on "6:7",
 * or Home › Insert › Sheet Rows, whole rows; on a range of a table's own columns, cells of those columns
 * only, as Excel's Insert Table Rows Above does (what is beside them stays). A rectangle below moves
 * down; one spanning `at` (top above it, bottom at or below it) grows, so a table whose Total row is at
 * `at` takes the new rows in. References to a row moved keep pointing at it. Formulas on other sheets
 * that name this one are not rewritten (the fake keeps no cross-sheet references that the adapter relies
 * on). Refused on a protected sheet, when cells would be pushed off the bottom of the sheet, and when it
 * would shift part of a table or merged area, as in Excel.
 */
export function insertRows(
  host: RowsHost,
  sheet: SheetState,
  at: number,
  count: number,
  span: ColumnSpan = WHOLE_ROWS,
): void {
  sheet.refuseIfProtected();
  if (
    sheet.usedRect(false, { top: MAX_ROWS - count, left: span.left, bottom: MAX_ROWS - 1, right: span.right })
  )
    fail(
      "InvalidOperation",
      "Microsoft Excel can't insert new cells because it would push cells off the sheet.",
    );
  refuseSplitting(host, sheet, at, span);
  // Tables whose data rows the new rows join: below the header row, at or above the last row.
  const joined = host.tables.filter(
    (t) => t.sheet === sheet && within(t.rect, span) && t.rect.top < at && t.rect.bottom >= at,
  );
  if (span === WHOLE_ROWS) sheet.rows.splice(at, 0, ...Array.from({ length: count }, () => []));
  else shiftCells(sheet, at, count, span);
  const shift = (r: Rect): Rect =>
    within(r, span)
      ? { ...r, top: rowAfterInsert(r.top, at, count), bottom: rowAfterInsert(r.bottom, at, count) }
      : r;
  moveRects(host, sheet, (r) => shift(r));
  rewriteFormulas(sheet, span, (first, last) => [
    rowAfterInsert(first, at, count),
    rowAfterInsert(last, at, count),
  ]);
  for (const t of joined) fillCalculatedColumns(sheet, t, at, count);
}

/**
 * Excel fills a table's calculated columns into the rows inserted inside it: each new cell holds the column's
 * formula for its row. The fake computes no formula: the cell's value is left empty.
 */
function fillCalculatedColumns(sheet: SheetState, table: TableState, at: number, count: number): void {
  for (const [col, r1c1] of table.calculated)
    for (let row = at; row < at + count; row++) {
      const cell = sheet.ensure(row, col);
      cell.formula = fromR1C1(r1c1, row, col);
      cell.v = "";
    }
}

/** Whole rows (see insertRows). */
export function insertWholeRows(host: RowsHost, sheet: SheetState, at: number, count: number): void {
  insertRows(host, sheet, at, count);
}

/**
 * Deletes `count` rows at 0-based `at` (Range.delete(Excel.DeleteShiftDirection.up)): whole rows on
 * "6:7", else the cells of a span of columns: what is below moves up; a rectangle partly inside shrinks,
 * one wholly inside is gone (a name to it becomes #REF!, a formula's reference to it #REF!). Refused on a
 * protected sheet, where it would take a table's header row but not the whole table, and where it would
 * shift part of a table or merged area.
 */
export function deleteRows(
  host: RowsHost,
  sheet: SheetState,
  at: number,
  count: number,
  span: ColumnSpan = WHOLE_ROWS,
): void {
  sheet.refuseIfProtected();
  const end = at + count - 1;
  for (const t of host.tables) {
    if (t.sheet !== sheet) continue;
    if (t.rect.top >= at && t.rect.top <= end && t.rect.bottom > end)
      fail("InvalidOperation", `This operation would delete the header row of the table ${t.name}.`);
  }
  refuseSplitting(host, sheet, at, span);
  if (span === WHOLE_ROWS) sheet.rows.splice(at, count);
  else shiftCells(sheet, end + 1, -count, span);
  const top = (r: number) => (r < at ? r : r > end ? r - count : at);
  const bottom = (r: number) => (r < at ? r : r > end ? r - count : at - 1);
  const shrink = (r: Rect): Rect | null => {
    if (!within(r, span)) return r;
    const moved = { ...r, top: top(r.top), bottom: bottom(r.bottom) };
    return moved.bottom < moved.top ? null : moved;
  };
  moveRects(host, sheet, shrink);
  rewriteFormulas(sheet, span, (first, last) => {
    const f = top(first);
    const l = bottom(last);
    return l < f ? null : [f, l];
  });
}

/** Whole rows (see deleteRows). */
export function deleteWholeRows(host: RowsHost, sheet: SheetState, at: number, count: number): void {
  deleteRows(host, sheet, at, count);
}

/** Applies `move` to every rectangle on `sheet`: merges, conditional formats, names, charts, tables. */
function moveRects(host: RowsHost, sheet: SheetState, move: (r: Rect) => Rect | null): void {
  sheet.merges = sheet.merges.flatMap((m) => move(m) ?? []);
  for (const cf of sheet.cfs) cf.areas = cf.areas.flatMap((a) => move(a) ?? []);
  sheet.cfs = sheet.cfs.filter((cf) => cf.areas.length > 0);
  for (const n of host.names) if (n.sheet === sheet && n.rect) n.rect = move(n.rect);
  for (const s of host.sheets)
    for (const ch of s.charts as ChartState[])
      if (ch.source.sheet === sheet) ch.source.rect = move(ch.source.rect) ?? ch.source.rect;
  host.tables = host.tables.filter((t) => {
    if (t.sheet !== sheet) return true;
    const moved = move(t.rect);
    if (moved) t.rect = moved;
    return moved !== null;
  });
}

/**
 * Rewrites the A1 references of the sheet's own formulas that lie in the span's columns; `rows` null
 * makes a reference #REF!.
 */
function rewriteFormulas(
  sheet: SheetState,
  span: ColumnSpan,
  rows: (first: number, last: number) => [number, number] | null,
): void {
  for (const row of sheet.rows)
    for (const cell of row ?? []) {
      if (!cell?.formula) continue;
      cell.formula = mapA1Refs(cell.formula, ({ firstRow, lastRow, firstCol, lastCol }, withRows) => {
        if (firstCol < span.left || lastCol > span.right) return withRows(firstRow, lastRow);
        const r = rows(firstRow, lastRow);
        return r ? withRows(r[0], r[1]) : "#REF!";
      });
    }
}

/**
 * Table.resize (ExcelApi 1.13) checks, as the reference states them: the header row stays in the same row,
 * the new range overlaps the old one and holds at least one data row, and no other table or merged area is
 * inside it.
 */
export function checkTableResize(host: RowsHost, table: TableState, to: Rect): void {
  const from = table.rect;
  const minRows = 2 + (table.showTotals ? 1 : 0);
  if (to.top !== from.top) fail("InvalidArgument", "The header row of the table must stay in the same row.");
  if (!intersects(to, from)) fail("InvalidArgument", "The new range must overlap the table's range.");
  if (to.bottom - to.top + 1 < minRows) fail("InvalidArgument", "A table needs at least one data row.");
  if (host.tables.some((t) => t !== table && t.sheet === table.sheet && intersects(t.rect, to)))
    fail("InvalidOperation", "A table can't overlap another table.");
  if (table.sheet.merges.some((m) => intersects(m, to)))
    fail("InvalidOperation", "A table can't contain merged cells.");
}
