// What the summary tabs are built from: a check's findings, escalations, risk facts and plan aims, as plain
// data. One workbook's report gives it directly; a roll-up over several files joins the files' parts, each
// item naming its file, and the tabs then carry a Source column.

import type { Finding } from "../model/finding";
import type { Rag } from "../model/owned-tab";
import type { PlanRecord } from "../model/records";
import type { Escalation } from "../model/report";
import type { Proposal } from "../model/history";
import type { RiskFacts } from "../model/risk-summary";
import type { RagBands } from "../model/settings";

/** One improvement aim rolled up from the plan's rows and findings (SPEC "Plan Close-Out"). */
export interface AimCloseOut {
  no: string;
  aim: string;
  actions: number;
  completed: number;
  overdue: number;
  withoutEvidence: number;
  notEvidenced: number;
  rag: Rag;
  readyToClose: boolean;
  firstRecord: PlanRecord;
}

/** A register of one file of a roll-up. */
export interface RegisterPlace {
  file: string;
  sheet: string;
}

/**
 * One risk's facts without its record (so it can travel between threads); `file` in a roll-up;
 * `alsoOnSheets` the other registers of its workbook holding the same risk; `alsoIn`, in a roll-up, the
 * registers of other files holding it.
 */
export type SummaryRisk = Omit<RiskFacts, "record"> & {
  file?: string;
  alsoOnSheets?: string[];
  alsoIn?: RegisterPlace[];
};

/** What one row (or a log) says of its risk's history, as its own check worked it out (see oneRisk). */
export type RowHistory = Pick<
  SummaryRisk,
  | "latestUpdate"
  | "latestUpdateText"
  | "stale"
  | "trend"
  | "firstSeen"
  | "months"
  | "monthRags"
  | "monthsLogged"
>;

/**
 * What a workbook holding only an Update Log (kept beside the registers' files) says of one risk it names:
 * `key` its folded id (idKey), as the log names it; the rest as a row's own check works it out from its log
 * entries alone (no current score: the as-at month's is its last logged score).
 */
export type LoggedRisk = RowHistory & { key: string };

/**
 * A file's own settings that a roll-up over several files does not apply to the whole (README "Which settings
 * the roll-up uses"), so its Risk Summary says where they differ.
 */
export interface FileOwnSettings {
  file: string;
  /** The file's RAG bands and its own risk matrix (when it has one): how its heat map is coloured. */
  ragBands?: RagBands;
  ragMatrix?: (Rag | null)[][];
  /** The day (ISO) of the file's last import, whose movement stays in the file's own review. */
  lastImport?: string;
}

/** One improvement aim's close-out, pointing at its first row; `file` in a roll-up. */
export type SummaryAim = Omit<AimCloseOut, "firstRecord"> & { sheet: string; address: string; file?: string };

/** A finding; `file` in a roll-up. */
export type SummaryFinding = Finding & { file?: string };

/**
 * The row that routed a risk to one destination: the row its block shows and links to (its score, RAG and
 * details), with `file` in a roll-up and the other registers of its workbook holding the same risk.
 */
export interface RoutedFrom {
  recordId: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  trend: Escalation["trend"];
  file?: string;
  alsoOnSheets?: string[];
}

/** An escalation; in a roll-up, `file` holds the row linked to and `alsoOn` the other files holding the same risk. */
export type SummaryEscalation = Escalation & {
  file?: string;
  alsoOn?: string[];
  /** Where the same risk also stands on other registers of its workbook, as "Sheet!A5". */
  alsoOnSheets?: string[];
  /**
   * For a risk held on several registers (or files): routedFrom[i] is the row that routed it to
   * destinations[i], which that destination's block shows and links to. Absent: this escalation's own row.
   */
  routedFrom?: RoutedFrom[];
};

/**
 * A proposal for the boards; `file` in a roll-up; `alsoOnSheets` where the same risk also stands on other
 * registers of its workbook, as "Sheet!A5" (its row names them, as an escalation's does).
 */
export type SummaryProposal = Proposal & { file?: string; alsoOnSheets?: string[] };

/** Everything the four summary tabs show. */
export interface SummaryData {
  asAt: string;
  /** What the tabs' heading names as the source: a file name, or the files of a roll-up. */
  source: string;
  findings: readonly SummaryFinding[];
  accepted: readonly SummaryFinding[];
  escalations: readonly SummaryEscalation[];
  risks: readonly SummaryRisk[];
  aims: readonly SummaryAim[];
  /** Escalate / de-escalate proposals (the Escalation tab's Proposed changes block); none when absent. */
  proposals?: readonly SummaryProposal[];
  /** True for a roll-up over several files: the tabs add a Source column and link into each row's file. */
  sourced?: boolean;
  /**
   * Rows of risks counted on another register or file (not counted again): where a risk was routed from
   * such a row, the Escalation tab shows that row's details.
   */
  alsoHeld?: readonly SummaryRisk[];
  /** True when no risk register was read: the tabs say so, rather than show blocks of "None" and zeros. */
  noRegister?: true;
  /** The workbook's own risk matrix (see Report.ragMatrix): the heat map's colours; absent for the RAG bands. */
  ragMatrix?: (Rag | null)[][];
  /**
   * Set on a workbook holding only an Update Log: the risks it names and their history, which the roll-up
   * joins to the same risks on the other files' registers (README "Many workbooks"); never counted itself.
   */
  logged?: readonly LoggedRisk[];
  /** In a roll-up: each file's own rating and last import, in the files' order. */
  files?: readonly FileOwnSettings[];
}
