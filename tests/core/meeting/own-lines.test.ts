// The meeting changes one of several own actions kept one a line in the register's own-action cells (Action
// Owner "JS\nAL", Action Due Date "31/08/2022\n31/12/2022", Action Status "In progress\nNot started"): its
// due date or status is written on its own line of the cell alone, every other line kept as it was; the
// Update Log, the history and the Meeting Record name it by its words, as findings do.

import type { CellValue } from "../../../src/core/model/grid";
import { formulaKey } from "../../../src/core/model/grid";
import {
  buildCardIndex,
  cardFor,
  meetingActionKey,
  meetingActions,
  type CardOwnAction,
  type RiskCard,
} from "../../../src/core/meeting/card";
import { changesOfLogText } from "../../../src/core/meeting/logged-changes";
import { buildMeetingRecord } from "../../../src/core/meeting/meeting-record";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  recordToEdits,
  UPDATE_LOG_HEADER,
  type ActionChange,
  type RecordPlan,
} from "../../../src/core/meeting/record";
import { planOverCellsNow } from "../../../src/core/meeting/own-lines-now";
import { idKey } from "../../../src/core/model/records";
import type { Report } from "../../../src/core/model/report";
import type { RiskFacts } from "../../../src/core/model/risk-summary";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { grid, REGISTER_HEADERS, risk, type SheetSpec } from "../rules/harness";
import { applyPlan, check } from "./helpers";

