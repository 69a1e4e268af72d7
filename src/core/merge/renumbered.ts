// The same risk under a new id: an export's new id and a register risk missing from the export whose
// titles share most of their words are offered as one risk renumbered (SPEC "History, appetite and
// proposals"); pairs the officer confirmed are kept in the import profile and merged, never offered again.

import type { ConfirmedPair, RenumberedPair } from "../model/history";
import { idKey } from "../model/records";
import { titleShare, titleWords } from "../parse/title-words";

/** A risk as the pairing sees it: its id and its title (else its description). */
export interface TitledRisk {
  id: string;
  title: string;
}

/**
 * Pairs each new export id with the register risk missing from the export whose title it matches
 * best, when they share at least `threshold` percent of their words; each risk is used once, best
 * pairs first. Pairs already confirmed are left out (they are merged, not offered).
 */
export function proposeRenumbered(
  added: readonly TitledRisk[],
  missing: readonly TitledRisk[],
  confirmed: readonly ConfirmedPair[],
  threshold: number,
): RenumberedPair[] {
  const done = new Set(confirmed.map((p) => `${idKey(p.oldId)}\u0000${idKey(p.newId)}`));
  const candidates: RenumberedPair[] = [];
  const missingWords = missing.map((m) => ({ risk: m, words: titleWords(m.title) }));
  for (const a of added) {
    const words = titleWords(a.title);
    if (words.size === 0) continue;
    for (const m of missingWords) {
      if (done.has(`${idKey(m.risk.id)}\u0000${idKey(a.id)}`)) continue;
      const share = titleShare(words, m.words);
      if (share >= threshold)
        candidates.push({ oldId: m.risk.id, newId: a.id, share, oldTitle: m.risk.title, newTitle: a.title });
    }
  }
  candidates.sort((x, y) => y.share - x.share || (x.newId < y.newId ? -1 : x.newId > y.newId ? 1 : 0));
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  const out: RenumberedPair[] = [];
  for (const c of candidates) {
    const o = idKey(c.oldId);
    const n = idKey(c.newId);
    if (usedOld.has(o) || usedNew.has(n)) continue;
    usedOld.add(o);
    usedNew.add(n);
    out.push(c);
  }
  return out;
}

/**
 * Confirmed pairs that apply to this import: the export holds the new id, the register holds the old
 * id and not the new one. Returns new id key → old id as the register writes it.
 */
export function confirmedRenumbering(
  confirmed: readonly ConfirmedPair[],
  exportKeys: ReadonlySet<string>,
  registerIds: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of confirmed) {
    const n = idKey(p.newId);
    const o = idKey(p.oldId);
    if (!n || !o || n === o || !exportKeys.has(n) || registerIds.has(n)) continue;
    const old = registerIds.get(o);
    if (old !== undefined) out.set(n, old);
  }
  return out;
}
