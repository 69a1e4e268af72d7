// Scans one worksheet's XML into dense rows of values and formats, checking the size limits as it goes.

import { formulaKey, type BlankFill, type CellValue, type MergedArea } from "../../core/model/grid";
import { DEFAULT_DATE_FORMAT, isDateOrTimeFormat } from "../xlsx-cell";
import { cellFromNumber, dateFromIso } from "./cell-values";
import type { CellStyles } from "./styles";
import { name, Tok, XmlError, XmlScanner } from "./xml-scanner";
import { asciiString, decodeCData, decodeText, unescapeXString } from "./xml-text";

/** What the sheet scan needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly (string | null)[];
  styles: CellStyles;
  date1904: boolean;
  maxRows: number;
  maxCells: number;
}

/** A scanned sheet: `lastRow` × `lastCol` of data from A1, every row exactly `lastCol` long. */
export interface ScannedSheet {
  kind: "ok";
  values: CellValue[][];
  numberFormats: (string | null)[][];
  /** 0-based, inclusive, sorted; only those starting inside the data. */
  merges: MergedArea[];
  /** Cells inside the data with a solid fill and no value (colour-only RAG), when there are any. */
  blankFills?: BlankFill[];
  /** Cells holding a formula, as `formulaKey(row, col)` (0-based); their values are the cached results. */
  formulas: number[];
  /** The first cell whose shared-string index is not in the table (a damaged file), or null. */
  badString: { row: number; col: number; index: number } | null;
  /** The first cell reference past the last column a sheet has (XFD), as written ("ZZZZ99999999"), or null. */
  badAddress?: string;
  /** Formula cells saved with no result (see UnsavedFormula); absent when every formula has its result. */
  unsavedFormulas?: UnsavedFormula[];
}

/**
 * A formula cell the file holds with no saved result (no `<v>`), as Apache POI, openpyxl and other writers
 * save formulas and Excel works them out when it opens the file. Rare: Excel always saves results.
 */
export interface UnsavedFormula {
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** The cell's style index (its number format says whether a number result is a date). */
  style: number;
  /**
   * The formula's text as written for the cell at `row - shift.rows`, `col - shift.cols` (a shared formula's
   * first cell), or null when the file does not give one this cell can be worked out from (an array formula
   * over several cells, a data table, a shared formula whose first cell is missing).
   */
  text: string | null;
  shift: { rows: number; cols: number };
}

/** Columns a sheet has: A to XFD. */
const SHEET_COLUMNS = 16_384;

/** At most this many colour-only cells are kept per sheet (a fully banded sheet would hold millions). */
const MAX_BLANK_FILLS = 100_000;

/** The sheet is over a limit: nothing was kept, only the extent of its data counted. */
export interface OversizedSheet {
  kind: "too-many-rows" | "too-many-cells";
  lastRow: number;
  lastCol: number;
}

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const SHEET_DATA = name("sheetData");
const ROW = name("row");
const MERGE_CELL = name("mergeCell");
const IS = name("is");
const RPH = name("rPh");
const ATTR_R = name("r");
const ATTR_S = name("s");
const ATTR_T = name("t");
const ATTR_REF = name("ref");
const ATTR_SI = name("si");

const C_LOWER_C = 0x63;
const C_LOWER_F = 0x66;
const C_LOWER_V = 0x76;
const C_LOWER_T = 0x74;

/**
 * Scans a worksheet part. Rows and cells without an `r` attribute follow the one before, as Excel reads them.
 * Limits are checked at each kept cell: once over, the rows built so far are dropped and the rest is only
 * counted, so a million-row sheet is refused without ever being built (the count keeps the message exact).
 * @throws XmlError when the part is not well-formed XML, or its merged areas overlap (as Excel refuses too).
 */
