// The JSON and text renderers on a hand-made report (no engine needed): SPEC's JSON shape and the text layout.

import type { Finding } from "../../src/core/model/finding";
import type { Report } from "../../src/core/model/report";
import { emptyHistory } from "../../src/core/history/collect-history";
import { renderJson, toJsonReport, writeJson } from "../../src/cli/format-json";
import { renderText } from "../../src/cli/format-text";

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "risk/stale-update",
    severity: "error",
    sheet: "IRIS Risks",
    cell: "S9",
    row: 9,
    col: 18,
    recordId: "HRC-005",
    messageId: "stale",
    message: "HRC-005 was last updated on 14/06/2022, more than a month before 10/10/2022",
    ...over,
  };
}

const report: Report = {
  asAt: "2022-10-10",
  source: "sample.xlsx",
  sheets: [
    {
      name: "IRIS Risks",
      kind: "risk-register",
      headerRow: 4,
      columns: [
        { col: 0, header: "Risk ID", field: "id", source: "header" },
        { col: 16, header: "Risk Response Strategy", field: "strategy", source: "header" },
        { col: 26, header: "Review Commentary", field: null, source: "header" },
      ],
      unmapped: ["Review Commentary"],
      recordCount: 40,
    },
    { name: "Notes", kind: "unknown", headerRow: null, columns: [], unmapped: [], recordCount: 0 },
  ],
  findings: [
    finding({}),
    finding({
      ruleId: "risk/duplicate-id",
      cell: "A21",
      row: 21,
      col: 0,
      recordId: "HRC-014",
      message: "HRC-014 is used twice",
    }),
    finding({
      ruleId: "sheet/missing-column",
      cell: null,
      row: 5,
      col: null,
      recordId: null,
      message: "no Next Review column",
    }),
    finding({
      ruleId: "risk/rag-mismatch",
      severity: "warning",
      cell: "P15",
      row: 15,
      col: 15,
      recordId: "HRC-010",
      message: "RAG Green, score 20 is red",
    }),
  ],
  accepted: [],
  escalations: [
    {
      recordId: "HRC-007",
      sheet: "IRIS Risks",
      row: 11,
      destinations: ["corporate-register", "strategic-board"],
      reasons: ["score 20 ≥ 16", "£450,000 ≥ £250,000"],
      trend: "up",
    },
  ],
  records: { risks: [], actions: [], plan: [] },
  risks: [],
  riskScores: [],
  proposals: [],
  planCloseOut: new Map(),
  history: emptyHistory(),
};

describe("toJsonReport", () => {
  const json = toJsonReport(report);

  it("has SPEC's keys, in SPEC's order", () => {
    expect(Object.keys(json)).toEqual(["asAt", "sheets", "findings", "escalations", "risks", "proposals"]);
    expect(Object.keys(json.sheets[0])).toEqual(["name", "kind", "headerRow", "columns", "unmapped"]);
    expect(Object.keys(json.findings[0])).toEqual([
      "ruleId",
      "severity",
      "sheet",
      "cell",
      "row",
      "recordId",
      "message",
    ]);
    expect(Object.keys(json.escalations[0])).toEqual([
      "recordId",
      "sheet",
      "row",
      "destinations",
      "reasons",
      "trend",
    ]);
  });

  it("gives 1-based header rows, column letters for mapped fields only, and null for no table", () => {
    expect(json.sheets[0]).toEqual({
      name: "IRIS Risks",
      kind: "risk-register",
      headerRow: 5,
      columns: { id: "A", strategy: "Q" },
      unmapped: ["Review Commentary"],
    });
    expect(json.sheets[1]).toEqual({
      name: "Notes",
      kind: "unknown",
      headerRow: null,
      columns: {},
      unmapped: [],
    });
  });

  it("keeps findings in the report's order and sheet-level findings with a null cell", () => {
    expect(json.findings.map((f) => [f.ruleId, f.cell, f.row])).toEqual([
      ["risk/stale-update", "S9", 9],
      ["risk/duplicate-id", "A21", 21],
      ["sheet/missing-column", null, 5],
      ["risk/rag-mismatch", "P15", 15],
    ]);
  });

  it("renders as parseable, indented JSON ending in a newline", () => {
    const text = renderJson(report);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(json);
  });

  it("is written in pieces that join to exactly what JSON.stringify gives, empty lists and big ones alike", () => {
    const empty: Report = {
      ...report,
      findings: [],
      escalations: [],
      risks: [],
      riskScores: [],
      proposals: [],
    };
    const many: Report = {
      ...report,
      findings: Array.from({ length: 3000 }, (_, i) =>
        finding({ row: i + 2, message: `Finding ${i} "quoted" → é` }),
      ),
    };
    // Items are stringified in chunks of 128: a list that fills its last chunk exactly, and one item over.
    const exact: Report = { ...report, findings: many.findings.slice(0, 256) };
    const oneOver: Report = { ...report, findings: many.findings.slice(0, 257) };
    for (const r of [report, empty, many, exact, oneOver]) {
      const pieces: string[] = [];
      writeJson(r, (t) => pieces.push(t));
      expect(pieces.join("")).toBe(`${JSON.stringify(toJsonReport(r), null, 2)}\n`);
      if (r === many) {
        expect(pieces.length).toBeGreaterThan(3);
        expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
      }
    }
  });
});

