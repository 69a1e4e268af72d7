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
import type { ActionValues } from "./recorded-actions";

/** Where the Update Log row says what else changed with the update. */
const CHANGES_COL = UPDATE_LOG_HEADER.indexOf("Changes");
/** Where it holds the score and strategy after the update. */
const SCORE_COL = UPDATE_LOG_HEADER.indexOf("Score");
const STRATEGY_COL = UPDATE_LOG_HEADER.indexOf("Strategy");

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

/** What is known of a write not made: where it was to go, what it held, and, for a cell written line by line, its lines. */
type UnwrittenWrite = Pick<RegisterWrite, "sheet" | "row" | "col" | "ownLines" | "action"> & {
  field?: string;
};

const samePlace = (a: UnwrittenWrite, b: UnwrittenWrite) =>
  a.sheet === b.sheet && a.row === b.row && a.col === b.col;

/** The fields the score and RAG a record writes are worked out from. */
const SCORED_FROM: ReadonlySet<string | undefined> = new Set(["likelihood", "impact"]);
/** The fields worked out from a likelihood and impact. */
const WORKED_OUT: ReadonlySet<string | undefined> = new Set(["score", "rag"]);

/**
 * The writes of a record's `cells` (one risk's) not made where the cells `left` are left as they are (they hold
 * a formula when written): each of them, the clears below it (a record over several rows), and, where a
 * likelihood or impact is left, the score and RAG worked out from it — never a score from a value not written.
 */
export function writesLeftWith<C extends UnwrittenWrite & { value: CellValue }>(
  cells: readonly C[],
  left: readonly UnwrittenWrite[],
): C[] {
  if (left.length === 0) return [];
  const scoreLeft = left.some((l) => SCORED_FROM.has(l.field));
  const clearBelow = (l: UnwrittenWrite, c: C) =>
    c.value === null && c.sheet === l.sheet && c.col === l.col && c.field === l.field && c.row > l.row;
  return cells.filter(
    (c) =>
      left.some((l) => samePlace(l, c) || clearBelow(l, c)) ||
      (scoreLeft && c.sheet === left[0].sheet && WORKED_OUT.has(c.field)),
  );
}

/**
 * The plan without the writes of `unwritten` (cells left as they are: written line by line whose lines no longer
 * line up with the actions since the card was shown, or any cell that holds a formula when written, with the
 * writes left with it: writesLeftWith), so the Update Log, the Meeting Record and the card say what the register
 * holds: their changes come off the plan and the update's log row (changesWithout, logSaying), the values after
 * are those the record was made from for each field left (RecordPlan.before; with a likelihood or impact left,
 * the score and RAG too, and a note says so), a cell written line by line holds its value as the register does,
 * and `notes` are added.
 */
export function planWithoutCells(
  plan: RecordPlan,
  unwritten: readonly UnwrittenCell[],
  notes: readonly string[] = [],
): RecordPlan {
  if (unwritten.length === 0 && notes.length === 0) return plan;
  const left = unwritten.map((u) => u.cell);
  const scoreLeft = left.some((c) => SCORED_FROM.has(c.field));
  const changes = changesWithout(plan.changes, left);
  const record = recordWithValues(
    plan.after.record,
    unwritten.flatMap(({ cell, value }) =>
      cell.ownLines ? [{ field: cell.ownLines.field, col: cell.col, value }] : [],
    ),
  );
  const was: RecordedValues = plan.before;
  const now: RecordedValues = plan.after;
  const kept = <F extends keyof RecordedValues>(field: F, also = false) =>
    also || left.some((c) => c.field === field) ? was[field] : now[field];
  const after = {
    ...plan.after,
    record,
    likelihood: kept("likelihood"),
    impact: kept("impact"),
    score: kept("score", scoreLeft),
    rag: kept("rag", scoreLeft),
    strategy: kept("strategy"),
    owner: kept("owner"),
  };
  const scoreNote = scoreLeft && plan.changes.some((c) => WORKED_OUT.has(c.field));
  return {
    ...plan,
    cells: plan.cells.filter((c) => !left.some((u) => samePlace(u, c))),
    changes,
    notes: [...plan.notes, ...notes, ...(scoreNote ? [SCORE_NOT_WRITTEN] : [])],
    log: logSaying(plan.log, changes, after),
    after,
    actionsAfter: plan.actionsAfter.map((a) => actionWithout(a, plan.before.actions, left)),
  };
}

/** The risk's values a record leaves (RecordPlan.after but its record). */
type RecordedValues = Omit<RecordPlan["after"], "record">;

/** Said where a likelihood or impact was left as it is, so the score and RAG worked out from it were not written. */
const SCORE_NOT_WRITTEN =
  "The score and RAG were not written: they are worked out from the likelihood and impact, and one of those was left as it is.";

/** An action's values after the record, with those of its cells left as they are (whole cells) as they were. */
function actionWithout(
  after: ActionValues,
  before: readonly ActionValues[],
  left: readonly UnwrittenWrite[],
): ActionValues {
  const was = before.find((b) => b.sheet === after.sheet && b.row === after.row);
  if (!was) return after;
  const leftOf = (field: string) =>
    left.some((c) => !c.ownLines && c.field === field && c.sheet === after.sheet && c.row === after.row - 1);
  return {
    ...after,
    ...(leftOf("action.status") ? { status: was.status } : {}),
    ...(leftOf("action.due") ? { due: was.due } : {}),
  };
}

/**
 * The changes without those the cells `left` (not written) make: a whole cell's change of its field (an action's
 * named by FieldChange.action), a line-by-line cell's changes of its lines, and, with a likelihood or impact left,
 * the score's and RAG's worked out from it.
 */
export function changesWithout(
  changes: readonly FieldChange[],
  left: readonly UnwrittenWrite[],
): FieldChange[] {
  const scoreLeft = left.some((c) => SCORED_FROM.has(c.field));
  const madeBy = (c: FieldChange, cell: UnwrittenWrite) =>
    cell.field === c.field &&
    (cell.ownLines ? cell.ownLines.lines.some((line) => line.action === c.action) : cell.action === c.action);
  return changes.filter(
    (c) => !(scoreLeft && WORKED_OUT.has(c.field)) && !left.some((cell) => madeBy(c, cell)),
  );
}

/**
 * The log with its update's row (the last) listing `changes` in its Changes cell (see logChangesText), and the
 * score and strategy it holds after the update (`after`) in theirs.
 */
export function logSaying(
  log: LogAppend,
  changes: readonly FieldChange[],
  after: Pick<RecordPlan["after"], "score" | "strategy">,
): LogAppend {
  const rows = log.rows.slice();
  if (rows.length === 0) return log;
  const row = (rows[rows.length - 1] = rows[rows.length - 1].slice());
  row[CHANGES_COL] = logChangesText(changes);
  row[SCORE_COL] = after.score;
  row[STRATEGY_COL] = after.strategy;
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
