// risk/no-action: an open risk must have at least one action (actions text, its own action on the
// register, or a row in an actions sheet).

import { fieldText } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/no-action",
    kinds: ["risk-register", "actions"],
    fields: [],
    defaultSeverity: "error",
    description:
      "An open risk has no action: no actions text, no action of its own on the register and no row in an actions sheet.",
    messages: { none: "Risk {id} has no actions recorded, here or in an actions sheet." },
  },
  check(ctx) {
    return ctx.records.risks
      .filter(
        (r) =>
          ctx.isOpenRisk(r) &&
          !fieldText(r, "actions") &&
          ctx.ownActions(r).length === 0 &&
          ctx.actionsFor(r).length === 0,
      )
      .map((r) => ({
        record: r,
        field: ctx.hasField(r.sheet, "actions") ? "actions" : undefined,
        messageId: "none",
        data: { id: ctx.riskId(r) || "(no id)" },
      }));
  },
};
