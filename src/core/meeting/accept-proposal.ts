// A proposal the chair accepts in the meeting: its words, and the Update Log row that records it.
// Accepting never changes the register (SPEC: proposals are never applied by themselves).

import type { LogAppend } from "../model/edits";
import type { Proposal } from "../model/history";
import type { RiskFacts } from "../model/risk-summary";
import { dayFromIso } from "../parse";
import { destinationTitle } from "../escalate/destination-labels";
import { serialFromDay } from "../parse";
import { UPDATE_LOG_HEADER } from "./record";

/** "Escalate to Operations Board" / "De-escalate from Corporate risk register". */
export function proposalWords(p: Pick<Proposal, "action" | "destination">): string {
  const where = destinationTitle(p.destination);
  return p.action === "escalate" ? `Escalate to ${where}` : `De-escalate from ${where}`;
}

/** How the Update Log text of an accepted proposal starts. */
export const PROPOSAL_ACCEPTED = "Proposal accepted: ";

/** The Update Log text of an accepted proposal. */
export function acceptedProposalText(p: Proposal): string {
  return `${PROPOSAL_ACCEPTED}${proposalWords(p)} (${p.reason})`;
}

/**
 * The Update Log row recording an accepted proposal: the meeting date, the risk, who recorded it, the
 * words, "No" for no-change (a decision was taken), the score and strategy as they stand, and the
 * register; no other changes (the register is not changed).
 */
export function acceptedProposalLog(
  p: Proposal,
  facts: Pick<RiskFacts, "id" | "score" | "strategy" | "sheet">,
  meetingDate: string,
  by: string,
): LogAppend {
  const day = dayFromIso(meetingDate);
  if (day === null) throw new Error(`acceptedProposalLog: meeting date "${meetingDate}" is not an ISO date`);
  return {
    kind: "update-log",
    header: [...UPDATE_LOG_HEADER],
    asAt: meetingDate,
    rows: [
      [
        serialFromDay(day),
        facts.id || p.recordId,
        by,
        acceptedProposalText(p),
        "No",
        facts.score,
        facts.strategy,
        facts.sheet,
        "",
      ],
    ],
  };
}
