// Checks one workbook file of several and keeps only what the joint report needs (no grids, no records),
// so a worker thread can hand it back cheaply and the files are never all held at once.

import type { Movement } from "../core/merge/movement";
import { checkWorkbook } from "../core/check";
import type { Severity } from "../core/model/finding";
import type { AcceptedException } from "../core/model/settings";
import type { ActionsElsewhere } from "../core/join/across-files";
import { actionRiskKeys, riskIdentities, type RiskIdentity } from "../core/join/risk-identity";
import { rule as noActionRule } from "../core/rules/risk-no-action";
import { rule as ownerConflictRule } from "../core/rules/risk-owner-conflict";
import { escalationKeys } from "../core/summary/roll-up";
import { countOnce, summaryDataOf } from "../core/summary/summary-data";
import type { SummaryData } from "../core/summary/summary-types";
import { FileReadError, readWorkbookFile } from "../files/read-workbook-file";
import type { OutputFormat } from "./args";
import { readInput, requireCheckableSheet } from "./check-input";
import { CliError } from "./cli-error";
import {
  toJsonReport,
  type JsonEscalation,
  type JsonFinding,
  type JsonProposal,
  type JsonSheet,
} from "./format-json";
import { textReport, type TextReport } from "./format-text";
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
  /** The file's own report in --format json's single-file terms (sheets, findings, escalations, proposals). */
  json?: {
    sheets: JsonSheet[];
    findings: JsonFinding[];
    escalations: JsonEscalation[];
    proposals: JsonProposal[];
  };
  /** The file's own report as the single-file text output prints it (laid out by layOutText). */
  text?: TextReport;
  /** The file's part in the join across files: its risks, and the risk ids its actions rows name. */
  risks: RiskIdentity[];
  actionKeys: string[];
  ownerConflictSeverity: Severity | "off";
  acceptedExceptions: AcceptedException[];
  /**
   * The summary tabs' data for the roll-up (only when asked for), the file's protective marking, and the
   * movement its last import recorded (the roll-up of one file shows it, as the file's own tabs do).
   */
  summary?: { data: SummaryData; marking: string; movement?: Movement };
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
    risks: [],
    actionKeys: [],
    ownerConflictSeverity: "off",
    acceptedExceptions: [],
  };
}

/** Reads and checks one file as `risk-review check FILE` would; never throws (a failure is the result's `error`). */
export async function checkFile(job: FileJob): Promise<FileResult> {
  try {
    const grids = await readWorkbookFile(await readInput(job.path, job.file), job.file);
    // A roll-up or review written by an earlier run, kept in the folder being checked.
    if (grids.length > 0 && grids.every((g) => g.owned)) return { ...nothingFrom(job.file), ownReview: true };
    const { settings, issues } = settingsFromGrids(grids);
    const report = checkWorkbook(grids, { settings, asAt: job.asAt, source: job.file });
    requireCheckableSheet(report, grids, job.file);
    const count = (s: Severity): number => report.findings.filter((f) => f.severity === s).length;
    const json = job.format === "json" ? toJsonReport(report) : undefined;
    // A risk on several registers of this file is one risk (SPEC "Owned tabs"), in the roll-up's part and in
    // the count line's escalations alike, as the file's own summary tabs count it.
    const once = countOnce(report.risks, report.escalations, report.proposals);
    return {
      file: job.file,
      warnings: issues,
      asAt: report.asAt,
      counts: {
        error: count("error"),
        warning: count("warning"),
        info: count("info"),
      },
      escalated: escalationKeys(report.risks, once.escalations),
      json: json && {
        sheets: json.sheets,
        findings: json.findings,
        escalations: json.escalations,
        proposals: json.proposals,
      },
      text: job.format === "text" ? textReport(report, job.file) : undefined,
      risks: riskIdentities(report),
      actionKeys: actionRiskKeys(report),
      ownerConflictSeverity:
        settings.ruleSeverities[ownerConflictRule.meta.id] ?? ownerConflictRule.meta.defaultSeverity,
      acceptedExceptions: settings.acceptedExceptions,
      summary: job.rollUp
        ? {
            data: summaryDataOf(report, once),
            marking: settings.protectiveMarking,
            ...(settings.lastImport?.movement ? { movement: settings.lastImport.movement } : {}),
          }
        : undefined,
    };
  } catch (err) {
    return failedFile(job.file, plainReason(job.file, err));
  }
}

/**
 * The file's result without its risk/no-action findings on the risks whose actions another file holds
 * (SPEC "Many workbooks": risks are joined across files as across sheets): gone from its JSON, its text,
 * its roll-up part and its counts, as they would be had the actions been a sheet of the same workbook.
 */
export function withActionsElsewhere(result: FileResult, elsewhere: readonly ActionsElsewhere[]): FileResult {
  const mine = elsewhere.filter((e) => e.file === result.file);
  if (mine.length === 0) return result;
  const withdrawn = new Set(mine.map((e) => `${e.sheet}\u0000${e.row}`));
  const stands = (f: { ruleId: string; sheet: string; row: number }): boolean =>
    f.ruleId !== noActionRule.meta.id || !withdrawn.has(`${f.sheet}\u0000${f.row}`);
  const counts = { ...result.counts };
  for (const e of mine) if (e.was !== "accepted") counts[e.was]--;
  return {
    ...result,
    counts,
    json: result.json && { ...result.json, findings: result.json.findings.filter(stands) },
    text: result.text && {
      ...result.text,
      findings: result.text.findings.filter(stands),
      accepted: result.text.accepted.filter(stands),
    },
    summary: result.summary && {
      ...result.summary,
      data: {
        ...result.summary.data,
        findings: result.summary.data.findings.filter(stands),
        accepted: result.summary.data.accepted.filter(stands),
      },
    },
  };
}

/** Why a file could not be checked, in one line; a bug says so (the stack shows with RISK_REVIEW_DEBUG). */
function plainReason(file: string, err: unknown): string {
  if (err instanceof FileReadError || err instanceof CliError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  const stack = process.env.RISK_REVIEW_DEBUG && err instanceof Error && err.stack ? `\n${err.stack}` : "";
  return `"${file}" could not be checked: unexpected error: ${message} (this is a bug in risk-review; set RISK_REVIEW_DEBUG=1 to see details)${stack}`;
}
