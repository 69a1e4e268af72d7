import { foldSpaces } from "../../../src/core/parse/spaces";

describe("foldSpaces", () => {
  it.each([
    ["", ""],
    ["Open", "Open"],
    ["  Gareth   Lloyd ", "Gareth Lloyd"],
    ["Line one\nline two", "Line one line two"],
    ["tab\there", "tab here"],
    ["no\u00a0break", "no break"],
    ["em\u2003space", "em space"],
    ["\r\n", ""],
    ["one two three", "one two three"],
  ])("%j → %j", (text, folded) => {
    expect(foldSpaces(text)).toBe(folded);
  });

  it("folds the same text the same way each time (the pattern keeps no state between calls)", () => {
    const texts = ["a  b", "c\td", "a  b", "e f"];
    expect(texts.map(foldSpaces)).toEqual(["a b", "c d", "a b", "e f"]);
  });
});
