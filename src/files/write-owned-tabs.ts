// Writes owned tabs (summary, exceptions, logs, settings) to a new formatted .xlsx with exceljs.

import {
  Workbook,
  type Border,
  type Cell,
  type Fill,
  type Font,
  type PageSetup,
  type Worksheet,
} from "exceljs";
import type { CellValue } from "../core/model/grid";
import { fitCell } from "../core/model/writable-text";
import {
  logDateFormat,
  OWNED_MARKER,
  OWNED_TAB_STYLE,
  storedCell,
  type OwnedCell,
  type OwnedTab,
} from "../core/model/owned-tab";
import { extensionOf, sheetExcelOpensCsvAs } from "./bytes";
import { serialInDateSystem } from "./xlsx/cell-values";
import { excelEscape } from "./xlsx/xml-write";
import { withSensitivityLabel, type SensitivityLabel } from "./xlsx/sensitivity-label";
import { splitHyperlinks } from "./xlsx/split-hyperlinks";

/** Options for writing the owned-tabs workbook. */
export interface WriteOwnedTabsOptions {
  /**
   * The source workbook's path relative to the folder the review workbook is written in, with forward
   * slashes (`risks.xlsx`, `../registers/risks.xlsx`). When given, links point at its cells
   * (`risks.xlsx#'Sheet'!K9`); else links are internal.
   */
  linkFile?: string;
  /**
   * The sensitivity label of the workbook(s) the review is drawn from: the review carries it (SPEC "Writing
   * files": custom properties), so Office treats it as labelled as its source is.
   */
  label?: SensitivityLabel | null;
}

const HEADER_FILL = argb(OWNED_TAB_STYLE.headerFill);
const HEADER_FONT = argb(OWNED_TAB_STYLE.headerFont);
const HEADER_BORDER = argb(OWNED_TAB_STYLE.headerBorder);
const LINK_COLOUR = argb(OWNED_TAB_STYLE.link);
const MARKER_COLOUR = argb(OWNED_TAB_STYLE.marker);
/** exceljs declares its PaperSize enum without a runtime value; 9 is A4 in the OOXML spec. */
const PAPER_A4 = 9 as PageSetup["paperSize"];

/**
 * One sheet per owned tab, formatted for printing in board packs: bold filled headers, RAG fills,
 * dates as dd/mm/yyyy, frozen panes, A4 landscape one page wide with the header row repeated, and
 * links to the source cells. Text is always written as text, never as a formula. The settings tab
 * is written hidden. With `options.label`, the workbook carries that sensitivity label.
 * @returns the .xlsx file's bytes.
 */
export async function writeOwnedTabsWorkbook(
  tabs: OwnedTab[],
  options: WriteOwnedTabsOptions = {},
): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = "Contract Risk Review";
  for (const tab of tabs) writeTab(workbook, tab, options);
  // Typed as exceljs's own Buffer; Node gives a real Buffer (a Uint8Array). Hand back a plain view.
  const out = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  const bytes =
    out instanceof Uint8Array
      ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
      : new Uint8Array(out);
  // exceljs writes each link's address twice (see splitHyperlinks): written once, as Excel does.
  const linked = splitHyperlinks(bytes);
  return options.label ? withSensitivityLabel(linked, options.label) : linked;
}

/**
 * Adds one owned tab to `workbook` as a new, formatted sheet named `tab.name` (the name must be free).
 * Exported so an import can add its Import Log (or a Risk Summary) to an existing workbook the same way.
 */
