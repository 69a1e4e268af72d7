// Runs the whole engine on a workbook's grids: read sheets, run rules, apply severities and
// accepted exceptions, route escalations.

import { toA1 } from "./address/a1";
import { localTodayIso } from "./local-time";
import { routeEscalations } from "./escalate/route-escalations";
import { compareFindings, type Finding } from "./model/finding";
import { mergesByColumn, shownCell, type Grid, type MergedArea, type MergesByColumn } from "./model/grid";
import { fieldColumn, fieldNames, rawCell, type RiskRecord, type SheetRecord } from "./model/records";
import { PerRecord } from "./rules/check-memo";
import type { Report } from "./model/report";
import type { RiskFacts, RiskScore } from "./model/risk-summary";
import type { Settings } from "./model/settings";
import { dayFromIso, isoFromDay, type DayNumber } from "./parse";
import type { SheetLayout } from "./read/detect-sheet";
import { sheetsNumberingOwnIds } from "./read/per-sheet-ids";
import { formulasNotWorkedOut, notWorkedOutNote } from "./read/formula-results";
import { readWorkbook } from "./read/read-workbook";
import { buildRuleContext } from "./rules/context";
import { collectHistory } from "./history/collect-history";
import { scoreImportedFactors } from "./history/factor-scores";
import { proposalWith, proposeChanges } from "./history/risk-history";
import { fingerprintRecord, isAccepted } from "./rules/accepted";
import { RULES } from "./rules/registry";
import { openActionCount } from "./rules/risk-closed-with-open-actions";
import { planCloseOutFacts } from "./rules/plan-close-out-facts";
import { riskFacts, riskScore } from "./rules/risk-facts";
import { recordIdOf } from "./rules/record-id";
import { renderMessage } from "./rules/render-message";
import type { RuleReport } from "./rules/types";

export interface CheckOptions {
  settings: Settings;
  /** ISO date; overrides settings.asAt; when neither is set, `today` is used. */
  asAt?: string;
  /** ISO date of today; callers outside core pass it so checks are reproducible (defaults to the clock). */
  today?: string;
  /** File name, or "workbook" for the open workbook. */
  source: string;
}

/** The as-at day a check uses: the option, else the setting, else today. */
export function resolveAsAt(options: Pick<CheckOptions, "asAt" | "settings" | "today">): DayNumber {
  const today = todayIso(options);
  for (const iso of [options.asAt, options.settings.asAt, today]) {
    if (!iso) continue;
    const d = dayFromIso(iso);
    if (d !== null) return d;
  }
  throw new Error(`resolveAsAt: no valid date among ${options.asAt}, ${options.settings.asAt}, ${today}`);
}

/** Today's ISO date: the option, else today where the officer is (a UK check at 00:30 BST on 11 October is as at 11 October), not in UTC. */
function todayIso(options: Pick<CheckOptions, "today">): string {
  return options.today ?? localTodayIso();
}

/** Where a finding about a record's field points: the record's first row, the field's column. */
function locate(
  record: SheetRecord<string>,
  field: string | undefined,
  layout: SheetLayout | undefined,
  given?: number,
): { row: number; col: number } {
  const cols = layout?.mapping?.fieldColumns;
  let col =
    given ?? (field ? fieldColumn(record, field) : undefined) ?? (field ? cols?.get(field) : undefined);
  if (col === undefined) {
    for (const idField of ["id", "riskId", "no", "action"]) {
      const c = fieldColumn(record, idField) ?? cols?.get(idField);
      if (c !== undefined) {
        col = c;
        break;
      }
    }
  }
  if (col === undefined) {
    const all = fieldNames(record).flatMap((f) => {
      const c = rawCell(record, f);
      return c ? [c.col] : [];
    });
    col = all.length ? all.reduce((lo, c) => Math.min(lo, c), Infinity) : 0;
  }
  return { row: record.row, col };
}

