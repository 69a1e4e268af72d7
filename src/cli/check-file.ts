// Checks one workbook file of several and keeps only what the joint report needs (no grids, no records),
// so a worker thread can hand it back cheaply and the files are never all held at once.

import { readSensitivityLabel, type SensitivityLabel } from "../files/xlsx/sensitivity-label";
import type { Movement } from "../core/merge/movement";
import { checkWorkbook } from "../core/check";
import { compareFindings, type Finding, type Severity } from "../core/model/finding";
import { DEFAULT_SETTINGS, type AcceptedException, type RagBands } from "../core/model/settings";
import type { AcrossFiles, UpdatedElsewhere } from "../core/join/across-files";
import {
  actionFacts,
  actionRiskKeys,
  riskIdentities,
  type ActionUpdate,
  type OverdueAction,
  type RiskIdentity,
} from "../core/join/risk-identity";
import { rule as actionOverdueRule } from "../core/rules/risk-action-overdue";
import { rule as closedWithOpenActionsRule } from "../core/rules/risk-closed-with-open-actions";
import { rule as noActionRule } from "../core/rules/risk-no-action";
import { rule as ownerConflictRule } from "../core/rules/risk-owner-conflict";
import { rule as staleUpdateRule } from "../core/rules/risk-stale-update";
import { escalationKeys, proposalKeys } from "../core/summary/roll-up";
import { countOnce, summaryDataOf } from "../core/summary/summary-data";
import { holdsOnlyALog, loggedRisks } from "../core/summary/logged-risks";
import type { Report } from "../core/model/report";
import type { SummaryData, SummaryRisk } from "../core/summary/summary-types";
import { FileReadError, readWorkbookFile } from "../files/read-workbook-file";
import type { OutputFormat } from "./args";
import { readInput, requireCheckableSheet } from "./check-input";
import { CliError } from "./cli-error";
import {
  jsonFinding,
  toJsonReport,
  type JsonEscalation,
  type JsonFinding,
  type JsonProposal,
  type JsonSheet,
} from "./format-json";
import { textFinding, textReport, type TextReport } from "./format-text";
import { settingsFromGrids } from "./settings-from-grids";

/** One file to check. */
export interface FileJob {
  /** Where the file is, as the command line can open it. */
  path: string;
  /** The name the report gives it. */
  file: string;
  /** --as-at, when given; else the file's own Settings, else today. */
  asAt?: string;
  format: OutputFormat;
  /** True when --out asks for the roll-up: keep the summary tabs' data too. */
  rollUp: boolean;
}

/** The findings a file's report counts, by severity. */
export interface FileCounts {
  error: number;
  warning: number;
  info: number;
}