const MEETING = "2022-10-10";
const HEADERS = [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
const DUE = HEADERS.indexOf("Action Due Date");
const STATUS = HEADERS.indexOf("Action Status");
const OWNER = HEADERS.indexOf("Action Owner");
/** The risk's row on the sheet (0-based): below a title row and the header row. */
const ROW = 2;

interface Cells {
  actions?: CellValue;
  owner?: CellValue;
  due: CellValue;
  status: CellValue;
}

/** A register whose one risk, HRC-001, keeps its own actions in the cells given. */
function sheetWith(cells: Cells): SheetSpec {
  return {
    name: "IRIS Risks",
    rows: [
      ["Contract risk register"],
      HEADERS,
      [
        ...risk({
          id: "HRC-001",
          lastReview: "01/06/2022",
          actions: cells.actions ?? "1. Resurface A38\n2. Review claims",
        }),
        cells.owner ?? "JS\nAL",
        cells.due,
        cells.status,
      ],
    ],
  };
}

const TWO: Cells = { due: "31/08/2022\n31/12/2022", status: "In progress\nNot started" };

function setUp(cells: Cells, spec: SheetSpec = sheetWith(cells)) {
  const grids = [grid(spec)];
  const report = check(grids, MEETING);
  const facts = report.risks[0];
  const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
  return { grids, report, facts, card };
}

function plan(report: Report, facts: RiskFacts, actions: ActionChange[], noChange = false): RecordPlan {
  return recordToEdits(
    facts,
    { text: noChange ? "" : "Programme re-phased", noChange, actions },
    {
      meetingDate: MEETING,
      by: "Jane Smith",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: lastLoggedTexts(report)(facts),
    },
  );
}

/** The card's line action n (1-based). */
const lineAction = (card: RiskCard, n: number): CardOwnAction =>
  card.ownLineActions.find((a) => a.line?.action.line === n)!;

/** The plan's writes to the own-action cells, as [column, value, format]. */
const ownWrites = (p: RecordPlan) =>
  p.cells.filter((c) => [DUE, STATUS, OWNER].includes(c.col)).map((c) => [c.col, c.value, c.format]);

const changesCell = (p: RecordPlan) => p.log.rows.at(-1)![UPDATE_LOG_HEADER.indexOf("Changes")] as string;

describe("the card: each own action kept one a line, offered to change", () => {
  const { card } = setUp(TWO);

  it("offers each action's due date and status, on its own line of each cell, in the register's order", () => {
    expect(card.ownAction).toBeNull();
    expect(
      card.ownLineActions.map((a) => [a.line!.action.text, a.due, a.status, a.line!.due, a.line!.status]),
    ).toEqual([
      ["Resurface A38", "2022-08-31", "In progress", 0, 0],
      ["Review claims", "2022-12-31", "Not started", 1, 1],
    ]);
    // On the risk's own row, after the single own action and before the actions sheets' rows, each its own key.
    expect(meetingActions(card).map(meetingActionKey)).toEqual(["IRIS Risks:3:1", "IRIS Risks:3:2"]);
  });

  it("offers no field whose line is not the action's alone (one date for every action, a status read from several lines)", () => {
    const shared = setUp({
      actions: "1. Survey\n2. Repair",
      due: "31/08/2022",
      status: "Open\nDelayed\nAwaiting parts",
    }).card;
    expect(shared.ownActions).toHaveLength(2);
    // Since fx-meet31 an action's owner on a line of its own in the Action Owner cell ("JS\nAL") is offered too, so
    // Repair, with neither a due date nor a status line of its own, is offered its owner alone.
    expect(
      shared.ownLineActions.map((a) => [a.line!.action.text, a.line!.due, a.line!.status, a.line!.owner]),
    ).toEqual([
      ["Survey", null, 0, 0],
      ["Repair", null, null, 1],
    ]);
  });

  it("offers none where the risk's record is joined from several rows (an id merged down)", () => {
    const spec = sheetWith(TWO);
    const below = spec.rows[2].map(() => null as CellValue);
    below[HEADERS.indexOf("Latest Update")] = "More words";
    const g = grid({ ...spec, rows: [...spec.rows, below] });
    g.merges = [{ top: 2, left: 0, bottom: 3, right: 0 }];
    const report = check([g], MEETING);
    const c = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    expect(report.risks[0].record.rows).toEqual([2, 3]);
    expect(c.ownLineActions).toEqual([]);
  });
});

describe("recordToEdits: one of several own actions kept one a line", () => {
  it("writes its due date on its line of the Action Due Date cell alone, as text, the cell's own format kept", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-01-31" }]);
    expect(ownWrites(p)).toEqual([[DUE, "31/08/2022\n31/01/2023", null]]);
    expect(p.cells.find((c) => c.col === DUE)).toMatchObject({
      row: ROW,
      field: "action.due",
      derived: false,
    });
    expect(changesCell(p)).toBe('"Review claims" on the register due 31/12/2022 → 31/01/2023');
    expect(p.changes.map((c) => c.label)).toEqual(['Action "Review claims" on the register due']);
  });

  it("keeps every other line as it was: blank lines, bracketed notes, list markers and CRLF line endings", () => {
    const due = "1. 31/08/2022\r\n(revised from June)\r\n\r\n2. 31/12/2022\r\n";
    const status = "In progress\r\n\r\nNot started";
    const { report, facts, card } = setUp({ due, status });
    const p = plan(report, facts, [
      { action: lineAction(card, 1), due: "2022-11-30" },
      { action: lineAction(card, 2), status: "Delayed" },
    ]);
    expect(ownWrites(p)).toEqual([
      [DUE, "1. 30/11/2022\r\n(revised from June)\r\n\r\n2. 31/12/2022\r\n", null],
      [STATUS, "In progress\r\n\r\nDelayed", null],
    ]);
  });

  it("writes each cell once with every line the record changed, and changes no owner", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [
      { action: lineAction(card, 1), status: "Complete", due: "2022-09-15" },
      { action: lineAction(card, 2), status: "In progress", due: "2023-03-31" },
    ]);
    expect(ownWrites(p)).toEqual([
      [STATUS, "Complete\nIn progress", null],
      [DUE, "15/09/2022\n31/03/2023", null],
    ]);
    expect(changesCell(p)).toBe(
      [
        '"Resurface A38" on the register status In progress → Complete',
        '"Resurface A38" on the register due 31/08/2022 → 15/09/2022',
        '"Review claims" on the register status Not started → In progress',
        '"Review claims" on the register due 31/12/2022 → 31/03/2023',
      ].join("; "),
    );
  });

  it("leaves a field it does not offer unwritten, and says so", () => {
    const { report, facts, card } = setUp({
      actions: "1. Survey\n2. Repair",
      due: "31/08/2022\n31/12/2022",
      status: "Open\nDelayed\nAwaiting parts",
    });
    const repair = card.ownLineActions.find((a) => a.line?.action.line === 2)!;
    expect(repair.line!.status).toBeNull();
    const p = plan(report, facts, [{ action: repair, status: "Complete", due: "2023-01-31" }]);
    expect(ownWrites(p)).toEqual([[DUE, "31/08/2022\n31/01/2023", null]]);
    expect(p.notes).toContain(
      "Action 2 'Repair''s status was not written: its line of the cell is not its alone; change it on the register.",
    );
    expect(changesCell(p)).toBe('"Repair" on the register due 31/12/2022 → 31/01/2023');
  });

  it("writes no status that would not read back as its line (one opening with a bracket)", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), status: "(on hold)" }]);
    expect(ownWrites(p)).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.notes.join(" ")).toMatch(/"\(on hold\)" would not read back as its line/);
  });

  it("sends a formula cell's line all the same, for the adapter to keep, and does not list it as changed", () => {
    // SPEC "Formulas": a register cell holding a formula is never replaced by a value; the adapter, asking
    // Excel again, keeps it and says so (tests/excel/own-lines-formula.test.ts).
    const g = grid(sheetWith(TWO));
    g.formulas = new Set([formulaKey(ROW, DUE)]);
    const report = check([g], MEETING);
    const facts = report.risks[0];
    const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-01-31" }]);
    expect(p.cells.find((c) => c.col === DUE)).toBeDefined();
    expect(p.changes).toEqual([]);
    expect(p.after.record).toBe(facts.record);
  });
});

