// Co-authoring: the row as the card showed it against the row as it is now.

import {
  findConflicts,
  rowSnapshot,
  sameValue,
  snapshotAfterWrite,
} from "../../../src/core/meeting/conflict";
import { register, risk } from "../rules/harness";
import { reportOfSheets } from "./helpers";

const { report } = reportOfSheets([register(risk({ id: "HRC-001", financial: null }))]);
const facts = report.risks[0];
const sheet = report.sheets.find((s) => s.name === "IRIS Risks")!;

describe("rowSnapshot / findConflicts", () => {
  const shown = rowSnapshot(facts.record, sheet)!;

  it("snapshots the row over the table's columns", () => {
    expect([shown.row, shown.firstCol, shown.values.length]).toEqual([2, 0, 15]);
    expect(shown.values.slice(0, 3)).toEqual(["HRC-001", "Pothole claims rise after winter", "Jane Smith"]);
    expect(shown.headers[2]).toBe("Risk Owner");
  });

  it("finds no conflict when the row is unchanged (blanks, spacing)", () => {
    const now = shown.values.map((v) => (v === null ? "" : v));
    expect(findConflicts(shown, now)).toEqual([]);
  });

  it("lists each differing field with both versions", () => {
    const now = shown.values.slice();
    now[2] = "Ali Khan";
    now[10] = "Contractor says fixed";
    expect(findConflicts(shown, now)).toEqual([
      { col: 2, header: "Risk Owner", shown: "Jane Smith", now: "Ali Khan" },
      { col: 10, header: "Latest Update", shown: "Inspections increased", now: "Contractor says fixed" },
    ]);
  });

  it("treats a shorter row read back as blanks", () => {
    expect(findConflicts(shown, shown.values.slice(0, 12)).map((c) => c.header)).toEqual(["Risk Status"]);
  });

  it("after our own write, the new snapshot matches the row, so going back is no conflict", () => {
    const now = shown.values.slice();
    const after = snapshotAfterWrite(shown, now, [{ sheet: "IRIS Risks", row: 2, col: 10, value: "Ours" }]);
    const later = now.slice();
    later[10] = "Ours";
    expect(findConflicts(after, later)).toEqual([]);
  });

  it.each([
    [null, "", true],
    ["a ", "a", true],
    [12, 12.0000000001, true],
    [12, "12", false],
    [true, true, true],
  ] as const)("sameValue(%p, %p) = %p", (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
  });

  it("does not snapshot a record read from several rows", () => {
    expect(rowSnapshot({ ...facts.record, rows: [2, 5] }, sheet)).toBeNull();
  });
});
