// Turns an import plan into workbook edits: dated backups first, then cells, then one Import Log row per cell.

import { emptyEdits, type CellEdit, type WorkbookEdits } from "../model/edits";
import type { CellValue } from "../model/grid";
import { OWNED_TAB_NAMES } from "../model/owned-tab";
import { TabBuilder } from "../summary/tab-builder";
import { VERSION } from "../version";
import { dayFromIso, serialFromDay } from "../parse";
import type { CellChange, ImportPlan, MergeSection } from "./types";
import { totalsRowNote } from "./place-new-rows";

/**
 * The Import Log's columns (SPEC "Owned tabs": when, file, sheet, risk id, action id, field, old, new), and
 * a Note on what was done to make the value writable or whose edit it replaced, so that the Field is the
 * sheet's header alone.
 */
export const IMPORT_LOG_HEADER = [
  "When",
  "File",
  "Sheet",
  "Risk ID",
  "Action ID",
  "Field",
  "Old",
  "New",
  "Note",
];

/**
 * The columns of Import Logs made before the Note column: their rows carry the note in the Field, in
 * brackets after the header ("Latest Update (replaces …)"), and are still written so (see LogAppend.earlier).
 */
export const NOTE_IN_FIELD_IMPORT_LOG_HEADER = IMPORT_LOG_HEADER.slice(0, -1);

/**
 * The columns of Import Logs made before the Action ID column: their rows name the action in the Field
 * ("Target Date (action A-1)"), and are still written so (see LogAppend.earlier).
 */
export const EARLIER_IMPORT_LOG_HEADER = ["When", "File", "Register", "Risk ID", "Field", "Old", "New"];

const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** The Excel date and time of an import's stamp ("2022-10-10 14:05"); the text itself when it is not one. */
export function stampSerial(stamp: string): CellValue {
  const m = STAMP.exec(stamp);
  const day = m ? dayFromIso(m[1]) : null;
  if (!m || day === null) return stamp;
  const minutes = m[2] === undefined ? 0 : Number(m[2]) * 60 + Number(m[3]);
  return serialFromDay(day) + minutes / 1440;
}

/** Options for `toWorkbookEdits`. */
export interface ToWorkbookEditsOptions {
  /** Name for the register's backup, overriding the plan's (e.g. one the officer typed). */
  backupName?: string;
}

/** The cells the plan writes on one sheet, in order: new records, changed cells, "not in export" notes. */
function sectionCells(s: MergeSection | null): { cell: CellChange; riskId: string; label: string }[] {
  if (!s || s.sheet === null) return [];
  const out: { cell: CellChange; riskId: string; label: string }[] = [];
  for (const r of [...s.added, ...s.changed])
    for (const cell of r.cells) out.push({ cell, riskId: r.riskId, label: r.label });
  for (const m of s.missing) if (m.flag) out.push({ cell: m.flag, riskId: m.riskId, label: m.label });
  return out;
}

/** The Import Log's Field: the header, and what was done to make the value writable. */
function fieldName(header: string, note: string | undefined): string {
  return note ? `${header} (${note})` : header;
}

/** An earlier layout's Field: the header with the action it belongs to, then any note. */
function earlierFieldName(header: string, action: string | null, note: string | undefined): string {
  return fieldName(action === null ? header : `${header} (action ${action})`, note);
}

/** The empty Import Log tab (title block and header row) made when a workbook has none yet. */
export function importLogTemplate(
  plan: Pick<ImportPlan, "asAt" | "marking">,
): ReturnType<TabBuilder["build"]> {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["import-log"],
    "import-log",
    { title: "Import Log", asAt: plan.asAt, source: "IRIS imports", version: VERSION, marking: plan.marking },
    [18, 28, 22, 12, 12, 28, 40, 40, 40],
  );
  tab.header(IMPORT_LOG_HEADER);
  tab.dateColumns([0]);
  return tab.build();
}

/**
 * The edits that carry out a plan: a dated backup copy of each sheet written (owned), the cells
 * (new records below the last used row or above a table's totals row, which then moves down; changed
 * cells; notes on records missing from the export) and one Import Log row per cell, and one for the totals row. A plan that changes nothing gives empty edits, so nothing at all is written.
 */
