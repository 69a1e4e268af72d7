// readOwnActions: a register row's own-action cells (Action Owner / Due Date / Status) and actions text read
// as the risk's list of own actions (SPEC "Actions inside the register"), one a line where officers keep several.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import {
  ownActionName,
  ownCellsListSeveral,
  readOwnActions,
  saysNoFurtherAction,
  withRawLine,
  type OwnAction,
} from "../../../src/core/model/own-action";
import type { RiskRecord } from "../../../src/core/model/records";
import { defaultSettings } from "../../../src/core/model/settings";
import { parseActionState, ukDate } from "../../../src/core/parse";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Score",
  "Risk Response",
  "Mitigating Actions",
  "Action Owner",
  "Action Due Date",
  "Action Status",
  "Risk Status",
];

interface Row {
  actions?: CellValue;
  owner?: CellValue;
  due?: CellValue;
  status?: CellValue;
}

/** The risk record of one register row (read as the check reads it). */
function riskOf(row: Row, headers: string[] = HEADERS): RiskRecord {
  const byHeader: Record<string, CellValue> = {
    "Risk ID": "HW-001",
    "Risk Title": "Carriageway deterioration",
    "Risk Owner": "Jo Smith",
    "Current Likelihood": 2,
    "Current Impact": 2,
    "Current Score": 4,
    "Risk Response": "Treat",
    "Mitigating Actions": row.actions ?? null,
    "Action Owner": row.owner ?? null,
    "Action Due Date": row.due ?? null,
    "Action Status": row.status ?? null,
    "Risk Status": "Open",
  };
  const grid = gridFromRows("Register", [headers, headers.map((h) => byHeader[h])]);
  const report = checkWorkbook([grid], {
    settings: defaultSettings(),
    asAt: "2022-09-30",
    today: "2022-09-30",
    source: "test.xlsx",
  });
  return report.records.risks[0];
}

const isOpen = (status: string) => parseActionState(status, defaultSettings()) === "open";

/** Each action as "words | owner | due | status | open|done | field". */
function read(row: Row, headers?: string[]): string[] {
  return readOwnActions(riskOf(row, headers), isOpen).map(
    (a: OwnAction) =>
      `${a.text} | ${a.owner} | ${a.due === null ? a.dueText || "-" : ukDate(a.due)} | ${a.status} | ${a.open ? "open" : "done"} | ${a.dueField}`,
  );
}

describe("readOwnActions: one action in the own-action cells (as SPEC describes them)", () => {
  it("reads the cells as the risk's one action, named 'on the register'", () => {
    const risk = riskOf({
      actions: "Resurface A38",
      owner: "J Smith",
      due: "31/08/2022",
      status: "In progress",
    });
    const [only, ...more] = readOwnActions(risk, isOpen);
    expect(more).toEqual([]);
    expect(only).toMatchObject({ owner: "J Smith", status: "In progress", open: true, oneOfSeveral: false });
    expect(ukDate(only.due!)).toBe("31/08/2022");
    expect(ownActionName(only)).toBe("on the register");
  });

  it("reads a month as its last day, and 'Ongoing' as no date", () => {
    expect(read({ owner: "J Smith", due: "Aug 2022", status: "Open" })).toEqual([
      " | J Smith | 31/08/2022 | Open | open | actionDue",
    ]);
    expect(read({ owner: "J Smith", due: "Ongoing", status: "Open" })).toEqual([
      " | J Smith | Ongoing | Open | open | actionDue",
    ]);
  });

  it("takes a done marker on the actions cell's one line ('(done)') as the action done", () => {
    expect(read({ actions: "Resurface A38 (done)", owner: "J Smith", due: "31/08/2022" })).toEqual([
      "Resurface A38 | J Smith | 31/08/2022 | done | done | actionDue",
    ]);
  });

  it("reads no action where the cells are blank or placeholders and the actions text carries no date", () => {
    expect(read({ actions: "Resurface A38\nReview claims" })).toEqual([]);
    expect(read({ actions: "Resurface A38", owner: "TBC", status: "-" })).toEqual([]);
  });
});

