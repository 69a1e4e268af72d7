// The little a check across files needs to know about each risk of one file: where it is, its id, title and
// owner, and whether its file found no action for it; and the risk ids the file's actions rows name.

import type { CellValue } from "../model/grid";
import type { Severity } from "../model/finding";
import type { Report } from "../model/report";
import { fingerprintRecord } from "../rules/accepted";
import { rule as noActionRule } from "../rules/risk-no-action";
import { rawValue, fieldColumn, idKey, idsNamedIn } from "../model/records";

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
  /**
   * The file's own risk/no-action finding on this risk: its severity, or "accepted" where an officer
   * accepted it; null when there is none.
   */
  noAction: Severity | "accepted" | null;
  /** The folded ids an actions row may name this risk by: its id, and each id its id cell lists. */
  actionKeys: string[];
}

const placeOf = (f: { sheet: string; row: number }): string => `${f.sheet}\u0000${f.row}`;

/** The ids an actions row may name a risk by, as the engine links them (see the rule context). */
function actionKeysOf(id: CellValue): string[] {
  const whole = idKey(id);
  const listed = typeof id === "string" ? idsNamedIn(id) : [];
  const keys = listed.length > 1 ? [whole, ...listed] : [whole];
  return [...new Set(keys.filter(Boolean))];
}

/** The identities of a checked workbook's risks, in register order (from the report's risk facts). */
export function riskIdentities(report: Report): RiskIdentity[] {
  const conflicted = new Set(
    [...report.findings, ...report.accepted].filter((f) => f.ruleId === "risk/owner-conflict").map(placeOf),
  );
  const noAction = new Map<string, Severity | "accepted">();
  for (const f of report.findings)
    if (f.ruleId === noActionRule.meta.id) noAction.set(placeOf(f), f.severity);
  for (const f of report.accepted)
    if (f.ruleId === noActionRule.meta.id) noAction.set(placeOf(f), "accepted");
  return report.risks.map((f) => {
    const id = rawValue(f.record, "id");
    return {
      id,
      idText: f.id,
      title: f.title,
      owner: f.owner,
      score: f.score,
      sheet: f.sheet,
      row: f.row - 1,
      ownerCol: fieldColumn(f.record, "owner") ?? null,
      fingerprint: fingerprintRecord(f.record),
      ownerConflictInFile: conflicted.has(placeOf(f)),
      noAction: noAction.get(placeOf(f)) ?? null,
      actionKeys: actionKeysOf(id),
    };
  });
}

/** The folded risk ids a checked workbook's actions rows name, each once (an action naming two names both). */
export function actionRiskKeys(report: Report): string[] {
  const keys = new Set<string>();
  for (const a of report.records.actions) for (const k of idsNamedIn(rawValue(a, "riskId"))) keys.add(k);
  return [...keys];
}
