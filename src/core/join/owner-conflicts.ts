// Joins risks that are the same risk on different registers and finds the ones whose owners disagree.
// One place for this logic: the risk/owner-conflict rule runs it over a workbook's records, and the
// command line runs it over the compact risk identities that several files' checks return.

import type { CellValue } from "../model/grid";
import { idKey } from "../model/records";
import { foldCaseAndSpaces } from "../parse/spaces";

/** How to read what a join needs from a risk, whatever shape the risk is held in. */
export interface RiskJoinKeys<T> {
  /** The risk's id cell value (folded for the join by idKey); null or "" when it has none. */
  id(risk: T): CellValue;
  /** The owner as written; "" when blank. */
  owner(risk: T): string;
  /** The register holding the risk: a sheet, or a file and sheet. Two rows of one register never conflict. */
  register(risk: T): string;
  /**
   * Whether two rows with the same id are the same risk (registers numbered per sheet also need the same
   * title); when absent, the same id is the same risk.
   */
  sameRisk?(a: T, b: T): boolean;
}

/** An owner conflict: `risk` is owned differently from `other`, the first register to hold the same id. */
export interface OwnerConflict<T> {
  risk: T;
  other: T;
}

/** Owners compared as people read them: case and runs of spaces do not matter. */
export function foldOwner(owner: string): string {
  return foldCaseAndSpaces(owner);
}

/**
 * Every risk whose id was met first on another register with a different owner, in the order given.
 * Risks without an id or an owner take no part.
 */
export function findOwnerConflicts<T>(risks: Iterable<T>, keys: RiskJoinKeys<T>): OwnerConflict<T>[] {
  const out: OwnerConflict<T>[] = [];
  const first = new Map<string, T[]>();
  for (const risk of risks) {
    const key = idKey(keys.id(risk));
    const owner = keys.owner(risk);
    if (!key || !owner) continue;
    let earlier = first.get(key);
    if (!earlier) first.set(key, (earlier = []));
    const other = keys.sameRisk ? earlier.find((e) => keys.sameRisk!(e, risk)) : earlier[0];
    if (other === undefined) {
      earlier.push(risk);
      continue;
    }
    if (keys.register(other) === keys.register(risk)) continue;
    if (foldOwner(keys.owner(other)) === foldOwner(owner)) continue;
    out.push({ risk, other });
  }
  return out;
}
