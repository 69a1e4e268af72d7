// risk/no-action: an open risk must have at least one action (actions text, the contractor's on a joint
// register too, its own action on the register, or a row in an actions sheet). Words saying there is none
// ("No further action required") are an action decision only on a risk being tolerated: a risk being
// treated, transferred or terminated needs an action to do so.

import { fieldText, type RiskRecord } from "../model/records";
import { saysNoFurtherAction } from "../model/own-action";
import { excerpt } from "./excerpt";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/no-action",
    kinds: ["risk-register", "actions"],
    fields: [],
    defaultSeverity: "error",
    description:
      "An open risk has no action: no actions text, no action of its own on the register and no row in an actions sheet (an actions text saying there is no further action counts as none unless the risk is tolerated).",
    messages: {
      none: "Risk {id} has no actions recorded, here or in an actions sheet.",
      saysNone:
        'Risk {id} is to be {strategy} but has no action: its actions say "{text}", and only a tolerated risk may have none.',
    },
  },
  check(ctx) {
    const found: RuleReport[] = [];
    for (const r of ctx.records.risks) {
      if (!ctx.isOpenRisk(r) || ctx.ownActions(r).length > 0 || ctx.actionsFor(r).length > 0) continue;
      const text = actionsText(r);
      const strategy = text ? strategyNeedingAction(ctx, r, text) : null;
      if (text && !strategy) continue;
      const field = ctx.hasField(r.sheet, "actions") ? "actions" : undefined;
      const id = ctx.riskId(r) || "(no id)";
      found.push(
        strategy
          ? { record: r, field, messageId: "saysNone", data: { id, strategy, text: excerpt(text, 60) } }
          : { record: r, field, messageId: "none", data: { id } },
      );
    }
    return found;
  },
};

/**
 * The risk's actions text: the council's, else on a joint register the contractor's ("Council actions" blank,
 * "Contractor actions" filled: the contractor's action is being done, as a contractor's owner owns the risk).
 */
function actionsText(risk: RiskRecord): string {
  return fieldText(risk, "actions") || fieldText(risk, "contractorActions");
}

/** How the message says a strategy that needs an action ("treated"). */
const NEEDS_ACTION: Readonly<Record<string, string>> = {
  treat: "treated",
  transfer: "transferred",
  terminate: "terminated",
  take: "taken",
};

/**
 * The risk's strategy, as the message words it, when its actions text says there is no further action
 * and that strategy needs one (Treat, Transfer, Terminate, Take); null otherwise (Tolerate, or no strategy read).
 */
function strategyNeedingAction(ctx: RuleContext, risk: RiskRecord, text: string): string | null {
  if (!saysNoFurtherAction(text)) return null;
  const strategy = ctx.strategyOf(risk);
  return strategy.ok ? (NEEDS_ACTION[strategy.value] ?? null) : null;
}
