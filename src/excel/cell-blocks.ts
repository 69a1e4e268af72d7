// Groups single-cell edits into rectangular blocks of nearby rows, written as one 2-D `values` array each:
// thousands of changed cells become a handful of ranges, never one range per cell.

import type { CellEdit } from "../core/model/edits";
import type { CellValue } from "../core/model/grid";
import { escapeCellText, needsEscape } from "./escape-text";
import { MAX_BLOCK_CELLS, jsonBytes } from "./payload";

/** One rectangle of one sheet; `null` in `values` / `formats` leaves that cell (or its format) as it is. */
export interface CellBlock {
  sheet: string;
  /** 0-based top-left. */
  row: number;
  col: number;
  values: (CellValue | null)[][];
  formats: (string | null)[][];
  /** Estimated request bytes (JSON of both arrays). */
  bytes: number;
  /** How many edits the block carries (the rest of its cells are null, left alone). */
  edits: number;
}

/** Options for `cellBlocks`. */
export interface CellBlockLimits {
  /** Most cells (rows × columns, nulls included) per block. */
  maxCells?: number;
  /** Most estimated bytes per block. */
  maxBytes?: number;
  /** Blank rows bridged inside one block (cheap nulls instead of another range). */
  maxGapRows?: number;
}

const TEXT_FORMAT = "@";

/**
 * Text Excel might turn into something else when typed into a General cell: a formula (= + - @), a
 * boolean, an error value ("#N/A"), a percentage, and any text with a digit in it — a number ("007",
 * "1e3"), an amount ("£120,000"), a date ("1/2", "Oct-22", "July 2022", "Sept 2022") or a time. Excel's
 * reading of dates and amounts depends on the locale, so every text with a digit is treated as at risk.
 * Such text gets the "@" format before it is written, so it arrives as the text it is; words with no digit
 * ("Plain words") keep the cell's own format.
 */
export function needsTextFormat(text: string): boolean {
  if (needsEscape(text)) return true;
  const t = text.trim();
  return (
    /\d/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /%$/.test(t) ||
    /^#(N\/A|NULL!|REF!|NAME\?|NUM!|VALUE!)$/i.test(t)
  );
}

/** The value and format that store `edit.value` exactly (text escaped, never a formula). */
export function wireCell(edit: Pick<CellEdit, "value" | "format">): {
  value: CellValue;
  format: string | null;
} {
  const v = edit.value;
  if (typeof v === "string") {
    return { value: escapeCellText(v), format: edit.format ?? (needsTextFormat(v) ? TEXT_FORMAT : null) };
  }
  if (typeof v === "number" && !Number.isFinite(v)) return { value: "", format: edit.format ?? null };
  // null asks for a blank cell: "" writes one, whereas null in `values` would leave the cell alone.
  return { value: v === null ? "" : v, format: edit.format ?? null };
}

interface RowEdits {
  row: number;
  cells: Map<number, CellEdit>;
  minCol: number;
  maxCol: number;
}

