// Small edits to a package's bookkeeping parts: workbook.xml's sheets and names, relationships, content types, tables.

import { name, Tok, XmlScanner } from "./xml-scanner";
import { mainPrefix, packageNamespaces, relationshipType, type PackageNamespaces } from "./main-prefix";
import { decodeAttr, decodeEntities } from "./xml-text";
import { mapSheetRefs, movedRows, shiftRowRefs, type RowsMoved } from "./shift-row-refs";
import { parseWorkbook, resolveTarget, usesDate1904 } from "./workbook-parts";
import { utf8, xmlAttr, xmlText } from "./xml-write";
import { nextOwnedName } from "../../core/model/owned-tab";

export const WORKSHEET_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** One `<sheet>` of workbook.xml. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: string;
}

const SHEET = name("sheet");
const SHEETS = name("sheets");
const WORKBOOK_PR = name("workbookPr");
const DEFINED_NAMES = name("definedNames");
const DEFINED_NAME = name("definedName");
const NAME = name("name");
const SHEET_ID = name("sheetId");
const ID = name("id");
const STATE = name("state");
const LOCAL_SHEET_ID = name("localSheetId");
const RELATIONSHIP = name("Relationship");
const REL_ID = name("Id");
const REL_TYPE = name("Type");
const REL_TARGET = name("Target");
const REL_TARGET_MODE = name("TargetMode");
const CALC_PR = name("calcPr");
const WORKBOOK_PROTECTION = name("workbookProtection");
const LOCK_STRUCTURE = name("lockStructure");
const FULL_CALC_ON_LOAD = name("fullCalcOnLoad");
/** The children of <workbook> that come after calcPr in the schema (CT_Workbook's sequence). */
const AFTER_CALC_PR = [
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
].map(name);

/** A sheet name quoted for a defined name's reference: 'Risk Review Settings', its quotes doubled. */
const quotedSheetName = (sheetName: string): string => `'${sheetName.replace(/'/g, "''")}'`;

function attr(x: XmlScanner, local: Uint8Array): string | null {
  const i = x.attr(local);
  return i < 0 ? null : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
}

/** workbook.xml with sheets, print-title and CRR_OWNED_* names added at the end; every other byte kept. */
export class WorkbookXml {
  readonly sheets: WorkbookSheet[] = [];
  /** Dates count from 1904-01-01 (`workbookPr date1904`): every date written goes through serialInDateSystem. */
  readonly date1904: boolean = false;
  /**
   * The workbook's structure is protected (`workbookProtection lockStructure`, Review > Protect Workbook):
   * Excel adds no sheet to it, and neither does the writer.
   */
  readonly structureLocked: boolean = false;
  /** The package's namespaces (Strict or transitional), as workbook.xml's root says: every part added uses them. */
  readonly namespaces: PackageNamespaces;
  private readonly text: string;
  private readonly relPrefix: string | null;
  private readonly added: string[] = [];
  private readonly names: string[] = [];
  /** Every defined name's name, the workbook's and those added (a new CRR_OWNED_<n> takes a free number). */
  private readonly nameList: { name: string }[] = [];
  /** Sheets a CRR_OWNED_* name points at (lower case), as the reader finds them, and those named here. */
  private readonly ownedByName: Set<string>;
  private readonly printTitles = new Set<number>();
  /** Each defined name's reference (its text, entities as written) by text offsets. */
  private readonly nameRefs: [number, number][] = [];
  /** Defined names' references rewritten (see moveNamesOn), by text offsets. */
  private readonly nameEdits: { at: number; end: number; text: string }[] = [];
  private sheetsEnd = -1;
  /** The `<sheets/>` tag when it is empty and self-closing: its text range and qualified name. */
  private sheetsSelfClosing: [number, number, string] | null = null;
  private namesEnd = -1;
  /** The `<definedNames/>` tag when it is empty and self-closing: its text range and qualified name. */
  private namesSelfClosing: [number, number, string] | null = null;
  /** Where a new `<definedNames>` goes: before the first top-level element that follows it in the schema. */
  private namesAt = -1;
  /** The `<calcPr>` tag: just past its name, and its `fullCalcOnLoad` value's range when it has one. */
  private calcPr: { nameEnd: number; fullCalc: [number, number] | null } | null = null;
  /** Where a new `<calcPr>` goes: before the first top-level element that follows it in the schema. */
  private calcAt = -1;
  /** The root element's prefix with its colon ("x:"), or "": new top-level elements take it. */
  private fullCalc = false;
  /** workbook.xml's SpreadsheetML prefix ("x:" or ""), found when a sheet or name is first added. */
  private mainNs: string | null = null;

