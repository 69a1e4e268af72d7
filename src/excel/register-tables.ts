// The Excel tables an import writes into (SPEC "Writing files": new rows appended to a register that is a
// table extend the table). A table with a Total row takes the new rows above it: whole rows are inserted at
// the Total row (Range.insert, ExcelApi 1.1), so Excel moves the Total row down, keeps every reference to
// it and grows the table. A table without one, ending on the register's last row, is grown over the new
// rows written below it (Table.resize, ExcelApi 1.13); a host without resize gets a warning saying how.
// Either way the new rows get the table's calculated columns, as the command line gives them (SPEC
// "Formulas": a register's formula is never replaced by a value).

import { parseRangeAddress, toA1 } from "../core/address/a1";
import type { CellEdit, TotalsRowMove } from "../core/model/edits";
import { PlainError } from "./gateway";

/** A table column whose rows hold one formula (Excel's calculated column): its sheet column and formula. */
export interface CalculatedColumn {
  col: number;
  /** The formula in R1C1 notation ("=RC[-2]*RC[-1]", "=[@Likelihood]*[@Impact]"): the same in every row. */
  formulaR1C1: string;
}

/** A table as preflight found it (0-based sheet rows and columns, header and Total row included). */
export interface TableArea {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  showTotals: boolean;
  /** Its calculated columns (see calculatedColumns), when they were asked for. */
  calculated?: CalculatedColumn[];
}

/**
 * A calculated column's formula to write into the new rows a table takes in, once it has taken them in:
 * `rows` rows from 0-based `row`, in sheet column `col`.
 */
export interface CalculatedFill {
  sheet: string;
  row: number;
  rows: number;
  col: number;
  formulaR1C1: string;
}

/** What an import does to the tables of the sheets it writes. */
export interface TableGrowth {
  /**
   * Rows to insert at a table's Total row, before any cell is written: cells across the table's own columns
   * (`left`, `width`), as Excel's Insert Table Rows does, so nothing beside the table moves.
   */
  inserts: (TotalsRowMove & { table: string; left: number; width: number })[];
  /** Tables to grow over the new rows below them, with the cells: `to` and `from` are local addresses. */
  resizes: { sheet: string; table: string; to: string; from: string }[];
  /**
   * The tables' calculated columns in the rows they take in (inserted or grown over): the column's formula,
   * written after the insert and the resize, never the export's value (see calculatedFillsOf).
   */
  fills: CalculatedFill[];
  /** Plain-English notes for the Done step: new rows left below a table this host cannot resize. */
  warnings: string[];
}

const lower = (s: string) => s.toLowerCase();

/** "A2:H14" for 0-based bounds. */
function addressOf(top: number, left: number, bottom: number, right: number): string {
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}

/**
 * Queues each table's range address on a collection loaded with "items/name,items/showTotals" in an earlier
 * sync (one load per table, in the next sync the caller already makes); after it the returned function gives
 * each table's area and sheet, from the address ("'Risk Register'!A3:J7"). With `withCalculatedColumns` (an
 * import about to write new rows) the formulas of each table's first and last data rows are asked too (two
 * loads more per table, small however long the table is) and its calculated columns given. Only ExcelApi 1.1
 * is used (TableCollection, Table.name, showTotals, getRange, getDataBodyRange, Range.address, getRow,
 * getLastRow, formulasR1C1; not Table.worksheet, 1.2), so every host the add-in runs on can list its tables:
 * nothing to feature-test.
 */
export function askTableAreas(
  tables: Excel.TableCollection,
  withCalculatedColumns = false,
): () => TableArea[] {
  const asked = tables.items.map((t) => {
    const body = withCalculatedColumns ? t.getDataBodyRange() : null;
    return {
      t,
      range: t.getRange().load("address"),
      first: body?.getRow(0).load("formulasR1C1") ?? null,
      last: body?.getLastRow().load("formulasR1C1") ?? null,
    };
  });
  return () =>
    asked.flatMap(({ t, range, first, last }) => {
      const area = parseRangeAddress(range.address);
      if (!area || area.sheet === null) return [];
      const { sheet, top, left, bottom, right } = area;
      const table: TableArea = { name: t.name, sheet, top, left, bottom, right, showTotals: t.showTotals };
      if (first && last)
        table.calculated = calculatedColumns(first.formulasR1C1[0] ?? [], last.formulasR1C1[0] ?? [], left);
      return [table];
    });
}

/**
 * A table's calculated columns, from its first and last data rows' formulas in R1C1 (`first`, `last`, from
 * sheet column `left`): a column whose two cells hold the same formula, as Excel's calculated column holds
 * one formula in every row. Office.js does not give a table column's own formula (the file's
 * calculatedColumnFormula, which the command line reads): a column whose first and last risks' formulas
 * differ is not taken for one, and gets the export's value. A table of one data row: its formulas.
 */
export function calculatedColumns(
  first: readonly unknown[],
  last: readonly unknown[],
  left: number,
): CalculatedColumn[] {
  const out: CalculatedColumn[] = [];
  first.forEach((f, j) => {
    if (typeof f === "string" && f.startsWith("=") && f === last[j])
      out.push({ col: left + j, formulaR1C1: f });
  });
  return out;
}

