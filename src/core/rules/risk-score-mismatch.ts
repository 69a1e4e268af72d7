// risk/score-mismatch: score must equal likelihood × impact, each within its range.

import type { Rule, RuleReport } from "./types";

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
    for (const r of ctx.records.risks) {
      const l = ctx.numberOf(r, "likelihood");
      const i = ctx.numberOf(r, "impact");
      const s = ctx.numberOf(r, "score");
      const id = ctx.riskId(r) || "(no id)";
      const ranges: [string, number | null, number][] = [
        ["likelihood", l, 5],
        ["impact", i, 5],
        ["score", s, 25],
      ];
      let outOfRange = false;
      for (const [field, value, max] of ranges) {
        if (value !== null && (value < 1 || value > max || !Number.isInteger(value))) {
          out.push({ record: r, field, messageId: "range", data: { id, field, value, min: 1, max } });
          outOfRange = true;
        }
      }
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
