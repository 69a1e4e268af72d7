// What the last import wrote to each cell of a sheet, read from the workbook's own Import Logs: the
// baseline that tells an officer's edit made in the register since then (SPEC "Imports": the later
// write wins) from a value IRIS changed.

import type { CellValue, Grid } from "../model/grid";
import { idKey } from "../model/records";
import { isNotWrittenNote } from "../model/writable-text";
import { cellText } from "../read/cell-text";
import { importLogReader } from "../history/import-log";

/** One value an import wrote, under the header it was logged with ("Risk Owner", or "Risk Owner (note …)"). */
interface Written {
  field: string;
  value: CellValue;
}

/** The value the last import wrote to a record's cell under `header`, or undefined when no import wrote it. */
export interface LastImported {
  get(key: string, header: string): CellValue | undefined;
}

/** Nothing imported before (a workbook without an Import Log). */
const NOTHING_IMPORTED: LastImported = { get: () => undefined };

/**
 * The values the workbook's Import Logs say were written to `sheet`, by record key: `keyOf` gives the
 * key a log row's Risk ID and Action ID name (the merge's own key; "" for a row it cannot key). A row that
 * wrote nothing (a kept formula, an over-long text, an officer's edit kept) is no baseline; a log from an
 * earlier version, without a Sheet column, counts for every sheet. Later rows win.
 */
export function lastImported(
  grids: readonly Grid[],
  sheet: string,
  keyOf: (riskId: string, actionId: string) => string,
): LastImported {
  const byKey = new Map<string, Written[]>();
  for (const grid of grids) {
    const reader = importLogReader(grid);
    if (!reader) continue;
    for (let row = reader.firstRow; row < reader.endRow; row++) {
      const r = reader.rowAt(row);
      if (!r || (r.target !== "" && r.target !== sheet)) continue;
      if (typeof r.new === "string" && isNotWrittenNote(r.new)) continue;
      const key = keyOf(r.riskId, r.actionId);
      if (!key) continue;
      const list = byKey.get(key);
      const written = { field: r.field, value: r.new };
      if (list) list.push(written);
      else byKey.set(key, [written]);
    }
  }
  if (byKey.size === 0) return NOTHING_IMPORTED;
  return {
    get(key, header) {
      const list = byKey.get(key);
      if (!list) return undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const { field, value } = list[i];
        if (field === header || field.startsWith(`${header} (`)) return value;
      }
      return undefined;
    },
  };
}

/** A risk register's key for a log row: the risk's folded id, on a row that names no action. */
export const riskRowKey = (riskId: string, actionId: string): string => (actionId ? "" : idKey(riskId));

/** An actions sheet's key for a log row, where actions are matched by their id: the folded action id. */
export const actionRowKey = (_riskId: string, actionId: string): string => idKey(actionId);

/** The note on a cell the import wrote over an officer's edit, IRIS having changed it too. */
export function editReplacedNote(imported: CellValue): string {
  return `replaces the register's edit made since the last import, which wrote "${cellText(imported)}"`;
}
