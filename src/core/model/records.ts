// Typed records read out of sheets. Every value keeps where it came from, so a finding can point at a cell.

import type { CellValue, MergedArea } from "./grid";
import type { Rag } from "./owned-tab";
import type { ActionField, PlanField, RiskField, SheetKind, UpdateLogField } from "./fields";
import { parseDate, parseDateCell } from "../parse/date";
import type { DateMeaning, DayNumber } from "../parse/day";
import { isPlaceholder } from "../parse/placeholder";
import { foldSpaces } from "../parse/spaces";
import { stripHtml } from "../parse/html";
import { personNames } from "../parse/person";

/** One field's cell in a record: the raw value, its text, and its sheet position (0-based). */
export interface RecordCell {
  value: CellValue;
  /** The value as text, trimmed, HTML tags stripped; "" for blank. */
  text: string;
  /** Number format of the cell, when known (tells a date serial from a number). */
  format: string | null;
  row: number;
  col: number;
  /** Set on the cells of a date column found to be written month first (09/30/2022). */
  monthFirst?: boolean;
  /** Set when the reader saw a formula in the cell (Grid.formulas): a write keeps the formula. */
  formula?: true;
  /**
   * Set on a colour-only RAG cell (no text, a red, amber or green fill: SPEC "Colour-only RAG"): the fill
   * ("#RRGGBB") its register's RAG column shows each rating in, as read (the shade most of its cells use).
   */
  ragFills?: Readonly<Partial<Record<Rag, string>>>;
}

/** A record of one sheet: a data row (plus any continuation rows joined into it). */
export interface SheetRecord<F extends string> {
  sheet: string;
  kind: SheetKind;
  /** 0-based sheet row of the record's first row; findings point here. */
  row: number;
  /** Every sheet row that contributed to the record (continuations, repeated aims). */
  rows: number[];
  fields: Partial<Record<F, RecordCell>>;
  /** Cells under headers nobody recognised, keyed by header text (a Map so "__proto__" is just a key). */
  extras: Map<string, RecordCell>;
  /** True when the row was read realigned (plan/misaligned-row). */
  realigned?: boolean;
  /** 0-based columns of the values the row holds to the right of its last header (sheet/cells-past-headers). */
  pastHeaders?: number[];
  /** The text of the section heading row above the record, if any (SPEC "Real registers"). */
  section?: string;
  /** A plan action's aim heading: the heading row above it that sets its aim (see {@link AimHeading}). */
  aimHeading?: AimHeading;
  /** The sheet's fields kept month by month, one column per month (see {@link MonthKept}); absent for most sheets. */
  months?: MonthKept;
}

/** One column of a field kept month by month ("Update Sep-22", a header "Sep-22"). */
export interface MonthColumn {
  /** 0-based sheet column. */
  col: number;
  /** The month's first day: what the month means when it says when something was last updated (SPEC "Values"). */
  day: DayNumber;
  /** The month as Excel shows it ("Sep-22"). */
  label: string;
}

/**
 * A sheet's fields kept month by month, one column per month (read/month-columns.ts reads them): a field's
 * current value is its newest filled month's, up to the as-at date. Shared by every record of the sheet.
 */
export interface MonthKept {
  /**
   * The column a row's current value of the field mapped to column `col` is read from: the newest month up to
   * the as-at date whose cell holds something, else `col`; `col` itself for a field kept in one column.
   * Worked out once per row and field.
   */
  current(col: number, row: number): number;
  /** The months up to the as-at date, oldest first, of the field one of whose columns is `col`; undefined for others. */
  monthsOf(col: number): readonly MonthColumn[] | undefined;
}

/**
 * The heading row a plan action's aim was read from, where a heading sets the aim of the actions below it
 * (a Word export's shaded row, "Finding 2: Escalation thresholds not defined"): the actions under one
 * heading are one aim, whatever their own No (an audit plan numbers its actions 1, 2, 3 straight through).
 */
