// Plan headers N: improvement plans whose number column is headed "Rec No" / "Ref" rather than "No", and
// plans with one lead column for both leads ("Lead Director / Lead Officer"). Built with exceljs, read with
// readWorkbookFile, checked with checkWorkbook as at 10 October 2022 (as plan-review-g.test.ts does).

import ExcelJS from "exceljs";
import { fieldText } from "../../../src/core/model/records";
import type { Report } from "../../../src/core/model/report";
import { closeOutByAim } from "../../../src/core/summary/plan-close-out-tab";
import { checkBuiltPlan as check, planRecordAt as recordAt, putRow as put } from "../../helpers/built-plan";

type V = ExcelJS.CellValue;

/** Findings as "rule cell", of one rule when given. */
const findings = (report: Report, rule?: string): string[] =>
  report.findings.filter((f) => !rule || f.ruleId === rule).map((f) => `${f.ruleId} ${f.cell}`);

/** The first sheet's kind and its first column as [header, field]. */
const firstColumn = (report: Report) => ({
  kind: report.sheets[0].kind,
  first: [report.sheets[0].columns[0].header, report.sheets[0].columns[0].field],
});

describe("plan headers N: the plan's number column headed Rec No, Recommendation No or Ref", () => {
  const head = (no: string) => [
    no,
    "Improvement Aim",
    "Action",
    "Date Completed or Expected",
    "Lead Director",
    "Lead Officer",
    "Progress Status",
    "Evidence",
  ];
  const build = (no: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Improvement Plan");
    put(ws, 1, ["Highways Contract Improvement Plan"]);
    put(ws, 3, head(no));
    put(ws, 4, [
      "1",
      "Risk Management",
      "Set up risk board",
      "April 2022",
      "AD Highways",
      null,
      "Completed. Board meets monthly.",
      "E1 Minutes",
    ]);
    put(ws, 5, [
      "2",
      "Governance",
      "Commissioning flow chart",
      "May 2022",
      "AD Highways",
      "Contract Manager",
      "Completed.",
      "E2 Flow chart",
    ]);
  };

  for (const no of ["Rec No", "Rec. No.", "Recommendation No", "Recommendation Number", "Ref", "Rec Ref"]) {
    it(`maps "${no}" to the plan's No: actions are named by it and Close-Out shows it`, async () => {
      const r = await check(build(no));
      expect(firstColumn(r)).toEqual({ kind: "improvement-plan", first: [no, "no"] });
      expect(fieldText(recordAt(r, 4), "no")).toBe("1");
      expect(fieldText(recordAt(r, 5), "no")).toBe("2");
      const lead = r.findings.find((f) => f.ruleId === "plan/missing-lead")!;
      expect(lead.recordId).toBe("1.1");
      expect(lead.cell).toBe("F4");
      expect(closeOutByAim(r).map((a) => [a.no, a.aim, a.actions])).toEqual([
        ["1", "Risk Management", 1],
        ["2", "Governance", 1],
      ]);
    });
  }

  // A register's "Ref" is its id: the plan's patterns must not take it.
  it("still reads a register's Ref as the risk id", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      put(ws, 1, [
        "Ref",
        "Risk Title",
        "Risk Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Strategy",
        "Last Updated",
      ]);
      put(ws, 2, [
        "HR-01",
        "Staff shortage",
        "AD Highways",
        3,
        4,
        12,
        "Treat",
        new Date(Date.UTC(2022, 9, 1)),
      ]);
    });
    expect(r.sheets[0].kind).toBe("risk-register");
    expect(r.sheets[0].columns[0]).toMatchObject({ header: "Ref", field: "id" });
  });
});

