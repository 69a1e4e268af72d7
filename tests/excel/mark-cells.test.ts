// Marks: one conditional format per sheet, removed exactly, the officers' own formats untouched.

import { clearMarks, isMarkFormula, markCells, MARK_FILL, MARK_FORMULA } from "../../src/excel/mark-cells";
import { uninstallFakeExcel } from "../fakes/fake-excel";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

function userBook() {
  return install({
    sheets: [
      {
        name: "IRIS Risks",
        values: [
          ["Ref", "Title"],
          ["HRC-001", "Potholes"],
          ["HRC-002", "Drains"],
        ],
        fills: { B2: "#FFFF00" },
        conditionalFormats: [{ address: "A1:B10", formula: '=$B1="Drains"', fill: "#FF0000" }],
      },
      { name: "Plan", values: [["No"], [1]] },
    ],
  });
}

describe("markCells / clearMarks", () => {
  it("adds one conditional format per sheet over the flagged cells, and keeps nothing outside the sheets", async () => {
    const host = userBook();
    await markCells([
      { sheet: "IRIS Risks", address: "B2" },
      { sheet: "IRIS Risks", address: "A3" },
      { sheet: "IRIS Risks", address: "$B$2" },
      { sheet: "Plan", address: "A2" },
      { sheet: "Deleted Sheet", address: "A1" },
    ]);
    const snap = host.snapshot();
    const risks = snap.sheets[0];
    expect(risks.conditionalFormats).toEqual([
      { type: "Custom", address: "B2,A3", formula: MARK_FORMULA, fill: MARK_FILL },
      { type: "Custom", address: "A1:B10", formula: '=$B1="Drains"', fill: "#FF0000" },
    ]);
    expect(risks.fills).toEqual({ B2: "#FFFF00" }); // the user's own fill is not changed
    expect(snap.sheets[1].conditionalFormats).toEqual([
      { type: "Custom", address: "A2", formula: MARK_FORMULA, fill: MARK_FILL },
    ]);
    expect(snap.customXml).toEqual([]); // no custom XML part (not kept on Mac, breaks undo on Windows)
  });

  it("clears exactly its own marks, leaving the workbook as it was", async () => {
    const host = userBook();
    const before = host.snapshot();
    await markCells([
      { sheet: "IRIS Risks", address: "B2" },
      { sheet: "Plan", address: "A2" },
    ]);
    await clearMarks();
    expect(host.snapshot()).toEqual(before);
  });

  it("replaces the previous marks when marking again", async () => {
    const host = userBook();
    await markCells([{ sheet: "IRIS Risks", address: "B2" }]);
    await markCells([{ sheet: "IRIS Risks", address: "A3" }]);
    const marks = host.snapshot().sheets[0].conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA);
    expect(marks).toEqual([{ type: "Custom", address: "A3", formula: MARK_FORMULA, fill: MARK_FILL }]);
  });

  it("clears nothing and fails nothing when there are no marks", async () => {
    const host = userBook();
    const before = host.snapshot();
    await clearMarks();
    expect(host.snapshot()).toEqual(before);
    expect(host.stats().syncs).toBe(4);
  });

  it("keeps to a few syncs however many cells are marked", async () => {
    const host = userBook();
    const targets = Array.from({ length: 5000 }, (_, i) => ({ sheet: "IRIS Risks", address: `C${i + 1}` }));
    await markCells(targets);
    expect(host.stats().syncs).toBe(4);
    host.resetStats();
    await clearMarks();
    expect(host.stats().syncs).toBeLessThanOrEqual(4);
    expect(host.snapshot().sheets[0].conditionalFormats).toHaveLength(1);
  });

  it.each(["mac", "windows", "web"] as const)(
    "removes the marks after the file was saved and reopened on %s",
    async (platform) => {
      const host = userBook();
      const before = host.snapshot();
      await markCells([
        { sheet: "IRIS Risks", address: "B2" },
        { sheet: "Plan", address: "A2" },
      ]);
      host.reopen(platform);
      await clearMarks();
      expect(host.snapshot()).toEqual(before);
    },
  );

  it("removes the marks after rows were inserted above them, and leaves the officers' formats", async () => {
    const host = userBook();
    await markCells([{ sheet: "IRIS Risks", address: "B3" }]);
    host.insertRows("IRIS Risks", 1, 2); // the mark now sits on B5
    expect(host.snapshot().sheets[0].conditionalFormats[0]).toMatchObject({
      address: "B5",
      formula: MARK_FORMULA,
    });
    await clearMarks();
    expect(host.snapshot().sheets[0].conditionalFormats).toEqual([
      { type: "Custom", address: "A1:B12", formula: '=$B1="Drains"', fill: "#FF0000" },
    ]);
  });

  it("removes the marks on a renamed or copied sheet", async () => {
    const host = userBook();
    await markCells([{ sheet: "Plan", address: "A2" }]);
    host.sheet("Plan").name = "Plan 2022";
    await clearMarks();
    expect(host.snapshot().sheets[1].conditionalFormats).toEqual([]);
  });

  it.each([
    [MARK_FORMULA, true],
    ['=istext( "crr-mark" )', true],
    ['ISTEXT("crr-mark")', true],
    ['=ISTEXT("other")', false],
    ['=$B1="Drains"', false],
    [null, false],
  ])("recognises our formula %j → %s", (formula, mine) => {
    expect(isMarkFormula(formula)).toBe(mine);
  });
});
