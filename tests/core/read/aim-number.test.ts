// aimNumber: the aim a plan row's No belongs to.

import { aimNumber } from "../../../src/core/read/aim-number";

describe("aimNumber", () => {
  it.each([
    ["1.", "1"],
    ["1", "1"],
    [" 1.1 ", "1"],
    ["1.2.", "1"],
    ["2.10.1", "2"],
    ["1.2a", "1"],
    ["1.2(b)", "1"],
    ["1a", "1a"],
    ["10", "10"],
    ["A", "A"],
    ["Aim 3.", "Aim 3"],
    ["", ""],
  ])("%j is aim %j", (no, aim) => {
    expect(aimNumber(no)).toBe(aim);
  });
});
