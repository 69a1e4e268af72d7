// Reads every sheet of a workbook: detects its kind, resolves ambiguous columns, reads its records.

import { DATE_FIELDS, type SheetKind } from "../model/fields";
import { fillMergedAreas, type CellValue, type Grid } from "../model/grid";
import {
  dropMadeField,
  fieldText,
  rawCell,
  rawText,
  rawValue,
  renameMadeField,
  type ActionRecord,
  type MonthColumn,
  type PlanRecord,
  type RiskRecord,
  type SheetRecord,
} from "../model/records";
import type { WorkbookRecords } from "../model/report";
import type { ScaleWord, Settings } from "../model/settings";
import type { SheetInfo } from "../model/sheet-info";
import { OWNED_TAB_NAMES } from "../model/owned-tab";
import {
  FACTOR_MAX,
  onScale,
  parseDate,
  parseDateCell,
  parseScore,
  parseStrategy,
  type DayNumber,
} from "../parse";
import { leadingWord } from "../parse/words";
import { MonthFirstVote } from "../parse/month-first";
import { columnLetter } from "../address/a1";
import { findRegisterCopies, type RegisterCopy } from "../history/backups";
import { allocationStrategyWords, isAllocationHeader } from "./allocation-column";
import { isBlank } from "./cell-text";
import { detectSheet, type SheetLayout } from "./detect-sheet";
import { formulasWithoutResultsInfo } from "./formula-results";
import { headerWords } from "./header-words";
import { ownRatingScale, type OwnRatingScale } from "./own-rating-scale";
import { bindMonthFamilies, monthColumnsInfo, readableMonths } from "./month-columns";
import { findPerSheetNumbering } from "./per-sheet-ids";
import { readCsvSerials } from "./csv-serials";
import { resolvePlanColumns } from "./plan-columns";
import { readTable, type TableStructure } from "./read-table";
import { namesClosedRisks, withRegisterContents } from "./register-contents";
import { findRiskMatrix, searchedForMatrix, type RiskMatrix } from "./risk-matrix";
import { readsOnThreePoints, THREE_POINT_WORDS } from "./three-point-scale";

export interface ReadWorkbookResult {
  sheets: SheetInfo[];
  records: WorkbookRecords;
  /** Layout per sheet name, for rules that need to know which fields a sheet has. */
  layouts: Map<string, SheetLayout>;
  /** The workbook's own risk matrix, when one of its sheets holds one. */
  matrix: RiskMatrix | null;
  /** Pairs of register sheets (sheetPairKey) whose ids are numbered per sheet. */
  perSheetIds: Set<string>;
  /** Register sheets whose rating column is their own Low / Medium / High scale, not RAG colours: each scale. */
  ownRatingScales: Map<string, OwnRatingScale>;
  /** The Update Log sheets (the add-in's, or kept by hand), left in the grid for the history to read by columns. */
  updateLogs: UpdateLogSheet[];
  /** Register sheets officers copied and dated by hand, by name: history (like the dated backups), not registers. */
  registerCopies: ReadonlyMap<string, RegisterCopy>;
}

/** An Update Log sheet: its grid (merged areas filled) and where its header and fields are. */
export interface UpdateLogSheet {
  grid: Grid;
  headerRow: number;
  fieldColumns: ReadonlyMap<string, number>;
  /**
   * A log kept in wide form, a row per risk and a column per month ("Risk ID | Jul-22 | Aug-22 | Sep-22"): its
   * month columns up to the as-at date, oldest first; absent for a log of a row per update.
   */
  months?: readonly MonthColumn[];
}

/**
 * A bare "Review Date" column is a last-updated date when most of its dates are before the as-at
 * date, else a next-review date (SPEC "Fields"). Where the sheet has both already, it is neither: a
 * column no field reads (never shown as "reviewDate", which is no field of SPEC's).
 */
