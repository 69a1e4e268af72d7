// A sheet's cells as plain values: what every reader (file, Excel, test) hands to the engine.

/** One cell's value, as Excel holds it: dates are serial numbers told apart by their number format. */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive, in sheet coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table on a sheet: its area (0-based, header and totals rows included), as a reader found it. */
export interface GridTable {
  top: number;
  left: number;
  bottom: number;
  right: number;
  totalsRow: boolean;
  /**
   * Set where the host that read the sheet cannot grow the table over rows written straight below it (Excel
   * below ExcelApi 1.13, which has no Table.resize): new rows there are outside it. The command line grows
   * a table part's range itself, so the file reader never sets it.
   */
  fixedSize?: true;
}

/**
 * Why a sheet was read without its merged areas: Excel could not list them ("too-many": more than it lists,
 * 512 by the reference), or this version of Excel cannot list merged cells at all ("old-excel": below
 * ExcelApi 1.13). The words for each are mergesUnreadNote's (core/read/structure-lines.ts).
 */
export type MergesUnread = "too-many" | "old-excel";

/** A cell with no value but a solid fill (colour-only RAG), its colour as "RRGGBB" with theme colours resolved. */
export interface BlankFill {
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  rgb: string;
}

/**
 * A rectangular block of one sheet.
 * `values[r][c]` is the cell at sheet row `rowOffset + r`, column `colOffset + c` (both 0-based),
 * so a used range that starts at B3 has rowOffset 2 and colOffset 1.
 */
export interface Grid {
  /** The sheet's name (a CSV's file name without its extension). */
  sheetName: string;
  /** Where the sheet came from: a file name, or "workbook" for the open workbook. */
  origin: string;
  values: CellValue[][];
  /**
   * Number formats parallel to `values`; missing or "General" means not a date. Rows formatted alike may
   * share one array: read them, and copy a row before changing it.
   */
  numberFormats?: (string | null)[][];
  merges?: MergedArea[];
  /** Set when the host could not list the sheet's merged areas, so it was read without them: why. */
  mergesUnread?: MergesUnread;
  rowOffset: number;
  colOffset: number;
  /** Hidden sheets are still read; owned tabs are recognised by marker, not by visibility. */
  hidden?: boolean;
  /** True when the sheet carries the add-in's owned-tab marker. */
  owned?: boolean;
  /** 0-based sheet rows that are an Excel table's totals row (not records). */
  totalsRows?: number[];
  /**
   * The sheet's Excel tables, where the reader learnt them (the file reader from the table parts, the task
   * pane from Excel's tables): an import says so when its new rows cannot go inside the register's table.
   */
  tables?: GridTable[];
  /**
   * What refers by address to the sheet's one totals row (a defined name, a formula elsewhere, a chart), in
   * words: an import never moves that row, or those references would land on a new risk's cells.
   */
  totalsRowReferences?: string[];
  /** Fills of cells with no value (only where a reader looked for them: the RAG column, or a whole file). */
  blankFills?: BlankFill[];
  /**
   * Cells that hold a formula (`values` has its last result), as `formulaKey(row, col)` in sheet
   * coordinates; missing when the reader does not know. An import never replaces a formula by a value.
   */
  formulas?: ReadonlySet<number>;
  /** True when the reader could not learn which cells hold formulas (Excel did not say): imports refuse. */
  formulasUnread?: boolean;
  /**
   * Formula cells the file holds with no saved result (Apache POI, openpyxl and other writers save none; Excel
   * works them out on opening), as `formulaKey(row, col)`: those the file reader worked out as Excel would
   * (`values` holds the result) and those it could not (`values` holds null, which is not a blank: the rules'
   * findings on them say so). Absent when there are none, as always in the task pane (Excel gives results).
   */
  formulasWithoutResults?: { workedOut: readonly number[]; notWorkedOut: readonly number[] };
}

