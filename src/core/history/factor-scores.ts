// A risk's score where the register gives none of its own (no score column, or a score its formula works
// out, which an import leaves alone): likelihood × impact. An import that changed the likelihood or the
// impact changed that score, so its log entries are given the score before and after the change, read
// back from the register's values today, entry by entry, newest first (SPEC "History, appetite and
// proposals": monthly points from the Import Log's changes).

import type { CellValue } from "../model/grid";
import type { HistoryLog } from "../model/history";
import type { RiskRecord } from "../model/records";
import { parseScore } from "../parse/score";
import type { RuleContext } from "../rules/context";

/**
 * A likelihood or impact as the log wrote it, read on its register's scale (words such as "Likely" too, Low /
 * Medium / High on three points where the register's headers say so); null when none.
 */
function factorValue(
  ctx: RuleContext,
  sheet: string,
  value: CellValue,
  factor: "likelihood" | "impact",
): number | null {
  const r = parseScore(value, ctx.scaleOf(sheet, factor));
  return r.ok ? r.value : null;
}

/** True when another entry of the same day (at `at[k]`'s) gives a score of its own: the import's score row. */
function scoredThatDay(
  log: HistoryLog,
  at: ArrayLike<number>,
  k: number,
  isFactor: (i: number) => boolean,
): boolean {
  const day = log.day[at[k]];
  for (let j = k - 1; j >= 0 && log.day[at[j]] === day; j--)
    if (!isFactor(at[j]) && !Number.isNaN(log.score[at[j]])) return true;
  for (let j = k + 1; j < at.length && log.day[at[j]] === day; j++)
    if (!isFactor(at[j]) && !Number.isNaN(log.score[at[j]])) return true;
  return false;
}

/**
 * Gives each imported likelihood or impact change of a risk whose score is likelihood × impact the
 * score after it and before it, where the same import logged no score of its own. Reading back stops at
 * an old value that is no number, or at an entry whose score disagrees with likelihood × impact then
 * (a meeting that changed them, say): nothing before it is guessed.
 */
function scoreRisk(ctx: RuleContext, risk: RiskRecord): void {
  const changes = ctx.history.factorChanges!;
  const { log, at } = ctx.logEntries(risk);
  let any = false;
  for (let k = 0; k < at.length && !any; k++) any = changes.has(at[k]);
  if (!any) return;
  let likelihood = ctx.numberOf(risk, "likelihood");
  let impact = ctx.numberOf(risk, "impact");
  if (likelihood === null || impact === null) return;
  // A score of the register's own that is not likelihood × impact is some other scale: leave it be.
  const own = ctx.numberOf(risk, "score");
  if (own !== null && own !== likelihood * impact) return;
  const isFactor = (i: number) => changes.has(i);
  for (let k = at.length - 1; k >= 0; k--) {
    const i = at[k];
    const change = changes.get(i);
    if (!change) {
      const s = log.score[i];
      if (!Number.isNaN(s) && s !== likelihood * impact) return;
      continue;
    }
    const old = factorValue(ctx, risk.sheet, change.old, change.factor);
    if (old === null) return;
    const after = likelihood * impact;
    if (change.factor === "likelihood") likelihood = old;
    else impact = old;
    if (Number.isNaN(log.score[i]) && !scoredThatDay(log, at, k, isFactor)) {
      log.score[i] = after;
      log.oldScore[i] = likelihood * impact;
    }
  }
}

/** Scores the imported likelihood and impact changes of every risk (see scoreRisk); before any rule reads a score. */
export function scoreImportedFactors(ctx: RuleContext): void {
  if (!ctx.history.factorChanges?.size) return;
  for (const risk of ctx.records.risks) scoreRisk(ctx, risk);
}
