// An import into a register beside an "Opportunities" sheet: an export row whose id the workbook keeps on the
// other sheet is that record, never added a second time; the plan says where it is.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { plan } from "./helpers";

const HEADER = ["Risk ID", "Risk Title", "Risk Owner", "Current Likelihood", "Current Impact", "Risk Status"];
const row = (id: string, impact = 3): CellValue[] => [id, `Title of ${id}`, "Jo Smith", 2, impact, "Open"];
const sheet = (name: string, ...rows: CellValue[][]): Grid =>
  gridFromRows(name, [HEADER, ...rows], { origin: "council.xlsx" });

describe("records kept on the other kind of sheet", () => {
  const exportGrids = [sheet("IRIS Risks", row("HRC-001", 4), row("OPP-001", 4), row("HRC-002"))];
  const workbook = [sheet("Register", row("HRC-001")), sheet("Opportunities", row("OPP-001"))];

  it("into the risk register: the opportunity is not added, nor counted new; a new risk is", () => {
    const p = plan(exportGrids, workbook);
    expect(p.risks.added.map((a) => a.label)).toEqual(["HRC-002"]);
    expect(p.movement.newRisks).toEqual(["HRC-002"]);
    expect(p.warnings).toContainEqual(
      'OPP-001 is on sheet "Opportunities", not register "Register": it was not imported, so as not to add it twice; import into "Opportunities" to update it there',
    );
  });

  it("into the Opportunities sheet: the register's risks are not added there; the opportunity is updated", () => {
    const p = plan(exportGrids, workbook, { targetRegister: "Opportunities" });
    expect(p.risks.added.map((a) => a.label)).toEqual(["HRC-002"]);
    expect(p.risks.changed.map((c) => c.label)).toEqual(["OPP-001"]);
    expect(p.warnings).toContainEqual(expect.stringMatching(/^HRC-001 is on sheet "Register"/));
  });
});
