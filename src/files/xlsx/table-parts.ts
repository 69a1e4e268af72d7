// Reads a worksheet's table parts down to what the reader needs: each table's area and its totals rows.

import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr } from "./xml-text";

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
