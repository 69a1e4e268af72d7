// The fake Excel host's charts (ExcelApi 1.1): a sheet's chart collection, each chart's source, type,
// series, titles and position, recorded as state so tests can ask what was drawn and where.

import { Bag, FakeCollection, FakeContext, FakeObj } from "./fake-proxy";
import {
  fail,
  parseLocalAddress,
  rectAddress,
  rectCols,
  rectRows,
  type Rect,
  type SheetState,
} from "./fake-state";

export interface ChartSeriesState {
  name: string;
  fill?: string;
  line?: string;
}

export interface ChartState {
  name: string;
  type: string;
  /** The sheet and cells the chart draws. */
  source: { sheet: SheetState; rect: Rect };
  seriesBy: string;
  title: { text: string; visible: boolean };
  categoryAxisTitle: { text: string; visible: boolean };
  valueAxisTitle: { text: string; visible: boolean };
  legend: { position: string; visible: boolean };
  series: ChartSeriesState[];
  /** The cells it covers (setPosition), or null where Excel put it by itself. */
  position: { start: string; end: string } | null;
}

/** What the charts need from the host. */
export interface ChartHost {
  /** Error code with which this host refuses charts.add, as a host without charts would. */
  refuse: { charts?: string };
}

/** The chart types the fake draws (Excel.ChartType names); others are refused so new use shows up. */
const CHART_TYPES = new Set(["ColumnStacked", "ColumnClustered", "Line", "LineMarkers", "BarStacked", "Pie"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

/**
 * The series Excel makes from a source block: one per column after the first (or per row after the first,
 * seriesBy "Rows"), named by the first row's (column's) cell — as Excel does when the block's first row
 * and column hold text.
 */
function seriesOf(sheet: SheetState, rect: Rect, seriesBy: string): ChartSeriesState[] {
  const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && rectCols(rect) > rectRows(rect));
  const out: ChartSeriesState[] = [];
  if (byRows)
    for (let r = rect.top + 1; r <= rect.bottom; r++)
      out.push({ name: String(sheet.cell(r, rect.left)?.v ?? `Series${out.length + 1}`) });
  else
    for (let c = rect.left + 1; c <= rect.right; c++)
      out.push({ name: String(sheet.cell(rect.top, c)?.v ?? `Series${out.length + 1}`) });
  return out;
}

/** A title or axis title: `text` and `visible`, read and set on the state. */
function titleBag(ctx: FakeContext, type: string, state: () => { text: string; visible: boolean }): Bag {
  return new Bag(
    ctx,
    type,
    ["text", "visible"],
    (p) => state()[p as "text" | "visible"],
    (p, v) => {
      if (p === "text") state().text = String(v);
      else state().visible = Boolean(v);
    },
  );
}

function seriesProxy(ctx: FakeContext, locate: () => ChartSeriesState): Bag {
  const fill = new Bag(ctx, "ChartFill", []).with({
    setSolidColor: (color: string) =>
      fill._call("setSolidColor", [color], () => {
        if (!/^#[0-9A-Fa-f]{6}$/.test(color) && !/^[A-Za-z]+$/.test(color))
          fail("InvalidArgument", `Bad colour ${color}.`);
        locate().fill = color;
      }),
  });
  const line = new Bag(
    ctx,
    "ChartLineFormat",
    ["color"],
    () => locate().line ?? null,
    (_p, v) => (locate().line = String(v)),
  );
  return new Bag(
    ctx,
    "ChartSeries",
    ["name"],
    () => locate().name,
    (_p, v) => (locate().name = String(v)),
  ).with({ format: new Bag(ctx, "ChartSeriesFormat", []).with({ fill, line }) });
}

class FakeSeriesCollection extends FakeCollection<ChartSeriesState, FakeObj> {
  constructor(
    ctx: FakeContext,
    private readonly chart: () => ChartState,
  ) {
    super(ctx, "ChartSeriesCollection");
  }
  _list(): ChartSeriesState[] {
    return this.chart().series;
  }
  _itemProps(): readonly string[] {
    return ["name"];
  }
  _wrap(state: ChartSeriesState): FakeObj {
    return seriesProxy(this._ctx, () =>
      this.chart().series.includes(state) ? state : fail("ItemNotFound", "The series no longer exists."),
    );
  }
  getItemAt(index: number): FakeObj {
    const locate = () =>
      this.chart().series[index] ?? fail("InvalidArgument", `The chart has no series at index ${index}.`);
    const proxy = seriesProxy(this._ctx, locate);
    this._ctx.enqueue({ req: { o: proxy._id, new: "getItemAt" }, run: () => void locate() });
    return proxy;
  }
}

function chartProxy(ctx: FakeContext, locate: () => ChartState, owner: () => SheetState): Bag {
  const chart: Bag = new Bag(
    ctx,
    "Chart",
    ["name", "chartType"],
    (p) => (p === "name" ? locate().name : locate().type),
    (p, v) => {
      if (p === "name") locate().name = String(v);
      else if (p === "chartType") {
        if (!CHART_TYPES.has(String(v))) fail("InvalidArgument", `Bad chart type ${String(v)}.`);
        locate().type = String(v);
      } else fail("InvalidArgument", `Chart.${p} cannot be set.`);
    },
  ).with({
    title: titleBag(ctx, "ChartTitle", () => locate().title),
    legend: new Bag(
      ctx,
      "ChartLegend",
      ["position", "visible"],
      (p) => locate().legend[p as "position" | "visible"],
      (p, v) => {
        if (p === "position") {
          if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(String(v)))
            fail("InvalidArgument", `Bad legend position ${String(v)}.`);
          locate().legend.position = String(v);
        } else locate().legend.visible = Boolean(v);
      },
    ),
    axes: new Bag(ctx, "ChartAxes", []).with({
      categoryAxis: new Bag(ctx, "ChartAxis", []).with({
        title: titleBag(ctx, "ChartAxisTitle", () => locate().categoryAxisTitle),
      }),
      valueAxis: new Bag(ctx, "ChartAxis", []).with({
        title: titleBag(ctx, "ChartAxisTitle", () => locate().valueAxisTitle),
      }),
    }),
    series: new FakeSeriesCollection(ctx, locate),
    /** Cells by A1 address (or Range proxies are not taken: the adapter passes addresses). */
    setPosition: (start: string, end?: string) =>
      chart._call("setPosition", [start, end], () => {
        if (typeof start !== "string" || (end !== undefined && typeof end !== "string"))
          fail("InvalidArgument", "The fake's setPosition takes cell addresses.");
        const s = parseLocalAddress(start);
        const e = parseLocalAddress(end ?? start);
        locate().position = { start: rectAddress(s), end: rectAddress(e) };
      }),
    delete: () =>
      chart._call("delete", [], () => {
        const sheet = owner();
        const state = locate();
        sheet.charts = sheet.charts.filter((c) => c !== state);
      }),
  });
  return chart;
}

/** Worksheet.charts. */
export class FakeChartCollection extends FakeCollection<ChartState, FakeObj> {
  constructor(
    ctx: FakeContext,
    private readonly host: ChartHost,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, "ChartCollection");
  }
  _list(): ChartState[] {
    return this.sheet().charts;
  }
  _itemProps(): readonly string[] {
    return ["name", "chartType"];
  }
  _wrap(state: ChartState): FakeObj {
    return chartProxy(
      this._ctx,
      () =>
        this.sheet().charts.includes(state) ? state : fail("ItemNotFound", "The chart no longer exists."),
      this.sheet,
    );
  }
  /** `sourceData` is a Range proxy of this host (one area). */
  add(
    type: string,
    sourceData: { loc(): { sheet: SheetState; rects: Rect[] }; _id: number },
    seriesBy = "Auto",
  ): FakeObj {
    let made: ChartState | null = null;
    const proxy = chartProxy(
      this._ctx,
      () => made ?? fail("InvalidObjectPath", "The chart was not added."),
      this.sheet,
    );
    this._ctx.enqueue({
      req: { o: this._id, call: "add", a: [type, { range: sourceData._id }, seriesBy] },
      run: () => {
        if (this.host.refuse.charts) fail(this.host.refuse.charts, "Simulated: this host refuses charts.");
        if (!CHART_TYPES.has(type)) fail("InvalidArgument", `Bad chart type ${type}.`);
        if (!SERIES_BY.has(seriesBy)) fail("InvalidArgument", `Bad seriesBy ${seriesBy}.`);
        const l = sourceData.loc();
        if (l.rects.length !== 1) fail("InvalidArgument", "A chart's source is one area in the fake.");
        const sheet = this.sheet();
        const rect = { ...l.rects[0] };
        made = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: { sheet: l.sheet, rect },
          seriesBy,
          title: { text: "", visible: false },
          categoryAxisTitle: { text: "", visible: false },
          valueAxisTitle: { text: "", visible: false },
          legend: { position: "Right", visible: true },
          series: seriesOf(l.sheet, rect, seriesBy),
          position: null,
        };
        sheet.charts.push(made);
        return null;
      },
    });
    return proxy;
  }
}

/** A chart as a snapshot shows it. */
export interface ChartSnapshot {
  name: string;
  type: string;
  /** "'Risk Summary'!A40:D52". */
  source: string;
  seriesBy: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  legend: { position: string; visible: boolean };
  series: ChartSeriesState[];
  position: { start: string; end: string } | null;
}

/** A plain copy of a chart for snapshots. */
export function chartSnapshot(c: ChartState, quote: (name: string) => string): ChartSnapshot {
  return {
    name: c.name,
    type: c.type,
    source: `${quote(c.source.sheet.name)}!${rectAddress(c.source.rect)}`,
    seriesBy: c.seriesBy,
    title: c.title.text,
    categoryAxisTitle: c.categoryAxisTitle.text,
    valueAxisTitle: c.valueAxisTitle.text,
    legend: { ...c.legend },
    series: c.series.map((s) => ({ ...s })),
    position: c.position ? { ...c.position } : null,
  };
}