  constructor(bytes: Uint8Array) {
    // Offsets are found on the bytes; the edit is done on the text, so work out positions on the text.
    this.text = new TextDecoder().decode(bytes);
    this.ownedByName = parseWorkbook(bytes).ownedByName;
    this.namespaces = packageNamespaces(bytes);
    const relNs = this.namespaces.relationships;
    const b = utf8(this.text);
    const x = new XmlScanner(b);
    const dec = new TextDecoder();
    const qname = (): string => dec.decode(b.subarray(x.tagStart + 1, x.nameEnd));
    let prefix: string | null = null;
    let inName = -1;
    let inNameText = false;
    let rootEnd = -1;
    for (let t = x.next(); t !== Tok.End; t = x.next()) {
      if (t === Tok.Text && inNameText) this.nameRefs.push([x.textStart, x.textEnd]);
      if (t !== Tok.Text) inNameText = false;
      if (t === Tok.Open) {
        if (x.depth === 1 && prefix === null) {
          const tag = dec.decode(b.subarray(x.tagStart, x.tagEnd));
          const m = new RegExp(
            `xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${relNs.replace(/[./]/g, "\\$&")}["']`,
          ).exec(tag);
          prefix = m ? m[1] : "";
        }
        // A child of <workbook> (depth counts the element itself unless it is self-closing).
        const topLevel = x.depth - (x.selfClosing ? 0 : 1) === 1;
        if (topLevel) {
          if (this.calcAt < 0 && AFTER_CALC_PR.some((n) => x.is(n))) this.calcAt = x.tagStart;
          if (this.namesAt < 0 && (x.is(CALC_PR) || AFTER_CALC_PR.some((n) => x.is(n))))
            this.namesAt = x.tagStart;
        }
        if (x.is(SHEET)) {
          this.sheets.push({
            name: attr(x, NAME) ?? "",
            sheetId: Number(attr(x, SHEET_ID) ?? 0),
            relId: attr(x, ID) ?? "",
            state: attr(x, STATE) ?? "visible",
          });
        } else if (x.is(WORKBOOK_PR)) this.date1904 = usesDate1904(x);
        else if (topLevel && x.is(WORKBOOK_PROTECTION))
          this.structureLocked = /^(1|true)$/.test((attr(x, LOCK_STRUCTURE) ?? "").trim());
        else if (x.is(SHEETS) && x.selfClosing) this.sheetsSelfClosing = [x.tagStart, x.tagEnd, qname()];
        else if (topLevel && x.is(DEFINED_NAMES) && x.selfClosing)
          this.namesSelfClosing = [x.tagStart, x.tagEnd, qname()];
        else if (topLevel && x.is(CALC_PR) && this.calcPr === null) {
          const i = x.attr(FULL_CALC_ON_LOAD);
          this.calcPr = {
            nameEnd: x.nameEnd,
            fullCalc: i < 0 ? null : [x.attrValueStart(i), x.attrValueEnd(i)],
          };
        } else if (x.is(DEFINED_NAME)) {
          inNameText = !x.selfClosing;
          this.nameList.push({ name: attr(x, NAME) ?? "" });
          inName = attr(x, NAME) === "_xlnm.Print_Titles" ? Number(attr(x, LOCAL_SHEET_ID) ?? -1) : -1;
          if (inName >= 0) this.printTitles.add(inName);
        }
      } else if (t === Tok.Close) {
        if (x.depth === 0) rootEnd = x.tagStart;
        else if (x.is(SHEETS)) this.sheetsEnd = x.tagStart;
        else if (x.is(DEFINED_NAMES)) this.namesEnd = x.tagStart;
      }
    }
    this.relPrefix = prefix || null;
    if (this.calcAt < 0) this.calcAt = rootEnd;
    if (this.namesAt < 0) this.namesAt = rootEnd;
    // Byte offsets → text offsets (the text may hold multi-byte characters before them).
    const toText = (at: number): number => (at < 0 ? at : dec.decode(b.subarray(0, at)).length);
    this.sheetsEnd = toText(this.sheetsEnd);
    this.namesEnd = toText(this.namesEnd);
    this.namesAt = toText(this.namesAt);
    this.calcAt = toText(this.calcAt);
    // The names' references in document order: each offset from the last, so the prefix is decoded once.
    let byteAt = 0;
    let textAt = 0;
    const toTextFrom = (at: number): number => {
      textAt += dec.decode(b.subarray(byteAt, at)).length;
      byteAt = at;
      return textAt;
    };
    for (const r of this.nameRefs) [r[0], r[1]] = [toTextFrom(r[0]), toTextFrom(r[1])];
    if (this.sheetsSelfClosing) {
      const [s, e, q] = this.sheetsSelfClosing;
      this.sheetsSelfClosing = [toText(s), toText(e), q];
    }
    if (this.namesSelfClosing) {
      const [s, e, q] = this.namesSelfClosing;
      this.namesSelfClosing = [toText(s), toText(e), q];
    }
    if (this.calcPr) {
      const f = this.calcPr.fullCalc;
      this.calcPr = {
        nameEnd: toText(this.calcPr.nameEnd),
        fullCalc: f ? [toText(f[0]), toText(f[1])] : null,
      };
    }
  }

