// Plain-English names for fields and sheet kinds, as the Check view shows them.

import type { SheetKind } from "../core/model/fields";

const FIELD_LABELS: Record<string, string> = {
  id: "Risk ID",
  title: "Title",
  description: "Description",
  annex: "Service annex",
  owner: "Owner",
  raised: "Date raised",
  likelihood: "Likelihood (current)",
  impact: "Impact (current)",
  score: "Score (current)",
  inherentLikelihood: "Likelihood (inherent)",
  inherentImpact: "Impact (inherent)",
  inherentScore: "Score (inherent)",
  targetLikelihood: "Likelihood (target)",
  targetImpact: "Impact (target)",
  targetScore: "Score (target)",
  rag: "RAG",
  strategy: "Strategy",
  actions: "Actions",
  controls: "Controls",
  lastUpdated: "Last updated",
  update: "Latest update",
  nextReview: "Next review",
  status: "Status",
  financialImpact: "Financial impact",
  escalate: "Escalate?",
  escalatedTo: "Escalated to",
  category: "Category",
  targetDate: "Target date",
  register: "Register",
  changes: "Changes",
  transferredTo: "Transferred to",
  earlyWarning: "Early warning",
  actionOwner: "Action owner (on the register)",
  actionDue: "Action due date (on the register)",
  actionStatus: "Action status (on the register)",
  riskId: "Risk ID",
  actionId: "Action ref",
  action: "Action",
  due: "Due date",
  updated: "Update date",
  no: "No",
  aim: "Improvement aim",
  background: "Background",
  date: "Date",
  leadDirector: "Lead director",
  leadOfficer: "Lead officer",
  evidence: "Evidence",
  by: "By",
  text: "Text",
  noChange: "No change",
};

const KIND_LABELS: Record<SheetKind, string> = {
  "risk-register": "Risk register",
  actions: "Actions",
  "improvement-plan": "Improvement plan",
  "update-log": "Update log",
  unknown: "Not used",
};

/** "lastUpdated" → "Last updated"; unknown ids are shown as they are. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** "risk-register" → "Risk register". */
export function kindLabel(kind: SheetKind): string {
  return KIND_LABELS[kind];
}
