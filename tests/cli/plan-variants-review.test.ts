// Plan variants review: improvement plans laid out as councils really lay them out (an Internal Audit action
// plan with a Management Response and a Responsible Officer, a plan pasted from Word with merged cells and a
// heading row per audit finding, sub-actions "1a" and "(i)", a revised target date, evidence kept in another
// column, BRAG status words, two audits on two sheets), built with exceljs, written to a file and checked by
// the command line as an officer runs it: `check plan.xlsx --as-at 2022-10-10 --format json --out review.xlsx`.
// Each test reads the JSON findings and the Plan Close-Out tab written to review.xlsx, and says in its
// comment which SPEC or README line it relies on. Tests marked "guard" pass today and keep a behaviour the
// failing ones must not break.

import ExcelJS from "exceljs";
import * as path from "path";
import { putRow as put } from "../helpers/built-plan";
import { tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";

const AS_AT = "2022-10-10";
const dir = tempFolder("plan-variants-");

/** The seed's nine headers (SPEC Fields: plan … "the seed's nine headers"). */
const HEAD = [
  "No",
  "Improvement Aim",
  "Background",
  "Action",
  "Date Completed or Expected",
  "Lead Director",
  "Lead Officer",
  "Progress Status",
  "Evidence",
];

interface JsonFinding {
  ruleId: string;
  severity: string;
  sheet: string;
  cell: string | null;
  row: number;
  recordId: string | null;
  message: string;
}
interface JsonSheet {
  name: string;
  kind: string;
  headerRow: number | null;
  columns: Record<string, string>;
}
/** One row of the Plan Close-Out table as written: No … Ready to close, then the Go to aim cell's text. */
type CloseOutRow = [string, string, number, number, number, number, number, string, string, string];

interface Review {
  status: number;
  sheets: JsonSheet[];
  findings: JsonFinding[];
  planFindings: JsonFinding[];
  /** The Close-Out's title line ("Improvement plan close-out (1 of 2 aims ready to close)"). */
  title: string;
  closeOut: CloseOutRow[];
}

let files = 0;

/** Builds the workbook, runs `check FILE --as-at 2022-10-10 --format json --out REVIEW` and reads both. */
async function review(build: (wb: ExcelJS.Workbook) => void): Promise<Review> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const n = ++files;
  const file = path.join(dir, `plan-${n}.xlsx`);
  const out = path.join(dir, `review-${n}.xlsx`);
  await wb.xlsx.writeFile(file);
  const run = await runMain(["check", file, "--as-at", AS_AT, "--format", "json", "--out", out]);
  // Exit status 2 (SPEC Command line: "holds no plan, register or actions sheet") prints no report: the
  // review is then empty, and the test's own expectations say what was missed.
  if (run.status === 2)
    return { status: 2, sheets: [], findings: [], planFindings: [], title: run.stderr.trim(), closeOut: [] };
  const json = JSON.parse(run.stdout) as { sheets: JsonSheet[]; findings: JsonFinding[] };
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const tab = book.getWorksheet("Plan Close-Out")!;
  const text = (v: ExcelJS.CellValue): string =>
    v === null || v === undefined
      ? ""
      : typeof v === "object" && "text" in (v as object)
        ? String((v as { text: unknown }).text)
        : String(v);
  const rows: ExcelJS.CellValue[][] = [];
  tab.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  const title = text(rows.find((r) => /^Improvement plan close-out/.test(text(r[0])))?.[0]);
  const head = rows.findIndex((r) => r[0] === "No" && r[1] === "Improvement aim");
  const closeOut: CloseOutRow[] = [];
  for (const r of rows.slice(head + 1)) {
    if (text(r[0]) === "" && text(r[1]) === "") break;
    closeOut.push([
      text(r[0]),
      text(r[1]),
      Number(r[2]),
      Number(r[3]),
      Number(r[4]),
      Number(r[5]),
      Number(r[6]),
      text(r[7]),
      text(r[8]),
      text(r[9]),
    ]);
  }
  return {
    status: run.status,
    sheets: json.sheets,
    findings: json.findings,
    planFindings: json.findings.filter((f) => f.ruleId.startsWith("plan/")),
    title,
    closeOut,
  };
}

