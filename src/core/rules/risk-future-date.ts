// risk/future-date: a last-updated date cannot be after the as-at date.

import { ukDate } from "../parse";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/future-date",
    kinds: ["risk-register"],
    fields: ["lastUpdated"],
    defaultSeverity: "warning",
    description: "A last-updated date is after the as-at date.",
    messages: { future: "Risk {id} says it was last updated {date}, after the as-at date {asAt}." },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      const d = ctx.dateOf(r, "lastUpdated", "lastUpdated");
      return d !== null && d > ctx.asAt
        ? {
            record: r,
            field: "lastUpdated",
            messageId: "future",
            data: { id: ctx.riskId(r) || "(no id)", date: ukDate(d), asAt: ukDate(ctx.asAt) },
          }
        : null;
    });
  },
};
