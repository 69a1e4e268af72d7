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
    // First row of each id, by sheet (a map per sheet: no key string made per risk).
    const seenOn = new Map<string, Map<string, number>>();
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      const key = ctx.riskKey(r);
      if (!key) continue;
      let seen = seenOn.get(r.sheet);
      if (!seen) seenOn.set(r.sheet, (seen = new Map()));
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r.row);
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
