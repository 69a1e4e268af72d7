// The part of its plan sheet a plan action belongs to: a sheet may carry two audits' plans one under the
// other (Part A: the external review; Part B: Internal Audit, numbered from 1 again), whose aims share numbers.

import type { AimHeading, SheetRecord } from "../model/records";
import { fieldText } from "../model/records";
import { actionNumber, aimNumber, isSubActionOf } from "../read/aim-number";
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
  /** The last action's aim: its number and its words (folded), for a sub-action below it ("1a", "(ii)"). */
  last: { no: string; words: string } | undefined;
  /** Each aim heading's number (its own, else its first action's), by the heading's row. */
  headings: Map<number, string>;
}

/**
 * Places every plan action in its sheet's part and aim. A new part starts where the aims' numbering
 * starts again: at 1 after a higher number ("1., 2., 1."), or, under a new section the reader marked
 * (`record.section`, a "Part B" heading), at or below the highest number so far. An aim is not a new
 * part when it has the words this part's aim of that number had: an action added at the foot of the
 * plan under aim 1, or aim 1's actions carried on under a sub-heading, are still aim 1.
 *
 * An action is its aim's by {@link aimOfAction}: under an aim heading, the heading's aim; a sub-action
 * ("1a", "(ii)") under the aim above it, that aim; otherwise the aim its No numbers.
 */
export function placePlanActions(plan: SheetRecord<string>[]): Map<SheetRecord<string>, PlanPlace> {
  const places = new Map<SheetRecord<string>, PlanPlace>();
  const sheets = new Map<string, PartState>();
  for (const r of plan) {
    let state = sheets.get(r.sheet);
    if (!state) {
      state = {
        part: 1,
        section: r.section,
        highest: 0,
        aims: new Map(),
        last: undefined,
        headings: new Map(),
      };
      sheets.set(r.sheet, state);
    }
    const words = foldCaseAndSpaces(fieldText(r, "aim"));
    const no = aimOfAction(r, words, state);
    const n = /^\d+$/.test(no) ? Number(no) : null;
    const newSection = r.section !== state.section;
    state.section = r.section;
    if (n !== null) {
      const startsAgain = newSection ? n <= state.highest : n === 1 && state.highest > 1;
      const sameAim = words !== "" && state.aims.get(n) === words;
      if (startsAgain && !sameAim) {
        state.part++;
        state.highest = 0;
        state.aims = new Map();
      }
      state.highest = Math.max(state.highest, n);
      if (!state.aims.get(n)) state.aims.set(n, words);
    }
    state.last = { no, words };
    const aim = r.aimHeading ? `\u0000heading ${r.aimHeading.row}` : no || `\u0000${fieldText(r, "aim")}`;
    places.set(r, { part: state.part, no, key: `${r.sheet}\u0000${state.part}\u0000${aim}` });
  }
  return places;
}

/**
 * The number of the aim an action belongs to (README Check: "a merged aim heading … sets the aim of the
 * actions below it"; "`1.2a` is under aim 1"):
 * - under an aim heading, the heading's aim's ({@link headingAimNumber});
 * - for a sub-action ("1a", "(ii)") written under the aim above it (the same aim's words, carried down or
 *   written again), that aim's number;
 * - otherwise the number its No gives ({@link aimNumber}: "1.2" is aim 1).
 */
function aimOfAction(r: SheetRecord<string>, words: string, state: PartState): string {
  const written = fieldText(r, "no");
  if (r.aimHeading) {
    let no = state.headings.get(r.aimHeading.row);
    if (no === undefined)
      state.headings.set(r.aimHeading.row, (no = headingAimNumber(r.aimHeading, written, state)));
    return no;
  }
  const last = state.last;
  if (last && last.no && words !== "" && words === last.words && isSubActionOf(written, last.no))
    return last.no;
  return aimNumber(written);
}

/**
 * An aim heading's number, from its first action (No `written`): the heading's own ("2. Governance",
 * "Finding 2: …"); else the aim a dotted action number writes ("3.1" is aim 3); else the heading's place
 * among the sheet's aim headings, as the No numbers its actions (1, 2, 3 straight through, or from 1 under
 * each heading), not its aims.
 */
function headingAimNumber(heading: AimHeading, written: string, state: PartState): string {
  if (heading.no) return heading.no;
  if (actionNumber(written)) return aimNumber(written);
  return String(state.headings.size + 1);
}
