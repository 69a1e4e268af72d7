// Review: accepted exceptions (src/core/rules/accepted.ts) held to SPEC.md "Accepted exceptions":
// "an officer can accept a finding (rule + record) with a reason and a review date; it is kept in
// Settings, listed separately, and returns when the date passes or the record's cells change."
// Each test fails against the code as reviewed.

import type { AcceptedException } from "../../../src/core/model/settings";
import { plan, planRow, REGISTER_HEADERS, reportOf, risk, type SheetSpec } from "./harness";

/** A register with one risk that has no strategy, and a council-only column the mapping leaves alone. */
const withNotes = (notes: string): SheetSpec => ({
  name: "IRIS Risks",
  rows: [
    ["Contract risk register"],
    [...REGISTER_HEADERS, "Council notes"],
    [...risk({ strategy: null }), notes],
  ],
});

/** The exception the task pane would save for the first finding of `ruleId` (n-th with `index`). */
function acceptFinding(sheets: SheetSpec[], ruleId: string, index = 0): AcceptedException {
  const f = reportOf(sheets).findings.filter((x) => x.ruleId === ruleId)[index];
  return {
    ruleId: f.ruleId,
    sheet: f.sheet,
    recordId: f.recordId!,
    reason: "Agreed at the Risk Management Board",
    reviewBy: "2023-01-31",
    fingerprint: f.fingerprint!,
  };
}

describe("accepted exceptions against SPEC", () => {
  // SPEC: the finding "returns when … the record's cells change". A record's cells include the columns
  // the mapping does not use (SPEC Fields: "A header nobody recognises is kept"). fingerprintRecord
  // digests mapped fields only, so a change in the risk's "Council notes" cell leaves the finding accepted.
  it("returns when a cell of the record in an unmapped column changes", () => {
    const e = acceptFinding([withNotes("Strategy to be agreed")], "risk/missing-strategy");
    const r = reportOf([withNotes("Owner now disputes this risk; strategy withdrawn")], {
      settings: { acceptedExceptions: [e] },
    });
    expect(r.findings.filter((f) => f.ruleId === "risk/missing-strategy").map((f) => f.cell)).toEqual(["H3"]);
    expect(r.accepted).toEqual([]);
  });

  // SPEC: the finding returns only "when the date passes or the record's cells change". A plan action's
  // record id is its position under its aim ("1.2" = second action of aim 1: record-id.ts
  // numberPlanActions), so inserting another action above it renames it "1.3"; the exception for "1.2"
  // then matches nothing (the new 1.2 has other cells) and the accepted finding returns although none of
  // its record's cells changed.
  it("stays accepted for a plan action whose cells are unchanged when an action is inserted above it", () => {
    const action = (text: string) =>
      planRow({ no: null, aim: null, background: null, action: text, leadOfficer: null });
    const before = plan(planRow({ leadOfficer: null }), action("Publish the risk policy"));
    const e = acceptFinding([before], "plan/missing-lead", 1);
    expect(e.recordId).toBe("1.2");

    const after = plan(
      planRow({ leadOfficer: null }),
      action("Train the board"),
      action("Publish the risk policy"),
    );
    const r = reportOf([after], { settings: { acceptedExceptions: [e] } });
    expect(r.accepted.map((f) => f.cell)).toEqual(["G6"]);
    expect(r.findings.filter((f) => f.ruleId === "plan/missing-lead").map((f) => f.cell)).toEqual([
      "G4",
      "G5",
    ]);
  });
});
