// Reads the fill colours of the cells whose colour alone may say a rating (SPEC "Real registers", Colour-only
// RAG; "Values", RAG scale): each register's RAG column where its cells hold no text, and the grid of a sheet
// that may hold the workbook's own risk matrix coloured only. Only those cells, every sheet in one request.

import { fillMergedAreas, type BlankFill, type Grid } from "../core/model/grid";
import type { SheetLayout } from "../core/read/detect-sheet";
import type { MatrixArea } from "../core/read/risk-matrix";
import { columnLetter } from "../core/address/a1";
import { isPayloadError } from "./errors";
import { payloadBudget } from "./payload";
import { countedSync, supportsExcelApi } from "./run";
import type { ColumnCorrection } from "../core/model/settings";

/** JSON bytes one cell's properties take in the response ({"format":{"fill":{"color":"#FFC000"}}}). */
const BYTES_PER_CELL = 40;
/** Excel reports an unfilled cell as white. */
const NO_FILL = new Set(["#FFFFFF", "#FFFFFF00", ""]);

/** A block of a sheet whose blank cells' fills are wanted (0-based, inclusive). */
interface Wanted {
  grid: Grid;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The register's RAG column and the span of its rows with no text there, or null when none is blank. */
function blankRagSpan(grid: Grid, layout: SheetLayout): Wanted | null {
  const col = layout.kind === "risk-register" ? layout.mapping?.fieldColumns.get("rag") : undefined;
  if (col === undefined || layout.headerRow === null) return null;
  let top = -1;
  let bottom = -1;
  const last = grid.rowOffset + grid.values.length - 1;
  for (let row = layout.headerRow + 1; row <= last; row++) {
    const r = grid.values[row - grid.rowOffset];
    const v = r?.[col - grid.colOffset];
    if (v !== null && v !== undefined && v !== "") continue;
    // Only rows with something else in them can be records.
    if (!r || r.every((x) => x === null || x === "")) continue;
    if (top < 0) top = row;
    bottom = row;
  }
  return top < 0 ? null : { grid, top, left: col, bottom, right: col };
}

/** One block around every place the sheet may hold its own risk matrix (riskMatrixAreas), or null for none. */
function matrixBlock(grid: Grid, areas: MatrixArea[]): Wanted | null {
  if (areas.length === 0) return null;
  const block: Wanted = { grid, ...areas[0] };
  for (const a of areas) {
    block.top = Math.min(block.top, a.top);
    block.left = Math.min(block.left, a.left);
    block.bottom = Math.max(block.bottom, a.bottom);
    block.right = Math.max(block.right, a.right);
  }
  return block;
}

const cellCount = (w: Wanted): number => (w.bottom - w.top + 1) * (w.right - w.left + 1);

/**
 * Adds `blankFills` to each grid from the fill colours of its cells with no text where a colour may say a
 * rating: a register's RAG column, a sheet's possible risk matrix (`Range.getCellProperties`, ExcelApi 1.9),
 * in one sync for every sheet. A RAG column over the payload budget is cut to the rows that fit, a matrix
 * that does not fit is not read; hosts without the API, or a refused request, leave the grids as they were
 * (the cells are then simply blank).
 */
export async function readRagFills(
  context: Excel.RequestContext,
  grids: Grid[],
  sheets: Excel.Worksheet[],
  corrections: ColumnCorrection[] = [],
): Promise<void> {
  if (!supportsExcelApi("1.9")) return;
  // The header and matrix readers come with the engine's chunk: loaded here, not in the task pane's first script.
  const [{ detectSheet }, { matrixSearchAreas }] = await Promise.all([
    import(/* webpackChunkName: "engine-read" */ "../core/read/detect-sheet"),
    import(/* webpackChunkName: "engine-read" */ "../core/read/risk-matrix"),
  ]);
  let room = Math.floor(payloadBudget() / BYTES_PER_CELL);
  const queued: { wanted: Wanted; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  const ask = (wanted: Wanted, sheet: Excel.Worksheet): void => {
    const range = `${columnLetter(wanted.left)}${wanted.top + 1}:${columnLetter(wanted.right)}${wanted.bottom + 1}`;
    queued.push({
      wanted,
      result: sheet.getRange(range).getCellProperties({ format: { fill: { color: true } } }),
    });
    room -= cellCount(wanted);
  };
  grids.forEach((grid, i) => {
    if (grid.owned) return;
    const filled = fillMergedAreas(grid);
    const layout = detectSheet(filled, corrections);
    const matrix = matrixBlock(grid, matrixSearchAreas(filled, layout));
    if (matrix && cellCount(matrix) <= room) ask(matrix, sheets[i]);
    const rag = blankRagSpan(grid, layout);
    if (!rag || room <= 0) return;
    rag.bottom = Math.min(rag.bottom, rag.top + room - 1);
    ask(rag, sheets[i]);
  });
  if (queued.length === 0) return;
  try {
    await countedSync(context, "read: RAG fills (RAG columns, risk matrix)");
  } catch (e) {
    if (isPayloadError(e)) return;
    throw e;
  }
  for (const { wanted, result } of queued) {
    const fills = blankCellFills(wanted, result.value);
    if (fills.length) wanted.grid.blankFills = [...(wanted.grid.blankFills ?? []), ...fills];
  }
}

/** The fills of a block's cells that hold no text and are filled (not white), as the grid keeps them. */
function blankCellFills({ grid, top, left }: Wanted, cells: Excel.CellProperties[][]): BlankFill[] {
  const fills: BlankFill[] = [];
  cells.forEach((row, k) =>
    row.forEach((cell, j) => {
      const color = (cell?.format?.fill?.color ?? "").toUpperCase();
      const [r, c] = [top + k, left + j];
      const v = grid.values[r - grid.rowOffset]?.[c - grid.colOffset];
      if (NO_FILL.has(color) || !color.startsWith("#") || (v !== null && v !== undefined && v !== "")) return;
      fills.push({ row: r, col: c, rgb: color.slice(1) });
    }),
  );
  return fills;
}
