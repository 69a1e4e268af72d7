// The little a check across files needs to know about each risk of one file: where it is, its id, title and owner.

import { fieldText } from "../model/records";
import type { CellValue } from "../model/grid";
import type { Report } from "../model/report";
import { fingerprintRecord } from "../rules/accepted";

/** One risk as the join across files sees it: a few strings, no grid. */
export interface RiskIdentity {
  /** The id cell's value (numbers stay numbers, so they fold as the engine folds them). */
  id: CellValue;
  /** The id as written, "" when blank. */
  idText: string;
  title: string;
  owner: string;
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

/** The identities of a checked workbook's risks, in register order. */
export function riskIdentities(report: Report): RiskIdentity[] {
  const conflicted = new Set(
    [...report.findings, ...report.accepted]
      .filter((f) => f.ruleId === "risk/owner-conflict")
      .map((f) => `${f.sheet}\u0000${f.row}`),
  );
  return report.records.risks.map((r) => ({
    id: r.fields.id?.value ?? null,
    idText: fieldText(r, "id"),
    title: fieldText(r, "title") || fieldText(r, "description"),
    owner: fieldText(r, "owner"),
    sheet: r.sheet,
    row: r.row,
    ownerCol: r.fields.owner?.col ?? null,
    fingerprint: fingerprintRecord(r),
    ownerConflictInFile: conflicted.has(`${r.sheet}\u0000${r.row + 1}`),
  }));
}