  /** The prefix every element added to workbook.xml is written with (mainPrefix). */
  private get ns(): string {
    return (this.mainNs ??= mainPrefix(this.text));
  }

  /** The type of a relationship from the workbook to a new part of `kind` ("worksheet", "styles"), in its namespaces. */
  relationshipType(kind: string): string {
    return relationshipType(this.namespaces, kind);
  }

  /** Appends a sheet; returns its index in the sheet list (for localSheetId). */
  addSheet(sheetName: string, relId: string, hidden: boolean): number {
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const rid = this.relPrefix
      ? `${this.relPrefix}:id="${xmlAttr(relId)}"`
      : `r:id="${xmlAttr(relId)}" xmlns:r="${this.namespaces.relationships}"`;
    this.added.push(
      `<${this.ns}sheet name="${xmlAttr(sheetName)}" sheetId="${sheetId}"${hidden ? ' state="hidden"' : ""} ${rid}/>`,
    );
    this.sheets.push({ name: sheetName, sheetId, relId, state: hidden ? "hidden" : "visible" });
    return this.sheets.length - 1;
  }

  /** Repeats 0-based `row` at the top of each printed page of sheet `index`, unless it already has print titles. */
  addPrintTitles(index: number, sheetName: string, row: number): void {
    if (this.printTitles.has(index)) return;
    this.printTitles.add(index);
    const ref = `${quotedSheetName(sheetName)}!$${row + 1}:$${row + 1}`;
    this.names.push(
      `<${this.ns}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(ref)}</${this.ns}definedName>`,
    );
  }

  /**
   * Marks a sheet as the add-in's own by a new workbook name, CRR_OWNED_<n>, at its A1, unless one already
   * points at it, as the task pane does: the name follows the title when an officer inserts a row above
   * it, so readers still know the sheet.
   */
  nameAsOwned(sheetName: string): void {
    if (this.ownedByName.has(sheetName.toLowerCase())) return;
    this.ownedByName.add(sheetName.toLowerCase());
    const ownedName = nextOwnedName(this.nameList);
    this.nameList.push({ name: ownedName });
    const ref = `${quotedSheetName(sheetName)}!$A$1`;
    this.names.push(`<${this.ns}definedName name="${ownedName}">${xmlText(ref)}</${this.ns}definedName>`);
  }

