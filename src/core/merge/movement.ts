// Month-on-month movement between two readings of a register (SPEC "Risk Summary": movement since the last import).

import type { CellValue } from "../model/grid";
import type { Settings } from "../model/settings";
import { parseRiskState, parseScore, parseStrategy } from "../parse";
import { cellText } from "../read/cell-text";
import type { SheetWords } from "../rules/sheet-readings";

export interface Movement {
  /** ISO date of the import the movement is measured against. */
  since: string;
  newRisks: string[];
  closed: string[];
  scoreUp: string[];
  scoreDown: string[];
  strategyChanged: string[];
}

/** Reads a risk field's value in one reading of the register (before or after the import). */
export type FieldReader = (field: string) => CellValue;

/** One risk as it was before the import and as it will be after it. */
export interface RiskReadings {
  id: string;
  before: FieldReader;
  after: FieldReader;
}

/**
 * The current score: the score cell, else likelihood × impact; null when not known. As the check reads them
 * (SPEC "Scores"), likelihood and impact words ("Likely", "Major", a 3 × 3 register's "High") are read on
 * the register's scales.
 */
function scoreOf(read: FieldReader, words: SheetWords): number | null {
  const s = parseScore(read("score"));
  if (s.ok) return s.value;
  const l = parseScore(read("likelihood"), words.likelihoodWords);
  const i = parseScore(read("impact"), words.impactWords);
  return l.ok && i.ok ? l.value * i.value : null;
}

/**
 * The strategy as its canonical word when known (an allocation column's parties among its words), else its
 * text lower-cased; "" when blank.
 */
function strategyOf(read: FieldReader, words: SheetWords): string {
  const text = cellText(read("strategy"));
  const s = parseStrategy(text, words.strategyWords);
  return s.ok ? s.value : text.toLowerCase();
}

/**
 * What moved between the register before the import and after it: new risks, risks closed, current
 * score up or down, strategy changed (a strategy filled in where there was none counts as a change). The
 * register's cells are read with its own words as the check reads them (`words`: see sheetReadings).
 */
export function measureMovement(
  since: string,
  newRisks: string[],
  existing: readonly RiskReadings[],
  settings: Settings,
  words: SheetWords,
): Movement {
  const m: Movement = {
    since,
    newRisks: [...newRisks],
    closed: [],
    scoreUp: [],
    scoreDown: [],
    strategyChanged: [],
  };
  for (const r of existing) {
    const wasOpen = parseRiskState(cellText(r.before("status")), settings) === "open";
    const isClosed = parseRiskState(cellText(r.after("status")), settings) === "closed";
    if (wasOpen && isClosed) m.closed.push(r.id);
    const b = scoreOf(r.before, words);
    const a = scoreOf(r.after, words);
    if (a !== null && b !== null && a > b) m.scoreUp.push(r.id);
    if (a !== null && b !== null && a < b) m.scoreDown.push(r.id);
    const sb = strategyOf(r.before, words);
    const sa = strategyOf(r.after, words);
    if (sa !== "" && sa !== sb) m.strategyChanged.push(r.id);
  }
  return m;
}

/** No movement at all (an import that changed nothing). */
export function noMovement(since: string): Movement {
  return { since, newRisks: [], closed: [], scoreUp: [], scoreDown: [], strategyChanged: [] };
}