/** What the joint report needs of one file's check: findings, escalations, risk identities; never its grids. */
export interface FileResult {
  file: string;
  /** One plain line saying why the file could not be checked; the rest is then empty. */
  error?: string;
  /**
   * True when the file holds only an Update Log (kept beside the registers' files): read as the history of the
   * risks it names in the other files (its summary's `logged`), not as a file to check as at a date of its own.
   */
  historyOnly?: true;
  /** True when the file is a review risk-review wrote (every tab its own): not an input; the rest is empty. */
  ownReview?: true;
  /** Settings rows that could not be read (their settings kept their defaults). */
  warnings: string[];
  /** The date the file was checked as at (ISO). */
  asAt: string;
  counts: FileCounts;
  /**
   * The same-risk key of each risk the file escalates (a risk on several of its registers once, as its
   * summary tabs show it), so a risk several files escalate is counted once.
   */
  escalated: string[];
  /** The proposalKeys of the file's proposals (as listed once), so a change several files propose is counted once. */
  proposed: string[];
  /** The file's own report in --format json's single-file terms (sheets, findings, escalations, proposals). */
  json?: {
    sheets: JsonSheet[];
    findings: JsonFinding[];
    escalations: JsonEscalation[];
    proposals: JsonProposal[];
  };
  /** The file's own report as the single-file text output prints it (laid out by layOutText). */
  text?: TextReport;
  /**
   * The file's part in the join across files: its risks, the risk ids its actions rows name, how many open
   * actions rows name each, the newest update of those naming each, the actions rows it reported overdue,
   * and its review period (months).
   */
  risks: RiskIdentity[];
  actionKeys: string[];
  openActionCounts: [string, number][];
  actionUpdates: [string, ActionUpdate][];
  overdueActions: OverdueAction[];
  reviewPeriodMonths: number;
  ownerConflictSeverity: Severity | "off";
  closedWithOpenSeverity: Severity | "off";
  /** The file's sheets in its tabs' order (findings are listed in it). */
  sheetOrder: string[];
  acceptedExceptions: AcceptedException[];
  /**
   * The summary tabs' data for the roll-up (only when asked for), the file's protective marking and RAG
   * bands, and the movement its last import recorded (the roll-up of one file shows it, as the file's own
   * tabs do; a roll-up of several names the files with one).
   */
  summary?: {
    data: SummaryData;
    marking: string;
    ragBands: RagBands;
    movement?: Movement;
    /** The file's sensitivity label, carried onto the roll-up (see rollUpLabel). */
    label?: SensitivityLabel;
  };
}

/** The result for a file that could not be checked. */
export function failedFile(file: string, error: string): FileResult {
  return { ...nothingFrom(file), error };
}

/** A result with nothing checked in it. */
function nothingFrom(file: string): FileResult {
  return {
    file,
    warnings: [],
    asAt: "",
    counts: { error: 0, warning: 0, info: 0 },
    escalated: [],
    proposed: [],
    risks: [],
    actionKeys: [],
    openActionCounts: [],
    actionUpdates: [],
    overdueActions: [],
    reviewPeriodMonths: DEFAULT_SETTINGS.reviewPeriodMonths,
    ownerConflictSeverity: "off",
    closedWithOpenSeverity: "off",
    sheetOrder: [],
    acceptedExceptions: [],
  };
}

/** Reads and checks one file as `risk-review check FILE` would; never throws (a failure is the result's `error`). */
export async function checkFile(job: FileJob): Promise<FileResult> {
  try {
    const bytes = await readInput(job.path, job.file);
    const grids = await readWorkbookFile(bytes, job.file);
    // A roll-up or review written by an earlier run, kept in the folder being checked.
    if (grids.length > 0 && grids.every((g) => g.owned)) return { ...nothingFrom(job.file), ownReview: true };
    const { settings, issues } = settingsFromGrids(grids);
    const report = checkWorkbook(grids, { settings, asAt: job.asAt, source: job.file });
    // A workbook holding only an Update Log is the history of other files' risks (README "Many workbooks").
    const historyOnly = holdsOnlyALog(report);
    if (!historyOnly) requireCheckableSheet(report, grids, job.file);
    const count = (s: Severity): number => report.findings.filter((f) => f.severity === s).length;
    const json = job.format === "json" ? toJsonReport(report) : undefined;
    // A risk on several registers of this file is one risk (SPEC "Owned tabs"), in the roll-up's part and in
    // the count line's escalations alike, as the file's own summary tabs count it.
    const once = countOnce(report.risks, report.escalations, report.proposals);
    return {
      file: job.file,
      ...(historyOnly ? { historyOnly: true as const } : {}),
      warnings: issues,
      asAt: report.asAt,
      counts: {
        error: count("error"),
        warning: count("warning"),
        info: count("info"),
      },
      escalated: escalationKeys(report.risks, once.escalations),
      proposed: proposalKeys(report.risks, once.proposals),
      json: json && {
        sheets: json.sheets,
        findings: json.findings,
        escalations: json.escalations,
        proposals: json.proposals,
      },
      text: job.format === "text" ? textOf(report, job.file, historyOnly) : undefined,
      risks: riskIdentities(report),
      actionKeys: actionRiskKeys(report),
      ...actionFacts(report, settings),
      reviewPeriodMonths: settings.reviewPeriodMonths,
      ownerConflictSeverity:
        settings.ruleSeverities[ownerConflictRule.meta.id] ?? ownerConflictRule.meta.defaultSeverity,
      closedWithOpenSeverity:
        settings.ruleSeverities[closedWithOpenActionsRule.meta.id] ??
        closedWithOpenActionsRule.meta.defaultSeverity,
      sheetOrder: report.sheets.map((s) => s.name),
      acceptedExceptions: settings.acceptedExceptions,
      summary: job.rollUp
        ? {
            data: historyOnly
              ? { ...summaryDataOf(report, once), logged: loggedRisks(report, settings) }
              : summaryDataOf(report, once),
            marking: settings.protectiveMarking,
            ragBands: settings.rag,
            ...(settings.lastImport?.movement ? { movement: settings.lastImport.movement } : {}),
            ...labelOf(bytes),
          }
        : undefined,
    };
  } catch (err) {
    return failedFile(job.file, plainReason(job.file, err));
  }
}

