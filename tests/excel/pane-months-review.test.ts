// Sceptical review of an officer's three months IN THE TASK PANE (SPEC "Workflows", "Latest update and the
// review period", "History, appetite and proposals", "Owned tabs", "Imports"; README "What each view does").
// One workbook in the strict fake Office.js host: a 12-risk register (with the council's Escalate? and Council
// Notes columns) and an actions sheet. For August, September and October 2022: (1) the month's IRIS export is
// imported through the pane's import path (pipeline prepareImport → gateway applyEdits → the IRIS profile and
// movement saved in Settings, as useImport does), with the renumbered pair HRC-014/HRC-114 ticked "Same risk"
// in September; (2) the Review view's meeting writes (queue, recordToEdits, recordUpdate, Meeting Record) for
// three risks: "No change this month" for HRC-011 every month, a changed score for one, a moved action due date
// for another; (3) the pane's check (readAllSheets → checkWorkbook with the saved settings, as-at blank = today)
// and the Summaries view's owned tabs. Only Date is faked, so "today" is the day each step is done.
// Data: tests/cli/helpers/month-workbooks.ts (the CLI review's months); the pane's steps: pane-months-helpers.ts.
// Each case cites SPEC / README; "(judgement)" marks where they are silent and says why an officer expects it.
import type { FakeHost, FakeSnapshot } from "../fakes/fake-excel";
import { install } from "./helpers";
import {
  actionsOf,
  AUGUST,
  d,
  JULY,
  OCTOBER,
  REGISTER_HEADERS,
  SEPTEMBER,
} from "../cli/helpers/month-workbooks";
import type { CellValue } from "../../src/core/model/grid";
import type { Report } from "../../src/core/model/report";
import type { Settings } from "../../src/core/model/settings";
import {
  exportGrids,
  julySheets,
  paneImport,
  paneMeeting,
  paneSummaries,
  ser,
  settingsNow,
  type Imported,
  type Meeting,
} from "./pane-months-helpers";

jest.setTimeout(120_000);

const ONLY_DATE = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "cancelIdleCallback",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const;
const at = (m: number, dd: number, h = 10) => new Date(2022, m - 1, dd, h, 0);

interface Month {
  imp: Imported;
  afterImport: FakeSnapshot;
  meeting: Meeting;
  afterMeeting: FakeSnapshot;
  summary: Report;
  names: Record<string, string>;
  end: FakeSnapshot;
  settings: Settings;
}
const months = {} as Record<"aug" | "sep" | "oct", Month>;
let host: FakeHost;
let july: FakeSnapshot;

