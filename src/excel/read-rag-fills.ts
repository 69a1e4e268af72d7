// Reads the fill colours of each register's RAG column where its cells hold no text (colour-only RAG,
// SPEC "Real registers"): only that column, only the rows it needs, every sheet in one extra request.

import { fillMergedAreas, type BlankFill, type Grid } from "../core/model/grid";
import type { SheetLayout } from "../core/read/detect-sheet";
import { columnLetter } from "../core/address/a1";
import { isPayloadError } from "./errors";
import { payloadBudget } from "./payload";
import { countedSync, supportsExcelApi } from "./run";
import type { ColumnCorrection } from "../core/model/settings";

/** JSON bytes one cell's properties take in the response ({"format":{"fill":{"color":"#FFC000"}}}). */
const BYTES_PER_CELL = 40;
/** Excel reports an unfilled cell as white. */
const NO_FILL = new Set(["#FFFFFF", "#FFFFFF00", ""]);

interface Wanted {
  grid: Grid;
  col: number;
  top: number;
  bottom: number;
}

type Detect = (grid: Grid) => SheetLayout;

/** The register's RAG column and the span of its rows with no text there, or null when none is blank. */
function blankRagSpan(grid: Grid, detectSheet: Detect): Wanted | null {
  if (grid.owned) return null;
  const layout = detectSheet(fillMergedAreas(grid));
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
  return top < 0 ? null : { grid, col, top, bottom };
}

/**
 * Adds `blankFills` to each register grid whose RAG column has cells with no text, from those cells'
 * fill colours (`Range.getCellProperties`, ExcelApi 1.9), in one sync for every sheet. Spans over the
 * payload budget are cut to what fits; hosts without the API, or a refused request, leave the grids as
 * they were (the cells are then simply blank).
 */
export async function readRagFills(
  context: Excel.RequestContext,
  grids: Grid[],
  sheets: Excel.Worksheet[],
  corrections: ColumnCorrection[] = [],
): Promise<void> {
  if (!supportsExcelApi("1.9")) return;
  // The header reader comes with the engine's chunk: loaded here, not in the task pane's first script.
  const { detectSheet } = await import(/* webpackChunkName: "engine-read" */ "../core/read/detect-sheet");
  let room = Math.floor(payloadBudget() / BYTES_PER_CELL);
  const queued: { wanted: Wanted; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  grids.forEach((grid, i) => {
    const wanted = blankRagSpan(grid, (g) => detectSheet(g, corrections));
    if (!wanted || room <= 0) return;
    wanted.bottom = Math.min(wanted.bottom, wanted.top + room - 1);
    room -= wanted.bottom - wanted.top + 1;
    const letter = columnLetter(wanted.col);
    const range = sheets[i].getRange(`${letter}${wanted.top + 1}:${letter}${wanted.bottom + 1}`);
    queued.push({ wanted, result: range.getCellProperties({ format: { fill: { color: true } } }) });
  });
  if (queued.length === 0) return;
  try {
    await countedSync(context, "read: RAG column fills");
  } catch (e) {
    if (isPayloadError(e)) return;
    throw e;
  }
  for (const { wanted, result } of queued) {
    const fills: BlankFill[] = [];
    result.value.forEach((cells, k) => {
      const color = (cells[0]?.format?.fill?.color ?? "").toUpperCase();
      const row = wanted.top + k;
      const v = wanted.grid.values[row - wanted.grid.rowOffset]?.[wanted.col - wanted.grid.colOffset];
      if (NO_FILL.has(color) || !color.startsWith("#") || (v !== null && v !== undefined && v !== "")) return;
      fills.push({ row, col: wanted.col, rgb: color.slice(1) });
    });
    if (fills.length) wanted.grid.blankFills = fills;
  }
}
