// Table-driven tests of the import planner: re-import is a no-op, council columns survive, removed risks are
// flagged, formula-looking text stays text, bad exports end in plain problems.

import { formulaKey, gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import { planImport } from "../../../src/core/merge/plan-import";
import { proposeImportMapping } from "../../../src/core/merge/propose-mapping";
import { toWorkbookEdits, IMPORT_LOG_HEADER } from "../../../src/core/merge/to-workbook-edits";
import type { ImportPlan } from "../../../src/core/merge/types";
import {
  EXPORT_HEADERS,
  exportGrid,
  mappingFor,
  plan,
  registerGrid,
  REGISTER_HEADERS,
  risk,
  SEP_1,
  type Row,
} from "./helpers";

const COUNCIL_NOTES_COL = REGISTER_HEADERS.indexOf("Council Notes");
const STATUS_COL = REGISTER_HEADERS.indexOf("Risk Status");

/** Imports `exp` into `wb`, then imports it again into the result: returns both plans. */
function importTwice(exp: Grid[], wb: Grid[]): { first: ImportPlan; second: ImportPlan; after: Grid[] } {
  const first = plan(exp, wb);
  const after = applyEditsToGrids(wb, toWorkbookEdits(first));
  const second = plan(exp, after);
  return { first, second, after };
}

describe("import then re-import gives no changes", () => {
  const cases: [string, Row[], Row[]][] = [
    ["identical", [risk("R-1"), risk("R-2")], [risk("R-1"), risk("R-2")]],
    [
      "changed cells",
      [risk("R-1"), risk("R-2")],
      [risk("R-1", { "Risk Score": 16, "Current Impact": 4 }), risk("R-2", { "Risk Owner": "B. Officer" })],
    ],
    ["new risks", [risk("R-1")], [risk("R-1"), risk("R-9"), risk("R-10")]],
    ["a risk missing from the export", [risk("R-1"), risk("R-2")], [risk("R-1")]],
    [
      "formula-looking text",
      [risk("R-1")],
      [risk("R-1", { "Review Commentary": "=SUM(A1)", "Risk Owner": "@team", "Risk Title": "-5" })],
    ],
    [
      "escaped formula text",
      [risk("R-1")],
      [risk("R-1", { "Review Commentary": '\'=HYPERLINK("x")', "Risk Title": "'+44 7700 900123" })],
    ],
    ["text dates", [risk("R-1")], [risk("R-1", { "Date of Last Review": "05/10/2022" })]],
    ["ids folded (case and spaces)", [risk("R-1")], [risk("  r-1 ", { "Risk Score": 12 })]],
  ];
  it.each(cases)("%s", (_name, registerRows, exportRows) => {
    const { first, second } = importTwice([exportGrid(exportRows)], [registerGrid(registerRows)]);
    expect(first.cellCount).toBeGreaterThanOrEqual(0);
    expect(second.cellCount).toBe(0);
    expect(second.risks.added).toEqual([]);
    expect(second.risks.changed).toEqual([]);
    expect(toWorkbookEdits(second)).toEqual({ copies: [], cells: [], logAppends: [], ownedTabs: [] });
  });

  it("identical data writes nothing at all, even the first time", () => {
    const p = plan([exportGrid([risk("R-1")])], [registerGrid([risk("R-1")])]);
    expect(p.cellCount).toBe(0);
    expect(p.risks.unchanged).toBe(1);
    expect(toWorkbookEdits(p).copies).toEqual([]);
  });
});

describe("council-only columns survive", () => {
  it.each([
    ["changed risk", [risk("R-1", { "Risk Score": 20 })]],
    ["new risk", [risk("R-1"), risk("R-2")]],
    ["missing risk", [] as Row[]],
  ])("no edit touches Council Notes (%s)", (_name, rows) => {
    const reg = registerGrid([risk("R-1")], ["Keep me"]);
    const exp = exportGrid(rows.length ? rows : [risk("R-5")]);
    const edits = toWorkbookEdits(plan([exp], [reg]));
    expect(edits.cells.length).toBeGreaterThan(0);
    expect(edits.cells.filter((c) => c.sheet === "Register" && c.col === COUNCIL_NOTES_COL)).toEqual([]);
    const after = applyEditsToGrids([reg], edits);
    expect(after[0].values[2][COUNCIL_NOTES_COL]).toBe("Keep me");
  });

  it("a blank in the export never clears a register cell", () => {
    const p = plan(
      [exportGrid([risk("R-1", { "Risk Owner": null, "Review Commentary": "" })])],
      [registerGrid([risk("R-1")])],
    );
    expect(p.cellCount).toBe(0);
  });
});

describe("removed risks are flagged, not deleted", () => {
  it.each<[string, CellValue, CellValue]>([
    ["open risk", "Open", "Open (not in IRIS export of 10/10/2022)"],
    ["blank status", null, "Not in IRIS export of 10/10/2022"],
  ])("%s gets a status note", (_name, status, note) => {
    const reg = registerGrid([risk("R-1"), risk("R-2", { "Risk Status": status })]);
    const p = plan([exportGrid([risk("R-1")])], [reg]);
    expect(p.risks.missing).toHaveLength(1);
    expect(p.risks.missing[0].flag).toMatchObject({ cell: "H4", old: status, new: note });
    const edits = toWorkbookEdits(p);
    const after = applyEditsToGrids([reg], edits);
    expect(after[0].values).toHaveLength(reg.values.length); // no row removed
    expect(after[0].values[3][0]).toBe("R-2");
    expect(after[0].values[3][STATUS_COL]).toBe(note);
  });

  it("a closed risk missing from the export is left alone", () => {
    const reg = registerGrid([risk("R-1"), risk("R-2", { "Risk Status": "Closed" })]);
    const p = plan([exportGrid([risk("R-1")])], [reg]);
    expect(p.risks.missing).toMatchObject([{ label: "R-2", flag: null, noFlagReason: "closed" }]);
    expect(p.cellCount).toBe(0);
  });
});

describe("formula-looking text stays text, numbers stay numbers", () => {
  it.each<[string, CellValue, CellValue]>([
    ["=SUM(A1)", "=SUM(A1)", "=SUM(A1)"],
    ["+44 7700", "+44 7700 900123", "+44 7700 900123"],
    ["-5 as text", "-5", "-5"],
    ["-5 as a number", -5, -5],
    ["@user", "@user", "@user"],
    ["tab", "\tcmd", "\tcmd"],
    ["an export's own escape", "'=1+1", "=1+1"],
  ])("%s", (_name, exported, written) => {
    const p = plan(
      [exportGrid([risk("R-1"), risk("R-2", { "Review Commentary": exported })])],
      [registerGrid([risk("R-1")])],
    );
    const cell = p.risks.added[0].cells.find((c) => c.header === "Review Commentary");
    expect(cell?.new).toStrictEqual(written);
  });
});

describe("dates", () => {
  it("writes a new risk's date as a serial with a date format; a text date counts as the same day", () => {
    const p = plan(
      [exportGrid([risk("R-2", { "Date of Last Review": "1 September 2022" })])],
      [registerGrid([risk("R-1")])],
    );
    const cell = p.risks.added[0].cells.find((c) => c.field === "lastUpdated");
    expect(cell).toMatchObject({ new: SEP_1, format: "dd/mm/yyyy", newText: "01/09/2022" });
    const same = plan(
      [exportGrid([risk("R-1", { "Date of Last Review": "01/09/2022" })])],
      [registerGrid([risk("R-1")])],
    );
    expect(same.cellCount).toBe(0);
  });

  it("keeps a month-only date as the text it was", () => {
    const p = plan(
      [exportGrid([risk("R-2", { "Date of Last Review": "Sept 2022" })])],
      [registerGrid([risk("R-1")])],
    );
    expect(p.risks.added[0].cells.find((c) => c.field === "lastUpdated")?.new).toBe("Sept 2022");
  });
});

describe("bad exports end in a plain problem naming the file, sheet and rows", () => {
  const base = {
    workbookGrids: [registerGrid([risk("R-1")])],
    targetRegister: "Register",
    settings: defaultSettings(),
    asAt: "2022-10-10",
    fileName: "iris.xlsx",
  };
  it.each<[string, Row[], string, RegExp]>([
    [
      "same id twice",
      [risk("R-1"), risk("R-2"), risk("R-1")],
      "duplicate-ids",
      /"iris.xlsx", sheet "IRIS Risks".*"R-1" \(rows 4 and 6\)/,
    ],
    ["same id after folding", [risk("R-1"), risk(" r-1")], "duplicate-ids", /rows 4 and 5/],
    ["no ids at all", [risk(""), risk("")], "empty-export", /holds no risks with an id/],
  ])("%s", (_name, rows, code, message) => {
    const exp = [exportGrid(rows)];
    const r = planImport({ ...base, exportGrids: exp, mapping: mappingFor(exp) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe(code);
      expect(r.problem.message).toMatch(message);
    }
  });

  it("no recognisable id column", () => {
    const headers = EXPORT_HEADERS.map((h) => (h === "Risk ID" ? "Colour" : h));
    const r = proposeImportMapping([exportGrid([risk("R-1")], headers)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: "no-id-column", sheet: "IRIS Risks" });
  });

  it("a sheet of something else", () => {
    const r = proposeImportMapping([
      gridFromRows(
        "Sheet1",
        [
          ["Name", "Colour"],
          ["a", "b"],
        ],
        { origin: "x.csv" },
      ),
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/"x.csv" has no sheet of risks .* Sheets seen: "Sheet1"/);
  });

  it("an unknown target register", () => {
    const exp = [exportGrid([risk("R-1")])];
    const r = planImport({ ...base, exportGrids: exp, mapping: mappingFor(exp), targetRegister: "Nope" });
    expect(!r.ok && r.problem.code).toBe("no-register");
  });
});

describe("edits", () => {
  const reg = registerGrid([risk("R-1"), risk("R-2")]);
  const p = plan([exportGrid([risk("R-1", { "Risk Score": 12 }), risk("R-3")])], [reg], {
    importedAt: "2022-10-10 14:05",
  });
  const edits = toWorkbookEdits(p);

  it("backs up the register first under a dated owned name", () => {
    expect(edits.copies).toEqual([{ from: "Register", to: "Backup Register 2022-10-10" }]);
    const again = toWorkbookEdits(
      plan([exportGrid([risk("R-1", { "Risk Score": 15 })])], applyEditsToGrids([reg], edits)),
    );
    expect(again.copies[0].to).toBe("Backup Register 2022-10-10 (2)");
  });

  it("appends new risks below the last row and logs one row per cell", () => {
    expect(p.risks.added[0].row).toBe(4);
    const log = edits.logAppends[0];
    expect(log.header).toEqual(IMPORT_LOG_HEADER);
    expect(log.rows).toHaveLength(edits.cells.length);
    // When is an Excel date and time: 10/10/2022 is serial 44844, 14:05 is 845 minutes into it.
    const when = 44844 + 845 / 1440;
    expect(log.rows[log.rows.length - 1]).toEqual([
      when,
      "iris.xlsx",
      "Register",
      "R-2",
      "",
      "Risk Status",
      "Open",
      "Open (not in IRIS export of 10/10/2022)",
      null,
    ]);
    expect(log.rows).toContainEqual([
      when,
      "iris.xlsx",
      "Register",
      "R-1",
      "",
      "Risk Score",
      "9",
      "12",
      null,
    ]);
    // A log tab made before the Note column carries a note in the Field; one made before the Action ID
    // column gets the same rows in its own layout.
    expect(log.earlier?.[0].header).toEqual(IMPORT_LOG_HEADER.slice(0, -1));
    expect(log.earlier?.[1].header).toEqual(["When", "File", "Register", "Risk ID", "Field", "Old", "New"]);
    expect(log.earlier?.[1].rows).toContainEqual([
      when,
      "iris.xlsx",
      "Register",
      "R-1",
      "Risk Score",
      "9",
      "12",
    ]);
    expect(log.template?.rows[0][0]).toBe("Import Log");
  });
});

describe("columns carried as they are", () => {
  it("go to the register column with the same header, else are reported as not carried", () => {
    const exp = [
      exportGrid(
        [risk("R-1", { "Review Commentary": "new words" })],
        EXPORT_HEADERS.concat("Contractor Ref"),
      ),
    ];
    const mapping = mappingFor(exp);
    const commentary = mapping.risks.columns.find((c) => c.header === "Review Commentary")!;
    commentary.field = null;
    commentary.source = "none";
    const r = planImport({
      exportGrids: exp,
      mapping,
      workbookGrids: [registerGrid([risk("R-1")])],
      targetRegister: "Register",
      settings: defaultSettings(),
      asAt: "2022-10-10",
      fileName: "iris.xlsx",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.risks.changed[0].cells).toMatchObject([
      { header: "Review Commentary", field: null, new: "new words" },
    ]);
    expect(r.value.risks.notCarried).toMatchObject([{ header: "Contractor Ref", field: null }]);
  });
});

describe("movement", () => {
  it("new, closed, score up and down, strategy changed", () => {
    const reg = registerGrid([risk("R-1"), risk("R-2"), risk("R-3"), risk("R-4"), risk("R-5")]);
    const exp = exportGrid([
      risk("R-1", { "Risk Score": 16, "Current Impact": 4, "Current Likelihood": 4 }),
      risk("R-2", { "Risk Score": 4, "Current Impact": 2, "Current Likelihood": 2 }),
      risk("R-3", { "Risk Status": "Closed" }),
      risk("R-4", { "Risk Response Strategy": "Tolerate" }),
      risk("R-5", { "Risk Response Strategy": "Treat - reduce" }),
      risk("R-6"),
    ]);
    expect(plan([exp], [reg]).movement).toEqual({
      since: "2022-10-10",
      newRisks: ["R-6"],
      closed: ["R-3"],
      scoreUp: ["R-1"],
      scoreDown: ["R-2"],
      strategyChanged: ["R-4"],
    });
  });
});

describe("formulas the import makes out of date (README review 28)", () => {
  const SCORE_COL = REGISTER_HEADERS.indexOf("Risk Score");
  /** The register with its Risk Score cells formulas (their saved results 9), as the file reader marks them. */
  const formulaScores = (): Grid => {
    const reg = registerGrid([risk("R-1"), risk("R-2")]);
    return { ...reg, formulas: new Set([formulaKey(2, SCORE_COL), formulaKey(3, SCORE_COL)]) };
  };

  it("drops the saved result of a score formula whose likelihood changed, and counts the rise", () => {
    const reg = formulaScores();
    const exp = exportGrid([risk("R-1", { "Current Likelihood": 4, "Risk Score": 12 }), risk("R-2")]);
    const p = plan([exp], [reg]);
    expect(
      p.risks.changed.map((r) => [r.label, r.recalculated?.map((c) => [c.cell, c.field, c.old])]),
    ).toEqual([["R-1", [["F3", "score", 9]]]]);
    // The score cell itself is a formula, kept: the export's 12 is not written.
    expect(p.risks.notWritten.map((n) => [n.cell, n.reason])).toEqual([["F3", "kept-formula"]]);
    expect(p.movement.scoreUp).toEqual(["R-1"]);
    const edits = toWorkbookEdits(p);
    expect(edits.recalculated).toEqual([{ sheet: "Register", row: 2, col: SCORE_COL }]);
    const after = applyEditsToGrids([reg], edits).find((g) => g.sheetName === "Register")!;
    expect(after.values[2][SCORE_COL]).toBeNull();
    expect(after.formulas?.has(formulaKey(2, SCORE_COL))).toBe(true);
    expect(after.values[3][SCORE_COL]).toBe(9);
  });

  it("leaves a score formula whose inputs did not change as it was", () => {
    const exp = exportGrid([risk("R-1", { "Risk Owner": "B. Officer" }), risk("R-2")]);
    const p = plan([exp], [formulaScores()]);
    expect(p.risks.changed.map((r) => [r.label, r.recalculated])).toEqual([["R-1", undefined]]);
    expect(toWorkbookEdits(p).recalculated).toBeUndefined();
  });
});

describe("placeholders in the export", () => {
  it.each(["TBC", "N/A", "#N/A", "-"])(
    "an export's %s never replaces what the register holds, and a new risk keeps it as written",
    (placeholder) => {
      const p = plan(
        [
          exportGrid([
            risk("R-1", { "Risk Owner": placeholder }),
            risk("R-2", { "Risk Owner": placeholder }),
          ]),
        ],
        [registerGrid([risk("R-1", { "Risk Owner": "Bob Jones" })])],
      );
      expect(p.risks.changed).toEqual([]);
      expect(p.risks.unchanged).toBe(1);
      const owner = p.risks.added[0].cells.find((c) => c.header === "Risk Owner");
      expect(owner?.new).toBe(placeholder);
    },
  );
});