export interface AimHeading {
  /** 0-based sheet row of the heading. */
  row: number;
  /** The aim's number the heading writes ("2. Governance", "Finding 2: …" → "2"), or "" for none. */
  no: string;
}

export type RiskRecord = SheetRecord<RiskField>;
export type ActionRecord = SheetRecord<ActionField>;
export type PlanRecord = SheetRecord<PlanField>;
export type UpdateLogRecord = SheetRecord<UpdateLogField>;

/**
 * Where a record's cells are, when the reader left them in the sheet's grid: the record is then a row
 * index, and its cells are read on demand (SPEC/issue 12: no object per field cell of every row). The
 * `fieldColumns` map is the sheet layout's own, so a column the reader renames (a "Review Date" found to
 * be a last-updated date) is renamed for every row at once.
 */
export interface RecordSource {
  readonly fieldColumns: ReadonlyMap<string, number>;
  /** The sheet's merged areas, whose value the reader gave every cell (Excel reads back the top-left one alone). */
  readonly merges?: readonly MergedArea[];
  /** The sheet's fields kept month by month, if any: a row reads such a field from its newest filled month. */
  readonly months?: MonthKept;
  /** The raw value of a cell (0-based sheet coordinates), null when blank. */
  value(row: number, col: number): CellValue;
  /** The text of a cell as {@link RecordCell.text} gives it. */
  text(row: number, col: number): string;
  /** The number format of a cell, when known. */
  format(row: number, col: number): string | null;
  /** A record cell for one cell, as the eager reader makes it. */
  cell(row: number, col: number): RecordCell;
  /** The row's field cells as the eager reader makes them: every mapped field a key, blank ones undefined. */
  fields(row: number): Record<string, RecordCell | undefined>;
  /** The cells under headers nobody recognised, keyed by header text. */
  extras(row: number): Map<string, RecordCell>;
}

/**
 * A record read from one row of a grid. Its cells stay in the grid until something asks for the
 * `fields` object itself (then they are made once, as the eager reader made them); {@link fieldText},
 * {@link fieldValue}, {@link rawText} and {@link rawValue} read the grid directly and allocate nothing.
 */
export class GridRecord<F extends string> implements SheetRecord<F> {
  realigned?: boolean;
  pastHeaders?: number[];
  section?: string;
  /**
   * The record's place in its list of the check that reads it (a check's risks, its actions), set by the
   * rule context so per-record values can sit in arrays by place (see PerRecord), not in Maps by record.
   */
  place: number = -1;
  private made?: Partial<Record<F, RecordCell>>;
  private madeExtras?: Map<string, RecordCell>;
  private madeRows?: number[];

  constructor(
    public sheet: string,
    public kind: SheetKind,
    public row: number,
    readonly source: RecordSource,
  ) {}

  /** The sheet's fields kept month by month, if any (see {@link MonthKept}). */
  get months(): MonthKept | undefined {
    return this.source.months;
  }

  /** Every sheet row of the record: its own, until a continuation row is joined to it. */
  get rows(): number[] {
    return (this.madeRows ??= [this.row]);
  }
  set rows(rows: number[]) {
    this.madeRows = rows;
  }

  /** True while the record's cells are still only in the grid. */
  get inGrid(): boolean {
    return this.made === undefined;
  }

  get fields(): Partial<Record<F, RecordCell>> {
    this.made ??= this.source.fields(this.row) as Partial<Record<F, RecordCell>>;
    return this.made;
  }
  set fields(fields: Partial<Record<F, RecordCell>>) {
    this.made = fields;
  }

  get extras(): Map<string, RecordCell> {
    return (this.madeExtras ??= this.source.extras(this.row));
  }
  set extras(extras: Map<string, RecordCell>) {
    this.madeExtras = extras;
  }

  /** The record as plain data (JSON, snapshots): what the eager reader would have made. */
  toJSON(): SheetRecord<F> {
    const { sheet, kind, row, rows, fields, extras, realigned, pastHeaders, section } = this;
    return {
      sheet,
      kind,
      row,
      rows,
      fields,
      extras,
      ...(realigned ? { realigned } : {}),
      ...(pastHeaders ? { pastHeaders } : {}),
      ...(section !== undefined ? { section } : {}),
    };
  }
}

