// The Exceptions tab: every finding with a link to its cell; accepted ones in their own block.

import type { Finding } from "../model/finding";
import { OWNED_TAB_NAMES, type OwnedCell, type OwnedTab } from "../model/owned-tab";
import type { Report } from "../model/report";
import type { AcceptedException } from "../model/settings";
import { idKey } from "../model/records";
import { dateCell, TabBuilder, type TabHeading } from "./tab-builder";

const HEADERS = ["Severity", "Rule", "Sheet", "Cell", "Record", "Message"];

export function buildExceptionsTab(
  report: Report,
  accepted: AcceptedException[],
  heading: Omit<TabHeading, "title">,
): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES.exceptions,
    "exceptions",
    { ...heading, title: "Exceptions" },
    [9, 30, 20, 8, 12, 80, 30, 12],
  );
  const errors = report.findings.filter((f) => f.severity === "error").length;
  tab.title(
    `Findings (${report.findings.length}: ${errors} errors, ${report.findings.length - errors} warnings)`,
  );
  tab.header(HEADERS);
  if (report.findings.length === 0) tab.row(["None"]);
  for (const f of report.findings) addFinding(tab, f, []);
  tab.blank();
  tab.title(`Accepted exceptions (${report.accepted.length})`);
  tab.header([...HEADERS, "Reason", "Review by"]);
  if (report.accepted.length === 0) tab.row(["None"]);
  for (const f of report.accepted) {
    const a = accepted.find(
      (e) => e.ruleId === f.ruleId && e.sheet === f.sheet && idKey(e.recordId) === idKey(f.recordId),
    );
    addFinding(tab, f, [a?.reason ?? "", dateCell(a?.reviewBy)]);
  }
  return tab.build();
}

function addFinding(tab: TabBuilder, f: Finding, extra: OwnedCell[]): void {
  const severity = f.severity === "error" ? "Error" : f.severity === "warning" ? "Warning" : "Info";
  const r = tab.row([
    severity,
    f.ruleId,
    f.sheet,
    f.cell ?? "(sheet)",
    f.recordId ?? "",
    f.message,
    ...extra,
  ]);
  if (f.cell) tab.link(r, 3, f.sheet, f.cell);
}
