import { findingsOf, register, risk } from "./harness";

const RULE = "risk/duplicate-id";

describe(RULE, () => {
  it.each([
    ["distinct ids", [risk(), risk({ id: "HRC-002" })]],
    ["text with leading zeros is not the number", [risk({ id: "007" }), risk({ id: 7 })]],
    ["numeric ids lose no digits", [risk({ id: 101 }), risk({ id: 1010 })]],
    ["blank ids are missing-id's business", [risk({ id: null }), risk({ id: null })]],
  ])("valid: %s", (_name, rows) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual([]);
  });

  it.each([
    ["the same id twice", [risk(), risk()], [["A4", "duplicate"]]],
    [
      "spacing and case differences",
      [risk({ id: "hrc-001 " }), risk({ id: "HRC-001" })],
      [["A4", "duplicate"]],
    ],
    ["runs of spaces folded", [risk({ id: "HRC  001" }), risk({ id: "hrc 001" })], [["A4", "duplicate"]]],
    ["a numeric id twice", [risk({ id: 12 }), risk({ id: 12 })], [["A4", "duplicate"]]],
    ["a number and the same digits as text", [risk({ id: 12 }), risk({ id: "12" })], [["A4", "duplicate"]]],
    [
      "three times: each later row is flagged",
      [risk(), risk({ id: "HRC-002" }), risk(), risk()],
      [
        ["A5", "duplicate"],
        ["A6", "duplicate"],
      ],
    ],
  ])("invalid: %s", (_name, rows, expected) => {
    expect(findingsOf(RULE, [register(...rows)])).toEqual(expected);
  });

  it("takes archived rows for the risk's history: a sheet of closed risks, a CLOSED RISKS section", () => {
    const closedSheet = {
      ...register(risk({ status: "Closed" }), risk({ status: "Closed" })),
      name: "Closed Risks",
    };
    expect(findingsOf(RULE, [register(risk()), closedSheet])).toEqual([]);
    expect(findingsOf(RULE, [register(risk(), ["CLOSED RISKS"], risk({ status: null }))])).toEqual([]);
    // Under an ordinary heading the same id twice is still a duplicate.
    expect(findingsOf(RULE, [register(risk(), ["Financial risks"], risk())])).toEqual([["A5", "duplicate"]]);
  });

  it("does not compare ids across registers (owner-conflict does)", () => {
    const other = { ...register(risk()), name: "Council Risks" };
    expect(findingsOf(RULE, [register(risk()), other])).toEqual([]);
  });
});
