// Plan review G: improvement plans laid out as councils really write them and the project had not seen (a
// plan exported from Word into Excel, actions numbered 1.1 / 1.2a, a Comments / update column, two audits'
// plans, notes and totals under the table), built with exceljs, read with readWorkbookFile, checked with
// checkWorkbook as at 10 October 2022 and rolled up with the Plan Close-Out summary. Each test fails on the
// code as it stands; its comment quotes the SPEC line (or the plain sense) it relies on.

import ExcelJS from "exceljs";
import { fieldText } from "../../src/core/model/records";
import type { Report } from "../../src/core/model/report";
import { closeOutByAim } from "../../src/core/summary/plan-close-out-tab";
import { checkBuiltPlan as check, planRecordAt as recordAt, putRow as put } from "../helpers/built-plan";

type V = ExcelJS.CellValue;

/** The seed's nine headers (SPEC Fields: plan … "the seed's nine headers"). */
const HEAD = [
  "No",
  "Improvement Aim",
  "Background from GT audit and August 2020 Major Contract Performance Review",
  "Action",
  "Date Completed or Expected",
  "Lead Director",
  "Lead Officer",
  "Progress Status",
  "Evidence",
];

/** The plan's records by their first sheet row (1-based). */
const planRows = (report: Report): number[] => report.records.plan.map((p) => p.row + 1);
/** Findings on the given sheet rows (1-based), as "rule cell". */
const findingsOnRows = (report: Report, rows: number[]): string[] =>
  report.findings.filter((f) => rows.includes(f.row)).map((f) => `${f.ruleId} ${f.cell}`);
/** The Close-Out per aim as [no, aim, actions, completed, overdue, rag]. */
const closeOut = (report: Report) =>
  closeOutByAim(report).map((a) => [a.no, a.aim, a.actions, a.completed, a.overdue, a.rag]);

const done = (evidence: string): V[] => [
  "AD Highways",
  "Contract Manager",
  "Completed. Signed off at MCIB.",
  evidence,
];

