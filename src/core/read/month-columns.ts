// Fields kept month by month, one column per month: "Update Apr-22 … Update Sep-22", "Score Jul-22 | Score
// Aug-22", headers that are only a month ("Sep-22" typed as a date, "September 2022" as text), months under a
// group header naming the field ("Monthly Update" over Jul-22 / Aug-22 / Sep-22). The mapper finds them once
// per header row (monthFamilies), the workbook reader binds them to the as-at date once per sheet
// (bindMonthFamilies), and each row's current month is found once per field (MonthColumnsReader): the newest
// month up to the as-at date whose cell holds something.

import { columnLetter } from "../address/a1";
import type { SheetKind } from "../model/fields";
import { cellAt, type CellValue, type Grid } from "../model/grid";
import type { MonthColumn, MonthKept } from "../model/records";
import type { ColumnMapping, MonthColumnsInfo } from "../model/sheet-info";
import { dayFromParts, monthIndexOfDay, type DayNumber } from "../parse/day";
import { financialYearStart } from "../parse/financial-year";
import { fullYear, MONTH_WORD_SOURCE, monthNumber } from "../parse/months";
import { isPlaceholder } from "../parse/placeholder";
import { cellText, monthLabel } from "./cell-text";
import { headerWords } from "./header-words";

/** A field kept month by month: its columns, oldest month first. */
export interface MonthFamily {
  field: string;
  columns: MonthColumn[];
  /** How many of `columns` (oldest first) are read: all until bound, then those up to the as-at month. */
  readable: number;
  /**
   * Once bound to the as-at date (bindMonthFamilies): that month as Excel shows it ("Sep-22") and its column,
   * null where the sheet has none (its months end before it, begin after it, or skip it).
   */
  asAtMonth?: { label: string; column: MonthColumn | null };
}

/** What a mapper needs of a header cell (map-headers' HeaderCell). */
interface HeaderCellText {
  col: number;
  text: string;
  group?: string;
}

/** The field a header's words name, and how well (map-headers' best candidate); null for none. */
export type FieldOfHeader = (
  text: string,
  group: string | undefined,
) => { field: string; score: number } | null;

/** A family the mapper may assign: its field, its score against other claims, its columns. */
export interface FamilyCandidate {
  field: string;
  score: number;
  columns: MonthColumn[];
}

/**
 * A month and its year in a header, not inside a word: "Apr-22", "Sep 22", "Sept 2022", "July '22". "June 15"
 * is read as June 2015, as Excel reads "Jun-15".
 */
const MONTH_IN_HEADER = new RegExp(
  String.raw`(?<![a-z0-9])(${MONTH_WORD_SOURCE})\.?[\s'’/-]*(\d{4}|\d{2})(?![0-9])`,
  "gi",
);

/** A header's month (its first day) and its other words ("Update Sep-22": 1 September 2022, "Update"). */
export interface HeaderMonth {
  day: DayNumber;
  rest: string;
}

const seenMonths = new Map<string, HeaderMonth | null>();
const SEEN_LIMIT = 20_000;

/**
 * The month a header names with its year, and the header's other words; null for a header naming no month,
 * or two ("Apr-22 to Jun-22" is a quarter). Remembered per text: the header search reads the same rows often.
 */
export function headerMonth(text: string): HeaderMonth | null {
  let found = seenMonths.get(text);
  if (found === undefined) {
    found = readHeaderMonth(text);
    if (seenMonths.size >= SEEN_LIMIT) seenMonths.clear();
    seenMonths.set(text, found);
  }
  return found;
}

function readHeaderMonth(text: string): HeaderMonth | null {
  // Most headers hold no digit, and no month with its year.
  if (!/\d/.test(text)) return null;
  const matches = [...text.matchAll(MONTH_IN_HEADER)];
  if (matches.length !== 1) return null;
  const m = matches[0];
  const year = fullYear(m[2]);
  const day = dayFromParts(year, monthNumber(m[1]) ?? 0, 1);
  if (day === null || year < 1990 || year > 2100) return null;
  const rest = (text.slice(0, m.index) + " " + text.slice(m.index + m[0].length))
    .replace(EMPTY_BRACKETS, " ")
    .replace(/\s+/g, " ")
    .replace(EDGE_MARKS, "");
  return { day, rest };
}

/** Brackets the month stood in alone ("Progress (Aug 2022)"). */
const EMPTY_BRACKETS = /[([]\s*[)\]]/g;
/** Marks left at either end where the month was ("Update - Apr 22", "Sep-22: Update"). */
const EDGE_MARKS = /^[\s\-–—:;,/]+|[\s\-–—:;,/]+$/g;

