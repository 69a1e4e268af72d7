// Builders for history tests: a register with category, target and escalation columns, and an Update Log.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import type { SheetSpec } from "../rules/harness";

export const HISTORY_REGISTER_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Category",
  "Current Risk Score",
  "Target Score",
  "Target Date",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date Raised",
  "Date of Last Review",
  "Latest Update",
  "Escalate?",
  "Escalated To",
  "Risk Status",
];
// Columns:   A       B        C        D        E    F    G    H        I        J       K        L       M     N    O

export interface HistoryRisk {
  id?: CellValue;
  title?: CellValue;
  owner?: CellValue;
  category?: CellValue;
  score?: CellValue;
  targetScore?: CellValue;
  targetDate?: CellValue;
  strategy?: CellValue;
  actions?: CellValue;
  raised?: CellValue;
  lastReview?: CellValue;
  update?: CellValue;
  escalate?: CellValue;
  escalatedTo?: CellValue;
  status?: CellValue;
}

/** An open, well-kept risk raised in January 2022, with any fields overridden. */
export function hrisk(over: HistoryRisk = {}): CellValue[] {
  const r: Required<HistoryRisk> = {
    id: "HRC-001",
    title: "Pothole claims rise after winter",
    owner: "Jane Smith",
    category: "Operational",
    score: 12,
    targetScore: 6,
    targetDate: "31/03/2023",
    strategy: "Treat",
    actions: "Increase safety inspections",
    raised: "10/01/2022",
    lastReview: "01/10/2022",
    update: "Inspections increased",
    escalate: "No",
    escalatedTo: null,
    status: "Open",
    ...over,
  };
  return [
    r.id,
    r.title,
    r.owner,
    r.category,
    r.score,
    r.targetScore,
    r.targetDate,
    r.strategy,
    r.actions,
    r.raised,
    r.lastReview,
    r.update,
    r.escalate,
    r.escalatedTo,
    r.status,
  ];
}

export function hregister(...rows: CellValue[][]): SheetSpec {
  return { name: "IRIS Risks", rows: [HISTORY_REGISTER_HEADERS, ...rows] };
}

/** The Update Log's headers as SPEC lists them (also what officers keep by hand). */
export const LOG_HEADERS = [
  "Date",
  "Register",
  "Risk ID",
  "By",
  "Update",
  "No change",
  "Score",
  "Strategy",
  "Changes",
];

/** An Update Log row: [date as typed, risk id, score, no change?, text, changes]. */
export function logRow(
  date: CellValue,
  id: string,
  score: CellValue,
  noChange = false,
  text = "Reviewed",
  changes: CellValue = null,
): CellValue[] {
  return [date, "IRIS Risks", id, "J Smith", text, noChange ? "Yes" : "No", score, "Treat", changes];
}

export function hlog(...rows: CellValue[][]): SheetSpec {
  return { name: "Update Log (kept by hand)", rows: [LOG_HEADERS, ...rows] };
}

/** The Import Log's header as the add-in writes it (merge/to-workbook-edits IMPORT_LOG_HEADER). */
export const IMPORT_LOG_HEADER = ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"];

/** The group row above GROUPED_HEADERS: Inherent over D–F, Residual over G–I (merged as MERGES says). */
const GROUPS: CellValue[] = [
  null,
  null,
  null,
  "Inherent",
  null,
  null,
  "Residual",
  null,
  null,
  null,
  null,
  null,
];
/** A register's headers under GROUPS: Likelihood, Impact and Score twice, once a group. */
export const GROUPED_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Likelihood",
  "Impact",
  "Score",
  "Risk Response Strategy",
  "Date Raised",
  "Date of Last Review",
];
const MERGES = [
  { top: 0, left: 3, bottom: 0, right: 5 },
  { top: 0, left: 6, bottom: 0, right: 8 },
];

/**
 * A register with Inherent and Residual groups over columns headed alike: the group row (merged), the
 * headers (GROUPED_HEADERS unless given), then `rows`.
 */
export function groupedRegisterGrid(
  name: string,
  rows: CellValue[][],
  headers: CellValue[] = GROUPED_HEADERS,
): Grid {
  return gridFromRows(name, [GROUPS, headers, ...rows], { merges: MERGES });
}
