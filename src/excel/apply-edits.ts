// Applies WorkbookEdits (an import) to the open workbook: dated backup copies in their own first sync (with
// the rows inserted at a table's Total row for the new rows, once the backup is made), then the changed
// cells as 2-D blocks (a table without a Total row grown over the new rows in the last of them, and the
// table's calculated columns written into its new rows after it), then the log rows, then the owned tabs.
// A failure after the backup puts the edited sheets back from their backups (inserted rows deleted, tables
// resized back), so no officer's sheet is left half-changed.

import {
  LOG_HEADER_SEARCH_ROWS,
  headingAsAtToRaise,
  logRowsFor,
  type CellEdit,
  type LogAppend,
  type WorkbookEdits,
} from "../core/model/edits";
import type { CellValue } from "../core/model/grid";
import {
  emptyFormat,
  logDateFormat,
  OWNED_TAB_NAMES,
  storedCell,
  type OwnedTab,
} from "../core/model/owned-tab";
import { fitCell } from "../core/model/writable-text";
import { cellBlocks, splitBlock, type CellBlock } from "./cell-blocks";
import { ErrorCode, officeErrorCode, protectedSheetsMessage, toPlainError } from "./errors";
import { PlainError, type WriteResult } from "./gateway";
import { escapeCellText } from "./escape-text";
import {
  candidateSheetNames,
  nextOwnedName,
  rowHasMarker,
  sheetsOwnedByName,
  type LoadedName,
} from "./owned-sheets";
import { jsonBytes, payloadBudget } from "./payload";
import {
  askTableAreas,
  calculatedCells,
  cellsBesideCalculated,
  planTableGrowth,
  type TableGrowth,
} from "./register-tables";
import { countedSync, runExcel, supportsExcelApi } from "./run";
import { askDate1904, writtenEdit, writtenRows, writtenValue } from "./date-system";
import { syncWrites, type QueuedWrite } from "./write-batches";
import { writeOwnedTab } from "./write-owned-tab";

/** What `applyEdits` did. */
export interface ApplyEditsResult {
  /** The backups made, with the names they were given. */
  backups: { from: string; to: string }[];
  cellsWritten: number;
  /** Log rows appended, per log tab. */
  logs: { kind: LogAppend["kind"]; sheet: string; firstRow: number; rows: number }[];
  ownedTabs: WriteResult[];
  /** Things that went wrong after the import itself was written (an owned tab not rewritten). */
  warnings: string[];
}

/** Progress of an apply, for the task pane's bar. */
export interface ApplyProgress {
  step: "backup" | "cells" | "log" | "tabs";
  label: string;
}

const TEXT_FORMAT = "@";
/** Columns of a log tab's first rows read to find its header row (its columns and the marker beside them). */
const LOG_HEADER_COLUMNS = 16;

/** Rough wire size of one small instruction. */
const OP_BYTES = 160;

/** A log tab found in the workbook (ours), or to be created. */
interface LogTarget {
  append: LogAppend;
  /**
   * The existing owned sheet, the first free row below its used range, and the rows appended to it (in
   * the layout of its header row: see logRowsFor); null = create it.
   */
  existing: {
    sheet: string;
    nextRow: number;
    append: LogAppend;
    /** The title block's as-at cell to bring up to the rows appended (see headingAsAtToRaise); null for none. */
    asAtCell: { row: number; col: number } | null;
  } | null;
}

/** A backup made, and the CRR_OWNED_* name that marks it as the add-in's own. */
interface Backup {
  from: string;
  to: string;
  ownedName: string;
}

