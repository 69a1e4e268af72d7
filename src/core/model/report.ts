// What a check of a whole workbook produces: sheets, records, findings and escalations.

import type { Finding } from "./finding";
import type { SheetInfo } from "./sheet-info";
import type { RiskFacts, RiskScore } from "./risk-summary";
import type { ActionRecord, PlanRecord, RiskRecord } from "./records";
import type { HistoryData, Proposal, Trend } from "./history";
import type { Rag } from "./owned-tab";
import type { PlanCloseOutFacts } from "../rules/plan-close-out-facts";
import type { PointsInput } from "../history/monthly-points";
import type { SheetWords } from "../rules/sheet-readings";

export type DestinationId =
  | "corporate-register"
  | "directorate-register"
  | "financial-cluster"
  | "operations-board"
  | "strategic-board"
  | "transfer";

export interface Escalation {
  recordId: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  destinations: DestinationId[];
  /** reasons[i] explains destinations[i]. */
  reasons: string[];
  /** Direction of travel (SPEC "History, appetite and proposals"). */
  trend: Trend;
}

export interface WorkbookRecords {
  risks: RiskRecord[];
  actions: ActionRecord[];
  plan: PlanRecord[];
}

export interface Report {
  /** ISO date the check was made as at. */
  asAt: string;
  /** File name or "workbook". */
  source: string;
  sheets: SheetInfo[];
  /** Active findings, in priority order. */
  findings: Finding[];
  /** Findings an officer accepted (and whose review date has not passed). */
  accepted: Finding[];
  escalations: Escalation[];
  records: WorkbookRecords;
  /**
   * Facts per risk (score, RAG, strategy, latest update, trend, twelve months), in register order; worked
   * out when first read (the summaries, the meeting, a risk's detail).
   */
  risks: RiskFacts[];
  /**
   * One risk's facts, worked out alone (the same object `risks` holds): the Check view's detail of one
   * finding's risk, without working out every risk's. Missing on reports not made by a check.
   */
  factsOf?: (risk: RiskRecord) => RiskFacts;
  /**
   * How many of a risk's actions are open, as risk/closed-with-open-actions counts them (the join across
   * files adds other files' to it). Missing on reports not made by a check.
   */
  openActionCount?: (risk: RiskRecord) => number;
  /** Each risk's score, trend and whether it is open, in register order (the JSON's risk list, the text's counts). */
  riskScores: RiskScore[];
  /** Escalate / de-escalate proposals for the boards, in register order; never applied by themselves. */
  proposals: Proposal[];
  /**
   * One risk's proposal with its score and log entries as `points` gives them instead of as the check read
   * them: the meeting card's, once the chair has recorded a new score (see proposalWith). Missing on reports
   * not made by a check.
   */
  proposalWith?: (risk: RiskRecord, points: PointsInput) => Proposal | null;
  /** Each plan action's Plan Close-Out facts (overdue, without evidence, not evidenced), whatever the rules' severities. */
  planCloseOut: PlanCloseOutFacts;
  /** What the workbook's logs and backups say; `riskHistory(report, facts)` reads a risk's months from it. */
  history: HistoryData;
  /**
   * The workbook's own risk matrix, rating each likelihood × impact cell (`[likelihood - 1][impact - 1]`;
   * null where a cell has no rating); absent when the workbook has none and the RAG bands rate scores.
   */
  ragMatrix?: (Rag | null)[][];
  /**
   * The words a register's likelihood, impact and strategy cells are read with, as the check read them
   * (three points on a 3 × 3 register, an allocation column's parties): the meeting reads a row kept as a
   * co-author left it with them. Missing on reports not made by a check (the Settings words then).
   */
  wordsOf?: (sheet: string) => SheetWords;
}
