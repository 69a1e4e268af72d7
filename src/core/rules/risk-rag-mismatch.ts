// risk/rag-mismatch: a RAG word must agree with the band of the score (the workbook's own matrix, where it
// has one).

import { fieldText } from "../model/records";
import { parseRagWord } from "../parse";
import { currentScore } from "../escalate/route-escalations";
import { reportEach } from "./report-each";
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
    messages: { mismatch: "Risk {id} is marked {rag} but its score {score} is {expected}." },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      // A register rating on its own Low/Medium/High scale, by design, has no RAG colour to check.
      if (ctx.ratesOnOwnScale(r.sheet)) return null;
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
