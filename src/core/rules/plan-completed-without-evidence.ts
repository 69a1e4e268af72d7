// plan/completed-without-evidence: an action marked completed must cite evidence.

import { fieldText } from "../model/records";
import { parsePlanStatus } from "../parse";
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
      if (!status.ok || status.value !== "completed" || fieldText(p, "evidence")) return [];
      return [{ record: p, field: "evidence", messageId: "blank", data: { id: planLabel(p) } }];
    });
  },
};
