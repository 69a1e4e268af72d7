// Recording a meeting update on the strict fake host: what is written, how many syncs, conflicts,
// formulas kept, text kept as text, and the re-check afterwards.

import { idKey } from "../../src/core/model/records";
import { loggedRows } from "../helpers/logged-rows";
import { checkWorkbook } from "../../src/core/check";
import type { CellValue } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import type { Report } from "../../src/core/model/report";
import { buildCardIndex, cardFor, type MeetingAction } from "../../src/core/meeting/card";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { formulaCellNote } from "../../src/core/meeting/formula-cell-note";
import { planWithoutCells } from "../../src/core/meeting/own-lines-now";
import {
  fieldColumnsOf,
  recordToEdits,
  type ActionChange,
  type RecordChoice,
} from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { PlainError } from "../../src/excel/gateway";
import { readAllSheets } from "../../src/excel/read-sheets";
import { openUpdateLog, recordUpdate, type RecordUpdateRequest } from "../../src/excel/record-update";
import { adapterStats, resetAdapterStats } from "../../src/excel/run";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { writeCellValue } from "../fakes/fake-state";
import type { FakeHost } from "../fakes/fake-excel";
import { ACTION_HEADERS, REGISTER_HEADERS, action, risk } from "../core/rules/harness";
import { install, nameAsOwned } from "./helpers";

const MEETING = "2022-10-10";
const SERIAL_MEETING = 44844;
const HEADING = { asAt: MEETING, source: "workbook", version: "test", marking: "OFFICIAL" };

function registerSpec(scoreFormula = false) {
  const values: CellValue[][] = [
    ["Contract risk register"],
    REGISTER_HEADERS,
    risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
    risk({
      id: "HRC-002",
      lastReview: null,
      update: null,
      likelihood: 2,
      impact: 2,
      score: scoreFormula ? "=D4*E4" : 4,
      rag: "Green",
    }),
  ];
  return { sheets: [{ name: "IRIS Risks", values }] };
}

async function checked(): Promise<Report> {
  const grids = await readAllSheets();
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: MEETING,
    today: MEETING,
    source: "workbook",
  });
}

async function request(
  report: Report,
  id: string,
  choice: RecordChoice,
  logSheet: string,
): Promise<RecordUpdateRequest> {
  const facts = report.risks.find((f) => f.id === id)!;
  const plan = recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: null,
  });
  const snap = rowSnapshot(
    facts.record,
    report.sheets.find((s) => s.name === facts.sheet)!,
  )!;
  return { cells: plan.cells, log: plan.log, logSheet, expected: [snap] };
}

const cellValue = (host: FakeHost, sheet: string, a1: string) => host.cell(sheet, a1)?.v ?? null;