/** What the first read found. */
interface Preflight {
  sheetNames: string[];
  names: LoadedName[];
  /** Used range (values and formats) of each sheet with cell edits, as 0-based bounds; null when empty. */
  used: Map<string, { top: number; left: number; bottom: number; right: number } | null>;
  logs: LogTarget[];
  /** Rows to insert at tables' Total rows, tables to grow over the new rows, and warnings about them. */
  tables: TableGrowth;
  /** The workbook counts dates from 1904: the cells' and log rows' dates are written in that system. */
  date1904: boolean;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Writes `edits` to the open workbook: (1) every backup copy, renamed and marked as the add-in's own,
 * in one sync; (2) the cells, grouped into row blocks, in payload-sized syncs; (3) the log rows below the
 * last used row of the owned log tab (created with its title block when missing; a user's sheet with the
 * same name is never touched); (4) the owned tabs. When (2) or (3) fails, the edited sheets are put back
 * from their backups (ExcelApi 1.9 copyFrom) and the error says which step failed. Empty edits write
 * nothing and make no sync.
 * @throws PlainError with a message fit to show the officer.
 */
export async function applyEdits(
  edits: WorkbookEdits,
  onProgress?: (p: ApplyProgress) => void,
): Promise<ApplyEditsResult> {
  const result: ApplyEditsResult = { backups: [], cellsWritten: 0, logs: [], ownedTabs: [], warnings: [] };
  const logRows = edits.logAppends.filter((l) => l.rows.length > 0);
  if (
    edits.copies.length === 0 &&
    edits.cells.length === 0 &&
    logRows.length === 0 &&
    edits.ownedTabs.length === 0
  )
    return result;

  // Refuses a protected register (or log tab) before any backup is made: see preflight.
  const pre = await runExcel("reading the workbook before the import", (context) =>
    preflight(context, edits, logRows),
  );
  onProgress?.({ step: "backup", label: "Copying the register to a dated backup sheet…" });
  const made = await runExcel("making the backup copy of the register (nothing was changed)", (context) =>
    makeBackups(context, edits, pre),
  );
  result.backups = made.map(({ from, to }) => ({ from, to }));

  let step = "writing the changed cells";
  let stepSheets = [...new Set(edits.cells.map((c) => c.sheet))];
  // Set once any batch of cells or log rows has reached the workbook: until then a failure changed nothing.
  // Rows inserted at a table's Total row (with the backup) are a change: from here the restore must run.
  let written = pre.tables.inserts.length > 0;
  const onWritten = () => (written = true);
  // Set once a table's resize was sent (in the last batch of cells): the restore then resizes it back.
  let resizeSent = false;
  const appended: { sheet: string; firstRow: number; rows: number; width: number }[] = [];
  try {
    if (edits.cells.length > 0) {
      onProgress?.({
        step: "cells",
        label: `Writing ${edits.cells.length} changed ${edits.cells.length === 1 ? "cell" : "cells"}…`,
      });
      const { resizes, fills } = pre.tables;
      await runExcel(step, (context) =>
        writeCells(
          context,
          cellsBesideCalculated(edits.cells, fills).map((c) => writtenEdit(c, pre.date1904)),
          onWritten,
          pre.tables,
          () => (resizeSent = resizes.length > 0),
        ),
      );
      result.cellsWritten = edits.cells.length;
    }
    for (const log of pre.logs) {
      const name = log.append.template?.name ?? OWNED_TAB_NAMES[log.append.kind];
      step = `adding ${log.append.rows.length} rows to the ${name} tab`;
      stepSheets = [log.existing?.sheet ?? name];
      onProgress?.({ step: "log", label: `Adding ${log.append.rows.length} rows to the ${name} tab…` });
      if (log.existing) {
        const { sheet, nextRow, append, asAtCell } = log.existing;
        const width = append.header.length;
        appended.push({ sheet, firstRow: nextRow, rows: append.rows.length, width });
        await runExcel(step, (context) =>
          appendLogRows(context, sheet, nextRow, append, asAtCell, onWritten, pre.date1904),
        );
        result.logs.push({ kind: log.append.kind, sheet, firstRow: nextRow, rows: log.append.rows.length });
      } else {
        const tab = newLogTab(log.append);
        // A new tab that fails is removed by writeOwnedTab itself; once written, it counts.
        const tabWritten = await writeOwnedTab(tab);
        onWritten();
        const firstRow = tab.rows.length - log.append.rows.length;
        result.logs.push({
          kind: log.append.kind,
          sheet: tabWritten.sheetName,
          firstRow,
          rows: log.append.rows.length,
        });
      }
    }
  } catch (e) {
    // Protected after the check (a co-author, say) before anything was written: take the backup away again.
    if (officeErrorCode(e) === ErrorCode.accessDenied && !written)
      throw await refusedBeforeWriting(stepSheets, made);
    throw await failedAfterBackup(e, step, stepSheets, edits, pre, result.backups, appended, resizeSent);
  }
  // New rows left below a table this host cannot resize: said in the Done step, with how to include them.
  result.warnings.push(...pre.tables.warnings);

  for (const [i, tab] of edits.ownedTabs.entries()) {
    onProgress?.({
      step: "tabs",
      label: `Writing the ${tab.name} tab (${i + 1} of ${edits.ownedTabs.length})…`,
    });
    try {
      result.ownedTabs.push(await writeOwnedTab(tab));
    } catch (e) {
      // The import itself is in: an owned tab that could not be rewritten is worth saying, not undoing.
      result.warnings.push(
        `The import was written, but the ${tab.name} tab could not be updated: ${toPlainError(e, `writing the ${tab.name} tab`).message}`,
      );
    }
  }
  return result;
}

/**
 * Syncs 1–2: sheets, names and tables; then used ranges of edited sheets, the tables' ranges and row 1 of
 * any log-tab candidates.
 */
async function preflight(
  context: Excel.RequestContext,
  edits: WorkbookEdits,
  logRows: LogAppend[],
): Promise<Preflight> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/value");
  const tables = context.workbook.tables.load("items/name,items/showTotals");
  // The workbook's date system (date-system.ts), asked in this sync: dates are written in it.
  const date1904 = askDate1904(context);
  await countedSync(context, "apply: sheets and names");
  const sheetNames = worksheets.items.map((w) => w.name);
  const loadedNames = names.items.map((n) => ({ name: n.name, value: n.value as unknown }));
  const existing = new Map(sheetNames.map((n) => [lower(n), n]));
  for (const c of edits.copies) {
    if (!existing.has(lower(c.from))) {
      throw new PlainError(
        `The sheet "${c.from}" is no longer in the workbook (renamed or deleted?), so nothing was imported. Check again, then retry.`,
        "ItemNotFound",
      );
    }
  }
  const edited = [...new Set(edits.cells.map((c) => c.sheet))];
  for (const s of edited) {
    if (!existing.has(lower(s))) {
      throw new PlainError(
        `The sheet "${s}" is no longer in the workbook (renamed or deleted?), so nothing was imported. Check again, then retry.`,
        "ItemNotFound",
      );
    }
  }
  const ownedByName = sheetsOwnedByName(loadedNames);
  const usedRanges = edited.map((s) => {
    const ws = context.workbook.worksheets.getItem(s);
    return {
      sheet: s,
      range: ws.getUsedRangeOrNullObject(false).load("rowIndex,rowCount,columnIndex,columnCount"),
      // By values: a table holding the last of them is the one the new rows below it belong to.
      values: ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount"),
      // ExcelApi 1.2: a protected sheet refuses every write, so it is found out here, before any backup.
      protection: ws.protection.load("protected"),
    };
  });
  const logProbes = logRows.map((append) => {
    const preferred = append.template?.name ?? OWNED_TAB_NAMES[append.kind];
    const candidates = candidateSheetNames(preferred)
      .filter((c) => existing.has(lower(c)))
      .map((c) => {
        const ws = context.workbook.worksheets.getItem(existing.get(lower(c))!);
        return {
          name: existing.get(lower(c))!,
          byName: ownedByName.has(lower(c)),
          row1: ws.getRange("1:1").getUsedRangeOrNullObject(true).load("values"),
          // The header row under the title block: which layout the rows below it are in.
          top: ws.getRangeByIndexes(0, 0, LOG_HEADER_SEARCH_ROWS, LOG_HEADER_COLUMNS).load("values"),
          used: ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount"),
          protection: ws.protection.load("protected"),
        };
      });
    return { append, candidates };
  });
  // With their calculated columns: the new rows a table takes in get their formulas, not the export's values.
  const tableAreas = usedRanges.length > 0 ? askTableAreas(tables, true) : () => [];
  if (usedRanges.length > 0 || logProbes.some((p) => p.candidates.length > 0))
    await countedSync(context, "apply: used ranges and log tabs");

