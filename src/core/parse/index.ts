// Value parsers (SPEC "Values"). Each returns a value or a reason and never throws on bad data.
// STUB SIGNATURES — being implemented in src/core/parse/*.ts; this index re-exports them.

import type { CellValue } from "../model/grid";
import type { RagBands, Settings } from "../model/settings";
import type { Rag } from "../model/owned-tab";
import type { ParseResult } from "./result";

/** Whole days since 1970-01-01 UTC. All date arithmetic is done on these. */
export type DayNumber = number;

/** A month, quarter or year means its last day as a deadline and its first day as a last-updated date. */
export type DateMeaning = "deadline" | "lastUpdated";

export type Strategy = "treat" | "tolerate" | "transfer" | "terminate" | "take";
export type RiskState = "open" | "closed";
export type ActionState = "open" | "done";
export type PlanStatus = "completed" | "in-progress" | "not-started" | "delayed" | "cancelled";

const todo = (name: string): never => {
  throw new Error(`${name}: not implemented yet`);
};

export function parseDate(value: CellValue, format: string | null, meaning: DateMeaning): ParseResult<DayNumber> {
  return todo(`parseDate(${String(value)},${format},${meaning})`);
}
export function dayFromIso(iso: string): DayNumber | null {
  return todo(`dayFromIso ${iso}`);
}
export function isoFromDay(day: DayNumber): string {
  return todo(`isoFromDay ${day}`);
}
export function subtractMonths(day: DayNumber, months: number): DayNumber {
  return todo(`subtractMonths ${day} ${months}`);
}
export function parseScore(value: CellValue): ParseResult<number> {
  return todo(`parseScore ${String(value)}`);
}
export function parseStrategy(text: string, words: Settings["strategyWords"]): ParseResult<Strategy> {
  return todo(`parseStrategy ${text} ${Object.keys(words).length}`);
}
export function parseRiskState(text: string, settings: Settings): RiskState {
  return todo(`parseRiskState ${text} ${settings.asAt}`);
}
export function parseActionState(text: string, settings: Settings): ActionState {
  return todo(`parseActionState ${text} ${settings.asAt}`);
}
export function parsePlanStatus(text: string): ParseResult<PlanStatus> {
  return todo(`parsePlanStatus ${text}`);
}
export function ragFromScore(score: number, bands: RagBands): Rag {
  return todo(`ragFromScore ${score} ${bands.amberMax}`);
}
export function parseRagWord(text: string): ParseResult<Rag> {
  return todo(`parseRagWord ${text}`);
}
export function parseMoney(value: CellValue): ParseResult<number> {
  return todo(`parseMoney ${String(value)}`);
}
export function parseYesNo(value: CellValue): ParseResult<boolean> {
  return todo(`parseYesNo ${String(value)}`);
}
export function findOutstandingWork(text: string, phrases: string[], asAt: DayNumber): string | null {
  return todo(`findOutstandingWork ${text} ${phrases.length} ${asAt}`);
}