/** The file's sensitivity label, as a roll-up part's `label`, when it carries one. */
function labelOf(bytes: Uint8Array): { label?: SensitivityLabel } {
  const label = readSensitivityLabel(bytes);
  return label ? { label } : {};
}

/** What the file's part of the text report says: for a workbook holding only an Update Log, how it is read. */
function textOf(report: Report, file: string, historyOnly: boolean): TextReport {
  const text = textReport(report, file);
  if (!historyOnly) return text;
  return { ...text, head: [...text.head, HISTORY_ONLY_LINE] };
}

/** Said in the part of a workbook holding only an Update Log. */
export const HISTORY_ONLY_LINE =
  "Holds only an Update Log: read as the history of the risks it names on the other files' registers.";

/**
 * The file's result after the join across files (SPEC "Many workbooks": risks are joined across files as
 * across sheets), as it would be had the other files' sheets been sheets of this workbook: without its
 * risk/no-action findings on risks whose actions another file holds, its risk/stale-update findings on
 * risks whose actions another file updated this period, and its risk/action-overdue findings on actions
 * whose risks are all closed in other files; with a risk/closed-with-open-actions finding on each closed
 * risk another file still has open actions for (where the file already had one, it is replaced by the
 * join's, which counts every file's open actions: the same finding, so no count changes), and with the
 * owner conflicts the join placed in the file. In its JSON, its text, its roll-up part and its counts alike
 * (an owner conflict is in the text and the counts only: the JSON and the roll-up take the join's conflicts
 * from the join itself); an accepted finding is withdrawn from, added to, or replaced in its accepted ones.
 */
