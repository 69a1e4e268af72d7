// Reads xl/workbook.xml and its relationships: which sheets there are, in order, where each lives, and the date system.

import { parseRangeAddress } from "../../core/address/a1";
import { OWNED_NAME_PREFIX } from "../../core/model/owned-tab";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr, decodeText } from "./xml-text";

/** One sheet as the workbook lists it. */
export interface SheetEntry {
  name: string;
  /** "visible", "hidden" or "veryHidden" (anything else is treated as visible). */
  state: string;
  /** Relationship id pointing at the sheet's part. */
  relId: string;
}

/** What workbook.xml says that the reader needs. */
export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
  /**
   * Sheets a CRR_OWNED_* workbook name points at (lower case): the add-in's own, wherever their title
   * row now is (the name follows the cell when an officer inserts a row above it).
   */
  ownedByName: Set<string>;
}

/** One relationship from a .rels part, its target resolved to a package path. */
export interface Relationship {
  type: string;
  /** Package path without a leading slash, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

const SHEET = name("sheet");
const DEFINED_NAME = name("definedName");
const WORKBOOK_PR = name("workbookPr");
const NAME = name("name");
const STATE = name("state");
const ID = name("id");
const DATE1904 = name("date1904");
const RELATIONSHIP = name("Relationship");
const REL_ID = name("Id");
const TYPE = name("Type");
const TARGET = name("Target");
const TARGET_MODE = name("TargetMode");

/** Parses workbook.xml. @throws XmlError when it is not well-formed XML. */
export function parseWorkbook(bytes: Uint8Array): WorkbookInfo {
  const x = new XmlScanner(bytes);
  const sheets: SheetEntry[] = [];
  const ownedByName = new Set<string>();
  let date1904 = false;
  let ownedName = false;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Text && ownedName) {
      const at = parseRangeAddress(decodeText(bytes, x.textStart, x.textEnd).replace(/^=/, ""));
      if (at?.sheet) ownedByName.add(at.sheet.toLowerCase());
    }
    if (t !== Tok.Text) ownedName = false;
    if (t !== Tok.Open) continue;
    if (x.is(DEFINED_NAME)) {
      ownedName = !x.selfClosing && (attr(x, NAME) ?? "").toUpperCase().startsWith(OWNED_NAME_PREFIX);
    } else if (x.is(SHEET)) {
      // r:id is the only attribute of <sheet> whose local name is "id" (sheetId is another name).
      sheets.push({
        name: attr(x, NAME) ?? "",
        state: attr(x, STATE) ?? "visible",
        relId: attr(x, ID) ?? "",
      });
    } else if (x.is(WORKBOOK_PR)) date1904 = usesDate1904(x);
  }
  return { sheets, date1904, ownedByName };
}

/** Whether the `<workbookPr>` the scanner is on says dates count from 1904 (`date1904="1"`). */
export function usesDate1904(x: XmlScanner): boolean {
  const v = attr(x, DATE1904);
  return v === "1" || v === "true";
}

/**
 * Parses a .rels part into id → relationship, resolving each internal target against `baseDir`
 * (the folder of the part the rels belong to, e.g. "xl/"). External targets are left out.
 */
export function parseRelationships(bytes: Uint8Array, baseDir: string): Map<string, Relationship> {
  const x = new XmlScanner(bytes);
  const out = new Map<string, Relationship>();
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t !== Tok.Open || !x.is(RELATIONSHIP)) continue;
    const id = attr(x, REL_ID);
    const target = attr(x, TARGET);
    if (id === null || target === null || attr(x, TARGET_MODE) === "External") continue;
    out.set(id, { type: attr(x, TYPE) ?? "", path: resolveTarget(baseDir, target) });
  }
  return out;
}

/**
 * A relationship target as a package path: "/xl/worksheets/sheet1.xml" is absolute, "worksheets/sheet1.xml"
 * and "../xl/worksheets/sheet1.xml" are relative to `baseDir`.
 */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const joined = t.startsWith("/") ? t : baseDir + t;
  const parts: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** The relationship type's last segment: ".../relationships/worksheet" → "worksheet". */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

function attr(x: XmlScanner, local: Uint8Array): string | null {
  const i = x.attr(local);
  return i < 0 ? null : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
}
