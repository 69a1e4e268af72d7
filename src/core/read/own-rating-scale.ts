// Tells a register whose rating column is its own Low / Medium / High scale, with bands that differ from
// the RAG bands by design (the CDDO template rates a score of 6 Low), from one whose ratings disagree with
// its scores by mistake.

import { fieldText, rawValue, type SheetRecord } from "../model/records";
import type { RagBands } from "../model/settings";
import { parseScore, ragFromScore } from "../parse";

/**
 * Level words by rank; a column of these and nothing else is a rating scale, not RAG colours. Moderate and
 * Extreme are the NHS's (NPSA) words: Low 1–3, Moderate 4–6, High 8–12, Extreme 15–25.
 */
const LEVELS: Record<string, number> = {
  "very low": 0,
  low: 1,
  medium: 2,
  med: 2,
  moderate: 2,
  high: 3,
  "very high": 4,
  extreme: 4,
};
const RAG_OF_RANK = ["green", "green", "amber", "red", "red"] as const;
/**
 * Level words no RAG reading knows (SPEC "Values", RAG scale: Very High, High, Medium, Low, Very Low): a column
 * writing one names a scale of its own by its words.
 */
const OWN_SCALE_WORDS: ReadonlySet<string> = new Set(["moderate", "extreme"]);
/** Fewer rated rows than this say nothing about a register's bands. */
const MIN_ROWS = 5;
/** A column naming its own scale (OWN_SCALE_WORDS) needs only rows enough to show its levels rise with the score. */
const MIN_ROWS_NAMED_SCALE = 2;

function scoreOf(r: SheetRecord<string>): number | null {
  const s = rawValue(r, "score");
  if (s !== null) {
    const p = parseScore(s);
    if (p.ok) return p.value;
  }
  const l = rawValue(r, "likelihood");
  const i = rawValue(r, "impact");
  if (l === null || i === null) return null;
  const pl = parseScore(l);
  const pi = parseScore(i);
  return pl.ok && pi.ok ? pl.value * pi.value : null;
}

/**
 * True when every rating of the sheet is a level word (Very Low … Very High, Moderate, Extreme; no Red / Amber
 * / Green), the levels rise with the score without exception (one set of bands explains them all), and those
 * bands are not the RAG bands: the register rates on its own scale by design. Five rated rows are needed to
 * tell, or two where a word of the column's is one no RAG reading knows (Moderate, Extreme).
 */
export function followsOwnRatingScale(records: SheetRecord<string>[], bands: RagBands): boolean {
  const pairs: [number, number][] = [];
  let namedScale = false;
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    const text = fieldText(r, "rag")
      .toLowerCase()
      .replace(/[^a-z]+/g, " ")
      .trim();
    if (!text) continue;
    const rank = LEVELS[text];
    if (rank === undefined) return false;
    if (OWN_SCALE_WORDS.has(text)) namedScale = true;
    const score = scoreOf(r);
    if (score !== null) pairs.push([score, rank]);
  }
  if (pairs.length < (namedScale ? MIN_ROWS_NAMED_SCALE : MIN_ROWS)) return false;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let k = 1; k < pairs.length; k++) {
    const [s0, r0] = pairs[k - 1];
    const [s1, r1] = pairs[k];
    if (r1 < r0 || (s1 === s0 && r1 !== r0)) return false;
  }
  return pairs.some(([score, rank]) => ragFromScore(score, bands) !== RAG_OF_RANK[rank]);
}
