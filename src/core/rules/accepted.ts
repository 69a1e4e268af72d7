// Accepted exceptions: a finding an officer accepted stays out of the list until its review date
// passes or the record's cells change (SPEC "Accepted exceptions").

import type { Finding } from "../model/finding";
import type { SheetRecord } from "../model/records";
import { idKey } from "../model/records";
import type { AcceptedException } from "../model/settings";
import { dayFromIso, type DayNumber } from "../parse";

/** A short, stable digest of a record's cell texts (djb2 over "field=text" pairs). */
export function fingerprintRecord(record: SheetRecord<string>): string {
  const parts = Object.entries(record.fields)
    .map(([f, c]) => `${f}=${c?.text ?? ""}`)
    .sort();
  let h = 5381;
  for (const ch of parts.join("\u0001")) h = ((h * 33) ^ ch.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

/** True when an officer accepted this finding and the acceptance still stands. */
export function isAccepted(finding: Finding, exceptions: AcceptedException[], asAt: DayNumber): boolean {
  return exceptions.some((e) => {
    if (e.ruleId !== finding.ruleId || e.sheet !== finding.sheet) return false;
    if (idKey(e.recordId) !== idKey(finding.recordId)) return false;
    const until = dayFromIso(e.reviewBy);
    if (until === null || until < asAt) return false;
    return !e.fingerprint || e.fingerprint === finding.fingerprint;
  });
}
