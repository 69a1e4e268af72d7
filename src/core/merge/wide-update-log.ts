// An import into a register with no update column whose updates are kept on a tab of their own, a row a risk
// and a column a month ("Risk Updates": Risk ID | Jul-22 | Aug-22 | Sep-22, read by the check as the register's
// update history, see readsAsWideLog). IRIS's update goes to the tab's as-at month's cell on the risk's row,
// when it differs from the newest month the row holds; an earlier month's cell is history and is never written.
// Where the tab has no column for the as-at month, or no row for the risk, nothing is written and the plan says so.

import { qualifiedAddress } from "../address/a1";
import { cellAt, formatAt, type Grid } from "../model/grid";
import { idKey, type SheetRecord } from "../model/records";
import { type DayNumber } from "../parse";
import { monthIndexOfDay } from "../parse/day";
import { isPlaceholder } from "../parse/placeholder";
import { monthLabel } from "../read/cell-text";
import type { UpdateLogSheet } from "../read/read-workbook";
import { rawCell } from "../model/records";
import { listWords } from "../list-words";
import type { LastImported } from "./last-imported";
import type { CellChange } from "./types";
import { compareKey, displayText, importedValue } from "./values";

/** IRIS's updates written to the update tab, and what the plan says of those not written. */
export interface WideLogUpdates {
  /** The tab's name. */
  sheet: string;
  /** The cells written, by the risk's key. */
  cells: Map<string, CellChange>;
  warnings: string[];
}

/**
 * The one tab of the workbook keeping its updates a column a month with a risk id column (see
 * UpdateLogSheet.months), or null where there is none, or several (which is the register's cannot be told).
 */
export function wideUpdateLogOf(updateLogs: readonly UpdateLogSheet[]): UpdateLogSheet | null {
  const wide = updateLogs.filter((l) => l.months !== undefined && l.fieldColumns.has("riskId"));
  return wide.length === 1 ? wide[0] : null;
}

/**
 * Plans IRIS's updates (`records`' "update" cells) into the update tab `log` (its raw grid `raw`: old values
 * as the cells are), as at `asAt`. `lastImported` tells the tab's as-at cell an import wrote (replaced when
 * IRIS's words change) from words an officer or a meeting wrote there (kept, and said so).
 */
export function planWideLogUpdates(
  records: readonly SheetRecord<string>[],
  key: (r: SheetRecord<string>) => string,
  label: (r: SheetRecord<string>) => string,
  log: UpdateLogSheet,
  raw: Grid,
  asAt: DayNumber,
  lastImported: LastImported,
): WideLogUpdates {
  const sheet = raw.sheetName;
  const out: WideLogUpdates = { sheet, cells: new Map(), warnings: [] };
  const months = log.months ?? [];
  const idCol = log.fieldColumns.get("riskId")!;
  const given = records.flatMap((r) => {
    const cell = rawCell(r, "update");
    if (!cell || isPlaceholder(cell.text)) return [];
    const v = importedValue(cell, "other");
    return v === null ? [] : [{ r, v }];
  });
  if (given.length === 0) return out;
  const asAtMonth = months[months.length - 1];
  if (!asAtMonth || monthIndexOfDay(asAtMonth.day) !== monthIndexOfDay(asAt)) {
    out.warnings.push(
      `"${sheet}" keeps the risks' updates a column a month and has no column for ${monthLabel(asAt)}: IRIS's update was not written (an earlier month's cell is history). Add a column for ${monthLabel(asAt)} and import again to bring it in`,
    );
    return out;
  }
  const rowOf = new Map<string, number>();
  const end = raw.rowOffset + raw.values.length;
  for (let row = log.headerRow + 1; row < end; row++) {
    const k = idKey(cellAt(raw, row, idCol));
    if (k && !rowOf.has(k)) rowOf.set(k, row);
  }
  const header = displayText(cellAt(raw, log.headerRow, asAtMonth.col), null, "other") || asAtMonth.label;
  const noRow: string[] = [];
  const kept: string[] = [];
  for (const { r, v } of given) {
    const k = key(r);
    const row = rowOf.get(k);
    if (row === undefined) {
      noRow.push(label(r));
      continue;
    }
    const now = compareKey(v.value, null, "other");
    const newest = [...months]
      .reverse()
      .find((m) => compareKey(cellAt(raw, row, m.col), null, "other") !== "");
    if (newest && compareKey(cellAt(raw, row, newest.col), null, "other") === now) continue;
    const old = cellAt(raw, row, asAtMonth.col);
    const oldKey = compareKey(old, null, "other");
    if (oldKey !== "") {
      const baseline = lastImported.get(k, header);
      if (!baseline || compareKey(baseline.value, baseline.format, "other") !== oldKey) {
        kept.push(label(r));
        continue;
      }
    }
    const oldFormat = formatAt(raw, row, asAtMonth.col);
    out.cells.set(k, {
      sheet,
      row,
      col: asAtMonth.col,
      // Named with its sheet: it is shown among the changes of the register's risk.
      cell: qualifiedAddress(sheet, row, asAtMonth.col),
      field: null,
      header,
      old,
      new: v.value,
      oldText: displayText(old, oldFormat, "other"),
      newText: displayText(v.value, null, "other"),
      format: null,
    });
  }
  if (noRow.length > 0)
    out.warnings.push(
      `"${sheet}" keeps the risks' updates a row a risk and has no row for ${listWords(noRow)}: IRIS's update was not written there; add a row for ${noRow.length === 1 ? "it" : "them"} and import again to bring it in`,
    );
  if (kept.length > 0)
    out.warnings.push(
      `"${sheet}": the ${header} update of ${listWords(kept)} was written since the last import (by an officer or a meeting): kept, and IRIS's update was not written over it`,
    );
  return out;
}