/** What {@link gridColumn} answers for a record whose cells were made (read `record.fields`). */
const MADE = -2;
/** What {@link gridColumn} answers for a record in the grid whose sheet has no column for the field. */
const NO_COLUMN = -1;

/**
 * The field's column when the record's cells are still only in the grid (for a field kept month by month,
 * the record's newest filled month's: see MonthKept); NO_COLUMN or MADE otherwise.
 */
function gridColumn(record: SheetRecord<string>, field: string): number {
  if (!(record instanceof GridRecord) || !record.inGrid) return MADE;
  const { source } = record;
  const col = source.fieldColumns.get(field);
  if (col === undefined) return NO_COLUMN;
  return source.months === undefined ? col : source.months.current(col, record.row);
}

/**
 * The rows of a record over several rows (an id merged down) below its first whose cell holds something, as
 * `valueAt` reads each row's cell: a write to the record's first row clears them, or the record would read
 * the new value joined to the old ones (SPEC "One record over several rows").
 */
export function filledRowsBelow(
  record: Pick<SheetRecord<string>, "row" | "rows">,
  valueAt: (row: number) => CellValue | undefined,
): number[] {
  if (record.rows.length < 2) return NO_ROWS;
  return record.rows.filter((row) => {
    if (row === record.row) return false;
    const v = valueAt(row);
    return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
  });
}

const NO_ROWS: number[] = [];

/**
 * A cell's value on a record's sheet as the sheet holds it, where the record's cells are still in the
 * reader's grid: a merged area's value, given to its every cell when read, is its top-left cell's own
 * alone (null below and right of it). Undefined when the record's cells are not in a grid.
 */
export function ownCellValue(record: SheetRecord<string>, row: number, col: number): CellValue | undefined {
  if (!(record instanceof GridRecord)) return undefined;
  const { source } = record;
  for (const m of source.merges ?? [])
    if (
      m.top <= row &&
      row <= m.bottom &&
      m.left <= col &&
      col <= m.right &&
      (row !== m.top || col !== m.left)
    )
      return null;
  return source.value(row, col);
}

/** A field's text as written ("" when absent or blank), placeholders included; reads no more than the cell. */
export function rawText<F extends string>(record: SheetRecord<F>, field: F): string {
  const col = gridColumn(record, field);
  if (col === MADE) return record.fields[field]?.text ?? "";
  return col === NO_COLUMN ? "" : (record as GridRecord<F>).source.text(record.row, col);
}

/** A field's value as written (null when absent or blank), placeholders included. */
export function rawValue<F extends string>(record: SheetRecord<F>, field: F): CellValue {
  const col = gridColumn(record, field);
  if (col === MADE) return record.fields[field]?.value ?? null;
  return col === NO_COLUMN ? null : (record as GridRecord<F>).source.value(record.row, col);
}

/** A field's number format, when known (null when absent, blank or not known). */
export function rawFormat<F extends string>(record: SheetRecord<F>, field: F): string | null {
  const col = gridColumn(record, field);
  if (col === MADE) return record.fields[field]?.format ?? null;
  const source = (record as GridRecord<F>).source;
  return col === NO_COLUMN || source.value(record.row, col) === null ? null : source.format(record.row, col);
}

/**
 * A field's cell as written, placeholders included: undefined when absent or blank. For a record still in
 * the grid this is a new object each time (read it, do not change it: change `record.fields` instead).
 */
export function rawCell<F extends string>(record: SheetRecord<F>, field: F): RecordCell | undefined {
  const col = gridColumn(record, field);
  if (col === MADE) return record.fields[field];
  const source = (record as GridRecord<F>).source;
  return col === NO_COLUMN || source.value(record.row, col) === null
    ? undefined
    : source.cell(record.row, col);
}

