// A strict XML 1.0 well-formedness check for tests: structure, characters, entities, one root, no duplicate attributes.

import { Tok, XmlError, XmlScanner } from "../../src/files/xlsx/xml-scanner";

const BAD_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/;

/** Why `bytes` is not well-formed XML 1.0, or null when it is. */
export function wellFormedProblem(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "not UTF-8";
  }
  const bad = BAD_CHAR.exec(text);
  if (bad)
    return `a character XML 1.0 cannot hold (U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}) at ${bad.index}`;
  const noCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  const amp = ENTITY.exec(noCdata);
  if (amp) return `a bare '&' at ${amp.index}`;
  for (const m of noCdata.matchAll(/&#(x[0-9A-Fa-f]+|\d+);/g)) {
    const cp = m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : Number(m[1]);
    if (BAD_CHAR.test(String.fromCodePoint(Math.min(cp, 0x10ffff))) || cp === 0 || cp > 0x10ffff)
      return `a character reference to a character XML cannot hold (${m[0]})`;
  }
  for (const m of noCdata.matchAll(/<[A-Za-z_][^<>]*>/g)) {
    const names = [...m[0].matchAll(/\s([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) return `duplicate attribute in ${m[0].slice(0, 80)}`;
  }
  const x = new XmlScanner(bytes);
  let roots = 0;
  try {
    for (let t = x.next(); t !== Tok.End; t = x.next()) {
      if (t === Tok.Open && x.depth - (x.selfClosing ? 0 : 1) === 0) roots++;
      if (
        t === Tok.Text &&
        x.depth === 0 &&
        new TextDecoder().decode(bytes.subarray(x.textStart, x.textEnd)).trim() !== ""
      )
        return "text outside the root element";
    }
  } catch (e) {
    return e instanceof XmlError ? e.message : String(e);
  }
  return roots === 1 ? null : `${roots} root elements`;
}
