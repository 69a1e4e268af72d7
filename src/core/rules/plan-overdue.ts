// plan/overdue: a plan action past its date that is neither completed nor cancelled.

import { fieldText } from "../model/records";
import { ukDate, parsePlanStatus } from "../parse";
import { planLabel } from "./plan-missing-date";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/overdue",
    kinds: ["improvement-plan"],
    fields: ["date", "status"],
    defaultSeverity: "error",
    description: "A plan action's date is before the as-at date and it is neither completed nor cancelled.",
    messages: { overdue: "Plan action {id} was due {date} and is {status}." },
  },
  check(ctx) {
    return ctx.records.plan.flatMap((p) => {
      const due = ctx.dateOf(p, "date", "deadline");
      if (due === null || due >= ctx.asAt) return [];
      const status = parsePlanStatus(fieldText(p, "status"));
      if (status.ok && (status.value === "completed" || status.value === "cancelled")) return [];
      const shown = status.ok
        ? status.value.replace("-", " ")
        : fieldText(p, "status")
          ? "not marked completed"
          : "without a status";
      return [
        {
          record: p,
          field: "date",
          messageId: "overdue",
          data: { id: planLabel(ctx, p), date: ukDate(due), status: shown },
        },
      ];
    });
  },
};
