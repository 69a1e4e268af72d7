// plan/unknown-status: a Progress Status the plan-status words do not cover.

import { excerpt } from "./excerpt";
import { fieldText } from "../model/records";
import { parsePlanStatus } from "../parse";
import { planLabel } from "./plan-missing-date";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/unknown-status",
    kinds: ["improvement-plan"],
    fields: ["status"],
    defaultSeverity: "warning",
    description:
      "A plan status the plan-status words do not cover (Completed, In progress, Not started, Delayed, Cancelled).",
    messages: {
      unknown:
        'Plan action {id} has status "{status}": start it with Completed, In progress, Not started, Delayed or Cancelled.',
      blank: "Plan action {id} has no progress status.",
    },
  },
  check(ctx) {
    return ctx.records.plan.flatMap((p) => {
      const text = fieldText(p, "status");
      if (!text) return [{ record: p, field: "status", messageId: "blank", data: { id: planLabel(ctx, p) } }];
      return parsePlanStatus(text).ok
        ? []
        : [
            {
              record: p,
              field: "status",
              messageId: "unknown",
              data: { id: planLabel(ctx, p), status: excerpt(text, 40) },
            },
          ];
    });
  },
};
