// Tells a register whose rating column is its own Low / Medium / High scale, with bands that differ from
// the RAG bands by design (the CDDO template rates a score of 6 Low), from one whose ratings disagree with
// its scores by mistake; and, on a register of its own scale, which rows slip from it.

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
const TOP_RANK = 4;
const RAG_OF_RANK = ["green", "green", "amber", "red", "red"] as const;
/**
 * Level words no RAG reading knows (SPEC "Values", RAG scale: Very High, High, Medium, Low, Very Low): a column
 * writing one names a scale of its own by its words.
 */
const OWN_SCALE_WORDS: ReadonlySet<string> = new Set(["moderate", "extreme"]);
/** Fewer rows following the scale than this say nothing about a register's bands. */
const MIN_ROWS = 5;
/** A column naming its own scale (OWN_SCALE_WORDS) needs only rows enough to show its levels rise with the score. */
const MIN_ROWS_NAMED_SCALE = 2;
/**
 * The share of rated rows that must follow one set of bands for them to be the register's own scale: the rest
 * are slips (a 20 rated Moderate among Extremes), each a RAG mismatch on that scale.
 */
const FOLLOWING_SHARE = 0.8;

/** One level of a register's own scale: its rank, its word as the register writes it, the scores rated so. */
export interface OwnScaleLevel {
  rank: number;
  word: string;
  min: number;
  max: number;
}

/** A register's own rating scale, as the rows that follow it rate their scores: its levels, lowest first. */
export interface OwnRatingScale {
  levels: readonly OwnScaleLevel[];
}

/** A rating's words as LEVELS keys them ("Very High", "very-high" → "very high"). */
function levelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/** The rank of a level word ("Moderate": 2), undefined for any other text. */
function levelRank(text: string): number | undefined {
  return LEVELS[levelKey(text)];
}

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

/** A rated row: its score, its level's rank and word, and whether that level is the score's RAG band. */
interface RatedRow {
  score: number;
  rank: number;
  word: string;
  agreesWithRag: boolean;
}

/** How many rows a choice keeps, and how many of those agree with the RAG bands (ties broken towards them). */
type Kept = [count: number, agree: number];
const better = (a: Kept, b: Kept): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The most rows that follow one set of bands: levels never falling as the score rises, and one level for
 * each score. Among as many, those agreeing most with the RAG bands (so a RAG-banded register's slip stays a
 * slip of the RAG bands). `rows` sorted by score; each score's rows are kept at one rank or dropped.
 * One pass over the scores with a best choice per highest rank so far (5 ranks): linear in the rows.
 */
function rowsFollowingOneScale(rows: readonly RatedRow[]): RatedRow[] {
  const groups: RatedRow[][] = [];
  for (const r of rows)
    if (groups.length > 0 && groups[groups.length - 1][0].score === r.score)
      groups[groups.length - 1].push(r);
    else groups.push([r]);
  let best: Kept[] = Array.from({ length: TOP_RANK + 1 }, () => [0, 0]);
  const choices: number[][] = [];
  for (const group of groups) {
    const next: Kept[] = [];
    const choice: number[] = [];
    for (let rank = 0; rank <= TOP_RANK; rank++) {
      const atRank = group.filter((r) => r.rank === rank);
      const here: Kept = [
        best[rank][0] + atRank.length,
        best[rank][1] + atRank.filter((r) => r.agreesWithRag).length,
      ];
      const below = rank > 0 ? next[rank - 1] : null;
      if (below && !better(here, below)) {
        next.push(below);
        choice.push(choice[rank - 1]);
      } else {
        next.push(here);
        choice.push(rank);
      }
    }
    best = next;
    choices.push(choice);
  }
  const kept: RatedRow[] = [];
  let rank = TOP_RANK;
  for (let g = groups.length - 1; g >= 0; g--) {
    rank = choices[g][rank];
    for (const r of groups[g]) if (r.rank === rank) kept.push(r);
  }
  return kept.reverse();
}

/** The levels the rows following a scale give it, lowest first, each with the scores rated so. */
function levelsOf(kept: readonly RatedRow[]): OwnScaleLevel[] {
  const byRank = new Map<number, OwnScaleLevel>();
  for (const r of kept) {
    const level = byRank.get(r.rank);
    if (level) level.max = Math.max(level.max, r.score);
    else byRank.set(r.rank, { rank: r.rank, word: r.word, min: r.score, max: r.score });
  }
  return [...byRank.values()].sort((a, b) => a.rank - b.rank);
}

/**
 * The register's own rating scale, or null where its ratings are RAG colours: every rating of the sheet is a
 * level word (Very Low … Very High, Moderate, Extreme; no Red / Amber / Green), at least four in five rated
 * rows follow one set of bands (levels rising with the score: the rest are slips), and those bands are not
 * the RAG bands: the register rates on its own scale by design. Five rows following it are needed to tell, or
 * two where a word of the column's is one no RAG reading knows (Moderate, Extreme).
 */
export function ownRatingScale(records: SheetRecord<string>[], bands: RagBands): OwnRatingScale | null {
  const rated: RatedRow[] = [];
  let namedScale = false;
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    const word = fieldText(r, "rag").trim();
    if (!word) continue;
    const key = levelKey(word);
    const rank = LEVELS[key];
    if (rank === undefined) return null;
    if (OWN_SCALE_WORDS.has(key)) namedScale = true;
    const score = scoreOf(r);
    if (score !== null)
      rated.push({ score, rank, word, agreesWithRag: ragFromScore(score, bands) === RAG_OF_RANK[rank] });
  }
  rated.sort((a, b) => a.score - b.score || a.rank - b.rank);
  const kept = rowsFollowingOneScale(rated);
  if (kept.length < (namedScale ? MIN_ROWS_NAMED_SCALE : MIN_ROWS)) return null;
  if (kept.length < FOLLOWING_SHARE * rated.length) return null;
  if (kept.every((r) => r.agreesWithRag)) return null;
  return { levels: levelsOf(kept) };
}

/**
 * The level(s) a score is on by a register's own scale, in its words ("Extreme", "Moderate or High" for a
 * score between two levels' scores), when `rating` is a level word off it: below a level rated at a lower
 * score, or above one rated at a higher. Null when the rating is on the scale, or is no level word.
 */
export function offOwnScale(scale: OwnRatingScale, rating: string, score: number): string | null {
  const rank = levelRank(rating);
  if (rank === undefined) return null;
  let lo = -1;
  let hi = TOP_RANK + 1;
  for (const l of scale.levels) {
    if (l.min <= score) lo = Math.max(lo, l.rank);
    if (l.max >= score) hi = Math.min(hi, l.rank);
  }
  if (rank >= lo && rank <= hi) return null;
  return scale.levels
    .filter((l) => l.rank >= lo && l.rank <= hi)
    .map((l) => l.word)
    .join(" or ");
}
