// Reads every sheet of an .xlsx (Node or browser) into Grids, refusing hostile files with a FileReadError.

import { Workbook, type Worksheet } from "exceljs";
import type { CellValue, Grid, MergedArea } from "../core/model/grid";
import { OWNED_MARKER } from "../core/model/owned-tab";
import { toA1 } from "../core/address/a1";
import { toBytes } from "./bytes";
import { describePlace, FileReadError } from "./file-read-error";
import { resolveLimits, type ReadLimits } from "./limits";
import { convertCellValue } from "./xlsx-cell";
import { checkXlsxContainer } from "./xlsx-container";

/**
 * Reads every sheet of an .xlsx or .xlsm workbook, hidden ones included (flagged `hidden`).
 * Values start at A1 (offsets 0) with trailing empty rows and columns dropped; number formats are
 * kept where they are not General; merges are 0-based and inclusive.
 * @throws FileReadError for an empty, corrupt, truncated, encrypted or oversized file.
 */
export async function readXlsx(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
  limits?: ReadLimits,
): Promise<Grid[]> {
  const lim = resolveLimits(limits);
  const bytes = toBytes(data);
  checkXlsxContainer(bytes, fileName, lim);

  const workbook = new Workbook();
  try {
    // exceljs types say Buffer, but it hands the data straight to JSZip, which takes any Uint8Array
    // (and the browser build has no Buffer to give it).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new FileReadError(
      "unreadable",
      `${describePlace({ file: fileName })} could not be read as an .xlsx workbook (it may be corrupt or saved by another program): open it in Excel and save it again`,
      { file: fileName },
    );
  }

  const grids: Grid[] = [];
  workbook.eachSheet((ws) => {
    grids.push(readSheet(ws, fileName, lim));
  });
  if (grids.length === 0) {
    throw new FileReadError("no-sheets", `${describePlace({ file: fileName })} has no worksheets`, {
      file: fileName,
    });
  }
  return grids;
}

interface SparseCell {
  col: number;
  value: CellValue;
  format: string | null;
}

/** One worksheet → Grid. Collects sparse cells first so limits are checked before dense arrays exist. */
function readSheet(ws: Worksheet, fileName: string, lim: Required<ReadLimits>): Grid {
  const rows = new Map<number, SparseCell[]>();
  let lastRow = 0;
  let lastCol = 0;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SparseCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's other cells report the top-left value; the Grid keeps them empty and lists the merge.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const ownFormat = cell.numFmt || undefined;
      const converted = convertCellValue(cell.value, ownFormat);
      if (converted.value === null) return;
      const format = converted.dateFormat ?? (ownFormat && ownFormat !== "General" ? ownFormat : null);
      cells.push({ col: colNumber, value: converted.value, format });
      if (colNumber > lastCol) lastCol = colNumber;
    });
    if (cells.length > 0) {
      rows.set(rowNumber, cells);
      lastRow = rowNumber;
    }
  });

  const place = { file: fileName, sheet: ws.name };
  if (lastRow > lim.maxRows) {
    throw new FileReadError(
      "too-many-rows",
      `${describePlace(place)} has ${lastRow.toLocaleString("en-GB")} rows of data; the most this can read is ${lim.maxRows.toLocaleString("en-GB")}`,
      { ...place, cell: toA1(lastRow - 1, 0) },
    );
  }
  if (lastRow * lastCol > lim.maxCells) {
    throw new FileReadError(
      "too-many-cells",
      `${describePlace(place)} has ${(lastRow * lastCol).toLocaleString("en-GB")} cells of data (${lastRow} rows × ${lastCol} columns); the most this can read is ${lim.maxCells.toLocaleString("en-GB")}`,
      place,
    );
  }

  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const vRow: CellValue[] = new Array<CellValue>(lastCol).fill(null);
    const fRow: (string | null)[] = new Array<string | null>(lastCol).fill(null);
    for (const c of rows.get(r) ?? []) {
      vRow[c.col - 1] = c.value;
      fRow[c.col - 1] = c.format;
    }
    values.push(vRow);
    numberFormats.push(fRow);
  }

  const grid: Grid = {
    sheetName: ws.name,
    origin: fileName,
    values,
    numberFormats,
    rowOffset: 0,
    colOffset: 0,
  };
  const merges = readMerges(ws, lastRow, lastCol);
  if (merges.length > 0) grid.merges = merges;
  if (ws.state === "hidden" || ws.state === "veryHidden") grid.hidden = true;
  if (values.length > 0 && values[0].some((v) => v === OWNED_MARKER)) grid.owned = true;
  return grid;
}

/** exceljs keeps merges in a private map keyed by master address, with 1-based inclusive bounds. */
interface ExcelRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function readMerges(ws: Worksheet, lastRow: number, lastCol: number): MergedArea[] {
  const map = (ws as unknown as { _merges?: Record<string, ExcelRange> })._merges ?? {};
  const out: MergedArea[] = [];
  for (const range of Object.values(map)) {
    // A merge that starts beyond the data (a formatted but empty block) says nothing about any value.
    if (range.top > lastRow || range.left > lastCol) continue;
    out.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}
