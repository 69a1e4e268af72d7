import type { Settings } from "../../../src/core/model/settings";
import { hregister, hrisk, type HistoryRisk } from "../history/helpers";
import { findingsOf } from "./harness";

const RULE = "risk/above-appetite";
const appetite: Partial<Settings> = {
  appetite: {
    maxima: { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 },
    categories: { Financial: "averse", "Opportunities & growth": "open" },
    defaultLevel: "cautious",
  },
};

describe(RULE, () => {
  it.each<[string, HistoryRisk]>([
    ["score equal to the default appetite (Cautious, 9)", { score: 9 }],
    ["score below appetite", { score: 6 }],
    ["a named category's level: Open tolerates 12", { score: 12, category: "opportunities and growth" }],
    ["a closed risk above appetite", { score: 20, status: "Closed" }],
    ["no score", { score: null }],
    ["an opportunity (strategy Take: exploit) scores upside", { score: 20, strategy: "Exploit" }],
    ["score equal to a named category's appetite (Averse, 4)", { score: 4, category: "FINANCIAL" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [hregister(hrisk(over))], { settings: appetite })).toEqual([]);
  });

  it.each<[string, HistoryRisk, [string, string][]]>([
    [
      "above the default appetite, its category having no level of its own in Settings",
      { score: 10 },
      [["E2", "aboveDefaultFor"]],
    ],
    ["above a named category's appetite", { score: 6, category: "Financial" }, [["E2", "above"]]],
    ["no category: the default level", { score: 12, category: null }, [["E2", "aboveDefault"]]],
  ])("invalid: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [hregister(hrisk(over))], { settings: appetite })).toEqual(expected);
  });

  it("falls back to the annex where there is no Category column", () => {
    const rows = [
      [
        "Risk ID",
        "Risk Title",
        "Service Annex",
        "Risk Owner",
        "Current Risk Score",
        "Risk Response Strategy",
      ],
      ["HRC-001", "Claims", "Financial", "J Smith", 6, "Treat"],
      ["HRC-002", "Lighting", "Street Lighting", "J Smith", 6, "Treat"],
    ];
    expect(findingsOf(RULE, [{ name: "Register", rows }], { settings: appetite })).toEqual([["E2", "above"]]);
  });

  it("names the Score cell when the register has a score column, even with its result cleared (as after an import)", () => {
    // An import keeps a score formula but drops its saved result: the score is then likelihood × impact, and
    // the finding is still about the Score cell, which holds the formula (not the Likelihood cell).
    const rows = [
      ["Risk ID", "Risk Title", "Likelihood", "Impact", "Current Risk Score", "Risk Response Strategy"],
      ["HRC-001", "Claims", 4, 4, null, "Treat"],
    ];
    expect(findingsOf(RULE, [{ name: "Register", rows }], { settings: appetite })).toEqual([
      ["E2", "aboveDefault"],
    ]);
  });

  it("names the Likelihood cell where the register has no score column", () => {
    const rows = [
      ["Risk ID", "Risk Title", "Likelihood", "Impact", "Risk Response Strategy"],
      ["HRC-001", "Claims", 4, 4, "Treat"],
    ];
    expect(findingsOf(RULE, [{ name: "Register", rows }], { settings: appetite })).toEqual([
      ["C2", "aboveDefault"],
    ]);
  });
});
