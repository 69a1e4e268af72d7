// Review (rev-b): wrong values an officer would meet in an import's plan — a month-first export column read
// day-first, a date in a column carried as it is written as a bare serial, and the same money amount shown as
// a change that replaces the register's number with text. Each test failed when written.

import type { CellValue, Grid } from "../../../src/core/model/grid";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import { isDateFormat } from "../../../src/core/parse";
import { EXPORT_HEADERS, exportGrid, plan, registerGrid, REGISTER_HEADERS, risk } from "./helpers";

const LAST_REVIEW_COL = REGISTER_HEADERS.indexOf("Date of Last Review");
/** Excel serials: 30/09/2022 and 05/10/2022 (1900 date system). */
const SEP_30 = 44834;
const OCT_5 = 44839;

describe("a month-first export column (SPEC Values: Dates)", () => {
  // SPEC "Values", Dates: "A column in which some value can only be month-first (`09/30/2022`) and none can
  // only be day-first is read month-first as a whole" — and "UK day-first … (never month-first)" otherwise.
  const reg = registerGrid([risk("R-1"), risk("R-2")]);
  const exp = exportGrid([
    risk("R-1", { "Date of Last Review": "09/30/2022" }),
    risk("R-2", { "Date of Last Review": "10/05/2022" }),
  ]);

  it("writes 10/05/2022 in a column that also holds 09/30/2022 as 5 October 2022, not 10 May 2022", () => {
    const p = plan([exp], [reg]);
    const r2 = p.risks.changed.find((r) => r.label === "R-2");
    const cell = r2?.cells.find((c) => c.col === LAST_REVIEW_COL);
    expect(cell?.new).toBe(OCT_5);
    expect(cell?.newText).toBe("05/10/2022");
  });

  it("writes 09/30/2022 as the date 30 September 2022, not as text", () => {
    const p = plan([exp], [reg]);
    const r1 = p.risks.changed.find((r) => r.label === "R-1");
    const cell = r1?.cells.find((c) => c.col === LAST_REVIEW_COL);
    expect(cell?.new).toBe(SEP_30);
  });
});

/** The helpers' register and export with one more column at the end (register formats per column index). */
function withExtra(
  header: string,
  regValue: CellValue,
  expValues: [string, CellValue][],
  formats: { reg?: string; exp?: string } = {},
): { reg: Grid; exp: Grid; col: number } {
  const reg = registerGrid([risk("R-1")]);
  const col = REGISTER_HEADERS.length;
  reg.values[1] = [...REGISTER_HEADERS, header];
  reg.values[2] = [...reg.values[2], regValue];
  reg.numberFormats = reg.values.map((r, i) =>
    r.map((_, c) =>
      i >= 2 && c === LAST_REVIEW_COL ? "dd/mm/yyyy" : i >= 2 && c === col ? (formats.reg ?? null) : null,
    ),
  );
  const base = exportGrid(expValues.map(([id]) => risk(id)));
  const expCol = EXPORT_HEADERS.length;
  base.values[2] = [...EXPORT_HEADERS, header];
  expValues.forEach(([, v], i) => (base.values[3 + i] = [...base.values[3 + i], v]));
  base.numberFormats = base.values.map((r, i) =>
    r.map((_, c) =>
      i >= 3 && c === EXPORT_HEADERS.indexOf("Date of Last Review")
        ? "dd/mm/yyyy"
        : i >= 3 && c === expCol
          ? (formats.exp ?? null)
          : null,
    ),
  );
  return { reg, exp: base, col };
}

describe("a date in an export column carried as it is", () => {
  // SPEC "Owned tabs"/"Values": dates are Excel serials with a date number format; the review brief: dates
  // written back with the right types. An officer reading "44652" where IRIS said 01/04/2022 has lost the date.
  const APR_1 = 44652;

  it("is written to the register as a date (a date number format), and shown and logged as 01/04/2022", () => {
    const { reg, exp, col } = withExtra(
      "Contract Start",
      "TBC",
      [
        ["R-1", APR_1],
        ["R-2", APR_1],
      ],
      { exp: "dd/mm/yyyy" },
    );
    const p = plan([exp], [reg]);
    expect(p.risks.notCarried.map((n) => n.header)).not.toContain("Contract Start");
    const edits = toWorkbookEdits(p);
    const after = applyEditsToGrids([reg], edits)[0];
    for (const row of [2, 3]) {
      expect(after.values[row][col]).toBe(APR_1);
      expect(isDateFormat(after.numberFormats?.[row]?.[col])).toBe(true);
    }
    const logged = edits.logAppends[0].rows.filter((r) => r[5] === "Contract Start").map((r) => r[7]);
    expect(logged).toEqual(["01/04/2022", "01/04/2022"]);
  });
});

describe("the same money amount in the register and the export", () => {
  // SPEC "Imports": "Values are compared as text … so a re-import shows no changes"; SPEC "Values", Money:
  // `120,000` and "a number in a money-formatted cell" are the same amount. The register's £120,000 (a number
  // formatted "£"#,##0, shown as £120,000) and IRIS's "£120,000" (a CSV export) are no change; writing the
  // text over the number would also drop it from the officer's totals ("Numbers … stay numbers").
  it("is no change, and the register keeps its number", () => {
    const { reg, exp } = withExtra("Financial Impact (£)", 120000, [["R-1", "£120,000"]], {
      reg: '"£"#,##0',
    });
    const p = plan([{ ...exp, origin: "iris.csv" }], [reg]);
    expect(
      p.risks.changed.flatMap((r) => r.cells.map((c) => `${c.cell}: ${c.oldText} → ${c.newText}`)),
    ).toEqual([]);
    expect(p.cellCount).toBe(0);
  });
});