  const used: Preflight["used"] = new Map();
  for (const u of usedRanges) {
    used.set(
      u.sheet,
      u.range.isNullObject
        ? null
        : {
            top: u.range.rowIndex,
            left: u.range.columnIndex,
            bottom: u.range.rowIndex + u.range.rowCount - 1,
            right: u.range.columnIndex + u.range.columnCount - 1,
          },
    );
  }
  const locked = usedRanges.filter((u) => u.protection.protected).map((u) => u.sheet);
  const logs: LogTarget[] = logProbes.map(({ append, candidates }) => {
    // Ours by its CRR_OWNED_* name, or by the marker in row 1; a user's sheet of the same name is skipped.
    const ours =
      candidates.find((c) => c.byName) ??
      candidates.find((c) => !c.row1.isNullObject && rowHasMarker(c.row1.values[0]));
    if (!ours) return { append, existing: null };
    if (ours.protection.protected) locked.push(ours.name);
    const nextRow = ours.used.isNullObject ? 0 : ours.used.rowIndex + ours.used.rowCount;
    const top = ours.top.values as CellValue[][];
    const inLayout = { ...append, ...logRowsFor(append, top) };
    const asAtCell = append.asAt ? headingAsAtToRaise(top, append.asAt, date1904()) : null;
    return { append, existing: { sheet: ours.name, nextRow, append: inLayout, asAtCell } };
  });
  // Nothing is written (not even the backup) when a sheet the import writes cannot be written.
  if (locked.length > 0) throw new PlainError(protectedSheetsMessage(locked), ErrorCode.accessDenied);
  const lastValueRow = new Map(
    usedRanges.map((u) => [
      u.sheet,
      u.values.isNullObject ? null : u.values.rowIndex + u.values.rowCount - 1,
    ]),
  );
  const growth = planTableGrowth(
    edits.cells,
    edits.totalsRowMoves ?? [],
    tableAreas(),
    lastValueRow,
    supportsExcelApi("1.13"),
    edits.appendedRows,
  );
  return { sheetNames, names: loadedNames, used, logs, tables: growth, date1904: date1904() };
}

