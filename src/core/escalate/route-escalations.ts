// Routes each open risk to the boards and registers it must go to, with a reason for each (SPEC "Escalation").

import type { CellValue } from "../model/grid";
import { fieldText, fieldValue, type RiskRecord } from "../model/records";
import type { DestinationId, Escalation } from "../model/report";
import type { Settings } from "../model/settings";
import { parseMoney, parseYesNo } from "../parse";
import { foldSpaces } from "../parse/spaces";
import { moneyUnitOfHeader } from "../read/header-unit";
import { checkMemo, riskMemo } from "../rules/check-memo";
import type { RuleContext } from "../rules/context";
import { trendOf } from "../history/risk-points";
import { currentScore, currentScoreOf, type CurrentScore } from "./current-score";

/** Whole pounds with thousands commas, one formatter for every risk (toLocaleString makes one per call). */
const POUNDS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
/** Sums already written out: a register repeats a few round sums, and each threshold is written per risk. */
const POUNDS_TEXT = new Map<number, string>();

/** "£250,000": whole pounds with thousands commas, each sum formatted once. */
function money(n: number): string {
  const whole = Math.round(n);
  let text = POUNDS_TEXT.get(whole);
  if (text === undefined) {
    text = `£${POUNDS.format(whole)}`;
    if (POUNDS_TEXT.size < 10_000) POUNDS_TEXT.set(whole, text);
  }
  return text;
}

export { currentScore, currentScoreOf };

/** "score 16", or "score 16 (worked out as 4 × 4)" when the register gives no score. */
function scoreWords(s: CurrentScore): string {
  return s.workedOutFrom
    ? `score ${s.score} (worked out as ${s.workedOutFrom[0]} × ${s.workedOutFrom[1]})`
    : `score ${s.score}`;
}

/** Where one risk must go, with a reason for each destination. */
export interface Route {
  destinations: DestinationId[];
  reasons: string[];
}

const NO_ROUTE: Route = Object.freeze({
  destinations: Object.freeze([]) as unknown as DestinationId[],
  reasons: Object.freeze([]) as unknown as string[],
});

/** Destinations and reasons for one risk (empty when it needs none); worked out once per check (the escalations and the proposals both ask). */
export function routeRisk(ctx: RuleContext, risk: RiskRecord): Route {
  const byRisk = riskMemo<RiskRecord, Route>(ctx, "route");
  let route = byRisk.get(risk);
  if (!route) byRisk.set(risk, (route = workOutRoute(ctx, risk)));
  return route;
}

/**
 * Where one risk would go at another score (the meeting card's, after the chair records a new one): its other
 * cells as the check read them. Worked out afresh each time, not kept.
 */
export function routeRiskAtScore(ctx: RuleContext, risk: RiskRecord, score: number | null): Route {
  return workOutRoute(ctx, risk, { score });
}

type Thresholds = Settings["escalation"];

/** The score routes, the one place their thresholds are read: to the corporate register. */
export const scoreToCorporate = (score: number | null, t: Thresholds): boolean =>
  score !== null && score >= t.corporateMinScore;
/** To a directorate register (a score the corporate register does not take). */
export const scoreToDirectorate = (score: number | null, t: Thresholds): boolean =>
  score !== null &&
  !scoreToCorporate(score, t) &&
  score >= t.directorateMinScore &&
  score <= t.directorateMaxScore;
/** To the strategic board by its score (a financial impact large enough sends it there too). */
export const scoreToStrategicBoard = (score: number | null, t: Thresholds): boolean =>
  score !== null && score >= t.strategicBoardScore;

/**
 * The reasons a check's routes give, each made once: a register repeats a few scores and sums, and
 * 100k risks' reasons written out one by one were a tenth of a large check's garbage. The words are made
 * by module functions (no function made per risk).
 */
class ReasonWords {
  private readonly made = new Map<string, Map<number, string>>();

  constructor(private readonly t: Thresholds) {}

  /** A reason about the score: made for its risk alone when worked out from likelihood × impact. */
  score(kind: string, current: CurrentScore, words: (c: CurrentScore, t: Thresholds) => string): string {
    const n = current.score;
    if (current.workedOutFrom || n === null || !Number.isInteger(n)) return words(current, this.t);
    const made = this.madeFor(kind);
    let text = made.get(n);
    if (text === undefined) made.set(n, (text = words(current, this.t)));
    return text;
  }

  /** A reason about a sum (a sum with pence is made for its risk alone). */
  sum(kind: string, amount: number, words: (amount: number, t: Thresholds) => string): string {
    if (!Number.isInteger(amount)) return words(amount, this.t);
    const made = this.madeFor(kind);
    let text = made.get(amount);
    if (text === undefined) {
      text = words(amount, this.t);
      // A register of many different sums keeps the first few thousand.
      if (made.size < 10_000) made.set(amount, text);
    }
    return text;
  }

  private madeFor(kind: string): Map<number, string> {
    let made = this.made.get(kind);
    if (!made) this.made.set(kind, (made = new Map()));
    return made;
  }
}

