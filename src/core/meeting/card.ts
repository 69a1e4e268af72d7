// What the meeting shows for one risk: its facts, its actions and its findings, looked up in O(1).

import { riskHistory } from "../history";
import type { Finding } from "../model/finding";
import type { Proposal, RiskHistory } from "../model/history";
import {
  OWN_ACTION_NAME,
  ownActionCells,
  ownActionName,
  ownCellsListSeveral,
  readOwnActions,
  type OwnAction,
} from "../model/own-action";
import {
  fieldDate,
  fieldText,
  idKey,
  idsNamedIn,
  type ActionRecord,
  type RiskRecord,
  rawValue,
  rawCell,
} from "../model/records";
import type { Report } from "../model/report";
import type { RiskFacts } from "../model/risk-summary";
import type { Settings } from "../model/settings";
import { isoFromDay, parseActionState, parseDateCell } from "../parse";
import { excerpt } from "../rules/excerpt";
import { storyInMeeting, type RiskInMeeting } from "./card-now";

export interface CardAction {
  own?: false;
  record: ActionRecord;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  actionId: string;
  text: string;
  /** ISO due date, or null when blank or unreadable. */
  due: string | null;
  /** The due cell as written (shown when it is not a date). */
  dueText: string;
  status: string;
  open: boolean;
}

/**
 * The risk's own action on the register (SPEC "Actions inside the register"), read as the check reads it:
 * its cells are the Action Owner, Action Due Date and Action Status columns of the risk's own row.
 */
export interface CardOwnAction {
  own: true;
  /** The risk's record, whose row holds the action. */
  record: RiskRecord;
  sheet: string;
  /** 1-based sheet row: the risk's. */
  row: number;
  owner: string;
  /** ISO due date, or null when blank or unreadable. */
  due: string | null;
  /** The due cell as written (shown when it is not a date). */
  dueText: string;
  status: string;
  open: boolean;
  /**
   * One the meeting changes on its own lines (of several kept one a line in those cells, or dated on its line of
   * the actions text): which, and its lines; absent for the risk's one action, whose cells are its alone.
   */
  line?: OwnLine;
}

/**
 * One of the risk's own actions the meeting changes on its own line: of several kept one a line in the
 * own-action cells (readOwnActions), the raw line of the Action Due Date, Action Status and Action Owner cells
 * the meeting writes for it alone (its OwnAction.cellLines), null where that field is not offered, as no line
 * of the cell is this action's alone; or one whose due date is written on its line of the actions text.
 */
export interface OwnLine {
  action: OwnAction;
  due: number | null;
  status: number | null;
  owner: number | null;
  /**
   * Where its due date is written on its own line of the actions text ("Resurface A38 – JS – 31/12/22"): its
   * item's place among the text's items (OwnAction.dueItem), which the meeting rewrites in place; else null.
   */
  dueInText: number | null;
}

/** An action the meeting can change: an actions sheet's row, or the risk's own action on the register. */
export type MeetingAction = CardAction | CardOwnAction;

/**
 * The actions the meeting can change on a card: the risk's own action on the register first (its one, or those
 * kept one a line, in their order), then its actions sheets' rows.
 */
export function meetingActions(
  card: Pick<RiskCard, "actions" | "ownAction" | "ownLineActions">,
): MeetingAction[] {
  return [...(card.ownAction ? [card.ownAction] : []), ...card.ownLineActions, ...card.actions];
}

/** The key of a meeting action among a card's (its sheet row, and its line for one kept one a line). */
export function meetingActionKey(a: MeetingAction): string {
  return a.own && a.line ? `${a.sheet}:${a.row}:${a.line.action.line}` : `${a.sheet}:${a.row}`;
}

/**
 * How the meeting names an action, in the Update Log's Changes and the Meeting Record: "on the register" for
 * the risk's one own action, and one of several kept one a line as findings name it (ownActionName: its
 * words in quotes, "\"Resurface A38\" on the register", a ";" in them a "," so the Changes cell reads back);
 * else its id, else its first `chars` words' characters, else its row.
 */
