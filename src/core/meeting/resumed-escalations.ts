// The escalations a meeting started with, when it is resumed after the task pane was reopened: the workbook
// was read again after this meeting's earlier records, so its routes already hold what those records did.

import type { DestinationId, Escalation } from "../model/report";
import type { Settings } from "../model/settings";
import { parseStrategy, strategiesNamed } from "../parse";
import {
  isFinancialReason,
  scoreToCorporate,
  scoreToDirectorate,
  scoreToStrategicBoard,
} from "../escalate/route-escalations";
import type { FieldChange } from "./record";

/** What the meeting's earlier records of one risk changed, in the order they were made. */
export interface EarlierChanges {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  changes: readonly FieldChange[];
}

/** A logged value as the record wrote it ("(blank)" for none): the number, or null. */
function loggedNumber(text: string): number | null {
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : null;
}

function namesTransfer(text: string, words: Settings["strategyWords"]): boolean {
  const s = parseStrategy(text, words);
  return (s.ok && s.value === "transfer") || strategiesNamed(text, words).includes("transfer");
}

/**
 * Judgement: the meeting can move a risk's routes only through its score (likelihood × impact) and its
 * strategy; a financial impact or an Escalate? cell it never writes. So the routes at the start are the
 * routes now, except that a risk whose score or strategy an earlier record changed keeps a score or
 * strategy route only when the value before the meeting's first change of it (the first logged change's
 * "from", which the Update Log's Changes cell keeps) routes it there too. A strategic board route given by
 * the financial impact (its reason says so) stands either way. A risk the meeting took off a route is not
 * added back: a route it had at the start and has no longer is never a new escalation.
 */
export function escalationsAtMeetingStart(
  now: readonly Escalation[],
  earlier: readonly EarlierChanges[],
  settings: Pick<Settings, "escalation" | "strategyWords">,
): Escalation[] {
  const t = settings.escalation;
  const byRow = new Map(earlier.map((e) => [`${e.sheet}\u0000${e.row}`, e.changes]));
  const out: Escalation[] = [];
  for (const e of now) {
    const changes = byRow.get(`${e.sheet}\u0000${e.row}`);
    const score = changes?.find((c) => c.field === "score");
    const strategy = changes?.find((c) => c.field === "strategy");
    if (!score && !strategy) {
      out.push(e);
      continue;
    }
    const was = score ? loggedNumber(score.from) : null;
    const keeps = (d: DestinationId, reason: string): boolean => {
      if (d === "transfer") return !strategy || namesTransfer(strategy.from, settings.strategyWords);
      if (!score) return true;
      if (d === "corporate-register") return scoreToCorporate(was, t);
      if (d === "directorate-register") return scoreToDirectorate(was, t);
      if (d === "strategic-board") return isFinancialReason(reason) || scoreToStrategicBoard(was, t);
      return true;
    };
    const kept = e.destinations.map((d, i) => keeps(d, e.reasons[i] ?? ""));
    if (!kept.includes(true)) continue;
    out.push({
      ...e,
      destinations: e.destinations.filter((_, i) => kept[i]),
      reasons: e.reasons.filter((_, i) => kept[i]),
    });
  }
  return out;
}