/** Checks every sheet of a workbook against the rules. Never throws on bad data. */
export function checkWorkbook(grids: Grid[], options: CheckOptions): Report {
  const { settings } = options;
  const asAt = resolveAsAt(options);
  const { sheets, records, layouts, matrix, perSheetIds, ownRatingScales, updateLogs, registerCopies } =
    readWorkbook(grids, settings, asAt);
  const history = collectHistory(
    grids,
    updateLogs,
    settings.importProfile?.renumbered ?? [],
    sheetsNumberingOwnIds(perSheetIds),
    layouts,
    registerCopies,
    { asAt, today: dayFromIso(todayIso(options)) ?? asAt },
  );
  // An Update Log's rows are read by the history, which counts them.
  for (const sheet of sheets)
    if (sheet.kind === "update-log") {
      sheet.recordCount = history.sheetRows.get(sheet.name) ?? 0;
      const setAside = history.setAside?.get(sheet.name);
      if (setAside) sheet.setAside = setAside;
    }
  const context = buildRuleContext(records, layouts, settings, asAt, history, {
    matrix,
    perSheetIds,
    ownRatingScales,
  });
  // An imported likelihood or impact moves a score the register works out: before any rule reads scores.
  scoreImportedFactors(context);
  const planIds = context.planIds();
  const shown = shownCellsOf(grids);
  const notWorkedOut = formulasNotWorkedOut(grids);

  const findings: Finding[] = [];
  const accepted: Finding[] = [];
  for (const rule of RULES) {
    const severity = settings.ruleSeverities[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === "off") continue;
    for (const r of rule.check(context)) {
      const finding = toFinding(rule.meta.id, severity, rule.meta.messages, r, {
        layouts,
        planIds,
        shown,
        notWorkedOut,
        source: options.source,
      });
      if (isAccepted(finding, settings.acceptedExceptions, asAt)) accepted.push(finding);
      else findings.push(finding);
    }
  }
  // Sheets in the workbook's order: the layouts were read tab by tab.
  const sheetOrder = new Map([...layouts.keys()].map((name, i) => [name, i]));
  const inOrder = (a: Finding, b: Finding) => compareFindings(a, b, sheetOrder);
  findings.sort(inOrder);
  accepted.sort(inOrder);
  let risks: RiskFacts[] | undefined;
  let riskScores: RiskScore[] | undefined;
  const factsByRisk = new PerRecord<RiskRecord, RiskFacts>(records.risks);
  const factsOf = (risk: RiskRecord): RiskFacts => {
    let facts = factsByRisk.get(risk);
    if (!facts) factsByRisk.set(risk, (facts = riskFacts(context, risk)));
    return facts;
  };
  return {
    asAt: isoFromDay(asAt),
    source: options.source,
    sheets,
    findings,
    accepted,
    escalations: routeEscalations(context),
    records,
    // Worked out when first asked (the summaries, the meeting, a risk's detail, the JSON's risk list),
    // not at every check: 100k risks' facts cost more than all the rules together.
    get risks() {
      return (risks ??= records.risks.map(factsOf));
    },
    factsOf,
    openActionCount: (risk) => openActionCount(context, risk),
    get riskScores() {
      return (riskScores ??= records.risks.map((r) => riskScore(context, r)));
    },
    proposals: proposeChanges(context),
    proposalWith: (risk, points) => proposalWith(context, risk, points),
    planCloseOut: planCloseOutFacts(context),
    history,
    ...(matrix ? { ragMatrix: matrix.cells } : {}),
    wordsOf: context.wordsOf,
  };
}

/**
 * What a finding is placed and named by: the sheets' layouts, the plan actions' ids, the cells Excel shows, and
 * the formula cells saved without results that could not be worked out (a finding on one says so), in `source`.
 */
interface FindingPlaces {
  layouts: Map<string, SheetLayout>;
  planIds: ReadonlyMap<SheetRecord<string>, string>;
  shown: ShownCells;
  notWorkedOut: ReadonlyMap<string, ReadonlySet<number>>;
  source: string;
}