describe("readOwnActions: several actions, one a line, aligned across the cells", () => {
  it("gives line n of each cell to action n, beside the actions cell's item n", () => {
    expect(
      read({
        actions: "1. Resurface A38\n2. Review claims",
        owner: "J Smith\nK Lee",
        due: "31/08/2022\n31/12/2022",
        status: "In progress\nComplete",
      }),
    ).toEqual([
      "Resurface A38 | J Smith | 31/08/2022 | In progress | open | actionDue",
      "Review claims | K Lee | 31/12/2022 | Complete | done | actionDue",
    ]);
  });

  it("reads a cell of one line as every action's, and list markers on the cells' lines are taken off", () => {
    expect(
      read({
        actions: "a) Resurface A38\nb) Review claims",
        owner: "J Smith",
        due: "1. Aug 2022\n2. Q3 2022/23",
        status: "Open",
      }),
    ).toEqual([
      "Resurface A38 | J Smith | 31/08/2022 | Open | open | actionDue",
      "Review claims | J Smith | 31/12/2022 | Open | open | actionDue",
    ]);
  });

  it("joins a line in brackets to the line above: a note on a date is not a second action", () => {
    const risk = riskOf({ owner: "J Smith", due: "31/08/2022\n(revised from June)", status: "Open" });
    expect(readOwnActions(risk, isOpen)).toHaveLength(1);
    expect(ownCellsListSeveral(risk)).toBe(false);
  });

  it("reads a status line beyond the actions and due dates as qualifying the one before: one action", () => {
    const risk = riskOf({
      actions: "Recruit two highway inspectors",
      due: "31/08/2022",
      status: "In progress\nOn track",
    });
    expect(
      read({ actions: "Recruit two highway inspectors", due: "31/08/2022", status: "In progress\nOn track" }),
    ).toEqual(["Recruit two highway inspectors |  | 31/08/2022 | In progress On track | open | actionDue"]);
    expect(ownCellsListSeveral(risk)).toBe(false);
    // Two actions listed, three status lines: the third qualifies the second.
    expect(
      read({
        actions: "1. Survey\n2. Repair",
        due: "31/07/2022\n31/08/2022",
        status: "Open\nDelayed\nAwaiting parts",
      }),
    ).toEqual([
      "Survey |  | 31/07/2022 | Open | open | actionDue",
      "Repair |  | 31/08/2022 | Delayed Awaiting parts | open | actionDue",
    ]);
  });

  it("names each action by its words, or by its place where the actions cell has no line for it", () => {
    const [first, second] = readOwnActions(
      riskOf({ actions: "Resurface A38", due: "31/08/2022\n31/12/2022", status: "Open\nOpen" }),
      isOpen,
    );
    expect(ownActionName(first)).toBe('"Resurface A38" on the register');
    expect(ownActionName(second)).toBe("2 on the register");
  });

  it("marks a line '(done)' on the actions cell done, its status cell blank", () => {
    expect(
      read({
        actions: "1. Buy two gritters (done)\n2. Hire spare gritters",
        owner: "B Khan\nB Khan",
        due: "31/07/2022\n31/08/2022",
      }),
    ).toEqual([
      "Buy two gritters | B Khan | 31/07/2022 | done | done | actionDue",
      "Hire spare gritters | B Khan | 31/08/2022 |  | open | actionDue",
    ]);
  });

  it("reads each action's date on its line of the actions cell where the due cell is blank", () => {
    expect(
      read({ actions: "1. Survey – 31/12/22\n2. Repair – 31/07/22", status: "Open\nIn progress" }),
    ).toEqual([
      "Survey |  | 31/12/2022 | Open | open | actions",
      "Repair |  | 31/07/2022 | In progress | open | actions",
    ]);
  });

  it("aligns the cells' non-blank lines: a blank line is no action's", () => {
    expect(read({ due: "31/07/2022\n\n31/08/2022", status: "Open\nOpen" })).toHaveLength(2);
  });
});