/** Each calculated column of `table` in the `rows` rows from 0-based `row` that it takes in. */
function calculatedFillsOf(table: TableArea, row: number, rows: number): CalculatedFill[] {
  return (table.calculated ?? []).map((c) => ({
    sheet: table.sheet,
    row,
    rows,
    col: c.col,
    formulaR1C1: c.formulaR1C1,
  }));
}

/** The cells the fills write (0-based sheet rows and columns). */
export function calculatedCells(
  fills: readonly CalculatedFill[],
): { sheet: string; row: number; col: number }[] {
  return fills.flatMap((f) =>
    Array.from({ length: f.rows }, (_, i) => ({ sheet: f.sheet, row: f.row + i, col: f.col })),
  );
}

/**
 * The cells to write as values: `cells` but those a calculated column's formula fills (the export's value
 * there is not written: SPEC "Formulas"; the plan and the Import Log still carry it, as the command line's do).
 */
export function cellsBesideCalculated<C extends CellEdit>(
  cells: readonly C[],
  fills: readonly CalculatedFill[],
): C[] {
  if (fills.length === 0) return [...cells];
  const key = (sheet: string, row: number, col: number) => `${lower(sheet)}\u0000${row}\u0000${col}`;
  const calculated = new Set(calculatedCells(fills).map((c) => key(c.sheet, c.row, c.col)));
  return cells.filter((c) => !calculated.has(key(c.sheet, c.row, c.col)));
}

/**
 * What to do to the tables: each planned Total row move becomes an insert at the table whose Total row is
 * still on that row (else the register changed since it was planned: refused, nothing written); a table
 * without a Total row grows over the new records' rows (`appended`, else the cells below the sheet's last
 * used row, `lastValueRow`, 0-based, by values) when they start straight below it and its columns hold
 * every one of their cells (the register's own table: not a key beside it, nor an officer's narrower table
 * just above them), where the host can resize (`canResize`) and no other table is in the way. New rows that
 * a table's columns hold but that start further down are said to be outside it.
 * @throws PlainError when a planned Total row is no longer where the plan found it.
 */
export function planTableGrowth(
  cells: readonly CellEdit[],
  moves: readonly TotalsRowMove[],
  tables: readonly TableArea[],
  lastValueRow: ReadonlyMap<string, number | null>,
  canResize: boolean,
  appended: readonly { sheet: string; rows: readonly number[] }[] = [],
): TableGrowth {
  const growth: TableGrowth = { inserts: [], resizes: [], fills: [], warnings: [] };
  const onSheet = (sheet: string) => tables.filter((t) => lower(t.sheet) === lower(sheet));
  for (const m of moves) {
    const table = onSheet(m.sheet).find((t) => t.showTotals && t.bottom === m.row);
    if (!table) {
      throw new PlainError(
        `The table on the sheet "${m.sheet}" no longer has its Total row at row ${m.row + 1} (the sheet changed since the import was checked), so nothing was imported. Check again, then retry.`,
        "ItemNotFound",
      );
    }
    growth.inserts.push({ ...m, table: table.name, left: table.left, width: table.right - table.left + 1 });
    // The rows inserted at the Total row are the table's new data rows.
    growth.fills.push(...calculatedFillsOf(table, m.row, m.by));
  }
  const moved = new Set(moves.map((m) => lower(m.sheet)));
  const addedOn = new Map(appended.map((a) => [lower(a.sheet), new Set(a.rows)]));
  for (const [sheet, last] of lastValueRow) {
    if (moved.has(lower(sheet))) continue;
    const added = addedOn.get(lower(sheet));
    const below = cells.filter(
      (c) => lower(c.sheet) === lower(sheet) && (added ? added.has(c.row) : last !== null && c.row > last),
    );
    if (below.length === 0) continue;
    const first = Math.min(...below.map((c) => c.row));
    const newBottom = Math.max(...below.map((c) => c.row));
    for (const t of onSheet(sheet)) {
      if (t.showTotals || first <= t.top || newBottom <= t.bottom) continue;
      if (!below.every((c) => c.col >= t.left && c.col <= t.right)) continue;
      const rows = first === newBottom ? `row ${newBottom + 1}` : `rows ${first + 1}–${newBottom + 1}`;
      if (first > t.bottom + 1) {
        growth.warnings.push(
          `"${t.sheet}": the new rows (${rows}) were written below what stands under the table "${t.name}" (it ends at row ${t.bottom + 1}), so they are outside the table (its filter and style). Move them up into the table in Excel if they belong there.`,
        );
        continue;
      }
      const to = addressOf(t.top, t.left, newBottom, t.right);
      const inTheWay = onSheet(sheet).find(
        (o) => o !== t && o.top <= newBottom && o.bottom > t.bottom && o.left <= t.right && o.right >= t.left,
      );
      if (canResize && !inTheWay) {
        growth.resizes.push({
          sheet: t.sheet,
          table: t.name,
          to,
          from: addressOf(t.top, t.left, t.bottom, t.right),
        });
        growth.fills.push(...calculatedFillsOf(t, t.bottom + 1, newBottom - t.bottom));
        continue;
      }
      const why = inTheWay
        ? `growing the table over them would overlap the table "${inTheWay.name}"`
        : "this version of Excel cannot resize a table (it needs ExcelApi 1.13)";
      growth.warnings.push(
        `"${t.sheet}": the new rows (${rows}) were written directly below the table "${t.name}", and ${why}, so they may be outside the table (its filter and style). To include them: click in the table, then Table Design > Resize Table, and enter ${to}.`,
      );
    }
  }
  return growth;
}
