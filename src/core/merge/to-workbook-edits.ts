// Turns an import plan into workbook edits: dated backups first, then cells, then one Import Log row per cell.

import { emptyEdits, type CellEdit, type WorkbookEdits } from "../model/edits";
import type { CellValue } from "../model/grid";
import { OWNED_TAB_NAMES } from "../model/owned-tab";
import { TabBuilder } from "../summary/tab-builder";
import { VERSION } from "../version";
import type { CellChange, ImportPlan, MergeSection } from "./types";

/** The Import Log's columns (SPEC "Owned tabs": when, file, register, risk id, field, old, new). */
export const IMPORT_LOG_HEADER = ["When", "File", "Register", "Risk ID", "Field", "Old", "New"];

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

/** The Import Log's Field: the header, the action it belongs to, and what was done to make the value writable. */
function fieldName(header: string, action: string | null, note: string | undefined): string {
  const base = action === null ? header : `${header} (action ${action})`;
  return note ? `${base} (${note})` : base;
}

/** The empty Import Log tab (title block and header row) made when a workbook has none yet. */
export function importLogTemplate(
  plan: Pick<ImportPlan, "asAt" | "marking">,
): ReturnType<TabBuilder["build"]> {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["import-log"],
    "import-log",
    { title: "Import Log", asAt: plan.asAt, source: "IRIS imports", version: VERSION, marking: plan.marking },
    [18, 28, 22, 12, 28, 40, 40],
  );
  tab.header(IMPORT_LOG_HEADER);
  return tab.build();
}

/**
 * The edits that carry out a plan: a dated backup copy of each sheet written (owned), the cells
 * (new records below the last used row, changed cells, notes on records missing from the export) and
 * one Import Log row per cell. A plan that changes nothing gives empty edits, so nothing at all is written.
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
  const rows: CellValue[][] = [];
  for (const [list, isAction] of [
    [risk, false],
    [action, true],
  ] as const) {
    for (const { cell, riskId, label } of list) {
      const edit: CellEdit = { sheet: cell.sheet, row: cell.row, col: cell.col, value: cell.new };
      if (cell.format !== null) edit.format = cell.format;
      edits.cells.push(edit);
      const field = fieldName(cell.header, isAction ? label : null, cell.note);
      rows.push([plan.importedAt, plan.file, cell.sheet, riskId, field, cell.oldText, cell.newText]);
    }
  }
  // Cells left as they were (a formula kept, a text too long for a cell): logged with both values.
  for (const [section, isAction] of [
    [plan.risks, false],
    [plan.actions, true],
  ] as const) {
    for (const n of section?.notWritten ?? []) {
      const field = fieldName(n.header, isAction ? n.label : null, undefined);
      rows.push([plan.importedAt, plan.file, n.sheet, n.riskId, field, n.oldText, n.note]);
    }
  }
  edits.logAppends.push({
    kind: "import-log",
    header: IMPORT_LOG_HEADER,
    rows,
    template: importLogTemplate(plan),
  });
  return edits;
}
