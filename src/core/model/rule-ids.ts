// The stable ids of the rules (SPEC "Rules"), for code that must know them without loading the rules
// themselves: reading rule severities from the Settings sheet. The registry test keeps this list and
// src/core/rules/registry.ts the same.

export const RULE_IDS: readonly string[] = [
  "plan/completed-not-evidenced",
  "plan/completed-without-evidence",
  "plan/misaligned-row",
  "plan/missing-date",
  "plan/missing-lead",
  "plan/overdue",
  "plan/unknown-status",
  "risk/above-appetite",
  "risk/action-overdue",
  "risk/closed-with-open-actions",
  "risk/duplicate-id",
  "risk/future-date",
  "risk/missing-id",
  "risk/missing-owner",
  "risk/missing-strategy",
  "risk/next-review-passed",
  "risk/no-action",
  "risk/no-change-while-slipping",
  "risk/owner-conflict",
  "risk/rag-mismatch",
  "risk/score-mismatch",
  "risk/stale-update",
  "risk/target-passed",
  "risk/transfer-without-recipient",
  "risk/unknown-strategy",
  "sheet/missing-column",
  "sheet/cells-past-headers",
];

/** Edits (letters added, removed or changed) between two short texts. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/**
 * The rule id an unknown id was most likely meant to be ("risk/stale-updates" → "risk/stale-update"):
 * the same whatever the case and spaces, or within two typing slips; undefined when none is that close.
 */
export function nearestRuleId(id: string): string | undefined {
  return nearestOf(id, RULE_IDS);
}

/**
 * The one of `known` a typed name was most likely meant to be: the same whatever the case and spaces, or
 * within two typing slips; undefined when none is that close.
 */
export function nearestOf(typed: string, known: readonly string[]): string | undefined {
  const folded = typed.trim().toLowerCase().replace(/\s+/g, "");
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(folded, name.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