/** The fields a record has a column (or a cell) for. */
export function fieldNames<F extends string>(record: SheetRecord<F>): F[] {
  if (record instanceof GridRecord && record.inGrid) return [...record.source.fieldColumns.keys()] as F[];
  return Object.keys(record.fields) as F[];
}

/**
 * Reads a field's text, "" when the field is absent, blank or a placeholder (TBC, N/A, -, #N/A …):
 * this and {@link fieldValue} are where rules, summaries and routing read a record's fields, so a
 * placeholder counts as empty everywhere at once (SPEC "Real registers").
 */
export function fieldText<F extends string>(record: SheetRecord<F>, field: F): string {
  const text = rawText(record, field);
  if (isPlaceholder(text)) return "";
  return PERSON_FIELDS.has(field) ? personNames(text) : text;
}

/**
 * The fields that name people: a SharePoint list export writes them "Smith, J;#12;#Jones, K", and they
 * are read as their names, "Smith, J; Jones, K" ({@link personNames}), wherever owners are shown or compared.
 */
const PERSON_FIELDS: ReadonlySet<string> = new Set([
  "owner",
  "actionOwner",
  "leadDirector",
  "leadOfficer",
  "by",
]);

/** The cell of a field as rules read it: undefined when absent, blank or a placeholder. */
export function fieldCell<F extends string>(record: SheetRecord<F>, field: F): RecordCell | undefined {
  const c = rawCell(record, field);
  return c && !isPlaceholder(c.text) ? c : undefined;
}

/** A field's raw value as rules read it: null when absent, blank or a placeholder. */
export function fieldValue<F extends string>(record: SheetRecord<F>, field: F): CellValue {
  const col = gridColumn(record, field);
  if (col !== MADE) {
    if (col === NO_COLUMN) return null;
    const source = (record as GridRecord<F>).source;
    const v = source.value(record.row, col);
    return v !== null && !isPlaceholder(source.text(record.row, col)) ? v : null;
  }
  const c = record.fields[field];
  return c && !isPlaceholder(c.text) ? c.value : null;
}

/**
 * A field's date as rules read it (null when absent, blank, a placeholder or not a date). A record still
 * in the grid is read from its cell directly: its column cannot have been marked month first, as marking
 * makes the record's cells.
 */
export function fieldDate<F extends string>(
  record: SheetRecord<F>,
  field: F,
  meaning: DateMeaning,
): DayNumber | null {
  const col = gridColumn(record, field);
  if (col === MADE) {
    const c = fieldCell(record, field);
    const d = c ? parseDateCell(c, meaning) : null;
    return d?.ok ? d.value : null;
  }
  if (col === NO_COLUMN) return null;
  const source = (record as GridRecord<F>).source;
  const value = source.value(record.row, col);
  if (value === null || (typeof value === "string" && isPlaceholder(source.text(record.row, col))))
    return null;
  const d = parseDate(value, source.format(record.row, col), meaning);
  return d.ok ? d.value : null;
}

/** The 0-based column of a field on the record's sheet (its own cell's, else the sheet's), if any. */
export function fieldColumn<F extends string>(record: SheetRecord<F>, field: F): number | undefined {
  const col = gridColumn(record, field);
  if (col === MADE) return record.fields[field]?.col;
  return col === NO_COLUMN ? undefined : col;
}

/** Takes a field out of the records made with it (a column found, once read, to be no such field). */
export function dropMadeField<F extends string>(records: readonly SheetRecord<F>[], field: F): void {
  for (const r of records) {
    if (r instanceof GridRecord && r.inGrid) continue;
    delete r.fields[field];
  }
}

/**
 * Renames a field on records whose cells were made (records still in the grid follow the sheet's
 * `fieldColumns`, which the caller renames once).
 */
export function renameMadeField<F extends string>(records: readonly SheetRecord<F>[], from: F, to: F): void {
  for (const r of records) {
    if (r instanceof GridRecord && r.inGrid) continue;
    const c = r.fields[from];
    delete r.fields[from];
    if (c) r.fields[to] = c;
  }
}

