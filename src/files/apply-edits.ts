// Applies workbook edits (an import's or a meeting's) to a copy of an .xlsx file with exceljs; the original is never changed.

import { Workbook, ValueType, type Cell, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import type { LogAppend, WorkbookEdits } from "../core/model/edits";
import type { CellValue } from "../core/model/grid";
import { OWNED_MARKER, OWNED_TAB_NAMES, type OwnedTab } from "../core/model/owned-tab";
import { describePlace, FileReadError } from "./file-read-error";
import { escapeXlsxText, writeTab } from "./write-owned-tabs";

const MAX_SHEET_NAME = 31;
const MARKER_COLOUR = "FF808080";

/**
 * Names to try for an owned tab whose preferred name may belong to a user's sheet: "Import Log",
 * "Import Log (Risk Review)", "Import Log 2" … — the same order the Excel adapter uses.
 */
function candidateNames(preferred: string): string[] {
  const fit = (suffix: string) => `${preferred.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
  const out = [fit(""), fit(" (Risk Review)")];
  for (let n = 2; n <= 9; n++) out.push(fit(` ${n}`));
  return out;
}

function sheetByName(wb: Workbook, name: string): Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** True when row 1 of the sheet carries the owned marker: the add-in's own tab. */
function isOwned(ws: Worksheet): boolean {
  let owned = false;
  ws.getRow(1).eachCell((cell) => {
    if (cell.value === OWNED_MARKER) owned = true;
  });
  return owned;
}

/** An owned tab of this name, else the first free candidate name (a user's sheet of that name is never touched). */
function ownedOrFreeName(wb: Workbook, preferred: string): { existing: Worksheet | null; name: string } {
  for (const name of candidateNames(preferred)) {
    const ws = sheetByName(wb, name);
    if (!ws) return { existing: null, name };
    if (isOwned(ws)) return { existing: ws, name: ws.name };
  }
  throw new Error(`applyEditsToXlsx: no free sheet name for "${preferred}"`);
}

/** A value as plain data for a snapshot: formulas give their cached result, everything else is kept. */
function snapshotValue(cell: Cell): ExcelCellValue {
  if (cell.type === ValueType.Formula) {
    const result = (cell.value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date)) return null; // an error result such as #N/A
    return result as ExcelCellValue;
  }
  return cell.value;
}

/** Writes `value` so that it is stored as exactly that value: exceljs makes formulas only from {formula} objects. */
function setValue(cell: Cell, value: CellValue): void {
  cell.value = typeof value === "string" ? escapeXlsxText(value) : value;
}

/** Copies a sheet (values as they show, styles, widths, heights, merges, frozen panes) and marks the copy as owned. */
function copySheet(wb: Workbook, from: string, to: string, fileName: string): void {
  const src = sheetByName(wb, from);
  if (!src) {
    throw new FileReadError(
      "unreadable",
      `${describePlace({ file: fileName, sheet: from })} is not in the workbook, so it cannot be backed up`,
      {
        file: fileName,
        sheet: from,
      },
    );
  }
  if (sheetByName(wb, to)) throw new Error(`applyEditsToXlsx: a sheet "${to}" already exists`);
  const dst = wb.addWorksheet(to, {
    properties: { ...src.properties },
    views: (src.views ?? []).map((v) => ({ ...v })),
  });
  let width = 0;
  src.columns?.forEach((col, i) => {
    const d = dst.getColumn(i + 1);
    if (col.width !== undefined) d.width = col.width;
    if (col.hidden) d.hidden = true;
  });
  src.eachRow({ includeEmpty: false }, (row, r) => {
    const out = dst.getRow(r);
    if (row.height !== undefined) out.height = row.height;
    if (row.hidden) out.hidden = true;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const d = out.getCell(c);
      d.value = snapshotValue(cell);
      d.style = { ...cell.style };
      if (c > width) width = c;
    });
  });
  const merges = (src.model as { merges?: string[] }).merges ?? [];
  for (const m of merges) dst.mergeCells(m);
  const marker = dst.getCell(1, Math.max(width, src.columnCount) + 1);
  marker.value = OWNED_MARKER;
  marker.font = { size: 8, color: { argb: MARKER_COLOUR } };
}

/** Appends a log's rows to its owned tab, creating the tab (title block, header, marker) when there is none. */
function appendLog(wb: Workbook, log: LogAppend): void {
  if (log.rows.length === 0) return;
  const preferred = log.template?.name ?? OWNED_TAB_NAMES[log.kind];
  const { existing, name } = ownedOrFreeName(wb, preferred);
  let ws = existing;
  if (!ws) {
    const template: OwnedTab = log.template ?? {
      name,
      kind: log.kind,
      rows: [[...log.header, OWNED_MARKER]],
      format: {
        headerRows: [0],
        titleRows: [],
        ragCells: [],
        columnWidths: [],
        dateColumns: [],
        links: [],
        freezeBelowRow: 0,
      },
    };
    writeTab(wb, { ...template, name });
    ws = sheetByName(wb, name) as Worksheet;
  }
  let next = lastUsedRow(ws) + 1;
  for (const values of log.rows) {
    const row = ws.getRow(next++);
    values.forEach((v, c) => {
      if (v !== null) setValue(row.getCell(c + 1), v);
    });
  }
}

/** The last row holding a value (exceljs's rowCount also counts styled empty rows). */
function lastUsedRow(ws: Worksheet): number {
  for (let r = ws.rowCount; r >= 1; r--) {
    const row = ws.getRow(r);
    let used = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined && cell.value !== "") used = true;
    });
    if (used) return r;
  }
  return 0;
}

/** Replaces an owned tab (or adds it under a free name when a user's sheet has its name). */
function writeOwnedTab(wb: Workbook, tab: OwnedTab): void {
  const { existing, name } = ownedOrFreeName(wb, tab.name);
  if (existing) wb.removeWorksheet(existing.id);
  writeTab(wb, { ...tab, name });
}

/**
 * Applies `edits` to a copy of the .xlsx in `original` and returns the new file's bytes:
 * backups first (values as they show, formats, widths, merges; marked as owned), then cells (text
 * always stored as text — exceljs writes a formula only from a {formula} object, so "=SUM(A1)" stays
 * text), then log rows appended to their owned tab (created with its title block when missing), then
 * owned tabs rewritten whole. A user's sheet that has an owned tab's name is never touched.
 * `original` is never modified.
 * @throws FileReadError when `original` cannot be read as an .xlsx workbook or a sheet named by the edits is not in it.
 */
export async function applyEditsToXlsx(
  original: Uint8Array,
  edits: WorkbookEdits,
  fileName: string,
): Promise<Uint8Array> {
  const wb = new Workbook();
  try {
    // A private copy, so nothing exceljs or JSZip does can reach the caller's buffer.
    await wb.xlsx.load(Buffer.from(original) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new FileReadError(
      "unreadable",
      `${describePlace({ file: fileName })} could not be read as an .xlsx workbook: open it in Excel and save it again`,
      {
        file: fileName,
      },
    );
  }
  for (const c of edits.copies) copySheet(wb, c.from, c.to, fileName);

  const sheets = new Map<string, Worksheet>();
  for (const e of edits.cells) {
    let ws = sheets.get(e.sheet);
    if (!ws) {
      ws = sheetByName(wb, e.sheet);
      if (!ws) {
        throw new FileReadError(
          "unreadable",
          `${describePlace({ file: fileName, sheet: e.sheet })} is not in the workbook, so nothing was written`,
          {
            file: fileName,
            sheet: e.sheet,
          },
        );
      }
      sheets.set(e.sheet, ws);
    }
    const cell = ws.getCell(e.row + 1, e.col + 1);
    // A cell of a new row takes the look of the cell above it, so appended risks match their register.
    if ((cell.value === null || cell.value === undefined) && e.row > 0) {
      const above = ws.getCell(e.row, e.col + 1);
      if (above.value !== null && above.value !== undefined && Object.keys(above.style ?? {}).length > 0)
        cell.style = { ...above.style };
    }
    setValue(cell, e.value);
    if (e.format) cell.numFmt = e.format;
  }
  for (const log of edits.logAppends) appendLog(wb, log);
  for (const tab of edits.ownedTabs) writeOwnedTab(wb, tab);

  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
}
