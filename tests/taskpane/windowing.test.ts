// The long lists' window arithmetic: row offsets, the rows in view (with overscan), a focused row kept.

import { countText, rowOffsets, rowsInView, rowsToDraw } from "../../src/taskpane/windowing";

describe("rowOffsets", () => {
  it("adds the rows' heights up", () => {
    expect(Array.from(rowOffsets(4, (i) => [10, 20, 30, 40][i]))).toEqual([0, 10, 30, 60, 100]);
    expect(Array.from(rowOffsets(0, () => 10))).toEqual([0]);
  });
});

describe("rowsInView", () => {
  // 100 rows of 10 px: row i spans [10i, 10i + 10).
  const offsets = rowOffsets(100, () => 10);
  it.each([
    ["the top of the list", 0, 50, 0, { start: 0, end: 5 }],
    ["a band inside it", 205, 300, 0, { start: 20, end: 30 }],
    ["a band inside it, with overscan", 205, 300, 3, { start: 17, end: 33 }],
    ["a band starting above the list", -400, 25, 2, { start: 0, end: 5 }],
    ["a band ending below the list", 975, 2000, 2, { start: 95, end: 100 }],
    ["a band wholly above the list", -900, -100, 4, { start: 0, end: 4 }],
    ["a band wholly below the list", 1500, 2000, 4, { start: 96, end: 100 }],
  ])("finds the rows of %s", (_, top, bottom, overscan, range) => {
    expect(rowsInView(offsets, top, bottom, overscan)).toEqual(range);
  });
  it("follows rows of different heights", () => {
    const uneven = rowOffsets(5, (i) => [100, 10, 10, 10, 100][i]);
    expect(rowsInView(uneven, 105, 118, 0)).toEqual({ start: 1, end: 3 });
    expect(rowsInView(uneven, 0, 99, 0)).toEqual({ start: 0, end: 1 });
  });
  it("has nothing to show for an empty list", () => {
    expect(
      rowsInView(
        rowOffsets(0, () => 10),
        0,
        500,
        3,
      ),
    ).toEqual({ start: 0, end: 0 });
  });
});

describe("rowsToDraw", () => {
  it.each([
    ["no focused row", null, [10, 11, 12]],
    ["a focused row inside the range", 11, [10, 11, 12]],
    ["a focused row above it", 2, [2, 10, 11, 12]],
    ["a focused row below it", 40, [10, 11, 12, 40]],
    ["a focused row past the list's end", 60, [10, 11, 12]],
  ])("draws the range with %s", (_, keep, rows) => {
    expect(rowsToDraw({ start: 10, end: 13 }, keep, 50)).toEqual(rows);
  });

  it.each([
    ["above it", 2, [1, 2, 3, 10, 11, 12]],
    ["below it", 40, [10, 11, 12, 39, 40, 41]],
    ["at the list's first row", 0, [0, 1, 10, 11, 12]],
    ["at the list's last row", 49, [10, 11, 12, 48, 49]],
    ["next to its start", 8, [7, 8, 9, 10, 11, 12]],
    ["overlapping its end", 13, [10, 11, 12, 13, 14]],
    ["inside it", 11, [10, 11, 12]],
  ])("draws the rows either side of a focused row %s", (_, keep, rows) => {
    expect(rowsToDraw({ start: 10, end: 13 }, keep, 50, 1)).toEqual(rows);
  });
});

it.each([
  [7412, "7,412"],
  [12, "12"],
  [1000000, "1,000,000"],
])("writes %d as %s", (n, text) => expect(countText(n)).toBe(text));
