// Writes (or rewrites) one owned tab: picks a sheet that is ours, writes the rows in payload-sized chunks
// as 2-D arrays (text escaped, stored as text) and formats them, then freezes the header and sets it up for
// printing in a sync of its own (tab-layout.ts), then draws its chart, if it has one (draw-tab-chart.ts):
// a failure of either is only a warning. A rewrite goes through a hidden staging sheet, copied over the
// old tab only once every chunk is in, so a failure part-way leaves the old tab as it was.

import { columnLetter, toA1 } from "../core/address/a1";
import type { CellValue } from "../core/model/grid";
import type { OwnedTab } from "../core/model/owned-tab";
import { logDateFormat, OWNED_MARKER, OWNED_TAB_STYLE, storedCell } from "../core/model/owned-tab";
import { fitCell } from "../core/model/writable-text";
import { PlainError, type WriteResult } from "./gateway";
import { ErrorCode, officeErrorCode, protectedSheetsMessage } from "./errors";
import { escapeCellText } from "./escape-text";
import { drawTabChart } from "./draw-tab-chart";
import { candidateSheetNames, nextOwnedName, rowHasMarker, sheetsOwnedByName } from "./owned-sheets";
import { MAX_BLOCK_CELLS, jsonBytes, payloadBudget } from "./payload";
import { countedSync, runExcel, supportsExcelApi } from "./run";
import { askDate1904, writtenRows } from "./date-system";
import { layoutTab } from "./tab-layout";
import { syncWrites, type QueuedWrite } from "./write-batches";

const TEXT_FORMAT = "@";
/** Rough wire size of one small instruction (a format or a link). */
export const OP_BYTES = 160;
/** Longest address list given to one getRanges() call. */
const MAX_AREAS_ADDRESS = 1500;

/** Where the tab goes. */
export interface Target {
  name: string;
  exists: boolean;
  /** CRR_OWNED_<n> to add for the sheet, or null when a name already points at it. */
  ownedName: string | null;
  /** A free sheet name for the hidden staging sheet a rewrite is written into first. */
  stagingName: string;
  /** The workbook counts dates from 1904: the tab's date serials are written in that system. */
  date1904: boolean;
}

/** The staging sheet's name ("CRR writing", "CRR writing 2"…): hidden, and gone once the rewrite is in. */
const STAGING_NAME = "CRR writing";

/** The tab as the 2-D arrays that go to Excel, marker included. */
export interface TabCells {
  values: CellValue[][];
  formats: string[][];
  /** Columns of the tab's own rows (the marker, when added, sits just right of them). */
  width: number;
  markerCol: number;
}

/**
 * Writes `tab` to its sheet, or to "<name> (Risk Review)" / "<name> 2"… when a user's sheet has the name
 * (a user's sheet is never touched). Rewrites the whole sheet, so writing the same tab twice leaves the
 * same state.
 */
export async function writeOwnedTab(tab: OwnedTab): Promise<WriteResult> {
  return runExcel(`writing the "${tab.name}" tab`, (context) => writeOwnedTabIn(context, tab));
}

/** A proxy for the sheet per batch: one made in a batch Excel refused is not safe to use afterwards. */
export function sheetPerBatch(
  context: Excel.RequestContext,
  name: string,
): (batch: number) => Excel.Worksheet {
  const sheets = new Map<number, Excel.Worksheet>();
  return (batch) => {
    let ws = sheets.get(batch);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(batch, ws);
    }
    return ws;
  };
}

/**
 * writeOwnedTab inside a run the caller holds (settings are read again and written in one run).
 *
 * A new tab is written in place, and removed again (with its CRR_OWNED_* name) when a chunk fails. An
 * existing tab is rewritten through a hidden staging sheet: the chunks and cell formats go there, and the
 * last batch, queued after every other, clears the old tab, copies the staging sheet's cells over it
 * (Range.copyFrom, ExcelApi 1.9), sets the column widths and links, and deletes the staging sheet. Excel
 * stops a batch at its first failing instruction, so the old tab is touched only when everything before
 * has been written; a failure deletes the staging sheet and leaves the old tab as it was. The old sheet
 * stays the same sheet: its position, visibility, tab colour, CRR_OWNED_* name, names and formulas that
 * point into it, and links to its cells (the Check view's) keep working. No extra sync: the copy rides on
 * the last batch. A host below ExcelApi 1.9 rewrites in place, as before.
 */
