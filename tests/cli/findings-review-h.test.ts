// Review H: the text output of `check` held to SPEC.md. Each test fails against the code as reviewed.

import { renderText } from "../../src/cli/format-text";
import { buildSummaryTabs } from "../../src/core/summary";
import { defaultSettings } from "../../src/core/model/settings";
import { REGISTER_HEADERS, reportOf, risk, type SheetSpec } from "../core/rules/harness";

describe("check text output, review H", () => {
  // SPEC "Owned tabs": "A risk that stands on several registers (the same risk by id and title) is counted
  // once and shown once, naming each register it is on. Every count adds up." SPEC "Many workbooks" joins
  // risks "across files as across sheets", and the many-file text counts such a risk once
  // (countEscalationsOnce). HRC-001, same id and title, scoring 20, stands on the Corporate and the
  // Directorate register of one workbook. The Escalation tab lists it once, but format-text.ts counts
  // report.escalations row by row: "Escalations (2)" and "2 risks to escalate" for one risk.
  it("counts a risk that stands on two registers once in the line of risks to escalate", () => {
    const high = risk({ likelihood: 5, impact: 4, score: 20, rag: "Red" });
    const sheets: SheetSpec[] = [
      { name: "Corporate", rows: [REGISTER_HEADERS, high] },
      { name: "Directorate", rows: [REGISTER_HEADERS, high] },
    ];
    const report = reportOf(sheets);
    const tab = buildSummaryTabs(report, defaultSettings(), { version: "1" }).find(
      (t) => t.name === "Escalation",
    )!;
    expect(tab.rows.filter((r) => r[0] === "HRC-001")).toHaveLength(1);

    const text = renderText(report, "registers.xlsx");
    const last = text.trimEnd().split("\n").pop();
    expect(last).toContain("; 1 risk to escalate;");
  });
});
