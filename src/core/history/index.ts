// The history API the task pane and the command line use: a risk's months, trends, appetite, proposals.

export { riskHistory, proposeChanges } from "./risk-history";
export { collectHistory, emptyHistory } from "./collect-history";
export { appetiteFor, appetiteLine, appetiteWords, categoryOf } from "./appetite";
export { escalationState, destinationFromWords, type EscalationState } from "./escalated";
export { monthName, monthIso, monthOf, type MonthIndex } from "./month";
export {
  TREND_ARROWS,
  trendWords,
  APPETITE_LEVELS,
  APPETITE_LEVEL_NAMES,
  type Trend,
  type AppetiteLevel,
  type AppetiteSettings,
  type ProposalThresholds,
  type RiskAppetite,
  type HistoryEntry,
  type HistoryData,
  type MonthlyPoint,
  type RiskHistory,
  type Proposal,
  type ProposalAction,
  type RenumberedPair,
  type ConfirmedPair,
} from "../model/history";
