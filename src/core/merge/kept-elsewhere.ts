// An import into a register beside a sheet keeping the other kind of record: an "Opportunities" sheet beside
// the risk register (or the risk register beside the Opportunities sheet imported into). IRIS exports risks
// and opportunities together; an export row whose id the workbook keeps live on that other sheet is that
// record, not a new one: it is not added to the target (a duplicate, counted among the month's new risks),
// and the plan says where it is.

import { idKey, rawValue, type SheetRecord } from "../model/records";
import type { SheetLayout } from "../read/detect-sheet";
import { listWords } from "../list-words";
import type { ClosedPlaceOf } from "./closed-places";

/** True for a sheet holding opportunities (see registerHoldsByName). */
const holdsOpportunities = (layout: SheetLayout | undefined): boolean => layout?.holds === "opportunities";

/**
 * The keys of `exportKeys` not on the target register that the workbook keeps live (not closed where they
 * stand) on a register sheet holding the other kind (opportunities for a risk register, risks for an
 * opportunities sheet), each with that sheet's name. `records` are the workbook's register rows, read once.
 */
export function keptOnOtherKindOfSheet(
  exportKeys: ReadonlySet<string>,
  records: readonly SheetRecord<string>[],
  layouts: ReadonlyMap<string, SheetLayout>,
  targetRegister: string,
  closedPlace: ClosedPlaceOf,
): Map<string, string> {
  const targetHoldsOpportunities = holdsOpportunities(layouts.get(targetRegister));
  const onTarget = new Set<string>();
  const elsewhere = new Map<string, string>();
  for (const r of records) {
    const key = idKey(rawValue(r, "id"));
    if (!exportKeys.has(key)) continue;
    if (r.sheet === targetRegister) {
      onTarget.add(key);
      continue;
    }
    const layout = layouts.get(r.sheet);
    if (layout?.holds === "closed-risks" || holdsOpportunities(layout) === targetHoldsOpportunities) continue;
    if (closedPlace(r) === null && !elsewhere.has(key)) elsewhere.set(key, r.sheet);
  }
  for (const key of onTarget) elsewhere.delete(key);
  return elsewhere;
}

/**
 * The warning naming the export's records left where the workbook keeps them (`labels` by sheet): "OPP-001
 * is on sheet "Opportunities", not register "Risk Register": not imported; import into "Opportunities" to
 * update it there".
 */
export function keptElsewhereWarnings(
  bySheet: ReadonlyMap<string, string[]>,
  targetRegister: string,
): string[] {
  return [...bySheet].map(([sheet, labels]) => {
    const one = labels.length === 1;
    return `${listWords(labels)} ${one ? "is" : "are"} on sheet "${sheet}", not register "${targetRegister}": ${one ? "it was" : "they were"} not imported, so as not to add ${one ? "it" : "them"} twice; import into "${sheet}" to update ${one ? "it" : "them"} there`;
  });
}
