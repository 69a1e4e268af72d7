// A plan's fields as its columns hold them, once its rows are read: a value Word merged in from the column on
// its left is not the field's own, and a field kept in two columns (a revised date beside the original, an
// evidence location beside the Evidence) is read from the second where the first is empty. Once per plan sheet.

import type { ColumnCorrection } from "../model/settings";
import type { Grid } from "../model/grid";
import { fieldText, type RecordCell, type SheetRecord } from "../model/records";
import { isPlaceholder } from "../parse/placeholder";
import { saysNoEvidence } from "../parse/no-evidence";
import type { SheetLayout } from "./detect-sheet";
import { headerWords } from "./header-words";
import { mapHeaders } from "./map-headers";
import { makeCell } from "./read-table";

/** The plan fields of an action (not the aim's No, words and background, which carry down from above). */
const ACTION_FIELDS = ["action", "date", "leadDirector", "leadOfficer", "status", "evidence"];

/** Words that make a date column the revised one ("Revised Target Date", "New Date"): the deadline. */
const REVISED_WORDS: ReadonlySet<string> = new Set(["revised", "amended", "new"]);
/** Words of a date column that says when the action was done, not when it is due ("Date Completed"). */
const DONE_WORDS: ReadonlySet<string> = new Set(["completed", "complete", "actual", "closed"]);
/** Words that make a header say when an action is due, though it also names completion ("… or Expected"). */
const DUE_WORDS: ReadonlySet<string> = new Set(["expected", "target", "due", "deadline"]);
/** Words of a column saying where the evidence is kept ("Evidence Location", "Link to Evidence"). */
const WHERE_HELD_WORDS: ReadonlySet<string> = new Set([
  "location",
  "link",
  "ref",
  "reference",
  "held",
  "where",
  "stored",
  "path",
  "url",
  "hyperlink",
  "folder",
  "sharepoint",
]);

/** Reads a plan sheet's fields as its columns hold them (see the file's head). Other sheets are left as read. */
export function resolvePlanColumns<F extends string>(
  grid: Grid,
  layout: SheetLayout,
  rows: SheetRecord<F>[],
  corrections: ColumnCorrection[],
): void {
  if (layout.kind !== "improvement-plan" || !layout.mapping || rows.length === 0) return;
  dropValuesMergedFromLeft(grid, rows);
  for (const [field, col] of secondColumns(layout, corrections, grid.sheetName)) {
    for (const r of rows) {
      if (r.realigned || !emptyField(r, field)) continue;
      const cell = makeCell(grid, r.row, col);
      if (cell.text && !emptyText(field, cell.text)) (r.fields as Record<string, RecordCell>)[field] = cell;
    }
  }
}

/**
 * Judgement: a value merged across from the column on its left ("Completed" merged over Status and
 * Evidence) is that column's, not this field's: the field is empty. SPEC "merged cells give their value to
 * the whole merged area" stands for a value merged down one column (an aim over its actions).
 */
function dropValuesMergedFromLeft<F extends string>(grid: Grid, rows: SheetRecord<F>[]): void {
  const across = (grid.merges ?? []).filter((m) => m.right > m.left);
  if (across.length === 0) return;
  const fromLeft = (row: number, col: number) =>
    across.some((m) => m.top <= row && row <= m.bottom && m.left < col && col <= m.right);
  for (const r of rows) {
    const fields = r.fields as Partial<Record<string, RecordCell>>;
    for (const f of ACTION_FIELDS) {
      const c = fields[f];
      if (c && fromLeft(c.row, c.col)) fields[f] = undefined;
    }
  }
}

/**
 * The plan's second column of a field, by field: read where the field's own column is empty. The date's is
 * the column the date would be read from were the revised one not there (only beside a revised date, and
 * never a completion date); the evidence's is a column saying where the evidence is held. Found by mapping
 * the header again without the first column, so the second is what the plan's patterns would take.
 */
function secondColumns(
  layout: SheetLayout,
  corrections: ColumnCorrection[],
  sheet: string,
): Map<string, number> {
  const mapping = layout.mapping!;
  const out = new Map<string, number>();
  const headerOf = (col: number) => mapping.columns.find((c) => c.col === col)?.header ?? "";
  const unmapped = new Set(mapping.columns.filter((c) => c.field === null).map((c) => c.col));
  const second = (field: string, fits: (words: readonly string[]) => boolean) => {
    const first = mapping.fieldColumns.get(field);
    if (first === undefined) return;
    const others = layout.headerCells.filter(
      (h) => h.col !== first && (!unmapped.has(h.col) || fits(headerWords(h.text))),
    );
    const col = mapHeaders("improvement-plan", others, corrections, sheet).fieldColumns.get(field);
    if (col !== undefined && unmapped.has(col)) out.set(field, col);
  };
  const date = mapping.fieldColumns.get("date");
  if (date !== undefined && headerWords(headerOf(date)).some((w) => REVISED_WORDS.has(w)))
    second("date", (words) => !words.some((w) => DONE_WORDS.has(w)) || words.some((w) => DUE_WORDS.has(w)));
  second("evidence", (words) => words.some((w) => WHERE_HELD_WORDS.has(w)));
  return out;
}

/** True when a record's field holds nothing the rules read (see emptyText). */
function emptyField<F extends string>(r: SheetRecord<F>, field: string): boolean {
  const text = fieldText(r, field as F);
  return text === "" || emptyText(field, text);
}

/** True when a cell's text says nothing for the field: a placeholder, or evidence saying there is none. */
function emptyText(field: string, text: string): boolean {
  return isPlaceholder(text) || (field === "evidence" && saysNoEvidence(text));
}
