// The fake Excel host's object model: worksheets, ranges, formats, conditional formats, names, custom XML.
// Only the subset src/excel uses; anything else is missing on purpose, so new use shows up in tests.

import type { CellValue } from "../../src/core/model/grid";
import { parseRangeAddress } from "../../src/core/address/a1";
import { FakeChartCollection } from "./fake-charts";
import { checkTableResize, deleteRows, insertRows, type TableState } from "./fake-rows";
import { Bag, FakeClientResult, FakeCollection, FakeContext, FakeObj, created } from "./fake-proxy";
import {
  CfState,
  FakeOfficeError,
  MAX_COLS,
  Rect,
  SheetState,
  checkSheetName,
  clearRect,
  fail,
  intersects,
  nextCfId,
  parseLocalAddress,
  quoteSheet,
  rectAddress,
  rectCols,
  rectRows,
  removeCfCells,
  wholeSheet,
  writeCellValue,
} from "./fake-state";
import { fromR1C1, toR1C1 } from "./fake-r1c1";

export interface NameState {
  name: string;
  sheet: SheetState | null;
  rect: Rect | null;
  comment: string;
  visible: boolean;
}

export interface XmlState {
  id: string;
  ns: string;
  xml: string;
}

/** What the object model needs from the host. */
export interface HostState {
  sheets: SheetState[];
  names: NameState[];
  xmlParts: XmlState[];
  /** Every table of the workbook (names are unique across sheets). */
  tables: TableState[];
  active: SheetState;
  selection: { sheet: string; address: string } | null;
  requireApi(version: string, what: string): void;
  findSheet(name: string): SheetState | undefined;
  /** Error codes with which this host refuses a feature ("freezePanes", "pageLayout"), as some hosts do. */
  refuse: { freezePanes?: string; pageLayout?: string; formulaCells?: string; charts?: string };
}

interface Loc {
  sheet: SheetState;
  rects: Rect[];
}

/** Cells a single read may return; above it even a small value would be over any payload limit. */
const MAX_READ_CELLS = 2_000_000;

