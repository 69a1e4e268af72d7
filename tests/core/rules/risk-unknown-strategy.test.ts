import { findingsOf, register, risk } from "./harness";

const RULE = "risk/unknown-strategy";

describe(RULE, () => {
  it.each([
    ["Treat", "Treat"],
    ["words after the strategy", "Treat - reduce"],
    ["lower case", "tolerate"],
    ["a synonym of treat", "Mitigate"],
    ["a synonym of tolerate", "Accept"],
    ["a synonym of transfer", "Insure"],
    ["terminate's synonym", "Avoid"],
    ["an opportunity's strategy", "Exploit"],
    ["blank (missing-strategy's business, not this rule's)", null],
    ["TBC, a placeholder: missing, not unknown", "TBC"],
    ["N/A, a placeholder", "N/A"],
  ])("valid: %s", (_name, strategy) => {
    expect(findingsOf(RULE, [register(risk({ strategy, transferredTo: "Insurer" }))])).toEqual([]);
  });

  it.each([
    ["a word that is not a strategy", "Monitor"],
    ["a number", 4],
  ])("invalid: %s", (_name, strategy) => {
    expect(findingsOf(RULE, [register(risk(), risk({ id: "HRC-002", strategy }))])).toEqual([
      ["H4", "unknown"],
    ]);
  });

  it("uses the strategy words from settings", () => {
    const settings = {
      strategyWords: {
        treat: ["treat", "manage"],
        tolerate: ["tolerate"],
        transfer: ["transfer"],
        terminate: ["terminate"],
        take: ["take"],
      },
    };
    expect(findingsOf(RULE, [register(risk({ strategy: "Manage" }))], { settings })).toEqual([]);
    expect(findingsOf(RULE, [register(risk({ strategy: "Mitigate" }))], { settings })).toEqual([
      ["H3", "unknown"],
    ]);
  });
});
