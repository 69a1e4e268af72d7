// What the export said for each cell of a sheet at the last import: the baseline that tells an officer's
// edit made in the register since then (SPEC "Imports": the later write wins) from a value IRIS changed.
// Read from the workbook's own Import Logs (what an import wrote), else from the latest dated backup of
// the sheet (an import that did not write a cell found it already holding what the export said), else
// from the Update Log: a due date a meeting moved names the date the sheet held before it.

import { cellAt, formatAt, type CellValue, type Grid } from "../model/grid";
import { idKey } from "../model/records";
import { isNotWrittenNote, keptEditExportText } from "../model/writable-text";
import { cellText } from "../read/cell-text";
import { importLogReader } from "../history/import-log";
import { backedUpRegister, backupDay } from "../history/backups";
import { dueMovesIn, mentionsDueDate } from "../history/collect-history";
import { detectSheet } from "../read/detect-sheet";
import { groupedHeader } from "../read/map-headers";
import type { UpdateLogSheet } from "../read/read-workbook";
import { splitReplaced } from "../meeting/replaced-values";
import { dayFromSerial, parseDate, ukDate, type DayNumber } from "../parse";

/** One value an import wrote, under the header it was logged with ("Risk Owner", or "Risk Owner (note …)"). */
interface Written {
  field: string;
  value: CellValue;
  /** The import kept an officer's edit: `value` is what the export then said (the note's words). */
  kept: boolean;
}

/**
 * What the export said for a record's cell at the last import: the value an import wrote (`by` "log"), or
 * the value the cell held when the latest backup of the sheet was made and no import has written it since
 * (`by` "backup": that import found the cell already saying what the export said), or, with neither, the
 * value a meeting's logged change replaced (`by` "meeting": the Update Log's "ACT-002 due 31/12/2022 →
 * 31/01/2023" says the meeting's is the later write over what the sheet held, as a backup would).
 */
export interface Baseline {
  value: CellValue;
  /** The cell's number format in the backup (a date's); null for a logged value. */
  format: string | null;
  /**
   * "kept": the last import kept an officer's edit, the export then saying this value (its log row's note);
   * "meeting": the date a meeting's logged due-date move replaced.
   */
  by: BaselineSource;
}

/**
 * Where a baseline comes from: an import's write, an import that kept an officer's edit, a dated backup, or
 * the date a meeting's logged move replaced.
 */
export type BaselineSource = "log" | "kept" | "backup" | "meeting";

/** The baseline of a record's cell under `header`, or undefined when the workbook cannot say. */
export interface LastImported {
  get(key: string, header: string): Baseline | undefined;
}

/** Nothing imported before (a workbook without an Import Log or a backup). */
const NOTHING_IMPORTED: LastImported = { get: () => undefined };

/**
 * The values the workbook's Import Logs say were written to `sheet`, by record key: `keyOf` gives the
 * key a log row's Risk ID and Action ID name (the merge's own key; "" for a row it cannot key). A row that
 * wrote nothing (a kept formula, an over-long text) is no baseline, and one that kept an officer's edit
 * has the export's value its note names (a backup made then holds the edit); a log from an
 * earlier version, without a Sheet column, counts for every sheet. Later rows win. A cell no log row
 * names takes its value in the latest backup of `sheet`, its record found by `keyOf` on the backup's
 * Risk ID (a register) or Action ID (an actions sheet) and its column by header. A cell neither names
 * takes the value a meeting's logged change replaced (`meeting`, see meetingDueBaselines), where given.
 */
export function lastImported(
  grids: readonly Grid[],
  sheet: string,
  keyOf: (riskId: string, actionId: string) => string,
  meeting?: LastImported,
): LastImported {
  const logged = loggedValues(grids, sheet, keyOf);
  const backup = latestBackup(grids, sheet, keyOf);
  if (!logged && !backup) return meeting ?? NOTHING_IMPORTED;
  return {
    get(key, header) {
      return logged?.get(key, header) ?? backup?.get(key, header) ?? meeting?.get(key, header);
    },
  };
}

/**
 * The due dates the meetings moved, from the Update Logs' Changes cells ("ACT-002 due 31/12/2022 →
 * 31/01/2023"), as baselines of the actions sheet's due-date column (`dueHeader`): each action's latest
 * logged move (by its row's date; of one day, the lower row) gives the date it replaced, which is what the
 * sheet held, and the export said, before the meeting's later write. An action is found by `keyOf` on the
 * name the log gives it (its id); a co-author's words a forced write kept are not the meeting's changes.
 * Nothing when the sheet has no due-date column or no log moved a date.
 */
export function meetingDueBaselines(
  updateLogs: readonly UpdateLogSheet[],
  dueHeader: string,
  keyOf: (riskId: string, actionId: string) => string,
): LastImported {
  if (!dueHeader) return NOTHING_IMPORTED;
  const latest = new Map<string, { day: DayNumber; from: DayNumber }>();
  for (const { grid, headerRow, fieldColumns } of updateLogs) {
    const changesCol = fieldColumns.get("changes");
    const dateCol = fieldColumns.get("date");
    if (changesCol === undefined || dateCol === undefined) continue;
    const end = grid.rowOffset + grid.values.length;
    for (let row = headerRow + 1; row < end; row++) {
      const changes = cellAt(grid, row, changesCol);
      if (typeof changes !== "string" || !mentionsDueDate(changes)) continue;
      const date = cellAt(grid, row, dateCol);
      const parsed = typeof date === "number" ? dayFromSerial(date) : parseDate(date, null, "lastUpdated");
      if (!parsed.ok) continue;
      const day = parsed.value;
      for (const move of dueMovesIn(splitReplaced(changes).own, day)) {
        const key = move.from === null ? "" : keyOf("", move.action);
        if (!key || move.from === null) continue;
        const seen = latest.get(key);
        if (!seen || day >= seen.day) latest.set(key, { day, from: move.from });
      }
    }
  }
  if (latest.size === 0) return NOTHING_IMPORTED;
  return {
    get(key, header) {
      const move = header === dueHeader ? latest.get(key) : undefined;
      return move && { value: ukDate(move.from), format: null, by: "meeting" };
    },
  };
}

