// Reads a table's data rows into records: skips blank, help-text and repeated header rows, joins
// continuation rows, carries plan aims down, realigns shifted plan rows (SPEC "Reading sheets"); sets
// aside section headings and totals rows, joins rows under a merged id, reads colour-only RAG cells
// (SPEC "Real registers").

import { isDateField, type SheetKind } from "../model/fields";
import { cellAt, formatAt, hasFormula, type CellValue, type Grid, type MergedArea } from "../model/grid";
import {
  type AimHeading,
  GridRecord,
  type MonthKept,
  type RecordCell,
  type RecordSource,
  type SheetRecord,
} from "../model/records";
import type { Rag } from "../model/owned-tab";
import type { SetAsideRow } from "../model/sheet-info";
import { parseDate, parsePlanStatus, ragFromColour } from "../parse";
import { isPlaceholder } from "../parse/placeholder";
import { cellText, isBlank, shownText } from "./cell-text";
import type { SheetLayout } from "./detect-sheet";
import { headerWords } from "./header-words";
import { headingNamesNoCategory } from "./heading-category";
import { monthColumnsOf } from "./month-columns";
import {
  continuesNoteRows,
  registerNoteRow,
  isSignOffRow,
  isTotalsRow,
  mergedTails,
  noteRowKind,
  numberedHeading,
  planHeading,
  sectionHeading,
  type TableSpan,
} from "./table-structure";

/** What a table held besides its records: section headings and rows set aside. */
export interface TableStructure {
  sections: { row: number; text: string }[];
  setAside: SetAsideRow[];
  /** On a register, headings with no record under them (see SheetInfo.emptyHeadings). */
  emptyHeadings?: { row: number; text: string }[];
}

const RAG_WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

/** Fields whose presence shows a row is a record of its own rather than the tail of the one before. */
const ANCHOR_FIELDS: Record<Exclude<SheetKind, "unknown">, string[]> = {
  "improvement-plan": ["no", "date", "leadDirector", "leadOfficer"],
  "risk-register": ["id", "owner", "raised", "lastUpdated", "likelihood", "impact", "score"],
  actions: ["riskId", "actionId", "due", "owner"],
  "update-log": ["date", "riskId"],
};

/** The id-like field whose emptiness marks a help-text row. */
const ID_FIELD: Record<Exclude<SheetKind, "unknown">, string> = {
  "improvement-plan": "no",
  "risk-register": "id",
  actions: "riskId",
  "update-log": "riskId",
};

/** Fields a shifted plan row holds, in order, when read left to right. */
const SHIFTED_PLAN_FIELDS = ["action", "date", "leadDirector", "leadOfficer", "status", "evidence"];
/** Plan fields carried down from the row above until a new value appears. */
const CARRIED_PLAN_FIELDS = ["no", "aim", "background"];
/** Plan fields that make a row an action: a row with none of them (only No, aim, background) is the aim's own. */
const PLAN_ACTION_FIELDS = ["action", "date", "leadDirector", "leadOfficer", "status", "evidence"];
/** Plan fields whose own value on a row under a merged No makes the row an action of its own. */
const PLAN_OWN_ACTION_FIELDS = ["date", "leadDirector", "leadOfficer"];
/** Plan fields a lone sentence may sit in and still be part of the plan (an aim's row, an action). */
const PLAN_TEXT_FIELDS = ["no", "aim", "background", "action"];

/** The record cell of a grid's cell: its value, its text as shown, its format and its place. */
export function makeCell(grid: Grid, row: number, col: number): RecordCell {
  const value: CellValue = cellAt(grid, row, col);
  const format = formatAt(grid, row, col);
  const cell: RecordCell = { value, text: shownText(value, format), format, row, col };
  // A write keeps a formula (SPEC "Formulas"): the meeting logs what the cell will hold, not what it was sent.
  if (grid.formulas && hasFormula(grid, row, col)) cell.formula = true;
  return cell;
}

/**
 * The cells of a row's mapped fields that hold something, by field; a field kept month by month is read from
 * the row's newest filled month (`months`).
 */
function rowCells(
  grid: Grid,
  row: number,
  fieldColumns: Map<string, number>,
  months?: MonthKept,
): Map<string, RecordCell> {
  const fields = new Map<string, RecordCell>();
  for (const [field, mapped] of fieldColumns) {
    const col = months ? months.current(mapped, row) : mapped;
    if (cellAt(grid, row, col) !== null) fields.set(field, makeCell(grid, row, col));
  }
  return fields;
}

/** True when some mapped column of the row holds a value. */
function hasMappedValue(grid: Grid, row: number, fieldColumns: Map<string, number>): boolean {
  for (const col of fieldColumns.values()) if (cellAt(grid, row, col) !== null) return true;
  return false;
}

