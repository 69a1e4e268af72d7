// Where the import's new risks go when the register has something below its records (a colour key, a note, a
// CLOSED RISKS section, a table's totals row), rv-imp30: the planner takes the blank rows under the records
// when there are enough, moves a table's totals row into blank rows under it, says when new rows are outside
// the register's table, heads new risks that would stand under a CLOSED RISKS heading or a note with a
// heading of their own, and updates a risk listed twice as the same risk on both rows.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import {
  fixedSizeTableNote,
  headingNeededBelow,
  newRowsStart,
  outsideTableNote,
} from "../../../src/core/merge/place-new-rows";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { dayFromIso } from "../../../src/core/parse";
import { exportGrid, plan, REGISTER_HEADERS, risk, type Row } from "./helpers";

const AS_AT = "2022-10-10";
const WIDTH = REGISTER_HEADERS.length;

/** The register (title row, header row 2) with `rows` below its header: a risk, a text alone, or a row as it is. */
function register(rows: (Row | string | CellValue[])[]): Grid {
  const data = rows.map((r) =>
    typeof r === "string" ? [r] : r.length === WIDTH - 2 + 1 ? [...r.slice(0, 9), null, r[9]] : r,
  );
  return gridFromRows("Register", [["Highways register"], REGISTER_HEADERS, ...data], {
    origin: "council.xlsx",
  });
}

const read = (g: Grid) => readWorkbook([g], defaultSettings(), dayFromIso(AS_AT)!);

describe("newRowsStart: blank rows under the records, and a heading of their own", () => {
  const rows = (...r: CellValue[][]) => gridFromRows("Register", [["Risk ID", "Risk Title"], ...r]);

  it("takes the blank rows straight under the last record when something stands below them and they are enough", () => {
    const g = rows(["R-1", "A"], ["R-2", "B"], [], [], ["Key:"], ["Red", "15–25"]);
    expect(newRowsStart(g, 0, undefined, { count: 2, lastRecordRow: 2 }).first).toBe(3);
    // Three new rows do not fit in two: below everything.
    expect(newRowsStart(g, 0, undefined, { count: 3, lastRecordRow: 2 }).first).toBe(7);
  });

  it("guard: with nothing below the records, the new rows go straight under the last used row", () => {
    const g = rows(["R-1", "A"], ["R-2", "B"]);
    expect(newRowsStart(g, 0, undefined, { count: 2, lastRecordRow: 2 }).first).toBe(3);
  });

  it("needs a row more for a heading where the rows would stand under a closed section or a note", () => {
    const g = rows(["R-1", "A"], ["CLOSED RISKS"], ["R-2", "B"], [], [], ["Key:"]);
    const closed = { kind: "closed" as const, row: 2, text: "CLOSED RISKS" };
    const needed = () => closed;
    expect(
      newRowsStart(g, 0, undefined, { count: 2, lastRecordRow: 3, headingNeeded: needed }),
    ).toMatchObject({
      first: 7,
      heading: closed,
    });
    expect(
      newRowsStart(g, 0, undefined, { count: 1, lastRecordRow: 3, headingNeeded: needed }),
    ).toMatchObject({
      first: 4,
      heading: closed,
    });
  });

  it("moves a table's totals row into the blank rows under it when they are enough, else leaves it", () => {
    const g = gridFromRows(
      "Register",
      [["Risk ID", "Risk Title"], ["R-1", "A"], ["Total", 1], [], [], ["Approved by:"]],
      {
        totalsRows: [2],
      },
    );
    expect(newRowsStart(g, 0, undefined, { count: 2, lastRecordRow: 1 })).toMatchObject({
      first: 2,
      movesTotals: true,
      intoBlankRows: true,
    });
    expect(newRowsStart(g, 0, undefined, { count: 3, lastRecordRow: 1 })).toMatchObject({
      first: 6,
      movesTotals: false,
      why: "something is below the totals row, with 2 blank rows above it, too few for the 3 new rows",
    });
  });

  it("says the register's table is left behind when the new rows cannot go straight below it", () => {
    const g = gridFromRows("Register", [["Risk ID", "Risk Title"], ["R-1", "A"], [], ["Key:"]], {
      tables: [{ top: 0, left: 0, bottom: 1, right: 1, totalsRow: false }],
    });
    expect(newRowsStart(g, 0, undefined, { count: 2, lastRecordRow: 1 }).outsideTable).toEqual({
      bottom: 1,
      blankRows: 1,
    });
    expect(newRowsStart(g, 0, undefined, { count: 1, lastRecordRow: 1 }).outsideTable).toBeUndefined();
  });

  it("says the new rows straight below the register's table are outside it where the reading host cannot grow the table (fixedSize: Excel below ExcelApi 1.13)", () => {
    const table = { top: 0, left: 0, bottom: 1, right: 1, totalsRow: false };
    const rows = [
      ["Risk ID", "Risk Title"],
      ["R-1", "A"],
    ];
    const fixed = gridFromRows("Register", rows, { tables: [{ ...table, fixedSize: true }] });
    expect(newRowsStart(fixed, 0, undefined, { count: 2, lastRecordRow: 1 })).toMatchObject({
      first: 2,
      outsideTable: { bottom: 1, blankRows: 0, fixedSize: { top: 0, left: 0, right: 1 } },
    });
    // Grown over them by the writer (the command line, Excel with Table.resize): inside, nothing said.
    const growable = gridFromRows("Register", rows, { tables: [table] });
    expect(newRowsStart(growable, 0, undefined, { count: 2, lastRecordRow: 1 }).outsideTable).toBeUndefined();
  });

  it("outsideTableNote and fixedSizeTableNote: where the new rows went, and for a table the host cannot grow, the range to resize it to", () => {
    expect(outsideTableNote(12, 13, 5, 1)).toBe(
      "the new rows go in rows 13–14, below what stands under the register's table (it ends at row 6, with 1 blank row under it, too few for them), so they are outside the table (its filter and style). Move them into the table in Excel if they belong there",
    );
    expect(fixedSizeTableNote(6, 7, { top: 2, left: 0, right: 8 })).toBe(
      "the new rows go in rows 7–8, directly below the register's table (it ends at row 6), which this version of Excel cannot grow over them (resizing a table needs ExcelApi 1.13), so they are outside the table (its filter and style). To include them: click in the table, then Table Design > Resize Table, and enter A3:I8",
    );
    expect(fixedSizeTableNote(6, 6, { top: 2, left: 1, right: 3 })).toMatch(
      /^the new row goes in row 7, directly below .* so it is outside the table .* enter B3:D7$/,
    );
  });

  it("headingNeededBelow: the last heading above a row, when closed or a note; none under a live section", () => {
    const needed = headingNeededBelow({
      sections: [
        { row: 3, text: "Operational" },
        { row: 8, text: "CLOSED RISKS", closed: true },
      ],
      emptyHeadings: [{ row: 12, text: "Last reviewed at RMB" }],
    });
    expect(needed(5)).toBeNull();
    expect(needed(10)).toEqual({ kind: "closed", row: 8, text: "CLOSED RISKS" });
    expect(needed(13)).toEqual({ kind: "note", row: 12, text: "Last reviewed at RMB" });
  });
});

