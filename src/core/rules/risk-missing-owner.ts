// risk/missing-owner: every open risk needs an owner.

import { fieldText } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/missing-owner",
    kinds: ["risk-register"],
    fields: ["owner"],
    defaultSeverity: "error",
    description: "An open risk has no owner.",
    messages: { blank: "Risk {id} has no owner." },
  },
  check(ctx) {
    return (
      ctx.records.risks
        // A joint register's risk owned on the contractor's side alone ("Risk owner (Contractor)" filled,
        // the council's blank: a risk allocated to the contractor) has an owner.
        .filter(
          (r) =>
            ctx.hasField(r.sheet, "owner") &&
            ctx.isOpenRisk(r) &&
            !fieldText(r, "owner") &&
            !fieldText(r, "contractorOwner"),
        )
        .map((r) => ({
          record: r,
          field: "owner",
          messageId: "blank",
          data: { id: ctx.riskId(r) || "(no id)" },
        }))
    );
  },
};
