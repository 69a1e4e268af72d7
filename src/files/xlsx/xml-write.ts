// Writes text into spreadsheet XML: entity escapes, and Excel's _xHHHH_ escapes for what XML cannot carry.

import { holdableText } from "../../core/model/writable-text";

/** Escapes text for element content. */
export function xmlText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Escapes text for a double-quoted attribute value (line ends and tabs kept as character references). */
export function xmlAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A cell text as Excel stores it (ST_Xstring): a text that already looks like an `_xHHHH_` escape gets its
 * underscore escaped (`_x005F_`), control characters other than tab and LF become `_xHHHH_` (CR too, as
 * XML would turn it into LF), U+FFFE/U+FFFF become U+FFFD, then the XML entities. Reads back exactly.
 */
export function xstring(text: string): string {
  return xmlText(excelEscape(text));
}

/** True when a text holds a character XML, and so an .xlsx, cannot hold even escaped (a sheet name). */
export function xmlCannotHold(text: string): boolean {
  return CANNOT_HOLD.test(text);
}
const CANNOT_HOLD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * The ST_Xstring escapes without the XML entities (for a library that adds those itself): `_x005F_`
 * before a literal `_xHHHH_`, control characters but tab and LF as `_xHHHH_`, U+FFFE/U+FFFF as U+FFFD.
 */
export function excelEscape(text: string): string {
  return (
    holdableText(text)
      // Every underscore that starts an escape-like run, overlapping ones too ("_x005F_x0041_").
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
      .replace(
        /[\u0000-\u0008\u000b-\u001f]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
      )
  );
}

/**
 * `<t>` for a cell or shared string, keeping leading/trailing spaces and line breaks as written; `p` is
 * the part's SpreadsheetML prefix (mainPrefix).
 */
export function tElement(text: string, p = ""): string {
  return `<${p}t xml:space="preserve">${xstring(text)}</${p}t>`;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Joins byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A number as a cell's `<v>` holds it. */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}
