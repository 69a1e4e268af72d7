// Merging a save of the settings with what co-authors saved meanwhile (SPEC "Saving settings"): three-way,
// entry by entry, so nobody's accepted exception, correction or profile entry is silently lost.
//
// `base` is what the pane read, `mine` what it now saves, `theirs` what the Settings sheet holds just
// before the write. An entry only one side changed takes that side's change (an addition, an edit or a
// removal); an entry both changed to different things takes `mine`, because this save is the later one,
// and is reported so the pane can say so. Lists are merged per entry by key: accepted exceptions by rule,
// sheet and record; column corrections by sheet and header; the import profile's columns by header;
// rule severities by rule id; the proposal thresholds by threshold and the strategy words by strategy
// (each is its own row or list on the sheet, and the pane edits them one by one). Every other setting is
// one entry.

import type { AcceptedException, ColumnCorrection, ImportProfile, Settings } from "./settings";
import type { ConfirmedPair } from "./history";
import { foldCaseAndSpaces } from "../parse/spaces";

/** The result of a merge: the settings to write, and the entries both sides changed (mine kept). */
export interface SettingsMerge {
  merged: Settings;
  /** One plain sentence per entry both sides changed, naming it; empty when there was no clash. */
  conflicts: string[];
}

/** JSON text with object keys sorted: two values are the same entry state when these are equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** True when two settings hold the same values, whatever the order of their keys. */
export const sameSettings = (a: Settings, b: Settings): boolean => same(a, b);

/** Three-way choice for one entry (undefined = absent). `clash` is true when both changed it differently. */
function pick<T>(
  base: T | undefined,
  mine: T | undefined,
  theirs: T | undefined,
): { value: T | undefined; clash: boolean } {
  if (same(mine, base)) return { value: theirs, clash: false };
  if (same(theirs, base) || same(mine, theirs)) return { value: mine, clash: false };
  return { value: mine, clash: true };
}

/**
 * Merges keyed lists: the result keeps `theirs`' order, then entries only `mine` has, in its order.
 * `describe` names an entry for the conflict sentence.
 */
