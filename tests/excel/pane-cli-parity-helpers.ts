// Helpers for the pane ↔ command-line parity review: one exceljs workbook, checked twice — as the command line
// reads it (the .xlsx written to disk, through `risk-review check --format json` in-process) and as the task
// pane reads it (the same content handed to the fake Office.js host the way Excel gives it, then
// readAllSheets + checkWorkbook, as useWorkbook does) — and both reports as the JSON document SPEC describes.
//
// What the fake host is given mirrors Excel (DESIGN "Excel, as it really behaves", and Office.js's documented
// Range.values / numberFormat):
// - a date is a serial number in `values`, counted in the workbook's own date system (a 1904 workbook's
//   serials are 1904-system serials: that is what the cell holds, and why Workbook.use1904DateSystem exists);
//   its number format is in `numberFormat`;
// - text is text (never re-typed: written with a leading apostrophe, which the fake strips as Excel does);
// - a formula's cell holds its result in `values` (the formula itself is set on the cell after install);
// - an error cell holds its error text ("#N/A") in `values`;
// - rich text is its plain text; a hyperlink cell its display text;
// - in a merged area only the top-left cell holds the value ("" elsewhere), and the merged areas are listed;
// - hidden rows and columns are ordinary cells in `values` (Office.js returns them like any other);
// - Excel tables are listed with their Total row (showTotals).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/model/grid";
import { sourceOf } from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check";
import { readAllSheets } from "../../src/excel/read-sheets";
import { loadSettingsWithIssues } from "../../src/excel/settings-store";
import { toJsonReport, type JsonReport } from "../../src/cli/format-json";
import { runMain } from "../cli/helpers/main-in-process";
import type { FakeHost, FakeSheetSpec, FakeWorkbookSpec } from "../fakes/fake-excel";
import { install } from "./helpers";

export const AS_AT = "2022-10-10";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_1900 = 25_569;
const DAYS_1904 = 1462;

/** A JS Date (UTC wall clock, as exceljs writes it) as the serial the cell holds in its workbook's date system. */
export function serialOfDate(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_1900;
  return date1904 ? serial - DAYS_1904 : serial;
}

interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  result: CellValue;
}

/** A cell value as Office.js's Range.values gives it (text marked with a leading apostrophe for the fake). */
function officeValue(v: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serialOfDate(v, date1904);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return `'${v}`;
  if (typeof v === "object") {
    if ("richText" in v) return `'${v.richText.map((r) => r.text).join("")}`;
    if ("error" in v) return `'${v.error}`;
    if ("hyperlink" in v && "text" in v) return officeValue(v.text as ExcelJS.CellValue, date1904);
  }
  throw new Error(`parity helper: no Office.js view of ${JSON.stringify(v)}`);
}

/** The result a formula cell shows, as Office.js gives it (no leading apostrophe: set on the cell directly). */
function formulaResult(result: unknown, date1904: boolean): CellValue {
  if (result === undefined || result === null) return "";
  if (result instanceof Date) return serialOfDate(result, date1904);
  if (typeof result === "object" && result !== null && "error" in result)
    return String((result as { error: string }).error);
  return result as CellValue;
}

/** The fake host's picture of an exceljs workbook: what Office.js would give for each sheet. */
export function officeView(
  wb: ExcelJS.Workbook,
  fileName: string,
  apiVersion = "1.17",
): { spec: FakeWorkbookSpec; formulas: FormulaCell[] } {
  const date1904 = wb.properties.date1904 === true;
  const formulas: FormulaCell[] = [];
  const sheets: FakeSheetSpec[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    const fills: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        // In a merged area only the top-left cell holds a value.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        values[r] ??= [];
        numberFormats[r] ??= [];
        const v = cell.value;
        const result =
          v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)
            ? (v as { result?: unknown }).result
            : undefined;
        // exceljs saves a date with no format of its own in built-in format 14, which Office.js gives as m/d/yyyy.
        const isDate = v instanceof Date || result instanceof Date;
        if (cell.numFmt) numberFormats[r][c] = cell.numFmt;
        else if (isDate) numberFormats[r][c] = "m/d/yyyy";
        const rgb = fillColour(cell.fill);
        if (rgb) fills[`${cell.address}`] = rgb;
        if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
          formulas.push({
            sheet: ws.name,
            row: r,
            col: c,
            formula: `=${f.formula ?? `shared(${f.sharedFormula})`}`,
            result: formulaResult(f.result, date1904),
          });
          return;
        }
        values[r][c] = officeValue(v, date1904);
      });
    });
    // Dense rows (the fake's spec rows are arrays; holes are empty cells).
    for (let r = 0; r < values.length; r++) {
      values[r] = Array.from(values[r] ?? [], (x) => (x === undefined ? null : x));
      numberFormats[r] = Array.from(numberFormats[r] ?? [], (x) => (x === undefined ? null : x));
    }
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, ExcelJS.Table> }).tables ?? {},
    ).map((t) => {
      const model = (t as unknown as { model: { name: string; tableRef: string; totalsRow?: boolean } })
        .model;
      return { name: model.name, address: model.tableRef, showTotals: model.totalsRow === true };
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    sheets.push({
      name: ws.name,
      values,
      numberFormats,
      merges,
      fills,
      visibility: ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible",
      ...(tables.length ? { tables } : {}),
    });
  });
  // Workbook-level names that point at one sheet's cells (the add-in marks its own tabs so).
  const names: { name: string; sheet: string; address: string }[] = [];
  const definedNames = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const n of definedNames ?? []) {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(n.ranges[0] ?? "");
    if (!m) continue;
    const address = m[4] ? `${m[2]}${m[3]}:${m[4]}${m[5]}` : `${m[2]}${m[3]}`;
    names.push({ name: n.name, sheet: m[1].replace(/''/g, "'"), address });
  }
  return { spec: { sheets, apiVersion, name: fileName, names, use1904DateSystem: date1904 }, formulas };
}

