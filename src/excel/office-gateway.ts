// The WorkbookGateway the task pane uses in Excel: each method is one module of src/excel.

import type { WorkbookGateway } from "./gateway";
import { clearMarks, markCells } from "./mark-cells";
import { readAllSheets } from "./read-sheets";
import { selectCell } from "./select-cell";
import { loadSettings, loadSettingsWithIssues, saveSettings } from "./settings-store";

export { adapterStats, onSync, resetAdapterStats, type AdapterStats, type SyncEvent } from "./run";

/** The import's writer and the meeting's, loaded when first used (the Check view, opened first, needs neither). */
const importWriter = () => import(/* webpackChunkName: "excel-import" */ "./apply-edits");
const meetingWriter = () => import(/* webpackChunkName: "excel-meeting" */ "./record-update");
const meetingRecord = () => import(/* webpackChunkName: "excel-meeting" */ "./meeting-record-block");
/** The owned tabs' writer (the summary tabs, the meeting's log), loaded when first used too. */
const tabWriter = () => import(/* webpackChunkName: "excel-tabs" */ "./write-owned-tab");
const writeOwnedTab: WorkbookGateway["writeOwnedTab"] = async (tab) => (await tabWriter()).writeOwnedTab(tab);

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
    openUpdateLog: async (tab) => (await meetingWriter()).meetingWrites({ writeOwnedTab }).openUpdateLog(tab),
    recordUpdate: async (request) => (await meetingWriter()).recordUpdate(request),
    applyEdits: async (edits, onProgress) => (await importWriter()).applyEdits(edits, onProgress),
    readMeetingUnderWay: async (date) => (await meetingRecord()).readMeetingUnderWay(date),
    writeMeetingBlock: async (request) => (await meetingRecord()).writeMeetingBlock(request),
  };
}
