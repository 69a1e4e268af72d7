// A strict in-memory stand-in for Excel (Excel.run, Office.onReady, isSetSupported), installed as globals.
// Strict where the real host is: reading an unloaded property throws, writes land at sync(), payloads
// over 5 MB are refused, "=…" text becomes a formula. It counts syncs and bytes. No Node imports: the
// browser test bundles it (fake-host-entry.ts).

import type { CellValue } from "../../src/core/model/grid";
import { columnIndex, fromA1 } from "../../src/core/address/a1";
import { chartSnapshot, type ChartSnapshot } from "./fake-charts";
import { Bag, FakeContext, Op } from "./fake-proxy";
import { deleteWholeRows, insertWholeRows, type TableState } from "./fake-rows";
import { toR1C1 } from "./fake-r1c1";
import {
  FakeNames,
  FakeTables,
  FakeWorksheets,
  FakeXmlParts,
  HostState,
  NameState,
  XmlState,
} from "./fake-objects";
import {
  CellState,
  CfState,
  FakeOfficeError,
  HyperlinkState,
  PageLayoutState,
  SheetState,
  fail,
  parseLocalAddress,
  quoteSheet,
  rectAddress,
  writeCellValue,
} from "./fake-state";

export { FakeOfficeError } from "./fake-state";
export type { CellState } from "./fake-state";

export interface FakeSheetSpec {
  name: string;
  /** Rows from A1 (or from `origin`); strings go through the same rules as a write ("=x" becomes a formula). */
  values?: CellValue[][];
  /** Top-left cell of `values`, e.g. "B3". */
  origin?: string;
  numberFormats?: (string | null)[][];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Merged areas, e.g. ["A1:C1"]. */
  merges?: string[];
  /** The user's own fills: address ("A1" or "A1:B3") → colour. */
  fills?: Record<string, string>;
  /** The user's own conditional formats. */
  conditionalFormats?: { address: string; formula: string; fill: string }[];
  /** Protected (Review › Protect Sheet): changes to its cells fail with AccessDenied. */
  protected?: boolean;
  /**
   * Excel tables (Format as Table): `address` covers the header row, the data and the Total row (showTotals).
   * `calculatedColumns`: the table's calculated columns, by column letter, each with its formula as for the
   * table's first data row (as the table part's calculatedColumnFormula holds it): Excel fills them into rows
   * inserted inside the table. The cells themselves are the spec's `values`, as for any formula.
   */
  tables?: {
    name: string;
    address: string;
    showTotals?: boolean;
    calculatedColumns?: Record<string, string>;
  }[];
}

export interface FakeWorkbookSpec {
  sheets: FakeSheetSpec[];
  /** Workbook names pointing at a sheet's cell. */
  names?: { name: string; sheet: string; address: string }[];
  customXml?: string[];
  /** Highest ExcelApi requirement set the host supports (default "1.9", as the manifest declares). */
  apiVersion?: string;
  /** Request and response limit in bytes (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  /** Features this host refuses, with the error code it gives (page layout and freeze panes fail on some hosts). */
  refuse?: { freezePanes?: string; pageLayout?: string; formulaCells?: string; charts?: string };
  /** Workbook.name (ExcelApi 1.7): the file's name, as Excel gives it ("workbook" unless a test names it). */
  name?: string;
  /**
   * The workbook counts dates from 1904 ("Use 1904 date system"): its cells hold 1904-system serials (a spec's
   * values are given as the cells hold them) and DATE() answers in that system. Office.js's own
   * Workbook.use1904DateSystem is a preview API, so the fake does not offer it to load.
   */
  use1904DateSystem?: boolean;
}

/** What the fake's Excel.run accepts as options (Excel.RunOptions). */
export interface RunOptionsLike {
  delayForCellEdit?: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  error?: string;
}

export interface FakeStats {
  runs: number;
  /** Every round trip, failed ones included. */
  syncs: number;
  failedSyncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  perSync: SyncRecord[];
}

export interface FakeSheetSnapshot {
  name: string;
  visibility: string;
  /** Rows from A1 to the used range's bottom-right; "" for empty cells. */
  values: CellValue[][];
  formulas: Record<string, string>;
  numberFormats: Record<string, string>;
  fills: Record<string, string>;
  bold: string[];
  links: Record<string, HyperlinkState>;
  conditionalFormats: { type: string; address: string; formula?: string; fill?: string }[];
  freezeRows: number;
  columnWidths: Record<number, number>;
  pageLayout: PageLayoutState;
  charts: ChartSnapshot[];
  tables: { name: string; address: string; showTotals: boolean }[];
}

