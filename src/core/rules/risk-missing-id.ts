// risk/missing-id: a data row with text must have an id.

import { excerpt } from "./excerpt";
import { fieldText } from "../model/records";
import type { Rule } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/missing-id",
    kinds: ["risk-register"],
    fields: ["id"],
    defaultSeverity: "error",
    description: "A data row has text but no id.",
    messages: { blank: 'Row {row} has no risk id: "{text}".' },
  },
  check(ctx) {
    return ctx.records.risks
      .filter((r) => ctx.hasField(r.sheet, "id") && !fieldText(r, "id"))
      .map((r) => ({
        record: r,
        field: "id",
        messageId: "blank",
        data: { row: r.row + 1, text: excerpt(fieldText(r, "title") || fieldText(r, "description"), 60) },
      }));
  },
};