function itemNotFound(what: string): never {
  fail("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}

function absolute(rect: Rect): string {
  return rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function check2d(v: unknown, rect: Rect): unknown[][] {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(v) || v.length !== rows || !v.every((r) => Array.isArray(r) && r.length === cols)) {
    fail(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return v as unknown[][];
}

function read2d<T>(sheet: SheetState, rect: Rect, pick: (r: number, c: number) => T): T[][] {
  if (rectRows(rect) * rectCols(rect) > MAX_READ_CELLS) {
    fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
  }
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(pick(r, c));
    out.push(row);
  }
  return out;
}

/**
 * One cell of a `formulasR1C1` write: "=…" is a formula (as the cell holds it in A1; the fake computes none,
 * so its value is empty), null leaves the cell alone, anything else is written as a value is.
 */
function writeR1C1(sheet: SheetState, row: number, col: number, x: unknown): void {
  if (typeof x === "string" && x.startsWith("=") && x.length > 1) {
    const cell = sheet.ensure(row, col);
    cell.formula = fromR1C1(x, row, col);
    cell.v = "";
  } else writeCellValue(sheet, row, col, x);
}

/** Applies `fn` to every cell of the rects, creating cells; refuses absurd areas. */
function eachCell(loc: Loc, fn: (r: number, c: number) => void): void {
  for (const rect of loc.rects) {
    if (rectRows(rect) * rectCols(rect) > MAX_READ_CELLS)
      fail("InvalidArgument", "The fake formats at most 2M cells at once.");
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  }
}

const RANGE_PROPS = [
  "address",
  "values",
  "numberFormat",
  "formulas",
  "formulasR1C1",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "hyperlink",
];
const AREAS_PROPS = ["address", "areaCount"];

/** Merged areas above this many make getMergedAreasOrNullObject fail (the ExcelApi reference says so). */
export const MAX_MERGED_AREAS = 512;

/** Range (one rect) or RangeAreas (several). */
export class FakeRange extends FakeObj {
  private _format?: Bag;
  private _cfs?: FakeCfCollection;
  private _areas?: FakeRangeCollection;
  constructor(
    ctx: FakeContext,
    readonly host: HostState,
    private readonly locate: () => Loc | null,
    type: "Range" | "RangeAreas" = "Range",
    /**
     * The merged areas' RangeAreas: its `address` lists only each area's top-left cell, as hosts have been
     * reported to do (office-js#1590); `areas` gives the whole rectangles.
     */
    private readonly topLeftAddress = false,
  ) {
    super(ctx, type);
  }

  loc(): Loc {
    const l = this.locate();
    if (!l) fail("InvalidObjectPath", `The ${this._type} is a null object.`);
    return l;
  }
  private one(): { sheet: SheetState; rect: Rect } {
    const l = this.loc();
    if (l.rects.length !== 1)
      fail("InvalidOperation", "This operation is not permitted for the current object (several areas).");
    return { sheet: l.sheet, rect: l.rects[0] };
  }

  _props(): readonly string[] {
    return this._type === "Range" ? RANGE_PROPS : AREAS_PROPS;
  }

  _read(p: string): unknown {
    const l = this.loc();
    if (p === "address")
      return l.rects
        .map((r) => (this.topLeftAddress ? { ...r, bottom: r.top, right: r.left } : r))
        .map((r) => `${quoteSheet(l.sheet.name)}!${rectAddress(r)}`)
        .join(",");
    if (p === "areaCount") return l.rects.length;
    const { sheet, rect } = this.one();
    switch (p) {
      case "values":
        return read2d<CellValue>(sheet, rect, (r, c) => sheet.cell(r, c)?.v ?? "");
      case "numberFormat":
        return read2d(sheet, rect, (r, c) => sheet.cell(r, c)?.nf ?? "General");
      case "formulas":
        return read2d(sheet, rect, (r, c) => sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.v ?? "");
      case "formulasR1C1":
        return read2d(sheet, rect, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell?.formula !== undefined ? toR1C1(cell.formula, r, c) : (cell?.v ?? "");
        });
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectCols(rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "hyperlink":
        this.host.requireApi("1.7", "Range.hyperlink");
        return sheet.cell(rect.top, rect.left)?.link ?? null;
    }
    return fail("InvalidArgument", `Range has no property '${p}'.`);
  }

  override _write(p: string, v: unknown): void {
    const { sheet, rect } = this.one();
    if (p === "values") {
      const rows = check2d(v, rect);
      rows.forEach((row, i) => row.forEach((x, j) => writeCellValue(sheet, rect.top + i, rect.left + j, x)));
    } else if (p === "formulasR1C1") {
      const rows = check2d(v, rect);
      rows.forEach((row, i) => row.forEach((x, j) => writeR1C1(sheet, rect.top + i, rect.left + j, x)));
    } else if (p === "numberFormat") {
      const rows = check2d(v, rect);
      rows.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null && x !== undefined) sheet.ensure(rect.top + i, rect.left + j).nf = String(x);
        }),
      );
    } else if (p === "hyperlink") {
      this.host.requireApi("1.7", "Range.hyperlink");
      const link = (v ?? {}) as { textToDisplay?: string };
      eachCell({ sheet, rects: [rect] }, (r, c) => {
        const cell = sheet.ensure(r, c);
        cell.link = { ...link };
        if (link.textToDisplay !== undefined) {
          delete cell.formula;
          cell.v = link.textToDisplay;
        }
      });
    } else super._write(p, v);
  }

  get address(): string {
    return this._get("address") as string;
  }
  get areaCount(): number {
    return this._get("areaCount") as number;
  }
  get values(): CellValue[][] {
    return this._get("values") as CellValue[][];
  }
  set values(v: CellValue[][]) {
    this._set("values", v);
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat") as string[][];
  }
  set numberFormat(v: string[][]) {
    this._set("numberFormat", v);
  }
  get formulas(): unknown[][] {
    return this._get("formulas") as unknown[][];
  }
  get formulasR1C1(): unknown[][] {
    return this._get("formulasR1C1") as unknown[][];
  }
  set formulasR1C1(v: unknown[][]) {
    this._set("formulasR1C1", v);
  }
  get rowCount(): number {
    return this._get("rowCount") as number;
  }
  get columnCount(): number {
    return this._get("columnCount") as number;
  }
  get rowIndex(): number {
    return this._get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._get("columnIndex") as number;
  }
  get hyperlink(): unknown {
    return this._get("hyperlink");
  }
  set hyperlink(v: unknown) {
    this._set("hyperlink", v);
  }

  get format(): Bag {
    if (this._format) return this._format;
    const loc = () => this.loc();
    const cellsOf = (fn: (cell: ReturnType<SheetState["ensure"]>) => void) => {
      const l = loc();
      eachCell(l, (r, c) => fn(l.sheet.ensure(r, c)));
    };
    const topLeft = () => loc().sheet.cell(loc().rects[0].top, loc().rects[0].left);
    const fill = new Bag(
      this._ctx,
      "RangeFill",
      ["color"],
      () => topLeft()?.fill ?? null,
      (_p, v) => cellsOf((cell) => (cell.fill = String(v))),
    ).with({
      clear: () => this._call("fill.clear", [], () => cellsOf((cell) => delete cell.fill)),
    });
    const fontKeys: Record<string, "bold" | "italic" | "fontColor" | "fontSize"> = {
      bold: "bold",
      italic: "italic",
      color: "fontColor",
      size: "fontSize",
    };
    const font = new Bag(
      this._ctx,
      "RangeFont",
      Object.keys(fontKeys),
      (p) => topLeft()?.[fontKeys[p]] ?? null,
      (p, v) => cellsOf((cell) => Object.assign(cell, { [fontKeys[p]]: v })),
    );
    const widthOf = (c: number) => loc().sheet.columnWidths.get(c) ?? 48;
    this._format = new Bag(
      this._ctx,
      "RangeFormat",
      ["columnWidth", "wrapText", "horizontalAlignment", "verticalAlignment"],
      (p) => (p === "columnWidth" ? widthOf(loc().rects[0].left) : null),
      (p, v) => {
        const l = loc();
        if (p === "columnWidth") {
          for (const r of l.rects)
            for (let c = r.left; c <= Math.min(r.right, MAX_COLS - 1); c++)
              l.sheet.columnWidths.set(c, Number(v));
        } else l.sheet.notes.push({ address: this.addressNow(), prop: p, value: v });
      },
    ).with({
      fill,
      font,
      autofitColumns: () =>
        this._call("autofitColumns", [], () => {
          const l = loc();
          const used = l.sheet.usedRect(false);
          for (const r of l.rects) {
            const right = Math.min(r.right, used?.right ?? r.left);
            for (let c = r.left; c <= right; c++) l.sheet.autofitColumns.add(c);
          }
        }),
      autofitRows: () => this._call("autofitRows", [], () => undefined),
    });
    return this._format;
  }

  private addressNow(): string {
    const l = this.loc();
    return l.rects.map(rectAddress).join(",");
  }

  get conditionalFormats(): FakeCfCollection {
    this._cfs ??= new FakeCfCollection(this._ctx, this);
    return this._cfs;
  }

  /** Per-cell properties (ExcelApi 1.9); only `format.fill.color` is served, "#FFFFFF" for no fill. */
  getCellProperties(options: { format?: { fill?: { color?: boolean } } }): FakeClientResult<unknown[][]> {
    this.host.requireApi("1.9", "Range.getCellProperties");
    if (!options?.format?.fill?.color)
      fail("InvalidArgument", "Only format.fill.color is supported by the fake.");
    return new FakeClientResult(this._ctx, this._id, "getCellProperties", () => {
      const { sheet, rect } = this.one();
      return read2d(sheet, rect, (r, c) => ({
        format: { fill: { color: sheet.cell(r, c)?.fill ?? "#FFFFFF" } },
      }));
    });
  }

  /** ExcelApi 1.1: row `row` (0-based) of this range. */
  getRow(row: number): FakeRange {
    return this.sub("getRow", () => {
      const { sheet, rect } = this.one();
      if (row < 0 || row >= rectRows(rect)) fail("InvalidArgument", `The range has no row ${row}.`);
      return { sheet, rects: [{ ...rect, top: rect.top + row, bottom: rect.top + row }] };
    });
  }
  /** ExcelApi 1.1: the last row of this range. */
  getLastRow(): FakeRange {
    return this.sub("getLastRow", () => {
      const { sheet, rect } = this.one();
      return { sheet, rects: [{ ...rect, top: rect.bottom }] };
    });
  }
  /** A cell relative to the top-left of this range. */
  getCell(row: number, col: number): FakeRange {
    return this.sub("getCell", () => {
      const { sheet, rect } = this.one();
      return {
        sheet,
        rects: [
          { top: rect.top + row, left: rect.left + col, bottom: rect.top + row, right: rect.left + col },
        ],
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.sub("getUsedRangeOrNullObject", () => {
      const { sheet, rect } = this.one();
      const used = sheet.usedRect(valuesOnly, rect);
      return used ? { sheet, rects: [used] } : null;
    });
  }
  /**
   * ExcelApi 1.13. Only areas whose top-left cell lies in the range (office-js#3611); fails above 512
   * areas, as the reference warns.
   */
  getMergedAreasOrNullObject(): FakeRange {
    this.host.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    const locate = (): Loc | null => {
      const { sheet, rect } = this.one();
      const rects = sheet.merges.filter((m) => intersects({ ...m, bottom: m.top, right: m.left }, rect));
      if (rects.length > MAX_MERGED_AREAS)
        fail("GeneralException", "There are too many merged areas in the range to return them.");
      return rects.length ? { sheet, rects } : null;
    };
    return created(
      new FakeRange(this._ctx, this.host, locate, "RangeAreas", true),
      "getMergedAreasOrNullObject",
      locate,
    );
  }
  /**
   * ExcelApi 1.9; only "Formulas" is served: the formula cells in the range, one area per run of formula
   * cells down a column (a null object when there are none).
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRange {
    this.host.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
    if (cellType !== "Formulas") fail("InvalidArgument", `The fake serves only Formulas, not ${cellType}.`);
    const locate = (): Loc | null => {
      const { sheet, rect } = this.one();
      if (this.host.refuse.formulaCells)
        fail(this.host.refuse.formulaCells, "Simulated: this host cannot list formula cells.");
      const cells: { r: number; c: number }[] = [];
      for (const [r, c, cell] of sheet.cellsIn(rect)) if (cell.formula !== undefined) cells.push({ r, c });
      cells.sort((a, b) => a.c - b.c || a.r - b.r);
      const rects: Rect[] = [];
      for (const { r, c } of cells) {
        const last = rects[rects.length - 1];
        if (last && last.left === c && last.bottom === r - 1) last.bottom = r;
        else rects.push({ top: r, left: c, bottom: r, right: c });
      }
      return rects.length ? { sheet, rects } : null;
    };
    return created(
      new FakeRange(this._ctx, this.host, locate, "RangeAreas"),
      "getSpecialCellsOrNullObject",
      locate,
    );
  }
  private sub(method: string, locate: () => Loc | null, type: "Range" | "RangeAreas" = "Range"): FakeRange {
    return created(new FakeRange(this._ctx, this.host, locate, type), method, locate);
  }

  /** ExcelApi 1.9: the rectangles of a RangeAreas, one Range each. */
  get areas(): FakeRangeCollection {
    if (this._type !== "RangeAreas") fail("InvalidArgument", "Range has no property 'areas'.");
    this.host.requireApi("1.9", "RangeAreas.areas");
    this._areas ??= new FakeRangeCollection(this._ctx, this);
    return this._areas;
  }

  /**
   * ExcelApi 1.9: copies `source` (a range of the same size, any sheet) onto this range, cell by cell.
   * "All" copies values, formulas and formats; "Values" only values and formulas. Blank source cells
   * empty the target's (skipBlanks is not modelled).
   */
  copyFrom(source: FakeRange, copyType: "All" | "Values" | "Formats" = "All"): void {
    this.host.requireApi("1.9", "Range.copyFrom");
    this._call("copyFrom", [copyType], () => {
      const { sheet, rect } = this.one();
      const src = source.loc();
      if (src.rects.length !== 1) fail("InvalidArgument", "copyFrom takes one area.");
      const from = src.rects[0];
      if (rectRows(from) !== rectRows(rect) || rectCols(from) !== rectCols(rect))
        fail("InvalidArgument", "The fake copies between ranges of the same size only.");
      for (let r = 0; r < rectRows(rect); r++) {
        for (let c = 0; c < rectCols(rect); c++) {
          const s = src.sheet.cell(from.top + r, from.left + c);
          const t = sheet.ensure(rect.top + r, rect.left + c);
          if (copyType !== "Formats") {
            t.v = s?.v ?? "";
            if (s?.formula !== undefined) t.formula = s.formula;
            else delete t.formula;
          }
          if (copyType !== "Values") {
            for (const k of ["nf", "fill", "bold", "italic", "fontColor", "fontSize"] as const) {
              if (s?.[k] !== undefined) (t as unknown as Record<string, unknown>)[k] = s[k];
              else delete t[k];
            }
          }
        }
      }
    });
  }
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], () => {
      const l = this.loc();
      l.sheet.refuseIfProtected();
      for (const r of l.rects) clearRect(l.sheet, r, applyTo);
    });
  }
  /**
   * ExcelApi 1.1: inserts empty cells here and shifts the cells below down: whole rows ("6:7"), as Excel's
   * Insert › Sheet Rows, or the cells of the range's columns only (a table's, as Insert Table Rows Above).
   * A table spanning the rows grows (fake-rows.ts). The fake shifts down only.
   */
  insert(shift: string): FakeRange {
    if (shift !== "Down") fail("InvalidArgument", `The fake inserts with shift Down only, not ${shift}.`);
    this._call("insert", [shift], () => {
      const { sheet, rect } = this.one();
      insertRows(this.host, sheet, rect.top, rectRows(rect), { left: rect.left, right: rect.right });
    });
    // The new (empty) rows: the same address as this range, as Range.insert returns.
    return created(new FakeRange(this._ctx, this.host, () => this.loc()), "insert", () => this.loc());
  }
  /** ExcelApi 1.1: deletes the cells and shifts the cells below up (whole rows, or the range's columns). */
  delete(shift: string): void {
    if (shift !== "Up") fail("InvalidArgument", `The fake deletes with shift Up only, not ${shift}.`);
    this._call("delete", [shift], () => {
      const { sheet, rect } = this.one();
      deleteRows(this.host, sheet, rect.top, rectRows(rect), { left: rect.left, right: rect.right });
    });
  }
  select(): void {
    this._call("select", [], () => {
      const l = this.loc();
      if (l.sheet.visibility !== "Visible")
        fail("InvalidOperation", "A hidden sheet's cells cannot be selected.");
      this.host.active = l.sheet;
      this.host.selection = { sheet: l.sheet.name, address: l.rects.map(rectAddress).join(",") };
    });
  }
}

