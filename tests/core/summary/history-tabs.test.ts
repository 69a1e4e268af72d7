// The summary tabs show the history: a Trend column and a Proposed changes block on the Escalation tab,
// direction of travel and the month-by-month RAG table on the Risk Summary.

import { buildSummaryTabs } from "../../../src/core/summary";
import type { OwnedTab } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";
import { reportOf } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, hlog, hregister, hrisk, logRow } from "../history/helpers";
import { rollUpSummary } from "../../../src/core/summary/roll-up";
import { summaryDataOf } from "../../../src/core/summary/summary-data";

const report = reportOf([
  hregister(
    hrisk({ id: "HRC-001", score: 16 }),
    hrisk({ id: "HRC-002", score: 4, escalatedTo: "Corporate Risk Register" }),
    hrisk({ id: "HRC-003", score: 6, raised: "02/10/2022" }),
  ),
  hlog(
    logRow("05/07/2022", "HRC-001", 6),
    logRow("12/08/2022", "HRC-001", 12),
    logRow("05/07/2022", "HRC-002", 16),
    logRow("05/08/2022", "HRC-002", 4),
  ),
]);
const tabs = buildSummaryTabs(report, defaultSettings(), { version: "test" });
const tab = (name: string): OwnedTab => tabs.find((t) => t.name === name)!;
/** Rows from the one whose first cell starts with `title` up to the next blank row. */
function block(t: OwnedTab, title: string): unknown[][] {
  const start = t.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(title));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  for (let i = start; i < t.rows.length && t.rows[i].some((c) => c !== null && c !== ""); i++)
    out.push(t.rows[i].filter((c) => c !== null && !(typeof c === "string" && c.startsWith("⟦"))));
  return out;
}

describe("Escalation tab", () => {
  it("has a Trend column", () => {
    const rows = block(tab("Escalation"), "Corporate risk register");
    expect(rows[1]).toContain("Trend");
    const risk = rows.find((r) => r[0] === "HRC-001")!;
    expect(risk[risk.length - 1]).toBe("↑ up");
  });

  it("lists the proposals in a Proposed changes block", () => {
    const rows = block(tab("Escalation"), "Proposed changes");
    expect(rows[0][0]).toBe("Proposed changes for the board to decide (2 risks)");
    expect(rows.slice(2).map((r) => [r[0], r[3], r[5], r[7]])).toEqual([
      [
        "HRC-001",
        "Escalate",
        "Corporate risk register",
        "score 16 above appetite (Cautious, 9) for 3 months",
      ],
      [
        "HRC-002",
        "De-escalate",
        "Corporate risk register",
        "score 4 at or below appetite (Cautious, 9) for 3 months",
      ],
    ]);
  });
});

describe("a risk on two registers is proposed once", () => {
  const row = hrisk({ score: 16 });
  const twice = reportOf([
    hregister(row),
    { name: "Corporate Register", rows: [HISTORY_REGISTER_HEADERS, row] },
    hlog(logRow("05/07/2022", "HRC-001", 16)),
  ]);

  it("in one workbook's Proposed changes block, as its escalation is shown once", () => {
    expect(twice.proposals).toHaveLength(2);
    const data = summaryDataOf(twice);
    expect(data.escalations.filter((e) => e.recordId === "HRC-001")).toHaveLength(1);
    expect(data.proposals?.map((p) => [p.sheet, p.recordId, p.action])).toEqual([
      ["IRIS Risks", "HRC-001", "escalate"],
    ]);
    const t = buildSummaryTabs(twice, defaultSettings(), { version: "test" }).find(
      (x) => x.name === "Escalation",
    )!;
    expect(
      block(t, "Proposed changes")
        .slice(2)
        .map((r) => [r[0], r[3]]),
    ).toEqual([["HRC-001", "Escalate"]]);
  });

  it("across files, where the roll-up counts it once", () => {
    const part = (file: string) => ({ file, data: summaryDataOf(twice), acceptedExceptions: [] });
    const { data } = rollUpSummary(
      [part("a.xlsx"), part("b.xlsx")],
      { findings: [], accepted: [] },
      twice.asAt,
      "2 files",
    );
    expect(data.proposals?.map((p) => [p.file, p.recordId, p.action])).toEqual([
      ["a.xlsx", "HRC-001", "escalate"],
    ]);
  });
});

