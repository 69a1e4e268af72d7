// recordToEdits: register cells, the Update Log row, no-change entries, missing columns, and a re-check
// after applying the edits (the reviewed risk is no longer flagged as not updated).

import { loggedRows } from "../../helpers/logged-rows";
import { buildCardIndex, cardFor } from "../../../src/core/meeting/card";
import { entriesFor, entriesOf } from "../../../src/core/history/history-log";
import {
  DATE_FORMAT,
  NO_CHANGE_TEXT,
  REGISTER_AUTHOR,
  UPDATE_LOG_HEADER,
  fieldColumnsOf,
  lastLoggedTexts,
  ownRatingScalesOf,
  recordToEdits,
  type RecordChoice,
} from "../../../src/core/meeting/record";
import { dayFromIso, serialFromDay } from "../../../src/core/parse";
import { withRecordedActions } from "../../../src/core/meeting/recorded-actions";
import { defaultSettings } from "../../../src/core/model/settings";
import { idKey } from "../../../src/core/model/records";
import type { Report } from "../../../src/core/model/report";
import {
  action,
  actionsSheet,
  register,
  REGISTER_HEADERS,
  risk,
  SERIAL,
  updateLog,
  type SheetSpec,
} from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const MEETING = "2022-10-10";
const M = SERIAL["2022-10-10"];

function plan(report: Report, id: string, choice: RecordChoice) {
  const facts = report.risks.find((f) => f.id === id)!;
  return recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: lastLoggedTexts(report)(facts),
    ownRatingScale: ownRatingScalesOf(report),
  });
}

const cellsOf = (p: ReturnType<typeof plan>) =>
  p.cells.map((c) => [c.field, c.row, c.col, c.value, c.format ?? null]);

