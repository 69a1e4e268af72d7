// Plan columns: what the plan's columns hold once its rows are read (src/core/read/plan-columns.ts), the
// plan headers an audit's action plan uses (Management Response, Responsible Officer, RAG Status beside a
// progress column), evidence written as "none" in words, and the registers these headers must not turn into
// plans. Built with exceljs and checked as at 10 October 2022 (tests/helpers/built-plan.ts).

import ExcelJS from "exceljs";
import { fieldText } from "../../../src/core/model/records";
import type { Report } from "../../../src/core/model/report";
import { saysNoEvidence } from "../../../src/core/parse";
import { checkBuiltPlan as check, planRecordAt as recordAt, putRow as put } from "../../helpers/built-plan";

/** Findings of one rule as "cell recordId". */
const of = (r: Report, rule: string): string[] =>
  r.findings.filter((f) => f.ruleId === rule).map((f) => `${f.cell} ${f.recordId}`);

/** A sheet's kind and the header of the column each named field is read from. */
const columnsOf = (r: Report, fields: string[]) => {
  const sheet = r.sheets[0];
  return {
    kind: sheet.kind,
    ...Object.fromEntries(fields.map((f) => [f, sheet.columns.find((c) => c.field === f)?.header ?? null])),
  };
};

describe("registers keep reading as registers beside the plan's new headers", () => {
  it("a register with a Management Response, a Responsible Officer and Evidence is a register", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      put(ws, 1, [
        "Risk ID",
        "Risk Title",
        "Risk Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Management Response",
        "Responsible Officer",
        "Target Date",
        "Status",
        "Evidence",
      ]);
      put(ws, 2, [
        "HR-01",
        "Staff shortage",
        "AD Highways",
        3,
        4,
        12,
        "Treat",
        "CM",
        "March 2023",
        "Open",
        null,
      ]);
    });
    expect(columnsOf(r, ["id", "strategy"])).toEqual({
      kind: "risk-register",
      id: "Risk ID",
      strategy: "Management Response",
    });
    expect(r.findings.filter((f) => f.ruleId.startsWith("plan/"))).toEqual([]);
  });

  it("a register with RAG Status, Progress Update and a Revised Target Date reads them as before", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Risk Register");
      put(ws, 1, [
        "Risk ID",
        "Risk Title",
        "Risk Owner",
        "Score",
        "RAG Status",
        "Strategy",
        "Action",
        "Revised Target Date",
        "Status",
        "Progress Update",
      ]);
      put(ws, 2, [
        "HR-01",
        "Staff shortage",
        "AD Highways",
        12,
        "Amber",
        "Treat",
        "Recruit",
        "March 2023",
        "Open",
        "On track",
      ]);
    });
    expect(columnsOf(r, ["rag", "update", "status"])).toEqual({
      kind: "risk-register",
      rag: "RAG Status",
      update: "Progress Update",
      status: "Status",
    });
  });
});

describe("a plan's status column beside a RAG (BRAG) column", () => {
  const build = (head: string[], rows: ExcelJS.CellValue[][]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Improvement Plan");
    put(ws, 3, ["No", "Improvement Aim", "Action", "Target Date", "Lead Director", "Lead Officer", ...head]);
    rows.forEach((row, i) =>
      put(ws, 4 + i, [`${i + 1}.`, `Aim ${i + 1}`, `Action ${i + 1}`, "June 2022", "RC", "MA", ...row]),
    );
  };

  it("keeps a column headed Status as the status beside RAG Status", async () => {
    const r = await check(build(["RAG Status", "Status", "Evidence"], [["Blue", "Completed", "Minutes"]]));
    expect(columnsOf(r, ["status"])).toEqual({ kind: "improvement-plan", status: "Status" });
  });

  // SPEC Values: action status done = … Blue (the B of BRAG). A plan whose only status is its BRAG column.
  it("reads Blue as completed where the BRAG column is the plan's only status; Amber stays unknown", async () => {
    const r = await check(
      build(
        ["BRAG Status", "Evidence"],
        [
          ["Blue", "Minutes"],
          ["Amber", null],
        ],
      ),
    );
    expect(columnsOf(r, ["status"])).toEqual({ kind: "improvement-plan", status: "BRAG Status" });
    expect(of(r, "plan/overdue")).toEqual(["D5 2.1"]);
    expect(of(r, "plan/unknown-status")).toEqual(["G5 2.1"]);
  });
});

