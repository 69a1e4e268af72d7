// terminalSafe: a cell's control characters are shown as escapes, never sent to the terminal raw.

import { terminalSafe, terminalSafeLines } from "../../src/cli/terminal-text";

describe("terminalSafe", () => {
  it.each([
    ["plain text and emoji 😀 stay", "plain text and emoji 😀 stay"],
    ["\u001b[2J clears the screen", "\\x1b[2J clears the screen"],
    ["\u001b]0;title\u0007", "\\x1b]0;title\\a"],
    ["over\rwrite", "over\\rwrite"],
    ["two\nlines", "two\\nlines"],
    ["tab\there", "tab\\there"],
    ["nul\u0000del\u007f", "nul\\x00del\\x7f"],
    ["C1 CSI \u009b2J", "C1 CSI \\x9b2J"],
    ["RTL \u202eexe.txt", "RTL \\u202eexe.txt"],
    ["isolate \u2066x\u2069", "isolate \\u2066x\\u2069"],
  ])("%j → %j", (input, shown) => {
    expect(terminalSafe(input)).toBe(shown);
  });

  it("keeps the line breaks between lines but not inside them", () => {
    expect(terminalSafeLines(["a\rb", "c"])).toBe("a\\rb\nc");
  });
});
