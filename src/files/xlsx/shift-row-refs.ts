// Moves the A1 references of a formula when rows are inserted above a table's totals row, as Excel does,
// and says where a row, a range or a sheet's reference is once the rows have moved.

import { columnOfLetters } from "../../core/address/a1";

/** Parts of a formula that hold no A1 reference of this sheet: strings, structured references, quoted sheet names. */
const SKIPPED =
  /"(?:[^"]|"")*"|&quot;(?:(?!&quot;)[\s\S])*&quot;|'(?:[^']|'')*'|&apos;(?:(?!&apos;)[\s\S])*&apos;/g;

/** A1 cell or range not qualified by a sheet (no "!" before it) and not a function or name (no "(" or letter after). */
const A1_REF =
  /(?<![A-Za-z0-9_.!$:\]])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(![])/g;

/** An A1 cell or range of the formula's own sheet, as {@link mapA1Refs} hands it over (rows 0-based). */
export interface A1Ref {
  firstRow: number;
  lastRow: number;
  /** 0-based columns of the reference's first and last cell. */
  firstCol: number;
  lastCol: number;
  /** True for a range (F5:F20), false for one cell. */
  isRange: boolean;
  /** True when the first (last) row is absolute ($F$5): it stays put when the formula is copied down. */
  firstRowFixed: boolean;
  lastRowFixed: boolean;
}

/**
 * `formula` with each A1 reference of its own sheet (not qualified by a sheet, not in a string, not in a
 * structured reference such as Table1[Score], which Excel keeps up to date itself) replaced by what `edit`
 * makes of it: `edit` gets the reference's rows and a function writing it with other rows.
 */
export function mapA1Refs(
  formula: string,
  edit: (ref: A1Ref, withRows: (first: number, last: number) => string) => string,
): string {
  const plain = (part: string): string =>
    part.replace(
      A1_REF,
      (
        _all,
        d1: string,
        c1: string,
        d2: string,
        r1: string,
        d3?: string,
        c2?: string,
        d4?: string,
        r2?: string,
      ) => {
        const first = Number(r1) - 1;
        const last = r2 === undefined ? first : Number(r2) - 1;
        const firstCol = columnOfLetters(c1);
        const lastCol = c2 === undefined ? firstCol : columnOfLetters(c2);
        return edit(
          {
            firstRow: first,
            lastRow: last,
            firstCol,
            lastCol,
            isRange: r2 !== undefined,
            firstRowFixed: d2 === "$",
            lastRowFixed: (r2 === undefined ? d2 : d4) === "$",
          },
          (f, l) =>
            r2 === undefined ? `${d1}${c1}${d2}${f + 1}` : `${d1}${c1}${d2}${f + 1}:${d3}${c2}${d4}${l + 1}`,
        );
      },
    );
  let out = "";
  let last = 0;
  // Structured references ([Score], [[#Totals],[Score]]) are skipped by bracket depth.
  const skipped: [number, number][] = [];
  for (const m of formula.matchAll(SKIPPED)) skipped.push([m.index, m.index + m[0].length]);
  let depth = 0;
  let open = -1;
  for (let i = 0; i < formula.length; i++) {
    if (skipped.some(([s, e]) => i >= s && i < e)) continue;
    if (formula[i] === "[") {
      if (depth++ === 0) open = i;
    } else if (formula[i] === "]" && depth > 0 && --depth === 0) skipped.push([open, i + 1]);
  }
  skipped.sort((a, b) => a[0] - b[0]);
  for (const [s, e] of skipped) {
    if (s < last) continue;
    out += plain(formula.slice(last, s)) + formula.slice(s, e);
    last = e;
  }
  return out + plain(formula.slice(last));
}

/**
 * `formula` (as stored in the sheet or table part) with its references moved for `by` rows inserted at
 * 0-based row `at`: a cell at or below `at` moves down by `by`; a range whose last row is the row just
 * above `at` (the table's last data row) grows to end on the new last data row, so "SUM(F5:F20)" in the
 * totals row still adds every risk. References to other sheets, inside strings and in structured
 * references (Table1[Score], which Excel keeps up to date itself) are left as they are.
 */
