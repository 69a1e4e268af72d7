// Rewrites the cells of one worksheet part in place: only the rows written change; every other byte is copied.

import { needsEscape } from "../../core/model/formula-safety";
import { toA1 } from "../../core/address/a1";
import type { CellValue, MergedArea } from "../../core/model/grid";
import { serialInDateSystem } from "./cell-values";
import { columnAt, isArrayFormula, numberAt, parseRange } from "./sheet-scanner";
import { mainPrefix, tagName } from "./main-prefix";
import type { StyleBook } from "./style-book";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { concatBytes, numberText, tElement, utf8, xmlText, xstring } from "./xml-write";

/** One cell to write (0-based sheet coordinates). */
export interface CellWrite {
  row: number;
  col: number;
  value: CellValue;
  /** Number format to give the cell (keeping the rest of its look); null/undefined keeps its own. */
  format?: string | null;
  /** The cell style to use, overriding the cell's own (owned tabs' cells). */
  style?: number;
  /**
   * Not a value to write: the cell's formula stays and its saved result is dropped (`value` is ignored),
   * for Excel to work out again on opening. A cell without a formula is left as it is.
   */
  dropResult?: true;
  /**
   * A formula to write in the cell (without "="; a table's calculated column in a row the table grows
   * over), `value` then being its saved result (null: none, for Excel to work out on opening). A cell
   * that already holds a formula keeps its own.
   */
  formula?: string;
}

/** Options for {@link editSheetXml}. */
export interface SheetEditOptions {
  /**
   * Rows (0-based) whose look a new row never takes (a table's totals row): a new row under one takes the
   * style of the row above it.
   */
  notStyleSources?: ReadonlySet<number>;
  /**
   * Rewrites the part of the sheet after its rows (from `</sheetData>`: merged areas, conditional formats,
   * drop-downs, links …), as text; the bytes are copied as they were when it gives the same text back.
   */
  tail?: (text: string) => string;
}

/** What the rewrite did. */
export interface SheetEditResult {
  xml: Uint8Array;
  /** Cells not written because they hold a formula (the plan never asks; this is a last guard). */
  keptFormulas: { row: number; col: number }[];
}

/** A `<c>` of a row being rewritten. */
export interface ExistingCell {
  col: number;
  start: number;
  end: number;
  style: number;
  hasFormula: boolean;
}

/** A `<row>` of the sheet (rows other than the written ones and the ones above them keep no cells). */
export interface ExistingRow {
  row: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  cells: ExistingCell[] | null;
  /** Children other than cells (an extLst), copied after the cells. */
  other: [number, number][];
}

const SHEET_DATA = name("sheetData");
const ROW = name("row");
const C = name("c");
const F = name("f");
const DIMENSION = name("dimension");
const ATTR_R = name("r");
const ATTR_S = name("s");
const ATTR_REF = name("ref");

/** The rows and cells of a worksheet part, located by byte offsets. */
export interface SheetLayoutXml {
  rows: ExistingRow[];
  dataOpenEnd: number;
  dataCloseStart: number;
  /** The `<sheetData/>` tag when it is empty and self-closing, else null. */
  dataSelfClosing: [number, number] | null;
  dimension: { valueStart: number; valueEnd: number } | null;
}

/**
 * Locates the rows of a worksheet part, and the cells of the rows in `detailRows` (0-based).
 * @throws XmlError when the part is not well-formed.
 */