export function toWorkbookEdits(plan: ImportPlan, options: ToWorkbookEditsOptions = {}): WorkbookEdits {
  if (plan.cellCount === 0) return emptyEdits();
  const edits = emptyEdits();
  const risk = sectionCells(plan.risks);
  const action = sectionCells(plan.actions);
  const written = new Set([...risk, ...action].map((c) => c.cell.sheet));
  for (const b of plan.backups) {
    if (!written.has(b.from)) continue;
    edits.copies.push({
      from: b.from,
      to: b.from === plan.register && options.backupName ? options.backupName : b.to,
    });
  }
  const when = stampSerial(plan.importedAt);
  const rows: CellValue[][] = [];
  const noteInFieldRows: CellValue[][] = [];
  const earlierRows: CellValue[][] = [];
  /** One Import Log row, in the current layout and in the earlier ones. */
  const log = (
    sheet: string,
    riskId: string,
    action: string | null,
    header: string,
    note: string | undefined,
    old: string,
    now: string,
  ) => {
    rows.push([when, plan.file, sheet, riskId, action ?? "", header, old, now, note ?? null]);
    noteInFieldRows.push([when, plan.file, sheet, riskId, action ?? "", fieldName(header, note), old, now]);
    earlierRows.push([when, plan.file, sheet, riskId, earlierFieldName(header, action, note), old, now]);
  };
  for (const [list, isAction] of [
    [risk, false],
    [action, true],
  ] as const) {
    for (const { cell, riskId, label } of list) {
      const edit: CellEdit = { sheet: cell.sheet, row: cell.row, col: cell.col, value: cell.new };
      if (cell.format !== null) edit.format = cell.format;
      if (cell.date) edit.date = true;
      edits.cells.push(edit);
      log(cell.sheet, riskId, isAction ? label : null, cell.header, cell.note, cell.oldText, cell.newText);
    }
  }
  // Cells left as they were (a formula kept, a text too long for a cell): logged with both values.
  for (const [section, isAction] of [
    [plan.risks, false],
    [plan.actions, true],
  ] as const) {
    for (const n of section?.notWritten ?? [])
      log(n.sheet, n.riskId, isAction ? n.label : null, n.header, undefined, n.oldText, n.note);
  }
  // Formulas the changes make out of date keep their formula and lose their saved result (SPEC "Formulas").
  for (const section of [plan.risks, plan.actions])
    for (const r of section?.changed ?? [])
      for (const c of r.recalculated ?? [])
        (edits.recalculated ??= []).push({ sheet: c.sheet, row: c.row, col: c.col });
  // The heading row written above the new risks (see MergeSection.heading): a new row, logged as one.
  for (const section of [plan.risks, plan.actions]) {
    const h = section?.heading;
    if (!h) continue;
    edits.cells.push({ sheet: h.sheet, row: h.row, col: h.col, value: h.text });
    log(h.sheet, "", null, h.header, `heading row above the new risks, ${h.note}`, "", h.text);
  }
  for (const section of [plan.risks, plan.actions])
    if (section?.sheet && section.added.length > 0)
      (edits.appendedRows ??= []).push({
        sheet: section.sheet,
        rows: [...(section.heading ? [section.heading.row] : []), ...section.added.map((r) => r.row)],
      });
  // A table's totals row moved below the new rows, or new rows left below it: one row each, in words.
  for (const section of [plan.risks, plan.actions]) {
    const place = section?.totalsRow;
    if (!section?.sheet || !place) continue;
    if (place.kind === "moved")
      (edits.totalsRowMoves ??= []).push({
        sheet: section.sheet,
        row: place.from,
        by: place.by,
        ...(place.intoBlankRows ? { intoBlankRows: true as const } : {}),
      });
    const old = place.kind === "moved" ? `row ${place.from + 1}` : `row ${place.row + 1}`;
    log(section.sheet, "", null, "Table totals row", undefined, old, totalsRowNote(place));
  }
  edits.logAppends.push({
    kind: "import-log",
    header: IMPORT_LOG_HEADER,
    rows,
    earlier: [
      { header: NOTE_IN_FIELD_IMPORT_LOG_HEADER, rows: noteInFieldRows },
      { header: EARLIER_IMPORT_LOG_HEADER, rows: earlierRows },
    ],
    asAt: plan.asAt,
    template: importLogTemplate(plan),
  });
  return edits;
}

/**
 * What an import's edits add besides its cells, as its summary reports them: the names of the backup
 * sheets made (only of the sheets written) and the number of Import Log rows (kept formulas and a
 * totals row included).
 */
export function backupsAndLogRows(edits: WorkbookEdits): { backups: string[]; importLogRows: number } {
  return {
    backups: edits.copies.map((c) => c.to),
    importLogRows: edits.logAppends
      .filter((a) => a.kind === "import-log")
      .reduce((n, a) => n + a.rows.length, 0),
  };
}
