// Renders a Report as the plain text an officer reads in a terminal.

import { columnLetter } from "../core/address/a1";
import { DESTINATION_LABELS } from "../core/escalate/destination-labels";
import { proposalWords } from "../core/meeting/accept-proposal";
import type { Finding, Severity } from "../core/model/finding";
import type { Report } from "../core/model/report";
import type { SheetInfo } from "../core/model/sheet-info";
import { TREND_ARROWS, type Trend } from "../core/model/history";
import { mergesUnreadNote, structureLines } from "../core/read/structure-lines";
import { listedOnce } from "./listed-once";
import { terminalSafe, terminalSafeLines } from "./terminal-text";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** "3 errors", "1 warning". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Where a finding points: "IRIS Risks!K9", or "IRIS Risks (sheet, header row 4)" for a sheet-level one. */
export function findingPlace(f: Pick<Finding, "sheet" | "cell" | "row">): string {
  return f.cell === null ? `${f.sheet} (sheet, row ${f.row})` : `${f.sheet}!${f.cell}`;
}

function sheetLines(s: SheetInfo): string[] {
  if (s.kind === "unknown" || s.headerRow === null) {
    return [`  ${s.name}: not a plan, register or actions sheet${s.note ? ` (${s.note})` : ""}`];
  }
  const mapped = s.columns
    .filter((c) => c.field !== null)
    .map((c) => `${c.field}=${columnLetter(c.col)}`)
    .join(", ");
  const lines = [
    `  ${s.name}: ${s.kind}, header row ${s.headerRow + 1}, ${count(s.recordCount, "record")}`,
    `    columns: ${mapped || "none"}`,
  ];
  if (s.unmapped.length > 0) lines.push(`    not recognised: ${s.unmapped.join(", ")}`);
  for (const line of structureLines(s)) lines.push(`    ${line}`);
  if (s.mergesUnread) lines.push(`    ${mergesUnreadNote(s.mergesUnread)}`);
  return lines;
}

/** A trend in a terminal: the arrow and its word ("↑ up"), "new", or "-" when nothing dates the risk. */
export function trendText(trend: Trend): string {
  return trend === null ? "-" : trend === "new" ? "new" : `${TREND_ARROWS[trend]} ${trend}`;
}

/**
 * Pads each column of a table of strings to its widest cell, two spaces apart; the last column is left as
 * is. Each cell is made terminal-safe first (a file name, sheet name or title holding a line break or ESC
 * is shown escaped, on its row), so every row is one line and the widths count what is printed.
 */
export function table(rows: string[][]): string[] {
  const safe = rows.map((r) => r.map(terminalSafe));
  const widths: number[] = [];
  for (const r of safe) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return safe.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  "));
}

/** A finding as the text report lists it. */
export type TextFinding = Pick<
  Finding,
  "severity" | "ruleId" | "sheet" | "cell" | "row" | "recordId" | "message"
>;

/**
 * A file's text report before it is laid out: the lines above and below the findings, and the findings
 * apart, as plain data a worker thread can hand back (so a check over many files can withdraw a finding
 * the join across files does not let stand, and count what is left).
 */
export interface TextReport {
  /** File, as-at date and sheets. */
  head: string[];
  findings: TextFinding[];
  accepted: TextFinding[];
  /** Escalations, proposals and the direction of travel. */
  tail: string[];
  escalations: number;
  proposals: number;
}

/** A finding as the text report keeps it. */
export const textFinding = (f: Finding): TextFinding => ({
  severity: f.severity,
  ruleId: f.ruleId,
  sheet: f.sheet,
  cell: f.cell,
  row: f.row,
  recordId: f.recordId,
  message: f.message,
});

/** Where a listed risk is: its row, and the other registers holding it ("Highways row 2 (also Contractor's Risks!A2)"). */
function placeWithOthers(item: { sheet: string; row: number; alsoOnSheets?: readonly string[] }): string {
  const also = item.alsoOnSheets?.length ? ` (also ${item.alsoOnSheets.join(", ")})` : "";
  return `${item.sheet} row ${item.row}${also}`;
}