/** Reads a table's cells on demand for its records (see GridRecord). */
function gridSource(
  grid: Grid,
  fieldColumns: Map<string, number>,
  unmapped: { col: number; header: string }[],
  months: MonthKept | undefined,
): RecordSource {
  // Each cell's text is worked out once, in a column of texts made when the column is first read: the
  // rules read the same few fields (id, status, owner…) of every record many times. Grids are not changed
  // once read, so a text never goes stale.
  const texts: (string | undefined)[][] = [];
  const text = (row: number, col: number): string => {
    const r = row - grid.rowOffset;
    if (r < 0 || r >= grid.values.length) return "";
    const column = (texts[col] ??= new Array<string | undefined>(grid.values.length));
    let t = column[r];
    if (t === undefined) {
      const value = cellAt(grid, row, col);
      // Only a number 0–1 can be a percentage worth reading so (100 % is stored as 1): dates and scores
      // need no look at their format.
      column[r] = t =
        typeof value === "number" && value >= 0 && value <= 1
          ? shownText(value, formatAt(grid, row, col))
          : cellText(value);
    }
    return t;
  };
  return {
    fieldColumns,
    ...(grid.merges?.length ? { merges: grid.merges } : {}),
    ...(months ? { months } : {}),
    value: (row, col) => cellAt(grid, row, col),
    text,
    format: (row, col) => formatAt(grid, row, col),
    cell: (row, col) => makeCell(grid, row, col),
    fields: (row) => fieldObject(fieldColumns, rowCells(grid, row, fieldColumns, months)),
    extras(row) {
      const extras = new Map<string, RecordCell>();
      for (const u of unmapped) {
        const c = makeCell(grid, row, u.col);
        if (c.text) extras.set(u.header, c);
      }
      return extras;
    },
  };
}

/**
 * True for a row that shows nothing: blank cells, or zeros alone (a template's =D5*E5 copied down empty
 * rows, its 0 hidden by a format such as 0;-0;;@). No risk is zeros alone.
 */
function rowIsBlank(grid: Grid, row: number): boolean {
  const r = grid.values[row - grid.rowOffset];
  return !r || r.every(isBlankOrZero);
}
const isBlankOrZero = (v: CellValue) => v === 0 || isBlank(v);

/** Header cells with their match keys worked out once, for spotting repeated header rows. */
interface HeaderProbe {
  cells: { col: number; text: string; folded: string }[];
  needed: number;
  /** Folded texts of the cells compared so far: a column repeats the same few words down thousands of rows. */
  folds: Map<string, string>;
}

/** A header's letters and digits, lower case: repeated header rows are copies, so this is enough. */
function foldHeader(text: string): string {
  return text.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, "");
}
const NOT_LETTERS_OR_DIGITS = /[^a-z0-9]+/g;

function headerProbe(layout: SheetLayout): HeaderProbe {
  const cells = layout.headerCells.map((h) => ({ col: h.col, text: h.text, folded: foldHeader(h.text) }));
  return { cells, needed: Math.max(2, Math.ceil(cells.length * 0.6)), folds: new Map() };
}

/**
 * True when a text folds (see foldHeader) to `folded`, compared letter by letter as it is read: a data
 * cell usually differs from the header by its first letter or two, so most texts are ruled out without
 * making a folded copy. A text with a character beyond ASCII (some lower-case to ASCII letters, as the
 * Kelvin sign to k) is folded whole, once per distinct text.
 */
function foldsTo(probe: HeaderProbe, text: string, folded: string): boolean {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return foldedOnce(probe, text) === folded;
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    if (at >= folded.length || folded.charCodeAt(at) !== c) return false;
    at++;
  }
  return at === folded.length;
}

/** A cell's folded text, folded once per distinct text (the memo stops growing at 4,096 texts). */
function foldedOnce(probe: HeaderProbe, text: string): string {
  let folded = probe.folds.get(text);
  if (folded === undefined) {
    folded = foldHeader(text);
    if (probe.folds.size < 4096) probe.folds.set(text, folded);
  }
  return folded;
}

/** True when a row repeats the header row (a page break inside the table). */
function isRepeatedHeader(grid: Grid, row: number, probe: HeaderProbe): boolean {
  let same = 0;
  let misses = 0;
  const allowedMisses = probe.cells.length - probe.needed;
  for (let k = 0; k < probe.cells.length; k++) {
    const h = probe.cells[k];
    const v = cellAt(grid, row, h.col);
    // Repeated headers are copies of the header row: compare cheaply before folding words.
    const hit =
      typeof v === "string" &&
      (v === h.text || (Math.abs(v.length - h.text.length) <= 6 && foldsTo(probe, v, h.folded)));
    if (hit) same++;
    else if (++misses > allowedMisses) return false;
  }
  return same >= probe.needed;
}

/** The group-header row's texts by column (Inherent / Current / Target), when it spans two or more headers. */
function groupProbe(layout: SheetLayout): Map<number, string> | null {
  const groups = new Map<number, string>();
  for (const h of layout.headerCells) if (h.group) groups.set(h.col, foldHeader(h.group));
  return groups.size >= 2 ? groups : null;
}

/** True when a row repeats the group-header row above the header (printed again at a page break). */
function isRepeatedGroupRow(
  grid: Grid,
  row: number,
  layout: SheetLayout,
  groups: Map<number, string> | null,
): boolean {
  if (!groups) return false;
  let same = 0;
  for (const h of layout.headerCells) {
    const v = cellAt(grid, row, h.col);
    if (isBlank(v)) continue;
    if (typeof v !== "string" || groups.get(h.col) !== foldHeader(v)) return false;
    same++;
  }
  return same >= 2;
}