describe("recordToEdits", () => {
  const sheets: SheetSpec[] = [
    register(
      risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
      risk({ id: "HRC-002", lastReview: null, update: null }),
    ),
    actionsSheet(
      action({
        riskId: "HRC-001",
        actionId: "A-1",
        status: "In progress",
        due: "30/11/2022",
        updated: "01/06/2022",
      }),
    ),
  ];
  const { grids, report } = reportOfSheets(sheets);

  it("writes last updated (serial + date format) and the update text, and logs a row", () => {
    const p = plan(report, "HRC-002", { text: "Contractor asked for a revised plan", noChange: false });
    // Register columns: J = Date of Last Review (9), K = Latest Update (10); HRC-002 is on sheet row 4 (index 3).
    expect(cellsOf(p)).toEqual([
      ["lastUpdated", 3, 9, M, DATE_FORMAT],
      ["update", 3, 10, "Contractor asked for a revised plan", "@"],
    ]);
    expect(p.log.header).toEqual([...UPDATE_LOG_HEADER]);
    expect(p.log.rows).toEqual([
      [
        M,
        "HRC-002",
        "Jane Smith",
        "Contractor asked for a revised plan",
        "No",
        12,
        "Treat",
        "IRIS Risks",
        "",
      ],
    ]);
    expect(p.changes).toEqual([]);
  });

  it("records no change in one entry and keeps any words typed", () => {
    const p = plan(report, "HRC-002", { text: "", noChange: true, likelihood: 5 });
    expect(p.log.rows).toEqual([
      [M, "HRC-002", "Jane Smith", NO_CHANGE_TEXT, "Yes", 12, "Treat", "IRIS Risks", ""],
    ]);
    expect(p.cells.map((c) => c.field)).toEqual(["lastUpdated", "update"]); // the likelihood is ignored
    expect(plan(report, "HRC-002", { text: "discussed", noChange: true }).text).toBe(
      `${NO_CHANGE_TEXT}. discussed`,
    );
  });

  it("carries the register's own update text into the log before replacing it", () => {
    const p = plan(report, "HRC-001", { text: "", noChange: true });
    expect(p.log.rows).toEqual([
      [
        serialFromDay(dayFromIso("2022-06-01")!),
        "HRC-001",
        REGISTER_AUTHOR,
        "Inspections increased",
        "No",
        12,
        "Treat",
        "IRIS Risks",
        "",
      ],
      [M, "HRC-001", "Jane Smith", NO_CHANGE_TEXT, "Yes", 12, "Treat", "IRIS Risks", ""],
    ]);
  });

  it("logs the carried-over update with the score its month had, as the facts' months (ending at the check's as-at) give it", () => {
    const facts = report.risks.find((f) => f.id === "HRC-001")!;
    // Twelve months ending at October 2022 (the check's as-at), first seen in June 2022, which scored 8.
    const months = [null, null, null, null, null, null, null, 8, 9, 9, 12, 12];
    const carried = (asAt?: string) =>
      recordToEdits(
        { ...facts, months, firstSeen: "2022-06-01" },
        { text: "", noChange: true },
        {
          meetingDate: "2022-11-02",
          ...(asAt ? { asAt } : {}),
          by: "Jane Smith",
          columns: fieldColumnsOf(report),
          settings: defaultSettings(),
          lastLoggedText: null,
        },
      ).log.rows[0][5];
    expect(carried("2022-10-10")).toBe(8);
    // Without the check's as-at the months are taken to end at the meeting's (November): June is then null.
    expect(carried()).toBeNull();
  });

  it("logs an undated carried-over update with no score: the history cannot say what it was then", () => {
    const r = reportOfSheets([
      register(risk({ id: "HRC-001", lastReview: null, update: "Old words" })),
    ]).report;
    const rows = plan(r, "HRC-001", { text: "New words", noChange: false }).log.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0][0]).toBeNull();
    expect(rows[0][5]).toBeNull();
  });

  it("does not carry text the Update Log already holds", () => {
    const r = reportOfSheets([
      register(risk({ id: "HRC-001", update: "Same words" })),
      updateLog(["01/10/2022", "HRC-001", "J", "Same words", "No", 12, "Treat"]),
    ]).report;
    expect(plan(r, "HRC-001", { text: "New words", noChange: false }).log.rows).toHaveLength(1);
  });

  it("changes likelihood and impact, works out score and RAG, strategy, owner", () => {
    const p = plan(report, "HRC-001", {
      text: "Worse after the storm",
      noChange: false,
      likelihood: 4,
      impact: 5,
      strategy: "Tolerate",
      owner: "Ali Khan",
    });
    expect(cellsOf(p)).toEqual([
      ["lastUpdated", 2, 9, M, DATE_FORMAT],
      ["update", 2, 10, "Worse after the storm", "@"],
      ["likelihood", 2, 3, 4, null],
      ["impact", 2, 4, 5, null],
      ["score", 2, 5, 20, null],
      ["rag", 2, 6, "Red", null],
      ["strategy", 2, 7, "Tolerate", "@"],
      ["owner", 2, 2, "Ali Khan", "@"],
    ]);
    expect(p.cells.filter((c) => c.derived).map((c) => c.field)).toEqual(["score", "rag"]);
    expect(p.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      "Likelihood: 3 → 4",
      "Impact: 4 → 5",
      "Score: 12 → 20",
      "RAG: Amber → Red",
      "Strategy: Treat → Tolerate",
      "Owner: Jane Smith → Ali Khan",
    ]);
    expect(p.log.rows.at(-1)).toEqual([
      M,
      "HRC-001",
      "Jane Smith",
      "Worse after the storm",
      "No",
      20,
      "Tolerate",
      "IRIS Risks",
      "Likelihood 3 → 4; Impact 4 → 5; Score 12 → 20; RAG Amber → Red; Strategy Treat → Tolerate; Owner Jane Smith → Ali Khan",
    ]);
  });

  it("writes nothing for values that did not change", () => {
    const p = plan(report, "HRC-002", {
      text: "x",
      noChange: false,
      likelihood: 3,
      impact: 4,
      strategy: "Treat",
      owner: "Jane Smith",
    });
    expect(p.cells.map((c) => c.field)).toEqual(["lastUpdated", "update"]);
  });

  it("changes an action's status and due date on the actions sheet", () => {
    const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    expect(card.actions.map((a) => [a.actionId, a.status, a.due, a.open])).toEqual([
      ["A-1", "In progress", "2022-11-30", true],
    ]);
    const p = plan(report, "HRC-001", {
      text: "Done",
      noChange: false,
      actions: [{ action: card.actions[0], status: "Completed", due: "2022-10-31" }],
    });
    expect(cellsOf(p).slice(2)).toEqual([
      ["action.status", 1, 5, "Completed", "@"],
      ["action.due", 1, 4, serialFromDay(dayFromIso("2022-10-31")!), DATE_FORMAT],
    ]);
    expect(p.cells.slice(2).every((c) => c.sheet === "IRIS Actions")).toBe(true);
    // The Update Log's Changes cell says it as SPEC writes it, so the history reads the due date's move back.
    expect(p.log.rows.at(-1)!.slice(7)).toEqual([
      "IRIS Risks",
      "A-1 status In progress → Completed; A-1 due 30/11/2022 → 31/10/2022",
    ]);
  });

  it("says so plainly when the register has no Last Updated or Latest Update column", () => {
    const bare: SheetSpec = {
      name: "Bare",
      rows: [
        [
          "Risk ID",
          "Risk Title",
          "Risk Owner",
          "Current Likelihood",
          "Current Impact",
          "Risk Response Strategy",
          "Risk Status",
        ],
        ["B-1", "Flooding", "Ali Khan", 2, 3, "Treat", "Open"],
      ],
    };
    const r = reportOfSheets([bare]).report;
    const p = plan(r, "B-1", { text: "Gullies cleared", noChange: false, likelihood: 1 });
    expect(p.cells.map((c) => c.field)).toEqual(["likelihood"]); // no score column: nothing worked out
    expect(p.notes).toEqual([
      "Bare has no Last Updated column, so the date is kept in the Update Log only.",
      "Bare has no Latest Update column, so the update is kept in the Update Log only.",
    ]);
    expect(p.log.rows).toEqual([
      [
        M,
        "B-1",
        "Jane Smith",
        "Gullies cleared",
        "No",
        3,
        "Treat",
        "Bare",
        // No RAG column (nor a colour-only RAG cell): no RAG cell changed, so none is listed.
        "Likelihood 2 → 1; Score 6 → 3",
      ],
    ]);
    expect(p.changes.map((c) => c.field)).toEqual(["likelihood", "score"]);
    expect(p.after.rag).toBe("green"); // the card still shows the band the new score falls in
  });

  it("refuses an empty update that is not a no-change entry", () => {
    expect(() => plan(report, "HRC-001", { text: "  ", noChange: false })).toThrow(/needs text/);
  });

  it("after the edits are applied, the reviewed risks are no longer flagged as not updated", () => {
    const before = report.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.recordId);
    expect(before.sort()).toEqual(["HRC-001", "HRC-002"]);
    let g = applyPlan(grids, plan(report, "HRC-001", { text: "", noChange: true }));
    g = applyPlan(g, plan(report, "HRC-002", { text: "Reviewed", noChange: false, impact: 5 }));
    const after = check(g, MEETING);
    expect(after.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
    expect(after.sheets.find((s) => s.name === "Update Log")?.kind).toBe("update-log");
    expect(loggedRows(after.history)).toHaveLength(3);
    expect(after.sheets.find((s) => s.name === "Update Log")?.recordCount).toBe(3);
    const f2 = after.risks.find((f) => f.id === "HRC-002")!;
    expect([f2.score, f2.latestUpdate, f2.latestUpdateText]).toEqual([15, MEETING, "Reviewed"]);
  });

  it("logs the register and the changes, which the history reads back (an action's due date moved)", () => {
    const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    const p = plan(report, "HRC-001", {
      text: "Slipped a month",
      noChange: false,
      actions: [{ action: card.actions[0], due: "2022-12-31" }],
    });
    const after = check(applyPlan(grids, p), MEETING);
    const entries = entriesOf(entriesFor(after.history, idKey("HRC-001")));
    expect(entries.at(-1)).toMatchObject({
      text: "Slipped a month",
      changes: "A-1 due 30/11/2022 → 31/12/2022",
    });
    expect(after.history.dueMoves.get(idKey("HRC-001"))).toEqual([
      {
        day: dayFromIso(MEETING),
        action: "A-1",
        from: dayFromIso("2022-11-30"),
        to: dayFromIso("2022-12-31"),
      },
    ]);
  });
});

