// The fields each kind of sheet can hold, as SPEC.md's field table names them.

export type SheetKind = "risk-register" | "actions" | "improvement-plan" | "update-log" | "unknown";

/**
 * The risk fields that score a risk (current, inherent, target and previous likelihood, impact and score,
 * and the RAG rating): a table with any of them looks like a register.
 */
export const RISK_SCORE_FIELDS = [
  "likelihood",
  "impact",
  "score",
  "inherentLikelihood",
  "inherentImpact",
  "inherentScore",
  "targetLikelihood",
  "targetImpact",
  "targetScore",
  "previousLikelihood",
  "previousImpact",
  "previousScore",
  "rag",
] as const;

export const RISK_FIELDS = [
  "id",
  "title",
  "description",
  "annex",
  "owner",
  "contractorOwner",
  "raised",
  ...RISK_SCORE_FIELDS,
  "strategy",
  "actions",
  "contractorActions",
  "controls",
  "lastUpdated",
  "update",
  "nextReview",
  "status",
  "financialImpact",
  "escalate",
  "escalatedTo",
  "transferredTo",
  "earlyWarning",
  "category",
  "targetDate",
  "actionOwner",
  "actionDue",
  "actionStatus",
  "actionRefs",
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

/**
 * Field names earlier versions saved in the Settings sheet (column corrections, the import profile) where
 * SPEC's field table has another name, by SPEC's name: the Escalate? column was saved as "escalation".
 */
const FORMER_FIELD_NAMES: ReadonlyMap<string, string> = new Map([["escalation", "escalate"]]);

/** A field name as saved in Settings, by SPEC's name ("escalation" → "escalate"); others as they are. */
export function savedFieldName(field: string): string {
  return FORMER_FIELD_NAMES.get(field) ?? field;
}

export const ACTION_FIELDS = [
  "riskId",
  "actionId",
  "action",
  "owner",
  "due",
  "status",
  "update",
  "updated",
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const PLAN_FIELDS = [
  "no",
  "aim",
  "background",
  "action",
  "date",
  "leadDirector",
  "leadOfficer",
  "status",
  "evidence",
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const UPDATE_LOG_FIELDS = [
  "date",
  "register",
  "riskId",
  "by",
  "text",
  "noChange",
  "score",
  "strategy",
  "changes",
] as const;
export type UpdateLogField = (typeof UPDATE_LOG_FIELDS)[number];

export type AnyField = RiskField | ActionField | PlanField | UpdateLogField;

/** Fields per sheet kind (unknown sheets have none). */
export const FIELDS_BY_KIND: Record<Exclude<SheetKind, "unknown">, readonly string[]> = {
  "risk-register": RISK_FIELDS,
  actions: ACTION_FIELDS,
  "improvement-plan": PLAN_FIELDS,
  "update-log": UPDATE_LOG_FIELDS,
};

/** Fields that hold dates, on any kind of sheet: the readers read them as dates, an import writes them as dates. */
export const DATE_FIELDS: readonly string[] = [
  "raised",
  "lastUpdated",
  "reviewDate",
  "nextReview",
  "targetDate",
  "actionDue",
  "due",
  "updated",
  "date",
];

const DATE_FIELD_SET = new Set(DATE_FIELDS);

/** True for a field that holds dates (see DATE_FIELDS). */
export function isDateField(field: string): boolean {
  return DATE_FIELD_SET.has(field);
}