/** A free sheet name for a backup: the planned one, else "<name> 2" … cut to 31 characters. */
function freeName(wanted: string, taken: Set<string>): string {
  for (const c of [wanted, ...candidateSheetNames(wanted).slice(2)]) if (!taken.has(lower(c))) return c;
  throw new PlainError(
    `The workbook already has sheets named "${wanted}" and "${wanted} 2" to "${wanted} 9", so no backup could be made and nothing was imported. Rename or delete old backups, then try again.`,
  );
}

/**
 * Sync 3, on its own: each backup copied to the end, renamed, and marked as the add-in's own sheet; then,
 * the backups made, whole rows inserted at each table's Total row for the new rows (Range.insert, ExcelApi
 * 1.1): Excel moves the Total row and everything below it down, keeps every reference to them, and grows the
 * table, as the insertion is inside it. Where the Total row moves into blank rows under it (something stands
 * below them: TotalsRowMove.intoBlankRows), as many blank rows are deleted again below it (Range.delete), so
 * what stands below is back where it was. Last in the batch, so a failed sync has not inserted them.
 */
async function makeBackups(
  context: Excel.RequestContext,
  edits: WorkbookEdits,
  pre: Preflight,
): Promise<Backup[]> {
  if (edits.copies.length === 0 && pre.tables.inserts.length === 0) return [];
  if (!supportsExcelApi("1.7")) {
    throw new PlainError(
      "This version of Excel cannot copy a sheet (ExcelApi 1.7), so no backup could be made and nothing was imported. Update Office, or use Excel on the web.",
      "ApiNotFound",
    );
  }
  const taken = new Set(pre.sheetNames.map(lower));
  const names = [...pre.names];
  const made: Backup[] = [];
  for (const c of edits.copies) {
    const to = freeName(c.to, taken);
    taken.add(lower(to));
    const copy = context.workbook.worksheets.getItem(c.from).copy("End");
    copy.name = to;
    const ownedName = nextOwnedName(names);
    names.push({ name: ownedName, value: `='${to}'!$A$1` });
    context.workbook.names.add(
      ownedName,
      copy.getRange("A1"),
      "Contract Risk Review: a dated backup made before an import",
    );
    made.push({ from: c.from, to, ownedName });
  }
  for (const m of pre.tables.inserts) {
    const ws = context.workbook.worksheets.getItem(m.sheet);
    ws.getRangeByIndexes(m.row, m.left, m.by, m.width).insert(Excel.InsertShiftDirection.down);
    // Into the blank rows under the Total row: as many of them deleted again, so nothing below them moves.
    if (m.intoBlankRows)
      ws.getRangeByIndexes(m.row + m.by + 1, m.left, m.by, m.width).delete(Excel.DeleteShiftDirection.up);
  }
  try {
    await countedSync(
      context,
      "apply: backup",
      OP_BYTES * (edits.copies.length * 3 + pre.tables.inserts.length * 2),
    );
  } catch (error) {
    // Excel stops at the first refused step and keeps the ones before it: a copy left as "Register (2)"
    // when its rename was refused (someone else made a sheet of that name since the check), and any backup
    // made whole before it. Neither may stay: the next check would read the copy as a second register.
    const clash = await removeUnfinishedBackups(context, pre, made);
    if (officeErrorCode(error) === ErrorCode.itemAlreadyExists && clash.length > 0)
      throw new PlainError(
        `The ${clash.length === 1 ? "sheet" : "sheets"} ${clash.map((n) => `"${n}"`).join(" and ")} appeared in the workbook while the import was starting (is someone else importing?), so nothing was imported. Check again, then import.`,
        ErrorCode.itemAlreadyExists,
      );
    throw error;
  }
  return made;
}