describe("recordToEdits: the risk's own action on the register", () => {
  // SPEC "Actions inside the register": Action Owner / Action Due Date / Action Status on the register are
  // the risk's own action. The meeting changes its status and due date as it changes an actions sheet's row:
  // on the risk's own row, under those columns, and logged so the history reads the due date's move back.
  const headers = [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
  const own: SheetSpec = {
    name: "IRIS Risks",
    rows: [
      ["Contract risk register"],
      headers,
      [...risk({ id: "HRC-001", lastReview: "01/06/2022" }), "Bob Jones", "30/09/2022", "Open"],
    ],
  };
  const { grids, report } = reportOfSheets([own]);
  const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
  const ownAction = card.ownAction!;
  const col = (header: string) => headers.indexOf(header);

  it("is on the card as an action the meeting can change, on the risk's own row", () => {
    expect(ownAction).toMatchObject({
      own: true,
      sheet: "IRIS Risks",
      row: 3,
      status: "Open",
      due: "2022-09-30",
    });
  });

  it("writes its status and due date under the register's action columns, on the risk's row", () => {
    const p = plan(report, "HRC-001", {
      text: "Survey slipped",
      noChange: false,
      actions: [{ action: ownAction, status: "Delayed", due: "2022-10-31" }],
    });
    expect(cellsOf(p).slice(2)).toEqual([
      ["action.status", 2, col("Action Status"), "Delayed", "@"],
      ["action.due", 2, col("Action Due Date"), serialFromDay(dayFromIso("2022-10-31")!), DATE_FORMAT],
    ]);
    expect(p.cells.every((c) => c.sheet === "IRIS Risks")).toBe(true);
    expect(p.changes.map((c) => c.label)).toEqual([
      "Action on the register status",
      "Action on the register due",
    ]);
    expect(p.actionsAfter).toEqual([{ sheet: "IRIS Risks", row: 3, status: "Delayed", due: "2022-10-31" }]);
  });

  it("shows on the card as this meeting left it when the risk is shown again", () => {
    const p = plan(report, "HRC-001", {
      text: "Survey slipped",
      noChange: false,
      actions: [{ action: ownAction, status: "Delayed", due: "2022-10-31" }],
    });
    const again = withRecordedActions(card, p.actionsAfter, defaultSettings());
    expect(again.ownAction).toMatchObject({
      status: "Delayed",
      due: "2022-10-31",
      dueText: "31/10/2022",
      open: true,
    });
    expect(again.actions).toEqual(card.actions);
  });

  it("is logged so the history reads the own action's due date moving later", () => {
    const p = plan(report, "HRC-001", {
      text: "Survey slipped",
      noChange: false,
      actions: [{ action: ownAction, due: "2022-10-31" }],
    });
    expect(p.log.rows.at(-1)!.at(-1)).toBe("on the register due 30/09/2022 → 31/10/2022");
    const after = check(applyPlan(grids, p), MEETING);
    expect(after.history.dueMoves.get(idKey("HRC-001"))).toEqual([
      {
        day: dayFromIso(MEETING),
        action: "on the register",
        from: dayFromIso("2022-09-30"),
        to: dayFromIso("2022-10-31"),
      },
    ]);
    const facts = after.risks.find((f) => f.id === "HRC-001")!;
    const cardAfter = cardFor(facts, buildCardIndex(after, defaultSettings()));
    expect(cardAfter.ownAction).toMatchObject({ due: "2022-10-31", status: "Open" });
  });

  it("leaves a register without the action's column alone and says so", () => {
    const noStatus: SheetSpec = {
      name: "IRIS Risks",
      rows: [
        ["Contract risk register"],
        [...REGISTER_HEADERS, "Action Owner", "Action Due Date"],
        [...risk({ id: "HRC-001" }), "Bob Jones", "30/09/2022"],
      ],
    };
    const r = reportOfSheets([noStatus]).report;
    const a = cardFor(r.risks[0], buildCardIndex(r, defaultSettings())).ownAction!;
    const p = plan(r, "HRC-001", {
      text: "Done",
      noChange: false,
      actions: [{ action: a, status: "Complete" }],
    });
    expect(p.cells.filter((c) => c.field.startsWith("action."))).toEqual([]);
    expect(p.notes).toContain(
      "IRIS Risks has no action status column; the status of the action on the register was not written.",
    );
  });
});

describe("the card: several own actions on the register, one a line", () => {
  // SPEC "Actions inside the register"; fx29: registers keep several actions in the own-action cells, one a
  // line. The card lists each as the check reads it; the meeting does not offer to change such cells whole, as
  // a status or date written into one would replace every line of it (fx-ownline30: it offers each action's
  // line instead, tests/core/meeting/own-lines.test.ts).
  const headers = [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
  const several: SheetSpec = {
    name: "IRIS Risks",
    rows: [
      ["Contract risk register"],
      headers,
      [
        ...risk({ id: "HRC-001", actions: "1. Resurface A38\n2. Review claims" }),
        "J Smith\nK Lee",
        "31/08/2022\n31/12/2022",
        "In progress\nComplete",
      ],
    ],
  };
  const { report } = reportOfSheets([several]);
  const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));

  it("lists each action with its own owner, due date and status", () => {
    expect(card.ownActions.map((a) => [a.text, a.owner, a.dueText, a.status, a.open])).toEqual([
      ["Resurface A38", "J Smith", "31/08/2022", "In progress", true],
      ["Review claims", "K Lee", "31/12/2022", "Complete", false],
    ]);
  });

  it("offers no own action to change whole: the cells hold several, each offered its own line", () => {
    expect(card.ownAction).toBeNull();
    expect(card.ownLineActions.map((a) => a.line?.action.text)).toEqual(["Resurface A38", "Review claims"]);
  });
});

