// The register's memory: direction of travel, monthly points, appetite and proposals (SPEC "History,
// appetite and proposals"). The log entries are typed-array columns whose words stay in the log sheets until shown.

import type { DayNumber } from "../parse/day";
import type { CellValue } from "./grid";
import type { SetAsideRow } from "./sheet-info";
import type { Rag } from "./owned-tab";

/**
 * A risk's direction of travel: "up" (score higher than at the previous monthly point), "down",
 * "same", "new" (no monthly point before the as-at month), or null (nothing dates the risk, or it has
 * no score to compare).
 */
export type Trend = "up" | "down" | "same" | "new" | null;

/** The arrow an owned tab and the text output show for a trend. */
export const TREND_ARROWS: Record<Exclude<Trend, null>, string> = {
  up: "↑",
  down: "↓",
  same: "→",
  new: "new",
};

/** A trend as an owned tab shows it: the arrow and its word ("↑ up"), "new", or "" when unknown. */
export function trendLabel(trend: Trend): string {
  switch (trend) {
    case "up":
      return "↑ up";
    case "down":
      return "↓ down";
    case "same":
      return "→ same";
    case "new":
      return "new";
    default:
      return "";
  }
}

/** Words for a trend, for screen readers and plain text ("up", "new"); "" when null. */
export function trendWords(trend: Trend): string {
  switch (trend) {
    case "up":
      return "score up";
    case "down":
      return "score down";
    case "same":
      return "no change";
    case "new":
      return "new this month";
    default:
      return "";
  }
}

/** HM Treasury's Orange Book appetite levels, least to most tolerant. */
export const APPETITE_LEVELS = ["averse", "minimal", "cautious", "open", "eager"] as const;
export type AppetiteLevel = (typeof APPETITE_LEVELS)[number];

/** A level as officers write it ("Cautious"). */
export const APPETITE_LEVEL_NAMES: Record<AppetiteLevel, string> = {
  averse: "Averse",
  minimal: "Minimal",
  cautious: "Cautious",
  open: "Open",
  eager: "Eager",
};

/** Appetite settings: each level's highest tolerable score, a level per category, a default level. */
export interface AppetiteSettings {
  /** Level → highest tolerable score (defaults 4, 6, 9, 12, 16). */
  maxima: Record<AppetiteLevel, number>;
  /** Category (as written in the register, compared case-insensitively) → level. */
  categories: Record<string, AppetiteLevel>;
  /** The level for categories not named (Cautious by default). */
  defaultLevel: AppetiteLevel;
}

/** Thresholds of the proposals and of renumbered-risk pairing (settings). */
export interface ProposalThresholds {
  /** Escalate a risk above appetite at this many last monthly points (2). */
  escalateMonthsAbove: number;
  /** Escalate a risk whose score rose by at least this much since the previous monthly point (6). */
  escalateRise: number;
  /** De-escalate an escalated risk at or below appetite (or target) at this many last monthly points (3). */
  deEscalateMonths: number;
  /** Percentage of title words two risks must share to be offered as one risk renumbered (80). */
  renumberTitleShare: number;
}

/** A risk's appetite as it applies to one risk. */
export interface RiskAppetite {
  /** The category the appetite was looked up by ("" when the risk has none: the default level). */
  category: string;
  level: AppetiteLevel;
  /** Highest tolerable score. */
  max: number;
  /** True when Settings set no level for `category` and the default level applies. */
  byDefault?: boolean;
}

/**
 * Where a history entry came from: the Update Log, the Import Log, or a dated line of the register's own
 * update cell (SPEC "Dated lines in the update text"; shown in a risk's history, never in the log's columns).
 */
export type HistorySource = "update-log" | "import-log" | "update-cell";