describe("planImport: new risks under a CLOSED RISKS section", () => {
  const wb = () => [register([risk("R-1"), "CLOSED RISKS", risk("R-2", { "Risk Status": "Closed" })])];

  it("writes a heading above them, logs it, and the register read back holds them live", () => {
    const p = plan([exportGrid([risk("R-1"), risk("R-2", { "Risk Status": "Closed" }), risk("R-9")])], wb());
    expect(p.risks.heading).toMatchObject({ row: 5, cell: "A6", text: "New risks – IRIS import 10/10/2022" });
    expect(p.risks.added.map((a) => a.row)).toEqual([6]);
    expect(p.warnings.join(" ")).toMatch(
      /heading row "New risks – IRIS import 10\/10\/2022" was added at row 6/,
    );
    const edits = toWorkbookEdits(p);
    expect(
      edits.logAppends[0].rows.filter((r) => r[7] === "New risks – IRIS import 10/10/2022"),
    ).toHaveLength(1);
    const after = applyEditsToGrids(wb(), edits);
    const r9 = read(after[0]).records.risks.find((r) => r.fields.id?.text === "R-9")!;
    expect(r9.section).toBeUndefined();
    // Imported again: nothing to write, and no second heading.
    const again = plan(
      [exportGrid([risk("R-1"), risk("R-2", { "Risk Status": "Closed" }), risk("R-9")])],
      after,
    );
    expect(again.cellCount).toBe(0);
    // Next month's new risk joins them under the same heading.
    const next = plan([exportGrid([risk("R-1"), risk("R-9"), risk("R-10")])], after);
    expect(next.risks.heading).toBeUndefined();
    expect(next.risks.added.map((a) => a.row)).toEqual([7]);
  });
});

describe("planImport: a risk listed twice", () => {
  it("the same risk (same title and owner) under two sections takes the export's change on both rows", () => {
    const g = register(["Financial", risk("R-1"), risk("R-2"), "Operational", risk("R-2"), risk("R-3")]);
    const p = plan([exportGrid([risk("R-1"), risk("R-2", { "Risk Score": 16 }), risk("R-3")])], [g]);
    expect(p.risks.changed.map((c) => [c.label, c.row + 1])).toEqual([
      ["R-2", 5],
      ["R-2", 7],
    ]);
    expect(p.warnings).toEqual([
      '"Register" holds R-2 twice (rows 5 and 7), the same risk (same title and owner) listed in two places; the import writes the export\'s changes to both rows',
    ]);
    expect(p.movement.scoreUp).toEqual(["R-2"]);
    // Missing from the export, it is noted on both rows.
    const gone = plan([exportGrid([risk("R-1"), risk("R-3")])], [g]);
    expect(gone.risks.missing.filter((m) => m.flag).map((m) => [m.label, m.flag!.cell])).toEqual([
      ["R-2", "H5"],
      ["R-2", "H7"],
    ]);
  });

  it("guard: two rows whose titles differ: the first alone is updated, and the summary says so", () => {
    const g = register([risk("R-1"), risk("R-2"), risk("R-2", { "Risk Title": "Another risk" })]);
    const p = plan([exportGrid([risk("R-1"), risk("R-2", { "Risk Score": 16 })])], [g]);
    expect(p.risks.changed.map((c) => c.row + 1)).toEqual([4]);
    expect(p.warnings.join(" ")).toMatch(/holds R-2 twice \(rows 4 and 5\); the import updates row 4 only/);
  });
});