function resolveReviewDate(layout: SheetLayout, records: SheetRecord<string>[], asAt: DayNumber): void {
  const m = layout.mapping;
  if (!m || !m.fieldColumns.has("reviewDate")) return;
  const col = m.fieldColumns.get("reviewDate")!;
  let before = 0;
  let after = 0;
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    const c = rawCell(r, "reviewDate");
    if (!c) continue;
    const d = parseDateCell(c, "lastUpdated");
    if (!d.ok) continue;
    if (d.value < asAt) before++;
    else after++;
  }
  const wanted = before >= after && before > 0 ? "lastUpdated" : "nextReview";
  const field = m.fieldColumns.has(wanted)
    ? wanted === "lastUpdated"
      ? "nextReview"
      : "lastUpdated"
    : wanted;
  const both = m.fieldColumns.has(field);
  m.fieldColumns.delete("reviewDate");
  if (!both) m.fieldColumns.set(field, col);
  const mc = m.columns.find((c) => c.col === col);
  if (mc) mc.field = both ? null : field;
  if (!both) renameMadeField(records, "reviewDate", field);
}

/** A rating written as its score, or as its score with its word in brackets (JCAD: "16 (Red)"). */
const SCORE_RATING = /^\s*\d{1,2}\s*(?:\(\s*[A-Za-z][A-Za-z ]*\))?\s*$/;

/**
 * A "Risk Rating" column is a RAG word by SPEC, but some registers put the number there, alone or with
 * its word ("16 (Red)"): when most of its values are numbers 1–25 and no score column was found, it is
 * read as the score (whose band is the word's).
 */
function resolveNumericRating(layout: SheetLayout, records: SheetRecord<string>[]): void {
  const m = layout.mapping;
  if (!m || !m.fieldColumns.has("rag") || m.fieldColumns.has("score")) return;
  let numbers = 0;
  let words = 0;
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    const v = rawValue(r, "rag");
    if (typeof v === "number" && v >= 1 && v <= 25) numbers++;
    else if (typeof v === "string" && SCORE_RATING.test(v)) numbers++;
    else if (typeof v === "string" && v.trim()) words++;
  }
  if (numbers <= words) return;
  const col = m.fieldColumns.get("rag")!;
  m.fieldColumns.delete("rag");
  m.fieldColumns.set("score", col);
  const mc = m.columns.find((c) => c.col === col);
  if (mc) mc.field = "score";
  renameMadeField(records, "rag", "score");
}

/** A money column's header naming its unit or an amount: "(£)", "£k", "Cost", "Value", "Amount". */
const MONEY_HEADER = /£|\b(?:cost|value|amount|gbp|pounds?|k|m)\b/i;

/**
 * A register that scores impact per dimension ("Impact - Financial", "Impact - Reputation" beside an
 * impact) rates the financial one 1–5: when the financial impact column's header names no unit or amount
 * and its every value is a whole number 1–5 shown as a plain number, it is a rating, not pounds, and is
 * left unmapped (kept and shown as a column no field reads).
 */
function resolveImpactRating(layout: SheetLayout, records: SheetRecord<string>[]): void {
  const m = layout.mapping;
  if (!m || layout.kind !== "risk-register" || !m.fieldColumns.has("financialImpact")) return;
  if (!m.fieldColumns.has("impact") && !m.fieldColumns.has("likelihood")) return;
  const col = m.fieldColumns.get("financialImpact")!;
  const mc = m.columns.find((c) => c.col === col);
  if (!mc || MONEY_HEADER.test(mc.header)) return;
  let ratings = 0;
  for (let k = 0; k < records.length; k++) {
    const cell = rawCell(records[k], "financialImpact");
    if (!cell || isBlank(cell.value)) continue;
    const v = typeof cell.value === "string" ? Number(cell.value.trim()) : cell.value;
    const plain = cell.format === null || cell.format === "General" || cell.format === "0";
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 5 || !plain) return;
    ratings++;
  }
  if (ratings === 0) return;
  m.fieldColumns.delete("financialImpact");
  mc.field = null;
  dropMadeField(records, "financialImpact");
}

/**
 * The other way round: a bare "Rating" under a Current Risk group (or "Current Rating") is read as the score
 * (map-headers), but some registers put the RAG word there. When most of its values are words with no
 * number and no RAG column was found, it is read as the RAG.
 */
