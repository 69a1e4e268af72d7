// The gaps left in the meeting's writes to the register's own actions kept one a line (fx-meet31):
// (1) an action's owner, where the Action Owner cell keeps owners one a line, is changed on its line alone, as its
//     status and due date are; (2) a due date written on an action's own line of the actions text ("Resurface A38 –
//     JS – 31/12/22", "(due Dec-22)") is rewritten in place, in the form the officer wrote it where that form can
//     hold the new date; (3) a line-level write made anyway over a co-author's change to the same cell says that
//     their lines were kept and only the meeting's rewritten, not that it wrote over them.

import type { CellValue } from "../../../src/core/model/grid";
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
  type RecordChoice,
  type RecordPlan,
} from "../../../src/core/meeting/record";
import { planOverCellsNow, planWithoutCells } from "../../../src/core/meeting/own-lines-now";
import {
  forcedWriteSaid,
  replacedChange,
  replacedWords,
  splitReplaced,
  valuesReplaced,
} from "../../../src/core/meeting/replaced-values";
import { findConflicts, type RowSnapshot } from "../../../src/core/meeting/conflict";
import { dueMovesIn } from "../../../src/core/history/collect-history";
import { withActionItemDue } from "../../../src/core/model/own-action";
import { idKey } from "../../../src/core/model/records";
import type { Report } from "../../../src/core/model/report";
import type { RiskFacts } from "../../../src/core/model/risk-summary";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { grid, REGISTER_HEADERS, risk, type SheetSpec } from "../rules/harness";
import { applyPlan, check } from "./helpers";

const MEETING = "2022-10-10";
const HEADERS = [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
const ACTIONS = HEADERS.indexOf("Mitigating Actions");
const OWNER = HEADERS.indexOf("Action Owner");
const DUE = HEADERS.indexOf("Action Due Date");
const STATUS = HEADERS.indexOf("Action Status");
const OWN_CELLS = [ACTIONS, OWNER, DUE, STATUS];
const isOpen = (s: string) => !/^(?:done|complete)/i.test(s);

interface Cells {
  actions: CellValue;
  owner?: CellValue;
  due?: CellValue;
  status?: CellValue;
}

/** A register whose one risk, HRC-001, keeps its own actions in the cells given (blank where not given). */
function sheetWith(cells: Cells): SheetSpec {
  return {
    name: "IRIS Risks",
    rows: [
      ["Contract risk register"],
      HEADERS,
      [
        ...risk({ id: "HRC-001", lastReview: "01/06/2022", actions: cells.actions }),
        cells.owner ?? null,
        cells.due ?? null,
        cells.status ?? null,
      ],
    ],
  };
}

function setUp(cells: Cells) {
  const grids = [grid(sheetWith(cells))];
  const report = check(grids, MEETING);
  const facts = report.risks[0];
  const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
  return { grids, report, facts, card };
}

function plan(
  report: Report,
  facts: RiskFacts,
  actions: ActionChange[],
  over: Partial<RecordChoice> = {},
): RecordPlan {
  return recordToEdits(
    facts,
    { text: "Programme re-phased", noChange: false, actions, ...over },
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

/** The plan's writes to the own-action cells and the actions text, as [column, value, format]. */
const ownWrites = (p: RecordPlan) =>
  p.cells.filter((c) => OWN_CELLS.includes(c.col)).map((c) => [c.col, c.value, c.format]);

const changesCell = (p: RecordPlan) => p.log.rows.at(-1)![UPDATE_LOG_HEADER.indexOf("Changes")] as string;

/** The Meeting Record's rows of changes made for HRC-001, as [label, from, to]. */
function recordRows(changes: RecordPlan["changes"]) {
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
        text: "Programme re-phased",
        changes,
      },
    ],
    notReviewed: [],
    escalationsAtStart: [],
    escalationsAtEnd: [],
    source: "test.xlsx",
    version: "test",
    marking: "OFFICIAL",
  });
  return tab.rows.filter((r) => r[0] === "HRC-001" && r[1] !== "Pothole claims").map((r) => r.slice(1, 4));
}

// ---------------------------------------------------------------------------------------------------------
// (1) the owner of one action kept one a line

const TWO = {
  actions: "1. Resurface A38\n2. Review claims",
  owner: "JS\r\n(acting)\r\n\r\nAL",
  due: "31/08/2022\n31/12/2022",
  status: "In progress\nNot started",
};

