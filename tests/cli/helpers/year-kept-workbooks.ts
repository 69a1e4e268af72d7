// The year-kept register and the Update Log kept by hand that the history reviews build: a register of owned,
// treated open risks (category, target, escalation and dates of their own) and a log under its own headers.

import type { CellValue } from "../../../src/core/model/grid";
import type { SheetSpec } from "../settings-review-helpers";

/** The register's columns (the risk's own category, target, escalation and dates). */
export const REGISTER_HEADER = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Category",
  "Current Likelihood",
  "Current Impact",
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

export interface Risk {
  id: string;
  title: string;
  category?: string;
  l: CellValue;
  i: CellValue;
  /** The register's score; likelihood × impact unless given. */
  score?: CellValue;
  targetScore?: CellValue;
  targetDate?: CellValue;
  raised?: CellValue;
  lastReview?: CellValue;
  update?: CellValue;
  escalate?: CellValue;
  escalatedTo?: CellValue;
  status?: string;
}

/** A register row: an owned, treated open risk raised in January 2022 and reviewed on 05/10/2022 unless told. */
export function riskRow(k: Risk): CellValue[] {
  return [
    k.id,
    k.title,
    "Jane Smith",
    k.category ?? "Operational",
    k.l,
    k.i,
    k.score !== undefined ? k.score : typeof k.l === "number" && typeof k.i === "number" ? k.l * k.i : null,
    k.targetScore === undefined ? 4 : k.targetScore,
    k.targetDate === undefined ? "31/03/2023" : k.targetDate,
    "Treat",
    `Action plan for ${k.id}`,
    k.raised === undefined ? "10/01/2022" : k.raised,
    k.lastReview === undefined ? "05/10/2022" : k.lastReview,
    k.update === undefined ? "Reviewed at RMB" : k.update,
    k.escalate === undefined ? "No" : k.escalate,
    k.escalatedTo ?? null,
    k.status ?? "Open",
  ];
}

export const registerSheet = (name: string, ...risks: Risk[]): SheetSpec => ({
  name,
  rows: [REGISTER_HEADER, ...risks.map(riskRow)],
});

/** An Update Log kept by hand: its own header row, then rows as typed. */
export const handLog = (header: string[], ...rows: CellValue[][]): SheetSpec => ({
  name: "Update Log",
  rows: [header, ...rows],
});

/** The headers most hand-kept logs the add-in recognises use (SPEC "Fields", update log). */
export const LOG = ["Date", "Risk ID", "Update", "No change", "Current score"];
