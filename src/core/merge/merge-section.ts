// Merges one export table into one target sheet: new rows appended, changed cells, missing rows flagged.

import { toA1 } from "../address/a1";
import { looksLikeDateFormat } from "../model/date-system";
import { cellAt, formatAt, gridWidth, hasFormula, type CellValue, type Grid } from "../model/grid";
import { editKeptNote, keptFormulaNote, tooLongNote, writableText } from "../model/writable-text";
import { filledRowsBelow, rawCell, type RecordCell, type SheetRecord } from "../model/records";
import type { SheetLayout } from "../read/detect-sheet";
import { groupedHeader, headerKey } from "../read/map-headers";
import type {
  CellChange,
  CellNotWritten,
  ExportSheetMapping,
  MergeSection,
  MissingRecord,
  NewRowsHeading,
  NotCarried,
  RecordChange,
} from "./types";
import {
  headingNote,
  newRowsStart,
  outsideRegisterTableNote,
  totalsRowNote,
  type HeadingReason,
  type NewRowsStart,
  type TotalsRowPlace,
} from "./place-new-rows";
import { editReplacedNote, type LastImported } from "./last-imported";
import {
  columnKind,
  compareKey,
  displayText,
  formatOver,
  IMPORT_DATE_FORMAT,
  importedValue,
  type ColumnKind,
} from "./values";
import { isPlaceholder } from "../parse/placeholder";
import { recalculatedCells } from "./recalculated";
import { listWords } from "../list-words";
import type { IsOpenStatus } from "../model/own-action";
import { planOwnActions, type OwnActionsPlan } from "./own-actions-kept";
import { missingMonthText, monthFamilyOf, monthOfColumn, type MonthFamily } from "../read/month-columns";

/** An export column paired with the target column it is written to. */
export interface ColumnTarget {
  exportHeader: string;
  field: string | null;
  /** 0-based column on the target sheet. */
  col: number;
  header: string;
  /** How the column's values are read, written and compared. */
  kind: ColumnKind;
  /** For a field the target keeps month by month, one column per month: see MonthTarget. */
  byMonth?: MonthTarget;
}

/**
 * A field the target keeps month by month ("Update Apr-22 … Update Sep-22"), as the import writes it: in the
 * as-at month's column (the target's `col`), the export's value compared with what the record reads now (its
 * newest filled month); an earlier month's cell is history, never written. Where the sheet has no column
 * for the as-at month, nothing is written (`col` is its newest month's, only compared).
 */
export interface MonthTarget {
  /** The headers (as logged) of the field's months up to the as-at month, newest first: where the last import's value is looked for. */
  headers: string[];
  /** Where the sheet has no column for the as-at month: that month ("Sep-22"), and why in words ("no column for Sep-22 (its months end at Aug-22)"). */
  missing?: { month: string; text: string };
}

/** How records of one kind are keyed, labelled and flagged. */
export interface SectionRules {
  key(record: SheetRecord<string>): string;
  label(record: SheetRecord<string>): string;
  riskId(record: SheetRecord<string>): string;
  /** Fields that make up the key: never rewritten on an existing record (they already match). */
  keyFields: ReadonlySet<string>;
  /** Why a target record missing from the export is not flagged (closed, done, another register's), or null to flag it. */
  skipFlag(record: SheetRecord<string>): string | null;
  /** The note written into the flag column of a missing record, starting lower case ("not in IRIS export of …"). */
  flagNote: string;
  /** A note already there that means "flagged before" (so a re-import changes nothing). */
  flaggedPattern: RegExp;
  /** Name of the target sheet in messages ("the register", "the actions sheet"). */
  targetName: string;
  /**
   * True when two of the sheet's records sharing a key are one record listed twice on purpose (a risk under
   * two sections, with the same title and owner): the export's changes go to both. Absent, or false: the
   * first row alone is updated, and the summary says so.
   */
  sameRecord?(first: SheetRecord<string>, second: SheetRecord<string>): boolean;
}