/**
 * The sheet column of a row's only cell when that cell is a sentence, so the row is a note or section
 * heading, not a record ("Source: IRIS. Scores are …" under the table, in the id column; ids are short).
 * -1 otherwise.
 */
function noteColumn(grid: Grid, row: number): number {
  const r = grid.values[row - grid.rowOffset] ?? [];
  let only: CellValue = null;
  let at = -1;
  for (let i = 0; i < r.length; i++) {
    if (isBlank(r[i])) continue;
    if (at >= 0) return -1;
    only = r[i];
    at = i;
  }
  return typeof only === "string" && cellText(only).split(" ").length >= 3 ? at + grid.colOffset : -1;
}

const DIGIT = /\d/;
const FOR_EXAMPLE = /^e\.?g\b/i;

/** True when the row under the header holds instructions rather than data. */
function isHelpTextRow(grid: Grid, row: number, layout: SheetLayout, idCol: number | undefined): boolean {
  if (idCol === undefined) return false;
  // An id is short and has a number in it; "Unique risk ID", "Unique ID" or "e.g. HRC-001" under a
  // "Risk ID" header is an instruction, not an id.
  const idText = cellText(cellAt(grid, row, idCol));
  const looksLikeId = idText.split(" ").length < 3 && DIGIT.test(idText) && !FOR_EXAMPLE.test(idText);
  if (looksLikeId) return false;
  // A date under a date header is data (a plan that numbers no aim starts with one), never an instruction.
  for (const [field, col] of layout.mapping?.fieldColumns ?? [])
    if (isDateField(field) && parseDate(cellAt(grid, row, col), formatAt(grid, row, col), "deadline").ok)
      return false;
  let text = 0;
  let numbers = 0;
  for (const h of layout.headerCells) {
    const v = cellAt(grid, row, h.col);
    if (typeof v === "number") numbers++;
    else if (!isBlank(v)) text++;
  }
  return numbers === 0 && text >= Math.max(2, Math.ceil(layout.headerCells.length / 2));
}

function joinCells(into: RecordCell | undefined, more: RecordCell): RecordCell {
  if (!into || !into.text) return more;
  if (!more.text) return into;
  const text = `${into.text} ${more.text}`;
  return { ...into, value: text, text };
}

/** Joins a row under a merged id into its record's cell, line under line (an update history stays in lines). */
function joinLines(into: RecordCell | undefined, more: RecordCell): RecordCell {
  if (!into || !into.text) return more;
  const value =
    typeof into.value === "string" && typeof more.value === "string"
      ? `${into.value}\n${more.value}`
      : `${into.text} ${more.text}`;
  return { ...into, value, text: `${into.text} ${more.text}` };
}

/**
 * True for a lead as plans write one: initials, a name or a post ("MA", "Strategic Director of Place"), not
 * a sentence (an action or an update shifted into the lead's place).
 */
function looksLikeLead(text: string): boolean {
  return text.length <= 60 && !/[.;:!?]\s/.test(text);
}

/** The most of a table's rows that may hold values past its last header and still be marked (a quarter). */
const PAST_HEADERS_SHARE = 0.25;

/**
 * 0-based columns of the non-blank values of a row to the right of column `last`; null for none (nearly
 * every row: no list is made for it).
 */
function valuesPastHeaders(grid: Grid, row: number, last: number): number[] | null {
  const r = grid.values[row - grid.rowOffset];
  const from = last + 1 - grid.colOffset;
  if (!r || r.length <= from) return null;
  let cols: number[] | null = null;
  for (let i = Math.max(0, from); i < r.length; i++)
    if (!isBlank(r[i])) (cols ??= []).push(i + grid.colOffset);
  return cols;
}

/** True for a text that counts as empty (SPEC "Placeholders": TBC, N/A, - …). */
const isEmptyText = (text: string) => text === "" || isPlaceholder(text);

/** A shifted plan row read realigned: its fields, and the cells of the unmapped columns after Evidence. */
interface ShiftedPlanRow {
  fields: Map<string, RecordCell>;
  extras: Map<string, RecordCell>;
}

/**
 * Reads a plan row whose cells sit left of their headers, when they fit the shifted pattern. `after` are
 * the unmapped columns right of Evidence (a "Comments / update" column), in order: a shifted row's cells
 * past its evidence are theirs, shifted with the rest.
 */
