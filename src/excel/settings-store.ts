// The team's shared settings in the hidden owned "Risk Review Settings" sheet (the command line reads the same).

import { OWNED_TAB_NAMES } from "../core/model/owned-tab";
import type { CellValue } from "../core/model/grid";
import { defaultSettings, type Settings } from "../core/model/settings";
import { rowsOfOtherSettings, settingsFromRows, settingsTab } from "../core/model/settings-sheet";
import { candidateSheetNames, rowHasMarker, sheetsOwnedByName } from "./owned-sheets";
import { countedSync, runExcel } from "./run";
import { askDate1904, readDatesIn } from "./date-system";
import { mergeSettings } from "../core/model/settings-merge";
import type { SavedSettings } from "./gateway";

/** Settings as read, with the problems found in the sheet (bad values keep their defaults). */
export interface LoadedSettings {
  settings: Settings;
  issues: string[];
  /** The sheet they came from, or null when the workbook has none (defaults). */
  sheetName: string | null;
  /** The sheet's rows of settings this version does not know, kept when it is saved (see rowsOfOtherSettings). */
  otherRows?: CellValue[][];
}

/** Reads the owned Settings sheet (two syncs); a user's sheet of the same name is never read as settings. */
export async function loadSettingsWithIssues(): Promise<LoadedSettings> {
  return runExcel("reading the settings", readSettingsIn);
}

/** loadSettingsWithIssues inside a run the caller holds. */
async function readSettingsIn(context: Excel.RequestContext): Promise<LoadedSettings> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/value");
  const date1904 = askDate1904(context);
  await countedSync(context, "settings: sheets and names");
  // A 1904 workbook's date settings (the as-at date typed as a date) are shifted as read: formats say which.
  const is1904 = date1904();
  const owned = sheetsOwnedByName(names.items.map((n) => ({ name: n.name, value: n.value as unknown })));
  const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const candidates = candidateSheetNames(OWNED_TAB_NAMES.settings)
    .map((c) => byName.get(c.toLowerCase()))
    .filter((ws): ws is Excel.Worksheet => ws !== undefined)
    .map((ws) => ({
      ws,
      used: ws
        .getUsedRangeOrNullObject(true)
        .load(is1904 ? "values,numberFormat,rowIndex,columnIndex" : "values,rowIndex,columnIndex"),
    }));
  if (candidates.length === 0) return { settings: defaultSettings(), issues: [], sheetName: null };
  await countedSync(context, "settings: read sheet");
  for (const { ws, used } of candidates) {
    if (used.isNullObject) continue;
    const values = (used.values as CellValue[][]).map((row) => row.map((v) => (v === "" ? null : v)));
    if (is1904) readDatesIn(values, used.numberFormat as string[][], true);
    const isOwned = owned.has(ws.name.toLowerCase()) || (used.rowIndex === 0 && rowHasMarker(values[0]));
    if (!isOwned) continue;
    // Issues name this sheet's own name and cells ("Risk Review Settings!B5"), as the pane shows them.
    const { settings, issues } = settingsFromRows(values, used.rowIndex + 1, ws.name, used.columnIndex + 1);
    return { settings, issues, sheetName: ws.name, otherRows: rowsOfOtherSettings(values) };
  }
  return { settings: defaultSettings(), issues: [], sheetName: null };
}

/** Reads the settings (defaults when the workbook has no Settings sheet). */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithIssues()).settings;
}

const tabWriter = () => import(/* webpackChunkName: "excel-tabs" */ "./write-owned-tab");

/**
 * Saves the settings without losing a co-author's change (SPEC "Saving settings"): in one run, reads the
 * Settings sheet again, merges `settings` into what it holds now entry by entry against `base` (what the
 * pane read before the officer's change; without it, every setting that differs is this save's), and
 * writes the result. Where both changed the same entry this (later) save wins, and `conflicts` says which.
 */
export async function saveSettings(settings: Settings, base?: Settings): Promise<SavedSettings> {
  // The tab writer loads when first asked: the Check view reads settings at once, writes them seldom.
  const { writeOwnedTabIn } = await tabWriter();
  return runExcel("saving the settings", async (context) => {
    const now = await readSettingsIn(context);
    const { merged, conflicts } = mergeSettings(base ?? now.settings, settings, now.settings);
    await writeOwnedTabIn(context, settingsTab(merged, now.otherRows));
    return { settings: merged, conflicts };
  });
}
