// What rules can ask about the workbook: settings, as-at date, parsed values and cross-sheet links.
// Derived values are computed once here so no rule re-implements them.

import {
  fieldDate,
  fieldColumn,
  fieldText,
  fieldValue,
  idKey,
  idsNamedIn,
  isPlainId,
  rawValue,
  type ActionRecord,
  type RiskRecord,
  type SheetRecord,
} from "../model/records";
import { readOwnActions, type OwnAction } from "../model/own-action";
import { fieldMonth, newerOfMonth } from "../model/month-cells";
import type { WorkbookRecords } from "../model/report";
import type { CellValue } from "../model/grid";
import type { ScaleWord, Settings } from "../model/settings";
import type { Rag } from "../model/owned-tab";
import {
  latestDatedLine,
  parseActionState,
  parseRiskState,
  parseScore,
  parseStrategy,
  strategiesNamed,
  ragFromScore,
  subtractMonths,
  writtenAsDate,
  type ParseResult,
  type Strategy,
  type DateMeaning,
  type DayNumber,
} from "../parse";
import type { SheetLayout } from "../read/detect-sheet";
import { keptByMonth } from "../read/month-columns";
import type { OwnRatingScale } from "../read/own-rating-scale";
import { emptyHistory, type HistoryData } from "../history/collect-history";
import { entriesOfRisk, lastUpdateDay, type LogEntries } from "../history/history-log";
import { ColumnCache, isKnown, store } from "./column-cache";
import { PerRecord, placeRecords } from "./check-memo";
import { sheetPairKey, titleKey } from "../read/per-sheet-ids";
import { matrixRag, type RiskMatrix } from "../read/risk-matrix";
import { numberPlanActions } from "./record-id";
import { closedPlaceOf } from "../read/register-contents";
import { standingRow } from "../join/standing-row";
import { allocationStrategyWords } from "../read/allocation-column";
import { sheetReadings, type Factor, type SheetWords } from "./sheet-readings";
import type { RegisterHolds } from "../model/sheet-info";

/** What the reader found about the workbook as a whole that rules need. */
export interface WorkbookFacts {
  /** The workbook's own risk matrix, if any. */
  matrix: RiskMatrix | null;
  /** Pairs of register sheets (sheetPairKey) whose ids are numbered per sheet. */
  perSheetIds: Set<string>;
  /** Register sheets whose rating column is their own Low / Medium / High scale (not RAG colours): each scale. */
  ownRatingScales?: ReadonlyMap<string, OwnRatingScale>;
}

