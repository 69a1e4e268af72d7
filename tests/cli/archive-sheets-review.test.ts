// Archive sheets review (rv29): where officers keep the risks that are NOT live, and how `risk-review check`
// treats them. Real workbooks hold, beside the live "Risk Register", a "Closed Risks" sheet (or "Archive",
// "Risks closed 2022-23") with the register's header, to which closed risks are cut (their Status may still
// say Open); a "Proposed risks" sheet of risks not yet accepted; an "Issues Log" (risks that have happened);
// an "Opportunities" sheet; or closed risks at the bottom of the register under a "CLOSED RISKS" section row.
// Each workbook is built with ExcelJS as a council lays it out and checked as an officer runs the tool:
// `risk-review check FILE --as-at 2022-09-30 [--format json] [--out REVIEW.xlsx]`. As at 30/09/2022 an update
// on or after 30/08/2022 counts (SPEC "Latest update and the review period").
// Each test cites the SPEC.md passage it rests on; "judgement" marks where SPEC is silent and says why an
// officer would expect it. Tests whose name starts "guard:" pass today and keep behaviour a fix must not break.

import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
import type { CellValue } from "../../src/core/model/grid";
import { tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";
import { serial, writeXlsx, type SheetSpec } from "./settings-review-helpers";

jest.setTimeout(120_000);

const AS_AT = "2022-09-30";
const tmp = tempFolder("crr-rv29-archive-");
let files = 0;

// ---------------------------------------------------------------------------------------------------
// Workbooks as a council lays them out

/** One risk row. Defaults: an owned, treated open risk (2 × 2) with an action, last reviewed 20/09/2022. */
interface Risk {
  id: string;
  title?: string;
  owner?: string;
  l?: number;
  i?: number;
  strategy?: string;
  actions?: string;
  /** dd/mm/yyyy; null leaves the cell blank. */
  review?: string | null;
  status?: string;
  category?: string;
  money?: number;
  /** Date Closed, dd/mm/yyyy (archive sheets only). */
  closed?: string;
  /** Reason for Closure (archive sheets only). */
  reason?: string;
}

const HEADER = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Risk Status",
  "Risk Category",
  "Financial Impact (£)",
];
/** An archive sheet keeps the register's header and adds when and why each risk was closed. */
const ARCHIVE_HEADER = [...HEADER, "Date Closed", "Reason for Closure"];

const TITLES: Record<string, string> = {
  "HRC-001": "Carriageway resurfacing programme slippage",
  "HRC-002": "Winter gritting fleet availability",
  "HRC-003": "Street lighting column failures",
  "HRC-004": "Bridge joint replacement overspend",
  "HRC-007": "Contractor TUPE pension liability",
  "HRC-009": "Depot lease expiry",
  "HRC-012": "Traffic signal maintenance backlog",
};

function riskRow(r: Risk, archive: boolean): CellValue[] {
  const l = r.l ?? 2;
  const i = r.i ?? 2;
  const review = r.review === undefined ? "20/09/2022" : r.review;
  const row: CellValue[] = [
    r.id,
    r.title ?? TITLES[r.id] ?? `Risk ${r.id}`,
    r.owner ?? "Ann Lee",
    l,
    i,
    l * i,
    null,
    r.strategy ?? "Treat",
    r.actions ?? "Monthly inspection regime agreed with contractor",
    review === null ? null : serial(review),
    r.status ?? "Open",
    r.category ?? "Highways",
    r.money ?? null,
  ];
  if (archive) row.push(r.closed ? serial(r.closed) : null, r.reason ?? null);
  return row;
}

/**
 * A register sheet: a title row, a blank row, the header on row 3, then the rows (a string is a section
 * row, its text alone in column A). The first data row is row 4.
 */
function register(name: string, title: string, rows: (Risk | string)[], archive = false): SheetSpec {
  return {
    name,
    rows: [
      [title],
      [],
      archive ? ARCHIVE_HEADER : HEADER,
      ...rows.map((r) => (typeof r === "string" ? [r] : riskRow(r, archive))),
    ],
    dateColumns: archive ? [9, 13] : [9],
  };
}

