// Formulas a file holds without their results (Apache POI, openpyxl and other writers save no results; Excel
// works them out when it opens the file), worked out once each as Excel would, where the formula is one the
// evaluator knows. A result the file saved is never replaced: only cells with none come here.

import { serialInDateSystem } from "../../../core/model/date-system";
import {
  cellAt,
  formatAt,
  formulaKey,
  mergesByColumn,
  shownCell,
  type CellValue,
  type Grid,
} from "../../../core/model/grid";
import { cellFromNumber } from "../cell-values";
import type { UnsavedFormula } from "../sheet-scanner";
import { looksLikeDateFormat, type CellStyles } from "../styles";
import { evaluateFormula, NotWorkedOut, type FormulaScope } from "./evaluate-formula";
import { parseFormula, type FormulaNode } from "./parse-formula";

/** How many formulas without results may wait on one another (`=F2` where F2 is one too, and so on). */
const MAX_CHAIN = 16;
/** Cells all the workbook's formulas may read from ranges together: a bound on the work, whatever the file. */
const MAX_RANGE_CELLS = 5_000_000;

/** A sheet as read, with its formula cells that have no saved result. */
export interface SheetWithUnsavedFormulas {
  grid: Grid;
  unsaved: readonly UnsavedFormula[];
}

/** Where a formula without a result stands while the workbook's are worked out. */
interface Pending {
  formula: UnsavedFormula;
  state: "waiting" | "working" | "done";
  /** The result as a cell holds it; undefined while not known, NOT_WORKED_OUT when it cannot be. */
  result?: CellValue | typeof NOT_WORKED_OUT;
}
const NOT_WORKED_OUT = Symbol("not worked out");

/** A chain of formulas without results longer than MAX_CHAIN: none on it is worked out from where it was asked. */
class TooLong extends NotWorkedOut {}

interface SheetState {
  grid: Grid;
  pending: Map<number, Pending>;
  /** The last row (0-based) holding a value or a formula. */
  lastRow: number;
}

/**
 * Works out, in place, the formulas the sheets hold without saved results: each result goes into its grid
 * (`values`, and a number format for a date), and each grid with such cells gets `formulasWithoutResults`,
 * saying which were worked out and which could not be (another function, a defined name, a cycle, a chain of
 * more than 16 such formulas, a sheet not in the workbook). Sheets without such cells cost nothing.
 */
export function workOutFormulas(
  sheets: readonly SheetWithUnsavedFormulas[],
  allGrids: readonly Grid[],
  styles: CellStyles,
  date1904: boolean,
): void {
  const withUnsaved = sheets.filter((s) => s.unsaved.length > 0);
  if (withUnsaved.length === 0) return;
  const states = new Map<string, SheetState>();
  for (const grid of allGrids) states.set(grid.sheetName.toLowerCase(), stateOf(grid, []));
  for (const s of withUnsaved) states.set(s.grid.sheetName.toLowerCase(), stateOf(s.grid, s.unsaved));

  const parsed = new Map<string, FormulaNode | null>();
  const parse = (text: string): FormulaNode | null => {
    let node = parsed.get(text);
    if (node === undefined) parsed.set(text, (node = parseFormula(text)));
    return node;
  };
  let rangeCells = 0;
  let chain = 0;

  const sheetState = (sheet: string): SheetState => {
    const st = states.get(sheet.toLowerCase());
    if (!st) throw new NotWorkedOut();
    return st;
  };

  /**
   * A cell's value as a formula reads it: a date (a number the reader shifted into the 1900 system, by its
   * format or its formula's style) back in the workbook's own date system, as Excel holds it.
   */
  const readCell = (sheet: string, row: number, col: number): CellValue => {
    const st = sheetState(sheet);
    const p = st.pending.get(formulaKey(row, col));
    const v = p ? resultOf(st, p) : cellAt(st.grid, row, col);
    if (!date1904 || typeof v !== "number") return v;
    const isDate = p
      ? styles.isDate[p.formula.style] === true
      : looksLikeDateFormat(formatAt(st.grid, row, col));
    return isDate ? serialInDateSystem(v, true) : v;
  };

  /** The pending formula's result, worked out when first asked; NotWorkedOut when it cannot be known. */
  const resultOf = (st: SheetState, p: Pending): CellValue => {
    if (p.state === "waiting") work(st, p);
    if (p.state === "working" || p.result === NOT_WORKED_OUT) throw new NotWorkedOut();
    return p.result ?? null;
  };

  /**
   * Works one formula out. Past MAX_CHAIN formulas waiting on one another it throws TooLong, leaving each
   * on the chain waiting: asked again from nearer the chain's end, it may be worked out.
   */
  const work = (st: SheetState, p: Pending): void => {
    const node = p.formula.text === null ? null : parse(p.formula.text);
    if (node === null) {
      p.result = NOT_WORKED_OUT;
      p.state = "done";
      return;
    }
    if (chain >= MAX_CHAIN) throw new TooLong();
    p.state = "working";
    chain++;
    try {
      const scope: FormulaScope = {
        sheet: st.grid.sheetName,
        shift: p.formula.shift,
        cell: readCell,
        lastRow: (sheet) => sheetState(sheet).lastRow,
        spend: (cells) => {
          rangeCells += cells;
          if (rangeCells > MAX_RANGE_CELLS) throw new NotWorkedOut();
        },
      };
      p.result = asCellValue(evaluateFormula(node, scope), p.formula.style, styles, date1904);
    } catch (e) {
      if (e instanceof TooLong) {
        p.state = "waiting";
        throw e;
      }
      if (!(e instanceof NotWorkedOut)) throw e;
      p.result = NOT_WORKED_OUT;
    } finally {
      chain--;
    }
    p.state = "done";
  };

  /** A formula's result asked for by the sheet's own reading (not by another formula): worked out once. */
  const settle = (st: SheetState, p: Pending): void => {
    if (p.state !== "waiting") return;
    try {
      work(st, p);
    } catch (e) {
      if (!(e instanceof TooLong)) throw e;
      p.result = NOT_WORKED_OUT;
      p.state = "done";
    }
  };

  for (const s of withUnsaved) {
    const st = sheetState(s.grid.sheetName);
    const shown = mergesByColumn(s.grid.merges ?? []);
    const workedOut: number[] = [];
    const notWorkedOut: number[] = [];
    const results: { formula: UnsavedFormula; value: CellValue }[] = [];
    for (const [key, p] of st.pending) {
      const { row, col } = p.formula;
      // A cell inside a merged area, not its first, shows nothing whatever it holds.
      const at = shownCell(shown, row, col);
      if (at.row !== row || at.col !== col) continue;
      settle(st, p);
      if (p.result === NOT_WORKED_OUT) {
        notWorkedOut.push(key);
        continue;
      }
      workedOut.push(key);
      if (p.result !== null && p.result !== undefined) results.push({ formula: p.formula, value: p.result });
    }
    putResults(s.grid, results, styles);
    s.grid.formulasWithoutResults = { workedOut, notWorkedOut };
  }
}

