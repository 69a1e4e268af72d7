// plan/completed-not-evidenced: "Completed", but the status or evidence says work is still outstanding.

import { fieldText } from "../model/records";
import { findOutstandingWork, parsePlanStatus } from "../parse";
import { planEvidence } from "./plan-completed-without-evidence";
import { planLabel } from "./plan-missing-date";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/completed-not-evidenced",
    kinds: ["improvement-plan"],
    fields: ["status", "evidence"],
    defaultSeverity: "warning",
    description:
      "Completed, but Status or Evidence contains an outstanding-work phrase or a month or date after the as-at date.",
    messages: {
      outstanding:
        'Plan action {id} is marked completed but its {where} says "{phrase}": the work is still outstanding.',
    },
  },
  check(ctx) {
    return ctx.records.plan.flatMap((p) => {
      const status = parsePlanStatus(fieldText(p, "status"));
      if (!status.ok || status.value !== "completed") return [];
      for (const field of ["status", "evidence"] as const) {
        const text = field === "status" ? fieldText(p, field) : planEvidence(p);
        const phrase = findOutstandingWork(text, ctx.settings.outstandingPhrases, ctx.asAt);
        if (phrase)
          return [
            {
              record: p,
              field,
              messageId: "outstanding",
              data: {
                id: planLabel(ctx, p),
                where: field === "status" ? "Progress Status" : "Evidence",
                phrase,
              },
            },
          ];
      }
      return [];
    });
  },
};