describe("recordToEdits: a register rating risks on its own Low / Medium / High scale", () => {
  // README "Real registers": a rating column in Low / Medium / High that rises with the score on bands of its
  // own (the CDDO template rates 6 Low) is that register's own scale, not a RAG colour. The meeting cannot
  // know the register's bands, so it leaves the rating for the officer rather than write a RAG band's word.
  const rows = [
    risk({ id: "R1", likelihood: 1, impact: 2, score: 2, rag: "Low" }),
    risk({ id: "R2", likelihood: 2, impact: 3, score: 6, rag: "Low" }),
    risk({ id: "R3", likelihood: 3, impact: 3, score: 9, rag: "Medium" }),
    risk({ id: "R4", likelihood: 3, impact: 4, score: 12, rag: "Medium" }),
    risk({ id: "R5", likelihood: 4, impact: 4, score: 16, rag: "High" }),
  ];
  const { report } = reportOfSheets([register(...rows)]);

  it("is read as the register's own scale", () => {
    expect(report.sheets.find((s) => s.name === "IRIS Risks")?.ownRatingScale).toBe(true);
  });

  it("writes the new score, leaves the rating as it is, and says why", () => {
    const p = plan(report, "R2", { text: "Worse", noChange: false, likelihood: 3 });
    expect(p.cells.map((c) => c.field)).toEqual(["lastUpdated", "update", "likelihood", "score"]);
    expect(p.changes.map((c) => c.field)).toEqual(["likelihood", "score"]);
    expect(p.notes).toContain(
      "IRIS Risks rates risks on its own Low / Medium / High scale, so the rating was left for you to set.",
    );
  });
});
