// aimNumber: the aim a plan row's No belongs to.

import { actionNumber, aimNumber, isSubActionOf } from "../../../src/core/read/aim-number";

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

  it.each([
    ["1.2", "1.2"],
    [" 1.2. ", "1.2"],
    ["1.2a", "1.2a"],
    ["2.10.1", "2.10.1"],
    ["1.", ""],
    ["1", ""],
    ["1a", ""],
    ["(i)", ""],
  ])("%j writes the action's own number %j", (no, own) => {
    expect(actionNumber(no)).toBe(own);
  });

  it.each<[string, string, boolean]>([
    ["1a", "1", true],
    ["1(b)", "1", true],
    ["(i)", "2", true],
    ["ii.", "2", true],
    ["b)", "2", true],
    ["2a", "1", false],
    ["2", "1", false],
    ["1.2", "1", false],
    ["Aim 3", "2", false],
  ])("%j under aim %j is a sub-action of it: %j", (no, aim, sub) => {
    expect(isSubActionOf(no, aim)).toBe(sub);
  });
});
