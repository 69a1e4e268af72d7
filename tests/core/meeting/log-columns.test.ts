// Placing an Update Log row's values on an existing log: under their headers, new columns to the right
// of everything on the sheet, never over an officer's column.

import { columnRuns, placeLogColumns, type LogSheetTop } from "../../../src/core/meeting/log-columns";
import { UPDATE_LOG_HEADER } from "../../../src/core/meeting/record";

const HEADER = [...UPDATE_LOG_HEADER];
const OLD = HEADER.slice(0, 7);
const MARKER = "⟦contract-risk-review:owned⟧";

/** A log's top rows: the title block, then `header` in row 4, as the owned tab lays it out. */
function top(header: unknown[], marker = true): LogSheetTop {
  const first: unknown[] = ["Update Log"];
  if (marker) first[header.length] = MARKER;
  return { values: [first, ["OFFICIAL", "As at"], [], header], rowIndex: 0, columnIndex: 0 };
}

describe("placeLogColumns", () => {
  it.each<[string, LogSheetTop | null, number, number[], number | null, [number, string][]]>([
    ["an empty sheet: by position", null, -1, [0, 1, 2, 3, 4, 5, 6, 7, 8], null, []],
    ["a log made now: every column under its header", top(HEADER), 8, [0, 1, 2, 3, 4, 5, 6, 7, 8], 3, []],
    [
      "a log an earlier version made: Register and Changes after Strategy (the marker is only in row 1)",
      top(OLD),
      6,
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
      3,
      [
        [7, "Register"],
        [8, "Changes"],
      ],
    ],
    [
      "an officer's own column after Strategy stays theirs: the new ones go after it",
      top([...OLD, "Officer notes"]),
      7,
      [0, 1, 2, 3, 4, 5, 6, 8, 9],
      3,
      [
        [8, "Register"],
        [9, "Changes"],
      ],
    ],
    [
      "an officer's notes below, in a column without a header: the new ones go after them too",
      top(OLD),
      10,
      [0, 1, 2, 3, 4, 5, 6, 11, 12],
      3,
      [
        [11, "Register"],
        [12, "Changes"],
      ],
    ],
    [
      "columns moved by hand: each value still under its own header, in any case and spacing",
      top(["Risk ID", " date ", "BY", "Update", "No change", "Score", "Strategy", "Changes", "Register"]),
      8,
      [1, 0, 2, 3, 4, 5, 6, 8, 7],
      3,
      [],
    ],
    [
      "no header row among the top rows: by position",
      { values: [["notes"], ["more notes"]], rowIndex: 0, columnIndex: 0 },
      0,
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
      null,
      [],
    ],
    [
      "a sheet used from column B: columns counted from A",
      { values: [[], [], [], OLD], rowIndex: 0, columnIndex: 1 },
      7,
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      3,
      [
        [8, "Register"],
        [9, "Changes"],
      ],
    ],
  ])("%s", (_name, t, rightmost, cols, headerRow, added) => {
    const placed = placeLogColumns(HEADER, t, rightmost);
    expect(placed.cols).toEqual(cols);
    expect(placed.headerRow).toBe(headerRow);
    expect(placed.added.map((a) => [a.col, a.text])).toEqual(added);
  });
});

describe("columnRuns", () => {
  it.each([
    [[0, 1, 2], [[0, 1, 2]]],
    [
      [0, 1, 2, 8, 9],
      [
        [0, 1, 2],
        [8, 9],
      ],
    ],
    [
      [1, 0, 3],
      [[0, 1], [3]],
    ],
  ])("%j → %j", (cols, runs) => {
    expect(columnRuns(cols).map((run) => run.map((c) => c.col))).toEqual(runs);
    // Each value keeps its place in the request.
    for (const run of columnRuns(cols)) for (const c of run) expect(cols[c.index]).toBe(c.col);
  });
});
