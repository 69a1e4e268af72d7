// The benchmark's workbook: a risk register of n risks, an actions sheet with two actions each, a 200-action plan.
// The same rows become in-memory Grids (engine alone) or an .xlsx file (reader and CLI).

import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../core/model/grid";
import { ACTION_HEADERS } from "../cli/sample/iris-actions";

/** A benchmark cell: like a grid cell, but dates are real dates until they are written or turned into serials. */
export type WorkCell = string | number | Date | null;

export interface WorkSheet {
  name: string;
  rows: WorkCell[][];
}

/** The date the benchmark checks as at. */
export const BENCH_AS_AT = "2022-10-10";
export const PLAN_ACTIONS = 200;

const REGISTER_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Description",
  "Service Annex",
  "Risk Owner",
  "Date Raised",
  "Inherent Likelihood",
  "Inherent Impact",
  "Inherent Score",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Next Review Date",
  "Risk Status",
  "Financial Impact (£)",
  "Escalate?",
  "Transferred To",
  "Early Warning",
];
const PLAN_HEADERS = [
  "No",
  "Improvement Aim",
  "Background",
  "Action",
  "Date Completed or Expected",
  "Lead Director",
  "Lead Officer",
  "Progress Status",
  "Evidence",
];

const ANNEXES = [
  "Highways Maintenance",
  "Street Lighting",
  "Winter Service",
  "Grounds Maintenance",
  "Street Cleansing",
  "Drainage",
];
const OWNERS = [
  "Gareth Lloyd",
  "Priya Shah",
  "Mark Ellis",
  "Sarah Hughes",
  "Tom Bradley",
  "Helen Carter",
  "Nadia Khan",
];
const STRATEGIES = ["Treat", "Tolerate", "Transfer - insure", "Treat - reduce", "Terminate", "", "Monitor"];
const STATUSES = ["Open", "Open", "Open", "Live", "Closed"];
const ACTION_STATUSES = ["In Progress", "Not Started", "Completed", "Amber", "Closed"];

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const rag = (s: number): string => (s <= 4 ? "Green" : s <= 12 ? "Amber" : "Red");

/** A part of the workload: `risks` risks from the `first` (0-based), with or without the plan. */
export interface WorkloadSlice {
  first?: number;
  /** false leaves the Improvement Plan sheet out (a register file of many). */
  plan?: boolean;
}

/**
 * Deterministic rows with a realistic mix: most risks clean, about one in seven with some problem
 * (no strategy, unknown strategy, stale date, score mismatch), actions sometimes overdue.
 */
export function buildWorkload(risks: number, slice: WorkloadSlice = {}): WorkSheet[] {
  const register: WorkCell[][] = [REGISTER_HEADERS];
  const actions: WorkCell[][] = [ACTION_HEADERS];
  const first = slice.first ?? 0;
  for (let n = first; n < first + risks; n++) {
    const id = `HRC-${String(n + 1).padStart(6, "0")}`;
    const l = (n % 5) + 1;
    const i = ((n * 7) % 5) + 1;
    const score = n % 23 === 0 ? l * i + 1 : l * i;
    const reviewed = n % 11 === 0 ? day(2022, 7, 1 + (n % 28)) : day(2022, 9, 12 + (n % 18));
    register.push([
      id,
      `Risk ${n + 1}: ${ANNEXES[n % 6]} service delivery`,
      "Cause: resources and weather. Event: service standards not met. Effect: complaints, claims and cost.",
      ANNEXES[n % 6],
      OWNERS[n % 7],
      day(2021, (n % 12) + 1, (n % 27) + 1),
      Math.min(5, l + 1),
      i,
      Math.min(5, l + 1) * i,
      l,
      i,
      score,
      rag(l * i),
      STRATEGIES[n % 7],
      n % 13 === 0 ? "" : "See actions.",
      reviewed,
      n % 5 === 0 ? "" : "Reviewed at the Risk Management Board; actions on programme.",
      day(2022, 10, 20 + (n % 10)),
      STATUSES[n % 5],
      n % 4 === 0 ? (n % 9) * 25000 : null,
      n % 17 === 0 ? "Yes" : "No",
      "",
      n % 10 === 0 ? `EW-${n}` : "",
    ]);
    for (let k = 0; k < 2; k++) {
      const a = n * 2 + k;
      actions.push([
        id,
        `ACT-${String(a + 1).padStart(7, "0")}`,
        k === 0 ? "Agree mitigation with the Contractor" : "Report progress to the Risk Management Board",
        OWNERS[a % 7],
        a % 9 === 0 ? day(2022, 9, 1 + (a % 28)) : day(2022, 12, 1 + (a % 28)),
        ACTION_STATUSES[a % 5],
        "On programme.",
        day(2022, 9, 1 + (a % 28)),
      ]);
    }
  }
  const plan: WorkCell[][] = [["Contract Performance Improvement Plan – benchmark"], [], PLAN_HEADERS];
  for (let n = 0; n < PLAN_ACTIONS; n++) {
    const first = n % 5 === 0;
    plan.push([
      first ? `${n / 5 + 1}.` : null,
      first ? `Improvement aim ${n / 5 + 1}` : null,
      first ? "Background from the contract performance review." : null,
      `Action ${n + 1}: review and improve the contract arrangements for ${ANNEXES[n % 6]}.`,
      n % 19 === 0 ? "TBC" : ["July 2022", "Sept 2022", "Oct 2022", "Nov 2022"][n % 4],
      n % 31 === 0 ? "" : "RC",
      "MA",
      ["Completed. Done.", "In progress.", "Not started", "Completed. Awaiting sign-off."][n % 4],
      n % 3 === 0 ? "" : "Minutes and reports.",
    ]);
  }
  return [
    { name: "Risk Register", rows: register },
    { name: "Actions", rows: actions },
    ...(slice.plan === false ? [] : [{ name: "Improvement Plan", rows: plan }]),
  ];
}

/** Data rows in the workload (header and title rows not counted). */
export function dataRows(sheets: WorkSheet[]): number {
  return sheets.reduce((sum, s) => sum + s.rows.length - (s.name === "Improvement Plan" ? 3 : 1), 0);
}

/** Excel's serial for a UTC date. */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** The workload as the Grids a reader would hand the engine: dates become serials with a date format. */
export function toGrids(sheets: WorkSheet[], origin = "bench.xlsx"): Grid[] {
  return sheets.map((s) => {
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (const row of s.rows) {
      values.push(row.map((v) => (v instanceof Date ? serial(v) : v)));
      numberFormats.push(row.map((v) => (v instanceof Date ? "dd/mm/yyyy" : null)));
    }
    return { sheetName: s.name, origin, values, numberFormats, rowOffset: 0, colOffset: 0 };
  });
}

/** Writes the workload as an .xlsx with exceljs's streaming writer (so writing 100k rows stays small). */
export async function writeWorkloadXlsx(sheets: WorkSheet[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) {
      const r = ws.addRow(row.map((v) => (v === "" ? null : v)));
      row.forEach((v, c) => {
        if (v instanceof Date) r.getCell(c + 1).numFmt = "dd/mm/yyyy";
      });
      r.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
