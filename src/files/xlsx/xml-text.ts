// Turns raw XML text and attribute bytes into strings: UTF-8, line ends, entities and Excel's _xHHHH_ escapes.

const utf8 = new TextDecoder("utf-8");

const AMP = 0x26;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
/** Below this length an all-ASCII run is built char by char; TextDecoder's call overhead dominates there. */
const SHORT = 48;

/**
 * Element text [start, end) as a string: UTF-8 decoded, line ends normalised to \n (as XML requires,
 * so a real CR survives only as `&#13;` or `_x000D_`), then the five named and any numeric entities decoded.
 * Unknown entities are kept as written rather than refusing the file.
 */
export function decodeText(b: Uint8Array, start: number, end: number): string {
  return decode(b, start, end, false);
}

/** An attribute value [start, end): as decodeText, and tabs and line ends become spaces (XML's attribute rule). */
export function decodeAttr(b: Uint8Array, start: number, end: number): string {
  return decode(b, start, end, true);
}

function decode(b: Uint8Array, start: number, end: number, attr: boolean): string {
  let ascii = true;
  let amp = false;
  let ws = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 0x80) ascii = false;
    else if (c === AMP) amp = true;
    else if (c === CR || (attr && (c === LF || c === TAB))) ws = true;
  }
  let s: string;
  if (ascii && end - start <= SHORT) {
    s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  } else {
    s = utf8.decode(b.subarray(start, end));
  }
  if (ws) {
    // Both patterns match single characters: linear, nothing to backtrack.
    s = s.replace(/\r\n?/g, "\n");
    if (attr) s = s.replace(/[\t\n]/g, " ");
  }
  return amp ? decodeEntities(s) : s;
}

/** CDATA text [start, end): UTF-8 decoded and line ends normalised, but no entities (CDATA has none). */
export function decodeCData(b: Uint8Array, start: number, end: number): string {
  return utf8.decode(b.subarray(start, end)).replace(/\r\n?/g, "\n");
}

/** Longest entity worth looking at: `&#x10FFFF;` is 10 characters. */
const MAX_ENTITY = 12;

/** Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#NN;` / `&#xHH;`; anything else stays as written. */
export function decodeEntities(s: string): string {
  let i = s.indexOf("&");
  if (i < 0) return s;
  let out = "";
  let last = 0;
  while (i >= 0) {
    let semi = -1;
    const stop = Math.min(s.length, i + MAX_ENTITY);
    for (let k = i + 1; k < stop; k++) {
      if (s.charCodeAt(k) === 0x3b) {
        semi = k;
        break;
      }
    }
    const ch = semi > 0 ? entityChar(s.slice(i + 1, semi)) : null;
    if (ch !== null) {
      out += s.slice(last, i) + ch;
      last = semi + 1;
      i = s.indexOf("&", last);
    } else {
      i = s.indexOf("&", i + 1);
    }
  }
  return out + s.slice(last);
}

function entityChar(body: string): string | null {
  switch (body) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  if (body.charCodeAt(0) !== 0x23) return null;
  const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0) return null;
  let cp = 0;
  for (let k = 0; k < digits.length; k++) {
    const d = hexValue(digits.charCodeAt(k));
    if (d < 0 || (!hex && d > 9)) return null;
    cp = cp * (hex ? 16 : 10) + d;
  }
  if (cp === 0 || cp > 0x10ffff) return null;
  return String.fromCodePoint(cp);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/**
 * Excel writes characters XML cannot carry (CR, control characters) as `_xHHHH_`, and a literal
 * `_x` sequence as `_x005F_xHHHH_`. Decodes them left to right, as Excel and exceljs do.
 */
export function unescapeXString(s: string): string {
  let i = s.indexOf("_x");
  if (i < 0) return s;
  let out = "";
  let last = 0;
  while (i >= 0) {
    let code = -1;
    if (i + 6 < s.length && s.charCodeAt(i + 6) === 0x5f) {
      code = 0;
      for (let k = i + 2; k < i + 6; k++) {
        const d = hexValue(s.charCodeAt(k));
        if (d < 0) {
          code = -1;
          break;
        }
        code = code * 16 + d;
      }
    }
    if (code >= 0) {
      out += s.slice(last, i) + String.fromCharCode(code);
      last = i + 7;
      i = s.indexOf("_x", last);
    } else {
      i = s.indexOf("_x", i + 1);
    }
  }
  return out + s.slice(last);
}

/** ASCII bytes [start, end) as a string (numbers, references, type codes). */
export function asciiString(b: Uint8Array, start: number, end: number): string {
  if (end - start > SHORT) return utf8.decode(b.subarray(start, end));
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}
