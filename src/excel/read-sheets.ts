// Reads every sheet's used range (values and number formats) in as few syncs as the payload limit allows.
//
// Sync 1: sheet names, visibility, workbook names and the tables' names and Total rows (showTotals). Sync 2:
// each sheet's used-range address plus its first rows (a window of A1:AZ<n>), which is the whole sheet for a
// typical workbook, and each table's range address (register-tables.ts), for the Total rows and for the
// import's preview to say when new rows will be outside the register's table. Then the merged
// areas (ExcelApi 1.13) and the formula cells (ExcelApi 1.9) in two syncs of their own
// (read-range-areas.ts): an import never replaces a formula by a value. Bigger sheets are then read in row
// blocks sized from the cell count and the bytes per cell seen so far in that sheet, every sheet's blocks
// queued in one sync while they fit the budget; a payload error halves the batch and retries.

import { columnLetter, parseRangeAddress } from "../core/address/a1";
import {
  formulaKey,
  type CellValue,
  type Grid,
  type GridTable,
  type MergedArea,
  type MergesUnread,
} from "../core/model/grid";
import type { ReadProgress } from "./gateway";
import { isPayloadError } from "./errors";
import { sheetsOwnedByName, rowHasMarker } from "./owned-sheets";
import { MAX_BLOCK_CELLS, payloadBudget, sampledJsonBytes } from "./payload";
import { formulaCellsOf, mergedAreasOf, readAreaLists, type AreasQuestion } from "./read-range-areas";
import { readRagFills } from "./read-rag-fills";
import { askTableAreas, type TableArea } from "./register-tables";
import { countedSync, runExcel, supportsExcelApi } from "./run";
import { askDate1904, readDatesIn } from "./date-system";
import type { ColumnCorrection } from "../core/model/settings";

/** Columns and total cells of the first-rows window read with the used ranges. */
const PROBE_COLS = 52;
const PROBE_CELLS = 60_000;
/** Bytes per cell (value and number format, as JSON) assumed before any has been seen. */
const DEFAULT_BYTES_PER_CELL = 40;
/**
 * Margin on the bytes per cell a sheet has shown so far: none, because the budget is the margin (it keeps
 * ~1.2 MB below Excel's limit) and the estimate is the same sheet's own last rows, so it is close (a long-text
 * actions sheet no longer borrows a register's average). A margin on top only bought syncs: 1.25 cost a
 * 10k-risk long-text workbook two more, 1.1 one more. A miss is still refused by Excel and retried halved.
 */
const ESTIMATE_MARGIN = 1;

interface Block {
  top: number;
  values: CellValue[][];
  formats: string[][];
}

interface SheetEntry {
  ws: Excel.Worksheet;
  name: string;
  hidden: boolean;
  ownedByName: boolean;
  used: MergedArea | null;
  merges: MergedArea[];
  /** Set when Excel could not list the sheet's merged areas (read without them): why. */
  mergesUnread: MergesUnread | null;
  /** The areas of cells holding a formula; null when Excel could not list them (or the host cannot). */
  formulaAreas: MergedArea[] | null;
  blocks: Block[];
  /** First sheet row not read yet. */
  nextRow: number;
  /** Bytes per cell this sheet has shown so far (with the margin), or null before any was read. */
  bytesPerCell: number | null;
  /** The sheet's Excel tables (their Total rows are not records; an import's new rows go inside them). */
  tables: GridTable[];
  /** The workbook counts dates from 1904: its date-formatted numbers are shifted into the 1900 system. */
  date1904: boolean;
}

interface Pending {
  entry: SheetEntry;
  top: number;
  rows: number;
}

