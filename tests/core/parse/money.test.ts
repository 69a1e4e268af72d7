import { parseMoney } from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/model/grid";

describe("parseMoney", () => {
  it.each<[CellValue, number]>([
    [50000, 50000],
    [0, 0],
    [-1500, -1500],
    ["50000", 50000],
    ["£50,000", 50000],
    ["£ 50,000", 50000],
    ["50k", 50000],
    ["£50K", 50000],
    ["£1.2m", 1200000],
    ["£1.2M", 1200000],
    ["1.5 million", 1500000],
    ["£2bn", 2000000000],
    ["£250,000.00", 250000],
    ["£1,234,567.89", 1234567.89],
    ["-£5,000", -5000],
    ["£-5,000", -5000],
    ["(5,000)", -5000],
    ["GBP 300", 300],
    [" 7.5 ", 7.5],
  ])("%j is %d", (value, expected) => {
    expect(parseMoney(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    [null, /blank/],
    ["", /blank/],
    ["N/A", /not an amount/],
    ["TBC", /not an amount/],
    ["£50k-£100k", /not an amount/],
    ["5,0000", /not an amount/],
    ["(5,000", /not an amount/],
    ["--5", /not an amount/],
    ["£", /not an amount/],
    ["about £5k", /not an amount/],
    [true, /not an amount/],
    [Number.NaN, /not an amount/],
  ])("%j fails (%s)", (value, reason) => {
    const r = parseMoney(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
