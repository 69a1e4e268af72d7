// The files of one `risk-review import` run written into a test's folder: the register, this month's export
// as CSV, and where the merged workbook goes.

import * as fs from "fs";
import * as path from "path";

/** Rows as CSV text: texts quoted, numbers bare, lines ended CRLF. */
export function quotedCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => (typeof v === "number" ? String(v) : `"${v}"`);
  return rows.map((r) => r.map(cell).join(",")).join("\r\n");
}

/**
 * Writes `<name>-Register.xlsx` (the workbook) and `<name>-export.csv` (the CSV) into `dir`; returns their
 * paths and the merged output's, `<name>-Merged.xlsx` (not written).
 */
export function writeImportFiles(
  dir: string,
  name: string,
  workbook: Uint8Array,
  csv: string,
): { into: string; exportFile: string; out: string } {
  const into = path.join(dir, `${name}-Register.xlsx`);
  const exportFile = path.join(dir, `${name}-export.csv`);
  const out = path.join(dir, `${name}-Merged.xlsx`);
  fs.writeFileSync(into, workbook);
  fs.writeFileSync(exportFile, csv);
  return { into, exportFile, out };
}

/**
 * `risk-review import <exportFile> --into <into> --out <out> --as-at 2022-10-10`, then `extra`: the import
 * tests' usual command line (run it in-process with runMain or built with runCli).
 */
export function importArgs(exportFile: string, into: string, out: string, extra: string[] = []): string[] {
  return ["import", exportFile, "--into", into, "--out", out, "--as-at", "2022-10-10", ...extra];
}