describe("recordUpdate on the fake host", () => {
  let host: FakeHost;
  let report: Report;
  let logSheet: string;

  beforeEach(async () => {
    host = install(registerSpec());
    report = await checked();
    logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    resetAdapterStats();
    host.resetStats();
  });

  it("creates the Update Log once, and finds it again by its owned name", async () => {
    expect(logSheet).toBe("Update Log");
    expect(
      await openUpdateLog(buildUpdateLogTab(HEADING), () => Promise.reject(new Error("must not write"))),
    ).toBe("Update Log");
    expect(host.stats().syncs).toBe(1); // sheets and names only
  });

  it("writes the register cells and appends the log row in one write sync (two syncs in all)", async () => {
    const result = await recordUpdate(
      await request(
        report,
        "HRC-002",
        { text: "=SUM(1) is not a formula", noChange: false, impact: 4 },
        logSheet,
      ),
    );
    expect(result.ok).toBe(true);
    expect(host.stats().syncs).toBe(2);
    expect(adapterStats().syncs).toBe(2);
    expect(host.stats().perSync.map((s) => s.error)).toEqual([undefined, undefined]);
    // Row 4: J last review, K latest update, E impact, F score, G RAG.
    expect(cellValue(host, "IRIS Risks", "J4")).toBe(SERIAL_MEETING);
    expect(host.cell("IRIS Risks", "J4")?.nf).toBe("dd/mm/yyyy");
    expect(cellValue(host, "IRIS Risks", "K4")).toBe("=SUM(1) is not a formula");
    expect(host.cell("IRIS Risks", "K4")?.formula).toBeUndefined();
    expect([
      cellValue(host, "IRIS Risks", "E4"),
      cellValue(host, "IRIS Risks", "F4"),
      cellValue(host, "IRIS Risks", "G4"),
    ]).toEqual([4, 8, "Amber"]);
    // Untouched cells stay as they were.
    expect([cellValue(host, "IRIS Risks", "C4"), cellValue(host, "IRIS Risks", "H4")]).toEqual([
      "Jane Smith",
      "Treat",
    ]);
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    expect(log.values.at(-1)!.slice(0, 8)).toEqual([
      SERIAL_MEETING,
      "IRIS Risks",
      "HRC-002",
      "Jane Smith",
      "=SUM(1) is not a formula",
      "No",
      8,
      "Treat",
    ]);
  });

  it("appends below the last entry each time, and the re-check finds both risks updated", async () => {
    const first = await recordUpdate(
      await request(report, "HRC-001", { text: "", noChange: true }, logSheet),
    );
    const second = await recordUpdate(
      await request(report, "HRC-002", { text: "Reviewed", noChange: false }, logSheet),
    );
    expect(first.ok && second.ok).toBe(true);
    // HRC-001's own text is carried into the log (two rows), then HRC-002's row follows.
    expect(first.ok && second.ok && [first.logRow, second.logRow]).toEqual([4, 6]);
    expect(host.stats().syncs).toBe(4);
    const after = await checked();
    expect(after.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
    expect(loggedRows(after.history).map((e) => [e.riskKey, e.by, e.noChange])).toEqual([
      [idKey("HRC-001"), "(register, before the meeting)", false],
      [idKey("HRC-001"), "Jane Smith", true],
      [idKey("HRC-002"), "Jane Smith", false],
    ]);
  });

  it("writes nothing and returns both versions when someone changed the row after the card was shown", async () => {
    writeCellValue(host.sheet("IRIS Risks"), 3, 2, "Ali Khan"); // a co-author changes HRC-002's owner
    const req = await request(report, "HRC-002", { text: "Ours", noChange: false }, logSheet);
    const result = await recordUpdate(req);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.conflicts[0].fields).toEqual([
      { col: 2, header: "Risk Owner", shown: "Jane Smith", now: "Ali Khan" },
    ]);
    expect(host.stats().syncs).toBe(1);
    expect(cellValue(host, "IRIS Risks", "K4")).toBeNull();
    expect(host.snapshot().sheets.find((s) => s.name === "Update Log")!.values).toHaveLength(4);

    const forced = await recordUpdate({ ...req, force: true });
    expect(forced.ok).toBe(true);
    expect([cellValue(host, "IRIS Risks", "K4"), cellValue(host, "IRIS Risks", "C4")]).toEqual([
      "Ours",
      "Ali Khan",
    ]);
  });

  it("refuses to append to a sheet that is no longer the add-in's", async () => {
    const log = host.sheet("Update Log");
    log.rows[0] = [];
    host.names = [];
    await expect(
      recordUpdate(await request(report, "HRC-002", { text: "x", noChange: false }, logSheet)),
    ).rejects.toThrow(PlainError);
    expect(cellValue(host, "IRIS Risks", "K4")).toBeNull();
  });

  it("turns a user typing in a cell into a plain message", async () => {
    host.failNextSync();
    await expect(
      recordUpdate(await request(report, "HRC-002", { text: "x", noChange: false }, logSheet)),
    ).rejects.toThrow(/press Enter or Esc/);
  });
});

