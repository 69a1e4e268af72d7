// An import into a register that is an Excel table (SPEC "Writing files": Tables): the new risks go inside
// the table, above its Total row (rows inserted there, so Excel moves the Total row, its formula and every
// reference to it) or, with no Total row, the table is grown over them (Table.resize, ExcelApi 1.13; a
// warning where the host cannot); a failure after the insert leaves the register as it was.

import type { CellValue, Grid } from "../../src/core/model/grid";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { applyEdits } from "../../src/excel/apply-edits";
import { PlainError } from "../../src/excel/gateway";
import { readAllSheets } from "../../src/excel/read-sheets";
import { onSync } from "../../src/excel/run";
import type { FakeHost } from "../fakes/fake-excel";
import { registerGrid, risk } from "../core/merge/helpers";
import { install, planFromWorkbook as planFromWorkbookFully } from "./helpers";
import { copiedDown } from "../../src/files/xlsx/shift-row-refs";

const TOTAL_FORMULA = "=SUBTOTAL(109,[Risk Score])";
const OLD = () => [risk("HRC-001"), risk("HRC-002"), risk("HRC-003")];
const NEW = () => [...OLD(), risk("HRC-004"), risk("HRC-005")];

/**
 * The register (title in row 1, header in row 2, three risks) as the table "Risks" over A2:K5, or with
 * a Total row (row 6, its score a SUBTOTAL, a name on it) over A2:K6.
 */
function tableBook(opts: {
  totals: boolean;
  apiVersion?: string;
  plain?: boolean;
  /** Rows under the table (blank rows as []), as an officer leaves a note or a sign-off below it. */
  below?: CellValue[][];
  /**
   * The Risk Score (F) as the table's calculated column: this formula as for the first risk's row (3), copied
   * down its risks (each showing its score), and the column's formula that Excel fills into new table rows.
   */
  calculated?: string;
}): FakeHost {
  const g: Grid = registerGrid(OLD());
  const values: CellValue[][] = g.values.map((r) => [...r]);
  if (opts.totals) values.push(["Total", null, null, null, null, TOTAL_FORMULA]);
  values.push(...(opts.below ?? []));
  const host = install({
    apiVersion: opts.apiVersion ?? "1.13",
    sheets: [
      {
        name: "Register",
        values,
        numberFormats: g.numberFormats,
        tables: opts.plain
          ? []
          : [
              {
                name: "Risks",
                address: opts.totals ? "A2:K6" : "A2:K5",
                showTotals: opts.totals,
                ...(opts.calculated ? { calculatedColumns: { F: opts.calculated } } : {}),
              },
            ],
      },
    ],
    names: opts.totals ? [{ name: "RiskTotal", sheet: "Register", address: "F6" }] : [],
  });
  if (opts.calculated)
    for (const row of [2, 3, 4])
      host.sheet("Register").ensure(row, 5).formula = copiedDown(opts.calculated, row - 2);
  return host;
}

/** The edits of planning `exportRows` into the open workbook's register. */
const planFromWorkbook = async (exportRows: CellValue[][]): Promise<WorkbookEdits> =>
  (await planFromWorkbookFully(exportRows)).edits;

const sheetOf = (host: FakeHost, name: string) => host.snapshot().sheets.find((s) => s.name === name)!;
const nameValue = (host: FakeHost, name: string) => host.snapshot().names.find((n) => n.name === name)?.value;

/** Syncs of one import of NEW() into `host`. */
async function importSyncs(host: FakeHost): Promise<number> {
  const edits = await planFromWorkbook(NEW());
  host.resetStats();
  await applyEdits(edits);
  return host.stats().syncs;
}