const liveRegister = (...rows: (Risk | string)[]) =>
  register("Risk Register", "Highways and Public Realm Contract – Risk Register", rows);
const archiveSheet = (name: string, ...rows: Risk[]) =>
  register(name, "Highways and Public Realm Contract – Closed Risks", rows, true);

/** An actions sheet: Risk Reference, Action Ref, …, Target Date, Action Status, Progress Update, Update Date. */
function actionsSheet(...rows: [risk: string, id: string, due: string, status: string][]): SheetSpec {
  return {
    name: "Actions",
    rows: [
      [
        "Risk Reference",
        "Action Ref",
        "Action Description",
        "Action Owner",
        "Target Date",
        "Action Status",
        "Progress Update",
        "Update Date",
      ],
      ...rows.map(([risk, id, due, status]) => [
        risk,
        id,
        `Action ${id}`,
        "Ann Lee",
        serial(due),
        status,
        "Chased contractor",
        serial("15/09/2022"),
      ]),
    ],
    dateColumns: [4, 7],
  };
}

async function book(sheets: SheetSpec[]): Promise<string> {
  return writeXlsx(tmp, `archive-${++files}.xlsx`, sheets);
}

/** `risk-review check FILE --as-at 2022-09-30 --format json`. */
async function check(file: string): Promise<JsonReport> {
  const run = await runMain(["check", file, "--as-at", AS_AT, "--format", "json"]);
  if (run.status > 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** `risk-review check FILE --as-at 2022-09-30` (text). */
async function checkText(file: string): Promise<string> {
  const run = await runMain(["check", file, "--as-at", AS_AT]);
  if (run.status > 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** `risk-review check FILE --as-at 2022-09-30 --out REVIEW.xlsx`; the rows of one written tab as text. */
async function tab(file: string, name: string): Promise<string[][]> {
  const out = path.join(tmp, `review-${++files}.xlsx`);
  const run = await runMain(["check", file, "--as-at", AS_AT, "--out", out]);
  if (run.status > 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no tab "${name}" in ${out}`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    rows.push(
      (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
        if (v === null || v === undefined) return "";
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
        return String(v);
      }),
    );
  });
  return rows;
}

/** The Risk Summary's "Risks by status" counts: { Open: n, Closed: n }. */
function statusCounts(rows: string[][]): Record<string, number> {
  const at = rows.findIndex((r) => r[0] === "Risks by status");
  if (at < 0) throw new Error("no 'Risks by status' block");
  const out: Record<string, number> = {};
  for (let i = at + 2; i < rows.length && rows[i].some((c) => c !== ""); i++) {
    if (rows[i][0] === "Open" || rows[i][0] === "Closed") out[rows[i][0]] = Number(rows[i][1]);
  }
  return out;
}

/** "ruleId recordId sheet!cell" for every finding, sorted. */
const found = (json: JsonReport) =>
  json.findings.map((f) => `${f.ruleId} ${f.recordId} ${f.sheet}!${f.cell}`).sort();
/** The findings on one sheet, "ruleId recordId". */
const onSheet = (json: JsonReport, sheet: string) =>
  json.findings.filter((f) => f.sheet === sheet).map((f) => `${f.ruleId} ${f.recordId}`);
/** The record ids a rule flagged, sorted. */
const flagged = (json: JsonReport, ruleId: string) =>
  json.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.recordId} ${f.sheet}`)
    .sort();
const escalated = (json: JsonReport) => json.escalations.map((e) => `${e.recordId} ${e.sheet}`).sort();

// ---------------------------------------------------------------------------------------------------
// (1) A "Closed Risks" sheet beside the register

describe("a Closed Risks sheet: risks cut across from the register are closed", () => {
  it("gives no update, action or owner errors for a risk cut across to 'Closed Risks' whose Status still says Open", async () => {
    // judgement: the officer closed HRC-007 by cutting its row across to the Closed Risks sheet (Date Closed
    // and Reason filled) and left its Status "Open". SPEC Values: "Closed risks are exempt from the update
    // and action rules". A row on a sheet kept for closed risks is closed whatever its stale Status word:
    // an officer asked "it needs an update this month" about a risk closed in March would stop trusting the
    // errors list. The live register's own stale risk (HRC-002) is still flagged.
    // Today: stale-update, no-action and missing-owner errors on Closed Risks!J5, I5 and C5 for HRC-007.
    const file = await book([
      liveRegister({ id: "HRC-001" }, { id: "HRC-002", review: "01/07/2022" }),
      archiveSheet(
        "Closed Risks",
        {
          id: "HRC-009",
          status: "Closed",
          review: "14/03/2022",
          closed: "14/03/2022",
          reason: "Lease renewed",
        },
        {
          id: "HRC-007",
          status: "Open",
          owner: "",
          actions: "",
          review: "10/03/2022",
          closed: "10/03/2022",
          reason: "Liability settled by contractor",
        },
      ),
    ]);
    const json = await check(file);
    expect(onSheet(json, "Closed Risks")).toEqual([]);
    expect(flagged(json, "risk/stale-update")).toEqual(["HRC-002 Risk Register"]);
  });

  it("does not count the Closed Risks sheet's rows as open in the Risk Summary (--out)", async () => {
    // SPEC Owned tabs, Risk Summary: "counts by status"; Values: closed = Closed …. judgement for the row whose
    // Status still says Open: it stands on the sheet of closed risks, so the board is told 2 open, 3 closed.
    // Today "Risks by status" says Open 3, Closed 2 (HRC-007 counted open, and in "Open risks by RAG").
    const file = await book([
      liveRegister({ id: "HRC-001" }, { id: "HRC-002" }),
      archiveSheet(
        "Closed Risks",
        { id: "HRC-003", status: "Closed", review: "01/02/2022", closed: "01/02/2022" },
        { id: "HRC-009", status: "Closed", review: "14/03/2022", closed: "14/03/2022" },
        { id: "HRC-007", status: "Open", review: "10/03/2022", closed: "10/03/2022" },
      ),
    ]);
    expect(statusCounts(await tab(file, "Risk Summary"))).toEqual({ Open: 2, Closed: 3 });
  });

  it("does not route a risk on the Closed Risks sheet to the corporate register or the boards (JSON and Escalation tab)", async () => {
    // SPEC Escalation: "Each open risk is routed". judgement: HRC-007 (5 × 5, £300,000) was closed and cut
    // across in March with its Status left Open; sending it to the Strategic Partnership Board in September
    // would put a closed risk in the board pack. Today: escalations list "HRC-007 Closed Risks" (corporate
    // register, cluster group, Operations Board, Strategic Board) and the Escalation tab links Closed Risks!A5.
    const file = await book([
      liveRegister({ id: "HRC-001", l: 4, i: 4 }),
      archiveSheet(
        "Closed Risks",
        { id: "HRC-009", status: "Closed", review: "14/03/2022", closed: "14/03/2022" },
        {
          id: "HRC-007",
          status: "Open",
          l: 5,
          i: 5,
          money: 300000,
          review: "10/03/2022",
          closed: "10/03/2022",
        },
      ),
    ]);
    const json = await check(file);
    expect(escalated(json)).toEqual(["HRC-001 Risk Register"]);
    const links = (await tab(file, "Escalation")).flat().filter((c) => /!A\d+$/.test(c));
    expect(links.filter((c) => c.startsWith("Closed Risks!"))).toEqual([]);
  });

  it("treats a sheet named 'Risks closed 2022-23' as closed risks, not as a live register of the year", async () => {
    // judgement: README says a register named with a year ("Risk Register 2022-23") is a register; a sheet
    // named "Risks closed 2022-23" says in its name that it holds this year's closed risks. Its row with
    // Status "Open" (cut across, never re-worded) is closed: no stale-update or no-action error.
    // Today: risk/stale-update and risk/no-action on 'Risks closed 2022-23' for HRC-004.
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      archiveSheet("Risks closed 2022-23", {
        id: "HRC-004",
        status: "Open",
        actions: "",
        review: "30/06/2022",
        closed: "30/06/2022",
        reason: "Joints replaced under budget",
      }),
    ]);
    const json = await check(file);
    expect(onSheet(json, "Risks closed 2022-23")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// (2) The same id closed last year and reopened on the register

describe("a risk closed last year and reopened: the live row counts", () => {
  /** HRC-001 reopened on the register (owner now Raj Patel); last year's closed row on Closed Risks. */
  const reopened = (extra: SheetSpec[] = []) =>
    book([
      liveRegister({ id: "HRC-001", owner: "Raj Patel", l: 4, i: 4 }, { id: "HRC-002" }),
      archiveSheet("Closed Risks", {
        id: "HRC-001",
        owner: "Ann Lee",
        status: "Closed",
        review: "30/09/2021",
        closed: "30/09/2021",
        reason: "Programme delivered",
      }),
      ...extra,
    ]);

  it("guard: no risk/duplicate-id for the same id on the register and on the Closed Risks sheet", async () => {
    // SPEC Rules: risk/duplicate-id fires when "two rows of one register share an id"; these are two sheets.
    const json = await check(await reopened());
    expect(flagged(json, "risk/duplicate-id")).toEqual([]);
  });

  it("gives no risk/owner-conflict between the live row's owner and the owner it had when it was closed", async () => {
    // SPEC Rules: risk/owner-conflict is "the same id has different owners on different registers".
    // judgement: the Closed Risks sheet is a record of who owned HRC-001 when it closed a year ago, not a
    // register naming its owner today; the reopened risk's owner is Raj Patel. Today: warning
    // risk/owner-conflict on Closed Risks!C4 'Risk HRC-001 is owned by "Ann Lee" here but by "Raj Patel" on
    // Risk Register.'
    const json = await check(await reopened());
    expect(flagged(json, "risk/owner-conflict")).toEqual([]);
  });

  it("does not join the reopened risk with last year's closed row (Risk Summary 'on more than one register', text escalation line)", async () => {
    // SPEC Owned tabs: "A risk that stands on several registers (the same risk by id and title) is counted
    // once and shown once, naming each register it is on". judgement: last year's closed row on the Closed
    // Risks sheet is not a register the risk stands on today; the live row counts. The status counts are
    // already right (Open 2, Closed 0), but today the Risk Summary has the line "Open risks on more than one
    // register, counted once | 1 | HRC-001 (Risk Register, Closed Risks)", and the text output's escalation
    // line reads "HRC-001  Risk Register row 4 (also Closed Risks!A4)  -  Corporate risk register (score 16 ≥
    // 16)".
    const file = await reopened();
    const rows = await tab(file, "Risk Summary");
    expect(statusCounts(rows)).toEqual({ Open: 2, Closed: 0 });
    expect(rows.filter((r) => r.some((c) => c.includes("Closed Risks")))).toEqual([]);
    const line = (await checkText(file)).split("\n").find((l) => /HRC-001\s+Risk Register row 4/.test(l));
    expect(line).toBeDefined();
    expect(line).not.toContain("Closed Risks");
  });

  it("gives no risk/closed-with-open-actions on last year's closed row for the reopened risk's own open action", async () => {
    // SPEC Rules: risk/closed-with-open-actions "a closed risk still has open actions". judgement: action
    // A-11 (due December 2022, In progress) is the reopened HRC-001's action; the risk is open, so nothing is
    // closed with an open action. Today: warning on Closed Risks!K4 "Risk HRC-001 is closed but 1 of its
    // actions is still open."
    const json = await check(
      await reopened([actionsSheet(["HRC-001", "A-11", "31/12/2022", "In progress"])]),
    );
    expect(flagged(json, "risk/closed-with-open-actions")).toEqual([]);
  });

  it("gives no risk/duplicate-id when the Closed Risks sheet holds the same risk closed twice (2021 and 2022)", async () => {
    // SPEC Rules: risk/duplicate-id "two rows of one register share an id". judgement: an archive of closed
    // risks gains a row each time a risk is closed; HRC-009 closed in 2021, was reopened and closed again in
    // 2022. Two rows are its history, not an officer's typing error. Today: error risk/duplicate-id on
    // Closed Risks!A5 "Risk id HRC-009 is used again: it is also on row 4." (and exit status 1).
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      archiveSheet(
        "Closed Risks",
        { id: "HRC-009", status: "Closed", review: "31/03/2021", closed: "31/03/2021" },
        { id: "HRC-009", status: "Closed", review: "14/03/2022", closed: "14/03/2022" },
      ),
    ]);
    const json = await check(file);
    expect(flagged(json, "risk/duplicate-id")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// (3) Open actions of closed risks

describe("a closed risk's open actions on the actions sheet", () => {
  it("guard: a risk on the Closed Risks sheet with Status Closed gets risk/closed-with-open-actions, and its overdue action is not risk/action-overdue", async () => {
    // SPEC Rules: risk/closed-with-open-actions "a closed risk still has open actions"; README Many workbooks:
    // "An overdue action whose risks are all closed … is not risk/action-overdue (one workbook skips such an
    // action)".
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      archiveSheet("Closed Risks", {
        id: "HRC-009",
        status: "Closed",
        review: "14/03/2022",
        closed: "14/03/2022",
      }),
      actionsSheet(["HRC-009", "A-9", "31/08/2022", "Open"]),
    ]);
    const json = await check(file);
    expect(found(json)).toEqual(["risk/closed-with-open-actions HRC-009 Closed Risks!K4"]);
  });

  it("gives risk/closed-with-open-actions (not action-overdue) for a risk cut across to Closed Risks with Status still Open", async () => {
    // judgement (as for the first test): HRC-007 on the Closed Risks sheet is closed whatever its Status word,
    // so its open, overdue action A-7 is what SPEC's risk/closed-with-open-actions is for: the finding on
    // Closed Risks!K4, and no risk/action-overdue (README: an overdue action whose risks are all closed is not
    // overdue). Today: only "risk/action-overdue HRC-007 Actions!E2", no closed-with-open-actions.
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      archiveSheet("Closed Risks", {
        id: "HRC-007",
        status: "Open",
        review: "10/03/2022",
        closed: "10/03/2022",
        reason: "Liability settled by contractor",
      }),
      actionsSheet(["HRC-007", "A-7", "31/08/2022", "Open"]),
    ]);
    const json = await check(file);
    expect(found(json)).toEqual(["risk/closed-with-open-actions HRC-007 Closed Risks!K4"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// (4) Closed risks kept at the bottom of the register under a "CLOSED RISKS" section row

describe("a CLOSED RISKS section row at the bottom of the register", () => {
  /** Two live risks, then "CLOSED RISKS" (row 6) and two closed ones with blank Status (rows 7 and 8). */
  const sectioned = (extra: SheetSpec[] = []) =>
    book([
      liveRegister(
        { id: "HRC-001" },
        { id: "HRC-002" },
        "CLOSED RISKS",
        { id: "HRC-003", status: "", l: 4, i: 5, review: "01/02/2022" },
        { id: "HRC-004", status: "", owner: "", actions: "", review: "30/06/2022" },
      ),
      ...extra,
    ]);

  it("gives no update, owner or action errors and no escalation for risks under CLOSED RISKS whose Status is blank", async () => {
    // SPEC Real registers: a section row's "text becomes the `section` of the rows below it"; Values:
    // "Closed risks are exempt from the update and action rules". judgement: the heading says what every row
    // below it is; a team that keeps closed risks under it leaves Status blank. Today: risk/stale-update on
    // Risk Register!J7 and risk/above-appetite F7 (HRC-003), missing-owner C8, no-action I8, stale-update J8
    // (HRC-004), and HRC-003 (4 × 5) routed to the corporate register.
    const json = await check(await sectioned());
    expect(found(json)).toEqual([]);
    expect(escalated(json)).toEqual([]);
  });

  it("counts the risks under CLOSED RISKS as closed in the Risk Summary (--out)", async () => {
    // SPEC Owned tabs, Risk Summary: counts by status. judgement as above. Expected Open 2, Closed 2.
    // Today: Open 4, Closed 0.
    expect(statusCounts(await tab(await sectioned(), "Risk Summary"))).toEqual({ Open: 2, Closed: 2 });
  });

  it("gives risk/closed-with-open-actions for an open action of a risk under CLOSED RISKS", async () => {
    // SPEC Rules: risk/closed-with-open-actions, on the risk's status cell (README Many workbooks). HRC-004 is
    // closed by its heading and action A-4 (due December, In progress) is still open: the finding on Risk
    // Register!K8. Today: no such finding (HRC-004 is read as open).
    const json = await check(
      await sectioned([actionsSheet(["HRC-004", "A-4", "31/12/2022", "In progress"])]),
    );
    expect(flagged(json, "risk/closed-with-open-actions")).toEqual(["HRC-004 Risk Register"]);
    expect(json.findings.find((f) => f.ruleId === "risk/closed-with-open-actions")?.cell).toBe("K8");
  });

  it("guard: risks under an ordinary section row ('Financial and commercial risks') with blank Status stay open and are checked", async () => {
    // SPEC Real registers: a section row is a heading whose text becomes the rows' section; Values: a Status
    // that is not a closed word is open. A fix must not close every sectioned risk: HRC-012 (reviewed in
    // June) is still stale.
    const file = await book([
      liveRegister("Operational risks", { id: "HRC-001" }, "Financial and commercial risks", {
        id: "HRC-012",
        status: "",
        review: "30/06/2022",
      }),
    ]);
    const json = await check(file);
    expect(flagged(json, "risk/stale-update")).toEqual(["HRC-012 Risk Register"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// (5) Sheets of things that are not the register's risks

describe("Issues Log, Opportunities and Proposed risks sheets", () => {
  it("does not check an Issues Log as a risk register (no risk/* or sheet/missing-column findings on it)", async () => {
    // SPEC Workflows/Reading sheets: the check finds "the plan, registers, actions and log sheets"; an
    // issues log is none of them (sheet kinds: risk-register, actions, improvement-plan, update-log,
    // unknown). judgement: an issue has already happened; it has no likelihood, no 4T strategy and no
    // monthly risk review, so "Risk ISS-01 has no strategy: the sheet has no strategy column" is a false error.
    // Today: Issues Log is read as a risk-register; errors risk/missing-strategy, risk/stale-update,
    // risk/missing-owner, risk/no-action (ISS-01) and sheet/missing-column on it; exit status 1.
    const issues: SheetSpec = {
      name: "Issues Log",
      rows: [
        ["Highways Contract – Issues Log"],
        [],
        [
          "Issue ID",
          "Issue Title",
          "Issue Owner",
          "Date Raised",
          "Impact",
          "Priority",
          "Actions",
          "Last Updated",
          "Status",
        ],
        [
          "ISS-01",
          "Spike in pothole claims after flooding",
          "",
          serial("01/06/2022"),
          4,
          "High",
          "",
          serial("01/06/2022"),
          "Open",
        ],
      ],
      dateColumns: [3, 7],
    };
    const file = await book([liveRegister({ id: "HRC-001" }), issues]);
    const json = await check(file);
    expect(onSheet(json, "Issues Log")).toEqual([]);
    expect(json.risks.map((r) => r.recordId)).toEqual(["HRC-001"]);
  });

  it("does not escalate an opportunity to the corporate register as a red risk", async () => {
    // SPEC Escalation routes "open risks"; Values name Take (exploit) as the opportunity's strategy, so SPEC
    // knows opportunities are kept. judgement: an opportunity scoring 20 (likely and large upside) is good
    // news, not a threat for the corporate risk register or a red risk in the board's count of open risks.
    // Today: escalations "OPP-01 Opportunities: corporate-register (score 20 ≥ 16)", a risk/above-appetite
    // warning on Opportunities!F4, and it is one of the Risk Summary's red open risks.
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      register("Opportunities", "Highways Contract – Opportunities", [
        { id: "OPP-01", title: "LED retrofit energy savings", strategy: "Exploit", l: 4, i: 5 },
      ]),
    ]);
    const json = await check(file);
    expect(escalated(json)).toEqual([]);
    expect(flagged(json, "risk/above-appetite")).toEqual([]);
  });

  it("routes a risk on a 'Proposed risks' sheet as SPEC routes every open risk (declined: reviewer asked for no escalation)", async () => {
    // SPEC Values list Proposed as an open status word and Escalation routes open risks. judgement: a
    // "Proposed risks" sheet holds risks awaiting the Risk Management Board's acceptance; the board pack
    // should not send PR-01 (5 × 5, £300,000) to the Strategic Partnership Board before it is on the
    // register. Today: escalations "PR-01 Proposed risks" to corporate-register, financial-cluster,
    // operations-board and strategic-board.
    const file = await book([
      liveRegister({ id: "HRC-001" }),
      register("Proposed risks", "Highways Contract – Proposed risks (for RMB)", [
        {
          id: "PR-01",
          title: "Contractor insolvency",
          status: "Proposed",
          l: 5,
          i: 5,
          money: 300000,
          owner: "Raj Patel",
        },
      ]),
    ]);
    // Declined (fx29-archive): SPEC Values list Proposed among the OPEN status words, and SPEC Escalation says
    // "Each open risk is routed"; no SPEC text sets a sheet of proposed risks apart (the sheet kinds are
    // register, actions, plan and log). A 5 × 5 risk of £300,000 awaiting acceptance is one the boards should
    // hear of, and holding it back on the tab's name alone would hide it. SPEC wins: PR-01 is routed.
    const json = await check(file);
    expect(escalated(json)).toEqual(["PR-01 Proposed risks"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// (6) Guards: registers that hold closed risks in the ordinary way

describe("guards: ordinary registers with closed risks", () => {
  it("guard: a register whose Closed rows are stale and without actions checks as before; Risk Summary counts them closed", async () => {
    // SPEC Values: "Closed risks are exempt from the update and action rules"; risk/stale-update and
    // risk/no-action fire for open risks.
    const file = await book([
      liveRegister(
        { id: "HRC-001" },
        { id: "HRC-002", review: "01/07/2022", actions: "" },
        { id: "HRC-003", status: "Closed", review: "01/02/2022", actions: "", l: 5, i: 5 },
        { id: "HRC-004", status: "Closed (30/06/2022)", review: "30/06/2022", owner: "" },
      ),
    ]);
    const json = await check(file);
    expect(found(json)).toEqual([
      "risk/no-action HRC-002 Risk Register!I5",
      "risk/stale-update HRC-002 Risk Register!J5",
    ]);
    expect(escalated(json)).toEqual([]);
    expect(statusCounts(await tab(file, "Risk Summary"))).toEqual({ Open: 2, Closed: 2 });
  });

  it("guard: a sheet named 'Risk Register (Closed & Open)' is still a live register, its open risks checked and escalated", async () => {
    // SPEC Reading sheets: registers are found "by their headers, whatever their names". The word Closed in
    // the tab's name must not make a fix treat its Open rows as closed.
    const file = await book([
      register("Risk Register (Closed & Open)", "Highways Contract – Risk Register", [
        { id: "HRC-001", l: 4, i: 4 },
        { id: "HRC-002", review: "01/07/2022" },
        { id: "HRC-003", status: "Closed", review: "01/02/2022" },
      ]),
    ]);
    const json = await check(file);
    expect(flagged(json, "risk/stale-update")).toEqual(["HRC-002 Risk Register (Closed & Open)"]);
    expect(escalated(json)).toEqual(["HRC-001 Risk Register (Closed & Open)"]);
    expect(statusCounts(await tab(file, "Risk Summary"))).toEqual({ Open: 2, Closed: 1 });
  });
});
