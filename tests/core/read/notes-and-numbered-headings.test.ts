// Rows around and inside a register that are no risk: page footers, colour keys, numbered headings
// (council layouts review 3), and the rows that look like them but are risks.

import { fillMergedAreas, gridFromRows, type CellValue, type MergedArea } from "../../../src/core/model/grid";
import {
  isRagCountHeader,
  isSignOffRow,
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

// rv-misfire32 #2: a count of the register's risks by RAG under it, for the board, is a summary, not risks.
describe("isRagCountHeader: a count of risks by RAG under a register", () => {
  /** 01/08/2022 and 01/09/2022 as Excel keeps them. */
  const AUG = 44774;
  const SEP = 44805;

  it.each<[string, CellValue[][]]>([
    [
      "this month and last",
      [
        ["RAG", "This month", "Last month"],
        ["Red", 3, 4],
        ["Amber", 12, 10],
      ],
    ],
    [
      "a count of risks",
      [
        ["RAG", "No. of risks"],
        ["Red", 3],
        ["Amber", 12],
        ["Green", 8],
      ],
    ],
    [
      "counts typed as text, under 'RAG status:'",
      [
        ["RAG status:", "Number"],
        ["R", "3"],
        ["A", "12"],
      ],
    ],
    [
      "beside the register's columns",
      [
        [null, "Risk rating", null, "Count"],
        [null, "Red", null, 0],
        [null, "Green", null, 5],
      ],
    ],
  ])("reads %s as one", (_what, rows) => {
    expect(isRagCountHeader(grid(rows), 0)).toBe(true);
  });

  it("reads months typed as dates over the counts as one", () => {
    const rows: CellValue[][] = [
      ["RAG", AUG, SEP],
      ["Red", 3, 4],
      ["Amber", 12, 10],
    ];
    const g = gridFromRows("Register", rows, { numberFormats: [[null, "mmm-yy", "mmm-yy"]] });
    expect(isRagCountHeader(g, 0)).toBe(true);
  });

  it.each<[string, CellValue[][]]>([
    [
      "a risk whose id starts RAG",
      [
        ["RAG-01", "Red route closures", "Jo Smith"],
        ["Red", 3],
        ["Amber", 12],
      ],
    ],
    [
      "a risk titled 'Red route closures'",
      [
        ["HRC-001", "Red route closures"],
        ["Red", 3],
        ["Amber", 12],
      ],
    ],
    [
      "a label over words, not counts",
      [
        ["RAG", "Owner"],
        ["Red", 3],
        ["Amber", 12],
      ],
    ],
    [
      "counts beside a risk's title",
      [
        ["RAG", "No. of risks"],
        ["Red", 3, "Bridge joint failure"],
        ["Amber", 12],
      ],
    ],
    [
      "one row of counts alone",
      [
        ["RAG", "No. of risks"],
        ["Red", 3],
        ["Bridge joint failure", 4],
      ],
    ],
    ["a label alone", [["RAG"], ["Red", 3], ["Amber", 12]]],
    [
      "negative or part counts",
      [
        ["RAG", "Count"],
        ["Red", -3],
        ["Amber", 1.5],
      ],
    ],
  ])("leaves %s alone", (_what, rows) => {
    expect(isRagCountHeader(grid(rows), 0)).toBe(false);
  });
});

describe("isSignOffRow: the sign-off block under a register", () => {
  /** 28/09/2022 as Excel keeps it, in a cell shown dd/mm/yyyy. */
  const SIGNED = 44832;
  /** One row; numbers are dates shown dd/mm/yyyy where `dated`. */
  const one = (cells: CellValue[], dated = true) =>
    gridFromRows("Register", [cells], {
      numberFormats: [cells.map((v) => (typeof v === "number" && dated ? "dd/mm/yyyy" : null))],
    });

  it.each<[string, CellValue[]]>([
    ["Approved by: … Date: …", ["Approved by:", "Jo Smith (Head of Highways)", null, "Date:", SIGNED]],
    ["Signed: and a name", ["Signed:", "J Bloggs"]],
    ["Date: and a date typed as text", ["Date:", "28/09/2022"]],
    ["Reviewed by: with a name and a role", ["Reviewed by:", "Jo Smith", "Position:", "Head of Highways"]],
  ])("reads %s as a sign-off row anywhere", (_what, cells) => {
    expect(isSignOffRow(one(cells), 0, false)).toBe(true);
  });

  it("reads a line with no label ('Reviewed at Risk Management Board | 28/09/2022') as one only below the table", () => {
    const g = one([null, "Reviewed at Risk Management Board", null, SIGNED]);
    expect([isSignOffRow(g, 0, true), isSignOffRow(g, 0, false)]).toEqual([true, false]);
  });

  it.each<[string, CellValue[], boolean]>([
    ["a risk with its id and scores", ["HW-01", "Flooding", "Jo Smith", 3, 3, 9], false],
    ["a scored risk with no id", [null, "Loss of bridge inspection contractor", "Jo Smith", 4, 4, 16], false],
    ["a bare risk with no id", [null, "Flooding", "Jo Smith"], false],
    [
      "a risk with no id whose update says it was reviewed",
      [null, "Loss of depot", "Jo Smith", "Treat", "Reviewed at Risk Management Board"],
      false,
    ],
    ["a label beside a figure", ["Approved by:", "Jo Smith", 16], false],
    [
      "a label beside a long sentence",
      ["Date:", "To be agreed at the next board once the contractor replies"],
      true,
    ],
  ])("leaves %s alone", (_what, cells, dated) => {
    expect(isSignOffRow(one(cells, dated), 0, true)).toBe(false);
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
