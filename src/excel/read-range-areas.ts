// Reads lists of cell areas Excel finds for us — each sheet's merged areas (ExcelApi 1.13) and its formula
// cells (ExcelApi 1.9) — apart from the values, so a sheet Excel cannot answer for costs only those areas,
// never the read. Every question shares the same two syncs.
//
// What the host does, as documented and reported:
// - getMergedAreasOrNullObject is ExcelApi 1.13 and getSpecialCellsOrNullObject 1.9: feature-tested first.
// - getMergedAreasOrNullObject "will fail to return the result" above 512 merged areas (ExcelApi
//   reference), so one busy sheet must not fail the others: all questions are asked in one sync and, when
//   that sync fails, each in a sync of its own; a question that still fails is answered null. The same
//   for the rectangles: one sheet's may be more than Excel's 5 MB answer holds.
// - A RangeAreas' `address` may list only each area's top-left cell (office-js#1590), and a sheet name may
//   hold a comma: the rectangles come from the `areas` collection (ExcelApi 1.9), by row and column index.
// - getMergedAreasOrNullObject finds only areas whose top-left cell lies in the range (office-js#3611):
//   the whole sheet is asked.

import type { MergedArea } from "../core/model/grid";
import { countedSync, supportsExcelApi } from "./run";

/** What one area loads: its position and size, no address to parse. */
const AREA_PROPS = "items/rowIndex,items/columnIndex,items/rowCount,items/columnCount";

/** One question about one sheet: the areas Excel returns (a null object when there are none). */
export type AreasQuestion = () => Excel.RangeAreas;

/** The merged areas of a sheet, as a question (null on a host below ExcelApi 1.13). */
export function mergedAreasOf(ws: Excel.Worksheet): AreasQuestion | null {
  return supportsExcelApi("1.13") ? () => ws.getRange().getMergedAreasOrNullObject() : null;
}

/** The cells of a sheet that hold a formula, as a question (null on a host below ExcelApi 1.9). */
export function formulaCellsOf(ws: Excel.Worksheet): AreasQuestion | null {
  return supportsExcelApi("1.9") ? () => ws.getRange().getSpecialCellsOrNullObject("Formulas") : null;
}

/**
 * Asks every question in two syncs (one to learn which have areas, one for their rectangles). Each answer,
 * in order: a list (empty when there are none), or null when Excel could not answer that question.
 */
export async function readAreaLists(
  context: Excel.RequestContext,
  questions: readonly AreasQuestion[],
): Promise<(MergedArea[] | null)[]> {
  const out: (MergedArea[] | null)[] = questions.map(() => []);
  if (questions.length === 0) return out;

  // Which questions have areas at all (a null object when none). One sync for all, else one each.
  const found: (Excel.RangeAreas | null)[] = questions.map(() => null);
  try {
    const queued = questions.map((ask) => ask().load("areaCount"));
    await countedSync(context, "read: merged areas and formula cells");
    queued.forEach((q, i) => (found[i] = q.isNullObject ? null : q));
  } catch {
    for (let i = 0; i < questions.length; i++) {
      const q = questions[i]().load("areaCount");
      try {
        await countedSync(context, "read: merged areas or formula cells of one sheet");
        found[i] = q.isNullObject ? null : q;
      } catch {
        out[i] = null; // more than 512 merges, or a host that cannot say: this sheet is read without them
      }
    }
  }

  // The rectangles of the questions that have some, in one sync; when that answer is too large (one sheet
  // of tens of thousands of formula areas), each in a sync of its own, so only that sheet goes without.
  const rectangles = (a: Excel.RangeAreas) => a.areas.load(AREA_PROPS);
  const areas = found.map((f) => (f ? rectangles(f) : null));
  if (areas.every((a) => a === null)) return out;
  try {
    await countedSync(context, "read: area rectangles");
  } catch {
    for (let i = 0; i < found.length; i++) {
      const f = found[i];
      if (!f) continue;
      areas[i] = rectangles(f);
      try {
        await countedSync(context, "read: area rectangles of one sheet");
      } catch {
        areas[i] = null;
        out[i] = null;
      }
    }
  }
  areas.forEach((a, i) => {
    if (!a) return;
    out[i] = a.items.map((r) => ({
      top: r.rowIndex,
      left: r.columnIndex,
      bottom: r.rowIndex + r.rowCount - 1,
      right: r.columnIndex + r.columnCount - 1,
    }));
  });
  return out;
}
