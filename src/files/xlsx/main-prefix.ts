// The prefix a SpreadsheetML part writes its elements with, so that what an edit adds is in the part's namespace.

import { Tok, XmlScanner } from "./xml-scanner";
import { decodeEntities } from "./xml-text";
import { utf8 } from "./xml-write";

/** The SpreadsheetML main namespace (transitional). */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The prefix, colon included ("x:"), that a part's root element binds to the SpreadsheetML main
 * namespace, as the Open XML SDK writes parts; "" when that is the root's default namespace (as Excel
 * writes them) or the root does not bind it. Every element an edit adds to the part is written with it:
 * `<${p}row>`. Found once per part; only the root's start tag is read.
 * @throws XmlError when the part has no well-formed root start tag.
 */
export function mainPrefix(part: Uint8Array | string): string {
  const bytes = typeof part === "string" ? utf8(part) : part;
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open) continue;
    const root = new TextDecoder().decode(bytes.subarray(x.tagStart, x.tagEnd));
    let prefix: string | null = null;
    for (const m of root.matchAll(/\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (decodeEntities(m[2] ?? m[3] ?? "") !== MAIN_NS) continue;
      if (m[1] === undefined) return "";
      prefix ??= `${m[1]}:`;
    }
    return prefix ?? "";
  }
  return "";
}

/**
 * The qualified name of the element whose start tag is `tag` ("<x:row r=…>" → "x:row"): an element
 * rewritten in place is closed with its own name.
 */
export function tagName(tag: string): string {
  return tag.slice(1).split(/[\s/>]/)[0];
}
