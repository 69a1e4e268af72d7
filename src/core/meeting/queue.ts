// The meeting queue: open risks due for their update or with no strategy first (never updated, then oldest),
// then the rest.

import { sameRiskKey } from "../join/across-files";
import { rawValue } from "../model/records";
import type { Rag } from "../model/owned-tab";
import type { Report } from "../model/report";
import type { RiskFacts } from "../model/risk-summary";
import { dayFromIso, subtractMonths, type DayNumber } from "../parse";
import { foldCaseAndSpaces } from "../parse/spaces";

/** A score band to filter on: a RAG colour, or "none" for risks with no score or RAG. */
export type ScoreBand = Rag | "none";

export interface QueueOptions {
  /** ISO date of the meeting: the as-at date of the review-period rule (SPEC "Latest update"). */
  meetingDate: string;
  /** Review period in months (settings.reviewPeriodMonths; one by default). */
  reviewPeriodMonths?: number;
  /** Registers (sheet names) to review; empty or absent = all. */
  registers?: readonly string[];
  /** Annexes to review (compared case-insensitively); empty or absent = all. */
  annexes?: readonly string[];
  /** Owners to review (compared case-insensitively); empty or absent = all. */
  owners?: readonly string[];
  /** Score bands to review; empty or absent = all. */
  scoreBand?: readonly ScoreBand[];
}

export interface QueueItem {
  facts: RiskFacts;
  /** Stable key of the risk within this workbook: sheet and row. */
  key: string;
  /** True when the risk has no update within the review period as at the meeting date. */
  due: boolean;
  /**
   * The other registers the same risk stands on (the same id and title), left out of the queue: the risk is
   * brought to the meeting once, and its record stands for each (the Meeting Record names them all).
   */
  alsoOn?: string[];
}

/** True when the risk has no strategy (SPEC rule risk/missing-strategy): the board settles one at the meeting. */
export function hasNoStrategy(facts: Pick<RiskFacts, "strategy">): boolean {
  return facts.strategy === "";
}

/**
 * How early a risk comes up (lower first): due for its update with no strategy, then due, then no strategy
 * though updated, then the rest (the mission: "risks with no strategy or no update this month first").
 */
function urgency(due: boolean, noStrategy: boolean): number {
  if (due) return noStrategy ? 0 : 1;
  return noStrategy ? 2 : 3;
}

/** The key a risk is known by during a meeting (sheet name and 1-based row). */
export function riskKey(facts: Pick<RiskFacts, "sheet" | "row">): string {
  return `${facts.sheet}\u0000${facts.row}`;
}

const fold = foldCaseAndSpaces;

function matcher(values: readonly string[] | undefined): ((s: string) => boolean) | null {
  if (!values || values.length === 0) return null;
  const set = new Set(values.map(fold));
  return (s) => set.has(fold(s));
}

/** The first day an update still counts at a meeting on `meetingDate`. */
export function meetingCutoff(meetingDate: string, reviewPeriodMonths = 1): DayNumber {
  const day = dayFromIso(meetingDate);
  if (day === null) throw new RangeError(`meetingCutoff: "${meetingDate}" is not an ISO date`);
  return subtractMonths(day, reviewPeriodMonths);
}

/**
 * The open risks to review, in meeting order: due for their update and with no strategy first, then the
 * others due, then those with no strategy, then the rest (see urgency); within each, never updated first,
 * then oldest update first, ties in register order. Closed risks are left out; filters narrow the list.
 */
export function buildQueue(report: Pick<Report, "risks">, options: QueueOptions): QueueItem[] {
  const cutoff = meetingCutoff(options.meetingDate, options.reviewPeriodMonths ?? 1);
  const inRegister = matcher(options.registers);
  const inAnnex = matcher(options.annexes);
  const ofOwner = matcher(options.owners);
  const bands = options.scoreBand && options.scoreBand.length ? new Set(options.scoreBand) : null;

  const picked: { item: QueueItem; rank: number; last: number; order: number }[] = [];
  report.risks.forEach((facts, order) => {
    if (!facts.open) return;
    if (inRegister && !inRegister(facts.sheet)) return;
    if (inAnnex && !inAnnex(facts.annex)) return;
    if (ofOwner && !ofOwner(facts.owner)) return;
    if (bands && !bands.has(facts.rag ?? "none")) return;
    const latest = facts.latestUpdate === null ? null : dayFromIso(facts.latestUpdate);
    const due = latest === null || latest < cutoff;
    const rank = urgency(due, hasNoStrategy(facts));
    picked.push({ item: { facts, key: riskKey(facts), due }, rank, last: latest ?? -Infinity, order });
  });
  picked.sort((a, b) => a.rank - b.rank || a.last - b.last || a.order - b.order);
  // A risk on several registers (the same id and title) is brought to the meeting once, at its first place
  // in the queue (SPEC "Owned tabs": counted once and shown once); its update, logged by id, serves them all.
  // The item kept names the other registers (alsoOn).
  const keptAs = new Map<string, QueueItem>();
  const items: QueueItem[] = [];
  for (const { item } of picked) {
    const same = sameRiskKey({ id: rawValue(item.facts.record, "id"), title: item.facts.title });
    const kept = same ? keptAs.get(same) : undefined;
    if (kept !== undefined && kept.facts.sheet !== item.facts.sheet) {
      const alsoOn = (kept.alsoOn ??= []);
      if (!alsoOn.includes(item.facts.sheet)) alsoOn.push(item.facts.sheet);
      continue;
    }
    if (same && kept === undefined) keptAs.set(same, item);
    items.push(item);
  }
  return items;
}

/** Distinct non-blank values of a fact across open risks, sorted, for the filter pickers. */
export function distinctValues(report: Pick<Report, "risks">, pick: (f: RiskFacts) => string): string[] {
  const seen = new Map<string, string>();
  for (const f of report.risks) {
    if (!f.open) continue;
    const v = pick(f).trim();
    if (v && !seen.has(fold(v))) seen.set(fold(v), v);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "en-GB"));
}
