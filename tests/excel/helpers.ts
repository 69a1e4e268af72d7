// Shared set-up for the adapter tests: a fresh fake host and adapter counters per test.

import type { CellValue } from "../../src/core/model/grid";
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
