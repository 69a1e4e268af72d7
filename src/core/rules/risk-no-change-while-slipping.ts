// risk/no-change-while-slipping: the last updates say "no change" while the risk's actions slip.

import { fieldText, idKey, type ActionRecord, type RiskRecord, rawValue } from "../model/records";
import { datedLines, ukDate, type DayNumber } from "../parse";
import { foldCaseAndSpaces } from "../parse/spaces";
import {
  carriedFromRegisterAt,
  dueMovesOfRisk,
  flaggedNoAt,
  isImportAt,
  noChangeAt,
  textAt,
} from "../history/history-log";
import { saysNoChange } from "../history/log-cells";
import { registerUpdates } from "../history/update-cell-history";
import { pointsInputOf } from "../history/risk-points";
import type { DueMove } from "../model/history";
import { ownActionName } from "../model/own-action";
import { reportEach } from "./report-each";
import type { RuleContext } from "./context";
import type { Rule, RuleReport } from "./types";

/** The run of "no change" updates a risk's updates end with: how many, and the day of the first. */
interface NoChangeRun {
  count: number;
  since: DayNumber;
}

/**
 * How many of the risk's last updates (Update Log entries and the dated lines of its update cell, or its
 * monthly update columns, up to the as-at day: registerUpdates) said no change in a row. On one day, a real update wins over a "no change". A dated line
 * is the update cell's copy of an update the log may hold too: on one day the logged entries and the dated
 * lines are the same updates, so the day counts as many as the more of the two (one "no change" logged and
 * written as a dated line is one update; a second dated line that day with one entry logged is a second).
 * Walks back from the newest, so only the updates in the run (and the day that ends it) are read for their words.
 */
function noChangeRun(ctx: RuleContext, risk: RiskRecord): NoChangeRun {
  const { log, at } = pointsInputOf(ctx, risk).entries;
  // The cell's own value: its text has the line breaks folded away.
  const raw = rawValue(risk, "update");
  // Without log entries only the cell's dated lines can say no change, and none does if the cell never says it.
  if (at.length === 0 && (typeof raw !== "string" || !saysNoChange(raw))) return { count: 0, since: 0 };
  const lines = registerUpdates(risk, ctx.asAt).filter((l) => l.day <= ctx.asAt);
  lines.sort((a, b) => a.day - b.day);
  // The log's no-change flag decides where it is given (Yes or No); its words only where it is blank or
  // absent, or on the register's own update carried into the log (flagged No by versions before stop 27).
  const logSays = (i: number) => {
    if (noChangeAt(log, i)) return true;
    if (!flaggedNoAt(log, i)) return saysNoChange(textAt(log, i));
    // A carried row of dated lines has them folded onto one line in the log: only plain words are read (who
    // wrote the row first, from its raw cell: the words are read only for a carried row).
    if (!carriedFromRegisterAt(log, i)) return false;
    const text = textAt(log, i);
    return saysNoChange(text) && datedLines(text, ctx.asAt).length === 0;
  };
  const isUpdate = (i: number) => !isImportAt(log, i) && log.day[i] <= ctx.asAt;
  let k = at.length - 1;
  let j = lines.length - 1;
  const run: NoChangeRun = { count: 0, since: 0 };
  for (;;) {
    while (k >= 0 && !isUpdate(at[k])) k--;
    const day = Math.max(k >= 0 ? log.day[at[k]] : -Infinity, j >= 0 ? lines[j].day : -Infinity);
    if (day === -Infinity) return run;
    let logged = 0;
    let written = 0;
    let real = false;
    for (; k >= 0 && (!isUpdate(at[k]) || log.day[at[k]] === day); k--)
      if (isUpdate(at[k])) {
        logged++;
        real ||= !logSays(at[k]);
      }
    for (; j >= 0 && lines[j].day === day; j--) {
      written++;
      real ||= !saysNoChange(lines[j].line);
    }
    if (real) return run;
    run.count += Math.max(logged, written);
    run.since = day;
  }
}