function readShiftedPlanRow(
  grid: Grid,
  row: number,
  layout: SheetLayout,
  after: { col: number; header: string }[],
): ShiftedPlanRow | null {
  const fc = layout.mapping!.fieldColumns;
  const r = grid.values[row - grid.rowOffset] ?? [];
  const cells: RecordCell[] = [];
  for (let i = 0; i < r.length; i++) if (!isBlank(r[i])) cells.push(makeCell(grid, row, i + grid.colOffset));
  const combined = combinedLeadColumn(layout);
  if (combined) {
    // One lead column for both leads: the shifted row has one lead cell ("X / Y"), split as in place.
    const one = readShiftedCombinedRow(cells, fc, combined.col, after);
    if (one) return one;
  }
  if (cells.length < 5 || cells.length > SHIFTED_PLAN_FIELDS.length + after.length) return null;
  const [action, date, director, officer, status] = cells;
  const inPlace = action.col === fc.get("action") && date.col === fc.get("date");
  if (inPlace) return null;
  if (!parseDate(date.value, date.format, "deadline").ok) return null;
  if (!looksLikeLead(director.text) || !looksLikeLead(officer.text)) return null;
  if (!parsePlanStatus(status.text).ok) return null;
  const fields = new Map<string, RecordCell>();
  const extras = new Map<string, RecordCell>();
  cells.forEach((c, i) => {
    if (i < SHIFTED_PLAN_FIELDS.length) fields.set(SHIFTED_PLAN_FIELDS[i], c);
    else extras.set(after[i - SHIFTED_PLAN_FIELDS.length].header, c);
  });
  return { fields, extras };
}

/** The fields of a shifted row in a plan with one lead column for both leads. */
const SHIFTED_COMBINED_FIELDS = ["action", "date", "lead", "status", "evidence"];

/**
 * Reads a shifted row of a plan with one lead column: action, date, one lead cell, status (and evidence),
 * the lead cell split into both leads as splitCombinedLeads splits a row read in place.
 */
function readShiftedCombinedRow(
  cells: RecordCell[],
  fc: Map<string, number>,
  leadCol: number,
  after: { col: number; header: string }[],
): ShiftedPlanRow | null {
  if (cells.length < 4 || cells.length > SHIFTED_COMBINED_FIELDS.length + after.length) return null;
  const [action, date, lead, status] = cells;
  if (action.col === fc.get("action") && date.col === fc.get("date")) return null;
  if (!parseDate(date.value, date.format, "deadline").ok) return null;
  if (!looksLikeLead(lead.text)) return null;
  if (!parsePlanStatus(status.text).ok) return null;
  const fields = new Map<string, RecordCell>();
  const extras = new Map<string, RecordCell>();
  cells.forEach((c, i) => {
    if (i >= SHIFTED_COMBINED_FIELDS.length) extras.set(after[i - SHIFTED_COMBINED_FIELDS.length].header, c);
    else if (SHIFTED_COMBINED_FIELDS[i] !== "lead") fields.set(SHIFTED_COMBINED_FIELDS[i], c);
  });
  const [director, officer] = splitLeadCell(lead, lead.row, leadCol);
  fields.set("leadDirector", director);
  fields.set("leadOfficer", officer);
  return { fields, extras };
}

/** The unmapped columns right of a plan's Evidence column, left to right (none without Evidence). */
function columnsAfterEvidence(
  fieldColumns: Map<string, number>,
  unmapped: { col: number; header: string }[],
): { col: number; header: string }[] {
  const evidence = fieldColumns.get("evidence");
  if (evidence === undefined) return [];
  return unmapped.filter((u) => u.col > evidence).sort((a, b) => a.col - b.col);
}

/**
 * Rows of a plan under a No merged down over several rows (Word splits a cell's paragraphs into rows and
 * merges the other cells over them), each mapped to the merged area's top row, or under a merged action
 * where the plan has no No column. Only rows that are no action of their own (see readTable) are joined.
 */
function planMergedTails(
  grid: Grid,
  fieldColumns: Map<string, number>,
  headerRow: number,
): Map<number, number> | null {
  const col = fieldColumns.get("no") ?? fieldColumns.get("action");
  return col === undefined ? null : mergedTails(grid, col, headerRow);
}

/** The fields a row under a risk may fill alone and still be that risk's: a further action and its details. */
const FURTHER_ACTION_FIELDS: ReadonlySet<string> = new Set([
  "actions",
  "actionOwner",
  "actionDue",
  "actionStatus",
  "actionRefs",
  "controls",
]);

/**
 * True for a row that only adds a further action under the risk above it (a Word table's rows of one risk
 * pasted without their merges): no id, and nothing but action fields, the action's words among them.
 */
function onlyFurtherAction(
  grid: Grid,
  row: number,
  fieldColumns: Map<string, number>,
  idCol: number | undefined,
): boolean {
  // Most rows have an id: they are ruled out by it before the other fields are looked at.
  if (idCol !== undefined && !isBlank(cellAt(grid, row, idCol))) return false;
  const actionsCol = fieldColumns.get("actions");
  if (actionsCol === undefined || isBlank(cellAt(grid, row, actionsCol))) return false;
  for (const [field, col] of fieldColumns)
    if (!FURTHER_ACTION_FIELDS.has(field) && !isBlank(cellAt(grid, row, col))) return false;
  return true;
}

/**
 * True when a row under a merged No is an action of its own: it holds a date or a lead of its own (not
 * copied from a merged area above), or a status of its own that reads as a plan status ("Not started",
 * "On track"). A No merged down over an aim's actions, each with its own date and leads, or Word's No,
 * aim, leads and date merged over an aim's actions each with its own status, numbers the aim, and each row
 * is an action of its own; a row whose status cell only carries on the words above ("Reports issued
 * July and October.") is a paragraph of the action above.
 */