function rowsOf(edits: readonly CellEdit[]): RowEdits[] {
  const byRow = new Map<number, RowEdits>();
  for (const e of edits) {
    let r = byRow.get(e.row);
    if (!r) {
      r = { row: e.row, cells: new Map(), minCol: e.col, maxCol: e.col };
      byRow.set(e.row, r);
    }
    // A later edit of the same cell wins, as it would if written in order.
    r.cells.set(e.col, e);
    r.minCol = Math.min(r.minCol, e.col);
    r.maxCol = Math.max(r.maxCol, e.col);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

function buildBlock(sheet: string, rows: RowEdits[], minCol: number, maxCol: number): CellBlock {
  const top = rows[0].row;
  const bottom = rows[rows.length - 1].row;
  const width = maxCol - minCol + 1;
  const values: (CellValue | null)[][] = [];
  const formats: (string | null)[][] = [];
  const byRow = new Map(rows.map((r) => [r.row, r]));
  let edits = 0;
  for (let row = top; row <= bottom; row++) {
    const vs: (CellValue | null)[] = new Array<CellValue | null>(width).fill(null);
    const fs: (string | null)[] = new Array<string | null>(width).fill(null);
    const r = byRow.get(row);
    if (r) {
      for (const [col, e] of r.cells) {
        const w = wireCell(e);
        vs[col - minCol] = w.value;
        fs[col - minCol] = w.format;
        edits += 1;
      }
    }
    values.push(vs);
    formats.push(fs);
  }
  return {
    sheet,
    row: top,
    col: minCol,
    values,
    formats,
    bytes: jsonBytes(values) + jsonBytes(formats),
    edits,
  };
}

/** Rough bytes of one row of a block `width` wide holding `r`'s edits (nulls cost 5 bytes a cell). */
function rowBytes(r: RowEdits | null, width: number): number {
  let bytes = width * 10 + 4;
  if (r) for (const e of r.cells.values()) bytes += typeof e.value === "string" ? e.value.length + 6 : 12;
  return bytes;
}

/**
 * The edits as blocks per sheet, in sheet order of first appearance and row order within a sheet.
 * Rows within `maxGapRows` of each other share a block (the blank rows between are nulls); a block stops
 * growing at `maxCells` or `maxBytes`. Cells between edits in a block are null, so they are left alone.
 */
export function cellBlocks(edits: readonly CellEdit[], limits: CellBlockLimits = {}): CellBlock[] {
  const maxCells = limits.maxCells ?? MAX_BLOCK_CELLS;
  const maxBytes = limits.maxBytes ?? 1_000_000;
  const maxGap = limits.maxGapRows ?? 2;
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const list = bySheet.get(e.sheet);
    if (list) list.push(e);
    else bySheet.set(e.sheet, [e]);
  }
  const out: CellBlock[] = [];
  for (const [sheet, list] of bySheet) {
    let current: RowEdits[] = [];
    let minCol = 0;
    let maxCol = 0;
    let bytes = 0;
    const flush = () => {
      if (current.length > 0) out.push(buildBlock(sheet, current, minCol, maxCol));
      current = [];
    };
    for (const r of rowsOf(list)) {
      if (current.length === 0) {
        current = [r];
        minCol = r.minCol;
        maxCol = r.maxCol;
        bytes = rowBytes(r, maxCol - minCol + 1);
        continue;
      }
      const last = current[current.length - 1].row;
      const lo = Math.min(minCol, r.minCol);
      const hi = Math.max(maxCol, r.maxCol);
      const width = hi - lo + 1;
      const height = r.row - current[0].row + 1;
      // Widening the block re-prices every row already in it.
      const grown =
        bytes +
        (width - (maxCol - minCol + 1)) * 10 * (last - current[0].row + 1) +
        rowBytes(r, width) +
        (r.row - last - 1) * rowBytes(null, width);
      if (r.row - last - 1 > maxGap || width * height > maxCells || grown > maxBytes) {
        flush();
        current = [r];
        minCol = r.minCol;
        maxCol = r.maxCol;
        bytes = rowBytes(r, maxCol - minCol + 1);
        continue;
      }
      current.push(r);
      minCol = lo;
      maxCol = hi;
      bytes = grown;
    }
    flush();
  }
  return out;
}

/** Splits a block of two or more rows into its top and bottom halves (for halve-and-retry), else null. */
export function splitBlock(b: CellBlock): [CellBlock, CellBlock] | null {
  if (b.values.length < 2) return null;
  const half = Math.floor(b.values.length / 2);
  const part = (from: number, to: number): CellBlock => {
    const values = b.values.slice(from, to);
    const formats = b.formats.slice(from, to);
    let edits = 0;
    for (const row of values) for (const v of row) if (v !== null) edits += 1;
    return {
      sheet: b.sheet,
      row: b.row + from,
      col: b.col,
      values,
      formats,
      bytes: jsonBytes(values) + jsonBytes(formats),
      edits,
    };
  };
  return [part(0, half), part(half, b.values.length)];
}