/** RangeAreas.areas: one Range per rectangle. */
export class FakeRangeCollection extends FakeCollection<Rect, FakeRange> {
  constructor(
    ctx: FakeContext,
    private readonly parent: FakeRange,
  ) {
    super(ctx, "RangeCollection");
  }
  _list(): Rect[] {
    return this.parent.loc().rects;
  }
  _itemProps(): readonly string[] {
    return RANGE_PROPS;
  }
  _wrap(rect: Rect): FakeRange {
    const sheet = this.parent.loc().sheet;
    return new FakeRange(this._ctx, this.parent.host, () => ({ sheet, rects: [rect] }));
  }
}

/** Conditional formats that intersect a range; add() puts a new one on top. */
export class FakeCfCollection extends FakeCollection<CfState, FakeObj> {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  _list(): CfState[] {
    const l = this.range.loc();
    return l.sheet.cfs.filter((cf) => cf.areas.some((a) => l.rects.some((r) => intersects(a, r))));
  }
  _itemProps(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  _wrap(state: CfState): FakeObj {
    return conditionalFormat(this._ctx, () => ({ sheet: this.range.loc().sheet, cf: state }));
  }
  add(type: string): FakeObj {
    let made: { sheet: SheetState; cf: CfState } | null = null;
    const proxy = conditionalFormat(this._ctx, () => made ?? fail("InvalidObjectPath", "not yet added"));
    this._call("add", [type], () => {
      if (type !== "Custom" && type !== "CellValue")
        fail("InvalidArgument", `The fake supports Custom and CellValue formats, not ${type}.`);
      const l = this.range.loc();
      l.sheet.refuseIfProtected();
      const cf: CfState = { id: nextCfId(), type, areas: l.rects.map((r) => ({ ...r })) };
      l.sheet.cfs.unshift(cf);
      made = { sheet: l.sheet, cf };
    });
    return proxy;
  }
  clearAll(): void {
    this._call("clearAll", [], () => {
      const l = this.range.loc();
      for (const r of l.rects) removeCfCells(l.sheet, r);
    });
  }
}

function conditionalFormat(ctx: FakeContext, locate: () => { sheet: SheetState; cf: CfState }): FakeObj {
  const cf = () => locate().cf;
  const ofType = (t: CfState["type"]) => {
    const c = cf();
    if (c.type !== t) fail("InvalidOperation", `This conditional format is ${c.type}, not ${t}.`);
    return c;
  };
  const formatOf = (t: CfState["type"]) =>
    new Bag(ctx, "ConditionalRangeFormat", []).with({
      fill: new Bag(
        ctx,
        "ConditionalRangeFill",
        ["color"],
        () => ofType(t).fill ?? null,
        (_p, v) => (ofType(t).fill = String(v)),
      ),
      font: new Bag(
        ctx,
        "ConditionalRangeFont",
        ["color", "bold"],
        (p) => (p === "color" ? ofType(t).fontColor : ofType(t).bold) ?? null,
        (p, v) => (p === "color" ? (ofType(t).fontColor = String(v)) : (ofType(t).bold = Boolean(v))),
      ),
    });
  const custom = new Bag(ctx, "CustomConditionalFormat", []).with({
    rule: new Bag(
      ctx,
      "ConditionalFormatRule",
      ["formula"],
      () => ofType("Custom").formula ?? "",
      (_p, v) => (ofType("Custom").formula = String(v)),
    ),
    format: formatOf("Custom"),
  });
  const cellValue = new Bag(
    ctx,
    "CellValueConditionalFormat",
    ["rule"],
    () => ofType("CellValue").rule ?? null,
    (_p, v) => (ofType("CellValue").rule = v as CfState["rule"]),
  ).with({ format: formatOf("CellValue") });
  const proxy: Bag = new Bag(ctx, "ConditionalFormat", ["id", "type", "priority", "stopIfTrue"], (p) => {
    const { sheet, cf: c } = locate();
    if (p === "priority") return sheet.cfs.indexOf(c);
    if (p === "stopIfTrue") return false;
    return p === "id" ? c.id : c.type;
  }).with({
    custom,
    cellValue,
    delete: () =>
      proxy._call("delete", [], () => {
        const { sheet, cf: c } = locate();
        sheet.cfs = sheet.cfs.filter((x) => x !== c);
      }),
  });
  return proxy;
}

const SHEET_PROPS = ["name", "visibility", "position", "id", "tabColor"];

export class FakeWorksheet extends FakeObj {
  constructor(
    ctx: FakeContext,
    readonly host: HostState,
    private readonly locate: () => SheetState | null,
  ) {
    super(ctx, "Worksheet");
  }
  sheet(): SheetState {
    return this.locate() ?? fail("InvalidObjectPath", "The worksheet is a null object.");
  }
  _props(): readonly string[] {
    return SHEET_PROPS;
  }
  _read(p: string): unknown {
    const s = this.sheet();
    if (p === "position") return this.host.sheets.indexOf(s);
    return (s as unknown as Record<string, unknown>)[p];
  }
  override _write(p: string, v: unknown): void {
    const s = this.sheet();
    if (p === "name") {
      const name = checkSheetName(v);
      const other = this.host.findSheet(name);
      if (other && other !== s) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      s.name = name;
    } else if (p === "visibility") {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        fail("InvalidArgument", `Bad visibility ${String(v)}.`);
      if (v !== "Visible" && !this.host.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
      if (v !== "Visible" && this.host.active === s)
        this.host.active = this.host.sheets.find((x) => x.visibility === "Visible") ?? s;
    } else if (p === "tabColor") s.tabColor = String(v);
    else super._write(p, v);
  }
  get name(): string {
    return this._get("name") as string;
  }
  set name(v: string) {
    this._set("name", v);
  }
  get visibility(): string {
    return this._get("visibility") as string;
  }
  set visibility(v: string) {
    this._set("visibility", v);
  }
  get position(): number {
    return this._get("position") as number;
  }
  get id(): string {
    return this._get("id") as string;
  }
  set tabColor(v: string) {
    this._set("tabColor", v);
  }

  activate(): void {
    this._call("activate", [], () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.");
      this.host.active = s;
    });
  }
  delete(): void {
    this._call("delete", [], () => {
      const s = this.sheet();
      if (!this.host.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.host.sheets = this.host.sheets.filter((x) => x !== s);
      for (const n of this.host.names) if (n.sheet === s) n.sheet = null;
      this.host.tables = this.host.tables.filter((t) => t.sheet !== s);
      if (this.host.active === s)
        this.host.active = this.host.sheets.find((x) => x.visibility === "Visible") ?? this.host.sheets[0];
    });
  }

  /**
   * ExcelApi 1.7: copies the sheet (cells, formats, merges, conditional formats, widths, freeze, layout)
   * as "<name> (2)" at the given position. Workbook names pointing at the source are not copied, as in Excel.
   */
  copy(
    positionType: "None" | "Before" | "After" | "Beginning" | "End" = "None",
    relativeTo?: FakeWorksheet,
  ): FakeWorksheet {
    this.host.requireApi("1.7", "Worksheet.copy");
    let made: SheetState | null = null;
    const ws = new FakeWorksheet(
      this._ctx,
      this.host,
      () => made ?? fail("InvalidObjectPath", "not yet copied"),
    );
    this._call("copy", [positionType], () => {
      const s = this.sheet();
      let n = 2;
      const base = s.name.slice(0, 25);
      while (this.host.findSheet(`${base} (${n})`)) n += 1;
      const c = new SheetState(`${base} (${n})`, s.visibility);
      c.rows = s.rows.map((row) =>
        row?.map((cell) => (cell ? { ...cell, link: cell.link ? { ...cell.link } : undefined } : cell)),
      );
      for (const row of c.rows) row?.forEach((cell) => cell && cell.link === undefined && delete cell.link);
      c.merges = s.merges.map((m) => ({ ...m }));
      c.cfs = s.cfs.map((cf) => ({ ...cf, id: nextCfId(), areas: cf.areas.map((a) => ({ ...a })) }));
      // Its tables are copied too, each under a free name (Table1 → Table12 …), as in Excel.
      for (const t of this.host.tables.filter((x) => x.sheet === s)) {
        let k = 2;
        while (this.host.tables.some((x) => x.name.toLowerCase() === `${t.name}${k}`.toLowerCase())) k += 1;
        this.host.tables.push({
          ...t,
          name: `${t.name}${k}`,
          sheet: c,
          rect: { ...t.rect },
          calculated: new Map(t.calculated),
        });
      }
      c.freezeRows = s.freezeRows;
      // A copy of a protected sheet is protected too, as in Excel.
      c.protected = s.protected;
      c.columnWidths = new Map(s.columnWidths);
      c.pageLayout = { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } };
      // A copied sheet's charts draw the copy's cells where they drew the source's.
      c.charts = s.charts.map((ch) => ({
        ...ch,
        source: { sheet: ch.source.sheet === s ? c : ch.source.sheet, rect: { ...ch.source.rect } },
        title: { ...ch.title },
        categoryAxisTitle: { ...ch.categoryAxisTitle },
        valueAxisTitle: { ...ch.valueAxisTitle },
        legend: { ...ch.legend },
        series: ch.series.map((x) => ({ ...x })),
        position: ch.position ? { ...ch.position } : null,
      }));
      const rel = relativeTo ? relativeTo.sheet() : s;
      const at = this.host.sheets.indexOf(rel);
      if (positionType === "Beginning") this.host.sheets.unshift(c);
      else if (positionType === "Before") this.host.sheets.splice(at, 0, c);
      else if (positionType === "After" || positionType === "None") this.host.sheets.splice(at + 1, 0, c);
      else this.host.sheets.push(c);
      made = c;
    });
    return ws;
  }