export function scanSheet(bytes: Uint8Array, ctx: SheetContext): ScannedSheet | OversizedSheet {
  const x = new XmlScanner(bytes);
  const b = bytes;
  const { sharedStrings: sst, styles, date1904, maxRows, maxCells } = ctx;

  let values: CellValue[][] = [];
  let formats: (string | null)[][] = [];
  const mergeRefs: MergedArea[] = [];
  const blankFills: BlankFill[] = [];
  let over = false;
  let lastRow = 0;
  let lastCol = 0;

  let dataDepth = -1;
  let rowNum = 0;
  let rowV: CellValue[] | null = null;
  let rowF: (string | null)[] | null = null;

  // The open cell.
  let cellDepth = -1;
  let col = 0;
  let style = 0;
  let type = T_NUMBER;
  let vDepth = -1;
  let vStart = -1;
  let vEnd = -1;
  /** Set instead of vStart/vEnd when <v> text came in more than one piece (comments, CDATA). */
  let vText: string | null = null;
  let isDepth = -1;
  let tDepth = -1;
  let phoneticDepth = -1;
  let inline: string | null = null;
  let hasFormula = false;
  /** The open cell has a `<v>` (a saved result, even an empty one) or an inline string. */
  let hasValue = false;
  /** The open cell's formula: its text's place in the bytes, and its kind (see formulaKindOf). */
  let fDepth = -1;
  let fStart = -1;
  let fEnd = -1;
  let fKind = F_NORMAL;
  let fSharedIndex = -1;
  const formulaCells: number[] = [];
  /** Formula cells with no saved result, as found (their text read when the scan ends). */
  const unsaved: FoundFormula[] = [];
  /** Each shared formula's first cell and its text's place in the bytes, by its `si`. */
  const sharedFirst = new Map<number, { row: number; col: number; start: number; end: number }>();
  /** Ranges of multi-cell array formulas: every cell in one holds the formula (only the first has <f>). */
  const arrays: MergedArea[] = [];
  let badString: ScannedSheet["badString"] = null;
  let badAddress: string | undefined;

  const keep = (value: CellValue, format: string | null): void => {
    if (rowNum > lastRow) lastRow = rowNum;
    if (col > lastCol) lastCol = col;
    if (!over && (lastRow > maxRows || lastRow * lastCol > maxCells)) {
      over = true;
      values = [];
      formats = [];
      rowV = null;
      rowF = null;
    }
    if (over) return;
    if (rowV === null || rowF === null) {
      rowV = values[rowNum - 1] ?? [];
      rowF = formats[rowNum - 1] ?? [];
      values[rowNum - 1] = rowV;
      formats[rowNum - 1] = rowF;
    }
    rowV[col - 1] = value;
    rowF[col - 1] = format;
  };

  /** Reads the open cell into the grid; false when it holds no value. */
  const readCell = (): boolean => {
    let raw: string | null = null;
    if (type === T_INLINE && inline !== null) raw = inline;
    else if (vText !== null) raw = vText;
    else if (vStart >= 0 && type !== T_NUMBER && type !== T_SHARED) raw = decodeText(b, vStart, vEnd);
    const fmt = styles.format[style] ?? null;
    if (hasFormula && rowNum > 0 && col > 0) formulaCells.push(formulaKey(rowNum - 1, col - 1));
    switch (type) {
      case T_NUMBER: {
        if (raw === null && vStart < 0) return false;
        const n = raw !== null ? parseFloat(raw) : numberAt(b, vStart, vEnd);
        const cell = cellFromNumber(n, styles.isDate[style] === true, date1904);
        if (cell === null) return false;
        keep(cell, styles.isDate[style] ? (styles.dateFormat[style] ?? DEFAULT_DATE_FORMAT) : fmt);
        return true;
      }
      case T_SHARED: {
        if (raw === null && vStart < 0) return false;
        const idx = raw !== null ? parseInt(raw, 10) : numberAt(b, vStart, vEnd);
        const s = sst[idx];
        if (s === undefined && badString === null) badString = { row: rowNum - 1, col: col - 1, index: idx };
        if (s === undefined || s === null) return false;
        keep(s, fmt);
        return true;
      }
      case T_BOOL: {
        if (raw === null) return false;
        const t = raw.trim();
        keep(!(t === "0" || t.toLowerCase() === "false"), fmt);
        return true;
      }
      case T_DATE: {
        if (raw === null || raw === "") return false;
        const serial = dateFromIso(raw);
        if (serial === null) keep(raw, fmt);
        else keep(serial, fmt !== null && isDateOrTimeFormat(fmt) ? fmt : DEFAULT_DATE_FORMAT);
        return true;
      }
      default: {
        // str, inlineStr and e: text as written (errors read as "#N/A" and the like).
        if (raw === null || raw === "") return false;
        keep(type === T_ERROR ? raw : unescapeXString(raw), fmt);
        return true;
      }
    }
  };

  const finishCell = (): void => {
    if (hasFormula) noteFormula();
    // A cell with a fill and no value may be a colour-only RAG cell: keep its colour.
    if (readCell() || over) return;
    const rgb = styles.fill[style];
    if (rgb && blankFills.length < MAX_BLANK_FILLS) blankFills.push({ row: rowNum - 1, col: col - 1, rgb });
  };

  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open) {
      if (dataDepth < 0) {
        if (x.is(SHEET_DATA) && !x.selfClosing) dataDepth = x.depth;
        else if (x.is(MERGE_CELL)) {
          const i = x.attr(ATTR_REF);
          const m = i < 0 ? null : parseRange(b, x.attrValueStart(i), x.attrValueEnd(i));
          if (m !== null) mergeRefs.push(m);
        }
        continue;
      }
      const len = x.nameEnd - x.nameStart;
      const first = b[x.nameStart];
      if (cellDepth >= 0) {
        // Inside <c>: <v>, <f>, <is> and its <t> (skipping phonetic <rPh> runs).
        if (len === 1 && first === C_LOWER_V && x.depth - (x.selfClosing ? 0 : 1) === cellDepth) {
          hasValue = true;
          if (!x.selfClosing) vDepth = x.depth;
        } else if (len === 1 && first === C_LOWER_F && x.depth - (x.selfClosing ? 0 : 1) === cellDepth) {
          hasFormula = true;
          if (!x.selfClosing) fDepth = x.depth;
          fKind = formulaKindOf(b, x);
          if (fKind === F_ARRAY) {
            const i = x.attr(ATTR_REF);
            const area = i < 0 ? null : parseRange(b, x.attrValueStart(i), x.attrValueEnd(i));
            if (area !== null && (area.bottom > area.top || area.right > area.left)) {
              arrays.push(area);
              fKind = F_UNREAD;
            }
          } else if (fKind === F_SHARED) {
            const i = x.attr(ATTR_SI);
            fSharedIndex = i < 0 ? -1 : numberAt(b, x.attrValueStart(i), x.attrValueEnd(i));
          }
        } else if (x.is(IS) && !x.selfClosing) {
          hasValue = true;
          isDepth = x.depth;
          inline = "";
        } else if (isDepth >= 0 && x.is(RPH) && !x.selfClosing && phoneticDepth < 0) {
          phoneticDepth = x.depth;
        } else if (isDepth >= 0 && phoneticDepth < 0 && len === 1 && first === C_LOWER_T && !x.selfClosing) {
          tDepth = x.depth;
        }
        continue;
      }
      if (len === 1 && first === C_LOWER_C) {
        openCell(x);
        if (x.selfClosing) {
          cellDepth = -1;
          finishCell();
        }
        continue;
      }
      if (x.is(ROW)) {
        const i = x.attr(ATTR_R);
        const r = i < 0 ? rowNum + 1 : numberAt(b, x.attrValueStart(i), x.attrValueEnd(i));
        rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
        col = 0;
        rowV = null;
        rowF = null;
      }
    } else if (t === Tok.Text || t === Tok.CData) {
      if (vDepth >= 0 && x.depth === vDepth) {
        if (t === Tok.Text && vStart < 0 && vText === null) {
          vStart = x.textStart;
          vEnd = x.textEnd;
        } else {
          vText = (vText ?? (vStart >= 0 ? decodeText(b, vStart, vEnd) : "")) + pieceText(x, t);
        }
      } else if (tDepth >= 0 && x.depth === tDepth) {
        inline = (inline ?? "") + pieceText(x, t);
      } else if (fDepth >= 0 && x.depth === fDepth) {
        // A formula's text is one piece; one in several (a comment inside it) is not worked out.
        if (t === Tok.Text && fStart < 0) {
          fStart = x.textStart;
          fEnd = x.textEnd;
        } else fKind = F_UNREAD;
      }
    } else if (t === Tok.Close) {
      const d = x.depth;
      if (d < tDepth) tDepth = -1;
      if (d < phoneticDepth) phoneticDepth = -1;
      if (d < isDepth) isDepth = -1;
      if (d < vDepth) vDepth = -1;
      if (d < fDepth) fDepth = -1;
      if (cellDepth >= 0 && d < cellDepth) {
        cellDepth = -1;
        finishCell();
      } else if (dataDepth >= 0 && d < dataDepth) {
        dataDepth = -1;
      }
    }
  }

  if (over) {
    return { kind: lastRow > maxRows ? "too-many-rows" : "too-many-cells", lastRow, lastCol };
  }
  const sheet = finish(values, formats, mergeRefs, lastRow, lastCol);
  sheet.formulas = arrays.length > 0 ? withArrayCells(formulaCells, arrays, maxCells) : formulaCells;
  sheet.badString = badString;
  if (badAddress !== undefined) sheet.badAddress = badAddress;
  if (unsaved.length > 0) sheet.unsavedFormulas = unsavedFormulasOf(b, unsaved, sharedFirst);
  const height = sheet.values.length;
  const width = sheet.values[0]?.length ?? 0;
  const inside = blankFills.filter((f) => f.row < height && f.col < width);
  if (inside.length) sheet.blankFills = inside;
  return sheet;

  /** Reads <c r s t> and resets the cell state. */
  function openCell(sx: XmlScanner): void {
    const ri = sx.attr(ATTR_R);
    const c = ri < 0 ? 0 : columnAt(b, sx.attrValueStart(ri), sx.attrValueEnd(ri));
    col = c > 0 ? c : col + 1;
    if (col > SHEET_COLUMNS) {
      // A damaged file: said by its reference, and read no wider than a sheet (no 475,254-column rows).
      badAddress ??= ri < 0 ? `column ${col}` : asciiString(b, sx.attrValueStart(ri), sx.attrValueEnd(ri));
      col = SHEET_COLUMNS;
    }
    const si = sx.attr(ATTR_S);
    style = si < 0 ? 0 : numberAt(b, sx.attrValueStart(si), sx.attrValueEnd(si));
    if (!(style >= 0)) style = 0;
    const ti = sx.attr(ATTR_T);
    type = ti < 0 ? T_NUMBER : cellType(b, sx.attrValueStart(ti), sx.attrValueEnd(ti));
    cellDepth = sx.depth;
    vDepth = -1;
    vStart = -1;
    vEnd = -1;
    vText = null;
    isDepth = -1;
    tDepth = -1;
    phoneticDepth = -1;
    inline = null;
    hasFormula = false;
    hasValue = false;
    fDepth = -1;
    fStart = -1;
    fEnd = -1;
    fKind = F_NORMAL;
    fSharedIndex = -1;
  }

  /**
   * Notes a shared formula's first cell (the one with its text), and a formula cell with no saved result. Only
   * formula cells come here, and only those with no result (rare) are kept.
   */
  function noteFormula(): void {
    if (rowNum <= 0 || col <= 0) return;
    if (fKind === F_SHARED && fStart >= 0 && fSharedIndex >= 0 && !sharedFirst.has(fSharedIndex))
      sharedFirst.set(fSharedIndex, { row: rowNum - 1, col: col - 1, start: fStart, end: fEnd });
    if (hasValue || over) return;
    unsaved.push({
      row: rowNum - 1,
      col: col - 1,
      style,
      start: fStart,
      end: fEnd,
      kind: fKind,
      si: fSharedIndex,
    });
  }
}

