// Shared helpers for the table-driven rule tests: build sheets from rows, run one rule, get [cell, messageId] pairs.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";

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
export function findingsOf(
  ruleId: string,
  sheets: SheetSpec[],
  options: RunOptions = {},
): [string | null, string][] {
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

// ---- Added helpers (full report, row builders for actions, plan and update-log sheets) ----

/** Runs the whole engine and returns the full report (for accepted exceptions, escalations, messages). */
export function reportOf(sheets: SheetSpec[], options: RunOptions = {}): Report {
  const settings = { ...defaultSettings(), ...options.settings };
  return checkWorkbook(sheets.map(grid), {
    settings,
    asAt: options.asAt ?? "2022-10-10",
    today: "2022-10-10",
    source: "test.xlsx",
  });
}

export interface ActionRow {
  riskId?: CellValue;
  actionId?: CellValue;
  action?: CellValue;
  owner?: CellValue;
  due?: CellValue;
  status?: CellValue;
  update?: CellValue;
  updated?: CellValue;
}

/** An open action on HRC-001, due after 2022-10-10, lining up with ACTION_HEADERS (columns A–H). */
export function action(over: ActionRow = {}): CellValue[] {
  const a: Required<ActionRow> = {
    riskId: "HRC-001",
    actionId: "A-001",
    action: "Increase safety inspections",
    owner: "Jane Smith",
    due: "30/11/2022",
    status: "In progress",
    update: "Inspections started",
    updated: "01/10/2022",
    ...over,
  };
  return [a.riskId, a.actionId, a.action, a.owner, a.due, a.status, a.update, a.updated];
}

export interface PlanRow {
  no?: CellValue;
  aim?: CellValue;
  background?: CellValue;
  action?: CellValue;
  date?: CellValue;
  leadDirector?: CellValue;
  leadOfficer?: CellValue;
  status?: CellValue;
  evidence?: CellValue;
}

/** A completed, evidenced plan action dated before 2022-10-10, lining up with PLAN_HEADERS (columns A–I). */
export function planRow(over: PlanRow = {}): CellValue[] {
  const p: Required<PlanRow> = {
    no: "1.",
    aim: "Risk Management.",
    background: "Risk register not reported",
    action: "Report the risk register monthly",
    date: "July 2022",
    leadDirector: "RC",
    leadOfficer: "MA",
    status: "Completed. Reported monthly to the board.",
    evidence: "Meeting minutes",
    ...over,
  };
  return [p.no, p.aim, p.background, p.action, p.date, p.leadDirector, p.leadOfficer, p.status, p.evidence];
}

/** The Update Log tab's own headers (SPEC "Fields"). */
export const UPDATE_LOG_HEADERS = ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy"];

/** An update-log sheet; data on row 2. Rows: [date, riskId, by, text, noChange, score, strategy]. */
export function updateLog(...rows: CellValue[][]): SheetSpec {
  return { name: "Update Log", rows: [UPDATE_LOG_HEADERS, ...rows] };
}

/** Excel serial numbers of a few days used in the tests (1900 date system). */
export const SERIAL = {
  "2022-09-09": 44813,
  "2022-09-10": 44814,
  "2022-10-01": 44835,
  "2022-10-09": 44843,
  "2022-10-10": 44844,
  "2022-10-11": 44845,
} as const;