describe("a plan with a revised date column", () => {
  it("reads the seed's Date Completed or Expected where the Revised Date is blank", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Date Completed or Expected",
        "Revised Date",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
      ]);
      put(ws, 4, ["1.", "Risk", "Board", "June 2022", "March 2023", "RC", "MA", "On track", null]);
      put(ws, 5, ["2.", "Governance", "Flow chart", "June 2022", null, "RC", "MA", "On track", null]);
    });
    expect(columnsOf(r, ["date"])).toEqual({ kind: "improvement-plan", date: "Revised Date" });
    expect(fieldText(recordAt(r, 4), "date")).toBe("March 2023");
    expect(fieldText(recordAt(r, 5), "date")).toBe("June 2022");
    expect(of(r, "plan/overdue")).toEqual(["D5 2.1"]);
  });

  it("never takes a Date Completed for the deadline where the Revised Target Date is blank", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [
        "No",
        "Improvement Aim",
        "Action",
        "Revised Target Date",
        "Date Completed",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
      ]);
      put(ws, 4, ["1.", "Risk", "Board", null, "April 2022", "RC", "MA", "In progress", null]);
    });
    expect(of(r, "plan/missing-date")).toEqual(["D4 1.1"]);
  });
});

describe("a plan's evidence", () => {
  const head = [
    "No",
    "Improvement Aim",
    "Action",
    "Target Date",
    "Lead Director",
    "Lead Officer",
    "Progress Status",
    "Evidence",
  ];

  it("does not take a column of the evidence still required as evidence held", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [...head, "Evidence Required"]);
      put(ws, 4, ["1.", "Risk", "Board", "June 2022", "RC", "MA", "Completed", null, "Board minutes"]);
    });
    expect(of(r, "plan/completed-without-evidence")).toEqual(["H4 1.1"]);
  });

  it("reads an Evidence Location where the Evidence cell says N/A or No evidence held", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, [...head, "Evidence Location"]);
      put(ws, 4, ["1.", "Risk", "Board", "June 2022", "RC", "MA", "Completed", "N/A", "SharePoint > RMB"]);
      put(ws, 5, [
        "2.",
        "Gov",
        "Chart",
        "June 2022",
        "RC",
        "MA",
        "Completed",
        "No evidence held",
        "SharePoint",
      ]);
      put(ws, 6, ["3.", "Train", "Train", "June 2022", "RC", "MA", "Completed", "None yet", null]);
    });
    expect(fieldText(recordAt(r, 4), "evidence")).toBe("SharePoint > RMB");
    expect(of(r, "plan/completed-without-evidence")).toEqual(["H6 3.1"]);
  });

  // SPEC Reading sheets: merged cells give their value to the whole merged area: an Evidence cell merged
  // down over an aim's two actions evidences both (only a value merged across from another column is not).
  it("keeps evidence merged down over two actions as each action's evidence", async () => {
    const r = await check((wb) => {
      const ws = wb.addWorksheet("Improvement Plan");
      put(ws, 3, head);
      put(ws, 4, ["1.", "Risk", "Board", "June 2022", "RC", "MA", "Completed", "RMB minutes"]);
      put(ws, 5, ["2.", "Gov", "Chart", "June 2022", "RC", "MA", "Completed"]);
      ws.mergeCells(4, 8, 5, 8);
    });
    expect(of(r, "plan/completed-without-evidence")).toEqual([]);
  });

  it.each(["No evidence held", "None yet", "none as yet", "Nil", "No", "No evidence provided to date"])(
    "'%s' says there is no evidence",
    (text) => expect(saysNoEvidence(text)).toBe(true),
  );
  it.each(["No. 12 minutes", "None needed – see RMB minutes", "Minutes of RMB", "Nominal ledger"])(
    "'%s' is evidence as written",
    (text) => expect(saysNoEvidence(text)).toBe(false),
  );
});

describe("a plan's leads where it has a column for one of them", () => {
  const build = (lead: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Improvement Plan");
    put(ws, 3, ["No", "Improvement Aim", "Action", "Target Date", lead, "Progress Status", "Evidence"]);
    put(ws, 4, ["1.", "Risk", "Board", "March 2023", "RC", "On track", null]);
    put(ws, 5, ["2.", "Gov", "Chart", "March 2023", null, "On track", null]);
  };

  // SPEC Rules sheet/missing-column: "Rules on optional fields are skipped silently".
  it.each([
    ["Lead Officer", "officer"],
    ["Lead Director", "director"],
  ])("with only a %s column, only its blank cell is reported", async (lead, messageId) => {
    const r = await check(build(lead));
    expect(
      r.findings.filter((f) => f.ruleId === "plan/missing-lead").map((f) => [f.cell, f.messageId]),
    ).toEqual([["E5", messageId]]);
  });
});

describe("a plan action with no action written", () => {
  it("is named by its place and aim in every plan finding", async () => {
    const r = await check((wb) => {
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
      ]);
      put(ws, 4, ["1.", "Governance", null, "TBC", "RC", null, "Not started", null]);
    });
    expect(r.findings.filter((f) => f.ruleId.startsWith("plan/")).map((f) => f.message)).toEqual([
      'Plan action 1.1 under "Governance" (no action written) has date "TBC", which cannot be read as a date.',
      'Plan action 1.1 under "Governance" (no action written) has no lead officer.',
    ]);
  });
});
