// Records one risk's meeting update in the open workbook: checks the rows shown are unchanged (one
// read sync), then writes the register cells and appends the Update Log row (one write sync).

import type { CellValue } from "../core/model/grid";
import { headingAsAtToRaise, type CellEdit, type LogAppend } from "../core/model/edits";
import type { OwnedTab } from "../core/model/owned-tab";
import { findConflicts, type FieldConflict, type RowSnapshot } from "../core/meeting/conflict";
import { columnRuns, placeLogColumns } from "../core/meeting/log-columns";
import { logKeepingReplaced, valuesReplaced, type ReplacedValue } from "../core/meeting/replaced-values";
import { OWNED_TAB_STYLE, storedCell } from "../core/model/owned-tab";
import { MAX_CELL_CHARS } from "../core/model/writable-text";
import { qualifiedAddress, toA1 } from "../core/address/a1";
import type { KeptFormulaCell } from "../core/meeting/formula-cell-note";
import type { OwnCellLineWrites } from "../core/meeting/record";
import { writesLeftWith, type UnwrittenCell } from "../core/meeting/own-lines-now";
import { PlainError, type WorkbookGateway, type WriteResult } from "./gateway";
import { ErrorCode, protectedSheetsMessage } from "./errors";
import { rethrowNamingMissingSheets } from "./missing-sheets";
import { escapeCellText } from "./escape-text";
import { candidateSheetNames, rowHasMarker, sheetsOwnedByName } from "./owned-sheets";
import { countedSync, runExcel } from "./run";
import { askDate1904, readDatesIn, writtenValue } from "./date-system";

/**
 * A register cell to write; a cell holding a formula is never overwritten (`derived` marks score and RAG).
 * With `fill` ("#RRGGBB"), the cell's fill is set instead of its value (a colour-only RAG cell). `field` names
 * what the cell holds (RegisterWrite.field), so a cell kept for its formula is named with it.
 */
export type RecordCellEdit = CellEdit & {
  derived?: boolean;
  fill?: string;
  field?: string;
  /** A cell written line by line (RegisterWrite.ownLines): a forced write keeping a co-author's lines says so. */
  ownLines?: OwnCellLineWrites;
  /** An action's cell written whole: the action as its change names it (RegisterWrite.action). */
  action?: string;
};

export interface RecordUpdateRequest {
  /** Register (and actions sheet) cells the officer's record changes. */
  cells: RecordCellEdit[];
  /** The Update Log rows to append (one, or two when the register's own text is carried first). */
  log: LogAppend;
  /** The owned Update Log sheet, as openUpdateLog named it. */
  logSheet: string;
  /** Rows as the card showed them. When one differs now, nothing is written and the differences come back. */
  expected: RowSnapshot[];
  /** Write even when the rows changed (the officer saw both versions and chose to go ahead). */
  force?: boolean;
  /**
   * The log to append where cells are left as they are after all (a cell holding a formula when written is kept,
   * with the writes left with it: writesLeftWith), so its update's row says what the register holds, as for a
   * formula the card's read saw (record.ts): the pane's plan without them (planWithoutCells). Absent: `log`.
   */
  logLeaving?: (left: readonly UnwrittenCell[]) => LogAppend;
}

export interface RowConflict {
  snapshot: RowSnapshot;
  now: CellValue[];
  fields: FieldConflict[];
}

export type RecordUpdateResult =
  | {
      ok: true;
      /** Each expected row as read just before the write (for the next snapshot). */
      rowsNow: CellValue[][];
      /** 0-based row of the first Update Log row written. */
      logRow: number;
      /** Cells skipped because they hold a formula, kept as they are (named as Excel names them: 'IRIS Risks'!F3). */
      keptFormulas: KeptFormulaCell[];
      /**
       * Every cell not written, as `request.cells` has them, each with the value it shows now (see
       * planWithoutCells): those holding a formula, and the writes left with them (writesLeftWith).
       */
      keptCells: UnwrittenCell[];
      /** A forced write's co-author values it wrote over, kept in the update's log row (empty when none). */
      replaced: ReplacedValue[];
    }
  | { ok: false; conflicts: RowConflict[] };