/** Findings as "rule cell". */
const at = (fs: JsonFinding[]): string[] => fs.map((f) => `${f.ruleId} ${f.cell}`);
/** Findings of one rule as their record ids. */
const idsOf = (r: Review, rule: string): (string | null)[] =>
  r.findings.filter((f) => f.ruleId === rule).map((f) => f.recordId);
/** Close-Out rows without the Go to aim column. */
const counts = (r: Review) => r.closeOut.map((row) => row.slice(0, 9));

describe("an Internal Audit action plan, laid out as the audit report lays it out", () => {
  // SPEC Workflows: "Check: find the plan, registers, actions and log sheets in the open workbook by their
  // headers, whatever their names"; SPEC Fields: headers are "examples, not a closed list". An audit report's
  // action plan heads its agreed actions "Management Response" (Rec No, Recommendation, Priority, Management
  // Response, Responsible Officer, Target Date, Status / Progress, Evidence). The code finds no header row
  // of a known kind: the plan is not checked at all and the command says the workbook holds no plan, so rec
  // 2, six weeks past its date and not started, is never reported overdue.
  it("reads a plan whose actions are headed 'Management Response' as the improvement plan and reports rec 2 overdue", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("IA Action Plan");
      put(ws, 1, ["Internal Audit: Highways Contract Management 2021/22 – Management Action Plan"]);
      put(ws, 3, [
        "Rec No",
        "Recommendation",
        "Priority",
        "Management Response",
        "Responsible Officer",
        "Target Date",
        "Status / Progress",
        "Evidence",
      ]);
      put(ws, 4, [
        "1",
        "The risk register should record an action and an owner for every risk.",
        "High",
        "Agreed. A monthly risk board will review every risk and its actions.",
        "Head of Highways",
        "Q3 2022/23",
        "On track",
        null,
      ]);
      put(ws, 5, [
        "2",
        "Escalation thresholds should be defined.",
        "Medium",
        "Agreed. Thresholds will be set out in the risk strategy.",
        "Contract Manager",
        "June 2022",
        "Not started",
        null,
      ]);
    });
    expect(r.status).toBe(1);
    expect(r.sheets.map((s) => [s.name, s.kind, s.columns.action])).toEqual([
      ["IA Action Plan", "improvement-plan", "D"],
    ]);
    expect(at(r.findings.filter((f) => f.ruleId === "plan/overdue"))).toEqual(["plan/overdue F5"]);
    expect(r.closeOut.map((row) => [row[0], row[2], row[4], row[7]])).toEqual([
      ["1", 1, 0, "Amber"],
      ["2", 1, 1, "Red"],
    ]);
  });

  // SPEC Rules: "sheet/missing-column … a register lacks a column a rule needs; reported once per sheet. Rules
  // on optional fields are skipped silently"; DESIGN: "A rule never computes a cell address itself" and a
  // finding points at the cell it is about. An audit plan names one Responsible Officer per action and has
  // no Lead Director column. The code reports "has no lead director" on every action (an error each), and
  // points each at the Rec No cell (A4, A5 …), which has nothing to do with any lead; the one action whose
  // Responsible Officer really is blank is lost among them.
  it("does not report 'no lead director' on every action of a plan with one Responsible Officer column, nor point at the Rec No", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("IA Action Plan");
      put(ws, 3, [
        "Rec No",
        "Recommendation",
        "Agreed Action",
        "Responsible Officer",
        "Target Date",
        "Status / Progress",
        "Evidence",
      ]);
      put(ws, 4, [
        "1",
        "Risk register",
        "Set up a monthly risk board",
        "Head of Highways",
        "March 2023",
        "On track",
        null,
      ]);
      put(ws, 5, [
        "2",
        "Escalation",
        "Define escalation thresholds",
        "Contract Manager",
        "March 2023",
        "On track",
        null,
      ]);
      put(ws, 6, ["3", "Training", "Train contract officers", null, "March 2023", "Not started", null]);
    });
    const leads = r.findings.filter((f) => f.ruleId === "plan/missing-lead");
    // Per action: only rec 3's blank Responsible Officer (D6); at most one note for the sheet as a whole.
    expect(at(leads.filter((f) => f.cell !== null))).toEqual(["plan/missing-lead D6"]);
    expect(leads.filter((f) => f.cell === null).length).toBeLessThanOrEqual(1);
  });
});