/**
 * The header a change of a target column is shown and logged under: as the check reads it, with its
 * group ("Inherent Score" for "Score" under "Inherent", see groupedHeader), so that the Import Log's
 * Field tells two columns headed alike apart and the history reads it as the column it was.
 */
function loggedHeaderOf(target: SheetLayout, col: number): string {
  const cell = target.headerCells.find((h) => h.col === col);
  return cell ? groupedHeader(cell) : "";
}

/** The header a field's column is logged under (see loggedHeaderOf); "" when the sheet has no such column. */
export function loggedHeaderOfField(target: SheetLayout, field: string): string {
  const col = target.mapping?.fieldColumns.get(field);
  return col === undefined ? "" : loggedHeaderOf(target, col);
}

/** Why a column new since the saved profile is not imported (see ExportColumn.councilColumn). */
export function councilColumnReason(councilColumn: string, targetName: string): string {
  return `new since the saved IRIS profile, it would fill ${targetName}'s column "${councilColumn}", which the profile leaves to the council, so it was not imported; map it to a field in the task pane's preview to import it`;
}

/** Pairs each export column with the target column it fills; lists the ones that have nowhere to go. */
export function columnTargets(
  exportSheet: ExportSheetMapping,
  target: SheetLayout,
  targetName: string,
): { targets: ColumnTarget[]; notCarried: NotCarried[] } {
  const targets: ColumnTarget[] = [];
  const notCarried: NotCarried[] = [];
  const taken = new Set<number>();
  const fieldColumns = target.mapping?.fieldColumns ?? new Map<string, number>();
  const headerOf = (col: number) => loggedHeaderOf(target, col);
  for (const c of exportSheet.columns) {
    if (c.field === null) continue;
    const col = fieldColumns.get(c.field);
    if (col === undefined || taken.has(col)) {
      notCarried.push({
        header: c.header,
        field: c.field,
        reason: `${targetName} has no column for ${c.field}`,
      });
      continue;
    }
    taken.add(col);
    const family = monthFamilyOf(target.mapping, c.field);
    targets.push({
      exportHeader: c.header,
      field: c.field,
      col,
      header: headerOf(col),
      kind: columnKind(c.field),
      ...(family ? { byMonth: monthTarget(family, headerOf) } : {}),
    });
  }
  // Columns carried as they are go to the target column with the same header, when there is one.
  for (const c of exportSheet.columns) {
    if (c.field !== null) continue;
    if (c.councilColumn !== undefined) {
      notCarried.push({
        header: c.header,
        field: null,
        reason: councilColumnReason(c.councilColumn, targetName),
      });
      continue;
    }
    const key = headerKey(c.header);
    const named = target.headerCells.filter((h) => key !== "" && headerKey(h.text) === key);
    const same = named.find((h) => !taken.has(h.col));
    if (!same) {
      // A column of that name that another export column already fills (mapped to its field) is there.
      const filledBy = named.length ? targets.find((t) => t.col === named[0].col) : undefined;
      notCarried.push({
        header: c.header,
        field: null,
        reason: filledBy
          ? `${targetName}'s column "${named[0].text}" is written from "${filledBy.exportHeader}", mapped to ${filledBy.field ?? "it"}`
          : `${targetName} has no column headed "${c.header}"`,
      });
      continue;
    }
    const otherMonth = otherMonthReason(target, same.col, targetName);
    if (otherMonth !== null) {
      notCarried.push({ header: c.header, field: null, reason: otherMonth });
      continue;
    }
    taken.add(same.col);
    // Carried as it is: no field says what the column holds, so each cell's own format does (a date
    // stays a date, see importedValue). Its header is the sheet's text alone: the record's cells under
    // it are kept by that text (see joinedCell), and no field of the history is read from it.
    targets.push({
      exportHeader: c.header,
      field: null,
      col: same.col,
      header: same.text,
      kind: "other",
    });
  }
  return { targets, notCarried };
}

