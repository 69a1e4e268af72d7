// fitCell: the one cut both writers (command line and task pane) make to a text longer than a cell holds.

import { fitCell, MAX_CELL_CHARS } from "../../../src/core/model/writable-text";

describe("fitCell", () => {
  it("keeps a text that fits, and cuts a longer one to 32,767 characters ending in …", () => {
    expect(fitCell("short")).toBe("short");
    expect(fitCell("a".repeat(MAX_CELL_CHARS))).toBe("a".repeat(MAX_CELL_CHARS));
    const cut = fitCell("a".repeat(40_000));
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith("a…")).toBe(true);
  });
});