/**
 * After a refused backup batch: deletes the copies it made (the ones named as backups, found by the
 * CRR_OWNED_* names made with them, and any still under Excel's copy name, "Register (2)", that was not
 * in the workbook before) with those names. Returns the backup names someone else's sheets now hold.
 */
async function removeUnfinishedBackups(
  context: Excel.RequestContext,
  pre: Preflight,
  made: readonly Backup[],
): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await countedSync(context, "apply: find unfinished backups");
  const before = new Set(pre.sheetNames.map(lower));
  const ownedNow = new Set(names.items.map((n) => n.name));
  const ours = new Set(made.filter((b) => ownedNow.has(b.ownedName)).map((b) => lower(b.to)));
  const copyNames = made.map((b) => new RegExp(`^${escapeRegExp(b.from)} \\(\\d+\\)$`, "i"));
  for (const ws of sheets.items) {
    const key = lower(ws.name);
    if (before.has(key)) continue;
    if (ours.has(key) || copyNames.some((re) => re.test(ws.name))) ws.delete();
  }
  for (const b of made) if (ownedNow.has(b.ownedName)) context.workbook.names.getItem(b.ownedName).delete();
  await countedSync(context, "apply: remove unfinished backups");
  const present = new Set(sheets.items.map((ws) => lower(ws.name)));
  return made
    .filter((b) => !ours.has(lower(b.to)) && present.has(lower(b.to)) && !before.has(lower(b.to)))
    .map((b) => b.to);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The cells in payload-sized syncs of row blocks; a refused block is halved and sent again. The tables to
 * grow over the new rows are resized in the last batch (Table.resize, ExcelApi 1.13; sent again with it
 * if it is refused, which does no harm), and then the tables' calculated columns are written into the rows
 * they took in (`tables.fills`: the column's formula in R1C1, which Excel writes as for each row, as it fills
 * a calculated column into a new table row; a row inserted at the Total row may hold it already, which the
 * same formula leaves as it is); `onResizeSent` is called when the resizes are queued.
 */