describe("readOwnActions: the raw line of each cell an aligned action is written on", () => {
  // The meeting writes one action's due date or status on its own line of the cell (fx-ownline30): each
  // aligned action says which raw line (line breaks counted as the cell has them, blank lines too) holds its
  // value alone, and null where no line is its alone.
  const lines = (row: Row) => readOwnActions(riskOf(row), isOpen).map((a) => [a.line, a.cellLines ?? "none"]);

  it("gives action n the raw line n of each cell kept one a line", () => {
    expect(
      lines({
        actions: "1. Resurface A38\n2. Review claims",
        owner: "JS\nAL",
        due: "31/08/2022\n31/12/2022",
        status: "In progress\nNot started",
      }),
    ).toEqual([
      [1, { owner: 0, due: 0, status: 0 }],
      [2, { owner: 1, due: 1, status: 1 }],
    ]);
  });

  it("counts blank lines as lines of the cell, though no action's", () => {
    expect(lines({ due: "31/08/2022\n\n  \n31/12/2022", status: "\nOpen\nDelayed" })).toEqual([
      [1, { owner: null, due: 0, status: 1 }],
      [2, { owner: null, due: 3, status: 2 }],
    ]);
  });

  it("keeps a bracketed line with the line above: the action's line is the one it qualifies", () => {
    expect(lines({ due: "31/08/2022\n(revised from June)\n31/12/2022", status: "Open\nDelayed" })).toEqual([
      [1, { owner: null, due: 0, status: 0 }],
      [2, { owner: null, due: 2, status: 1 }],
    ]);
  });

  it("counts CRLF and CR line endings as one break each", () => {
    expect(lines({ due: "31/08/2022\r\n\r\n31/12/2022", status: "Open\rDelayed" })).toEqual([
      [1, { owner: null, due: 0, status: 0 }],
      [2, { owner: null, due: 2, status: 1 }],
    ]);
  });

  it("gives no line where it is not the action's alone: a cell of one line, a status read from several lines", () => {
    // Owner and due date of one line are every action's; the third status line qualifies the second.
    expect(
      lines({
        actions: "1. Survey\n2. Repair",
        owner: "JS",
        due: "31/08/2022",
        status: "Open\nDelayed\nAwaiting parts",
      }),
    ).toEqual([
      [1, { owner: null, due: null, status: 0 }],
      [2, { owner: null, due: null, status: null }],
    ]);
  });

  it("gives no due line where the date is written on the action's line of the actions text, nor a line the cell lacks", () => {
    expect(
      lines({ actions: "1. Survey – 31/12/22\n2. Repair – 31/07/22", status: "Open\nIn progress" }),
    ).toEqual([
      [1, { owner: null, due: null, status: 0 }],
      [2, { owner: null, due: null, status: 1 }],
    ]);
    expect(lines({ due: "31/08/2022\n31/12/2022\n31/01/2023", status: "Open\nOpen" })).toEqual([
      [1, { owner: null, due: 0, status: 0 }],
      [2, { owner: null, due: 1, status: 1 }],
      [3, { owner: null, due: 2, status: null }],
    ]);
  });

  it("gives the risk's one action no lines: its cells are its alone", () => {
    expect(lines({ owner: "JS", due: "31/08/2022", status: "Open" })).toEqual([[1, "none"]]);
  });
});

describe("withRawLine", () => {
  it("writes that raw line alone: its list marker, the other lines, blank lines, notes and line breaks kept", () => {
    const cell = "1. 31/08/2022\r\n(revised from June)\r\n\r\n2. 31/12/2022\r\n";
    expect(withRawLine(cell, 3, "31/01/2023")).toBe(
      "1. 31/08/2022\r\n(revised from June)\r\n\r\n2. 31/01/2023\r\n",
    );
    expect(withRawLine("In progress\n  Not started", 1, "Delayed")).toBe("In progress\n  Delayed");
  });

  it("gives null for a line the cell does not have", () => {
    expect(withRawLine("Open\nOpen", 2, "Delayed")).toBeNull();
    expect(withRawLine("Open\nOpen", -1, "Delayed")).toBeNull();
  });
});