/** The theme exceljs writes (theme1.xml, the Office 2007 theme), in Excel's theme-index order. */
const EXCELJS_THEME = [
  "FFFFFF",
  "000000",
  "EEECE1",
  "1F497D",
  "4F81BD",
  "C0504D",
  "9BBB59",
  "8064A2",
  "4BACC6",
  "F79646",
];

/** A solid fill as Range.getCellProperties gives it ("#RRGGBB", theme colours resolved), else null. */
function fillColour(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const c = fill.fgColor as { argb?: string; theme?: number } | undefined;
  if (c?.argb) return `#${c.argb.slice(-6).toUpperCase()}`;
  if (c?.theme !== undefined) return `#${EXCELJS_THEME[c.theme]}`;
  return null;
}

/** How a workbook is checked: the host's ExcelApi version, and whether the as-at date comes from its Settings. */
export interface PathOptions {
  apiVersion?: string;
  asAtFromSettings?: boolean;
  tweak?: (host: FakeHost) => void;
}

/** What the task pane reports for the workbook, as JSON (the same shape the command line prints). */
export async function paneJson(
  wb: ExcelJS.Workbook,
  fileName: string,
  options: PathOptions = {},
): Promise<JsonReport & { mergesUnread: string[] }> {
  const { spec, formulas } = officeView(wb, fileName, options.apiVersion);
  const host = install(spec);
  for (const f of formulas) {
    const cell = host.sheet(f.sheet).ensure(f.row, f.col);
    cell.formula = f.formula;
    cell.v = f.result;
  }
  options.tweak?.(host);
  const loaded = await loadSettingsWithIssues();
  const grids = await readAllSheets(undefined, { columnCorrections: loaded.settings.columnCorrections });
  // The officer's as-at date, as the Settings tab holds it (the pane passes settings, not an as-at option).
  // With `asAtFromSettings`, the workbook's own Settings say it (as they do for both paths).
  const report = checkWorkbook(grids, {
    settings: options.asAtFromSettings ? loaded.settings : { ...loaded.settings, asAt: AS_AT },
    source: sourceOf(grids),
  });
  const json = toJsonReport(report);
  return { ...json, mergesUnread: report.sheets.filter((s) => s.mergesUnread).map((s) => s.name) };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-parity-"));
export function cleanUp(): void {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** What `risk-review check FILE --as-at 2022-10-10 --format json` prints for the workbook, parsed. */
export async function cliJson(
  wb: ExcelJS.Workbook,
  fileName: string,
  options: PathOptions = {},
): Promise<JsonReport> {
  const file = path.join(tmp, fileName);
  await wb.xlsx.writeFile(file);
  const asAt = options.asAtFromSettings ? [] : ["--as-at", AS_AT];
  const run = await runMain(["check", file, ...asAt, "--format", "json"]);
  if (run.status === 2) throw new Error(`risk-review check refused ${fileName}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** A finding as an officer compares it: rule, severity, sheet, cell, record and message. */
export function findingLines(r: JsonReport): string[] {
  return r.findings.map(
    (f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell ?? "-"} ${f.recordId ?? "-"}: ${f.message}`,
  );
}

/** Each risk's figures: id, sheet, row, score, trend. */
export function riskLines(r: JsonReport): string[] {
  return r.risks.map((k) => `${k.recordId ?? "-"} ${k.sheet}!${k.row} score=${k.score} trend=${k.trend}`);
}

/** Each escalation: id, destinations and reasons. */
export function escalationLines(r: JsonReport): string[] {
  return r.escalations.map(
    (e) => `${e.recordId ?? "-"} ${e.sheet}!${e.row} → ${e.destinations.join(",")} (${e.reasons.join("; ")})`,
  );
}

/** Both paths' reports for a workbook file on disk: the command line reads the file, the pane exceljs's view of it. */
export async function bothPathsOfFile(
  file: string,
  options: { apiVersion?: string } = {},
): Promise<{ pane: JsonReport & { mergesUnread: string[] }; cli: JsonReport }> {
  const run = await runMain(["check", file, "--as-at", AS_AT, "--format", "json"]);
  if (run.status === 2) throw new Error(`risk-review check refused ${file}: ${run.stderr}`);
  const cli = JSON.parse(run.stdout) as JsonReport;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const pane = await paneJson(wb, path.basename(file), options);
  return { pane, cli };
}

/** Both paths' reports for one workbook. */
export async function bothPaths(
  build: () => ExcelJS.Workbook,
  fileName: string,
  options: PathOptions = {},
): Promise<{ pane: JsonReport & { mergesUnread: string[] }; cli: JsonReport }> {
  const cli = await cliJson(build(), fileName, options);
  const pane = await paneJson(build(), fileName, options);
  return { pane, cli };
}

export const utc = (y: number, m: number, d: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min));