function resolveWordRating(layout: SheetLayout, records: SheetRecord<string>[]): void {
  const m = layout.mapping;
  if (!m || layout.kind !== "risk-register" || !m.fieldColumns.has("score") || m.fieldColumns.has("rag"))
    return;
  const col = m.fieldColumns.get("score")!;
  const mc = m.columns.find((c) => c.col === col);
  const words = mc ? headerWords(mc.header) : [];
  if (!words.includes("rating") || words.includes("score")) return;
  let numbers = 0;
  let wordValues = 0;
  for (let k = 0; k < records.length; k++) {
    const v = rawValue(records[k], "score");
    if (typeof v === "number") numbers++;
    else if (typeof v === "string" && v.trim()) {
      if (/\d/.test(v)) numbers++;
      else wordValues++;
    }
  }
  if (wordValues <= numbers) return;
  m.fieldColumns.delete("score");
  m.fieldColumns.set("rag", col);
  if (mc) mc.field = "rag";
  renameMadeField(records, "score", "rag");
}

/**
 * Moves a column the headers gave one field to another (`to` null: to no field), on the mapping and on the
 * records made with it, once its cells have shown what it holds.
 */
function remapColumn(
  layout: SheetLayout,
  records: SheetRecord<string>[],
  from: string,
  to: string | null,
): void {
  const m = layout.mapping!;
  const col = m.fieldColumns.get(from)!;
  m.fieldColumns.delete(from);
  if (to !== null) m.fieldColumns.set(to, col);
  const mc = m.columns.find((c) => c.col === col);
  if (mc) mc.field = to;
  if (to === null) dropMadeField(records, from);
  else renameMadeField(records, from, to);
}

/**
 * True for an impact cell that rates: a number, or text starting with a rating on the 1–5 scale, a number or
 * a word of `words` ("4", "Major", "Major – £250k loss to the contract", "4 – Major: …"). Text whose only
 * number is in its words ("Reputational damage – £250k loss") is prose.
 */
function isImpactRating(v: CellValue, words: readonly ScaleWord[]): boolean {
  const p = parseScore(v, words);
  return p.ok && (typeof v === "number" || onScale(p.value, FACTOR_MAX));
}

/**
 * An impact column of prose ("Consequences": "Reputational damage; CQC registration conditions") says what
 * would happen, not how badly on the 1–5 scale: when most of its values do not rate (see isImpactRating: a
 * scale word or number first, its meaning after it, rates), it is no impact. It is the risk's description
 * where the sheet has none, else a column no field reads.
 */
function resolveProseImpact(layout: SheetLayout, records: SheetRecord<string>[], settings: Settings): void {
  const m = layout.mapping;
  if (!m || layout.kind !== "risk-register" || !m.fieldColumns.has("impact")) return;
  let ratings = 0;
  let prose = 0;
  // A register declaring three points ("Impact (L/M/H)") rates in its own words ("H", "Med").
  const words = readsOnThreePoints(layout) ? THREE_POINT_WORDS : settings.impactWords;
  for (let k = 0; k < records.length; k++) {
    const v = rawValue(records[k], "impact");
    if (isBlank(v)) continue;
    if (isImpactRating(v, words)) ratings++;
    else prose++;
  }
  if (prose <= ratings) return;
  remapColumn(layout, records, "impact", m.fieldColumns.has("description") ? null : "description");
}

/**
 * A PFI matrix's allocation column is its strategy only where it allocates the risks (see allocation-column.ts):
 * when most of its filled cells name neither a party nor a strategy ("Allocation | Jo Smith", a number), it is
 * no strategy column, and the register lacks one. Read once per sheet, each distinct text once; an officer's
 * correction stands.
 */
function resolveAllocationColumn(
  layout: SheetLayout,
  records: SheetRecord<string>[],
  settings: Settings,
): void {
  const m = layout.mapping;
  if (!m || layout.kind !== "risk-register" || !m.fieldColumns.has("strategy")) return;
  const col = m.fieldColumns.get("strategy")!;
  const mc = m.columns.find((c) => c.col === col);
  if (!mc || mc.source !== "header" || !isAllocationHeader(mc.header)) return;
  const words = allocationStrategyWords(settings.strategyWords);
  const read = new Map<string, boolean>();
  let allocations = 0;
  let others = 0;
  for (let k = 0; k < records.length; k++) {
    const text = fieldText(records[k], "strategy");
    if (!text) continue;
    let allocates = read.get(text);
    if (allocates === undefined) read.set(text, (allocates = parseStrategy(text, words).ok));
    if (allocates) allocations++;
    else others++;
  }
  if (others > allocations) remapColumn(layout, records, "strategy", null);
}