describe("recordUpdate on an Update Log an earlier version made", () => {
  /** The owned log as version 0.1 wrote it: seven columns, the marker in H1; the officer added notes in H. */
  function oldLogSpec() {
    const spec = registerSpec();
    const header = ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Officer notes"];
    spec.sheets.push({
      name: "Update Log",
      values: [
        ["Update Log", null, null, null, null, null, null, OWNED_MARKER],
        ["OFFICIAL", "As at", 44844],
        [],
        header,
        [44800, "HRC-001", "Ali Khan", "Earlier words", "No", 12, "Treat", "chased twice"],
      ],
    } as (typeof spec.sheets)[number]);
    return spec;
  }

  it("adds Register and Changes to the right of the officer's column, and never writes in theirs", async () => {
    const host = install(oldLogSpec());
    nameAsOwned(host, "Update Log");
    const report = await checked();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), () =>
      Promise.reject(new Error("the log exists: must not write")),
    );
    expect(logSheet).toBe("Update Log");
    host.resetStats();
    const result = await recordUpdate(
      await request(report, "HRC-002", { text: "Reviewed", noChange: false, impact: 4 }, logSheet),
    );
    expect(result.ok).toBe(true);
    // Still two syncs: the header is read with the rows, and added with the row.
    expect(host.stats().syncs).toBe(2);
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    expect(log.values[3]).toEqual([
      "Date",
      "Risk ID",
      "By",
      "Update",
      "No change",
      "Score",
      "Strategy",
      "Officer notes",
      "Register",
      "Changes",
    ]);
    expect(log.bold).toEqual(expect.arrayContaining(["I4", "J4"]));
    // The officer's note stays on its row; the new row leaves their column empty.
    expect(log.values[4][7]).toBe("chased twice");
    expect(log.values[5]).toEqual([
      SERIAL_MEETING,
      "HRC-002",
      "Jane Smith",
      "Reviewed",
      "No",
      8,
      "Treat",
      "",
      "IRIS Risks",
      "Impact 2 → 4; Score 4 → 8; RAG Green → Amber",
    ]);
    // The re-check reads every entry, the officer's and ours, with the new columns.
    const after = await checked();
    expect(loggedRows(after.history).map((e) => [e.riskKey, e.register])).toEqual([
      [idKey("HRC-001"), ""],
      [idKey("HRC-002"), "IRIS Risks"],
    ]);

    // A second record finds the columns it added and adds none.
    const again = await recordUpdate(
      await request(after, "HRC-001", { text: "Next", noChange: false }, logSheet),
    );
    expect(again.ok).toBe(true);
    const log2 = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    expect(log2.values[3]).toHaveLength(10);
    expect(log2.values.at(-1)!.slice(7)).toEqual(["", "IRIS Risks", ""]);
  });
});

describe("recordUpdate with a score formula", () => {
  it("keeps the user's formula in the score cell and writes likelihood and impact", async () => {
    const host = install(registerSpec(true));
    const report = await checked();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const result = await recordUpdate(
      await request(report, "HRC-002", { text: "Up", noChange: false, likelihood: 3 }, logSheet),
    );
    expect(result.ok && result.keptFormulas).toEqual([{ address: "'IRIS Risks'!F4", field: "score" }]);
    expect(host.cell("IRIS Risks", "F4")?.formula).toBe("=D4*E4");
    expect(cellValue(host, "IRIS Risks", "D4")).toBe(3);
  });
});

