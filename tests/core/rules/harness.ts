// Shared helpers for the table-driven rule tests: build sheets from rows, run one rule, get [cell, messageId] pairs.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** Number formats for date serials, keyed "row,col" (0-based within rows). */
  formats?: Record<string, string>;
}

export function grid(spec: SheetSpec): Grid {
  const g = gridFromRows(spec.name, spec.rows);
  if (spec.formats) {
    g.numberFormats = spec.rows.map((r, ri) => r.map((_, ci) => spec.formats![`${ri},${ci}`] ?? null));
  }
  return g;
}

export interface RunOptions {
  asAt?: string;
  settings?: Partial<Settings>;
}

/** Runs the whole engine and keeps only one rule's findings, as [cell, messageId] pairs. */
export function findingsOf(ruleId: string, sheets: SheetSpec[], options: RunOptions = {}): [string | null, string][] {
  const settings = { ...defaultSettings(), ...options.settings };
  const report = checkWorkbook(sheets.map(grid), {
    settings,
    asAt: options.asAt ?? "2022-10-10",
    today: "2022-10-10",
    source: "test.xlsx",
  });
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => [f.cell, f.messageId]);
}

/** A register header row with the usual columns; rows built with `risk()` line up with it. */
export const REGISTER_HEADERS = [
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
  "Latest Update",
  "Next Review Date",
  "Risk Status",
  "Financial Impact (£)",
  "Transferred To",
];
// Columns:          A        B        C        D   E   F   G      H          I          J            K        L             M       N      O

export interface RiskRow {
  id?: CellValue;
  title?: CellValue;
  owner?: CellValue;
  likelihood?: CellValue;
  impact?: CellValue;
  score?: CellValue;
  rag?: CellValue;
  strategy?: CellValue;
  actions?: CellValue;
  lastReview?: CellValue;
  update?: CellValue;
  nextReview?: CellValue;
  status?: CellValue;
  financial?: CellValue;
  transferredTo?: CellValue;
}

/** A well-formed open risk as at 2022-10-10, with any fields overridden. */
export function risk(over: RiskRow = {}): CellValue[] {
  const r: Required<RiskRow> = {
    id: "HRC-001",
    title: "Pothole claims rise after winter",
    owner: "Jane Smith",
    likelihood: 3,
    impact: 4,
    score: 12,
    rag: "Amber",
    strategy: "Treat",
    actions: "Increase safety inspections",
    lastReview: "01/10/2022",
    update: "Inspections increased",
    nextReview: "01/11/2022",
    status: "Open",
    financial: null,
    transferredTo: null,
    ...over,
  };
  return [
    r.id,
    r.title,
    r.owner,
    r.likelihood,
    r.impact,
    r.score,
    r.rag,
    r.strategy,
    r.actions,
    r.lastReview,
    r.update,
    r.nextReview,
    r.status,
    r.financial,
    r.transferredTo,
  ];
}

/** A one-sheet register with a title row above the header (so data starts on row 3). */
export function register(...rows: CellValue[][]): SheetSpec {
  return { name: "IRIS Risks", rows: [["Contract risk register"], REGISTER_HEADERS, ...rows] };
}

export const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
  "Progress Update",
  "Update Date",
];

export function actionsSheet(...rows: CellValue[][]): SheetSpec {
  return { name: "IRIS Actions", rows: [ACTION_HEADERS, ...rows] };
}

export const PLAN_HEADERS = [
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

export function plan(...rows: CellValue[][]): SheetSpec {
  return { name: "Improvement Plan", rows: [["Improvement Plan – Close Out"], [], PLAN_HEADERS, ...rows] };
}