function ownPlanAction(grid: Grid, row: number, fieldColumns: Map<string, number>): boolean {
  if (!fieldColumns.has("no")) return false;
  const merges = grid.merges ?? [];
  for (const f of PLAN_OWN_ACTION_FIELDS) {
    const col = fieldColumns.get(f);
    if (col === undefined || isBlank(cellAt(grid, row, col))) continue;
    if (!copiedFromAbove(merges, row, col)) return true;
  }
  const statusCol = fieldColumns.get("status");
  if (statusCol === undefined || copiedFromAbove(merges, row, statusCol)) return false;
  return parsePlanStatus(cellText(cellAt(grid, row, statusCol))).ok;
}

/** True when a plan row holds no action, date, lead, status or evidence: only an aim's No, words or background. */
function isAimRow(fields: Map<string, RecordCell>): boolean {
  for (const f of PLAN_ACTION_FIELDS) {
    const c = fields.get(f);
    if (c && !isEmptyText(c.text)) return false;
  }
  return CARRIED_PLAN_FIELDS.some((f) => !!fields.get(f)?.text);
}

/** The RAG column's colour-only cells by row: a fill and no text, read as Red, Amber or Green. */
function ragFillsByRow(grid: Grid, ragCol: number | undefined): Map<number, string> | null {
  if (ragCol === undefined || !grid.blankFills?.length) return null;
  const out = new Map<number, string>();
  for (const f of grid.blankFills) {
    if (f.col !== ragCol) continue;
    const rag = ragFromColour(f.rgb);
    if (rag) out.set(f.row, RAG_WORD[rag]);
  }
  return out.size ? out : null;
}

/** The fill ("#RRGGBB") the RAG column's colour-only cells show each rating in: the shade most of them use. */
function ragPalette(grid: Grid, ragCol: number): Partial<Record<Rag, string>> {
  const counts = new Map<string, { rag: Rag; n: number }>();
  for (const f of grid.blankFills ?? []) {
    if (f.col !== ragCol) continue;
    const rag = ragFromColour(f.rgb);
    if (!rag) continue;
    const rgb = `#${f.rgb.toUpperCase()}`;
    const seen = counts.get(rgb);
    if (seen) seen.n++;
    else counts.set(rgb, { rag, n: 1 });
  }
  const best: Partial<Record<Rag, { rgb: string; n: number }>> = {};
  for (const [rgb, { rag, n }] of counts) if (n > (best[rag]?.n ?? 0)) best[rag] = { rgb, n };
  const out: Partial<Record<Rag, string>> = {};
  for (const rag of ["red", "amber", "green"] as const) if (best[rag]) out[rag] = best[rag].rgb;
  return out;
}

/** True when a cell of a row under a merged id repeats the merged area above (its value was copied down). */
function copiedFromAbove(merges: MergedArea[], row: number, col: number): boolean {
  return merges.some((m) => m.top < row && row <= m.bottom && m.left <= col && col <= m.right);
}

/**
 * Reads every data row of a detected table into records. `structure`, when given, receives the section
 * headings and the rows set aside.
 */