export function locateRows(xml: Uint8Array, detailRows: (row: number) => boolean): SheetLayoutXml {
  const x = new XmlScanner(xml);
  const rows: ExistingRow[] = [];
  let dataDepth = -1;
  let dataOpenEnd = -1;
  let dataCloseStart = -1;
  let dataSelfClosing: [number, number] | null = null;
  let dimension: SheetLayoutXml["dimension"] = null;
  let rowNum = 0;
  let current: ExistingRow | null = null;
  let col = 0;
  let cell: ExistingCell | null = null;
  let otherStart = -1;
  const arrays: MergedArea[] = [];
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open) {
      if (dataDepth < 0) {
        if (x.is(SHEET_DATA)) {
          if (x.selfClosing) dataSelfClosing = [x.tagStart, x.tagEnd];
          else {
            dataDepth = x.depth;
            dataOpenEnd = x.tagEnd;
          }
        } else if (x.is(DIMENSION)) {
          const i = x.attr(ATTR_REF);
          if (i >= 0) dimension = { valueStart: x.attrValueStart(i), valueEnd: x.attrValueEnd(i) };
        }
        continue;
      }
      const level = x.depth - (x.selfClosing ? 0 : 1) - dataDepth;
      if (level === 0 && x.is(ROW)) {
        const i = x.attr(ATTR_R);
        const r = i < 0 ? rowNum + 1 : numberAt(xml, x.attrValueStart(i), x.attrValueEnd(i));
        rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
        col = 0;
        current = {
          row: rowNum - 1,
          start: x.tagStart,
          openEnd: x.tagEnd,
          end: x.tagEnd,
          selfClosing: x.selfClosing,
          cells: detailRows(rowNum - 1) ? [] : null,
          other: [],
        };
        rows.push(current);
      } else if (level === 1 && current !== null && current.cells !== null) {
        if (x.is(C)) {
          const ri = x.attr(ATTR_R);
          const c = ri < 0 ? 0 : columnAt(xml, x.attrValueStart(ri), x.attrValueEnd(ri));
          col = c > 0 ? c : col + 1;
          const si = x.attr(ATTR_S);
          const s = si < 0 ? 0 : numberAt(xml, x.attrValueStart(si), x.attrValueEnd(si));
          cell = { col: col - 1, start: x.tagStart, end: x.tagEnd, style: s >= 0 ? s : 0, hasFormula: false };
          current.cells.push(cell);
          if (x.selfClosing) cell = null;
        } else if (x.selfClosing) current.other.push([x.tagStart, x.tagEnd]);
        else otherStart = x.tagStart;
      } else if (level === 2 && current !== null && x.is(F)) {
        if (cell !== null) cell.hasFormula = true;
        // Every cell of a multi-cell array formula's range holds the formula, though only its first has <f>.
        if (isArrayFormula(xml, x)) {
          const ri = x.attr(ATTR_REF);
          const area = ri < 0 ? null : parseRange(xml, x.attrValueStart(ri), x.attrValueEnd(ri));
          if (area !== null && (area.bottom > area.top || area.right > area.left)) arrays.push(area);
        }
      }
    } else if (t === Tok.Close && dataDepth >= 0) {
      const level = x.depth - dataDepth;
      if (level === 1 && current !== null && current.cells !== null) {
        if (cell !== null) {
          cell.end = x.tagEnd;
          cell = null;
        } else if (otherStart >= 0) {
          current.other.push([otherStart, x.tagEnd]);
          otherStart = -1;
        }
      } else if (level === 0 && current !== null) {
        current.end = x.tagEnd;
        current = null;
      } else if (level < 0) {
        dataCloseStart = x.tagStart;
        dataDepth = -2;
      }
    }
  }
  // An array's range starts at the cell holding its <f>, so every array is known by now.
  if (arrays.length > 0) {
    const detailed = rows.filter((r) => r.cells !== null);
    const byRow = new Map(detailed.map((r) => [r.row, r]));
    for (const a of arrays) {
      const inside =
        a.bottom - a.top < detailed.length
          ? Array.from({ length: a.bottom - a.top + 1 }, (_, k) => byRow.get(a.top + k))
          : detailed.filter((r) => r.row >= a.top && r.row <= a.bottom);
      for (const r of inside)
        for (const c of r?.cells ?? []) if (c.col >= a.left && c.col <= a.right) c.hasFormula = true;
    }
  }
  return { rows, dataOpenEnd, dataCloseStart, dataSelfClosing, dimension };
}

/**
 * `<c>` for a value, with `r`, `s` and the type; text inline, so no shared string is added. `p` is the
 * SpreadsheetML prefix of the part it goes in (mainPrefix).
 */
export function cellXml(row: number, col: number, style: number, value: CellValue, p = ""): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const r = toA1(row, col);
  if (value === null) return `<${p}c r="${r}"${s}/>`;
  if (typeof value === "string")
    return `<${p}c r="${r}"${s} t="inlineStr"><${p}is>${tElement(value, p)}</${p}is></${p}c>`;
  if (typeof value === "boolean") return `<${p}c r="${r}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${r}"${s}><${p}v>${numberText(value)}</${p}v></${p}c>`;
}

/**
 * Writes `writes` into a worksheet part. Rows without a write are copied byte for byte; a written row
 * keeps its own attributes (but `spans`, a hint that may no longer hold) and its other cells as they
 * were. An existing cell keeps its style (with the number format changed when asked); a new cell takes
 * the style of the cell above it (in a block of new rows, above the block), so appended rows look like
 * their register (a row under a totals row, `options.notStyleSources`, takes the look of the row above
 * that). A write with a `formula` writes it, its value the saved result. A cell holding a formula is
 * never overwritten; `options.tail` rewrites what follows the rows (see changedSheetTail). The `<dimension>` is widened to cover what was written. A number written in a date
 * style is a date (a 1900-system serial, as the readers give it) and is stored in the workbook's date
 * system (`date1904`), as the reader reads it back.
 */