async function writeCells(
  context: Excel.RequestContext,
  cells: CellEdit[],
  onWritten: () => void,
  tables: Pick<TableGrowth, "resizes" | "fills"> = { resizes: [], fills: [] },
  onResizeSent?: () => void,
): Promise<void> {
  const { resizes, fills } = tables;
  const budget = payloadBudget();
  const blocks = cellBlocks(cells, { maxBytes: Math.max(1, Math.floor(budget * 0.9)) });
  const sheets = new Map<string, Excel.Worksheet>();
  // A proxy per sheet and batch: one made in a batch Excel refused is not safe to use afterwards.
  const sheetIn = (name: string, batch: number): Excel.Worksheet => {
    const key = `${batch}\u0000${name}`;
    let ws = sheets.get(key);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(key, ws);
    }
    return ws;
  };
  const write = (b: CellBlock): QueuedWrite => ({
    bytes: b.bytes + OP_BYTES,
    queue: (batch) => {
      const range = sheetIn(b.sheet, batch).getRangeByIndexes(
        b.row,
        b.col,
        b.values.length,
        b.values[0].length,
      );
      // The format goes first, so "@" is in place before text such as "007" arrives; null leaves a cell's own.
      if (b.formats.some((r) => r.some((f) => f !== null))) range.numberFormat = b.formats as string[][];
      range.values = b.values as CellValue[][] as (string | number | boolean)[][];
    },
    split: () => {
      const parts = splitBlock(b);
      return parts ? [write(parts[0]), write(parts[1])] : null;
    },
  });
  const growTables: QueuedWrite = {
    bytes:
      OP_BYTES * resizes.length +
      fills.reduce((n, f) => n + OP_BYTES + f.rows * jsonBytes([f.formulaR1C1]), 0),
    queue: (batch) => {
      onResizeSent?.();
      for (const r of resizes) context.workbook.tables.getItem(r.table).resize(r.to);
      for (const f of fills)
        sheetIn(f.sheet, batch).getRangeByIndexes(f.row, f.col, f.rows, 1).formulasR1C1 = Array.from(
          { length: f.rows },
          () => [f.formulaR1C1],
        );
    },
  };
  const grows = resizes.length > 0 || fills.length > 0;
  await syncWrites(
    context,
    [...blocks.map(write), ...(grows ? [growTables] : [])],
    "apply: cells",
    onWritten,
  );
}

