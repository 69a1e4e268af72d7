// Shared set-up for the adapter tests: a fresh fake host and adapter counters per test.

import type { CellValue } from "../../src/core/model/grid";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { defaultSettings } from "../../src/core/model/settings";
import { planImport, proposeImportMapping, toWorkbookEdits } from "../../src/core/merge";
import type { ImportPlan } from "../../src/core/merge/types";
import { readAllSheets } from "../../src/excel/read-sheets";
import { exportGrid } from "../core/merge/helpers";
import { resetAdapterStats, resetRunOptions } from "../../src/excel/run";
import { setPayloadBudget } from "../../src/excel/payload";
import {
  installFakeExcel,
  type FakeHost,
  type FakeSheetSpec,
  type FakeWorkbookSpec,
} from "../fakes/fake-excel";

export const DEFAULT_BUDGET = 4_000_000;

/** Installs the fake with `spec` and resets the adapter's counters and budget. */
export function install(spec: FakeWorkbookSpec): FakeHost {
  resetAdapterStats();
  resetRunOptions();
  setPayloadBudget(DEFAULT_BUDGET);
  return installFakeExcel(spec);
}

/** Deterministic text of about `length` characters for row r, column c. */
export function text(r: number, c: number, length: number): string {
  const base = `R${r}C${c} the contractor's programme of works slipped; mitigation agreed with the council. `;
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

/** A register-like sheet: a header row, then rows of an id, a score, a date and long text. */
export function bigSheet(name: string, rows: number, cols: number, textLength: number): FakeSheetSpec {
  const values: CellValue[][] = [Array.from({ length: cols }, (_, c) => `Column ${c + 1}`)];
  const numberFormats: string[][] = [Array.from({ length: cols }, () => "General")];
  for (let r = 1; r <= rows; r++) {
    const row: CellValue[] = [`HRC-${String(r).padStart(5, "0")}`, (r % 25) + 1, 44800 + (r % 400)];
    for (let c = 3; c < cols; c++) row.push(text(r, c, textLength));
    values.push(row);
    numberFormats.push(Array.from({ length: cols }, (_, c) => (c === 2 ? "dd/mm/yyyy" : "General")));
  }
  return { name, values, numberFormats };
}

/** Megabytes with one decimal, for the logged figures. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Marks a sheet of the fake as the add-in's own by its defined name (CRR_OWNED_1), as the add-in names it. */
export function nameAsOwned(host: FakeHost, sheet: string): void {
  host.names.push({
    name: "CRR_OWNED_1",
    sheet: host.sheet(sheet),
    rect: { top: 0, left: 0, bottom: 0, right: 0 },
    comment: "",
    visible: true,
  });
}

/** Reads the open workbook and plans `exportRows` into its register "Register", as the task pane does. */
export async function planFromWorkbook(
  exportRows: CellValue[][],
  asAt = "2022-10-10",
): Promise<{ plan: ImportPlan; edits: WorkbookEdits }> {
  const grids = await readAllSheets();
  const exportGrids = [exportGrid(exportRows)];
  const mapping = proposeImportMapping(exportGrids, null, asAt);
  if (!mapping.ok) throw new Error(mapping.problem.message);
  const planned = planImport({
    exportGrids,
    mapping: mapping.value,
    workbookGrids: grids,
    targetRegister: "Register",
    settings: defaultSettings(),
    asAt,
    importedAt: `${asAt} 09:00`,
    fileName: "iris.xlsx",
  });
  if (!planned.ok) throw new Error(planned.problem.message);
  return { plan: planned.value, edits: toWorkbookEdits(planned.value) };
}
