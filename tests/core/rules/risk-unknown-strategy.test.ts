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

  // rv-nec31: a party is a strategy only in a column headed as an allocation of the risk.
  it("reads Authority, Contractor and Shared as strategies in an allocation column only", () => {
    const sheet = (strategyHeader: string) => ({
      name: "Register",
      rows: [
        ["Ref", "Risk", "Risk Owner", strategyHeader, "Actions", "Last Updated"],
        ["SL-01", "Energy price", "M Evans", "Authority", "Framework", "01/10/2022"],
        ["SL-02", "Column failure", "M Evans", "Contractor", "Testing", "01/10/2022"],
        ["SL-03", "Change in law", "M Evans", "Shared", "Protocol", "01/10/2022"],
      ],
    });
    expect(findingsOf(RULE, [sheet("Allocation: Authority / Contractor / Shared")])).toEqual([]);
    expect(findingsOf(RULE, [sheet("Risk allocation (transfer strategy)")])).toEqual([]);
    expect(findingsOf(RULE, [sheet("Strategy")])).toEqual([
      ["D2", "unknown"],
      ["D3", "unknown"],
    ]);
  });
});