/** The cell Excel shows a sheet's cell in (see shownCell). */
type ShownCells = (sheet: string, row: number, col: number) => { row: number; col: number };

/**
 * The cells Excel shows the grids' cells in: a cell inside a merged area is shown in the area's top-left
 * cell (Excel keeps the value there alone, and a mark on another of its cells cannot be seen). Each sheet's
 * areas are indexed when a finding first asks about it.
 */
function shownCellsOf(grids: readonly Grid[]): ShownCells {
  const merges = new Map<string, readonly MergedArea[]>();
  for (const g of grids) if (g.merges?.length) merges.set(g.sheetName, g.merges);
  const indexes = new Map<string, MergesByColumn>();
  return (sheet, row, col) => {
    const areas = merges.get(sheet);
    if (!areas) return { row, col };
    let index = indexes.get(sheet);
    if (!index) indexes.set(sheet, (index = mergesByColumn(areas)));
    return shownCell(index, row, col);
  };
}

function toFinding(
  ruleId: string,
  severity: Finding["severity"],
  messages: Record<string, string>,
  r: RuleReport,
  { layouts, planIds, shown, notWorkedOut, source }: FindingPlaces,
): Finding {
  const template = messages[r.messageId];
  if (template === undefined) throw new Error(`${ruleId} reported unknown messageId "${r.messageId}"`);
  let message = renderMessage(template, r.data);
  if (!r.record) {
    const headerRow = layouts.get(r.sheet)?.headerRow ?? 0;
    return {
      ruleId,
      severity,
      sheet: r.sheet,
      cell: null,
      row: headerRow + 1,
      col: null,
      recordId: null,
      messageId: r.messageId,
      message,
    };
  }
  const sheet = r.at?.sheet ?? r.record.sheet;
  const { row, col } = r.at ?? locate(r.record, r.field, layouts.get(sheet), r.col);
  // A cell whose formula has no saved result is not blank: the finding says its result was not known.
  const unknown = notWorkedOut.size ? notWorkedOutNote(notWorkedOut, sheet, row, col, source) : null;
  if (unknown) message = `${message} ${unknown}`;
  // The finding names the cell a mark can be seen in; its row stays the record's (or the other sheet's cell's).
  const cell = shown(sheet, row, col);
  return new RecordFinding(
    {
      ruleId,
      severity,
      sheet,
      cell: toA1(cell.row, cell.col),
      row: row + 1,
      col: cell.col,
      recordId: recordIdOf(r.record, planIds),
      messageId: r.messageId,
      message,
      field: r.field,
    },
    r.record,
  );
}

/**
 * A finding about a record. Its fingerprint is digested from the record's cells only when something reads
 * it (an accepted exception that might match, the Accept dialog): digesting every cell of 100k findings'
 * records cost more than the rules. A class, not an object literal with a getter: V8 keeps each such
 * literal as a dictionary (about 1 KB a finding, and slow to read); these share one shape.
 */
class RecordFinding implements Finding {
  readonly ruleId: string;
  readonly severity: Finding["severity"];
  readonly sheet: string;
  readonly cell: string | null;
  readonly row: number;
  readonly col: number | null;
  readonly recordId: string | null;
  readonly messageId: string;
  readonly message: string;
  readonly field?: string;
  /** The record, kept out of the finding's own listed properties (JSON, copies and test comparisons). */
  declare private readonly record: SheetRecord<string>;

  constructor(f: Omit<Finding, "fingerprint">, record: SheetRecord<string>) {
    this.ruleId = f.ruleId;
    this.severity = f.severity;
    this.sheet = f.sheet;
    this.cell = f.cell;
    this.row = f.row;
    this.col = f.col;
    this.recordId = f.recordId;
    this.messageId = f.messageId;
    this.message = f.message;
    this.field = f.field;
    Object.defineProperty(this, "record", { value: record });
  }

  get fingerprint(): string {
    return fingerprintRecord(this.record);
  }
}