export async function writeOwnedTabIn(context: Excel.RequestContext, tab: OwnedTab): Promise<WriteResult> {
  const target = await chooseSheet(context, tab.name);
  const cells = tabCells(tab, target.date1904);
  const staged = target.exists && supportsExcelApi("1.9");
  const finalIn = sheetPerBatch(context, target.name);
  const sheetIn = staged ? sheetPerBatch(context, target.stagingName) : finalIn;
  const writes: QueuedWrite[] = [
    setupWrite(context, target, tab, staged, sheetIn),
    ...valueWrites(cells, sheetIn),
    ...formatWrites(tab, cells, sheetIn),
    ...(staged ? [swapWrite(context, target, tab, cells, sheetIn, finalIn)] : []),
    ...sheetFormatWrites(tab, finalIn),
  ];
  const label = `write: ${target.name}`;
  let synced = 0;
  try {
    await syncWrites(context, writes, label, () => (synced += 1));
  } catch (e) {
    if (staged) await removeUnfinished(context, label, target.stagingName, null);
    // A new tab is ours once its first batch (which adds it) is in; never delete a sheet someone else added.
    else if (!target.exists && synced > 0)
      await removeUnfinished(context, label, target.name, target.ownedName);
    if (officeErrorCode(e) === ErrorCode.accessDenied) throw protectedTabError(target, tab);
    throw e;
  }
  const warnings = [
    ...(await layoutTab(context, target.name, tab)),
    ...(await drawTabChart(context, target.name, tab, target.exists)),
  ];
  return {
    sheetName: target.name,
    renamed: target.name.toLowerCase() !== tab.name.toLowerCase(),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * The officer protected the tab (it keeps its last contents), or the workbook's structure (no tab can be
 * added): which, by name.
 */
export function protectedTabError(
  target: Target,
  tab: OwnedTab,
  outcome = "it was not rewritten and keeps its last contents",
): PlainError {
  const message = target.exists
    ? protectedSheetsMessage([target.name], outcome, "write it again")
    : `The workbook's structure is protected, so the ${tab.name} tab could not be added. Unprotect it (Review > Protect Workbook), then write it again.`;
  return new PlainError(message, ErrorCode.accessDenied);
}

/** A staging sheet's name, numbered or not ("CRR writing", "CRR writing 2"). */
const STAGING_NAMES = new RegExp(`^${STAGING_NAME} ?\\d*$`, "i");

/**
 * Syncs 1–2: the sheets, the CRR_OWNED_* names, and row 1 of any sheet already holding a candidate name
 * or left behind as a hidden staging sheet (a pane closed part-way through a rewrite). A staging sheet
 * left behind, hidden and marked as the add-in's, is deleted with the first write; a sheet of that name
 * without the marker is the officer's, and stays.
 */
export async function chooseSheet(context: Excel.RequestContext, preferred: string): Promise<Target> {
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name,items/value");
  const date1904 = askDate1904(context);
  await countedSync(context, "write: sheets and names");
  const is1904 = date1904();
  const loadedNames = names.items.map((n) => ({ name: n.name, value: n.value as unknown }));
  const ownedByName = sheetsOwnedByName(loadedNames);
  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const candidates = candidateSheetNames(preferred);
  let stagingName = STAGING_NAME;
  for (let n = 2; existing.has(stagingName.toLowerCase()); n++) stagingName = `${STAGING_NAME} ${n}`;

  const leftBehind = worksheets.items
    .filter((ws) => STAGING_NAMES.test(ws.name) && ws.visibility !== "Visible")
    .map((ws) => ws.name.toLowerCase());
  const firstRows = [
    ...candidates.filter((c) => existing.has(c.toLowerCase()) && !ownedByName.has(c.toLowerCase())),
    ...leftBehind,
  ].map((c) => ({
    key: c.toLowerCase(),
    row: existing.get(c.toLowerCase())!.getRange("1:1").getUsedRangeOrNullObject(true).load("values"),
  }));
  if (firstRows.length > 0) await countedSync(context, "write: owned markers");
  const marked = new Set(
    firstRows.filter((f) => !f.row.isNullObject && rowHasMarker(f.row.values[0])).map((f) => f.key),
  );
  for (const key of leftBehind) if (marked.has(key)) existing.get(key)!.delete();

  for (const c of candidates) {
    const key = c.toLowerCase();
    const ws = existing.get(key);
    if (!ws)
      return { name: c, exists: false, ownedName: nextOwnedName(loadedNames), stagingName, date1904: is1904 };
    if (ownedByName.has(key))
      return { name: ws.name, exists: true, ownedName: null, stagingName, date1904: is1904 };
    if (marked.has(key))
      return {
        name: ws.name,
        exists: true,
        ownedName: nextOwnedName(loadedNames),
        stagingName,
        date1904: is1904,
      };
  }
  throw new PlainError(
    `Your own sheets already use the names "${candidates[0]}", "${candidates[1]}" and "${candidates[2]}"…, so the ${preferred} tab was not written. Rename one of them, then try again.`,
  );
}

/**
 * Builds the arrays: strings escaped and formatted as text, dates in date columns (in the workbook's date
 * system, date-system.ts), the marker in row 1.
 */
export function tabCells(tab: OwnedTab, date1904: boolean): TabCells {
  const width = tab.rows.reduce((w, row) => Math.max(w, row.length), 0);
  const needsMarker = !rowHasMarker(tab.rows[0]);
  const total = Math.max(1, width + (needsMarker ? 1 : 0));
  const dateColumns = new Set(tab.format.dateColumns);
  const rows = tab.rows.length > 0 ? tab.rows : [[]];
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  rows.forEach((row, r) => {
    const vs: CellValue[] = [];
    const fs: string[] = [];
    for (let c = 0; c < total; c++) {
      // A date cell comes as its serial with the date format (storedCell), the way Excel holds a date.
      const stored = storedCell(c < row.length ? (row[c] ?? null) : null);
      let v: CellValue = stored.value;
      if (needsMarker && r === 0 && c === width) v = OWNED_MARKER;
      if (stored.numberFormat !== null && typeof v === "number") {
        vs.push(v);
        fs.push(stored.numberFormat);
      } else if (typeof v === "string") {
        // Text stays text: "@" stops Excel reading "007" or "1/2" as numbers, the apostrophe stops "=…".
        // A text longer than a cell holds is cut as the command line cuts it: Excel would refuse the write.
        vs.push(escapeCellText(fitCell(v)));
        fs.push(TEXT_FORMAT);
      } else if (typeof v === "number" && Number.isFinite(v)) {
        vs.push(v);
        fs.push(dateColumns.has(c) ? logDateFormat(v, tab.kind) : "General");
      } else {
        vs.push(typeof v === "boolean" ? v : "");
        fs.push("General");
      }
    }
    values.push(vs);
    formats.push(fs);
  });
  const markerCol = needsMarker ? width : (tab.rows[0] ?? []).indexOf(OWNED_MARKER);
  return { values: writtenRows(values, formats, date1904), formats, width: Math.max(1, width), markerCol };
}

/** The first write: the new tab or the hidden staging sheet added (or, in place, the old tab cleared). */
export function setupWrite(
  context: Excel.RequestContext,
  target: Target,
  tab: OwnedTab,
  staged: boolean,
  sheetIn: (batch: number) => Excel.Worksheet,
): QueuedWrite {
  return {
    bytes: OP_BYTES * 4,
    queue: (batch) => {
      if (staged) {
        context.workbook.worksheets.add(target.stagingName);
        sheetIn(batch).visibility = "Hidden";
        return;
      }
      if (!target.exists) context.workbook.worksheets.add(target.name);
      const ws = sheetIn(batch);
      addOwnedName(context, target, ws);
      ws.getRange().clear("All");
      if (tab.kind === "settings") ws.visibility = "Hidden";
    },
  };
}

/** Marks the sheet as the add-in's own by a CRR_OWNED_* name, when it has none yet. */
export function addOwnedName(context: Excel.RequestContext, target: Target, ws: Excel.Worksheet): void {
  if (target.ownedName)
    context.workbook.names.add(
      target.ownedName,
      ws.getRange("A1"),
      "Contract Risk Review: this sheet is the add-in's own",
    );
}

/**
 * The last batch of a rewrite: the old tab cleared, the staging sheet's cells (values and formats, marker
 * included) copied over it, and the staging sheet deleted, queued after every chunk.
 */
function swapWrite(
  context: Excel.RequestContext,
  target: Target,
  tab: OwnedTab,
  cells: TabCells,
  stagingIn: (batch: number) => Excel.Worksheet,
  finalIn: (batch: number) => Excel.Worksheet,
): QueuedWrite {
  const rows = cells.values.length;
  const cols = cells.values[0].length;
  return {
    bytes: OP_BYTES * 5,
    queue: (batch) => {
      const ws = finalIn(batch);
      const staging = stagingIn(batch);
      ws.getRange().clear("All");
      ws.getRangeByIndexes(0, 0, rows, cols).copyFrom(staging.getRangeByIndexes(0, 0, rows, cols), "All");
      addOwnedName(context, target, ws);
      if (tab.kind === "settings") ws.visibility = "Hidden";
      staging.delete();
    },
  };
}

/**
 * After a failed write: deletes the unfinished sheet (the staging sheet, or a new tab) and the name made
 * for it, if they got as far as the workbook. Excel may have run part of the failed batch, so it looks
 * first (two syncs, on failure only). A failure here is swallowed: the write's own error is the one to
 * show, and a hidden staging sheet left over changes nothing the officer sees.
 */
export async function removeUnfinished(
  context: Excel.RequestContext,
  label: string,
  sheet: string,
  ownedName: string | null,
): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load("name");
    const name = ownedName ? context.workbook.names.getItemOrNullObject(ownedName).load("name") : null;
    await countedSync(context, `${label}: find the unfinished sheet`);
    if (name && !name.isNullObject) name.delete();
    if (!ws.isNullObject) ws.delete();
    await countedSync(context, `${label}: remove the unfinished sheet`, OP_BYTES * 2);
  } catch {
    // The write's own error follows.
  }
}