/**
 * A "Risk Status" column in which risk owners record the 4T (Reading's risk cards: Treat, Tolerate,
 * Transfer) is the strategy: when the sheet has no strategy column and every filled status is a strategy
 * word and none a status word (Open, Closed, Transferred …), it is read as the strategy.
 */
function resolveStrategyStatus(
  layout: SheetLayout,
  records: SheetRecord<string>[],
  settings: Settings,
): void {
  const m = layout.mapping;
  if (
    !m ||
    layout.kind !== "risk-register" ||
    !m.fieldColumns.has("status") ||
    m.fieldColumns.has("strategy")
  )
    return;
  const statusWords = [...settings.openStatusWords, ...settings.closedStatusWords];
  let strategies = 0;
  for (let k = 0; k < records.length; k++) {
    const text = fieldText(records[k], "status");
    if (!text) continue;
    if (!parseStrategy(text, settings.strategyWords).ok || leadingWord(text, statusWords)) return;
    strategies++;
  }
  if (strategies > 0) remapColumn(layout, records, "status", "strategy");
}

const WHOLE_TEXT = { noteAfter: false } as const;

/** Per kind, the update-text field and the date field a header such as "Last Update" may mean. */
const UPDATE_TEXT_AND_DATE: Partial<Record<SheetKind, [string, string]>> = {
  "risk-register": ["update", "lastUpdated"],
  actions: ["update", "updated"],
};

/** True for text of several lines, or of many words: an update history rather than a date with a note. */
function isUpdateHistory(value: unknown): boolean {
  return typeof value === "string" && (/[\r\n]/.test(value.trim()) || value.trim().split(/\s+/).length > 6);
}

/**
 * "Last Update" may hold the update's words or its date. When a sheet has no date column for updates and
 * most of the update column's cells are dates, it is the date column.
 */
function resolveUpdateDates(layout: SheetLayout, records: SheetRecord<string>[]): void {
  const m = layout.mapping;
  const pair = UPDATE_TEXT_AND_DATE[layout.kind];
  if (!m || !pair) return;
  const [textField, dateField] = pair;
  if (!m.fieldColumns.has(textField) || m.fieldColumns.has(dateField)) return;
  let dates = 0;
  let other = 0;
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    const c = rawCell(r, textField);
    if (!c || !c.text) continue;
    // An update history ("28/09/22 – reviewed at RMB" a line) starts with a date but is words.
    if (isUpdateHistory(c.value)) other++;
    else if (parseDate(c.value, c.format, "lastUpdated", WHOLE_TEXT).ok) dates++;
    else other++;
  }
  if (dates <= other) return;
  const col = m.fieldColumns.get(textField)!;
  m.fieldColumns.delete(textField);
  m.fieldColumns.set(dateField, col);
  const mc = m.columns.find((c) => c.col === col);
  if (mc) mc.field = dateField;
  renameMadeField(records, textField, dateField);
}

/**
 * A date column in which some value can only be month first (09/30/2022) and none can only be day
 * first (30/09/2022) was exported month first (a US-configured server): its cells are marked so, and
 * read month first as a whole. Returns the letters of such columns.
 */
export function readMonthFirstColumns(layout: SheetLayout, records: SheetRecord<string>[]): string[] {
  const m = layout.mapping;
  if (!m) return [];
  const letters: string[] = [];
  for (const f of DATE_FIELDS) {
    const col = m.fieldColumns.get(f);
    if (col === undefined) continue;
    const vote = new MonthFirstVote();
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      if (typeof rawValue(r, f) === "string" && !vote.add(rawText(r, f))) break;
    }
    if (!vote.monthFirst) continue;
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      const c = r.fields[f];
      if (c && c.col === col) c.monthFirst = true;
    }
    letters.push(columnLetter(col));
  }
  return letters.sort((x, y) => x.length - y.length || x.localeCompare(y));
}

