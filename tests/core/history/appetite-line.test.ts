// How the pane names a risk's appetite, in the Check view's detail and on the meeting card alike (SPEC
// "Appetite": a level per category, else the default level): the category it was looked up by is named.

import { appetiteFor, appetiteLine } from "../../../src/core/history";
import { defaultSettings } from "../../../src/core/model/settings";

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
    [
      "a category Settings set no level for",
      { category: "Highways", level: "cautious", max: 9, byDefault: true },
      null,
      "Cautious, up to 9 (default level; none set for Highways)",
    ],
  ] as const)("%s", (_name, appetite, score, words) => {
    expect(appetiteLine(appetite, score)).toBe(words);
  });
});

describe("appetiteFor", () => {
  const defaults = defaultSettings();
  const settings = {
    ...defaults,
    appetite: { ...defaults.appetite, categories: { Financial: "minimal" as const } },
  };
  it("says the default level applies to a category Settings do not name, not to one they do", () => {
    expect(appetiteFor("Highways maintenance", settings).byDefault).toBe(true);
    expect(appetiteFor("Finance", settings)).toEqual({ category: "Finance", level: "minimal", max: 6 });
    expect(appetiteLine(appetiteFor("Highways maintenance", settings), null)).toMatch(
      /\(default level; none set for Highways maintenance\)$/,
    );
  });
});
