// Reads a worksheet's table parts down to what the reader needs: which rows are a table's totals row.

import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr } from "./xml-text";

const TABLE = name("table");
const REF = name("ref");
const TOTALS = name("totalsRowCount");

/**
 * The 0-based sheet rows of a table part's totals rows (the last `totalsRowCount` rows of its `ref`);
 * empty when it has none. @throws XmlError when the part is not well-formed XML.
 */
export function parseTotalsRows(bytes: Uint8Array): number[] {
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open || !x.is(TABLE)) continue;
    const get = (n: Uint8Array) => {
      const i = x.attr(n);
      return i < 0 ? "" : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
    };
    const count = parseInt(get(TOTALS), 10);
    const bottom = /^[A-Z]+\d+:[A-Z]+(\d+)$/i.exec(get(REF).replace(/\$/g, ""));
    if (!bottom || !(count > 0) || count > 5) return [];
    const last = parseInt(bottom[1], 10) - 1;
    return Array.from({ length: count }, (_, k) => last - k).reverse();
  }
  return [];
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
    const col = (letters: string): number =>
      [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [a, b] = [col(m[1]), col(m[2])];
    return [Math.min(a, b), Math.max(a, b)];
  }
  return null;
}