describe("a plan pasted from Word: merged cells, sub-actions and a heading row per audit finding", () => {
  // SPEC Reading sheets: "In the plan, No and Improvement Aim are written once per aim"; README: "an action
  // whose No is merged over several rows is one action" is Word splitting ONE action's paragraphs. Here Word
  // merged the aim's No, aim, background, leads and target date down over its three actions, each with its own
  // action, status and evidence. The code joins the three into one action whose status reads "Completed. …
  // Not started On track": the not-started action disappears, and the Close-Out shows aim 1 green, ready to
  // close, with 1 action instead of 3.
  it("keeps an aim's three actions apart when Word merged the No, aim, leads and date down over them", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "Risk log not maintained",
        "Set up a monthly risk board",
        "March 2023",
        "RC",
        "MA",
        "Completed. Board meets monthly.",
        "RMB minutes",
      ]);
      put(ws, 5, [null, null, null, "Develop annex risk registers", null, null, null, "Not started", null]);
      put(ws, 6, [null, null, null, "Report registers to MCIB", null, null, null, "On track", null]);
      for (const c of [1, 2, 3, 5, 6, 7]) ws.mergeCells(4, c, 6, c);
      put(ws, 7, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Flow chart",
      ]);
    });
    expect(counts(r)).toEqual([
      ["1", "Risk Management", 3, 1, 0, 0, 0, "Amber", "No"],
      ["2", "Governance", 1, 1, 0, 0, 0, "Green", "Yes"],
    ]);
    expect(r.title).toBe("Improvement plan close-out (1 of 2 aims ready to close)");
  });

  // SPEC Reading sheets: "No and Improvement Aim are written once per aim; each carries down on its own until
  // a new value appears"; SPEC Plan Close-Out: "per aim". Actions 1a and 1b are written under aim 1 with no
  // aim of their own, so the aim carries down to them. The code keeps "1a" and "1b" as aims of their own:
  // the Close-Out lists "Risk Management" three times (1, 1a, 1b), one action each.
  it("counts actions 1a and 1b under aim 1 on the Close-Out when no aim of their own is written", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, [
        "1a",
        null,
        null,
        "Develop annex risk registers",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Registers",
      ]);
      put(ws, 6, [
        "1b",
        null,
        null,
        "Report registers to MCIB",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "MCIB reports",
      ]);
      put(ws, 7, [
        "2",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Flow chart",
      ]);
    });
    expect(counts(r)).toEqual([
      ["1", "Risk Management", 3, 3, 0, 0, 0, "Green", "Yes"],
      ["2", "Governance", 1, 1, 0, 0, 0, "Green", "Yes"],
    ]);
  });

  // README Check: "A plan action is named by its place under its aim (1.2 is aim 1's second action …)";
  // SPEC Plan Close-Out: "per aim". Word numbers an aim's sub-actions "(i)", "(ii)" under "2.". The code
  // reads "(i)" and "(ii)" as aims: the Close-Out shows aim 2 with one action and two aims "(i)" and "(ii)",
  // and the overdue finding names the action "(ii).1" instead of 2.3.
  it("counts sub-actions (i) and (ii) under aim 2 and names the overdue one 2.3", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Flow chart",
      ]);
      put(ws, 6, [
        "(i)",
        null,
        null,
        "Train contract officers",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Training log",
      ]);
      put(ws, 7, ["(ii)", null, null, "Brief elected members", "June 2022", "RC", "MA", "Not started", null]);
    });
    expect(idsOf(r, "plan/overdue")).toEqual(["2.3"]);
    expect(counts(r)).toEqual([
      ["1", "Risk Management", 1, 1, 0, 0, 0, "Green", "Yes"],
      ["2", "Governance", 3, 2, 1, 0, 0, "Red", "No"],
    ]);
  });

  // README Check: "A plan action is named by its place under its aim (1.2 is aim 1's second action, on each
  // plan sheet)". A plan that numbers each action 1.1, 1.2, 2.1 already writes that place: the code appends
  // a count to it, naming action 1.2 "1.2.1" and action 2.1 "2.1.1" in the findings and the JSON, ids the
  // plan does not contain.
  it("names actions numbered 1.2 and 2.1 as 1.2 and 2.1, not 1.2.1 and 2.1.1", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.1",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, [
        "1.2",
        null,
        null,
        "Develop annex risk registers",
        "June 2022",
        "RC",
        "MA",
        "In progress",
        null,
      ]);
      put(ws, 6, [
        "2.1",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "March 2023",
        "RC",
        null,
        "On track",
        null,
      ]);
    });
    expect(idsOf(r, "plan/overdue")).toEqual(["1.2"]);
    expect(idsOf(r, "plan/missing-lead")).toEqual(["2.1"]);
  });

  // README Check: "a merged aim heading (a Word export's shaded row) sets the aim of the actions below it";
  // SPEC Plan Close-Out: "per aim: actions, completed, overdue …". Word heads each audit finding with a merged
  // row and numbers the actions 1, 2, 3, 4 straight through the plan. The code reads the aims right but
  // groups the Close-Out by the action numbers: four aims of one action each, finding 1 listed twice and
  // finding 2 listed twice (one red, one green), instead of two aims of two actions.
  it("groups the Close-Out by the heading rows' aims where the No numbers actions straight through", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, ["Finding 1: Risk register not fit for purpose"]);
      ws.mergeCells(4, 1, 4, 9);
      put(ws, 5, [
        "1",
        null,
        null,
        "Set up a monthly risk board",
        "April 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 6, [
        "2",
        null,
        null,
        "Develop annex risk registers",
        "May 2022",
        "RC",
        "MA",
        "Completed",
        "Registers",
      ]);
      put(ws, 7, ["Finding 2: Escalation thresholds not defined"]);
      ws.mergeCells(7, 1, 7, 9);
      put(ws, 8, [
        "3",
        null,
        null,
        "Define escalation thresholds",
        "June 2022",
        "RC",
        "MA",
        "Not started",
        null,
      ]);
      put(ws, 9, [
        "4",
        null,
        null,
        "Train contract officers",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Training log",
      ]);
    });
    expect(r.closeOut.map((row) => [row[1], row[2], row[3], row[4], row[7]])).toEqual([
      ["Finding 1: Risk register not fit for purpose", 2, 2, 0, "Green"],
      ["Finding 2: Escalation thresholds not defined", 2, 1, 1, "Red"],
    ]);
  });

  // README Check: "a merged aim heading (a Word export's shaded row) sets the aim of the actions below it";
  // SPEC Real registers: a heading "is not a risk". An audit plan's heading row carries the finding's
  // priority in the last columns ("Priority: High", merged over Status and Evidence). The code drops the
  // first heading (so action 1.1 has no aim on the Close-Out) and reads the second as an action whose date is
  // "Finding 2: Escalation thresholds not defined" and whose status is "Priority: Medium": an error, a
  // warning and a third, amber aim named after the heading.
  it("reads heading rows that carry a priority ('Priority: High') as aims, not actions", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "Finding 1: Risk register not fit for purpose",
        null,
        null,
        null,
        null,
        null,
        null,
        "Priority: High",
      ]);
      ws.mergeCells(4, 1, 4, 7);
      ws.mergeCells(4, 8, 4, 9);
      put(ws, 5, [
        "1.1",
        null,
        null,
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 6, [
        "Finding 2: Escalation thresholds not defined",
        null,
        null,
        null,
        null,
        null,
        null,
        "Priority: Medium",
      ]);
      ws.mergeCells(6, 1, 6, 7);
      ws.mergeCells(6, 8, 6, 9);
      put(ws, 7, [
        "2.1",
        null,
        null,
        "Define escalation thresholds",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Thresholds",
      ]);
    });
    expect(r.findings.filter((f) => f.row === 4 || f.row === 6)).toEqual([]);
    expect(r.closeOut.map((row) => [row[1], row[2], row[3], row[7]])).toEqual([
      ["Finding 1: Risk register not fit for purpose", 1, 1, "Green"],
      ["Finding 2: Escalation thresholds not defined", 1, 1, "Green"],
    ]);
  });

  // Brief and plain sense, with SPEC Reading sheets ("Merged cells give their value to the whole merged
  // area") and Excel's own behaviour: a merged area is its top-left cell; a conditional format on E5 inside
  // E4:E6 shows nothing, and Excel stores the value in E4 only. Word merged the target date "June 2022" over
  // actions 1.1–1.3; action 1.2 is in progress and overdue. The code names E5, a cell inside the merged area
  // that holds nothing, so "Mark cells" marks nothing the officer can see.
  it("points an overdue finding on a date merged over three actions at the merged area's top-left cell", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.1",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, ["1.2", null, null, "Develop annex risk registers", null, null, null, "On track", null]);
      put(ws, 6, [
        "1.3",
        null,
        null,
        "Report registers to MCIB",
        null,
        null,
        null,
        "Completed",
        "MCIB reports",
      ]);
      for (const c of [2, 3, 5, 6, 7]) ws.mergeCells(4, c, 6, c);
    });
    expect(at(r.planFindings)).toEqual(["plan/overdue E4"]);
  });

  // SPEC Plan Close-Out: "RAG (red: any … completed without evidence …)"; SPEC Rules plan/completed-without-
  // evidence: "completed with an empty Evidence cell". Word merged the status "Completed" across the Status
  // and Evidence columns (H4:I4): no evidence was written. The code copies the status into Evidence, so the
  // action is "evidenced" by the word "Completed" and the aim is green, ready to close.
  it("does not take a status merged across the Evidence column as the action's evidence", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
      ]);
      ws.mergeCells(4, 8, 4, 9);
      put(ws, 5, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Flow chart",
      ]);
    });
    expect(idsOf(r, "plan/completed-without-evidence")).toEqual(["1.1"]);
    expect(counts(r)).toEqual([
      ["1", "Risk Management", 1, 1, 0, 1, 0, "Red", "No"],
      ["2", "Governance", 1, 1, 0, 0, 0, "Green", "Yes"],
    ]);
  });

  // SPEC Reading sheets: "A finding … points at the record's first row"; the brief: findings quote the action
  // briefly. A recommendation whose agreed action has not been written yet is overdue; the code's message is
  // 'Plan action "" was due 30/06/2022 …': an empty quote that names nothing. It should name the action by its
  // place (2.1) or its aim.
  it("names an overdue action with no action text by its place, not by an empty quote", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "Procedure rules not followed",
        null,
        "June 2022",
        "RC",
        "MA",
        "Not started",
        null,
      ]);
    });
    const overdue = r.findings.filter((f) => f.ruleId === "plan/overdue");
    expect(overdue.map((f) => [f.cell, f.recordId])).toEqual([["E5", "2.1"]]);
    expect(overdue[0].message).not.toContain('""');
    expect(overdue[0].message).toMatch(/2\.1|Governance/);
  });
});