/** A report's text, in parts: see TextReport. */

export function textReport(report: Report, fileName: string): TextReport {
  const once = listedOnce(report);
  const head: string[] = [];
  head.push(`File:  ${fileName}`);
  head.push(`As at: ${report.asAt}`);
  head.push("Sheets:");
  for (const s of report.sheets) for (const line of sheetLines(s)) head.push(line);
  head.push("");

  const tail: string[] = [];
  if (once.escalations.length > 0) {
    tail.push(`Escalations (${once.escalations.length}):`);
    tail.push(
      ...table(
        once.escalations.map((e) => [
          e.recordId || "(no id)",
          placeWithOthers(e),
          trendText(e.trend),
          e.destinations.map((d, i) => `${DESTINATION_LABELS[d]} (${e.reasons[i] ?? ""})`).join("; "),
        ]),
      ).map((l) => `  ${l}`),
    );
    tail.push("");
  }

  if (once.proposals.length > 0) {
    tail.push(`Proposed changes for the boards (${once.proposals.length}; never applied by themselves):`);
    tail.push(
      ...table(
        once.proposals.map((p) => [
          p.recordId || "(no id)",
          placeWithOthers(p),
          // "Escalate to Operations Board", "De-escalate from Corporate risk register", as the tab says it.
          proposalWords(p),
          p.reason,
        ]),
      ).map((l) => `  ${l}`),
    );
    tail.push("");
  }

  const trends = new Map<Trend, number>();
  for (const r of once.risks) if (r.open) trends.set(r.trend, (trends.get(r.trend) ?? 0) + 1);
  if (once.risks.some((r) => r.open))
    tail.push(
      `Direction of travel of open risks: ${trends.get("up") ?? 0} ↑ up, ${trends.get("down") ?? 0} ↓ down, ` +
        `${trends.get("same") ?? 0} → same, ${trends.get("new") ?? 0} new, ${trends.get(null) ?? 0} with no direction (not dated, or no score).`,
    );
  return {
    head,
    findings: report.findings.map(textFinding),
    accepted: report.accepted.map(textFinding),
    tail,
    escalations: once.escalations.length,
    proposals: once.proposals.length,
  };
}

/** The words that head a group of findings of one severity: "Errors", "Warnings", "Information". */
export function severityHeading(severity: Severity): string {
  return severity === "error" ? "Errors" : severity === "warning" ? "Warnings" : "Information";
}

/**
 * The whole text report (every line terminal-safe: a cell's control characters are shown, not obeyed): header (file, as-at, sheets), findings grouped by severity (keeping the report's
 * order inside each group, so the priority rules come first), escalations, then a count line.
 */
export function layOutText(t: TextReport): string {
  const out: string[] = [...t.head];
  if (t.findings.length === 0) out.push("No findings.");
  for (const severity of SEVERITY_ORDER) {
    const group = t.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`${severityHeading(severity)} (${group.length}):`);
    out.push(
      ...table(group.map((f) => [f.severity, f.ruleId, findingPlace(f), f.recordId || "-", f.message])).map(
        (l) => `  ${l}`,
      ),
    );
    out.push("");
  }

  if (t.accepted.length > 0) {
    out.push(`Accepted exceptions (${t.accepted.length}):`);
    out.push(
      ...table(t.accepted.map((f) => [f.ruleId, findingPlace(f), f.recordId || "-", f.message])).map(
        (l) => `  ${l}`,
      ),
    );
    out.push("");
  }

  out.push(...t.tail);
  const by = (s: Severity): number => t.findings.filter((f) => f.severity === s).length;
  out.push(
    `${count(by("error"), "error")}, ${count(by("warning"), "warning")}, ${count(by("info"), "note")}; ` +
      `${count(t.escalations, "risk")} to escalate; ${count(t.proposals, "proposal")}.`,
  );
  return `${terminalSafeLines(out)}\n`;
}

/** The whole text report of one workbook (see layOutText). */
export function renderText(report: Report, fileName: string): string {
  return layOutText(textReport(report, fileName));
}