export function editSheetXml(
  xml: Uint8Array,
  writes: readonly CellWrite[],
  styles: StyleBook,
  date1904: boolean,
  options: SheetEditOptions = {},
): SheetEditResult {
  const byRow = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    let m = byRow.get(w.row);
    if (!m) byRow.set(w.row, (m = new Map()));
    m.set(w.col, w);
  }
  const notStyleSources = options.notStyleSources ?? new Set<number>();
  const detail = new Set<number>();
  for (const r of byRow.keys()) {
    detail.add(r);
    // The row whose styles a new row may take: the one above, past any totals row.
    let above = r - 1;
    while (above >= 0 && notStyleSources.has(above)) detail.add(above--);
    if (above >= 0) detail.add(above);
  }
  const layout = locateRows(xml, (r) => detail.has(r));
  const ns = mainPrefix(xml);
  const existing = new Map(layout.rows.map((r) => [r.row, r]));
  const kept: { row: number; col: number }[] = [];

  // The style of the cell above; for a row of a new block, of the row above the block (the register's last);
  // never a totals row's (notStyleSources): a new risk under one looks like the risk above it.
  const styleAbove = (row: number, col: number): number => {
    let r = row - 1;
    while (r >= 0 && ((!existing.has(r) && byRow.has(r)) || notStyleSources.has(r))) r--;
    return existing.get(r)?.cells?.find((c) => c.col === col)?.style ?? 0;
  };
  const styleFor = (w: CellWrite, own: number | null): number => {
    if (w.style !== undefined) return w.style;
    const base = own ?? styleAbove(w.row, w.col);
    const formatted = w.format ? styles.withFormat(base, w.format) : base;
    // Text Excel would read as a formula once edited carries the quote prefix, as typed "'=…" does.
    return w.formula === undefined && typeof w.value === "string" && needsEscape(w.value)
      ? styles.withQuotePrefix(formatted)
      : formatted;
  };
  const dec = new TextDecoder();

  const rowXml = (
    r: ExistingRow | undefined,
    rowIndex: number,
    cellWrites: Map<number, CellWrite>,
  ): string => {
    const parts: string[] = [];
    let rowName = `${ns}row`;
    if (r === undefined) parts.push(`<${rowName} r="${rowIndex + 1}">`);
    else {
      const tag = dec.decode(xml.subarray(r.start, r.openEnd)).replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "");
      parts.push(r.selfClosing ? tag.replace(/\s*\/>$/, ">") : tag);
      rowName = tagName(tag);
    }
    const cells = r?.cells ?? [];
    const cols = new Set<number>([...cells.map((c) => c.col), ...cellWrites.keys()]);
    const sorted = [...cols].sort((a, b) => a - b);
    const byCol = new Map(cells.map((c) => [c.col, c]));
    for (const col of sorted) {
      const cell = byCol.get(col);
      const w = cellWrites.get(col);
      if (w?.dropResult) {
        if (cell === undefined) continue;
        const text = dec.decode(xml.subarray(cell.start, cell.end));
        parts.push(cell.hasFormula ? withoutResult(text, ns) : text);
        continue;
      }
      if (w === undefined || (cell !== undefined && cell.hasFormula)) {
        if (w !== undefined) kept.push({ row: rowIndex, col });
        if (cell !== undefined) parts.push(dec.decode(xml.subarray(cell.start, cell.end)));
        continue;
      }
      const style = styleFor(w, cell?.style ?? null);
      const value =
        typeof w.value === "number" && styles.isDateStyle(style)
          ? serialInDateSystem(w.value, date1904)
          : w.value;
      parts.push(
        w.formula === undefined
          ? cellXml(rowIndex, col, style, value, ns)
          : formulaCellXml(rowIndex, col, style, w.formula, value, ns),
      );
    }
    for (const [s, e] of r?.other ?? []) parts.push(dec.decode(xml.subarray(s, e)));
    parts.push(`</${rowName}>`);
    return parts.join("");
  };

  const pending = [...byRow.keys()].filter((r) => !existing.has(r)).sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  let p = 0;
  const emitNewRowsBefore = (limit: number): void => {
    while (p < pending.length && pending[p] < limit) {
      chunks.push(utf8(rowXml(undefined, pending[p], byRow.get(pending[p]) as Map<number, CellWrite>)));
      p++;
    }
  };

  let maxRow = -1;
  let maxCol = -1;
  for (const w of writes) {
    if (w.row > maxRow) maxRow = w.row;
    if (w.col > maxCol) maxCol = w.col;
  }
  const dimension = layout.dimension;
  if (dimension !== null && writes.length > 0) {
    const ref = dec.decode(xml.subarray(dimension.valueStart, dimension.valueEnd));
    chunks.push(xml.subarray(0, dimension.valueStart), utf8(widenRef(ref, maxRow, maxCol)));
    last = dimension.valueEnd;
  }

  if (layout.dataSelfClosing !== null) {
    const [s, e] = layout.dataSelfClosing;
    const dataName = tagName(dec.decode(xml.subarray(s, e)));
    chunks.push(xml.subarray(last, s), utf8(`<${dataName}>`));
    emitNewRowsBefore(Infinity);
    chunks.push(utf8(`</${dataName}>`));
    last = e;
  } else if (layout.dataOpenEnd >= 0) {
    for (const r of layout.rows) {
      const w = byRow.get(r.row);
      if (w === undefined && p >= pending.length) continue;
      chunks.push(xml.subarray(last, r.start));
      last = r.start;
      emitNewRowsBefore(r.row);
      if (w !== undefined) {
        chunks.push(utf8(rowXml(r, r.row, w)));
        last = r.end;
      }
    }
    chunks.push(xml.subarray(last, layout.dataCloseStart));
    last = layout.dataCloseStart;
    emitNewRowsBefore(Infinity);
  } else if (writes.length > 0) {
    throw new Error("editSheetXml: the worksheet has no sheetData");
  }
  const tail = xml.subarray(last);
  const tailText = options.tail ? dec.decode(tail) : "";
  const newTail = options.tail ? options.tail(tailText) : tailText;
  chunks.push(newTail === tailText ? tail : utf8(newTail));
  return { xml: concatBytes(chunks), keptFormulas: kept };
}

