// Formula cells a file holds with no saved result (Grid.formulasWithoutResults), in the words the sheet list,
// the command line's text and JSON, and the findings on such cells use.

import { columnLetter, toA1 } from "../address/a1";
import { cellOfFormulaKey, formulaKey, type Grid } from "../model/grid";
import type { SheetInfo } from "../model/sheet-info";

/** Ranges named in a sheet-list line at the most; the rest are counted. */
const RANGES_NAMED = 10;

/**
 * The cells as A1 ranges, column by column, each run of rows one range ("F2:F7", "J3", "J5:J6"), in column
 * then row order.
 */
export function cellRanges(keys: readonly number[]): string[] {
  const cells = keys.map(cellOfFormulaKey).sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  for (let i = 0; i < cells.length;) {
    const { row, col } = cells[i];
    let last = row;
    let j = i + 1;
    while (j < cells.length && cells[j].col === col && cells[j].row === last + 1) last = cells[j++].row;
    out.push(last === row ? toA1(row, col) : `${toA1(row, col)}:${columnLetter(col)}${last + 1}`);
    i = j;
  }
  return out;
}

/** The sheet list's record of a grid's formulas without saved results (see SheetInfo), or undefined when it has none. */
export function formulasWithoutResultsInfo(grid: Grid): SheetInfo["formulasWithoutResults"] {
  const f = grid.formulasWithoutResults;
  if (!f || (f.workedOut.length === 0 && f.notWorkedOut.length === 0)) return undefined;
  return { workedOut: cellRanges(f.workedOut), notWorkedOut: cellRanges(f.notWorkedOut) };
}

/** "F2:F7, J3 and 12 more ranges": at most ten ranges named. */
function rangeList(ranges: readonly string[]): string {
  const named = ranges.slice(0, RANGES_NAMED).join(", ");
  const more = ranges.length - RANGES_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

/** The advice for formulas with no saved result: Excel works them out and saves them. */
const SAVE_IN_EXCEL = "open the file in Excel and save it, so their results are stored";

/**
 * The sheet list's lines on formulas saved without their results (as Apache POI, openpyxl and other
 * programs save them): those worked out here as Excel would, and those that could not be, read as empty.
 */
export function formulasWithoutResultsLines(sheet: SheetInfo): string[] {
  const f = sheet.formulasWithoutResults;
  if (!f) return [];
  const lines: string[] = [];
  if (f.workedOut.length)
    lines.push(
      `Formulas saved without their results, worked out here as Excel works them out when it opens the file: ${rangeList(f.workedOut)}.`,
    );
  if (f.notWorkedOut.length)
    lines.push(
      `Formulas saved without their results that could not be worked out here, so read as empty: ${rangeList(f.notWorkedOut)}. To check them, ${SAVE_IN_EXCEL}.`,
    );
  return lines;
}

/** Each sheet's formula cells with no saved result that could not be worked out, by sheet name; empty for most workbooks. */
export function formulasNotWorkedOut(grids: readonly Grid[]): ReadonlyMap<string, ReadonlySet<number>> {
  const out = new Map<string, ReadonlySet<number>>();
  for (const g of grids)
    if (g.formulasWithoutResults?.notWorkedOut.length)
      out.set(g.sheetName, new Set(g.formulasWithoutResults.notWorkedOut));
  return out;
}

/**
 * What a finding on a cell that holds a formula with no saved result (one that could not be worked out) says
 * after its own message: the cell was not blank, its result was not known. Null for any other cell.
 */
export function notWorkedOutNote(
  notWorkedOut: ReadonlyMap<string, ReadonlySet<number>>,
  sheet: string,
  row: number,
  col: number,
  file: string,
): string | null {
  if (!notWorkedOut.get(sheet)?.has(formulaKey(row, col))) return null;
  return `${toA1(row, col)} holds a formula saved without its result, which could not be worked out here, so it was read as empty: open "${file}" in Excel and save it, so its results are stored.`;
}
