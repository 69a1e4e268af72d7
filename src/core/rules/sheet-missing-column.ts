// sheet/missing-column: a register lacks a column a rule needs (reported once per sheet). A register whose
// update text carries dated lines does not lack a last-updated column.

import type { Rule, RuleReport } from "./types";

/** Columns whose absence is an error; rules on other optional fields are skipped silently. */
const REQUIRED: { field: string; label: string; header: string; forOpenRisks?: true }[] = [
  { field: "id", label: "risk id", header: "Risk ID" },
  { field: "owner", label: "owner", header: "Risk Owner", forOpenRisks: true },
  { field: "strategy", label: "strategy", header: "Strategy", forOpenRisks: true },
  { field: "lastUpdated", label: "last updated date", header: "Last Updated", forOpenRisks: true },
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
        'Sheet {sheet} has no {label} column: add one, or rename the header of the column that holds it to "{header}"; ' +
        "in the task pane you can instead map an existing column to it in the Check view (saved in the workbook's " +
        "settings, so the command line uses it too).",
    },
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const sheet of ctx.sheetsOfKind("risk-register")) {
      // A sheet of closed risks needs no column only open risks' rules read.
      const closed = ctx.sheetHolds(sheet) === "closed-risks";
      for (const { field, label, header, forOpenRisks } of REQUIRED)
        if (
          !(closed && forOpenRisks) &&
          !ctx.hasField(sheet, field) &&
          !(field === "lastUpdated" && ctx.hasDatedUpdates(sheet))
        )
          out.push({ sheet, messageId: "missing", data: { sheet, label, header } });
    }
    return out;
  },
};
