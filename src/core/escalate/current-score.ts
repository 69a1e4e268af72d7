// A risk's current score, the one place it is worked out: the score cell, else likelihood × impact.

import type { RiskRecord } from "../model/records";
import type { RuleContext } from "../rules/context";

/** The current score: the score cell, else likelihood × impact. */
export function currentScore(ctx: RuleContext, risk: RiskRecord): number | null {
  const s = ctx.numberOf(risk, "score");
  if (s !== null) return s;
  const l = ctx.numberOf(risk, "likelihood");
  const i = ctx.numberOf(risk, "impact");
  return l !== null && i !== null ? l * i : null;
}
