// The id a finding names for a record: a risk's id, an action's ref, a plan action's "aim.n".

import type { SheetRecord } from "../model/records";
import { fieldText } from "../model/records";
import { placePlanActions } from "./plan-parts";

const TRAILING_STOP = /\.$/;

/**
 * Numbers plan actions within their aim, sheet by sheet: "3.2" is the second action under aim 3 of its plan.
 * Where a sheet holds a second audit's plan numbered from 1 again (placePlanActions), its actions are
 * numbered on their own and named with their part: "1.1 (part 2)", so they stay apart from the first
 * part's "1.1" (an accepted exception is matched by sheet and id) and match the Plan Close-Out's rows.
 */
export function numberPlanActions(plan: SheetRecord<string>[]): Map<SheetRecord<string>, string> {
  const ids = new Map<SheetRecord<string>, string>();
  const counts = new Map<string, number>();
  const places = placePlanActions(plan);
  for (const r of plan) {
    const no = fieldText(r, "no").replace(TRAILING_STOP, "");
    const part = places.get(r)?.part ?? 1;
    const key = `${r.sheet}\u0000${part}\u0000${no || "?"}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const id = no ? `${no}.${n}` : `row ${r.row + 1}`;
    ids.set(r, part > 1 && no ? `${id} (part ${part})` : id);
  }
  return ids;
}

/** The id shown for a record in findings, or null when it has none. */
export function recordIdOf(
  record: SheetRecord<string>,
  planIds: ReadonlyMap<SheetRecord<string>, string>,
): string | null {
  switch (record.kind) {
    case "risk-register":
      return fieldText(record, "id") || null;
    case "actions":
      return fieldText(record, "actionId") || fieldText(record, "riskId") || null;
    case "improvement-plan":
      return planIds.get(record) ?? null;
    case "update-log":
      return fieldText(record, "riskId") || null;
    default:
      return null;
  }
}