/** Reads every sheet of the open workbook into Grids (hidden sheets included, owned ones flagged). */
export async function readAllSheets(
  onProgress?: (p: ReadProgress) => void,
  options: { columnCorrections?: ColumnCorrection[] } = {},
): Promise<Grid[]> {
  return runExcel("reading the workbook", async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
    const names = context.workbook.names.load("items/name,items/value");
    const tables = context.workbook.tables.load("items/name,items/showTotals");
    // ExcelApi 1.7: the file's name, which the tabs and logs name as their source.
    const book = context.workbook.load("name");
    // The workbook's date system (date-system.ts), asked in this sync: its dates are shifted as they are read.
    const date1904 = askDate1904(context);
    await countedSync(context, "read: sheets and names");
    const origin = book.name || "workbook";
    const is1904 = date1904();

    const owned = sheetsOwnedByName(names.items.map((n) => ({ name: n.name, value: n.value })));
    const entries: SheetEntry[] = worksheets.items.map((ws) => ({
      ws,
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      ownedByName: owned.has(ws.name.toLowerCase()),
      used: null,
      merges: [],
      mergesUnread: null,
      formulaAreas: [],
      blocks: [],
      nextRow: 0,
      bytesPerCell: null,
      tables: [],
      date1904: is1904,
    }));
    onProgress?.({ sheetsRead: 0, sheetsTotal: entries.length });
    const bytesPerCell = await readUsedRanges(context, entries, tables);
    await readAreasOfSheets(context, entries);
    await readBlocks(context, entries, bytesPerCell, onProgress);
    const grids = entries.map((e) => toGrid(e, origin));
    // Colour-only RAG cells: the RAG column's fills, in one more request (read-rag-fills.ts).
    await readRagFills(
      context,
      grids,
      entries.map((e) => e.ws),
      options.columnCorrections,
    );
    onProgress?.({ sheetsRead: entries.length, sheetsTotal: entries.length });
    return grids;
  });
}

/**
 * The merged areas and the formula cells of every sheet with data, in two shared syncs. Owned tabs hold no
 * merged cells worth reading and no formulas an import writes over.
 */
async function readAreasOfSheets(context: Excel.RequestContext, entries: SheetEntry[]): Promise<void> {
  const officers = entries.filter((e) => e.used !== null && !e.ownedByName && !firstRowMarked(e));
  const questions: AreasQuestion[] = [];
  const answers: ((areas: MergedArea[] | null) => void)[] = [];
  for (const e of officers) {
    const merges = mergedAreasOf(e.ws);
    if (merges) {
      questions.push(merges);
      answers.push((m) => (m === null ? (e.mergesUnread = "too-many") : (e.merges = m)));
    } else {
      // Below ExcelApi 1.13 no merged area can be listed: the sheet says so (README), not read as if none.
      e.mergesUnread = "old-excel";
    }
    const formulas = formulaCellsOf(e.ws);
    e.formulaAreas = formulas ? [] : null;
    if (formulas) {
      questions.push(formulas);
      answers.push((f) => (e.formulaAreas = f));
    }
  }
  const lists = await readAreaLists(context, questions);
  lists.forEach((list, i) => answers[i](list));
}

/** The formula cells of an area list as `formulaKey`s (sheet coordinates). */
function formulaKeys(areas: readonly MergedArea[]): Set<number> {
  const keys = new Set<number>();
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) keys.add(formulaKey(r, c));
  return keys;
}

function rectOf(address: string): MergedArea | null {
  const p = parseRangeAddress(address);
  return p ? { top: p.top, left: p.left, bottom: p.bottom, right: p.right } : null;
}

/** True when the first-rows window shows the owned marker in the sheet's row 1. */
function firstRowMarked(e: SheetEntry): boolean {
  const first = e.blocks[0];
  return e.used?.top === 0 && first?.top === 0 && rowHasMarker(first.values[0]);
}

/**
 * True for the add-in's own tabs (marked in row 1 or named as owned): their rows are read without number
 * formats, half the payload. Nothing reads an owned tab's formats below its first rows: a log's dates are
 * Excel serials, read as dates whatever their format. Except in a 1904 workbook: there the formats say
 * which numbers are dates to shift, as the file reader shifts them.
 */
function valuesOnly(e: SheetEntry): boolean {
  return !e.date1904 && (e.ownedByName || firstRowMarked(e));
}

/** What `values` and `formats` cost per cell, with the margin (never below half the default). */
function estimateBytesPerCell(bytes: number, cells: number): number {
  return cells > 0
    ? Math.max(DEFAULT_BYTES_PER_CELL / 2, (bytes / cells) * ESTIMATE_MARGIN)
    : DEFAULT_BYTES_PER_CELL;
}

