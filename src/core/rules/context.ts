// What rules can ask about the workbook: settings, as-at date, parsed values and cross-sheet links.
// Derived values are computed once here so no rule re-implements them.

import type { ActionRecord, RecordCell, RiskRecord, SheetRecord } from "../model/records";
import { fieldCell, fieldText, idKey } from "../model/records";
import type { WorkbookRecords } from "../model/report";
import type { ScaleWord, Settings } from "../model/settings";
import {
  parseActionState,
  parseDateCell,
  parseRiskState,
  parseScore,
  parseStrategy,
  subtractMonths,
  type ParseResult,
  type Strategy,
  type DateMeaning,
  type DayNumber,
} from "../parse";
import type { SheetLayout } from "../read/detect-sheet";
import { emptyHistory, type HistoryData } from "../history/collect-history";

export interface RuleContext {
  settings: Settings;
  asAt: DayNumber;
  /** First day an update still counts for the review period. */
  reviewCutoff: DayNumber;
  records: WorkbookRecords;
  /** Does this sheet have a column for this field? */
  hasField(sheet: string, field: string): boolean;
  /** Sheets of one kind, by name. */
  sheetsOfKind(kind: SheetLayout["kind"]): string[];
  isOpenRisk(risk: RiskRecord): boolean;
  isOpenAction(action: ActionRecord): boolean;
  /** Rows of actions sheets that belong to this risk (matched on folded id). */
  actionsFor(risk: RiskRecord): ActionRecord[];
  /** The risk an action belongs to, if any register holds it. */
  riskFor(action: ActionRecord): RiskRecord | undefined;
  /** Newest of lastUpdated, action update dates and Update Log entries; null when none. */
  latestUpdate(risk: RiskRecord): DayNumber | null;
  /** A field's date, or null when blank or unreadable. */
  dateOf(record: SheetRecord<string>, field: string, meaning: DateMeaning): DayNumber | null;
  /** A field's number (likelihood and impact words read on their scales), or null. */
  numberOf(record: SheetRecord<string>, field: string): number | null;
  /** The record's id text as written (trimmed), or "". */
  riskId(risk: RiskRecord): string;
  /** The record's strategy read from its strategy cell (parsed once per distinct text). */
  strategyOf(record: SheetRecord<string>): ParseResult<Strategy>;
  /** What the workbook's logs and backups say (see src/core/history). */
  history: HistoryData;
}

/** The word scale (a setting) a likelihood or impact field is read on when its cell holds a word. */
const SCALE_OF_FIELD = new Map<string, "likelihood" | "impact">([
  ["likelihood", "likelihood"],
  ["inherentLikelihood", "likelihood"],
  ["targetLikelihood", "likelihood"],
  ["impact", "impact"],
  ["inherentImpact", "impact"],
  ["targetImpact", "impact"],
]);

