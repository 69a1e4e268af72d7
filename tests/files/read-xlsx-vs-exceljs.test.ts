// readXlsx against exceljs's own reading of every real workbook we have: same sheets, values, formats and merges.

import { readdirSync, readFileSync } from "fs";
import path from "path";
import type { Worksheet } from "exceljs";
import { cellAt, formatAt, type Grid } from "../../src/core/model/grid";
import { readXlsx } from "../../src/files/read-xlsx";
import { convertCellValue } from "./convert-cell-value";
import { EXTERNAL_FIXTURES, loadWithExcelJs, SEED_FIXTURES } from "./helpers";

const files = [
  ...readdirSync(EXTERNAL_FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(EXTERNAL_FIXTURES, f)),
  path.join(SEED_FIXTURES, "improvement-plan-close-out-v2.xlsx"),
];

interface Expected {
  row: number;
  col: number;
  value: unknown;
  format: string | null;
  /** exceljs drops a formula's falsy cached result (0, FALSE); the reader keeps it. */
  falsyFormula: boolean;
}

/** What the exceljs-based reader made of one sheet: its non-empty cells (merged-over ones left out) and merges. */
function expectedCells(ws: Worksheet): { cells: Expected[]; merges: string[] } {
  const cells: Expected[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const own = cell.numFmt || undefined;
      const conv = convertCellValue(cell.value, own);
      const isFormula = cell.formula !== undefined && cell.formula !== null;
      if (conv.value === null && !isFormula) return;
      cells.push({
        row: r - 1,
        col: c - 1,
        value: conv.value,
        format: conv.dateFormat ?? (own && own !== "General" ? own : null),
        falsyFormula: isFormula && conv.value === null,
      });
    });
  });
  const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {});
  return { cells, merges };
}

describe.each(files.map((f) => [path.basename(f), f]))("%s", (_name, file) => {
  let grids: Grid[];
  let sheets: Worksheet[];

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(file));
    grids = await readXlsx(bytes, path.basename(file));
    sheets = (await loadWithExcelJs(bytes)).worksheets;
  });

  it("has the same sheets, in order, with the same visibility", () => {
    expect(grids.map((g) => [g.sheetName, g.hidden ?? false])).toEqual(
      sheets.map((ws) => [ws.name, ws.state === "hidden" || ws.state === "veryHidden"]),
    );
  });

  it("has every value and format exceljs read, and nothing else", () => {
    grids.forEach((grid, i) => {
      const { cells } = expectedCells(sheets[i]);
      let count = 0;
      for (const e of cells) {
        const got = cellAt(grid, e.row, e.col);
        if (e.falsyFormula) {
          expect([null, 0, false, ""]).toContain(got);
        } else {
          expect([grid.sheetName, e.row, e.col, got]).toEqual([grid.sheetName, e.row, e.col, e.value]);
          expect([grid.sheetName, e.row, e.col, formatAt(grid, e.row, e.col)]).toEqual([
            grid.sheetName,
            e.row,
            e.col,
            e.format,
          ]);
        }
        if (got !== null) count++;
      }
      const nonEmpty = grid.values.flat().filter((v) => v !== null).length;
      expect([grid.sheetName, nonEmpty]).toEqual([grid.sheetName, count]);
    });
  });

  it("lists the merges exceljs found that start inside the data", () => {
    grids.forEach((grid, i) => {
      const height = grid.values.length;
      const width = grid.values[0]?.length ?? 0;
      const { merges } = expectedCells(sheets[i]);
      const inside = merges.filter((a) => {
        const m = /^([A-Z]+)(\d+)$/.exec(a)!;
        const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return Number(m[2]) <= height && col <= width;
      });
      expect((grid.merges ?? []).length).toBe(inside.length);
    });
  });
});