  /**
   * Asks Excel to recalculate every formula when it opens the file (`calcPr fullCalcOnLoad`): cells a
   * formula reads have changed, and its stored result is the old one.
   */
  recalculateOnOpen(): void {
    this.fullCalc = true;
  }

  /**
   * Moves the defined names' references to rows of `sheetName` as `moved` moves the rows, as Excel's names
   * follow their cells: a print area over the register, Total row included, grows over the new rows.
   */
  moveNamesOn(sheetName: string, moved: RowsMoved): void {
    for (const [at, end] of this.nameRefs) {
      const formula = decodeEntities(this.text.slice(at, end));
      const out = mapSheetRefs(formula, sheetName, (first, last) => movedRows(moved, first, last));
      if (out !== formula) this.nameEdits.push({ at, end, text: xmlText(out) });
    }
  }

  get changed(): boolean {
    return this.added.length > 0 || this.names.length > 0 || this.fullCalc || this.nameEdits.length > 0;
  }

  /**
   * The edited text. Every edit is placed by an offset into the original text, and they are applied
   * together, so one cannot move another's place. Inserts at the same place keep schema order
   * (definedNames before calcPr).
   */
  toBytes(): Uint8Array {
    const s = this.text;
    const edits: { at: number; end: number; text: string }[] = [...this.nameEdits];
    const p = this.ns;
    if (this.added.length > 0) {
      if (this.sheetsSelfClosing) {
        const [at, end, q] = this.sheetsSelfClosing;
        edits.push({ at, end, text: `<${q}>${this.added.join("")}</${q}>` });
      } else edits.push({ at: this.sheetsEnd, end: this.sheetsEnd, text: this.added.join("") });
    }
    if (this.names.length > 0) {
      if (this.namesEnd >= 0)
        edits.push({ at: this.namesEnd, end: this.namesEnd, text: this.names.join("") });
      else if (this.namesSelfClosing) {
        const [at, end, q] = this.namesSelfClosing;
        edits.push({ at, end, text: `<${q}>${this.names.join("")}</${q}>` });
      } else {
        const at = this.namesAt;
        edits.push({ at, end: at, text: `<${p}definedNames>${this.names.join("")}</${p}definedNames>` });
      }
    }
    if (this.fullCalc) {
      // Asks for recalculation on open: fullCalcOnLoad="1" on calcPr, or a new calcPr in schema order.
      const calc = this.calcPr;
      if (calc?.fullCalc) edits.push({ at: calc.fullCalc[0], end: calc.fullCalc[1], text: "1" });
      else if (calc) edits.push({ at: calc.nameEnd, end: calc.nameEnd, text: ' fullCalcOnLoad="1"' });
      else edits.push({ at: this.calcAt, end: this.calcAt, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
    }
    // Stable: inserts at one place stay in the order pushed.
    edits.sort((a, c) => a.at - c.at);
    let out = "";
    let last = 0;
    for (const e of edits) {
      out += s.slice(last, e.at) + e.text;
      last = e.end;
    }
    return utf8(out + s.slice(last));
  }
}

/** A .rels part: its relationships' ids, types and targets, new ones appended and old ones removed. */
export class RelsXml {
  private readonly text: string;
  private readonly bytes: Uint8Array;
  readonly rels: { id: string; type: string; target: string; external: boolean }[] = [];
  private readonly added: string[] = [];
  /** Each relationship element's byte range in the part, by id. */
  private readonly ranges = new Map<string, [number, number]>();
  private readonly removed = new Set<string>();

  constructor(bytes: Uint8Array | null) {
    this.text =
      bytes === null
        ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
        : new TextDecoder().decode(bytes);
    this.bytes = bytes ?? utf8(this.text);
    // Read as XML (either quote, any entity), as the reader reads it.
    const x = new XmlScanner(this.bytes);
    let open: { id: string; start: number } | null = null;
    for (let t = x.next(); t !== Tok.End; t = x.next()) {
      if (t === Tok.Close && open !== null && x.is(RELATIONSHIP)) {
        this.ranges.set(open.id, [open.start, x.tagEnd]);
        open = null;
      }
      if (t !== Tok.Open || !x.is(RELATIONSHIP)) continue;
      const id = attr(x, REL_ID) ?? "";
      this.rels.push({
        id,
        type: attr(x, REL_TYPE) ?? "",
        target: attr(x, REL_TARGET) ?? "",
        external: attr(x, REL_TARGET_MODE) === "External",
      });
      if (x.selfClosing) this.ranges.set(id, [x.tagStart, x.tagEnd]);
      else open = { id, start: x.tagStart };
    }
  }

  /** Removes the relationship `id` (one the part had when read); its part is the caller's to remove. */
  remove(id: string): void {
    if (!this.ranges.has(id)) return;
    this.removed.add(id);
    const i = this.rels.findIndex((r) => r.id === id);
    if (i >= 0) this.rels.splice(i, 1);
  }

  /** Adds a relationship and returns its new, unused id. */
  add(type: string, target: string): string {
    const used = new Set(this.rels.map((r) => r.id));
    let n = this.rels.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.rels.push({ id, type, target, external: false });
    this.added.push(`<Relationship Id="${id}" Type="${type}" Target="${xmlAttr(target)}"/>`);
    return id;
  }

  get changed(): boolean {
    return this.added.length > 0 || this.removed.size > 0;
  }

  toBytes(): Uint8Array {
    let text = this.text;
    if (this.removed.size > 0) {
      // Byte ranges → text ranges (a target may hold multi-byte characters before them), last first.
      const dec = new TextDecoder();
      const toText = (at: number): number => dec.decode(this.bytes.subarray(0, at)).length;
      const gone = [...this.removed].map((id) => this.ranges.get(id)!).sort((a, b) => b[0] - a[0]);
      for (const [s, e] of gone) text = text.slice(0, toText(s)) + text.slice(toText(e));
    }
    const end = text.lastIndexOf("</");
    return utf8(text.slice(0, end) + this.added.join("") + text.slice(end));
  }
}

/**
 * [Content_Types].xml with Override entries added for new parts.
 * @throws XmlError when the part is not well-formed XML (the entries are not spliced into a damaged part).
 */
export function addContentTypes(bytes: Uint8Array, overrides: { part: string; type: string }[]): Uint8Array {
  // Scanned whole first: a badly formed part throws here rather than having entries spliced into it.
  const x = new XmlScanner(bytes);
  while (x.next() !== Tok.End) continue;
  const text = new TextDecoder().decode(bytes);
  const end = text.lastIndexOf("</");
  const add = overrides
    .filter((o) => !text.includes(`PartName="/${o.part}"`))
    .map((o) => `<Override PartName="/${xmlAttr(o.part)}" ContentType="${o.type}"/>`)
    .join("");
  return utf8(text.slice(0, end) + add + text.slice(end));
}

/**
 * [Content_Types].xml without the Override entry of `part` (a part removed from the package); every other
 * byte kept. The part as it was when it has no such entry.
 */
export function removeContentType(bytes: Uint8Array, part: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const name = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const entry = new RegExp(`<(?:\\w+:)?Override\\b[^>]*\\sPartName\\s*=\\s*["']${name}["'][^>]*?/>`, "i");
  const m = entry.exec(text);
  return m ? utf8(text.slice(0, m.index) + text.slice(m.index + m[0].length)) : bytes;
}

/** The .rels part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The tables of a worksheet part (package paths), from its relationships. */
export function tablePartsOf(sheetPart: string, rels: Uint8Array | null): string[] {
  if (rels === null) return [];
  const dir = sheetPart.slice(0, sheetPart.lastIndexOf("/") + 1);
  return new RelsXml(rels).rels
    .filter((r) => !r.external && r.type.endsWith("/table"))
    .map((r) => resolveTarget(dir, r.target));
}

/**
 * A table part extended down to `lastRow` (0-based) when rows were appended directly below it: its
 * `ref` and its autoFilter's `ref` grow; nothing else changes. Null when the table is left as it was
 * (the rows are not directly below it, or it has a totals row).
 */
export function extendTable(table: Uint8Array, newRows: readonly number[]): Uint8Array | null {
  const text = new TextDecoder().decode(table);
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(text);
  if (!open) return null;
  const ref = /\sref\s*=\s*"([^"]*)"/.exec(open[0]);
  if (!ref) return null;
  const totals = /\stotalsRowCount\s*=\s*"(\d+)"/.exec(open[0]);
  if (totals && Number(totals[1]) > 0) return null;
  const m = /^\$?[A-Z]+\$?\d+:\$?([A-Z]+)\$?(\d+)$/.exec(ref[1]);
  if (!m) return null;
  const bottom = Number(m[2]) - 1;
  let last = bottom;
  for (const r of [...newRows].sort((a, b) => a - b)) if (r === last + 1) last = r;
  if (last === bottom) return null;
  const grow = (r: string): string => {
    const g = /^(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?)(\d+)$/.exec(r);
    return g && Number(g[2]) - 1 === bottom ? `${g[1]}${last + 1}` : r;
  };
  return utf8(withRefs(text, open, ref, grow, grow));
}

