// A risk's own action kept on the register (SPEC "Actions inside the register"): Action Owner, Action
// Target Date / Action Due Date and Action Status on the register sheet. Read here once for the check's
// rules and for the meeting's card.

import { fieldText, rawText, type RiskRecord } from "./records";

/**
 * How the logs and findings name the risk's own action (an actions sheet's row goes by its id): the
 * Update Log's Changes cell writes "on the register due 30/09/2022 → 31/10/2022", which the history reads back.
 */
export const OWN_ACTION_NAME = "on the register";

/** The own action's cells as written (placeholders read as blank). */
export interface OwnActionCells {
  owner: string;
  status: string;
  /** The due cell as written ("" when blank). */
  dueText: string;
}

/** The risk's own action, or null when its action columns are empty or absent. */
export function ownActionCells(risk: RiskRecord): OwnActionCells | null {
  const owner = fieldText(risk, "actionOwner");
  const status = fieldText(risk, "actionStatus");
  const dueText = rawText(risk, "actionDue");
  if (!owner && !status && !dueText) return null;
  return { owner, status, dueText };
}
