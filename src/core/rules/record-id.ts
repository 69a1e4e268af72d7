// The id a finding names for a record: a risk's id, an action's ref, a plan action's "aim.n".

import type { SheetRecord } from "../model/records";
import { fieldText } from "../model/records";
import { actionNumber } from "../read/aim-number";
import { placePlanActions, type PlanPlace } from "./plan-parts";

/**
 * Names plan actions by their place under their aim, sheet by sheet (README Check: "1.2 is aim 1's second
 * action, on each plan sheet"): "3.2" is the second action under aim 3 of its plan, and an action of an aim
 * the plan numbers no aim of is named by its row ("row 12"). Where a plan writes each action's place itself
 * ("1.1", "1.2", "2.1"), the actions keep those numbers: an aim's actions keep theirs when every one of
 * them writes one and no other action of its sheet's part writes the same. Where a sheet holds a second
 * audit's plan numbered from 1 again (placePlanActions), its actions are named with their part: "1.1 (part
 * 2)", so they stay apart from the first part's "1.1" (an accepted exception is matched by sheet and id)
 * and match the Plan Close-Out's rows. An id is never given twice on a sheet: a repeat is named by its row.
 */
export function numberPlanActions(plan: SheetRecord<string>[]): Map<SheetRecord<string>, string> {
  const places = placePlanActions(plan);
  const aims = new Map<string, SheetRecord<string>[]>();
  const written = new Map<string, number>();
  for (const r of plan) {
    const key = places.get(r)!.key;
    const actions = aims.get(key);
    if (actions) actions.push(r);
    else aims.set(key, [r]);
    const own = writtenNumberKey(r, places);
    if (own) written.set(own, (written.get(own) ?? 0) + 1);
  }
  const ids = new Map<SheetRecord<string>, string>();
  const given = new Set<string>();
  for (const actions of aims.values()) {
    const keepWritten = actions.every((r) => written.get(writtenNumberKey(r, places)) === 1);
    actions.forEach((r, i) => {
      const { part, no } = places.get(r)!;
      const place = keepWritten ? actionNumber(fieldText(r, "no")) : no ? `${no}.${i + 1}` : "";
      const id = !place ? `row ${r.row + 1}` : part > 1 ? `${place} (part ${part})` : place;
      const unique = given.has(`${r.sheet}\u0000${id}`) ? `row ${r.row + 1}` : id;
      given.add(`${r.sheet}\u0000${unique}`);
      ids.set(r, unique);
    });
  }
  return ids;
}

/** The action's own number as its No writes it ("1.2"), keyed by sheet and part; "" when it writes none. */
function writtenNumberKey(r: SheetRecord<string>, places: Map<SheetRecord<string>, PlanPlace>): string {
  const own = actionNumber(fieldText(r, "no"));
  return own ? `${r.sheet}\u0000${places.get(r)!.part}\u0000${own}` : "";
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
