// An import beside where the council keeps its closed risks: a sheet of closed risks ("Closed Risks",
// "Archive") or a CLOSED RISKS heading in the register, whose risks are closed whatever their Status (the one
// test is closedPlaceOf in ../read/register-contents). A risk the export brings back from there is said to
// have been closed there, and a row the import leaves under such a heading while the export says it is live
// is warned of: the check would read it as closed.

import { idKey, rawValue, type SheetRecord } from "../model/records";
import type { SheetInfo } from "../model/sheet-info";
import { closedPlaceText, type ClosedPlace, type RowPlace } from "../read/register-contents";
import { listWords } from "../list-words";
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

type Heading = NonNullable<SheetInfo["sections"]>[number];

/** The section heading a row carries (the last one above it: a heading carries down to the next), or null. */
function headingAbove(sections: SheetInfo["sections"], row: number): Heading | null {
  let found: Heading | null = null;
  for (const s of sections ?? []) if (s.row < row && (found === null || s.row > found.row)) found = s;
  return found;
}

/** "HRC-009", "HRC-009 and HRC-010", or a dozen ids "and 3 more". */
function idsText(records: readonly RecordChange[]): string {
  const shown = records.slice(0, 12).map((r) => r.label);
  const more = records.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : listWords(shown);
}

/**
 * Warnings for the register's rows the import leaves under a heading saying its risks are closed ("CLOSED
 * RISKS", marked `closed` in the sheet list's sections), where the check reads a risk as closed whatever its
 * Status: the new rows (written below the register's last row, so under the heading when the closed risks
 * are at the bottom), and a risk there whose Status the export makes open (`isOpen`: the contractor reopened
 * it). The writer inserts no rows above the heading, so the officer is told to move them.
 */
export function underClosedHeadingWarnings(
  section: MergeSection,
  register: string,
  sections: SheetInfo["sections"],
  isOpen: (statusText: string) => boolean,
): string[] {
  const warnings: string[] = [];
  const closingHeading = (row: number): Heading | null => {
    const heading = headingAbove(sections, row);
    return heading?.closed ? heading : null;
  };
  const { added } = section;
  const newHeading = added.length > 0 ? closingHeading(added[0].row) : null;
  if (newHeading !== null) {
    const one = added.length === 1;
    const rows = one
      ? `row ${added[0].row + 1}`
      : `rows ${added[0].row + 1}–${added[added.length - 1].row + 1}`;
    warnings.push(
      `"${register}": the new ${one ? "risk" : "risks"} ${idsText(added)} ${one ? "was" : "were"} written at ${rows}, ` +
        `below the heading "${newHeading.text}" (row ${newHeading.row + 1}), so the check reads ${one ? "it" : "them"} ` +
        `as closed; move ${one ? "it" : "them"} above the heading in Excel`,
    );
  }
  for (const r of section.changed) {
    const status = r.cells.find((c) => c.field === "status");
    if (status === undefined || !isOpen(status.newText)) continue;
    const heading = closingHeading(r.row);
    if (heading === null) continue;
    warnings.push(
      `"${register}": ${r.label} is open in the export, but its row ${r.row + 1} stands under the heading ` +
        `"${heading.text}" (row ${heading.row + 1}), so the check still reads it as closed; move it above the ` +
        `heading in Excel if it is live again`,
    );
  }
  return warnings;
}
