// Where an import's new risks go when the register ends in a row of totals it keeps itself (a plain
// "Total" row with SUM formulas, not an Excel table's totals row): below it, and said so, since its
// formulas' ranges stop above the new rows.

import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { newRowsStart, totalsRowNote } from "../../../src/core/merge/place-new-rows";

const HEADER = ["Risk ID", "Risk Title", "Risk Owner", "Current Risk Score", "Risk Status"];
const grid = (...rows: CellValue[][]) => gridFromRows("Register", [HEADER, ...rows]);

describe("newRowsStart: a register's own totals row", () => {
  it("puts new rows below a plain Total row at the bottom, naming it, so the note can say its totals leave them out", () => {
    const g = grid(["HRC-001", "Potholes", "Jane Smith", 12, "Open"], ["Total", null, null, 12, null]);
    expect(newRowsStart(g, 0)).toMatchObject({ first: 3, totalsRow: 2, movesTotals: false, plain: true });
  });

  it.each<[string, CellValue[][]]>([
    ["no totals row", [["HRC-001", "Potholes", "Jane Smith", 12, "Open"]]],
    [
      "a Total row with risks below it (not the table's end)",
      [
        ["Total", null, null, 12, null],
        ["HRC-001", "Potholes", "Jane Smith", 12, "Open"],
      ],
    ],
    ["a risk whose title starts with Total", [["HRC-001", "Total closure of A38", "Jane Smith", 12, "Open"]]],
  ])("says nothing of totals with %s", (_name, rows) => {
    expect(newRowsStart(grid(...rows), 0)).toMatchObject({ totalsRow: null, movesTotals: false });
  });

  it("says in plain words that the totals leave the new rows out", () => {
    expect(totalsRowNote({ kind: "below", row: 9, first: 10, last: 11, why: "", plain: true })).toBe(
      "the new rows go in rows 11–12, below the totals row (row 10), so its totals leave them out. " +
        "Move them above the totals row in Excel, and widen the totals' ranges, if they should count them",
    );
  });
});

describe("newRowsStart: what stands beside or below the register", () => {
  const risk = (id: string): CellValue[] => [id, "Potholes", "Jane Smith", 12, "Open"];
  const beside = (row: CellValue[], ...cells: CellValue[]): CellValue[] => [...row, null, null, ...cells];

  it("a key beside the register running further down than its risks: new risks go straight below the risks", () => {
    const g = grid(
      beside(risk("HRC-001"), "Score", "Band"),
      beside(risk("HRC-002"), 4, "Green"),
      beside([null, null, null, null, null], 12, "Amber"),
      beside([null, null, null, null, null], 20, "Red"),
    );
    expect(newRowsStart(g, 0).first).toBe(3);
  });

  it("a note typed beside the row under the last risk keeps that row: new risks go below it", () => {
    const g = grid(risk("HRC-001"), risk("HRC-002"), [], beside([null, null, null, null, null], "Ask IRIS"));
    expect(newRowsStart(g, 0).first).toBe(5);
  });

  it("a note typed under the risks in the register's own columns keeps its row too", () => {
    const g = grid(risk("HRC-001"), [], ["Note: HRC-001 to Ops Board"]);
    expect(newRowsStart(g, 0).first).toBe(4);
  });

  it("a block beside the risks with a gap above its foot is a note, not a key: new risks go below it", () => {
    const g = grid(
      beside(risk("HRC-001"), "Key"),
      beside(risk("HRC-002"), null),
      beside([null, null, null, null, null], "see HRC-002"),
    );
    expect(newRowsStart(g, 0).first).toBe(4);
  });
});