describe("an action's owner kept one a line in the Action Owner cell", () => {
  it("is offered on the card where the owner cell gives each action a line of its own", () => {
    const { card } = setUp(TWO);
    expect(card.ownLineActions.map((a) => [a.owner, a.line!.owner])).toEqual([
      ["JS (acting)", 0],
      ["AL", 3],
    ]);
  });

  it("is not offered where one owner stands for every action (one line): written there it would change them all", () => {
    const { card } = setUp({ ...TWO, owner: "Jane Smith" });
    expect(card.ownLineActions.map((a) => [a.owner, a.line!.owner, a.line!.due])).toEqual([
      ["Jane Smith", null, 0],
      ["Jane Smith", null, 1],
    ]);
  });

  it("is written on its line alone: the note under the line above, the blank line and CRLF kept, no other cell touched", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), owner: "KM" }]);
    expect(ownWrites(p)).toEqual([[OWNER, "JS\r\n(acting)\r\n\r\nKM", null]]);
    expect(p.cells.find((c) => c.col === OWNER)).toMatchObject({ field: "action.owner", derived: false });
    expect(changesCell(p)).toBe('"Review claims" on the register owner AL → KM');
    expect(p.changes).toEqual([
      {
        field: "action.owner",
        label: 'Action "Review claims" on the register owner',
        from: "AL",
        to: "KM",
        action: '"Review claims" on the register',
      },
    ]);
  });

  it("changes beside the risk's own owner, each in its own cell, and with the action's status and due date", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 1), owner: "KM", status: "Delayed" }], {
      owner: "Sam Patel",
    });
    expect(p.cells.find((c) => c.field === "owner")?.value).toBe("Sam Patel");
    expect(ownWrites(p)).toEqual([
      [STATUS, "Delayed\nNot started", null],
      [OWNER, "KM\r\n(acting)\r\n\r\nAL", null],
    ]);
    expect(changesCell(p)).toBe(
      'Owner Jane Smith → Sam Patel; "Resurface A38" on the register status In progress → Delayed; ' +
        '"Resurface A38" on the register owner JS (acting) → KM',
    );
  });

  it("leaves the owner as it is when the same name is typed, and writes none that would not read back as its line", () => {
    const { report, facts, card } = setUp(TWO);
    expect(ownWrites(plan(report, facts, [{ action: lineAction(card, 2), owner: " AL " }]))).toEqual([]);
    const p = plan(report, facts, [{ action: lineAction(card, 2), owner: "(vacant)" }]);
    expect(ownWrites(p)).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.notes).toContain(
      `Action 2 'Review claims''s owner was not written: "(vacant)" would not read back as its line.`,
    );
  });

  it("is read back from the Changes cell as the meeting's change (a meeting resumed), and named so in the Meeting Record", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), owner: "KM" }]);
    expect(changesOfLogText(changesCell(p))).toEqual(p.changes);
    // A risk's owner whose old name holds the word "owner" is still the risk's.
    expect(changesOfLogText("Owner Acting owner Bob → Jim")).toEqual([
      { field: "owner", label: "Owner", from: "Acting owner Bob", to: "Jim" },
    ]);
    expect(recordRows(p.changes)).toEqual([['Action "Review claims" on the register owner', "AL", "KM"]]);
  });

  it("shows on the card as the record left it, and the check reads the new owner on the register", () => {
    const { grids, report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), owner: "KM" }]);
    const index = buildCardIndex(report, defaultSettings());
    const again = cardFor(facts, index, {
      facts: { ...facts, ...p.after },
      logged: [p.log],
      logSheet: "Update Log",
    });
    expect(again.ownActions.map((a) => [a.text, a.owner])).toEqual([
      ["Resurface A38", "JS (acting)"],
      ["Review claims", "KM"],
    ]);
    const after = check(applyPlan(grids, p), MEETING);
    const own = cardFor(after.risks[0], buildCardIndex(after, defaultSettings())).ownActions;
    expect(own.map((a) => a.owner)).toEqual(["JS (acting)", "KM"]);
  });

  it("written anyway over a co-author's change to another action's owner: theirs kept, ours written on the cell as it is now", () => {
    const { report, facts, card } = setUp(TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), owner: "KM" }]);
    const now = "JS\r\n(acting until Nov)\r\n\r\nAL";
    const over = planOverCellsNow(p, (c) => (c.col === OWNER ? now : undefined));
    expect(ownWrites(over)).toEqual([[OWNER, "JS\r\n(acting until Nov)\r\n\r\nKM", null]]);
    expect(changesCell(over)).toBe('"Review claims" on the register owner AL → KM');
  });
});

