// Links into a workbook's cells, written as Excel writes them. exceljs 4.4 writes a link such as
// "Register.xlsx#'Risk Register'!A3" (or "#'Risk Register'!A3") as a relationship to the whole address
// and, when the address looks like a cell, a location holding the whole address again: Excel joins the
// two (target, "#", location) and the link goes nowhere (exceljs issue #3027). Here each such link is
// rewritten as Excel's own: the relationship's target the file alone, the location the sheet and cell;
// a link inside the workbook keeps no relationship at all.

import { decodeEntities } from "./xml-text";
import { utf8, xmlAttr } from "./xml-write";
import { ZipPackage } from "./zip-package";

const SHEET_PART = /^xl\/worksheets\/(sheet\d+\.xml)$/i;
const HYPERLINK = /<hyperlink\b[^>]*?\/>/g;
const RELATIONSHIP = /<Relationship\b[^>]*?\/>/g;

/** An attribute's value in an element's text (entities decoded), or undefined. */
function attr(element: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return m ? decodeEntities(m[1]) : undefined;
}

/** The element with an attribute set (added before the close when absent) or removed (value undefined). */
function withAttr(element: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  const without = element.replace(re, "");
  return value === undefined ? without : without.replace(/\s*\/>$/, ` ${name}="${xmlAttr(value)}"/>`);
}

/** One sheet's links and relationships, rewritten; null when none needed it. */
function splitSheetLinks(sheetXml: string, relsXml: string): { sheet: string; rels: string } | null {
  const relations = new Map<string, string>();
  for (const m of relsXml.matchAll(RELATIONSHIP)) {
    const id = attr(m[0], "Id");
    if (id !== undefined) relations.set(id, m[0]);
  }
  const dropped = new Set<string>();
  const retargeted = new Map<string, string>();
  const sheet = sheetXml.replace(HYPERLINK, (link) => {
    const id = attr(link, "r:id");
    const relation = id === undefined ? undefined : relations.get(id);
    const target = relation === undefined ? undefined : attr(relation, "Target");
    if (id === undefined || target === undefined) return link;
    const hash = target.indexOf("#");
    if (hash < 0) return link;
    const file = target.slice(0, hash);
    const location = target.slice(hash + 1);
    if (file === "") {
      dropped.add(id);
      return withAttr(withAttr(link, "r:id", undefined), "location", location);
    }
    retargeted.set(id, withAttr(relation!, "Target", file));
    return withAttr(link, "location", location);
  });
  if (dropped.size === 0 && retargeted.size === 0) return null;
  const rels = relsXml.replace(RELATIONSHIP, (relation) => {
    const id = attr(relation, "Id")!;
    return dropped.has(id) ? "" : (retargeted.get(id) ?? relation);
  });
  return { sheet, rels };
}

/** The workbook (bytes exceljs wrote) with every link into a cell written as Excel writes one. */
export function splitHyperlinks(bytes: Uint8Array): Uint8Array {
  const pkg = new ZipPackage(bytes);
  const decoder = new TextDecoder("utf-8");
  let changed = false;
  for (const path of pkg.paths()) {
    const m = SHEET_PART.exec(path);
    if (!m) continue;
    const sheetBytes = pkg.read(path);
    const relsPath = `xl/worksheets/_rels/${m[1]}.rels`;
    const relsBytes = pkg.read(relsPath);
    if (!sheetBytes || !relsBytes) continue;
    const sheetXml = decoder.decode(sheetBytes);
    if (!sheetXml.includes("<hyperlink")) continue;
    const split = splitSheetLinks(sheetXml, decoder.decode(relsBytes));
    if (!split) continue;
    pkg.write(path, utf8(split.sheet));
    pkg.write(relsPath, utf8(split.rels));
    changed = true;
  }
  return changed ? pkg.toBytes() : bytes;
}