/** How the import writes a field the target keeps in `family` (see MonthTarget). */
function monthTarget(family: MonthFamily, headerOf: (col: number) => string): MonthTarget {
  const headers = family.columns
    .slice(0, Math.max(1, family.readable))
    .map((c) => headerOf(c.col))
    .reverse();
  const text = missingMonthText(family);
  return text === null || !family.asAtMonth
    ? { headers }
    : { headers, missing: { month: family.asAtMonth.label, text } };
}

/**
 * Why a column carried as it is is not written to the target column of its header: that column is one month
 * of a field kept month by month, not the as-at month's (an earlier month is history, a later one not yet
 * due); null for any other column.
 */
function otherMonthReason(target: SheetLayout, col: number, targetName: string): string | null {
  const at = monthOfColumn(target.mapping, col);
  const asAt = at?.family.asAtMonth;
  if (!at || !asAt || asAt.column?.col === col) return null;
  return `${targetName}'s column "${loggedHeaderOf(target, col)}" is ${at.month.label}'s of a field kept month by month, and an import as at ${asAt.label} writes none but that month's`;
}

/**
 * What the plan says of a field the target keeps month by month with no column for the as-at month: the
 * export column not carried, with the records whose value was not written (`labels`: the export's differs
 * from what the record reads), and, where there are any, a warning naming them and how to bring them in.
 */
function notWrittenByMonth(
  sheet: string,
  targetName: string,
  t: ColumnTarget,
  missing: NonNullable<MonthTarget["missing"]>,
  labels: string[],
): { notCarried: NotCarried; warning: string | null } {
  const notCarried: NotCarried = {
    header: t.exportHeader,
    field: t.field,
    reason: `${targetName} keeps it month by month and has ${missing.text}; an earlier month's cell is history and is never written`,
    records: labels,
  };
  if (labels.length === 0) return { notCarried, warning: null };
  const them = labels.length === 1 ? "it" : "them";
  return {
    notCarried,
    warning: `"${sheet}" keeps the export's "${t.exportHeader}" month by month and has ${missing.text}: the export's value for ${listWords(labels)} was not written, and no earlier month's cell was changed. Add a column for ${missing.month} and import again to bring ${them} in`,
  };
}

/**
 * The column a target record missing from the export is noted in: its status, else its update column (for
 * one kept month by month, the as-at month's: an earlier month's cell is history); with why there is none
 * where the sheet has that column but no month to write it in.
 */
export function flagColumn(
  target: SheetLayout,
  targetName: string,
): Pick<SectionInput, "flagCol" | "noFlagColReason"> {
  const fields = target.mapping?.fieldColumns;
  const field = fields?.has("status") ? "status" : fields?.has("update") ? "update" : null;
  if (field === null) return { flagCol: undefined };
  const family = monthFamilyOf(target.mapping, field);
  const missing = family ? missingMonthText(family) : null;
  if (missing !== null)
    return {
      flagCol: undefined,
      noFlagColReason: `${targetName} keeps its ${field} month by month and has ${missing} to note it in`,
    };
  return { flagCol: fields!.get(field) };
}

function exportCell(record: SheetRecord<string>, t: ColumnTarget): RecordCell | undefined {
  return t.field !== null ? rawCell(record, t.field) : record.extras.get(t.exportHeader);
}

/** A register record's cell under a target column as the reader joined it from the record's rows. */
function joinedCell(record: SheetRecord<string>, t: ColumnTarget): RecordCell | undefined {
  return t.field !== null ? rawCell(record, t.field) : record.extras.get(t.header);
}

function change(
  sheet: string,
  row: number,
  t: Pick<ColumnTarget, "col" | "field" | "header" | "kind">,
  old: CellValue,
  oldFormat: string | null,
  value: CellValue,
  format: string | null,
): CellChange {
  return {
    sheet,
    row,
    col: t.col,
    cell: toA1(row, t.col),
    field: t.field,
    header: t.header,
    old,
    new: value,
    oldText: displayText(old, oldFormat, t.kind),
    newText: displayText(value, format ?? oldFormat, t.kind),
    format,
    // A writer stores it in the workbook's date system (1904 workbooks), as the cell will read it back.
    ...(typeof value === "number" && looksLikeDateFormat(format ?? oldFormat) ? { date: true } : {}),
  };
}

