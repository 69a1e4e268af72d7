import { findingsOf, register, REGISTER_HEADERS, risk } from "./harness";

const RULE = "risk/missing-id";

describe(RULE, () => {
  it.each([
    ["every row has an id", [risk(), risk({ id: "HRC-002" })]],
    ["a numeric id", [risk({ id: 17 })]],
    ["blank rows between risks are skipped", [risk(), [], risk({ id: "HRC-002" })]],
  ])("valid: %s", (_name, rows) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual([]);
  });

  it.each([
    ["a row with a title and no id", [risk(), risk({ id: null })], [["A4", "blank"]]],
    ["an id of spaces", [risk({ id: "   " })], [["A3", "blank"]]],
    ["closed rows need an id too", [risk({ id: null, status: "Closed" })], [["A3", "blank"]]],
  ])("invalid: %s", (_name, rows, expected) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual(expected);
  });

  it("is skipped silently when the sheet has no id column", () => {
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 0);
    const sheet = { name: "Reg", rows: [drop(REGISTER_HEADERS), drop(risk())] as never };
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });
});