/** Log rows below the owned log tab's last used row, in payload-sized syncs (text escaped and kept as text). */
async function appendLogRows(
  context: Excel.RequestContext,
  sheet: string,
  firstRow: number,
  append: LogAppend,
  asAtCell: { row: number; col: number } | null,
  onWritten: () => void,
  date1904: boolean,
): Promise<void> {
  const width = append.header.length;
  const dateCols = new Set(append.template?.format.dateColumns ?? []);
  const rows = append.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const values = rows.map((r) =>
    r.map((v) => (typeof v === "string" ? escapeCellText(fitCell(v)) : v === null ? "" : v)),
  );
  const formats = rows.map((r) =>
    r.map((v, c) =>
      typeof v === "string"
        ? TEXT_FORMAT
        : typeof v === "number" && dateCols.has(c)
          ? logDateFormat(v, append.kind)
          : "General",
    ),
  );
  // The log's dates in the workbook's date system (date-system.ts).
  const stored = writtenRows(values, formats, date1904);
  const rowBytes = values.map((r, i) => jsonBytes(r) + jsonBytes(formats[i]));
  const sheetsByBatch = new Map<number, Excel.Worksheet>();
  const ws = (batch: number) => {
    let w = sheetsByBatch.get(batch);
    if (!w) {
      w = context.workbook.worksheets.getItem(sheet);
      sheetsByBatch.set(batch, w);
    }
    return w;
  };
  const chunk = (start: number, count: number): QueuedWrite => {
    let bytes = OP_BYTES;
    for (let r = start; r < start + count; r++) bytes += rowBytes[r];
    return {
      bytes,
      queue: (batch) => {
        const range = ws(batch).getRangeByIndexes(firstRow + start, 0, count, width);
        range.numberFormat = formats.slice(start, start + count);
        range.values = stored.slice(start, start + count) as (string | number | boolean)[][];
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
  const writes: QueuedWrite[] = [];
  let start = 0;
  while (start < rows.length) {
    let count = 0;
    let bytes = 0;
    while (start + count < rows.length && (count === 0 || bytes + rowBytes[start + count] <= maxBytes)) {
      bytes += rowBytes[start + count];
      count += 1;
    }
    writes.push(chunk(start, count));
    start += count;
  }
  // The title block's as-at date brought up to the rows appended, after them.
  const asAt = append.asAt && asAtCell ? storedCell({ date: append.asAt }) : null;
  if (asAt && asAtCell) {
    const format = asAt.numberFormat ?? "General";
    writes.push({
      bytes: OP_BYTES,
      queue: (batch) => {
        const cell = ws(batch).getRangeByIndexes(asAtCell.row, asAtCell.col, 1, 1);
        cell.numberFormat = [[format]];
        cell.values = [[writtenValue(asAt.value, format, date1904) as string | number]];
      },
      split: () => null,
    });
  }
  await syncWrites(context, writes, "apply: log rows", onWritten);
}

/** The log tab to create: its template (title block and header) with the rows below, or a bare header. */
function newLogTab(append: LogAppend): OwnedTab {
  if (append.template) return { ...append.template, rows: [...append.template.rows, ...append.rows] };
  return {
    name: OWNED_TAB_NAMES[append.kind],
    kind: append.kind,
    rows: [append.header, ...append.rows],
    format: { ...emptyFormat(), headerRows: [0], freezeBelowRow: 0 },
  };
}

/**
 * A write refused as protected before any of the import reached the workbook (the sheet was protected after
 * preflight looked, by a co-author say): the backups and their names are removed again, in one sync, so
 * the workbook is as it was. Returns the error to throw, naming the sheets.
 */
async function refusedBeforeWriting(sheets: string[], made: Backup[]): Promise<PlainError> {
  if (made.length === 0) return new PlainError(protectedSheetsMessage(sheets), ErrorCode.accessDenied);
  try {
    await runExcel("removing the backup copy", async (context) => {
      for (const b of made) {
        context.workbook.names.getItem(b.ownedName).delete();
        context.workbook.worksheets.getItem(b.to).delete();
      }
      await countedSync(context, "apply: remove backup", OP_BYTES * made.length * 2);
    });
  } catch {
    const list = made.map((b) => `"${b.to}"`).join(" and ");
    return new PlainError(
      `${protectedSheetsMessage(sheets)} The backup ${list} made just before could not be removed: delete it if you do not need it.`,
      ErrorCode.accessDenied,
    );
  }
  return new PlainError(
    protectedSheetsMessage(sheets, "nothing was imported and the backup made for it was removed again"),
    ErrorCode.accessDenied,
  );
}

/**
 * After a failure past the backup: puts every edited sheet back from its backup (values and formats over
 * its old used range; rows the import added below it emptied) and empties the log rows appended, in one
 * sync. Returns the error to throw, saying which step failed and where the register as it was now is.
 */
async function failedAfterBackup(
  error: unknown,
  step: string,
  stepSheets: string[],
  edits: WorkbookEdits,
  pre: Preflight,
  backups: { from: string; to: string }[],
  appended: { sheet: string; firstRow: number; rows: number; width: number }[],
  resizeSent: boolean,
): Promise<PlainError> {
  const detail =
    officeErrorCode(error) === ErrorCode.accessDenied
      ? `The ${stepSheets.length === 1 ? "sheet" : "sheets"} ${stepSheets.map((s) => `"${s}"`).join(" and ")} became protected while the import was being written.`
      : toPlainError(error, step).message;
  const edited = [...new Set(edits.cells.map((c) => c.sheet))];
  const backupOf = new Map(backups.map((b) => [lower(b.from), b.to]));
  const backupList = backups.map((b) => `"${b.to}"`).join(" and ");
  const restorable = supportsExcelApi("1.9") && edited.every((s) => backupOf.has(lower(s)));
  if (restorable) {
    try {
      await runExcel("putting the register back", async (context) => {
        // First the table rows as they were: rows inserted at a Total row deleted (it moves back up, its
        // references with it, and the table shrinks), a grown table resized back. Then the cells.
        for (const m of pre.tables.inserts) {
          const ws = context.workbook.worksheets.getItem(m.sheet);
          // The blank rows deleted under a Total row moved into them come back first (see makeBackups).
          if (m.intoBlankRows)
            ws.getRangeByIndexes(m.row + m.by + 1, m.left, m.by, m.width).insert(
              Excel.InsertShiftDirection.down,
            );
          ws.getRangeByIndexes(m.row, m.left, m.by, m.width).delete(Excel.DeleteShiftDirection.up);
        }
        if (resizeSent)
          for (const r of pre.tables.resizes) context.workbook.tables.getItem(r.table).resize(r.from);
        for (const sheet of edited) {
          const ws = context.workbook.worksheets.getItem(sheet);
          const backup = context.workbook.worksheets.getItem(backupOf.get(lower(sheet))!);
          const u = pre.used.get(sheet) ?? null;
          if (u) {
            const rows = u.bottom - u.top + 1;
            const cols = u.right - u.left + 1;
            ws.getRangeByIndexes(u.top, u.left, rows, cols).copyFrom(
              backup.getRangeByIndexes(u.top, u.left, rows, cols),
              "All",
            );
          }
          // Cells the import wrote outside the old used range were empty before it: empty them again.
          const outside = [...edits.cells, ...calculatedCells(pre.tables.fills)].filter(
            (c) =>
              c.sheet === sheet &&
              (!u || c.row > u.bottom || c.col > u.right || c.row < u.top || c.col < u.left),
          );
          if (outside.length > 0) {
            const top = Math.min(...outside.map((c) => c.row));
            const bottom = Math.max(...outside.map((c) => c.row));
            const left = Math.min(...outside.map((c) => c.col));
            const right = Math.max(...outside.map((c) => c.col));
            if (u) {
              // Only the part below or right of the old used range (the rest was just restored).
              if (bottom > u.bottom)
                ws.getRangeByIndexes(
                  Math.max(top, u.bottom + 1),
                  left,
                  bottom - Math.max(top, u.bottom + 1) + 1,
                  right - left + 1,
                ).clear("Contents");
              if (right > u.right)
                ws.getRangeByIndexes(
                  top,
                  Math.max(left, u.right + 1),
                  bottom - top + 1,
                  right - Math.max(left, u.right + 1) + 1,
                ).clear("Contents");
            } else ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).clear("Contents");
          }
        }
        for (const a of appended)
          context.workbook.worksheets
            .getItem(a.sheet)
            .getRangeByIndexes(a.firstRow, 0, a.rows, Math.max(1, a.width))
            .clear("All");
        await countedSync(context, "apply: put back");
      });
      return new PlainError(
        `The import stopped while ${step}: ${detail} The register was put back as it was (from the backup ${backupList}, which stays in the workbook), so nothing was imported. Try again.`,
        "import-rolled-back",
      );
    } catch {
      // Falls through to the message that points at the backup.
    }
  }
  return new PlainError(
    `The import stopped while ${step}: ${detail} The register may be partly written. The backup ${backupList || "sheet"} holds it as it was before the import.`,
    "import-half-written",
  );
}
