// A finding: one rule broken at one place.

export type Severity = "error" | "warning" | "info";

export interface Finding {
  ruleId: string;
  severity: Severity;
  sheet: string;
  /**
   * A1 address of the cell, or null for a sheet-level finding. A cell inside a merged area is named by the
   * area's top-left cell, where Excel shows its value and a mark can be seen.
   */
  cell: string | null;
  /**
   * 1-based sheet row: the record's first row (the header row for a sheet-level finding). The cell may
   * sit above it, in a merged area's top-left cell.
   */
  row: number;
  /** 0-based column of the cell, for selecting and marking; null for sheet-level findings. */
  col: number | null;
  recordId: string | null;
  messageId: string;
  message: string;
  /** The field the finding is about, when there is one. */
  field?: string;
  /** Text of the record's cells, so an accepted exception returns when they change. */
  fingerprint?: string;
}

/** Sorting rank: risks with no strategy or no update this month come first (SPEC "Check"). */
export const PRIORITY_RULES: readonly string[] = ["risk/missing-strategy", "risk/stale-update"];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What findings are ordered by (a finding as the JSON or the text lists it has no column: ties stay as they are). */
export type FindingOrder = Pick<Finding, "ruleId" | "severity" | "sheet" | "row"> & { col?: number | null };

/** Orders findings by what they are, wherever they stand: priority rules first, then by severity and rule. */
export function compareFindingKinds(
  a: Pick<FindingOrder, "ruleId" | "severity">,
  b: Pick<FindingOrder, "ruleId" | "severity">,
): number {
  const pa = PRIORITY_RULES.indexOf(a.ruleId);
  const pb = PRIORITY_RULES.indexOf(b.ruleId);
  const ra = pa < 0 ? PRIORITY_RULES.length : pa;
  const rb = pb < 0 ? PRIORITY_RULES.length : pb;
  if (ra !== rb) return ra - rb;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return 0;
}

/** Orders findings: priority rules first, then by severity, rule, sheet and row. */
export function compareFindings(
  a: FindingOrder,
  b: FindingOrder,
  sheetOrder?: ReadonlyMap<string, number>,
): number {
  const byKind = compareFindingKinds(a, b);
  if (byKind !== 0) return byKind;
  if (a.sheet !== b.sheet) {
    // Sheets in the workbook's order (its tabs), where known; else by name.
    const sa = sheetOrder?.get(a.sheet);
    const sb = sheetOrder?.get(b.sheet);
    if (sa !== undefined && sb !== undefined) return sa - sb;
    return a.sheet < b.sheet ? -1 : 1;
  }
  if (a.row !== b.row) return a.row - b.row;
  return (a.col ?? -1) - (b.col ?? -1);
}
