// plan/missing-lead: every plan action names a lead director and a lead officer.

import { fieldText } from "../model/records";
import { planLabel } from "./plan-missing-date";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/missing-lead",
    kinds: ["improvement-plan"],
    fields: ["leadDirector", "leadOfficer"],
    defaultSeverity: "error",
    description: "A plan action has no lead director or no lead officer.",
    messages: {
      director: "Plan action {id} has no lead director.",
      officer: "Plan action {id} has no lead officer.",
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const p of ctx.records.plan) {
      if (!fieldText(p, "leadDirector"))
        out.push({ record: p, field: "leadDirector", messageId: "director", data: { id: planLabel(p) } });
      if (!fieldText(p, "leadOfficer"))
        out.push({ record: p, field: "leadOfficer", messageId: "officer", data: { id: planLabel(p) } });
    }
    return out;
  },
};
