// Review of the history features (monthly points, direction of travel, the logs, appetite, proposals and
// the three history rules) against SPEC.md. Each test here fails because the product gives an officer a
// wrong result; the SPEC lines each one relies on are quoted above it.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { buildSummaryTabs } from "../../../src/core/summary";
import {
  UPDATE_LOG_HEADER,
  fieldColumnsOf,
  lastLoggedTexts,
  recordToEdits,
} from "../../../src/core/meeting/record";
import { ACTION_HEADERS, reportOf, type SheetSpec } from "../rules/harness";
import {
  groupedRegisterGrid,
  HISTORY_REGISTER_HEADERS,
  hlog,
  hregister,
  hrisk,
  IMPORT_LOG_HEADER,
  LOG_HEADERS,
  logRow,
} from "./helpers";

const importLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [IMPORT_LOG_HEADER, ...rows],
});
/** One Import Log row for a register cell: [when, file, sheet, risk id, action id, field, old, new]. */
const logged = (when: string, sheet: string, id: string, field: string, old: CellValue, now: CellValue) => [
  when,
  "iris-export.xlsx",
  sheet,
  id,
  null,
  field,
  old,
  now,
];

/** Runs the whole engine on grids built by hand (merged areas, settings), as the harness does. */
function check(grids: Grid[], settings: Settings = defaultSettings(), asAt = "2022-10-10"): Report {
  return checkWorkbook(grids, { settings, asAt, today: asAt, source: "test.xlsx" });
}

const slipping = (report: Report) =>
  report.findings.filter((f) => f.ruleId === "risk/no-change-while-slipping").map((f) => f.recordId);

/** An actions sheet with one open action on HRC-001, due 30/09/2022 (passed as at 10/10/2022). */
const overdueAction: SheetSpec = {
  name: "IRIS Actions",
  rows: [
    ACTION_HEADERS.slice(0, 6),
    ["HRC-001", "A-1", "Install river gauges", "Bob Jones", "30/09/2022", "In progress"],
  ],
};

describe("history review: monthly points and direction of travel from the Import Log", () => {
  it("reads an imported score change under a header the officer corrected to mean the score", () => {
    // SPEC Fields: "A column's meaning is shown in the Check view and can be corrected there; corrections
    // are saved in Settings." SPEC Import Log: "field (the sheet's header text)". SPEC Monthly points: "a
    // risk's score at the end of each calendar month, from the Update Log's scores and the Import Log's
    // score changes … An Import Log change's Old value is the score the month before that change."
    // The register's "Rating Now" column is the score by a saved correction; the October import moved it
    // 9 → 16, so September's point is 9 and the risk is ↑ up. The Import Log's Field is looked up without the
    // correction, so the change is not seen: September shows 16 and the trend "same".
    const register = gridFromRows("IRIS Risks", [
      [
        "Risk ID",
        "Risk Title",
        "Risk Owner",
        "Rating Now",
        "Risk Response Strategy",
        "Mitigating Actions",
        "Date Raised",
        "Date of Last Review",
        "Risk Status",
      ],
      [
        "HRC-001",
        "Pothole claims",
        "Jane Smith",
        16,
        "Treat",
        "Inspections",
        "10/01/2022",
        "01/10/2022",
        "Open",
      ],
    ]);
    const log = gridFromRows("Import Log", [
      IMPORT_LOG_HEADER,
      logged("2022-10-03 10:00", "IRIS Risks", "HRC-001", "Rating Now", 9, 16),
    ]);
    const settings = defaultSettings();
    settings.columnCorrections = [{ sheet: "IRIS Risks", header: "Rating Now", field: "score" }];
    const report = check([register, log], settings);
    // The correction is in force: the register's score is read from "Rating Now".
    expect(report.risks[0].score).toBe(16);
    expect(report.risks[0].months.slice(-2)).toEqual([9, 16]);
    expect(report.risks[0].trend).toBe("up");
  });

  it("does not take an imported change of the Inherent group's Score for a change of the current score", () => {
    // SPEC Reading sheets: "A group-header row directly above it (Inherent / Residual / Target spanning
    // several columns) qualifies the headers below." SPEC Fields: likelihood, impact, score are "current or
    // residual ones …; inherent / gross / initial and target / future ones are kept as separate fields".
    // SPEC Monthly points come from "the Import Log's score changes" (of the current score).
    // The import changed the INHERENT impact and score (16 → 20); the residual score stayed 6 all along.
    // The Import Log's Field is the header text, "Score", and is read as the current score: September's
    // point becomes 16 and the risk shows ↓ down, though its current score never moved.
    const register = groupedRegisterGrid("IRIS Risks", [
      ["HRC-001", "Pothole claims", "Jane Smith", 4, 5, 20, 2, 3, 6, "Treat", "10/01/2022", "01/10/2022"],
    ]);
    const log = gridFromRows("Import Log", [
      IMPORT_LOG_HEADER,
      logged("2022-10-03 10:00", "IRIS Risks", "HRC-001", "Impact", 4, 5),
      logged("2022-10-03 10:00", "IRIS Risks", "HRC-001", "Score", 16, 20),
    ]);
    const report = check([register, log]);
    expect(report.risks[0].score).toBe(6);
    expect(report.risks[0].months.slice(-3)).toEqual([6, 6, 6]);
    expect(report.risks[0].trend).toBe("same");
  });
});

