// Finds a workbook's own risk matrix: a 5 × 5 likelihood × impact grid whose cells hold rating words or
// colours (SPEC "RAG scale"). Its ratings then set the RAG bands for that workbook.

import type { Grid } from "../model/grid";
import type { SheetLayout } from "./detect-sheet";
import type { Rag } from "../model/owned-tab";
import { parseRagWord, ragFromColour } from "../parse";
import { cellText } from "./cell-text";
import { withRegisterContents } from "./register-contents";

/** The rating of each likelihood × impact cell: `cells[likelihood - 1][impact - 1]`. */
export interface RiskMatrix {
  sheet: string;
  cells: (Rag | null)[][];
}

const SEARCH_ROWS = 40;
const SEARCH_COLS = 30;

/** An axis label 1–5 written with its words: "5 - Almost certain / Frequent", "1 - Minor", "3. Possible". */
const NUMBER_THEN_WORDS = /^\s*([1-5])\s*(?:[-–—:.)]\s*|\s+)\p{L}/u;

/** An axis label: a bare 1–5, or 1–5 followed by words (`labelled`); null for anything else. */
function axisLabelAt(grid: Grid, row: number, col: number): { n: number; labelled: boolean } | null {
  const v = grid.values[row - grid.rowOffset]?.[col - grid.colOffset];
  if (typeof v === "number")
    return Number.isInteger(v) && v >= 1 && v <= 5 ? { n: v, labelled: false } : null;
  if (typeof v !== "string") return null;
  if (/^\s*[1-5]\s*$/.test(v)) return { n: Number(v), labelled: false };
  const m = NUMBER_THEN_WORDS.exec(v);
  return m ? { n: Number(m[1]), labelled: true } : null;
}

function ratingAt(grid: Grid, row: number, col: number, fills: Map<string, string>): Rag | null {
  const text = cellText(grid.values[row - grid.rowOffset]?.[col - grid.colOffset] ?? null);
  if (text) {
    const w = parseRagWord(text);
    return w.ok ? w.value : null;
  }
  const rgb = fills.get(`${row}:${col}`);
  return rgb ? ragFromColour(rgb) : null;
}

/** True when a text near the grid names likelihood in the column of the row labels (rows are likelihood). */
function rowsAreImpact(grid: Grid, top: number, labelCol: number): boolean {
  for (let row = Math.max(grid.rowOffset, top - 3); row <= top + 6; row++)
    for (let col = Math.max(grid.colOffset, labelCol - 2); col <= labelCol; col++) {
      const t = cellText(grid.values[row - grid.rowOffset]?.[col - grid.colOffset] ?? null).toLowerCase();
      if (/likelihood|probability/.test(t)) return false;
      if (/impact|consequence|severity/.test(t)) return true;
    }
  return false;
}

/**
 * Where a 5 × 5 matrix may stand before its ratings are read: a row of impact numbers 1–5 (either order, at
 * `headRow` from column `col`) with five rows beside it (`dir` 1 below, -1 above) labelled 1–5 in the column
 * to its left (`rowLabels[k]` the label of row headRow + dir × (k + 1)); `labelled` when an axis carries words
 * after its numbers.
 */
interface MatrixPlace {
  headRow: number;
  col: number;
  dir: 1 | -1;
  heads: number[];
  rowLabels: number[];
  labelled: boolean;
}

/** A cell area, 0-based and inclusive. */
export interface MatrixArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Every place on the sheet where a matrix may stand (see MatrixPlace), top to bottom, left to right. */
function* matrixPlaces(grid: Grid): Generator<MatrixPlace> {
  const lastRow = Math.min(grid.rowOffset + grid.values.length, grid.rowOffset + SEARCH_ROWS) - 1;
  for (let row = grid.rowOffset; row <= lastRow; row++) {
    const r = grid.values[row - grid.rowOffset] ?? [];
    const width = Math.min(r.length, SEARCH_COLS);
    for (let c = grid.colOffset + 1; c + 4 < grid.colOffset + width; c++) {
      const labels = [0, 1, 2, 3, 4].map((k) => axisLabelAt(grid, row, c + k));
      if (labels.some((h) => h === null)) continue;
      const heads = labels.map((h) => h!.n);
      if (new Set(heads).size !== 5) continue;
      const headsLabelled = labels.some((h) => h!.labelled);
      for (const dir of [1, -1] as const) {
        const rows = rowLabelsBeside(grid, row, c, dir);
        if (rows)
          yield {
            headRow: row,
            col: c,
            dir,
            heads,
            rowLabels: rows.labels,
            labelled: headsLabelled || rows.labelled,
          };
      }
    }
  }
}

/** The labels 1–5 (each once) of the five rows beside a row of impact numbers, or null. */
function rowLabelsBeside(
  grid: Grid,
  headRow: number,
  c: number,
  dir: 1 | -1,
): { labels: number[]; labelled: boolean } | null {
  const labels: number[] = [];
  let labelled = false;
  for (let k = 1; k <= 5; k++) {
    const label = axisLabelAt(grid, headRow + dir * k, c - 1);
    if (label === null || labels.includes(label.n)) return null;
    labels.push(label.n);
    labelled ||= label.labelled;
  }
  return { labels, labelled };
}

