// How the scores of a few settings must agree with each other: the RAG bands, the directorate register's
// band, and the corporate register's threshold beside it. One place for both the Settings sheet's reader
// (which reports a pair that does not agree by its two cells and keeps the defaults) and the Settings view
// (which refuses to save it, on its field), so the sheet never reads what the view would refuse, nor the
// view refuse what the sheet reads. Type imports only: the view reads it without the settings model.

import type { EscalationThresholds, RagBands } from "./settings";

/** The scores the bands are made of, by the Settings view's field names. */
export interface BandScores {
  greenMax: number;
  amberMax: number;
  corporateMinScore: number;
  directorateMinScore: number;
  directorateMaxScore: number;
}

export type BandScore = keyof BandScores;

/** Each score's key on the Settings sheet. */
export const BAND_SCORE_KEYS: Readonly<Record<BandScore, string>> = {
  greenMax: "rag.greenMax",
  amberMax: "rag.amberMax",
  corporateMinScore: "escalation.corporateMinScore",
  directorateMinScore: "escalation.directorateMinScore",
  directorateMaxScore: "escalation.directorateMaxScore",
};

/** The band scores of settings. */
export function bandScoresOf(s: { rag: RagBands; escalation: EscalationThresholds }): BandScores {
  const e = s.escalation;
  return {
    greenMax: s.rag.greenMax,
    amberMax: s.rag.amberMax,
    corporateMinScore: e.corporateMinScore,
    directorateMinScore: e.directorateMinScore,
    directorateMaxScore: e.directorateMaxScore,
  };
}

/** Two scores that must agree. */
export interface SettingBand {
  /** The two scores, named in this order by the sheet's issue (by their cells) and by the view's message. */
  scores: readonly [BandScore, BandScore];
  /** Every score the check reads: the view checks the band only once each of them is a valid score. */
  reads: readonly BandScore[];
  /** The Settings view's field that carries the message when they do not agree. */
  field: BandScore;
  /**
   * Null when the scores agree; else what is wrong, for the sheet's issue after "Settings 'a' (x) and
   * 'b' (y) in Risk Review Settings!B6 and B7 " ("overlap: green must end below amber").
   */
  problem(s: BandScores): string | null;
  /** The Settings view's message on `field` for the same problem. */
  viewMessage(s: BandScores): string;
  /** The scores the sheet's reader puts back to their defaults when they do not agree. */
  resets: readonly BandScore[];
  /** The defaults the sheet's reader then uses, as its issue says them ("4 and 12"). */
  using(defaults: BandScores): string;
}

/** "a score of 15", "a score of 13 to 15". */
function scoresFrom(low: number, high: number): string {
  return low === high ? `a score of ${low}` : `a score of ${low} to ${high}`;
}

/**
 * Where the corporate register's threshold leaves the directorate band: the scores both registers would
 * take (overlap), the scores neither would (gap), or null when it starts just after the band's highest.
 * A corporate threshold below the band's lowest score takes the whole band.
 */
function corporateBeside(s: BandScores): { kind: "overlap" | "gap"; low: number; high: number } | null {
  const { corporateMinScore: corporate, directorateMinScore: low, directorateMaxScore: high } = s;
  if (corporate <= high) return { kind: "overlap", low: Math.max(corporate, low), high };
  if (corporate > high + 1) return { kind: "gap", low: high + 1, high: corporate - 1 };
  return null;
}

/** The bands, checked in this order (a band put back to its defaults is the one the next check reads). */
export const SETTING_BANDS: readonly SettingBand[] = [
  {
    scores: ["greenMax", "amberMax"],
    reads: ["greenMax", "amberMax"],
    field: "amberMax",
    problem: (s) => (s.greenMax < s.amberMax ? null : "overlap: green must end below amber"),
    viewMessage: () => "Amber must end at a higher score than green.",
    resets: ["greenMax", "amberMax"],
    using: (d) => `${d.greenMax} and ${d.amberMax}`,
  },
  {
    scores: ["directorateMinScore", "directorateMaxScore"],
    reads: ["directorateMinScore", "directorateMaxScore"],
    field: "directorateMaxScore",
    problem: (s) =>
      s.directorateMinScore <= s.directorateMaxScore
        ? null
        : "are the wrong way round: the directorate band's lowest score is above its highest, so no risk would go to the directorate register",
    viewMessage: () => "The highest score must not be below the lowest score.",
    resets: ["directorateMinScore", "directorateMaxScore"],
    using: (d) => `${d.directorateMinScore} and ${d.directorateMaxScore}`,
  },
  {
    // SPEC "Escalation": corporate ≥ 16, directorate 9–15: the two registers meet, so every score from the
    // directorate band's lowest up goes to one register, and none to both.
    scores: ["corporateMinScore", "directorateMaxScore"],
    reads: ["corporateMinScore", "directorateMinScore", "directorateMaxScore"],
    field: "corporateMinScore",
    problem(s) {
      const b = corporateBeside(s);
      if (!b) return null;
      return b.kind === "overlap"
        ? `overlap: ${scoresFrom(b.low, b.high)} would go to both the corporate and the directorate register (the corporate register must start at the score after the directorate band's highest)`
        : `leave a gap: ${scoresFrom(b.low, b.high)} would go to neither the corporate nor the directorate register (the corporate register must start at the score after the directorate band's highest)`;
    },
    viewMessage(s) {
      const b = corporateBeside(s) ?? { kind: "overlap", low: 0, high: 0 };
      const both = `Corporate register from score (${s.corporateMinScore}) and Directorate register up to score (${s.directorateMaxScore})`;
      const meet =
        "The corporate register must start at the score just after the directorate register's highest.";
      return b.kind === "gap"
        ? `${both} leave a gap: ${scoresFrom(b.low, b.high)} would go to neither register. ${meet}`
        : `${both} overlap: ${scoresFrom(b.low, b.high)} would go to both registers. ${meet}`;
    },
    // All three register scores: the directorate band's lowest too, so the defaults put back agree.
    resets: ["corporateMinScore", "directorateMinScore", "directorateMaxScore"],
    using: (d) =>
      `the defaults, corporate from ${d.corporateMinScore} and directorate ${d.directorateMinScore}–${d.directorateMaxScore}`,
  },
];
