// The read path sizes its next batch from an estimate of what Excel sent: it must match the JSON size
// for everything but string escapes, which it leaves out.

import { SAMPLE_ROWS, estimateJsonBytes, jsonBytes, sampledJsonBytes } from "../../src/excel/payload";

describe("estimateJsonBytes", () => {
  it.each<[string, unknown[][]]>([
    ["no rows", []],
    ["an empty row", [[]]],
    ["blanks", [[null, null], [null]]],
    ["integers of every length, and negative ones", [[0, 7, 10, 99, 100, 44501, -1, -45, 123456789012345]]],
    ["a negative zero (JSON writes 0)", [[-0]]],
    ["fractions and large numbers", [[0.5, -2.25, 44501.375, 1e15, 1.5e21, 1e-7]]],
    ["numbers JSON writes as null", [[NaN, Infinity, -Infinity]]],
    ["booleans", [[true, false]]],
    ["strings, empty and non-ASCII", [["", "Risk", "Café — £2m", "Resurfacing programme slipped"]]],
    ["number formats", [["General", "dd/mm/yyyy", "£#,##0.00"]]],
    [
      "a register row",
      [
        ["HRC-001", "Winter service", 4, 5, 20, "Treat", null, 44823],
        ["HRC-002", "Drainage", 2, 3, 6, "Tolerate", "Officer", 44830.5],
      ],
    ],
  ])("matches JSON.stringify for %s", (_case, rows) => {
    expect(estimateJsonBytes(rows)).toBe(jsonBytes(rows));
  });

  it("leaves out only the escapes of quotes, backslashes and line breaks", () => {
    const rows = [['say "no change"', "C:\\logs", "line one\nline two"]];
    // Two quotes, one backslash and one line break, each written with one more character.
    expect(jsonBytes(rows) - estimateJsonBytes(rows)).toBe(4);
  });
});

describe("sampledJsonBytes", () => {
  const row = (i: number) => [`HRC-${i}`, i % 3 === 0 ? "No change this month" : "Reviewed", 44800 + i, null];

  it("is the full estimate for a block of no more rows than the sample", () => {
    const rows = Array.from({ length: SAMPLE_ROWS }, (_, i) => row(i));
    expect(sampledJsonBytes(rows)).toBe(estimateJsonBytes(rows));
  });

  it("is the full estimate for a long block of rows alike", () => {
    const rows = Array.from({ length: 10_000 }, () => ["HRC-001", "Treat", 12, null]);
    expect(sampledJsonBytes(rows)).toBe(estimateJsonBytes(rows));
  });

  it.each([1_000, 25_000, 100_003])("is within 1 %% of the full estimate for %i varied rows", (n) => {
    const rows = Array.from({ length: n }, (_, i) => row(i));
    const exact = estimateJsonBytes(rows);
    expect(Math.abs(sampledJsonBytes(rows) - exact) / exact).toBeLessThan(0.01);
  });

  it("counts a block whose first rows are short and the rest long at the long rows' size", () => {
    // A sample from the first rows alone would take this block for a fifth of its size.
    const rows = Array.from({ length: 20_000 }, (_, i) => (i < 1_000 ? ["x"] : ["x".repeat(100)]));
    const exact = estimateJsonBytes(rows);
    expect(Math.abs(sampledJsonBytes(rows) - exact) / exact).toBeLessThan(0.05);
  });
});