describe("dates, statuses and evidence as officers write them", () => {
  // README Values: "a revised date (`Revised to March 2023`, `Sept 2022 / revised Dec 2022`: the revised one is
  // the deadline)"; SPEC Rules plan/overdue: "the date is before the as-at date". A plan that keeps an
  // Original Target Date and a Revised Target Date column: action 1 was moved to March 2023 at the board. The
  // code reads only the original column, so action 1 is reported overdue (due 30/06/2022) and its aim red.
  it("judges overdue by the Revised Target Date where the plan keeps one beside the original", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Original Target Date",
        "Revised Target Date",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
      ]);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "Set up a monthly risk board",
        "June 2022",
        "March 2023",
        "RC",
        "MA",
        "On track",
        null,
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "Commissioning flow chart",
        "June 2022",
        null,
        "RC",
        "MA",
        "On track",
        null,
      ]);
    });
    expect(idsOf(r, "plan/overdue")).toEqual(["2.1"]);
    expect(r.closeOut.map((row) => [row[0], row[4], row[7]])).toEqual([
      ["1", 0, "Amber"],
      ["2", 1, "Red"],
    ]);
  });

  // Guard. SPEC Rules plan/overdue: "the date is before the as-at date and the status is neither completed nor
  // cancelled". A plan that keeps a Target Date and a Date Completed column is judged by its Target Date: an
  // open action has no completion date, and is overdue at its target's cell; a completed one is not.
  it("guard: judges overdue by Target Date, not by the Date Completed beside it", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Lead Director",
        "Lead Officer",
        "Target Date",
        "Date Completed",
        "Progress Status",
        "Evidence",
      ]);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "Set up a monthly risk board",
        "RC",
        "MA",
        "June 2022",
        "April 2022",
        "Completed",
        "Minutes",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "Commissioning flow chart",
        "RC",
        "MA",
        "June 2022",
        null,
        "In progress",
        null,
      ]);
      put(ws, 6, [
        "3.",
        "Training",
        "Train contract officers",
        "RC",
        "MA",
        "March 2023",
        null,
        "Not started",
        null,
      ]);
    });
    expect(r.planFindings.map((f) => [f.ruleId, f.cell, f.recordId])).toEqual([
      ["plan/overdue", "F5", "2.1"],
    ]);
  });

  // SPEC Rules plan/completed-without-evidence: "completed with an empty Evidence cell"; SPEC Fields: "The most
  // specific match wins, and one column serves one field". A plan with an Evidence column and an Evidence
  // Location column (where the minutes are filed): action 1's evidence is recorded in Evidence Location.
  // The code reads only "Evidence" and reports action 1 completed without evidence (an error), its aim red.
  it("takes evidence recorded in an 'Evidence Location' column as evidence", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Target Date",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
        "Evidence Location",
      ]);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        null,
        "SharePoint > Risk Management Board > Minutes Sept 22",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        null,
        null,
      ]);
    });
    expect(idsOf(r, "plan/completed-without-evidence")).toEqual(["2.1"]);
    expect(r.closeOut.map((row) => [row[0], row[7], row[8]])).toEqual([
      ["1", "Green", "Yes"],
      ["2", "Red", "No"],
    ]);
  });

  // SPEC Real registers, Placeholders: "None … count as empty … evidence "N/A" is empty evidence"; SPEC Plan
  // Close-Out: "green: all completed and evidenced". An officer who has nothing to cite writes it in words:
  // "No evidence held", "None yet". The code takes any text as evidence, so both completed actions pass and
  // their aims are green and ready to close.
  it("reports a completed action whose Evidence says 'No evidence held' or 'None yet' as completed without evidence", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "No evidence held",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Complete",
        "None yet",
      ]);
    });
    expect(idsOf(r, "plan/completed-without-evidence")).toEqual(["1.1", "2.1"]);
    expect(r.closeOut.map((row) => [row[0], row[7]])).toEqual([
      ["1", "Red"],
      ["2", "Red"],
    ]);
  });

  // SPEC Values: "Action status: done = … Blue (the B of BRAG)"; "Plan status, from the leading words of Progress
  // Status". A plan that keeps a BRAG "RAG Status" column beside its "Progress Update": action 1 is Blue
  // (complete), its update says "Completed. Board meets monthly." and its evidence is cited. The code takes
  // RAG Status as the status: "Blue" is an unknown status, the completed action is reported overdue (an
  // error) and its aim red; only action 2 (Amber, in progress, past its date) is really overdue.
  it("does not report a Blue (BRAG complete) action with a 'Completed' progress update as overdue", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Lead Director",
        "Lead Officer",
        "Target Date",
        "RAG Status",
        "Progress Update",
        "Evidence",
      ]);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "Set up a monthly risk board",
        "RC",
        "MA",
        "June 2022",
        "Blue",
        "Completed. Board meets monthly.",
        "RMB minutes",
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "Commissioning flow chart",
        "RC",
        "MA",
        "June 2022",
        "Amber",
        "In progress – with Legal",
        null,
      ]);
    });
    expect(r.planFindings.filter((f) => f.row === 4)).toEqual([]);
    expect(idsOf(r, "plan/overdue")).toEqual(["2.1"]);
    expect(r.closeOut.map((row) => [row[0], row[7]])).toEqual([
      ["1", "Green"],
      ["2", "Red"],
    ]);
  });

  // Guard. SPEC Values, Dates: "UK day-first dd/mm/yyyy (never month-first) … UK financial-year quarters
  // `Q2 2022/23` (Q1 April–June …) … A month, quarter or year means its last day when it is a deadline";
  // "`TBC`, `Ongoing` and blanks are not dates"; README: "A plan date "TBC" is reported as a date that cannot
  // be read, quoting it"; SPEC Rules plan/overdue: "before the as-at date". "31/09/2022" is no day at all:
  // it must be reported as written, never rolled on to 1 October.
  it("guard: reads target dates as written and judges overdue against the as-at date", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      const rows: [string, string][] = [
        ["31/09/2022", "On track"],
        ["TBC", "Not started"],
        ["Ongoing", "Ongoing"],
        ["Q3 2022/23", "Not started"],
        ["Q2 2022/23", "On track"],
        ["10/10/2022", "In progress"],
        ["09/10/2022", "In progress"],
        ["March 2023", "Not started"],
      ];
      rows.forEach(([date, status], i) =>
        put(ws, 4 + i, [
          `${i + 1}.`,
          `Aim ${i + 1}`,
          "bg",
          `Action ${i + 1}`,
          date,
          "RC",
          "MA",
          status,
          null,
        ]),
      );
    });
    expect(r.planFindings.map((f) => [f.ruleId, f.cell, f.message])).toEqual([
      [
        "plan/missing-date",
        "E4",
        'Plan action "Action 1" has date "31/09/2022", which cannot be read as a date.',
      ],
      ["plan/missing-date", "E5", 'Plan action "Action 2" has date "TBC", which cannot be read as a date.'],
      [
        "plan/missing-date",
        "E6",
        'Plan action "Action 3" has date "Ongoing", which cannot be read as a date.',
      ],
      ["plan/overdue", "E8", 'Plan action "Action 5" was due 30/09/2022 and is in progress.'],
      ["plan/overdue", "E10", 'Plan action "Action 7" was due 09/10/2022 and is in progress.'],
    ]);
  });

  // Guard. SPEC Values: "Plan status, from the leading words of Progress Status: Completed / Complete …;
  // Cancelled / Superseded"; SPEC Rules: plan/completed-without-evidence "completed with an empty Evidence
  // cell", plan/unknown-status "a status the plan-status words do not cover", plan/overdue "neither completed
  // nor cancelled"; README Plan Close-Out: "a cancelled or superseded action not being one to do".
  it("guard: 'Completed – see RMB minutes 12/09/22', 'Superseded' and 'Partially complete' read as the plan-status words say", async () => {
    const r = await review((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed – see RMB minutes 12/09/22",
        null,
      ]);
      put(ws, 5, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "June 2022",
        "RC",
        "MA",
        "Complete",
        "Flow chart v2",
      ]);
      put(ws, 6, [
        null,
        null,
        null,
        "Separate commercial board",
        "June 2022",
        "RC",
        "MA",
        "Superseded",
        null,
      ]);
      put(ws, 7, [
        "3.",
        "Reporting",
        "bg",
        "Quarterly report to MCIB",
        "June 2022",
        "RC",
        "MA",
        "Partially complete",
        null,
      ]);
    });
    expect(r.planFindings.map((f) => [f.ruleId, f.cell, f.recordId])).toEqual([
      ["plan/completed-without-evidence", "I4", "1.1"],
      ["plan/overdue", "E7", "3.1"],
      ["plan/unknown-status", "H7", "3.1"],
    ]);
    expect(counts(r)).toEqual([
      ["1", "Risk Management", 1, 1, 0, 1, 0, "Red", "No"],
      ["2", "Governance", 2, 1, 0, 0, 0, "Green", "Yes"],
      ["3", "Reporting", 1, 0, 1, 0, 0, "Red", "No"],
    ]);
  });
});

