// Builds whole worksheet parts: an owned tab from its rows and format, and a values-only backup copy of a sheet.

import {
  logDateFormat,
  OWNED_MARKER,
  OWNED_TAB_STYLE,
  storedCell,
  type OwnedTab,
} from "../../core/model/owned-tab";
import { toA1 } from "../../core/address/a1";
import type { CellValue } from "../../core/model/grid";
import { fitCell } from "../../core/model/writable-text";
import { serialInDateSystem } from "./cell-values";
import { mainPrefix, tagName, type PackageNamespaces } from "./main-prefix";
import { cellXml, locateRows } from "./sheet-edit";
import type { CellLook, StyleBook } from "./style-book";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeText, unescapeXString } from "./xml-text";
import { concatBytes, utf8, xmlAttr } from "./xml-write";

/** "#RRGGBB" → "FFRRGGBB". */
function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** The look of the owned-tab marker cell: small grey text. */
export const MARKER_LOOK: CellLook = { size: 8, fontColour: argb(OWNED_TAB_STYLE.marker) };

/** A built owned tab: its part, and the print titles row (0-based) for the workbook's defined names. */
export interface BuiltSheet {
  xml: Uint8Array;
  printTitlesRow: number | null;
}

/**
 * An owned tab as a worksheet part, formatted as the Excel adapter formats it: bold title rows, filled
 * header rows with a bottom border, RAG fills, dates as dd/mm/yyyy, links to source cells (internal
 * hyperlinks, no relationship needed), column widths, frozen panes, A4 landscape one page wide, and the
 * owned marker right of the widest row. `extraRows` are appended below the tab's rows (a new log's first rows).
 * Dates are stored in the workbook's date system (`date1904`); the part is in the package's `namespaces`
 * (a Strict workbook's tabs are Strict).
 */
export function ownedSheetXml(
  tab: OwnedTab,
  styles: StyleBook,
  { date1904, namespaces }: { date1904: boolean; namespaces: PackageNamespaces },
  extraRows: CellValue[][] = [],
): BuiltSheet {
  const { format } = tab;
  const rows = [...tab.rows, ...extraRows];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const hasMarker = (rows[0] ?? []).some((v) => v === OWNED_MARKER);
  const looks = new Map<string, CellLook>();
  const look = (row: number, col: number): CellLook => looks.get(`${row}:${col}`) ?? {};
  const add = (row: number, col: number, more: CellLook): void => {
    looks.set(`${row}:${col}`, { ...look(row, col), ...more });
  };
  for (const r of format.titleRows)
    for (let c = 0; c < Math.max(1, width); c++) add(r, c, { bold: true, size: 14 });
  for (const r of format.headerRows)
    for (let c = 0; c < width; c++)
      add(r, c, {
        bold: true,
        fill: argb(OWNED_TAB_STYLE.headerFill),
        fontColour: argb(OWNED_TAB_STYLE.headerFont),
        borderBottom: argb(OWNED_TAB_STYLE.headerBorder),
      });
  for (const { row, col, rag } of format.ragCells) {
    const st = OWNED_TAB_STYLE.rag[rag];
    add(row, col, { fill: argb(st.fill), fontColour: argb(st.font) });
  }
  const dateColumns = new Set(format.dateColumns);
  for (const l of format.links)
    add(l.row, l.col, { underline: true, fontColour: argb(OWNED_TAB_STYLE.link) });
  const markerStyle = styles.look(MARKER_LOOK);

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`);
  out.push(`<worksheet xmlns="${namespaces.main}" xmlns:r="${namespaces.relationships}">`);
  out.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.push(
    `<dimension ref="A1:${toA1(Math.max(0, rows.length - 1), Math.max(0, width - (hasMarker ? 1 : 0)))}"/>`,
  );
  if (format.freezeBelowRow !== null) {
    const y = format.freezeBelowRow + 1;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${y}" topLeftCell="A${y + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${y + 1}" sqref="A${y + 1}"/></sheetView></sheetViews>`,
    );
  } else out.push(`<sheetViews><sheetView workbookViewId="0"/></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const widths = format.columnWidths
    .map((w, c) => (w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  if (widths) out.push(`<cols>${widths}</cols>`);
  out.push("<sheetData>");
  // Rows are encoded a block at a time: a long log as one string could pass what a string can hold.
  const chunks: Uint8Array[] = [];
  const flush = (): void => {
    chunks.push(utf8(out.join("")));
    out.length = 0;
  };
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((owned, c) => {
      const { value, numberFormat } = storedCell(owned);
      if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
      const l = look(r, c);
      const dateFormat =
        numberFormat ??
        (typeof value === "number" && dateColumns.has(c) ? logDateFormat(value, tab.kind) : null);
      const withDate = dateFormat !== null ? { ...l, numFmt: dateFormat } : l;
      const style =
        value === OWNED_MARKER ? markerStyle : Object.keys(withDate).length ? styles.look(withDate) : 0;
      const stored =
        typeof value === "number" && dateFormat !== null ? serialInDateSystem(value, date1904) : value;
      cells.push(cellXml(r, c, style, typeof stored === "string" ? fitCell(stored) : stored));
    });
    if (r === 0 && !hasMarker) cells.push(cellXml(0, width, markerStyle, OWNED_MARKER));
    if (cells.length > 0 || looks.has(`${r}:0`)) out.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    if (out.length >= 2000) flush();
  });
  if (rows.length === 0) out.push(`<row r="1">${cellXml(0, 0, markerStyle, OWNED_MARKER)}</row>`);
  out.push("</sheetData>");
  const links = format.links
    .map((l) => {
      const location = `'${l.sheet.replace(/'/g, "''")}'!${l.address}`;
      return `<hyperlink ref="${toA1(l.row, l.col)}" location="${xmlAttr(location)}" display="${xmlAttr(location)}"/>`;
    })
    .join("");
  if (links) out.push(`<hyperlinks>${links}</hyperlinks>`);
  out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  out.push(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  out.push("</worksheet>");
  flush();
  const printTitlesRow = format.headerRows.length > 0 ? Math.min(...format.headerRows) : null;
  return { xml: concatBytes(chunks), printTitlesRow };
}

