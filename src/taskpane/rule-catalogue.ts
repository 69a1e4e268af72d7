// The rules the Settings view lists, with their default severities, taken from the engine's registry
// so a new rule appears in Settings without touching the task pane.

import type { Severity } from "../core/model/finding";
import { RULE_CATALOGUE as REGISTRY } from "../core/rules/registry";

/** A rule as the Settings view shows it. */
export interface RuleEntry {
  id: string;
  defaultSeverity: Severity;
  /** What the rule checks, in a sentence (the Settings view's hint). */
  summary: string;
}

/** Every registered rule, in the registry's order. */
export const RULE_CATALOGUE: readonly RuleEntry[] = REGISTRY.map((r) => ({
  id: r.id,
  defaultSeverity: r.defaultSeverity,
  summary: r.description,
}));

/** The default severity of a rule id, or undefined for a rule the registry does not know. */
export function defaultSeverityOf(ruleId: string): Severity | undefined {
  return RULE_CATALOGUE.find((r) => r.id === ruleId)?.defaultSeverity;
}
