// risk/target-passed: the date a risk was to reach its target score has gone by, and it has not.

import { currentScore } from "../escalate/current-score";
import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/target-passed",
    kinds: ["risk-register"],
    fields: ["targetDate", "targetScore"],
    defaultSeverity: "warning",
    description:
      "An open risk's target date is before the as-at date and its current score is still above its target score (only where both columns exist).",
    messages: {
      passed: "Risk {id} was to reach its target score {target} by {date}; it scores {score}.",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      if (!ctx.hasField(r.sheet, "targetDate") || !ctx.hasField(r.sheet, "targetScore")) return null;
      const due = ctx.dateOf(r, "targetDate", "deadline");
      const target = ctx.numberOf(r, "targetScore");
      const score = currentScore(ctx, r);
      if (due === null || target === null || score === null) return null;
      if (due >= ctx.asAt || score <= target) return null;
      return {
        record: r,
        field: "targetDate",
        messageId: "passed",
        data: { id: ctx.riskId(r) || "(no id)", target, date: ukDate(due), score },
      };
    });
  },
};
