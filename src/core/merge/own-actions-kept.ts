// A risk's own actions kept several to a risk on the register (SPEC "Actions inside the register"): one a
// line in its Action Owner / Action Due Date / Action Status cells, or one a row under an id merged down.
// IRIS exports one action a risk. The import never writes that one action over all of the register's: it
// finds which of them IRIS's is (by its owner, its due date, the one still open) and updates that one's
// line or row alone, the others kept; where it cannot tell, it writes none of them and says so.

import { cellAt, formatAt, type CellValue, type Grid } from "../model/grid";
import { filledRowsBelow, type RiskRecord, type SheetRecord } from "../model/records";
import {
  ownCellsListSeveral,
  ownCellTextLines,
  readOwnActions,
  withOwnCellLine,
  type IsOpenStatus,
} from "../model/own-action";
import type { ColumnTarget } from "./merge-section";
import { compareKey, displayText, type ImportedValue } from "./values";

/** The register's own-action fields IRIS exports one of a risk. */
const OWN_ACTION_FIELDS: ReadonlySet<string> = new Set(["actionOwner", "actionDue", "actionStatus"]);

/** One cell to write for IRIS's action: its line of a cell, or its row's cell. */
export interface OwnActionWrite {
  target: ColumnTarget;
  row: number;
  old: CellValue;
  oldFormat: string | null;
  /** The whole cell as written (for a cell kept one a line, every other line as it was). */
  value: CellValue;
  /** The number format to write with it; null keeps the cell's own. */
  format: string | null;
  /** IRIS's value and the action's now, as compared. */
  nowKey: string;
  wasKey: string;
  /** The key of this action's value in a whole cell as an import wrote it (its line, for a cell kept one a line). */
  actionKeyIn(value: CellValue, format: string | null): string;
}

/** What the import does with a risk's own-action cells. */
export type OwnActionsPlan =
  /** The risk keeps one action (or none): its cells are compared and written as any other. */
  | { kind: "one" }
  /** Several: `targets` are left to this plan; `writes` (none when IRIS says what the register says) are IRIS's action's. */
  | { kind: "several"; targets: ReadonlySet<ColumnTarget>; writes: OwnActionWrite[] }
  /** Several, and which is IRIS's cannot be told: nothing written to `targets`, `warning` says so. */
  | { kind: "not-written"; targets: ReadonlySet<ColumnTarget>; warning: string };

/** A risk's actions as kept on its row(s): how each target reads and writes action n. */
interface KeptActions {
  /** "line" (one a line in each cell) or "row" (one a row under an id merged down). */
  unit: "line" | "row";
  count: number;
  /** The compare key of action n's value under `t`; the same for every n where the cell is every action's. */
  keyOf(t: ColumnTarget, n: number): string;
  /** True where `t` holds one value an action (so action n's can be written alone). */
  oneEach(t: ColumnTarget): boolean;
  open(n: number): boolean;
  /** The write giving action n IRIS's value under `t` (only where oneEach(t)). */
  write(t: ColumnTarget, n: number, v: ImportedValue, nowKey: string): OwnActionWrite | null;
}

/**
 * What the import does with a register risk's own-action cells, given the export's record (`given`: the
 * export's value under each target, null for a blank). A risk keeping one action is left to the usual path.
 */
export function planOwnActions(
  record: SheetRecord<string>,
  grid: Grid,
  targets: readonly ColumnTarget[],
  given: (t: ColumnTarget) => ImportedValue | null,
  isOpen: IsOpenStatus,
  label: string,
): OwnActionsPlan {
  const own = targets.filter((t) => t.field !== null && OWN_ACTION_FIELDS.has(t.field) && !t.byMonth);
  if (own.length === 0) return { kind: "one" };
  const kept = keptOneARow(record, grid, targets, own, isOpen) ?? keptOneALine(record, grid, own, isOpen);
  if (kept === null) return { kind: "one" };
  const group = kept.unit === "row" ? targets.filter((t) => t.field === "actions" || own.includes(t)) : own;
  const handled = new Set(group);
  const irisValues = group.flatMap((t) => {
    const v = given(t);
    return v === null ? [] : [{ t, v, key: compareKey(v.value, v.format, t.kind) }];
  });
  // The export's actions text saying what the record's rows say together is no news of one action.
  const iris = irisValues.filter(
    (g) => !(g.t.field === "actions" && g.key === compareKey(joinedText(record, grid, g.t), null, "other")),
  );
  if (iris.length === 0) return { kind: "several", targets: handled, writes: [] };
  const says = (n: number) => iris.every((g) => kept.keyOf(g.t, n) === g.key);
  const all = [...Array(kept.count).keys()];
  if (all.some(says)) return { kind: "several", targets: handled, writes: [] };
  const n = whichAction(kept, iris, all);
  const changed = n === null ? [] : iris.filter((g) => kept.keyOf(g.t, n) !== g.key);
  const writes =
    n === null || changed.some((g) => !kept.oneEach(g.t))
      ? null
      : changed.map((g) => kept.write(g.t, n, g.v, g.key));
  if (writes === null || writes.some((w) => w === null))
    return {
      kind: "not-written",
      targets: handled,
      warning: notWrittenWarning(
        label,
        kept.unit,
        iris.map((g) => displayText(g.v.value, g.v.format, g.t.kind)),
      ),
    };
  return { kind: "several", targets: handled, writes: writes as OwnActionWrite[] };
}

