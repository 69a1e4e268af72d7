// The import into a register that keeps a field month by month, one column per month ("Update Apr-22 …
// Update Mar-23", "Score Jul-22 | Score Aug-22 | Score Sep-22"): the export's value goes to the as-at month's
// column, compared with what the register reads now (its newest filled month); an earlier month's cell is
// history and is never written; where the register has no column for the as-at month nothing is invented:
// the value is not written and the plan says which risks' values were left out, and why.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import { registerColumnsIn } from "../../../src/core/merge/propose-mapping";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import type { ImportPlan } from "../../../src/core/merge/types";
import { exportGrid, mappingFor, plan, risk } from "./helpers";

const BASE = ["Risk ID", "Risk Title", "Risk Owner", "Current Likelihood", "Current Impact", "Risk Score"];
const YEAR = ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22"].concat([
  "Oct-22",
  "Nov-22",
  "Dec-22",
  "Jan-23",
  "Feb-23",
  "Mar-23",
]);
/** Column of "Update <month>" on a register whose months start after BASE (0-based). */
const monthCol = (months: string[], month: string) => BASE.length + months.indexOf(month);

/**
 * A register keeping its updates in one column a month (`months`): each row is id and its months' words,
 * oldest first (blank months null); the other fields as the export's `risk()` gives them.
 */
function monthRegister(months: string[], rows: [string, ...(string | null)[]][], prefix = "Update "): Grid {
  const header = [...BASE, ...months.map((m) => `${prefix}${m}`)];
  const data: CellValue[][] = rows.map(([id, ...words]) => [
    id,
    `Title of ${id}`,
    "A. Officer",
    3,
    3,
    9,
    ...months.map((_, i) => words[i] ?? null),
  ]);
  return gridFromRows("Register", [["Highways register"], header, ...data], { origin: "council.xlsx" });
}

/** An Import Log tab holding rows of an August import: Risk ID, Field, Old, New. */
function importLog(...rows: [string, string, string, string][]): Grid {
  return gridFromRows(
    "Import Log",
    [
      ["Import Log", null, null, null, null, null, null, null, OWNED_MARKER],
      [],
      [],
      ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
      ...rows.map(([id, field, old, now]) => [
        "2022-08-31",
        "IRIS August.xlsx",
        "Register",
        id,
        "",
        field,
        old,
        now,
      ]),
    ],
    { owned: true },
  );
}

/** The export's update ("Review Commentary") for each risk; other fields as the register's. */
const exportOf = (...rows: [string, string][]): Grid[] => [
  exportGrid(rows.map(([id, words]) => risk(id, { "Review Commentary": words }))),
];

const changedCells = (p: ImportPlan) =>
  p.risks.changed.flatMap((r) => r.cells.map((c) => `${r.label} ${c.header} ${c.cell}: ${c.newText}`));

