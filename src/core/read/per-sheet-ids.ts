// Tells registers that number their own risks (R1, R2 … on every annex sheet) from ids made for the whole
// contract (HRC-003), so that same-id rows on two sheets are joined only where they are the same risk.

import { fieldText, idKey, type RiskRecord, rawValue } from "../model/records";
import { normaliseWords } from "../parse/words";

/** A title folded for comparison: trimmed, case and punctuation folded. */
export function titleKey(risk: RiskRecord): string {
  return normaliseWords(fieldText(risk, "title") || fieldText(risk, "description"));
}

/** The key of an unordered pair of sheet names. */
export function sheetPairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The register sheets of the pairs (see findPerSheetNumbering): each numbers its own risks. */
export function sheetsNumberingOwnIds(pairs: ReadonlySet<string>): Set<string> {
  const sheets = new Set<string>();
  for (const pair of pairs) for (const sheet of pair.split("\u0000")) sheets.add(sheet);
  return sheets;
}

/**
 * Pairs of register sheets whose ids are numbered per sheet: most ids of one of them recur on the other
 * with other titles. Rows of such a pair are the same risk only where id and title both match.
 */
export function findPerSheetNumbering(risks: RiskRecord[]): Set<string> {
  const pairs = new Set<string>();
  // One register sheet (the usual workbook) has no pair to tell apart.
  if (risks.every((r) => r.sheet === risks[0].sheet)) return pairs;
  // Each sheet's first risk of each id; titles are folded only where two sheets share an id.
  const bySheet = new Map<string, Map<string, RiskRecord>>();
  for (let k = 0; k < risks.length; k++) {
    const r = risks[k];
    const key = idKey(rawValue(r, "id"));
    if (!key) continue;
    let ids = bySheet.get(r.sheet);
    if (!ids) bySheet.set(r.sheet, (ids = new Map()));
    if (!ids.has(key)) ids.set(key, r);
  }
  const sheets = [...bySheet.keys()];
  for (let i = 0; i < sheets.length; i++)
    for (let j = i + 1; j < sheets.length; j++) {
      const a = bySheet.get(sheets[i])!;
      const b = bySheet.get(sheets[j])!;
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      let otherTitle = 0;
      for (const [id, risk] of small) {
        const there = large.get(id);
        if (there !== undefined && titleKey(there) !== titleKey(risk)) otherTitle++;
      }
      if (small.size >= 2 && otherTitle * 2 > small.size) pairs.add(sheetPairKey(sheets[i], sheets[j]));
    }
  return pairs;
}