/** One dated entry about a risk, from the Update Log, the Import Log or the register's update cell. */
export interface HistoryEntry {
  day: DayNumber;
  /** The calendar month of `day` (year × 12 + month − 1), worked out once. */
  month: number;
  source: HistorySource;
  /** The score after the entry; null when the entry does not give one. */
  score: number | null;
  /** The score before the entry (Import Log's Old value of a score change); null when not known. */
  oldScore: number | null;
  /** Update text (Update Log), "Field: old → new" (Import Log), or the dated line as written (update cell). */
  text: string;
  /** True for an Update Log entry flagged "no change". */
  noChange: boolean;
  by: string;
  strategy: string;
  /** Other changes made with an update (Update Log's Changes column), or the Import Log's field name. */
  changes: string;
  /** The register the entry is about, when the log says ("" when not). */
  register: string;
  /** The log sheet and 1-based row the entry came from. */
  sheet: string;
  row: number;
}

/** A risk's score at the end of one calendar month, with the entries of that month. */
export interface MonthlyPoint {
  /** "2022-09". */
  month: string;
  /** The score at the end of the month (the current score for the as-at month); null when unknown. */
  score: number | null;
  /** True when no scored entry fell in the month and the score was carried (or is the current score's). */
  carried: boolean;
  /**
   * The score's RAG as the Risk Summary rates it (the workbook's own risk matrix where it has one, see
   * RiskFacts.monthRags); absent where that is not known, and the RAG bands rate the score.
   */
  rag?: Rag | null;
  /** The month's entries, oldest first. */
  entries: HistoryEntry[];
}

/** A risk's history for the meeting card and the Check view: month by month, oldest first. */
export interface RiskHistory {
  recordId: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  trend: Trend;
  /** ISO date the risk was first seen (raised, or first named by a log row or backup); null when unknown. */
  firstSeen: string | null;
  /**
   * One point per month from the first month seen, or the first month a dated line of the register's update
   * cell names (its score unknown before the first month seen), at most `months` back, to the as-at month.
   */
  points: MonthlyPoint[];
}

/** escalate or de-escalate (SPEC "Proposals"). */
export type ProposalAction = "escalate" | "de-escalate";

/** A proposal for the boards, never applied by itself. */
export interface Proposal {
  recordId: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  action: ProposalAction;
  /** A destination id (corporate-register …) where recognised, else the words the register used. */
  destination: string;
  /**
   * Plain words: "score 16 above appetite (Cautious, 9) for 2 months"; for a risk no log records a score
   * for, "score 12 above appetite (Cautious, 9); no score logged since raised on 01/01/2021".
   */
  reason: string;
}

/** A register risk and an export risk that look like one risk under a new id (import planning). */
export interface RenumberedPair {
  /** The register's id, missing from the export. */
  oldId: string;
  /** The export's new id. */
  newId: string;
  /** Share of title words in common, 0–100. */
  share: number;
  oldTitle: string;
  newTitle: string;
}

/** A pair an officer confirmed, kept in the import profile. */
export interface ConfirmedPair {
  oldId: string;
  newId: string;
}

/** An action's due date moved later or earlier, as a log recorded it. */
export interface DueMove {
  day: DayNumber;
  /** The action's id (or its text) as the log names it. */
  action: string;
  from: DayNumber | null;
  to: DayNumber | null;
}

/** What a log entry says in words, read from its log row only when it is shown. */
export interface EntryTexts {
  /** Update text, or "Field: old → new" for an Import Log change. */
  text: string;
  by: string;
  strategy: string;
  /** Other changes made with an update (Update Log's Changes column), or the Import Log's field name. */
  changes: string;
  /** The register the entry is about, when the log says ("" when not). */
  register: string;
}

/** A log sheet the entries came from: its name, and its rows' words. */
export interface LogSheet {
  name: string;
  /** The words of the entry at a 1-based row of the sheet. */
  texts(row: number): EntryTexts;
  /** Its update text alone (what a rule reads for "no change"): `texts(row).text`, without the rest. */
  text(row: number): string;
  /** Its By cell as the sheet holds it (an Update Log's; absent for an Import Log): one cell, not read into words. */
  writtenBy?(row: number): CellValue;
  /** True for a log kept newest at the top (its dates mostly fall down the sheet): of one day's rows, the upper is later. */
  newestFirst?: boolean;
}

