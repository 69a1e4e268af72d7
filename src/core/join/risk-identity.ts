// The little a check across files needs to know about each risk of one file: where it is, its id, title and owner.

import type { CellValue } from "../model/grid";
import type { Report } from "../model/report";
import { fingerprintRecord } from "../rules/accepted";
import { rawValue, fieldColumn } from "../model/records";

/** One risk as the join across files sees it: a few strings, no grid. */
export interface RiskIdentity {
  /** The id cell's value (numbers stay numbers, so they fold as the engine folds them). */
  id: CellValue;
  /** The id as written, "" when blank. */
  idText: string;
  title: string;
  owner: string;
  /** Current score (the score cell, else likelihood × impact), null when unknown. */
  score: number | null;
  sheet: string;
  /** 0-based sheet row of the record. */
  row: number;
  /** 0-based column of the owner cell, null when the risk has none. */
  ownerCol: number | null;
  /** The record's fingerprint, so an accepted exception applies to a finding made across files. */
  fingerprint: string;
  /** True when the file's own check already found an owner conflict on this risk. */
  ownerConflictInFile: boolean;
}

/** The identities of a checked workbook's risks, in register order (from the report's risk facts). */
export function riskIdentities(report: Report): RiskIdentity[] {
  const conflicted = new Set(
    [...report.findings, ...report.accepted]
      .filter((f) => f.ruleId === "risk/owner-conflict")
      .map((f) => `${f.sheet}\u0000${f.row}`),
  );
  return report.risks.map((f) => ({
    id: rawValue(f.record, "id"),
    idText: f.id,
    title: f.title,
    owner: f.owner,
    score: f.score,
    sheet: f.sheet,
    row: f.row - 1,
    ownerCol: fieldColumn(f.record, "owner") ?? null,
    fingerprint: fingerprintRecord(f.record),
    ownerConflictInFile: conflicted.has(`${f.sheet}\u0000${f.row}`),
  }));
}