/**
 * `<c>` holding a formula (without "=") and its saved result (`result`; null for none, which Excel works
 * out on opening): text as `t="str"`, as Excel saves a formula's text result. `p`: the part's prefix.
 */
export function formulaCellXml(
  row: number,
  col: number,
  style: number,
  formula: string,
  result: CellValue,
  p = "",
): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const f = `<${p}f>${xmlText(formula)}</${p}f>`;
  const v = (text: string) => `<${p}v>${text}</${p}v>`;
  const open = `<${p}c r="${toA1(row, col)}"${s}`;
  if (result === null) return `${open}>${f}</${p}c>`;
  if (typeof result === "string") return `${open} t="str">${f}${v(xstring(result))}</${p}c>`;
  if (typeof result === "boolean") return `${open} t="b">${f}${v(result ? "1" : "0")}</${p}c>`;
  return `${open}>${f}${v(numberText(result))}</${p}c>`;
}

/** A cell's type attribute (`t="str"`), in its opening tag. */
const CELL_TYPE = /\st\s*=\s*(?:"[^"]*"|'[^']*')/;

/**
 * A formula cell's `<c>…</c>` with its saved result (`<v>`) and the type of that result taken out: the
 * formula and the rest stay, and Excel works the result out again on opening. `p` is the SpreadsheetML
 * prefix of the part (mainPrefix). A formula's own text holds no `<` (it is escaped), so the first `<v>`
 * is the result.
 */
export function withoutResult(cellText: string, p = ""): string {
  const openEnd = cellText.indexOf(">") + 1;
  if (openEnd <= 0 || cellText[openEnd - 2] === "/") return cellText;
  const open = cellText.slice(0, openEnd).replace(CELL_TYPE, "");
  const v = `${p}v`;
  const body = cellText
    .slice(openEnd)
    .replace(new RegExp(`<${v}(?:\\s[^>]*)?/>|<${v}(?:\\s[^>]*)?>[^<]*</${v}\\s*>`), "");
  return open + body;
}

/** "A1:M20" widened to reach 0-based row and column (a single cell "A1" becomes a range). */
export function widenRef(ref: string, row: number, col: number): string {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return ref;
  const enc = new TextEncoder();
  const colOf = (letters: string) => columnAt(enc.encode(letters), 0, letters.length) - 1;
  const c1 = colOf(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = Math.max(m[3] ? colOf(m[3]) : c1, col);
  const r2 = Math.max(m[4] ? Number(m[4]) - 1 : r1, row);
  return `${toA1(r1, c1)}:${toA1(r2, c2)}`;
}
