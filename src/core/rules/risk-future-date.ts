// risk/future-date: a last-updated date cannot be after the as-at date: neither the date column's nor the
// newest dated line of the update text, which counts as a lastUpdated date with or without a date column
// (SPEC "Dated lines").

import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/future-date",
    kinds: ["risk-register"],
    fields: ["lastUpdated"],
    defaultSeverity: "warning",
    description: "A last-updated date, or a dated line of the update text, is after the as-at date.",
    messages: {
      future: "Risk {id} says it was last updated {date}, after the as-at date {asAt}.",
      futureLine: "Risk {id}'s update has a line dated {date}, after the as-at date {asAt}.",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      // The date column's own date first; then the update text's newest dated line, which counts as an
      // update date beside the column too (and, in the future, would pass for this month's update).
      const column = ctx.hasField(r.sheet, "lastUpdated")
        ? ctx.dateOf(r, "lastUpdated", "lastUpdated")
        : null;
      const inColumn = column !== null && column > ctx.asAt;
      const d = inColumn ? column : ctx.datedUpdate(r);
      if (d === null || d <= ctx.asAt) return null;
      const data = { id: ctx.riskId(r) || "(no id)", date: ukDate(d), asAt: ukDate(ctx.asAt) };
      return inColumn
        ? { record: r, field: "lastUpdated", messageId: "future", data }
        : { record: r, field: "update", messageId: "futureLine", data };
    });
  },
};
