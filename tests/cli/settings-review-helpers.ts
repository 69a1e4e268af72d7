// Helpers for the settings review (tests/cli/settings-review.test.ts, tests/taskpane/settings-review.test.tsx):
// a Settings sheet as the add-in writes it and then edited by hand, small registers, workbook files
// written with ExcelJS, and `risk-review check --format json` run in-process.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
import type { CellValue } from "../../src/core/model/grid";
import { OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import { settingsToRows } from "../../src/core/model/settings-sheet";
import { runMain } from "./helpers/main-in-process";

export const SETTINGS_SHEET = OWNED_TAB_NAMES.settings; // "Risk Review Settings"
export const REGISTER = "Risk Register";

/** Excel serial of a day-first date "dd/mm/yyyy". */
export function serial(dmy: string): number {
  const [d, m, y] = dmy.split("/").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The Settings sheet as the add-in writes it (`base`, else the defaults), then edited by hand: each key's
 * Value cell replaced; a key given an array gets one row per value (appetite.category). Also gives the
 * sheet cell of a key's (first) Value cell ("Risk Review Settings!B5").
 */
export function handEdited(
  edits: Record<string, CellValue | CellValue[]>,
  base: Settings = defaultSettings(),
): { rows: CellValue[][]; cell: (key: string) => string; cellOfValue: (value: CellValue) => string } {
  const rows = settingsToRows(base);
  for (const [key, value] of Object.entries(edits)) {
    const i = rows.findIndex((r) => r[0] === key);
    if (i < 0) throw new Error(`no row for ${key}`);
    const values = Array.isArray(value) ? value : [value];
    rows.splice(i, 1, ...values.map((v) => [key, v, rows[i][2]]));
  }
  const cell = (key: string): string => `${SETTINGS_SHEET}!B${rows.findIndex((r) => r[0] === key) + 1}`;
  const cellOfValue = (value: CellValue): string =>
    `${SETTINGS_SHEET}!B${rows.findIndex((r) => r[1] === value) + 1}`;
  return { rows, cell, cellOfValue };
}

/** A register row: the columns of REGISTER_HEADER. */
export interface RiskRow {
  id: string;
  title?: string;
  owner?: string;
  likelihood?: CellValue;
  impact?: CellValue;
  score?: CellValue;
  rag?: string | null;
  strategy?: string;
  actions?: string;
  /** dd/mm/yyyy, written as an Excel date. */
  lastReview?: string | null;
  status?: string;
  category?: string | null;
  money?: CellValue;
}

export const REGISTER_HEADER = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Risk Status",
  "Risk Category",
  "Financial Impact (£)",
];
const DATE_COLUMN = 9;

/** The register's rows: header, then one row per risk (defaults: an owned, updated, treated open risk). */
export function registerRows(risks: RiskRow[], lastReviewDefault = "01/10/2022"): CellValue[][] {
  return [
    REGISTER_HEADER,
    ...risks.map((r) => {
      const likelihood = r.likelihood === undefined ? 2 : r.likelihood;
      const impact = r.impact === undefined ? 2 : r.impact;
      const score =
        r.score === undefined
          ? typeof likelihood === "number" && typeof impact === "number"
            ? likelihood * impact
            : null
          : r.score;
      const review = r.lastReview === undefined ? lastReviewDefault : r.lastReview;
      return [
        r.id,
        r.title ?? `Risk ${r.id}`,
        r.owner ?? "Ann Lee",
        likelihood,
        impact,
        score,
        r.rag === undefined ? null : r.rag,
        r.strategy ?? "Treat",
        r.actions ?? "Monthly inspection",
        review === null ? null : serial(review),
        r.status ?? "Open",
        r.category === undefined ? "Highways" : r.category,
        r.money === undefined ? null : r.money,
      ];
    }),
  ];
}

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  hidden?: boolean;
  /** 0-based columns whose numbers below the header row are dates (dd/mm/yyyy). */
  dateColumns?: number[];
}

/** A workbook file written directly with ExcelJS. */
export async function writeXlsx(dir: string, file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.hidden) ws.state = "hidden";
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (r > 0 && typeof v === "number" && s.dateColumns?.includes(c)) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** A workbook of one register and a (hidden, owned) Settings sheet holding `settingsRows`. */
export function workbookOf(
  dir: string,
  file: string,
  risks: RiskRow[],
  settingsRows: CellValue[][] | null,
  extra: SheetSpec[] = [],
): Promise<string> {
  const sheets: SheetSpec[] = [
    { name: REGISTER, rows: registerRows(risks), dateColumns: [DATE_COLUMN] },
    ...extra,
  ];
  if (settingsRows) sheets.push({ name: SETTINGS_SHEET, rows: settingsRows, hidden: true });
  return writeXlsx(dir, file, sheets);
}

/** `risk-review check FILE --format json [...more]`, parsed, with stderr and the exit status. */
export async function checkJson(
  file: string,
  more: string[] = [],
): Promise<{ report: JsonReport; stderr: string; status: number }> {
  const run = await runMain(["check", file, "--format", "json", ...more]);
  if (run.stdout === "") throw new Error(`no output; stderr: ${run.stderr}`);
  return { report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr, status: run.status };
}

/** The record ids a rule flagged, sorted. */
export function flagged(report: JsonReport, ruleId: string): string[] {
  return report.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.recordId ?? "")
    .sort();
}

/** Each escalated risk's destinations, "HRC-001: corporate-register, …", sorted. */
export function routes(report: JsonReport): string[] {
  return report.escalations.map((e) => `${e.recordId}: ${e.destinations.join(", ")}`).sort();
}

export function makeTmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
