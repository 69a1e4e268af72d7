// The task pane's view of the open workbook. src/excel implements it with Office.js;
// tests implement it with the in-memory fake host. Nothing outside src/excel calls Office.js.

import type { Grid } from "../core/model/grid";
import type { MeetingProgress } from "../core/meeting/meeting-progress";
import type { OwnedTab } from "../core/model/owned-tab";
import type { Settings } from "../core/model/settings";
import type { WorkbookEdits } from "../core/model/edits";
import type { ApplyEditsResult, ApplyProgress } from "./apply-edits";
import type { RecordUpdateRequest, RecordUpdateResult } from "./record-update";
import type { MeetingBlockRequest } from "./meeting-record-block";
import type { ColumnCorrection } from "../core/model/settings";

export interface CellTarget {
  sheet: string;
  /** A1 address, e.g. "K9". */
  address: string;
}

export interface ReadProgress {
  sheetsRead: number;
  sheetsTotal: number;
}

export interface WriteResult {
  /** The sheet name actually written (differs when a user sheet already had the name). */
  sheetName: string;
  /** True when the preferred name belonged to a user sheet, so another name was used. */
  renamed: boolean;
  /**
   * What Excel would not set up on the tab (freeze panes, print set-up), in words for the officer; the
   * tab's cells were written all the same. Absent when everything was set.
   */
  warnings?: string[];
}

/** What a save of the settings wrote: the merged settings, and the entries a co-author had also changed. */
export interface SavedSettings {
  settings: Settings;
  /** Entries both this save and a co-author changed (this save's version was written); see settings-merge. */
  conflicts: string[];
}

export interface WorkbookGateway {
  /**
   * Reads every sheet's used range (values and number formats), in as few syncs as the payload limit allows.
   * `columnCorrections` (Settings) say which column is the RAG column where its header does not.
   */
  readAllSheets(
    onProgress?: (p: ReadProgress) => void,
    options?: { columnCorrections?: ColumnCorrection[] },
  ): Promise<Grid[]>;
  /** Writes (or rewrites) an owned tab. Never touches a sheet the add-in does not own. */
  writeOwnedTab(tab: OwnedTab): Promise<WriteResult>;
  /** Marks flagged cells (one conditional format / range-area set per sheet). */
  markCells(targets: CellTarget[]): Promise<void>;
  /** Removes the marks this add-in made. */
  clearMarks(): Promise<void>;
  /** Activates the sheet and selects the cell. */
  selectCell(target: CellTarget): Promise<void>;
  /** Reads settings from the hidden owned Settings sheet (defaults when there is none). */
  loadSettings(): Promise<Settings>;
  /**
   * The same, with what could not be read (each naming its sheet and cell; that setting keeps its default).
   * Optional so gateways without it still type-check: they read no issues.
   */
  loadSettingsWithIssues?(): Promise<{ settings: Settings; issues: string[] }>;
  /**
   * Writes settings to the hidden owned Settings sheet, merged entry by entry with what co-authors saved
   * since `base` (the settings this save started from) was read.
   */
  saveSettings(settings: Settings, base?: Settings): Promise<SavedSettings>;
  /**
   * Meeting (src/excel/record-update.ts): finds the owned Update Log tab, creating it from `emptyTab`
   * when there is none; returns its sheet name. Optional so gateways without meetings still type-check.
   */
  openUpdateLog?(emptyTab: OwnedTab): Promise<string>;
  /** Meeting: records one risk's update (conflict check, then one write of cells and log rows). */
  recordUpdate?(request: RecordUpdateRequest): Promise<RecordUpdateResult>;
  /**
   * Meeting (src/excel/meeting-record-block.ts): the meeting under way on `date` as the Meeting Record holds it
   * at its top (attendees, risks skipped), or null when it holds none.
   */
  readMeetingUnderWay?(date: string): Promise<MeetingProgress | null>;
  /**
   * Meeting: writes the Meeting Record's block of the meeting under way (or, at the end, its record) in that
   * block's rows, inserting or deleting rows as Excel does; the earlier meetings' records are never written.
   * Optional: a gateway without it keeps no meeting on the tab rather than rewrite the earlier records.
   */
  writeMeetingBlock?(request: MeetingBlockRequest): Promise<WriteResult>;
  /**
   * Import (src/excel/apply-edits.ts): backups first in their own sync, then cells, log rows and owned
   * tabs; a failure after the backup puts the register back. Optional so older gateways still type-check.
   */
  applyEdits?(edits: WorkbookEdits, onProgress?: (p: ApplyProgress) => void): Promise<ApplyEditsResult>;
}

/** An error whose message is fit to show an officer as it is. */
export class PlainError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "PlainError";
  }
}
