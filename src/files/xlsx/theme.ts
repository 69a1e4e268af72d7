// Reads a workbook theme's colour scheme, so fills given as theme colours can be told apart (colour-only RAG).

import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr } from "./xml-text";

const CLR_SCHEME = name("clrScheme");
const SRGB = name("srgbClr");
const SYS = name("sysClr");
const VAL = name("val");
const LAST = name("lastClr");

/**
 * The theme's colours as "RRGGBB" in Excel's theme-index order (0 lt1, 1 dk1, 2 lt2, 3 dk2, 4–9 accent1–6,
 * 10 hlink, 11 folHlink). @throws XmlError when the part is not well-formed XML.
 */
export function parseThemeColours(bytes: Uint8Array): string[] {
  const x = new XmlScanner(bytes);
  const inOrder: string[] = [];
  let schemeDepth = -1;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Close) {
      if (schemeDepth >= 0 && x.depth < schemeDepth) break;
      continue;
    }
    if (t !== Tok.Open) continue;
    if (schemeDepth < 0) {
      if (x.is(CLR_SCHEME) && !x.selfClosing) schemeDepth = x.depth;
      continue;
    }
    // dk1, lt1 … each hold one colour element two levels below the scheme.
    if (x.depth - (x.selfClosing ? 0 : 1) !== schemeDepth + 1) continue;
    const attr = x.is(SRGB) ? VAL : x.is(SYS) ? LAST : null;
    if (!attr) continue;
    const i = x.attr(attr);
    inOrder.push(i < 0 ? "" : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i)));
  }
  // The scheme lists dk1, lt1, dk2, lt2; Excel's theme indexes swap each pair.
  const [dk1, lt1, dk2, lt2, ...rest] = inOrder;
  return [lt1, dk1, lt2, dk2, ...rest].map((c) => c ?? "");
}