export function shiftRowRefs(formula: string, at: number, by: number): string {
  const moved = (r: number, isRangeEnd: boolean) => (r >= at || (isRangeEnd && r === at - 1) ? r + by : r);
  return mapA1Refs(formula, ({ firstRow, lastRow, isRange }, withRows) =>
    withRows(moved(firstRow, false), moved(lastRow, isRange)),
  );
}

/**
 * `formula` as written for one row, copied `by` rows down, as Excel fills a formula down a column: each A1
 * reference of its own sheet whose row is relative (F5, not F$5) moves `by` rows. A table's calculated
 * column holds its formula as for its first data row; a new row gets it so.
 */
export function copiedDown(formula: string, by: number): string {
  if (by === 0) return formula;
  return mapA1Refs(formula, (ref, withRows) =>
    withRows(ref.firstRow + (ref.firstRowFixed ? 0 : by), ref.lastRow + (ref.lastRowFixed ? 0 : by)),
  );
}

/**
 * Rows moved down on a sheet: those from 0-based `at` move down by `by` (Table Rows Above at the totals
 * row); with `intoBlankRows`, the totals row `at` alone moves, into the blank rows under it (`at + by`),
 * and nothing further down moves.
 */
export interface RowsMoved {
  at: number;
  by: number;
  intoBlankRows: boolean;
}

/** Where a 0-based row is after the move. */
export function movedRow(m: RowsMoved, row: number): number {
  if (m.intoBlankRows) return row === m.at ? m.at + m.by : row;
  return row >= m.at ? row + m.by : row;
}

/**
 * A range's first and last rows (0-based) after the move, as Excel's references follow their cells: it
 * moves with its rows, and grows when rows go in inside it (a range over the register, its Total row
 * included, grows over the new rows).
 */
export function movedRows(m: RowsMoved, first: number, last: number): [number, number] {
  if (!m.intoBlankRows) return [movedRow(m, first), movedRow(m, last)];
  // The totals row takes the last of the blank rows under it: a range ending on it (or on a blank row above
  // where it goes) ends where it now is.
  const end = m.at + m.by;
  const newLast = last >= m.at && last < end ? end : last;
  return [Math.min(movedRow(m, first), newLast), newLast];
}

/** A reference qualified by a sheet: 'My Sheet'!$F$21, Register!F5:F21, Register!$21:$21. */
const SHEET_REF =
  /(?:'((?:[^']|'')+)'|([^\s'!"(),;:=<>&*/+^-][^\s'!"(),;:=<>&*/+^]*))!(\$?[A-Z]{1,3})?(\$?)(\d+)(?::(\$?[A-Z]{1,3})?(\$?)(\d+))?/g;

/** Text in double quotes: a string, not a reference. */
const STRING = /"(?:[^"]|"")*"/g;

/**
 * `formula` (its XML entities read) with each reference qualified by `sheet` (any case; not inside a
 * string) given the rows `edit` makes of its first and last rows (0-based); every other character kept.
 */
export function mapSheetRefs(
  formula: string,
  sheet: string,
  edit: (first: number, last: number) => [number, number],
): string {
  const wanted = sheet.toLowerCase();
  const refs = (part: string): string =>
    part.replace(
      SHEET_REF,
      (
        all: string,
        quoted: string | undefined,
        plain: string | undefined,
        c1: string | undefined,
        d1: string,
        r1: string,
        c2: string | undefined,
        d2: string | undefined,
        r2: string | undefined,
      ) => {
        const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? "");
        if (name.toLowerCase() !== wanted) return all;
        const first = Number(r1) - 1;
        const last = r2 === undefined ? first : Number(r2) - 1;
        const [f, l] = edit(first, last);
        const prefix = all.slice(0, all.indexOf("!") + 1);
        const start = `${prefix}${c1 ?? ""}${d1}${f + 1}`;
        return r2 === undefined ? start : `${start}:${c2 ?? ""}${d2 ?? ""}${l + 1}`;
      },
    );
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(STRING)) {
    out += refs(formula.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + refs(formula.slice(last));
}
