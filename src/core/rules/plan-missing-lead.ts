// plan/missing-lead: every plan action names a lead director and a lead officer.

import { fieldColumn, fieldText, type PlanRecord } from "../model/records";
import { planLabel } from "./plan-missing-date";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "plan/missing-lead",
    kinds: ["improvement-plan"],
    fields: ["leadDirector", "leadOfficer"],
    defaultSeverity: "error",
    description:
      "A plan action has no lead director or no lead officer (only a lead the plan has a column for is asked for).",
    messages: {
      director: "Plan action {id} has no lead director.",
      officer: "Plan action {id} has no lead officer.",
      both: "Plan action {id} has no lead director or lead officer.",
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    // A plan with no column for a lead (an audit's plan names one Responsible Officer per action) is not
    // checked for it: SPEC "Rules on optional fields are skipped silently" (sheet/missing-column).
    const hasColumn = (p: PlanRecord, field: "leadDirector" | "leadOfficer") =>
      fieldColumn(p, field) !== undefined || ctx.hasField(p.sheet, field);
    for (const p of ctx.records.plan) {
      const director = fieldText(p, "leadDirector");
      const officer = fieldText(p, "leadOfficer");
      // A plan's one lead column for both leads (read-table.ts, splitCombinedLeads): a blank cell is one
      // finding, not two on the same cell.
      const col = fieldColumn(p, "leadDirector");
      if (!director && !officer && col !== undefined && col === fieldColumn(p, "leadOfficer")) {
        out.push({ record: p, field: "leadDirector", messageId: "both", data: { id: planLabel(ctx, p) } });
        continue;
      }
      if (!director && hasColumn(p, "leadDirector"))
        out.push({
          record: p,
          field: "leadDirector",
          messageId: "director",
          data: { id: planLabel(ctx, p) },
        });
      if (!officer && hasColumn(p, "leadOfficer"))
        out.push({ record: p, field: "leadOfficer", messageId: "officer", data: { id: planLabel(ctx, p) } });
    }
    return out;
  },
};
