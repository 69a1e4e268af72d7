// plan/completed-without-evidence: an action marked completed must cite evidence.

import { fieldText, type PlanRecord } from "../model/records";
import { parsePlanStatus, saysNoEvidence } from "../parse";
import { planLabel } from "./plan-missing-date";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/completed-without-evidence",
    kinds: ["improvement-plan"],
    fields: ["status", "evidence"],
    defaultSeverity: "error",
    description: "A plan action is completed with an empty Evidence cell.",
    messages: { blank: "Plan action {id} is marked completed but its Evidence cell is empty." },
  },
  check(ctx) {
    return ctx.records.plan.flatMap((p) => {
      const status = parsePlanStatus(fieldText(p, "status"));
      if (!status.ok || status.value !== "completed" || planEvidence(p)) return [];
      return [{ record: p, field: "evidence", messageId: "blank", data: { id: planLabel(ctx, p) } }];
    });
  },
};

/**
 * A plan action's evidence as the evidence rules read it: "" when its Evidence cell is blank, a placeholder
 * ("N/A") or says in words that there is none ("No evidence held", "None yet").
 */
export function planEvidence(p: PlanRecord): string {
  const text = fieldText(p, "evidence");
  return saysNoEvidence(text) ? "" : text;
}
