// "Write my update anyway" on a cell the record writes line by line (an own-action cell of several actions kept
// one a line, or the actions text where an action's due date is written on its line): a co-author changed the
// cell since the card was shown, and the chair writes their update all the same. Only the chair's own lines are
// written: the cell is made again from its text now, the chair's line or lines replaced and every other line
// (the co-author's among them) kept. Where the cell's lines no longer line up with the actions, nothing is
// written to it, and the pane says so; the update itself is still recorded. Such a cell that holds a formula
// when written (a co-author's, put in after the card was read) is kept by the adapter, and is not written either:
// the Update Log, the Meeting Record and the card then say what the register holds (planWithoutCells).

import type { CellValue } from "../model/grid";
import { ownCellTextLines, withActionItemLinesNow, withOwnCellLine } from "../model/own-action";
import { rawCell } from "../model/records";
import type { LogAppend } from "../model/edits";
import {
  LINE_WORDS,
  logChangesText,
  UPDATE_LOG_HEADER,
  type FieldChange,
  type OwnCellLineWrites,
  type RecordPlan,
  type RegisterWrite,
} from "./record";
import { recordWithValues, type FieldValue } from "./record-with-values";

/** Where the Update Log row says what else changed with the update. */
const CHANGES_COL = UPDATE_LOG_HEADER.indexOf("Changes");

/**
 * The cell's text `now` with the record's lines written on it (`planned`: the value the record made from the
 * text the card read), each found again in `now` as readOwnActions finds an action's line (its place among the
 * cell's lines, or among the actions text's items); null when `now` is not text or holds another number of
 * lines (items) than the text the card read, so its lines no longer line up with the actions; and, for the
 * actions text, when a co-author changed the action's own line too (its date is theirs then).
 */
export function ownLinesOnTextNow(now: CellValue, own: OwnCellLineWrites, planned: CellValue): string | null {
  if (typeof now !== "string") return null;
  if (own.field === "actions")
    return typeof planned === "string"
      ? withActionItemLinesNow(
          now,
          own.shown,
          planned,
          own.lines.map((l) => l.n),
        )
      : null;
  if (ownCellTextLines(now).length !== ownCellTextLines(own.shown).length) return null;
  let text: string | null = now;
  for (const line of own.lines) text = text === null ? null : withOwnCellLine(text, line.n, line.words);
  return text;
}

/**
 * True when `now`, a co-author's text of a cell the record writes line by line, holds each of the record's own
 * lines as the card read them: the co-author changed only other lines, all kept by the write made on it.
 */
function leavesOurLines(now: string, own: OwnCellLineWrites): boolean {
  // The actions text's lines are written on it only where they are so (ownLinesOnTextNow).
  if (own.field === "actions") return true;
  const theirs = ownCellTextLines(now);
  const shown = ownCellTextLines(own.shown);
  return own.lines.every((line) => theirs[line.n] === shown[line.n]);
}

/**
 * The plan of a record written anyway over a co-author's change: each cell it writes line by line is made again
 * from the cell's value now (`valueNow`: undefined where the cell's row has not changed, so the plan stands), the
 * record's own lines on the text now (ownLinesOnTextNow); where that keeps every line of theirs, the write says
 * so (OwnCellLineWrites.keptFrom). A cell whose lines no longer line up is not written (see planWithoutCells),
 * and a note says so. The record after it (the card's, the next record's) holds each such cell as the register
 * will. A cell holding a formula is left as planned: the adapter keeps the formula.
 */