describe("the card and the next record after a line written", () => {
  it("shows the action as the record left it, and a second record keeps the first's line", () => {
    const { report, facts, card } = setUp(TWO);
    const first = plan(report, facts, [{ action: lineAction(card, 1), status: "Delayed" }]);
    // As the meeting carries the risk on: its facts now are those the record left (useMeeting's factsNow).
    const now = { ...facts, ...first.after };
    const index = buildCardIndex(report, defaultSettings());
    const again = cardFor(facts, index, { facts: now, logged: [first.log], logSheet: "Update Log" });
    expect(again.ownActions.map((a) => [a.text, a.status])).toEqual([
      ["Resurface A38", "Delayed"],
      ["Review claims", "Not started"],
    ]);
    const second = plan(report, now, [{ action: lineAction(again, 2), status: "Complete" }]);
    expect(ownWrites(second)).toEqual([[STATUS, "Delayed\nComplete", null]]);
    expect(changesCell(second)).toBe('"Review claims" on the register status Not started → Complete');
  });
});

describe("the history and the Meeting Record read the line action back by its words", () => {
  const { grids, report, facts, card } = setUp(TWO);
  const p = plan(report, facts, [{ action: lineAction(card, 1), due: "2022-11-30" }]);

  it("reads the Changes cell as that action's due date moved later, for the risk", () => {
    const after = check(applyPlan(grids, p), MEETING);
    expect(after.history.dueMoves.get(idKey("HRC-001"))).toEqual([
      {
        day: dayFromIso(MEETING),
        action: '"Resurface A38" on the register',
        from: dayFromIso("2022-08-31"),
        to: dayFromIso("2022-11-30"),
      },
    ]);
    // The register's cell holds the new line, and the check reads it as the action's due date.
    const own = cardFor(after.risks[0], buildCardIndex(after, defaultSettings())).ownActions;
    expect(own.map((a) => [a.text, a.dueText])).toEqual([
      ["Resurface A38", "30/11/2022"],
      ["Review claims", "31/12/2022"],
    ]);
  });

  it("reads the Changes cell back as the meeting's changes (a meeting resumed)", () => {
    expect(changesOfLogText(changesCell(p))).toEqual(p.changes);
  });

  it("names it so in the Meeting Record's changes made, its dates as dates", () => {
    const tab = buildMeetingRecord({
      meeting: { date: MEETING, attendees: [], by: "Jane Smith", registers: [], annexes: [] },
      reviewed: [
        {
          id: "HRC-001",
          title: "Pothole claims",
          sheet: "IRIS Risks",
          row: 3,
          address: "A3",
          noChange: false,
          text: p.text,
          changes: p.changes,
        },
      ],
      notReviewed: [],
      escalationsAtStart: [],
      escalationsAtEnd: [],
      source: "test.xlsx",
      version: "test",
      marking: "OFFICIAL",
    });
    const row = tab.rows.find((r) => r[1] === 'Action "Resurface A38" on the register due');
    expect(row?.slice(0, 4)).toEqual([
      "HRC-001",
      'Action "Resurface A38" on the register due',
      { date: "2022-08-31" },
      { date: "2022-11-30" },
    ]);
  });
});

describe("written anyway over a co-author's change to the same cell (planOverCellsNow)", () => {
  const { report, facts, card } = setUp(TWO);
  const moveB = () => plan(report, facts, [{ action: lineAction(card, 2), due: "2023-01-31" }]);
  const dueNow = (now: CellValue) => (c: { col: number }) => (c.col === DUE ? now : undefined);

  it("makes the cell again from its text now: the co-author's line kept, only this record's line written", () => {
    const p = planOverCellsNow(moveB(), dueNow("30/11/2022\r\n(moved by AL)\n31/12/2022"));
    expect(ownWrites(p)).toEqual([[DUE, "30/11/2022\r\n(moved by AL)\n31/01/2023", null]]);
    expect(changesCell(p)).toBe('"Review claims" on the register due 31/12/2022 → 31/01/2023');
    // The card and the next record read the cell as the register will hold it.
    expect(p.after.record.fields.actionDue?.value).toBe("30/11/2022\r\n(moved by AL)\n31/01/2023");
  });

  it("stands as planned where the cell's row did not change, or the cell is as the card read it", () => {
    const planned = moveB();
    expect(planOverCellsNow(planned, () => undefined)).toBe(planned);
    expect(planOverCellsNow(planned, dueNow(TWO.due))).toBe(planned);
  });

  it("writes nothing to a cell whose lines no longer line up with the actions, takes its change off the log row, and says so", () => {
    const p = planOverCellsNow(moveB(), dueNow("31/08/2022\n30/09/2022\n31/12/2022"));
    expect(ownWrites(p)).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(changesCell(p)).toBe("");
    expect(p.notes.join(" ")).toMatch(
      /Action 2 'Review claims''s due date was not written: a co-author changed the cell's lines .* Your update itself is recorded/,
    );
    // The update is still written: its Latest Update and last-updated date are among the cells.
    expect(p.cells.length).toBeGreaterThan(0);
    expect(p.log.rows.at(-1)![UPDATE_LOG_HEADER.indexOf("Update")]).toBe("Programme re-phased");
  });
});
