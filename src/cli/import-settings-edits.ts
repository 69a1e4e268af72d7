// What an import writes to the workbook's hidden Settings sheet: the confirmed IRIS profile and the last
// import, and nothing else. Every other row stays as the team typed it (SPEC "The workbook": saving
// settings never loses a co-author's change), values the command line could not read and settings it
// does not know included.

import type { CellEdit } from "../core/model/edits";
import type { CellValue, Grid } from "../core/model/grid";
import type { OwnedTab } from "../core/model/owned-tab";
import type { Settings } from "../core/model/settings";
import { settingsTab, settingsToRows } from "../core/model/settings-sheet";
import { isBlank } from "../core/read/cell-text";
import { findSettingsGrid } from "./settings-from-grids";

/** The settings an import writes: its own entries. */
const IMPORT_SETTING_KEYS: readonly string[] = ["importProfile", "lastImport"];

const keyOf = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim().toLowerCase() : "");


/**
 * The edits that save the import's settings (`after`: the settings with the new profile and last
 * import): in a workbook with a Settings sheet, the Value cell of each import setting's row (its last
 * row, the one that is read, when it is there twice), or a new row below the sheet's last for one it
 * lacks; in a workbook without one, a new Settings sheet.
 */
export function importSettingsEdits(
  grids: readonly Grid[],
  after: Settings,
): { cells: CellEdit[]; tab: OwnedTab | null } {
  const grid = findSettingsGrid(grids);
  if (!grid) return { cells: [], tab: settingsTab(after) };
  const wanted = settingsToRows(after).filter((r) =>
    IMPORT_SETTING_KEYS.some((k) => keyOf(r[0]) === k.toLowerCase()),
  );
  const cells: CellEdit[] = [];
  const at = (row: number, col: number, value: CellValue): CellEdit => ({
    sheet: grid.sheetName,
    row: row + grid.rowOffset,
    col: col + grid.colOffset,
    value,
  });
  let next = grid.values.length;
  // A row of a sparse sheet may be missing: it is blank.
  while (next > 0 && (grid.values[next - 1] ?? []).every((v) => isBlank(v ?? null))) next--;
  for (const row of wanted) {
    let found = grid.values.length - 1;
    while (found >= 0 && keyOf(grid.values[found]?.[0]) !== keyOf(row[0])) found--;
    if (found >= 0) {
      cells.push(at(found, 1, row[1]));
    } else {
      row.forEach((value, col) => {
        if (value !== null) cells.push(at(next, col, value));
      });
      next++;
    }
  }
  return { cells, tab: null };
}
