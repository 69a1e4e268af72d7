// Telling the add-in's own sheets from the officers': the marker in row 1, or a CRR_OWNED_* workbook name.

import { parseRangeAddress } from "../core/address/a1";
import { OWNED_MARKER } from "../core/model/owned-tab";

import { nextOwnedName, OWNED_NAME_PREFIX } from "../core/model/owned-tab";
export { nextOwnedName, OWNED_NAME_PREFIX };

/** A workbook name as loaded with load("items/name,items/value"). */
export interface LoadedName {
  name: string;
  value: unknown;
}

/** Lower-cased names of the sheets that CRR_OWNED_* names point at. */
export function sheetsOwnedByName(names: readonly LoadedName[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (!n.name.toUpperCase().startsWith(OWNED_NAME_PREFIX) || typeof n.value !== "string") continue;
    const p = parseRangeAddress(n.value.replace(/^=/, ""));
    if (p?.sheet) out.add(p.sheet.toLowerCase());
  }
  return out;
}

/** True when a row (a sheet's row 1) carries the owned marker in any cell. */
export function rowHasMarker(row: readonly unknown[] | undefined): boolean {
  return !!row && row.some((v) => v === OWNED_MARKER);
}

export { candidateSheetNames } from "../core/model/owned-tab";
