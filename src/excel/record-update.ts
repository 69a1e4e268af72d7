// Records one risk's meeting update in the open workbook: checks the rows shown are unchanged (one
// read sync), then writes the register cells and appends the Update Log row (one write sync).

import type { CellValue } from "../core/model/grid";
import type { CellEdit, LogAppend } from "../core/model/edits";
import type { OwnedTab } from "../core/model/owned-tab";
import { findConflicts, type FieldConflict, type RowSnapshot } from "../core/meeting/conflict";
import { PlainError, type WorkbookGateway, type WriteResult } from "./gateway";
import { escapeCellText } from "./escape-text";
import { candidateSheetNames, rowHasMarker, sheetsOwnedByName } from "./owned-sheets";
import { countedSync, runExcel } from "./run";

/** A register cell to write; a cell holding a formula is never overwritten (`derived` marks score and RAG). */
export type RecordCellEdit = CellEdit & { derived?: boolean };

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
      /** Cells skipped because they hold a formula, kept as they are (R1C1 addresses with sheet). */
      keptFormulas: string[];
    }
  | { ok: false; conflicts: RowConflict[] };

const DATE_FORMAT = "dd/mm/yyyy";
const TEXT_FORMAT = "@";
/** Update Log columns: Date, Risk ID, By, Update, No change, Score, Strategy. */
const LOG_FORMATS = [DATE_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "General", TEXT_FORMAT];

/** The value that stores `v` exactly: text escaped so it never becomes a formula. */
function wire(v: CellValue): CellValue {
  if (typeof v === "string") return escapeCellText(v);
  return v === null ? "" : v;
}

function logFormat(col: number, v: CellValue): string {
  if (typeof v === "string") return TEXT_FORMAT;
  return LOG_FORMATS[col] === TEXT_FORMAT ? "General" : (LOG_FORMATS[col] ?? "General");
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
 * Records one risk: sync 1 reads the rows the card showed, the Update Log's extent and its row 1
 * (still ours?), and the formula of every cell to write (SPEC: a formula is never replaced by a value); when a row changed and `force` is not set it
 * returns the differences and writes nothing. Sync 2 writes every cell and appends the log rows.
 * Two syncs per risk, whatever the register's size.
 */
export async function recordUpdate(request: RecordUpdateRequest): Promise<RecordUpdateResult> {
  return runExcel("recording the update", async (context) => {
    const sheets = context.workbook.worksheets;
    const rows = request.expected.map((s) =>
      sheets
        .getItem(s.sheet)
        .getRangeByIndexes(s.row, s.firstCol, 1, Math.max(1, s.values.length))
        .load("values"),
    );
    const derived = request.cells.map((c) => ({
      edit: c,
      range: sheets.getItem(c.sheet).getCell(c.row, c.col).load("formulas"),
    }));
    const log = sheets.getItem(request.logSheet);
    const used = log.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
    const first = log.getRange("1:1").getUsedRangeOrNullObject(true).load("values");
    await countedSync(context, "record: read rows");

    const rowsNow = rows.map((r) => (r.values[0] ?? []).slice());
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

    const keptFormulas: string[] = [];
    const skip = new Set<RecordCellEdit>();
    for (const d of derived) {
      const f = d.range.formulas[0]?.[0];
      if (typeof f === "string" && f.startsWith("=")) {
        skip.add(d.edit);
        keptFormulas.push(`${d.edit.sheet}!R${d.edit.row + 1}C${d.edit.col + 1}`);
      }
    }
    for (const c of request.cells) {
      if (skip.has(c)) continue;
      const cell = sheets.getItem(c.sheet).getCell(c.row, c.col);
      // The format goes first, so "@" is in place before text such as "007" or "1/2" arrives.
      if (c.format) cell.numberFormat = [[c.format]];
      cell.values = [[wire(c.value)]];
    }

    const logRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const width = request.log.header.length;
    const block = request.log.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    if (block.length > 0) {
      const target = log.getRangeByIndexes(logRow, 0, block.length, width);
      target.numberFormat = block.map((r) => r.map((v, c) => logFormat(c, v)));
      target.values = block.map((r) => r.map(wire));
    }
    await countedSync(context, "record: write");
    return { ok: true, rowsNow, logRow, keptFormulas };
  });
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
