// The history (trend, monthly points, appetite, the three history rules, proposals and the Risk Summary's
// month-by-month counts) in cases a review found wrong against SPEC.md; each test failed before its fix.

import type { CellValue } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { buildSummaryTabs } from "../../../src/core/summary";
import { riskHistory } from "../../../src/core/history/risk-history";
import { ACTION_HEADERS, reportOf, type SheetSpec } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, hlog, hregister, hrisk, logRow } from "./helpers";

/** The Import Log's header as the add-in writes it (merge/to-workbook-edits IMPORT_LOG_HEADER). */
const IMPORT_LOG_HEADER = ["When", "File", "Register", "Risk ID", "Field", "Old", "New"];
const importLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [IMPORT_LOG_HEADER, ...rows],
});

/** Excel serials: 15 and 20 September 2022. */
const SEP_15 = 44819;
const SEP_20 = 44824;

/** Two "no change" updates since August, the run the rule looks for. */
const twoNoChanges = (id: string) => [
  logRow("15/08/2022", id, 12, true, "No change"),
  logRow("15/09/2022", id, 12, true, "No change"),
];

const slipping = (sheets: SheetSpec[]) =>
  reportOf(sheets)
    .findings.filter((f) => f.ruleId === "risk/no-change-while-slipping")
    .map((f) => f.recordId);