/** Sync 2: used-range addresses, the first-rows window and the tables' areas. Returns bytes/cell seen. */
async function readUsedRanges(
  context: Excel.RequestContext,
  entries: SheetEntry[],
  tables: Excel.TableCollection,
): Promise<number> {
  if (entries.length === 0) return DEFAULT_BYTES_PER_CELL;
  const probeRows = Math.max(20, Math.min(2000, Math.floor(PROBE_CELLS / (entries.length * PROBE_COLS))));
  const window = `A1:${columnLetter(PROBE_COLS - 1)}${probeRows}`;

  const attempt = async (probe: boolean): Promise<number> => {
    const queued = entries.map((e) => ({
      used: e.ws.getUsedRangeOrNullObject(true).load("address"),
      probe: probe
        ? e.ws.getRange(window).getUsedRangeOrNullObject(true).load("address,values,numberFormat")
        : null,
    }));
    const tableAreas = askTableAreas(tables);
    await countedSync(context, probe ? "read: used ranges and first rows" : "read: used ranges");
    const areas = tableAreas();
    const fixedSize = !supportsExcelApi("1.13");
    for (const e of entries)
      e.tables = areas.filter((t) => t.sheet === e.name).map((t) => gridTableOf(t, fixedSize));
    let bytes = 0;
    let cells = 0;
    queued.forEach((q, i) => {
      const e = entries[i];
      e.used = q.used.isNullObject ? null : rectOf(q.used.address);
      e.nextRow = e.used?.top ?? 0;
      if (!q.probe || q.probe.isNullObject || !e.used) return;
      const p = rectOf(q.probe.address);
      // The window is usable only when it holds whole rows of the used range, from its top.
      if (!p || p.top !== e.used.top || p.left !== e.used.left || p.right !== e.used.right) return;
      const values = q.probe.values as CellValue[][];
      const formats = q.probe.numberFormat as string[][];
      e.blocks.push({ top: p.top, values, formats });
      e.nextRow = p.bottom + 1;
      const b = sampledJsonBytes(values) + sampledJsonBytes(formats);
      const c = values.length * (values[0]?.length ?? 0);
      e.bytesPerCell = estimateBytesPerCell(b, c);
      bytes += b;
      cells += c;
    });
    return estimateBytesPerCell(bytes, cells);
  };

  try {
    return await attempt(true);
  } catch (e) {
    // The window was too much for Excel on the web: read the addresses alone, then blocks.
    if (!isPayloadError(e)) throw e;
    for (const entry of entries) {
      entry.blocks = [];
      entry.bytesPerCell = null;
    }
    return attempt(false);
  }
}

/**
 * A table's area as the engine holds it (see Grid.tables); `fixedSize` on a host that cannot resize a table
 * (Table.resize is ExcelApi 1.13), so the preview says new rows written below it stay outside it.
 */
function gridTableOf(t: TableArea, fixedSize: boolean): GridTable {
  const { top, left, bottom, right } = t;
  return { top, left, bottom, right, totalsRow: t.showTotals, ...(fixedSize ? { fixedSize: true } : {}) };
}

/**
 * Takes the next batch of blocks off `queue`, at most `payloadBudget()` bytes by the estimate: each sheet's
 * own bytes per cell where it has shown some, else `fallback`; `scale` (≥ 1) shrinks batches after a refusal.
 */
function takeBatch(queue: Pending[], fallback: number, scale: number): Pending[] {
  let bytesLeft = payloadBudget();
  const batch: Pending[] = [];
  while (queue.length > 0 && bytesLeft > 0) {
    const p = queue[0];
    const cols = p.entry.used!.right - p.entry.used!.left + 1;
    const perCell = (p.entry.bytesPerCell ?? fallback) * scale;
    let rows = Math.min(p.rows, Math.floor(Math.min(bytesLeft / perCell, MAX_BLOCK_CELLS) / cols));
    if (rows < 1) {
      if (batch.length > 0) break;
      rows = 1;
    }
    if (rows === p.rows) queue.shift();
    else queue[0] = { entry: p.entry, top: p.top + rows, rows: p.rows - rows };
    batch.push({ entry: p.entry, top: p.top, rows });
    bytesLeft -= rows * cols * perCell;
  }
  return batch;
}

