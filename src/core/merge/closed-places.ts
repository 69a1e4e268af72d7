// An import beside where the council keeps its closed risks: a sheet of closed risks ("Closed Risks",
// "Archive") or a CLOSED RISKS heading in the register, whose risks are closed whatever their Status (the one
// test is closedPlaceOf in ../read/register-contents). A risk the export brings back from there is said to
// have been closed there, and a row the import leaves under such a heading while the export says it is live
// is warned of: the check would read it as closed.

import { idKey, rawValue, type SheetRecord } from "../model/records";
import type { SheetInfo } from "../model/sheet-info";
import { closedPlaceText, type ClosedPlace, type RowPlace } from "../read/register-contents";
import type { MergeSection, RecordChange } from "./types";

/** Where a register row stands closed, or null (see closedPlaceOf). */
export type ClosedPlaceOf = (row: RowPlace) => ClosedPlace | null;

/**
 * The new risks of `added` with where each was closed (`wasClosedOn`) when its id stands closed on another
 * sheet of the workbook (a Closed Risks sheet, another register's CLOSED RISKS section) and is live on none:
 * a risk the contractor reopened, added to the register as new. `records` are the workbook's risk rows, read
 * once.
 */
export function withWhereClosed(
  added: readonly RecordChange[],
  records: readonly SheetRecord<string>[],
  targetRegister: string,
  closedPlace: ClosedPlaceOf,
): RecordChange[] {
  if (added.length === 0) return [...added];
  const addedKeys = new Set(added.map((a) => a.key));
  const closedOn = new Map<string, ClosedPlace>();
  const liveElsewhere = new Set<string>();
  for (const r of records) {
    if (r.sheet === targetRegister) continue;
    const key = idKey(rawValue(r, "id"));
    if (!addedKeys.has(key)) continue;
    const place = closedPlace(r);
    if (place === null) liveElsewhere.add(key);
    else if (!closedOn.has(key)) closedOn.set(key, place);
  }
  return added.map((a) => {
    const place = closedOn.get(a.key);
    return place === undefined || liveElsewhere.has(a.key) ? a : { ...a, wasClosedOn: place };
  });
}

/** "HRC-009", or "HRC-009 (was on Closed Risks)" for a risk reopened from where it was closed. */
export function newRecordText(r: Pick<RecordChange, "label" | "wasClosedOn">): string {
  return r.wasClosedOn ? `${r.label} (was ${closedPlaceText(r.wasClosedOn)})` : r.label;
}

/** "HRC-010 (row 18)", or "HRC-009 (row 11; was on Closed Risks)": a new risk and the row it was written to. */
export function newRecordRowText(r: Pick<RecordChange, "label" | "wasClosedOn" | "row">): string {
  const was = r.wasClosedOn ? `; was ${closedPlaceText(r.wasClosedOn)}` : "";
  return `${r.label} (row ${r.row + 1}${was})`;
}

type Heading = NonNullable<SheetInfo["sections"]>[number];

/** The section heading a row carries (the last one above it: a heading carries down to the next), or null. */
function headingAbove(sections: SheetInfo["sections"], row: number): Heading | null {
  let found: Heading | null = null;
  for (const s of sections ?? []) if (s.row < row && (found === null || s.row > found.row)) found = s;
  return found;
}

/**
 * Warnings for the register's risks the import leaves under a heading saying its risks are closed ("CLOSED
 * RISKS", marked `closed` in the sheet list's sections), where the check reads a risk as closed whatever its
 * Status: a risk there whose Status the export makes open (`isOpen`: the contractor reopened it). The writer
 * moves no rows, so the officer is told to move it. (New rows never stand there: the import heads them with
 * a heading of their own; see NewRowsStart.heading.)
 */
export function underClosedHeadingWarnings(
  section: MergeSection,
  register: string,
  sections: SheetInfo["sections"],
  isOpen: (statusText: string) => boolean,
): string[] {
  const warnings: string[] = [];
  for (const r of section.changed) {
    const status = r.cells.find((c) => c.field === "status");
    if (status === undefined || !isOpen(status.newText)) continue;
    const heading = headingAbove(sections, r.row);
    if (!heading?.closed) continue;
    warnings.push(
      `"${register}": ${r.label} is open in the export, but its row ${r.row + 1} stands under the heading ` +
        `"${heading.text}" (row ${heading.row + 1}), so the check still reads it as closed; move it above the ` +
        `heading in Excel if it is live again`,
    );
  }
  return warnings;
}
