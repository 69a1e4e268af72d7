// risk/action-overdue: an open action whose due date has passed, or whose due date cannot be read (it could
// never be found overdue: SPEC "What must never happen", no silent empty result).

import { excerpt } from "./excerpt";
import { fieldText, idsNamedIn, rawValue, type ActionRecord } from "../model/records";
import { ownActionName, type OwnAction } from "../model/own-action";
import { ukDate, writtenAsDate, type DayNumber } from "../parse";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/action-overdue",
    kinds: ["actions", "risk-register"],
    fields: ["due"],
    defaultSeverity: "warning",
    description:
      "An open action's due date is before the as-at date, or cannot be read as a date (an actions sheet's row, or the risk's own action on the register).",
    messages: {
      overdue: "Action {action} for risk {risk} was due {due} and is still open.",
      sharedOverdue: "Action {action} for risks {risk} was due {due} and is still open.",
      // {action}: "on the register", or one of several there by its words ('"Resurface A38" on the register').
      ownOverdue: "Risk {risk}'s action {action} was due {due} and is still open ({status}).",
      unreadable:
        'Action {action} for risk {risk} has due date "{text}", which cannot be read as a date: it cannot be checked for being overdue.',
      sharedUnreadable:
        'Action {action} for risks {risk} has due date "{text}", which cannot be read as a date: it cannot be checked for being overdue.',
      ownUnreadable:
        'Risk {risk}\'s action {action} has due date "{text}", which cannot be read as a date: it cannot be checked for being overdue.',
    },
  },
  check(ctx) {
    const own: RuleReport[] = [];
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      if (!ctx.isOpenRisk(r)) continue;
      for (const action of ctx.ownActions(r)) {
        if (!action.open) continue;
        if (action.due !== null ? action.due < ctx.asAt : writtenAsDate(action.dueText))
          own.push({
            record: r,
            field: action.dueField,
            ...ownReport(ctx.riskId(r) || "(no id)", action),
          });
      }
    }
    const fromSheets: RuleReport[] = [];
    for (const a of ctx.records.actions) {
      if (!ctx.isOpenAction(a)) continue;
      // An action for several risks is overdue while any of them is open.
      const risks = ctx.risksFor(a);
      if (risks.length > 0 && risks.every((risk) => !ctx.isOpenRisk(risk))) continue;
      const due = ctx.dateOf(a, "due", "deadline");
      const text = due === null ? ctx.unreadableDate(a, "due", "deadline") : null;
      if (due !== null ? due >= ctx.asAt : text === null) continue;
      fromSheets.push(sheetReport(a, due, text ?? ""));
    }
    return [...own, ...fromSheets];
  },
};

/** What is said of a risk's own action that is overdue, or whose due date cannot be read. */
function ownReport(risk: string, action: OwnAction): { messageId: string; data: Record<string, string> } {
  const name = ownActionName(action);
  return action.due !== null
    ? {
        messageId: "ownOverdue",
        data: {
          risk,
          action: name,
          due: ukDate(action.due),
          status: action.status ? `status ${action.status}` : "no status",
        },
      }
    : { messageId: "ownUnreadable", data: { risk, action: name, text: action.dueText } };
}

/** How the messages name an actions sheet's row and its risks. */
function namesOf(a: ActionRecord): { action: string; risk: string } {
  return {
    action:
      fieldText(a, "actionId") ||
      (fieldText(a, "action") ? `"${excerpt(fieldText(a, "action"), 60)}"` : "(no description)"),
    risk: fieldText(a, "riskId") || "(no id)",
  };
}

/**
 * The report at an actions sheet's row's due cell: overdue since `due`, or (`due` null) due on `text`, which
 * cannot be read as a date.
 */
function sheetReport(a: ActionRecord, due: DayNumber | null, text: string): RuleReport {
  // One action, several risks (SPEC): the ids its risk id cell lists, named in the plural.
  const shared = idsNamedIn(rawValue(a, "riskId")).length > 1;
  if (due !== null) {
    const data = { ...namesOf(a), due: ukDate(due) };
    return shared
      ? { record: a, field: "due", messageId: "sharedOverdue", data }
      : { record: a, field: "due", messageId: "overdue", data };
  }
  const data = { ...namesOf(a), text };
  return shared
    ? { record: a, field: "due", messageId: "sharedUnreadable", data }
    : { record: a, field: "due", messageId: "unreadable", data };
}
