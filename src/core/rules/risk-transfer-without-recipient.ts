// risk/transfer-without-recipient: a transferred risk must say who it went to (where that column exists).

import { fieldText } from "../model/records";
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
