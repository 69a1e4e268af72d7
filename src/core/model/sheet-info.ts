// What the engine made of each sheet: kind, header row, column mapping.

import type { SheetKind } from "./fields";
import type { MergesUnread } from "./grid";

export interface ColumnMapping {
  /** 0-based sheet column. */
  col: number;
  header: string;
  /** Field id, or null for a header nobody recognised. */
  field: string | null;
  /** Where the mapping came from: matched header words, or an officer's correction in Settings. */
  source: "header" | "setting";
  /**
   * Set on each column of a field kept month by month ("Update Sep-22", "Sep-22"): the month as Excel shows
   * it. Only the field's current column (its as-at month's) carries the field; the others are the field's too.
   */
  month?: string;
}

/** A field a sheet keeps month by month, one column per month, as the sheet list says it. */
export interface MonthColumnsInfo {
  field: string;
  /** The field's columns, oldest month first: the column's letter and its month as Excel shows it ("Sep-22"). */
  months: { letter: string; month: string }[];
  /** How many of `months` (oldest first) were read: those up to the as-at month. */
  read: number;
}

/**
 * What a register sheet holds other than live risks, as its name says: closed risks ("Closed Risks",
 * "Archive"), read as closed whatever their Status; or opportunities, not escalated nor held to the appetite.
 */
export type RegisterHolds = "closed-risks" | "opportunities";

export interface SheetInfo {
  name: string;
  kind: SheetKind;
  /** Set on a register that holds closed risks or opportunities (see RegisterHolds). */
  holds?: RegisterHolds;
  /** A register whose rating column is its own Low / Medium / High scale, not RAG bands (see followsOwnRatingScale). */
  ownRatingScale?: true;
  /** 0-based sheet row of the header row; null when the sheet holds no recognisable table. */
  headerRow: number | null;
  columns: ColumnMapping[];
  /** Headers nobody recognised (kept and carried through imports); a field's month columns are not among them. */
  unmapped: string[];
  /** The fields the sheet keeps month by month, one column per month (absent when it keeps none so). */
  monthColumns?: MonthColumnsInfo[];
  /** Number of data records read. */
  recordCount: number;
  /**
   * Letters of the date columns read month first as a whole (some value could only be month first,
   * 09/30/2022, and none only day first); absent when there are none. Shown once per column.
   */
  monthFirstColumns?: string[];
  /** Why the sheet was taken for what it is, or why it was left out (shown in the Check view). */
  note?: string;
  /**
   * Set on the add-in's own tabs (marked in row 1 or named as owned: its Settings, logs, summaries, backups):
   * the sheet list says whose they are rather than "Not used".
   */
  owned?: true;
  /**
   * Section headings found inside the table (0-based rows), whose text the rows below carry; `closed` on a
   * heading saying the risks under it are closed ("CLOSED RISKS": see namesClosedRisks).
   */
  sections?: { row: number; text: string; closed?: true }[];
  /** Rows inside the table that were not taken for records, and why (0-based rows). */
  setAside?: SetAsideRow[];
  /**
   * On a register, rows read as section headings with no record under them (0-based rows): a note typed
   * under the table ("Last reviewed at RMB 28/09/22"), or an empty section. Not sections, but rows written
   * below one would be read under it, as their section: an import that adds rows there heads them itself.
   */
  emptyHeadings?: { row: number; text: string }[];
  /** True for a sheet holding the workbook's own risk matrix, whose ratings set its RAG bands. */
  riskMatrix?: boolean;
  /**
   * Set for an officer's dated copy of a register ("Risk Register (Aug 22)"), read as history, not as a
   * register: the register it copies and the day or month it is dated, as the sheet list says it ("Aug 2022").
   */
  historyCopy?: { register: string; dated: string };
  /** Set when Excel could not list the sheet's merged cells (why), so merged areas gave no value to their other cells. */
  mergesUnread?: MergesUnread;
  /**
   * Set on a sheet of a file holding formulas with no saved result (see Grid.formulasWithoutResults): those
   * worked out as Excel would and those that could not be (read as empty), as A1 ranges ("F2:F7").
   */
  formulasWithoutResults?: { workedOut: string[]; notWorkedOut: string[] };
}

/**
 * A row inside a table that is not a record: a totals row or a section heading; on an Update Log, a row
 * that names a risk without a date the history can read, a dated row that names no risk, or a row dated after
 * the as-at date (not read as at that date).
 */
export interface SetAsideRow {
  row: number;
  /** "summary": a count of the register's risks by RAG under it ("RAG | No. of risks" over "Red | 3"). */
  reason:
    | "totals"
    | "heading"
    | "footer"
    | "key"
    | "summary"
    | "sign-off"
    | "no date"
    | "no risk id"
    | "after the as-at date";
}

/** The kinds of sheet a check reads: a workbook with none of them has nothing to check. */
const CHECKABLE_KINDS: ReadonlySet<string> = new Set(["risk-register", "actions", "improvement-plan"]);

/** True when some sheet is an improvement plan, a risk register or an actions sheet. */
export function hasCheckableSheet(sheets: readonly Pick<SheetInfo, "kind">[]): boolean {
  return sheets.some((s) => CHECKABLE_KINDS.has(s.kind));
}

/**
 * What to tell an officer whose workbook holds nothing to check, naming the sheets seen (`where`: the file
 * for the command line, "this workbook" in the task pane): never "every rule passed".
 */
export function nothingToCheckMessage(where: string, sheetNames: readonly string[]): string {
  const seen = sheetNames.map((n) => `"${n}"`).join(", ") || "none";
  return (
    `${where} holds no improvement plan, risk register or actions sheet that risk-review recognises ` +
    `(no row in the first 20 matches their headers). Sheets seen: ${seen}.`
  );
}