// The kinds of formula (`<f t>`) as the unsaved-result reading tells them apart.
const F_NORMAL = 0;
const F_SHARED = 1;
const F_ARRAY = 2;
/** One this reader cannot work out (a data table, an array over several cells, text in pieces). */
const F_UNREAD = 3;

/** The kind of the `<f>` just opened, from its `t` attribute. */
function formulaKindOf(b: Uint8Array, x: XmlScanner): number {
  const i = x.attr(ATTR_T);
  if (i < 0) return F_NORMAL;
  const t = asciiString(b, x.attrValueStart(i), x.attrValueEnd(i));
  return t === "normal" ? F_NORMAL : t === "shared" ? F_SHARED : t === "array" ? F_ARRAY : F_UNREAD;
}

/**
 * A formula cell with no saved result as the scan finds it: its cell and style, its text's place in the bytes
 * (start -1: none), its kind (F_*) and, for a shared formula, its `si`.
 */
interface FoundFormula {
  row: number;
  col: number;
  style: number;
  start: number;
  end: number;
  kind: number;
  si: number;
}

/** The formula cells with no saved result, each with its text (a shared formula's from its first cell). */
function unsavedFormulasOf(
  b: Uint8Array,
  found: readonly FoundFormula[],
  sharedFirst: ReadonlyMap<number, { row: number; col: number; start: number; end: number }>,
): UnsavedFormula[] {
  return found.map((f) => {
    const first = f.kind === F_SHARED ? sharedFirst.get(f.si) : undefined;
    const [start, end, shift] = first
      ? [first.start, first.end, { rows: f.row - first.row, cols: f.col - first.col }]
      : [f.start, f.end, NO_SHIFT];
    const text = f.kind === F_UNREAD || start < 0 ? null : decodeText(b, start, end);
    return { row: f.row, col: f.col, style: f.style, text, shift };
  });
}