describe("applyEdits into a register that is an Excel table", () => {
  it("puts the new risks inside the table above its Total row: the Total row, its formula and its name move down, the table grows, nothing else changes", async () => {
    const host = tableBook({ totals: true });
    const before = sheetOf(host, "Register");
    const edits = await planFromWorkbook(NEW());
    expect(edits.totalsRowMoves).toEqual([{ sheet: "Register", row: 5, by: 2 }]);
    host.resetStats();
    const result = await applyEdits(edits);
    const syncs = host.stats().syncs;

    const after = sheetOf(host, "Register");
    expect(after.tables).toEqual([{ name: "Risks", address: "A2:K8", showTotals: true }]);
    // The rows above are as they were; the new risks are in rows 6–7; the Total row is row 8.
    expect(after.values.slice(0, 5)).toEqual(before.values.slice(0, 5));
    expect(after.values.slice(5, 7).map((r) => r[0])).toEqual(["HRC-004", "HRC-005"]);
    expect(after.values[7]).toEqual(before.values[5]);
    expect(after.formulas).toEqual({ F8: TOTAL_FORMULA });
    expect(nameValue(host, "RiskTotal")).toBe("Register!F8");
    expect(result.warnings).toEqual([]);
    // Read again, the Total row is still the table's, and not a risk.
    const reread = (await readAllSheets()).find((g) => g.sheetName === "Register")!;
    expect(reread.totalsRows).toEqual([7]);

    // The same import into the same register as a plain range takes as many syncs: the insert rides in
    // the backup's sync.
    expect(await importSyncs(tableBook({ totals: false, plain: true }))).toBe(syncs);
  });

  it("grows a table with no Total row over the new risks written below it (Table.resize, in the cells' sync)", async () => {
    const host = tableBook({ totals: false });
    const syncs = await importSyncs(host);
    const after = sheetOf(host, "Register");
    expect(after.tables).toEqual([{ name: "Risks", address: "A2:K7", showTotals: false }]);
    expect(after.values.slice(5, 7).map((r) => r[0])).toEqual(["HRC-004", "HRC-005"]);
    expect(await importSyncs(tableBook({ totals: false, plain: true }))).toBe(syncs);
  });

  it("on a host without Table.resize (below ExcelApi 1.13), writes the rows below the table and says how to include them", async () => {
    const host = tableBook({ totals: false, apiVersion: "1.9" });
    const result = await applyEdits(await planFromWorkbook(NEW()));
    expect(sheetOf(host, "Register").tables[0].address).toBe("A2:K5");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^"Register": the new rows \(rows 6–7\) were written directly below the table "Risks".*ExcelApi 1\.13.*Table Design > Resize Table, and enter A2:K7\.$/,
    );
  });

  it.each([
    ["the cells", "apply: backup", /writing the changed cells/],
    ["the log, after the new risks were written", "apply: cells", /Import Log/],
  ])(
    "a write of %s failing after the rows were inserted: they are deleted, the register is as it was",
    async (_what, after, step) => {
      const host = tableBook({ totals: true });
      const before = sheetOf(host, "Register");
      const edits = await planFromWorkbook(NEW());
      const stop = onSync((e) => {
        if (e.label === after && e.ok) host.failNextSync("GeneralException");
      });
      const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
      stop();
      expect(error).toBeInstanceOf(PlainError);
      expect(error.code).toBe("import-rolled-back");
      expect(error.message).toMatch(step);
      expect(sheetOf(host, "Register")).toEqual(before);
      expect(nameValue(host, "RiskTotal")).toBe("Register!F6");
    },
  );

  it("a log write failing after a table was grown: the table is resized back and the register is as it was", async () => {
    const host = tableBook({ totals: false });
    const before = sheetOf(host, "Register");
    const edits = await planFromWorkbook(NEW());
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok) host.failNextSync("GeneralException");
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(error.code).toBe("import-rolled-back");
    const after = sheetOf(host, "Register");
    expect(after.tables).toEqual(before.tables);
    expect(after.values).toEqual(before.values);
    // Formats inside the old used range are as they were (rows emptied below it keep the formats the
    // import gave them, as for any register: a clear of all would take conditional formats off them too).
    for (const [a, f] of Object.entries(before.numberFormats)) expect(after.numberFormats[a]).toBe(f);
  });

  it("moves the Total row down into the blank rows under it when a note stands below them: the note does not move", async () => {
    // rv-imp30 (decision 4): two blank rows (7–8), then a note (row 9); two new risks take rows 6–7, the Total
    // row moves to row 8, and the note stays on row 9 (the insert at the Total row is undone below it).
    const host = tableBook({ totals: true, below: [[], [], ["Checked by finance"]] });
    const before = sheetOf(host, "Register");
    const edits = await planFromWorkbook(NEW());
    expect(edits.totalsRowMoves).toEqual([{ sheet: "Register", row: 5, by: 2, intoBlankRows: true }]);
    const result = await applyEdits(edits);
    const after = sheetOf(host, "Register");
    expect(after.tables).toEqual([{ name: "Risks", address: "A2:K8", showTotals: true }]);
    expect(after.values.slice(0, 5)).toEqual(before.values.slice(0, 5));
    expect(after.values.slice(5, 7).map((r) => r[0])).toEqual(["HRC-004", "HRC-005"]);
    expect(after.values[7]).toEqual(before.values[5]);
    expect(after.values[8]).toEqual(before.values[8]);
    expect(after.formulas).toEqual({ F8: TOTAL_FORMULA });
    expect(nameValue(host, "RiskTotal")).toBe("Register!F8");
    expect(result.warnings).toEqual([]);
  });

  it("a log write failing after the Total row moved into the blank rows: the register is as it was", async () => {
    const host = tableBook({ totals: true, below: [[], [], ["Checked by finance"]] });
    const before = sheetOf(host, "Register");
    const edits = await planFromWorkbook(NEW());
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok) host.failNextSync("GeneralException");
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(error.code).toBe("import-rolled-back");
    expect(sheetOf(host, "Register")).toEqual(before);
    expect(nameValue(host, "RiskTotal")).toBe("Register!F6");
  });

  it("a register whose last rows are a CLOSED RISKS section: the pane heads the new risks as the command line does", async () => {
    // rv-imp30 (decision 7): one planner for both. The new risks would stand under "CLOSED RISKS" (row 6), so
    // "New risks – IRIS import 10/10/2022" goes on row 8 above them (rows 9–10), logged as a new row.
    const closed = registerGrid([risk("HRC-009", { "Risk Status": "Closed" })]).values[2];
    const host = tableBook({ totals: false, plain: true, below: [["CLOSED RISKS"], closed] });
    const { plan, edits } = await planFromWorkbookFully(NEW());
    expect(plan.risks.heading).toMatchObject({ row: 7, text: "New risks – IRIS import 10/10/2022" });
    await applyEdits(edits);
    const after = sheetOf(host, "Register");
    expect(after.values.slice(7, 10).map((r) => r[0])).toEqual([
      "New risks – IRIS import 10/10/2022",
      "HRC-004",
      "HRC-005",
    ]);
    const reread = (await readAllSheets()).find((g) => g.sheetName === "Register")!;
    expect(reread.values[5][0]).toBe("CLOSED RISKS");
  });

  it("refuses before the backup when the Total row is no longer where the import was planned", async () => {
    const host = tableBook({ totals: true });
    const edits = await planFromWorkbook(NEW());
    host.insertRows("Register", 3, 1); // a co-author adds a row inside the table
    const names = host.snapshot().sheets.map((s) => s.name);
    await expect(applyEdits(edits)).rejects.toThrow(
      /table on the sheet "Register" no longer has its Total row at row 6.*nothing was imported/,
    );
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(names);
  });
});

