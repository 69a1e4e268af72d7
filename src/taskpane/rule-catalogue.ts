// The rules the Settings view lists, with SPEC.md's default severities.
// A local copy until src/core/rules/registry lands; then this module re-exports the registry's list.

import type { Severity } from "../core/model/finding";

/** A rule as the Settings view shows it. */
export interface RuleEntry {
  id: string;
  defaultSeverity: Severity;
  /** What the rule checks, in a few words (the Settings view's label). */
  summary: string;
}

/** Every rule of SPEC.md's "Rules" table, in the table's order. */
export const RULE_CATALOGUE: readonly RuleEntry[] = [
  { id: "risk/missing-strategy", defaultSeverity: "error", summary: "Open risk has no strategy" },
  { id: "risk/unknown-strategy", defaultSeverity: "error", summary: "Strategy is not a known word" },
  { id: "risk/stale-update", defaultSeverity: "error", summary: "No update within the review period" },
  { id: "risk/no-action", defaultSeverity: "error", summary: "Open risk has no action" },
  { id: "risk/action-overdue", defaultSeverity: "warning", summary: "Open action past its due date" },
  { id: "risk/score-mismatch", defaultSeverity: "error", summary: "Score is not likelihood × impact" },
  { id: "risk/rag-mismatch", defaultSeverity: "warning", summary: "RAG word disagrees with the score" },
  { id: "risk/missing-owner", defaultSeverity: "error", summary: "Open risk has no owner" },
  { id: "risk/missing-id", defaultSeverity: "error", summary: "Row has text but no id" },
  { id: "risk/duplicate-id", defaultSeverity: "error", summary: "Two rows share an id" },
  { id: "risk/owner-conflict", defaultSeverity: "warning", summary: "Same id, different owners" },
  { id: "risk/transfer-without-recipient", defaultSeverity: "warning", summary: "Transfer with no recipient" },
  { id: "risk/closed-with-open-actions", defaultSeverity: "warning", summary: "Closed risk with open actions" },
  { id: "risk/next-review-passed", defaultSeverity: "warning", summary: "Next review date has passed" },
  { id: "risk/future-date", defaultSeverity: "warning", summary: "Last updated after the as-at date" },
  { id: "plan/missing-date", defaultSeverity: "error", summary: "Plan action has no readable date" },
  { id: "plan/overdue", defaultSeverity: "error", summary: "Plan action overdue" },
  { id: "plan/completed-without-evidence", defaultSeverity: "error", summary: "Completed with no evidence" },
  { id: "plan/completed-not-evidenced", defaultSeverity: "warning", summary: "Completed, but work outstanding" },
  { id: "plan/missing-lead", defaultSeverity: "error", summary: "No lead director or lead officer" },
  { id: "plan/unknown-status", defaultSeverity: "warning", summary: "Status not recognised" },
  { id: "plan/misaligned-row", defaultSeverity: "warning", summary: "Row read realigned" },
  { id: "sheet/missing-column", defaultSeverity: "error", summary: "Register lacks a column a rule needs" },
];

/** The default severity of a rule id, or undefined for a rule the catalogue does not know. */
export function defaultSeverityOf(ruleId: string): Severity | undefined {
  return RULE_CATALOGUE.find((r) => r.id === ruleId)?.defaultSeverity;
}
