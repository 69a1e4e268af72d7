// The meeting card once the chair has recorded a change: its direction of travel, history and proposal are
// worked out again from the values recorded and the Update Log rows written, and say what the next check of
// the workbook will say (SPEC "Direction of travel … shown on … the meeting card"; "History of a risk … on
// the meeting card"; "Proposals … only where the history has the monthly points the trigger needs").

import { buildCardIndex, cardFor, type RiskCard } from "../../../src/core/meeting/card";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  ownRatingScalesOf,
  recordToEdits,
  type RecordChoice,
} from "../../../src/core/meeting/record";
import { acceptedProposalLog } from "../../../src/core/meeting/accept-proposal";
import type { LogAppend } from "../../../src/core/model/edits";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings } from "../../../src/core/model/settings";
import type { CellValue, Grid } from "../../../src/core/model/grid";
import { register, risk, UPDATE_LOG_HEADERS, type SheetSpec } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const MEETING = "2022-10-10";
const settings = defaultSettings();

/** The start's card of HRC-001 and the card after recording `choice` (and any rows logged after it). */
function recorded(grids: Grid[], report: Report, choice: RecordChoice) {
  const facts = report.risks.find((f) => f.id === "HRC-001")!;
  const plan = recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings,
    lastLoggedText: lastLoggedTexts(report)(facts),
    ownRatingScale: ownRatingScalesOf(report),
  });
  const index = buildCardIndex(report, settings);
  const now = { ...facts, ...plan.after };
  const card = (logged: LogAppend[]) => cardFor(facts, index, { facts: now, logged, logSheet: "Update Log" });
  return { start: cardFor(facts, index), plan, now, card, after: check(applyPlan(grids, plan), MEETING) };
}

/** What a card says of the risk's story: direction, each month's score and words, and the proposal. */
function story(card: RiskCard) {
  return {
    score: card.facts.score,
    trend: card.facts.trend,
    firstSeen: card.facts.firstSeen,
    months: card.facts.months,
    history: card.history.points.map((p) => [p.month, p.score, p.entries.map((e) => e.text)]),
    proposal: card.proposal && [card.proposal.action, card.proposal.destination, card.proposal.reason],
  };
}

/** HRC-001's card as the next check of the workbook gives it. */
function nextCheckCard(after: Report): RiskCard {
  return cardFor(
    after.risks.find((f) => f.id === "HRC-001")!,
    buildCardIndex(after, settings),
  );
}

/** The officers' own log (the meeting writes to its own Update Log tab beside it). */
const officersLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Officers log",
  rows: [UPDATE_LOG_HEADERS, ...rows],
});

const steady = (score: number): CellValue[][] => [
  ["14/07/2022", "HRC-001", "Jane Smith", "July", "No", score, "Treat"],
  ["15/08/2022", "HRC-001", "Jane Smith", "August", "No", score, "Treat"],
  ["12/09/2022", "HRC-001", "Jane Smith", "September", "No", score, "Treat"],
];

const sheets = (l: number, i: number, extra: Partial<Parameters<typeof risk>[0]> = {}): SheetSpec[] => [
  register(
    risk({
      id: "HRC-001",
      likelihood: l,
      impact: i,
      score: l * i,
      lastReview: "12/09/2022",
      update: "September",
      ...extra,
    }),
  ),
  officersLog(...steady(l * i)),
];

describe("the meeting card after a record", () => {
  it("a score raised from 9 to 16 goes up, shows this month's update at 16 and proposes what the next check does", () => {
    const { grids, report } = reportOfSheets(sheets(3, 3));
    const r = recorded(grids, report, { text: "Claims doubled", noChange: false, likelihood: 4, impact: 4 });
    const card = r.card([r.plan.log]);
    expect(story(r.start).trend).toBe("same");
    expect(story(card)).toEqual(story(nextCheckCard(r.after)));
    expect(card.facts.trend).toBe("up");
    expect(card.history.points.at(-1)).toMatchObject({ month: "2022-10", score: 16, rag: "red" });
    expect(card.proposal?.reason).toBe("score rose by 7 in a month (9 → 16)");
    expect(card.proposal?.destination).toBe("corporate-register");
  });

  it("a score lowered from 16 to 4 no longer proposes escalation because the score is 16", () => {
    const { grids, report } = reportOfSheets(sheets(4, 4, { rag: "Red" }));
    const r = recorded(grids, report, { text: "Backlog cleared", noChange: false, likelihood: 2, impact: 2 });
    expect(r.start.proposal?.reason).toMatch(/^score 16 above appetite/);
    const card = r.card([r.plan.log]);
    expect(story(card)).toEqual(story(nextCheckCard(r.after)));
    expect(card.facts.trend).toBe("down");
    expect(card.proposal).toBeNull();
  });

  it("a no-change record leaves the direction, the scores and the proposal as the check gave them", () => {
    const { grids, report } = reportOfSheets(sheets(4, 4, { rag: "Red" }));
    const r = recorded(grids, report, { text: "", noChange: true });
    const card = r.card([r.plan.log]);
    expect(story(card)).toEqual(story(nextCheckCard(r.after)));
    const { history: before, ...rest } = story(r.start);
    const { history: now, ...restNow } = story(card);
    expect(restNow).toEqual(rest);
    expect(now.map(([month, score]) => [month, score])).toEqual(
      before.map(([month, score]) => [month, score]),
    );
  });

  it("the register's own update carried into the log shows in its month, as the next check reads it", () => {
    // The register's update (12 September, in the register only) is carried into the log before the new one.
    const { grids, report } = reportOfSheets([
      register(
        risk({
          id: "HRC-001",
          likelihood: 3,
          impact: 3,
          score: 9,
          lastReview: "12/09/2022",
          update: "Own words",
        }),
      ),
      officersLog(...steady(9).slice(0, 2)),
    ]);
    const r = recorded(grids, report, { text: "Claims doubled", noChange: false, likelihood: 4, impact: 4 });
    expect(r.plan.log.rows).toHaveLength(2);
    const card = r.card([r.plan.log]);
    expect(story(card)).toEqual(story(nextCheckCard(r.after)));
    expect(story(card).history.slice(-2)).toEqual([
      ["2022-09", 9, ["Own words"]],
      ["2022-10", 16, ["Claims doubled"]],
    ]);
  });

  it("a risk nothing dated is dated by the row the meeting logged, as the next check dates it", () => {
    const { grids, report } = reportOfSheets([
      register(risk({ id: "HRC-001", likelihood: 3, impact: 3, score: 9, lastReview: null, update: null })),
    ]);
    const r = recorded(grids, report, { text: "First review", noChange: false });
    expect(r.start.facts.trend).toBeNull();
    const card = r.card([r.plan.log]);
    expect(story(card)).toEqual(story(nextCheckCard(r.after)));
    expect(card.facts.trend).toBe("new");
  });

  it("an accepted proposal's row is in this month's history beside the record's", () => {
    const { grids, report } = reportOfSheets(sheets(3, 3));
    const r = recorded(grids, report, { text: "Claims doubled", noChange: false, likelihood: 4, impact: 4 });
    const accepted = acceptedProposalLog(r.card([r.plan.log]).proposal!, r.now, MEETING, "Jane Smith");
    const card = r.card([r.plan.log, accepted]);
    expect(card.history.points.at(-1)?.entries.map((e) => e.text)).toEqual([
      "Claims doubled",
      "Proposal accepted: Escalate to Corporate risk register (score rose by 7 in a month (9 → 16))",
    ]);
    expect(card.proposal).toEqual(r.card([r.plan.log]).proposal);
  });
});
