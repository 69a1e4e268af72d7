// Formula cells a file saved without their results (Grid.formulasWithoutResults): the sheet list says which were
// worked out and which could not be, and a finding on one that could not be says its result was not known
// rather than that the cell is empty (SPEC "What must never happen": no silent empty result).

import { checkWorkbook } from "../../../src/core/check";
import { formulaKey, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { cellRanges, formulasWithoutResultsLines } from "../../../src/core/read/formula-results";
import { structureLines } from "../../../src/core/read/structure-lines";
import { grid, register, risk } from "../rules/harness";

/** The harness's register (data from row 3) with HRC-001's owner (C3) and HRC-002's last review (J4) formulas without results. */
function registerWithUnknownCells(): Grid {
  const g = grid(register(risk({ owner: null }), risk({ id: "HRC-002", lastReview: null })));
  g.formulas = new Set([formulaKey(2, 2), formulaKey(3, 9), formulaKey(2, 5), formulaKey(3, 5)]);
  g.formulasWithoutResults = {
    workedOut: [formulaKey(2, 5), formulaKey(3, 5)],
    notWorkedOut: [formulaKey(2, 2), formulaKey(3, 9)],
  };
  return g;
}

const check = (grids: Grid[]) =>
  checkWorkbook(grids, { settings: defaultSettings(), asAt: "2022-10-10", source: "contractor.xlsx" });

describe("cellRanges", () => {
  it.each<[string, number[][], string[]]>([
    ["one cell", [[6, 5]], ["F7"]],
    [
      "a run down a column",
      [
        [1, 5],
        [2, 5],
        [3, 5],
        [4, 5],
      ],
      ["F2:F5"],
    ],
    [
      "runs in column order, gaps split",
      [
        [4, 9],
        [1, 5],
        [2, 5],
        [1, 9],
        [2, 9],
      ],
      ["F2:F3", "J2:J3", "J5"],
    ],
  ])("%s", (_name, cells, ranges) => {
    expect(cellRanges(cells.map(([r, c]) => formulaKey(r, c)))).toEqual(ranges);
  });
});

describe("the sheet list", () => {
  it("says which formulas were worked out and which could not be, naming the cells", () => {
    const sheet = check([registerWithUnknownCells()]).sheets[0];
    expect(sheet.formulasWithoutResults).toEqual({ workedOut: ["F3:F4"], notWorkedOut: ["C3", "J4"] });
    expect(structureLines(sheet)).toEqual([
      "Formulas saved without their results, worked out here as Excel works them out when it opens the file: F3:F4.",
      "Formulas saved without their results that could not be worked out here, so read as empty: C3, J4. To check them, open the file in Excel and save it, so their results are stored.",
    ]);
  });

  it("names ten ranges at most, and counts the rest", () => {
    const keys = Array.from({ length: 12 }, (_, i) => formulaKey(i * 2, 0));
    const line = formulasWithoutResultsLines({
      name: "S",
      kind: "risk-register",
      headerRow: 0,
      columns: [],
      unmapped: [],
      recordCount: 0,
      formulasWithoutResults: { workedOut: cellRanges(keys), notWorkedOut: [] },
    });
    expect(line[0]).toContain("A1, A3, A5, A7, A9, A11, A13, A15, A17, A19 and 2 more.");
  });

  it("says nothing of a sheet whose formulas all have results", () => {
    const sheet = check([grid(register(risk()))]).sheets[0];
    expect(sheet.formulasWithoutResults).toBeUndefined();
    expect(structureLines(sheet).join(" ")).not.toContain("Formulas");
  });
});

describe("a finding on a formula cell whose result could not be worked out", () => {
  it("says the cell holds a formula saved without its result, names the file, and tells the officer what to do", () => {
    const findings = check([registerWithUnknownCells()]).findings.map(
      (f) => `${f.ruleId} ${f.cell}: ${f.message}`,
    );
    const note = (cell: string) =>
      `${cell} holds a formula saved without its result, which could not be worked out here, so it was read as empty: open "contractor.xlsx" in Excel and save it, so its results are stored.`;
    expect(findings.filter((f) => f.startsWith("risk/missing-owner"))).toEqual([
      `risk/missing-owner C3: Risk HRC-001 has no owner. ${note("C3")}`,
    ]);
    const stale = findings.filter((f) => f.startsWith("risk/stale-update"));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(/^risk\/stale-update J4: .* J4 holds a formula saved without its result/);
  });

  it("leaves findings on other cells as they were", () => {
    const plain = grid(register(risk({ owner: null })));
    const withNote = registerWithUnknownCells();
    withNote.formulasWithoutResults = { workedOut: [], notWorkedOut: [formulaKey(3, 9)] };
    const owner = (g: Grid) => check([g]).findings.find((f) => f.ruleId === "risk/missing-owner")?.message;
    expect(owner(withNote)).toBe(owner(plain));
  });
});
