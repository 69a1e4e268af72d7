// Cases from a review of the meeting against SPEC: each `it` names what must hold.

import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { newEscalations } from "../../../src/core/meeting/meeting-record";
import { fieldColumnsOf, recordToEdits, type RecordChoice } from "../../../src/core/meeting/record";
import { REGISTER_HEADERS, register, risk } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const MEETING = "2022-10-10";

function plan(report: Report, row: number, choice: RecordChoice) {
  const facts = report.risks.find((f) => f.row === row)!;
  return recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: null,
    ragMatrix: report.ragMatrix,
  });
}

describe("meeting: cases from the SPEC review", () => {
  it("a score changed in the meeting leaves a RAG that the workbook's own risk matrix agrees with", () => {
    // SPEC "Values": a workbook that carries its own risk matrix sets the bands for that workbook.
    const word = (n: number) => (n <= 3 ? "Low" : n <= 6 ? "Medium" : "High");
    const matrix: CellValue[][] = [["Risk matrix"], [null, "Impact"], ["Likelihood", 1, 2, 3, 4, 5]];
    for (let l = 5; l >= 1; l--) matrix.push([l, ...[1, 2, 3, 4, 5].map((i) => word(l * i))]);
    const grids = [
      gridFromRows("Matrix", matrix),
      gridFromRows("IRIS Risks", [
        REGISTER_HEADERS,
        risk({ id: "R1", likelihood: 2, impact: 2, score: 4, rag: "Medium" }),
      ]),
    ];
    const before = check(grids);
    expect(before.findings.filter((f) => f.ruleId === "risk/rag-mismatch")).toEqual([]);
    // Impact 2 → 4: score 8, which this workbook's matrix rates High (red).
    const p = plan(before, 2, { text: "Claims up", noChange: false, impact: 4 });
    const after = check(applyPlan(grids, p));
    expect(after.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => f.message)).toEqual([]);
  });

  it("the Meeting Record's new escalations list a risk newly routed even when another row shares its id", () => {
    const sheets = [
      register(
        risk({ id: "HRC-001", likelihood: 4, impact: 4, score: 16, rag: "Red" }),
        risk({
          id: "HRC-001",
          title: "Verge cutting missed",
          likelihood: 2,
          impact: 2,
          score: 4,
          rag: "Green",
        }),
      ),
    ];
    const { grids, report } = reportOfSheets(sheets);
    // The second HRC-001 (sheet row 4) goes to 4 × 4 = 16 in the meeting: newly routed to the corporate register.
    const p = plan(report, 4, {
      text: "Contractor short of crews",
      noChange: false,
      likelihood: 4,
      impact: 4,
    });
    const after = check(applyPlan(grids, p));
    expect(after.escalations.some((e) => e.row === 4 && e.destinations.includes("corporate-register"))).toBe(
      true,
    );
    expect(
      newEscalations(report.escalations, after.escalations).map((e) => [e.recordId, e.row, e.destination]),
    ).toEqual([["HRC-001", 4, "corporate-register"]]);
  });
});
