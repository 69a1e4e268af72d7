// A sceptical review of the Review view's core, as a council officer chairing the monthly Risk Management
// Board would meet it: registers the authors did not write (annexes numbering their own risks, a risk on two
// registers, a register with dated lines and no date column, a workbook with its own matrix, a merged annex
// column), and the queue, the record, the Meeting Record, proposals and conflicts checked against SPEC.
// Six of these once failed: a risk on two registers queued twice; last month's "No change this month" in
// the register lost; a carried-over history undated; High / Medium / Low registers written "Red"; a risk
// whose proposal was accepted listed as not reached; a merged annex cell taken for a co-author's change.

import { buildCardIndex, cardFor } from "../../../src/core/meeting/card";
import { findConflicts, rowSnapshot } from "../../../src/core/meeting/conflict";
import { acceptedProposalLog } from "../../../src/core/meeting/accept-proposal";
import {
  buildMeetingRecord,
  notReviewedRisks,
  type QueueOutcome,
  type ReviewedRisk,
} from "../../../src/core/meeting/meeting-record";
import { buildQueue, type QueueItem } from "../../../src/core/meeting/queue";
import {
  DATE_FORMAT,
  NO_CHANGE_TEXT,
  REGISTER_AUTHOR,
  fieldColumnsOf,
  lastLoggedTexts,
  recordToEdits,
  type RecordChoice,
  type RecordPlan,
} from "../../../src/core/meeting/record";
import { formulaKey, gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import type { Proposal } from "../../../src/core/model/history";
import { isDateCell } from "../../../src/core/model/owned-tab";
import type { Report } from "../../../src/core/model/report";
import type { RiskFacts } from "../../../src/core/model/risk-summary";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso, serialFromDay } from "../../../src/core/parse";
import { action, actionsSheet, REGISTER_HEADERS, register, risk, type SheetSpec } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const MEETING = "2022-10-10";
const serial = (iso: string) => serialFromDay(dayFromIso(iso)!);

/** Plans one record as the Review view does (columns, matrix, last logged text from the report). */
function planFor(report: Report, facts: RiskFacts, choice: RecordChoice, meetingDate = MEETING): RecordPlan {
  return recordToEdits(facts, choice, {
    meetingDate,
    asAt: report.asAt,
    by: "Cllr Chair",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: lastLoggedTexts(report)(facts),
    ragMatrix: report.ragMatrix,
  });
}

const riskOf = (report: Report, sheet: string, id: string) =>
  report.risks.find((f) => f.sheet === sheet && f.id === id)!;

const ids = (q: QueueItem[]) => q.map((i) => `${i.facts.sheet}!${i.facts.id}`);

/** A register sheet under another name, with the usual headers (data from row 3). */
function namedRegister(name: string, ...rows: CellValue[][]): SheetSpec {
  return { name, rows: [["Risk register"], REGISTER_HEADERS, ...rows] };
}

/** A built tab's rows, each as its filled cells joined by " | " (dates as "date ISO"). */
function tabLines(tab: ReturnType<typeof buildMeetingRecord>): string[] {
  return tab.rows.map((r) =>
    r
      .filter((v) => v !== null && v !== "")
      .map((v) => (isDateCell(v) ? `date ${v.date}` : String(v)))
      .join(" | "),
  );
}