export interface RuleContext {
  settings: Settings;
  asAt: DayNumber;
  /** First day an update still counts for the review period. */
  reviewCutoff: DayNumber;
  records: WorkbookRecords;
  /** Does this sheet have a column for this field? */
  hasField(sheet: string, field: string): boolean;
  /** The 0-based column of a field on a sheet, if the sheet has one. */
  fieldColumnOf(sheet: string, field: string): number | undefined;
  /** The header text of a field's column on a sheet, if the sheet has one. */
  fieldHeaderOf(sheet: string, field: string): string | undefined;
  /**
   * True when the sheet keeps the field month by month, one column per month: its column (fieldColumnOf) is
   * then the as-at month's where the sheet has one, else its newest month's up to the as-at date.
   */
  keptByMonth(sheet: string, field: string): boolean;
  /** Sheets of one kind, by name. */
  sheetsOfKind(kind: SheetLayout["kind"]): string[];
  /**
   * True for an open risk: its Status is no closed word, and it is not archived (see isArchived). Every rule,
   * the routing and the summaries' status counts read a risk's state here.
   */
  isOpenRisk(risk: RiskRecord): boolean;
  /** What a register sheet holds other than live risks, as its name says (see RegisterHolds); undefined for a register of live risks. */
  sheetHolds(sheet: string): RegisterHolds | undefined;
  /**
   * True when the risk is kept where its register keeps risks that are not live: on a sheet of closed risks
   * ("Closed Risks", "Archive"), or under a section heading saying the risks under it are closed ("CLOSED
   * RISKS"). Such a risk is closed whatever its Status says, and no register it stands on today: it takes no
   * part in owner conflicts, duplicate ids or the join of one risk's registers. Decided once per sheet and
   * once per section heading's text.
   */
  isArchived(risk: RiskRecord): boolean;
  /**
   * True for an archived row that another row stands for (see isArchived): a row of the same risk that is
   * not archived (the risk reopened on a register), or an earlier archived row (a risk closed twice). It is
   * the risk's history: the risk's actions are not its own.
   */
  isEarlierRecord(risk: RiskRecord): boolean;
  /**
   * True for an opportunity: a row of a sheet named as opportunities, or one whose strategy is an
   * opportunity's (Take: exploit, enhance). Its score is upside: it is not escalated and not held to the
   * risk appetite.
   */
  isOpportunity(risk: RiskRecord): boolean;
  isOpenAction(action: ActionRecord): boolean;
  /**
   * Rows of actions sheets that belong to this risk (matched on folded id; a row may name several), and the
   * rows its register's Action Ref cell names by their Action Ref (see actionsByRef).
   */
  actionsFor(risk: RiskRecord): readonly ActionRecord[];
  /** The risk's id folded for matching (`idKey`), "" when it has none; worked out once per risk. */
  riskKey(risk: RiskRecord): string;
  /**
   * The risks, in register order, whose folded id is this risk's, when there are two or more (on any
   * registers); null for a risk whose id no other risk has, or that has none. Found with the ids' table,
   * so rules about ids shared between rows look only at the rows that share one.
   */
  sameKeyRisks(risk: RiskRecord): readonly RiskRecord[] | null;
  /** The risk's Update Log and Import Log entries, in the order they happened; found once per risk. */
  logEntries(risk: RiskRecord): LogEntries;
  /** The risk an action belongs to, if any register holds it. */
  riskFor(action: ActionRecord): RiskRecord | undefined;
  /** Every risk an action belongs to (an action may name several). */
  risksFor(action: ActionRecord): readonly RiskRecord[];
  /**
   * The risk's own actions on the register (Action Owner / Due Date / Status, one action a line, and the
   * actions text's lines that carry a due date: see readOwnActions); read once per risk, empty when none.
   */
  ownActions(risk: RiskRecord): readonly OwnAction[];
  /**
   * Newest of lastUpdated, dated lines of the update text, the month of a monthly update column, action
   * update dates and Update Log entries, of this row and, for an open risk, of the same risk's open rows on
   * other registers (SPEC "Latest update": a risk on several registers is one risk, updated on any of them);
   * null when none.
   */
  latestUpdate(risk: RiskRecord): DayNumber | null;
  /**
   * The row whose own updates give the risk's latest update (see latestUpdate): the risk itself when its
   * own are as new as any, else the same risk's row on the register that updated it last.
   */
  latestUpdateRow(risk: RiskRecord): RiskRecord;
  /**
   * True when the sheet dates its updates without a date column: some risk's update text has dated lines, or
   * the sheet keeps its updates month by month, one column per month (the sheet does not lack lastUpdated).
   */
  hasDatedUpdates(sheet: string): boolean;
  /** The newest date of the dated lines of the risk's update text ("12/09/22 – reviewed"); null when none. */
  datedUpdate(risk: RiskRecord): DayNumber | null;
  /**
   * Where the register keeps its updates month by month ("Update Sep-22"): the first day of the month the
   * risk's latest update is in (SPEC "Values": a month is its first day as a last-updated date); else null.
   */
  monthUpdate(risk: RiskRecord): DayNumber | null;
  /** The day an action was last updated: its update date, or the month of its latest monthly progress column. */
  actionUpdated(action: ActionRecord): DayNumber | null;
  /** True when two rows of registers are the same risk: same id, and on per-sheet numbered registers same title. */
  sameRisk(a: RiskRecord, b: RiskRecord): boolean;
  /** The RAG a score should carry: the workbook's own matrix where it has one, else the RAG bands. */
  expectedRag(risk: RiskRecord, score: number): Rag;
  /**
   * The RAG of a score alone (no likelihood and impact to place it): the own matrix's rating where all its
   * cells of that score agree, else the RAG bands.
   */
  ragOfScore(score: number): Rag;
  /** True when the workbook's own risk matrix sets the bands. */
  hasOwnMatrix: boolean;
  /**
   * The sheet's own Low / Medium / High scale where its rating column is one, not a RAG colour (the workbook's
   * own risk matrix aside, which sets every sheet's bands); null otherwise.
   */
  ownRatingScale(sheet: string): OwnRatingScale | null;
  /** A field's date, or null when blank or unreadable. */
  dateOf(record: SheetRecord<string>, field: string, meaning: DateMeaning): DayNumber | null;
  /**
   * A field's text when it was written as a date but cannot be read as one ("29/02/23", "31/02/2023": see
   * writtenAsDate), for a finding to quote; null when it reads as a date, is blank, a placeholder or words.
   */
  unreadableDate(record: SheetRecord<string>, field: string, meaning: DateMeaning): string | null;
  /** A field's number (likelihood and impact words read on their scales), or null. */
  numberOf(record: SheetRecord<string>, field: string): number | null;
  /**
   * The word scale a sheet's likelihood or impact words are read on: the Settings one, or Low 1, Medium 2,
   * High 3 on a register whose headers declare three points (see three-point-scale.ts).
   */
  scaleOf(sheet: string, factor: Factor): readonly ScaleWord[];
  /**
   * True when the sheet's strategy column is an allocation ("Allocation: Authority / Contractor / Shared"):
   * its parties are read as strategies, and name a transfer's recipient (see allocation-column.ts).
   */
  allocates(sheet: string): boolean;
  /** The words a sheet's likelihood, impact and strategy cells are read with (see SheetWords). */
  wordsOf(sheet: string): SheetWords;
  /** The record's id text as written (trimmed), or "". */
  riskId(risk: RiskRecord): string;
  /** The record's strategy read from its strategy cell (parsed once per distinct text). */
  strategyOf(record: SheetRecord<string>): ParseResult<Strategy>;
  /** True when the strategy cell names Transfer, leading or beside another ("Treat/Transfer"). */
  namesTransfer(record: SheetRecord<string>): boolean;
  /** What the workbook's logs and backups say (see src/core/history). */
  history: HistoryData;
  /** Each plan action's id, as findings name it ("2.1": numberPlanActions); worked out once per check. */
  planIds(): ReadonlyMap<SheetRecord<string>, string>;
}