export interface FakeSnapshot {
  sheets: FakeSheetSnapshot[];
  names: { name: string; value: string }[];
  customXml: string[];
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = want.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

function emptyStats(): FakeStats {
  return {
    runs: 0,
    syncs: 0,
    failedSyncs: 0,
    requestBytes: 0,
    responseBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    perSync: [],
  };
}

const PLAIN_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: "The operation isn't available while Excel is in cell-edit mode.",
  GeneralException: "An internal error has occurred.",
};

/** The fake host: workbook state plus the Excel.run machinery. */
export class FakeHost implements HostState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  tables: TableState[] = [];
  xmlParts: XmlState[] = [];
  active: SheetState;
  selection: { sheet: string; address: string } | null = null;
  apiVersion: string;
  payloadLimit: number;
  /** Workbook.name. */
  workbookName: string;
  /** The workbook's date system (settable in a test): true counts dates from 1904. */
  use1904DateSystem: boolean;
  refuse: { freezePanes?: string; pageLayout?: string; formulaCells?: string; charts?: string };
  private failNext: string[] = [];
  private cellEdit: { done: Promise<void>; end: () => void } | null = null;
  private counters = emptyStats();

  constructor(spec: FakeWorkbookSpec) {
    this.apiVersion = spec.apiVersion ?? "1.9";
    this.payloadLimit = spec.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.workbookName = spec.name ?? "workbook";
    this.use1904DateSystem = spec.use1904DateSystem === true;
    this.refuse = { ...spec.refuse };
    for (const s of spec.sheets) {
      const sheet = buildSheet(s);
      this.sheets.push(sheet);
      for (const t of s.tables ?? []) {
        const rect = parseLocalAddress(t.address);
        this.tables.push({
          name: t.name,
          sheet,
          rect,
          showTotals: t.showTotals ?? false,
          calculated: calculatedColumns(t.calculatedColumns ?? {}, rect.top + 1),
        });
      }
    }
    if (this.sheets.length === 0) this.sheets.push(new SheetState("Sheet1"));
    this.active = this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
    for (const n of spec.names ?? []) {
      this.names.push({
        name: n.name,
        sheet: this.findSheet(n.sheet) ?? null,
        rect: parseLocalAddress(n.address),
        comment: "",
        visible: true,
      });
    }
    this.xmlParts = (spec.customXml ?? []).map((xml, i) => ({
      id: `{XML-0-${i}}`,
      ns: /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "",
      xml,
    }));
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version))
      fail("ApiNotFound", `${what} needs ExcelApi ${version}; this host has ${this.apiVersion}.`);
  }

  isSetSupported(name: string, version?: string): boolean {
    return name === "ExcelApi" && versionAtLeast(this.apiVersion, version ?? "1.1");
  }

  /** Makes the next sync fail with this code (default: the user is typing in a cell). */
  failNextSync(code = "InvalidOperationInCellEditMode"): void {
    this.failNext.push(code);
  }

  stats(): FakeStats {
    return { ...this.counters, perSync: this.counters.perSync.map((s) => ({ ...s })) };
  }
  resetStats(): void {
    this.counters = emptyStats();
  }

  /**
   * The officer starts typing in a cell: until `endCellEdit()`, a sync fails with
   * InvalidOperationInCellEditMode, unless its Excel.run was given `{ delayForCellEdit: true }`, in which
   * case it waits (Excel.RunOptions).
   */
  startCellEdit(): void {
    if (this.cellEdit) return;
    let end: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { done, end };
  }
  /** The officer presses Enter or Esc: delayed batches go ahead. */
  endCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = null;
    edit?.end();
  }
  /** Runs that were given `delayForCellEdit: true`. */
  delayedRuns = 0;
  /** When true, Excel.run refuses an options object, as a host without the RunOptions overload would. */
  refuseRunOptions = false;

  /**
   * Runs a batch as Excel.run does, syncing whatever is still queued when it returns; takes
   * `Excel.run(batch)` and `Excel.run(options, batch)`.
   */
  async run<T>(
    optionsOrBatch: RunOptionsLike | ((context: unknown) => Promise<T>),
    maybeBatch?: (context: unknown) => Promise<T>,
  ): Promise<T> {
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    if (typeof batch !== "function") fail("InvalidArgument", "Excel.run needs a batch function.");
    if (typeof optionsOrBatch !== "function") {
      if (this.refuseRunOptions) fail("InvalidArgument", "Excel.run takes a batch function only.");
      for (const k of Object.keys(options))
        if (k !== "delayForCellEdit") fail("InvalidArgument", `The fake's Excel.run has no option ${k}.`);
    }
    this.counters.runs += 1;
    if (options.delayForCellEdit === true) this.delayedRuns += 1;
    const ctx = new FakeContext(this, options.delayForCellEdit === true);
    const workbook = new Bag(ctx, "Workbook", ["name"], (p) => {
      this.requireApi("1.7", "Workbook.name");
      return p === "name" ? this.workbookName : null;
    }).with({
      worksheets: new FakeWorksheets(ctx, this),
      names: new FakeNames(ctx, this),
      tables: new FakeTables(ctx, this, null),
      functions: new Bag(ctx, "Functions", []).with({
        date: (year: number, month: number, day: number) => this.dateFunction(ctx, year, month, day),
      }),
    });
    // A getter, so ExcelApi 1.5 is checked only when custom XML is used.
    Object.defineProperty(workbook, "customXmlParts", { get: () => new FakeXmlParts(ctx, this) });
    Object.defineProperty(ctx, "workbook", { value: workbook });
    const result = await batch(ctx);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  }

  /**
   * Workbook.functions.date (ExcelApi 1.2): Excel's DATE, a FunctionResult whose `value` is the serial in the
   * workbook's date system (error "#NUM!" for a year before its system starts), computed at sync.
   */
  private dateFunction(ctx: FakeContext, year: number, month: number, day: number): Bag {
    this.requireApi("1.2", "Workbook.functions");
    const result = (): { value: number | null; error: string | null } => {
      const epoch = this.use1904DateSystem ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      if (year < (this.use1904DateSystem ? 1904 : 1900)) return { value: null, error: "#NUM!" };
      return { value: (Date.UTC(year, month - 1, day) - epoch) / 86_400_000, error: null };
    };
    return new Bag(ctx, "FunctionResult", ["value", "error"], (p) =>
      p === "value" ? result().value : result().error,
    );
  }

  async runSync(ctx: FakeContext): Promise<void> {
    await Promise.resolve();
    if (this.cellEdit && ctx.delayForCellEdit) await this.cellEdit.done;
    const editing = this.cellEdit !== null;
    const ops: Op[] = ctx.queue;
    ctx.queue = [];
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, ops: ops.length };
    this.counters.syncs += 1;
    this.counters.perSync.push(record);
    try {
      const forced = this.failNext.shift() ?? (editing ? "InvalidOperationInCellEditMode" : undefined);
      if (forced) fail(forced, PLAIN_MESSAGES[forced] ?? `Simulated ${forced}.`);
      record.requestBytes = JSON.stringify(ops.map((o) => o.req)).length;
      if (record.requestBytes > this.payloadLimit)
        fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      const responses = ops.map((o) => o.run());
      record.responseBytes = JSON.stringify(
        responses.map((r, i) => (ops[i].wire ? ops[i].wire!(r) : (r ?? 0))),
      ).length;
      if (record.responseBytes > this.payloadLimit) {
        // The batch ran (writes landed) but its answer could not be sent back.
        fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      }
      ops.forEach((o, i) => o.commit?.(responses[i]));
    } catch (e) {
      this.counters.failedSyncs += 1;
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    } finally {
      this.counters.requestBytes += record.requestBytes;
      this.counters.responseBytes += record.responseBytes;
      this.counters.maxRequestBytes = Math.max(this.counters.maxRequestBytes, record.requestBytes);
      this.counters.maxResponseBytes = Math.max(this.counters.maxResponseBytes, record.responseBytes);
    }
  }

  /**
   * The officer inserts `count` whole rows above 0-based row `at` (Home › Insert › Sheet Rows): cells move
   * down, and merged and conditional-format areas, names, charts' sources and tables move or grow with them,
   * as in Excel (fake-rows.ts).
   */
  insertRows(sheet: string, at: number, count: number): void {
    insertWholeRows(this, this.sheet(sheet), at, count);
  }

  /** The officer deletes `count` whole rows at 0-based row `at` (Home › Delete › Sheet Rows). */
  deleteRows(sheet: string, at: number, count: number): void {
    deleteWholeRows(this, this.sheet(sheet), at, count);
  }

  /**
   * The file is saved and opened again on `platform`: formats, names and cells stay; Excel for Mac has been
   * reported not to keep custom XML parts, so they are gone there.
   */
  reopen(platform: "windows" | "mac" | "web"): void {
    if (platform === "mac") this.xmlParts = [];
    this.selection = null;
  }

  /** The live state of a sheet, for assertions. */
  sheet(name: string): SheetState {
    return this.findSheet(name) ?? fail("ItemNotFound", `No sheet ${name}.`);
  }
  cell(sheet: string, a1: string): CellState | undefined {
    const p = fromA1(a1);
    return p ? this.sheet(sheet).cell(p.row, p.col) : undefined;
  }

  /** A plain JSON picture of the workbook (for tests and the browser test). */
  snapshot(): FakeSnapshot {
    return {
      sheets: this.sheets.map((s) => snapshotSheet(s, this.tables)),
      names: this.names.map((n) => ({
        name: n.name,
        value: n.sheet && n.rect ? `${n.sheet.name}!${rectAddress(n.rect)}` : "#REF!",
      })),
      customXml: this.xmlParts.map((x) => x.xml),
      activeSheet: this.active.name,
      selection: this.selection,
    };
  }
}

