// Formula cells an import leaves out of date: a score `=D5*E5` on a row whose likelihood the import changed
// still holds its saved result (the old score) until Excel works it out again. The import keeps the formula
// (SPEC "Formulas") and drops the saved result, so Excel works it out on opening and the check, reading a
// formula cell with no result as blank, works the score out as likelihood × impact.

import { toA1 } from "../address/a1";
import { cellAt, formatAt, hasFormula, type Grid } from "../model/grid";
import type { RecalculatedCell } from "./types";
import { displayText } from "./values";

/**
 * The fields a register works out from others, each with the fields its formula reads: a score from its
 * likelihood and impact, the RAG from the score. In order, so that a score worked out again comes before
 * the RAG that reads it.
 */
const WORKED_OUT_FROM: readonly (readonly [string, readonly string[]])[] = [
  ["score", ["likelihood", "impact"]],
  ["inherentScore", ["inherentLikelihood", "inherentImpact"]],
  ["targetScore", ["targetLikelihood", "targetImpact"]],
  ["previousScore", ["previousLikelihood", "previousImpact"]],
  ["rag", ["score", "likelihood", "impact"]],
];

/**
 * The formula cells on `row` whose field is worked out from a field the import changed there (`changed`:
 * the fields of the cells it writes on the row), directly or through another such formula (a RAG reading a
 * score worked out again). Only cells the reader saw a formula in; none where the grid does not say.
 */
export function recalculatedCells(
  grid: Grid,
  fieldColumns: ReadonlyMap<string, number>,
  headerOf: (col: number) => string,
  row: number,
  changed: ReadonlySet<string>,
): RecalculatedCell[] {
  if (!grid.formulas?.size) return [];
  const out: RecalculatedCell[] = [];
  const moved = new Set(changed);
  for (const [field, inputs] of WORKED_OUT_FROM) {
    const col = fieldColumns.get(field);
    if (col === undefined || moved.has(field) || !hasFormula(grid, row, col)) continue;
    if (!inputs.some((f) => moved.has(f))) continue;
    moved.add(field);
    const old = cellAt(grid, row, col);
    out.push({
      sheet: grid.sheetName,
      row,
      col,
      cell: toA1(row, col),
      field,
      header: headerOf(col),
      old,
      oldText: displayText(old, formatAt(grid, row, col), "other"),
    });
  }
  return out;
}