/** The word scale (a setting) a likelihood or impact field is read on when its cell holds a word. */
const SCALE_OF_FIELD = new Map<string, "likelihood" | "impact">([
  ["likelihood", "likelihood"],
  ["inherentLikelihood", "likelihood"],
  ["targetLikelihood", "likelihood"],
  ["previousLikelihood", "likelihood"],
  ["impact", "impact"],
  ["inherentImpact", "impact"],
  ["targetImpact", "impact"],
  ["previousImpact", "impact"],
]);

/** Rows each sheet's records reach (its last record's first row + 1). */
function sheetRows(records: WorkbookRecords): Map<string, number> {
  const rows = new Map<string, number>();
  for (const list of [records.risks, records.actions, records.plan] as readonly SheetRecord<string>[][]) {
    // A list holds each sheet's records together: the map is asked once per run of one sheet.
    let sheet: string | null = null;
    let reach = 0;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.sheet !== sheet) {
        if (sheet !== null && reach > (rows.get(sheet) ?? 0)) rows.set(sheet, reach);
        sheet = r.sheet;
        reach = 0;
      }
      if (r.row + 1 > reach) reach = r.row + 1;
    }
    if (sheet !== null && reach > (rows.get(sheet) ?? 0)) rows.set(sheet, reach);
  }
  return rows;
}

/** What a risk no action names, and an action naming no risk, are linked to (shared). */
const NO_ACTIONS: readonly ActionRecord[] = [];
const NO_RISKS: readonly RiskRecord[] = [];