/**
 * Row chunks under the payload budget (and the block cell cap), each split in half on demand; the tab's row 1
 * goes in the sheet's row `top` + 1 (a block written among other rows: meeting-record-block.ts).
 */
export function valueWrites(
  cells: TabCells,
  sheetIn: (batch: number) => Excel.Worksheet,
  top = 0,
): QueuedWrite[] {
  const cols = cells.values[0].length;
  const rowBytes = cells.values.map((row, r) => jsonBytes(row) + jsonBytes(cells.formats[r]) + 2);
  const chunk = (start: number, count: number): QueuedWrite => {
    let bytes = 0;
    for (let r = start; r < start + count; r++) bytes += rowBytes[r];
    return {
      bytes,
      queue: (batch) => {
        const range = sheetIn(batch).getRangeByIndexes(top + start, 0, count, cols);
        range.numberFormat = cells.formats.slice(start, start + count);
        range.values = cells.values.slice(start, start + count);
      },
      split: () =>
        count < 2
          ? null
          : [
              chunk(start, Math.floor(count / 2)),
              chunk(start + Math.floor(count / 2), count - Math.floor(count / 2)),
            ],
    };
  };
  const maxBytes = payloadBudget() * 0.9;
  const maxRows = Math.max(1, Math.floor(MAX_BLOCK_CELLS / cols));
  const out: QueuedWrite[] = [];
  let start = 0;
  while (start < cells.values.length) {
    let count = 0;
    let bytes = 0;
    while (
      start + count < cells.values.length &&
      count < maxRows &&
      (count === 0 || bytes + rowBytes[start + count] <= maxBytes)
    ) {
      bytes += rowBytes[start + count];
      count += 1;
    }
    out.push(chunk(start, count));
    start += count;
  }
  return out;
}

