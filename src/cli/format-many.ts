// Renders the report of a check over many files: each file's own report, then what was found across files.

import { terminalSafeLines } from "./terminal-text";
import type { AcrossFiles, FileFinding } from "../core/join/across-files";
import type { Severity } from "../core/model/finding";
import { ukDateOfIso } from "../core/parse";
import { countEscalationsOnce, countProposalsOnce } from "../core/summary/roll-up";
import type { FileResult } from "./check-file";
import {
  jsonFinding,
  type JsonEscalation,
  type JsonFinding,
  type JsonProposal,
  type JsonSheet,
} from "./format-json";
import { count, findingPlace, layOutText, severityHeading, table } from "./format-text";

/** One file as the JSON lists it; `error` says why it could not be checked. */
export interface JsonFile {
  file: string;
  sheets: JsonSheet[];
  error?: string;
}

/** The `--format json` document of a check over many files (SPEC "Many workbooks"). */
export interface ManyJsonReport {
  asAt: string;
  files: JsonFile[];
  findings: (JsonFinding & { file: string })[];
  escalations: (JsonEscalation & { file: string })[];
  proposals: (JsonProposal & { file: string })[];
}

/** The whole JSON document: files in the order checked, then findings, escalations and proposals file by file. */
export function toManyJson(
  asAt: string,
  results: readonly FileResult[],
  across: AcrossFiles,
): ManyJsonReport {
  const checked = results.filter((r) => r.json);
  return {
    asAt,
    files: results.map((r) =>
      r.error === undefined
        ? { file: r.file, sheets: r.json?.sheets ?? [] }
        : { file: r.file, sheets: [], error: r.error },
    ),
    findings: [
      ...checked.flatMap((r) => (r.json?.findings ?? []).map((f) => ({ file: r.file, ...f }))),
      ...across.findings.map((f) => ({ file: f.file, ...jsonFinding(f) })),
    ],
    escalations: checked.flatMap((r) => (r.json?.escalations ?? []).map((e) => ({ file: r.file, ...e }))),
    proposals: checked.flatMap((r) => (r.json?.proposals ?? []).map((p) => ({ file: r.file, ...p }))),
  };
}

/** The JSON text printed on stdout. */
export function renderManyJson(asAt: string, results: readonly FileResult[], across: AcrossFiles): string {
  return `${JSON.stringify(toManyJson(asAt, results, across), null, 2)}\n`;
}

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

function findingRows(findings: readonly FileFinding[]): string[] {
  return table(
    findings.map((f) => [
      f.severity,
      f.ruleId,
      `${f.file}: ${findingPlace(f)}`,
      f.recordId || "-",
      f.message,
    ]),
  ).map((l) => `  ${l}`);
}

/**
 * The dates the checked files were checked as at, each once, earliest first. A workbook holding only an Update
 * Log has none of its own: its history is read as at the others' (see runCheckMany).
 */
export function filesAsAtDates(results: readonly FileResult[]): string[] {
  return [
    ...new Set(results.filter((r) => r.error === undefined && !r.historyOnly).map((r) => r.asAt)),
  ].sort();
}

/**
 * The as-at words that end the text's first line: " as at 2022-10-10", or, where the files were checked as
 * at their own dates (each from its own Settings), ", each as at its own date: " the earliest to the latest.
 */
function asAtWords(results: readonly FileResult[]): string {
  const dates = filesAsAtDates(results);
  return dates.length === 1
    ? ` as at ${dates[0]}`
    : `, each as at its own date: ${dates[0]} to ${dates[dates.length - 1]}`;
}

/**
 * The text report: a line on what was checked and as at when, each file's own report as `check FILE` prints it (as it
 * stands after the join: see afterJoin), the files that could not be checked, what was found across
 * files, and the count line over everything.
 */