/** The first risk of a folded id, and where the actions naming it sit in the list of linked actions. */
interface IdLinks {
  risk: RiskRecord | undefined;
  /** `[risk]`, shared by the actions that name this id alone. */
  riskList: readonly RiskRecord[];
  /** How many actions name the id, and where they start in the linked list (see linkRisksAndActions). */
  count: number;
  start: number;
  /** Every risk of the id, in register order, once a second one has it (most ids are held once). */
  shared?: RiskRecord[];
}

/**
 * Each risk's folded id, each risk's actions and each action's risks, found once per check (several rules
 * ask for every one). One table by folded id, looked up once per action; an actions sheet lists a risk's
 * actions together, so an action naming the same id text as the one before reuses its ids and entry.
 * The actions of every id sit in one list, id by id: an id's actions are cut from it, at their exact
 * length, when first asked for (an array grown action by action holds room for 17).
 */
function linkRisksAndActions(records: WorkbookRecords) {
  const riskKeys = new PerRecord<RiskRecord, string>(records.risks);
  const byKey = new Map<string, IdLinks>();
  // Each risk's entry, kept by its place: asking for a risk's actions needs no look-up in the table.
  const linksOfRisk = new PerRecord<RiskRecord, IdLinks>(records.risks);
  for (let k = 0; k < records.risks.length; k++) {
    const r = records.risks[k];
    const key = idKey(rawValue(r, "id"));
    riskKeys.set(r, key);
    if (!key) continue;
    let links = byKey.get(key);
    if (!links) byKey.set(key, (links = { risk: r, riskList: [r], count: 0, start: 0 }));
    else (links.shared ??= [links.risk!]).push(r);
    linksOfRisk.set(r, links);
  }
  const risksOfAction = new PerRecord<ActionRecord, readonly RiskRecord[]>(records.actions);
  const linksOf = (key: string): IdLinks => {
    let links = byKey.get(key);
    if (!links) byKey.set(key, (links = { risk: undefined, riskList: NO_RISKS, count: 0, start: 0 }));
    return links;
  };
  // Each action's ids (consecutive actions naming the same text share one array), counted per id.
  const { actions } = records;
  const idsOfAction = new Array<IdLinks[]>(actions.length);
  let lastValue: CellValue | undefined;
  let lastLinks: IdLinks[] = [];
  for (let k = 0; k < actions.length; k++) {
    const a = actions[k];
    // The cell as written: ids one per line are a list (the field's text has its line breaks folded).
    const value = rawValue(a, "riskId");
    if (value !== lastValue) {
      lastValue = value;
      lastLinks = idsNamedIn(value).map(linksOf);
    }
    idsOfAction[k] = lastLinks;
    for (let l = 0; l < lastLinks.length; l++) lastLinks[l].count++;
    risksOfAction.set(
      a,
      lastLinks.length === 1 ? lastLinks[0].riskList : lastLinks.flatMap((l) => (l.risk ? [l.risk] : [])),
    );
  }
  const linked = groupById(actions, idsOfAction, byKey.values());
  /** The actions an id's entry counts (its run in `linked`). */
  const actionsOfLinks = (links: IdLinks | undefined): readonly ActionRecord[] =>
    links && links.count > 0 ? linked.slice(links.start, links.start + links.count) : NO_ACTIONS;
  /** The actions naming a risk's folded id (`key`, looked up only for a risk not among the check's risks). */
  const actionsOfRisk = (risk: RiskRecord, key: string): readonly ActionRecord[] =>
    actionsOfLinks(linksOfRisk.get(risk) ?? (key ? byKey.get(key) : undefined));
  const sameKeyRisks = (risk: RiskRecord): readonly RiskRecord[] | null =>
    linksOfRisk.get(risk)?.shared ?? null;
  /**
   * The actions naming any id a risk's id cell lists ("CRR 04" and "CRR 05", one a line, in one row of a
   * Word table): asked only for a risk none names by its whole cell.
   */
  const actionsOfListedIds = (risk: RiskRecord): readonly ActionRecord[] => {
    const value = rawValue(risk, "id");
    // A plain id ("HRC-001": see isPlainId) names one id: most risks stop here, splitting nothing.
    if (typeof value !== "string" || isPlainId(value)) return NO_ACTIONS;
    const keys = idsNamedIn(value);
    if (keys.length < 2) return NO_ACTIONS;
    return keys.flatMap((key) => actionsOfLinks(byKey.get(key)));
  };
  return { riskKeys, actionsOfRisk, risksOfAction, sameKeyRisks, actionsOfListedIds };
}