/**
 * The table's text with its `ref` and its autoFilter's `ref` passed through `growTable` and `growFilter`;
 * every other byte kept.
 */
function withRefs(
  text: string,
  open: RegExpExecArray,
  ref: RegExpExecArray,
  growTable: (ref: string) => string,
  growFilter: (ref: string) => string,
): string {
  const newOpen = open[0].replace(ref[0], ref[0].replace(ref[1], growTable(ref[1])));
  const out = text.slice(0, open.index) + newOpen + text.slice(open.index + open[0].length);
  return out.replace(
    /(<(?:\w+:)?autoFilter\b[^>]*\sref\s*=\s*")([^"]*)(")/,
    (_all, a: string, r: string, c: string) => a + growFilter(r) + c,
  );
}

/**
 * A table part grown by `by` rows inserted above its totals row at 0-based `totalsRow` (the new rows are
 * inside the table; the totals row moved down): its `ref` grows by `by`; its autoFilter, which ends on the
 * last data row, grows over the new rows; a custom totals formula's A1 references move as the totals
 * row's cell's do (see shiftRowRefs). Null when the table is not the one whose totals row that is.
 */
export function extendTableAboveTotals(table: Uint8Array, totalsRow: number, by: number): Uint8Array | null {
  const text = new TextDecoder().decode(table);
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(text);
  if (!open) return null;
  const ref = /\sref\s*=\s*"([^"]*)"/.exec(open[0]);
  const totals = /\stotalsRowCount\s*=\s*"(\d+)"/.exec(open[0]);
  if (!ref || !totals || Number(totals[1]) !== 1) return null;
  const m = /^\$?[A-Z]+\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(ref[1]);
  if (!m || Number(m[2]) - 1 !== totalsRow || Number(m[1]) - 1 >= totalsRow) return null;
  const growEnd =
    (end: number) =>
    (r: string): string => {
      const g = /^(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?)(\d+)$/.exec(r);
      return g && Number(g[2]) - 1 === end ? `${g[1]}${end + by + 1}` : r;
    };
  const out = withRefs(text, open, ref, growEnd(totalsRow), growEnd(totalsRow - 1)).replace(
    /(<(?:\w+:)?totalsRowFormula\b[^>]*>)([^<]*)(<\/(?:\w+:)?totalsRowFormula>)/g,
    (_all, a: string, f: string, c: string) => a + shiftRowRefs(f, totalsRow, by) + c,
  );
  return utf8(out);
}
