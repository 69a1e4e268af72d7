// The namespaces and prefix a SpreadsheetML part is written with, so that what an edit adds is in the part's
// namespace, and what it adds to a Strict package is Strict too.

import { Tok, XmlScanner } from "./xml-scanner";
import { decodeEntities } from "./xml-text";
import { utf8 } from "./xml-write";

/** The SpreadsheetML main namespace (transitional). */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The namespaces a package's parts are written in: a transitional package's (as Excel saves an .xlsx) or an
 * ISO/IEC 29500 Strict one's (Excel's "Strict Open XML Spreadsheet"), whose SpreadsheetML elements and
 * relationship types are named under purl.oclc.org. Content types and the package's own relationships
 * (`_rels/*.rels`' element namespace) are the same in both.
 */
export interface PackageNamespaces {
  /** SpreadsheetML's main namespace: worksheets', workbook's and styles' elements. */
  main: string;
  /** The relationships namespace: `r:id` attributes, and the stem of relationship types (`…/worksheet`). */
  relationships: string;
}

export const TRANSITIONAL_NAMESPACES: PackageNamespaces = Object.freeze({
  main: MAIN_NS,
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
});

export const STRICT_NAMESPACES: PackageNamespaces = Object.freeze({
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
});

/** The type of a relationship to a part of `kind` ("worksheet", "styles") in the package's namespaces. */
export function relationshipType(ns: PackageNamespaces, kind: string): string {
  return `${ns.relationships}/${kind}`;
}

/**
 * The namespaces of the package a part belongs to: Strict when the part's root binds Strict's SpreadsheetML
 * namespace (workbook.xml's says for the whole package), else transitional.
 */
export function packageNamespaces(part: Uint8Array | string): PackageNamespaces {
  return rootNamespaces(part).some((n) => n.uri === STRICT_NAMESPACES.main)
    ? STRICT_NAMESPACES
    : TRANSITIONAL_NAMESPACES;
}

/** The namespaces the part's root start tag declares: each prefix (null for the default) and its URI. */
function rootNamespaces(part: Uint8Array | string): { prefix: string | null; uri: string }[] {
  const bytes = typeof part === "string" ? utf8(part) : part;
  const x = new XmlScanner(bytes);
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open) continue;
    const root = new TextDecoder().decode(bytes.subarray(x.tagStart, x.tagEnd));
    return [...root.matchAll(/\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => ({
      prefix: m[1] ?? null,
      uri: decodeEntities(m[2] ?? m[3] ?? ""),
    }));
  }
  return [];
}

/**
 * The prefix, colon included ("x:"), that a part's root element binds to the SpreadsheetML main
 * namespace (transitional or Strict), as the Open XML SDK writes parts; "" when that is the root's default
 * namespace (as Excel writes them) or the root does not bind it. Every element an edit adds to the part is
 * written with it: `<${p}row>`. Found once per part; only the root's start tag is read.
 * @throws XmlError when the part has no well-formed root start tag.
 */
export function mainPrefix(part: Uint8Array | string): string {
  let prefix: string | null = null;
  for (const n of rootNamespaces(part)) {
    if (n.uri !== MAIN_NS && n.uri !== STRICT_NAMESPACES.main) continue;
    if (n.prefix === null) return "";
    prefix ??= `${n.prefix}:`;
  }
  return prefix ?? "";
}

/**
 * The qualified name of the element whose start tag is `tag` ("<x:row r=…>" → "x:row"): an element
 * rewritten in place is closed with its own name.
 */
export function tagName(tag: string): string {
  return tag.slice(1).split(/[\s/>]/)[0];
}
