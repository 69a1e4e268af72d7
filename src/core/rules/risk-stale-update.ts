// risk/stale-update: every open risk needs an update within the review period, even "no change".

import { ukDate } from "../parse";
import type { RiskRecord } from "../model/records";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

/** The review period (a setting) in the messages' words: "every month" / "this month" for one month. */
function periodWords(months: number): { every: string; within: string } {
  return months === 1
    ? { every: "every month", within: "this month" }
    : { every: `every ${months} months`, within: "within the review period" };
}

/**
 * The cell a finding points at, the one the officer should fill: the risk's Last Updated; on a register with
 * none that dates its updates otherwise, its update cell (kept month by month, the as-at month's where the
 * register has one, else its newest month's: the update column as bound to the as-at date); else the id cell.
 */
function cellToFill(ctx: RuleContext, r: RiskRecord): { field?: string; col?: number } {
  if (ctx.hasField(r.sheet, "lastUpdated")) return { field: "lastUpdated" };
  if (!ctx.hasDatedUpdates(r.sheet) || !ctx.hasField(r.sheet, "update")) return {};
  return ctx.keptByMonth(r.sheet, "update")
    ? { field: "update", col: ctx.fieldColumnOf(r.sheet, "update") }
    : { field: "update" };
}

export const rule: Rule = {
  meta: {
    id: "risk/stale-update",
    kinds: ["risk-register", "actions", "update-log"],
    fields: ["lastUpdated"],
    defaultSeverity: "error",
    description:
      "An open risk has no update, or its latest update (own date, dated lines, its actions' updates, Update Log; the newest of every register holding it open) is older than the review period.",
    messages: {
      never: "Risk {id} has no recorded update: it needs one {every}, even if nothing changed.",
      // The risk's last-updated cell says when it was updated, in words no date can be read from ("29/02/23").
      neverReadable:
        'Risk {id} has last-updated date "{text}", which cannot be read as a date, and no other update: it needs one {every}, even if nothing changed.',
      stale: "Risk {id} was last updated {date}, before {cutoff}: it needs an update {within}.",
      staleUnreadable:
        'Risk {id} was last updated {date}, before {cutoff} (its last-updated date "{text}" cannot be read as a date): it needs an update {within}.',
    },
  },
  check(ctx) {
    const period = periodWords(ctx.settings.reviewPeriodMonths);
    const out: RuleReport[] = [];
    for (let k = 0; k < ctx.records.risks.length; k++) {
      const r = ctx.records.risks[k];
      if (!ctx.isOpenRisk(r)) continue;
      const latest = ctx.latestUpdate(r);
      if (latest !== null && latest >= ctx.reviewCutoff) continue;
      const id = ctx.riskId(r) || "(no id)";
      const text = unreadableLastUpdated(ctx, r);
      const place = { record: r, ...cellToFill(ctx, r) };
      if (latest === null)
        out.push(
          text === null
            ? { ...place, messageId: "never", data: { id, every: period.every } }
            : { ...place, messageId: "neverReadable", data: { id, text, every: period.every } },
        );
      else {
        const data = { id, date: ukDate(latest), cutoff: ukDate(ctx.reviewCutoff), within: period.within };
        out.push(
          text === null
            ? { ...place, messageId: "stale", data }
            : { ...place, messageId: "staleUnreadable", data: { ...data, text } },
        );
      }
    }
    return out;
  },
};

/**
 * The risk's last-updated cell's text when it was written as a date that cannot be read ("29/02/23": see
 * RuleContext.unreadableDate), so the finding says so rather than that nothing records an update; else null.
 */
function unreadableLastUpdated(ctx: RuleContext, r: RiskRecord): string | null {
  return ctx.hasField(r.sheet, "lastUpdated") ? ctx.unreadableDate(r, "lastUpdated", "lastUpdated") : null;
}