describe("review of the history: wrong results", () => {
  it("appetite: a placeholder Category (N/A, TBC) counts as empty, so the risk's annex gives its appetite", () => {
    // SPEC Values/Real registers: placeholders (TBC, N/A …) count as empty; SPEC Appetite: per category
    // (the register's Category column, else its section, else its annex).
    const headers = [...HISTORY_REGISTER_HEADERS, "Service Annex"];
    const report = reportOf(
      [
        {
          name: "IRIS Risks",
          rows: [
            headers,
            [...hrisk({ id: "HRC-001", category: "N/A", score: 6 }), "Finance"],
            [...hrisk({ id: "HRC-002", category: "TBC", score: 6 }), "Finance"],
            [...hrisk({ id: "HRC-003", category: null, score: 6 }), "Finance"],
          ],
        },
      ],
      {
        settings: {
          appetite: {
            maxima: { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 },
            categories: { Finance: "averse" },
            defaultLevel: "cautious",
          },
        },
      },
    );
    expect(report.risks.map((r) => [r.id, r.appetite.category, r.appetite.max])).toEqual([
      ["HRC-001", "Finance", 4],
      ["HRC-002", "Finance", 4],
      ["HRC-003", "Finance", 4],
    ]);
    expect(report.findings.filter((f) => f.ruleId === "risk/above-appetite").map((f) => f.recordId)).toEqual([
      "HRC-001",
      "HRC-002",
      "HRC-003",
    ]);
  });

  it("monthly points: an Import Log row saying 'kept formula' is no score change (the register's score was kept)", () => {
    // SPEC Writing files/Formulas: a register cell holding a formula is never replaced; the Import Log says
    // "kept formula" with both values. Monthly points come from the Import Log's score changes; this row is
    // not one. The row is what the add-in writes (tests/files/lossless-import.test.ts).
    const report = reportOf([
      hregister(hrisk({ id: "HRC-001", score: 12 })),
      importLog([
        SEP_15,
        "iris.xlsx",
        "IRIS Risks",
        "HRC-001",
        "Current Risk Score E2",
        "12",
        "kept formula (export says 16)",
      ]),
    ]);
    const risk = report.risks.find((r) => r.id === "HRC-001")!;
    expect(risk.months.slice(-2)).toEqual([12, 12]);
    expect(risk.trend).toBe("same");
  });

  it("no-change-while-slipping: an Import Log due-date move of an action naming two risks counts for each of them", () => {
    // SPEC Real registers: an actions row whose risk id cell lists several ids belongs to each of them;
    // the rule: since the first no change, one of its actions' due dates moved later (Import Log).
    const actions: SheetSpec = {
      name: "IRIS Actions",
      rows: [
        ACTION_HEADERS.slice(0, 6),
        ["SL-10, SL-11", "A-1", "Install river gauges", "Bob Jones", "30/11/2022", "In progress"],
      ],
    };
    const found = slipping([
      hregister(hrisk({ id: "SL-10" }), hrisk({ id: "SL-11", title: "Flooding on the ring road" })),
      actions,
      hlog(...twoNoChanges("SL-10"), ...twoNoChanges("SL-11")),
      importLog([
        SEP_20,
        "iris.xlsx",
        "IRIS Actions",
        "SL-10, SL-11",
        "Target Date (action A-1)",
        "31/10/2022",
        "30/11/2022",
      ]),
    ]);
    expect(found).toEqual(["SL-10", "SL-11"]);
  });

  it("no-change-while-slipping: an import moving the register's own Action Due Date later is a due date moved later", () => {
    // SPEC Real registers: Action Owner / Action Due Date / Action Status on a register are the risk's own
    // action, and the action rules apply to them; the rule counts a due date the Import Log moved later.
    const headers = [...HISTORY_REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
    const found = slipping([
      {
        name: "IRIS Risks",
        rows: [headers, [...hrisk({ id: "HRC-001" }), "Bob Jones", "30/11/2022", "In progress"]],
      },
      hlog(...twoNoChanges("HRC-001")),
      importLog([
        SEP_20,
        "iris.xlsx",
        "IRIS Risks",
        "HRC-001",
        "Action Due Date",
        "30/09/2022",
        "30/11/2022",
      ]),
    ]);
    expect(found).toEqual(["HRC-001"]);
  });

  it("no-change-while-slipping: an Import Log due-date move of an action named by words with brackets counts", () => {
    // An export without action ids logs an action as "<risk id>: <its words>" (plan-import's actionLabel),
    // so the Field is "Target Date (action HRC-001: Install river gauges (phase 2))". SPEC: a due date the
    // Import Log moved later counts, whatever the action's words.
    const actions: SheetSpec = {
      name: "IRIS Actions",
      rows: [
        ["Risk Reference", "Action Description", "Action Owner", "Target Date", "Action Status"],
        ["HRC-001", "Install river gauges (phase 2)", "Bob Jones", "30/11/2022", "In progress"],
      ],
    };
    const found = slipping([
      hregister(hrisk({ id: "HRC-001" })),
      actions,
      hlog(...twoNoChanges("HRC-001")),
      importLog([
        SEP_20,
        "iris.xlsx",
        "IRIS Actions",
        "HRC-001",
        "Target Date (action HRC-001: Install river gauges (phase 2))",
        "31/10/2022",
        "30/11/2022",
      ]),
    ]);
    expect(found).toEqual(["HRC-001"]);
  });

  it("Risk Summary: a workbook's own risk matrix sets the bands of the month-by-month counts and the heat map, as for Open risks by RAG", () => {
    // SPEC RAG scale: a workbook that carries its own risk matrix sets the bands for that workbook;
    // Owned tabs: every count adds up. Here the matrix rates 10 and 12 red (the default bands: amber).
    const matrix: CellValue[][] = [["Risk matrix"], ["Likelihood"]];
    for (let l = 5; l >= 1; l--)
      matrix.push([
        null,
        l,
        ...[1, 2, 3, 4, 5].map((i) => (l * i >= 10 ? "Red" : l * i >= 4 ? "Amber" : "Green")),
      ]);
    matrix.push([null, "Impact", 1, 2, 3, 4, 5]);
    const headers = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Current Likelihood",
      "Current Impact",
      "Current Risk Score",
      "Risk Response Strategy",
      "Mitigating Actions",
      "Date Raised",
      "Date of Last Review",
      "Risk Status",
    ];
    const row = (id: string, l: number, i: number): CellValue[] => [
      id,
      `Risk ${id}`,
      "Jane Smith",
      l,
      i,
      l * i,
      "Treat",
      "Inspections",
      "10/01/2022",
      "01/10/2022",
      "Open",
    ];
    const report = reportOf([
      { name: "Register", rows: [headers, row("R1", 3, 4), row("R2", 2, 5)] },
      { name: "Matrix", rows: matrix },
    ]);
    expect(report.risks.map((r) => r.rag)).toEqual(["red", "red"]);
    const tab = buildSummaryTabs(report, defaultSettings(), { version: "test" }).find(
      (t) => t.name === "Risk Summary",
    )!;
    const byRag = tab.rows.find((r) => r[0] === "Red");
    expect(byRag?.[1]).toBe(2);
    // The as-at month's row of the month-by-month table: the same two risks, the same scores.
    // Each month an Excel date, its first day, shown as the month (SPEC "Owned tabs": dates never as text).
    const oct2022 = { date: "2022-10-01", shows: "month" };
    const october = tab.rows.find((r) => JSON.stringify(r[0]) === JSON.stringify(oct2022))!;
    expect(october.slice(0, 4)).toEqual([oct2022, 2, 0, 0]);
    // The heat map is coloured as the matrix rates each cell: likelihood 3 × impact 4 (12) and 2 × 5 (10)
    // red, 2 × 3 (6) amber, 1 × 2 (2) green; the default bands would have 10 and 12 amber.
    const heatHeader = tab.rows.findIndex((r) => r[0] === "Likelihood \\ Impact");
    const ragAt = (l: number, i: number) =>
      tab.format.ragCells.find((c) => c.row === heatHeader + 6 - l && c.col === i)?.rag;
    expect([ragAt(3, 4), ragAt(2, 5), ragAt(2, 3), ragAt(1, 2)]).toEqual(["red", "red", "amber", "green"]);
    // A risk's months on its card and in the Check view are rated the same way: 12 is red every month.
    const months = riskHistory(report, report.risks[0]).points;
    expect(months.length).toBeGreaterThan(1);
    expect(months.map((p) => [p.score, p.rag])).toEqual(months.map(() => [12, "red"]));
  });
});
