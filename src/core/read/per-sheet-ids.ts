// Tells registers that number their own risks (R1, R2 … on every annex sheet) from ids made for the whole
// contract (HRC-003), so that same-id rows on two sheets are joined only where they are the same risk.

import { fieldText, idKey, type RiskRecord, rawValue } from "../model/records";
import { shorterTitleFound, subjectWords, titleShare } from "../parse/title-words";
import { normaliseWords } from "../parse/words";

/** A title folded for comparison: trimmed, case and punctuation folded. */
export function titleKey(risk: RiskRecord): string {
  return normaliseWords(fieldText(risk, "title") || fieldText(risk, "description"));
}

/** The share of title words (titleShare, 0–100) above which two titles share "most of their words". */
const REWORDED_TITLE_SHARE = 50;
/**
 * The share of the shorter title's words (shorterTitleFound, 0–100) a reworded title keeps at least: nearly
 * all of them (4 of 5, all of 3 or 4).
 */
const REWORDED_TITLE_KEPT = 80;

/**
 * True when two titles (folded by titleKey) are one title, reworded or not: equal, or sharing most of the
 * words that say what the risk is (subjectWords), counted as the import's renumbering match counts them
 * (titleShare), with nearly all of the shorter title's words found in the longer (shorterTitleFound):
 * "Bridge joint failure on A38 viaduct" and "Highways: bridge joint failure on the A38 viaduct". A register
 * restating another's risks for the board rewords them; one numbering its own risks from R1 gives the same
 * ids to other risks ("Highways risk 1", "Lighting risk 1"), even when written from one template whose
 * titles differ in their key word ("Delay to the resurfacing programme", "Delay to the lantern programme").
 */
export function titlesAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [subjectWords(a), subjectWords(b)];
  return titleShare(x, y) > REWORDED_TITLE_SHARE && shorterTitleFound(x, y) >= REWORDED_TITLE_KEPT;
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

/** How {@link findOwnNumbering} reads a risk: its register, its folded id, its folded title. */
export interface NumberingKeys<T> {
  register(risk: T): string;
  key(risk: T): string;
  title(risk: T): string;
}

/**
 * Pairs of register sheets whose ids are numbered per sheet: most ids of one of them recur on the other
 * with other titles (not titles reworded: see titlesAlike). Rows of such a pair are the same risk only
 * where id and title both match.
 */
export function findPerSheetNumbering(risks: RiskRecord[]): Set<string> {
  return findOwnNumbering(risks, {
    register: (r) => r.sheet,
    key: (r) => idKey(rawValue(r, "id")),
    title: titleKey,
  });
}

/**
 * Pairs of registers (sheets, or files' sheets) that number their own risks (see findPerSheetNumbering),
 * as {@link sheetPairKey}s of their names.
 */
export function findOwnNumbering<T>(risks: readonly T[], keys: NumberingKeys<T>): Set<string> {
  const pairs = new Set<string>();
  // One register (the usual workbook) has no pair to tell apart.
  if (risks.length === 0 || risks.every((r) => keys.register(r) === keys.register(risks[0]))) return pairs;
  // Each register's first risk of each id; titles are folded only where two registers share an id.
  const byRegister = new Map<string, Map<string, T>>();
  for (let k = 0; k < risks.length; k++) {
    const r = risks[k];
    const key = keys.key(r);
    if (!key) continue;
    const register = keys.register(r);
    let ids = byRegister.get(register);
    if (!ids) byRegister.set(register, (ids = new Map()));
    if (!ids.has(key)) ids.set(key, r);
  }
  const registers = [...byRegister.keys()];
  for (let i = 0; i < registers.length; i++)
    for (let j = i + 1; j < registers.length; j++) {
      const a = byRegister.get(registers[i])!;
      const b = byRegister.get(registers[j])!;
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      let otherTitle = 0;
      for (const [id, risk] of small) {
        const there = large.get(id);
        if (there !== undefined && !titlesAlike(keys.title(there), keys.title(risk))) otherTitle++;
      }
      if (small.size >= 2 && otherTitle * 2 > small.size) pairs.add(sheetPairKey(registers[i], registers[j]));
    }
  return pairs;
}