const DATE_FORMAT = "dd/mm/yyyy";
const TEXT_FORMAT = "@";
/** Rows searched for the log's header row (the owned tab's is row 4, below its title block). */
const HEADER_SEARCH_ROWS = 12;

/** The value that stores `v` exactly: text escaped so it never becomes a formula. */
function wire(v: CellValue): CellValue {
  if (typeof v === "string") return escapeCellText(v);
  return v === null ? "" : v;
}

/** Text as text; the Date column's numbers as dates; other numbers (the score) as numbers. */
function logFormat(header: string, v: CellValue): string {
  if (typeof v === "string") return TEXT_FORMAT;
  return header.trim().toLowerCase() === "date" ? DATE_FORMAT : "General";
}

/**
 * Finds the owned Update Log tab (by its CRR_OWNED_* name or the marker in row 1), or creates it with
 * `write(emptyTab)` when there is none. Returns the sheet's name. One or two read syncs, plus the
 * writer's own when it creates the tab; call it once per meeting.
 */
export async function openUpdateLog(
  emptyTab: OwnedTab,
  write: (tab: OwnedTab) => Promise<WriteResult>,
): Promise<string> {
  const found = await runExcel("finding the Update Log tab", async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/value");
    await countedSync(context, "meeting: sheets and names");
    const owned = sheetsOwnedByName(names.items.map((n) => ({ name: n.name, value: n.value as unknown })));
    const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const candidates = candidateSheetNames(emptyTab.name).filter((c) => existing.has(c.toLowerCase()));
    const byName = candidates.find((c) => owned.has(c.toLowerCase()));
    if (byName) return existing.get(byName.toLowerCase())!.name;
    const rows = candidates.map((c) => ({
      name: existing.get(c.toLowerCase())!.name,
      row: existing.get(c.toLowerCase())!.getRange("1:1").getUsedRangeOrNullObject(true).load("values"),
    }));
    if (rows.length === 0) return null;
    await countedSync(context, "meeting: owned markers");
    return rows.find((r) => !r.row.isNullObject && rowHasMarker(r.row.values[0]))?.name ?? null;
  });
  if (found) return found;
  return (await write(emptyTab)).sheetName;
}

/**
 * Records one risk: sync 1 reads the rows the card showed, the Update Log's extent, its row 1
 * (still ours?) and its header row (each value goes under its own header; columns the log lacks are
 * added to the right of everything on it), and the formula of every cell to write (SPEC: a formula is never replaced by a value); when a row changed and `force` is not set it
 * returns the differences and writes nothing. Sync 2 writes every cell and appends the log rows; a
 * forced write first puts the co-author's values it writes over into its update's log row (read in sync
 * 1, so they are what it replaces, not what the card showed). Two syncs per risk, whatever the register's size.
 */