/** Builds the context once per check. */
export function buildRuleContext(
  records: WorkbookRecords,
  layouts: Map<string, SheetLayout>,
  settings: Settings,
  asAt: DayNumber,
  history: HistoryData = emptyHistory(),
): RuleContext {
  const actionsByRisk = new Map<string, ActionRecord[]>();
  for (const a of records.actions) {
    const key = idKey(a.fields.riskId?.value ?? null);
    if (!key) continue;
    let list = actionsByRisk.get(key);
    if (!list) actionsByRisk.set(key, (list = []));
    list.push(a);
  }
  const riskByKey = new Map<string, RiskRecord>();
  for (const r of records.risks) {
    const key = idKey(r.fields.id?.value ?? null);
    if (key && !riskByKey.has(key)) riskByKey.set(key, r);
  }
  const logDatesByRisk = new Map<string, DayNumber>();
  for (const e of records.updateLog) {
    const key = idKey(e.fields.riskId?.value ?? null);
    const c = fieldCell(e, "date");
    if (!key || !c) continue;
    const d = parseDateCell(c, "lastUpdated");
    if (d.ok && (logDatesByRisk.get(key) ?? -Infinity) < d.value) logDatesByRisk.set(key, d.value);
  }

  // Several rules and the summaries read the same date cells: parse each cell once per meaning.
  const dateMemo: Record<DateMeaning, WeakMap<RecordCell, DayNumber | null>> = {
    deadline: new WeakMap(),
    lastUpdated: new WeakMap(),
  };
  const dateOf = (record: SheetRecord<string>, field: string, meaning: DateMeaning): DayNumber | null => {
    const c = fieldCell(record, field);
    if (!c) return null;
    const memo = dateMemo[meaning];
    let day = memo.get(c);
    if (day === undefined) {
      const d = parseDateCell(c, meaning);
      day = d.ok ? d.value : null;
      memo.set(c, day);
    }
    return day;
  };
  const latestCache = new Map<RiskRecord, DayNumber | null>();
  // Status and strategy cells repeat the same few words thousands of times: read each text once.
  const memo = <T>(read: (text: string) => T) => {
    const cache = new Map<string, T>();
    return (text: string): T => {
      let v = cache.get(text);
      if (v === undefined) cache.set(text, (v = read(text)));
      return v;
    };
  };
  const riskOpen = memo((t) => parseRiskState(t, settings) === "open");
  const actionOpen = memo((t) => parseActionState(t, settings) === "open");
  const strategy = memo((t) => parseStrategy(t, settings.strategyWords));
  const numberMemo = (scale?: readonly ScaleWord[]) =>
    memo((t) => {
      const n = parseScore(t, scale);
      return n.ok ? n.value : null;
    });
  const plainNumber = numberMemo();
  const scaleNumber = {
    likelihood: numberMemo(Array.isArray(settings.likelihoodWords) ? settings.likelihoodWords : []),
    impact: numberMemo(Array.isArray(settings.impactWords) ? settings.impactWords : []),
  };

  const ctx: RuleContext = {
    settings,
    asAt,
    reviewCutoff: subtractMonths(asAt, settings.reviewPeriodMonths),
    records,
    hasField: (sheet, field) => layouts.get(sheet)?.mapping?.fieldColumns.has(field) ?? false,
    sheetsOfKind: (kind) => [...layouts.entries()].filter(([, l]) => l.kind === kind).map(([n]) => n),
    isOpenRisk: (risk) => riskOpen(fieldText(risk, "status")),
    isOpenAction: (action) => actionOpen(fieldText(action, "status")),
    actionsFor: (risk) => actionsByRisk.get(idKey(risk.fields.id?.value ?? null)) ?? [],
    riskFor: (action) => riskByKey.get(idKey(action.fields.riskId?.value ?? null)),
    latestUpdate(risk) {
      if (latestCache.has(risk)) return latestCache.get(risk)!;
      let best: DayNumber | null = dateOf(risk, "lastUpdated", "lastUpdated");
      const consider = (d: DayNumber | null) => {
        if (d !== null && (best === null || d > best)) best = d;
      };
      const key = idKey(risk.fields.id?.value ?? null);
      if (key) {
        for (const a of actionsByRisk.get(key) ?? []) consider(dateOf(a, "updated", "lastUpdated"));
        consider(logDatesByRisk.get(key) ?? null);
      }
      latestCache.set(risk, best);
      return best;
    },
    dateOf,
    numberOf(record, field) {
      const c = fieldCell(record, field);
      if (!c) return null;
      if (typeof c.value === "number") return Number.isFinite(c.value) ? c.value : null;
      const scale = SCALE_OF_FIELD.get(field);
      return scale ? scaleNumber[scale](c.text) : plainNumber(c.text);
    },
    riskId: (risk) => fieldText(risk, "id"),
    strategyOf: (record) => strategy(fieldText(record, "strategy")),
    history,
  };
  return ctx;
}
