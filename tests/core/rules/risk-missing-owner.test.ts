import { findingsOf, register, REGISTER_HEADERS, risk } from "./harness";

const RULE = "risk/missing-owner";

describe(RULE, () => {
  it.each([
    ["an owner is given", [risk()]],
    ["a closed risk needs none", [risk({ owner: null, status: "Closed" })]],
    ["a retired risk needs none", [risk({ owner: "", status: "Retired - merged into HRC-004" })]],
  ])("valid: %s", (_name, rows) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual([]);
  });

  it.each([
    ["blank owner", [risk({ owner: null })], [["C3", "blank"]]],
    ["spaces only", [risk(), risk({ id: "HRC-002", owner: "  " })], [["C4", "blank"]]],
    ["an unknown status counts as open", [risk({ owner: null, status: "Under review" })], [["C3", "blank"]]],
  ])("invalid: %s", (_name, rows, expected) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual(expected);
  });

  it("is skipped silently when the sheet has no owner column (sheet/missing-column reports it)", () => {
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 2);
    const sheet = { name: "Reg", rows: [drop(REGISTER_HEADERS), drop(risk())] as never };
    expect(findingsOf(RULE, [sheet])).toEqual([]);
    expect(findingsOf("sheet/missing-column", [sheet])).toEqual([[null, "missing"]]);
  });

  // rv-nec31: a PFI matrix names an owner in each party's column; the council's is the owner field.
  it("a risk owned on the contractor's side alone has an owner; one owned on neither side has none", () => {
    const sheet = {
      name: "Risk Allocation Matrix",
      rows: [
        [
          "Ref",
          "Risk",
          "Risk owner (Authority)",
          "Risk owner (Contractor)",
          "Strategy",
          "Actions",
          "Last Updated",
        ],
        ["SL-01", "Energy price", "M Evans", null, "Tolerate", "Framework", "01/10/2022"],
        ["SL-02", "Column failure", null, "P Green (Lumen Ltd)", "Transfer", "Testing", "01/10/2022"],
        ["SL-03", "Vandalism", null, null, "Transfer", "Fittings", "01/10/2022"],
      ],
    };
    expect(findingsOf(RULE, [sheet])).toEqual([["C4", "blank"]]);
  });
});