/**
 * The cells of every place on the sheet where a matrix may stand (see findRiskMatrix), before any rating is
 * read: the task pane reads these cells' fills, as the command line has every blank cell's, so a matrix
 * coloured only is found on both.
 */
export function riskMatrixAreas(grid: Grid): MatrixArea[] {
  const areas: MatrixArea[] = [];
  for (const p of matrixPlaces(grid)) {
    const [top, bottom] = p.dir === 1 ? [p.headRow + 1, p.headRow + 5] : [p.headRow - 5, p.headRow - 1];
    areas.push({ top, left: p.col, bottom, right: p.col + 4 });
  }
  return areas;
}

/**
 * Whether a sheet is searched for the workbook's own matrix: a sheet of no known kind (`layout` as the
 * workbook reader takes it: see withRegisterContents), not the add-in's own tab.
 */
export function searchedForMatrix(grid: Grid, layout: SheetLayout): boolean {
  return layout.kind === "unknown" && grid.owned !== true;
}

/**
 * The cells the workbook reader will search for its own matrix on this sheet (`grid` with its merged areas
 * filled, `detected` as detectSheet gives it), or none; see riskMatrixAreas.
 */
export function matrixSearchAreas(grid: Grid, detected: SheetLayout): MatrixArea[] {
  return searchedForMatrix(grid, withRegisterContents(detected, grid.sheetName)) ? riskMatrixAreas(grid) : [];
}

/**
 * The sheet's 5 × 5 matrix, or null: a row of impact numbers 1–5 (either order) with five rows beside
 * it (above or below) labelled 1–5 in the column to the left, at least 20 of whose cells hold a rating
 * word (a number after it is the cell's score: "Medium\n10") or a RAG fill, in at least two colours.
 * An axis may be labelled with words after its numbers ("5 - Almost certain", "1 - Minor"); as a numbered
 * list or a tracker's numbered columns are written that way too, such a grid is a matrix only when its
 * ratings never fall as likelihood or impact rise, as a risk matrix's never do.
 */
export function findRiskMatrix(grid: Grid): RiskMatrix | null {
  const fills = new Map<string, string>();
  for (const f of grid.blankFills ?? []) fills.set(`${f.row}:${f.col}`, f.rgb);
  for (const place of matrixPlaces(grid)) {
    const matrix = readGrid(grid, place, fills);
    if (matrix) return { sheet: grid.sheetName, cells: matrix };
  }
  return null;
}

function readGrid(grid: Grid, place: MatrixPlace, fills: Map<string, string>): (Rag | null)[][] | null {
  const { headRow, col: c, dir, heads, rowLabels, labelled } = place;
  const byRow: (Rag | null)[][] = [[], [], [], [], []];
  let rated = 0;
  const colours = new Set<Rag>();
  for (let k = 1; k <= 5; k++) {
    const row = headRow + dir * k;
    for (let j = 0; j < 5; j++) {
      const rating = ratingAt(grid, row, c + j, fills);
      byRow[rowLabels[k - 1] - 1][heads[j] - 1] = rating;
      if (rating) {
        rated++;
        colours.add(rating);
      }
    }
  }
  if (rated < 20 || colours.size < 2) return null;
  if (labelled && !neverFalls(byRow)) return null;
  if (!rowsAreImpact(grid, Math.min(headRow, headRow + dir * 5), c - 1)) return byRow;
  // Rows are impact: turn the grid so the first index is likelihood.
  return [0, 1, 2, 3, 4].map((l) => [0, 1, 2, 3, 4].map((i) => byRow[i][l]));
}

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** True when no rated cell is rated above a rated cell at the same or higher numbers on both axes. */
function neverFalls(cells: (Rag | null)[][]): boolean {
  for (let a = 0; a < 5; a++)
    for (let b = 0; b < 5; b++) {
      const here = cells[a][b];
      if (!here) continue;
      for (let a2 = a; a2 < 5; a2++)
        for (let b2 = b; b2 < 5; b2++) {
          const there = cells[a2][b2];
          if (there && RANK[there] < RANK[here]) return false;
        }
    }
  return true;
}

/**
 * The rating a workbook's own risk matrix (`cells[likelihood - 1][impact - 1]`) gives a risk: the cell of
 * its likelihood and impact when both are known and rated, else the rating every cell of its score agrees
 * on; null when the matrix does not say (the RAG bands then rate the score).
 */
export function matrixRag(
  cells: readonly (readonly (Rag | null)[])[],
  likelihood: number | null,
  impact: number | null,
  score: number,
): Rag | null {
  const inRange = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 1 && n <= 5;
  if (inRange(likelihood) && inRange(impact)) {
    const rag = cells[likelihood - 1]?.[impact - 1];
    if (rag) return rag;
  }
  const seen = new Set<Rag>();
  for (let a = 1; a <= 5; a++)
    for (let b = 1; b <= 5; b++) {
      const rag = cells[a - 1]?.[b - 1];
      if (a * b === score && rag) seen.add(rag);
    }
  return seen.size === 1 ? [...seen][0] : null;
}
