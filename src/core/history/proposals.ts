// Proposals for the boards: escalate or de-escalate, each with its reason in plain words, never applied
// by themselves (SPEC "History, appetite and proposals").

import type { Proposal, ProposalThresholds, RiskAppetite } from "../model/history";
import type { DestinationId } from "../model/report";
import { ukDate, type DayNumber } from "../parse/day";
import { appetiteWords } from "./appetite";
import type { EscalationState } from "./escalated";
import type { MonthScore } from "./monthly-points";

/** Destinations an escalation may propose, highest first. */
const ESCALATE_ORDER: DestinationId[] = [
  "strategic-board",
  "operations-board",
  "corporate-register",
  "directorate-register",
];

/** What one risk's proposal is worked out from. */
export interface ProposalInput {
  recordId: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  open: boolean;
  /** Monthly scores ending at the as-at month (the current score), oldest first; months before the risk was seen left out. */
  points: readonly MonthScore[];
  appetite: RiskAppetite;
  targetScore: number | null;
  escalation: EscalationState;
  /** Where routing sends the risk now. */
  routedTo: readonly DestinationId[];
  thresholds: ProposalThresholds;
  /**
   * Monthly scores over a longer span (up to the last twelve months, from the first the log records)
   * ending as `points` does: asked only when a run of months fills `points`, so the reason says how long
   * it has really lasted.
   */
  longer?: () => readonly MonthScore[];
  /**
   * When no log records a score for the risk, what its monthly points rest on instead (its current score
   * since it was first seen: SPEC "Monthly points"); null when a log records one. Asked only when a reason
   * would count months, so the reason says what they rest on rather than a count the log never recorded.
   */
  unlogged?: () => UnloggedScore | null;
}

/** A risk no log records a score for: the day its current score is taken to stand from, and why that day. */
export interface UnloggedScore {
  /** The day it was first seen, or null when nothing dates it. */
  since: DayNumber | null;
  /** True when that day is its Date Raised (else a log row or backup named it first). */
  raised: boolean;
}

/** A proposal for the input's risk (made only for the risks that get one; one shape for all). */
function proposal(
  input: ProposalInput,
  action: Proposal["action"],
  destination: string,
  reason: string,
): Proposal {
  return { recordId: input.recordId, sheet: input.sheet, row: input.row, action, destination, reason };
}

const months = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;

/** How many of the last points, counting back from the as-at month, are above `max` (or, `atOrBelow`, not). */
function runLength(points: readonly MonthScore[], max: number, atOrBelow: boolean): number {
  let n = 0;
  for (let i = points.length - 1; i >= 0; i--) {
    const s = points[i].score;
    if (s === null || s <= max !== atOrBelow) break;
    n++;
  }
  return n;
}

/**
 * How many months a run found in the points has lasted: when it fills them, counted again over the longer
 * span, which starts at the first month the log records a score for (README: the reason counts "back to
 * the first month the log records a score for"). Points before that month carry its score back, as the
 * monthly points do, but record nothing; the count is still never fewer than the `needed` months the
 * trigger took.
 */
function lasted(input: ProposalInput, run: number, max: number, atOrBelow: boolean, needed: number): number {
  if (run < input.points.length || !input.longer) return run;
  return Math.max(needed, runLength(input.longer(), max, atOrBelow));
}

/**
 * How long a run has lasted, in a reason's words: "for 3 months" (see lasted); for a risk no log records a
 * score for, what its months rest on instead: "; no score logged since raised on 14/03/2021".
 */
function lastedWords(
  input: ProposalInput,
  run: number,
  max: number,
  atOrBelow: boolean,
  needed: number,
): string {
  const unlogged = input.unlogged?.() ?? null;
  if (unlogged === null) return ` for ${months(lasted(input, run, max, atOrBelow, needed))}`;
  if (unlogged.since === null) return "; no score logged";
  return `; no score logged since ${unlogged.raised ? "raised" : "first seen"} on ${ukDate(unlogged.since)}`;
}

/**
 * The proposal for one risk, or null. Escalate a risk not yet escalated whose score was above its
 * appetite at each of the last `escalateMonthsAbove` monthly points, or rose by `escalateRise` or more
 * since the previous one; de-escalate an escalated risk at or below its appetite, or its target score,
 * at each of the last `deEscalateMonths` points. Closed risks, and risks whose history lacks the
 * points a trigger needs, get none.
 */
export function proposalFor(input: ProposalInput): Proposal | null {
  const { points, appetite, thresholds: t } = input;
  if (!input.open || points.length === 0) return null;
  const current = points[points.length - 1].score;
  if (current === null) return null;

  if (!input.escalation.escalated) {
    const escalateTo = () => ESCALATE_ORDER.find((d) => input.routedTo.includes(d)) ?? "directorate-register";
    const above = runLength(points, appetite.max, false);
    if (points.length >= t.escalateMonthsAbove && above >= t.escalateMonthsAbove)
      return proposal(
        input,
        "escalate",
        escalateTo(),
        `score ${current} above appetite (${appetiteWords(appetite)})${lastedWords(input, above, appetite.max, false, t.escalateMonthsAbove)}`,
      );
    const previous = points.length >= 2 ? points[points.length - 2].score : null;
    if (previous !== null && current - previous >= t.escalateRise)
      return proposal(
        input,
        "escalate",
        escalateTo(),
        `score rose by ${current - previous} in a month (${previous} → ${current})`,
      );
    return null;
  }

  if (points.length < t.deEscalateMonths) return null;
  const withinAppetite = runLength(points, appetite.max, true);
  const destination = input.escalation.destination ?? "corporate-register";
  if (withinAppetite >= t.deEscalateMonths)
    return proposal(
      input,
      "de-escalate",
      destination,
      `score ${current} at or below appetite (${appetiteWords(appetite)})${lastedWords(input, withinAppetite, appetite.max, true, t.deEscalateMonths)}`,
    );
  const target = input.targetScore;
  if (target !== null) {
    const withinTarget = runLength(points, target, true);
    if (withinTarget >= t.deEscalateMonths)
      return proposal(
        input,
        "de-escalate",
        destination,
        `score ${current} at or below its target score ${target}${lastedWords(input, withinTarget, target, true, t.deEscalateMonths)}`,
      );
  }
  return null;
}
