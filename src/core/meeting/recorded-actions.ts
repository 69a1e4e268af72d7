// Actions' values recorded in this meeting. The card is built from the report read at the start of the
// meeting, so going back to a risk shows its actions' status and due date as this meeting left them.

import type { Settings } from "../model/settings";
import { parseActionState, ukDateOfIso } from "../parse";
import type { MeetingAction, RiskCard } from "./card";

/** One action's status and due date after a record: the action by its sheet and 1-based row. */
export interface ActionValues {
  sheet: string;
  /** 1-based sheet row, as MeetingAction.row (the risk's own row for its action on the register). */
  row: number;
  status: string;
  /** ISO due date, or null when it has none that reads as a date. */
  due: string | null;
}

const sameRow = (a: Pick<ActionValues, "sheet" | "row">, b: Pick<ActionValues, "sheet" | "row">) =>
  a.sheet === b.sheet && a.row === b.row;

/** The values of an earlier record with a later one's over them (the later record's values are the ones now). */
export function mergeActionValues(
  earlier: readonly ActionValues[] | undefined,
  later: readonly ActionValues[],
): ActionValues[] {
  return [...(earlier ?? []).filter((e) => !later.some((l) => sameRow(e, l))), ...later];
}

/** The card with its actions' recorded values over those read at the start; the same card when there are none. */
export function withRecordedActions(
  card: RiskCard,
  recorded: readonly ActionValues[] | undefined,
  settings: Settings,
): RiskCard {
  if (!recorded || recorded.length === 0) return card;
  const overlay = <A extends MeetingAction>(a: A): A => {
    const v = recorded.find((r) => sameRow(r, a));
    if (!v) return a;
    return {
      ...a,
      status: v.status,
      due: v.due,
      dueText: v.due === a.due ? a.dueText : v.due === null ? "" : ukDateOfIso(v.due),
      open: parseActionState(v.status, settings) === "open",
    };
  };
  return {
    ...card,
    actions: card.actions.map(overlay),
    ownAction: card.ownAction ? overlay(card.ownAction) : null,
  };
}
