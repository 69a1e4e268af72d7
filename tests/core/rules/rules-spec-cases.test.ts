// Review cases judged against SPEC.md on realistic register layouts: each `it` names what SPEC requires.
// The layouts are copied in as data (no test reads the shared folder beside the project).

import { checkWorkbook } from "../../../src/core/check";
import { joinAcrossFiles } from "../../../src/core/join/across-files";
import { actionRiskKeys, riskIdentities } from "../../../src/core/join/risk-identity";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";

function fieldOf(cell: { value: CellValue } | undefined): CellValue {
  return cell?.value ?? null;
}

function check(grids: Grid[], source = "test.xlsx"): Report {
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source,
  });
}

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "RAG",
  "Strategy",
  "Mitigating Actions",
  "Last Updated",
  "Status",
];

describe("SPEC: Reading sheets", () => {
  it("a title row merged across the table above the header is a title, not a group header: the current score stays current", () => {
    // SPEC: "Title rows above it are fine. A group-header row directly above it (Inherent / Residual /
    // Target spanning several columns) qualifies the headers below." The title names the contract's
    // planned works; it does not make Likelihood, Impact and Score target ones.
    const title: CellValue[] = [
      "Highways Term Maintenance Contract: Planned Works Risk Register",
      ...new Array<CellValue>(HEADERS.length - 1).fill(null),
    ];
    const risk: CellValue[] = [
      "HRC-001",
      "Gully cleansing backlog",
      "J Smith",
      4,
      5,
      20,
      "Red",
      "Treat",
      "Extra crews",
      "01/10/2022",
      "Open",
    ];
    const grid = gridFromRows("Register", [title, HEADERS, risk], {
      merges: [{ top: 0, left: 0, bottom: 0, right: HEADERS.length - 1 }],
    });
    const report = check([grid]);
    const columns = report.sheets[0].columns?.map((c) => [c.header, c.field]);
    expect(columns).toEqual(
      expect.arrayContaining([
        ["Likelihood", "likelihood"],
        ["Impact", "impact"],
        ["Risk Score", "score"],
        ["RAG", "rag"],
      ]),
    );
    // Score 20: routed to the corporate register (SPEC "Escalation": current score ≥ 16).
    expect(report.escalations.map((e) => [e.recordId, e.destinations])).toEqual([
      ["HRC-001", ["corporate-register"]],
    ]);
  });
});

describe("SPEC: Real registers, section rows", () => {
  it("a short heading alone in the id column ('Annex 3', 'Lot 2') is a section row, not a risk", () => {
    // SPEC: "a row inside the table that holds one text only (in the first filled column …), with no owner,
    // score, status or date, is a heading … It is not a risk; its text becomes the section of the rows below
    // it". Registers kept one per annex or lot head their parts so.
    const risk = (id: string, title: string): CellValue[] => [
      id,
      title,
      "J Smith",
      2,
      2,
      4,
      "Green",
      "Treat",
      "Extra crews",
      "01/10/2022",
      "Open",
    ];
    const grid = gridFromRows("Register", [
      HEADERS,
      ["Annex 3"],
      risk("HRC-001", "Gully cleansing backlog"),
      ["Lot 2"],
      risk("HRC-002", "Street lighting LED programme"),
    ]);
    const report = check([grid]);
    expect(report.records.risks.map((r) => [r.row + 1, fieldOf(r.fields.id), r.section])).toEqual([
      [3, "HRC-001", "Annex 3"],
      [5, "HRC-002", "Lot 2"],
    ]);
    expect(report.findings.filter((f) => f.recordId === "Annex 3" || f.recordId === "Lot 2")).toEqual([]);
  });
});

describe("SPEC: Dated lines in the update text", () => {
  it("an ISO date starting a line of the update text is the update date: not stale, and the register does not lack lastUpdated", () => {
    // SPEC: the update date is "the newest date that starts a line or closes one in brackets"; ISO is
    // one of the date forms SPEC "Values" lists. A contractor's export writes its history this way.
    const headers = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Risk Score",
      "Strategy",
      "Mitigating Actions",
      "Latest Update",
      "Status",
    ];
    const risk: CellValue[] = [
      "HRC-001",
      "Gully cleansing backlog",
      "J Smith",
      6,
      "Treat",
      "Extra crews",
      "2022-10-03 – reviewed at RMB, no change\n2022-09-05 – crews booked",
      "Open",
    ];
    const report = check([gridFromRows("IRIS Risks", [headers, risk])]);
    const rules = report.findings.map((f) => [f.ruleId, f.cell]);
    expect(rules).not.toContainEqual(["risk/stale-update", expect.anything()]);
    expect(rules).not.toContainEqual(["sheet/missing-column", null]);
  });
});

describe("SPEC: Many workbooks", () => {
  it("registers in two files that number their own risks (R1, R2 … with other titles) join only where titles match too", () => {
    // SPEC: risks are "joined across files as across sheets"; where registers each number their own risks
    // from the start, "risk/owner-conflict and cross-sheet linking join two rows only where their titles
    // match too". Two directorate files each with R1–R3: R1 and R2 are other risks; R3 is the same risk.
    const headers = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Risk Score",
      "Strategy",
      "Mitigating Actions",
      "Last Updated",
      "Status",
    ];
    const row = (id: string, title: string, owner: string): CellValue[] => [
      id,
      title,
      owner,
      4,
      "Treat",
      "Act",
      "01/10/2022",
      "Open",
    ];
    const highways = check(
      [
        gridFromRows("Register", [
          headers,
          row("R1", "Gully cleansing backlog", "Ann Lee"),
          row("R2", "Winter salt supply", "Ann Lee"),
          row("R3", "Street lighting LED programme", "Ann Lee"),
        ]),
      ],
      "highways.xlsx",
    );
    const parks = check(
      [
        gridFromRows("Register", [
          headers,
          row("R1", "Tree inspections overdue", "Bob Cole"),
          row("R2", "Playground equipment failures", "Bob Cole"),
          row("R3", "Street lighting LED programme", "Cy Dunn"),
        ]),
      ],
      "parks.xlsx",
    );
    const { findings } = joinAcrossFiles(
      [highways, parks].map((r) => ({
        file: r.source,
        risks: riskIdentities(r),
        ownerConflictSeverity: "warning" as const,
        acceptedExceptions: [],
        asAt: "2022-10-10",
        actionKeys: actionRiskKeys(r),
      })),
    );
    expect(findings.map((f) => [f.file, f.ruleId, f.cell, f.recordId])).toEqual([
      ["parks.xlsx", "risk/owner-conflict", "C4", "R3"],
    ]);
  });
});
