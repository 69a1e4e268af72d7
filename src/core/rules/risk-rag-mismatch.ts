// risk/rag-mismatch: a RAG word must agree with the band of the score (the workbook's own matrix, where it
// has one; the register's own Low / Medium / High scale, where it rates on one).

import { fieldText, type RiskRecord } from "../model/records";
import { parseRagWord } from "../parse";
import { currentScore } from "../escalate/route-escalations";
import { offOwnScale, type OwnRatingScale } from "../read/own-rating-scale";
import { reportEach } from "./report-each";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

const WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

export const rule: Rule = {
  meta: {
    id: "risk/rag-mismatch",
    kinds: ["risk-register"],
    fields: ["rag"],
    defaultSeverity: "warning",
    description:
      "A RAG word (or a RAG cell's colour) disagrees with the score's band, or the workbook's own risk matrix.",
    messages: {
      mismatch: "Risk {id} is marked {rag} but its score {score} is {expected}.",
      ownScale: "Risk {id} is marked {rag} but its score {score} is {expected} on this register's own scale.",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      const ownScale = ctx.ownRatingScale(r.sheet);
      if (ownScale) return offOwnScaleReport(ctx, r, ownScale);
      const rag = parseRagWord(fieldText(r, "rag"));
      const score = currentScore(ctx, r);
      if (!rag.ok || score === null || score < 1 || score > 25) return null;
      const expected = ctx.expectedRag(r, score);
      if (expected === rag.value) return null;
      return {
        record: r,
        field: "rag",
        messageId: "mismatch",
        data: { id: ctx.riskId(r) || "(no id)", rag: fieldText(r, "rag"), score, expected: WORD[expected] },
      };
    });
  },
};

/**
 * On a register rating on its own Low/Medium/High scale (by design, no RAG colour to check), a rating off the
 * levels its other risks' scores are given: a 20 rated Moderate among Extremes.
 */
function offOwnScaleReport(ctx: RuleContext, r: RiskRecord, scale: OwnRatingScale): RuleReport | null {
  const rating = fieldText(r, "rag");
  if (!rating) return null;
  const score = currentScore(ctx, r);
  if (score === null || score < 1 || score > 25) return null;
  const expected = offOwnScale(scale, rating, score);
  if (expected === null) return null;
  return {
    record: r,
    field: "rag",
    messageId: "ownScale",
    data: { id: ctx.riskId(r) || "(no id)", rag: rating, score, expected },
  };
}
