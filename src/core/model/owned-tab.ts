// An owned tab as plain data: rows of values plus a little description of how to format them.
// The Excel adapter and the CLI's workbook writer both turn this into a formatted sheet.

import { dayFromIso, serialFromDay } from "../parse/day";
import type { CellValue } from "./grid";

export type Rag = "red" | "amber" | "green";

/** A link from a cell of the tab to a cell of a source sheet. */
export interface CellLink {
  /** 0-based row and column within `rows`. */
  row: number;
  col: number;
  sheet: string;
  /** A1 address on that sheet. */
  address: string;
  /** The workbook file holding that sheet, when a tab covers several files (a roll-up); else the tab's source. */
  file?: string;
}

export interface OwnedTabFormat {
  /** 0-based indexes into `rows` of header rows (bold, filled, repeated when printing: the first one). */
  headerRows: number[];
  /** 0-based indexes into `rows` of section titles (bold, larger). */
  titleRows: number[];
  /** Cells to fill by RAG colour. */
  ragCells: { row: number; col: number; rag: Rag }[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Columns whose numbers are date serials (0-based): the logs' way; summaries use {@link DateCell}s. */
  dateColumns: number[];
  links: CellLink[];
  /** Row index (into `rows`) to freeze panes below; null for no freeze. */
  freezeBelowRow: number | null;
  /** Printed in the centre of the page header of every page: the protective marking (e.g. OFFICIAL-SENSITIVE). */
  pageHeader?: string;
  /** A native chart over a block of the tab (the task pane draws it; the command line's writer has none). */
  chart?: OwnedTabChart;
}

/** 0-based block of cells of an owned tab. */
export interface TabBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A native Excel chart drawn over a block of an owned tab, after its values are written. Its series are
 * the block's columns after the first (the categories), named by the block's header row.
 */
export interface OwnedTabChart {
  /** The chart's name in Excel: how a rewrite finds the chart it drew before and replaces it. */
  name: string;
  /** Excel's chart type name. */
  type: "ColumnStacked";
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** The data: header row and category column included. */
  source: TabBlock;
  /** One per series, in column order: its name (the RAG word, so colour is never the only cue) and fill. */
  series: { name: string; color: string }[];
  /** The cells the chart covers: none of them holds data. */
  at: TabBlock;
  /** The row whose first cell says what the chart draws; the writer rewrites it when Excel draws no chart. */
  noteRow: number;
  /** What that cell says instead when Excel drew no chart. */
  noChartNote: string;
}

/**
 * A date on an owned tab, as the ISO day it is ("2022-10-03"). Writers store it as a real Excel date
 * (a serial number) with the UK date format, never as text: see {@link storedCell}.
 */
export interface DateCell {
  date: string;
  /** "month" for a date that names a whole month (its first day), shown as "Sep 2022"; else a day, dd/mm/yyyy. */
  shows?: "month";
}

/** One cell of an owned tab: a plain value, or a date. */
export type OwnedCell = CellValue | DateCell;

/** True for a {@link DateCell}. */
export function isDateCell(cell: OwnedCell | undefined): cell is DateCell {
  return typeof cell === "object" && cell !== null && typeof (cell as DateCell).date === "string";
}

/**
 * What a writer stores for an owned tab's cell: a date becomes its Excel serial with
 * {@link OWNED_TAB_STYLE}'s date format (its month format for a month); a plain value is stored as it is (format null). A date that
 * is not a real ISO day is stored as its text, so nothing is lost. The one place both writers (the
 * task pane's and the command line's) turn a {@link DateCell} into what Excel holds.
 */
export function storedCell(cell: OwnedCell): { value: CellValue; numberFormat: string | null } {
  if (!isDateCell(cell)) return { value: cell, numberFormat: null };
  const day = dayFromIso(cell.date);
  if (day === null || serialFromDay(day) < 61) return { value: cell.date, numberFormat: null };
  return {
    value: serialFromDay(day),
    numberFormat: cell.shows === "month" ? OWNED_TAB_STYLE.monthFormat : OWNED_TAB_STYLE.dateFormat,
  };
}

export interface OwnedTab {
  /** Sheet name, e.g. "Escalation". */
  name: string;
  /** Which owned tab this is (stays the same when the name had to change). */
  kind: OwnedTabKind;
  rows: OwnedCell[][];
  format: OwnedTabFormat;
}

export type OwnedTabKind =
  | "escalation"
  | "exceptions"
  | "risk-summary"
  | "plan-close-out"
  | "update-log"
  | "import-log"
  | "meeting-record"
  | "backup"
  | "settings";

export const OWNED_TAB_NAMES: Record<Exclude<OwnedTabKind, "backup">, string> = {
  escalation: "Escalation",
  exceptions: "Exceptions",
  "risk-summary": "Risk Summary",
  "plan-close-out": "Plan Close-Out",
  "update-log": "Update Log",
  "import-log": "Import Log",
  "meeting-record": "Meeting Record",
  settings: "Risk Review Settings",
};

/** Workbook names the Excel adapter keeps, one per owned sheet, pointing at its A1 (they follow a rename). */
export const OWNED_NAME_PREFIX = "CRR_OWNED_";

/** The next free CRR_OWNED_<n> among a workbook's names: the pane's and the file writer's one numbering. */
export function nextOwnedName(names: readonly { name: string }[]): string {
  let max = 0;
  for (const n of names) {
    const m = /^CRR_OWNED_(\d+)$/i.exec(n.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${OWNED_NAME_PREFIX}${max + 1}`;
}

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/**
 * Names to try, in order, for an owned tab whose preferred name may belong to a user's sheet:
 * "Escalation", "Escalation (Risk Review)", "Escalation 2" … "Escalation 9", each cut to 31 characters.
 * The one order the Excel adapter, the file writer and the command line's reader all use.
 */
export function candidateSheetNames(preferred: string): string[] {
  const fit = (base: string, suffix: string) =>
    `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
  const out = [fit(preferred, ""), fit(preferred, " (Risk Review)")];
  for (let i = 2; i <= 9; i++) out.push(fit(preferred, ` ${i}`));
  return [...new Set(out)];
}

/**
 * The marker written in cell A1's note position of every owned tab: the last column of row 1 holds
 * this text so a reader can tell the add-in's tabs from a user's sheet of the same name.
 * Excel adapters also keep a workbook-level name `CRR_OWNED_<n>` per owned sheet.
 */
export const OWNED_MARKER = "⟦contract-risk-review:owned⟧";

/**
 * How owned tabs look, as "#RRGGBB" colours: one palette for the Excel adapter and the command
 * line's .xlsx writer, so a tab looks the same whichever wrote it. RAG cells use Excel's own
 * "Bad / Neutral / Good" styles: dark text on a light fill, readable at AA contrast.
 */
export const OWNED_TAB_STYLE = {
  rag: {
    red: { fill: "#FFC7CE", font: "#9C0006" },
    amber: { fill: "#FFEB9C", font: "#9C5700" },
    green: { fill: "#C6EFCE", font: "#006100" },
  } satisfies Record<Rag, { fill: string; font: string }>,
  headerFill: "#D9E1F2",
  /**
   * Header text, set outright (about 13:1 on the header fill): Excel's dark mode draws an Automatic font
   * light, which on a light fill would be unreadable.
   */
  headerFont: "#1F1F1F",
  headerBorder: "#8EA9DB",
  link: "#0563C1",
  marker: "#808080",
  /**
   * Series fills of the RAG chart: stronger than the cell fills, each at least 3:1 against the white plot
   * area (WCAG 1.4.11), with white borders between stacked segments.
   */
  chartRag: { red: "#C00000", amber: "#B07800", green: "#548235" } satisfies Record<Rag, string>,
  /** Number format of date columns. */
  dateFormat: "dd/mm/yyyy",
  /** A date that names a month (the Risk Summary's month-by-month table): "Sep 2022". */
  monthFormat: "mmm yyyy",
  /** A date with a time of day (the Import Log's When). */
  dateTimeFormat: "dd/mm/yyyy hh:mm",
} as const;

export function emptyFormat(): OwnedTabFormat {
  return {
    headerRows: [],
    titleRows: [],
    ragCells: [],
    columnWidths: [],
    dateColumns: [],
    links: [],
    freezeBelowRow: null,
  };
}

/**
 * The format of a date serial in a log's date column: with the time of day when it has one, and always in
 * the Import Log (its When is a date and time, SPEC: an import at 00:00 shows 00:00 too).
 */
export function logDateFormat(serial: number, kind?: string): string {
  return kind === "import-log" || !Number.isInteger(serial)
    ? OWNED_TAB_STYLE.dateTimeFormat
    : OWNED_TAB_STYLE.dateFormat;
}