describe("history review: renumbered risks on registers that number their own ids", () => {
  it("gives a confirmed renumbering on an annex register the history logged under the old id", () => {
    // SPEC "The same risk under a new id": "a confirmed pair is kept in the import profile" — the pair is one
    // risk. SPEC "Ids numbered per sheet": ids are per sheet where registers number their own risks.
    // SPEC Monthly points: "An Import Log change's Old value is the score the month before that change."
    // Highways numbers its own risks (R1, R2 … as Lighting does). The officer confirmed R5 renumbered as R15;
    // the import rewrote R5's row as R15 and raised its score 9 → 16, logging both under the old id R5 (as
    // the import does for a confirmed pair), and August's and September's updates scored it 9. Without a
    // register numbering its own risks the history carries over (collect-history.test.ts); here it is lost
    // and R15 shows → same with 16 at every month.
    const annex = (name: string, rows: CellValue[][]): SheetSpec => ({
      name,
      rows: [HISTORY_REGISTER_HEADERS, ...rows],
    });
    const highways = annex("Highways", [
      hrisk({ id: "R1", title: "Highways risk 1", score: 6 }),
      hrisk({ id: "R2", title: "Highways risk 2", score: 6 }),
      hrisk({ id: "R3", title: "Highways risk 3", score: 6 }),
      hrisk({ id: "R15", title: "Gully cleansing backlog", score: 16 }),
    ]);
    const lighting = annex("Lighting", [
      hrisk({ id: "R1", title: "Lighting risk 1", score: 4 }),
      hrisk({ id: "R2", title: "Lighting risk 2", score: 4 }),
      hrisk({ id: "R3", title: "Lighting risk 3", score: 4 }),
    ]);
    const updates: SheetSpec = {
      name: "Update Log",
      rows: [
        LOG_HEADERS,
        ["12/08/2022", "Highways", "R5", "J Smith", "Reviewed", "No", 9, "Treat", null],
        ["12/09/2022", "Highways", "R5", "J Smith", "Reviewed", "No", 9, "Treat", null],
      ],
    };
    const imports = importLog(
      logged("2022-10-03 10:00", "Highways", "R5", "Risk ID", "R5", "R15"),
      logged("2022-10-03 10:00", "Highways", "R5", "Current Risk Score", 9, 16),
    );
    const report = reportOf([highways, lighting, updates, imports], {
      settings: {
        importProfile: {
          columns: {},
          targetRegister: "Highways",
          renumbered: [{ oldId: "R5", newId: "R15" }],
        },
      },
    });
    expect(report.history.ownNumbering.has("Highways")).toBe(true);
    const r15 = report.risks.find((r) => r.sheet === "Highways" && r.id === "R15")!;
    expect(r15.months.slice(-3)).toEqual([9, 9, 16]);
    expect(r15.trend).toBe("up");
  });
});

