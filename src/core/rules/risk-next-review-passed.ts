// risk/next-review-passed: the next review date has gone by.

import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

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
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      const d = ctx.dateOf(r, "nextReview", "deadline");
      return d !== null && d < ctx.asAt
        ? {
            record: r,
            field: "nextReview",
            messageId: "passed",
            data: { id: ctx.riskId(r) || "(no id)", date: ukDate(d) },
          }
        : null;
    });
  },
};