beforeAll(async () => {
  host = install({ sheets: julySheets(JULY, actionsOf(JULY, d(2022, 9, 30))) });
  july = host.snapshot();
  jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: at(8, 25) });
  try {
    const month = async (
      key: "aug" | "sep" | "oct",
      m: number,
      importDay: number,
      file: string,
      grids: ReturnType<typeof exportGrids>,
      meetingDay: number,
      choices: Parameters<typeof paneMeeting>[1],
      endDay: number,
      same?: Parameters<typeof paneImport>[3],
    ) => {
      jest.setSystemTime(at(m, importDay));
      const imp = await paneImport(
        file,
        grids,
        `2022-${String(m).padStart(2, "0")}-${importDay} 10:00`,
        same,
      );
      const afterImport = host.snapshot();
      jest.setSystemTime(at(m, meetingDay));
      const meeting = await paneMeeting(`2022-${String(m).padStart(2, "0")}-${meetingDay}`, choices);
      const afterMeeting = host.snapshot();
      jest.setSystemTime(at(m, endDay, 16));
      const { report, names } = await paneSummaries();
      months[key] = {
        imp,
        afterImport,
        meeting,
        afterMeeting,
        summary: report,
        names,
        end: host.snapshot(),
        settings: await settingsNow(),
      };
    };
    await month(
      "aug",
      8,
      25,
      "iris-aug.xlsx",
      exportGrids("iris-aug.xlsx", AUGUST, actionsOf(AUGUST, d(2022, 9, 30))),
      26,
      [
        { id: "HRC-011", text: "", noChange: true },
        { id: "HRC-012", text: "Aug RMB: indexation exposure raised", likelihood: 4 },
        {
          id: "HRC-002",
          text: "Aug RMB: new gritters delayed",
          action: { actionId: "ACT-002", due: "2023-01-31" },
        },
      ],
      31,
    );
    await month(
      "sep",
      9,
      26,
      "iris-sep.xlsx",
      exportGrids("iris-sep.xlsx", SEPTEMBER, actionsOf(SEPTEMBER, d(2022, 9, 30))),
      28,
      [
        { id: "HRC-011", text: "", noChange: true },
        { id: "HRC-008", text: "Sep RMB: contractor's rise not accepted", impact: 3 },
        {
          id: "HRC-010",
          text: "Sep RMB: telematics supplier late",
          action: { actionId: "ACT-010", due: "2023-02-28" },
        },
      ],
      30,
      (offered) => offered.map((p) => ({ oldId: p.oldId, newId: p.newId })),
    );
    await month(
      "oct",
      10,
      25,
      "iris-oct.xlsx",
      exportGrids("iris-oct.xlsx", OCTOBER, actionsOf(OCTOBER, d(2022, 11, 30))),
      27,
      [
        { id: "HRC-011", text: "", noChange: true },
        { id: "HRC-009", text: "Oct RMB: claims team in place", likelihood: 3 },
        {
          id: "HRC-001",
          text: "Oct RMB: programme re-baselined",
          action: { actionId: "ACT-001", due: "2023-03-31" },
        },
      ],
      31,
    );
  } finally {
    jest.useRealTimers();
  }
});

// ---------------------------------------------------------------------------------------------------------
// Reading the fake workbook back

type Key = "aug" | "sep" | "oct";
const SERIAL = {
  jul15: ser(2022, 7, 15),
  aug20: ser(2022, 8, 20),
  aug25: ser(2022, 8, 25),
  aug26: ser(2022, 8, 26),
  sep20: ser(2022, 9, 20),
  sep26: ser(2022, 9, 26),
  sep28: ser(2022, 9, 28),
  oct25: ser(2022, 10, 25),
  oct27: ser(2022, 10, 27),
  dec31: ser(2022, 12, 31),
  jan31: ser(2023, 1, 31),
  feb28: ser(2023, 2, 28),
};

