// The Risk Summary's native chart on the fake host: drawn over exactly the month-by-month block, beside
// the heat map, replaced (never duplicated) on a rewrite, and a host that refuses charts still gets the tab.

import { buildSummaryTabs } from "../../src/core/summary";
import { RAG_CHART_NAME } from "../../src/core/summary/risk-summary-tab";
import { defaultSettings } from "../../src/core/model/settings";
import { OWNED_TAB_STYLE, type OwnedTab } from "../../src/core/model/owned-tab";
import { adapterStats } from "../../src/excel/run";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { reportOf } from "../core/rules/harness";
import { hlog, hregister, hrisk, logRow } from "../core/history/helpers";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

const report = reportOf([
  hregister(
    hrisk({ id: "HRC-001", score: 16 }),
    hrisk({ id: "HRC-002", score: 4, escalatedTo: "Corporate Risk Register" }),
    hrisk({ id: "HRC-003", score: 6, raised: "02/10/2022" }),
  ),
  hlog(logRow("05/07/2022", "HRC-001", 6), logRow("12/08/2022", "HRC-001", 12)),
]);

function summaryTab(chart: "native" | "none" = "native"): OwnedTab {
  return buildSummaryTabs(report, defaultSettings(), { version: "test", chart }).find(
    (t) => t.kind === "risk-summary",
  )!;
}

/** 1 October 2022 as an Excel date serial: the month-by-month table's last month. */
const OCTOBER_2022 = 44835;

const sheetOf = (host: FakeHost) => host.snapshot().sheets.find((s) => s.name === "Risk Summary")!;
const rowStarting = (values: unknown[][], start: string) =>
  values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(start));

describe("the Risk Summary's chart", () => {
  it("is a stacked column chart over exactly the month-by-month block, titled, RAG-coloured and named", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"]] }] });
    const result = await writeOwnedTab(summaryTab());
    expect(result).toEqual({ sheetName: "Risk Summary", renamed: false });
    const s = sheetOf(host);
    const header = rowStarting(s.values, "Month");
    expect(s.values[header].slice(0, 4)).toEqual(["Month", "Red", "Amber", "Green"]);
    // Each month an Excel date (October's first day, serial 44835) shown as the month, as the command line writes it.
    expect(s.values[header + 12][0]).toBe(OCTOBER_2022);
    expect(s.numberFormats[`A${header + 13}`]).toBe("mmm yyyy");
    expect(s.charts).toHaveLength(1);
    const [chart] = s.charts;
    // Header row 1-based is header + 1; twelve months below it.
    expect(chart.source).toBe(`'Risk Summary'!A${header + 1}:D${header + 13}`);
    expect([chart.type, chart.seriesBy, chart.name]).toEqual(["ColumnStacked", "Columns", RAG_CHART_NAME]);
    expect([chart.title, chart.categoryAxisTitle, chart.valueAxisTitle]).toEqual([
      "Open risks by RAG, month by month",
      "Month (score at its end)",
      "Open risks",
    ]);
    const c = OWNED_TAB_STYLE.chartRag;
    expect(chart.series).toEqual([
      { name: "Red", fill: c.red, line: "#FFFFFF" },
      { name: "Amber", fill: c.amber, line: "#FFFFFF" },
      { name: "Green", fill: c.green, line: "#FFFFFF" },
    ]);
    expect(chart.legend).toEqual({ position: "Bottom", visible: true });
    expect(s.values[header + 13][0]).toBe("The chart beside the heat map draws this table.");
  });

  it("sits beside the heat map over cells that hold nothing", async () => {
    const host = install({ sheets: [] });
    await writeOwnedTab(summaryTab());
    const s = sheetOf(host);
    const { start, end } = s.charts[0].position!;
    const [, startCol, startRow] = /^([A-Z]+)(\d+)$/.exec(start)!;
    expect(Number(startRow) - 1).toBe(rowStarting(s.values, "Heat map of open risks"));
    const lastUsedCol = s.values[0].length - 1; // the owned marker's column is the rightmost used one
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    expect(col(startCol)).toBeGreaterThan(lastUsedCol);
    expect(col(/^[A-Z]+/.exec(end)![0])).toBeGreaterThan(col(startCol));
  });

  it("is replaced, not duplicated, when the tab is written again, and a user's chart on it stays", async () => {
    const host = install({ sheets: [] });
    await writeOwnedTab(summaryTab());
    // The officer adds a chart of their own to the tab.
    const ours = host.sheet("Risk Summary").charts[0];
    host.sheet("Risk Summary").charts.push({ ...ours, name: "My chart", series: [] });
    await writeOwnedTab(summaryTab());
    await writeOwnedTab(summaryTab());
    expect(
      sheetOf(host)
        .charts.map((c) => c.name)
        .sort(),
    ).toEqual(["My chart", RAG_CHART_NAME].sort());
  });

  it("on a host that refuses charts: the tab is written, with a warning, and the note says there is no chart", async () => {
    const host = install({ sheets: [], refuse: { charts: "GeneralException" } });
    const tab = summaryTab();
    const result = await writeOwnedTab(tab);
    expect(result.sheetName).toBe("Risk Summary");
    expect(result.warnings).toEqual([
      expect.stringMatching(/^Excel did not draw the chart "Open risks by RAG/),
    ]);
    const s = sheetOf(host);
    expect(s.charts).toEqual([]);
    const note = tab.format.chart!.noteRow;
    expect(s.values[note][0]).toBe(tab.format.chart!.noChartNote);
    // Every other cell is as the tab says.
    expect(s.values[rowStarting(s.values, "Month") + 12][0]).toBe(OCTOBER_2022);
  });

  it("a chart refused on a rewrite takes the old one out rather than leave it over stale figures", async () => {
    const host = install({ sheets: [] });
    await writeOwnedTab(summaryTab());
    host.refuse.charts = "GeneralException";
    const result = await writeOwnedTab(summaryTab());
    expect(result.warnings).toHaveLength(1);
    expect(sheetOf(host).charts).toEqual([]);
  });

  it("a Risk Summary written without a chart takes out the one drawn before, and only that one", async () => {
    const host = install({ sheets: [] });
    await writeOwnedTab(summaryTab());
    const ours = host.sheet("Risk Summary").charts[0];
    host.sheet("Risk Summary").charts.push({ ...ours, name: "My chart", series: [] });
    const result = await writeOwnedTab(summaryTab("none"));
    expect(result.warnings).toBeUndefined();
    expect(sheetOf(host).charts.map((c) => c.name)).toEqual(["My chart"]);
  });

  it("costs one sync on a new sheet, two on a rewrite, and none for a tab without a chart", async () => {
    const syncsOf = async (tab: OwnedTab, times: number) => {
      install({ sheets: [] });
      for (let i = 1; i < times; i++) await writeOwnedTab(tab);
      const before = adapterStats().syncs;
      await writeOwnedTab(tab);
      return adapterStats().syncs - before;
    };
    const plain = summaryTab("none");
    const exceptions = { ...plain, kind: "exceptions" as const, name: "Exceptions" };
    expect(await syncsOf(summaryTab(), 1)).toBe((await syncsOf(plain, 1)) + 1);
    expect(await syncsOf(summaryTab(), 2)).toBe((await syncsOf(exceptions, 2)) + 2);
    expect(await syncsOf(plain, 1)).toBe(await syncsOf(exceptions, 1));
  });
});
