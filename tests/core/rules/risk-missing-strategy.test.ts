import { findingsOf, register, risk, REGISTER_HEADERS } from "./harness";

const RULE = "risk/missing-strategy";

describe(RULE, () => {
  it.each([
    ["a strategy is given", [risk()]],
    ["the risk is closed", [risk({ strategy: null, status: "Closed" })]],
    ["the strategy has words after it", [risk({ strategy: "Treat - reduce" })]],
  ])("valid: %s", (_name, rows) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual([]);
  });

  it.each([
    ["blank strategy on an open risk", [risk({ strategy: null })], [["H3", "blank"]]],
    ["spaces only", [risk(), risk({ id: "HRC-002", strategy: "   " })], [["H4", "blank"]]],
    ["blank status counts as open", [risk({ strategy: "", status: null })], [["H3", "blank"]]],
  ])("invalid: %s", (_name, rows, expected) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual(expected);
  });

  it("fires per risk, on the id cell, when the sheet has no strategy column", () => {
    const headers = REGISTER_HEADERS.filter((h) => h !== "Risk Response Strategy");
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 7);
    const sheet = { name: "Reg", rows: [headers, drop(risk()), drop(risk({ id: "HRC-002" }))] as never };
    expect(findingsOf(RULE, [sheet])).toEqual([
      ["A2", "noColumn"],
      ["A3", "noColumn"],
    ]);
  });
});