const APOSTROPHE = 39;

/**
 * Folds an id for comparison: trimmed, case-insensitive, runs of spaces folded (SPEC "Record ids"), a
 * leading text apostrophe left out, and read in its parts (see sameIdForm), so "HRC 001", "HRC-001" and
 * "HRC-1" are one id. Numbers keep every digit: 12 → "12", 1.5 → "1.5".
 */
export function idKey(value: CellValue | undefined): string {
  const folded = foldedId(value);
  return folded && sameIdForm(folded);
}

/** An id trimmed, in lower case, its spaces folded and its text apostrophe left out ("" for none), as typed. */
function foldedId(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  // A plain id (nearly every id cell) has no spaces to fold and no apostrophe: its lower case.
  if (isPlainId(value)) return isPlaceholder(value) ? "" : value.toLowerCase();
  let s = foldSpaces(String(value));
  // Excel's text apostrophe, kept as a character by an export to CSV ("'0012"): the id is 0012.
  if (s.charCodeAt(0) === APOSTROPHE && s.length > 1) s = s.slice(1);
  // An id "TBC" or "#REF!" is no id: two of them are not the same risk.
  return isPlaceholder(s) ? "" : s.toLowerCase();
}

/** The longest folded id read in its parts (see sameIdForm): longer texts are words, not ids. */
const MOST_ID_CHARACTERS = 40;
/**
 * A folded id as one risk's id is however it is typed (judgement: SPEC folds case and spaces, and is silent on
 * the marks between an id's parts and on a number's zeros after a prefix): its runs of letters and of digits in
 * order, joined by hyphens, each number without its leading zeros. "hrc 001", "hrc-001", "hrc_001", "hrc001"
 * and "hrc-1" are "hrc-1"; "hrc-10" and "hrc-1-0" stay apart, as their parts differ. An id with no letter
 * ("2022-01", "0012": a numeric id keeps its zeros, SPEC "Record ids"), with a full stop, slash or other mark
 * ("r1.1", "hw/01"), or longer than an id (words) is as folded.
 */
export function sameIdForm(folded: string): string {
  return folded.length > MOST_ID_CHARACTERS ? folded : idInParts(folded);
}

/** Character codes an id is read in its parts by (see idInParts). */
const CODE = {
  zero: 48,
  nine: 57,
  a: 97,
  z: 122,
  space: 32,
  hyphen: 45,
  underscore: 95,
  enDash: 0x2013,
  emDash: 0x2014,
};
const isDigitCode = (c: number) => c >= CODE.zero && c <= CODE.nine;
const isLetterCode = (c: number) => c >= CODE.a && c <= CODE.z;
const isIdMarkCode = (c: number) =>
  c === CODE.space || c === CODE.hyphen || c === CODE.underscore || c === CODE.enDash || c === CODE.emDash;

/**
 * See sameIdForm: the id's runs of letters and of digits joined by hyphens, each number without its leading
 * zeros; or the id as it is when it has no letter or no digit, opens with a mark, or holds any mark but a space,
 * hyphen, dash or underscore. One pass over its characters, no pattern: every risk's id is read so once a check.
 */
function idInParts(folded: string): string {
  const n = folded.length;
  let letter = false;
  let digit = false;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
    if (isDigitCode(c)) digit = true;
    else if (isLetterCode(c)) letter = true;
    else if (i === 0 || !isIdMarkCode(c)) return folded;
  }
  if (!letter || !digit) return folded;
  let out = "";
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isIdMarkCode(c)) {
      i++;
      continue;
    }
    const inRun = isDigitCode(c) ? isDigitCode : isLetterCode;
    let end = i + 1;
    while (end < n && inRun(folded.charCodeAt(end))) end++;
    let start = i;
    // A number's leading zeros, all but its last digit: "007" is 7, "000" is 0.
    if (inRun === isDigitCode) while (start < end - 1 && folded.charCodeAt(start) === CODE.zero) start++;
    out = out === "" ? folded.slice(start, end) : `${out}-${folded.slice(start, end)}`;
    i = end;
  }
  return out;
}