export async function recordUpdate(request: RecordUpdateRequest): Promise<RecordUpdateResult> {
  refuseOverlongText(request);
  return runExcel("recording the update", async (context) => {
    const sheets = context.workbook.worksheets;
    const written = sheetsWritten(request);
    // ExcelApi 1.2: a protected sheet refuses every write, so it is found out before any cell is written.
    const protections = written.map((name) => ({
      name,
      protection: sheets.getItem(name).protection.load("protected"),
    }));
    const rows = request.expected.map((s) =>
      sheets
        .getItem(s.sheet)
        .getRangeByIndexes(s.row, s.firstCol, 1, Math.max(1, s.values.length))
        .load("values,numberFormat"),
    );
    const derived = request.cells.map((c) => ({
      edit: c,
      range: sheets.getItem(c.sheet).getCell(c.row, c.col).load("formulas,values,numberFormat"),
    }));
    const log = sheets.getItem(request.logSheet);
    const used = log.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
    const first = log.getRange("1:1").getUsedRangeOrNullObject(true).load("values");
    // The header row (to put each value under its own header) and how far right the sheet is used.
    const top = log
      .getRange(`1:${HEADER_SEARCH_ROWS}`)
      .getUsedRangeOrNullObject(true)
      .load("values,rowIndex,columnIndex");
    const below = log.getRange("2:1048576").getUsedRangeOrNullObject(true).load("columnIndex,columnCount");
    // The workbook's date system (date-system.ts): the rows are compared, and the dates written, in it.
    const date1904 = askDate1904(context);
    await rethrowNamingMissingSheets(context, written, "nothing was written", () =>
      countedSync(context, "record: read rows"),
    );
    const locked = protections.filter((p) => p.protection.protected).map((p) => p.name);
    if (locked.length > 0)
      throw new PlainError(
        protectedSheetsMessage(locked, "nothing was recorded", "record the update again"),
        ErrorCode.accessDenied,
      );

    const is1904 = date1904();
    const rowsNow = rows.map((r) => (r.values[0] ?? []).slice());
    // As the card's rows were read (1900 system), or every date in a 1904 workbook would look changed.
    readDatesIn(
      rowsNow,
      rows.map((r) => r.numberFormat[0]),
      is1904,
    );
    const conflicts: RowConflict[] = [];
    request.expected.forEach((s, i) => {
      const fields = findConflicts(s, rowsNow[i]);
      if (fields.length) conflicts.push({ snapshot: s, now: rowsNow[i], fields });
    });
    if (conflicts.length && !request.force) return { ok: false, conflicts };
    if (first.isNullObject || !rowHasMarker(first.values[0])) {
      throw new PlainError(
        `The sheet "${request.logSheet}" is no longer the add-in's Update Log, so nothing was written. Start the meeting again to find or create the log.`,
      );
    }

    const keptFormulas: KeptFormulaCell[] = [];
    const formulaCells: RecordCellEdit[] = [];
    for (const d of derived) {
      // Excel gives a text cell's own text as its formula, without the apostrophe that made it text
      // (office-js#6687): "=SUM of works orders" typed as text is a formula only if its value differs.
      const f = d.range.formulas[0]?.[0];
      if (typeof f === "string" && f.startsWith("=") && f !== d.range.values[0]?.[0]) {
        formulaCells.push(d.edit);
        const address = qualifiedAddress(d.edit.sheet, d.edit.row, d.edit.col);
        keptFormulas.push(d.edit.field === undefined ? { address } : { address, field: d.edit.field });
      }
    }
    const skip = new Set(writesLeftWith(request.cells, formulaCells));
    const keptCells: UnwrittenCell[] = derived
      .filter((d) => skip.has(d.edit))
      .map((d) => ({ cell: d.edit, value: (d.range.values[0]?.[0] ?? null) as CellValue }));
    // A write left so changes nothing: the update's row does not say it did.
    const logSent = keptCells.length > 0 && request.logLeaving ? request.logLeaving(keptCells) : request.log;
    // Forced over a co-author's change: what it replaces goes into the log, so nothing they wrote is lost.
    const replaced = valuesReplaced(
      conflicts,
      derived
        .filter((d) => !skip.has(d.edit) && d.edit.fill === undefined)
        .map((d) => ({ ...d.edit, formatNow: String(d.range.numberFormat[0]?.[0] ?? "") || null })),
    );
    const logAppend = logKeepingReplaced(logSent, replaced);
    const formatNow = new Map(derived.map((d) => [d.edit, String(d.range.numberFormat[0]?.[0] ?? "")]));
    for (const c of request.cells) {
      if (skip.has(c)) continue;
      const cell = sheets.getItem(c.sheet).getCell(c.row, c.col);
      if (c.fill !== undefined) {
        cell.format.fill.color = c.fill;
        continue;
      }
      // The format goes first, so "@" is in place before text such as "007" or "1/2" arrives.
      if (c.format) cell.numberFormat = [[c.format]];
      // A date goes in the workbook's date system: by the format written, else the cell's own.
      cell.values = [[wire(writtenValue(c.value, c.format || formatNow.get(c), is1904))]];
    }

    const logRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const header = logAppend.header;
    const place = placeLogColumns(
      header,
      top.isNullObject ? null : { values: top.values, rowIndex: top.rowIndex, columnIndex: top.columnIndex },
      below.isNullObject ? -1 : below.columnIndex + below.columnCount - 1,
    );
    // Columns the log lacks (Register and Changes on a log an earlier version made) get their header,
    // to the right of everything on the sheet.
    if (place.headerRow !== null) {
      for (const a of place.added) {
        const cell = log.getCell(place.headerRow, a.col);
        cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[escapeCellText(a.text)]];
        cell.format.font.bold = true;
        cell.format.font.color = OWNED_TAB_STYLE.headerFont;
        cell.format.fill.color = OWNED_TAB_STYLE.headerFill;
      }
    }
    const logRows = logAppend.rows;
    if (logRows.length > 0) {
      for (const run of columnRuns(place.cols)) {
        const target = log.getRangeByIndexes(logRow, run[0].col, logRows.length, run.length);
        target.numberFormat = logRows.map((r) =>
          run.map(({ index }) => logFormat(header[index], r[index] ?? null)),
        );
        target.values = logRows.map((r) =>
          run.map(({ index }) => {
            const v = r[index] ?? null;
            return wire(writtenValue(v, logFormat(header[index], v), is1904));
          }),
        );
      }
      // The add-in's log tab's title block brought up to the meeting's date (a log kept by hand has none).
      const asAtCell =
        logAppend.asAt && !top.isNullObject
          ? headingAsAtToRaise(top.values as CellValue[][], logAppend.asAt, is1904)
          : null;
      if (logAppend.asAt && asAtCell) {
        const { value, numberFormat } = storedCell({ date: logAppend.asAt });
        const format = numberFormat ?? "General";
        const cell = log.getCell(top.rowIndex + asAtCell.row, top.columnIndex + asAtCell.col);
        cell.numberFormat = [[format]];
        cell.values = [[wire(writtenValue(value, format, is1904))]];
      }
    }
    await countedSync(context, "record: write");
    return { ok: true, rowsNow, logRow, keptFormulas, keptCells, replaced };
  });
}

