// Finds the workbook's owned Settings sheet among the grids read from a file and reads the settings from it.

import type { Grid } from "../core/model/grid";
import { candidateSheetNames, OWNED_TAB_NAMES } from "../core/model/owned-tab";
import { defaultSettings, type Settings } from "../core/model/settings";
import { settingsFromRows } from "../core/model/settings-sheet";

/**
 * The owned Settings grid, when the workbook has one: under its own name, or (where a user's sheet has
 * that name, which is never it) under the next name the add-in gives its tabs, as the task pane finds it.
 */
export function findSettingsGrid(grids: readonly Grid[]): Grid | undefined {
  for (const name of candidateSheetNames(OWNED_TAB_NAMES.settings)) {
    const grid = grids.find((g) => g.owned === true && g.sheetName.toLowerCase() === name.toLowerCase());
    if (grid) return grid;
  }
  return undefined;
}

/**
 * The settings the task pane would use for this workbook: its Settings sheet when it has one,
 * SPEC's defaults otherwise — so the command line and the add-in check the same way.
 * `issues` lists Settings rows that could not be read (those settings keep their defaults).
 */
export function settingsFromGrids(grids: readonly Grid[]): { settings: Settings; issues: string[] } {
  const grid = findSettingsGrid(grids);
  if (!grid) return { settings: defaultSettings(), issues: [] };
  return settingsFromRows(grid.values, grid.rowOffset + 1, grid.sheetName, grid.colOffset + 1);
}

/**
 * The stderr line for one settings issue. The issue names the sheet and cell itself
 * ("Setting 'reviewPeriodMonths' in Risk Review Settings!B5 is …"), so only the file is added.
 */
export function settingsWarningLine(file: string, issue: string): string {
  return `risk-review: warning: "${file}": ${issue}`;
}