/** What separates the ids of a list ("SL-10, SL-11", "SL-10 and SL-11"), and a digit. */
const ID_LIST_SEPARATOR = /[,/&;+]|\band\b/i;
const ID_LIST_SPLIT = /\s*(?:[,/&;+]|\band\b)\s*/i;
const DIGIT = /\d/;
/** Line breaks in a cell (ids one a line, Alt+Enter; \r\n from a CSV): they separate ids as a comma does. */
const LINE_BREAKS = /[\r\n]+/g;

/**
 * The text riskIdKeys reads from an id cell: its line breaks kept (ids one per line are a list), HTML
 * stripped; a number as its digits.
 */
export function idListText(value: CellValue): string {
  if (typeof value === "string") return stripHtml(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** "and" anywhere: in a plain id's characters it may join two ids ("SL-10-and-11"). */
const HAS_AND = /and/i;

/**
 * True for an id cell written as ids mostly are ("HRC-001", "SL_10", "4.2"): letters, digits, hyphens,
 * underscores and full stops alone, with no "and" in it. Such a cell reads as itself (no spaces to fold, no
 * HTML), names one id (no list), and its folded id is its lower case (unless a placeholder: see idKey), so a
 * log's reader can take its id without the general path. At most 40 characters.
 */
export function isPlainId(value: CellValue): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 40) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const letterOrDigit = (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
    if (!letterOrDigit && c !== 45 && c !== 95 && c !== 46) return false;
  }
  // "SL-10-and-11" is a list (see riskIdKeys): left to the general path.
  return !HAS_AND.test(value);
}

/**
 * The folded risk ids a cell names: an actions row's risk id ("SL-10, SL-11" names two), or a risk's id
 * cell listing several ids, one a line.
 */
export function idsNamedIn(value: CellValue): string[] {
  return riskIdKeys(idListText(value));
}

/**
 * False when a text (as idListText gives it) can name one id at most: it has no line break and no mark
 * between ids. Most id cells are so, and need no splitting (see riskIdKeys).
 */
export function mayListIds(text: string): boolean {
  return text.includes("\n") || ID_LIST_SEPARATOR.test(text);
}

/**
 * The risk ids an actions row names: "SL-10, SL-11", "SL-10 / SL-11", "SL-10 & SL-11" and "SL-10" and
 * "SL-11" on lines of their own name two.
 */
export function riskIdKeys(text: string): string[] {
  const whole = foldedId(text);
  if (!whole || !mayListIds(text)) return whole ? [sameIdForm(whole)] : [];
  // foldedId folds a line break into a space: make it a comma first.
  const listed = text.includes("\n") ? foldedId(text.replace(LINE_BREAKS, ",")) : whole;
  if (!ID_LIST_SEPARATOR.test(listed)) return [sameIdForm(whole)];
  const parts = listed
    .split(ID_LIST_SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  // Only a list of ids splits: "HRC/001" or "Highways & Lighting" stay one.
  if (parts.length < 2 || !parts.every((p) => DIGIT.test(p) && p.split(" ").length <= 2))
    return [sameIdForm(whole)];
  return withPrefixes(parts).map(sameIdForm);
}

/** An id's prefix and its number: "hrc-" and "007". */
const PREFIX_AND_NUMBER = /^(.*\D)(\d+)$/;

/**
 * A list's later ids written by their number alone take the id before's prefix, and its width when its
 * number has leading zeros: "SL-10, 11" is SL-10 and SL-11, "HRC-007 & 8" HRC-007 and HRC-008.
 */
function withPrefixes(parts: string[]): string[] {
  let prefix = "";
  let width = 0;
  return parts.map((p) => {
    if (/^\d+$/.test(p) && prefix) return prefix + p.padStart(width, "0");
    const m = PREFIX_AND_NUMBER.exec(p);
    prefix = m ? m[1] : "";
    width = m && m[2].startsWith("0") ? m[2].length : 0;
    return p;
  });
}
