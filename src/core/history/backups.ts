// The dated register backups an import makes ("Backup IRIS Risks 2022-10-10"): which risks each names,
// so a risk with no Date Raised and no log row is still dated by the first backup that holds it.

import { cellAt, type Grid } from "../model/grid";
import { idKey } from "../model/records";
import { dayFromIso, type DayNumber } from "../parse/day";
import { detectSheet } from "../read/detect-sheet";

/** "Backup <register> YYYY-MM-DD", with " (2)" … when the name was taken (see backupSheetName). */
const BACKUP_NAME = /^Backup .*?(\d{4}-\d{2}-\d{2})(?: \((\d+)\))?$/;
const MAX_SHEET_NAME = 31;
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;

/**
 * The name of a register's backup of `date` ("Backup IRIS Risks 2022-10-10"; `copy` 2, 3 … add " (2)" …
 * for a name already taken), the register's name cut so the whole fits Excel's 31 characters.
 */
export function backupName(register: string, date: string, copy = 1): string {
  const suffix = ` ${date}${copy === 1 ? "" : ` (${copy})`}`;
  const room = MAX_SHEET_NAME - "Backup ".length - suffix.length;
  return `Backup ${register.slice(0, Math.max(1, room)).trimEnd()}${suffix}`.replace(NOT_IN_SHEET_NAMES, "-");
}

/** The date of a backup sheet from its name, or null when the sheet is not a dated backup. */
export function backupDay(sheetName: string): DayNumber | null {
  const m = BACKUP_NAME.exec(sheetName.trim());
  return m ? dayFromIso(m[1]) : null;
}

/** Which of `registers` a backup sheet is the copy of, by the name its backup is given; null when none. */
export function backedUpRegister(sheetName: string, registers: Iterable<string>): string | null {
  const name = sheetName.trim();
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const copy = m[2] === undefined ? 1 : Number(m[2]);
  for (const register of registers)
    if (backupName(register, m[1], copy).toLowerCase() === name.toLowerCase()) return register;
  return null;
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