describe("renderText", () => {
  const text = renderText(report, "sample.xlsx");
  const lines = text.split("\n");

  it("starts with the file, the as-at date and the sheets with their mapped columns", () => {
    expect(lines.slice(0, 3)).toEqual(["File:  sample.xlsx", "As at: 2022-10-10", "Sheets:"]);
    expect(text).toContain(
      "  IRIS Risks: risk-register, header row 5, 40 records\n    columns: id=A, strategy=Q\n    not recognised: Review Commentary",
    );
    expect(text).toContain("  Notes: not a plan, register or actions sheet");
  });

  it("lists errors then warnings, one aligned line each: severity, rule, sheet!cell, record, message", () => {
    const errorsAt = lines.indexOf("Errors (3):");
    const warningsAt = lines.indexOf("Warnings (1):");
    expect(errorsAt).toBeGreaterThan(0);
    expect(warningsAt).toBeGreaterThan(errorsAt);
    expect(lines[errorsAt + 1]).toMatch(
      /^ {2}error {2}risk\/stale-update {5}IRIS Risks!S9 {14}HRC-005 {2}HRC-005 was last updated/,
    );
    expect(lines[errorsAt + 3]).toMatch(
      /^ {2}error {2}sheet\/missing-column {2}IRIS Risks \(sheet, row 5\) {2}- {8}no Next Review column$/,
    );
    expect(lines[warningsAt + 1]).toBe(
      "  warning  risk/rag-mismatch  IRIS Risks!P15  HRC-010  RAG Green, score 20 is red",
    );
  });

  it("ends with the escalations and a count line", () => {
    expect(text).toContain(
      "Escalations (1):\n  HRC-007  IRIS Risks row 11  ↑ up  Corporate risk register (score 20 ≥ 16); Strategic Partnership Board (£450,000 ≥ £250,000)",
    );
    expect(lines[lines.length - 2]).toBe("3 errors, 1 warning, 0 notes; 1 risk to escalate; 0 proposals.");
  });

  it.each([
    [
      "escalate",
      "operations-board",
      "score 12 above appetite (Cautious, 9) for 2 months",
      "Escalate to Operations Board",
    ],
    [
      "de-escalate",
      "corporate-register",
      "score 6 at or below appetite (Cautious, 9) for 3 months",
      "De-escalate from Corporate risk register",
    ],
    // A register's own words (Escalated To "Highways Board") are shown as the register wrote them.
    [
      "de-escalate",
      "Highways Board",
      "score 4 at or below its target score 4 for 3 months",
      "De-escalate from Highways Board",
    ],
  ] as const)(
    "shows a proposal to %s with its destination's label, as the tab and JSON do",
    (action, destination, reason, words) => {
      const out = renderText(
        {
          ...report,
          proposals: [{ recordId: "HRC-031", sheet: "IRIS Risks", row: 38, action, destination, reason }],
        },
        "x.xlsx",
      );
      expect(out).toContain(
        `Proposed changes for the boards (1; never applied by themselves):\n  HRC-031  IRIS Risks row 38  ${words}  ${reason}\n`,
      );
    },
  );

  it("says so when there are no findings", () => {
    expect(renderText({ ...report, findings: [], escalations: [] }, "x.xlsx")).toContain("No findings.\n");
  });
});
