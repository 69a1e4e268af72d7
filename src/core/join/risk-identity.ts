// The little a check across files needs to know about each risk of one file: where it is, its id, title and
// owner, whether it is closed, and whether its file found no action for it (or a closed risk's open
// actions, or no update this period); and of the file's actions rows: the risk ids they name, how many open
// ones name each, the newest update of those naming each, and the overdue ones the file reported.

import type { CellValue } from "../model/grid";
import { newerOfMonth } from "../model/month-cells";
import type { Severity } from "../model/finding";
import type { Report } from "../model/report";
import type { Settings } from "../model/settings";
import { dayFromIso, parseActionState, type DayNumber } from "../parse";
import { fingerprintRecord } from "../rules/accepted";
import { rule as actionOverdueRule } from "../rules/risk-action-overdue";
import { rule as closedWithOpenActionsRule } from "../rules/risk-closed-with-open-actions";
import { rule as noActionRule } from "../rules/risk-no-action";
import { rule as staleUpdateRule } from "../rules/risk-stale-update";
import {
  rawValue,
  fieldColumn,
  fieldDate,
  fieldText,
  idKey,
  idsNamedIn,
  type ActionRecord,
} from "../model/records";

/** One risk as the join across files sees it: a few strings, no grid. */
export interface RiskIdentity {
  /** The id cell's value (numbers stay numbers, so they fold as the engine folds them). */
  id: CellValue;
  /** The id as written, "" when blank. */
  idText: string;
  title: string;
  owner: string;
  /** Current score (the score cell, else likelihood × impact), null when unknown. */
  score: number | null;
  sheet: string;
  /** 0-based sheet row of the record. */
  row: number;
  /** 0-based column of the owner cell, null when the risk has none. */
  ownerCol: number | null;
  /** The record's fingerprint, so an accepted exception applies to a finding made across files. */
  fingerprint: string;
  /** True when the file's own check already found an owner conflict on this risk. */
  ownerConflictInFile: boolean;
  /**
   * The file's own risk/no-action finding on this risk: its severity, or "accepted" where an officer
   * accepted it; null when there is none.
   */
  noAction: Severity | "accepted" | null;
  /** The folded ids an actions row may name this risk by: its id, and each id its id cell lists. */
  actionKeys: string[];
  /** True for a closed risk (absent for an open one). */
  closed?: true;
  /** True for an archived risk (a sheet of closed risks, a CLOSED RISKS section: see RiskFacts.archived). */
  archived?: true;
  /** 0-based column of the status cell, where a risk/closed-with-open-actions finding points. */
  statusCol?: number;
  /**
   * The file's own risk/closed-with-open-actions finding on this closed risk: its severity, or "accepted",
   * and how many open actions it counted (so the join can count other files' with them); absent when there
   * is none.
   */
  closedWithOpen?: { state: Severity | "accepted"; count: number };
  /**
   * The file's own risk/stale-update finding on this open risk: its severity, or "accepted"; absent when
   * there is none.
   */
  staleUpdate?: Severity | "accepted";
  /**
   * An open risk's latest update as its file reads it (RiskFacts.latestUpdate and its words); absent for a
   * closed risk or one never updated. An update here keeps the same risk in another file from being stale,
   * as another register of one workbook would (SPEC "Latest update": the newest of its rows').
   */
  updated?: ActionUpdate;
}

/** An actions row the file reported as risk/action-overdue, and the risk ids it names. */
export interface OverdueAction {
  sheet: string;
  /** 1-based sheet row: the finding's row. */
  row: number;
  /** The finding's record id (the action's ref, or its risk's id). */
  recordId: string | null;
  /** The folded risk ids the row names. */
  keys: string[];
  /** The finding's severity in its file, or "accepted" where an officer accepted it there. */
  was: Severity | "accepted";
}

/** What the join across files needs of a file's actions sheets' rows, besides the ids they name (actionRiskKeys). */
export interface ActionFacts {
  /** For each folded risk id: how many open actions rows name it. */
  openActionCounts: [string, number][];
  /** The rows the file's own check found overdue (risk/action-overdue on an actions sheet's row). */
  overdueActions: OverdueAction[];
  /** For each folded risk id: the newest update of the actions rows naming it. */
  actionUpdates: [string, ActionUpdate][];
}

/** The newest update of a risk's actions: its day (Update Date) and its words (the first row's of that day that has any). */
export interface ActionUpdate {
  day: DayNumber;
  text: string;
}

const placeOf = (f: { sheet: string; row: number }): string => `${f.sheet}\u0000${f.row}`;

/** The ids an actions row may name a risk by, as the engine links them (see the rule context). */
function actionKeysOf(id: CellValue): string[] {
  const whole = idKey(id);
  const listed = typeof id === "string" ? idsNamedIn(id) : [];
  const keys = listed.length > 1 ? [whole, ...listed] : [whole];
  return [...new Set(keys.filter(Boolean))];
}