  private range(
    method: string,
    rects: () => Rect[] | null,
    type: "Range" | "RangeAreas" = "Range",
  ): FakeRange {
    const locate = () => {
      const r = rects();
      return r ? { sheet: this.sheet(), rects: r } : null;
    };
    return created(new FakeRange(this._ctx, this.host, locate, type), method, locate);
  }
  getRange(address?: string): FakeRange {
    return this.range("getRange", () => [address === undefined ? wholeSheet() : parseLocalAddress(address)]);
  }
  /** ExcelApi 1.9: "A2,K9:K12" as one RangeAreas. */
  getRanges(address: string): FakeRange {
    this.host.requireApi("1.9", "Worksheet.getRanges");
    return this.range("getRanges", () => address.split(",").map(parseLocalAddress), "RangeAreas");
  }
  /** ExcelApi 1.7. */
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    this.host.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return this.range("getRangeByIndexes", () => {
      if (rowCount < 1 || colCount < 1) fail("InvalidArgument", "Row and column counts must be at least 1.");
      return [{ top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 }];
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.range("getCell", () => [{ top: row, left: col, bottom: row, right: col }]);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range("getUsedRange", () => [
      this.sheet().usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    ]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range("getUsedRangeOrNullObject", () => {
      const u = this.sheet().usedRect(valuesOnly);
      return u ? [u] : null;
    });
  }

  /**
   * Freeze panes and page layout fail where the host refuses them (`refuse`), and on a hidden sheet, where
   * unfreeze has been reported to throw in some builds.
   */
  private checkLayout(feature: "freezePanes" | "pageLayout"): SheetState {
    const s = this.sheet();
    const code = this.host.refuse[feature];
    if (code) fail(code, `Simulated: this host refuses ${feature}.`);
    if (s.visibility !== "Visible")
      fail("InvalidOperation", `The operation is not permitted on a hidden sheet (${feature}).`);
    return s;
  }

  /** ExcelApi 1.2: whether the sheet is protected (Review › Protect Sheet), and protect / unprotect. */
  get protection(): Bag {
    this.host.requireApi("1.2", "Worksheet.protection");
    const bag: Bag = new Bag(this._ctx, "WorksheetProtection", ["protected"], () => this.sheet().protected);
    return bag.with({
      protect: () => bag._call("protect", [], () => (this.sheet().protected = true)),
      unprotect: () => bag._call("unprotect", [], () => (this.sheet().protected = false)),
    });
  }

  /** ExcelApi 1.1: the sheet's tables. */
  get tables(): FakeTables {
    return new FakeTables(this._ctx, this.host, () => this.sheet());
  }

  /** ExcelApi 1.1: the sheet's charts. */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this._ctx, this.host, () => this.sheet());
  }