/** A table's calculated columns (letter → formula as for its first data row, 0-based `firstDataRow`) in R1C1. */
function calculatedColumns(byLetter: Record<string, string>, firstDataRow: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const [letters, formula] of Object.entries(byLetter)) {
    const col = columnIndex(letters);
    if (col === null) throw new Error(`fake: no column ${letters}`);
    out.set(col, toR1C1(formula.startsWith("=") ? formula : `=${formula}`, firstDataRow, col));
  }
  return out;
}

function buildSheet(spec: FakeSheetSpec): SheetState {
  const s = new SheetState(spec.name, spec.visibility ?? "Visible");
  const o = fromA1(spec.origin ?? "A1") ?? { row: 0, col: 0 };
  spec.numberFormats?.forEach((row, r) =>
    row.forEach((nf, c) => {
      if (nf) s.ensure(o.row + r, o.col + c).nf = nf;
    }),
  );
  spec.values?.forEach((row, r) => row.forEach((v, c) => writeCellValue(s, o.row + r, o.col + c, v)));
  s.merges = (spec.merges ?? []).map(parseLocalAddress);
  for (const [address, color] of Object.entries(spec.fills ?? {})) {
    const rect = parseLocalAddress(address);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) s.ensure(r, c).fill = color;
  }
  s.cfs = (spec.conditionalFormats ?? []).map((cf, i) => ({
    id: `{USER-CF-${i}}`,
    type: "Custom" as const,
    areas: cf.address.split(",").map(parseLocalAddress),
    formula: cf.formula,
    fill: cf.fill,
  }));
  s.protected = spec.protected ?? false;
  return s;
}

