// The fake Excel host's workbook state: sheets of cells and what writing a value to a cell does.
// Kept apart from the proxies (fake-excel.ts) so the rules of a cell can be read on one screen.

import type { CellValue } from "../../src/core/model/grid";
import { columnIndex, columnLetter, parseRangeAddress, toA1 } from "../../src/core/address/a1";
import type { ChartState } from "./fake-charts";

/** Excel's sheet size. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface HyperlinkState {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface CellState {
  /** The value as Excel computes it ("" when empty). */
  v: CellValue;
  formula?: string;
  nf?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  link?: HyperlinkState;
}

export interface CfState {
  id: string;
  type: "Custom" | "CellValue";
  areas: Rect[];
  formula?: string;
  rule?: { formula1: string; formula2?: string; operator: string };
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  centerHorizontally: boolean;
  centerHeader: string;
  centerFooter: string;
}

/** Thrown by the fake as the real host throws: an error with a `code`. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

let cfCounter = 0;
let sheetCounter = 0;
export function nextCfId(): string {
  cfCounter += 1;
  return `{CF-${cfCounter}}`;
}

export class SheetState {
  rows: (CellState | undefined)[][] = [];
  merges: Rect[] = [];
  cfs: CfState[] = [];
  /** Charts float over the cells: clearing cells leaves them, as in Excel. */
  charts: ChartState[] = [];
  freezeRows = 0;
  tabColor = "";
  /**
   * Review › Protect Sheet (Worksheet.protection, ExcelApi 1.2): every cell locked, as by default, so any
   * change to a cell (value, format, link, clear) fails with AccessDenied; reading and copying still work.
   */
  protected = false;
  columnWidths = new Map<number, number>();
  autofitColumns = new Set<number>();
  /** Accepted formatting the fake does not model (wrapText, alignment…), kept for inspection. */
  notes: { address: string; prop: string; value: unknown }[] = [];
  readonly id = `{S-${++sheetCounter}}`;
  pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    centerHorizontally: false,
    centerHeader: "",
    centerFooter: "",
  };
  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  cell(row: number, col: number): CellState | undefined {
    return this.rows[row]?.[col];
  }

  ensure(row: number, col: number): CellState {
    this.refuseIfProtected();
    const r = (this.rows[row] ??= []);
    return (r[col] ??= { v: "" });
  }

  /** Fails as Excel does when a change reaches a cell of a protected sheet. */
  refuseIfProtected(): void {
    if (this.protected)
      fail("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }

  /** Every existing cell inside `rect` (sparse walk, so whole-sheet ranges stay cheap). */
  *cellsIn(rect: Rect): Generator<[number, number, CellState]> {
    const lastRow = Math.min(rect.bottom, this.rows.length - 1);
    for (let r = rect.top; r <= lastRow; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const lastCol = Math.min(rect.right, row.length - 1);
      for (let c = rect.left; c <= lastCol; c++) {
        const cell = row[c];
        if (cell) yield [r, c, cell];
      }
    }
  }

  /**
   * Bounding box of cells with a value (valuesOnly) or anything set, inside `within`. A plain walk of the
   * rows, not `cellsIn`: Excel keeps a sheet's used range, so asking for it should not cost the pane's
   * benchmarks a generator step per cell of a 100k-row log.
   */
  usedRect(valuesOnly: boolean, within: Rect = wholeSheet()): Rect | null {
    let top = -1;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const lastRow = Math.min(within.bottom, this.rows.length - 1);
    for (let r = within.top; r <= lastRow; r++) {
      const row = this.rows[r];
      if (!row) continue;
      // Only each row's first and last counted cells can widen the box: walk in from both ends.
      const lastCol = Math.min(within.right, row.length - 1);
      let first = within.left;
      while (first <= lastCol && !counts(row[first], valuesOnly)) first++;
      if (first > lastCol) continue;
      let last = lastCol;
      while (!counts(row[last], valuesOnly)) last--;
      if (top < 0) top = r;
      bottom = r;
      if (first < left) left = first;
      if (last > right) right = last;
    }
    return top < 0 ? null : { top, left, bottom, right };
  }
}

/** True when a cell counts towards the used range: a value, or (unless valuesOnly) any format. */
function counts(cell: CellState | undefined, valuesOnly: boolean): boolean {
  if (!cell) return false;
  if (cell.formula !== undefined || (cell.v !== "" && cell.v !== null)) return true;
  return (
    !valuesOnly &&
    (cell.nf !== undefined || cell.fill !== undefined || cell.bold !== undefined || cell.link !== undefined)
  );
}

export function wholeSheet(): Rect {
  return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}
export function rectCols(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** "A1", "A1:C3", "2:5" (rows), "B:D" (columns), "$A$1". Throws InvalidArgument on anything else. */
export function parseLocalAddress(address: string): Rect {
  const a = address.trim().replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: MAX_COLS - 1 };
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (cols) {
    const l = columnIndex(cols[1]);
    const r = columnIndex(cols[2]);
    if (l !== null && r !== null) return { top: 0, left: l, bottom: MAX_ROWS - 1, right: r };
  }
  const p = a.includes("!") ? null : parseRangeAddress(a);
  if (!p)
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
  return {
    top: Math.min(p.top, p.bottom),
    left: Math.min(p.left, p.right),
    bottom: Math.max(p.top, p.bottom),
    right: Math.max(p.left, p.right),
  };
}

export function rectAddress(rect: Rect): string {
  const tl = toA1(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return tl;
  if (rect.left === 0 && rect.right === MAX_COLS - 1) return `${rect.top + 1}:${rect.bottom + 1}`;
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1)
    return `${columnLetter(rect.left)}:${columnLetter(rect.right)}`;
  return `${tl}:${toA1(rect.bottom, rect.right)}`;
}

export function quoteSheet(name: string): string {
  return /[^A-Za-z0-9_]/.test(name) || /^\d/.test(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's serial for a UTC calendar date (1900 system, above the leap-year bug). */
function serialOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/**
 * Writes one value as `range.values = …` does on the real host:
 * null leaves the cell alone; a leading apostrophe is stripped and the rest kept as text;
 * in a text-formatted ("@") cell everything else is kept as text; otherwise "=…" (and "+x", "-x",
 * "@x" that are not numbers) becomes a formula whose computed value is "#NAME?", numeric text becomes
 * a number, "TRUE"/"FALSE" booleans and ISO dates date serials — as typing it into the cell would.
 */
export function writeCellValue(sheet: SheetState, row: number, col: number, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === "object") fail("InvalidArgument", "A cell value must be a string, number or boolean.");
  const cell = sheet.ensure(row, col);
  delete cell.formula;
  if (typeof value !== "string") {
    if (typeof value === "number" && !Number.isFinite(value))
      fail("InvalidArgument", "The argument is invalid: not a finite number.");
    cell.v = value as CellValue;
    return;
  }
  if (value.startsWith("'")) {
    cell.v = value.slice(1);
    return;
  }
  if (cell.nf === "@") {
    cell.v = value;
    return;
  }
  if (NUMBER_TEXT.test(value)) {
    cell.v = Number(value);
    return;
  }
  if (/^[=+\-@]/.test(value) && value.length > 1) {
    cell.formula = value.startsWith("=") ? value : `=${value}`;
    cell.v = "#NAME?";
    return;
  }
  if (/^(true|false)$/i.test(value)) {
    cell.v = value.toLowerCase() === "true";
    return;
  }
  const iso = ISO_DATE.exec(value);
  if (iso) {
    cell.v = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!cell.nf || cell.nf === "General") cell.nf = "yyyy-mm-dd";
    return;
  }
  cell.v = value;
}

/** Clears what `range.clear(applyTo)` clears inside `rect`. */
export function clearRect(sheet: SheetState, rect: Rect, applyTo: string): void {
  const contents = applyTo === "All" || applyTo === "Contents";
  const formats = applyTo === "All" || applyTo === "Formats";
  const hyperlinks = applyTo === "All" || applyTo === "Hyperlinks";
  for (const [r, c, cell] of [...sheet.cellsIn(rect)]) {
    if (contents) {
      cell.v = "";
      delete cell.formula;
    }
    if (formats) {
      delete cell.nf;
      delete cell.fill;
      delete cell.bold;
      delete cell.italic;
      delete cell.fontColor;
      delete cell.fontSize;
    }
    if (hyperlinks) delete cell.link;
    if (Object.keys(cell).length === 1 && cell.v === "") delete sheet.rows[r][c];
  }
  if (formats) removeCfCells(sheet, rect);
}

/** Takes `rect` out of every conditional format's areas (as Excel's clear does), dropping empty ones. */
export function removeCfCells(sheet: SheetState, rect: Rect): void {
  for (const cf of sheet.cfs) {
    const kept: Rect[] = [];
    for (const a of cf.areas) {
      if (!intersects(a, rect)) {
        kept.push(a);
        continue;
      }
      // Up to four pieces of `a` outside `rect`.
      if (a.top < rect.top) kept.push({ ...a, bottom: rect.top - 1 });
      if (a.bottom > rect.bottom) kept.push({ ...a, top: rect.bottom + 1 });
      const top = Math.max(a.top, rect.top);
      const bottom = Math.min(a.bottom, rect.bottom);
      if (a.left < rect.left) kept.push({ top, bottom, left: a.left, right: rect.left - 1 });
      if (a.right > rect.right) kept.push({ top, bottom, left: rect.right + 1, right: a.right });
    }
    cf.areas = kept;
  }
  sheet.cfs = sheet.cfs.filter((cf) => cf.areas.length > 0);
}

/** A sheet name Excel accepts: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function checkSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    /^'|'$/.test(name)
  ) {
    fail(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: sheet name ${JSON.stringify(name)}.`,
    );
  }
  return name;
}