export function planOverCellsNow(
  plan: RecordPlan,
  valueNow: (cell: RegisterWrite) => CellValue | undefined,
): RecordPlan {
  const cells: RegisterWrite[] = [];
  const dropped: UnwrittenCell[] = [];
  const after: FieldValue[] = [];
  for (const cell of plan.cells) {
    const own = cell.ownLines;
    const now = own ? valueNow(cell) : undefined;
    if (!own || now === undefined || now === own.shown || rawCell(plan.after.record, own.field)?.formula) {
      cells.push(cell);
      continue;
    }
    const text = ownLinesOnTextNow(now, own, cell.value);
    if (text === null) {
      dropped.push({ cell, value: now });
      continue;
    }
    const keptFrom = typeof now === "string" && leavesOurLines(now, own) ? { keptFrom: now } : {};
    cells.push({ ...cell, value: text, ownLines: { ...own, ...keptFrom } });
    after.push({ field: own.field, col: cell.col, value: text });
  }
  if (after.length === 0 && dropped.length === 0) return plan;
  const made = {
    ...plan,
    cells,
    after: { ...plan.after, record: recordWithValues(plan.after.record, after) },
  };
  const notes = dropped.flatMap(({ cell }) =>
    cell.ownLines!.lines.map((line) => notWrittenOver(line.label, cell.ownLines!)),
  );
  return dropped.length === 0 ? made : planWithoutCells(made, dropped, notes);
}

/** A cell of the plan's that is not written after all (found by its place), and its value as the register holds it. */
export interface UnwrittenCell {
  cell: UnwrittenWrite;
  value: CellValue;
}

/** What is known of a write not made: where it was to go, and, for a cell written line by line, its lines. */
type UnwrittenWrite = Pick<RegisterWrite, "sheet" | "row" | "col" | "ownLines"> & { field?: string };

const samePlace = (a: UnwrittenWrite, b: UnwrittenWrite) =>
  a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/**
 * The plan without the line writes of `unwritten` (cells written line by line that are left as they are: their
 * lines no longer line up with the actions since the card was shown, or the cell holds a formula now), so the
 * Update Log, the Meeting Record and the card say what the register holds: their lines' changes come off the
 * plan and the update's Changes cell (changesWithoutLinesOf), the record after holds each cell's value as the
 * register does, and `notes` are added. Cells not written line by line are left to the plan.
 */
export function planWithoutCells(
  plan: RecordPlan,
  unwritten: readonly UnwrittenCell[],
  notes: readonly string[] = [],
): RecordPlan {
  const own = unwritten.filter((u) => u.cell.ownLines);
  if (own.length === 0 && notes.length === 0) return plan;
  const changes = changesWithoutLinesOf(
    plan.changes,
    own.map((u) => u.cell),
  );
  const record = recordWithValues(
    plan.after.record,
    own.map(({ cell, value }) => ({ field: cell.ownLines!.field, col: cell.col, value })),
  );
  return {
    ...plan,
    cells: plan.cells.filter((c) => !own.some((u) => samePlace(u.cell, c))),
    changes,
    notes: [...plan.notes, ...notes],
    log: logWithChanges(plan.log, changes),
    after: { ...plan.after, record },
  };
}

/** The changes without those the lines of `cells` (cells written line by line that are not written) make. */
export function changesWithoutLinesOf(
  changes: readonly FieldChange[],
  cells: readonly UnwrittenWrite[],
): FieldChange[] {
  return changes.filter(
    (c) =>
      !cells.some(
        (cell) => cell.field === c.field && cell.ownLines?.lines.some((line) => line.action === c.action),
      ),
  );
}

/** The log with its update's row (the last) listing `changes` in its Changes cell (see logChangesText). */
export function logWithChanges(log: LogAppend, changes: readonly FieldChange[]): LogAppend {
  const rows = log.rows.slice();
  if (rows.length === 0) return log;
  rows[rows.length - 1] = rows[rows.length - 1].slice();
  rows[rows.length - 1][CHANGES_COL] = logChangesText(changes);
  return { ...log, rows };
}

/** What the pane says of an action's line a write made anyway left unwritten (`label`: "Action 2 'Review claims'"). */
function notWrittenOver(label: string, own: OwnCellLineWrites): string {
  const why =
    own.field === "actions"
      ? "a co-author changed the actions text since the card was shown, and the action's line, or the list of actions, is not as the card showed it"
      : "a co-author changed the cell's lines since the card was shown, and they no longer line up with the actions";
  return `${label}'s ${LINE_WORDS[own.field]} was not written: ${why}. Your update itself is recorded; change it on the register.`;
}