function snapshotSheet(s: SheetState, tables: TableState[]): FakeSheetSnapshot {
  const used = s.usedRect(true);
  const values: CellValue[][] = [];
  if (used) {
    for (let r = 0; r <= used.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= used.right; c++) row.push(s.cell(r, c)?.v ?? "");
      values.push(row);
    }
  }
  const snap: FakeSheetSnapshot = {
    name: s.name,
    visibility: s.visibility,
    values,
    formulas: {},
    numberFormats: {},
    fills: {},
    bold: [],
    links: {},
    conditionalFormats: s.cfs.map((cf: CfState) => ({
      type: cf.type,
      address: cf.areas.map(rectAddress).join(","),
      formula: cf.formula,
      fill: cf.fill,
    })),
    freezeRows: s.freezeRows,
    columnWidths: Object.fromEntries(s.columnWidths),
    pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } },
    charts: s.charts.map((c) => chartSnapshot(c, quoteSheet)),
    tables: tables
      .filter((t) => t.sheet === s)
      .map((t) => ({ name: t.name, address: rectAddress(t.rect), showTotals: t.showTotals })),
  };
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const a = rectAddress({ top: r, left: c, bottom: r, right: c });
      if (cell.formula) snap.formulas[a] = cell.formula;
      if (cell.nf) snap.numberFormats[a] = cell.nf;
      if (cell.fill) snap.fills[a] = cell.fill;
      if (cell.bold) snap.bold.push(a);
      if (cell.link) snap.links[a] = { ...cell.link };
    }),
  );
  return snap;
}

/** The globals a task pane sees. */
interface FakeGlobals {
  Excel?: unknown;
  Office?: unknown;
  OfficeExtension?: unknown;
}

/**
 * Installs the fake as globalThis.Excel / Office / OfficeExtension and returns it.
 * Call `uninstallFakeExcel()` (or install again) to replace it.
 */
export function installFakeExcel(spec: FakeWorkbookSpec): FakeHost {
  const host = new FakeHost(spec);
  const g = globalThis as unknown as FakeGlobals;
  g.Excel = {
    run: <T>(
      optionsOrBatch: RunOptionsLike | ((context: unknown) => Promise<T>),
      batch?: (context: unknown) => Promise<T>,
    ) => host.run(optionsOrBatch, batch),
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ChartType: { columnStacked: "ColumnStacked", columnClustered: "ColumnClustered", line: "Line" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartLegendPosition: { top: "Top", bottom: "Bottom", left: "Left", right: "Right" },
    InsertShiftDirection: { down: "Down", right: "Right" },
    DeleteShiftDirection: { up: "Up", left: "Left" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks" },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      generalException: "GeneralException",
    },
  };
  g.OfficeExtension = { Error: FakeOfficeError };
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version),
      },
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  return host;
}

/** Removes the globals installFakeExcel set. */
export function uninstallFakeExcel(): void {
  const g = globalThis as unknown as FakeGlobals;
  delete g.Excel;
  delete g.Office;
  delete g.OfficeExtension;
}