const WORKSHEET_KEEP = new Set([
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "mergeCells",
]);
const V = name("v");
const T = name("t");
const ATTR_T = name("t");

/**
 * A values-only copy of a worksheet part, for a dated backup: the cells as they show (a formula gives
 * its last result), their styles, column widths, row heights, merges and panes; nothing that refers to
 * other parts (tables, drawings, comments, links, printer settings) and no validation or conditional
 * formats. The owned marker goes in row 1, right of everything used.
 * @throws XmlError when the part is not well-formed.
 */
export function backupSheetXml(xml: Uint8Array, styles: StyleBook): Uint8Array {
  const dec = new TextDecoder();
  const layout = locateRows(xml, () => true);
  // What this writes goes in the sheet's own namespace: its root start tag is copied as it is.
  const p = mainPrefix(xml);
  // Top-level children of <worksheet> to keep, by byte range.
  const x = new XmlScanner(xml);
  const keep: [number, number, string][] = [];
  let rootOpen: [number, number] | null = null;
  let childStart = -1;
  let childName = "";
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open) {
      if (x.depth === 1 && !x.selfClosing && rootOpen === null) rootOpen = [x.tagStart, x.tagEnd];
      else if (x.depth - (x.selfClosing ? 0 : 1) === 1) {
        const local = dec.decode(xml.subarray(x.nameStart, x.nameEnd));
        if (x.selfClosing) {
          if (WORKSHEET_KEEP.has(local)) keep.push([x.tagStart, x.tagEnd, local]);
        } else {
          childStart = x.tagStart;
          childName = local;
        }
      }
    } else if (t === Tok.Close && x.depth === 1 && childStart >= 0) {
      if (WORKSHEET_KEEP.has(childName)) keep.push([childStart, x.tagEnd, childName]);
      childStart = -1;
    }
  }
  if (rootOpen === null) throw new Error("backupSheetXml: no worksheet element");

  let markerCol = 0;
  for (const r of layout.rows)
    for (const c of r.cells ?? []) if (c.col + 1 > markerCol) markerCol = c.col + 1;
  for (const [s, e, n] of keep) {
    if (n !== "mergeCells") continue;
    for (const m of dec.decode(xml.subarray(s, e)).matchAll(/ref="[A-Z$]*\d*:?\$?([A-Z]+)/g)) {
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      if (col > markerCol) markerCol = col;
    }
  }
  const markerCell = cellXml(0, markerCol, styles.look(MARKER_LOOK), OWNED_MARKER, p);

  const sheetData = (): string => {
    const parts: string[] = [`<${p}sheetData>`];
    if (layout.rows.length === 0 || layout.rows[0].row > 0)
      parts.push(`<${p}row r="1">${markerCell}</${p}row>`);
    for (const r of layout.rows) {
      const cells = r.cells ?? [];
      if (r.row !== 0 && !cells.some((c) => c.hasFormula)) {
        parts.push(dec.decode(xml.subarray(r.start, r.end)));
        continue;
      }
      const tag = dec.decode(xml.subarray(r.start, r.openEnd)).replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "");
      parts.push(r.selfClosing ? tag.replace(/\s*\/>$/, ">") : tag);
      for (const c of cells) {
        const raw = xml.subarray(c.start, c.end);
        parts.push(c.hasFormula ? resultCell(raw, r.row, c.col, c.style, p) : dec.decode(raw));
      }
      if (r.row === 0) parts.push(markerCell);
      parts.push(`</${tagName(tag)}>`);
    }
    parts.push(`</${p}sheetData>`);
    return parts.join("");
  };

  const out: Uint8Array[] = [
    utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`),
    xml.subarray(rootOpen[0], rootOpen[1]),
  ];
  let wroteData = false;
  for (const [s, e, n] of keep) {
    if (n === "sheetData") {
      out.push(utf8(sheetData()));
      wroteData = true;
    } else if (n === "sheetViews") {
      out.push(utf8(dec.decode(xml.subarray(s, e)).replace(/\stabSelected\s*=\s*("[^"]*"|'[^']*')/g, "")));
    } else {
      if (n === "mergeCells" && !wroteData) {
        out.push(utf8(sheetData()));
        wroteData = true;
      }
      out.push(xml.subarray(s, e));
    }
  }
  if (!wroteData) out.push(utf8(sheetData()));
  out.push(utf8(`</${tagName(dec.decode(xml.subarray(rootOpen[0], rootOpen[1])))}>`));
  return concatBytes(out);
}

/**
 * A formula cell as its last result only: text inline, numbers, booleans and errors as they were; `p` is
 * the sheet's SpreadsheetML prefix.
 */
function resultCell(raw: Uint8Array, row: number, col: number, style: number, p: string): string {
  const x = new XmlScanner(raw);
  let type = "n";
  let text: string | null = null;
  let inV = false;
  let inT = false;
  let first = true;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open) {
      // The result's type is the <c>'s own `t`: a shared formula's follower <f t="shared" si="1"/> is
      // self-closing, so it stands at the <c>'s depth, and its `t` is the formula's kind, not the result's.
      if (first) {
        first = false;
        const i = x.attr(ATTR_T);
        if (i >= 0) type = new TextDecoder().decode(raw.subarray(x.attrValueStart(i), x.attrValueEnd(i)));
      } else if (x.is(V) && !x.selfClosing) inV = true;
      else if (x.is(T) && !x.selfClosing) inT = true;
    } else if (t === Tok.Close) {
      inV = false;
      inT = false;
    } else if ((inV || inT) && t === Tok.Text) text = (text ?? "") + decodeText(raw, x.textStart, x.textEnd);
  }
  const s = style > 0 ? ` s="${style}"` : "";
  const r = toA1(row, col);
  if (text === null) return `<${p}c r="${r}"${s}/>`;
  if (type === "str" || type === "inlineStr") return cellXml(row, col, style, unescapeXString(text), p);
  if (type === "b" || type === "e" || type === "s")
    return `<${p}c r="${r}"${s} t="${type}"><${p}v>${xmlAttr(text)}</${p}v></${p}c>`;
  return `<${p}c r="${r}"${s}><${p}v>${xmlAttr(text)}</${p}v></${p}c>`;
}
