// risk/future-date: a last-updated date cannot be after the as-at date: neither the date column's nor the
// newest dated line of the update text, which counts as a lastUpdated date with or without a date column
// (SPEC "Dated lines"). An Update Log row dated after the as-at date is not read as at that date; one dated
// after today as well is a date still to come (a year typed wrong, "30/09/2202"): it is reported at its cell.

import { ukDate } from "../parse";
import { datedAheadOfRisk } from "../history/history-log";
import type { RuleContext } from "./context";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/future-date",
    kinds: ["risk-register", "update-log"],
    fields: ["lastUpdated"],
    defaultSeverity: "warning",
    description:
      "A last-updated date, or a dated line of the update text, is after the as-at date; or an Update Log row is dated after today.",
    messages: {
      future: "Risk {id} says it was last updated {date}, after the as-at date {asAt}.",
      futureLine: "Risk {id}'s update has a line dated {date}, after the as-at date {asAt}.",
      futureLog:
        "Risk {id}'s update on row {row} of {sheet} is dated {date}, a date still to come: it is not counted as an update.",
    },
  },
  check(ctx) {
    const register = reportEach(ctx.records.risks, (r): RuleReport | null => {
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
    return ctx.history.datedAhead ? [...register, ...logRowsAhead(ctx)] : register;
  },
};

/**
 * A finding at the date cell of each Update Log row dated after the as-at date and today, about the first risk
 * (in register order) it names: once per row, however many registers hold the risk. A row dated the day the
 * risk's own last-updated cell says (a meeting held after the as-at date writes both) is that finding's: one
 * date still to come, said once, at the register's cell.
 */
function logRowsAhead(ctx: RuleContext): RuleReport[] {
  const out: RuleReport[] = [];
  const reported = new Set<string>();
  for (const r of ctx.records.risks) {
    const own = ctx.hasField(r.sheet, "lastUpdated") ? ctx.dateOf(r, "lastUpdated", "lastUpdated") : null;
    for (const ahead of datedAheadOfRisk(ctx.history, r.sheet, ctx.riskKey(r))) {
      const place = `${ahead.sheet}\u0000${ahead.row}`;
      if (reported.has(place) || ahead.day === own) continue;
      reported.add(place);
      out.push({
        record: r,
        at: { sheet: ahead.sheet, row: ahead.row, col: ahead.col },
        messageId: "futureLog",
        data: {
          id: ctx.riskId(r) || "(no id)",
          row: ahead.row + 1,
          sheet: ahead.sheet,
          date: ukDate(ahead.day),
        },
      });
    }
  }
  return out;
}