describe("applyEdits into a table whose Risk Score is a calculated column (SPEC 'Formulas', as the command line does)", () => {
  // The command line gives a new table row the table column's formula (calculatedColumnFormula), the export's
  // score kept only as its saved result; the pane wrote the export's 9 over the formula Excel fills into a row
  // inserted at the Total row, and wrote 9 under a table it then grew. Each new risk's score is now the
  // column's formula for its row, as Excel's own Insert Table Row gives it.
  const A1 = "=D3*E3";
  const STRUCTURED = "=[@[Current Likelihood]]*[@[Current Impact]]";
  const formulasOfNewRows = (host: FakeHost) => {
    const f = sheetOf(host, "Register").formulas;
    return { F6: f.F6, F7: f.F7 };
  };

  it.each([
    ["rows inserted at its Total row", true, A1, { F6: "=D6*E6", F7: "=D7*E7" }],
    ["a table grown over rows written below it (Table.resize)", false, A1, { F6: "=D6*E6", F7: "=D7*E7" }],
    [
      "rows inserted at its Total row, structured references",
      true,
      STRUCTURED,
      { F6: STRUCTURED, F7: STRUCTURED },
    ],
    [
      "a table grown over rows below it, structured references",
      false,
      STRUCTURED,
      { F6: STRUCTURED, F7: STRUCTURED },
    ],
  ])(
    "%s: each new risk's score is the column's formula for its row, not the export's value",
    async (_what, totals, formula, expected) => {
      const host = tableBook({ totals, calculated: formula });
      const before = sheetOf(host, "Register");
      const edits = await planFromWorkbook(NEW());
      // The plan still writes the export's score there (and logs it), as the command line's plan does.
      expect(edits.cells.filter((c) => c.col === 5 && c.row >= 5).map((c) => c.value)).toEqual([9, 9]);
      host.resetStats();
      const result = await applyEdits(edits);
      const syncs = host.stats().syncs;
      const after = sheetOf(host, "Register");
      expect(formulasOfNewRows(host)).toEqual(expected);
      // The old risks' formulas are as they were; the new risks' other cells are written.
      for (const a of ["F3", "F4", "F5"]) expect(after.formulas[a]).toBe(before.formulas[a]);
      expect(after.values.slice(5, 7).map((r) => [r[0], r[3], r[4]])).toEqual([
        ["HRC-004", 3, 3],
        ["HRC-005", 3, 3],
      ]);
      expect(after.tables[0].address).toBe(totals ? "A2:K8" : "A2:K7");
      expect(result.warnings).toEqual([]);
      // No sync more than the same import into a table without a calculated column.
      expect(await importSyncs(tableBook({ totals }))).toBe(syncs);
    },
  );

  it("guard: a column whose first and last risks hold different formulas is no calculated column: the export's value is written", async () => {
    const host = tableBook({ totals: false });
    host.sheet("Register").ensure(2, 5).formula = "=D3*E3";
    host.sheet("Register").ensure(4, 5).formula = "=D5+E5+3";
    await applyEdits(await planFromWorkbook(NEW()));
    const after = sheetOf(host, "Register");
    expect([after.formulas.F6, after.formulas.F7]).toEqual([undefined, undefined]);
    expect(after.values.slice(5, 7).map((r) => r[5])).toEqual([9, 9]);
  });

  it("guard: on a host that cannot resize the table, the rows below it are outside it: their scores are the export's values", async () => {
    const host = tableBook({ totals: false, calculated: A1, apiVersion: "1.9" });
    const result = await applyEdits(await planFromWorkbook(NEW()));
    const after = sheetOf(host, "Register");
    expect([after.formulas.F6, after.formulas.F7]).toEqual([undefined, undefined]);
    expect(after.values.slice(5, 7).map((r) => r[5])).toEqual([9, 9]);
    expect(result.warnings).toHaveLength(1);
  });

  it("a log write failing after the table was grown and its new rows given the formula: the register is as it was", async () => {
    const host = tableBook({ totals: false, calculated: A1 });
    const before = sheetOf(host, "Register");
    const edits = await planFromWorkbook(NEW());
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok) host.failNextSync("GeneralException");
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(error.code).toBe("import-rolled-back");
    const after = sheetOf(host, "Register");
    expect(after.tables).toEqual(before.tables);
    expect(after.values).toEqual(before.values);
    expect(after.formulas).toEqual(before.formulas);
  });
});