  get freezePanes(): Bag {
    return new Bag(this._ctx, "WorksheetFreezePanes", []).with({
      freezeRows: (n: number) =>
        this._call("freezeRows", [n], () => (this.checkLayout("freezePanes").freezeRows = n)),
      unfreeze: () => this._call("unfreeze", [], () => (this.checkLayout("freezePanes").freezeRows = 0)),
    });
  }

  /** ExcelApi 1.9. */
  get pageLayout(): Bag {
    this.host.requireApi("1.9", "Worksheet.pageLayout");
    const pl = () => this.checkLayout("pageLayout").pageLayout as unknown as Record<string, unknown>;
    const hf = new Bag(
      this._ctx,
      "HeaderFooter",
      ["centerHeader", "centerFooter"],
      (p) => pl()[p],
      (p, v) => (pl()[p] = String(v)),
    );
    return new Bag(
      this._ctx,
      "PageLayout",
      ["orientation", "paperSize", "centerHorizontally", "zoom"],
      (p) => pl()[p],
      (p, v) => (pl()[p] = v),
    ).with({
      setPrintTitleRows: (rows: string) =>
        this._call("setPrintTitleRows", [rows], () => {
          parseLocalAddress(rows);
          this.checkLayout("pageLayout").pageLayout.printTitleRows = rows;
        }),
      headersFooters: new Bag(this._ctx, "HeaderFooterGroup", []).with({ defaultForAllPages: hf }),
    });
  }
}

export class FakeWorksheets extends FakeCollection<SheetState, FakeWorksheet> {
  constructor(
    ctx: FakeContext,
    private readonly host: HostState,
  ) {
    super(ctx, "WorksheetCollection");
  }
  _list(): SheetState[] {
    return this.host.sheets;
  }
  _itemProps(): readonly string[] {
    return SHEET_PROPS;
  }
  _wrap(state: SheetState): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this.host, () =>
      this.host.sheets.includes(state) ? state : itemNotFound("worksheet"),
    );
  }
  /** Like the real host, a proxy found by name keeps pointing at that sheet after a rename. */
  private byName(name: string): () => SheetState | null {
    let bound: SheetState | null = null;
    return () => {
      if (bound && this.host.sheets.includes(bound)) return bound;
      bound = this.host.findSheet(name) ?? null;
      return bound;
    };
  }
  getItem(name: string): FakeWorksheet {
    const find = this.byName(name);
    const locate = () => find() ?? itemNotFound(`worksheet ${name}`);
    return created(new FakeWorksheet(this._ctx, this.host, locate), "getItem", locate);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const locate = this.byName(name);
    return created(new FakeWorksheet(this._ctx, this.host, locate), "getItemOrNullObject", locate);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, this.host, () => this.host.active);
  }
  add(name: string): FakeWorksheet {
    let made: SheetState | null = null;
    const ws = new FakeWorksheet(
      this._ctx,
      this.host,
      () => made ?? fail("InvalidObjectPath", "not yet added"),
    );
    this._call("add", [name], () => {
      checkSheetName(name);
      if (this.host.findSheet(name)) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      made = new SheetState(name);
      this.host.sheets.push(made);
    });
    return ws;
  }
}