const NO_SHIFT = Object.freeze({ rows: 0, cols: 0 });

/** True when the `<f>` just opened is an array formula (`t="array"`). */
export function isArrayFormula(b: Uint8Array, x: XmlScanner): boolean {
  return formulaKindOf(b, x) === F_ARRAY;
}

/**
 * `formulaCells` with every cell of the array formulas' ranges added (an array over empty cells holds them
 * too). At most `budget` cells are added: a range over a whole column would otherwise be a million keys.
 */
function withArrayCells(formulaCells: number[], arrays: readonly MergedArea[], budget: number): number[] {
  const keys = new Set(formulaCells);
  let left = budget;
  for (const a of arrays) {
    for (let r = a.top; r <= a.bottom && left > 0; r++) {
      for (let c = a.left; c <= a.right && left > 0; c++, left--) keys.add(formulaKey(r, c));
    }
  }
  return [...keys];
}

function pieceText(x: XmlScanner, t: Tok): string {
  return t === Tok.CData
    ? decodeCData(x.bytes, x.textStart, x.textEnd)
    : decodeText(x.bytes, x.textStart, x.textEnd);
}

/**
 * Clears values hidden under merged areas (only the top-left cell of a merge holds a value), trims what
 * that empties, and pads every row to the same width.
 */
