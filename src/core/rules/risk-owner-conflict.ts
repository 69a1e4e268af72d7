// risk/owner-conflict: the same risk has different owners on different registers (same id; on registers
// that number their risks per sheet, same title too).

import { findOwnerConflicts } from "../join/owner-conflicts";
import { fieldText, rawValue } from "../model/records";
import type { RiskRecord } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/owner-conflict",
    kinds: ["risk-register"],
    fields: ["owner"],
    defaultSeverity: "warning",
    description:
      "The same risk has different owners on different registers (same id; same title too where registers number their risks per sheet).",
    messages: { conflict: 'Risk {id} is owned by "{owner}" here but by "{otherOwner}" on {otherSheet}.' },
  },
  check(ctx) {
    // Only risks whose id another risk shares can conflict: the join sees those alone. An archived row says
    // who owned the risk when it closed, not who owns it today (see RuleContext.isArchived).
    const sharing = ctx.records.risks.filter((r) => ctx.sameKeyRisks(r) !== null && !ctx.isArchived(r));
    const conflicts = findOwnerConflicts<RiskRecord>(sharing, {
      id: (r) => rawValue(r, "id"),
      key: (r) => ctx.riskKey(r),
      owner: (r) => fieldText(r, "owner"),
      register: (r) => r.sheet,
      sameRisk: (a, b) => ctx.sameRisk(a, b),
    });
    return conflicts.map(({ risk, other }) => ({
      record: risk,
      field: "owner",
      messageId: "conflict",
      data: {
        id: ctx.riskId(risk),
        owner: fieldText(risk, "owner"),
        otherOwner: fieldText(other, "owner"),
        otherSheet: other.sheet,
      },
    }));
  },
};
