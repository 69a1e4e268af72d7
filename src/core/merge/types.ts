// The import's data: the export's column mapping, the merge plan, and the problems that stop an import.

import type { CellValue } from "../model/grid";
import type { Movement } from "./movement";
import type { RenumberedPair } from "../model/history";
import type { HeadingReason, TotalsRowPlace } from "./place-new-rows";
import type { ClosedPlace } from "../read/register-contents";

/** Which table of the export a sheet holds. */
export type ExportRole = "risks" | "actions";

/** One column of the export with the field it is (to be) read as. */
export interface ExportColumn {
  /** 0-based sheet column. */
  col: number;
  header: string;
  /** Register field (risks) or actions field (actions); null = "carry as it is". */
  field: string | null;
  /** Where `field` came from: the saved IRIS profile, header matching, or nothing matched (carried). */
  source: "profile" | "header" | "none";
  /**
   * A column new since the saved IRIS profile that would have filled this register column (its header),
   * one the profile leaves to the council: it is not imported unless the officer maps it to a field
   * (SPEC "Imports": council-only columns are never written). See proposeImportMapping.
   */
  councilColumn?: string;
  /** The first three non-blank values of the column, as text, for the officer to recognise it by. */
  samples: string[];
}

/** An export sheet found by its headers, with its columns. */
export interface ExportSheetMapping {
  role: ExportRole;
  sheet: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  columns: ExportColumn[];
}

/** How the export's layout differs from the saved profile's (shown before anything is written). */
export type LayoutChange =
  | { kind: "renamed"; role: ExportRole; from: string; to: string; field: string | null }
  | {
      kind: "added";
      role: ExportRole;
      header: string;
      field: string | null;
      /** The council's register column it would have filled, so it is not imported (see ExportColumn). */
      councilColumn?: string;
    }
  | { kind: "missing"; role: ExportRole; header: string; field: string | null };

/** The export's columns as proposed (or as the officer confirmed them). */
export interface ImportMapping {
  file: string;
  risks: ExportSheetMapping;
  /** Null when the export has no actions sheet. */
  actions: ExportSheetMapping | null;
  /** Differences from the saved profile; empty when there is no profile or nothing changed. */
  changes: LayoutChange[];
  /** True when a saved IRIS profile was applied to the proposal. */
  fromProfile: boolean;
}

/** Why an import cannot go ahead, in words an officer can act on, naming the file, sheet and rows. */
export interface ImportProblem {
  code:
    | "no-risk-sheet"
    | "no-id-column"
    | "no-risk-id-column"
    | "duplicate-ids"
    | "duplicate-action-ids"
    | "no-register"
    | "register-not-recognised"
    | "register-no-id"
    | "empty-export"
    | "bad-mapping"
    | "formulas-unread";
  message: string;
  file: string;
  sheet?: string;
  /** 1-based sheet rows concerned (duplicates), at most a few dozen. */
  rows?: number[];
}

/** A value or the problem that stopped it (bad data is a value, DESIGN habit 3). */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

/** One cell the import would write on a user sheet. */
export interface CellChange {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** A1 address, e.g. "K9". */
  cell: string;
  /** Field the column holds, null for a column carried as it is. */
  field: string | null;
  /** The register's (or actions sheet's) header of the column. */
  header: string;
  old: CellValue;
  /** The value to write: text with any formula-safety escape undone; dates as serials. */
  new: CellValue;
  oldText: string;
  newText: string;
  /** Number format to set with the value (a date format for date serials); null keeps the cell's own. */
  format: string | null;
  /** True when the value is a date serial in a date-formatted cell (by `format`, or the cell's own). */
  date?: boolean;
  /** What was changed to make the value writable ("U+FFFF replaced by U+FFFD"), for the preview and the log. */
  note?: string;
}

/**
 * A cell the export would change but the import does not write: a formula (kept, SPEC "Formulas") or a
 * text longer than a cell holds. Shown in the preview and, when the import writes, in the Import Log.
 */
export interface CellNotWritten extends Omit<CellChange, "note" | "format"> {
  /** A formula kept, a text too long for a cell, or the officer's edit since the last import kept. */
  reason: "kept-formula" | "too-long" | "edited-since-import";
  /** Id shown to the officer (as RecordChange.label) and the risk id for the log. */
  label: string;
  riskId: string;
  /** In words: "kept formula (export says 16)" or "not written: 40,000 characters …". */
  note: string;
}

