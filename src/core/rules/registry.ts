// Every rule, in the order their findings are listed. A test checks each rule file is here.

import { rule as planCompletedNotEvidenced } from "./plan-completed-not-evidenced";
import { rule as planCompletedWithoutEvidence } from "./plan-completed-without-evidence";
import { rule as planMisalignedRow } from "./plan-misaligned-row";
import { rule as planMissingDate } from "./plan-missing-date";
import { rule as planMissingLead } from "./plan-missing-lead";
import { rule as planOverdue } from "./plan-overdue";
import { rule as planUnknownStatus } from "./plan-unknown-status";
import { rule as riskAboveAppetite } from "./risk-above-appetite";
import { rule as riskActionOverdue } from "./risk-action-overdue";
import { rule as riskClosedWithOpenActions } from "./risk-closed-with-open-actions";
import { rule as riskDuplicateId } from "./risk-duplicate-id";
import { rule as riskFutureDate } from "./risk-future-date";
import { rule as riskMissingId } from "./risk-missing-id";
import { rule as riskMissingOwner } from "./risk-missing-owner";
import { rule as riskMissingStrategy } from "./risk-missing-strategy";
import { rule as riskNextReviewPassed } from "./risk-next-review-passed";
import { rule as riskNoAction } from "./risk-no-action";
import { rule as riskNoChangeWhileSlipping } from "./risk-no-change-while-slipping";
import { rule as riskOwnerConflict } from "./risk-owner-conflict";
import { rule as riskRagMismatch } from "./risk-rag-mismatch";
import { rule as riskScoreMismatch } from "./risk-score-mismatch";
import { rule as riskStaleUpdate } from "./risk-stale-update";
import { rule as riskTargetPassed } from "./risk-target-passed";
import { rule as riskTransferWithoutRecipient } from "./risk-transfer-without-recipient";
import { rule as riskUnknownStrategy } from "./risk-unknown-strategy";
import { rule as sheetCellsPastHeaders } from "./sheet-cells-past-headers";
import { rule as sheetMissingColumn } from "./sheet-missing-column";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  planCompletedNotEvidenced,
  planCompletedWithoutEvidence,
  planMisalignedRow,
  planMissingDate,
  planMissingLead,
  planOverdue,
  planUnknownStatus,
  riskAboveAppetite,
  riskActionOverdue,
  riskClosedWithOpenActions,
  riskDuplicateId,
  riskFutureDate,
  riskMissingId,
  riskMissingOwner,
  riskMissingStrategy,
  riskNextReviewPassed,
  riskNoAction,
  riskNoChangeWhileSlipping,
  riskOwnerConflict,
  riskRagMismatch,
  riskScoreMismatch,
  riskStaleUpdate,
  riskTargetPassed,
  riskTransferWithoutRecipient,
  riskUnknownStrategy,
  sheetMissingColumn,
  sheetCellsPastHeaders,
];

/** Rule ids with their default severities and descriptions, for Settings and the README. */
export const RULE_CATALOGUE = RULES.map((r) => ({
  id: r.meta.id,
  defaultSeverity: r.meta.defaultSeverity,
  description: r.meta.description,
}));