/** Columns in a sheet (XFD): a cell's formula key is row × this + column. */
const SHEET_COLUMNS = 16_384;

/** The key of a cell (0-based sheet row and column) in `Grid.formulas`. */
export function formulaKey(row: number, col: number): number {
  return row * SHEET_COLUMNS + col;
}

/** The cell (0-based sheet row and column) a formula key stands for: the inverse of formulaKey. */
export function cellOfFormulaKey(key: number): { row: number; col: number } {
  return { row: Math.floor(key / SHEET_COLUMNS), col: key % SHEET_COLUMNS };
}

/** True when the reader saw a formula in this cell (0-based sheet coordinates). */
export function hasFormula(grid: Grid, row: number, col: number): boolean {
  return grid.formulas?.has(formulaKey(row, col)) === true;
}

/** Builds a grid from a 2-D array starting at A1 (tests, CSV). */
export function gridFromRows(
  sheetName: string,
  values: CellValue[][],
  extra: Partial<Omit<Grid, "sheetName" | "values">> = {},
): Grid {
  return { sheetName, origin: extra.origin ?? "workbook", values, rowOffset: 0, colOffset: 0, ...extra };
}

/** The value at absolute sheet coordinates (0-based), or null outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  const v = r[col - grid.colOffset];
  return v === undefined ? null : v;
}

/** The number format at absolute sheet coordinates (0-based), or null. */
export function formatAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.numberFormats?.[row - grid.rowOffset];
  if (!r) return null;
  return r[col - grid.colOffset] ?? null;
}

/** Number of columns in the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}

/** A sheet's merged areas by column (each area under every column it spans), to find a cell's area quickly. */
export type MergesByColumn = ReadonlyMap<number, readonly MergedArea[]>;

/** Indexes merged areas by column (see {@link MergesByColumn}); made once per sheet. */
export function mergesByColumn(merges: readonly MergedArea[]): MergesByColumn {
  const byCol = new Map<number, MergedArea[]>();
  for (const m of merges)
    for (let c = m.left; c <= m.right; c++) {
      const list = byCol.get(c);
      if (list) list.push(m);
      else byCol.set(c, [m]);
    }
  return byCol;
}

/**
 * The cell Excel shows a cell's value in: the top-left cell of the merged area it lies in (Excel keeps the
 * value, and shows a mark, there alone), else the cell itself. 0-based sheet coordinates.
 */
export function shownCell(merges: MergesByColumn, row: number, col: number): { row: number; col: number } {
  for (const m of merges.get(col) ?? NO_AREAS)
    if (m.top <= row && row <= m.bottom) return { row: m.top, col: m.left };
  return { row, col };
}
const NO_AREAS: readonly MergedArea[] = [];

/**
 * Copies each merged area's top-left value (and format) into every cell of the area,
 * as SPEC says: "merged cells give their value to the whole merged area".
 */
export function fillMergedAreas(grid: Grid): Grid {
  if (!grid.merges || grid.merges.length === 0) return grid;
  const values = grid.values.map((r) => r.slice());
  const formats = grid.numberFormats?.map((r) => r.slice());
  for (const m of grid.merges) {
    const v = cellAt(grid, m.top, m.left);
    const f = formatAt(grid, m.top, m.left);
    for (let r = m.top; r <= m.bottom; r++) {
      const rr = r - grid.rowOffset;
      if (rr < 0 || rr >= values.length) continue;
      for (let c = m.left; c <= m.right; c++) {
        const cc = c - grid.colOffset;
        if (cc < 0) continue;
        values[rr][cc] = v;
        if (formats) {
          if (!formats[rr]) formats[rr] = [];
          formats[rr][cc] = f;
        }
      }
    }
  }
  return { ...grid, values, numberFormats: formats };
}

/** The name the tabs and logs give as the source of grids read together: their workbook's (its origin). */
export function sourceOf(grids: readonly Grid[]): string {
  return grids[0]?.origin ?? "workbook";
}
