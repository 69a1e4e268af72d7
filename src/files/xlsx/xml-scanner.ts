// A pull scanner over XML bytes: one linear pass, no DOM, no regular expressions, no recursion.

/** What `next()` found. CData is a CDATA section: its text is taken as it is, without entity decoding. */
export const Tok = { End: 0, Open: 1, Close: 2, Text: 3, CData: 4 } as const;
/** One of the Tok values. */
export type Tok = (typeof Tok)[keyof typeof Tok];

/** The XML is not well formed (or is hostile); the reader turns this into a FileReadError. */
export class XmlError extends Error {
  override readonly name = "XmlError";
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, XmlError.prototype);
  }
}

/** Deeper than any part Excel writes (a sheet needs about 8 levels); refusing it bounds the element stack. */
export const MAX_DEPTH = 256;
/** Attributes per element; Excel's busiest elements have about 20. */
const MAX_ATTRS = 512;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const QMARK = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const DASH = 0x2d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Encodes an ASCII element or attribute name once, for byte comparison while scanning. */
export function name(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Walks an XML document token by token. After `next()` returns Open, `isOpen(name)`, `attr(name)`
 * and `selfClosing` describe the element; after Text or CData, `textStart`/`textEnd` bound its bytes.
 * Names are compared by their local part (after any `x:` prefix), as producers differ in prefixes.
 * Throws XmlError for unterminated markup, mismatched end tags, or nesting deeper than MAX_DEPTH.
 */
export class XmlScanner {
  readonly bytes: Uint8Array;
  private pos = 0;
  /** Local name of the element just opened or closed. */
  nameStart = 0;
  nameEnd = 0;
  selfClosing = false;
  textStart = 0;
  textEnd = 0;
  /** Current element depth (elements open around the cursor). */
  depth = 0;
  /** Byte range of the whole tag just opened or closed, from its `<` to just past its `>` (for editing in place). */
  tagStart = 0;
  tagEnd = 0;
  private readonly stackStart = new Int32Array(MAX_DEPTH);
  private readonly stackEnd = new Int32Array(MAX_DEPTH);
  /** name start, name end (local part), value start, value end, per attribute. */
  private attrs = new Int32Array(64);
  private attrCount = 0;
  private tagLimit = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    // A UTF-8 byte-order mark is not content.
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  /** Advances to the next token. */
  next(): Tok {
    const b = this.bytes;
    const len = b.length;
    for (;;) {
      const p = this.pos;
      if (p >= len) {
        if (this.depth > 0) throw new XmlError("the XML ends inside an element");
        return Tok.End;
      }
      if (b[p] !== LT) {
        let e = b.indexOf(LT, p);
        if (e < 0) e = len;
        this.textStart = p;
        this.textEnd = e;
        this.pos = e;
        return Tok.Text;
      }
      const c = b[p + 1];
      this.tagStart = p;
      if (c === SLASH) return this.closeTag(p + 2);
      if (c === QMARK) {
        this.pos = this.find2(p + 2, QMARK, GT) + 2;
        continue;
      }
      if (c === BANG) {
        if (b[p + 2] === DASH && b[p + 3] === DASH) {
          this.pos = this.findComment(p + 4) + 3;
          continue;
        }
        if (this.startsWith(p + 2, CDATA_OPEN)) {
          const s = p + 2 + CDATA_OPEN.length;
          const e = this.find3(s, RBRACKET, RBRACKET, GT);
          this.textStart = s;
          this.textEnd = e;
          this.pos = e + 3;
          return Tok.CData;
        }
        this.pos = this.skipDeclaration(p + 2);
        continue;
      }
      return this.openTag(p + 1);
    }
  }

  /** True when the element just opened or closed has this local name. */
  is(local: Uint8Array): boolean {
    const s = this.nameStart;
    if (this.nameEnd - s !== local.length) return false;
    const b = this.bytes;
    for (let i = 0; i < local.length; i++) if (b[s + i] !== local[i]) return false;
    return true;
  }

  /** Index of the attribute with this local name on the element just opened, or -1. */
  attr(local: Uint8Array): number {
    const a = this.attrs;
    const b = this.bytes;
    outer: for (let i = 0; i < this.attrCount; i++) {
      const s = a[i * 4];
      if (a[i * 4 + 1] - s !== local.length) continue;
      for (let k = 0; k < local.length; k++) if (b[s + k] !== local[k]) continue outer;
      return i;
    }
    return -1;
  }

  /** Byte range of attribute `i`'s raw value (entities not yet decoded). */
  attrValueStart(i: number): number {
    return this.attrs[i * 4 + 2];
  }
  attrValueEnd(i: number): number {
    return this.attrs[i * 4 + 3];
  }

  private openTag(start: number): Tok {
    const b = this.bytes;
    const len = b.length;
    let p = start;
    let local = start;
    while (p < len) {
      const c = b[p];
      if (isSpace(c) || c === GT || c === SLASH) break;
      if (c === LT || c === QUOT || c === APOS || c === EQ) throw new XmlError("a malformed element name");
      if (c === COLON) local = p + 1;
      p++;
    }
    if (p === start) throw new XmlError("an element with no name");
    if (p >= len) throw new XmlError("an unterminated element");
    const nameEnd = p;
    this.attrCount = 0;
    // No attribute value may reach past the next '<'; finding it once keeps a tag with many attributes linear.
    const nextLt = b.indexOf(LT, p);
    this.tagLimit = nextLt < 0 ? len : nextLt;
    for (;;) {
      while (p < len && isSpace(b[p])) p++;
      if (p >= len) throw new XmlError("an unterminated element");
      const c = b[p];
      if (c === GT) {
        this.selfClosing = false;
        p++;
        break;
      }
      if (c === SLASH) {
        if (b[p + 1] !== GT) throw new XmlError("a malformed empty element");
        this.selfClosing = true;
        p += 2;
        break;
      }
      p = this.attribute(p);
    }
    this.pos = p;
    this.tagEnd = p;
    this.nameStart = local;
    this.nameEnd = nameEnd;
    if (!this.selfClosing) {
      if (this.depth >= MAX_DEPTH) throw new XmlError(`elements nested more than ${MAX_DEPTH} deep`);
      this.stackStart[this.depth] = start;
      this.stackEnd[this.depth] = nameEnd;
      this.depth++;
    }
    return Tok.Open;
  }

  /** Reads one `name="value"` and returns the position after it. */
  private attribute(start: number): number {
    const b = this.bytes;
    const len = b.length;
    let p = start;
    let local = start;
    while (p < len) {
      const c = b[p];
      if (c === EQ || isSpace(c)) break;
      if (c === GT || c === SLASH || c === LT || c === QUOT || c === APOS) {
        throw new XmlError("a malformed attribute");
      }
      if (c === COLON) local = p + 1;
      p++;
    }
    const nameEnd = p;
    while (p < len && isSpace(b[p])) p++;
    if (p === start || b[p] !== EQ) throw new XmlError("an attribute without a value");
    p++;
    while (p < len && isSpace(b[p])) p++;
    const q = b[p];
    if (q !== QUOT && q !== APOS) throw new XmlError("an attribute value without quotes");
    const vs = p + 1;
    const ve = b.indexOf(q, vs);
    if (ve < 0) throw new XmlError("an unterminated attribute value");
    if (ve > this.tagLimit) throw new XmlError("a '<' inside an attribute value");
    if (this.attrCount >= MAX_ATTRS) throw new XmlError("too many attributes on one element");
    if ((this.attrCount + 1) * 4 > this.attrs.length) {
      const bigger = new Int32Array(this.attrs.length * 2);
      bigger.set(this.attrs);
      this.attrs = bigger;
    }
    const k = this.attrCount * 4;
    this.attrs[k] = local;
    this.attrs[k + 1] = nameEnd;
    this.attrs[k + 2] = vs;
    this.attrs[k + 3] = ve;
    this.attrCount++;
    return ve + 1;
  }

  private closeTag(start: number): Tok {
    const b = this.bytes;
    const len = b.length;
    let p = start;
    let local = start;
    while (p < len && b[p] !== GT && !isSpace(b[p])) {
      if (b[p] === COLON) local = p + 1;
      p++;
    }
    const nameEnd = p;
    while (p < len && isSpace(b[p])) p++;
    if (p >= len || b[p] !== GT) throw new XmlError("an unterminated end tag");
    if (this.depth === 0) throw new XmlError("an end tag with no element to close");
    const d = this.depth - 1;
    const os = this.stackStart[d];
    const oe = this.stackEnd[d];
    if (oe - os !== nameEnd - start) throw new XmlError("mismatched end tag");
    for (let i = 0; i < oe - os; i++)
      if (b[os + i] !== b[start + i]) throw new XmlError("mismatched end tag");
    this.depth = d;
    this.nameStart = local;
    this.nameEnd = nameEnd;
    this.selfClosing = false;
    this.pos = p + 1;
    this.tagEnd = p + 1;
    return Tok.Close;
  }

  private startsWith(p: number, lit: Uint8Array): boolean {
    const b = this.bytes;
    if (p + lit.length > b.length) return false;
    for (let i = 0; i < lit.length; i++) if (b[p + i] !== lit[i]) return false;
    return true;
  }

  /** Position of the first `a b` at or after p. indexOf keeps each search linear. */
  private find2(p: number, a: number, c2: number): number {
    const b = this.bytes;
    for (let i = b.indexOf(a, p); i >= 0; i = b.indexOf(a, i + 1)) if (b[i + 1] === c2) return i;
    throw new XmlError("an unterminated processing instruction");
  }

  private find3(p: number, a: number, c2: number, c3: number): number {
    const b = this.bytes;
    for (let i = b.indexOf(a, p); i >= 0; i = b.indexOf(a, i + 1)) {
      if (b[i + 1] === c2 && b[i + 2] === c3) return i;
    }
    throw new XmlError("an unterminated CDATA section");
  }

  private findComment(p: number): number {
    const b = this.bytes;
    for (let i = b.indexOf(DASH, p); i >= 0; i = b.indexOf(DASH, i + 1)) {
      if (b[i + 1] === DASH && b[i + 2] === GT) return i;
    }
    throw new XmlError("an unterminated comment");
  }

  /** Skips `<!DOCTYPE …>` including an internal subset in brackets; its entities are never expanded. */
  private skipDeclaration(p: number): number {
    const b = this.bytes;
    let inSubset = false;
    let quote = 0;
    for (let i = p; i < b.length; i++) {
      const c = b[i];
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === QUOT || c === APOS) quote = c;
      else if (c === LBRACKET) inSubset = true;
      else if (c === RBRACKET) inSubset = false;
      else if (c === GT && !inSubset) return i + 1;
    }
    throw new XmlError("an unterminated declaration");
  }
}

const CDATA_OPEN = name("[CDATA[");
