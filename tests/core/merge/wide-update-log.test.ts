// An import into a register with no update column whose updates are kept on a "Risk Updates" tab, a row a
// risk and a column a month: IRIS's update goes to the tab's as-at month's cell on the risk's row.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { plan } from "./helpers";

const REG = ["Risk ID", "Risk Title", "Risk Owner", "Current Likelihood", "Current Impact", "Risk Status"];
const EXP = [...REG, "Latest Update"];
const register = (...ids: string[]): Grid =>
  gridFromRows("Register", [REG, ...ids.map((id) => [id, `Title of ${id}`, "Jo Smith", 2, 3, "Open"])], {
    origin: "council.xlsx",
  });
const exportOf = (...rows: [string, string][]): Grid =>
  gridFromRows(
    "IRIS Risks",
    [EXP, ...rows.map(([id, u]) => [id, `Title of ${id}`, "Jo Smith", 2, 3, "Open", u])],
    {
      origin: "iris.xlsx",
    },
  );
const updates = (months: string[], ...rows: CellValue[][]): Grid =>
  gridFromRows("Risk Updates", [["Risk ID", "Risk Title", ...months], ...rows], { origin: "council.xlsx" });

const AS_AT = { asAt: "2022-09-30" };

describe("IRIS's update into a Risk Updates tab kept a column a month", () => {
  it("goes to the as-at month's cell, logged under that sheet; a row already saying it gets nothing; the tab is backed up", () => {
    const p = plan(
      [exportOf(["HRC-001", "September words"], ["HRC-002", "August 2"])],
      [
        register("HRC-001", "HRC-002"),
        updates(["Aug-22", "Sep-22"], ["HRC-001", "T", "August 1", null], ["HRC-002", "T", "August 2", null]),
      ],
      AS_AT,
    );
    expect(
      p.risks.changed.flatMap((r) => r.cells.map((c) => [r.label, c.sheet, c.cell, c.header, c.new])),
    ).toEqual([["HRC-001", "Risk Updates", "'Risk Updates'!D2", "Sep-22", "September words"]]);
    expect(p.risks.notCarried.filter((n) => n.field === "update")).toEqual([]);
    expect(p.backups.map((b) => b.from)).toContain("Risk Updates");
  });

  it("no column for the as-at month, a risk with no row, a cell holding words no import wrote: nothing written, each said", () => {
    const noMonth = plan(
      [exportOf(["HRC-001", "September words"])],
      [register("HRC-001"), updates(["Jul-22", "Aug-22"], ["HRC-001", "T", "July", "August"])],
      AS_AT,
    );
    expect(noMonth.cellCount).toBe(0);
    expect(noMonth.warnings).toContainEqual(expect.stringMatching(/"Risk Updates" .*no column for Sep-22/));

    const other = plan(
      [exportOf(["HRC-001", "September words"], ["HRC-002", "New words"])],
      [
        register("HRC-001", "HRC-002"),
        updates(["Aug-22", "Sep-22"], ["HRC-001", "T", "August", "RMB: agreed"]),
      ],
      AS_AT,
    );
    expect(other.cellCount).toBe(0);
    expect(other.warnings).toContainEqual(expect.stringMatching(/no row for HRC-002/));
    expect(other.warnings).toContainEqual(expect.stringMatching(/Sep-22 update of HRC-001 .* kept/));
  });
});
