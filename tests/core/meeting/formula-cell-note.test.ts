// What the pane says of a register cell a record left as it is because it holds a formula (SPEC Writing files ›
// Formulas), by the field it holds, naming the cell as Excel does.

import { formulaCellNote } from "../../../src/core/meeting/formula-cell-note";

describe("formulaCellNote", () => {
  it.each([
    [
      "update",
      "'IRIS Risks'!K3 holds a formula, so it was left as it is: the update is in the Update Log only.",
    ],
    ["score", "'IRIS Risks'!K3 holds a formula, so it was left to work the value out."],
    ["rag", "'IRIS Risks'!K3 holds a formula, so it was left to work the value out."],
    [
      "likelihood",
      "'IRIS Risks'!K3 holds a formula, so it was left as it is: the register keeps the likelihood its formula gives.",
    ],
    [
      "lastUpdated",
      "'IRIS Risks'!K3 holds a formula, so it was left as it is: the date of the update is in the Update Log only.",
    ],
    [
      "action.due",
      "'IRIS Risks'!K3 holds a formula, so it was left as it is: the action's change is not on the register.",
    ],
    [
      "action.owner",
      "'IRIS Risks'!K3 holds a formula, so it was left as it is: the action's change is not on the register.",
    ],
    [undefined, "'IRIS Risks'!K3 holds a formula, so it was left as it is."],
  ])("%s", (field, words) => {
    expect(
      formulaCellNote(
        field === undefined ? { address: "'IRIS Risks'!K3" } : { address: "'IRIS Risks'!K3", field },
      ),
    ).toBe(words);
  });
});
