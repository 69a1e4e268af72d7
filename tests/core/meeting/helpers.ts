// Builds reports for the meeting tests and applies planned edits to grids, so a record can be re-checked.

import { checkWorkbook } from "../../../src/core/check";
import type { CellValue, Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import type { RecordPlan } from "../../../src/core/meeting/record";
import { grid, type SheetSpec } from "../rules/harness";

export function check(grids: Grid[], asAt = "2022-10-10"): Report {
  return checkWorkbook(grids, { settings: defaultSettings(), asAt, today: asAt, source: "test.xlsx" });
}

export function reportOfSheets(sheets: SheetSpec[], asAt = "2022-10-10"): { grids: Grid[]; report: Report } {
  const grids = sheets.map(grid);
  return { grids, report: check(grids, asAt) };
}

/** Writes a plan's cells into the grids and appends its log rows to an owned "Update Log" grid. */
export function applyPlan(grids: Grid[], plan: RecordPlan): Grid[] {
  const out = grids.map((g) => ({
    ...g,
    values: g.values.map((r) => r.slice()),
    numberFormats: g.numberFormats?.map((r) => r.slice()),
  }));
  for (const c of plan.cells) {
    const g = out.find((x) => x.sheetName === c.sheet)!;
    while (g.values.length <= c.row) g.values.push([]);
    g.values[c.row][c.col] = c.value;
    g.numberFormats ??= g.values.map((r) => r.map(() => null));
    while (g.numberFormats.length <= c.row) g.numberFormats.push([]);
    if (c.format) g.numberFormats[c.row][c.col] = c.format;
  }
  let log = out.find((g) => g.sheetName === "Update Log");
  if (!log) {
    log = {
      sheetName: "Update Log",
      origin: "workbook",
      values: [[...plan.log.header, OWNED_MARKER]],
      numberFormats: [[]],
      rowOffset: 0,
      colOffset: 0,
      owned: true,
    };
    out.push(log);
  }
  for (const row of plan.log.rows) {
    log.values.push(row as CellValue[]);
    log.numberFormats!.push(row.map((_, i) => (i === 0 ? "dd/mm/yyyy" : null)));
  }
  return out;
}
