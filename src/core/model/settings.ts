// Settings shared by the task pane and the command line, with SPEC.md's defaults.

import type { Movement } from "../merge/movement";
import type { Severity } from "./finding";
import type { AppetiteSettings, ConfirmedPair, ProposalThresholds } from "./history";

export type RuleSeverity = Severity | "off";

export interface RagBands {
  /** Scores up to and including greenMax are green. */
  greenMax: number;
  /** Scores up to and including amberMax are amber; above are red. */
  amberMax: number;
}

export interface EscalationThresholds {
  corporateMinScore: number;
  directorateMinScore: number;
  directorateMaxScore: number;
  operationsBoardMinImpact: number;
  strategicBoardMinImpact: number;
  strategicBoardScore: number;
}

export interface AcceptedException {
  ruleId: string;
  sheet: string;
  recordId: string;
  reason: string;
  /** ISO date after which the finding returns. */
  reviewBy: string;
  /** Fingerprint of the record's cells when accepted; a change brings the finding back. */
  fingerprint: string;
  acceptedBy?: string;
  acceptedOn?: string;
}

/** An officer's correction to a column's meaning: on sheet `sheet`, header `header` means `field` (null = ignore). */
export interface ColumnCorrection {
  sheet: string;
  header: string;
  field: string | null;
}

export interface ImportProfile {
  /** Export header → register field (or null for "carry as it is"). */
  columns: Record<string, string | null>;
  /** Export actions-sheet header → actions field (or null for "carry as it is"); kept apart from `columns`
   * because the same header ("Status", "Risk ID") means a different field on the actions sheet. */
  actionColumns?: Record<string, string | null>;
  riskSheet?: string;
  actionSheet?: string;
  targetRegister?: string;
  /** Renumbered risks the officer confirmed (old register id → new export id); never offered again. */
  renumbered?: ConfirmedPair[];
}

/** A word on the likelihood or impact scale and the number it stands for ("Likely" is 4). */
export interface ScaleWord {
  word: string;
  value: number;
}

export interface Settings {
  /** ISO date; null means today. */
  asAt: string | null;
  /** Review period in months (SPEC: one month by default). */
  reviewPeriodMonths: number;
  rag: RagBands;
  escalation: EscalationThresholds;
  /** Rule id → severity or "off"; rules not listed use their default. */
  ruleSeverities: Record<string, RuleSeverity>;
  strategyWords: Record<"treat" | "tolerate" | "transfer" | "terminate" | "take", string[]>;
  openStatusWords: string[];
  closedStatusWords: string[];
  actionDoneWords: string[];
  outstandingPhrases: string[];
  /** Words read as likelihood numbers where a cell holds a bare word (SPEC "Values": Scores). */
  likelihoodWords: ScaleWord[];
  /** Words read as impact numbers where a cell holds a bare word. */
  impactWords: ScaleWord[];
  columnCorrections: ColumnCorrection[];
  importProfile: ImportProfile | null;
  acceptedExceptions: AcceptedException[];
  protectiveMarking: string;
  /** Risk appetite per category (SPEC "History, appetite and proposals"). */
  appetite: AppetiteSettings;
  /** When escalations and de-escalations are proposed, and how closely renumbered titles must match. */
  proposals: ProposalThresholds;
  /** The last import's movement, kept so every later Risk Summary shows it (SPEC "movement since the last import"). */
  lastImport: LastImport | null;
}

export interface LastImport {
  /** ISO date of the import. */
  date: string;
  file: string;
  movement: Movement;
}

function scale(...pairs: [string, number][]): ScaleWord[] {
  return pairs.map(([word, value]) => ({ word, value }));
}

export const DEFAULT_SETTINGS: Settings = {
  asAt: null,
  reviewPeriodMonths: 1,
  rag: { greenMax: 4, amberMax: 12 },
  escalation: {
    corporateMinScore: 16,
    directorateMinScore: 9,
    directorateMaxScore: 15,
    operationsBoardMinImpact: 50000,
    strategicBoardMinImpact: 250000,
    strategicBoardScore: 25,
  },
  ruleSeverities: {},
  strategyWords: {
    treat: ["treat", "reduce", "mitigate", "control"],
    tolerate: ["tolerate", "accept", "retain"],
    transfer: ["transfer", "share", "insure"],
    terminate: ["terminate", "avoid"],
    take: ["take", "exploit", "enhance"],
  },
  openStatusWords: ["open", "live", "active", "escalated", "proposed", "draft"],
  // "Removed": NEC4 removes an early warning from its register once it is avoided or has passed.
  closedStatusWords: [
    "closed",
    "archived",
    "transferred",
    "retired",
    "merged",
    "superseded",
    "combined",
    "removed",
  ],
  actionDoneWords: [
    "complete",
    "completed",
    "closed",
    "done",
    "implemented",
    "cancelled",
    "canceled",
    "blue",
    "100%",
  ],
  outstandingPhrases: [
    "in progress",
    "underway",
    "to be recruited",
    "to be appointed",
    "will be … when available",
    "not yet",
    "awaiting",
    "pending",
    "in draft",
    "to follow",
    "to be confirmed",
  ],
  likelihoodWords: scale(
    ["Rare", 1],
    ["Unlikely", 2],
    ["Possible", 3],
    ["Likely", 4],
    ["Almost certain", 5],
    ["Very Low", 1],
    ["Low", 2],
    ["Medium", 3],
    ["High", 4],
    ["Very High", 5],
  ),
  impactWords: scale(
    ["Insignificant", 1],
    ["Negligible", 1],
    ["Minor", 2],
    ["Moderate", 3],
    ["Major", 4],
    ["Catastrophic", 5],
    ["Severe", 5],
    ["Critical", 5],
    ["Very Low", 1],
    ["Low", 2],
    ["Medium", 3],
    ["High", 4],
    ["Very High", 5],
  ),
  columnCorrections: [],
  importProfile: null,
  acceptedExceptions: [],
  protectiveMarking: "OFFICIAL-SENSITIVE",
  appetite: {
    maxima: { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 },
    categories: {},
    defaultLevel: "cautious",
  },
  proposals: { escalateMonthsAbove: 2, escalateRise: 6, deEscalateMonths: 3, renumberTitleShare: 80 },
  lastImport: null,
};

export { SETTING_RANGES } from "./setting-ranges";

/** A fresh copy of the defaults (settings objects are edited in place by forms). */
export function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}