const TABLE_PROPS = ["name", "showTotals", "showHeaders", "id"];

/** A table (ExcelApi 1.1); name and showTotals are read only in the fake (the adapter never sets them). */
export class FakeTable extends FakeObj {
  constructor(
    ctx: FakeContext,
    private readonly host: HostState,
    private readonly locate: () => TableState | null,
  ) {
    super(ctx, "Table");
  }
  table(): TableState {
    return this.locate() ?? fail("InvalidObjectPath", "The table is a null object.");
  }
  _props(): readonly string[] {
    return TABLE_PROPS;
  }
  _read(p: string): unknown {
    const t = this.table();
    if (p === "showHeaders") return true;
    if (p === "id") return `{T-${this.host.tables.indexOf(t)}}`;
    return p === "name" ? t.name : t.showTotals;
  }
  get name(): string {
    return this._get("name") as string;
  }
  get showTotals(): boolean {
    return this._get("showTotals") as boolean;
  }
  private rows(method: string, pick: (t: TableState) => Rect): FakeRange {
    const locate = () => {
      const t = this.locate();
      return t ? { sheet: t.sheet, rects: [pick(t)] } : null;
    };
    return created(new FakeRange(this._ctx, this.host, locate), method, locate);
  }
  getRange(): FakeRange {
    return this.rows("getRange", (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): FakeRange {
    return this.rows("getHeaderRowRange", (t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): FakeRange {
    return this.rows("getDataBodyRange", (t) => ({
      ...t.rect,
      top: t.rect.top + 1,
      bottom: t.rect.bottom - (t.showTotals ? 1 : 0),
    }));
  }
  /** The Total row; a table without one has none to give. */
  getTotalRowRange(): FakeRange {
    return this.rows("getTotalRowRange", (t) =>
      t.showTotals
        ? { ...t.rect, top: t.rect.bottom }
        : fail("InvalidOperation", `The table ${t.name} has no totals row.`),
    );
  }
  /** ExcelApi 1.2. */
  get worksheet(): FakeWorksheet {
    this.host.requireApi("1.2", "Table.worksheet");
    return new FakeWorksheet(this._ctx, this.host, () => this.table().sheet);
  }
  /** ExcelApi 1.13: the table over a new range of its sheet (an address, or a Range); no cell moves. */
  resize(newRange: string | FakeRange): void {
    this.host.requireApi("1.13", "Table.resize");
    const req = newRange instanceof FakeRange ? { range: newRange._id } : newRange;
    this._call("resize", [req], () => {
      const t = this.table();
      let rect: Rect;
      if (newRange instanceof FakeRange) {
        const l = newRange.loc();
        if (l.sheet !== t.sheet || l.rects.length !== 1)
          fail("InvalidArgument", "The range is not on the table's sheet.");
        rect = l.rects[0];
      } else {
        const bang = newRange.lastIndexOf("!");
        if (
          bang >= 0 &&
          this.host.findSheet(newRange.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")) !== t.sheet
        )
          fail("InvalidArgument", "The range is not on the table's sheet.");
        rect = parseLocalAddress(newRange.slice(bang + 1));
      }
      checkTableResize(this.host, t, rect);
      t.rect = { ...rect };
    });
  }
}

/** A sheet's tables, or (no sheet) the workbook's. */
export class FakeTables extends FakeCollection<TableState, FakeTable> {
  constructor(
    ctx: FakeContext,
    private readonly host: HostState,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(ctx, "TableCollection");
  }
  _list(): TableState[] {
    const s = this.sheet?.();
    return this.host.tables.filter((t) => !s || t.sheet === s);
  }
  _itemProps(): readonly string[] {
    return TABLE_PROPS;
  }
  _wrap(state: TableState): FakeTable {
    return new FakeTable(this._ctx, this.host, () =>
      this.host.tables.includes(state) ? state : itemNotFound("table"),
    );
  }
  private find(name: string): TableState | null {
    return this._list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItem(name: string): FakeTable {
    const locate = () => this.find(name) ?? itemNotFound(`table ${name}`);
    return created(new FakeTable(this._ctx, this.host, locate), "getItem", locate);
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeTable {
    this.host.requireApi("1.4", "TableCollection.getItemOrNullObject");
    const locate = () => this.find(name);
    return created(new FakeTable(this._ctx, this.host, locate), "getItemOrNullObject", locate);
  }
}

const NAME_PROPS = ["name", "type", "value", "formula", "visible", "comment"];

export class FakeNames extends FakeCollection<NameState, FakeObj> {
  constructor(
    ctx: FakeContext,
    private readonly host: HostState,
  ) {
    super(ctx, "NamedItemCollection");
  }
  _list(): NameState[] {
    return this.host.names;
  }
  _itemProps(): readonly string[] {
    return NAME_PROPS;
  }
  _wrap(state: NameState): FakeObj {
    return namedItem(this._ctx, this.host, () =>
      this.host.names.includes(state) ? state : itemNotFound("name"),
    );
  }
  private find(name: string): NameState | undefined {
    return this.host.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): FakeObj {
    const locate = () => this.find(name) ?? itemNotFound(`name ${name}`);
    return created(namedItem(this._ctx, this.host, locate), "getItem", locate);
  }
  getItemOrNullObject(name: string): FakeObj {
    const locate = () => this.find(name) ?? null;
    return created(namedItem(this._ctx, this.host, locate), "getItemOrNullObject", locate);
  }
  /** `reference` is a Range proxy or a formula such as "='Risk Summary'!$A$1". */
  add(name: string, reference: unknown, comment = ""): FakeObj {
    let made: NameState | null = null;
    const proxy = namedItem(this._ctx, this.host, () => made ?? fail("InvalidObjectPath", "not yet added"));
    const req = reference instanceof FakeRange ? { range: reference._id } : reference;
    this._call("add", [name, req, comment], () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        fail("InvalidArgument", `Bad name ${name}.`);
      if (this.find(name)) fail("ItemAlreadyExists", `The name ${name} already exists.`);
      let sheet: SheetState | null;
      let rect: Rect;
      if (reference instanceof FakeRange) {
        const l = reference.loc();
        sheet = l.sheet;
        rect = l.rects[0];
      } else {
        const p = typeof reference === "string" ? parseRangeAddress(reference.replace(/^=/, "")) : null;
        if (!p || !p.sheet) return fail("InvalidArgument", `Bad reference ${String(reference)}.`);
        sheet = this.host.findSheet(p.sheet) ?? itemNotFound(`worksheet ${p.sheet}`);
        rect = { top: p.top, left: p.left, bottom: p.bottom, right: p.right };
      }
      made = { name, sheet, rect, comment, visible: true };
      this.host.names.push(made);
    });
    return proxy;
  }
}

function namedItem(ctx: FakeContext, host: HostState, locate: () => NameState | null): FakeObj {
  const state = () => locate() ?? fail("InvalidObjectPath", "The name is a null object.");
  const value = (n: NameState) =>
    n.sheet && n.rect ? `${quoteSheet(n.sheet.name)}!${absolute(n.rect)}` : "#REF!";
  const item: Bag = new Bag(ctx, "NamedItem", NAME_PROPS, (p) => {
    const n = state();
    if (p === "type") return n.sheet ? "Range" : "Error";
    if (p === "value") return value(n);
    if (p === "formula") {
      host.requireApi("1.7", "NamedItem.formula");
      return `=${value(n)}`;
    }
    return (n as unknown as Record<string, unknown>)[p];
  }).with({
    delete: () => item._call("delete", [], () => (host.names = host.names.filter((x) => x !== state()))),
  });
  return item;
}

export class FakeXmlParts extends FakeCollection<XmlState, FakeObj> {
  constructor(
    ctx: FakeContext,
    private readonly host: HostState,
    private readonly ns: string | null = null,
  ) {
    super(ctx, ns === null ? "CustomXmlPartCollection" : "CustomXmlPartScopedCollection");
  }
  _list(): XmlState[] {
    return this.host.xmlParts.filter((x) => this.ns === null || x.ns === this.ns);
  }
  _itemProps(): readonly string[] {
    return ["id", "namespaceUri"];
  }
  _wrap(state: XmlState): FakeObj {
    return xmlPart(this._ctx, this.host, () =>
      this.host.xmlParts.includes(state) ? state : itemNotFound("custom XML part"),
    );
  }
  add(xml: string): FakeObj {
    let made: XmlState | null = null;
    const proxy = xmlPart(this._ctx, this.host, () => made ?? fail("InvalidObjectPath", "not yet added"));
    this._call("add", [xml], () => {
      const ns = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1];
      if (ns === undefined) fail("InvalidArgument", "The XML has no root namespace.");
      made = { id: `{XML-${this.host.xmlParts.length + 1}-${Date.now()}}`, ns, xml };
      this.host.xmlParts.push(made);
    });
    return proxy;
  }
  getByNamespace(ns: string): FakeXmlParts {
    return new FakeXmlParts(this._ctx, this.host, ns);
  }
  getOnlyItemOrNullObject(): FakeObj {
    const locate = () => {
      const list = this._list();
      if (list.length > 1) fail("InvalidOperation", "More than one part has that namespace.");
      return list[0] ?? null;
    };
    return created(xmlPart(this._ctx, this.host, locate), "getOnlyItemOrNullObject", locate);
  }
}

function xmlPart(ctx: FakeContext, host: HostState, locate: () => XmlState | null): FakeObj {
  host.requireApi("1.5", "CustomXmlPart");
  const state = () => locate() ?? fail("InvalidObjectPath", "The custom XML part is a null object.");
  const part: Bag = new Bag(ctx, "CustomXmlPart", ["id", "namespaceUri"], (p) =>
    p === "id" ? state().id : state().ns,
  ).with({
    getXml: () => new FakeClientResult(ctx, part._id, "getXml", () => state().xml),
    setXml: (xml: string) => part._call("setXml", [xml], () => (state().xml = xml)),
    delete: () =>
      part._call("delete", [], () => (host.xmlParts = host.xmlParts.filter((x) => x !== state()))),
  });
  return part;
}

export { FakeOfficeError };