/**
 * The field months stand for when their headers are the months alone and no group header names one: on a
 * register and an actions sheet each month's update, on a plan each month's progress (its status), on an
 * Update Log kept in wide form (a row per risk, a column per month: see readsAsWideLog) each month's words.
 */
const BARE_MONTHS_FIELD: Partial<Record<SheetKind, string>> = {
  "risk-register": "update",
  actions: "update",
  "improvement-plan": "status",
  "update-log": "text",
};
/** How strongly bare months claim that field: below any header that names it. */
const BARE_MONTHS_SCORE = 5;
/** Words of a group header that say its columns are months, not which field they hold ("Monthly Update"). */
const MONTHLY_WORDS = /\b(?:monthly|months?|by month|per month)\b/gi;

/**
 * The field a single month column is kept month by month for: an update column named with its month ("Update
 * (Sep-22)", "Update Sep-22"; last month's column copied off) holds that month's updates, dated its first day,
 * as a run of such columns does. A lone month of another field ("Budget Sep-22", "Spend Sep-22") says which
 * period its amount is for, and a lone bare month ("Sep-22") names no field.
 */
const LONE_MONTH_FIELD = "update";

/**
 * The families of month columns among a header row's cells: two or more headers naming different months
 * with the same other words ("Update Apr-22", "Update May-22") under the same group header, or months alone,
 * or the same headers under different months (a block of columns a month: see cellMonth); or one update
 * column named with its month (a family of one: see LONE_MONTH_FIELD).
 * Each family's field is the one its other words name (`fieldOf`), else the one its group header names
 * ("Monthly Update"), else the sheet kind's (BARE_MONTHS_FIELD).
 */
