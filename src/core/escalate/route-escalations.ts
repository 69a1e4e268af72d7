// Routes each open risk to the boards and registers it must go to, with a reason for each (SPEC "Escalation").

import type { CellValue } from "../model/grid";
import { fieldValue, type RiskRecord } from "../model/records";
import type { DestinationId, Escalation } from "../model/report";
import { parseMoney, parseYesNo } from "../parse";
import { riskMemo } from "../rules/check-memo";
import type { RuleContext } from "../rules/context";
import { trendOf } from "../history/risk-points";
import { currentScore, currentScoreOf, type CurrentScore } from "./current-score";

/** Whole pounds with thousands commas, one formatter for every risk (toLocaleString makes one per call). */
const POUNDS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const money = (n: number) => `£${POUNDS.format(Math.round(n))}`;

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

function workOutRoute(ctx: RuleContext, risk: RiskRecord): Route {
  const t = ctx.settings.escalation;
  const destinations: DestinationId[] = [];
  const reasons: string[] = [];
  const add = (d: DestinationId, why: string) => {
    destinations.push(d);
    reasons.push(why);
  };
  const current = currentScoreOf(ctx, risk);
  const score = current.score;
  // Worked out only for a risk that goes somewhere on its score: most go nowhere.
  const scored = () => scoreWords(current);
  const moneyValue = fieldValue(risk, "financialImpact");
  const impact = moneyValue !== null ? parseMoney(moneyValue) : null;
  const amount = impact && impact.ok && impact.value > 0 ? impact.value : null;
  const escalateValue = fieldValue(risk, "escalation");
  const escalateYes = escalateValue !== null && isYesValue(escalateValue);
  const strategy = ctx.strategyOf(risk);

  if (score !== null && score >= t.corporateMinScore)
    add("corporate-register", `${scored()} ≥ ${t.corporateMinScore}`);
  else if (score !== null && score >= t.directorateMinScore && score <= t.directorateMaxScore)
    add("directorate-register", `${scored()} in ${t.directorateMinScore}–${t.directorateMaxScore}`);
  if (amount !== null) add("financial-cluster", `financial impact ${money(amount)}`);
  if (amount !== null && amount >= t.operationsBoardMinImpact)
    add("operations-board", `financial impact ${money(amount)} ≥ ${money(t.operationsBoardMinImpact)}`);
  else if (escalateYes) add("operations-board", "Escalate? = Yes");
  if (amount !== null && amount >= t.strategicBoardMinImpact)
    add("strategic-board", `financial impact ${money(amount)} ≥ ${money(t.strategicBoardMinImpact)}`);
  else if (score !== null && score >= t.strategicBoardScore) add("strategic-board", scored());
  if (strategy.ok && strategy.value === "transfer") add("transfer", "strategy Transfer");
  // Most risks go nowhere: they share one empty route (the memo keeps a route for every risk).
  return destinations.length ? { destinations, reasons } : NO_ROUTE;
}

/** Routes every open risk; risks with no destination are left out. */
export function routeEscalations(ctx: RuleContext): Escalation[] {
  const out: Escalation[] = [];
  for (const risk of ctx.records.risks) {
    if (!ctx.isOpenRisk(risk)) continue;
    const { destinations, reasons } = routeRisk(ctx, risk);
    if (destinations.length === 0) continue;
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
