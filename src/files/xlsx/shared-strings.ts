// Reads xl/sharedStrings.xml into plain strings: rich-text runs joined, phonetic guides left out.

import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeCData, decodeText, unescapeXString } from "./xml-text";

const SI = name("si");
const T = name("t");
const RPH = name("rPh");

/**
 * The shared string table, index → text (null for an empty string, which a Grid keeps as an empty cell).
 * Each `<si>` is its `<t>` text, or its `<r><t>` runs joined; `<rPh>` (phonetic reading) text is skipped.
 * Whitespace is kept as written whatever `xml:space` says, as Excel shows it.
 * @throws XmlError when the part is not well-formed XML.
 */
export function parseSharedStrings(bytes: Uint8Array): (string | null)[] {
  const x = new XmlScanner(bytes);
  const out: (string | null)[] = [];
  let inItem = false;
  /** Depth of the open <t> we collect from, or -1. */
  let tDepth = -1;
  let phoneticDepth = -1;
  let text = "";
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    switch (t) {
      case Tok.Open:
        if (x.is(SI)) {
          if (x.selfClosing) out.push(null);
          else {
            inItem = true;
            text = "";
          }
        } else if (inItem && x.is(RPH) && !x.selfClosing && phoneticDepth < 0) {
          phoneticDepth = x.depth;
        } else if (inItem && phoneticDepth < 0 && x.is(T) && !x.selfClosing) {
          tDepth = x.depth;
        }
        break;
      case Tok.Close:
        if (tDepth >= 0 && x.depth < tDepth) tDepth = -1;
        if (phoneticDepth >= 0 && x.depth < phoneticDepth) phoneticDepth = -1;
        if (inItem && x.is(SI)) {
          inItem = false;
          out.push(text === "" ? null : unescapeXString(text));
        }
        break;
      case Tok.Text:
        if (tDepth >= 0 && x.depth === tDepth) text += decodeText(bytes, x.textStart, x.textEnd);
        break;
      case Tok.CData:
        if (tDepth >= 0 && x.depth === tDepth) text += decodeCData(bytes, x.textStart, x.textEnd);
        break;
    }
  }
  return out;
}
