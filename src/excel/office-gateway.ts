// The WorkbookGateway the task pane uses in Excel: each method is one module of src/excel.

import { applyEdits } from "./apply-edits";
import type { WorkbookGateway } from "./gateway";
import { clearMarks, markCells } from "./mark-cells";
import { readAllSheets } from "./read-sheets";
import { meetingWrites } from "./record-update";
import { selectCell } from "./select-cell";
import { loadSettings, loadSettingsWithIssues, saveSettings } from "./settings-store";
import { writeOwnedTab } from "./write-owned-tab";

export { adapterStats, onSync, resetAdapterStats, type AdapterStats, type SyncEvent } from "./run";

/** The open workbook, through Office.js. Every failure is a PlainError with a message fit to show. */
export function createOfficeGateway(): WorkbookGateway {
  return {
    readAllSheets,
    writeOwnedTab,
    markCells: (targets) => markCells(targets),
    clearMarks,
    selectCell,
    loadSettings,
    loadSettingsWithIssues,
    saveSettings,
    ...meetingWrites({ writeOwnedTab }),
    applyEdits,
  };
}
