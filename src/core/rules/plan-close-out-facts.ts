// What the Plan Close-Out tab counts for each plan action: overdue, completed without evidence, completed but
// not evidenced. Found by the three plan rules themselves, whatever their severity in Settings (SPEC "Plan
// Close-Out": red for any overdue action, even where the officer has turned the finding off).

import type { PlanRecord } from "../model/records";
import type { RuleContext } from "./context";
import { rule as completedNotEvidenced } from "./plan-completed-not-evidenced";
import { rule as completedWithoutEvidence } from "./plan-completed-without-evidence";
import { rule as overdue } from "./plan-overdue";

/** The Plan Close-Out's counts of one action, each with the rule that finds it. */
export const CLOSE_OUT_RULES = {
  overdue: overdue,
  withoutEvidence: completedWithoutEvidence,
  notEvidenced: completedNotEvidenced,
} as const;

export type CloseOutFact = keyof typeof CLOSE_OUT_RULES;

/** Each plan action's close-out facts (only actions with one are listed). */
export type PlanCloseOutFacts = ReadonlyMap<PlanRecord, ReadonlySet<CloseOutFact>>;

/** Runs the three rules over the plan and keeps which action each finds. */
export function planCloseOutFacts(ctx: RuleContext): PlanCloseOutFacts {
  const facts = new Map<PlanRecord, Set<CloseOutFact>>();
  for (const [fact, rule] of Object.entries(CLOSE_OUT_RULES) as [
    CloseOutFact,
    (typeof CLOSE_OUT_RULES)[CloseOutFact],
  ][])
    for (const r of rule.check(ctx)) {
      if (!r.record) continue;
      const record = r.record as PlanRecord;
      let set = facts.get(record);
      if (!set) facts.set(record, (set = new Set()));
      set.add(fact);
    }
  return facts;
}