/** The values Import Logs say were written to `sheet` (see lastImported); null when none. */
function loggedValues(
  grids: readonly Grid[],
  sheet: string,
  keyOf: (riskId: string, actionId: string) => string,
): LastImported | null {
  const byKey = new Map<string, Written[]>();
  for (const grid of grids) {
    const reader = importLogReader(grid);
    if (!reader) continue;
    for (let row = reader.firstRow; row < reader.endRow; row++) {
      const r = reader.rowAt(row);
      if (!r || (r.target !== "" && r.target !== sheet)) continue;
      // A cell left as it was is no baseline, but an officer's edit kept says what the export still said.
      const kept = typeof r.new === "string" && isNotWrittenNote(r.new);
      const value = kept ? keptEditExportText(r.new as string) : r.new;
      if (value === undefined) continue;
      const key = keyOf(r.riskId, r.actionId);
      if (!key) continue;
      const list = byKey.get(key);
      const written = { field: r.field, value, kept };
      if (list) list.push(written);
      else byKey.set(key, [written]);
    }
  }
  if (byKey.size === 0) return null;
  return {
    get(key, header) {
      const list = byKey.get(key);
      if (!list) return undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const { field, value, kept } = list[i];
        if (field === header || field.startsWith(`${header} (`))
          return { value, format: null, by: kept ? "kept" : "log" };
      }
      return undefined;
    },
  };
}

/**
 * The cells of the latest dated backup of `sheet` (the latest day; of one day, the last copy), by record key
 * and header; null when the sheet has none. A blank cell is no baseline (the export may have said nothing).
 */
function latestBackup(
  grids: readonly Grid[],
  sheet: string,
  keyOf: (riskId: string, actionId: string) => string,
): LastImported | null {
  let latest: Grid | null = null;
  let latestDay = -Infinity;
  for (const grid of grids) {
    if (backedUpRegister(grid.sheetName, [sheet]) === null) continue;
    const day = backupDay(grid.sheetName) ?? -Infinity;
    // Grids come in the workbook's order, where a later copy of one day follows the earlier.
    if (day >= latestDay) {
      latest = grid;
      latestDay = day;
    }
  }
  if (!latest) return null;
  const grid = latest;
  const layout = detectSheet(grid);
  const fields = layout.mapping?.fieldColumns;
  if (!fields || layout.headerRow === null) return null;
  const riskIdCol = fields.get("id") ?? fields.get("riskId");
  // A register's rows are keyed by the risk alone (riskRowKey gives no key to a row naming an action).
  const actionIdCol = layout.kind === "risk-register" ? undefined : fields.get("actionId");
  const columns = new Map<string, number>();
  for (const cell of layout.headerCells) {
    const header = groupedHeader(cell);
    if (header && !columns.has(header)) columns.set(header, cell.col);
  }
  const rowOf = new Map<string, number>();
  const end = grid.rowOffset + grid.values.length;
  for (let row = layout.headerRow + 1; row < end; row++) {
    const text = (col: number | undefined) => (col === undefined ? "" : cellText(cellAt(grid, row, col)));
    const key = keyOf(text(riskIdCol), text(actionIdCol));
    if (key && !rowOf.has(key)) rowOf.set(key, row);
  }
  return {
    get(key, header) {
      const row = rowOf.get(key);
      const col = columns.get(header);
      if (row === undefined || col === undefined) return undefined;
      const value = cellAt(grid, row, col);
      if (value === null || value === "") return undefined;
      return { value, format: formatAt(grid, row, col), by: "backup" };
    },
  };
}

/** A risk register's key for a log row: the risk's folded id, on a row that names no action. */
export const riskRowKey = (riskId: string, actionId: string): string => (actionId ? "" : idKey(riskId));

/**
 * An actions sheet's key where actions are matched by their id: `id:` and the folded action id, as the
 * import keys the sheet's and the export's rows (plan-import), so a log row, a backup's row or a meeting's
 * logged move finds its action; "" for a row naming no action id.
 */
export const actionRowKey = (_riskId: string, actionId: string): string => {
  const key = idKey(actionId);
  return key ? `id:${key}` : "";
};

/** The note on a cell the import wrote over an officer's edit, IRIS having changed it too. */
export function editReplacedNote(baseline: Baseline): string {
  const text = cellText(baseline.value);
  if (baseline.by === "log")
    return `replaces the register's edit made since the last import, which wrote "${text}"`;
  if (baseline.by === "kept")
    return `replaces the register's edit made before the last import, when the export said "${text}"`;
  if (baseline.by === "meeting")
    return `replaces the meeting's change, which the Update Log says moved it from "${text}"`;
  return `replaces the register's edit made since the last import, when the register and the export said "${text}"`;
}