function stateOf(grid: Grid, unsaved: readonly UnsavedFormula[]): SheetState {
  const pending = new Map<number, Pending>();
  let lastRow = grid.rowOffset + grid.values.length - 1;
  for (const f of unsaved) {
    pending.set(formulaKey(f.row, f.col), { formula: f, state: "waiting" });
    if (f.row > lastRow) lastRow = f.row;
  }
  return { grid, pending, lastRow };
}

/** A formula's result as the reader holds a cell's: a number in a date format as a 1900-system serial. */
function asCellValue(v: CellValue, style: number, styles: CellStyles, date1904: boolean): CellValue {
  return typeof v === "number" ? cellFromNumber(v, styles.isDate[style] === true, date1904) : v;
}

/**
 * Puts worked-out results in the grid with their number formats, first widening it (every row as long as the
 * widest, as the reader leaves them) where a result lies past its data.
 */
function putResults(
  grid: Grid,
  results: readonly { formula: UnsavedFormula; value: CellValue }[],
  styles: CellStyles,
): void {
  if (results.length === 0) return;
  let height = grid.values.length;
  let width = grid.values[0]?.length ?? 0;
  for (const { formula } of results) {
    height = Math.max(height, formula.row - grid.rowOffset + 1);
    width = Math.max(width, formula.col - grid.colOffset + 1);
  }
  const formats = grid.numberFormats;
  widen(grid.values, height, width);
  if (formats) widen(formats, height, width);
  // Rows formatted alike share one array (read-only): a changed row gets a copy, shared in turn by the rows
  // that had the same array and take the same change.
  const copies = new Map<(string | null)[], Map<string, (string | null)[]>>();
  for (const { formula, value } of results) {
    const r = formula.row - grid.rowOffset;
    const c = formula.col - grid.colOffset;
    grid.values[r][c] = value;
    if (!formats) continue;
    const format =
      typeof value === "number" && styles.isDate[formula.style]
        ? styles.dateFormat[formula.style]
        : (styles.format[formula.style] ?? null);
    const row = formats[r];
    if (row[c] === format) continue;
    let byChange = copies.get(row);
    if (!byChange) copies.set(row, (byChange = new Map()));
    const change = `${c}\u0000${format ?? ""}`;
    let copy = byChange.get(change);
    if (!copy) {
      copy = row.slice();
      copy[c] = format;
      byChange.set(change, copy);
    }
    formats[r] = copy;
  }
}

/** Pads `rows` to `height` rows of `width` cells (null), only where it is smaller; rows that shared an array still do. */
function widen<T>(rows: (T | null)[][], height: number, width: number): void {
  if (rows.length === height && (rows[0]?.length ?? 0) === width) return;
  while (rows.length < height) rows.push([]);
  const widened = new Map<(T | null)[], (T | null)[]>();
  for (let i = 0; i < rows.length; i++) {
    const old = rows[i];
    if (old.length >= width) continue;
    let row = widened.get(old);
    if (!row) {
      row = old.slice();
      while (row.length < width) row.push(null);
      widened.set(old, row);
    }
    rows[i] = row;
  }
}
