// headingAsAtToRaise: a log's title block is as at its latest rows, so rows appended as at an earlier date
// (a backdated import or meeting record) leave it where it is. Every log writer (file, pane) asks it.

import { headingAsAtToRaise } from "../../../src/core/model/edits";
import { DAYS_1904 } from "../../../src/core/model/date-system";

const OCT_10 = 44844; // 10/10/2022 in the 1900 system
const heading = (asAt: unknown) => [["Import Log"], ["As at", asAt]] as never;

describe("headingAsAtToRaise", () => {
  it("names the cell right of 'As at' when the rows appended are later than the heading", () => {
    expect(headingAsAtToRaise(heading(OCT_10), "2022-11-10", false)).toEqual({ row: 1, col: 1 });
  });

  it("leaves a heading as at a later or the same day alone", () => {
    expect(headingAsAtToRaise(heading(OCT_10), "2022-09-30", false)).toBeNull();
    expect(headingAsAtToRaise(heading(OCT_10), "2022-10-10", false)).toBeNull();
  });

  it("reads the pane's 1904-system serials and a date typed as text", () => {
    expect(headingAsAtToRaise(heading(OCT_10 - DAYS_1904), "2022-09-30", true)).toBeNull();
    expect(headingAsAtToRaise(heading("10/10/2022"), "2022-09-30", false)).toBeNull();
    expect(headingAsAtToRaise(heading("10/10/2022"), "2022-10-11", false)).toEqual({ row: 1, col: 1 });
  });

  it("brings up a blank or unreadable heading, and finds nothing without 'As at'", () => {
    expect(headingAsAtToRaise(heading(null), "2022-09-30", false)).toEqual({ row: 1, col: 1 });
    expect(headingAsAtToRaise(heading("TBC"), "2022-09-30", false)).toEqual({ row: 1, col: 1 });
    expect(headingAsAtToRaise([["When", "File"]], "2022-09-30", false)).toBeNull();
  });
});
