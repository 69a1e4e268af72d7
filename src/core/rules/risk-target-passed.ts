// risk/target-passed: the date a risk was to reach its target score has gone by, and it has not; or that date
// cannot be read as a date while the score is above its target (it could never be found passed: SPEC "What
// must never happen", no silent empty result).

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
      "An open risk's target date is before the as-at date, or cannot be read as a date, and its current score is still above its target score (only where both columns exist).",
    messages: {
      passed: "Risk {id} was to reach its target score {target} by {date}; it scores {score}.",
      unreadable:
        'Risk {id} has target date "{text}", which cannot be read as a date: it cannot be checked for being passed (it scores {score}, above its target score {target}).',
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      if (!ctx.hasField(r.sheet, "targetDate") || !ctx.hasField(r.sheet, "targetScore")) return null;
      const target = ctx.numberOf(r, "targetScore");
      const score = currentScore(ctx, r);
      if (target === null || score === null || score <= target) return null;
      const id = ctx.riskId(r) || "(no id)";
      const due = ctx.dateOf(r, "targetDate", "deadline");
      if (due !== null)
        return due < ctx.asAt
          ? {
              record: r,
              field: "targetDate",
              messageId: "passed",
              data: { id, target, date: ukDate(due), score },
            }
          : null;
      const text = ctx.unreadableDate(r, "targetDate", "deadline");
      return text === null
        ? null
        : { record: r, field: "targetDate", messageId: "unreadable", data: { id, text, score, target } };
    });
  },
};