/**
 * Which of the risk's actions IRIS's one is: those with its owner, then its due date (where that leaves
 * any), then the ones still open; the one left, or null where several (or none) are.
 */
function whichAction(
  kept: KeptActions,
  iris: readonly { t: ColumnTarget; key: string }[],
  all: number[],
): number | null {
  let left = all;
  const narrow = (keep: (n: number) => boolean) => {
    const fewer = left.filter(keep);
    if (fewer.length > 0) left = fewer;
  };
  for (const field of ["actionOwner", "actions", "actionDue"]) {
    const g = iris.find((x) => x.t.field === field);
    if (g && kept.oneEach(g.t)) narrow((n) => kept.keyOf(g.t, n) === g.key);
  }
  narrow((n) => kept.open(n));
  return left.length === 1 ? left[0] : null;
}

/** The warning of IRIS's action not written (its values as the officer reads them, "AL, 31/01/2023, In progress"). */
function notWrittenWarning(label: string, unit: "line" | "row", values: string[]): string {
  return `${label}'s actions are kept one a ${unit} on the register, and IRIS's one action cannot be told apart among them: IRIS's action (${values.join(", ")}) was not written; change it on the register`;
}

/** The record's cells under `t` joined as it reads them, as text. */
function joinedText(record: SheetRecord<string>, grid: Grid, t: ColumnTarget): string {
  return record.rows
    .map((row) => displayText(cellAt(grid, row, t.col), formatAt(grid, row, t.col), t.kind))
    .filter(Boolean)
    .join("\n");
}

/**
 * A record over several rows (an id merged down) keeping its own actions one a row: an own-action column
 * filled on a row below its first. Each row is an action; a column filled on the first row alone is every action's.
 */
function keptOneARow(
  record: SheetRecord<string>,
  grid: Grid,
  targets: readonly ColumnTarget[],
  own: readonly ColumnTarget[],
  isOpen: IsOpenStatus,
): KeptActions | null {
  if (record.rows.length < 2) return null;
  const filledBelow = (t: ColumnTarget) =>
    filledRowsBelow(record, (row) => cellAt(grid, row, t.col)).length > 0;
  if (!own.some(filledBelow)) return null;
  const rows = record.rows;
  const each = new Set(targets.filter(filledBelow));
  const rowOf = (t: ColumnTarget, n: number) => (each.has(t) ? rows[n] : rows[0]);
  const keyOf = (t: ColumnTarget, n: number) =>
    compareKey(cellAt(grid, rowOf(t, n), t.col), formatAt(grid, rowOf(t, n), t.col), t.kind);
  const status = targets.find((t) => t.field === "actionStatus");
  return {
    unit: "row",
    count: rows.length,
    keyOf,
    oneEach: (t) => each.has(t),
    open: (n) => !status || isOpen(displayText(cellAt(grid, rowOf(status, n), status.col), null, "other")),
    write(t, n, v, nowKey) {
      const row = rows[n];
      const old = cellAt(grid, row, t.col);
      const oldFormat = formatAt(grid, row, t.col);
      return {
        target: t,
        row,
        old,
        oldFormat,
        value: v.value,
        format: v.format,
        nowKey,
        wasKey: keyOf(t, n),
        actionKeyIn: (value, format) => compareKey(value, format, t.kind),
      };
    },
  };
}

/** A risk keeping several own actions one a line in its own-action cells (see ownCellsListSeveral). */
function keptOneALine(
  record: SheetRecord<string>,
  grid: Grid,
  own: readonly ColumnTarget[],
  isOpen: IsOpenStatus,
): KeptActions | null {
  const risk = record as RiskRecord;
  if (!ownCellsListSeveral(risk)) return null;
  const actions = readOwnActions(risk, isOpen);
  if (actions.length < 2) return null;
  const textOf = (t: ColumnTarget, n: number) => {
    const a = actions[n];
    return t.field === "actionOwner" ? a.owner : t.field === "actionDue" ? a.dueText : a.status;
  };
  const keyOf = (t: ColumnTarget, n: number) => compareKey(textOf(t, n), null, t.kind);
  const cellOf = (t: ColumnTarget) => cellAt(grid, record.row, t.col);
  const linesOf = (value: CellValue) => (typeof value === "string" ? ownCellTextLines(value) : []);
  const oneEach = (t: ColumnTarget) =>
    linesOf(cellOf(t)).length === actions.length &&
    (t.field !== "actionDue" || actions.every((a) => a.dueField === "actionDue"));
  return {
    unit: "line",
    count: actions.length,
    keyOf,
    oneEach,
    open: (n) => actions[n].open,
    write(t, n, v, nowKey) {
      const old = cellOf(t);
      const value = withOwnCellLine(String(old), n, displayText(v.value, v.format, t.kind));
      if (value === null) return null;
      return {
        target: t,
        row: record.row,
        old,
        oldFormat: formatAt(grid, record.row, t.col),
        value,
        format: null,
        nowKey,
        wasKey: keyOf(t, n),
        actionKeyIn: (whole, format) => {
          const lines = linesOf(whole);
          return lines.length === actions.length
            ? compareKey(lines[n], null, t.kind)
            : compareKey(whole, format, t.kind);
        },
      };
    },
  };
}
