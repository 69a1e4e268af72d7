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
  /** The id already folded (idKey), where the caller has it: the join then does not fold it again. */
  key?(risk: T): string;
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

/** A job title in brackets closing an owner: "Dave Brown (Head of Highways)". */
const TRAILING_TITLE = /\s*\([^()]*\)\s*$/;
/** An owner that names a post, not a person: "Vacant (Head of Highways)" keeps its post when compared. */
const VACANT = /^(vacant|vacancy|post vacant)$/;

/** Full stops after initials and titles ("J. Smith", "Dr. Brown"), with any space after them. */
const FULL_STOPS = /\.\s*/g;
/** "Smith, Jane" or "Smith, J": one name of one to three words each side of the only comma. */
const SURNAME_FIRST = /^([a-z'’-]+(?: [a-z'’-]+){0,2}), ?([a-z'’-]+(?: [a-z'’-]+){0,2})$/;

/**
 * Owners compared as people read them: case and runs of spaces do not matter, a job title in brackets
 * after a name does not either ("Dave Brown (Head of Highways)" is "Dave Brown"), nor full stops after
 * initials ("J. Smith" is "J Smith"), nor a surname written first ("Smith, Jane" is "Jane Smith"). A vacant
 * post keeps its title, since the post is all it names.
 */
export function foldOwner(owner: string): string {
  const folded = foldCaseAndSpaces(owner);
  const name = folded.replace(TRAILING_TITLE, "");
  if (!name || VACANT.test(name)) return folded;
  const plain = name.replace(FULL_STOPS, " ").trim();
  const swapped = SURNAME_FIRST.exec(plain);
  return swapped ? `${swapped[2]} ${swapped[1]}` : plain;
}

/**
 * Every risk whose id was met first on another register with a different owner, in the order given.
 * Risks without an id or an owner take no part.
 */
export function findOwnerConflicts<T>(risks: Iterable<T>, keys: RiskJoinKeys<T>): OwnerConflict<T>[] {
  const out: OwnerConflict<T>[] = [];
  // The risks met first for each id: one risk, or a list once an id holds two risks that differ
  // (registers numbered per sheet): most ids are held once, and need no list.
  const first = new Map<string, T | T[]>();
  for (const risk of risks) {
    const key = keys.key ? keys.key(risk) : idKey(keys.id(risk));
    const owner = keys.owner(risk);
    if (!key || !owner) continue;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, risk);
      continue;
    }
    const other = sameRiskIn(earlier, risk, keys);
    if (other === undefined) {
      if (Array.isArray(earlier)) earlier.push(risk);
      else first.set(key, [earlier, risk]);
      continue;
    }
    if (keys.register(other) === keys.register(risk)) continue;
    if (foldOwner(keys.owner(other)) === foldOwner(owner)) continue;
    out.push({ risk, other });
  }
  return out;
}

/** The first of the risks met before (one, or a list) that is the same risk as `risk`, if any. */
function sameRiskIn<T>(earlier: T | T[], risk: T, keys: RiskJoinKeys<T>): T | undefined {
  const list = Array.isArray(earlier) ? earlier : [earlier];
  if (!keys.sameRisk) return list[0];
  for (let i = 0; i < list.length; i++) if (keys.sameRisk(list[i], risk)) return list[i];
  return undefined;
}
