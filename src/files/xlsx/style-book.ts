// Adds the cell styles new cells need to styles.xml by appending to its lists, never renumbering what is there.

import { mainPrefix, type PackageNamespaces } from "./main-prefix";
import { looksLikeDateFormat, parseStyles } from "./styles";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr } from "./xml-text";
import { concatBytes, utf8, xmlAttr } from "./xml-write";

/** How a new cell looks; colours are "FFRRGGBB". */
export interface CellLook {
  bold?: boolean;
  size?: number;
  fontColour?: string;
  underline?: boolean;
  fill?: string;
  borderBottom?: string;
  numFmt?: string;
}

/** A list in styles.xml: where its items end (to append) and how many it has. */
interface StyleList {
  count: number;
  /** Byte offset of the closing tag, where new items go. -1 when the list is self-closing or missing. */
  insertAt: number;
  /** The list's start tag range, to rewrite its count. */
  tagStart: number;
  tagEnd: number;
  selfClosing: boolean;
}

const LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type ListName = (typeof LISTS)[number];
/** The children of <styleSheet> in the schema's order. */
const SCHEMA_ORDER = [...LISTS, "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
/** Where a list goes when missing: before the first of these that exists (those after it in schema order). */
function followersOf(name: ListName): readonly string[] {
  return SCHEMA_ORDER.slice(SCHEMA_ORDER.indexOf(name) + 1);
}

/** A styles.xml with nothing but the defaults Excel needs (for a package that has none), in its namespaces. */
export const minimalStyles = (ns: PackageNamespaces): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${ns.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/**
 * The workbook's styles.xml, read once; `look` and `withFormat` give the index of a cell style (`s`) for a
 * new cell, appending fonts, fills, borders, number formats and xfs as needed. `toBytes` is the original
 * bytes with the new items spliced in before each list's end tag and the counts updated; when nothing was
 * added it is the original, unchanged.
 */
export class StyleBook {
  private readonly bytes: Uint8Array;
  /** styles.xml's SpreadsheetML prefix ("x:" or ""): every element appended is written with it. */
  private readonly ns: string;
  private readonly lists = new Map<string, StyleList>();
  /** Start offsets of other top-level elements, for placing a missing list. */
  private readonly topLevel = new Map<string, number>();
  private rootEnd = -1;
  private readonly xfs: string[] = [];
  /** Per cell style: does the reader take a number in it for a date (styles.ts's rule)? */
  private readonly dateStyles: boolean[];
  private readonly numFmtIds = new Map<string, number>();
  private maxNumFmtId = 163;
  private readonly added: Record<ListName, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellStyleXfs: [],
    cellXfs: [],
  };
  private readonly memo = new Map<string, number>();
  private fontName = "Calibri";
  private fontSize = 11;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.ns = mainPrefix(bytes);
    const x = new XmlScanner(bytes);
    const open: { list: string; depth: number }[] = [];
    let xfStart = -1;
    let inFont0 = false;
    for (let t = x.next(); t !== Tok.End; t = x.next()) {
      if (t === Tok.Open) {
        const local = new TextDecoder().decode(bytes.subarray(x.nameStart, x.nameEnd));
        if (x.depth - (x.selfClosing ? 0 : 1) === 1) {
          this.topLevel.set(local, x.tagStart);
          if ((LISTS as readonly string[]).includes(local)) {
            const countAttr = x.attr(COUNT);
            this.lists.set(local, {
              count: 0,
              insertAt: -1,
              tagStart: x.tagStart,
              tagEnd: x.tagEnd,
              selfClosing: x.selfClosing,
            });
            void countAttr;
            if (!x.selfClosing) open.push({ list: local, depth: x.depth });
          }
          continue;
        }
        const top = open[open.length - 1];
        if (top && x.depth - (x.selfClosing ? 0 : 1) === top.depth) {
          const list = this.lists.get(top.list) as StyleList;
          list.count++;
          if (top.list === "cellXfs") {
            if (x.selfClosing) this.xfs.push(decode(bytes, x.tagStart, x.tagEnd));
            else xfStart = x.tagStart;
          }
          if (top.list === "numFmts" && local === "numFmt") {
            const id = Number(attrText(x, NUM_FMT_ID));
            const code = attrText(x, FORMAT_CODE);
            if (Number.isFinite(id)) {
              if (code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
              if (id > this.maxNumFmtId) this.maxNumFmtId = id;
            }
          }
          if (top.list === "fonts" && list.count === 1 && !x.selfClosing) inFont0 = true;
        } else if (inFont0 && local === "name") {
          this.fontName = attrText(x, VAL) ?? this.fontName;
        } else if (inFont0 && local === "sz") {
          const v = Number(attrText(x, VAL));
          if (v > 0) this.fontSize = v;
        }
      } else if (t === Tok.Close) {
        const top = open[open.length - 1];
        if (top && x.depth === top.depth) {
          if (top.list === "fonts") inFont0 = false;
          if (top.list === "cellXfs" && xfStart >= 0) {
            this.xfs.push(decode(bytes, xfStart, x.tagEnd));
            xfStart = -1;
          }
        }
        if (top && x.depth === top.depth - 1) {
          (this.lists.get(top.list) as StyleList).insertAt = x.tagStart;
          open.pop();
        }
        if (x.depth === 0) this.rootEnd = x.tagStart;
      }
    }
    if (this.rootEnd < 0) throw new Error("StyleBook: styles.xml has no root element");
    this.dateStyles = parseStyles(bytes).isDate;
  }

  /**
   * True when a number in cell style `index` is a date: read, so written, in the workbook's date system.
   * Style 0 never is (the reader, like exceljs, gives it no number format).
   */
  isDateStyle(index: number): boolean {
    return index > 0 && this.dateStyles[index] === true;
  }

  /** The style index for a new cell that looks like this. */
  look(look: CellLook): number {
    const key = JSON.stringify(look);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const p = this.ns;
    const fontId =
      look.bold || look.size || look.fontColour || look.underline
        ? this.append(
            "fonts",
            `<${p}font>${look.bold ? `<${p}b/>` : ""}${look.underline ? `<${p}u/>` : ""}<${p}sz val="${look.size ?? this.fontSize}"/>` +
              `${look.fontColour ? `<${p}color rgb="${look.fontColour}"/>` : ""}<${p}name val="${xmlAttr(this.fontName)}"/></${p}font>`,
          )
        : 0;
    const fillId = look.fill
      ? this.append(
          "fills",
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor rgb="${look.fill}"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const borderId = look.borderBottom
      ? this.append(
          "borders",
          `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color rgb="${look.borderBottom}"/></${p}bottom><${p}diagonal/></${p}border>`,
        )
      : 0;
    const numFmtId = look.numFmt ? this.numFmt(look.numFmt) : 0;
    const applies =
      `${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""}`;
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}/>`;
    const index = this.appendXf(xf, looksLikeDateFormat(look.numFmt));
    this.memo.set(key, index);
    return index;
  }

  /** The style index of cell style `base` with its number format set to `format` (a date written into a styled cell). */
  withFormat(base: number, format: string): number {
    const key = `${base}|${format}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const id = this.numFmt(format);
    const src =
      this.xfs[base] ??
      this.xfs[0] ??
      `<${this.ns}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let xf = setAttr(src, "numFmtId", String(id));
    xf = setAttr(xf, "applyNumberFormat", "1");
    const index = this.appendXf(xf, looksLikeDateFormat(format));
    this.memo.set(key, index);
    return index;
  }

  /**
   * The style index of cell style `base` with Excel's quote prefix (quotePrefix="1"): what Excel stores for
   * text typed with a leading apostrophe, so "=SUM(…)" written as text stays text when the cell is edited
   * (F2, Enter), as the task pane's writes do.
   */
  withQuotePrefix(base: number): number {
    const key = `${base}|quote`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const src =
      this.xfs[base] ??
      this.xfs[0] ??
      `<${this.ns}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const index = this.appendXf(setAttr(src, "quotePrefix", "1"), false);
    this.memo.set(key, index);
    return index;
  }

  /** True when styles were added (styles.xml must be written). */
  get changed(): boolean {
    return LISTS.some((l) => this.added[l].length > 0);
  }

  /** styles.xml with the new items appended. */
  toBytes(): Uint8Array {
    if (!this.changed) return this.bytes;
    const b = this.bytes;
    const edits: { at: number; end: number; text: string }[] = [];
    for (const listName of LISTS) {
      const items = this.added[listName];
      if (items.length === 0) continue;
      const list = this.lists.get(listName);
      if (list === undefined) {
        const at =
          followersOf(listName)
            .map((f) => this.topLevel.get(f))
            .find((p) => p !== undefined) ?? this.rootEnd;
        edits.push({
          at,
          end: at,
          text: `<${this.ns}${listName} count="${items.length}">${items.join("")}</${this.ns}${listName}>`,
        });
        continue;
      }
      const count = list.count + items.length;
      const tag = decode(b, list.tagStart, list.tagEnd);
      if (list.selfClosing) {
        const openTag = setAttr(tag.replace(/\s*\/>$/, ">"), "count", String(count));
        const closeName = tag.slice(1).split(/[\s/>]/)[0];
        edits.push({
          at: list.tagStart,
          end: list.tagEnd,
          text: `${openTag}${items.join("")}</${closeName}>`,
        });
      } else {
        edits.push({ at: list.tagStart, end: list.tagEnd, text: setAttr(tag, "count", String(count)) });
        edits.push({ at: list.insertAt, end: list.insertAt, text: items.join("") });
      }
    }
    edits.sort((a, c) => a.at - c.at);
    const chunks: Uint8Array[] = [];
    let last = 0;
    for (const e of edits) {
      chunks.push(b.subarray(last, e.at), utf8(e.text));
      last = e.end;
    }
    chunks.push(b.subarray(last));
    return concatBytes(chunks);
  }

  private numFmt(code: string): number {
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmtIds.set(code, id);
    this.append("numFmts", `<${this.ns}numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return id;
  }

  private appendXf(xf: string, isDate: boolean): number {
    this.xfs.push(xf);
    const index = this.append("cellXfs", xf);
    this.dateStyles[index] = isDate;
    return index;
  }

  /** Appends an item to a list and returns its index. */
  private append(list: ListName, xml: string): number {
    this.added[list].push(xml);
    return this.count(list) - 1;
  }

  private count(list: ListName): number {
    return (this.lists.get(list)?.count ?? 0) + this.added[list].length;
  }
}

const COUNT = name("count");
const NUM_FMT_ID = name("numFmtId");
const FORMAT_CODE = name("formatCode");
const VAL = name("val");

function decode(b: Uint8Array, s: number, e: number): string {
  return new TextDecoder().decode(b.subarray(s, e));
}

function attrText(x: XmlScanner, local: Uint8Array): string | null {
  const i = x.attr(local);
  return i < 0 ? null : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
}

/** Sets (or adds) an unprefixed attribute on an element's start tag text. */
export function setAttr(tag: string, attr: string, value: string): string {
  const re = new RegExp(`(\\s${attr}\\s*=\\s*)(["'])[^"']*\\2`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^(<[^\s/>]+)/, `$1 ${attr}="${value}"`);
}