export function readTable<F extends string>(
  grid: Grid,
  layout: SheetLayout,
  structure?: TableStructure,
): SheetRecord<F>[] {
  if (layout.kind === "unknown" || layout.headerRow === null || !layout.mapping) return [];
  const kind = layout.kind;
  const fieldColumns = layout.mapping.fieldColumns;
  const unmapped = layout.mapping.columns.filter((c) => c.field === null);
  const anchors = ANCHOR_FIELDS[kind].filter((f) => fieldColumns.has(f));
  const idCol = fieldColumns.get(ID_FIELD[kind]);
  const records: SheetRecord<F>[] = [];
  const carried = new Map<string, RecordCell>();
  const lastRow = grid.rowOffset + grid.values.length - 1;
  let afterRepeatedHeader = false;
  const probe = headerProbe(layout);
  const groups = groupProbe(layout);
  const notesPossible = kind === "risk-register" || kind === "actions";
  const isPlan = kind === "improvement-plan";
  // Section headings, totals rows and rows under a merged id are read on plans too; a plan's heading is
  // an aim's (see below), and a plan's notes are told apart by their column (see noteColumn).
  const structured = notesPossible || isPlan;
  const span: TableSpan = {
    // A loop, not a spread: a header row may hold a million cells (a spread of them overflows the stack).
    first: layout.headerCells.reduce((m, h) => Math.min(m, h.col), Infinity),
    last: layout.headerCells.reduce((m, h) => Math.max(m, h.col), -Infinity),
  };
  const totalsRows = grid.totalsRows?.length ? new Set(grid.totalsRows) : null;
  const tails =
    kind === "risk-register" && idCol !== undefined
      ? mergedTails(grid, idCol, layout.headerRow)
      : isPlan
        ? planMergedTails(grid, fieldColumns, layout.headerRow)
        : null;
  const afterEvidence = isPlan ? columnsAfterEvidence(fieldColumns, unmapped) : [];
  const planTextCols = isPlan ? new Set(PLAN_TEXT_FIELDS.map((f) => fieldColumns.get(f))) : null;
  const ragFills = kind === "risk-register" ? ragFillsByRow(grid, fieldColumns.get("rag")) : null;
  const ragCol = fieldColumns.get("rag");
  /** The register's title and description columns, where a risk has words and a key's band has none. */
  const riskWordCols = ["title", "description"].flatMap((f) => fieldColumns.get(f) ?? []);
  /** The RAG column's fills by rating, made for the first colour-only cell and shared by all (see ragPalette). */
  let palette: Partial<Record<Rag, string>> | undefined;
  const months = monthColumnsOf(grid, layout.mapping);
  const source = gridSource(grid, fieldColumns, unmapped, months);
  let section: string | undefined;
  // A plan's aim headings carry their aim down (carryPlanHeading); the last one read, for the actions under it.
  const planActionCol = fieldColumns.get("action");
  const headingOf: typeof sectionHeading = isPlan
    ? (g, row, sp, id) => planHeading(g, row, sp, id, planActionCol)
    : sectionHeading;
  let aimHeading: AimHeading | undefined;
  const sections: { row: number; text: string; followed: boolean }[] = [];
  const totals: number[] = [];
  const notes: SetAsideRow[] = [];

  // True under a blank row after the risks, while only sign-off rows follow (see isSignOffRow).
  let belowBlank = false;

  for (let row = layout.headerRow + 1; row <= lastRow; row++) {
    if (rowIsBlank(grid, row)) {
      if (records.length > 0) belowBlank = true;
      continue;
    }
    // A heading merged across the table right under the header is a section, not help text.
    if (
      row === layout.headerRow + 1 &&
      isHelpTextRow(grid, row, layout, idCol) &&
      !(structured && headingOf(grid, row, span, idCol) !== null)
    )
      continue;
    if (isRepeatedHeader(grid, row, probe)) {
      afterRepeatedHeader = true;
      continue;
    }
    if (isRepeatedGroupRow(grid, row, layout, groups)) continue;
    if (structured) {
      // A colour key's entries ("Red | 15–25: escalate") under its "Key:" row, and a note under a key or a
      // sign-off, are the block's too; a register's key typed a band a row with its bounds in cells of their
      // own ("Red | 15 | 25") is a key with no "Key:" row over it, and a count of its risks by RAG ("RAG | No.
      // of risks" over "Red | 3") a summary.
      const note =
        noteRowKind(grid, row) ??
        continuesNoteRows(grid, row, notes[notes.length - 1], span, idCol) ??
        (kind === "risk-register" ? registerNoteRow(grid, row, riskWordCols) : null);
      if (note !== null) {
        notes.push({ row, reason: note });
        continue;
      }
      // A sign-off block under the register ("Approved by: | Jo Smith | Date: | 28/09/2022") is paperwork.
      const belowTable = belowBlank && (idCol === undefined || isBlank(cellAt(grid, row, idCol)));
      if (notesPossible && isSignOffRow(grid, row, belowTable)) {
        notes.push({ row, reason: "sign-off" });
        continue;
      }
      const numbered = kind === "risk-register" ? numberedHeading(grid, row, idCol) : null;
      if (numbered !== null) {
        section = numbered;
        sections.push({ row, text: numbered, followed: false });
        continue;
      }
    }
    if (structured) {
      if (totalsRows?.has(row) || isTotalsRow(grid, row, span, idCol)) {
        totals.push(row);
        continue;
      }
      // A row under a merged id continues the record the id belongs to, field by field.
      const top = tails?.get(row);
      const last = records[records.length - 1];
      if (
        top !== undefined &&
        last &&
        last.rows.includes(top) &&
        !(isPlan && ownPlanAction(grid, row, fieldColumns))
      ) {
        for (const [f, col] of fieldColumns) {
          if (copiedFromAbove(grid.merges ?? [], row, col)) continue;
          const c = makeCell(grid, row, col);
          if (!c.text) continue;
          const joined = joinLines(last.fields[f as F], c);
          last.fields[f as F] = joined;
          // A plan's aim or background continued on the row goes down to the aim's next actions too.
          if (isPlan && CARRIED_PLAN_FIELDS.includes(f) && carried.has(f)) carried.set(f, joined);
        }
        for (const u of unmapped) {
          if (copiedFromAbove(grid.merges ?? [], row, u.col)) continue;
          const c = makeCell(grid, row, u.col);
          if (c.text) last.extras.set(u.header, joinLines(last.extras.get(u.header), c));
        }
        last.rows.push(row);
        continue;
      }
      const heading = headingOf(grid, row, span, idCol);
      if (heading !== null) {
        // Judgement: on a plan, a heading row is an aim written over its actions (a Word export heads
        // each aim with a row merged across the table, "2. Relationship Management"): it starts a new
        // aim, whose number and words carry down to the actions below until they write their own. A note
        // under the plan (a BRAG key, "Last updated …") is read the same way; no action follows it.
        if (isPlan) aimHeading = carryPlanHeading(heading, row, fieldColumns, carried);
        // "New risks …" ends the section above but gives the rows below no category (and no closed section).
        else section = headingNamesNoCategory(heading) ? undefined : heading;
        sections.push({ row, text: heading, followed: false });
        continue;
      }
    }
    if (structured && !afterRepeatedHeader) {
      const note = noteColumn(grid, row);
      // A lone sentence in a plan's No, aim, background or action column is an aim's row or an action,
      // read below; in a date, lead, status or evidence column it is a note.
      if (note >= 0 && !planTextCols?.has(note)) continue;
    }

    const shifted = isPlan ? readShiftedPlanRow(grid, row, layout, afterEvidence) : null;
    // Notes below a table sit only in columns no field uses: they are not records.
    if (!shifted && !hasMappedValue(grid, row, fieldColumns)) continue;

    const isContinuation =
      !shifted &&
      records.length > 0 &&
      ((afterRepeatedHeader &&
        anchors.every((f) => isEmptyText(cellText(cellAt(grid, row, fieldColumns.get(f)!))))) ||
        (kind === "risk-register" && onlyFurtherAction(grid, row, fieldColumns, idCol)));
    afterRepeatedHeader = false;
    if (isContinuation) {
      const last = records[records.length - 1];
      for (const [f, c] of rowCells(grid, row, fieldColumns)) {
        // A placeholder ("TBC" under the date) adds nothing to the row it continues.
        if (isPlaceholder(c.text)) continue;
        const key = f as F;
        const joined = joinCells(last.fields[key], c);
        last.fields[key] = joined;
        if (carried.has(f) && CARRIED_PLAN_FIELDS.includes(f)) carried.set(f, joined);
      }
      for (const u of unmapped) {
        const c = makeCell(grid, row, u.col);
        if (c.text) last.extras.set(u.header, joinCells(last.extras.get(u.header), c));
      }
      last.rows.push(row);
      continue;
    }

    const ragWord = ragFills && ragCol !== undefined ? ragFills.get(row) : undefined;
    const eager = shifted !== null || isPlan || ragWord !== undefined;
    let record: SheetRecord<F>;
    if (!eager) {
      // The usual row: its cells stay in the grid until a reader asks for them as objects.
      record = new GridRecord<F>(grid.sheetName, kind, row, source);
    } else {
      const fields = shifted ? new Map(shifted.fields) : rowCells(grid, row, fieldColumns, months);
      if (isPlan && !shifted && isAimRow(fields)) {
        // The aim's own row (No, aim, background and no action): it names the aim for the actions below.
        carryPlanFields(fields, carried);
        continue;
      }
      if (isPlan) carryPlanFields(fields, carried);
      // An action with no aim of its own, under a heading that set its aim, is that heading's.
      const headed = aimHeading && fields.get("aim")?.row === aimHeading.row ? aimHeading : undefined;
      if (ragWord && ragCol !== undefined && !fields.has("rag")) {
        palette ??= ragPalette(grid, ragCol);
        fields.set("rag", { value: null, text: ragWord, format: null, row, col: ragCol, ragFills: palette });
      }
      record = {
        sheet: grid.sheetName,
        kind,
        row,
        rows: [row],
        fields: fieldObject<F>(fieldColumns, fields),
        extras: shifted ? shifted.extras : source.extras(row),
        ...(headed ? { aimHeading: headed } : {}),
        ...(months ? { months } : {}),
      };
    }
    if (shifted) record.realigned = true;
    if (notesPossible) {
      const past = valuesPastHeaders(grid, row, span.last);
      if (past) record.pastHeaders = past;
    }
    belowBlank = false;
    if (section !== undefined && kind === "risk-register") {
      record.section = section;
      const open = sections[sections.length - 1];
      if (open) open.followed = true;
    } else if (sections.length) sections[sections.length - 1].followed = true;
    records.push(record);
  }
  // Values right of the headers on many rows are a column of notes left without a header, not rows
  // pushed out of line: only a few such rows are marked.
  const past = records.filter((r) => r.pastHeaders);
  if (past.length > Math.max(1, records.length * PAST_HEADERS_SHARE))
    for (const r of past) r.pastHeaders = undefined;
  if (isPlan) splitCombinedLeads(records, layout);
  if (structure) {
    // A heading with no record under it is a note below the table, not a section.
    for (const s of sections)
      if (s.followed) {
        structure.sections.push({ row: s.row, text: s.text });
        structure.setAside.push({ row: s.row, reason: "heading" });
      } else if (kind === "risk-register")
        (structure.emptyHeadings ??= []).push({ row: s.row, text: s.text });
    for (const row of totals) structure.setAside.push({ row, reason: "totals" });
    for (const n of notes) structure.setAside.push(n);
    structure.setAside.sort((a, b) => a.row - b.row);
  }
  return records;
}

