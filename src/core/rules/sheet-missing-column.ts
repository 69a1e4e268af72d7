// sheet/missing-column: a register lacks a column a rule needs (reported once per sheet). A register whose
// update text carries dated lines does not lack a last-updated column.

import type { Rule, RuleReport } from "./types";

/** Columns whose absence is an error; rules on other optional fields are skipped silently. */
const REQUIRED: { field: string; label: string }[] = [
  { field: "id", label: "risk id" },
  { field: "owner", label: "owner" },
  { field: "strategy", label: "strategy" },
  { field: "lastUpdated", label: "last updated date" },
];

export const rule: Rule = {
  meta: {
    id: "sheet/missing-column",
    kinds: ["risk-register"],
    fields: [],
    defaultSeverity: "error",
    description: "A register lacks a column a rule needs: id, owner, strategy or last updated.",
    messages: {
      missing:
        "Sheet {sheet} has no {label} column: add one, or map an existing column to it in the Check view.",
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const sheet of ctx.sheetsOfKind("risk-register"))
      for (const { field, label } of REQUIRED)
        if (!ctx.hasField(sheet, field) && !(field === "lastUpdated" && ctx.hasDatedUpdates(sheet)))
          out.push({ sheet, messageId: "missing", data: { sheet, label } });
    return out;
  },
};