const corporateWords = (c: CurrentScore, t: Thresholds) => `${scoreWords(c)} ≥ ${t.corporateMinScore}`;
const directorateWords = (c: CurrentScore, t: Thresholds) =>
  `${scoreWords(c)} in ${t.directorateMinScore}–${t.directorateMaxScore}`;
const strategicScoreWords = (c: CurrentScore) => scoreWords(c);
/** How every reason about a financial impact starts. */
const FINANCIAL = "financial impact";

/** True when a route's reason is its financial impact (the meeting never changes that). */
export const isFinancialReason = (reason: string): boolean => reason.startsWith(FINANCIAL);

const clusterWords = (amount: number) => `${FINANCIAL} ${money(amount)}`;
const operationsWords = (amount: number, t: Thresholds) =>
  `${FINANCIAL} ${money(amount)} ≥ ${money(t.operationsBoardMinImpact)}`;
const strategicSumWords = (amount: number, t: Thresholds) =>
  `${FINANCIAL} ${money(amount)} ≥ ${money(t.strategicBoardMinImpact)}`;

/** A route being worked out: one pair of lists, refilled for each risk, copied at their length when kept. */
const draft: Route = { destinations: [], reasons: [] };

function workOutRoute(ctx: RuleContext, risk: RiskRecord, current = currentScoreOf(ctx, risk)): Route {
  const t = ctx.settings.escalation;
  const memo = checkMemo<"words", ReasonWords>(ctx, "route words");
  let said = memo.get("words");
  if (!said) memo.set("words", (said = new ReasonWords(t)));
  draft.destinations.length = 0;
  draft.reasons.length = 0;
  const score = current.score;
  const moneyValue = fieldValue(risk, "financialImpact");
  const impact = moneyValue !== null ? parseMoney(moneyValue, financialUnitOf(ctx, risk.sheet)) : null;
  const amount = impact && impact.ok && impact.value > 0 ? impact.value : null;
  const escalateValue = fieldValue(risk, "escalate");
  const escalateYes = escalateValue !== null && isYesValue(escalateValue);
  const strategy = ctx.strategyOf(risk);

  // Words are made only for the destinations a risk has: most risks go nowhere.
  if (scoreToCorporate(score, t))
    sendTo(draft, "corporate-register", said.score("corporate", current, corporateWords));
  else if (scoreToDirectorate(score, t))
    sendTo(draft, "directorate-register", said.score("directorate", current, directorateWords));

  if (amount !== null) sendTo(draft, "financial-cluster", said.sum("cluster", amount, clusterWords));

  if (amount !== null && amount >= t.operationsBoardMinImpact)
    sendTo(draft, "operations-board", said.sum("operations", amount, operationsWords));
  else if (escalateYes) sendTo(draft, "operations-board", "Escalate? = Yes");

  if (amount !== null && amount >= t.strategicBoardMinImpact)
    sendTo(draft, "strategic-board", said.sum("strategic", amount, strategicSumWords));
  else if (scoreToStrategicBoard(score, t))
    sendTo(draft, "strategic-board", said.score("strategic score", current, strategicScoreWords));

  if (strategy.ok && strategy.value === "transfer") sendTo(draft, "transfer", "strategy Transfer");
  else if (ctx.namesTransfer(risk))
    sendTo(draft, "transfer", `strategy ${foldSpaces(fieldText(risk, "strategy"))}`);

  // Most risks go nowhere: they share one empty route (the memo keeps a route for every risk).
  if (draft.destinations.length === 0) return NO_ROUTE;
  return { destinations: draft.destinations.slice(), reasons: draft.reasons.slice() };
}

/** Pounds per plain number in a sheet's financial impact column (1000 under "Financial Impact (£k)"); read once per sheet. */
function financialUnitOf(ctx: RuleContext, sheet: string): number {
  const bySheet = checkMemo<string, number>(ctx, "financial-unit");
  let unit = bySheet.get(sheet);
  if (unit === undefined)
    bySheet.set(sheet, (unit = moneyUnitOfHeader(ctx.fieldHeaderOf(sheet, "financialImpact") ?? "")));
  return unit;
}

/** Adds a destination and the reason for it. */
function sendTo(route: Route, destination: DestinationId, reason: string): void {
  route.destinations.push(destination);
  route.reasons.push(reason);
}

/** Routes every open risk (not an opportunity: see RuleContext.isOpportunity); risks with no destination are left out. */
export function routeEscalations(ctx: RuleContext): Escalation[] {
  const out: Escalation[] = [];
  for (let k = 0; k < ctx.records.risks.length; k++) {
    const risk = ctx.records.risks[k];
    if (!ctx.isOpenRisk(risk)) continue;
    const { destinations, reasons } = routeRisk(ctx, risk);
    // An opportunity's score and money are upside: nothing to escalate (asked only of a risk routed somewhere).
    if (destinations.length === 0 || ctx.isOpportunity(risk)) continue;
    out.push({
      recordId: ctx.riskId(risk),
      sheet: risk.sheet,
      row: risk.row + 1,
      destinations,
      reasons,
      trend: trendOf(ctx, risk),
    });
  }
  return out;
}

/** True when an Escalate? cell reads as Yes. */
function isYesValue(value: CellValue): boolean {
  const y = parseYesNo(value);
  return y.ok && y.value;
}