export function renderManyText(results: readonly FileResult[], across: AcrossFiles): string {
  const checked = results.filter((r) => r.error === undefined);
  const failed = results.filter((r) => r.error !== undefined);
  const out: string[] = [];
  out.push(`Checked ${checked.length} of ${count(results.length, "file")}${asAtWords(results)}.`);
  out.push("");
  // Each file's part is laid out terminal-safe already, line by line: its lines are taken as they are.
  for (const r of checked) {
    if (r.text) out.push(...layOutText(r.text).trimEnd().split("\n"));
    out.push("");
  }
  if (failed.length > 0) {
    out.push(`Not checked (${failed.length}):`);
    for (const r of failed) out.push(`  ${r.file}: ${r.error}`);
    out.push("");
  }

  out.push("Across files:");
  if (across.findings.length === 0) out.push("  No owner conflicts between files.");
  for (const severity of SEVERITY_ORDER) {
    const group = across.findings.filter((f) => f.severity === severity);
    if (group.length > 0)
      out.push(
        `Owner conflicts between files, ${severityHeading(severity).toLowerCase()} (${group.length}):`,
      );
    for (const row of findingRows(group)) out.push(row);
  }
  if (across.accepted.length > 0)
    out.push(
      `Accepted owner conflicts between files (${across.accepted.length}):`,
      ...findingRows(across.accepted),
    );
  if (across.actionsElsewhere.length > 0) {
    out.push(
      `Risks whose actions are in another file, so not "no actions" (${across.actionsElsewhere.length}):`,
    );
    out.push(
      ...table(
        across.actionsElsewhere.map((a) => [
          a.recordId || "-",
          `${a.file}: ${a.sheet} row ${a.row}`,
          `actions in ${a.actionsIn.join(", ")}`,
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (across.updatedElsewhere.length > 0) {
    out.push(
      `Risks updated in another file (through their actions, or on a register there holding them), so not "not updated" (${across.updatedElsewhere.length}):`,
    );
    out.push(
      ...table(
        across.updatedElsewhere.map((u) => [
          u.recordId || "-",
          `${u.file}: ${u.sheet} row ${u.row}`,
          `${u.through === "actions" ? "action updated" : "updated"} ${ukDateOfIso(u.updated)} in ${u.updatedIn.join(", ")}`,
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (across.closedElsewhere.length > 0) {
    out.push(
      `Closed risks with open actions in another file, so "closed with open actions" (${across.closedElsewhere.length}):`,
    );
    out.push(
      ...table(
        across.closedElsewhere.map((c) => [
          c.recordId || "-",
          `${c.file}: ${findingPlace(c.finding)}`,
          `open actions in ${c.actionsIn.join(", ")}` +
            // The file's own finding, recounted with them.
            (c.replaces !== undefined ? `, and in ${c.file} itself` : "") +
            (c.accepted ? " (accepted there)" : ""),
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (across.overdueForClosed.length > 0) {
    out.push(
      `Overdue actions whose risks are all closed in another file, so not "overdue" (${across.overdueForClosed.length}):`,
    );
    out.push(
      ...table(
        across.overdueForClosed.map((o) => [
          o.recordId || "-",
          `${o.file}: ${o.sheet} row ${o.row}`,
          `risks closed in ${o.risksIn.join(", ")}`,
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (across.shared.length > 0) {
    out.push(`Risks on more than one file (${across.shared.length}):`);
    out.push(
      ...table(
        across.shared.map((s) => [
          s.idText,
          s.title || "(no title)",
          s.holders
            .map(
              (h) =>
                `${h.file} (${h.risk.sheet} row ${h.risk.row + 1}, owner ${h.risk.owner || "not given"}, ` +
                `score ${h.risk.score ?? "not given"})`,
            )
            .join("; "),
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  out.push("");

  // Each file's counts include the owner conflicts the join placed in it (see afterJoin).
  const total = (s: Severity): number => checked.reduce((n, r) => n + r.counts[s], 0);
  // A risk several files escalate is one risk to escalate, and a change several propose one proposal, as
  // the roll-up shows them once.
  const escalations = countEscalationsOnce(
    checked.flatMap((r) => r.escalated.map((key) => ({ file: r.file, key }))),
  );
  const proposals = countProposalsOnce(checked.flatMap((r) => r.proposed));
  out.push(
    `All files: ${count(total("error"), "error")}, ${count(total("warning"), "warning")}, ` +
      `${count(total("info"), "note")}; ${count(escalations, "risk")} to escalate; ` +
      `${count(proposals, "proposal")}` +
      (failed.length > 0 ? `; ${count(failed.length, "file")} not checked.` : "."),
  );
  // Cells and file names reach the terminal shown, never obeyed: each entry of `out` is one line, made safe
  // whole (a name's line break is shown as "\n", never splits it), as are the tables' cells before layout.
  return `${terminalSafeLines(out)}\n`;
}