function values(snap: FakeSnapshot, sheet: string): CellValue[][] {
  const s = snap.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet "${sheet}" among ${snap.sheets.map((x) => x.name).join(", ")}`);
  return s.values;
}
/** A log tab's data rows (below its header row, whose first cell is `first`). */
function logRows(snap: FakeSnapshot, sheet: string, first: string): CellValue[][] {
  const v = values(snap, sheet);
  const h = v.findIndex((r) => r[0] === first);
  return v.slice(h + 1).filter((r) => r.some((c) => c !== "" && c !== null));
}
const updateLog = (snap: FakeSnapshot) => logRows(snap, "Update Log", "Date");
const importLog = (snap: FakeSnapshot) => logRows(snap, "Import Log", "When");
/** The register's rows by id (header: REGISTER_HEADERS). */
function register(snap: FakeSnapshot, sheet = "Risk Register"): Map<string, CellValue[]> {
  return new Map(
    values(snap, sheet)
      .slice(1)
      .map((r) => [String(r[0]), r]),
  );
}
const regCell = (snap: FakeSnapshot, id: string, header: string) =>
  register(snap).get(id)?.[REGISTER_HEADERS.indexOf(header)];
function actionDue(snap: FakeSnapshot, actionId: string): CellValue {
  const row = values(snap, "Actions").find((r) => r[1] === actionId);
  return row ? row[4] : null;
}
const DATE_FIELDS = new Set(["Date Raised", "Last Updated", "Target Date"]);
/** A cell as the Import Log writes it (dates dd/mm/yyyy, numbers as text). */
function asLogged(v: CellValue, field: string): string {
  if (v === null || v === "") return "";
  if (typeof v === "number" && DATE_FIELDS.has(field)) {
    const d = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
    return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  return String(v);
}
const trends = (k: Key) => Object.fromEntries(months[k].summary.risks.map((r) => [r.id, r.trend]));
const facts = (k: Key, id: string) => {
  const f = months[k].summary.risks.find((r) => r.id === id);
  if (!f) throw new Error(`no ${id} in ${k}`);
  return f;
};
const ids = (k: Key, rule: string) =>
  months[k].summary.findings
    .filter((f) => f.ruleId === rule)
    .map((f) => f.recordId)
    .sort();
/** The Escalation tab's Proposed changes block: [id, proposal, to, reason]. */
function proposedBlock(snap: FakeSnapshot): string[][] {
  const v = values(snap, "Escalation");
  const at = v.findIndex((r) => /^Proposed changes/.test(String(r[0])));
  if (at < 0) return [];
  const out: string[][] = [];
  for (let i = at + 2; i < v.length && v[i].some((c) => c !== ""); i++)
    out.push([v[i][0], v[i][3], v[i][5], v[i][7]].map(String));
  return out;
}
/** The Escalation tab's Trend column for each risk listed in a destination block. */
function escalationTrends(snap: FakeSnapshot): Record<string, string> {
  const v = values(snap, "Escalation");
  const out: Record<string, string> = {};
  let trendCol = -1;
  for (const r of v) {
    if (/^Proposed changes/.test(String(r[0]))) break;
    if (r[0] === "Risk ID") trendCol = r.indexOf("Trend");
    else if (trendCol >= 0 && /^HRC-/.test(String(r[0]))) out[String(r[0])] = String(r[trendCol]);
  }
  return out;
}
const ARROW: Record<string, string> = { up: "↑ up", down: "↓ down", same: "→ same", new: "new" };
const DEST: Record<string, string> = {
  "corporate-register": "Corporate risk register",
  "directorate-register": "Directorate risk register",
  "operations-board": "Operations Board",
};
/** The Meeting Record's "Risks reviewed" rows: [id, outcome, update, changes]. */
function reviewedRows(snap: FakeSnapshot, sheet: string): string[][] {
  const v = values(snap, sheet);
  const at = v.findIndex((r) => /^Risks reviewed/.test(String(r[0])));
  const out: string[][] = [];
  for (let i = at + 2; i < v.length && v[i][0] !== ""; i++)
    out.push([v[i][0], v[i][2], v[i][3], v[i][4]].map(String));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
describe("August: the first import, meeting and check in the pane", () => {
  it("the import backs the register up first (dated the import day) and logs one row per changed cell, Old = what the register held", () => {
    // SPEC Imports: "copies the register first (a dated owned backup) and logs every changed cell"; Owned
    // tabs, Import Log: "one row per changed cell: when (an Excel date and time), file, sheet, …, old, new".
    const m = months.aug;
    expect(values(m.afterImport, "Backup Risk Register 2022-08-25")).toEqual(values(july, "Risk Register"));
    const log = importLog(m.afterImport);
    expect(log).toHaveLength(m.imp.prepared.plan.cellCount);
    const before = register(july);
    const after = register(m.afterImport);
    const changed: string[] = [];
    for (const [id, row] of after)
      row.forEach((v, c) => {
        if (v !== before.get(id)?.[c]) changed.push(`${id}|${REGISTER_HEADERS[c]}`);
      });
    expect(log.map((r) => `${r[3]}|${r[5]}`).sort()).toEqual(changed.sort());
    for (const r of log) {
      const field = String(r[5]);
      const c = REGISTER_HEADERS.indexOf(field);
      expect([r[3], field, r[6], r[7]]).toEqual([
        r[3],
        field,
        asLogged(before.get(String(r[3]))![c], field),
        asLogged(after.get(String(r[3]))![c], field),
      ]);
      expect(r[0]).toBeCloseTo(SERIAL.aug25 + 10 / 24, 5);
      expect(r[1]).toBe("iris-aug.xlsx");
    }
  });

  it("the Update Log holds one row per record dated the meeting day, each risk's register update carried once before it", () => {
    // README Review: each record "adds a row to the Update Log tab (date, the register, risk id, by, update,
    // no change, score, strategy, and the other changes …)"; "The register's own update, when the Update Log
    // does not hold it yet, goes into the log first, … dated by its Last Updated".
    const rows = updateLog(months.aug.afterMeeting).map((r) => r.slice(0, 9));
    expect(rows).toEqual([
      [
        SERIAL.aug20,
        "Risk Register",
        "HRC-011",
        "(register, before the meeting)",
        "Aug: recruiting",
        "No",
        6,
        "Treat",
        "",
      ],
      [SERIAL.aug26, "Risk Register", "HRC-011", "Jane Smith", "No change this month", "Yes", 6, "Treat", ""],
      [
        SERIAL.aug20,
        "Risk Register",
        "HRC-012",
        "(register, before the meeting)",
        "Aug: index published",
        "No",
        9,
        "Treat",
        "",
      ],
      [
        SERIAL.aug26,
        "Risk Register",
        "HRC-012",
        "Jane Smith",
        "Aug RMB: indexation exposure raised",
        "No",
        12,
        "Treat",
        "Likelihood 3 → 4; Score 9 → 12",
      ],
      [
        SERIAL.aug20,
        "Risk Register",
        "HRC-002",
        "(register, before the meeting)",
        "Aug: fleet ready",
        "No",
        4,
        "Treat",
        "",
      ],
      [
        SERIAL.aug26,
        "Risk Register",
        "HRC-002",
        "Jane Smith",
        "Aug RMB: new gritters delayed",
        "No",
        4,
        "Treat",
        "ACT-002 due 31/12/2022 → 31/01/2023",
      ],
    ]);
  });

  it("direction of travel follows the import's score changes and the meeting's (HRC-012 raised 9 → 12 is ↑), and the Escalation tab's Trend column says the same", () => {
    // SPEC History: monthly points "from the Update Log's scores and the Import Log's score changes"; trend
    // "Shown on the Escalation tab … and in the JSON".
    const t = trends("aug");
    expect(t).toMatchObject({
      "HRC-001": "up",
      "HRC-003": "down",
      "HRC-007": "up",
      "HRC-009": "down",
      "HRC-012": "up",
      "HRC-011": "same",
      "HRC-002": "same",
    });
    const onTab = escalationTrends(months.aug.end);
    expect(Object.keys(onTab).length).toBeGreaterThan(5);
    for (const [id, shown] of Object.entries(onTab)) expect([id, shown]).toEqual([id, ARROW[String(t[id])]]);
  });

  it("proposes HRC-007 (rose 6 → 20) and HRC-004 (above appetite since raised), and the Escalation tab's Proposed changes block lists exactly those, with their reasons", () => {
    // SPEC Proposals: escalate when "above its appetite at the last two monthly points, or rose by 6 or more";
    // "Shown as a Proposed changes block on the Escalation tab".
    const p = months.aug.summary.proposals.map((x) => [x.recordId, x.action, x.destination, x.reason]);
    expect(p).toEqual([
      // No log records a score for HRC-004: the reason says its score stands since it was raised, not a count
      // of months no log recorded (README review 28; it said "for 6 months").
      [
        "HRC-004",
        "escalate",
        "directorate-register",
        "score 12 above appetite (Cautious, 9); no score logged since raised on 01/03/2022",
      ],
      ["HRC-007", "escalate", "corporate-register", "score rose by 14 in a month (6 → 20)"],
    ]);
    expect(proposedBlock(months.aug.end)).toEqual(
      months.aug.summary.proposals.map((x) => [x.recordId, "Escalate", DEST[x.destination], x.reason]),
    );
  });

  it("the Meeting Record lists the three risks reviewed with their outcomes and the nine not reached", () => {
    // SPEC Owned tabs, Meeting Record: "date, attendees, risks reviewed, changes made, risks not reviewed".
    const m = months.aug;
    expect(reviewedRows(m.afterMeeting, m.meeting.recordSheet)).toEqual([
      ["HRC-011", "No change", "No change this month", ""],
      ["HRC-012", "Updated", "Aug RMB: indexation exposure raised", "Likelihood: 3 → 4; Score: 9 → 12"],
      ["HRC-002", "Updated", "Aug RMB: new gritters delayed", "Action ACT-002 due: 31/12/2022 → 31/01/2023"],
    ]);
    expect(values(m.afterMeeting, m.meeting.recordSheet).find((r) => r[0] === "Date")?.[1]).toBe(
      SERIAL.aug26,
    );
    expect(values(m.afterMeeting, m.meeting.recordSheet).some((r) => r[0] === "Risks not reviewed (9)")).toBe(
      true,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("September: a closed risk, a new risk and a renumbered one confirmed in the preview", () => {
  it("the preview offers HRC-114 as HRC-014 renumbered; ticked Same risk, the export's row updates HRC-014's row and no HRC-114 risk is added", () => {
    // README Import: "Ticking it plans the import again with the export's row updating the old row (the old
    // id stays; nothing new, nothing gone)".
    expect(months.sep.imp.offered).toEqual(["HRC-014->HRC-114"]);
    const reg = register(months.sep.afterImport);
    expect(reg.has("HRC-114")).toBe(false);
    expect(regCell(months.sep.afterImport, "HRC-014", "Latest Update")).toBe("Sep: renumbered in IRIS");
    expect(regCell(months.sep.afterImport, "HRC-014", "Status")).toBe("Open");
  });

  it("the confirmed pair is saved with the IRIS profile in Settings when the import is applied", () => {
    // README Import: "applying saves the pair in the import profile, so it is merged into the old row from then
    // on and never offered again". SPEC: "a confirmed pair is kept in the import profile".
    expect(months.sep.imp.prepared.settingsAfter.importProfile?.renumbered).toEqual([
      { oldId: "HRC-014", newId: "HRC-114" },
    ]);
    expect(months.sep.settings.importProfile?.renumbered ?? []).toEqual([
      { oldId: "HRC-014", newId: "HRC-114" },
    ]);
  });

  it("a due date the August meeting moved (ACT-002 → 31/01/2023) is not put back by an import whose export still says what the sheet held (31/12/2022)", () => {
    // SPEC Imports: "When an import and a meeting both changed a cell, the later write wins"; SPEC What must
    // never happen: "A user's … cell … overwritten without the officer asking for that change". README Import:
    // "A cell the officer (or a meeting) changed … is kept when the export still says what that import wrote
    // (IRIS has not changed it …)"; IRIS's ACT-002 was 31/12/2022 in July, August and September.
    expect(actionDue(months.aug.end, "ACT-002")).toBe(SERIAL.jan31);
    expect(actionDue(months.sep.afterImport, "ACT-002")).toBe(SERIAL.jan31);
  });

  it("a score the August meeting raised (HRC-012 9 → 12) stays raised while IRIS still says 9, and the Import Log says so with both values", () => {
    // README Import: "a score raised in the meeting stays raised while IRIS still says what the register held
    // at that import"; "the preview and the Import Log say so with both values".
    expect([
      regCell(months.sep.afterImport, "HRC-012", "Likelihood"),
      regCell(months.sep.afterImport, "HRC-012", "Risk Score"),
    ]).toEqual([4, 12]);
    const kept = importLog(months.sep.afterImport).filter(
      (r) => r[0] !== "" && Number(r[0]) >= SERIAL.sep26 && r[3] === "HRC-012" && r[5] === "Risk Score",
    );
    expect(kept).toHaveLength(1);
    expect(String(kept[0][6])).toBe("12");
    expect(kept[0].slice(7).join(" ")).toMatch(/9/);
    expect(facts("sep", "HRC-012").months.slice(-2)).toEqual([12, 12]);
  });

  it("HRC-008 (IRIS 6 → 8 on 26/09, put back to 6 by the meeting on 28/09) has August's point 6 from the Import Log's Old, so it is → in September", () => {
    // SPEC History: "An Import Log change's Old value is the score the month before that change"; "on the same
    // day Update Log entries count after Import Log ones"; ↓ only when "lower" than the previous monthly point.
    // HRC-008 was 6 in July and August (register, Import Log Old 6, backup of 26/09).
    expect(facts("sep", "HRC-008").score).toBe(6);
    expect(facts("sep", "HRC-008").months.slice(-3)).toEqual([6, 6, 6]);
    expect(trends("sep")["HRC-008"]).toBe("same");
  });

  it("HRC-030 (first seen in September) is new, HRC-009 ↑, HRC-003 ↓; HRC-006 is closed, off the Escalation tab and counted Closed", () => {
    // SPEC History: new "when it has no monthly point before the as-at month"; Risk status: closed risks; Owned
    // tabs: Risk Summary "counts by status … movement since the last import (new, closed, …)".
    expect(trends("sep")).toMatchObject({
      "HRC-030": "new",
      "HRC-009": "up",
      "HRC-003": "down",
      "HRC-007": "same",
    });
    expect(months.sep.summary.escalations.map((e) => e.recordId)).not.toContain("HRC-006");
    const rs = values(months.sep.end, "Risk Summary").map((r) => r.filter((c) => c !== ""));
    expect(rs).toContainEqual(["Closed", 1]);
    expect(rs).toContainEqual(["New", 1, "HRC-030"]);
    expect(rs).toContainEqual(["Closed", 1, "HRC-006"]);
  });

  it("proposes HRC-001 and HRC-012 'for 2 months' (above at August's and September's points), not HRC-009 or HRC-030 (above in September only); the tab agrees", () => {
    // SPEC Proposals: escalate "whose score has been above its appetite at the last two monthly points".
    const p = Object.fromEntries(months.sep.summary.proposals.map((x) => [x.recordId, x.reason]));
    expect(p).toEqual({
      "HRC-001": "score 12 above appetite (Cautious, 9) for 2 months",
      // No score logged for HRC-004: its reason says since when (README review 28; it said "for 7 months").
      "HRC-004": "score 12 above appetite (Cautious, 9); no score logged since raised on 01/03/2022",
      "HRC-007": "score 20 above appetite (Cautious, 9) for 2 months",
      "HRC-012": "score 12 above appetite (Cautious, 9) for 2 months",
    });
    expect(proposedBlock(months.sep.end)).toEqual(
      months.sep.summary.proposals.map((x) => [x.recordId, "Escalate", DEST[x.destination], x.reason]),
    );
  });

  it("September's meeting adds exactly one row per record, and carries no register text the log already holds (HRC-011's 'No change this month')", () => {
    // README Review: "The register's own update, when the Update Log does not hold it yet, goes into the log first".
    const aug = updateLog(months.aug.end);
    const sep = updateLog(months.sep.afterMeeting);
    expect(sep.slice(0, aug.length)).toEqual(aug);
    expect(sep.slice(aug.length).map((r) => [r[0], r[2], r[3], r[4], r[6]])).toEqual([
      [SERIAL.sep28, "HRC-011", "Jane Smith", "No change this month", 6],
      [SERIAL.sep20, "HRC-008", "(register, before the meeting)", "Sep: inspection gaps", 8],
      [SERIAL.sep28, "HRC-008", "Jane Smith", "Sep RMB: contractor's rise not accepted", 6],
      [ser(2022, 9, 5), "HRC-010", "(register, before the meeting)", "Sep: data cleansed", 4],
      [SERIAL.sep28, "HRC-010", "Jane Smith", "Sep RMB: telematics supplier late", 4],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("October: the third month", () => {
  it("the pair confirmed in September is not offered again, and IRIS's HRC-114 updates HRC-014's row (no new risk, HRC-014 not flagged as missing)", () => {
    // README Import: a confirmed pair "is merged into the old row from then on and never offered again".
    expect(months.oct.imp.offered).toEqual([]);
    const reg = register(months.oct.afterImport);
    expect(reg.has("HRC-114")).toBe(false);
    expect(regCell(months.oct.afterImport, "HRC-014", "Status")).toBe("Open");
    expect(regCell(months.oct.afterImport, "HRC-014", "Latest Update")).toBe("Oct: inspections up");
  });

  it("ACT-010's due date moved by September's meeting (→ 28/02/2023) survives October's import, whose export still says what the dated Actions backup held (31/12/2022)", () => {
    // README Import: "A cell no import has written (IRIS said what the register held) is judged the same way
    // against the latest dated backup"; SPEC Imports: "the later write wins". The backup "Backup Actions
    // 2022-09-26" holds 31/12/2022 for ACT-010, as IRIS still does in October.
    const backup = values(months.oct.afterImport, "Backup Actions 2022-09-26").find(
      (r) => r[1] === "ACT-010",
    );
    expect(backup?.[4]).toBe(SERIAL.dec31);
    expect(actionDue(months.sep.end, "ACT-010")).toBe(SERIAL.feb28);
    expect(actionDue(months.oct.afterImport, "ACT-010")).toBe(SERIAL.feb28);
  });

  it("HRC-009 (IRIS 12 → 15 on 25/10, lowered to 9 by the meeting on 27/10) stands at 9 with September's point 12, so ↓; its Update Log row says score 9", () => {
    // SPEC History: "within a month the last entry counts, and on the same day Update Log entries count after
    // Import Log ones"; Update Log: "score and strategy at the time".
    expect(facts("oct", "HRC-009").months.slice(-2)).toEqual([12, 9]);
    expect(trends("oct")["HRC-009"]).toBe("down");
    const row = updateLog(months.oct.end).find((r) => r[0] === SERIAL.oct27 && r[2] === "HRC-009");
    expect([row?.[3], row?.[6]]).toEqual(["Jane Smith", 9]);
  });

  it("(judgement) the Update Log's Changes for HRC-009 name only what was changed on the register, not a RAG the register has no column for", () => {
    // README Review: the Update Log row carries "the other changes made with it". This register has no RAG
    // column, so no RAG was changed on it; an officer reading "RAG Red → Amber" looks for a cell that is not there.
    const row = updateLog(months.oct.end).find((r) => r[0] === SERIAL.oct27 && r[2] === "HRC-009");
    expect(row?.[8]).toBe("Likelihood 5 → 3; Score 15 → 9");
  });

  it("the stale-update finding moves with the as-at date: HRC-010 (last updated at the 28/09 meeting) is fresh as at 30/09 and stale as at 31/10; the closed HRC-006 never is", () => {
    // SPEC Latest update: "counted back from the as-at date: as at 10 October an update on or after 10
    // September counts"; Risk status: "Closed risks are exempt from the update and action rules".
    expect(ids("aug", "risk/stale-update")).toEqual([]);
    expect(ids("sep", "risk/stale-update")).toEqual([]);
    expect(months.oct.summary.asAt).toBe("2022-10-31");
    expect(facts("oct", "HRC-010").latestUpdate).toBe("2022-09-28");
    expect(ids("oct", "risk/stale-update")).toContain("HRC-010");
    expect(ids("oct", "risk/stale-update")).not.toContain("HRC-006");
    const f = months.oct.summary.findings.find(
      (x) => x.ruleId === "risk/stale-update" && x.recordId === "HRC-010",
    );
    expect(f?.cell).toBe("L10");
  });

  it("no-change-while-slipping fires for HRC-011 only in October (a third 'No change this month' while IRIS moved ACT-011 30/09 → 30/11), at its update cell", () => {
    // SPEC Rules: risk/no-change-while-slipping — "last two or more updates … say no change, and since the first
    // of them one of its actions' due dates moved later (Import Log …)"; "points at the risk's update cell".
    expect(ids("aug", "risk/no-change-while-slipping")).toEqual([]);
    expect(ids("sep", "risk/no-change-while-slipping")).toEqual([]);
    const f = months.oct.summary.findings.filter((x) => x.ruleId === "risk/no-change-while-slipping");
    expect(f.map((x) => [x.recordId, x.cell])).toEqual([["HRC-011", "M11"]]);
  });

  it("proposes de-escalating HRC-003 to the Operations Board (6 ≤ 9 at August's, September's and October's points) and escalating HRC-030 for 2 months; the tab agrees", () => {
    // SPEC Proposals: de-escalate "an escalated risk … at or below its appetite … at the last three monthly
    // points; its destination … operations-board for a bare Escalate? = Yes".
    const p = Object.fromEntries(
      months.oct.summary.proposals.map((x) => [x.recordId, [x.action, x.destination, x.reason]]),
    );
    expect(p["HRC-003"]).toEqual([
      "de-escalate",
      "operations-board",
      "score 6 at or below appetite (Cautious, 9) for 3 months",
    ]);
    expect(p["HRC-030"]).toEqual([
      "escalate",
      "directorate-register",
      "score 15 above appetite (Cautious, 9) for 2 months",
    ]);
    expect(p["HRC-009"]).toBeUndefined();
    expect(proposedBlock(months.oct.end)).toEqual(
      months.oct.summary.proposals.map((x) => [
        x.recordId,
        x.action === "escalate" ? "Escalate" : "De-escalate",
        DEST[x.destination],
        x.reason,
      ]),
    );
  });

  it("(judgement) the Update Log's title block carries the as-at date of its latest write (27/10/2022), as the Import Log's is brought up to its latest import", () => {
    // SPEC Owned tabs: "Each carries the as-at date". After three meetings the Update Log still says "As at
    // 26/08/2022" (its first meeting), while the Import Log's says 25/10/2022: an October board pack would print
    // an Update Log as at August.
    const title = values(months.oct.end, "Update Log")[1];
    expect(title.slice(1, 3)).toEqual(["As at", SERIAL.oct27]);
    expect(values(months.oct.end, "Import Log")[1].slice(1, 3)).toEqual(["As at", SERIAL.oct25]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("across the three months", () => {
  it("each import's backup is the register exactly as it stood before that import, dated the import day", () => {
    // SPEC Imports: "An import with changes copies the register first (a dated owned backup)".
    expect(values(months.sep.end, "Backup Risk Register 2022-09-26")).toEqual(
      values(months.aug.end, "Risk Register"),
    );
    expect(values(months.oct.end, "Backup Risk Register 2022-10-25")).toEqual(
      values(months.sep.end, "Risk Register"),
    );
  });

  it("September's and October's Import Log rows each name a cell whose Old is what the register held before that import", () => {
    // SPEC Owned tabs, Import Log: "one row per changed cell … old, new".
    for (const [k, prev, from] of [
      ["sep", months.aug.end, SERIAL.sep26],
      ["oct", months.sep.end, SERIAL.oct25],
    ] as const) {
      const before = register(prev);
      const rows = importLog(months[k].afterImport).filter(
        (r) => Number(r[0]) >= from && r[2] === "Risk Register",
      );
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        const field = String(r[5]);
        const old = before.get(String(r[3]))?.[REGISTER_HEADERS.indexOf(field)] ?? "";
        expect([k, r[3], field, r[6]]).toEqual([k, r[3], field, asLogged(old, field)]);
      }
    }
  });

  it("the Update Log never holds the same update twice and every meeting row is dated its meeting day", () => {
    // README Review: each record "adds a row"; SPEC Update Log: "one row per update recorded".
    const rows = updateLog(months.oct.end);
    const keys = rows.map((r) => JSON.stringify(r.slice(0, 5)));
    expect(new Set(keys).size).toBe(keys.length);
    const meetingDays = rows.filter((r) => r[3] === "Jane Smith").map((r) => r[0]);
    expect(meetingDays).toEqual([
      SERIAL.aug26,
      SERIAL.aug26,
      SERIAL.aug26,
      SERIAL.sep28,
      SERIAL.sep28,
      SERIAL.sep28,
      SERIAL.oct27,
      SERIAL.oct27,
      SERIAL.oct27,
    ]);
  });

  it("nothing the officer wrote is lost: every Council Notes and Escalate? cell is as in July", () => {
    // SPEC Imports: "Council-only columns are the register's columns that the mapping does not fill: an import
    // never writes them"; What must never happen: a user's cell overwritten unasked.
    const jul = register(july);
    const oct = register(months.oct.end);
    for (const [id, row] of jul)
      for (const h of ["Escalate?", "Council Notes"]) {
        const c = REGISTER_HEADERS.indexOf(h);
        expect([id, h, oct.get(id)?.[c]]).toEqual([id, h, row[c]]);
      }
  });
});
