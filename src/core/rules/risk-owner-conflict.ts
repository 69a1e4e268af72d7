// risk/owner-conflict: the same risk has different owners on different registers (same id; on registers
// that number their risks per sheet, same title too).

import { fieldText, idKey } from "../model/records";
import type { RiskRecord } from "../model/records";
import type { Rule, RuleReport } from "./types";

const fold = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

export const rule: Rule = {
  meta: {
    id: "risk/owner-conflict",
    kinds: ["risk-register"],
    fields: ["owner"],
    defaultSeverity: "warning",
    description: "The same id has different owners on different registers.",
    messages: { conflict: 'Risk {id} is owned by "{owner}" here but by "{otherOwner}" on {otherSheet}.' },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const seen = new Map<string, RiskRecord[]>();
    for (const r of ctx.records.risks) {
      const key = idKey(r.fields.id?.value ?? null);
      const owner = fieldText(r, "owner");
      if (!key || !owner) continue;
      let earlier = seen.get(key);
      if (!earlier) seen.set(key, (earlier = []));
      const first = earlier.find((e) => ctx.sameRisk(e, r));
      if (!first) {
        earlier.push(r);
        continue;
      }
      if (first.sheet === r.sheet) continue;
      if (fold(fieldText(first, "owner")) === fold(owner)) continue;
      out.push({
        record: r,
        field: "owner",
        messageId: "conflict",
        data: { id: ctx.riskId(r), owner, otherOwner: fieldText(first, "owner"), otherSheet: first.sheet },
      });
    }
    return out;
  },
};
