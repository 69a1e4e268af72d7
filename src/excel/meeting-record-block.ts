// The Meeting Record's one block a meeting writes: the meeting under way at the top of the tab (written at the
// start and at each skip), and, when the meeting ends, its record in that block's place. Only the block's own
// rows are written. A taller block inserts rows (Range.insert, shift down) and a shorter one deletes rows of its
// own (Range.delete, shift up), so the earlier meetings' records below move as Excel moves rows and keep every
// value, number format, fill, link and hand edit: they are never written again. The block is found by its
// title in the tab's first rows, wherever it stands (below a row an officer inserted, say); a tab that cannot
// be read is not written. A block that fits one payload goes in one sync; a larger one goes through a hidden
// staging sheet, copied into place in the last sync, so a failure part-way leaves the tab as it was.

import { OWNED_TAB_NAMES, type OwnedTab } from "../core/model/owned-tab";
import {
  findMeetingProgress,
  type MeetingProgress,
  type ProgressBlock,
} from "../core/meeting/meeting-progress";
import { PlainError, type WriteResult } from "./gateway";
import { ErrorCode, officeErrorCode } from "./errors";
import { payloadBudget } from "./payload";
import { countedSync, runExcel, supportsExcelApi } from "./run";
import { syncWrites, type QueuedWrite } from "./write-batches";
import {
  addOwnedName,
  chooseSheet,
  formatWrites,
  linkWrites,
  OP_BYTES,
  protectedTabError,
  removeUnfinished,
  setupWrite,
  sheetPerBatch,
  tabCells,
  valueWrites,
  writeOwnedTabIn,
  type Target,
  type TabCells,
} from "./write-owned-tab";

/** The tab the block is written on (or "Meeting Record (Risk Review)" where a user sheet has the name). */
const RECORD_TAB = OWNED_TAB_NAMES["meeting-record"];

/**
 * Rows read to find the meeting under way: it stands at the top of the tab, below at most a row or two an
 * officer inserted, or below another meeting's record when a meeting was left open and another held since.
 */
const SEARCH_ROWS = 2000;
/** Columns read: the titles, the attendees and the skipped risks' id, title and register. */
const SEARCH_COLS = 3;

/** What a meeting writes on the Meeting Record: one block, never the earlier meetings' records. */
export interface MeetingBlockRequest {
  /** ISO date of the meeting: its block under way is the one replaced; with none, the block goes in at the top. */
  date: string;
  /**
   * The block to write, made from the meeting under way as the tab holds it just before the write (null when it
   * holds none): a co-author's pane may have written since, and what it wrote is merged, not written over.
   */
  build(held: MeetingProgress | null): OwnedTab;
}

/**
 * The meeting under way on `date` as the Meeting Record holds it, or null when the workbook has no Meeting
 * Record or it holds none. Two syncs (the sheets, then the tab's first rows).
 */
export async function readMeetingUnderWay(date: string): Promise<MeetingProgress | null> {
  return runExcel(`reading the "${RECORD_TAB}" tab`, async (context) => {
    const target = await chooseSheet(context, RECORD_TAB);
    if (!target.exists) return null;
    return (await findBlock(context, target, date)).found?.progress ?? null;
  });
}

/**
 * Writes the meeting's block (see the top of this file): where the tab holds the meeting under way on
 * `request.date`, in its rows; else at the top, a blank row between it and what was there. A new tab is
 * written as any owned tab is (writeOwnedTab). A protected tab is left as it was.
 */
export async function writeMeetingBlock(request: MeetingBlockRequest): Promise<WriteResult> {
  return runExcel(`writing the "${RECORD_TAB}" tab`, async (context) => {
    const target = await chooseSheet(context, RECORD_TAB);
    if (!target.exists) return writeOwnedTabIn(context, request.build(null));
    const { found, tabUsed } = await findBlock(context, target, request.date);
    const block = request.build(found?.progress ?? null);
    await writeBlockAt(context, target, block, placeOf(found, tabUsed));
    return {
      sheetName: target.name,
      renamed: target.name.toLowerCase() !== RECORD_TAB.toLowerCase(),
    };
  });
}

/**
 * One sync: the tab's first rows (columns A to C) and where its used range ends; the meeting under way on
 * `date` in them (null when none), and whether the tab holds anything. Refuses (so nothing is written) when the
 * block runs past the rows read into rows the tab still uses, as its end cannot then be told.
 */
async function findBlock(
  context: Excel.RequestContext,
  target: Target,
  date: string,
): Promise<{ found: ProgressBlock | null; tabUsed: boolean }> {
  const ws = context.workbook.worksheets.getItem(target.name);
  const top = ws.getRangeByIndexes(0, 0, SEARCH_ROWS, SEARCH_COLS).load("values");
  const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
  await countedSync(context, `read: ${target.name}`);
  const usedEnd = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const found = findMeetingProgress(top.values, date);
  if (found?.open && usedEnd > SEARCH_ROWS)
    throw new PlainError(
      `The meeting under way on the "${target.name}" tab runs past its first ${SEARCH_ROWS.toLocaleString("en-GB")} rows, so the add-in cannot tell where it ends, and the tab was not changed.`,
    );
  return { found, tabUsed: usedEnd > 0 };
}