function mergeList<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
  describe: (item: T) => string,
  conflicts: string[],
): T[] {
  const index = (list: readonly T[]) => new Map(list.map((item) => [keyOf(item), item]));
  const b = index(base);
  const m = index(mine);
  const t = index(theirs);
  const keys = [...new Set([...t.keys(), ...m.keys()])];
  const out: T[] = [];
  for (const k of keys) {
    const { value, clash } = pick(b.get(k), m.get(k), t.get(k));
    const shown = m.get(k) ?? t.get(k) ?? b.get(k);
    if (clash && shown !== undefined) conflicts.push(describe(shown));
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** Merges string-keyed records (rule severities, a profile's columns) the same way. */
function mergeRecord<V>(
  base: Readonly<Record<string, V>>,
  mine: Readonly<Record<string, V>>,
  theirs: Readonly<Record<string, V>>,
  describe: (key: string) => string,
  conflicts: string[],
): Record<string, V> {
  const entries = (r: Readonly<Record<string, V>>) =>
    Object.entries(r).map(([key, value]) => ({ key, value }));
  const merged = mergeList(
    entries(base),
    entries(mine),
    entries(theirs),
    (e) => e.key,
    (e) => describe(e.key),
    conflicts,
  );
  const out: Record<string, V> = {};
  // defineProperty, so a "__proto__" key stays a key.
  for (const e of merged)
    Object.defineProperty(out, e.key, {
      value: e.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

const fold = foldCaseAndSpaces;

function exceptionKey(e: AcceptedException): string {
  return JSON.stringify([fold(e.ruleId), fold(e.sheet), fold(e.recordId)]);
}
function correctionKey(c: ColumnCorrection): string {
  return JSON.stringify([fold(c.sheet), fold(c.header)]);
}

function mergeProfile(
  base: ImportProfile | null,
  mine: ImportProfile | null,
  theirs: ImportProfile | null,
  conflicts: string[],
): ImportProfile | null {
  // A profile made or dropped whole is one entry; two profiles are merged column by column.
  if (!mine || !theirs) {
    const { value, clash } = pick(base, mine, theirs);
    if (clash) conflicts.push("the IRIS import profile");
    return value ?? null;
  }
  const b: ImportProfile = base ?? { columns: {} };
  const out: ImportProfile = {
    columns: mergeRecord(
      b.columns,
      mine.columns,
      theirs.columns,
      (h) => `the import profile's mapping of the export column “${h}”`,
      conflicts,
    ),
  };
  if (mine.actionColumns || theirs.actionColumns)
    out.actionColumns = mergeRecord(
      b.actionColumns ?? {},
      mine.actionColumns ?? {},
      theirs.actionColumns ?? {},
      (h) => `the import profile's mapping of the actions column “${h}”`,
      conflicts,
    );
  for (const k of ["riskSheet", "actionSheet", "targetRegister"] as const) {
    const { value, clash } = pick(b[k], mine[k], theirs[k]);
    if (clash) conflicts.push(`the import profile's ${k}`);
    if (value !== undefined) out[k] = value;
  }
  const renumbered = mergePairs(b.renumbered ?? [], mine.renumbered ?? [], theirs.renumbered ?? []);
  if (renumbered.length > 0) out.renumbered = renumbered;
  return out;
}

/**
 * Confirmed renumberings merged pair by pair: each pair either side confirmed since `base` is kept, and one
 * either side dropped is dropped (a pair is a fact the officer confirmed, never a clash).
 */
function mergePairs(
  base: readonly ConfirmedPair[],
  mine: readonly ConfirmedPair[],
  theirs: readonly ConfirmedPair[],
): ConfirmedPair[] {
  const key = (p: ConfirmedPair) => JSON.stringify([fold(p.oldId), fold(p.newId)]);
  const inBase = new Set(base.map(key));
  const dropped = new Set(
    base.map(key).filter((k) => !mine.some((p) => key(p) === k) || !theirs.some((p) => key(p) === k)),
  );
  const out: ConfirmedPair[] = [];
  const seen = new Set<string>();
  for (const p of [...mine, ...theirs]) {
    const k = key(p);
    if (seen.has(k) || (inBase.has(k) && dropped.has(k))) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/** Settings merged entry by entry inside; every other setting (now or added later) is one entry. */
const KEYED: ReadonlySet<string> = new Set<keyof Settings>([
  "ruleSeverities",
  "acceptedExceptions",
  "columnCorrections",
  "importProfile",
  "proposals",
  "strategyWords",
]);

/**
 * Merges `mine` (this save) into `theirs` (the sheet now) against `base` (what this save started from).
 * Pure: none of the three is changed.
 */
export function mergeSettings(base: Settings, mine: Settings, theirs: Settings): SettingsMerge {
  const conflicts: string[] = [];
  const merged = JSON.parse(JSON.stringify(theirs)) as Settings;
  const target = merged as unknown as Record<string, unknown>;
  const all = (s: Settings) => s as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    if (KEYED.has(key)) continue;
    const { value, clash } = pick(all(base)[key], all(mine)[key], all(theirs)[key]);
    if (clash) conflicts.push(`the setting “${key}”`);
    target[key] = value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
  }
  merged.ruleSeverities = mergeRecord(
    base.ruleSeverities,
    mine.ruleSeverities,
    theirs.ruleSeverities,
    (id) => `the severity of rule ${id}`,
    conflicts,
  );
  merged.acceptedExceptions = mergeList(
    base.acceptedExceptions,
    mine.acceptedExceptions,
    theirs.acceptedExceptions,
    exceptionKey,
    (e) => `the accepted ${e.ruleId} finding on ${e.recordId} (${e.sheet})`,
    conflicts,
  );
  merged.columnCorrections = mergeList(
    base.columnCorrections,
    mine.columnCorrections,
    theirs.columnCorrections,
    correctionKey,
    (c) => `the correction of column “${c.header}” on ${c.sheet}`,
    conflicts,
  );
  merged.importProfile = mergeProfile(
    base.importProfile,
    mine.importProfile,
    theirs.importProfile,
    conflicts,
  );
  type Records<T> = Record<string, T>;
  merged.proposals = mergeRecord(
    base.proposals as unknown as Records<number>,
    mine.proposals as unknown as Records<number>,
    theirs.proposals as unknown as Records<number>,
    (k) => `the proposal threshold “${k}”`,
    conflicts,
  ) as unknown as Settings["proposals"];
  merged.strategyWords = mergeRecord(
    base.strategyWords as Records<string[]>,
    mine.strategyWords as Records<string[]>,
    theirs.strategyWords as Records<string[]>,
    (k) => `the words for the strategy “${k}”`,
    conflicts,
  ) as Settings["strategyWords"];
  return { merged, conflicts };
}

/** What the pane says after a save in which co-authors' changes clashed with the officer's. */
export function conflictNotice(conflicts: readonly string[]): string | null {
  if (conflicts.length === 0) return null;
  const list =
    conflicts.length <= 3
      ? conflicts.join("; ")
      : `${conflicts.slice(0, 3).join("; ")} and ${conflicts.length - 3} more`;
  return `Someone else changed ${conflicts.length === 1 ? "this" : "these"} too since you opened the add-in, and your version was saved: ${list}. Everything else they changed was kept.`;
}
