import { findingsOf, register, risk, type RiskRow, type RunOptions } from "./harness";

const RULE = "risk/rag-mismatch";

describe(RULE, () => {
  it.each<[string, RiskRow, RunOptions?]>([
    ["Amber for 12", { score: 12, rag: "Amber" }],
    ["Red for 15", { likelihood: 3, impact: 5, score: 15, rag: "Red" }],
    ["Very High is red", { likelihood: 4, impact: 5, score: 20, rag: "Very High" }],
    ["High is red", { likelihood: 4, impact: 4, score: 16, rag: "High" }],
    ["Medium is amber", { likelihood: 2, impact: 4, score: 8, rag: "Medium" }],
    ["Low is green", { likelihood: 2, impact: 2, score: 4, rag: "Low" }],
    ["Very Low is green", { likelihood: 1, impact: 1, score: 1, rag: "Very Low" }],
    ["a number in brackets after the word", { score: 12, rag: "Amber (12)" }],
    ["blank RAG", { rag: null }],
    [
      "words on no scale give no score",
      { likelihood: "Sometimes", impact: "Big", score: "High", rag: "Green" },
    ],
    [
      "a score worked out from words that agrees",
      { likelihood: "Possible", impact: "Moderate", score: null, rag: "Amber" },
    ],
    [
      "the band comes from likelihood × impact when the score is blank",
      { likelihood: 4, impact: 5, score: null, rag: "Red" },
    ],
    [
      "RAG bands from settings",
      { likelihood: 2, impact: 3, score: 6, rag: "Green" },
      { settings: { rag: { greenMax: 6, amberMax: 14 } } },
    ],
  ])("valid: %s", (_name, over, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [register(risk(over))], options)).toEqual([]);
  });

  it.each<[string, RiskRow, [string, string][], RunOptions?]>([
    ["Red for 12", { score: 12, rag: "Red" }, [["G3", "mismatch"]]],
    ["Medium for 20", { likelihood: 4, impact: 5, score: 20, rag: "Medium" }, [["G3", "mismatch"]]],
    ["Very High for 3", { likelihood: 1, impact: 3, score: 3, rag: "Very High" }, [["G3", "mismatch"]]],
    ["Green for 16", { likelihood: 4, impact: 4, score: 16, rag: "Green" }, [["G3", "mismatch"]]],
    [
      "Amber for Likely × Major worked out as 16",
      { likelihood: "Likely", impact: "Major", score: null, rag: "Amber" },
      [["G3", "mismatch"]],
    ],
    [
      "Amber for 6 with greenMax 6",
      { likelihood: 2, impact: 3, score: 6, rag: "Amber" },
      [["G3", "mismatch"]],
      { settings: { rag: { greenMax: 6, amberMax: 14 } } },
    ],
  ])("invalid: %s", (_name, over, expected, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [register(risk(over))], options)).toEqual(expected);
  });
});
