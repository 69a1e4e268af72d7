// "Write my update anyway" on an own-action cell of several actions kept one a line: a co-author changed the
// cell since the card was shown, and the chair writes their update all the same. Only the chair's own lines are
// written: the cell is made again from its text now, the chair's line or lines replaced and every other line
// (the co-author's among them) kept. Where the cell's lines no longer line up with the actions, nothing is
// written to it, and the pane says so; the update itself is still recorded.

import type { CellValue } from "../model/grid";
import { ownCellTextLines, withOwnCellLine } from "../model/own-action";
import { rawCell } from "../model/records";
import {
  logChangesText,
  OWN_LINE_FIELD_OF_WRITE,
  UPDATE_LOG_HEADER,
  type OwnCellLineWrites,
  type RecordPlan,
  type RegisterWrite,
} from "./record";
import { recordWithValues, type FieldValue } from "./record-with-values";

/** Where the Update Log row says what else changed with the update. */
const CHANGES_COL = UPDATE_LOG_HEADER.indexOf("Changes");

/**
 * The cell's text `now` with the record's lines written on it, each found again in `now` as readOwnActions finds
 * an action's line (its place among the cell's lines); null when `now` is not text or holds another number of
 * lines than the text the card read, so its lines no longer line up with the actions.
 */
export function ownLinesOnTextNow(now: CellValue, own: OwnCellLineWrites): string | null {
  if (typeof now !== "string") return null;
  if (ownCellTextLines(now).length !== ownCellTextLines(own.shown).length) return null;
  let text: string | null = now;
  for (const line of own.lines) text = text === null ? null : withOwnCellLine(text, line.n, line.words);
  return text;
}

/**
 * The plan of a record written anyway over a co-author's change: each own-action cell it writes line by line is
 * made again from the cell's value now (`valueNow`: undefined where the cell's row has not changed, so the plan
 * stands), the record's own lines on the text now (ownLinesOnTextNow). A cell whose lines no longer line up is
 * not written: its changes come off the plan and the Update Log row's Changes, and a note says so. The record
 * after it (the card's, the next record's) holds each such cell as the register will. A cell holding a
 * formula is left as planned: the adapter keeps the formula.
 */
export function planOverCellsNow(
  plan: RecordPlan,
  valueNow: (cell: RegisterWrite) => CellValue | undefined,
): RecordPlan {
  const cells: RegisterWrite[] = [];
  const dropped: RegisterWrite[] = [];
  const after: FieldValue[] = [];
  for (const cell of plan.cells) {
    const now = cell.ownLines ? valueNow(cell) : undefined;
    const field = OWN_LINE_FIELD_OF_WRITE[cell.field ?? ""];
    if (
      !cell.ownLines ||
      now === undefined ||
      now === cell.ownLines.shown ||
      rawCell(plan.after.record, field)?.formula
    ) {
      cells.push(cell);
      continue;
    }
    const text = ownLinesOnTextNow(now, cell.ownLines);
    if (text === null) dropped.push(cell);
    else cells.push({ ...cell, value: text });
    after.push({ field, col: cell.col, value: text ?? now });
  }
  if (after.length === 0) return plan;
  const record = recordWithValues(plan.after.record, after);
  if (dropped.length === 0) return { ...plan, cells, after: { ...plan.after, record } };
  const lines = dropped.flatMap((cell) => cell.ownLines!.lines.map((line) => ({ cell, line })));
  const changes = plan.changes.filter(
    (c) => !lines.some(({ cell, line }) => cell.field === c.field && line.action === c.action),
  );
  const notes = lines.map(
    ({ cell, line }) =>
      `${line.label}'s ${cell.field === "action.due" ? "due date" : "status"} was not written: a co-author changed the cell's lines since the card was shown, and they no longer line up with the actions. Your update itself is recorded; change it on the register.`,
  );
  const rows = plan.log.rows.slice();
  rows[rows.length - 1] = rows[rows.length - 1].slice();
  rows[rows.length - 1][CHANGES_COL] = logChangesText(changes);
  return {
    ...plan,
    cells,
    changes,
    notes: [...plan.notes, ...notes],
    log: { ...plan.log, rows },
    after: { ...plan.after, record },
  };
}