/** Character widths to points (8.43 characters, Excel's default, is 48 points). */
function widthPoints(chars: number): number {
  return Math.round(chars * 5.25 + 3.75);
}

/** "B2,B5,C7" lists of at most MAX_AREAS_ADDRESS characters, the rows `top` further down. */
function addressLists(cells: { row: number; col: number }[], top = 0): string[] {
  const lists: string[] = [];
  let current = "";
  for (const { row, col } of cells) {
    const a = toA1(top + row, col);
    if (current && current.length + a.length + 1 > MAX_AREAS_ADDRESS) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** The tab's cell formats: titles, header rows, RAG fills and the marker's font (the rows `top` further down). */
export function formatWrites(
  tab: OwnedTab,
  cells: TabCells,
  sheetIn: (batch: number) => Excel.Worksheet,
  top = 0,
): QueuedWrite[] {
  const f = tab.format;
  const out: QueuedWrite[] = [];
  const op = (queue: (ws: Excel.Worksheet) => void, bytes = OP_BYTES): void => {
    out.push({ bytes, queue: (batch) => queue(sheetIn(batch)) });
  };
  const rowRange = (ws: Excel.Worksheet, r: number) => ws.getRangeByIndexes(top + r, 0, 1, cells.width);

  for (const r of f.titleRows) {
    op((ws) => {
      const font = rowRange(ws, r).format.font;
      font.bold = true;
      font.size = 14;
    });
  }
  for (const r of f.headerRows) {
    op((ws) => {
      const range = rowRange(ws, r);
      range.format.fill.color = OWNED_TAB_STYLE.headerFill;
      range.format.font.bold = true;
      range.format.font.color = OWNED_TAB_STYLE.headerFont;
    });
  }
  for (const rag of ["red", "amber", "green"] as const) {
    for (const list of addressLists(
      f.ragCells.filter((c) => c.rag === rag),
      top,
    )) {
      op((ws) => {
        const areas = ws.getRanges(list);
        areas.format.fill.color = OWNED_TAB_STYLE.rag[rag].fill;
        areas.format.font.color = OWNED_TAB_STYLE.rag[rag].font;
      }, OP_BYTES + list.length);
    }
  }
  if (cells.markerCol >= 0) {
    op((ws) => {
      const font = ws.getCell(top, cells.markerCol).format.font;
      font.color = OWNED_TAB_STYLE.marker;
      font.size = 8;
    });
  }
  return out;
}

/**
 * What belongs to the tab's sheet rather than its cells, so a copy of the cells would not carry it: column
 * widths and links (and the links' colour, set after them). Queued on the tab itself, after the copy.
 */
function sheetFormatWrites(tab: OwnedTab, sheetIn: (batch: number) => Excel.Worksheet): QueuedWrite[] {
  const out: QueuedWrite[] = [];
  tab.format.columnWidths.forEach((w, c) => {
    if (w > 0)
      out.push({
        bytes: OP_BYTES,
        queue: (batch) =>
          (sheetIn(batch).getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth =
            widthPoints(w)),
      });
  });
  return [...out, ...linkWrites(tab, sheetIn)];
}

/**
 * The tab's links (and their colour, set after them), the rows `top` further down: a copy of the cells does
 * not carry them, so they are set on the tab itself.
 */
export function linkWrites(
  tab: OwnedTab,
  sheetIn: (batch: number) => Excel.Worksheet,
  top = 0,
): QueuedWrite[] {
  const f = tab.format;
  const out: QueuedWrite[] = [];
  const op = (queue: (ws: Excel.Worksheet) => void, bytes = OP_BYTES): void => {
    out.push({ bytes, queue: (batch) => queue(sheetIn(batch)) });
  };
  // Hyperlinks are ExcelApi 1.7: without it the cells keep their text and lose only the link.
  if (!supportsExcelApi("1.7")) return out;
  for (const link of f.links) {
    const documentReference = `'${link.sheet.replace(/'/g, "''")}'!${link.address}`;
    const current = tab.rows[link.row]?.[link.col] ?? null;
    // The cell already holds its (escaped) text; only an empty cell is given the address to show.
    const hyperlink: Excel.RangeHyperlink =
      current === null ? { documentReference, textToDisplay: link.address } : { documentReference };
    op(
      (ws) => (ws.getCell(top + link.row, link.col).hyperlink = hyperlink),
      OP_BYTES + documentReference.length,
    );
  }
  for (const list of addressLists(f.links, top)) {
    op((ws) => (ws.getRanges(list).format.font.color = OWNED_TAB_STYLE.link), OP_BYTES + list.length);
  }
  return out;
}
