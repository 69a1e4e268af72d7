// risk/next-review-passed: the next review date has gone by.

import { isoFromDay } from "../parse";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/next-review-passed",
    kinds: ["risk-register"],
    fields: ["nextReview"],
    defaultSeverity: "warning",
    description: "The next review date is before the as-at date.",
    messages: { passed: "Risk {id} was due for review on {date}." },
  },
  check(ctx) {
    return ctx.records.risks.flatMap((r) => {
      if (!ctx.isOpenRisk(r)) return [];
      const d = ctx.dateOf(r, "nextReview", "deadline");
      return d !== null && d < ctx.asAt
        ? [
            {
              record: r,
              field: "nextReview",
              messageId: "passed",
              data: { id: ctx.riskId(r) || "(no id)", date: isoFromDay(d) },
            },
          ]
        : [];
    });
  },
};
