// risk/score-mismatch: score must equal likelihood × impact, each within its range.

import type { RiskRecord } from "../model/records";
import { FACTOR_MAX, onScale, SCORE_MAX } from "../parse";
import type { Rule, RuleReport } from "./types";

/** Reports a value outside 1–`max` (or not a whole number); true when it did. */
function reportRange(
  out: RuleReport[],
  record: RiskRecord,
  id: string,
  field: string,
  value: number | null,
  max: number,
): boolean {
  if (value === null || onScale(value, max)) return false;
  out.push({ record, field, messageId: "range", data: { id, field, value, min: 1, max } });
  return true;
}

export const rule: Rule = {
  meta: {
    id: "risk/score-mismatch",
    kinds: ["risk-register"],
    fields: ["likelihood", "impact", "score"],
    defaultSeverity: "error",
    description:
      "Likelihood, impact and score are numbers and score ≠ likelihood × impact, or one is out of range.",
    messages: {
      product: "Risk {id}: score {score} is not likelihood {likelihood} × impact {impact} = {product}.",
      range: "Risk {id}: {field} {value} is outside {min}–{max}.",
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      const l = ctx.numberOf(r, "likelihood");
      const i = ctx.numberOf(r, "impact");
      const s = ctx.numberOf(r, "score");
      const id = ctx.riskId(r) || "(no id)";
      // Likelihood, impact and score each within its range (each one out of range is reported).
      let outOfRange = reportRange(out, r, id, "likelihood", l, FACTOR_MAX);
      outOfRange = reportRange(out, r, id, "impact", i, FACTOR_MAX) || outOfRange;
      outOfRange = reportRange(out, r, id, "score", s, SCORE_MAX) || outOfRange;
      if (outOfRange || l === null || i === null || s === null) continue;
      if (s !== l * i)
        out.push({
          record: r,
          field: "score",
          messageId: "product",
          data: { id, score: s, likelihood: l, impact: i, product: l * i },
        });
    }
    return out;
  },
};
