// risk/action-overdue: an open action whose due date has passed.

import { excerpt } from "./excerpt";
import { fieldText, idsNamedIn, rawValue } from "../model/records";
import { ownActionName } from "../model/own-action";
import { ukDate } from "../parse";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/action-overdue",
    kinds: ["actions", "risk-register"],
    fields: ["due"],
    defaultSeverity: "warning",
    description:
      "An open action's due date is before the as-at date (an actions sheet's row, or the risk's own action on the register).",
    messages: {
      overdue: "Action {action} for risk {risk} was due {due} and is still open.",
      sharedOverdue: "Action {action} for risks {risk} was due {due} and is still open.",
      // {action}: "on the register", or one of several there by its words ('"Resurface A38" on the register').
      ownOverdue: "Risk {risk}'s action {action} was due {due} and is still open ({status}).",
    },
  },
  check(ctx) {
    const own: RuleReport[] = [];
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      if (!ctx.isOpenRisk(r)) continue;
      for (const action of ctx.ownActions(r)) {
        if (!action.open || action.due === null || action.due >= ctx.asAt) continue;
        own.push({
          record: r,
          field: action.dueField,
          messageId: "ownOverdue",
          data: {
            risk: ctx.riskId(r) || "(no id)",
            action: ownActionName(action),
            due: ukDate(action.due),
            status: action.status ? `status ${action.status}` : "no status",
          },
        });
      }
    }
    const fromSheets: RuleReport[] = ctx.records.actions
      .filter((a) => {
        if (!ctx.isOpenAction(a)) return false;
        // An action for several risks is overdue while any of them is open.
        const risks = ctx.risksFor(a);
        if (risks.length > 0 && risks.every((risk) => !ctx.isOpenRisk(risk))) return false;
        const due = ctx.dateOf(a, "due", "deadline");
        return due !== null && due < ctx.asAt;
      })
      .map((a) => {
        const data = {
          action:
            fieldText(a, "actionId") ||
            (fieldText(a, "action") ? `"${excerpt(fieldText(a, "action"), 60)}"` : "(no description)"),
          risk: fieldText(a, "riskId") || "(no id)",
          due: ukDate(ctx.dateOf(a, "due", "deadline")!),
        };
        // One action, several risks (SPEC): the ids its risk id cell lists, named in the plural.
        return idsNamedIn(rawValue(a, "riskId")).length > 1
          ? { record: a, field: "due", messageId: "sharedOverdue", data }
          : { record: a, field: "due", messageId: "overdue", data };
      });
    return [...own, ...fromSheets];
  },
};