/** Where the block goes: the rows it replaces from `at` (none: it goes in above), and a blank row after it. */
interface Place {
  at: number;
  replaced: number;
  /** A blank row added after the block, between it and what the tab held at its top. */
  blankAfter: boolean;
}

/**
 * The meeting under way's rows (the blank row after them is there already), or the top of the tab, with a
 * blank row after the block where the tab holds anything, to part it from what follows.
 */
function placeOf(found: ProgressBlock | null, tabUsed: boolean): Place {
  return found
    ? { at: found.start, replaced: found.end - found.start, blankAfter: false }
    : { at: 0, replaced: 0, blankAfter: tabUsed };
}

/**
 * Writes `block` over the `place` rows of the tab: in one sync where the payload allows (the row moves first,
 * so a protected tab refuses before anything changes), else staged (see the top of this file).
 */
async function writeBlockAt(
  context: Excel.RequestContext,
  target: Target,
  block: OwnedTab,
  place: Place,
): Promise<void> {
  const cells = tabCells(block, target.date1904);
  const tabIn = sheetPerBatch(context, target.name);
  const direct = [
    rowMoves(context, target, cells, place, tabIn),
    ...valueWrites(cells, tabIn, place.at),
    ...formatWrites(block, cells, tabIn, place.at),
    ...linkWrites(block, tabIn, place.at),
  ];
  const label = `write: ${target.name}`;
  const bytes = direct.reduce((n, w) => n + w.bytes, 0);
  try {
    if (bytes <= payloadBudget() * 0.9) {
      // One write that is never split: the block goes in whole or not at all.
      await syncWrites(context, [{ bytes, queue: (batch) => direct.forEach((w) => w.queue(batch)) }], label);
      return;
    }
    await writeStaged(context, target, block, cells, place, label);
  } catch (e) {
    if (officeErrorCode(e) === ErrorCode.accessDenied)
      throw protectedTabError(target, block, "the meeting was not written on it and it keeps its contents");
    throw e;
  }
}

/**
 * A block too large for one sync: its cells and formats go to a hidden staging sheet in payload-sized syncs,
 * and the last batch moves the tab's rows, copies the staging sheet's cells into place (Range.copyFrom,
 * ExcelApi 1.9) and deletes it; the links follow. A failure before the last batch deletes the staging sheet and
 * leaves the tab as it was. Without ExcelApi 1.9 nothing is written.
 */
async function writeStaged(
  context: Excel.RequestContext,
  target: Target,
  block: OwnedTab,
  cells: TabCells,
  place: Place,
  label: string,
): Promise<void> {
  if (!supportsExcelApi("1.9"))
    throw new PlainError(
      `This version of Excel cannot write a Meeting Record this long in one step, so the "${target.name}" tab was not changed. Update Office, or use Excel on the web.`,
      ErrorCode.apiNotFound,
    );
  const tabIn = sheetPerBatch(context, target.name);
  const stagingIn = sheetPerBatch(context, target.stagingName);
  const rows = cells.values.length;
  const cols = cells.values[0].length;
  const moves = rowMoves(context, target, cells, place, tabIn);
  const copy: QueuedWrite = {
    bytes: moves.bytes + OP_BYTES * 2,
    queue: (batch) => {
      moves.queue(batch);
      const staging = stagingIn(batch);
      tabIn(batch)
        .getRangeByIndexes(place.at, 0, rows, cols)
        .copyFrom(staging.getRangeByIndexes(0, 0, rows, cols), "All");
      staging.delete();
    },
  };
  try {
    await syncWrites(
      context,
      [
        setupWrite(context, target, block, true, stagingIn),
        ...valueWrites(cells, stagingIn),
        ...formatWrites(block, cells, stagingIn),
        copy,
        ...linkWrites(block, tabIn, place.at),
      ],
      label,
    );
  } catch (e) {
    await removeUnfinished(context, label, target.stagingName, null);
    throw e;
  }
}

/**
 * The tab's rows made ready for the block: rows inserted after those it replaces (whole rows, shift down) when
 * it is taller, or its own last rows deleted (shift up) when it is shorter, so every row below moves with all
 * it holds and the title row keeps its place (and any name pointing at it); then the block's rows (and the
 * blank row after it, where one is added) cleared, and the tab named as the add-in's where only its marker said so.
 */
function rowMoves(
  context: Excel.RequestContext,
  target: Target,
  cells: TabCells,
  place: Place,
  tabIn: (batch: number) => Excel.Worksheet,
): QueuedWrite {
  const rows = cells.values.length + (place.blankAfter ? 1 : 0);
  const { at, replaced } = place;
  const wholeRows = (from: number, count: number) => `${from + 1}:${from + count}`;
  return {
    bytes: OP_BYTES * 4,
    queue: (batch) => {
      const ws = tabIn(batch);
      if (rows > replaced)
        ws.getRange(wholeRows(at + replaced, rows - replaced)).insert(Excel.InsertShiftDirection.down);
      else if (rows < replaced)
        ws.getRange(wholeRows(at + rows, replaced - rows)).delete(Excel.DeleteShiftDirection.up);
      ws.getRange(wholeRows(at, rows)).clear("All");
      addOwnedName(context, target, ws);
    },
  };
}