/**
 * The record's fields as an object with every mapped field as a key, in the header's order, so all
 * records of a sheet share one shape (rules read these objects hundreds of thousands of times).
 */
function fieldObject<F extends string>(
  fieldColumns: Map<string, number>,
  cells: Map<string, RecordCell>,
): Partial<Record<F, RecordCell>> {
  const out: Record<string, RecordCell | undefined> = {};
  for (const f of fieldColumns.keys()) out[f] = cells.get(f);
  for (const [f, c] of cells) if (!(f in out)) out[f] = c;
  return out as Partial<Record<F, RecordCell>>;
}

/**
 * No, Improvement Aim and Background are written once per aim; each carries down on its own until a new
 * value appears (SPEC "Reading sheets"): a plan that numbers each action 1, 2, 3 writes the aim once, so
 * a new No does not clear the aim.
 */
function carryPlanFields(fields: Map<string, RecordCell>, carried: Map<string, RecordCell>): void {
  for (const f of CARRIED_PLAN_FIELDS) {
    const own = fields.get(f);
    if (own && own.text) carried.set(f, own);
    else if (carried.has(f)) fields.set(f, carried.get(f)!);
  }
}

/** An aim's number and words at the start of a plan heading: "2. Relationship Management", "3) Governance". */
const NUMBERED_AIM = /^(\d{1,3})(?:\.\d{1,3})*[.):]?\s+(.+)$/s;
/**
 * An audit finding's number after its label at the start of a plan heading ("Finding 2: Escalation …",
 * "Recommendation 3 – …"): the heading's words are the aim's as written, label and all.
 */
