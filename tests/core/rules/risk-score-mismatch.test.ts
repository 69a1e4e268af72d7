import { findingsOf, register, risk, type RiskRow } from "./harness";

const RULE = "risk/score-mismatch";

describe(RULE, () => {
  it.each<[string, RiskRow]>([
    ["score is likelihood × impact", { likelihood: 3, impact: 4, score: 12 }],
    ["the largest score", { likelihood: 5, impact: 5, score: 25, rag: "Red" }],
    ["text scores read by their number", { likelihood: "3 - Possible", impact: "4 - Major", score: 12 }],
    ["number in brackets", { likelihood: "High (4)", impact: 3, score: "12" }],
    [
      "a word on no scale has no number, so the rule does not fire",
      { likelihood: "Sometimes", impact: 4, score: 9 },
    ],
    ["words on the scales", { likelihood: "Likely", impact: "Major", score: 16 }],
    ["Very High × High on the scales", { likelihood: "Very High", impact: "High", score: 20 }],
    ["a score written 4x4=16", { likelihood: 4, impact: 4, score: "4x4=16" }],
    ["a score written 4 x 4 = 16", { likelihood: 4, impact: 4, score: "4 x 4 = 16" }],
    ["a blank score", { score: null }],
    ["a blank likelihood", { likelihood: null, score: 7 }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual([]);
  });

  it.each<[string, RiskRow, [string, string][]]>([
    ["score is not the product", { likelihood: 3, impact: 4, score: 10 }, [["F3", "product"]]],
    [
      "a written-out sum that does not add up",
      { likelihood: 3, impact: 4, score: "3x4=15" },
      [["F3", "product"]],
    ],
    [
      "words on the scales that disagree",
      { likelihood: "Rare", impact: "Minor", score: 4 },
      [["F3", "product"]],
    ],
    ["High is 4 on the likelihood scale", { likelihood: "High", impact: 4, score: 9 }, [["F3", "product"]]],
    [
      "text scores that disagree",
      { likelihood: "3 - Possible", impact: "4 - Major", score: 16 },
      [["F3", "product"]],
    ],
    ["likelihood above 5", { likelihood: 6, impact: 4, score: 24 }, [["D3", "range"]]],
    [
      "impact of 0",
      { likelihood: 3, impact: 0, score: 0 },
      [
        ["E3", "range"],
        ["F3", "range"],
      ],
    ],
    ["score above 25", { likelihood: null, impact: null, score: 30 }, [["F3", "range"]]],
    ["a fractional likelihood", { likelihood: 2.5, impact: 4, score: 10 }, [["D3", "range"]]],
  ])("invalid: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual(expected);
  });

  it("checks closed risks too (a wrong score is wrong whatever the status)", () => {
    expect(findingsOf(RULE, [register(risk({ score: 10, status: "Closed" }))])).toEqual([["F3", "product"]]);
  });

  // rv-nec31: a register whose headers declare three points reads its Low / Medium / High as 1, 2, 3.
  it.each([
    ["Likelihood (L/M/H)", "Impact (L/M/H)", "Risk Score"],
    ["Likelihood (1-3)", "Impact", "Score"],
    ["Likelihood", "Impact", "Risk Score (1–9)"],
    ["Likelihood", "Impact (Low/Med/High)", "Score"],
  ])("a 3 × 3 register headed %s, %s, %s: High × High is 9", (l, i, s) => {
    const sheet = {
      name: "Parks",
      rows: [
        ["Risk Ref", "Risk", "Risk Owner", l, i, s],
        ["PK-01", "Tree failure", "T Green", "High", "High", 9],
        ["PK-02", "Play equipment", "T Green", "Medium", "H", 6],
        ["PK-03", "Grass cutting", "L Ward", "Low", "Med", 3],
      ],
    };
    expect(findingsOf(RULE, [sheet])).toEqual([["F4", "product"]]);
  });

  it("a register declaring no scale reads Low / Medium / High on the Settings scale", () => {
    const sheet = {
      name: "Parks",
      rows: [
        ["Risk Ref", "Risk", "Risk Owner", "Likelihood", "Impact", "Score"],
        ["PK-01", "Tree failure", "T Green", "High", "High", 9],
        ["PK-02", "Play equipment", "T Green", "Medium", "High", 12],
      ],
    };
    expect(findingsOf(RULE, [sheet])).toEqual([["F2", "product"]]);
  });
});