export function meetingActionName(a: MeetingAction, chars?: number): string {
  if (a.own) return a.line ? ownActionName(a.line.action, chars).replace(/;/g, ",") : OWN_ACTION_NAME;
  return a.actionId || a.text.slice(0, chars ?? 40) || `row ${a.row}`;
}

/**
 * What the record panel calls an action: "Action on the register", "Action 2 'Review claims' on the register"
 * (one of several kept one a line), or "Action A-1".
 */
export function meetingActionLabel(a: MeetingAction): string {
  if (a.own && a.line) return `${ownLineLabel(a.line.action)} ${OWN_ACTION_NAME}`;
  return `Action ${meetingActionName(a, 30)}`;
}

/** "Action 2 'Review claims'" (its words cut at 30 characters), or "Action 2" where the actions text names none. */
export function ownLineLabel(a: Pick<OwnAction, "line" | "text">): string {
  return a.text ? `Action ${a.line} '${excerpt(a.text, 30)}'` : `Action ${a.line}`;
}

export interface RiskCard {
  facts: RiskFacts;
  /** Rows of actions sheets for this risk. */
  actions: CardAction[];
  /**
   * The register's own action (Action Owner / Due Date / Status on the risk's row) the meeting can change;
   * null when none, or when those cells list several actions, one a line (see `ownLineActions`).
   */
  ownAction: CardOwnAction | null;
  /**
   * The own actions the meeting can change line by line, in their order: of several kept one a line in those
   * cells, each with a line of its own in the Action Due Date, Action Status or Action Owner cell; and each
   * whose due date is written on its own line of the actions text (see OwnLine).
   */
  ownLineActions: CardOwnAction[];
  /** The risk's own actions on the register as the check reads them (one a line: readOwnActions). */
  ownActions: readonly OwnAction[];
  /** The register's own actions text ("Mitigating Actions"), "" when none. */
  actionsText: string;
  /** Findings on the risk's row or its action rows, in priority order. */
  findings: Finding[];
  /** Scores and log entries month by month, the last twelve months (SPEC "History of a risk"). */
  history: RiskHistory;
  /** The proposal for the boards on this risk, if any (never applied by itself). */
  proposal: Proposal | null;
}

/** Lookups built once per report so each card is a few map reads (the 100 ms budget on 10k risks). */
export interface CardIndex {
  actionsByRisk: Map<string, ActionRecord[]>;
  findingsByRow: Map<string, Finding[]>;
  proposalsByRow: Map<string, Proposal>;
  report: Pick<Report, "asAt" | "history" | "proposalWith">;
  settings: Settings;
}

const rowKey = (sheet: string, row1: number) => `${sheet}\u0000${row1}`;

/**
 * Indexes a report's actions (by folded risk id: a row whose risk id cell lists several ids, read as the
 * check reads it, is filed under each) and findings (by sheet row).
 */
export function buildCardIndex(
  report: Pick<Report, "records" | "findings" | "asAt" | "history" | "proposals" | "proposalWith">,
  settings: Settings,
): CardIndex {
  const actionsByRisk = new Map<string, ActionRecord[]>();
  for (const a of report.records.actions) {
    // The cell as written: ids one per line are a list (as the check's links read it, rules/context.ts).
    for (const key of new Set(idsNamedIn(rawValue(a, "riskId")))) {
      const list = actionsByRisk.get(key);
      if (list) list.push(a);
      else actionsByRisk.set(key, [a]);
    }
  }
  const findingsByRow = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.cell === null) continue;
    const k = rowKey(f.sheet, f.row);
    const list = findingsByRow.get(k);
    if (list) list.push(f);
    else findingsByRow.set(k, [f]);
  }
  const proposalsByRow = new Map(report.proposals.map((p) => [rowKey(p.sheet, p.row), p]));
  return { actionsByRisk, findingsByRow, proposalsByRow, report, settings };
}

