// risk/next-review-passed: the next review date has gone by, or cannot be read as a date (it could never be
// found passed: SPEC "What must never happen", no silent empty result).

import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/next-review-passed",
    kinds: ["risk-register"],
    fields: ["nextReview"],
    defaultSeverity: "warning",
    description: "The next review date is before the as-at date, or cannot be read as a date.",
    messages: {
      passed: "Risk {id} was due for review on {date}.",
      unreadable:
        'Risk {id} has next review date "{text}", which cannot be read as a date: it cannot be checked for being passed.',
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      const d = ctx.dateOf(r, "nextReview", "deadline");
      if (d !== null)
        return d < ctx.asAt
          ? {
              record: r,
              field: "nextReview",
              messageId: "passed",
              data: { id: ctx.riskId(r) || "(no id)", date: ukDate(d) },
            }
          : null;
      const text = ctx.unreadableDate(r, "nextReview", "deadline");
      return text === null
        ? null
        : {
            record: r,
            field: "nextReview",
            messageId: "unreadable",
            data: { id: ctx.riskId(r) || "(no id)", text },
          };
    });
  },
};