// ---------------------------------------------------------------------------------------------------------
// (2) a due date written on an action's own line of the actions text

const IN_TEXT: Cells = {
  actions: "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids",
};

describe("a due date on an action's own line of the actions text", () => {
  it("is offered on the card for each action dated so, by its place among the text's actions", () => {
    const { card } = setUp(IN_TEXT);
    expect(card.ownAction).toBeNull();
    expect(
      card.ownLineActions.map((a) => [a.line!.action.text, a.due, a.line!.dueInText, a.line!.due]),
    ).toEqual([
      ["Resurface A38", "2022-12-31", 0, null],
      ["Review claims", "2022-12-31", 1, null],
    ]);
    expect(meetingActions(card).map(meetingActionKey)).toEqual(["IRIS Risks:3:1", "IRIS Risks:3:2"]);
  });

  it("rewrites only the date on that line, in the officer's own form, every other character of the cell kept", () => {
    const { report, facts, card } = setUp(IN_TEXT);
    const p = plan(report, facts, [
      { action: lineAction(card, 1), due: "2023-03-31" },
      { action: lineAction(card, 2), due: "2023-01-31" },
    ]);
    expect(ownWrites(p)).toEqual([
      [
        ACTIONS,
        "1. Resurface A38 – JS – 31/03/23\r\n2. Review claims (due Jan-23)\r\n3. Replace gully lids",
        null,
      ],
    ]);
    expect(p.cells.find((c) => c.col === ACTIONS)).toMatchObject({ field: "action.due", derived: false });
    expect(changesCell(p)).toBe(
      '"Resurface A38" on the register due 31/12/2022 → 31/03/2023; ' +
        '"Review claims" on the register due 31/12/2022 → 31/01/2023',
    );
    expect(p.notes).toEqual([]);
  });

  it.each([
    ["dd/mm/yyyy", "Resurface A38 – 31/12/2022", "2023-02-14", "Resurface A38 – 14/02/2023"],
    ["d/m/yy, unpadded", "Resurface A38 – 1/9/22", "2023-02-04", "Resurface A38 – 4/2/23"],
    ["a day and month name", "Resurface A38 – 31 Dec 2022", "2023-02-14", "Resurface A38 – 14 Feb 2023"],
    [
      "a bracket with the owner",
      "Resurface A38 (JS, 31/12/22)",
      "2023-02-14",
      "Resurface A38 (JS, 14/02/23)",
    ],
    ["a word before the date", "Resurface A38 – by 31/12/22", "2023-02-14", "Resurface A38 – by 14/02/23"],
    [
      "a month, moved to a month's end",
      "Resurface A38 – December 2022",
      "2023-03-31",
      "Resurface A38 – March 2023",
    ],
    // A week's form holds its Sunday (SPEC Dates: "w/c 12/09/22 … that Sunday as a deadline").
    [
      "a week, moved to a Sunday",
      "Resurface A38 – w/c 12/12/22",
      "2023-01-22",
      "Resurface A38 – w/c 16/01/23",
    ],
    // A quarter's form holds its last day: 30/06/2023 ends Q1 of 2023/24.
    [
      "a quarter, moved to its end",
      "Resurface A38 (due Q4 2022/23)",
      "2023-06-30",
      "Resurface A38 (due Q1 2023/24)",
    ],
    ["tab-separated columns", "Resurface A38\tJS\t31/12/22", "2023-02-14", "Resurface A38\tJS\t14/02/23"],
    [
      "a history note after the date",
      "Resurface A38 – due 31/12/22 (was 31/12/22)",
      "2023-03-31",
      "Resurface A38 – due 31/03/23 (was 31/12/22)",
    ],
  ])("keeps the form of %s", (_, actions, due, written) => {
    const { report, facts, card } = setUp({ actions });
    const p = plan(report, facts, [{ action: card.ownLineActions[0], due }]);
    expect(ownWrites(p)).toEqual([[ACTIONS, written, null]]);
    expect(p.notes).toEqual([]);
  });

  it("writes a day a month's form cannot hold as dd/mm/yyyy, and says so", () => {
    const { report, facts, card } = setUp(IN_TEXT);
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-01-15" }]);
    expect(ownWrites(p)).toEqual([
      [
        ACTIONS,
        "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due 15/01/2023)\r\n3. Replace gully lids",
        null,
      ],
    ]);
    expect(p.notes).toEqual([
      "Action 2 'Review claims''s due date was written 15/01/2023 on its line of the actions text: 'Jan-23', as the line wrote its date, would read as 31/01/2023.",
    ]);
  });

  it.each([
    [
      "a week, moved to a weekday",
      "Resurface A38 – w/c 12/12/22",
      "2023-01-18",
      "Resurface A38 – 18/01/2023",
      "18/01/2023 on its line of the actions text: 'w/c 16/01/23', as the line wrote its date, would read as 22/01/2023",
    ],
    [
      "a quarter, moved inside one",
      "Resurface A38 (due Q4 2022/23)",
      "2023-05-15",
      "Resurface A38 (due 15/05/2023)",
      "15/05/2023 on its line of the actions text: 'Q1 2023/24', as the line wrote its date, would read as 30/06/2023",
    ],
    [
      "a form the meeting does not write",
      "Resurface A38 – Dec 31, 2022",
      "2023-03-31",
      "Resurface A38 – 31/03/2023",
      "31/03/2023 on its line of the actions text: 'Dec 31, 2022', as the line wrote its date, is a form the meeting cannot write",
    ],
  ])("writes %s as dd/mm/yyyy, and says why", (_, actions, due, written, why) => {
    const { report, facts, card } = setUp({ actions });
    const p = plan(report, facts, [{ action: card.ownLineActions[0], due }]);
    expect(ownWrites(p)).toEqual([[ACTIONS, written, null]]);
    expect(p.notes).toEqual([`Action 1 'Resurface A38''s due date was written ${why}.`]);
  });

  it("is offered, and written, beside a status kept one a line in the Action Status cell", () => {
    const { report, facts, card } = setUp({
      actions: "1. Resurface A38 – 31/12/22\n2. Review claims – 31/01/23",
      status: "In progress\nNot started",
    });
    expect(card.ownLineActions.map((a) => [a.line!.status, a.line!.due, a.line!.dueInText])).toEqual([
      [0, null, 0],
      [1, null, 1],
    ]);
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-02-28", status: "Delayed" }]);
    expect(ownWrites(p)).toEqual([
      [STATUS, "In progress\nDelayed", null],
      [ACTIONS, "1. Resurface A38 – 31/12/22\n2. Review claims – 28/02/23", null],
    ]);
  });

  it("shows on the card as the record left it, and the check and the history read the new date back", () => {
    const { grids, report, facts, card } = setUp(IN_TEXT);
    const p = plan(report, facts, [{ action: lineAction(card, 1), due: "2023-03-31" }]);
    const index = buildCardIndex(report, defaultSettings());
    const again = cardFor(facts, index, {
      facts: { ...facts, ...p.after },
      logged: [p.log],
      logSheet: "Update Log",
    });
    expect(again.actionsText).toContain("Resurface A38 – JS – 31/03/23");
    expect(again.ownLineActions.map((a) => a.due)).toEqual(["2023-03-31", "2022-12-31"]);
    const after = check(applyPlan(grids, p), MEETING);
    expect(after.history.dueMoves.get(idKey("HRC-001"))).toEqual([
      {
        day: dayFromIso(MEETING),
        action: '"Resurface A38" on the register',
        from: dayFromIso("2022-12-31"),
        to: dayFromIso("2023-03-31"),
      },
    ]);
  });

  it("is not offered where the risk keeps its one action in the own-action cells (that action's Due is offered)", () => {
    const { card } = setUp({ actions: "Resurface A38 – 31/12/22", owner: "JS", status: "In progress" });
    expect(card.ownAction).not.toBeNull();
    expect(card.ownLineActions).toEqual([]);
  });

  it("written anyway over a co-author's change to another action's line: theirs kept, ours made on the text now", () => {
    const { report, facts, card } = setUp(IN_TEXT);
    const p = plan(report, facts, [{ action: lineAction(card, 1), due: "2023-03-31" }]);
    const now =
      "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids – 30/06/23";
    const over = planOverCellsNow(p, (c) => (c.col === ACTIONS ? now : undefined));
    expect(ownWrites(over)).toEqual([
      [
        ACTIONS,
        "1. Resurface A38 – JS – 31/03/23\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids – 30/06/23",
        null,
      ],
    ]);
    expect(over.after.record.fields.actions?.value).toBe(over.cells.find((c) => c.col === ACTIONS)!.value);
  });

  it("is not written over a co-author's change to that action's own line (nor where an action was added), and the pane says so", () => {
    const { report, facts, card } = setUp(IN_TEXT);
    const p = plan(report, facts, [{ action: lineAction(card, 1), due: "2023-03-31" }]);
    for (const now of [
      "1. Resurface A38 – KM – 31/01/23\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids",
      "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids\r\n4. Survey",
    ]) {
      const over = planOverCellsNow(p, (c) => (c.col === ACTIONS ? now : undefined));
      expect(ownWrites(over)).toEqual([]);
      expect(over.changes).toEqual([]);
      expect(changesCell(over)).toBe("");
      expect(over.notes.join(" ")).toMatch(
        /Action 1 'Resurface A38''s due date was not written: a co-author changed .* Your update itself is recorded/,
      );
      expect(over.after.record.fields.actions?.value).toBe(now);
    }
  });
});

