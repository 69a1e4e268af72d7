// Accepted exceptions: a finding an officer accepted stays out of the list until its review date
// passes or the record's cells change (SPEC "Accepted exceptions").

import type { Finding } from "../model/finding";
import type { SheetRecord } from "../model/records";
import { fieldNames, GridRecord, idKey, rawText, type RecordSource } from "../model/records";
import type { AcceptedException } from "../model/settings";
import { dayFromIso, type DayNumber } from "../parse";

const fingerprints = new WeakMap<SheetRecord<string>, string>();

/** Base-36 digits of one 32-bit digest: at most 7, so a part padded to 7 has a fixed width. */
const PART_WIDTH = 7;

/**
 * A short, stable digest of a record's cells; cached per record. Two parts of {@link PART_WIDTH} digits:
 * the mapped fields' cells, then the cells under headers nobody recognised (SPEC: an accepted finding
 * returns when "the record's cells change", and a column the mapping leaves alone is one of them).
 * The first part is the whole fingerprint as made before unmapped cells counted, so an exception stored
 * then still matches (see {@link fingerprintStillMatches}).
 */
export function fingerprintRecord(record: SheetRecord<string>): string {
  let f = fingerprints.get(record);
  if (f === undefined) {
    const mapped = digest(sortedFieldNames(record).map((field) => [field, rawText(record, field)]));
    const unmapped = digest(
      [...record.extras]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([header, cell]) => [header, cell.text]),
    );
    fingerprints.set(record, (f = mapped.padStart(PART_WIDTH, "0") + unmapped.padStart(PART_WIDTH, "0")));
  }
  return f;
}

/**
 * True when an exception's stored fingerprint still matches a finding's. A one-part fingerprint was
 * stored before unmapped cells were fingerprinted: it is compared with the mapped part only, so upgrading
 * does not bring back every finding an officer accepted on a record with a council-only column; such an
 * exception returns when a mapped cell changes, or its review date passes, as it did before.
 */
export function fingerprintStillMatches(stored: string, current: string | undefined): boolean {
  if (current === undefined) return false;
  if (stored === current) return true;
  if (stored.length > PART_WIDTH || current.length !== 2 * PART_WIDTH) return false;
  return stored.padStart(PART_WIDTH, "0") === current.slice(0, PART_WIDTH);
}

/** Field names in order, sorted once per sheet source for records still in the grid. */
const sortedBySource = new WeakMap<RecordSource, string[]>();
function sortedFieldNames(record: SheetRecord<string>): string[] {
  if (!(record instanceof GridRecord) || !record.inGrid) return fieldNames(record).sort();
  let names = sortedBySource.get(record.source);
  if (!names || names.length !== record.source.fieldColumns.size)
    sortedBySource.set(record.source, (names = fieldNames(record).sort()));
  return names;
}

/** djb2 over "name=text" pairs, in the order given; unchanged since the first fingerprints were stored. */
function digest(cells: Iterable<readonly [string, string]>): string {
  let h = 5381;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  };
  // Blank cells count as empty text, so a field present but blank digests like one left out.
  for (const [name, text] of cells) {
    if (!text) continue;
    add(name);
    add("=");
    add(text);
    add("\u0001");
  }
  return h.toString(36);
}

/**
 * True when a plan finding is about the action an exception was accepted for although its id differs: a
 * plan action's id is its place under its aim ("1.2"), which an action inserted above it changes, while its
 * cells (the fingerprint) say it is the same action. Only plan findings are compared so (there are few):
 * digesting every finding's cells costs more than the rules on a large register.
 */
export function isSamePlanAction(e: AcceptedException, finding: Pick<Finding, "fingerprint">): boolean {
  return (
    e.ruleId.startsWith("plan/") &&
    !!e.fingerprint &&
    fingerprintStillMatches(e.fingerprint, finding.fingerprint)
  );
}

/**
 * The exception that accepts this finding, if any: same rule and sheet, the same record (by id, or a plan
 * action renumbered by its cells) and cells unchanged since, and, when `asAt` is given, a review date not
 * yet passed. Without `asAt` (the finding is known accepted) it answers which exception accepted it, so its
 * reason and review date are shown with it, not those of another exception that now holds its id.
 */
export function acceptedBy(
  finding: Finding,
  exceptions: readonly AcceptedException[],
  asAt?: DayNumber,
): AcceptedException | undefined {
  return exceptions.find((e) => {
    if (e.ruleId !== finding.ruleId || e.sheet !== finding.sheet) return false;
    if (idKey(e.recordId) !== idKey(finding.recordId) && !isSamePlanAction(e, finding)) return false;
    if (asAt !== undefined) {
      const until = dayFromIso(e.reviewBy);
      if (until === null || until < asAt) return false;
    }
    return !e.fingerprint || fingerprintStillMatches(e.fingerprint, finding.fingerprint);
  });
}

/** True when an officer accepted this finding and the acceptance still stands. */
export function isAccepted(
  finding: Finding,
  exceptions: readonly AcceptedException[],
  asAt: DayNumber,
): boolean {
  return acceptedBy(finding, exceptions, asAt) !== undefined;
}
