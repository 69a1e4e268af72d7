// plan/misaligned-row: a row whose cells sit left of their headers was read realigned.

import { columnLetter } from "../address/a1";
import { planLabel } from "./plan-missing-date";
import type { Rule } from "./types";
import { fieldColumn } from "../model/records";

export const rule: Rule = {
  meta: {
    id: "plan/misaligned-row",
    kinds: ["improvement-plan"],
    fields: [],
    defaultSeverity: "warning",
    description: "A row was read realigned: its cells sit under the wrong headers.",
    messages: {
      shifted:
        "Plan action {id} on row {row} is shifted: its date sits under {dateHeader}. It was read realigned; move the cells under their headers.",
    },
  },
  check(ctx) {
    return ctx.records.plan
      .filter((p) => p.realigned)
      .map((p) => ({
        record: p,
        field: "action",
        messageId: "shifted",
        data: {
          id: planLabel(ctx, p),
          row: p.row + 1,
          dateHeader: `column ${columnLetter(fieldColumn(p, "date") ?? 0)}`,
        },
      }));
  },
};
