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
    for (const r of ctx.records.risks) {
      const key = ctx.riskKey(r);
      if (!key) continue;
      const k = `${r.sheet}\u0000${key}`;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, r.row);
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