/** A due date moved later. */
const movedLater = (m: DueMove) => m.from !== null && m.to !== null && m.to > m.from;

/**
 * The risk's first open action whose due date is on or after `since` and before the as-at day: on an
 * actions sheet (named by its id, else its words), else one of its own actions on the register (SPEC: the
 * action rules apply to them).
 */
function actionPassedSince(ctx: RuleContext, risk: RiskRecord, since: DayNumber) {
  const passed = (due: DayNumber | null): due is DayNumber => due !== null && due >= since && due < ctx.asAt;
  for (const a of ctx.actionsFor(risk)) {
    if (!ctx.isOpenAction(a)) continue;
    const due = ctx.dateOf(a, "due", "deadline");
    if (passed(due)) return { action: fieldText(a, "actionId") || fieldText(a, "action"), due };
  }
  for (const own of ctx.ownActions(risk))
    if (own.open && passed(own.due)) return { action: ownActionName(own), due: own.due };
  return null;
}

/**
 * True when one of the risk's actions has slipped at all: a due date moved later, or an open action's
 * due date passed. Most risks have none, and need no walk through their updates.
 */
function anySlip(ctx: RuleContext, risk: RiskRecord): boolean {
  return dueMovesOf(ctx, risk).some(movedLater) || actionPassedSince(ctx, risk, -Infinity) !== null;
}

/**
 * The due dates of the risk's actions the logs say were moved (a register's own, where it numbers its risks):
 * those logged for the risk, and those logged for another risk of an actions row naming both (SPEC "One
 * action, several risks": the row belongs to each of them). The Update Log names the one risk whose card
 * moved the date, and that row is that risk's update alone; the move is every named risk's, read here.
 */
function dueMovesOf(ctx: RuleContext, risk: RiskRecord): readonly DueMove[] {
  const own = dueMovesOfRisk(ctx.history, risk.sheet, ctx.riskKey(risk));
  let all: DueMove[] | null = null;
  for (const a of ctx.actionsFor(risk)) {
    const named = ctx.risksFor(a);
    if (named.length < 2) continue;
    for (const other of named) {
      if (other === risk || ctx.riskKey(other) === ctx.riskKey(risk)) continue;
      for (const m of dueMovesOfRisk(ctx.history, other.sheet, ctx.riskKey(other)))
        if (namesAction(m.action, a)) (all ??= [...own]).push(m);
    }
  }
  return all ?? own;
}

/**
 * True when a log's name for an action is this actions row: its id (compared as ids are), else the start of
 * its words (the meeting names an action without an id by its first words).
 */
function namesAction(logged: string, a: ActionRecord): boolean {
  const key = idKey(logged);
  if (!key) return false;
  const id = fieldText(a, "actionId");
  // Words are compared as words: an id's form (see idKey) is for ids.
  return id
    ? key === idKey(id)
    : foldCaseAndSpaces(fieldText(a, "action")).startsWith(foldCaseAndSpaces(logged));
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
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      if (!ctx.riskKey(r) || !anySlip(ctx, r)) return null;
      const { count, since } = noChangeRun(ctx, r);
      if (count < 2) return null;
      const base = { id: ctx.riskId(r), count, since: ukDate(since) };
      // The update cell, blank or not, wherever the register has the column (SPEC); else the risk's id.
      const field = ctx.hasField(r.sheet, "update") ? "update" : undefined;
      const moved = dueMovesOf(ctx, r).find((m) => m.day >= since && movedLater(m));
      if (moved)
        return {
          record: r,
          field,
          messageId: "moved",
          data: { ...base, action: moved.action, from: ukDate(moved.from!), to: ukDate(moved.to!) },
        };
      const passed = actionPassedSince(ctx, r, since);
      if (passed)
        return {
          record: r,
          field,
          messageId: "passed",
          data: { ...base, action: passed.action, due: ukDate(passed.due) },
        };
      return null;
    });
  },
};
