// A risk's facts with its register row as it is now: after the officer kept a co-author's change ("Keep
// theirs"), the next record is made from the register's values, not from those read at the start.

import type { RiskField } from "../model/fields";
import { fieldText, rawCell, type RiskRecord } from "../model/records";
import type { RiskFacts } from "../model/risk-summary";
import type { ScaleWord, Settings } from "../model/settings";
import { parseRagWord, parseScore, parseStrategy } from "../parse";
import { STRATEGY_WORD } from "../rules/risk-facts";
import type { SheetWords } from "../rules/sheet-readings";
import type { RowSnapshot } from "./conflict";
import { ratedRag, type RecordContext } from "./record";
import { recordWithValues, type FieldValue } from "./record-with-values";

/** The record with each of its sheet's fields read from the row as it is now (its cells keep their formats). */
function recordNow(
  record: RiskRecord,
  row: Pick<RowSnapshot, "firstCol" | "values">,
  columns: ReadonlyMap<string, number>,
): RiskRecord {
  const values: FieldValue[] = [];
  for (const [name, col] of columns) {
    const i = col - row.firstCol;
    if (i < 0 || i >= row.values.length) continue;
    values.push({ field: name as RiskField, col, value: row.values[i] ?? null });
  }
  return recordWithValues(record, values);
}

/** A field's number as the check reads it: a number as it is, words on the field's scale. */
function numberOf(record: RiskRecord, field: RiskField, scale?: readonly ScaleWord[]): number | null {
  const value = rawCell(record, field)?.value ?? null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const n = parseScore(fieldText(record, field), Array.isArray(scale) ? scale : undefined);
  return n.ok ? n.value : null;
}

/**
 * The facts the meeting records against (likelihood, impact, score, RAG, strategy, owner, and the record
 * whose Latest Update and Last Updated cells a record replaces), read from the register's row as it is now;
 * the others (history, appetite, trend) as read at the start. The score is the score cell, else likelihood ×
 * impact; its RAG as a record rates a score it works out. Likelihood, impact and strategy words are read
 * with the sheet's words as the check read them (`reading`: the report's wordsOf, so "High" on a 3 × 3
 * register is 3 and an allocation column's "Contractor" a transfer).
 */
export function factsWithRowNow(
  facts: RiskFacts,
  row: Pick<RowSnapshot, "firstCol" | "values">,
  columns: ReadonlyMap<string, number>,
  reading: Pick<Settings, "rag"> & SheetWords,
  ragMatrix?: RecordContext["ragMatrix"],
): RiskFacts {
  const record = recordNow(facts.record, row, columns);
  const likelihood = numberOf(record, "likelihood", reading.likelihoodWords);
  const impact = numberOf(record, "impact", reading.impactWords);
  const scoreCell = numberOf(record, "score");
  const score = scoreCell ?? (likelihood !== null && impact !== null ? likelihood * impact : null);
  const ragWord = parseRagWord(fieldText(record, "rag"));
  const rag =
    score !== null
      ? ratedRag(likelihood, impact, score, { settings: reading, ragMatrix })
      : ragWord.ok
        ? ragWord.value
        : null;
  const strategyText = fieldText(record, "strategy");
  const strategy = parseStrategy(strategyText, reading.strategyWords);
  return {
    ...facts,
    record,
    owner: fieldText(record, "owner"),
    likelihood,
    impact,
    score,
    rag,
    strategy: strategy.ok ? STRATEGY_WORD[strategy.value] : strategyText,
    latestUpdateText: fieldText(record, "update"),
  };
}
