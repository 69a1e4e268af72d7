// The part of its plan sheet a plan action belongs to: a sheet may carry two audits' plans one under the
// other (Part A: the external review; Part B: Internal Audit, numbered from 1 again), whose aims share numbers.

import type { SheetRecord } from "../model/records";
import { fieldText } from "../model/records";
import { aimNumber } from "../read/aim-number";
import { foldCaseAndSpaces } from "../parse/spaces";

/** Where a plan action sits: its sheet's part (1 for the first) and its aim's number within that part. */
export interface PlanPlace {
  /** 1 for the sheet's first part, 2 for the next, … */
  part: number;
  /** The aim's number as aimNumber reads the No ("1.2" → "1"), or "" where the plan numbers no aim. */
  no: string;
  /** The same aim has the same key: sheet, part and aim number (or the aim's words where unnumbered). */
  key: string;
}

/** What the walk down one sheet knows of the part it is in. */
interface PartState {
  part: number;
  /** The section the reader marked above the last action (`record.section`), if any. */
  section: string | undefined;
  /** The highest aim number seen in this part. */
  highest: number;
  /** This part's aims' words (folded) by number, as first seen. */
  aims: Map<number, string>;
}

/**
 * Places every plan action in its sheet's part and aim. A new part starts where the aims' numbering
 * starts again: at 1 after a higher number ("1., 2., 1."), or, under a new section the reader marked
 * (`record.section`, a "Part B" heading), at or below the highest number so far. An aim is not a new
 * part when it has the words this part's aim of that number had: an action added at the foot of the
 * plan under aim 1, or aim 1's actions carried on under a sub-heading, are still aim 1.
 */
export function placePlanActions(plan: SheetRecord<string>[]): Map<SheetRecord<string>, PlanPlace> {
  const places = new Map<SheetRecord<string>, PlanPlace>();
  const sheets = new Map<string, PartState>();
  for (const r of plan) {
    let state = sheets.get(r.sheet);
    if (!state) {
      state = { part: 1, section: r.section, highest: 0, aims: new Map() };
      sheets.set(r.sheet, state);
    }
    const no = aimNumber(fieldText(r, "no"));
    const aim = foldCaseAndSpaces(fieldText(r, "aim"));
    const n = /^\d+$/.test(no) ? Number(no) : null;
    const newSection = r.section !== state.section;
    state.section = r.section;
    if (n !== null) {
      const startsAgain = newSection ? n <= state.highest : n === 1 && state.highest > 1;
      const sameAim = aim !== "" && state.aims.get(n) === aim;
      if (startsAgain && !sameAim) {
        state.part++;
        state.highest = 0;
        state.aims = new Map();
      }
      state.highest = Math.max(state.highest, n);
      if (!state.aims.get(n)) state.aims.set(n, aim);
    }
    const key = `${r.sheet}\u0000${state.part}\u0000${no || `\u0000${fieldText(r, "aim")}`}`;
    places.set(r, { part: state.part, no, key });
  }
  return places;
}
