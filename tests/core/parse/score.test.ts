import { parseScore } from "../../../src/core/parse";
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
    ["N/A", /has no number/],
    ["3 x 4", /more than one number/],
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