/** The identities of a checked workbook's risks, in register order (from the report's risk facts). */
export function riskIdentities(report: Report): RiskIdentity[] {
  const conflicted = new Set(
    [...report.findings, ...report.accepted].filter((f) => f.ruleId === "risk/owner-conflict").map(placeOf),
  );
  const noAction = foundOn(report, noActionRule.meta.id);
  const closedWithOpen = foundOn(report, closedWithOpenActionsRule.meta.id);
  const stale = foundOn(report, staleUpdateRule.meta.id);
  return report.risks.map((f) => {
    const id = rawValue(f.record, "id");
    const statusCol = fieldColumn(f.record, "status");
    const state = closedWithOpen.get(placeOf(f));
    const closedFinding =
      state === undefined ? undefined : { state, count: report.openActionCount?.(f.record) ?? 0 };
    const staleUpdate = stale.get(placeOf(f));
    const updatedOn = f.open && f.latestUpdate !== null ? dayFromIso(f.latestUpdate) : null;
    return {
      id,
      idText: f.id,
      title: f.title,
      owner: f.owner,
      score: f.score,
      sheet: f.sheet,
      row: f.row - 1,
      ownerCol: fieldColumn(f.record, "owner") ?? null,
      fingerprint: fingerprintRecord(f.record),
      ownerConflictInFile: conflicted.has(placeOf(f)),
      noAction: noAction.get(placeOf(f)) ?? null,
      actionKeys: actionKeysOf(id),
      ...(f.open ? {} : { closed: true as const }),
      ...(f.archived ? { archived: true as const } : {}),
      ...(statusCol === undefined ? {} : { statusCol }),
      ...(closedFinding === undefined ? {} : { closedWithOpen: closedFinding }),
      ...(staleUpdate === undefined ? {} : { staleUpdate }),
      ...(updatedOn === null ? {} : { updated: { day: updatedOn, text: f.latestUpdateText } }),
    };
  });
}

/** A rule's findings (and accepted ones) by place: their severity, or "accepted". */
function foundOn(report: Report, ruleId: string): Map<string, Severity | "accepted"> {
  const found = new Map<string, Severity | "accepted">();
  for (const f of report.findings) if (f.ruleId === ruleId) found.set(placeOf(f), f.severity);
  for (const f of report.accepted) if (f.ruleId === ruleId) found.set(placeOf(f), "accepted");
  return found;
}

/** The folded risk ids a checked workbook's actions rows name, each once (an action naming two names both). */
export function actionRiskKeys(report: Report): string[] {
  const keys = new Set<string>();
  for (const a of report.records.actions) for (const k of idsNamedIn(rawValue(a, "riskId"))) keys.add(k);
  return [...keys];
}

/**
 * A checked workbook's actions rows as the join across files needs them: the open ones per risk id (an
 * action is open as the rules read its status), the newest update date per risk id (read as the rules read
 * an action's Update Date, or the month of its latest monthly progress column), and the overdue ones the
 * check reported.
 */
export function actionFacts(report: Report, settings: Settings): ActionFacts {
  const open = new Map<string, number>();
  const openStatus = new Map<string, boolean>();
  const isOpen = (a: ActionRecord): boolean => {
    const status = fieldText(a, "status");
    let known = openStatus.get(status);
    if (known === undefined) openStatus.set(status, (known = parseActionState(status, settings) === "open"));
    return known;
  };
  const updated = new Map<string, ActionUpdate>();
  for (const a of report.records.actions) {
    const named = idsNamedIn(rawValue(a, "riskId"));
    if (named.length === 0) continue;
    if (isOpen(a)) for (const k of new Set(named)) open.set(k, (open.get(k) ?? 0) + 1);
    const day = newerOfMonth(fieldDate(a, "updated", "lastUpdated"), a, "update");
    if (day === null) continue;
    for (const k of named) {
      const newest = updated.get(k);
      if (newest === undefined || day > newest.day) updated.set(k, { day, text: fieldText(a, "update") });
      else if (day === newest.day && !newest.text) newest.text = fieldText(a, "update");
    }
  }
  // The overdue rows of actions sheets (a risk's own action on the register is reported on the risk's row).
  const overdue = [
    ...report.findings.map((f) => ({ f, was: f.severity as Severity | "accepted" })),
    ...report.accepted.map((f) => ({ f, was: "accepted" as const })),
  ].filter(({ f }) => f.ruleId === actionOverdueRule.meta.id && f.messageId !== "ownOverdue");
  const overdueActions: OverdueAction[] = [];
  if (overdue.length > 0) {
    const byPlace = new Map(
      report.records.actions.map((a) => [placeOf({ sheet: a.sheet, row: a.row + 1 }), a]),
    );
    for (const { f, was } of overdue) {
      const action = byPlace.get(placeOf(f));
      if (!action) continue;
      overdueActions.push({
        sheet: f.sheet,
        row: f.row,
        recordId: f.recordId,
        keys: idsNamedIn(rawValue(action, "riskId")),
        was,
      });
    }
  }
  return { openActionCounts: [...open], overdueActions, actionUpdates: [...updated] };
}
