// risk/no-change-while-slipping: the last updates say "no change" while the risk's actions slip.

import { fieldText, idKey, type RiskRecord, rawValue, rawCell } from "../model/records";
import { datedLines, isoFromDay, type DayNumber } from "../parse";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

/** One update of a risk: when, and whether it said no change. */
interface Update {
  day: DayNumber;
  noChange: boolean;
}

const NO_CHANGE = /\bno (material )?change\b|\bunchanged\b/i;
/** The dated lines of an update cell that holds a history, each with whether it says no change. */
function updateLines(text: string): Update[] {
  return datedLines(text).map(({ day, line }) => ({ day, noChange: NO_CHANGE.test(line) }));
}

/** The risk's updates, oldest first: Update Log entries and the dated lines of its update cell. */
function updatesOf(ctx: RuleContext, risk: RiskRecord, key: string): Update[] {
  const fromLog = (ctx.history.entries.get(key) ?? [])
    .filter((e) => e.source === "update-log")
    .map((e) => ({ day: e.day, noChange: e.noChange || NO_CHANGE.test(e.text) }));
  // The cell's own value: its text has the line breaks folded away.
  const raw = rawValue(risk, "update");
  const lines = typeof raw === "string" ? updateLines(raw) : [];
  const all = [...fromLog, ...lines].filter((u) => u.day <= ctx.asAt);
  // On the same day, a "no change" and a real update: the real update wins (stable order otherwise).
  return all.sort((a, b) => a.day - b.day || Number(b.noChange) - Number(a.noChange));
}

export const rule: Rule = {
  meta: {
    id: "risk/no-change-while-slipping",
    kinds: ["risk-register", "update-log"],
    fields: [],
    defaultSeverity: "warning",
    description:
      "An open risk's last two or more updates say no change, while since the first of them one of its actions' due dates moved later or an open action's due date passed.",
    messages: {
      moved:
        "Risk {id} has said no change {count} times since {since}, but action {action}'s due date moved from {from} to {to}.",
      passed:
        "Risk {id} has said no change {count} times since {since}, but action {action} was due on {due} and is still open.",
    },
  },
  check(ctx) {
    return ctx.records.risks.flatMap((r): RuleReport[] => {
      if (!ctx.isOpenRisk(r)) return [];
      const key = idKey(rawValue(r, "id"));
      if (!key) return [];
      const updates = updatesOf(ctx, r, key);
      let run = 0;
      while (run < updates.length && updates[updates.length - 1 - run].noChange) run++;
      if (run < 2) return [];
      const since = updates[updates.length - run].day;
      const base = { id: ctx.riskId(r), count: run, since: isoFromDay(since) };
      const field = rawCell(r, "update") ? "update" : undefined;
      const moved = (ctx.history.dueMoves.get(key) ?? []).find(
        (m) => m.day >= since && m.from !== null && m.to !== null && m.to > m.from,
      );
      if (moved)
        return [
          {
            record: r,
            field,
            messageId: "moved",
            data: { ...base, action: moved.action, from: isoFromDay(moved.from!), to: isoFromDay(moved.to!) },
          },
        ];
      for (const a of ctx.actionsFor(r)) {
        if (!ctx.isOpenAction(a)) continue;
        const due = ctx.dateOf(a, "due", "deadline");
        if (due !== null && due >= since && due < ctx.asAt)
          return [
            {
              record: r,
              field,
              messageId: "passed",
              data: {
                ...base,
                action: fieldText(a, "actionId") || fieldText(a, "action"),
                due: isoFromDay(due),
              },
            },
          ];
      }
      return [];
    });
  },
};
