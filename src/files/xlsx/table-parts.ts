// Reads a worksheet's table parts down to what the reader needs: each table's area and its totals rows.

import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr, decodeCData, decodeText } from "./xml-text";

const TABLE = name("table");
const REF = name("ref");
const TOTALS = name("totalsRowCount");

/** A table part's area (0-based, its header and totals rows included) and how many totals rows end it. */
export interface TableArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
  totalsRowCount: number;
}

/** 0-based column of column letters ("A" is 0). */
const columnOf = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * A table part's area from its `ref`, with its `totalsRowCount`; null when it has no `ref` that reads.
 * @throws XmlError when the part is not well-formed XML.
 */
export function parseTableArea(bytes: Uint8Array): TableArea | null {
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open || !x.is(TABLE)) continue;
    const get = (n: Uint8Array) => {
      const i = x.attr(n);
      return i < 0 ? "" : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
    };
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(get(REF).replace(/\$/g, ""));
    if (!m) return null;
    const count = parseInt(get(TOTALS), 10);
    return {
      top: parseInt(m[2], 10) - 1,
      left: columnOf(m[1]),
      bottom: parseInt(m[4], 10) - 1,
      right: columnOf(m[3]),
      totalsRowCount: count > 0 ? count : 0,
    };
  }
  return null;
}

/**
 * The 0-based sheet rows of a table's totals rows (the last `totalsRowCount` rows of its area); empty when
 * it has none (or an implausible count).
 */
export function totalsRowsOf(area: TableArea | null): number[] {
  const count = area?.totalsRowCount ?? 0;
  if (area === null || count === 0 || count > 5) return [];
  return Array.from({ length: count }, (_, k) => area.bottom - k).reverse();
}

/**
 * The 0-based sheet rows of a table part's totals rows (see totalsRowsOf). @throws XmlError when the part is
 * not well-formed XML.
 */
export function parseTotalsRows(bytes: Uint8Array): number[] {
  return totalsRowsOf(parseTableArea(bytes));
}

/**
 * The 0-based first and last sheet columns of a table part's `ref`, or null when it has none that reads.
 * @throws XmlError when the part is not well-formed XML.
 */
export function tableColumns(bytes: Uint8Array): [number, number] | null {
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open || !x.is(TABLE)) continue;
    const i = x.attr(REF);
    const ref = i < 0 ? "" : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
    const m = /^([A-Z]+)\d+:([A-Z]+)\d+$/i.exec(ref.replace(/\$/g, "").trim());
    if (!m) return null;
    const [a, b] = [columnOf(m[1]), columnOf(m[2])];
    return [Math.min(a, b), Math.max(a, b)];
  }
  return null;
}

const TABLE_COLUMN = name("tableColumn");
const CALCULATED = name("calculatedColumnFormula");
const ARRAY = name("array");
const HEADER_ROW_COUNT = name("headerRowCount");

/** A table column whose every data row holds one formula (Excel's calculated column), by sheet column. */
export interface CalculatedColumn {
  /** 0-based sheet column. */
  col: number;
  /** The column's formula as the table part holds it (without "=", XML entities read). */
  formula: string;
}

/**
 * What a table part says a new data row gets: the first data row (0-based, below the header row unless
 * `headerRowCount="0"`) and the calculated columns (`calculatedColumnFormula`; an array formula's is left
 * out: Excel enters those by hand). Null when the table has no `ref` that reads.
 * @throws XmlError when the part is not well-formed XML.
 */
export function tableRowRules(
  bytes: Uint8Array,
): { area: TableArea; firstDataRow: number; calculated: CalculatedColumn[] } | null {
  const area = parseTableArea(bytes);
  if (area === null) return null;
  const x = new XmlScanner(bytes);
  const calculated: CalculatedColumn[] = [];
  let headerRows = 1;
  let column = -1;
  let formula: { col: number; text: string } | null = null;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open) {
      if (x.is(TABLE)) {
        const i = x.attr(HEADER_ROW_COUNT);
        if (i >= 0 && decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i)).trim() === "0")
          headerRows = 0;
      } else if (x.is(TABLE_COLUMN)) column++;
      else if (x.is(CALCULATED) && !x.selfClosing && column >= 0) {
        const i = x.attr(ARRAY);
        const array =
          i >= 0 && /^(1|true)$/.test(decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i)));
        formula = array ? null : { col: area.left + column, text: "" };
      }
    } else if (t === Tok.Text && formula !== null) formula.text += decodeText(bytes, x.textStart, x.textEnd);
    else if (t === Tok.CData && formula !== null) formula.text += decodeCData(bytes, x.textStart, x.textEnd);
    else if (t === Tok.Close && x.is(CALCULATED) && formula !== null) {
      if (formula.text.trim() !== "" && formula.col <= area.right)
        calculated.push({ col: formula.col, formula: formula.text.replace(/^=/, "") });
      formula = null;
    }
  }
  return { area, firstDataRow: area.top + headerRows, calculated };
}