/** Inputs to merge one export table into one target sheet. */
export interface SectionInput {
  exportSheet: string;
  exportRecords: SheetRecord<string>[];
  /** The target sheet as read (raw, not merged-filled: old values are the cells as they are). */
  targetGrid: Grid;
  targetLayout: SheetLayout;
  targetRecords: SheetRecord<string>[];
  targets: ColumnTarget[];
  notCarried: NotCarried[];
  /** Column that carries the "not in the export" note (status, else update); undefined for none. */
  flagCol: number | undefined;
  /** Why there is no `flagCol`, where the sheet has a note column it cannot write (see flagColumn). */
  noFlagColReason?: string;
  rules: SectionRules;
  warnings: string[];
  /** What the last import wrote to the target's cells (the workbook's Import Log); none when absent. */
  lastImported?: LastImported;
  /**
   * Reads an own action's status as open (the register's own actions, see planOwnActions); absent for a
   * sheet keeping no own actions (the actions sheet).
   */
  isOpenAction?: IsOpenStatus;
  /**
   * On a register: the heading row written above the new rows where they would otherwise be read under a
   * CLOSED RISKS heading or a note (`needed`, see headingNeededBelow), and its text (see newRisksHeadingText).
   */
  newRowsHeading?: { text: string; needed: (row: number) => HeadingReason | null };
}

const NO_RECORDS: readonly SheetRecord<string>[] = [];

/** A record keeping one own action (or none): its cells go the usual path. */
const ONE_ACTION: OwnActionsPlan = { kind: "one" };

/**
 * Plans the merge of one table: export records matched to target records by key; a match's cells are
 * compared column by column (a blank in the export keeps the target's value); unmatched export records
 * are appended below the last used row, or inside a table above its totals row (see newRowsStart); target records the export no longer holds are flagged with a
 * note, never deleted. Columns no export column fills (the council's own) are never touched.
 */
