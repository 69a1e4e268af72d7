// A risk's current score, the one place it is worked out: the score cell, else likelihood × impact.

import type { RiskRecord } from "../model/records";
import { FACTOR_MAX, onScale } from "../parse";
import type { RuleContext } from "../rules/context";

/** A risk's current score and where it came from. */
export interface CurrentScore {
  score: number | null;
  /** Set when the score was worked out as likelihood × impact (no score in the register): [l, i]. */
  workedOutFrom?: [number, number];
}

/**
 * The current score: the score cell, else likelihood × impact (worked out, and said so) where both are on
 * their 1–5 scale. A likelihood written as a percentage ("60%", or 0.6 shown as 60%) is no factor of a
 * score: risk/score-mismatch says it is out of range, and no score of 180 or 1.8 is routed or compared.
 */
export function currentScoreOf(ctx: RuleContext, risk: RiskRecord): CurrentScore {
  const s = ctx.numberOf(risk, "score");
  if (s !== null) return { score: s };
  const l = ctx.numberOf(risk, "likelihood");
  const i = ctx.numberOf(risk, "impact");
  return l !== null && i !== null && onScale(l, FACTOR_MAX) && onScale(i, FACTOR_MAX)
    ? { score: l * i, workedOutFrom: [l, i] }
    : { score: null };
}

/** The current score: the score cell, else likelihood × impact. */
export function currentScore(ctx: RuleContext, risk: RiskRecord): number | null {
  return currentScoreOf(ctx, risk).score;
}