describe("import into a register keeping its updates month by month", () => {
  const months = YEAR;
  const reg = () =>
    monthRegister(months, [
      ["R-1", "April", "May", "June", "July", "August words"],
      ["R-2", "April", "May", "June", "July", "August words"],
      ["R-3", "April", "May", "June", "July", "August words", "September so far"],
    ]);

  it("writes the export's update in the as-at month's column, never an earlier or a later month's", () => {
    const p = plan(
      exportOf(["R-1", "September words"], ["R-2", "August words"], ["R-3", "September words"]),
      [reg()],
      { asAt: "2022-09-30" },
    );
    // R-2's export says what its newest month says: nothing new, and no September update made up.
    expect(changedCells(p)).toEqual([
      "R-1 Update Sep-22 L3: September words",
      "R-3 Update Sep-22 L5: September words",
    ]);
    expect(p.risks.changed.find((r) => r.label === "R-1")!.cells[0]).toMatchObject({
      col: monthCol(months, "Sep-22"),
      old: null,
      oldText: "",
    });
    expect(p.risks.changed.find((r) => r.label === "R-3")!.cells[0].oldText).toBe("September so far");
    expect(p.risks.unchanged).toBe(1);
    expect(p.risks.notCarried.filter((n) => n.field === "update")).toEqual([]);
  });

  it("the Import Log names the as-at month's column it wrote, and a re-import changes nothing", () => {
    const exp = exportOf(["R-1", "September words"], ["R-2", "August words"], ["R-3", "September words"]);
    const first = plan(exp, [reg()], { asAt: "2022-09-30" });
    const edits = toWorkbookEdits(first);
    const rows = edits.logAppends[0].rows.map((r) => [r[3], r[5], r[6], r[7]]);
    expect(rows).toEqual([
      ["R-1", "Update Sep-22", "", "September words"],
      ["R-3", "Update Sep-22", "September so far", "September words"],
    ]);
    const after = applyEditsToGrids([reg()], edits);
    const register = after.find((g) => g.sheetName === "Register")!;
    // August's words are where they were.
    expect(register.values[2][monthCol(months, "Aug-22")]).toBe("August words");
    expect(plan(exp, after, { asAt: "2022-09-30" }).cellCount).toBe(0);
  });

  it("keeps a meeting's update written in the as-at month when IRIS still says what the last import wrote", () => {
    // August's import wrote R-1's "August words" in Update Aug-22 (its Import Log says so); September's
    // meeting wrote its own words in Update Sep-22; IRIS has not changed its words since: the meeting's is
    // the later write, kept and said to be.
    const exp = exportOf(["R-1", "August words"]);
    const register = monthRegister(months, [
      ["R-1", "April", "May", "June", "July", "August words", "No change this month (meeting)"],
    ]);
    const log = importLog(["R-1", "Update Aug-22", "", "August words"]);
    const september = plan(exp, [register, log], { asAt: "2022-09-30" });
    expect(changedCells(september)).toEqual([]);
    expect(september.risks.notWritten.map((n) => [n.label, n.header, n.reason])).toEqual([
      ["R-1", "Update Sep-22", "edited-since-import"],
    ]);
    // IRIS's own new words are written over the meeting's, saying whose they replace.
    const changed = plan(exportOf(["R-1", "IRIS September"]), [register, log], { asAt: "2022-09-30" });
    expect(changed.risks.changed[0].cells[0]).toMatchObject({
      header: "Update Sep-22",
      oldText: "No change this month (meeting)",
      note: expect.stringMatching(/replaces the register's edit/),
    });
  });

  it("writes a new risk's update in the as-at month's column", () => {
    const p = plan(exportOf(["R-1", "August words"], ["R-9", "New risk words"]), [reg()], {
      asAt: "2022-09-30",
    });
    const added = p.risks.added.find((a) => a.label === "R-9")!;
    expect(added.cells.filter((c) => c.field === "update").map((c) => [c.header, c.newText])).toEqual([
      ["Update Sep-22", "New risk words"],
    ]);
  });

  it("notes a risk missing from the export in the as-at month's update cell (no status column)", () => {
    const p = plan(exportOf(["R-1", "August words"], ["R-3", "September so far"]), [reg()], {
      asAt: "2022-09-30",
    });
    const r2 = p.risks.missing.find((m) => m.label === "R-2")!;
    expect(r2.flag).toMatchObject({ header: "Update Sep-22", oldText: "" });
  });

  it("the register's columns as at the import's date name the as-at month's column the update is written to", () => {
    const cols = registerColumnsIn([reg()], "Register", undefined, "2022-09-30")!;
    expect(cols.fieldHeaders.get("update")).toBe("Update Sep-22");
    expect(cols.byMonth?.get("update")).toEqual({
      month: "Sep-22",
      column: { header: "Update Sep-22", letter: "L" },
    });
  });
});

describe("a register with no column for the as-at month", () => {
  const months = ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22"];
  const reg = () =>
    monthRegister(months, [
      ["R-1", "April", "May", "June", "July", "August words"],
      ["R-2", "April", "May", "June", "July", "August words"],
      ["R-3", "April", "May", "June", "July", null],
    ]);

  it("writes no update, leaves every month's cell as it was, and says which risks' updates were not written", () => {
    const p = plan(
      exportOf(["R-1", "September words"], ["R-2", "August words"], ["R-3", "September words"]),
      [reg()],
      { asAt: "2022-09-30" },
    );
    expect(p.risks.changed.flatMap((r) => r.cells).filter((c) => c.field === "update")).toEqual([]);
    const note = p.risks.notCarried.find((n) => n.field === "update")!;
    expect(note.header).toBe("Review Commentary");
    expect(note.records).toEqual(["R-1", "R-3"]);
    expect(note.reason).toMatch(/no column for Sep-22/);
    expect(note.reason).toMatch(/end at Aug-22/);
    expect(p.warnings).toEqual([
      expect.stringMatching(
        /no column for Sep-22 .*: the export's value for R-1 and R-3 was not written.*Add a column for Sep-22/,
      ),
    ]);
    expect(p.cellCount).toBe(0);
  });

  it("still imports the other fields of a risk whose update is not written", () => {
    const exp = [exportGrid([risk("R-1", { "Review Commentary": "September words", "Risk Score": 12 })])];
    const p = plan(exp, [reg()], { asAt: "2022-09-30" });
    expect(changedCells(p)).toEqual(["R-1 Risk Score F3: 12"]);
  });

  it("writes no update of a new risk either, naming it", () => {
    const p = plan(exportOf(["R-1", "August words"], ["R-9", "New risk words"]), [reg()], {
      asAt: "2022-09-30",
    });
    const added = p.risks.added.find((a) => a.label === "R-9")!;
    expect(added.cells.map((c) => c.field)).not.toContain("update");
    expect(p.risks.notCarried.find((n) => n.field === "update")?.records).toEqual(["R-9"]);
  });

  it("does not note a missing risk in an earlier month's update cell", () => {
    const p = plan(exportOf(["R-1", "August words"], ["R-3", "x"]), [reg()], { asAt: "2022-09-30" });
    const r2 = p.risks.missing.find((m) => m.label === "R-2")!;
    expect(r2.flag).toBeNull();
    expect(r2.noFlagReason).toMatch(/no column for Sep-22/);
  });

  it("says so where the months begin after the as-at month", () => {
    const later = monthRegister(["Oct-22", "Nov-22"], [["R-1", null, null]]);
    const p = plan(exportOf(["R-1", "September words"]), [later], { asAt: "2022-09-30" });
    expect(p.cellCount).toBe(0);
    expect(p.risks.notCarried.find((n) => n.field === "update")?.reason).toMatch(
      /no column for Sep-22.*begin at Oct-22/,
    );
  });

  it("the register's columns say the month has no column", () => {
    const cols = registerColumnsIn([reg()], "Register", undefined, "2022-09-30")!;
    expect(cols.byMonth?.get("update")).toEqual({
      month: "Sep-22",
      missing: expect.stringMatching(/Aug-22/),
    });
  });
});

describe("scores kept month by month", () => {
  const months = ["Jul-22", "Aug-22", "Sep-22"];
  const reg = () => {
    const header = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Review Commentary",
      ...months.map((m) => `Score ${m}`),
    ];
    return gridFromRows(
      "Register",
      [["Highways register"], header, ["R-1", "Title of R-1", "A. Officer", "Commentary R-1", 6, 9, null]],
      { origin: "council.xlsx" },
    );
  };

  it("writes the export's score in the as-at month's column, and counts its movement from the newest month", () => {
    const p = plan([exportGrid([risk("R-1", { "Risk Score": 12 })])], [reg()], { asAt: "2022-09-30" });
    expect(changedCells(p)).toEqual(["R-1 Score Sep-22 G3: 12"]);
    expect(p.movement.scoreUp).toEqual(["R-1"]);
  });

  it("writes nothing where the export's score is the newest month's", () => {
    const p = plan([exportGrid([risk("R-1", { "Risk Score": 9 })])], [reg()], { asAt: "2022-09-30" });
    expect(p.cellCount).toBe(0);
  });
});

describe("a column carried as it is", () => {
  it("is not carried into an earlier month's column of the same header", () => {
    const months = ["Jul-22", "Aug-22", "Sep-22"];
    const reg = monthRegister(months, [["R-1", "July", "August words", null]]);
    const headers = [...BASE, "Review Commentary", "Update Aug-22"];
    const exp = [
      exportGrid([["R-1", "Title of R-1", "A. Officer", 3, 3, 9, "Sep words", "IRIS August"]], headers),
    ];
    const mapping = mappingFor(exp);
    const carried = mapping.risks.columns.find((c) => c.header === "Update Aug-22")!;
    carried.field = null;
    carried.source = "none";
    expect(mapping.risks.columns.find((c) => c.header === "Review Commentary")?.field).toBe("update");
    const p = plan(exp, [reg], { asAt: "2022-09-30", mapping });
    expect(p.risks.changed.flatMap((r) => r.cells).map((c) => c.header)).toEqual(["Update Sep-22"]);
    expect(p.risks.notCarried.find((n) => n.header === "Update Aug-22")?.reason).toMatch(/Aug-22/);
  });
});