export function mergeSection(input: SectionInput): MergeSection {
  const { targetGrid, targetLayout, targetRecords, targets, rules, warnings } = input;
  const sheet = targetGrid.sheetName;
  const index = new Map<string, SheetRecord<string>>();
  /** Later rows of a record the sheet lists twice as the same record (see SectionRules.sameRecord), by key. */
  const twins = new Map<string, SheetRecord<string>[]>();
  for (const r of targetRecords) {
    const k = rules.key(r);
    if (!k) continue;
    const first = index.get(k);
    if (first !== undefined) {
      const same = rules.sameRecord?.(first, r) === true;
      if (same) twins.set(k, [...(twins.get(k) ?? []), r]);
      warnings.push(
        same
          ? `"${sheet}" holds ${rules.label(r)} twice (rows ${first.row + 1} and ${r.row + 1}), the same risk (same title and owner) listed in two places; the import writes the export's changes to both rows`
          : `"${sheet}" holds ${rules.label(r)} twice (rows ${first.row + 1} and ${r.row + 1}); the import updates row ${first.row + 1} only`,
      );
      continue;
    }
    index.set(k, r);
  }

  const added: RecordChange[] = [];
  const changed: RecordChange[] = [];
  const notWritten: CellNotWritten[] = [];
  /**
   * The change as it can be written, or null after noting why it is not (a formula, an over-long text).
   * `inserted`: the cell is on a row inserted above a table's totals row, so it holds nothing yet.
   */
  const writable = (c: CellChange, rec: SheetRecord<string>, inserted = false): CellChange | null => {
    const who = { label: rules.label(rec), riskId: rules.riskId(rec) };
    const { format: _format, note: _note, ...base } = c;
    // A row inserted above a totals row is empty: the formulas there now move down with the totals row.
    if (!inserted && hasFormula(targetGrid, c.row, c.col)) {
      notWritten.push({ ...base, ...who, reason: "kept-formula", note: keptFormulaNote(c.newText) });
      return null;
    }
    if (typeof c.new !== "string") return c;
    const w = writableText(c.new);
    if (!w.ok) {
      notWritten.push({ ...base, ...who, reason: "too-long", note: tooLongNote(w.length) });
      return null;
    }
    if (w.notes.length === 0) return c;
    return {
      ...c,
      new: w.text,
      newText: writableText(c.newText).ok ? w.text : c.newText,
      note: [...(c.note ? [c.note] : []), ...w.notes].join("; "),
    };
  };
  /** The rows of a record below its first whose cell in `col` holds something. */
  const filledBelow = (record: SheetRecord<string>, col: number): number[] =>
    filledRowsBelow(record, (row) => cellAt(targetGrid, row, col));
  /** The row's formula cells that read a field the import changes there (see recalculatedCells). */
  const recalculatedOnRow = (row: number, cells: readonly CellChange[]) =>
    !targetGrid.formulas?.size
      ? []
      : recalculatedCells(
          targetGrid,
          targetLayout.mapping?.fieldColumns ?? new Map<string, number>(),
          (col) => loggedHeaderOf(targetLayout, col),
          row,
          new Set(cells.flatMap((c) => (c.field === null ? [] : [c.field]))),
        );
  /**
   * What the last import wrote to a record's cell under a target: for a field kept month by month, in its
   * newest month any import wrote (an officer's or a meeting's words in this month's column are then the later write).
   */
  const baselineOf = (key: string, t: ColumnTarget) => {
    for (const header of t.byMonth?.headers ?? [t.header]) {
      const b = input.lastImported?.get(key, header);
      if (b !== undefined) return b;
    }
    return undefined;
  };
  /**
   * True when the register was edited since the last import wrote the cell and IRIS still says what that
   * import wrote: the officer's is the later write, kept (noted as not written); else a change replacing
   * such an edit says so (SPEC "Imports"). `keyIn` reads the compared value out of a cell as logged.
   */
  const keptSinceImport = (
    proposed: CellChange,
    rec: SheetRecord<string>,
    key: string,
    t: ColumnTarget,
    was: string,
    now: string,
    keyIn = (value: CellValue, format: string | null) => compareKey(value, format, t.kind),
  ): boolean => {
    const baseline = baselineOf(key, t);
    if (baseline === undefined) return false;
    const base = keyIn(baseline.value, baseline.format);
    if (base === was) return false;
    if (base !== now) {
      proposed.note = editReplacedNote(baseline);
      return false;
    }
    const { format: _f, note: _n, ...kept } = proposed;
    notWritten.push({
      ...kept,
      label: rules.label(rec),
      riskId: rules.riskId(rec),
      reason: "edited-since-import",
      note: editKeptNote(displayText(baseline.value, baseline.format, t.kind), baseline.by),
    });
    return true;
  };
  /** The export's value under a target, null for a blank or a placeholder (TBC, N/A, #N/A…: no value, SPEC "Real registers"). */
  const givenValue = (rec: SheetRecord<string>, t: ColumnTarget) => {
    const given = exportCell(rec, t);
    return given && isPlaceholder(given.text) ? null : importedValue(given, t.kind);
  };
  /** A register risk's own actions kept several to it: IRIS's one action updates its own line or row alone (see planOwnActions). */
  const ownActionsOf = (existing: SheetRecord<string>, rec: SheetRecord<string>): OwnActionsPlan =>
    input.isOpenAction === undefined
      ? ONE_ACTION
      : planOwnActions(
          existing,
          targetGrid,
          targets.filter((t) => t.field === null || !rules.keyFields.has(t.field)),
          (t) => givenValue(rec, t),
          input.isOpenAction,
          rules.label(rec),
        );
  /** The records whose value of a field kept month by month was not written: no column for the as-at month. */
  const monthNotWritten = new Map<ColumnTarget, string[]>();
  const notWrittenFor = (t: ColumnTarget): string[] => {
    let list = monthNotWritten.get(t);
    if (!list) monthNotWritten.set(t, (list = []));
    return list;
  };
  let unchanged = 0;
  const seen = new Set<string>();
  /** The export's records the sheet does not hold, in the export's order: written as new rows below. */
  const fresh: { key: string; rec: SheetRecord<string> }[] = [];

  /** The export record's changes to one of the sheet's records (`existing`), or null when it has none. */
  const changesTo = (
    existing: SheetRecord<string>,
    rec: SheetRecord<string>,
    key: string,
    first: boolean,
  ): RecordChange | null => {
    const cells: CellChange[] = [];
    const own = ownActionsOf(existing, rec);
    if (own.kind === "not-written" && first) warnings.push(`"${sheet}": ${own.warning}`);
    for (const t of targets) {
      if (t.field !== null && rules.keyFields.has(t.field)) continue;
      if (own.kind !== "one" && own.targets.has(t)) continue;
      // A placeholder (TBC, N/A, #N/A…) is no value: like a blank, it never replaces what the council wrote.
      const v = givenValue(rec, t);
      if (v === null) continue;
      const old = cellAt(targetGrid, existing.row, t.col);
      const oldFormat = formatAt(targetGrid, existing.row, t.col);
      // A record over several rows (an id merged down) reads its rows' cells joined: that is compared,
      // and a change is written to its first row with the rows below cleared, so it reads as the export
      // (its own actions kept one a row are not: see planOwnActions).
      // A field kept month by month is compared with what the record reads now, its newest filled month.
      const below = filledBelow(existing, t.col);
      const reads = below.length > 0 || t.byMonth ? joinedCell(existing, t) : undefined;
      const readFormat = below.length === 0 && reads ? reads.format : null;
      const was = reads ? compareKey(reads.value, readFormat, t.kind) : compareKey(old, oldFormat, t.kind);
      const now = compareKey(v.value, v.format, t.kind);
      if (was === now) continue;
      if (t.byMonth?.missing) {
        if (first) notWrittenFor(t).push(rules.label(rec));
        continue;
      }
      const format = formatOver(v, old, oldFormat);
      const proposed = change(sheet, existing.row, t, old, oldFormat, v.value, format);
      if (keptSinceImport(proposed, rec, key, t, was, now)) continue;
      const c = writable(proposed, rec);
      if (!c) continue;
      cells.push(c);
      for (const row of below) {
        const cleared = writable(
          change(sheet, row, t, cellAt(targetGrid, row, t.col), formatAt(targetGrid, row, t.col), null, null),
          rec,
        );
        if (cleared) cells.push(cleared);
      }
    }
    if (own.kind === "several")
      for (const w of own.writes) {
        const t = w.target;
        const proposed = change(
          sheet,
          w.row,
          t,
          w.old,
          w.oldFormat,
          w.value,
          formatOver(w, w.old, w.oldFormat),
        );
        if (keptSinceImport(proposed, rec, key, t, w.wasKey, w.nowKey, w.actionKeyIn)) continue;
        const c = writable(proposed, rec);
        if (c) cells.push(c);
      }
    if (cells.length === 0) return null;
    const record: RecordChange = {
      key,
      label: rules.label(rec),
      riskId: rules.riskId(rec),
      row: existing.row,
      cells,
    };
    const recalculated = recalculatedOnRow(existing.row, cells);
    if (recalculated.length > 0) record.recalculated = recalculated;
    return record;
  };

  for (const rec of input.exportRecords) {
    const key = rules.key(rec);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const existing = index.get(key);
    if (!existing) {
      fresh.push({ key, rec });
      continue;
    }
    const made = changesTo(existing, rec, key, true);
    if (made) changed.push(made);
    let any = made !== null;
    // A risk listed twice as the same risk takes the export's changes on both rows (see SectionRules.sameRecord).
    for (const twin of twins.get(key) ?? NO_RECORDS) {
      const also = changesTo(twin, rec, key, false);
      if (also) changed.push(also);
      any ||= also !== null;
    }
    if (!any) unchanged++;
  }

  // The new rows: where they go depends on how many there are (see newRowsStart).
  const cols = targets.map((t) => t.col);
  const headerRow = targetLayout.headerRow ?? 0;
  const start = newRowsStart(
    targetGrid,
    headerRow,
    cols.length > 0 ? { first: Math.min(...cols), last: Math.max(...cols) } : undefined,
    {
      count: fresh.length,
      lastRecordRow: lastRowOf(targetRecords, headerRow),
      ...(input.newRowsHeading ? { headingNeeded: input.newRowsHeading.needed } : {}),
    },
  );
  const heading =
    fresh.length > 0 && start.heading && input.newRowsHeading
      ? headingCell(sheet, targetGrid, targetLayout, start.first, input.newRowsHeading.text, {
          why: start.heading,
          count: fresh.length,
        })
      : undefined;
  let nextRow = heading ? start.first + 1 : start.first;
  for (const { key, rec } of fresh) {
    const row = nextRow++;
    const cells: CellChange[] = [];
    for (const t of targets) {
      const v = importedValue(exportCell(rec, t), t.kind);
      if (v === null) continue;
      if (t.byMonth?.missing) {
        notWrittenFor(t).push(rules.label(rec));
        continue;
      }
      const c = writable(
        change(
          sheet,
          row,
          t,
          null,
          null,
          v.value,
          v.format ?? (t.kind === "date" ? IMPORT_DATE_FORMAT : null),
        ),
        rec,
        start.movesTotals,
      );
      if (c) cells.push(c);
    }
    added.push({ key, label: rules.label(rec), riskId: rules.riskId(rec), row, cells });
  }

  const totalsRow = added.length > 0 ? totalsRowPlace(start, added, heading !== undefined) : undefined;
  if (totalsRow && totalsRow.kind !== "moved") warnings.push(`"${sheet}": ${totalsRowNote(totalsRow)}`);
  if (added.length > 0 && start.outsideTable && !totalsRow)
    warnings.push(
      `"${sheet}": ${outsideRegisterTableNote(start.first, added[added.length - 1].row, start.outsideTable)}`,
    );
  if (heading) warnings.push(`"${sheet}": ${newRowsHeadingWarning(heading, added)}`);

  const missing: MissingRecord[] = [];
  for (const r of targetRecords) {
    const key = rules.key(r);
    if (!key || seen.has(key) || (index.get(key) !== r && !twins.get(key)?.includes(r))) continue;
    const base = { key, label: rules.label(r), riskId: rules.riskId(r), row: r.row };
    const skip = rules.skipFlag(r);
    if (skip !== null) {
      missing.push({ ...base, flag: null, noFlagReason: skip });
      continue;
    }
    if (input.flagCol === undefined) {
      missing.push({
        ...base,
        flag: null,
        noFlagReason:
          input.noFlagColReason ?? `${rules.targetName} has no status or update column to note it in`,
      });
      continue;
    }
    const col = input.flagCol;
    if (hasFormula(targetGrid, r.row, col)) {
      missing.push({ ...base, flag: null, noFlagReason: "its note column holds a formula, kept as it is" });
      continue;
    }
    const old = cellAt(targetGrid, r.row, col);
    const oldText =
      typeof old === "string" ? old : displayText(old, formatAt(targetGrid, r.row, col), "other");
    if (rules.flaggedPattern.test(oldText)) {
      missing.push({ ...base, flag: null, noFlagReason: "already noted as not in the export" });
      continue;
    }
    const note =
      oldText.trim() === ""
        ? rules.flagNote[0].toUpperCase() + rules.flagNote.slice(1)
        : `${oldText.trimEnd()} (${rules.flagNote})`;
    const header = loggedHeaderOf(targetLayout, col);
    const field = [...(targetLayout.mapping?.fieldColumns ?? [])].find(([, c]) => c === col)?.[0] ?? null;
    missing.push({
      ...base,
      flag: change(
        sheet,
        r.row,
        { col, field, header, kind: "other" },
        old,
        formatAt(targetGrid, r.row, col),
        note,
        null,
      ),
    });
  }

  const notCarried = [...input.notCarried];
  for (const t of targets) {
    if (!t.byMonth?.missing) continue;
    const said = notWrittenByMonth(
      sheet,
      rules.targetName,
      t,
      t.byMonth.missing,
      monthNotWritten.get(t) ?? [],
    );
    notCarried.push(said.notCarried);
    if (said.warning !== null) warnings.push(said.warning);
  }

  return {
    sheet,
    exportSheet: input.exportSheet,
    added,
    changed,
    missing,
    unchanged,
    notCarried,
    notWritten,
    ...(totalsRow ? { totalsRow } : {}),
    ...(heading ? { heading } : {}),
  };
}

