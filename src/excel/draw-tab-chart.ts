// Draws an owned tab's native chart (the Risk Summary's open risks by RAG, month by month) after its
// values are written, replacing the one drawn before; a host that will not draw it costs a warning and
// a note on the tab, never the tab.
//
// Charts float over the cells, so clearing the sheet for a rewrite leaves the old chart: the chart is
// found again by its name (an owned tab's charts of that name are ours to replace; any other chart on
// the sheet is left alone). Charts are ExcelApi 1.1 (Worksheet.charts, ChartCollection.add,
// Chart.setPosition, ChartSeries.format.fill.setSolidColor), but hosts have refused chart calls (Excel
// on the web in some tenants, older builds for some chart types): the drawing has syncs of its own.

import { toA1 } from "../core/address/a1";
import type { OwnedTab, OwnedTabChart } from "../core/model/owned-tab";
import { RAG_CHART_NAME } from "../core/summary/risk-summary-tab";
import { escapeCellText } from "./escape-text";
import { optionalSync } from "./run";

/** What the officer is told when Excel will not draw the chart. */
export function chartWarning(chart: OwnedTabChart): string {
  return `Excel did not draw the chart "${chart.title}" on this tab; the data is all there, and the table above the note in row ${chart.noteRow + 1} holds the chart's figures.`;
}

/**
 * Replaces the tab's chart on sheet `sheetName`: deletes the charts of the same name a write left
 * there before (only when the sheet `existed`), then adds the tab's chart, if it has one. A tab without
 * a chart on a new sheet costs no sync.
 * @returns the warnings for what Excel would not do (empty when all was done).
 */
export async function drawTabChart(
  context: Excel.RequestContext,
  sheetName: string,
  tab: OwnedTab,
  existed: boolean,
): Promise<string[]> {
  const chart = tab.format.chart;
  // Only the Risk Summary ever carries a chart: other tabs are not asked about charts at all.
  if (!chart && !(existed && tab.kind === "risk-summary")) return [];
  const attempt = (label: string, queue: (ws: Excel.Worksheet) => void): Promise<boolean> =>
    optionalSync(context, sheetName, label, queue);

  let old: Excel.Chart[] = [];
  if (existed) {
    let charts: Excel.ChartCollection | null = null;
    const listed = await attempt(`chart: charts on ${sheetName}`, (ws) => {
      charts = ws.charts.load("items/name");
    });
    // A Risk Summary written without a chart still takes out the one an earlier write drew.
    const name = chart?.name ?? RAG_CHART_NAME;
    if (listed && charts) old = (charts as Excel.ChartCollection).items.filter((c) => c.name === name);
    else if (!chart) return [];
  }
  if (!chart) {
    if (old.length === 0) return [];
    await attempt(`chart: remove from ${sheetName}`, () => old.forEach((c) => c.delete()));
    return [];
  }
  const drawn = await attempt(`chart: ${sheetName}`, (ws) => {
    for (const c of old) c.delete();
    queueChart(ws, chart);
  });
  if (drawn) return [];
  // A refused batch stops where Excel refused it: what came before stands. Say on the tab that there is
  // no chart, and take out a half-made one (it has its name by then: the name is set right after add).
  let left: Excel.ChartCollection | null = null;
  const noted = await attempt(`chart: note on ${sheetName}`, (ws) => {
    const note = ws.getCell(chart.noteRow, 0);
    note.numberFormat = [["@"]];
    note.values = [[escapeCellText(chart.noChartNote)]];
    left = ws.charts.load("items/name");
  });
  const halfMade =
    noted && left ? (left as Excel.ChartCollection).items.filter((c) => c.name === chart.name) : [];
  if (halfMade.length > 0)
    await attempt(`chart: remove from ${sheetName}`, () => halfMade.forEach((c) => c.delete()));
  return [chartWarning(chart)];
}

/** Queues the chart's creation and its set-up on `ws`. */
function queueChart(ws: Excel.Worksheet, chart: OwnedTabChart): void {
  const { source, at } = chart;
  const data = ws.getRangeByIndexes(source.row, source.col, source.rows, source.cols);
  const made = ws.charts.add(chart.type, data, "Columns");
  made.name = chart.name;
  made.title.text = chart.title;
  made.title.visible = true;
  made.axes.categoryAxis.title.text = chart.categoryAxisTitle;
  made.axes.categoryAxis.title.visible = true;
  made.axes.valueAxis.title.text = chart.valueAxisTitle;
  made.axes.valueAxis.title.visible = true;
  made.legend.position = "Bottom";
  made.legend.visible = true;
  chart.series.forEach((s, i) => {
    const series = made.series.getItemAt(i);
    // The RAG word names the series (legend and tooltips), so colour is never the only cue.
    series.name = s.name;
    series.format.fill.setSolidColor(s.color);
    // White borders part the stacked segments.
    series.format.line.color = "#FFFFFF";
  });
  made.setPosition(toA1(at.row, at.col), toA1(at.row + at.rows - 1, at.col + at.cols - 1));
}
