// The import into a register keeping a risk's own actions one a line (Action Owner "JS\nAL", Action Due Date
// "31/08/2022\n31/12/2022", Action Status "Complete\nIn progress"): IRIS's one action updates its own line
// alone, the others kept; where which line is IRIS's cannot be told, nothing is written and the plan says so.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { withOwnCellLine } from "../../../src/core/model/own-action";
import { mappingFor, plan } from "./helpers";

const HEADER = ["Risk ID", "Risk Title", "Risk Owner", "Action Owner", "Action Due Date", "Action Status"];

function register(owner: string, due: string, status: string): Grid {
  return gridFromRows("Register", [HEADER, ["HRC-001", "Title", "Jo Smith", owner, due, status]], {
    origin: "council.xlsx",
  });
}

function exportOf(owner: CellValue, due: CellValue, status: CellValue): Grid {
  return gridFromRows("IRIS Risks", [HEADER, ["HRC-001", "Title", "Jo Smith", owner, due, status]], {
    origin: "iris.xlsx",
  });
}

const run = (reg: Grid, exp: Grid) => plan([exp], [reg], { mapping: mappingFor([exp]) });

describe("own actions kept one a line", () => {
  it("IRIS's action found by its owner: its due date line alone is written, the list marker and the other line kept", () => {
    const p = run(
      register("1. JS\n2. AL", "31/08/2022\n31/12/2022", "Complete\nIn progress"),
      exportOf("AL", "31/01/2023", "In progress"),
    );
    const cells = p.risks.changed[0].cells;
    expect(cells.map((c) => [c.header, c.new])).toEqual([["Action Due Date", "31/08/2022\n31/01/2023"]]);
    expect(p.warnings).toEqual([]);
  });

  it("IRIS's action found as the only open one: its status line is written, the other line kept", () => {
    const p = run(
      register("JS\nAL", "31/08/2022\n31/12/2022", "Complete\nIn progress"),
      exportOf(null, "31/12/2022", "Complete"),
    );
    // Owner not given; due 31/12/2022 names line 2: IRIS says it is complete.
    expect(p.risks.changed[0].cells.map((c) => c.new)).toEqual(["Complete\nComplete"]);
  });

  it("two open actions, the same owner, a new date: nothing written, and the warning says whose and what", () => {
    const p = run(
      register("JS", "31/08/2022\n31/12/2022", "In progress\nIn progress"),
      exportOf("JS", "31/01/2023", "In progress"),
    );
    expect(p.risks.changed).toEqual([]);
    expect(p.cellCount).toBe(0);
    expect(p.warnings).toContainEqual(
      expect.stringMatching(
        /HRC-001's actions are kept one a line on the register.*IRIS's action \(JS, 31\/01\/2023, In progress\) was not written; change it on the register/,
      ),
    );
  });

  it("an owner cell of one line is every action's: IRIS naming another owner for one of them writes nothing", () => {
    const p = run(
      register("JS", "31/08/2022\n31/12/2022", "Complete\nIn progress"),
      exportOf("AL", "31/12/2022", "In progress"),
    );
    expect(p.risks.changed).toEqual([]);
    expect(p.warnings).toHaveLength(1);
  });
});

describe("withOwnCellLine", () => {
  it("replaces line n, counting as the reader does (blank lines and bracketed notes are not lines)", () => {
    expect(withOwnCellLine("31/08/2022\n(revised)\n\n31/12/2022", 1, "31/01/2023")).toBe(
      "31/08/2022\n(revised)\n\n31/01/2023",
    );
    expect(withOwnCellLine("a) JS\r\nb) AL", 0, "KM")).toBe("a) KM\r\nb) AL");
    expect(withOwnCellLine("JS\nAL", 2, "KM")).toBeNull();
  });
});
