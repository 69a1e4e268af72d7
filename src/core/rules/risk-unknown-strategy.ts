// risk/unknown-strategy: the strategy must be one of the strategy words.

import { fieldText } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/unknown-strategy",
    kinds: ["risk-register"],
    fields: ["strategy"],
    defaultSeverity: "error",
    description:
      "The strategy is not one of the strategy words (Treat, Tolerate, Transfer, Terminate, Take).",
    messages: {
      unknown:
        'Risk {id} has strategy "{strategy}", which is not Treat, Tolerate, Transfer, Terminate or Take.',
    },
  },
  check(ctx) {
    return ctx.records.risks
      .filter((r) => {
        const text = fieldText(r, "strategy");
        return text !== "" && !ctx.strategyOf(r).ok;
      })
      .map((r) => ({
        record: r,
        field: "strategy",
        messageId: "unknown",
        data: { id: ctx.riskId(r) || "(no id)", strategy: fieldText(r, "strategy") },
      }));
  },
};
