// risk/missing-strategy: every open risk must carry a strategy (treat, tolerate, transfer, terminate).

import { fieldText } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/missing-strategy",
    kinds: ["risk-register"],
    fields: ["strategy"],
    defaultSeverity: "error",
    description: "An open risk has no strategy (also per risk when the sheet has no strategy column).",
    messages: {
      blank:
        "Risk {id} has no strategy: record Treat, Tolerate, Transfer, Terminate or Take (for an opportunity).",
      noColumn: "Risk {id} has no strategy: the sheet has no strategy column.",
    },
  },
  check(ctx) {
    return ctx.records.risks
      .filter((r) => ctx.isOpenRisk(r) && !fieldText(r, "strategy"))
      .map((r) =>
        ctx.hasField(r.sheet, "strategy")
          ? { record: r, field: "strategy", messageId: "blank", data: { id: ctx.riskId(r) || "(no id)" } }
          : { record: r, messageId: "noColumn", data: { id: ctx.riskId(r) || "(no id)" } },
      );
  },
};
