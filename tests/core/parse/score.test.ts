import { parseScore } from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";
import type { CellValue } from "../../../src/core/model/grid";

describe("parseScore", () => {
  it.each<[CellValue, number]>([
    [1, 1],
    [25, 25],
    [12, 12],
    [0, 0],
    [30, 30],
    [-1, -1],
    [2.5, 2.5],
    ["3", 3],
    [" 16 ", 16],
    ["3 - Possible", 3],
    ["4 - Major", 4],
    ["High (4)", 4],
    ["Very High (5)", 5],
    ["5 (Almost certain)", 5],
    ["Likelihood: 2", 2],
    ["4-Likely", 4],
    ["20 Red", 20],
    ["12.0", 12],
    ["4 (4)", 4],
  ])("%j reads as %d", (value, expected) => {
    expect(parseScore(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    [null, /blank/],
    ["", /blank/],
    ["  ", /blank/],
    ["High", /has no number/],
    ["Medium", /has no number/],
    ["4x4=15x", /not a score|more than one number/],
    ["N/A", /has no number/],
    ["1-5", /more than one number/],
    [true, /not a score/],
    [Number.NaN, /not a number/],
    [Number.POSITIVE_INFINITY, /not a number/],
  ])("%j fails (%s)", (value, reason) => {
    const r = parseScore(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("parseScore: written as a sum, or as a word on a scale (issue 8)", () => {
  it.each<[CellValue, number]>([
    ["4x4=16", 16],
    ["4 x 4 = 16", 16],
    ["4 × 4 = 16", 16],
    ["4*4=16", 16],
    ["3x4=15", 15],
    ["3 X 5 = 15", 15],
    // The result first, its labelled factors after it.
    ["16 (L4 x I4)", 16],
    ["16 = L4 x I4", 16],
    ["12 (Likely (3) x Major (4))", 12],
  ])("%j reads as its result, %d", (value, expected) => {
    expect(parseScore(value)).toEqual({ ok: true, value: expected });
  });

  // A product written without its result is read as the product: "4 x 4" in a Score cell is 16, never 4
  // (a red risk read as green). A stated result beside it is read as stated, so the score rule can check it.
  it.each<[CellValue, number]>([
    ["4 x 4", 16],
    ["4x4", 16],
    ["3 x 4", 12],
    ["4 × 5", 20],
    ["4*4", 16],
    ["5 X 5", 25],
    ["4 x 4 - High", 16],
    ["16 (4x4)", 16],
    ["4 x 4 (16)", 16],
    ["15 (4 x 4)", 15],
  ])("%j reads as %d", (value, expected) => {
    expect(parseScore(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    ["4 x 4 x 2", /more than one|not a score/],
    ["3 x 4 or 12 or 16", /more than one number/],
  ])("%j fails (%s)", (value, reason) => {
    const r = parseScore(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  const { likelihoodWords, impactWords } = defaultSettings();

  it.each<[CellValue, number]>([
    ["Rare", 1],
    ["Unlikely", 2],
    ["Possible", 3],
    ["Likely", 4],
    ["Almost certain", 5],
    ["almost  Certain", 5],
    ["Very Low", 1],
    ["Low", 2],
    ["Medium", 3],
    ["High", 4],
    ["Very high", 5],
    ["Likely (4)", 4],
  ])("likelihood %j is %d", (value, expected) => {
    expect(parseScore(value, likelihoodWords)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, number]>([
    ["Insignificant", 1],
    ["Negligible", 1],
    ["Minor", 2],
    ["Moderate", 3],
    ["Major", 4],
    ["Catastrophic", 5],
    ["Severe", 5],
    ["Critical", 5],
    ["Very Low", 1],
    ["Very High", 5],
  ])("impact %j is %d", (value, expected) => {
    expect(parseScore(value, impactWords)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    ["Rare", /not a word on the scale|has no number/],
    ["Sometimes", /not a word on the scale/],
  ])("impact %j fails (%s)", (value, reason) => {
    const r = parseScore(value, impactWords);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each<[CellValue, number]>([
    // A rating with its meaning after it, as a scoring guide words it (heuristics review 31): the rating first,
    // word or number, and the guide's own figures ("£250k") no rating.
    ["Major – £250k loss to the contract", 4],
    ["Severe – fatality or serious injury on the network", 5],
    ["Minor: short delay to works", 2],
    ["4 – Major: £250k loss to the contract", 4],
    ["3 - Moderate; local press coverage", 3],
  ])("impact %j is %d", (value, expected) => {
    expect(parseScore(value, impactWords)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    // A range is no rating with its meaning.
    ["2 - 3", /more than one number/],
  ])("impact %j fails (%s)", (value, reason) => {
    const r = parseScore(value, impactWords);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("reads words on a scale set in settings", () => {
    expect(parseScore("Frequent", [{ word: "Frequent", value: 5 }])).toEqual({ ok: true, value: 5 });
  });
});

describe("parseScore: the score now with a note of what it was (history review 2)", () => {
  it.each([
    ["12 (was 16)", 12],
    ["12 - was 16", 12],
    ["12 (down from 16)", 12],
    ["16 (prev 12)", 16],
    ["16, previously 12", 16],
    ["9 – reduced from 12", 9],
  ])("%s is %d", (text, score) => {
    const r = parseScore(text);
    expect(r.ok && r.value).toBe(score);
  });

  it("still refuses two numbers with no such note", () => {
    expect(parseScore("12 or 16").ok).toBe(false);
    expect(parseScore("was 16, now 12").ok).toBe(false);
  });
});