describe("history review: proposals", () => {
  it("does not propose escalating a risk whose row on another register says it is escalated", () => {
    // SPEC Proposals: "*escalate* a risk not yet escalated …". SPEC Escalated: "Escalate? = Yes …, an
    // Escalated To naming a register or board". SPEC Owned tabs: "A risk that stands on several registers
    // (the same risk by id and title) is counted once and shown once, naming each register it is on."
    // HRC-001 stands on the directorate register, marked Escalate? = Yes, Escalated To the Corporate Risk
    // Register, and on the corporate register itself. The Escalation tab's Proposed changes block still
    // proposes escalating it to the corporate risk register, from the corporate register's row.
    const directorate: SheetSpec = {
      name: "Directorate Register",
      rows: [
        HISTORY_REGISTER_HEADERS,
        hrisk({ id: "HRC-001", score: 16, escalate: "Yes", escalatedTo: "Corporate Risk Register" }),
      ],
    };
    const corporate: SheetSpec = {
      name: "Corporate Register",
      rows: [HISTORY_REGISTER_HEADERS, hrisk({ id: "HRC-001", score: 16, escalate: null })],
    };
    const report = reportOf([directorate, corporate, hlog(logRow("12/08/2022", "HRC-001", 16))]);
    const tab = buildSummaryTabs(report, defaultSettings(), { version: "test" }).find(
      (t) => t.name === "Escalation",
    )!;
    const escalateRows = tab.rows.filter((r) => r[0] === "HRC-001" && r[3] === "Escalate");
    expect(escalateRows).toEqual([]);
  });

  it("does not take 'None – stays on the directorate register' in Escalated To for an escalation", () => {
    // SPEC Values/Placeholders: "None" counts as empty. SPEC Escalated: "an Escalated To naming a register or
    // board". SPEC Proposals: "*de-escalate* an escalated risk …". The officer wrote that the risk was NOT
    // escalated ("None – stays on …", as "No – stays on …" is already read); it is proposed for
    // de-escalation "from the directorate register" all the same.
    const report = reportOf([
      hregister(hrisk({ score: 6, escalate: null, escalatedTo: "None – stays on the directorate register" })),
      hlog(logRow("12/07/2022", "HRC-001", 16), logRow("12/08/2022", "HRC-001", 6)),
    ]);
    expect(report.proposals).toEqual([]);
  });
});

describe("history review: risk/no-change-while-slipping", () => {
  it("counts an Update Log entry flagged 'No' as a real update, whatever its words", () => {
    // SPEC rule risk/no-change-while-slipping: "an open risk's last two or more updates (Update Log entries
    // flagged no change, or dated lines saying no change) say no change". These two entries are flagged No
    // (not "no change"): the officer recorded real changes whose words begin "No change to the score; …".
    const report = reportOf([
      hregister(hrisk({})),
      overdueAction,
      hlog(
        logRow("15/08/2022", "HRC-001", 12, false, "No change to the score; new drainage contract let"),
        logRow("15/09/2022", "HRC-001", 12, false, "No change to the score; river gauges ordered"),
      ),
    ]);
    expect(slipping(report)).toEqual([]);
  });

  it("counts one 'no change' once when the Update Log and the update cell's dated line both record it", () => {
    // SPEC rule: "an open risk's last two or more updates … say no change". SPEC Dated lines: an update cell
    // holding a history ("12/09/22 – reviewed at RMB", one entry a line). The officer said no change once, on
    // 15/09/2022, and it is both logged and written as a dated line of the update cell: one update, not two.
    // The finding says "has said no change 2 times since 15/09/2022".
    const report = reportOf([
      hregister(hrisk({ update: "15/09/2022 – No change", lastReview: "15/09/2022" })),
      overdueAction,
      hlog(logRow("15/09/2022", "HRC-001", 12, true, "No change")),
    ]);
    expect(slipping(report)).toEqual([]);
  });
});

describe("history review: the Update Log rows the meeting writes", () => {
  it("logs the register's carried-over update with the score it had then, not today's", () => {
    // SPEC Owned tabs/Update Log: "one row per update recorded: date, …, score and strategy at the time".
    // SPEC Monthly points: "within a month the last entry counts"; "An Import Log change's Old value is the
    // score the month before that change."
    // The register's own update ("Drainage survey booked", last reviewed 15/08/2022) is carried into the
    // Update Log before the meeting replaces it, dated 15/08/2022. The September import raised the score
    // 9 → 16, so on 15/08/2022 the score was 9; the carried row says 16, and from then on the risk's
    // history shows August at 16.
    const register = hregister(
      hrisk({ id: "HRC-001", score: 16, lastReview: "15/08/2022", update: "Drainage survey booked" }),
    );
    const imports = importLog(
      logged("2022-09-20 10:00", "IRIS Risks", "HRC-001", "Current Risk Score", 9, 16),
    );
    const before = reportOf([register, imports]);
    expect(before.risks[0].months.slice(-3)).toEqual([9, 16, 16]);
    const facts = before.risks[0];
    const plan = recordToEdits(
      facts,
      { text: "", noChange: true },
      {
        meetingDate: "2022-10-10",
        by: "Jane Smith",
        columns: fieldColumnsOf(before),
        settings: defaultSettings(),
        lastLoggedText: lastLoggedTexts(before)(facts),
      },
    );
    const updateLog: SheetSpec = { name: "Update Log", rows: [[...UPDATE_LOG_HEADER], ...plan.log.rows] };
    const after = reportOf([register, imports, updateLog]);
    expect(after.risks[0].months.slice(-3)).toEqual([9, 16, 16]);
  });
});