/**
 * A formula cell whose inputs the import changes on its row (a score `=D5*E5` under a new likelihood): the
 * formula stays, its saved result is dropped so Excel works it out again on opening (see recalculatedCells).
 */
export interface RecalculatedCell {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** A1 address, e.g. "F5". */
  cell: string;
  /** The field the formula works out ("score", "rag" …). */
  field: string;
  /** The register's header of the column. */
  header: string;
  /** The saved result before the import, now out of date. */
  old: CellValue;
  oldText: string;
}

/** A record (risk or action) the import touches. */
export interface RecordChange {
  /** The folded key the record is matched on. */
  key: string;
  /** Id shown to the officer: the risk id, or the action id / "risk id: action text". */
  label: string;
  /** The risk id the record belongs to (the Import Log's "risk id"). */
  riskId: string;
  /** 0-based row on the target sheet (for a new record: the row it will be written to). */
  row: number;
  cells: CellChange[];
  /** Formula cells of the row the changes make out of date, their saved results dropped; absent for none. */
  recalculated?: RecalculatedCell[];
  /**
   * On a new risk the export brings back from where the workbook keeps it closed (its "Closed Risks" sheet):
   * where it stood closed. It is added to the register as new; that row is left as it was (see withWhereClosed).
   */
  wasClosedOn?: ClosedPlace;
}

/** A record of the target sheet that the export no longer holds. */
export interface MissingRecord {
  key: string;
  label: string;
  riskId: string;
  row: number;
  /** The note written to flag it; null when it is already flagged, closed, or has no column to note it in. */
  flag: CellChange | null;
  /** Why there is no flag, when there is none. */
  noFlagReason?: string;
}

/** An export column that the import does not write, and why. */
export interface NotCarried {
  header: string;
  field: string | null;
  reason: string;
  /**
   * For a field the target keeps month by month with no column for the import's as-at month (see
   * MonthTarget): the records (as RecordChange.label) whose value in the export was not written because of
   * it; absent for any other column.
   */
  records?: string[];
}

/** What the import would do to one target sheet (the register, or the workbook's actions sheet). */
export interface MergeSection {
  /** The target sheet; null when the workbook has none to merge into (actions). */
  sheet: string | null;
  /** The export sheet read. */
  exportSheet: string;
  added: RecordChange[];
  changed: RecordChange[];
  missing: MissingRecord[];
  unchanged: number;
  notCarried: NotCarried[];
  /** Cells the export would change that stay as they are (formulas, over-long text). */
  notWritten: CellNotWritten[];
  /** Why nothing was merged (e.g. the workbook has no actions sheet). */
  note?: string;
  /** Where the new rows went relative to the sheet's table totals row, when it has one and rows were added. */
  totalsRow?: TotalsRowPlace;
  /** The heading row written above the new rows, when they would otherwise be read under another (see HeadingReason). */
  heading?: NewRowsHeading;
}

/**
 * A heading row an import writes above its new risks ("New risks – IRIS import 10/10/2022"), one text in the
 * header's first column, so the check does not read them under the heading above them (`why`).
 */
export interface NewRowsHeading {
  sheet: string;
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  /** A1 address, e.g. "A13". */
  cell: string;
  /** The register's header of the column (the Import Log's Field). */
  header: string;
  text: string;
  why: HeadingReason;
  /** Why it was written, in words ("so the check reads them as live risks, …": see headingNote). */
  note: string;
}

/** Everything the import would do, before anything is written. */
export interface ImportPlan {
  file: string;
  register: string;
  /** ISO date of the import (the as-at date). */
  asAt: string;
  /** When the import is recorded as made, as written in the Import Log's When (see importStamp). */
  importedAt: string;
  risks: MergeSection;
  /** Null when the export holds no actions. */
  actions: MergeSection | null;
  movement: Movement;
  /**
   * New export ids that look like a register risk missing from the export under a new number
   * ("HRC-014 renumbered as HRC-114?"), for the officer to confirm; confirmed pairs live in the import
   * profile (`renumbered`) and are merged into the old row, never offered again. Not counted as new in `movement`.
   */
  renumbered: RenumberedPair[];
  /** Things worth knowing that do not stop the import (rows without an id, duplicate ids in the register …). */
  warnings: string[];
  /** Name of the dated backup of the register, free in the workbook. */
  backupName: string;
  /** Dated backups to make of each sheet the import may write (the register first, then the actions sheet). */
  backups: { from: string; to: string }[];
  /** Protective marking for the Import Log tab's title block. */
  marking: string;
  /** Counts of cells written: 0 means the import writes nothing at all. */
  cellCount: number;
}
