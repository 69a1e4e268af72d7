// Hand-built reports and a recording mock gateway for the task pane's view tests.

import { compareFindings, type Finding } from "../../src/core/model/finding";
import type { OwnedTab } from "../../src/core/model/owned-tab";
import { emptyFormat } from "../../src/core/model/owned-tab";
import type { Report } from "../../src/core/model/report";
import { emptyHistory } from "../../src/core/history/collect-history";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import type { CellTarget, WorkbookGateway, WriteResult } from "../../src/excel/gateway";
import type { Engine } from "../../src/taskpane/hooks/useWorkbook";

/** A finding with sensible defaults. */
export function finding(p: Partial<Finding> & Pick<Finding, "ruleId" | "sheet" | "cell">): Finding {
  return {
    severity: "error",
    row: p.cell ? Number(/\d+/.exec(p.cell)?.[0]) : 4,
    col: p.cell ? p.cell.charCodeAt(0) - 65 : null,
    recordId: "HRC-001",
    messageId: "m",
    message: `${p.ruleId} at ${p.cell ?? "sheet"}`,
    ...p,
  };
}

/** A report over a register, an actions sheet and an unknown sheet, with findings in priority order. */
export function sampleReport(): Report {
  return {
    asAt: "2022-10-10",
    source: "workbook",
    sheets: [
      {
        name: "IRIS Risks",
        kind: "risk-register",
        headerRow: 3,
        columns: [
          { col: 0, header: "Risk Ref", field: "id", source: "header" },
          { col: 1, header: "Risk Title", field: "title", source: "header" },
          { col: 2, header: "Owner", field: "owner", source: "header" },
          { col: 3, header: "Approach", field: null, source: "header" },
          { col: 4, header: "Reviewed", field: "lastUpdated", source: "setting" },
        ],
        unmapped: ["Approach"],
        recordCount: 3,
      },
      {
        name: "Actions",
        kind: "actions",
        headerRow: 0,
        columns: [{ col: 0, header: "Risk Reference", field: "riskId", source: "header" }],
        unmapped: [],
        recordCount: 2,
        mergesUnread: "too-many",
      },
      {
        name: "Notes",
        kind: "unknown",
        headerRow: null,
        columns: [],
        unmapped: [],
        recordCount: 0,
        note: "No known headers in rows 1–20.",
      },
    ],
    findings: [
      finding({
        ruleId: "risk/missing-strategy",
        sheet: "IRIS Risks",
        cell: "D5",
        recordId: "HRC-001",
        message: "HRC-001 has no strategy.",
      }),
      finding({
        ruleId: "risk/missing-strategy",
        sheet: "IRIS Risks",
        cell: "D6",
        recordId: "HRC-002",
        message: "HRC-002 has no strategy.",
      }),
      finding({
        ruleId: "risk/stale-update",
        sheet: "IRIS Risks",
        cell: "E6",
        recordId: "HRC-002",
        message: "HRC-002 not updated since 2022-06-01.",
      }),
      finding({
        ruleId: "risk/missing-owner",
        sheet: "IRIS Risks",
        cell: "C7",
        recordId: "HRC-003",
        message: "HRC-003 has no owner.",
      }),
      finding({
        ruleId: "risk/action-overdue",
        severity: "warning",
        sheet: "Actions",
        cell: "E3",
        recordId: "HRC-001",
        message: "Action A1 was due 2022-09-30.",
      }),
      finding({
        ruleId: "sheet/missing-column",
        sheet: "IRIS Risks",
        cell: null,
        row: 4,
        col: null,
        recordId: null,
        message: "IRIS Risks has no Strategy column.",
      }),
    ].sort(compareFindings),
    accepted: [
      finding({ ruleId: "risk/rag-mismatch", severity: "warning", sheet: "IRIS Risks", cell: "F5" }),
    ],
    escalations: [],
    records: { risks: [], actions: [], plan: [] },
    risks: [],
    riskScores: [],
    proposals: [],
    planCloseOut: new Map(),
    history: emptyHistory(),
  };
}

/** Summary tabs as the engine would build them (only the names matter to the view). */
export function sampleTabs(): OwnedTab[] {
  return (
    [
      ["Escalation", "escalation"],
      ["Exceptions", "exceptions"],
      ["Risk Summary", "risk-summary"],
      ["Plan Close-Out", "plan-close-out"],
    ] as const
  ).map(([name, kind]) => ({ name, kind, rows: [[name]], format: emptyFormat() }));
}

/** A WorkbookGateway that records every call; each method can be overridden. */
export class MockGateway implements WorkbookGateway {
  settings: Settings = defaultSettings();
  calls: { method: string; args: unknown[] }[] = [];
  /** Preferred tab names that a user sheet already holds. */
  userSheets = new Set<string>();
  failNext: Partial<Record<keyof WorkbookGateway, unknown>> = {};

  private record(method: keyof WorkbookGateway, args: unknown[]): void {
    this.calls.push({ method, args });
    const err = this.failNext[method];
    if (err !== undefined) {
      delete this.failNext[method];
      throw err;
    }
  }
  callsOf(method: keyof WorkbookGateway): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
  async readAllSheets(onProgress?: (p: { sheetsRead: number; sheetsTotal: number }) => void) {
    this.record("readAllSheets", []);
    onProgress?.({ sheetsRead: 1, sheetsTotal: 2 });
    return [];
  }
  async writeOwnedTab(tab: OwnedTab): Promise<WriteResult> {
    this.record("writeOwnedTab", [tab]);
    const renamed = this.userSheets.has(tab.name);
    return { sheetName: renamed ? `${tab.name} (Risk Review)` : tab.name, renamed };
  }
  async markCells(targets: CellTarget[]) {
    this.record("markCells", [targets]);
  }
  async clearMarks() {
    this.record("clearMarks", []);
  }
  async selectCell(target: CellTarget) {
    this.record("selectCell", [target]);
  }
  async loadSettings() {
    this.record("loadSettings", []);
    return this.settings;
  }
  /** Entries a co-author also changed, reported by the next save (as the real store's merge would). */
  conflictsNext: string[] = [];
  async saveSettings(settings: Settings) {
    this.record("saveSettings", [settings]);
    this.settings = settings;
    const conflicts = this.conflictsNext;
    this.conflictsNext = [];
    return { settings, conflicts };
  }
}

/** An engine that returns hand-built results and records what it was given. */
export function mockEngine(report: Report = sampleReport()): Engine & { checks: Settings[] } {
  const checks: Settings[] = [];
  return {
    checks,
    checkWorkbook: (_grids, options) => {
      checks.push(options.settings);
      return report;
    },
    buildSummaryTabs: () => sampleTabs(),
  };
}