function cardAction(a: ActionRecord, settings: Settings): CardAction {
  const dueCell = rawCell(a, "due");
  const due = dueCell ? parseDateCell(dueCell, "deadline") : null;
  const status = fieldText(a, "status");
  return {
    record: a,
    sheet: a.sheet,
    row: a.row + 1,
    actionId: fieldText(a, "actionId"),
    text: fieldText(a, "action"),
    due: due && due.ok ? isoFromDay(due.value) : null,
    dueText: dueCell?.text ?? "",
    status,
    open: parseActionState(status, settings) === "open",
  };
}

/**
 * The own action the meeting can change whole: its cells hold one action (a cell of several lines is never
 * written whole; each action's line of it is: cardOwnLineActions).
 */
function cardOwnAction(facts: RiskFacts, settings: Settings): CardOwnAction | null {
  const own = ownActionCells(facts.record);
  if (!own || ownCellsListSeveral(facts.record)) return null;
  const due = fieldDate(facts.record, "actionDue", "deadline");
  return {
    own: true,
    record: facts.record,
    sheet: facts.sheet,
    row: facts.row,
    ...own,
    due: due === null ? null : isoFromDay(due),
    open: parseActionState(own.status, settings) === "open",
  };
}

/**
 * The own actions the meeting can change on their own lines: those with a line of their own in the Action Due
 * Date, Action Status or Action Owner cell, and those whose due date is written on their line of the actions
 * text (`dueInText`: false where the risk's one action in the own-action cells is offered instead, whose Due
 * is the action's). None for a record joined from several rows (an id merged down): its cells' lines are not
 * one cell's.
 */
function cardOwnLineActions(
  facts: RiskFacts,
  ownActions: readonly OwnAction[],
  dueInText: boolean,
): CardOwnAction[] {
  if (facts.record.rows.length > 1) return [];
  return ownActions.flatMap((a): CardOwnAction[] => {
    const due = a.cellLines?.due ?? null;
    const status = a.cellLines?.status ?? null;
    const owner = a.cellLines?.owner ?? null;
    const inText = dueInText && a.dueField === "actions" ? (a.dueItem ?? null) : null;
    if (due === null && status === null && owner === null && inText === null) return [];
    return [
      {
        own: true,
        record: facts.record,
        sheet: facts.sheet,
        row: facts.row,
        owner: a.owner,
        due: a.due === null ? null : isoFromDay(a.due),
        dueText: a.dueText,
        status: a.status,
        open: a.open,
        line: { action: a, due, status, owner, dueInText: inText },
      },
    ];
  });
}

/**
 * The card for one risk (`facts`: as the check read it). Once the meeting has changed the risk (`now`), the
 * card shows its values now, with the direction of travel, history and proposal worked out again from them
 * and the rows the meeting logged (see storyInMeeting); its actions and findings are the check's.
 */
export function cardFor(facts: RiskFacts, index: CardIndex, now?: RiskInMeeting): RiskCard {
  const story = now
    ? storyInMeeting(facts, now, index)
    : {
        facts,
        history: riskHistory(index.report, facts),
        proposal: index.proposalsByRow.get(rowKey(facts.sheet, facts.row)) ?? null,
      };
  const records = index.actionsByRisk.get(idKey(rawValue(facts.record, "id"))) ?? [];
  const actions = facts.id ? records.map((a) => cardAction(a, index.settings)) : [];
  const findings = [...(index.findingsByRow.get(rowKey(facts.sheet, facts.row)) ?? [])];
  for (const a of actions) findings.push(...(index.findingsByRow.get(rowKey(a.sheet, a.row)) ?? []));
  // The own actions as the meeting left them: the record a line write made, or the row a co-author's change kept.
  const ownActions = readOwnActions(
    story.facts.record,
    (s) => parseActionState(s, index.settings) === "open",
  );
  const ownAction = cardOwnAction(facts, index.settings);
  return {
    facts: story.facts,
    actions,
    ownAction,
    ownLineActions: cardOwnLineActions(story.facts, ownActions, ownAction === null),
    ownActions,
    // As the meeting left it too: a due date it rewrote on an action's line is shown as written.
    actionsText: fieldText(story.facts.record, "actions"),
    findings,
    history: story.history,
    proposal: story.proposal,
  };
}