describe("plan headers N: one lead column for both leads", () => {
  const head = (lead: string) => [
    "No",
    "Improvement Aim",
    "Action",
    "Date Completed or Expected",
    lead,
    "Progress Status",
    "Evidence",
  ];
  const row = (no: string, action: string, lead: string | null): V[] => [
    no,
    null,
    action,
    "April 2022",
    lead,
    "Completed. Signed off at MCIB.",
    "E Minutes",
  ];
  const build = (lead: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Improvement Plan");
    put(ws, 1, ["Highways Contract Improvement Plan"]);
    put(ws, 3, head(lead));
    put(ws, 4, [
      "1.1",
      "Risk Management",
      "Set up risk board",
      "April 2022",
      "AD Highways / Contract Manager",
      "Completed. Signed off at MCIB.",
      "E1",
    ]);
    put(ws, 5, row("1.2", "Annex risk registers", "AD Highways/Contract Manager"));
    put(ws, 6, row("1.3", "Report registers to MCIB", "Contract Manager"));
    put(ws, 7, row("1.4", "Street lighting register", null));
  };

  for (const lead of [
    "Lead Director / Lead Officer",
    "Lead (Director / Officer)",
    "Responsible Director/Officer",
  ]) {
    it(`reads "${lead}" as both leads: "X / Y" is director X and officer Y, one name is both`, async () => {
      const r = await check(build(lead));
      expect(r.sheets[0].kind).toBe("improvement-plan");
      expect(fieldText(recordAt(r, 4), "leadDirector")).toBe("AD Highways");
      expect(fieldText(recordAt(r, 4), "leadOfficer")).toBe("Contract Manager");
      expect(fieldText(recordAt(r, 5), "leadDirector")).toBe("AD Highways");
      expect(fieldText(recordAt(r, 5), "leadOfficer")).toBe("Contract Manager");
      expect(fieldText(recordAt(r, 6), "leadDirector")).toBe("Contract Manager");
      expect(fieldText(recordAt(r, 6), "leadOfficer")).toBe("Contract Manager");
      // Only the blank lead is a finding, and it points at the lead column (E), not at column A.
      expect(findings(r, "plan/missing-lead")).toEqual(["plan/missing-lead E7"]);
    });
  }

  it("reads a half-blank pair, two lines and N/A in the one lead column", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, head("Lead Director / Lead Officer"));
      put(ws, 4, row("1.1", "Set up risk board", "AD Highways / "));
      put(ws, 5, row("1.2", "Annex risk registers", "AD Highways\nContract Manager"));
      put(ws, 6, row("1.3", "Report registers to MCIB", "N/A"));
    });
    expect(fieldText(recordAt(r, 4), "leadDirector")).toBe("AD Highways");
    expect(fieldText(recordAt(r, 5), "leadDirector")).toBe("AD Highways");
    expect(fieldText(recordAt(r, 5), "leadOfficer")).toBe("Contract Manager");
    expect(
      r.findings.filter((f) => f.ruleId === "plan/missing-lead").map((f) => [f.cell, f.messageId]),
    ).toEqual([
      ["E4", "officer"],
      ["E6", "both"],
    ]);
  });

  // SPEC Reading sheets, Misaligned rows: a row whose cells sit under the wrong headers is read realigned
  // and reported as plan/misaligned-row. The seed's shifted row (plan-review-g) in a plan with one lead
  // column: its leads are split like every other row's, so it gets no plan/missing-lead.
  it("splits the leads of a row read realigned in a plan with one lead column", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, head("Lead Director / Lead Officer"));
      put(ws, 4, [
        "3.",
        "Change Management.",
        "Review frameworks outside the BBLP contract",
        "April 2022",
        "AD Highways / Contract Manager",
        "Completed. Process review completed.",
        "Updated Corporate Contract Register",
      ]);
      put(ws, 5, [
        "BBLP sub contracts, tender information and frameworks to be provided on an annual basis",
        "April 2022",
        null,
        "AD Highways / Contract Manager",
        "Completed. Review of Annual Plan process now requires BBLP to identify them.",
        "Annual Plan records information.",
      ]);
      put(ws, 6, row("4.", "Review tender documentation", "AD Highways / Contract Manager"));
    });
    const shifted = recordAt(r, 5);
    expect(shifted.realigned).toBe(true);
    expect(fieldText(shifted, "no")).toBe("3.");
    expect(fieldText(shifted, "date")).toBe("April 2022");
    expect(fieldText(shifted, "leadDirector")).toBe("AD Highways");
    expect(fieldText(shifted, "leadOfficer")).toBe("Contract Manager");
    expect(fieldText(recordAt(r, 4), "leadOfficer")).toBe("Contract Manager");
    expect(findings(r, "plan/missing-lead")).toEqual([]);
    expect(r.findings.filter((f) => f.row === 5).map((f) => f.ruleId)).toEqual(["plan/misaligned-row"]);
  });

  it("keeps separate Lead Director and Lead Officer columns as they were", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Date",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
      ]);
      put(ws, 4, [
        "1.1",
        "Risk Management",
        "Set up risk board",
        "April 2022",
        "AD Highways / Finance",
        "Contract Manager",
        "Completed.",
        "E1",
      ]);
      put(ws, 5, ["1.2", null, "Annex risk registers", "May 2022", "AD Highways", null, "Completed.", "E2"]);
    });
    expect(fieldText(recordAt(r, 4), "leadDirector")).toBe("AD Highways / Finance");
    expect(fieldText(recordAt(r, 4), "leadOfficer")).toBe("Contract Manager");
    expect(findings(r, "plan/missing-lead")).toEqual(["plan/missing-lead F5"]);
  });
});
