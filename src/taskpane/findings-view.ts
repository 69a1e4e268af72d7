// Pure helpers behind the Check view's findings list: filter, group, count. No React here.

import type { Finding, Severity } from "../core/model/finding";
import type { SheetInfo } from "../core/model/sheet-info";
import { toA1 } from "../core/address/a1";

/** The Check view's filter; "" means "all". */
export interface FindingFilter {
  ruleId: string;
  sheet: string;
  severity: Severity | "";
}

export const NO_FILTER: FindingFilter = { ruleId: "", sheet: "", severity: "" };

/** One heading of the findings list: a severity and a rule. */
export interface FindingGroup {
  key: string;
  severity: Severity;
  ruleId: string;
  findings: Finding[];
}

/** Findings that pass the filter, in the order given. */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (f) =>
      (filter.ruleId === "" || f.ruleId === filter.ruleId) &&
      (filter.sheet === "" || f.sheet === filter.sheet) &&
      (filter.severity === "" || f.severity === filter.severity),
  );
}

/**
 * Groups by severity and rule, in order of each group's first finding. The engine already sorts
 * findings by priority (no strategy and no update this month first), so grouping keeps that order.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.severity}|${f.ruleId}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, severity: f.severity, ruleId: f.ruleId, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()];
}

/** Counts per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Distinct values of one property, sorted, for a filter's options. */
export function distinct(findings: readonly Finding[], key: "ruleId" | "sheet"): string[] {
  return [...new Set(findings.map((f) => f[key]))].sort();
}

/** Where a finding points: its cell, or the header row's first cell for a sheet-level finding. */
export function findingAddress(f: Finding, sheet?: Pick<SheetInfo, "columns">): string {
  if (f.cell) return f.cell;
  // A sheet-level finding points at the header row: across the table's columns, wherever the table starts.
  const cols = (sheet?.columns ?? []).map((c) => c.col);
  if (cols.length === 0) return `A${f.row}`;
  const first = toA1(f.row - 1, Math.min(...cols));
  const last = toA1(f.row - 1, Math.max(...cols));
  return first === last ? first : `${first}:${last}`;
}

/** "IRIS Risks!K9 · HRC-005": the finding's place, as the list shows it. */
export function findingPlace(f: Finding): string {
  const where = f.cell ? `${f.sheet}!${f.cell}` : `${f.sheet}, header row ${f.row}`;
  return f.recordId ? `${where} · ${f.recordId}` : where;
}

const SEVERITY_WORDS: Record<Severity, [string, string]> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

/** "1 error", "3 warnings". */
export function severityCount(severity: Severity, n: number): string {
  return `${n} ${SEVERITY_WORDS[severity][n === 1 ? 0 : 1]}`;
}
