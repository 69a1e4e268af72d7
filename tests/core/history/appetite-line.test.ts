// How the pane names a risk's appetite, in the Check view's detail and on the meeting card alike (SPEC
// "Appetite": a level per category, else the default level): the category it was looked up by is named.

import { appetiteLine } from "../../../src/core/history";

describe("appetiteLine", () => {
  it.each([
    [
      "a category's level",
      { category: "Financial", level: "minimal", max: 6 },
      6,
      "Minimal, up to 6 (Financial)",
    ],
    [
      "above it",
      { category: "Financial", level: "minimal", max: 6 },
      9,
      "Minimal, up to 6 (Financial) — above appetite",
    ],
    ["a risk with no category", { category: "", level: "cautious", max: 9 }, null, "Cautious, up to 9"],
  ] as const)("%s", (_name, appetite, score, words) => {
    expect(appetiteLine(appetite, score)).toBe(words);
  });
});