describe("two audits' plans on two sheets", () => {
  // Guard. SPEC Plan Close-Out: "per aim"; README Check: "1.2 is aim 1's second action, on each plan sheet".
  // The Grant Thornton plan and the Internal Audit plan each number their aims from 1: each sheet's aims are
  // listed on their own with a link into their own sheet, and the title counts all four.
  it("guard: lists each sheet's aims on the Close-Out with links into their own sheet", async () => {
    const r = await review((wb) => {
      const a = wb.addWorksheet("GT Review");
      put(a, 3, HEAD);
      put(a, 4, [
        "1.",
        "Risk Management",
        "bg",
        "Set up a monthly risk board",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Minutes",
      ]);
      put(a, 5, [
        "2.",
        "Relationship Management",
        "bg",
        "Join APSE",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "Membership",
      ]);
      const b = wb.addWorksheet("Internal Audit");
      put(b, 1, ["Internal Audit – Contract Management 2021/22"]);
      put(b, 3, [
        "Rec No",
        "Recommendation",
        "Agreed Action",
        "Lead Director",
        "Responsible Officer",
        "Target Date",
        "Status / Progress",
        "Evidence",
      ]);
      put(b, 4, [
        "1",
        "Procurement",
        "Review frameworks outside the contract",
        "RC",
        "MA",
        "June 2022",
        "Not started",
        null,
      ]);
      put(b, 5, [
        "2",
        "Risk Management",
        "Define escalation thresholds",
        "RC",
        "MA",
        "June 2022",
        "Complete",
        "Thresholds",
      ]);
    });
    expect(r.findings.map((f) => [f.ruleId, f.sheet, f.cell, f.recordId])).toEqual([
      ["plan/overdue", "Internal Audit", "F4", "1.1"],
    ]);
    expect(r.title).toBe("Improvement plan close-out (3 of 4 aims ready to close)");
    expect(r.closeOut.map((row) => [row[0], row[1], row[7], row[9]])).toEqual([
      ["1", "Risk Management", "Green", "GT Review!A4"],
      ["2", "Relationship Management", "Green", "GT Review!A5"],
      ["1", "Procurement", "Red", "Internal Audit!A4"],
      ["2", "Risk Management", "Green", "Internal Audit!A5"],
    ]);
  });
});
