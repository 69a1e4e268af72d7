// A message quoting a long cell ends its quote with "…", cut between words (the real-registers review found
// "Create process for regular review of accounts and removal of" quoted as if whole).

import { excerpt } from "../../../src/core/rules/excerpt";

describe("excerpt", () => {
  it.each<[string, number, string]>([
    ["Inspect gullies", 60, "Inspect gullies"],
    [
      "Create process for regular review of accounts and removal of dormant suppliers",
      60,
      "Create process for regular review of accounts and removal of…",
    ],
    ["Supercalifragilisticexpialidocious", 10, "Supercalif…"],
    ["Review   the  register", 12, "Review   the…"],
  ])("%s (at most %d) → %s", (text, max, out) => {
    expect(excerpt(text, max)).toBe(out);
  });
});
