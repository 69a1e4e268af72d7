// One risk's facts as the summaries, the meeting queue and the task pane show them.

import type { RiskAppetite, Trend } from "./history";
import type { Rag } from "./owned-tab";
import type { RiskRecord } from "./records";

export interface RiskFacts {
  record: RiskRecord;
  id: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 0-based column of the id cell (links point there): the sheet's id column, blank or not; 0 when it has none. */
  idCol: number;
  title: string;
  owner: string;
  annex: string;
  likelihood: number | null;
  impact: number | null;
  /** Current score: the score cell, else likelihood × impact. */
  score: number | null;
  /** True when the score was worked out as likelihood × impact (the register gives none); said so in the summaries. */
  scoreWorkedOut?: boolean;
  /** Band of the score, else the RAG word; null when neither is known. */
  rag: Rag | null;
  /** Canonical strategy word ("Treat" …), the raw text when unknown, "" when blank. */
  strategy: string;
  open: boolean;
  /**
   * Set on a risk kept where its register keeps risks that are not live (a sheet of closed risks, a CLOSED
   * RISKS section: see RuleContext.isArchived): closed, and no register the risk stands on today.
   */
  archived?: true;
  /**
   * Set on an opportunity (RuleContext.isOpportunity: a sheet of opportunities, or strategy Take): its score
   * is upside, so the Risk Summary counts it apart from the threats' RAG and heat map.
   */
  opportunity?: true;
  /** ISO date of the latest update from any source, or null. */
  latestUpdate: string | null;
  /** The latest update's text (the register's update cell). */
  latestUpdateText: string;
  /** True when an open risk has no update within the review period. */
  stale: boolean;
  /** Direction of travel: up, down, same, new, or null when nothing dates the risk. */
  trend: Trend;
  /** ISO date the risk was first seen (Date Raised, or the first log row or backup naming it); null when unknown. */
  firstSeen: string | null;
  /** The appetite that applies (by Category, else section, else annex). */
  appetite: RiskAppetite;
  /**
   * Score at the end of each of the last twelve months, oldest first (the last is the as-at month's,
   * the current score); null for a month before the risk was first seen or with no score.
   */
  months: (number | null)[];
  /**
   * The RAG of each of `months` (null where it has no score): the as-at month's is `rag`; an earlier month's
   * score is rated by the workbook's own risk matrix where it has one, else by the RAG bands.
   */
  monthRags: (Rag | null)[];
  /**
   * Set when `months` come from the risk's history (a score an Update Log or Import Log entry gives, a score the
   * register keeps a column a month), not its current score carried back to the day it was first seen: where
   * one risk stands on several rows, such months outweigh a row's carried score (see oneRisk).
   */
  monthsLogged?: true;
  /** The id of the risk this one was merged into, superseded by or combined with, as its status names it. */
  mergedInto?: string;
}

/** The few facts every check reports of a risk, worked out as {@link RiskFacts} works them out. */
export type RiskScore = Pick<RiskFacts, "id" | "sheet" | "row" | "score" | "trend" | "open">;
