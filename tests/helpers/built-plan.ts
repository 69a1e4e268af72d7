// An improvement plan built with exceljs in a test, written to bytes, read back as the command line reads a
// file and checked as at 10 October 2022: what the plan-layout tests assert on.

import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import type { Report } from "../../src/core/model/report";
import { defaultSettings } from "../../src/core/model/settings";
import { readWorkbookFile } from "../../src/files/read-workbook-file";

const AS_AT = "2022-10-10";

/** Writes `row` into sheet row `r` (1-based) from column A, leaving null and undefined cells empty. */
export function putRow(ws: ExcelJS.Worksheet, r: number, row: ExcelJS.CellValue[]): void {
  row.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(r, c + 1).value = v;
  });
}

/** Builds a workbook, writes it to bytes, reads it back as the command line does ("plan.xlsx") and checks it. */
export async function checkBuiltPlan(build: (wb: ExcelJS.Workbook) => void): Promise<Report> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const grids = await readWorkbookFile(bytes, "plan.xlsx");
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: AS_AT,
    today: AS_AT,
    source: "plan.xlsx",
  });
}

/** The plan record whose first sheet row (1-based) is `row`. */
export function planRecordAt(report: Report, row: number) {
  const r = report.records.plan.find((p) => p.row === row - 1);
  if (!r) throw new Error(`no plan record starts on row ${row}`);
  return r;
}
