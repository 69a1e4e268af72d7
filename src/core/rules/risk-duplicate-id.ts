// risk/duplicate-id: two rows of one register share an id (each later row is flagged). Archived rows (see
// RuleContext.isArchived) are the risk's history: a risk closed twice, or closed and reopened, is no duplicate.

import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/duplicate-id",
    kinds: ["risk-register"],
    fields: ["id"],
    defaultSeverity: "error",
    description: "Two rows of one register share an id.",
    messages: { duplicate: "Risk id {id} is used again: it is also on row {firstRow}." },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      // Only rows whose id another row shares can repeat one (no table of every id made here). An archived
      // row (a sheet of closed risks, a CLOSED RISKS section) is the risk's history, however often it recurs.
      const shared = ctx.sameKeyRisks(r);
      if (shared === null || ctx.isArchived(r)) continue;
      const first = shared.find((other) => other.sheet === r.sheet && !ctx.isArchived(other));
      if (first === undefined || first === r) continue;
      out.push({
        record: r,
        field: "id",
        messageId: "duplicate",
        data: { id: ctx.riskId(r), firstRow: first.row + 1 },
      });
    }
    return out;
  },
};
