// risk/closed-with-open-actions: a closed risk should not leave actions open.

import { reportEach } from "./report-each";
import type { OwnAction } from "../model/own-action";
import type { RiskRecord } from "../model/records";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/closed-with-open-actions",
    kinds: ["risk-register", "actions"],
    fields: ["status"],
    defaultSeverity: "warning",
    description: "A closed risk still has open actions.",
    messages: {
      open: "Risk {id} is closed but {count} of its actions {verb} still open.",
      // Several files checked together: where the open actions are ("in plan.xlsx"; "1 in register.xlsx, 2 in plan.xlsx").
      openElsewhere: "Risk {id} is closed but {count} of its actions {verb} still open ({files}).",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      // An archived row another row stands for is the risk's history: the actions are that row's.
      if (ctx.isOpenRisk(r) || ctx.isEarlierRecord(r)) return null;
      const open = openActionCount(ctx, r);
      return open === 0
        ? null
        : {
            record: r,
            field: "status",
            messageId: "open",
            data: { id: ctx.riskId(r), count: open, verb: open === 1 ? "is" : "are" },
          };
    });
  },
};

/**
 * How many of a risk's actions are open: its actions rows (see RuleContext.actionsFor) and its own actions
 * on the register (one a line: RuleContext.ownActions) that are shown open (see ownActionShownOpen). What this
 * rule counts, and what the join across files adds other files' counts to.
 */
export function openActionCount(ctx: RuleContext, risk: RiskRecord): number {
  const statusKept = ctx.hasField(risk.sheet, "actionStatus");
  const openOwn = ctx.ownActions(risk).filter((a) => ownActionShownOpen(a, statusKept)).length;
  return ctx.actionsFor(risk).filter((a) => ctx.isOpenAction(a)).length + openOwn;
}

/**
 * True when a closed risk's own action is shown open: its status says so, or is left blank in the register's
 * Action Status column. On a register with no such column, an action with no status on its line (an NEC4
 * early warning's "Decisions / actions agreed", "Action owner", "Date for action") is not shown open: the
 * closed risk is the latest word on it. (judgement: SPEC "Rules" fires on open actions, and nothing says
 * this one is.)
 */
function ownActionShownOpen(action: OwnAction, statusKept: boolean): boolean {
  return action.open && (statusKept || action.status !== "");
}

/** How many of a closed risk's open actions one file holds. */
export interface OpenActionsIn {
  /** The file, named as the report names it. */
  file: string;
  count: number;
}

/**
 * The finding's message when several files are checked together (SPEC "Many workbooks") and some of a
 * closed risk's open actions are in files other than the risk's: every file's open actions counted, and
 * where they are, in `openIn`'s order. All in one file: "(in plan.xlsx)"; else each file's count, as
 * "(2 in plan-a.xlsx, 1 in plan-b.xlsx)" or, with the risk's own file first, "(1 in register.xlsx, 2 in plan.xlsx)".
 */
export function openActionsAcrossFiles(
  id: string,
  openIn: readonly OpenActionsIn[],
): { messageId: string; data: Record<string, string | number> } {
  const count = openIn.reduce((n, o) => n + o.count, 0);
  const files =
    openIn.length === 1 ? `in ${openIn[0].file}` : openIn.map((o) => `${o.count} in ${o.file}`).join(", ");
  return { messageId: "openElsewhere", data: { id, count, verb: count === 1 ? "is" : "are", files } };
}
