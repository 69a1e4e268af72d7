// Applies workbook edits to grids in memory, so the workbook can be re-checked as it will be after an import.

import type { TotalsRowMove, WorkbookEdits } from "../model/edits";
import { formulaKey, type CellValue, type Grid } from "../model/grid";
import { storedCell } from "../model/owned-tab";

function copyGrid(g: Grid): Grid {
  return {
    ...g,
    values: g.values.map((r) => r.slice()),
    numberFormats: g.numberFormats?.map((r) => r.slice()),
  };
}

/**
 * The grids as they will be once `edits` are written: backups added (owned, so never read as registers),
 * totals rows moved down, cells set, out-of-date formula results blanked, log rows appended, owned tabs replaced. Inputs are not changed. Used to re-check the
 * workbook (and build the Risk Summary with its movement) before the file or the open workbook is written.
 */
export function applyEditsToGrids(grids: readonly Grid[], edits: WorkbookEdits): Grid[] {
  const out = grids.map((g) => g);
  const byName = new Map(out.map((g, i) => [g.sheetName, i]));
  const writable = (name: string): Grid | undefined => {
    const i = byName.get(name);
    if (i === undefined) return undefined;
    const g = copyGrid(out[i]);
    out[i] = g;
    return g;
  };
  for (const c of edits.copies) {
    const from = out[byName.get(c.from) ?? -1];
    if (!from) continue;
    byName.set(c.to, out.length);
    out.push({ ...copyGrid(from), sheetName: c.to, owned: true });
  }
  const touched = new Map<string, Grid>();
  for (const m of edits.totalsRowMoves ?? []) {
    const g = writable(m.sheet);
    if (!g) continue;
    touched.set(m.sheet, g);
    insertRows(g, m);
  }
  for (const e of edits.cells) {
    let g = touched.get(e.sheet);
    if (!g) {
      g = writable(e.sheet);
      if (!g) continue;
      touched.set(e.sheet, g);
    }
    setCell(g, e.row, e.col, e.value, e.format ?? undefined);
  }
  // A formula whose saved result is dropped reads blank until Excel works it out (the formula stays).
  for (const c of edits.recalculated ?? []) {
    const g = touched.get(c.sheet);
    if (g && g.formulas?.has(formulaKey(c.row, c.col))) setCell(g, c.row, c.col, null, undefined);
  }
  for (const tab of edits.ownedTabs) {
    // Dates go in as Excel holds them: a serial with a date format.
    const stored = tab.rows.map((r) => r.map(storedCell));
    const grid: Grid = {
      sheetName: tab.name,
      origin: out[0]?.origin ?? "workbook",
      values: stored.map((r) => r.map((s) => s.value)),
      numberFormats: stored.map((r) => r.map((s) => s.numberFormat)),
      rowOffset: 0,
      colOffset: 0,
      owned: true,
    };
    const i = byName.get(tab.name);
    if (i !== undefined && out[i].owned) out[i] = grid;
    else if (i === undefined) {
      byName.set(tab.name, out.length);
      out.push(grid);
    }
  }
  return out;
}

function setCell(g: Grid, row: number, col: number, value: CellValue, format: string | undefined): void {
  const r = row - g.rowOffset;
  const c = col - g.colOffset;
  if (r < 0 || c < 0) return; // above or left of the grid's block: only happens for cells outside the read range
  while (g.values.length <= r) g.values.push([]);
  const rowValues = g.values[r];
  while (rowValues.length < c) rowValues.push(null);
  rowValues[c] = value;
  if (format !== undefined) {
    if (!g.numberFormats) g.numberFormats = g.values.map(() => []);
    while (g.numberFormats.length <= r) g.numberFormats.push([]);
    // A file's rows formatted alike share one array: copy the row before changing it.
    const rowFormats = g.numberFormats[r].slice();
    rowFormats[c] = format;
    g.numberFormats[r] = rowFormats;
  }
}

/**
 * Empty rows inserted at `m.row`: the totals row (and anything below) moves down by `m.by`, as in the file;
 * with `m.intoBlankRows`, the totals row alone, into the blank rows under it (taken out), the rest staying.
 */
function insertRows(g: Grid, m: TotalsRowMove): void {
  const at = m.row - g.rowOffset;
  if (at < 0 || at > g.values.length) return;
  const taken = m.intoBlankRows ? m.by : 0;
  g.values.splice(at, 0, ...Array.from({ length: m.by }, (): CellValue[] => []));
  g.values.splice(at + m.by + 1, taken);
  if (g.numberFormats && at <= g.numberFormats.length) {
    g.numberFormats.splice(at, 0, ...Array.from({ length: m.by }, (): (string | null)[] => []));
    g.numberFormats.splice(at + m.by + 1, taken);
  }
  const moves = (r: number) => (m.intoBlankRows ? r === m.row : r >= m.row);
  if (g.totalsRows) g.totalsRows = g.totalsRows.map((r) => (moves(r) ? r + m.by : r));
  if (g.tables) g.tables = g.tables.map((t) => (t.bottom === m.row ? { ...t, bottom: t.bottom + m.by } : t));
  if (g.formulas) {
    const moved = new Set<number>();
    for (const k of g.formulas)
      moved.add(moves(Math.floor(k / formulaKey(1, 0))) ? k + formulaKey(m.by, 0) : k);
    g.formulas = moved;
  }
}