describe("plan review G: plans numbered, laid out and annotated as councils write them", () => {
  // SPEC Reading sheets: "In the plan, No and Improvement Aim are written once per aim; each carries down on
  // its own until a new value appears." The code's own rule (aim-number.ts) makes "1.1" and "1.2" aim 1, but
  // "1.2a" (an action added later under 1.2) is read as an aim of its own: its row and the next (1.3) lose
  // the aim's text, and the Plan Close-Out ("per aim: actions, completed …") shows a fourth aim "1.2a" with
  // no name, splitting aim 1's actions.
  it("reads action 1.2a as one of aim 1's actions: the aim carries down and Close-Out shows aim 1 once", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Action Plan");
      put(ws, 1, ["Internal Audit – Highways Contract Management: Action Plan"]);
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.1",
        "Risk Management",
        "Risk log not maintained",
        "Set up risk board",
        "April 2022",
        ...done("E1 Minutes"),
      ]);
      put(ws, 5, ["1.2", null, null, "Annex risk registers", "May 2022", ...done("E2 Registers")]);
      put(ws, 6, ["1.2a", null, null, "Street lighting annex register", "June 2022", ...done("E3 Register")]);
      put(ws, 7, ["1.3", null, null, "Report registers to MCIB", "July 2022", ...done("E4 Minutes")]);
      put(ws, 8, [
        "2.1",
        "Relationship Management",
        "Little constructive tension",
        "Join APSE",
        "May 2022",
        ...done("E5 Membership"),
      ]);
    });
    expect(fieldText(recordAt(r, 6), "aim")).toBe("Risk Management");
    expect(fieldText(recordAt(r, 7), "aim")).toBe("Risk Management");
    expect(closeOut(r)).toEqual([
      ["1", "Risk Management", 4, 4, 0, "green"],
      ["2", "Relationship Management", 1, 1, 0, "green"],
    ]);
  });

  // SPEC Reading sheets: "No and Improvement Aim are written once per aim; each carries down on its own until
  // a new value appears." An audit action plan numbers its recommendations 1, 2, 3 down the sheet and writes
  // the aim once: the code drops the carried aim whenever the No changes, so action 2 has no aim at all.
  it("carries the aim down on its own where the No numbers each action (1, 2, 3)", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1",
        "Risk Management",
        "Risk log not maintained",
        "Set up risk board",
        "April 2022",
        ...done("E1"),
      ]);
      put(ws, 5, ["2", null, null, "Annex risk registers", "May 2022", ...done("E2")]);
      put(ws, 6, [
        "3",
        "Governance",
        "Procedure rules not followed",
        "Commissioning flow chart",
        "May 2022",
        ...done("E3"),
      ]);
    });
    expect(fieldText(recordAt(r, 5), "aim")).toBe("Risk Management");
    expect(fieldText(recordAt(r, 6), "aim")).toBe("Governance");
  });

  // SPEC Real registers, Section rows: "a row inside the table that holds one text only (… or in a merged
  // area spanning most of the table's width), with no owner, score, status or date, is a heading … It is not
  // a risk … The merged-cell rule does not apply to it." A plan exported from Word heads each aim with a
  // shaded row merged across the table ("2. Relationship Management"); the code copies its text into every
  // column and reads it as an action: an invented action with an unreadable date, no status, and its own
  // aim on the Plan Close-Out.
  it("does not read a merged full-width aim heading row (Word export) as an action", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 1, ["Highways Contract Improvement Plan"]);
      put(ws, 3, HEAD);
      put(ws, 4, ["1. Risk Management – the risk register does not log actions"]);
      ws.mergeCells(4, 1, 4, 9);
      put(ws, 5, ["1.1", null, null, "Set up risk board", "April 2022", ...done("E1 Minutes")]);
      put(ws, 6, ["1.2", null, null, "Annex risk registers", "May 2022", ...done("E2 Registers")]);
      put(ws, 7, ["2. Relationship Management – little constructive tension"]);
      ws.mergeCells(7, 1, 7, 9);
      put(ws, 8, ["2.1", null, null, "Join APSE", "May 2022", ...done("E3 Membership")]);
    });
    expect(planRows(r)).toEqual([5, 6, 8]);
    expect(findingsOnRows(r, [4, 7])).toEqual([]);
    expect(closeOutByAim(r).map((a) => [a.no, a.actions, a.completed, a.rag])).toEqual([
      ["1", 2, 2, "green"],
      ["2", 1, 1, "green"],
    ]);
  });

  // SPEC Real registers: "One record over several rows: where the id cell is merged down over several rows,
  // those rows are one record, joined field by field as continuation rows are." Word splits a table cell's
  // paragraphs into rows when pasted into Excel and merges the other cells down over them: action 1.1's No,
  // aim, date and leads are merged over rows 4–5. The code reads row 5 as a second action 1.1, reports it
  // overdue with an unknown status, and the Close-Out shows aim 1 red with three actions instead of two.
  it("reads an action whose No is merged over two rows (Word paragraphs) as one action", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, [
        "1.1",
        "Risk Management",
        "Risk log not maintained",
        "Set up a monthly risk board.",
        "April 2022",
        "AD Highways",
        "Contract Manager",
        "Completed. Board meets monthly.",
        "E1 Board minutes",
      ]);
      put(ws, 5, [
        null,
        null,
        null,
        "Board to report to the Improvement Board quarterly.",
        null,
        null,
        null,
        "Reports issued July and October.",
        "E2 MCIB reports",
      ]);
      for (const c of [1, 3, 5, 6, 7]) ws.mergeCells(4, c, 5, c);
      put(ws, 6, ["1.2", null, null, "Annex risk registers", "May 2022", ...done("E3 Registers")]);
      ws.mergeCells(4, 2, 6, 2);
    });
    expect(planRows(r)).toEqual([4, 6]);
    expect(recordAt(r, 4).rows).toEqual([3, 4]);
    expect(fieldText(recordAt(r, 4), "action")).toBe(
      "Set up a monthly risk board. Board to report to the Improvement Board quarterly.",
    );
    expect(r.findings.filter((f) => f.ruleId.startsWith("plan/"))).toEqual([]);
    expect(closeOut(r)).toEqual([["1", "Risk Management", 2, 2, 0, "green"]]);
  });

  // SPEC Real registers: "Totals rows: the totals row of an Excel table, and a row whose first filled cell is
  // Total, Totals, Count, Average or Sum, are not records." The code sets totals rows aside only on registers
  // and actions sheets: under the plan, "Total | 3 | 2 completed" is read as an action (no date, no leads,
  // unknown status) and the Close-Out gains an aim "Total".
  it("does not read a Total row under the plan as an action", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, ["1.", "Risk Management", "bg", "Set up risk board", "April 2022", ...done("E1")]);
      put(ws, 5, [null, null, null, "Annex risk registers", "May 2022", ...done("E2")]);
      put(ws, 6, [
        "2.",
        "Governance",
        "bg",
        "Commissioning flow chart",
        "Dec 2022",
        "AD Highways",
        "Contract Manager",
        "In progress",
        null,
      ]);
      put(ws, 8, ["Total", null, null, 3, null, null, null, "2 completed", null]);
    });
    expect(planRows(r)).toEqual([4, 5, 6]);
    expect(findingsOnRows(r, [8])).toEqual([]);
    expect(closeOutByAim(r).map((a) => a.no)).toEqual(["1", "2"]);
  });

  // SPEC Real registers: untidy sheets are "read as a person reads it, never as a record of its own"; a row
  // "that holds one text only (in the first filled column …), with no owner, score, status or date, is a
  // heading … It is not a risk". A BRAG key and a "Last updated" line typed under the plan in column A are
  // notes; the code reads each as a plan action (no date, no leads, no status: four errors and warnings
  // each) and lists each as an aim on the Plan Close-Out.
  it("does not read a BRAG key or a 'Last updated' note under the plan as actions", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, ["1.", "Risk Management", "bg", "Set up risk board", "April 2022", ...done("E1")]);
      put(ws, 5, [null, null, null, "Annex risk registers", "May 2022", ...done("E2")]);
      put(ws, 7, ["Key: Blue – complete and evidenced; Green – on track; Amber – at risk; Red – off track"]);
      put(ws, 8, ["Last updated 03/10/2022 by the Contract Manager"]);
    });
    expect(planRows(r)).toEqual([4, 5]);
    expect(findingsOnRows(r, [7, 8])).toEqual([]);
    expect(closeOut(r)).toEqual([["1", "Risk Management", 2, 2, 0, "green"]]);
  });

  // SPEC Values, Dates: "UK financial-year quarters `Q2 2022/23` (Q1 April–June …)", "a month … means its
  // last day when it is a deadline (plan date …)". Plans write the deadline with a word in front: "End Q2
  // 2022/23", "End of September 2022", "By 30/09/2022" all mean 30 September 2022. The code reads none of
  // them, so an in-progress action past that date gets plan/missing-date ("cannot be read") instead of
  // plan/overdue, and the aim is amber on the Close-Out instead of red (SPEC: "red: any overdue").
  it.each(["End Q2 2022/23", "End of September 2022", "By 30/09/2022"])(
    "reads the plan date %j as a deadline, so the in-progress action is overdue",
    async (date) => {
      const r = await check((wb) => {
        const ws = wb.addWorksheet("Improvement Plan");
        put(ws, 3, HEAD);
        put(ws, 4, [
          "1.",
          "Relationship Management",
          "bg",
          "Join APSE benchmarking",
          date,
          "AD Highways",
          "Contract Manager",
          "In progress",
          null,
        ]);
      });
      expect(r.findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual(["plan/overdue E4"]);
      expect(closeOutByAim(r).map((a) => [a.overdue, a.rag])).toEqual([[1, "red"]]);
    },
  );

  // SPEC Reading sheets: "Misaligned rows: a row whose non-empty cells, read left to right, fit Action, Date,
  // Lead Director, Lead Officer, Status and Evidence only when shifted (a date under Improvement Aim, a status
  // under Lead Director) is read realigned and reported as plan/misaligned-row." The seed's own shifted row
  // (row 28), in a plan that also keeps a "Comments / update" column after Evidence: the code gives up on a
  // row with seven filled cells, so the action becomes the No, "April 2022" the aim, and the Close-Out shows
  // a new aim named after the action.
  it("realigns the seed's shifted row in a plan with a Comments / update column", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [...HEAD, "Comments / update"]);
      put(ws, 4, [
        "3.",
        "Change Management.",
        "bg",
        "Review frameworks outside the BBLP contract",
        "April 2022",
        "RC",
        "MA",
        "Completed. Process review completed.",
        "Updated Corporate Contract Register",
        "12/09/22 – closed at MCIB",
      ]);
      put(ws, 5, [
        "BBLP sub contracts, tender information and frameworks to be provided on an annual basis",
        "April 2022",
        null,
        "RC",
        "MA",
        "Completed. Review of Annual Plan process now requires BBLP to identify them.",
        "Annual Plan records information.",
        "03/10/22 – evidence filed",
      ]);
      put(ws, 6, [
        "4.",
        "Councils Internal Governance.",
        "bg",
        "Review tender documentation",
        "April 2022",
        "RC",
        "MA",
        "Completed. Legal advice obtained.",
        "Revised process",
        null,
      ]);
    });
    const shifted = recordAt(r, 5);
    expect(shifted.realigned).toBe(true);
    expect(fieldText(shifted, "no")).toBe("3.");
    expect(fieldText(shifted, "aim")).toBe("Change Management.");
    expect(fieldText(shifted, "date")).toBe("April 2022");
    expect(fieldText(shifted, "leadDirector")).toBe("RC");
    expect(r.findings.filter((f) => f.row === 5).map((f) => f.ruleId)).toEqual(["plan/misaligned-row"]);
    expect(closeOutByAim(r).map((a) => [a.no, a.actions])).toEqual([
      ["3", 2],
      ["4", 1],
    ]);
  });

  // SPEC Plan Close-Out: "per aim: actions, completed, overdue, unevidenced; RAG (red: any overdue …; green:
  // all completed and evidenced); ready to close = green." A Word plan carrying two audits' action plans one
  // under the other (Part A: the Grant Thornton review; Part B: Internal Audit, numbered from 1 again) has
  // two aims numbered 1. The code groups the Close-Out by No alone, so Internal Audit's overdue
  // "Procurement" action is counted under GT's finished "Risk Management" aim, which shows red and not
  // ready to close, and Procurement has no row of its own.
  it("keeps a second audit's aim 1 apart from the first audit's aim 1 on the same sheet", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 1, ["Part A – Grant Thornton review"]);
      put(ws, 2, HEAD);
      put(ws, 3, ["1.", "Risk Management", "bg", "Set up risk board", "April 2022", ...done("E1 Minutes")]);
      put(ws, 4, [
        "2.",
        "Relationship Management",
        "bg",
        "Join APSE",
        "April 2022",
        ...done("E2 Membership"),
      ]);
      put(ws, 6, ["Part B – Internal Audit follow-up (report IA-22-07)"]);
      put(ws, 7, HEAD);
      put(ws, 8, [
        "1.",
        "Procurement",
        "bg",
        "Review frameworks",
        "Sept 2022",
        "AD Highways",
        "Procurement Lead",
        "In progress",
        null,
      ]);
    });
    const aims = closeOut(r);
    expect(aims.find((a) => a[1] === "Risk Management")).toEqual(["1", "Risk Management", 1, 1, 0, "green"]);
    expect(aims.find((a) => a[1] === "Procurement")).toEqual(["1", "Procurement", 1, 0, 1, "red"]);
  });

  // Plain sense, and SPEC Reading sheets ("No and Improvement Aim are written once per aim; each carries down
  // on its own"): a plan that writes each aim on a row of its own (No, aim and background) with its actions
  // on the rows below has no action on the aim's row. The code reads that row as an action with no action
  // text ("Plan action "" has no date", no leads, no status: four findings per aim) and counts it on the
  // Close-Out, so an aim whose every action is completed and evidenced is amber, not ready to close.
  it("does not read an aim's own row (No, aim, background, no action) as an action", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, HEAD);
      put(ws, 4, ["1.", "Risk Management", "The monthly report does not log actions"]);
      put(ws, 5, [null, null, null, "Set up risk board", "April 2022", ...done("E1 Minutes")]);
      put(ws, 6, [null, null, null, "Annex risk registers", "May 2022", ...done("E2 Registers")]);
      put(ws, 7, ["2.", "Relationship Management", "Little constructive tension"]);
      put(ws, 8, [null, null, null, "Join APSE", "May 2022", ...done("E3 Membership")]);
    });
    expect(planRows(r)).toEqual([5, 6, 8]);
    expect(fieldText(recordAt(r, 5), "aim")).toBe("Risk Management");
    expect(fieldText(recordAt(r, 8), "aim")).toBe("Relationship Management");
    expect(r.findings).toEqual([]);
    expect(closeOut(r)).toEqual([
      ["1", "Risk Management", 2, 2, 0, "green"],
      ["2", "Relationship Management", 1, 1, 0, "green"],
    ]);
  });
});