describe("withActionItemDue", () => {
  it("rewrites the date of item n alone, and refuses what would not read back as that action dated so", () => {
    // Item 1's date is on its second line (the lines after its marker are its own).
    const text = "Plan:\n1. Resurface A38\n   Bristol Road – JS – 31/12/22\n2. Review claims";
    expect(withActionItemDue(text, 0, "31/03/23", isOpen)).toBe(
      "Plan:\n1. Resurface A38\n   Bristol Road – JS – 31/03/23\n2. Review claims",
    );
    // Item 2 carries no date of its own; there is no item 3; and a date that is no date would lose the action's.
    expect(withActionItemDue(text, 1, "31/03/23", isOpen)).toBeNull();
    expect(withActionItemDue(text, 2, "31/03/23", isOpen)).toBeNull();
    expect(withActionItemDue(text, 0, "soon", isOpen)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// (3) what a line-level write made anyway says of the co-author's change

describe("a line write kept for a formula found at the write (planWithoutCells)", () => {
  // SPEC Formulas: never replaced, in the meeting too. The adapter keeps a cell that holds a formula when written
  // (a co-author's, put in after the card was read); the plan then says what the register holds, as it does for
  // a formula the card's read saw (fx-meetline32).
  it("takes the kept cell's lines off the changes, the Changes cell and the record after, the other cells' kept", () => {
    const { report, facts, card } = setUp({
      actions: "1. Resurface A38 – 31/12/22\n2. Review claims – 31/01/23",
      status: "In progress\nNot started",
    });
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-02-28", status: "Delayed" }]);
    expect(changesCell(p)).toBe(
      '"Review claims" on the register status Not started → Delayed; "Review claims" on the register due 31/01/2023 → 28/02/2023',
    );
    const actionsCell = p.cells.find((c) => c.col === ACTIONS)!;
    const shown = "1. Resurface A38 – 31/12/22\n2. Review claims – 31/01/23";
    const made = planWithoutCells(p, [{ cell: actionsCell, value: shown }]);
    expect(ownWrites(made)).toEqual([[STATUS, "In progress\nDelayed", null]]);
    expect(changesCell(made)).toBe('"Review claims" on the register status Not started → Delayed');
    expect(made.changes.map((c) => c.field)).toEqual(["action.status"]);
    expect(made.after.record.fields.actions?.value).toBe(shown);
    expect(made.after.record.fields.actionStatus?.value).toBe("In progress\nDelayed");
    // Nothing kept: the plan as it was.
    expect(planWithoutCells(p, [])).toBe(p);
  });
});

describe("a line-level write made anyway over a co-author's change to the same cell", () => {
  const DUE_TWO = { ...TWO, owner: "JS\nAL" };
  const theirs = "30/11/2022\n31/12/2022";

  function forced(now: string) {
    const { report, facts, card } = setUp(DUE_TWO);
    const p = plan(report, facts, [{ action: lineAction(card, 2), due: "2023-01-31" }]);
    const over = planOverCellsNow(p, (c) => (c.col === DUE ? now : undefined));
    const cell = over.cells.find((c) => c.col === DUE)!;
    const shown: RowSnapshot = {
      sheet: "IRIS Risks",
      row: 2,
      firstCol: DUE,
      headers: ["Action Due Date"],
      values: [DUE_TWO.due],
    };
    const replaced = valuesReplaced(
      [{ snapshot: shown, fields: findConflicts(shown, [now]) }],
      [{ ...cell, formatNow: null }],
    );
    return { over, cell, replaced };
  }

  it("says the co-author's lines were kept and only the meeting's rewritten, their cell kept in the log", () => {
    const { cell, replaced } = forced(theirs);
    expect(cell.value).toBe("30/11/2022\n31/01/2023");
    expect(replaced).toEqual([
      { header: "Action Due Date", text: theirs, onlyRewrote: "the line of Action 2 'Review claims'" },
    ]);
    expect(replacedWords(replaced)).toBe(
      `kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims': '${theirs}'`,
    );
    expect(replacedChange(replaced[0]).label).toBe(
      "Kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims'",
    );
    expect(forcedWriteSaid(replaced)).toBe(
      " Their change to Action Due Date was kept, only the line of Action 2 'Review claims' rewritten.",
    );
  });

  it("still says it wrote over their change where they changed the meeting's own line too", () => {
    const { cell, replaced } = forced("30/11/2022\n28/02/2023");
    expect(cell.value).toBe("30/11/2022\n31/01/2023");
    expect(replaced).toEqual([{ header: "Action Due Date", text: "30/11/2022\n28/02/2023" }]);
    expect(replacedChange(replaced[0]).label).toBe("Written over a co-author's Action Due Date");
    expect(forcedWriteSaid(replaced)).toBe(
      " It replaced a co-author's change; their words are kept in the Update Log.",
    );
  });

  it("says it wrote over their change where the cell changed again after the line was made on it", () => {
    const { cell } = forced(theirs);
    const shown: RowSnapshot = {
      sheet: "IRIS Risks",
      row: 2,
      firstCol: DUE,
      headers: ["Action Due Date"],
      values: [DUE_TWO.due],
    };
    const again = "30/11/2022\n(moved by AL)\n31/12/2022";
    expect(
      valuesReplaced(
        [{ snapshot: shown, fields: findConflicts(shown, [again]) }],
        [{ ...cell, formatNow: null }],
      ),
    ).toEqual([{ header: "Action Due Date", text: again }]);
  });

  it("names several lines of the meeting's in one cell", () => {
    const { report, facts, card } = setUp(DUE_TWO);
    const p = plan(report, facts, [
      { action: lineAction(card, 1), owner: "KM" },
      { action: lineAction(card, 2), owner: "RC" },
    ]);
    const over = planOverCellsNow(p, (c) => (c.col === OWNER ? "JS\n\nAL" : undefined));
    const cell = over.cells.find((c) => c.col === OWNER)!;
    expect(cell.value).toBe("KM\n\nRC");
    const shown: RowSnapshot = {
      sheet: "IRIS Risks",
      row: 2,
      firstCol: OWNER,
      headers: ["Action Owner"],
      values: [DUE_TWO.owner],
    };
    expect(
      valuesReplaced(
        [{ snapshot: shown, fields: findConflicts(shown, ["JS\n\nAL"]) }],
        [{ ...cell, formatNow: null }],
      ),
    ).toEqual([
      {
        header: "Action Owner",
        text: "JS\n\nAL",
        onlyRewrote: "the lines of Action 1 'Resurface A38' and Action 2 'Review claims'",
      },
    ]);
  });

  it("is read back from the Changes cell as it was written, apart from the meeting's changes and never as a due date moved", () => {
    const kept = {
      header: "Action Due Date",
      text: "a) 30/11/2022 → 31/12/2022; (moved)",
      onlyRewrote: "the line of Action 2 'Review claims'",
    };
    const plain = { header: "Latest Update", text: "Ali's words" };
    const text = `"Review claims" on the register due 31/12/2022 → 31/01/2023; ${replacedWords([kept, plain])}`;
    expect(splitReplaced(text)).toEqual({
      own: '"Review claims" on the register due 31/12/2022 → 31/01/2023',
      replaced: [kept, plain],
    });
    expect(dueMovesIn(splitReplaced(text).own, 0).map((m) => m.action)).toEqual([
      '"Review claims" on the register',
    ]);
    expect(changesOfLogText(text).map((c) => c.label)).toEqual([
      'Action "Review claims" on the register due',
      "Kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims'",
      "Written over a co-author's Latest Update",
    ]);
  });
});
