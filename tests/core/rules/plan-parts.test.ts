// A plan sheet carrying two audits' plans one under the other (Part B numbered from 1 again): each action's
// part and aim (placePlanActions), and the ids findings name plan actions by (numberPlanActions).

import type { AimHeading, PlanRecord, RecordCell } from "../../../src/core/model/records";
import { placePlanActions } from "../../../src/core/rules/plan-parts";
import { numberPlanActions } from "../../../src/core/rules/record-id";

const cell = (text: string, row: number, col: number): RecordCell => ({
  value: text,
  text,
  format: null,
  row,
  col,
});

/** Plan actions from [No, aim, section?, aim heading?] rows, one a sheet row from row 3 down. */
function actions(rows: [string, string, string?, AimHeading?][], sheet = "Improvement Plan"): PlanRecord[] {
  return rows.map(([no, aim, section, aimHeading], i) => ({
    sheet,
    kind: "improvement-plan",
    row: i + 3,
    rows: [i + 3],
    fields: { no: cell(no, i + 3, 0), aim: cell(aim, i + 3, 1), action: cell(`Action ${i + 1}`, i + 3, 3) },
    extras: new Map(),
    ...(section === undefined ? {} : { section }),
    ...(aimHeading === undefined ? {} : { aimHeading }),
  }));
}

const parts = (plan: PlanRecord[]) => plan.map((r) => placePlanActions(plan).get(r)!.part);
const ids = (plan: PlanRecord[]) => plan.map((r) => numberPlanActions(plan).get(r));

describe("placePlanActions and numberPlanActions: parts of a plan sheet", () => {
  it("starts a new part where the numbering starts again at 1 after a higher number", () => {
    const plan = actions([
      ["1.", "Risk Management"],
      ["1.", "Risk Management"],
      ["2.", "Relationship Management"],
      ["1.", "Procurement"],
      ["2.", "Contract Management"],
    ]);
    expect(parts(plan)).toEqual([1, 1, 1, 2, 2]);
    expect(ids(plan)).toEqual(["1.1", "1.2", "2.1", "1.1 (part 2)", "2.1 (part 2)"]);
    const keys = plan.map((r) => placePlanActions(plan).get(r)!.key);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("keeps aim 1 in its part when an action added at the foot of the plan has aim 1's words", () => {
    const plan = actions([
      ["1.", "Risk Management"],
      ["2.", "Relationship Management"],
      ["1.", "risk  management"],
    ]);
    expect(parts(plan)).toEqual([1, 1, 1]);
    expect(ids(plan)).toEqual(["1.1", "2.1", "1.2"]);
  });

  it("does not start a part for numbers that carry on, nor for dotted action numbers of one aim", () => {
    const plan = actions([
      ["1.1", "Risk Management"],
      ["1.2", "Risk Management"],
      ["2.1", "Relationship Management"],
      ["3.", "Governance"],
    ]);
    expect(parts(plan)).toEqual([1, 1, 1, 1]);
  });

  it("starts a new part under a new section the reader marked when the numbering does not carry on", () => {
    const plan = actions([
      ["1.", "Risk Management"],
      ["1.", "Procurement", "Part B – Internal Audit"],
      ["2.", "Contract Management", "Part B – Internal Audit"],
    ]);
    expect(parts(plan)).toEqual([1, 2, 2]);
    // Aim headings marked as sections, numbered on down the sheet, are one part.
    const headed = actions([
      ["1.1", "Risk Management", "1. Risk Management"],
      ["1.2", "Risk Management", "1. Risk Management"],
      ["2.1", "Relationship Management", "2. Relationship Management"],
    ]);
    expect(parts(headed)).toEqual([1, 1, 1]);
  });

  it("numbers each sheet's parts on their own", () => {
    const plan = [
      ...actions([
        ["1.", "Risk Management"],
        ["2.", "Relationship Management"],
      ]),
      ...actions([["1.", "Procurement"]], "Plan 2"),
    ];
    expect(parts(plan)).toEqual([1, 1, 1]);
    expect(ids(plan)).toEqual(["1.1", "2.1", "1.1"]);
  });
});

describe("placePlanActions and numberPlanActions: the aim an action is under, and its name", () => {
  const keys = (plan: PlanRecord[]) => plan.map((r) => placePlanActions(plan).get(r)!.key);
  const nos = (plan: PlanRecord[]) => plan.map((r) => placePlanActions(plan).get(r)!.no);

  it("keeps the numbers a plan writes for each action (1.1, 1.2, 2.1)", () => {
    const plan = actions([
      ["1.1", "Risk Management"],
      ["1.2", "Risk Management"],
      ["1.2a", "Risk Management"],
      ["2.1", "Governance"],
    ]);
    expect(ids(plan)).toEqual(["1.1", "1.2", "1.2a", "2.1"]);
  });

  it("names an aim's actions by their place where any of them writes no number of its own, or a repeated one", () => {
    // Aim 1's second row carries the aim's "1." down; aim 2 writes "2.1" twice.
    const plan = actions([
      ["1.1", "Risk Management"],
      ["1.", "Risk Management"],
      ["2.1", "Governance"],
      ["2.1", "Governance"],
    ]);
    expect(ids(plan)).toEqual(["1.1", "1.2", "2.1", "2.2"]);
  });

  it("puts sub-actions (1a, (ii)) under the aim above them when they carry its words", () => {
    const plan = actions([
      ["1", "Risk Management"],
      ["1a", "Risk Management"],
      ["2.", "Governance"],
      ["(i)", "Governance"],
      ["(ii)", "Governance"],
    ]);
    expect(nos(plan)).toEqual(["1", "1", "2", "2", "2"]);
    expect(ids(plan)).toEqual(["1.1", "1.2", "2.1", "2.2", "2.3"]);
  });

  it("keeps a lettered No with other words as an aim of its own", () => {
    const plan = actions([
      ["1", "Risk Management"],
      ["1a", "Annex registers"],
    ]);
    expect(nos(plan)).toEqual(["1", "1a"]);
  });

  it("groups actions by the aim heading above them, numbered by the heading or by its place", () => {
    const f1: AimHeading = { row: 2, no: "" };
    const f2: AimHeading = { row: 5, no: "" };
    // Numbered 1–4 straight through, under two headings that write no number.
    const plan = actions([
      ["1", "Finding: register not fit", undefined, f1],
      ["2", "Finding: register not fit", undefined, f1],
      ["3", "Finding: thresholds", undefined, f2],
      ["4", "Finding: thresholds", undefined, f2],
    ]);
    const k = keys(plan);
    expect([k[0] === k[1], k[1] === k[2], k[2] === k[3]]).toEqual([true, false, true]);
    expect(nos(plan)).toEqual(["1", "1", "2", "2"]);
    expect(ids(plan)).toEqual(["1.1", "1.2", "2.1", "2.2"]);
    // A heading's own number ("Finding 7: …") names its aim.
    const numbered = actions([["1", "Finding 7: late reports", undefined, { row: 2, no: "7" }]]);
    expect(ids(numbered)).toEqual(["7.1"]);
  });
});
