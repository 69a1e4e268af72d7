// The Exceptions tab: every finding with a link to its cell; accepted ones in their own block.

import { OWNED_TAB_NAMES, type OwnedCell, type OwnedTab } from "../model/owned-tab";
import type { AcceptedException } from "../model/settings";
import { dayFromIso } from "../parse";
import { acceptedBy } from "../rules/accepted";
import type { SummaryData, SummaryFinding } from "./summary-types";
import { dateCell, TabBuilder, type TabHeading } from "./tab-builder";

const HEADERS = ["Severity", "Rule", "Sheet", "Cell", "Record", "Message"];

/**
 * The Exceptions tab. `accepted` gives the reason and review date of each accepted finding; in a roll-up
 * each exception names its file (`file`) and a Source column follows the message.
 */
export function buildExceptionsTab(
  report: Pick<SummaryData, "findings" | "accepted" | "sourced">,
  accepted: readonly (AcceptedException & { file?: string })[],
  heading: Omit<TabHeading, "title">,
): OwnedTab {
  const sourced = report.sourced === true;
  const tab = new TabBuilder(OWNED_TAB_NAMES.exceptions, "exceptions", { ...heading, title: "Exceptions" }, [
    9,
    30,
    20,
    8,
    12,
    80,
    ...(sourced ? [24] : []),
    30,
    12,
    20,
    12,
  ]);
  const headers = sourced ? [...HEADERS, "Source"] : HEADERS;
  const of = (severity: string, word: string): string => {
    const n = report.findings.filter((f) => f.severity === severity).length;
    return `${n} ${n === 1 ? word : `${word}s`}`;
  };
  // Info findings (a severity set in Settings) are counted as notes, as the command line counts them.
  const notes = report.findings.some((f) => f.severity === "info") ? `, ${of("info", "note")}` : "";
  tab.title(
    `Findings (${report.findings.length}: ${of("error", "error")}, ${of("warning", "warning")}${notes})`,
  );
  tab.header(headers);
  if (report.findings.length === 0) tab.row(["None"]);
  for (const f of report.findings) addFinding(tab, f, sourced, []);
  tab.blank();
  tab.title(`Accepted exceptions (${report.accepted.length})`);
  tab.header([...headers, "Reason", "Review by", "Accepted by", "Accepted on"]);
  if (report.accepted.length === 0) tab.row(["None"]);
  const asAt = dayFromIso(heading.asAt) ?? undefined;
  for (const f of report.accepted) {
    // The exception the check matched (a plan action renumbered is matched by its cells, not its new id):
    // one still standing at the as-at date, not an expired one for the same finding.
    const own = accepted.filter((e) => e.file === f.file);
    const a = acceptedBy(f, own, asAt) ?? acceptedBy(f, own);
    addFinding(tab, f, sourced, [
      a?.reason ?? "",
      dateCell(a?.reviewBy),
      a?.acceptedBy ?? "",
      dateCell(a?.acceptedOn),
    ]);
  }
  return tab.build();
}

function addFinding(tab: TabBuilder, f: SummaryFinding, sourced: boolean, extra: OwnedCell[]): void {
  const severity = f.severity === "error" ? "Error" : f.severity === "warning" ? "Warning" : "Info";
  const r = tab.row([
    severity,
    f.ruleId,
    f.sheet,
    f.cell ?? "(sheet)",
    f.recordId ?? "",
    f.message,
    ...(sourced ? [f.file ?? ""] : []),
    ...extra,
  ]);
  if (f.cell) tab.link(r, 3, f.sheet, f.cell, f.file);
}