/** The last row (0-based) of the last of `records` on the sheet; `headerRow` when there are none. */
function lastRowOf(records: readonly SheetRecord<string>[], headerRow: number): number {
  let last: SheetRecord<string> | undefined;
  for (const r of records) if (last === undefined || r.row > last.row) last = r;
  return last === undefined ? headerRow : Math.max(headerRow, ...last.rows);
}

/** Where the new rows went beside the register's totals row, if it has one (see TotalsRowPlace). */
function totalsRowPlace(
  start: NewRowsStart,
  added: RecordChange[],
  heading: boolean,
): TotalsRowPlace | undefined {
  if (start.totalsRow === null) return undefined;
  const first = added[0].row;
  const last = added[added.length - 1].row;
  if (start.movesTotals)
    return {
      kind: "moved",
      from: start.totalsRow,
      by: added.length + (heading ? 1 : 0),
      ...(heading ? { heading: true as const } : {}),
      ...(start.intoBlankRows ? { intoBlankRows: true as const } : {}),
    };
  if (start.plain && start.totalsRow > last)
    return { kind: "above", row: start.totalsRow, first, last, plain: true };
  return {
    kind: "below",
    row: start.totalsRow,
    first,
    last,
    why: start.why,
    ...(start.plain ? { plain: true } : {}),
  };
}