/**
 * The actions sheets' rows a register's Action Ref cell names ("A-101, A-102", SPEC's actionId on the actions
 * sheet): `named(cell)` gives them, in the actions' order. The table of rows by folded Action Ref is made the first
 * time a cell names one (most registers have no Action Ref column: their risks' cells are null).
 */
function actionsByRef(actions: readonly ActionRecord[]): (cell: CellValue) => readonly ActionRecord[] {
  let byKey: Map<string, ActionRecord[]> | undefined;
  return (cell) => {
    const keys = cell === null ? [] : idsNamedIn(cell);
    if (keys.length === 0) return NO_ACTIONS;
    if (byKey === undefined) {
      byKey = new Map();
      for (const a of actions) {
        const key = idKey(rawValue(a, "actionId"));
        if (!key) continue;
        const list = byKey.get(key);
        if (list) list.push(a);
        else byKey.set(key, [a]);
      }
    }
    const found = keys.flatMap((key) => byKey!.get(key) ?? NO_ACTIONS);
    return found.length === 0 ? NO_ACTIONS : found;
  };
}

/** A risk's actions by its id (`own`) and those its Action Ref cell names (`named`), each once, in that order. */
function withActionsNamed(
  own: readonly ActionRecord[],
  named: readonly ActionRecord[],
): readonly ActionRecord[] {
  if (named.length === 0) return own;
  const seen = new Set(own);
  const out = [...own];
  for (const a of named) {
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}

/**
 * The linked list: each id's actions together, in the actions' order, each id's `start` set to where its
 * actions begin (each count is set back to 0 and counted again as its actions are placed).
 */
function groupById(
  actions: readonly ActionRecord[],
  idsOfAction: readonly IdLinks[][],
  ids: Iterable<IdLinks>,
): ActionRecord[] {
  let total = 0;
  for (const links of ids) {
    links.start = total;
    total += links.count;
    links.count = 0;
  }
  const linked = new Array<ActionRecord>(total);
  for (let k = 0; k < actions.length; k++) {
    const named = idsOfAction[k];
    for (let l = 0; l < named.length; l++) linked[named[l].start + named[l].count++] = actions[k];
  }
  return linked;
}

/** Builds the context once per check. */
export function buildRuleContext(
  records: WorkbookRecords,
  layouts: Map<string, SheetLayout>,
  settings: Settings,
  asAt: DayNumber,
  history: HistoryData = emptyHistory(),
  facts: WorkbookFacts = { matrix: null, perSheetIds: new Set() },
): RuleContext {
  placeRecords(records.risks);
  placeRecords(records.actions);
  const { riskKeys, actionsOfRisk, risksOfAction, sameKeyRisks, actionsOfListedIds } =
    linkRisksAndActions(records);
  // Each risk's actions, found once per risk (most rules ask for every risk's).
  const actionsOf = new PerRecord<RiskRecord, readonly ActionRecord[]>(records.risks);
  const byRef = actionsByRef(records.actions);
  const actionsFor = (risk: RiskRecord): readonly ActionRecord[] => {
    let list = actionsOf.get(risk);
    if (list === undefined) {
      list = actionsOfRisk(risk, riskKey(risk));
      if (list.length === 0) list = actionsOfListedIds(risk);
      list = withActionsNamed(list, byRef(rawValue(risk, "actionRefs")));
      actionsOf.set(risk, list);
    }
    return list;
  };
  const riskKey = (risk: RiskRecord): string => {
    let key = riskKeys.get(risk);
    if (key === undefined) riskKeys.set(risk, (key = idKey(rawValue(risk, "id"))));
    return key;
  };
  // A risk's id as findings name it, read once per risk (most rules name the risk).
  const riskIds = new PerRecord<RiskRecord, string>(records.risks);
  // Dated lines of each risk's update text, read once.
  const datedLineMemo = new PerRecord<RiskRecord, DayNumber | null>(records.risks);
  const datedLine = (risk: RiskRecord): DayNumber | null => {
    let d = datedLineMemo.get(risk);
    if (d === undefined) {
      const value = rawValue(risk, "update");
      d = typeof value === "string" ? latestDatedLine(value, asAt) : null;
      datedLineMemo.set(risk, d);
    }
    return d;
  };
  // The month of each risk's latest monthly update column, read once (null for most registers: no such columns).
  const monthUpdates = new PerRecord<RiskRecord, DayNumber | null>(records.risks);
  const monthUpdate = (risk: RiskRecord): DayNumber | null => {
    let d = monthUpdates.get(risk);
    if (d === undefined) monthUpdates.set(risk, (d = fieldMonth(risk, "update")));
    return d;
  };
  let datedSheets: Set<string> | null = null;
  const entriesMemo = new PerRecord<RiskRecord, LogEntries>(records.risks);
  const logEntries = (risk: RiskRecord): LogEntries => {
    let entries = entriesMemo.get(risk);
    if (!entries) {
      entries = entriesOfRisk(history, risk.sheet, riskKey(risk));
      entriesMemo.set(risk, entries);
    }
    return entries;
  };
  /** The day of a risk's newest Update Log entry, from the history already read (no second pass over the log). */
  const lastLoggedDay = (risk: RiskRecord): DayNumber | null => {
    const { log, at } = logEntries(risk);
    return lastUpdateDay(log, at);
  };

  // Several rules and the summaries read the same cells: each cell is parsed once per reading (date
  // meaning, scale, state) into per-sheet, per-column typed arrays, NaN for "no value".
  const rowsOfSheet = sheetRows(records);
  const columns = new ColumnCache((sheet) => rowsOfSheet.get(sheet) ?? 0);
  const dateOf = (record: SheetRecord<string>, field: string, meaning: DateMeaning): DayNumber | null => {
    const col = fieldColumn(record, field);
    if (col === undefined) return null;
    const column = columns.column(record.sheet, meaning, col, record.row);
    let day: number;
    if (isKnown(column, record.row)) day = column.values[record.row];
    else day = store(column, record.row, fieldDate(record, field, meaning) ?? NaN);
    return Number.isNaN(day) ? null : day;
  };
  const ownLatestCache = new PerRecord<RiskRecord, DayNumber | null>(records.risks);
  /** Newest of the row's own update dates (see RuleContext.latestUpdate), read once per row. */
  const ownLatestUpdate = (risk: RiskRecord): DayNumber | null => {
    const known = ownLatestCache.get(risk);
    if (known !== undefined) return known;
    let best: DayNumber | null = dateOf(risk, "lastUpdated", "lastUpdated");
    const consider = (d: DayNumber | null) => {
      if (d !== null && (best === null || d > best)) best = d;
    };
    consider(datedLine(risk));
    consider(monthUpdate(risk));
    if (riskKey(risk)) {
      for (const a of actionsFor(risk)) consider(ctx.actionUpdated(a));
      consider(lastLoggedDay(risk));
    }
    ownLatestCache.set(risk, best);
    return best;
  };
  /**
   * The same risk's open rows on other registers, for an open risk: what its latest update is the newest of
   * besides its own. None for most risks (no other row shares the id: sameKeyRisks is null); two rows of one
   * register sharing an id are two risks (risk/duplicate-id), as the tabs count them.
   */
  const openRowsElsewhere = (risk: RiskRecord): readonly RiskRecord[] => {
    const same = sameKeyRisks(risk);
    if (same === null || !ctx.isOpenRisk(risk)) return NO_RISKS;
    return same.filter(
      (other) => other.sheet !== risk.sheet && ctx.isOpenRisk(other) && ctx.sameRisk(risk, other),
    );
  };
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
  // Where risks are kept closed or as opportunities: sheets decided once by the reader, headings once per text.
  const sheetsHolding = (holds: RegisterHolds) =>
    new Set([...layouts].filter(([, l]) => l.holds === holds).map(([name]) => name));
  const opportunitySheets = sheetsHolding("opportunities");
  const closedPlace = closedPlaceOf(layouts);
  const isArchived = (risk: RiskRecord): boolean => closedPlace(risk) !== null;
  // Each record's state, kept by its place: every rule asks whether each risk (or action) is open.
  const openRisks = new PerRecord<RiskRecord, boolean>(records.risks);
  const openActions = new PerRecord<ActionRecord, boolean>(records.actions);
  const actionOpen = memo((t) => parseActionState(t, settings) === "open");
  const ownActionsMemo = new PerRecord<RiskRecord, readonly OwnAction[]>(records.risks);
  // How a register's cells are read where its headers say so (three points, an allocation), once per sheet.
  const readings = sheetReadings(layouts, settings);
  const strategy = memo((t) => parseStrategy(t, settings.strategyWords));
  const transfers = memo((t) => strategiesNamed(t, settings.strategyWords).includes("transfer"));
  const allocationWords = allocationStrategyWords(settings.strategyWords);
  const allocated = memo((t) => parseStrategy(t, allocationWords));
  const allocatedTransfers = memo((t) => strategiesNamed(t, allocationWords).includes("transfer"));
  const numberMemo = (scale?: readonly ScaleWord[]) =>
    memo((t) => {
      const n = parseScore(t, scale);
      return n.ok ? n.value : null;
    });
  const plainNumber = numberMemo();
  // One reader per word scale (the Settings ones, three points), each text read once on it.
  const scaleNumbers = new Map<readonly ScaleWord[], (text: string) => number | null>();
  const scaleNumber = (sheet: string, factor: Factor): ((text: string) => number | null) => {
    const words = readings.scaleOf(sheet, factor);
    let read = scaleNumbers.get(words);
    if (!read) scaleNumbers.set(words, (read = numberMemo(words)));
    return read;
  };
  /** A field's number, NaN when blank or unreadable; words read on the field's scale. */
  const parseNumberCell = (
    record: SheetRecord<string>,
    field: string,
    scale?: "likelihood" | "impact",
  ): number => {
    const value = fieldValue(record, field);
    if (value === null) return NaN;
    if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
    const text = fieldText(record, field);
    const v = scale ? scaleNumber(record.sheet, scale)(text) : plainNumber(text);
    return v ?? NaN;
  };

  let planIds: ReadonlyMap<SheetRecord<string>, string> | undefined;
  const ctx: RuleContext = {
    planIds: () => (planIds ??= numberPlanActions(records.plan)),
    settings,
    asAt,
    reviewCutoff: subtractMonths(asAt, settings.reviewPeriodMonths),
    records,
    hasField: (sheet, field) => layouts.get(sheet)?.mapping?.fieldColumns.has(field) ?? false,
    fieldColumnOf: (sheet, field) => layouts.get(sheet)?.mapping?.fieldColumns.get(field),
    fieldHeaderOf: (sheet, field) =>
      layouts.get(sheet)?.mapping?.columns.find((c) => c.field === field)?.header,
    keptByMonth: (sheet, field) => keptByMonth(layouts.get(sheet)?.mapping, field),
    sheetsOfKind: (kind) => [...layouts.entries()].filter(([, l]) => l.kind === kind).map(([n]) => n),
    isOpenRisk(risk) {
      let open = openRisks.get(risk);
      if (open === undefined)
        openRisks.set(risk, (open = !isArchived(risk) && riskOpen(fieldText(risk, "status"))));
      return open;
    },
    sheetHolds: (sheet) => layouts.get(sheet)?.holds,
    isArchived,
    isEarlierRecord(risk) {
      if (!isArchived(risk)) return false;
      const rows = sameKeyRisks(risk)?.filter((other) => ctx.sameRisk(other, risk));
      return rows !== undefined && standingRow(rows, ctx.isOpenRisk, isArchived) !== risk;
    },
    isOpportunity(risk) {
      if (opportunitySheets.has(risk.sheet)) return true;
      const strategy = ctx.strategyOf(risk);
      return strategy.ok && strategy.value === "take";
    },
    isOpenAction(action) {
      let open = openActions.get(action);
      if (open === undefined) openActions.set(action, (open = actionOpen(fieldText(action, "status"))));
      return open;
    },
    actionsFor,
    riskKey,
    sameKeyRisks,
    logEntries,
    riskFor: (action) => ctx.risksFor(action)[0],
    risksFor: (action) => risksOfAction.get(action) ?? NO_RISKS,
    ownActions(risk) {
      let own = ownActionsMemo.get(risk);
      if (own === undefined) ownActionsMemo.set(risk, (own = readOwnActions(risk, actionOpen)));
      return own;
    },
    datedUpdate: datedLine,
    monthUpdate,
    actionUpdated: (action) => newerOfMonth(dateOf(action, "updated", "lastUpdated"), action, "update"),
    hasDatedUpdates(sheet) {
      if (!datedSheets) {
        datedSheets = new Set();
        for (const [name, layout] of layouts)
          if (keptByMonth(layout.mapping, "update")) datedSheets.add(name);
        for (const r of records.risks)
          if (!datedSheets.has(r.sheet) && datedLine(r) !== null) datedSheets.add(r.sheet);
      }
      return datedSheets.has(sheet);
    },
    sameRisk(a, b) {
      const ka = riskKey(a);
      if (!ka || ka !== riskKey(b)) return false;
      if (a.sheet === b.sheet || !facts.perSheetIds.has(sheetPairKey(a.sheet, b.sheet))) return true;
      return titleKey(a) === titleKey(b);
    },
    expectedRag(risk, score) {
      const m = facts.matrix;
      const rag = m
        ? matrixRag(m.cells, ctx.numberOf(risk, "likelihood"), ctx.numberOf(risk, "impact"), score)
        : null;
      return rag ?? ragFromScore(score, settings.rag);
    },
    ragOfScore(score) {
      const m = facts.matrix;
      return (m ? matrixRag(m.cells, null, null, score) : null) ?? ragFromScore(score, settings.rag);
    },
    hasOwnMatrix: facts.matrix !== null,
    ownRatingScale: (sheet) => (facts.matrix === null ? (facts.ownRatingScales?.get(sheet) ?? null) : null),
    latestUpdate(risk) {
      let best = ownLatestUpdate(risk);
      for (const other of openRowsElsewhere(risk)) {
        const d = ownLatestUpdate(other);
        if (d !== null && (best === null || d > best)) best = d;
      }
      return best;
    },
    latestUpdateRow(risk) {
      const own = ownLatestUpdate(risk);
      const latest = ctx.latestUpdate(risk);
      if (latest === own) return risk;
      return openRowsElsewhere(risk).find((other) => ownLatestUpdate(other) === latest) ?? risk;
    },
    dateOf,
    unreadableDate(record, field, meaning) {
      if (dateOf(record, field, meaning) !== null) return null;
      const text = fieldText(record, field);
      return text !== "" && writtenAsDate(text) ? text : null;
    },
    numberOf(record, field) {
      const col = fieldColumn(record, field);
      if (col === undefined) return null;
      const scale = SCALE_OF_FIELD.get(field);
      const column = columns.column(record.sheet, scale ?? "plain", col, record.row);
      const n = isKnown(column, record.row)
        ? column.values[record.row]
        : store(column, record.row, parseNumberCell(record, field, scale));
      return Number.isNaN(n) ? null : n;
    },
    riskId(risk) {
      let id = riskIds.get(risk);
      if (id === undefined) riskIds.set(risk, (id = fieldText(risk, "id")));
      return id;
    },
    scaleOf: readings.scaleOf,
    allocates: readings.allocates,
    wordsOf: readings.wordsOf,
    strategyOf: (record) =>
      (readings.allocates(record.sheet) ? allocated : strategy)(fieldText(record, "strategy")),
    namesTransfer: (record) =>
      (readings.allocates(record.sheet) ? allocatedTransfers : transfers)(fieldText(record, "strategy")),
    history,
  };
  return ctx;
}