export function writeTab(workbook: Workbook, tab: OwnedTab, options: WriteOwnedTabsOptions = {}): void {
  const ws = workbook.addWorksheet(tab.name);
  const { format } = tab;
  const dateColumns = new Set(format.dateColumns);
  // A workbook opened from a file may count its dates from 1904 (a new one counts from 1900).
  const date1904 = workbook.properties.date1904 === true;

  tab.rows.forEach((row, r) => {
    row.forEach((owned, c) => {
      // A date cell arrives as its serial and the UK date format: a real Excel date, never text.
      const { value, numberFormat } = storedCell(owned);
      if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
      const cell = ws.getCell(r + 1, c + 1);
      const dateFormat =
        numberFormat ??
        (typeof value === "number" && dateColumns.has(c) ? logDateFormat(value, tab.kind) : null);
      if (typeof value === "number" && dateFormat !== null) {
        cell.value = serialInDateSystem(value, date1904);
        cell.numFmt = dateFormat;
      } else setPlainValue(cell, value);
    });
  });
  ensureMarker(ws, tab.rows);

  for (const r of format.titleRows) {
    ws.getRow(r + 1).font = { bold: true, size: 14 };
  }
  const width = tab.rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (const r of format.headerRows) styleHeaderRow(ws, r, width);
  for (const { row, col, rag } of format.ragCells) {
    const cell = ws.getCell(row + 1, col + 1);
    const style = OWNED_TAB_STYLE.rag[rag];
    cell.fill = solidFill(argb(style.fill));
    cell.font = { ...(cell.font ?? {}), color: { argb: argb(style.font) } };
  }
  format.columnWidths.forEach((w, c) => {
    if (w > 0) ws.getColumn(c + 1).width = w;
  });
  for (const link of format.links) {
    const cell = ws.getCell(link.row + 1, link.col + 1);
    const current = storedCell(tab.rows[link.row]?.[link.col] ?? null).value;
    // A roll-up over several files names each link's own file; else every link is into the one source.
    const linkFile = link.file ?? options.linkFile;
    // A CSV's one sheet is linked by the name Excel opens it as, which may be shorter than the report's.
    const sheet = linkFile && extensionOf(linkFile) === "csv" ? sheetExcelOpensCsvAs(linkFile) : link.sheet;
    const location = `'${sheet.replace(/'/g, "''")}'!${link.address}`;
    cell.value = {
      text: current === null ? link.address : escapeXlsxText(String(current)),
      hyperlink: linkFile ? `${encodeFileName(linkFile)}#${location}` : `#${location}`,
    };
    cell.font = { ...(cell.font ?? {}), underline: true, color: { argb: LINK_COLOUR } };
  }

  if (format.freezeBelowRow !== null) {
    const ySplit = format.freezeBelowRow + 1;
    ws.views = [{ state: "frozen", xSplit: 0, ySplit, topLeftCell: `A${ySplit + 1}` }];
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  if (format.headerRows.length > 0) {
    const first = format.headerRows.reduce((lo, r) => Math.min(lo, r), Infinity) + 1;
    ws.pageSetup.printTitlesRow = `${first}:${first}`;
  }
  // The protective marking heads every printed page, not only row 1 of the first.
  if (format.pageHeader)
    ws.headerFooter = { ...ws.headerFooter, oddHeader: pageHeaderCode(format.pageHeader) };
  if (tab.kind === "settings") ws.state = "hidden";
}

/**
 * A header-footer code that prints `text` bold in the centre of the page header. "&" starts a code in
 * Excel's header language, so a literal one is doubled.
 */
export function pageHeaderCode(text: string): string {
  return `&C&"-,Bold"${text.replace(/&/g, "&&")}`;
}

/**
 * Sets a value so that it is stored as that value: exceljs only makes a formula from a
 * `{formula}` object, so text such as "=HYPERLINK(…)" or "+44…" stays text.
 */
function setPlainValue(cell: Cell, value: Exclude<CellValue, null>): void {
  cell.value = typeof value === "string" ? escapeXlsxText(value) : value;
}

/**
 * A text as Excel stores it: control characters (CR too, which XML would turn into LF) as `_xHHHH_`,
 * a text that already looks like such an escape with its underscore escaped (`_x005F_`), U+FFFE/U+FFFF
 * as U+FFFD (no workbook can hold them), cut to the 32,767 characters a cell holds. One function for
 * every writer (src/files/xlsx/xml-write.ts); exceljs adds the XML entities itself.
 */
export function escapeXlsxText(text: string): string {
  return excelEscape(fitCell(text));
}

/** The marker that tells a reader this sheet is ours: right of the widest row, in row 1. */
function ensureMarker(ws: Worksheet, rows: OwnedCell[][]): void {
  if ((rows[0] ?? []).some((v) => v === OWNED_MARKER)) return;
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const cell = ws.getCell(1, width + 1);
  cell.value = OWNED_MARKER;
  cell.font = { size: 8, color: { argb: MARKER_COLOUR } };
}

function styleHeaderRow(ws: Worksheet, r: number, width: number): void {
  const border: Partial<Border> = { style: "thin", color: { argb: HEADER_BORDER } };
  for (let c = 0; c < width; c++) {
    const cell = ws.getCell(r + 1, c + 1);
    const font: Partial<Font> = { ...(cell.font ?? {}), bold: true, color: { argb: HEADER_FONT } };
    cell.font = font;
    cell.fill = solidFill(HEADER_FILL);
    cell.border = { ...(cell.border ?? {}), bottom: border };
  }
}

function solidFill(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Spaces and other unsafe characters in a relationship target must be percent-encoded for Excel. */
function encodeFileName(fileName: string): string {
  return fileName
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join("/");
}

/** exceljs wants opaque ARGB ("FFRRGGBB") where the shared palette says "#RRGGBB". */
function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}
