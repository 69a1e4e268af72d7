// plan/missing-date: every plan action needs a date that can be read.

import { excerpt } from "./excerpt";
import { parseDateCell } from "../parse";
import type { Rule } from "./types";
import { fieldText, rawText, rawCell, type PlanRecord } from "../model/records";
import type { RuleContext } from "./context";

export const rule: Rule = {
  meta: {
    id: "plan/missing-date",
    kinds: ["improvement-plan"],
    fields: ["date"],
    defaultSeverity: "error",
    description: "A plan action has no date, or one that cannot be read.",
    messages: {
      blank: "Plan action {id} has no date.",
      unreadable: 'Plan action {id} has date "{text}", which cannot be read as a date.',
    },
  },
  check(ctx) {
    return ctx.records.plan.flatMap((p) => {
      const c = rawCell(p, "date");
      // The cell's own text, placeholders included: "TBC" is reported as written, as a date that
      // cannot be read, which tells the officer more than "no date".
      const text = c?.text ?? "";
      if (!c || !text)
        return [{ record: p, field: "date", messageId: "blank", data: { id: planLabel(ctx, p) } }];
      return parseDateCell(c, "deadline").ok
        ? []
        : [{ record: p, field: "date", messageId: "unreadable", data: { id: planLabel(ctx, p), text } }];
    });
  },
};

/**
 * A short label for a plan action in messages: its action text's first words, quoted. An action with no
 * action text written (a recommendation whose agreed action is still to come) is named by its place and
 * aim: `2.1 under "Governance" (no action written)`.
 */
export function planLabel(ctx: RuleContext, p: PlanRecord): string {
  const t = rawText(p, "action");
  if (t) return `"${excerpt(t, 50)}"`;
  const id = ctx.planIds().get(p) ?? `on row ${p.row + 1}`;
  const aim = fieldText(p, "aim");
  return `${id}${aim ? ` under "${excerpt(aim, 50)}"` : ""} (no action written)`;
}