// ---------------------------------------------------------------------------------------------------------
describe("chair's review: the meeting queue", () => {
  it("at a meeting held on 31 March, an update made on 28 February (29 February in a leap year) still counts", () => {
    // SPEC "Latest update": "as at 31 March, on or after 28 (29) February. The meeting queue uses the same
    // rule with the meeting date as the as-at date."
    const sheets = (year: number, feb: number) => [
      register(
        risk({ id: "R-FEB-LAST", lastReview: `${feb}/02/${year}` }),
        risk({ id: "R-FEB-BEFORE", lastReview: `${feb - 1}/02/${year}` }),
      ),
    ];
    for (const [year, feb] of [
      [2023, 28],
      [2024, 29],
    ]) {
      const { report } = reportOfSheets(sheets(year, feb), `${year}-03-31`);
      const q = buildQueue(report, { meetingDate: `${year}-03-31` });
      expect([year, q.map((i) => [i.facts.id, i.due])]).toEqual([
        year,
        [
          ["R-FEB-BEFORE", true],
          ["R-FEB-LAST", false],
        ],
      ]);
    }
  });

  it("leaves out closed, merged, superseded and transferred risks and keeps draft and proposed ones", () => {
    // SPEC "Risk status": open = Open, Live, Active, Escalated, Proposed, Draft; closed = Closed, Archived,
    // Transferred, Retired, and Merged / Superseded / Combined … Words or a date after the status word are fine.
    const { report } = reportOfSheets([
      register(
        risk({ id: "R-OPEN", status: "Open" }),
        risk({ id: "R-CLOSED", status: "Closed (30/09/2022)" }),
        risk({ id: "R-MERGED", status: "Merged into R-OPEN" }),
        risk({ id: "R-SUPER", status: "Superseded by R-OPEN" }),
        risk({ id: "R-TRANS", status: "Transferred" }),
        risk({ id: "R-DRAFT", status: "Draft" }),
        risk({ id: "R-PROP", status: "Proposed" }),
      ),
    ]);
    expect(ids(buildQueue(report, { meetingDate: MEETING })).sort()).toEqual(
      ["IRIS Risks!R-DRAFT", "IRIS Risks!R-OPEN", "IRIS Risks!R-PROP"].sort(),
    );
  });

  it("puts a never-updated risk first, then the oldest update, reading a date from the update text's dated lines", () => {
    // SPEC "Latest update": the newest of its own lastUpdated date, the dated lines of its update text, …
    // README Review: "those due for their monthly update first" (never updated, then oldest update).
    const { report } = reportOfSheets([
      register(
        risk({ id: "R-SEPT", lastReview: "01/09/2022", update: "Crews short" }),
        risk({ id: "R-LINES", lastReview: null, update: "12/08/22 – reviewed at RMB\n01/07/22 – raised" }),
        risk({ id: "R-NEVER", lastReview: "TBC", update: null }),
        risk({ id: "R-CURRENT", lastReview: "03/10/2022" }),
      ),
    ]);
    const q = buildQueue(report, { meetingDate: MEETING });
    expect(q.map((i) => [i.facts.id, i.due])).toEqual([
      ["R-NEVER", true],
      ["R-LINES", true],
      ["R-SEPT", true],
      ["R-CURRENT", false],
    ]);
  });

  it("filters by annex (a Service Area column) and owner however they are typed, and by 'no score' band", () => {
    // README Review: "which registers or annexes, and optionally an owner or a score band".
    const headers = [...REGISTER_HEADERS, "Service Area"];
    const { report } = reportOfSheets([
      {
        name: "Contract Register",
        rows: [
          headers,
          [...risk({ id: "SL-1", owner: "Ali Khan" }), "Street Lighting"],
          [...risk({ id: "SL-2", owner: "Jane Smith" }), "Street lighting "],
          [...risk({ id: "HW-1", owner: "Ali Khan" }), "Highways"],
          [
            ...risk({
              id: "HW-2",
              owner: "Ali Khan",
              likelihood: null,
              impact: null,
              score: null,
              rag: null,
            }),
            "Highways",
          ],
        ],
      },
    ]);
    const pick = (f: Parameters<typeof buildQueue>[1]) =>
      buildQueue(report, f)
        .map((i) => i.facts.id)
        .sort();
    expect(pick({ meetingDate: MEETING, annexes: ["STREET LIGHTING"] })).toEqual(["SL-1", "SL-2"]);
    expect(pick({ meetingDate: MEETING, owners: [" ali  khan"] })).toEqual(["HW-1", "HW-2", "SL-1"]);
    expect(pick({ meetingDate: MEETING, annexes: ["Highways"], scoreBand: ["none"] })).toEqual(["HW-2"]);
  });

  it("on annexes that number their own risks, recording R1 on Annex A leaves R1 on Annex B due", () => {
    // SPEC "Ids numbered per sheet": "where several registers (one per annex, say) each number their own risks
    // from the start … ids are per sheet".
    const sheets = [
      namedRegister(
        "Annex A",
        risk({ id: "R1", title: "Gully cleansing backlog", lastReview: "01/06/2022" }),
        risk({ id: "R2", title: "Winter salt stock", lastReview: "01/06/2022" }),
      ),
      namedRegister(
        "Annex B",
        risk({ id: "R1", title: "Lantern supply delays", lastReview: "01/06/2022" }),
        risk({ id: "R2", title: "Column structural failures", lastReview: "01/06/2022" }),
      ),
    ];
    const { grids, report } = reportOfSheets(sheets);
    expect(buildQueue(report, { meetingDate: MEETING })).toHaveLength(4);
    const p = planFor(report, riskOf(report, "Annex A", "R1"), { text: "Backlog cleared", noChange: false });
    const after = check(applyPlan(grids, p), MEETING);
    const q = buildQueue(after, { meetingDate: MEETING });
    // Due risks first (equally old: register order), then the one just recorded.
    expect(q.map((i) => [i.facts.sheet, i.facts.id, i.due])).toEqual([
      ["Annex A", "R2", true],
      ["Annex B", "R1", true],
      ["Annex B", "R2", true],
      ["Annex A", "R1", false],
    ]);
  });

  it("a contract-wide risk recorded on the corporate register is no longer due on the directorate register it also stands on", () => {
    // SPEC "Ids numbered per sheet": "Otherwise (ids made for the whole contract, like HRC-003) the same id is
    // the same risk on every sheet"; SPEC "Latest update": the newest of … its Update Log entries.
    const sheets = [
      namedRegister(
        "Corporate Register",
        risk({ id: "HRC-003", title: "Contractor insolvency", lastReview: "01/06/2022" }),
        risk({ id: "HRC-010", title: "Cyber attack", lastReview: "01/06/2022" }),
      ),
      namedRegister(
        "Directorate Register",
        risk({ id: "HRC-003", title: "Contractor insolvency", lastReview: "01/06/2022" }),
        risk({ id: "HRC-011", title: "Winter service", lastReview: "01/06/2022" }),
      ),
    ];
    const { grids, report } = reportOfSheets(sheets);
    const p = planFor(report, riskOf(report, "Corporate Register", "HRC-003"), {
      text: "Parent company guarantee confirmed",
      noChange: false,
    });
    const after = check(applyPlan(grids, p), MEETING);
    const q = buildQueue(after, { meetingDate: MEETING });
    // Brought to the meeting once (see the next test), and no longer due on either register.
    expect(q.filter((i) => i.facts.id === "HRC-003").map((i) => i.due)).toEqual([false]);
    const directorate = after.risks.find((r) => r.sheet === "Directorate Register" && r.id === "HRC-003")!;
    expect(directorate.latestUpdate).toBe(MEETING);
  });

  it("brings a risk that stands on two registers (same id and title) to the meeting once, not twice", () => {
    // SPEC "Owned tabs": "A risk that stands on several registers (the same risk by id and title) is counted
    // once and shown once, naming each register it is on." (The queue is judged by the same rule here.)
    const { report } = reportOfSheets([
      namedRegister("Corporate Register", risk({ id: "HRC-003", title: "Contractor insolvency" })),
      namedRegister("Directorate Register", risk({ id: "HRC-003", title: "Contractor insolvency" })),
    ]);
    const q = buildQueue(report, { meetingDate: MEETING });
    expect(q.filter((i) => i.facts.id === "HRC-003")).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("chair's review: recording an update", () => {
  it("keeps last month's 'No change this month' typed in the register when this month's no-change replaces it", () => {
    // record.ts/README: the register's own text is carried into the Update Log before it is replaced, "so
    // nothing an officer wrote is lost"; SPEC rule no-change-while-slipping counts the last two no-change updates.
    const { report } = reportOfSheets([
      register(risk({ id: "HRC-001", lastReview: "01/09/2022", update: NO_CHANGE_TEXT })),
    ]);
    const p = planFor(report, report.risks[0], { text: "", noChange: true });
    expect(p.log.rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      [serial("2022-09-01"), REGISTER_AUTHOR, NO_CHANGE_TEXT],
      [serial(MEETING), "Cllr Chair", NO_CHANGE_TEXT],
    ]);
  });

  it("dates the register's carried-over history by its newest dated line when the register has no Last Updated column", () => {
    // SPEC "Dated lines in the update text": the newest date "counts as a lastUpdated date where the register
    // has no date column"; record.ts: carried into the log "dated as the register dated it".
    const { report } = reportOfSheets([
      {
        name: "Highways Annex",
        rows: [
          [
            "Risk ID",
            "Risk Title",
            "Risk Owner",
            "Likelihood",
            "Impact",
            "Risk Score",
            "Strategy",
            "Mitigating Actions",
            "Commentary",
            "Status",
          ],
          [
            "HW-4",
            "Bridge strike",
            "Ali Khan",
            3,
            4,
            12,
            "Treat",
            "Height signage",
            "12/09/22 – reviewed at RMB\n01/08/22 – contractor notified",
            "Open",
          ],
        ],
      },
    ]);
    const facts = report.risks[0];
    expect(facts.latestUpdate).toBe("2022-09-12");
    const p = planFor(report, facts, { text: "Signage installed", noChange: false });
    expect(p.log.rows).toHaveLength(2);
    expect([p.log.rows[0][0], p.log.rows[0][2]]).toEqual([serial("2022-09-12"), REGISTER_AUTHOR]);
  });

  it("rates a changed likelihood by the workbook's own matrix, which may rate 4 × 2 and 2 × 4 differently", () => {
    // SPEC "RAG scale": "A workbook that carries its own risk matrix … sets the bands for that workbook".
    const rating = (l: number, i: number) =>
      l * i >= 10 || (l >= 4 && i >= 2) ? "High" : l * i >= 4 ? "Medium" : "Low";
    const matrix: CellValue[][] = [["Risk matrix"], [null, "Impact"], ["Likelihood", 1, 2, 3, 4, 5]];
    for (let l = 5; l >= 1; l--) matrix.push([l, ...[1, 2, 3, 4, 5].map((i) => rating(l, i))]);
    const grids = [
      gridFromRows("Matrix", matrix),
      gridFromRows("IRIS Risks", [
        REGISTER_HEADERS,
        risk({ id: "R1", likelihood: 2, impact: 2, score: 4, rag: "Medium" }),
      ]),
    ];
    const report = check(grids);
    expect(report.ragMatrix).toBeDefined();
    const likelier = planFor(report, report.risks[0], {
      text: "More strikes",
      noChange: false,
      likelihood: 4,
    });
    const worse = planFor(report, report.risks[0], { text: "Costlier strikes", noChange: false, impact: 4 });
    expect([likelier.after.score, likelier.after.rag]).toEqual([8, "red"]);
    expect([worse.after.score, worse.after.rag]).toEqual([8, "amber"]);
    expect(
      check(applyPlan(grids, likelier)).findings.filter((f) => f.ruleId === "risk/rag-mismatch"),
    ).toEqual([]);
  });

  it("writes the new rating in the register's own words (High / Medium / Low) where its RAG column uses them", () => {
    // SPEC "Values": RAG words include Very High and High as red, Medium as amber, Low and Very Low as green;
    // an officer's register that says High/Medium/Low should not start saying "Red" in one row.
    const { report } = reportOfSheets([
      register(
        risk({ id: "R1", likelihood: 2, impact: 2, score: 4, rag: "Low" }),
        risk({ id: "R2", likelihood: 3, impact: 3, score: 9, rag: "Medium" }),
        risk({ id: "R3", likelihood: 4, impact: 4, score: 16, rag: "High" }),
      ),
    ]);
    const p = planFor(report, riskOf(report, "IRIS Risks", "R1"), {
      text: "Worse",
      noChange: false,
      likelihood: 5,
      impact: 4,
    });
    expect(p.cells.find((c) => c.field === "rag")?.value).toBe("High");
  });

  it("leaves a score and RAG worked out by formulas for the workbook to work out, and logs the new score", () => {
    // SPEC "Formulas": "a register cell holding a formula is never replaced by a value … The same holds in the
    // task pane and in the meeting."
    const rows: CellValue[][] = [["Contract risk register"], REGISTER_HEADERS, risk({ id: "HRC-001" })];
    const g: Grid = gridFromRows("IRIS Risks", rows, {
      formulas: new Set([formulaKey(2, 5), formulaKey(2, 6)]),
    });
    const report = check([g]);
    const p = planFor(report, report.risks[0], { text: "Worse after storm", noChange: false, impact: 5 });
    const formulaCells = p.cells.filter((c) => c.col === 5 || c.col === 6);
    // Either not planned at all, or marked as worked out (the adapter keeps a formula cell's formula).
    expect(formulaCells.every((c) => c.derived)).toBe(true);
    expect(p.cells.filter((c) => !c.derived).map((c) => c.field)).toEqual([
      "lastUpdated",
      "update",
      "impact",
    ]);
    expect(p.log.rows.at(-1)![5]).toBe(15);
  });

  it("changes an owner given as TBC and leaves a strategy the officer confirms, written as 'Reduce', as it is", () => {
    // SPEC "Placeholders": an owner "TBC" is a missing owner; "Strategy words": Treat (reduce, mitigate, control).
    const { report } = reportOfSheets([register(risk({ id: "HRC-001", owner: "TBC", strategy: "Reduce" }))]);
    const p = planFor(report, report.risks[0], {
      text: "Owner agreed at RMB",
      noChange: false,
      owner: "Ali Khan",
      strategy: "Treat",
    });
    expect(p.cells.map((c) => [c.field, c.value])).toEqual([
      ["lastUpdated", serial(MEETING)],
      ["update", "Owner agreed at RMB"],
      ["owner", "Ali Khan"],
    ]);
    expect(p.log.rows.at(-1)![8]).toBe("Owner (blank) → Ali Khan");
  });

  it("writes dates as Excel dates, even over a Last Updated cell that holds a date typed as text", () => {
    // SPEC "Owned tabs": "Dates are written as Excel dates with a UK date format, never as text."
    const { report } = reportOfSheets([
      { ...register(risk({ id: "HRC-001", lastReview: "01/06/2022" })), formats: { "2,9": "@" } },
    ]);
    const p = planFor(report, report.risks[0], { text: "Reviewed", noChange: false });
    expect(p.cells.find((c) => c.field === "lastUpdated")).toMatchObject({
      value: serial(MEETING),
      format: DATE_FORMAT,
    });
    // Both log rows (the carried register text, then the meeting's) are dated by numbers, not text.
    expect(p.log.rows.map((r) => r[0])).toEqual([serial("2022-06-01"), serial(MEETING)]);
  });

  it("writes text that looks like a formula as text, and it reads back as the officer typed it", () => {
    // SPEC "What must never happen": "text starting with =, +, -, @, tab, CR or LF is stored as text".
    const sheets = [
      register(risk({ id: "HRC-001", lastReview: "01/09/2022" })),
      actionsSheet(action({ riskId: "HRC-001", actionId: "A-1" })),
    ];
    const { grids, report } = reportOfSheets(sheets);
    const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    const p = planFor(report, report.risks[0], {
      text: "=2 crews short; see IRIS",
      noChange: false,
      owner: "@Streetworks team",
      actions: [{ action: card.actions[0], status: "+ on hold until April" }],
    });
    const text = p.cells.filter((c) => typeof c.value === "string");
    expect(text.map((c) => [c.field, c.value, c.format])).toEqual([
      ["update", "=2 crews short; see IRIS", "@"],
      ["owner", "@Streetworks team", "@"],
      ["action.status", "+ on hold until April", "@"],
    ]);
    const after = check(applyPlan(grids, p), MEETING);
    const f = after.risks[0];
    expect([f.latestUpdateText, f.owner]).toEqual(["=2 crews short; see IRIS", "@Streetworks team"]);
  });

  it("on a register with no Last Updated or Latest Update column, the update still makes the risk current", () => {
    // README Review: "Each record writes the register's last-updated date and latest update and adds a row to
    // the Update Log"; SPEC "Latest update": the newest of … its Update Log entries.
    const bare: SheetSpec = {
      name: "Parks Annex",
      rows: [
        [
          "Risk ID",
          "Risk Title",
          "Risk Owner",
          "Likelihood",
          "Impact",
          "Strategy",
          "Mitigating Actions",
          "Status",
        ],
        ["P-1", "Tree failure", "Ali Khan", 2, 4, "Treat", "Survey programme", "Open"],
      ],
    };
    const { grids, report } = reportOfSheets([bare]);
    expect(buildQueue(report, { meetingDate: MEETING })[0].due).toBe(true);
    const p = planFor(report, report.risks[0], { text: "", noChange: true });
    expect(p.cells).toEqual([]);
    const after = check(applyPlan(grids, p), MEETING);
    expect(buildQueue(after, { meetingDate: MEETING })[0].due).toBe(false);
    expect(after.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("chair's review: the Meeting Record", () => {
  // A meeting of four risks: HRC-001 recorded twice, HRC-002 skipped, HRC-003 only had its proposal accepted,
  // HRC-004 not reached. The inputs are put together as the Review view (useMeeting.ts) puts them together:
  // reviewed = risks with a record (changes of every record, in order; the last record's words), not reviewed
  // = every other risk in the queue.
  const sheets = [
    register(
      risk({ id: "HRC-001", lastReview: "01/06/2022", likelihood: 2, impact: 4, score: 8 }),
      risk({ id: "HRC-002", lastReview: "01/06/2022" }),
      risk({ id: "HRC-003", lastReview: "01/10/2022", likelihood: 4, impact: 5, score: 20, rag: "Red" }),
      risk({ id: "HRC-004", lastReview: "01/05/2022" }),
    ),
  ];
  const { grids, report } = reportOfSheets(sheets);
  const queue = buildQueue(report, { meetingDate: MEETING });
  const facts1 = riskOf(report, "IRIS Risks", "HRC-001");
  const first = planFor(report, facts1, { text: "Impact up after audit", noChange: false, impact: 5 });
  const mid = check(applyPlan(grids, first), MEETING);
  const second = planFor(mid, riskOf(mid, "IRIS Risks", "HRC-001"), {
    text: "Likelihood up too",
    noChange: false,
    likelihood: 4,
  });
  const end = check(applyPlan(applyPlan(grids, first), second), MEETING);
  const proposal: Proposal = {
    recordId: "HRC-003",
    sheet: "IRIS Risks",
    row: riskOf(report, "IRIS Risks", "HRC-003").row,
    action: "escalate",
    destination: "strategic-board",
    reason: "score 20 above appetite (Cautious, 9) for 2 months",
  };
  const reviewed: ReviewedRisk[] = [
    {
      id: "HRC-001",
      title: facts1.title,
      sheet: facts1.sheet,
      row: facts1.row,
      address: `A${facts1.row}`,
      noChange: false,
      text: second.text,
      changes: [...first.changes, ...second.changes],
    },
  ];
  const outcomes = new Map<string, QueueOutcome>([
    [queue.find((q) => q.facts.id === "HRC-001")!.key, "recorded"],
    [queue.find((q) => q.facts.id === "HRC-002")!.key, "skipped"],
  ]);
  const notReviewed = notReviewedRisks(queue, (key) => outcomes.get(key));
  const tab = buildMeetingRecord({
    meeting: {
      date: MEETING,
      attendees: ["Cllr Chair", "Jane Smith", "Ali Khan"],
      by: "Cllr Chair",
      registers: ["IRIS Risks"],
      annexes: [],
    },
    reviewed,
    notReviewed,
    escalationsAtStart: report.escalations,
    escalationsAtEnd: end.escalations,
    proposalsAccepted: [proposal],
    source: "workbook",
    version: "test",
    marking: "OFFICIAL-SENSITIVE",
  });
  const lines = tabLines(tab);
  const section = (title: string) => {
    const at = lines.findIndex((l) => l.startsWith(title));
    const out: string[] = [];
    for (let i = at + 2; i < lines.length && lines[i] !== ""; i++) out.push(lines[i]);
    return { title: lines[at], rows: out };
  };

  it("gives the meeting's date as a date, its attendees, and each record of a risk recorded twice as changes made", () => {
    // SPEC "Meeting Record": "date, attendees, risks reviewed, changes made, risks not reviewed, new escalations".
    expect(lines).toContain(`Date | date ${MEETING}`);
    expect(lines).toContain("Attendees | Cllr Chair, Jane Smith, Ali Khan");
    expect(section("Risks reviewed")).toEqual({
      title: "Risks reviewed (1)",
      rows: [
        `HRC-001 | ${facts1.title} | Updated | Likelihood up too | Impact: 4 → 5; Score: 8 → 10; Likelihood: 2 → 4; Score: 10 → 20; RAG: Amber → Red | IRIS Risks`,
      ],
    });
    expect(section("Changes made").title).toBe("Changes made (5)");
    expect(section("Risks not reviewed").rows.filter((r) => r.startsWith("HRC-002"))).toEqual([
      `HRC-002 | ${riskOf(report, "IRIS Risks", "HRC-002").title} | Jane Smith | Skipped | Yes`,
    ]);
  });

  it("logs the register's own words once: a risk recorded a second time carries nothing into the log again", () => {
    // record.ts: the register's text is carried "when … the Update Log does not hold it yet".
    expect(first.log.rows.map((r) => r[2])).toEqual([REGISTER_AUTHOR, "Cllr Chair"]);
    expect(second.log.rows.map((r) => [r[2], r[3], r[5]])).toEqual([["Cllr Chair", "Likelihood up too", 20]]);
  });

  it("lists a risk newly routed by the meeting's changes under new escalations, and the accepted proposal under proposals accepted", () => {
    // SPEC "Meeting Record": "new escalations"; README Review: "the acceptance goes to the Update Log and the
    // Meeting Record". HRC-001 went from 8 to 20: newly to the corporate register.
    expect(section("New escalations").rows).toEqual([
      expect.stringMatching(/^HRC-001 \| Corporate risk register \| IRIS Risks \| .*20/),
    ]);
    expect(section("Proposals accepted")).toEqual({
      title: "Proposals accepted (1)",
      rows: [
        "HRC-003 | Escalate to Strategic Partnership Board | IRIS Risks | score 20 above appetite (Cautious, 9) for 2 months",
      ],
    });
  });

  it("does not list a risk whose proposal the chair accepted in the meeting as 'not reached'", () => {
    // README Review: "A card's proposal for the boards … is accepted with Accept proposal: the acceptance goes
    // to the Update Log and the Meeting Record" — the board discussed HRC-003, so it was reached.
    const hrc3 = section("Risks not reviewed").rows.filter((r) => r.startsWith("HRC-003"));
    expect(hrc3.filter((r) => r.includes("Not reached"))).toEqual([]);
  });

  it("records an accepted proposal in the Update Log only, with the score as the meeting left it", () => {
    // SPEC "Proposals": "never applied by themselves"; README: "the register is left as it is".
    const facts3 = riskOf(end, "IRIS Risks", "HRC-003");
    const log = acceptedProposalLog(proposal, facts3, MEETING, "Cllr Chair");
    const g = applyPlan(grids, { ...first, cells: [], log });
    expect(g.find((x) => x.sheetName === "IRIS Risks")!.values).toEqual(grids[0].values);
    const after = check(g, MEETING);
    expect(lastLoggedTexts(after)(riskOf(after, "IRIS Risks", "HRC-003"))).toMatch(
      /^Proposal accepted: Escalate to Strategic Partnership Board/,
    );
    expect(log.rows[0][5]).toBe(20);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("chair's review: a co-author's change since the card was shown", () => {
  it("is found on a register whose table starts in column B, naming the Latest Update column", () => {
    // README Review: "A co-author's change to the row since the card was shown is shown beside yours before
    // anything is written".
    const rows: CellValue[][] = [
      [null, "Contract risk register"],
      [null, ...REGISTER_HEADERS],
      [null, ...risk({ id: "HRC-001" })],
    ];
    const report = check([gridFromRows("IRIS Risks", rows)]);
    const facts = report.risks[0];
    const shown = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === "IRIS Risks")!,
    )!;
    expect(shown.firstCol).toBe(1);
    const now = rows[2].slice(1);
    expect(findConflicts(shown, now)).toEqual([]);
    now[10] = "Contractor says the backlog is cleared";
    expect(findConflicts(shown, now).map((c) => [c.col, c.header, c.now])).toEqual([
      [11, "Latest Update", "Contractor says the backlog is cleared"],
    ]);
  });

  it("is found on the action row the record changes (its status changed on the actions sheet)", () => {
    // README Review: "A co-author's change to the row since the card was shown is shown beside yours";
    // the record writes the action's row, so that row is compared too.
    const sheets = [
      register(risk({ id: "HRC-001" })),
      actionsSheet(action({ riskId: "HRC-001", actionId: "A-1", status: "In progress" })),
    ];
    const { report } = reportOfSheets(sheets);
    const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    const shown = rowSnapshot(
      card.actions[0].record,
      report.sheets.find((s) => s.name === "IRIS Actions")!,
    )!;
    const now = (sheets[1].rows[1] as CellValue[]).slice(shown.firstCol);
    expect(findConflicts(shown, now)).toEqual([]);
    now[5] = "Complete";
    expect(findConflicts(shown, now).map((c) => [c.header, c.shown, c.now])).toEqual([
      ["Action Status", "In progress", "Complete"],
    ]);
  });

  it("reports no change on a risk's row under a Service Area cell merged down over several risks when nobody changed it", () => {
    // SPEC "Reading sheets": "Merged cells give their value to the whole merged area"; Excel reads the cells
    // below the top of a merged area as blank, so the row read back holds "" there although nothing changed.
    const headers = ["Service Area", ...REGISTER_HEADERS];
    const rows: CellValue[][] = [
      headers,
      ["Street Lighting", ...risk({ id: "SL-1" })],
      [null, ...risk({ id: "SL-2", title: "Lantern supply delays" })],
      [null, ...risk({ id: "SL-3", title: "Column structural failures" })],
    ];
    const report = check([
      gridFromRows("IRIS Risks", rows, { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] }),
    ]);
    const facts = riskOf(report, "IRIS Risks", "SL-2");
    expect(facts.annex).toBe("Street Lighting");
    const shown = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === "IRIS Risks")!,
    )!;
    // The row as Excel gives it back: the merged area's lower cells are blank.
    const now = rows[2].slice(shown.firstCol).map((v) => (v === null ? "" : v));
    expect(findConflicts(shown, now)).toEqual([]);
  });
});
