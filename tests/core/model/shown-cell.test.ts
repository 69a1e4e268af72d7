// shownCell: the cell a finding names for a cell inside a merged area (the area's top-left, where Excel
// shows the value and a mark can be seen).

import { mergesByColumn, shownCell } from "../../../src/core/model/grid";

describe("shownCell: the cell Excel shows a merged area's value in", () => {
  const index = mergesByColumn([{ top: 3, left: 4, bottom: 5, right: 4 }]);

  it("names the merged area's top-left cell for a cell inside it, and any other cell as it is", () => {
    expect(shownCell(index, 4, 4)).toEqual({ row: 3, col: 4 });
    expect(shownCell(index, 3, 4)).toEqual({ row: 3, col: 4 });
    expect(shownCell(index, 6, 4)).toEqual({ row: 6, col: 4 });
    expect(shownCell(index, 4, 5)).toEqual({ row: 4, col: 5 });
  });
});
