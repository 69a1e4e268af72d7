import { isPlaceholder } from "../../../src/core/parse/placeholder";

describe("isPlaceholder", () => {
  it.each([
    "TBC",
    "tbc",
    "TBC.",
    "TBA",
    "TBD",
    "N/A",
    "n/a",
    "NA",
    "-",
    "--",
    "–",
    "?",
    "Unknown",
    "None",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#DIV/0!",
    "#NAME?",
    "#null!",
    "—",
    "UNKNOWN",
    "none.",
    "Tbd",
  ])("%j is a placeholder", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each([
    "",
    "Jane Smith",
    "TBC by Finance",
    "Nil",
    "0",
    "Treat",
    "N/A - see HRC-004",
    "Unknown risk",
    "Open",
    "Green",
    "Yes",
    "No",
  ])("%j is not a placeholder", (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });
});
