// risk/future-date: a last-updated date cannot be after the as-at date. Where the register has no date
// column, the newest dated line of the update text is its lastUpdated date (SPEC "Dated lines").

import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/future-date",
    kinds: ["risk-register"],
    fields: ["lastUpdated"],
    defaultSeverity: "warning",
    description:
      "A last-updated date (or, with no date column, a dated line of the update text) is after the as-at date.",
    messages: {
      future: "Risk {id} says it was last updated {date}, after the as-at date {asAt}.",
      futureLine: "Risk {id}'s update has a line dated {date}, after the as-at date {asAt}.",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      const dateColumn = ctx.hasField(r.sheet, "lastUpdated");
      const d = dateColumn ? ctx.dateOf(r, "lastUpdated", "lastUpdated") : ctx.datedUpdate(r);
      if (d === null || d <= ctx.asAt) return null;
      const data = { id: ctx.riskId(r) || "(no id)", date: ukDate(d), asAt: ukDate(ctx.asAt) };
      return dateColumn
        ? { record: r, field: "lastUpdated", messageId: "future", data }
        : { record: r, field: "update", messageId: "futureLine", data };
    });
  },
};