/** Every sheet the update writes to: the register's (and actions sheets'), the rows checked, and the log. */
function sheetsWritten(request: RecordUpdateRequest): string[] {
  const names = [
    ...request.cells.map((c) => c.sheet),
    ...request.expected.map((s) => s.sheet),
    request.logSheet,
  ];
  return [...new Set(names)];
}

/**
 * Refuses, before anything is sent, a text longer than a cell holds (Excel refuses it mid-batch and keeps
 * what ran before it: a Last Reviewed date with no update and no log row).
 */
function refuseOverlongText(request: RecordUpdateRequest): void {
  const long = request.cells.find((c) => typeof c.value === "string" && c.value.length > MAX_CELL_CHARS);
  const logLong = request.log.rows.flat().find((v) => typeof v === "string" && v.length > MAX_CELL_CHARS);
  if (!long && typeof logLong !== "string") return;
  const length = long ? String(long.value).length : String(logLong).length;
  const where = long ? ` for "${long.sheet}" ${toA1(long.row, long.col)}` : "";
  throw new PlainError(
    `The text${where} is ${length.toLocaleString("en-GB")} characters long, and an Excel cell holds at most ${MAX_CELL_CHARS.toLocaleString("en-GB")}, so nothing was written. Shorten it, then record the update again.`,
  );
}

/** The meeting's two gateway methods, for a gateway that has writeOwnedTab (the Office one and fakes). */
export function meetingWrites(
  gateway: Pick<WorkbookGateway, "writeOwnedTab">,
): Required<Pick<WorkbookGateway, "openUpdateLog" | "recordUpdate">> {
  return {
    openUpdateLog: (tab) => openUpdateLog(tab, (t) => gateway.writeOwnedTab(t)),
    recordUpdate,
  };
}