describe("readOwnActions: owner and due date written on each line of the actions text", () => {
  const WITHOUT_OWN = HEADERS.filter((h) => !h.startsWith("Action "));

  it("reads 'action – owner – due date – status' on each line, pointing at the actions cell", () => {
    expect(
      read(
        { actions: "1. Resurface A38 – JS – 31/08/22\n2. Review claims – KL – 31/12/22 – Complete" },
        WITHOUT_OWN,
      ),
    ).toEqual([
      "Resurface A38 | JS | 31/08/2022 |  | open | actions",
      "Review claims | KL | 31/12/2022 | Complete | done | actions",
    ]);
  });

  it("reads an owner and date in a closing bracket, and 'by' before a date", () => {
    expect(
      read({ actions: "• Resurface A38 (JS, 31/08/22)\n• Review claims - by Dec 2022" }, WITHOUT_OWN),
    ).toEqual([
      "Resurface A38 | JS | 31/08/2022 |  | open | actions",
      "Review claims |  | 31/12/2022 |  | open | actions",
    ]);
  });

  it("keeps the lines carrying no date out, and a dash in an action's words stays in them", () => {
    expect(
      read({ actions: "1. Resurface A38 - Bristol Road\n2. Review claims – 31/12/22" }, WITHOUT_OWN),
    ).toEqual(["Review claims |  | 31/12/2022 |  | open | actions"]);
  });

  it("names a dated line by its words where the cell lists several actions, though the others carry no date", () => {
    // README risk/action-overdue: several own actions kept one a line are each named by their words; with one
    // left dated (the other done, its date in a bracket before the status), the board must still see which.
    const [survey, ...more] = readOwnActions(
      riskOf(
        { actions: "1. Survey depot roof – JS – 31/08/22\n2. Sign lease (CP, 31/07/22) – Complete" },
        WITHOUT_OWN,
      ),
      isOpen,
    );
    expect(more).toEqual([]);
    expect(survey).toMatchObject({ text: "Survey depot roof", owner: "JS", open: true, oneOfSeveral: true });
    expect(ownActionName(survey)).toBe('"Survey depot roof" on the register');
    const [alone] = readOwnActions(
      riskOf({ actions: "Survey depot roof – JS – 31/08/22" }, WITHOUT_OWN),
      isOpen,
    );
    expect(ownActionName(alone)).toBe("on the register");
  });

  it("reads a tab between the columns as a dash (a table pasted from Word), on a list or a line alone", () => {
    expect(
      read({ actions: "1. Resurface A38\tJS\t31/12/22\r\n2. Review claims\tAL\t31/01/23" }, WITHOUT_OWN),
    ).toEqual([
      "Resurface A38 | JS | 31/12/2022 |  | open | actions",
      "Review claims | AL | 31/01/2023 |  | open | actions",
    ]);
    expect(read({ actions: "Review claims\t31/01/23" }, WITHOUT_OWN)).toEqual([
      "Review claims |  | 31/01/2023 |  | open | actions",
    ]);
  });

  it("reads a bracketed 'was …' date closing a line as history, not the due date", () => {
    expect(
      read(
        { actions: "1. Resurface A38 – JS – due 31/12/22 (was 30/09/22)\n2. Review claims – by 31/01/23" },
        WITHOUT_OWN,
      ),
    ).toEqual([
      "Resurface A38 | JS | 31/12/2022 |  | open | actions",
      "Review claims |  | 31/01/2023 |  | open | actions",
    ]);
    expect(
      read(
        { actions: "Resurface A38 – 31/12/22 (revised from Sept 2022) (previously June 2022)" },
        WITHOUT_OWN,
      ),
    ).toEqual(["Resurface A38 |  | 31/12/2022 |  | open | actions"]);
    // With no date of its own, the line carries none: its history is no due date.
    expect(read({ actions: "Resurface A38 (was 30/09/22)" }, WITHOUT_OWN)).toEqual([]);
  });

  it("numbers each action by its place in the officer's list, undated ones counted", () => {
    const actions = readOwnActions(
      riskOf(
        {
          actions:
            "1. Resurface A38 – JS – complete\n2. Review claims – AL – 31/01/23\n3. Replace gully lids – 31/03/23",
        },
        WITHOUT_OWN,
      ),
      isOpen,
    );
    expect(actions.map((a) => [a.text, a.line, a.dueItem])).toEqual([
      ["Review claims", 2, 1],
      ["Replace gully lids", 3, 2],
    ]);
  });

  it("names two actions of the same words apart by their place; others by their words alone", () => {
    const actions = readOwnActions(
      riskOf(
        {
          actions:
            "1. Gully cleansing – JS – 31/12/22\n2. Gully cleansing – KM – 31/03/23\n3. Review claims – 31/01/23",
        },
        WITHOUT_OWN,
      ),
      isOpen,
    );
    expect(actions.map((a) => ownActionName(a))).toEqual([
      '"Gully cleansing" (Action 1) on the register',
      '"Gully cleansing" (Action 2) on the register',
      '"Review claims" on the register',
    ]);
  });

  it("does not read a dated history line ('12/09/22 – contractor engaged') as an action", () => {
    expect(read({ actions: "12/09/22 – contractor engaged\n01/08/22 – survey done" }, WITHOUT_OWN)).toEqual(
      [],
    );
  });

  it("reads a done word closing a line only when it stands alone ('– Complete', not '– Closed road')", () => {
    expect(read({ actions: "Divert traffic – Closed road – 31/08/22" }, WITHOUT_OWN)).toEqual([
      "Divert traffic | Closed road | 31/08/2022 |  | open | actions",
    ]);
    expect(read({ actions: "Divert traffic – 31/08/22 – Completed on 20/08/22" }, WITHOUT_OWN)).toEqual([
      "Divert traffic |  | 31/08/2022 | Completed on 20/08/22 | done | actions",
    ]);
  });
});

describe("saysNoFurtherAction", () => {
  it.each([
    "No further action required",
    "No further action – tolerate",
    "No further actions.",
    "No additional mitigation needed; controls adequate",
    "None required",
    "NFA",
    "no action identified (controls in place)",
    "NFA – monitor",
    "NFA.",
    "No further action required until the next review",
    "No further action required at this time",
    "None at present",
  ])("'%s' says there is no action", (text) => {
    expect(saysNoFurtherAction(text)).toBe(true);
  });

  it.each([
    "No further action required until the contract is re-let, then retender",
    "Resurface A38",
    "No change this month",
    "Nonetheless, review claims",
    "NFA-04: natural flood alleviation – leaky dams at Brook Farm",
    "Install vehicle barriers at depot entrance; no further action required once fitted",
    "No further action required beyond the annual inspection",
  ])("'%s' does not", (text) => {
    expect(saysNoFurtherAction(text)).toBe(false);
  });
});
