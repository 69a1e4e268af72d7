// risk/transfer-without-recipient: a transferred risk must say who it went to (where that column exists).

import { fieldText } from "../model/records";
import { namesAllocatedParty } from "../read/allocation-column";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/transfer-without-recipient",
    kinds: ["risk-register"],
    fields: ["strategy", "transferredTo"],
    defaultSeverity: "warning",
    description:
      "Strategy Transfer (also Treat/Transfer) and no Transferred To (only where that column exists).",
    messages: { blank: "Risk {id} is to be transferred but does not say to whom." },
  },
  check(ctx) {
    return ctx.records.risks
      .filter((r) => {
        if (!ctx.hasField(r.sheet, "transferredTo") || !ctx.isOpenRisk(r) || fieldText(r, "transferredTo"))
          return false;
        // An allocation column's "Contractor" or "Shared" names who bears the risk: its recipient.
        if (ctx.allocates(r.sheet) && namesAllocatedParty(fieldText(r, "strategy"))) return false;
        return ctx.namesTransfer(r);
      })
      .map((r) => ({
        record: r,
        field: "transferredTo",
        messageId: "blank",
        data: { id: ctx.riskId(r) || "(no id)" },
      }));
  },
};
