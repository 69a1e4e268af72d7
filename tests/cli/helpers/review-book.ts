// Workbooks the command-line reviews write as officers lay them out (ExcelJS), and their check as JSON.

import ExcelJS from "exceljs";
import type { JsonReport } from "../../../src/cli/format-json";
import { runMain } from "./main-in-process";

export type Cell = string | number | Date | null;

/** A date as Excel holds it (UTC midnight). */
export const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

export interface BookSheet {
  name: string;
  rows: Cell[][];
  /** The number format of a date in 0-based row `row` ("dd/mm/yyyy", or "mmm-yy" for a month header). */
  dateFormat: (row: number) => string;
  /** Multi-line texts wrapped, as Excel shows a cell typed with Alt+Enter. */
  wrapLines?: boolean;
  /** Extra set-up (merged cells, a second header row). */
  build?: (ws: ExcelJS.Worksheet) => void;
}

/** Writes the sheets to `file`: blank cells left out, dates in their formats. */
export async function writeBook(file: string, sheets: readonly BookSheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = s.dateFormat(i);
        if (s.wrapLines && typeof v === "string" && v.includes("\n")) cell.alignment = { wrapText: true };
      }),
    );
    s.build?.(ws);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** `risk-review check FILE --as-at AS_AT --format json`, read (a status above 1 is a failure of the run). */
export async function checkJson(file: string, asAt: string): Promise<JsonReport> {
  const run = await runMain(["check", file, "--as-at", asAt, "--format", "json"]);
  if (run.status > 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}
