// Rows around and inside a register that are no risk: page footers, colour keys, numbered headings
// (council layouts review 3), and the rows that look like them but are risks.

import { fillMergedAreas, gridFromRows, type CellValue, type MergedArea } from "../../../src/core/model/grid";
import {
  noteRowKind,
  numberedHeading,
  planHeading,
  sectionHeading,
} from "../../../src/core/read/table-structure";

const grid = (rows: CellValue[][]) => gridFromRows("Register", rows);

describe("noteRowKind", () => {
  it.each<[CellValue[], "footer" | "key" | null]>([
    [["Exported by IRIS on 10/10/2022 14:05", null, "Page 1 of 3"], "footer"],
    [["Printed 03/10/2022 09:14"], "footer"],
    [["Page 2/5"], "footer"],
    [["Key:", "R = Red (15-25)", "A = Amber (5-12)", "G = Green (1-4)"], "key"],
    [["Legend", "H = High"], "key"],
    // Risks and notes that only look like them.
    [["HRC-001", "Page numbering wrong on the contract schedule", "Jane Smith"], null],
    [["Printed material not delivered to residents"], null],
    [["Key: worker availability in winter", "Jane Smith"], null],
    [["R7", "Exported by IRIS on 10/10/2022 14:05"], null],
    [["Page 1 of 3", "R = Red"], null],
    [[12, "Page 1"], null],
  ])("%j is %s", (row, kind) => {
    expect(noteRowKind(grid([row]), 0)).toBe(kind);
  });
});

describe("sectionHeading: a month typed alone as a heading", () => {
  const SPAN = { first: 0, last: 5 };
  const ID = 0;
  /** One row with the date 01/09/2022 (serial 44805) in `col`, shown in `format`, and `more` after it. */
  const monthRow = (col: number, format: string, more: CellValue[] = []) => {
    const values: CellValue[] = [...new Array<CellValue>(col).fill(null), 44805, ...more];
    const formats = values.map((_, i) => (i === col ? format : null));
    return gridFromRows("Register", [values], { numberFormats: [formats] });
  };

  it.each([
    ["mmm-yy", "Sep-22"],
    ["mmmm yyyy", "September 2022"],
  ])("reads 01/09/2022 shown %s in the id column as the heading %j", (format, text) => {
    expect(sectionHeading(monthRow(0, format), 0, SPAN, ID)).toBe(text);
  });

  it.each<[string, ReturnType<typeof monthRow>]>([
    ["a date shown as a day", monthRow(0, "dd/mm/yyyy")],
    ["a number with no date format (a numeric id)", monthRow(0, "General")],
    ["a month beside a title", monthRow(0, "mmm-yy", ["Flooding"])],
    ["a month in a column of the table's middle", monthRow(3, "mmm-yy")],
  ])("leaves %s alone", (_what, g) => {
    expect(sectionHeading(g, 0, SPAN, ID)).toBeNull();
  });
});

describe("numberedHeading", () => {
  const ID = 0;
  it("reads '1 | Finance and resources' over risk 1.1 as the heading 'Finance and resources'", () => {
    const g = grid([[1, "Finance and resources"], [], ["1.1", "Budget overspend", "CFO"]]);
    expect(numberedHeading(g, 0, ID)).toBe("Finance and resources");
  });

  it("reads '2.' as the number 2", () => {
    const g = grid([
      ["2.", "Service delivery"],
      ["2.1", "Winter service", "Head of Highways"],
    ]);
    expect(numberedHeading(g, 0, ID)).toBe("Service delivery");
  });

  it.each<[string, CellValue[][]]>([
    [
      "a risk numbered 1 with only its title, before risk 2",
      [
        [1, "Flooding"],
        [2, "Potholes", "Jane Smith"],
      ],
    ],
    [
      "a risk numbered 1 with its owner",
      [
        [1, "Flooding", "Jane Smith"],
        ["1.1", "Potholes"],
      ],
    ],
    ["a heading with no risk below it", [[1, "Finance and resources"]]],
    [
      "an id that is no whole number",
      [
        ["R1", "Finance"],
        ["R1.1", "Budget"],
      ],
    ],
  ])("leaves %s alone", (_what, rows) => {
    expect(numberedHeading(grid(rows), 0, ID)).toBeNull();
  });
});

describe("planHeading: an audit plan's aim heading, with its finding's priority in the last columns", () => {
  const SPAN = { first: 0, last: 8 };
  /** One plan row of nine columns, its merged areas filled as the reader fills them. */
  const row = (cells: CellValue[], merges: MergedArea[]) =>
    fillMergedAreas(gridFromRows("Improvement Plan", [cells], { merges }));

  it("reads 'Finding 1: …' merged over A:G beside 'Priority: High' merged over H:I as the heading", () => {
    const g = row(
      ["Finding 1: Risk register not fit for purpose", null, null, null, null, null, null, "Priority: High"],
      [
        { top: 0, left: 0, bottom: 0, right: 6 },
        { top: 0, left: 7, bottom: 0, right: 8 },
      ],
    );
    expect(planHeading(g, 0, SPAN, 0)).toBe("Finding 1: Risk register not fit for purpose");
  });

  it("does not read an action whose status is 'High' as a heading", () => {
    const g = row(
      ["1.1", "Risk Management", null, "Set up a risk board", "June 2022", "RC", "MA", "High"],
      [],
    );
    expect(planHeading(g, 0, SPAN, 0)).toBeNull();
  });

  it("does not read a new action alone in the action column beside its priority as a heading", () => {
    // A plan headed Action, Lead Officer, Target Date, Progress Status, Evidence, Priority.
    const g = row(["Procure new CCTV maintenance contract", null, null, null, null, "High"], []);
    expect(planHeading(g, 0, { first: 0, last: 5 }, undefined, 0)).toBeNull();
    // The same words where the action column is elsewhere are a heading with its priority.
    expect(planHeading(g, 0, { first: 0, last: 5 }, undefined, 3)).toBe(
      "Procure new CCTV maintenance contract",
    );
  });
});