/** Reads what the window did not cover, in payload-sized batches. */
async function readBlocks(
  context: Excel.RequestContext,
  entries: SheetEntry[],
  startBytesPerCell: number,
  onProgress?: (p: ReadProgress) => void,
): Promise<void> {
  const queue: Pending[] = [];
  for (const e of entries) {
    if (e.used && e.nextRow <= e.used.bottom)
      queue.push({ entry: e, top: e.nextRow, rows: e.used.bottom - e.nextRow + 1 });
  }
  let bytesPerCell = startBytesPerCell;
  let scale = 1;
  while (queue.length > 0) {
    const batch = takeBatch(queue, bytesPerCell, scale);
    const loads = batch.map((b) => {
      const used = b.entry.used!;
      return b.entry.ws
        .getRangeByIndexes(b.top, used.left, b.rows, used.right - used.left + 1)
        .load(valuesOnly(b.entry) ? "values" : "values,numberFormat");
    });
    try {
      // One sync per payload-sized batch of blocks (never per row): the count is bytes / budget.
      await countedSync(context, `read: ${batch.length} block(s)`);
    } catch (e) {
      if (!isPayloadError(e) || (batch.length === 1 && batch[0].rows === 1)) throw e;
      queue.unshift(...batch);
      scale *= 2; // halve the batch and retry
      continue;
    }
    let bytes = 0;
    let cells = 0;
    const seen = new Map<SheetEntry, { bytes: number; cells: number }>();
    batch.forEach((b, i) => {
      const values = loads[i].values as CellValue[][];
      const formats = valuesOnly(b.entry) ? [] : (loads[i].numberFormat as string[][]);
      b.entry.blocks.push({ top: b.top, values, formats });
      const blockBytes = sampledJsonBytes(values) + sampledJsonBytes(formats);
      const blockCells = values.length * (values[0]?.length ?? 0);
      const s = seen.get(b.entry) ?? { bytes: 0, cells: 0 };
      s.bytes += blockBytes;
      s.cells += blockCells;
      seen.set(b.entry, s);
      bytes += blockBytes;
      cells += blockCells;
    });
    // Follow what each sheet's data really costs: long-text sheets need far smaller blocks than short ones.
    for (const [entry, s] of seen) entry.bytesPerCell = estimateBytesPerCell(s.bytes, s.cells);
    bytesPerCell = estimateBytesPerCell(bytes, cells);
    scale = 1; // the estimates now come from what Excel just sent
    if (onProgress) {
      const waiting = new Set(queue.map((p) => p.entry));
      onProgress({ sheetsRead: entries.filter((e) => !waiting.has(e)).length, sheetsTotal: entries.length });
    }
  }
}

function toGrid(e: SheetEntry, origin: string): Grid {
  const blocks = e.blocks.sort((a, b) => a.top - b.top);
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const b of blocks) {
    // Excel gives "" for an empty cell; files give null. Grids use null, whatever their origin (the rows
    // Excel sent are ours: changed in place, not copied).
    for (const row of b.values) {
      for (let c = 0; c < row.length; c++) if (row[c] === "") row[c] = null;
      values.push(row);
    }
    // A block read without formats leaves its rows' formats unknown (an empty row).
    for (let r = 0; r < b.values.length; r++) numberFormats.push(b.formats[r] ?? []);
    // A 1904 workbook's dates into the 1900 system, as the file reader reads them (cell-values.ts).
    readDatesIn(b.values, b.formats, e.date1904);
  }
  const top = e.used?.top ?? 0;
  const firstRow = top === 0 ? values[0] : undefined;
  const grid: Grid = {
    sheetName: e.name,
    origin,
    values,
    numberFormats,
    rowOffset: top,
    colOffset: e.used?.left ?? 0,
    hidden: e.hidden,
    owned: e.ownedByName || rowHasMarker(firstRow),
  };
  if (e.merges.length > 0) grid.merges = e.merges;
  // As the file reader does: the reader skips these rows, and an import's new rows go above the last one.
  const totalsRows = e.tables.filter((t) => t.totalsRow).map((t) => t.bottom);
  if (totalsRows.length > 0) grid.totalsRows = totalsRows;
  if (e.tables.length > 0) grid.tables = e.tables;
  if (e.mergesUnread) grid.mergesUnread = e.mergesUnread;
  if (e.formulaAreas === null) grid.formulasUnread = true;
  else if (e.formulaAreas.length > 0) grid.formulas = formulaKeys(e.formulaAreas);
  return grid;
}
