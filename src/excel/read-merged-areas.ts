// Reads each sheet's merged areas (ExcelApi 1.13) apart from its values, so a sheet Excel cannot list
// them for costs only its merges, never the read.
//
// What the host does, as documented and reported:
// - getMergedAreasOrNullObject is ExcelApi 1.13, above the manifest's 1.9: feature-tested first.
// - It "will fail to return the result" above 512 merged areas (Range.getMergedAreasOrNullObject in the
//   ExcelApi reference), so one busy sheet must not fail the others: all sheets are asked in one sync and,
//   when that sync fails, each sheet in a sync of its own; a sheet that still fails is read without merges.
// - Its `address` may list only each area's top-left cell (office-js#1590): the rectangles come from the
//   RangeAreas' `areas` collection (ExcelApi 1.9), by row and column index, not by parsing an address.
// - It finds only areas whose top-left cell lies in the range (office-js#3611): the whole sheet is asked.

import type { MergedArea } from "../core/model/grid";
import { countedSync, supportsExcelApi } from "./run";

/** What one area loads: its position and size, no address to parse. */
const AREA_PROPS = "items/rowIndex,items/columnIndex,items/rowCount,items/columnCount";

/**
 * The merged areas of each sheet, in order: a list (empty when the sheet has none, or when the host lacks
 * ExcelApi 1.13), or null when Excel could not list them for that sheet.
 */
export async function readMergedAreas(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
): Promise<(MergedArea[] | null)[]> {
  const out: (MergedArea[] | null)[] = sheets.map(() => []);
  if (sheets.length === 0 || !supportsExcelApi("1.13")) return out;

  // Which sheets have merged areas at all (a null object when none). One sync for all, else one each.
  const found: (Excel.RangeAreas | null)[] = sheets.map(() => null);
  const ask = (i: number): Excel.RangeAreas =>
    sheets[i].getRange().getMergedAreasOrNullObject().load("areaCount");
  try {
    const queued = sheets.map((_, i) => ask(i));
    await countedSync(context, "read: merged areas");
    queued.forEach((q, i) => (found[i] = q.isNullObject ? null : q));
  } catch {
    for (let i = 0; i < sheets.length; i++) {
      const q = ask(i);
      try {
        await countedSync(context, "read: merged areas of one sheet");
        found[i] = q.isNullObject ? null : q;
      } catch {
        out[i] = null; // more than 512, or a host that cannot say: this sheet is read without merges
      }
    }
  }

  // The rectangles of the sheets that have some, in one sync.
  const areas = found.map((f) => (f ? f.areas.load(AREA_PROPS) : null));
  if (areas.every((a) => a === null)) return out;
  try {
    await countedSync(context, "read: merged area rectangles");
  } catch {
    areas.forEach((a, i) => a && (out[i] = null));
    return out;
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