/**
 * The log entries in columns, one slot per Update Log or Import Log row (typed arrays, so a history of
 * 120k rows is a few arrays, not 120k objects). Their words stay in the log sheets until shown.
 */
export interface HistoryLog {
  length: number;
  day: Int32Array;
  /** The calendar month of `day` (year × 12 + month − 1). */
  month: Int32Array;
  /** Minutes after midnight of the entry's time, where its date cell gives one; -1 when not. */
  minute: Int16Array;
  /** The score after the entry; NaN when the entry gives none. */
  score: Float64Array;
  /** The score before the entry (an Import Log change's Old value); NaN when not known. */
  oldScore: Float64Array;
  /** 1: an Import Log entry; 2: flagged "no change"; 4: its no-change cell says No outright. */
  flags: Uint8Array;
  /** Index into `sheets` of the log sheet the entry came from. */
  sheet: Uint16Array;
  /** 1-based row of the log sheet. */
  row: Int32Array;
  sheets: LogSheet[];
}

/** Log entry indices, in the order they happened, by folded id or by register and id (see byRisk; a Map will do). */
export interface EntriesByRisk extends Iterable<[string, Int32Array]> {
  get(key: string): Int32Array | undefined;
  has(key: string): boolean;
  set(key: string, at: Int32Array): void;
}

/** What the logs and backups say, per folded risk id. */
/** An Import Log change to a risk's likelihood or impact, by the log entry it was read into (see factor-scores). */
export interface FactorChange {
  factor: "likelihood" | "impact";
  old: CellValue;
  now: CellValue;
}

/** An Update Log row dated after the as-at date and after today (see HistoryData.datedAhead). */
export interface DatedAheadRow {
  /** The log sheet's name. */
  sheet: string;
  /** 0-based sheet row and column of the row's date cell. */
  row: number;
  col: number;
  /** The day its date cell reads as. */
  day: DayNumber;
}

export interface HistoryData {
  /** Every log entry read. */
  log: HistoryLog;
  /**
   * Indices into `log` per risk, in the order they happened (a renumbered risk's old entries included): by
   * folded id, or by register and id for rows naming a register that numbers its own risks (registerRiskKey);
   * a risk's own list of entries is what entriesOfRisk gives.
   */
  byRisk: EntriesByRisk;
  /**
   * The first day a dated backup named the risk (a confirmed renumbering: either id's). A risk's first log
   * entry is its entries' first (see risk-points' firstSeen), not copied in here.
   */
  firstNamed: Map<string, DayNumber>;
  /** Action due-date moves per risk, keyed as `byRisk` is (Import Log, Update Log's changes). */
  dueMoves: Map<string, DueMove[]>;
  /** Entries read per log sheet (the sheet list's count for an Update Log). */
  sheetRows: Map<string, number>;
  /** An Update Log's rows that could not be read as entries, and why (for its sheet list entry). */
  setAside?: Map<string, SetAsideRow[]>;
  /**
   * Update Log rows dated after the as-at date and after today too (a date still to come: a year typed wrong,
   * "30/09/2202"), keyed as `byRisk` is; not read as entries (see collectHistory). Absent when there are none.
   */
  datedAhead?: Map<string, DatedAheadRow[]>;
  /** Log rows read, for the Check view and the benchmark. */
  logRows: number;
  /**
   * Register sheets that number their own risks (SPEC "Ids numbered per sheet"): a log row naming one of
   * them is kept under that register and id (see registerRiskKey), and a row naming none under the id alone:
   * such a register's risk has both (see entriesOfRisk).
   */
  ownNumbering: ReadonlySet<string>;
  /** The Import Log's likelihood and impact changes on risks, by entry (none: absent or empty). */
  factorChanges?: ReadonlyMap<number, FactorChange>;
}
