// What in a workbook refers to a table's totals row by its address (Register!$F$21, a range reaching it):
// an import that moved the totals row down below new risks would leave such a reference on a new risk's
// cells, silently. A structured reference (Table1[[#Totals],[Score]]) follows the row and is no obstacle, nor
// is a defined name whose range takes the totals row in from above (a print area): the writer grows it.

import { formulaKey, type Grid } from "../../core/model/grid";
import { toA1 } from "../../core/address/a1";
import { mapA1Refs, mapSheetRefs } from "./shift-row-refs";

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};

/** XML text as written in the part, its five entities read. */
function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);
}

const sameSheetName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** True when some reference of `formula` to `sheet` passes `test` (its 0-based first and last rows). */
function someRefOf(formula: string, sheet: string, test: (first: number, last: number) => boolean): boolean {
  let found = false;
  mapSheetRefs(formula, sheet, (first, last) => {
    if (test(first, last)) found = true;
    return [first, last];
  });
  return found;
}

/** True when `formula` (as Excel writes it, without "=") names a row at or below `row` (0-based) of `sheet`. */
export function reachesRowOf(formula: string, sheet: string, row: number): boolean {
  return someRefOf(formula, sheet, (_first, last) => last >= row);
}

/**
 * True when a defined name's `formula` names cells of `sheet` from `row` (0-based, the totals row) down: the
 * totals row's own cells. A range that starts above it and takes it in (a print area over the register,
 * Total row included) is not: the writer grows it over the new rows, as Excel does (see movedRows).
 */
export function namesRowOf(formula: string, sheet: string, row: number): boolean {
  return someRefOf(formula, sheet, (first) => first >= row);
}

/** True when `formula` names a row at or below `row` (0-based) of its own sheet by an unqualified A1 address. */
function reachesOwnRow(formula: string, row: number): boolean {
  let reaches = false;
  mapA1Refs(formula, (ref, withRows) => {
    if (ref.lastRow >= row) reaches = true;
    return withRows(ref.firstRow, ref.lastRow);
  });
  return reaches;
}

/** Each cell's formula in a worksheet part, with the cell's 0-based row and column. */
function* formulasOf(xml: string): Generator<{ row: number; col: number; formula: string }> {
  for (const c of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>([\s\S]*?)<\/c>/g)) {
    const f = /<f\b[^>]*>([^<]*)<\/f>/.exec(c[3]);
    if (!f || f[1] === "") continue;
    let col = 0;
    for (const ch of c[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    yield { row: Number(c[2]) - 1, col: col - 1, formula: unescapeXml(f[1]) };
  }
}

/** A part of the package as text, or null when it is not there. */
export type ReadPart = (path: string) => string | null;

/** Where to look: the workbook part, the sheet's own part and the other worksheets' and charts' parts. */
export interface WorkbookParts {
  read: ReadPart;
  workbookPath: string;
  worksheets: readonly { name: string; path: string }[];
  charts: readonly string[];
}

/**
 * What refers by address to the totals row `row` (0-based) of `sheet` (its grid `grid`), in plain words, or
 * an empty list: a defined name, a formula on another sheet or on this one outside the totals row, a chart's
 * series. The sheet's own part is read again only when it holds a formula outside the totals row.
 */
export function totalsRowReferences(parts: WorkbookParts, sheet: string, grid: Grid, row: number): string[] {
  const found: string[] = [];
  const workbook = parts.read(parts.workbookPath) ?? "";
  for (const d of workbook.matchAll(/<definedName\b[^>]*\bname="([^"]*)"[^>]*>([^<]*)<\/definedName>/g))
    if (namesRowOf(unescapeXml(d[2]), sheet, row)) found.push(`the name "${unescapeXml(d[1])}"`);
  for (const ws of parts.worksheets) {
    const own = sameSheetName(ws.name, sheet);
    if (own && !hasFormulaOutside(grid, row)) continue;
    const xml = parts.read(ws.path);
    if (xml === null) continue;
    for (const f of formulasOf(xml)) {
      const reaches = own
        ? f.row !== row && (reachesOwnRow(f.formula, row) || reachesRowOf(f.formula, sheet, row))
        : reachesRowOf(f.formula, sheet, row);
      if (reaches) {
        found.push(`the formula in "${ws.name}" ${toA1(f.row, f.col)}`);
        break;
      }
    }
  }
  for (const chart of parts.charts) {
    const xml = parts.read(chart) ?? "";
    if ([...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].some((f) => reachesRowOf(unescapeXml(f[1]), sheet, row)))
      found.push("a chart");
  }
  return found;
}

/** True when the grid has a formula cell on some row other than `row`. */
function hasFormulaOutside(grid: Grid, row: number): boolean {
  if (!grid.formulas) return false;
  for (const key of grid.formulas) if (!isOnRow(key, row)) return true;
  return false;
}

function isOnRow(key: number, row: number): boolean {
  // formulaKey(row, col) orders keys by row: every key of `row` lies in [formulaKey(row, 0), formulaKey(row + 1, 0)).
  return key >= formulaKey(row, 0) && key < formulaKey(row + 1, 0);
}
