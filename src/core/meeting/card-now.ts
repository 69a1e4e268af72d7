// The meeting card once the meeting has changed its risk: the direction of travel, the history and the proposal
// worked out again from the risk's values now and the Update Log rows the meeting wrote for it, as the next
// check will read them (SPEC "Direction of travel … shown on … the meeting card"; "History of a risk … on the
// meeting card"). One risk's, when its card is shown: nothing is worked out again for the register.

import { entriesOfRisk, entriesWith, type AddedEntry } from "../history/history-log";
import { isNo, isYes, logScore } from "../history/log-cells";
import { monthOf } from "../history/month";
import { monthlyScores, trendOfScores, type PointsInput } from "../history/monthly-points";
import { riskHistory } from "../history/risk-history";
import { registerMonthScores } from "../history/update-cell-history";
import type { LogAppend } from "../model/edits";
import type { CellValue } from "../model/grid";
import type { Proposal, RiskHistory } from "../model/history";
import { idKey } from "../model/records";
import type { RiskFacts } from "../model/risk-summary";
import { dayFromIso, dayFromSerial, isoFromDay, type DayNumber } from "../parse";
import { cellText } from "../read/cell-text";
import type { CardIndex } from "./card";

/** What this meeting has done to a risk since the check: its card is worked out again from it. */
export interface RiskInMeeting {
  /** The risk's values as they are now in this meeting (as its record left them, or a co-author's kept). */
  facts: RiskFacts;
  /** The Update Log rows this meeting wrote for the risk (its records, an accepted proposal), in order. */
  logged: readonly LogAppend[];
  /** The Update Log tab they were written to. */
  logSheet: string;
}

/** The facts, history and proposal a card shows. */
export interface CardStory {
  facts: RiskFacts;
  history: RiskHistory;
  proposal: Proposal | null;
}

/** The months the card's history and the facts' `months` cover. */
const MONTHS = 12;

/**
 * The card's facts, history and proposal after the meeting changed the risk (`start`: its facts as the check
 * read them). The facts are the risk's values now with their direction of travel and this month's score
 * worked out again; the proposal is worked out again where the report can (a check's), else it is the check's.
 */
export function storyInMeeting(start: RiskFacts, now: RiskInMeeting, index: CardIndex): CardStory {
  const { report } = index;
  const asAt = dayFromIso(report.asAt);
  if (asAt === null) throw new Error(`storyInMeeting: report.asAt "${report.asAt}" is not an ISO date`);
  // A row naming no risk is one the next check cannot give the risk either.
  const added = idKey(start.id) ? now.logged.flatMap(loggedEntries) : [];
  const entries = entriesWith(
    entriesOfRisk(report.history, start.sheet, idKey(start.id)),
    added,
    now.logSheet,
  );
  const kept = registerMonthScores(start.record);
  const input: PointsInput = {
    entries,
    current: now.facts.score,
    firstSeen: firstSeenWith(start.firstSeen, added),
    asAt,
    ...(kept.length > 0 ? { keptScores: kept } : {}),
  };
  const facts = factsWithPoints(now.facts, input);
  return {
    facts,
    history: riskHistory(report, facts, MONTHS, entries),
    proposal: report.proposalWith
      ? report.proposalWith(start.record, input)
      : (index.proposalsByRow.get(`${start.sheet}\u0000${start.row}`) ?? null),
  };
}

/**
 * The facts with their direction of travel and monthly scores from `input`: the as-at month's score is the
 * score now, rated as the facts rate it (an earlier month keeps its RAG where its score is the one read).
 */
function factsWithPoints(facts: RiskFacts, input: PointsInput): RiskFacts {
  const from = monthOf(input.asAt) - MONTHS + 1;
  const points = monthlyScores(input, from);
  const months = new Array<number | null>(MONTHS).fill(null);
  for (const p of points) months[p.month - from] = p.score;
  const monthRags = months.map((score, i) =>
    i === MONTHS - 1 ? facts.rag : score === facts.months[i] ? (facts.monthRags[i] ?? null) : null,
  );
  return {
    ...facts,
    trend: trendOfScores(input, points),
    firstSeen: input.firstSeen === null ? null : isoFromDay(input.firstSeen),
    months,
    monthRags,
  };
}

/** The earlier of the day the risk was first seen and the first added row's (a row naming it dates it too). */
function firstSeenWith(firstSeen: string | null, added: readonly AddedEntry[]): DayNumber | null {
  let day = firstSeen === null ? null : dayFromIso(firstSeen);
  for (const e of added) if (day === null || e.day < day) day = e.day;
  return day;
}

/** The rows of an Update Log append as entries, read as the Update Log reader reads them; an undated row is not one. */
function loggedEntries(append: LogAppend): AddedEntry[] {
  const at = (name: string) => append.header.indexOf(name);
  const [dateAt, scoreAt, noChangeAt] = ["Date", "Score", "No change"].map(at);
  const [textAt, byAt, strategyAt, changesAt, registerAt] = [
    "Update",
    "By",
    "Strategy",
    "Changes",
    "Register",
  ].map(at);
  const out: AddedEntry[] = [];
  for (const row of append.rows) {
    const cell = (i: number): CellValue => (i < 0 ? null : (row[i] ?? null));
    const date = cell(dateAt);
    const day = typeof date === "number" ? dayFromSerial(date) : null;
    if (!day?.ok) continue;
    const flag = cell(noChangeAt);
    out.push({
      day: day.value,
      month: monthOf(day.value),
      fromImport: false,
      score: logScore(cell(scoreAt)),
      oldScore: null,
      noChange: isYes(flag),
      flaggedNo: !isYes(flag) && isNo(flag),
      texts: {
        text: cellText(cell(textAt)),
        by: cellText(cell(byAt)),
        strategy: cellText(cell(strategyAt)),
        changes: cellText(cell(changesAt)),
        register: cellText(cell(registerAt)),
      },
    });
  }
  return out;
}
