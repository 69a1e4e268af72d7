// risk/duplicate-id: two rows of one register share an id (each later row is flagged).

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
    const seen = new Map<string, number>();
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      const key = ctx.riskKey(r);
      if (!key) continue;
      const onSheet = `${r.sheet}\u0000${key}`;
      const first = seen.get(onSheet);
      if (first === undefined) seen.set(onSheet, r.row);
      else
        out.push({
          record: r,
          field: "id",
          messageId: "duplicate",
          data: { id: ctx.riskId(r), firstRow: first + 1 },
        });
    }
    return out;
  },
};
