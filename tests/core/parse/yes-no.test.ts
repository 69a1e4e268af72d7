import { parseYesNo } from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/model/grid";

describe("parseYesNo", () => {
  it.each<[CellValue, boolean]>([
    ["Yes", true],
    ["YES", true],
    ["y", true],
    ["True", true],
    ["1", true],
    [1, true],
    [true, true],
    [" yes ", true],
    ["Yes.", true],
    ["No", false],
    ["n", false],
    ["FALSE", false],
    ["0", false],
    [0, false],
    [false, false],
  ])("%j is %s", (value, expected) => {
    expect(parseYesNo(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    [null, /blank/],
    ["", /blank/],
    ["Maybe", /not yes or no/],
    ["Yesterday", /not yes or no/],
    ["Nothing to add", /not yes or no/],
    ["Y board", /not yes or no/],
    [2, /not yes or no/],
    ["TBC", /not yes or no/],
  ])("%j fails (%s)", (value, reason) => {
    const r = parseYesNo(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("parseYesNo: yes with words after it, ticked check boxes (issue 8)", () => {
  it.each<[CellValue, boolean]>([
    ["Yes – to Ops Board", true],
    ["Yes - to Ops Board", true],
    ["Yes, to the Strategic Board", true],
    ["yes (agreed at RMB)", true],
    ["Yes please", true],
    ["No – managed locally", false],
    ["No, not needed", false],
    [true, true],
    [false, false],
  ])("%j is %s", (value, expected) => {
    expect(parseYesNo(value)).toEqual({ ok: true, value: expected });
  });
});