describe("Risk Summary tab", () => {
  it("counts the direction of travel of open risks", () => {
    const rows = block(tab("Risk Summary"), "Direction of travel");
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2] ?? ""])).toEqual([
      ["↑ Score up", 1, "HRC-001"],
      ["↓ Score down", 0, ""],
      ["→ No change", 1, ""],
      ["New this month", 1, "HRC-003"],
      ["No direction (not dated, or no score to compare)", 0, ""],
    ]);
  });

  it("has open risks by RAG for twelve months and says the command line draws no chart", () => {
    const rows = block(tab("Risk Summary"), "Open risks by RAG, month by month");
    expect(rows[1]).toEqual(["Month", "Red", "Amber", "Green"]);
    // Each month an Excel date, its first day, shown as the month (SPEC "Owned tabs": dates never as text).
    expect(rows.slice(2, 14).map((r) => r[0])).toEqual(
      [
        "2021-11",
        "2021-12",
        "2022-01",
        "2022-02",
        "2022-03",
        "2022-04",
        "2022-05",
        "2022-06",
        "2022-07",
        "2022-08",
        "2022-09",
        "2022-10",
      ].map((m) => ({ date: `${m}-01`, shows: "month" })),
    );
    // July: HRC-001 at 6 (amber), HRC-002 at 16 (red); October: HRC-001 16 red, HRC-002 4 green, HRC-003 6 amber.
    expect(rows[10].slice(1)).toEqual([1, 1, 0]);
    expect(rows[13].slice(1)).toEqual([1, 1, 1]);
    expect(String(rows[14][0])).toMatch(
      /^No chart on this tab: the command line \(--out\) leaves the chart out/,
    );
  });
});

describe("Risk Summary chart (task pane)", () => {
  const native = buildSummaryTabs(report, defaultSettings(), { version: "test", chart: "native" }).find(
    (t) => t.kind === "risk-summary",
  )!;
  const chart = native.format.chart!;
  const rowOf = (start: string) =>
    native.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(start));

  it("asks for a stacked column chart over exactly the month-by-month block, header and month column included", () => {
    const header = rowOf("Open risks by RAG, month by month") + 1;
    expect(native.rows[header].slice(0, 4)).toEqual(["Month", "Red", "Amber", "Green"]);
    expect(chart.source).toEqual({ row: header, col: 0, rows: 13, cols: 4 });
    expect(native.rows[header + 12][0]).toEqual({ date: "2022-10-01", shows: "month" });
    expect(native.rows[header + 13][0]).toBe("The chart beside the heat map draws this table.");
    expect(chart.noteRow).toBe(header + 13);
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.series.map((s) => s.name)).toEqual(["Red", "Amber", "Green"]);
  });

  it("places the chart beside the heat map, over cells that hold nothing", () => {
    expect(chart.at.row).toBe(rowOf("Heat map of open risks"));
    for (let r = chart.at.row; r < chart.at.row + chart.at.rows; r++)
      for (let c = chart.at.col; c < chart.at.col + chart.at.cols; c++)
        expect([r, c, native.rows[r]?.[c] ?? null]).toEqual([r, c, null]);
    // Right of the owned marker too (row 1's last cell).
    expect(chart.at.col).toBeGreaterThan(native.rows[0].length - 1);
  });

  it("has no chart on the command line's tab, nor when no open risk has a month to draw", () => {
    expect(tab("Risk Summary").format.chart).toBeUndefined();
    const empty = buildSummaryTabs(reportOf([hregister()]), defaultSettings(), {
      version: "test",
      chart: "native",
    }).find((t) => t.kind === "risk-summary")!;
    expect(empty.format.chart).toBeUndefined();
    expect(empty.rows.map((r) => r[0])).toContain(
      "No chart on this tab: no open risk has a score to count yet.",
    );
  });
});
