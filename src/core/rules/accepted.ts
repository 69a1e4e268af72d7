// Accepted exceptions: a finding an officer accepted stays out of the list until its review date
// passes or the record's cells change (SPEC "Accepted exceptions").

import type { Finding } from "../model/finding";
import type { SheetRecord } from "../model/records";
import { fieldNames, GridRecord, idKey, rawText, type RecordSource } from "../model/records";
import type { AcceptedException } from "../model/settings";
import { dayFromIso, type DayNumber } from "../parse";

const fingerprints = new WeakMap<SheetRecord<string>, string>();

/** A short, stable digest of a record's cell texts (djb2 over "field=text" pairs); cached per record. */
export function fingerprintRecord(record: SheetRecord<string>): string {
  let f = fingerprints.get(record);
  if (f === undefined) fingerprints.set(record, (f = digest(record)));
  return f;
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

function digest(record: SheetRecord<string>): string {
  let h = 5381;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  };
  // Blank cells count as empty text, so a field present but blank digests like one left out.
  for (const field of sortedFieldNames(record)) {
    const text = rawText(record, field);
    if (!text) continue;
    add(field);
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
function isSamePlanAction(e: AcceptedException, finding: Finding): boolean {
  return e.ruleId.startsWith("plan/") && !!e.fingerprint && e.fingerprint === finding.fingerprint;
}

/** True when an officer accepted this finding and the acceptance still stands. */
export function isAccepted(finding: Finding, exceptions: AcceptedException[], asAt: DayNumber): boolean {
  return exceptions.some((e) => {
    if (e.ruleId !== finding.ruleId || e.sheet !== finding.sheet) return false;
    if (idKey(e.recordId) !== idKey(finding.recordId) && !isSamePlanAction(e, finding)) return false;
    const until = dayFromIso(e.reviewBy);
    if (until === null || until < asAt) return false;
    return !e.fingerprint || e.fingerprint === finding.fingerprint;
  });
}