const LABELLED_AIM = /^(?:finding|recommendation|rec|issue|objective|aim)\s+(?:no\.?\s*)?(\d{1,3})\b/i;

/**
 * A plan's heading row starts a new aim: its number (when it has one) and words carry down to the actions
 * below; the last aim's background does not. The cells are the heading's, in the No and aim columns.
 */
function carryPlanHeading(
  heading: string,
  row: number,
  fieldColumns: Map<string, number>,
  carried: Map<string, RecordCell>,
): AimHeading {
  const m = NUMBERED_AIM.exec(heading);
  const words = m ? m[2].trim() : heading;
  const no = m ? m[1] : (LABELLED_AIM.exec(heading)?.[1] ?? "");
  const noCol = fieldColumns.get("no");
  const aimCol = fieldColumns.get("aim");
  carried.delete("background");
  if (no && noCol !== undefined) carried.set("no", { value: no, text: no, format: null, row, col: noCol });
  else carried.delete("no");
  if (aimCol !== undefined) carried.set("aim", { value: words, text: words, format: null, row, col: aimCol });
  else carried.delete("aim");
  return { row, no };
}

/**
 * The column of a plan's one lead column for both leads ("Lead Director / Lead Officer", "Lead (Director /
 * Officer)", "Responsible Director/Officer"): its header names a director and an officer, and the plan has
 * no other column for either lead. The mapper gives it one of the two lead fields; the other is unmapped.
 */
function combinedLeadColumn(
  layout: SheetLayout,
): { field: "leadDirector" | "leadOfficer"; col: number } | null {
  const fc = layout.mapping!.fieldColumns;
  const director = fc.get("leadDirector");
  const officer = fc.get("leadOfficer");
  if ((director === undefined) === (officer === undefined)) return null;
  const field = director !== undefined ? "leadDirector" : "leadOfficer";
  const col = (director ?? officer)!;
  const header = layout.mapping!.columns.find((c) => c.col === col)?.header ?? "";
  const words = new Set(headerWords(header));
  return words.has("director") && words.has("officer") ? { field, col } : null;
}

/** The two leads of a combined lead cell: "X / Y" (or X and Y on two lines) is director X, officer Y. */
function splitLeadText(cell: RecordCell): [string, string] {
  const raw = typeof cell.value === "string" ? cell.value : cell.text;
  // "N/A" and the like are one placeholder, not two leads.
  if (isPlaceholder(cell.text)) return [cell.text, cell.text];
  const parts = raw.split(/\s*(?:\/|\r?\n)\s*/).map((t) => t.replace(/\s+/g, " ").trim());
  if (parts.length < 2) return [cell.text, cell.text];
  // Judgement: the first part is the director, the rest the officer ("AD / Head of X / Manager" keeps
  // the officer's own slashes).
  return [
    parts[0],
    parts
      .slice(1)
      .filter((t) => t !== "")
      .join(" / "),
  ];
}

/**
 * Judgement: a plan's one lead column for both leads is both Lead Director and Lead Officer. A cell "X / Y"
 * gives director X and officer Y; a cell with one name gives it to both; a blank cell gives neither, and
 * both fields point at that column, so plan/missing-lead names the lead column (not the No column).
 * Rows read realigned are split as they are read (readShiftedCombinedRow), so keep the leads they were
 * read with here.
 */
function splitCombinedLeads<F extends string>(records: SheetRecord<F>[], layout: SheetLayout): void {
  const combined = combinedLeadColumn(layout);
  if (!combined) return;
  for (const r of records) {
    if (r.realigned) continue;
    const fields = r.fields as Partial<Record<string, RecordCell>>;
    const [director, officer] = splitLeadCell(fields[combined.field], r.row, combined.col);
    fields.leadDirector = director;
    fields.leadOfficer = officer;
  }
}

/**
 * A combined lead cell as director and officer cells; a blank cell gives two blank cells at the lead
 * column (row `row`, column `col`).
 */
function splitLeadCell(cell: RecordCell | undefined, row: number, col: number): [RecordCell, RecordCell] {
  if (!cell || !cell.text) {
    const blank: RecordCell = { value: null, text: "", format: null, row, col };
    return [blank, blank];
  }
  const [director, officer] = splitLeadText(cell);
  return [
    { ...cell, value: director || null, text: director },
    { ...cell, value: officer || null, text: officer },
  ];
}