describe("recordUpdate: a line write into a cell that holds a formula when written", () => {
  // SPEC Formulas: a register cell holding a formula is never replaced, "the same holds in the task pane and in
  // the meeting". A co-author's formula found at the write (the card read a value) is kept as one the card
  // saw is: the update's log row does not list the lines it would have changed (fx-meetline32).
  const HEADERS = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Current Risk Score",
    "Risk Response Strategy",
    "Latest Update",
    "Mitigating Actions",
    "Action Owner",
    "Action Due Date",
  ];

  it("keeps the formula, writes the other line cells, and lists only the changes written", async () => {
    const host = install({
      sheets: [
        {
          name: "Annex Risks",
          values: [
            HEADERS,
            [
              "R1",
              "Potholes",
              "Jane Smith",
              12,
              "Treat",
              "Old words",
              "a) Resurface A38\r\nb) Review claims",
              "JS\r\nAL",
              "31/10/2022\r\n31/12/2022",
            ],
          ],
        },
      ],
    });
    const report = await checked();
    const facts = report.risks[0];
    const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
    const [first, second] = card.ownLineActions;
    const plan = recordToEdits(
      facts,
      {
        text: "Claims review handed to KM",
        noChange: false,
        actions: [
          { action: second, owner: "KM" },
          { action: first, due: "2022-11-30" },
        ],
      },
      {
        meetingDate: MEETING,
        by: "Jane Smith",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    // The co-author's formula shows what the cell showed, so the row reads as the card's: no conflict.
    writeCellValue(host.sheet("Annex Risks"), 1, 7, "=Lookups!B2");
    host.cell("Annex Risks", "H2")!.v = "JS\r\nAL";
    const result = await recordUpdate({
      cells: plan.cells,
      log: plan.log,
      logLeaving: (left) => planWithoutCells(plan, left).log,
      logSheet,
      expected: [snap],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keptFormulas).toEqual([{ address: "'Annex Risks'!H2", field: "action.owner" }]);
    expect(result.keptCells.map((k) => [k.cell.col, k.value])).toEqual([[7, "JS\r\nAL"]]);
    expect(host.cell("Annex Risks", "H2")?.formula).toBe("=Lookups!B2");
    expect(cellValue(host, "Annex Risks", "I2")).toBe("30/11/2022\r\n31/12/2022");
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!.values;
    const changesAt = log.find((r) => r.includes("Changes"))!.indexOf("Changes");
    expect(log.at(-1)![changesAt]).toBe('"Resurface A38" on the register due 31/10/2022 → 30/11/2022');
    // The plan the pane keeps for the Meeting Record and the card says the same, the register's owners as they are.
    const made = planWithoutCells(plan, result.keptCells);
    expect(made.changes.map((c) => c.field)).toEqual(["action.due"]);
    expect(made.log.rows.at(-1)!.at(-1)).toBe(log.at(-1)![changesAt]);
    expect(made.after.record.fields.actionOwner?.value).toBe("JS\r\nAL");
  });
});

describe("recordUpdate: a whole cell that holds a formula when written (fx-wcell33)", () => {
  // SPEC Formulas: a register cell holding a formula is never replaced, in the meeting too. A co-author's formula
  // put in after the card was read is found by the write's first read and kept; the Update Log row, and the plan
  // the pane keeps for the card and the Meeting Record (planWithoutCells), then say what the register holds. A
  // score and RAG are never written from a likelihood or impact that was not.
  async function recordedOver(formulaAt: string, shows: CellValue, choice: RecordChoice) {
    const host = install(registerSpec());
    const report = await checked();
    const facts = report.risks.find((f) => f.id === "HRC-002")!;
    const plan = recordToEdits(facts, choice, {
      meetingDate: MEETING,
      by: "Jane Smith",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: null,
    });
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const at = host.cell("IRIS Risks", formulaAt)!;
    const [row, col] = [Number(formulaAt.slice(1)) - 1, formulaAt.charCodeAt(0) - 65];
    writeCellValue(host.sheet("IRIS Risks"), row, col, "=Lookups!B2");
    host.cell("IRIS Risks", formulaAt)!.v = shows ?? at.v;
    const result = await recordUpdate({
      cells: plan.cells,
      log: plan.log,
      logLeaving: (left) => planWithoutCells(plan, left).log,
      logSheet,
      expected: [snap],
    });
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!.values;
    const header = log.find((r) => r.includes("Changes"))!.map(String);
    const logged = (h: string) => log.at(-1)![header.indexOf(h)];
    return { host, plan, result, logged };
  }

  it("a likelihood kept: nor the score nor the RAG is written, and neither the log nor the plan claims them", async () => {
    const { host, plan, result, logged } = await recordedOver("D4", 2, {
      text: "Up",
      noChange: false,
      likelihood: 4,
      strategy: "Tolerate",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keptFormulas).toEqual([{ address: "'IRIS Risks'!D4", field: "likelihood" }]);
    expect(host.cell("IRIS Risks", "D4")?.formula).toBe("=Lookups!B2");
    expect(cellValue(host, "IRIS Risks", "F4")).toBe(4);
    expect(cellValue(host, "IRIS Risks", "G4")).toBe("Green");
    expect(cellValue(host, "IRIS Risks", "H4")).toBe("Tolerate");
    expect([logged("Score"), logged("Strategy")]).toEqual([4, "Tolerate"]);
    expect(logged("Changes")).toBe("Strategy Treat → Tolerate");
    const made = planWithoutCells(plan, result.keptCells);
    expect(made.changes.map((c) => c.field)).toEqual(["strategy"]);
    expect(made.after).toMatchObject({
      likelihood: 2,
      impact: 2,
      score: 4,
      rag: "green",
      strategy: "Tolerate",
    });
    expect(made.notes.join(" ")).toMatch(/score and RAG were not written/);
  });

  it("the owner and strategy kept: the log, the card's values and the record keep theirs", async () => {
    const { host, plan, result, logged } = await recordedOver("H4", "Treat", {
      text: "Up",
      noChange: false,
      strategy: "Tolerate",
      owner: "Ann Other",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(host.cell("IRIS Risks", "H4")?.formula).toBe("=Lookups!B2");
    expect(cellValue(host, "IRIS Risks", "C4")).toBe("Ann Other");
    expect([logged("Score"), logged("Strategy")]).toEqual([4, "Treat"]);
    expect(logged("Changes")).toBe("Owner Jane Smith → Ann Other");
    const made = planWithoutCells(plan, result.keptCells);
    expect(made.after).toMatchObject({ strategy: "Treat", owner: "Ann Other" });
    expect(made.log.rows.at(-1)!.slice(5)).toEqual([
      4,
      "Treat",
      "IRIS Risks",
      "Owner Jane Smith → Ann Other",
    ]);
  });
});

describe("recordUpdate: an action's status or due date that holds a formula when written (fx-aleft34)", () => {
  // As a whole register cell (fx-wcell33): an action's status or due date cell, on an actions sheet's row or the
  // risk's own action on the register (Action Owner / Action Due Date / Action Status, one action), that a
  // co-author turned into a formula after the card was read is kept; its change comes off the Update Log row, the
  // Meeting Record and the card (planWithoutCells), and the record's other changes are written and named.
  const OWN_HEADERS = [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
  const A1 = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

  /** HRC-002 with one action on the IRIS Actions sheet (row 2: due E2 30/11/2022, status F2 "In progress"). */
  function actionsSheetSpec() {
    const spec = registerSpec();
    spec.sheets.push({
      name: "IRIS Actions",
      values: [ACTION_HEADERS, action({ riskId: "HRC-002", actionId: "A-1" })],
    });
    return spec;
  }

  /** HRC-002 with its own action on the register (row 4: due P4 30/09/2022, status Q4 "Open"). */
  function ownActionSpec() {
    const values: CellValue[][] = [
      ["Contract risk register"],
      OWN_HEADERS,
      [...risk({ id: "HRC-001", lastReview: "01/06/2022" }), "Bob Jones", "30/09/2022", "Open"],
      [
        ...risk({
          id: "HRC-002",
          lastReview: null,
          update: null,
          likelihood: 2,
          impact: 2,
          score: 4,
          rag: "Green",
        }),
        "Bob Jones",
        "30/09/2022",
        "Open",
      ],
    ];
    return { sheets: [{ name: "IRIS Risks", values }] };
  }

  /**
   * Records HRC-002's update (`choice`, with `change` made to its one action) after a co-author put a formula in
   * the cell at `row`, `col` of `sheet`, showing what the cell showed (so the row reads as the card's).
   */
  async function recordedOver(
    spec: ReturnType<typeof registerSpec>,
    pick: (card: ReturnType<typeof cardFor>) => MeetingAction,
    change: Omit<ActionChange, "action">,
    at: { sheet: string; row: number; col: number },
  ) {
    const host = install(spec);
    const report = await checked();
    const facts = report.risks.find((f) => f.id === "HRC-002")!;
    const picked = pick(cardFor(facts, buildCardIndex(report, defaultSettings())));
    const plan = recordToEdits(
      facts,
      { text: "Up", noChange: false, strategy: "Tolerate", actions: [{ action: picked, ...change }] },
      {
        meetingDate: MEETING,
        by: "Jane Smith",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const shows = host.cell(at.sheet, A1(at.row, at.col))!.v;
    writeCellValue(host.sheet(at.sheet), at.row, at.col, "=Lookups!B2");
    host.cell(at.sheet, A1(at.row, at.col))!.v = shows;
    const result = await recordUpdate({
      cells: plan.cells,
      log: plan.log,
      logLeaving: (left) => planWithoutCells(plan, left).log,
      logSheet,
      expected: [snap],
    });
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!.values;
    const header = log.find((r) => r.includes("Changes"))!.map(String);
    const logged = (h: string) => log.at(-1)![header.indexOf(h)];
    return { host, plan, result, logged, picked };
  }

  const change = { status: "Delayed", due: "2022-12-31" };
  const SERIAL_DEC_31 = 44926; // 31/12/2022

  describe("an actions sheet's row", () => {
    const sheetAction = (card: ReturnType<typeof cardFor>) => card.actions[0];

    it("its status kept: the due date and strategy written and named, the status neither", async () => {
      const { host, plan, result, logged, picked } = await recordedOver(
        actionsSheetSpec(),
        sheetAction,
        change,
        {
          sheet: "IRIS Actions",
          row: 1,
          col: 5,
        },
      );
      expect(picked).toMatchObject({
        sheet: "IRIS Actions",
        row: 2,
        status: "In progress",
        due: "2022-11-30",
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.keptFormulas).toEqual([{ address: "'IRIS Actions'!F2", field: "action.status" }]);
      expect(host.cell("IRIS Actions", "F2")?.formula).toBe("=Lookups!B2");
      expect(cellValue(host, "IRIS Actions", "E2")).toBe(SERIAL_DEC_31);
      expect(cellValue(host, "IRIS Risks", "H4")).toBe("Tolerate");
      const changes = logged("Changes");
      // The plan named both of the action's changes; the row names only the one written.
      expect(plan.log.rows.at(-1)!.at(-1)).toBe(
        "Strategy Treat → Tolerate; A-1 status In progress → Delayed; A-1 due 30/11/2022 → 31/12/2022",
      );
      expect(changes).toBe("Strategy Treat → Tolerate; A-1 due 30/11/2022 → 31/12/2022");
      const made = planWithoutCells(plan, result.keptCells);
      expect(made.changes.map((c) => c.field)).toEqual(
        plan.changes.map((c) => c.field).filter((f) => f !== "action.status"),
      );
      expect(made.log.rows.at(-1)!.at(-1)).toBe(changes);
      expect(made.actionsAfter).toEqual([
        { sheet: "IRIS Actions", row: 2, status: "In progress", due: "2022-12-31" },
      ]);
      expect(made.after.strategy).toBe("Tolerate");
      expect(result.keptFormulas.map(formulaCellNote).join(" ")).toMatch(/'IRIS Actions'!F2 holds a formula/);
    });

    it("its due date kept: the status and strategy written and named, the due date neither", async () => {
      const { host, plan, result, logged } = await recordedOver(actionsSheetSpec(), sheetAction, change, {
        sheet: "IRIS Actions",
        row: 1,
        col: 4,
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.keptFormulas).toEqual([{ address: "'IRIS Actions'!E2", field: "action.due" }]);
      expect(host.cell("IRIS Actions", "E2")?.formula).toBe("=Lookups!B2");
      expect(cellValue(host, "IRIS Actions", "F2")).toBe("Delayed");
      expect(cellValue(host, "IRIS Risks", "H4")).toBe("Tolerate");
      const changes = logged("Changes");
      // The plan named both of the action's changes; the row names only the one written.
      expect(plan.log.rows.at(-1)!.at(-1)).toBe(
        "Strategy Treat → Tolerate; A-1 status In progress → Delayed; A-1 due 30/11/2022 → 31/12/2022",
      );
      expect(changes).toBe("Strategy Treat → Tolerate; A-1 status In progress → Delayed");
      const made = planWithoutCells(plan, result.keptCells);
      expect(made.changes.map((c) => c.field)).toEqual(
        plan.changes.map((c) => c.field).filter((f) => f !== "action.due"),
      );
      expect(made.log.rows.at(-1)!.at(-1)).toBe(changes);
      expect(made.actionsAfter).toEqual([
        { sheet: "IRIS Actions", row: 2, status: "Delayed", due: "2022-11-30" },
      ]);
      expect(result.keptFormulas.map(formulaCellNote).join(" ")).toMatch(/'IRIS Actions'!E2 holds a formula/);
    });
  });

  describe("the risk's own action on the register", () => {
    const ownAction = (card: ReturnType<typeof cardFor>) => card.ownAction!;
    const DUE = OWN_HEADERS.indexOf("Action Due Date");
    const STATUS = OWN_HEADERS.indexOf("Action Status");

    it("its status kept: the due date and strategy written and named, the status neither", async () => {
      const { host, plan, result, logged, picked } = await recordedOver(ownActionSpec(), ownAction, change, {
        sheet: "IRIS Risks",
        row: 3,
        col: STATUS,
      });
      expect(picked).toMatchObject({
        own: true,
        sheet: "IRIS Risks",
        row: 4,
        status: "Open",
        due: "2022-09-30",
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.keptFormulas).toEqual([
        { address: `'IRIS Risks'!${A1(3, STATUS)}`, field: "action.status" },
      ]);
      expect(host.cell("IRIS Risks", A1(3, STATUS))?.formula).toBe("=Lookups!B2");
      expect(cellValue(host, "IRIS Risks", A1(3, DUE))).toBe(SERIAL_DEC_31);
      expect(cellValue(host, "IRIS Risks", "H4")).toBe("Tolerate");
      const changes = logged("Changes");
      // The plan named both of the action's changes; the row names only the one written.
      expect(plan.log.rows.at(-1)!.at(-1)).toBe(
        "Strategy Treat → Tolerate; on the register status Open → Delayed; on the register due 30/09/2022 → 31/12/2022",
      );
      expect(changes).toBe("Strategy Treat → Tolerate; on the register due 30/09/2022 → 31/12/2022");
      const made = planWithoutCells(plan, result.keptCells);
      expect(made.changes.map((c) => c.field)).toEqual(
        plan.changes.map((c) => c.field).filter((f) => f !== "action.status"),
      );
      expect(made.log.rows.at(-1)!.at(-1)).toBe(changes);
      expect(made.actionsAfter).toEqual([{ sheet: "IRIS Risks", row: 4, status: "Open", due: "2022-12-31" }]);
      expect(result.keptFormulas.map(formulaCellNote).join(" ")).toMatch(
        new RegExp(`'IRIS Risks'!${A1(3, STATUS)} holds a formula`),
      );
    });

    it("its due date kept: the status and strategy written and named, the due date neither", async () => {
      const { host, plan, result, logged } = await recordedOver(ownActionSpec(), ownAction, change, {
        sheet: "IRIS Risks",
        row: 3,
        col: DUE,
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.keptFormulas).toEqual([{ address: `'IRIS Risks'!${A1(3, DUE)}`, field: "action.due" }]);
      expect(host.cell("IRIS Risks", A1(3, DUE))?.formula).toBe("=Lookups!B2");
      expect(cellValue(host, "IRIS Risks", A1(3, STATUS))).toBe("Delayed");
      expect(cellValue(host, "IRIS Risks", "H4")).toBe("Tolerate");
      const changes = logged("Changes");
      // The plan named both of the action's changes; the row names only the one written.
      expect(plan.log.rows.at(-1)!.at(-1)).toBe(
        "Strategy Treat → Tolerate; on the register status Open → Delayed; on the register due 30/09/2022 → 31/12/2022",
      );
      expect(changes).toBe("Strategy Treat → Tolerate; on the register status Open → Delayed");
      const made = planWithoutCells(plan, result.keptCells);
      expect(made.changes.map((c) => c.field)).toEqual(
        plan.changes.map((c) => c.field).filter((f) => f !== "action.due"),
      );
      expect(made.log.rows.at(-1)!.at(-1)).toBe(changes);
      expect(made.actionsAfter).toEqual([
        { sheet: "IRIS Risks", row: 4, status: "Delayed", due: "2022-09-30" },
      ]);
      expect(result.keptFormulas.map(formulaCellNote).join(" ")).toMatch(
        new RegExp(`'IRIS Risks'!${A1(3, DUE)} holds a formula`),
      );
    });
  });
});