/** What the sheet list says of every sheet; `recordCount` is the records read (an Update Log's are counted by the history). */
function sheetInfoOf(raw: Grid, layout: SheetLayout, recordCount: number): SheetInfo {
  const formulasWithoutResults = formulasWithoutResultsInfo(raw);
  return {
    name: raw.sheetName,
    kind: layout.kind,
    headerRow: layout.headerRow,
    columns: layout.mapping?.columns ?? [],
    unmapped:
      layout.mapping?.columns.filter((c) => c.field === null && c.month === undefined).map((c) => c.header) ??
      [],
    recordCount,
    note: layout.note,
    ...(raw.owned ? { owned: true as const } : {}),
    ...(layout.holds ? { holds: layout.holds } : {}),
    ...(raw.mergesUnread ? { mergesUnread: raw.mergesUnread } : {}),
    ...(formulasWithoutResults ? { formulasWithoutResults } : {}),
  };
}

/** A table's section headings as the sheet list shows them: on a register, those saying the risks under them are closed marked so. */
function sectionsOf(layout: SheetLayout, structure: TableStructure): NonNullable<SheetInfo["sections"]> {
  if (layout.kind !== "risk-register") return structure.sections;
  return structure.sections.map((s) => (namesClosedRisks(s.text) ? { ...s, closed: true as const } : s));
}

function isOwnedTab(grid: Grid): boolean {
  return grid.owned === true;
}

/** Reads all sheets; owned tabs are never taken for registers (only the Update Log is read from them). */
export function readWorkbook(grids: Grid[], settings: Settings, asAt: DayNumber): ReadWorkbookResult {
  const records: WorkbookRecords = { risks: [], actions: [], plan: [] };
  const updateLogs: UpdateLogSheet[] = [];
  const sheets: SheetInfo[] = [];
  const layouts = new Map<string, SheetLayout>();
  let matrix: RiskMatrix | null = null;
  const ownRatingScales = new Map<string, OwnRatingScale>();
  for (const raw of grids) {
    const grid = fillMergedAreas(raw);
    // The add-in's own tabs are read only for the Update Log among them.
    let layout = detectSheet(grid, settings.columnCorrections, isOwnedTab(grid) ? ["update-log"] : undefined);
    if (isOwnedTab(grid) && layout.kind !== "update-log") {
      layout = {
        kind: "unknown",
        headerRow: null,
        mapping: null,
        headerCells: [],
        note: "the add-in's own tab",
      };
    }
    // A register named as closed risks or opportunities says so; an issues log is not checked as one.
    if (!isOwnedTab(grid)) layout = withRegisterContents(layout, grid.sheetName);
    if (
      !isOwnedTab(grid) &&
      layout.kind === "update-log" &&
      grid.sheetName !== OWNED_TAB_NAMES["update-log"]
    ) {
      layout = { ...layout, note: `${layout.note}; read as an update log` };
    }
    if (layout.kind === "update-log" && layout.mapping && layout.headerRow !== null) {
      // A log of 100k rows is read by the history straight from its columns: no record per row.
      bindMonthFamilies(layout.mapping, asAt);
      const months = readableMonths(layout.mapping, "text");
      const { fieldColumns } = layout.mapping;
      updateLogs.push({ grid, headerRow: layout.headerRow, fieldColumns, ...(months ? { months } : {}) });
      layouts.set(grid.sheetName, layout);
      const monthColumns = monthColumnsInfo(layout.mapping);
      sheets.push({ ...sheetInfoOf(raw, layout, 0), ...(monthColumns.length > 0 ? { monthColumns } : {}) });
      continue;
    }
    if (isOwnedTab(grid)) {
      // The add-in's other tabs (an Import Log of 100k rows, a backup of the register) hold no records: the
      // history reads the Import Log and the backups straight from their grids.
      layouts.set(grid.sheetName, layout);
      sheets.push(sheetInfoOf(raw, layout, 0));
      continue;
    }
    bindMonthFamilies(layout.mapping, asAt);
    const structure: TableStructure = { sections: [], setAside: [] };
    const rows = readTable<string>(grid, layout, structure);
    readCsvSerials(grid, layout, rows);
    resolvePlanColumns(grid, layout, rows, settings.columnCorrections);
    const monthFirstColumns = readMonthFirstColumns(layout, rows);
    const ownMatrix: RiskMatrix | null =
      !matrix && searchedForMatrix(grid, layout) ? findRiskMatrix(grid) : null;
    if (ownMatrix) {
      matrix = ownMatrix;
      layout = {
        ...layout,
        note: "the workbook's own risk matrix: its ratings set the RAG bands for this workbook",
      };
    }
    resolveReviewDate(layout, rows, asAt);
    resolveNumericRating(layout, rows);
    resolveWordRating(layout, rows);
    resolveImpactRating(layout, rows);
    resolveProseImpact(layout, rows, settings);
    resolveAllocationColumn(layout, rows, settings);
    resolveStrategyStatus(layout, rows, settings);
    resolveUpdateDates(layout, rows);
    const ownScale = layout.kind === "risk-register" ? ownRatingScale(rows, settings.rag) : null;
    if (ownScale) {
      ownRatingScales.set(grid.sheetName, ownScale);
      const col = layout.mapping!.fieldColumns.get("rag")!;
      const header = layout.mapping!.columns.find((c) => c.col === col)?.header ?? "rating";
      layout = {
        ...layout,
        note: `${layout.note}; "${header}" is the register's own Low/Medium/High scale, whose bands differ from the RAG bands by design: checked against its own bands, as its other risks are rated, not as a RAG colour`,
      };
    }
    layouts.set(grid.sheetName, layout);
    pushRecords(layout.kind, rows, records);
    const monthColumns = monthColumnsInfo(layout.mapping);
    sheets.push({
      ...sheetInfoOf(raw, layout, rows.length),
      ...(structure.sections.length ? { sections: sectionsOf(layout, structure) } : {}),
      ...(structure.setAside.length ? { setAside: structure.setAside } : {}),
      ...(structure.emptyHeadings ? { emptyHeadings: structure.emptyHeadings } : {}),
      ...(ownMatrix ? { riskMatrix: true } : {}),
      ...(ownRatingScales.has(grid.sheetName) ? { ownRatingScale: true as const } : {}),
      ...(monthFirstColumns.length > 0 ? { monthFirstColumns } : {}),
      ...(monthColumns.length > 0 ? { monthColumns } : {}),
    });
  }
  const registerCopies = findRegisterCopies(layouts, grids);
  if (registerCopies.size > 0) setCopiesAside(registerCopies, records, layouts, sheets, ownRatingScales);
  return {
    sheets,
    records,
    layouts,
    matrix,
    perSheetIds: findPerSheetNumbering(records.risks),
    ownRatingScales,
    updateLogs,
    registerCopies,
  };
}

