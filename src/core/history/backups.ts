// The dated register backups an import makes ("Backup IRIS Risks 2022-10-10"): which risks each names,
// so a risk with no Date Raised and no log row is still dated by the first backup that holds it.

import { cellAt, type Grid } from "../model/grid";
import { idKey } from "../model/records";
import { dayFromIso, type DayNumber } from "../parse/day";
import { detectSheet } from "../read/detect-sheet";

/** "Backup <register> YYYY-MM-DD", with " (2)" … when the name was taken (see backupSheetName). */
const BACKUP_NAME = /^Backup .*?(\d{4}-\d{2}-\d{2})(?: \(\d+\))?$/;

/** The date of a backup sheet from its name, or null when the sheet is not a dated backup. */
export function backupDay(sheetName: string): DayNumber | null {
  const m = BACKUP_NAME.exec(sheetName.trim());
  return m ? dayFromIso(m[1]) : null;
}

/**
 * Folded ids of the risks a backup sheet holds, read from its id column; empty when the sheet is not
 * a dated backup of a register.
 */
export function backupRiskKeys(grid: Grid): string[] {
  if (backupDay(grid.sheetName) === null) return [];
  const layout = detectSheet(grid);
  const idCol = layout.kind === "risk-register" ? layout.mapping?.fieldColumns.get("id") : undefined;
  if (idCol === undefined || layout.headerRow === null) return [];
  const keys: string[] = [];
  const end = grid.rowOffset + grid.values.length;
  for (let row = layout.headerRow + 1; row < end; row++) {
    const key = idKey(cellAt(grid, row, idCol));
    if (key) keys.push(key);
  }
  return keys;
}
