import { parseMoney, plainAmount } from "../../../src/core/parse";
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
    ["(5,000", /not an amount/],
    ["--5", /not an amount/],
    ["significant", /not an amount/],
    ["Unknown", /not an amount/],
    ["£", /no amount|not an amount/],
    ["5,0000", /not an amount/],
    [true, /not an amount/],
    [Number.NaN, /not an amount/],
  ])("%j fails (%s)", (value, reason) => {
    const r = parseMoney(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("parseMoney: money as people write it (issue 8)", () => {
  it.each<[CellValue, number]>([
    ["£120k", 120000],
    ["120,000", 120000],
    ["£1.2m", 1200000],
    ["c. £0.25m", 250000],
    ["c.£250k", 250000],
    ["circa £40,000", 40000],
    ["approx. £10k", 10000],
    ["about £5k", 5000],
    ["£120k pa", 120000],
    ["£120k p.a.", 120000],
    ["£60,000 per annum", 60000],
    ["£5k per year", 5000],
    ["Up to £75,000", 75000],
    ["up to £1m", 1000000],
    ["£85,000 (est.)", 85000],
    ["£85,000 (estimated)", 85000],
    ["£85,000 est", 85000],
    ["£50k–£100k", 100000],
    ["£50k-£100k", 100000],
    ["£50k - £100k", 100000],
    ["£30k to £45k", 45000],
    ["£0", 0],
    ["Nil", 0],
    ["nil", 0],
    ["£1.2m+", 1200000],
  ])("%j is %d", (value, expected) => {
    expect(parseMoney(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    ["significant", /not an amount/],
    ["TBC", /not an amount/],
    ["High", /not an amount/],
    ["£100k–£50k", /not an amount/],
    ["see risk HRC-004", /not an amount/],
  ])("%j has no amount (%s)", (value, reason) => {
    const r = parseMoney(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("plainAmount", () => {
  it.each<[string, number | null]>([
    ["£120,000", 120000],
    [" 120,000 ", 120000],
    ["£1.2m", 1200000],
    ["-5,000", -5000],
    ["Up to £75,000", null],
    ["£85,000 (est.)", null],
    ["£50k–£100k", null],
    ["TBC", null],
  ])("%j is %p", (text, amount) => {
    expect(plainAmount(text)).toBe(amount);
  });
});

describe("parseMoney: one amount among words (review rev-a)", () => {
  it.each<[CellValue, number]>([
    ["£60,000 (2022/23)", 60000],
    ["60,000 (2022/23)", 60000],
    ["£60k (Q3)", 60000],
    ["£60k.", 60000],
    ["£300k over 3 years", 300000],
    ["£60,000 revenue pressure", 60000],
    ["In excess of £250,000", 250000],
    ["£60k (£60k total)", 60000],
  ])("%j is %d", (value, expected) => {
    expect(parseMoney(value)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>([
    "£50k now, £80k by 2025",
    "£100k (£200k over 2 years)",
    "£50k-£100k savings",
    "60,000 revenue pressure",
    "3 months delay",
    "10% of £500k budget",
    "2 x £50k",
  ])("%j is not read as one amount", (value) => {
    expect(parseMoney(value).ok).toBe(false);
  });
});

describe("parseMoney: a column's unit", () => {
  it.each<[CellValue, number]>([
    [300, 300000],
    ["300", 300000],
    ["£300k", 300000],
    ["£1.2m", 1200000],
    ["£50k–£100k", 100000],
  ])("%j in a £k column is %d", (value, expected) => {
    expect(parseMoney(value, 1000)).toEqual({ ok: true, value: expected });
  });
});