function finish(
  values: CellValue[][],
  formats: (string | null)[][],
  mergeRefs: MergedArea[],
  lastRow: number,
  lastCol: number,
): ScannedSheet {
  let cleared = false;
  // Merges that do not overlap cover at most the data's area; more means overlapping merges.
  let budget = lastRow * lastCol;
  const seen = new Set<string>();
  let merges: MergedArea[] = [];
  for (const m of mergeRefs) {
    const key = `${m.top}:${m.left}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merges.push(m);
    const bottom = Math.min(m.bottom, lastRow - 1);
    const right = Math.min(m.right, lastCol - 1);
    if (bottom < m.top || right < m.left) continue;
    budget -= (bottom - m.top + 1) * (right - m.left + 1);
    if (budget < 0) throw new XmlError("merged areas overlap");
    for (let r = m.top; r <= bottom; r++) {
      const rv = values[r];
      if (rv === undefined) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) {
        if (rv[c] !== undefined && rv[c] !== null) {
          rv[c] = null;
          formats[r][c] = null;
          cleared = true;
        }
      }
    }
  }
  if (cleared) [lastRow, lastCol] = extent(values, lastRow);
  // A merge that starts beyond the data (a formatted but empty block) says nothing about any value.
  merges = merges.filter((m) => m.top < lastRow && m.left < lastCol);
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  values.length = lastRow;
  formats.length = lastRow;
  for (let r = 0; r < lastRow; r++) {
    values[r] = padRow(values[r], lastCol);
    formats[r] = padRow(formats[r], lastCol);
    // A column keeps its format down the sheet: a row formatted as the row above shares its array (a
    // register of 300k rows holds a few format rows, not 300k). Grids' format rows are read-only.
    if (r > 0 && sameRow(formats[r], formats[r - 1])) formats[r] = formats[r - 1];
  }
  return { kind: "ok", values, numberFormats: formats, merges, formulas: [], badString: null };
}

/** Last row and column (1-based counts) holding a value. */
function extent(values: CellValue[][], rows: number): [number, number] {
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    if (row === undefined) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== undefined && row[c] !== null) {
        lastRow = r + 1;
        if (c + 1 > lastCol) lastCol = c + 1;
        break;
      }
    }
  }
  return [lastRow, lastCol];
}

function sameRow(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

function padRow<T>(row: (T | null)[] | undefined, width: number): (T | null)[] {
  if (row === undefined) return new Array<T | null>(width).fill(null);
  for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  row.length = width;
  return row;
}

function cellType(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  const c = b[s];
  if (len === 1) {
    if (c === 0x73) return T_SHARED; // s
    if (c === 0x62) return T_BOOL; // b
    if (c === 0x65) return T_ERROR; // e
    if (c === 0x64) return T_DATE; // d
    return T_NUMBER; // n, or anything unknown
  }
  if (len === 3 && c === 0x73) return T_STR; // str
  if (len === 9 && c === 0x69) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/**
 * A number written in ASCII [s, e), as parseFloat reads it. Whole numbers of up to 15 digits (row numbers,
 * shared-string indexes, most values) are computed directly; anything else goes through parseFloat.
 */
export function numberAt(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len > 0 && len <= 15) {
    let n = 0;
    let i = s;
    const neg = b[i] === 0x2d;
    if (neg) i++;
    if (i < e) {
      for (; i < e; i++) {
        const d = b[i] - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (i === e) return neg ? -n : n;
    }
  }
  return parseFloat(asciiString(b, s, e));
}

/** Maximum letters in a column reference; XFD (16,384) has three, so seven is already absurd but cannot overflow. */
const MAX_COLUMN_LETTERS = 7;

/** The 1-based column of an A1 reference [s, e) ("$AB$12" → 28), or 0 when it has no letters. */
export function columnAt(b: Uint8Array, s: number, e: number): number {
  let col = 0;
  let letters = 0;
  for (let i = s; i < e; i++) {
    let c = b[i];
    if (c === 0x24) continue; // $
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c < 0x41 || c > 0x5a) break;
    if (++letters > MAX_COLUMN_LETTERS) return 0;
    col = col * 26 + (c - 0x40);
  }
  return col;
}

/** The 1-based row of an A1 reference, or 0 when it has none. */
function rowAt(b: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e && (b[i] === 0x24 || ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7a))) i++;
  if (i === e) return 0;
  const n = numberAt(b, i, e);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** "B3:D4" → 0-based inclusive area; a single cell is a 1×1 area; null when malformed. */
export function parseRange(b: Uint8Array, s: number, e: number): MergedArea | null {
  let colon = -1;
  for (let i = s; i < e; i++) {
    if (b[i] === 0x3a) {
      colon = i;
      break;
    }
  }
  const aEnd = colon < 0 ? e : colon;
  const bStart = colon < 0 ? s : colon + 1;
  const c1 = columnAt(b, s, aEnd);
  const r1 = rowAt(b, s, aEnd);
  const c2 = columnAt(b, bStart, e);
  const r2 = rowAt(b, bStart, e);
  if (c1 === 0 || r1 === 0 || c2 === 0 || r2 === 0) return null;
  return {
    top: Math.min(r1, r2) - 1,
    left: Math.min(c1, c2) - 1,
    bottom: Math.max(r1, r2) - 1,
    right: Math.max(c1, c2) - 1,
  };
}