export function afterJoin(
  result: FileResult,
  across: Pick<
    AcrossFiles,
    "findings" | "accepted" | "actionsElsewhere" | "overdueForClosed" | "closedElsewhere" | "updatedElsewhere"
  >,
): FileResult {
  const placeOf = (ruleId: string, sheet: string, row: number): string =>
    `${ruleId}\u0000${sheet}\u0000${row}`;
  const mine = <T extends { file: string }>(list: readonly T[]): T[] =>
    list.filter((e) => e.file === result.file);
  const withdrawn = new Map<string, Severity | "accepted">();
  for (const e of mine(across.actionsElsewhere))
    withdrawn.set(placeOf(noActionRule.meta.id, e.sheet, e.row), e.was);
  for (const e of mine(across.overdueForClosed))
    withdrawn.set(placeOf(actionOverdueRule.meta.id, e.sheet, e.row), e.was);
  const updated = mine(across.updatedElsewhere);
  for (const e of updated) withdrawn.set(placeOf(staleUpdateRule.meta.id, e.sheet, e.row), e.was);
  const added = mine(across.closedElsewhere);
  // A recounted finding takes its place: the file's own is withdrawn (and its count with it) as it is added.
  for (const c of added)
    if (c.replaces !== undefined)
      withdrawn.set(placeOf(closedWithOpenActionsRule.meta.id, c.sheet, c.row), c.replaces);
  const conflicts = mine(across.findings);
  const acceptedConflicts = mine(across.accepted);
  if (withdrawn.size === 0 && added.length === 0 && conflicts.length === 0 && acceptedConflicts.length === 0)
    return result;

  const counts = { ...result.counts };
  for (const was of withdrawn.values()) if (was !== "accepted") counts[was]--;
  for (const c of added) if (!c.accepted) counts[c.finding.severity]++;
  for (const f of conflicts) counts[f.severity]++;
  const stands = (f: { ruleId: string; sheet: string; row: number }): boolean =>
    !withdrawn.has(placeOf(f.ruleId, f.sheet, f.row));
  const found: Finding[] = added.filter((c) => !c.accepted).map((c) => c.finding);
  const accepted: Finding[] = added.filter((c) => c.accepted).map((c) => c.finding);
  // Each list keeps the order of the file's own report (priority, severity, rule, then sheet and row).
  const sheetOrder = new Map(result.sheetOrder.map((name, i) => [name, i]));
  const placed = <T extends Parameters<typeof compareFindings>[0]>(list: readonly T[], extra: T[]): T[] => {
    const kept = list.filter(stands);
    return extra.length === 0 ? kept : [...kept, ...extra].sort((a, b) => compareFindings(a, b, sheetOrder));
  };
  return {
    ...result,
    counts,
    json: result.json && { ...result.json, findings: placed(result.json.findings, found.map(jsonFinding)) },
    text: result.text && {
      ...result.text,
      findings: placed(result.text.findings, [...found, ...conflicts].map(textFinding)),
      accepted: placed(result.text.accepted, [...accepted, ...acceptedConflicts].map(textFinding)),
    },
    summary: result.summary && {
      ...result.summary,
      data: {
        ...result.summary.data,
        findings: placed(result.summary.data.findings, found),
        accepted: placed(result.summary.data.accepted, accepted),
        ...updatedThrough(result.summary.data, updated),
      },
    },
  };
}

/**
 * The summary's risks once other files' actions have updated some this period: not stale, their latest
 * update those actions' (the Risk Summary's stale count, the Escalation tab's last update and its words;
 * their own was older, as they were stale). Nothing when none was.
 */
function updatedThrough(
  data: Pick<SummaryData, "risks" | "alsoHeld">,
  updated: readonly Pick<UpdatedElsewhere, "sheet" | "row" | "updated" | "updateText">[],
): Partial<Pick<SummaryData, "risks" | "alsoHeld">> {
  if (updated.length === 0) return {};
  const updateAt = new Map(updated.map((u) => [`${u.sheet}\u0000${u.row}`, u]));
  const update = (r: SummaryRisk): SummaryRisk => {
    const u = updateAt.get(`${r.sheet}\u0000${r.row}`);
    if (u === undefined) return r;
    return {
      ...r,
      stale: false,
      latestUpdate: u.updated,
      latestUpdateText: u.updateText || r.latestUpdateText,
    };
  };
  return {
    risks: data.risks.map(update),
    ...(data.alsoHeld ? { alsoHeld: data.alsoHeld.map(update) } : {}),
  };
}

/** Why a file could not be checked, in one line; a bug says so (the stack shows with RISK_REVIEW_DEBUG). */
function plainReason(file: string, err: unknown): string {
  if (err instanceof FileReadError || err instanceof CliError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  const stack = process.env.RISK_REVIEW_DEBUG && err instanceof Error && err.stack ? `\n${err.stack}` : "";
  return `"${file}" could not be checked: unexpected error: ${message} (this is a bug in risk-review; set RISK_REVIEW_DEBUG=1 to see details)${stack}`;
}