/**
 * Takes officers' dated copies of a register out of the registers read (SPEC: the dated backups are
 * history, "never taken for registers"): their risks are no records, and the sheet list says what each was
 * taken as. The history reads them as it reads a backup.
 */
function setCopiesAside(
  copies: ReadonlyMap<string, RegisterCopy>,
  records: WorkbookRecords,
  layouts: Map<string, SheetLayout>,
  sheets: SheetInfo[],
  ownRatingScales: Map<string, OwnRatingScale>,
): void {
  records.risks = records.risks.filter((r) => !copies.has(r.sheet));
  for (const [name, copy] of copies) {
    const layout: SheetLayout = {
      kind: "unknown",
      headerRow: null,
      mapping: null,
      headerCells: [],
      note: copy.superseded
        ? `an earlier state of "${copy.register}", last reviewed ${copy.dated}, under its header: read as history, as a dated backup is, not as a live register`
        : `a copy of "${copy.register}" dated ${copy.dated}, under its header: read as history, as a dated backup is, not as a live register`,
    };
    layouts.set(name, layout);
    ownRatingScales.delete(name);
    const at = sheets.findIndex((s) => s.name === name);
    const { mergesUnread } = sheets[at];
    sheets[at] = {
      name,
      kind: layout.kind,
      headerRow: null,
      columns: [],
      unmapped: [],
      recordCount: 0,
      note: layout.note,
      historyCopy: { register: copy.register, dated: copy.dated },
      ...(mergesUnread ? { mergesUnread } : {}),
    };
  }
}

function pushRecords(kind: SheetKind, rows: SheetRecord<string>[], into: WorkbookRecords): void {
  switch (kind) {
    case "risk-register":
      for (let k = 0; k < rows.length; k++) into.risks.push(rows[k] as RiskRecord);
      break;
    case "actions":
      for (let k = 0; k < rows.length; k++) into.actions.push(rows[k] as ActionRecord);
      break;
    case "improvement-plan":
      for (let k = 0; k < rows.length; k++) into.plan.push(rows[k] as PlanRecord);
      break;
    default:
      break;
  }
}
