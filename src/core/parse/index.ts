// Value parsers (SPEC "Values"). Each returns a value or a reason and never throws on bad data.
// One parser per file; this index re-exports them under the names the rest of the code uses.

export type { ParseResult } from "./result";
export { ok, fail } from "./result";
export type { DayNumber, DateMeaning } from "./day";
export {
  dayFromIso,
  isoFromDay,
  subtractMonths,
  dayFromDate,
  dayFromParts,
  partsFromDay,
  serialFromDay,
  daysInMonth,
  ukDate,
  ukDateOfIso,
} from "./day";
export {
  parseDate,
  parseDateCell,
  isDateFormat,
  isMonthOnlyFormat,
  dayFromSerial,
  writtenAsDate,
} from "./date";
export type { DateOptions, DateCell } from "./date";
export { isPlaceholder } from "./placeholder";
export { FACTOR_MAX, onScale, parseScore, SCORE_MAX } from "./score";
export type { Strategy } from "./strategy";
export { parseStrategy, strategiesNamed } from "./strategy";
export type { RiskState, ActionState, PlanStatus } from "./status";
export { parseRiskState, parseActionState, parsePlanStatus, mergedInto } from "./status";
export { ragFromScore, parseRagWord, ragWordLike } from "./rag";
export { parseMoney, plainAmount } from "./money";
export { parseYesNo } from "./yes-no";
export { findOutstandingWork } from "./outstanding-work";
export { saysNoEvidence } from "./no-evidence";
export { datedLines, latestDatedLine, type DatedLine } from "./dated-lines";
export { ragFillFor, ragFromColour, STANDARD_RAG_FILL } from "./rag-colour";