export function monthFamilies(
  kind: SheetKind,
  cells: readonly HeaderCellText[],
  fieldOf: FieldOfHeader,
): FamilyCandidate[] {
  const bare = BARE_MONTHS_FIELD[kind];
  if (bare === undefined) return [];
  const groups = new Map<string, { rest: string; group: string | undefined; columns: MonthColumn[] }>();
  for (const c of cells) {
    const m = cellMonth(c);
    if (!m) continue;
    const key = `${headerWords(m.rest).join(" ")}\u0000${m.group ?? ""}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rest: m.rest, group: m.group, columns: [] }));
    // One column a month: a second column of the same month is not the family's.
    if (!g.columns.some((x) => x.day === m.day))
      g.columns.push({ col: c.col, day: m.day, label: monthLabel(m.day) });
  }
  const out: FamilyCandidate[] = [];
  for (const { rest, group, columns } of groups.values()) {
    const named =
      headerWords(rest).length > 0
        ? fieldOf(rest, group)
        : group
          ? fieldOf(groupFieldText(group), undefined)
          : null;
    if (columns.length < 2 && named?.field !== LONE_MONTH_FIELD) continue;
    const claim =
      named ?? (headerWords(rest).length === 0 ? { field: bare, score: BARE_MONTHS_SCORE } : null);
    if (!claim) continue;
    columns.sort((a, b) => a.day - b.day);
    out.push({ field: claim.field, score: claim.score, columns });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The month a header cell stands for, its other words and the group they are read under: the month its own
 * text names ("Update Sep-22", "Sep-22" under "Monthly Update"), else the month alone over it ("RAG" and
 * "Update" under "Sep-22", a block of columns a month): the cell's text is then the field's words, under no
 * group; else a month's name alone under a group giving its year ("July" under "Monthly update 2022/23": see
 * bareMonthDay). Null for a cell of no month.
 */
function cellMonth(c: HeaderCellText): (HeaderMonth & { group: string | undefined }) | null {
  const own = headerMonth(c.text);
  if (own) return { ...own, group: c.group };
  if (!c.group) return null;
  const over = headerMonth(c.group);
  if (over) return over.rest === "" ? { day: over.day, rest: c.text, group: undefined } : null;
  const day = bareMonthDay(c.text, c.group);
  return day === null ? null : { day, rest: "", group: c.group };
}

/**
 * True for a header that is a month under the group header over it: one naming its month with the year
 * ("Sep-22", "Update Sep-22"), or a month's name alone under a group giving its year ("Jul" under "Monthly
 * update 2022/23": see bareMonthDay).
 */
export function isMonthUnder(text: string, group: string | undefined): boolean {
  return headerMonth(text) !== null || (group !== undefined && bareMonthDay(text, group) !== null);
}

/** A header that is a month's name alone: "July", "Jul", "Sept.". */
const BARE_MONTH = new RegExp(String.raw`^\s*(${MONTH_WORD_SOURCE})\.?\s*$`, "i");
/**
 * The year a group header gives the months under it: a financial year ("Monthly update 2022/23", "FY
 * 2022-23": groups 1 and 2) or a calendar year ("Monthly update 2022": group 3).
 */
const GROUP_YEAR =
  /(?<![\d/])(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})(?![\d/])|(?<![\d/])((?:19|20)\d{2})(?![\d/])/gi;

/**
 * The first day of a month headed by its name alone ("July", "Jul") under a group header that gives its
 * year: a financial year's April–December are in its first year and January–March in its second ("July"
 * under "Monthly update 2022/23" is July 2022, "Feb" February 2023); a calendar year's months are in it.
 * Null where no year is given, or two are (a month needs its year), or the text is no month's name.
 */
function bareMonthDay(text: string, group: string): DayNumber | null {
  const name = BARE_MONTH.exec(text);
  if (!name) return null;
  const years = [...group.matchAll(GROUP_YEAR)];
  if (years.length !== 1) return null;
  const [, first, second, calendar] = years[0];
  const month = monthNumber(name[1]) ?? 0;
  if (calendar !== undefined) return dayFromParts(Number(calendar), month, 1);
  const start = financialYearStart(first, second);
  if (start === null) return null;
  return dayFromParts(month >= FINANCIAL_YEAR_FIRST_MONTH ? start : start + 1, month, 1);
}

/** April: the first month of a UK financial year. */
const FINANCIAL_YEAR_FIRST_MONTH = 4;

/**
 * A group header's words that may name the field its months hold: without the words saying the columns are
 * months ("Monthly") and without the year it gives them ("Monthly update 2022/23" names "update").
 */
function groupFieldText(group: string): string {
  return group.replace(MONTHLY_WORDS, " ").replace(GROUP_YEAR, " ").replace(/\s+/g, " ").trim();
}

/**
 * The month alone over a header cell that names none itself ("Sep-22" over "Update", a block of columns a
 * month), as the check labels it; null for any other cell.
 */
export function monthOverHeader(c: { text: string; group?: string }): string | null {
  if (!c.group || headerMonth(c.text)) return null;
  const over = headerMonth(c.group);
  return over && over.rest === "" ? monthLabel(over.day) : null;
}

/** What bindMonthFamilies changes of a header mapping (map-headers' HeaderMapping). */
interface BindableMapping {
  fieldColumns: Map<string, number>;
  columns: ColumnMapping[];
  monthFamilies?: MonthFamily[];
}

/**
 * Binds a sheet's month families to the as-at date: only months up to the as-at month are read (a register
 * laid out for the year has its later months blank; one filled early is not yet an update), and the field's
 * column is the newest of them (the as-at month's, where the sheet has one: a write of this month's update
 * goes there).
 */
export function bindMonthFamilies(mapping: BindableMapping | null, asAt: DayNumber): void {
  for (const family of mapping?.monthFamilies ?? []) {
    const was = mapping!.fieldColumns.get(family.field);
    if (was === undefined || !family.columns.some((c) => c.col === was)) continue;
    let readable = 0;
    while (readable < family.columns.length && family.columns[readable].day <= asAt) readable++;
    family.readable = readable;
    const newest = family.columns[readable - 1];
    family.asAtMonth = {
      label: monthLabel(asAt),
      column: newest !== undefined && monthIndexOfDay(newest.day) === monthIndexOfDay(asAt) ? newest : null,
    };
    const now = family.columns[Math.max(0, readable - 1)].col;
    mapping!.fieldColumns.set(family.field, now);
    for (const c of mapping!.columns) {
      if (c.col === now) c.field = family.field;
      else if (c.col === was) c.field = null;
    }
  }
}

/** True when a cell holds something: not blank, not a placeholder ("-", "N/A", "TBC"). */
export function holdsSomething(value: CellValue): boolean {
  if (value === null) return false;
  if (typeof value !== "string") return true;
  const text = cellText(value);
  return text !== "" && !isPlaceholder(text);
}

/** One family as a reader reads it: its months newest first, each row's current column once found. */
interface FamilyReading {
  newestFirst: number[];
  /** Per row (from the grid's first), the current column + 1; 0 while not yet found. */
  found: Int32Array;
}

/** Reads a sheet's month families from its grid (see MonthKept). */
export class MonthColumnsReader implements MonthKept {
  private readonly byField = new Map<number, FamilyReading>();
  private readonly byColumn = new Map<number, readonly MonthColumn[]>();

  constructor(
    private readonly grid: Grid,
    families: readonly MonthFamily[],
    fieldColumns: ReadonlyMap<string, number>,
  ) {
    for (const f of families) {
      const col = fieldColumns.get(f.field);
      if (col === undefined || !f.columns.some((c) => c.col === col)) continue;
      const read = f.columns.slice(0, f.readable);
      this.byField.set(col, {
        newestFirst: read.map((c) => c.col).reverse(),
        found: new Int32Array(grid.values.length),
      });
      for (const c of f.columns) this.byColumn.set(c.col, read);
    }
  }

  current(col: number, row: number): number {
    const family = this.byField.get(col);
    if (family === undefined) return col;
    const r = row - this.grid.rowOffset;
    if (r < 0 || r >= family.found.length) return col;
    const known = family.found[r];
    if (known !== 0) return known - 1;
    let at = col;
    for (const c of family.newestFirst)
      if (holdsSomething(cellAt(this.grid, row, c))) {
        at = c;
        break;
      }
    family.found[r] = at + 1;
    return at;
  }

  monthsOf(col: number): readonly MonthColumn[] | undefined {
    return this.byColumn.get(col);
  }
}

/** The reader of a sheet's month families, or undefined for a sheet with none (nearly every sheet). */
export function monthColumnsOf(
  grid: Grid,
  mapping: Pick<BindableMapping, "fieldColumns" | "monthFamilies"> | null,
): MonthKept | undefined {
  const families = mapping?.monthFamilies;
  return families?.length ? new MonthColumnsReader(grid, families, mapping!.fieldColumns) : undefined;
}

/** The family of month columns the sheet keeps `field` in; undefined where it keeps the field in one column. */
export function monthFamilyOf(
  mapping: Pick<BindableMapping, "fieldColumns" | "monthFamilies"> | null | undefined,
  field: string,
): MonthFamily | undefined {
  const col = mapping?.fieldColumns.get(field);
  if (col === undefined) return undefined;
  return (mapping!.monthFamilies ?? []).find((f) => f.columns.some((c) => c.col === col));
}

/** The family of month columns a sheet column is one of, and its month; undefined for any other column. */
export function monthOfColumn(
  mapping: Pick<BindableMapping, "monthFamilies"> | null | undefined,
  col: number,
): { family: MonthFamily; month: MonthColumn } | undefined {
  for (const family of mapping?.monthFamilies ?? []) {
    const month = family.columns.find((c) => c.col === col);
    if (month) return { family, month };
  }
  return undefined;
}

/**
 * The month columns of `field` read up to the as-at date (see bindMonthFamilies), oldest first, where the
 * sheet keeps it month by month; undefined otherwise.
 */
export function readableMonths(
  mapping: Pick<BindableMapping, "fieldColumns" | "monthFamilies"> | null | undefined,
  field: string,
): readonly MonthColumn[] | undefined {
  const family = monthFamilyOf(mapping, field);
  return family?.columns.slice(0, family.readable);
}

/** True when the sheet keeps `field` month by month. */
export function keptByMonth(
  mapping: Pick<BindableMapping, "fieldColumns" | "monthFamilies"> | null | undefined,
  field: string,
): boolean {
  return monthFamilyOf(mapping, field) !== undefined;
}

/**
 * Why a bound family has no column to write the as-at month's value in, in words: "no column for Sep-22
 * (its months end at Aug-22)", "… (its months begin at Oct-22)", or just "no column for Sep-22" where its
 * months skip it. Null where it has one (or is not bound).
 */
export function missingMonthText(family: MonthFamily): string | null {
  const at = family.asAtMonth;
  if (at === undefined || at.column !== null) return null;
  const first = family.columns[0];
  const last = family.columns[family.columns.length - 1];
  const span =
    family.readable === family.columns.length
      ? ` (its months end at ${last.label})`
      : family.readable === 0
        ? ` (its months begin at ${first.label})`
        : "";
  return `no column for ${at.label}${span}`;
}

/** What the sheet list says of a sheet's month families: each field with its months and their columns. */
export function monthColumnsInfo(mapping: BindableMapping | null | undefined): MonthColumnsInfo[] {
  const out: MonthColumnsInfo[] = [];
  for (const f of mapping?.monthFamilies ?? []) {
    const cols = new Set(f.columns.map((c) => c.col));
    // The field as the sheet now reads it (a column found, once read, to hold dates is renamed).
    const field = mapping!.columns.find((c) => cols.has(c.col) && c.field !== null)?.field;
    if (!field) continue;
    out.push({
      field,
      months: f.columns.map((c) => ({ letter: columnLetter(c.col), month: c.label })),
      read: f.readable,
    });
  }
  return out;
}
