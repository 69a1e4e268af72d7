// risk/action-overdue: an open action whose due date has passed.

import { fieldText } from "../model/records";
import { isoFromDay } from "../parse";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/action-overdue",
    kinds: ["actions"],
    fields: ["due"],
    defaultSeverity: "warning",
    description: "An open action's due date is before the as-at date.",
    messages: { overdue: "Action {action} for risk {risk} was due {due} and is still open." },
  },
  check(ctx) {
    return ctx.records.actions
      .filter((a) => {
        if (!ctx.isOpenAction(a)) return false;
        const risk = ctx.riskFor(a);
        if (risk && !ctx.isOpenRisk(risk)) return false;
        const due = ctx.dateOf(a, "due", "deadline");
        return due !== null && due < ctx.asAt;
      })
      .map((a) => ({
        record: a,
        field: "due",
        messageId: "overdue",
        data: {
          action: fieldText(a, "actionId") || `"${fieldText(a, "action").slice(0, 60)}"`,
          risk: fieldText(a, "riskId") || "(no id)",
          due: isoFromDay(ctx.dateOf(a, "due", "deadline")!),
        },
      }));
  },
};