/**
 * The heading row written above the `count` new rows (see NewRowsStart.heading), in the header's first
 * column, where the reader takes a row of one text for a heading.
 */
function headingCell(
  sheet: string,
  grid: Grid,
  layout: SheetLayout,
  row: number,
  text: string,
  above: { why: HeadingReason; count: number },
): NewRowsHeading {
  const col = layout.headerCells.reduce((m, h) => Math.min(m, h.col), grid.colOffset + gridWidth(grid));
  return {
    sheet,
    row,
    col,
    cell: toA1(row, col),
    header: loggedHeaderOf(layout, col),
    text,
    why: above.why,
    note: headingNote(above.why, above.count),
  };
}

/** The summary's words for the heading row written above the new rows, and why. */
function newRowsHeadingWarning(heading: NewRowsHeading, added: readonly RecordChange[]): string {
  const one = added.length === 1;
  const rows = one
    ? `row ${added[0].row + 1}`
    : `rows ${added[0].row + 1}–${added[added.length - 1].row + 1}`;
  const ids =
    listWords(added.slice(0, 12).map((a) => a.label)) +
    (added.length > 12 ? ` and ${added.length - 12} more` : "");
  return (
    `a heading row "${heading.text}" was added at row ${heading.row + 1}, above the new ${one ? "risk" : "risks"} ${ids} ` +
    `(${rows}), ${heading.note}. The heading names no category: ${one ? "its" : "their"} appetite is ` +
    `${one ? "its" : "their"} Category or annex column's, else the default; move ${one ? "it" : "them"} under a section in ` +
    `Excel to file ${one ? "it" : "them"} there`
  );
}
