// Works a parsed formula out as Excel does, for the value types a register holds: numbers (dates are serials),
// text, TRUE/FALSE, blanks and error values. Where Excel's answer could depend on something this does not
// model (text Excel would read as a date in its locale, a range where one value is wanted), it gives up:
// NotWorkedOut, never a guess.

import type { CellValue } from "../../../core/model/grid";
import { ERROR_CODES, type BinaryOp, type FormulaNode, type RefEnd } from "./parse-formula";

/** An Excel error value (#DIV/0!, #N/A …) as a formula's result or a step in working it out. */
export class ExcelError {
  constructor(readonly code: string) {}
}

/** A blank cell read by a reference: 0 in arithmetic, "" in text, FALSE as a condition. */
const BLANK = Symbol("blank");

/** One value met while working a formula out. */
export type FormulaValue = number | string | boolean | ExcelError | typeof BLANK;

/** Thrown when the formula's result cannot be known here; the cell then has no result. */
export class NotWorkedOut extends Error {}

/** Where the formula is, and how to read the cells it refers to. */
export interface FormulaScope {
  /** The sheet the formula is on: its references without a sheet are to it. */
  sheet: string;
  /** How far a shared formula's cell is from the cell its text was written for (rows, columns). */
  shift: { rows: number; cols: number };
  /**
   * A cell's value (0-based), a formula without a saved result worked out first; throws NotWorkedOut when the
   * sheet is not in the workbook or the cell's result cannot be known.
   */
  cell(sheet: string, row: number, col: number): CellValue;
  /** The last row (0-based) holding anything on `sheet`, to bound whole-column ranges. */
  lastRow(sheet: string): number;
  /** Counts cells read from ranges; throws NotWorkedOut when the workbook's budget is spent. */
  spend(cells: number): void;
}

/**
 * The formula's result as a cell holds it: a number, text, TRUE/FALSE, an error value's code ("#DIV/0!"),
 * or null for an empty text result; a reference to a blank cell gives 0, as Excel shows.
 * @throws NotWorkedOut when the result cannot be known.
 */
export function evaluateFormula(node: FormulaNode, scope: FormulaScope): CellValue {
  const v = scalar(node, scope);
  if (v === BLANK) return 0;
  if (v instanceof ExcelError) return v.code;
  if (typeof v === "number") return checkedNumber(v) instanceof ExcelError ? "#NUM!" : v;
  return v === "" ? null : v;
}

/** A cell's value as a formula reads it: a blank, or an error value written as its code. */
function fromCell(v: CellValue): FormulaValue {
  if (v === null || v === "") return BLANK;
  if (typeof v === "string" && ERROR_CODES.has(v)) return new ExcelError(v);
  return v;
}

/** The cells of a reference (one for a cell), shifted as a shared formula's are, on the sheet it names. */
interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function shifted(end: RefEnd, scope: FormulaScope): { row: number | null; col: number } {
  const row = end.row === null || end.rowFixed ? end.row : end.row + scope.shift.rows;
  const col = end.colFixed ? end.col : end.col + scope.shift.cols;
  if ((row !== null && row < 0) || col < 0) throw new NotWorkedOut(); // #REF! in Excel: not a register's
  return { row, col };
}

function areaOf(node: Extract<FormulaNode, { kind: "ref" }>, scope: FormulaScope): Area {
  const sheet = node.sheet ?? scope.sheet;
  const a = shifted(node.from, scope);
  const b = node.to ? shifted(node.to, scope) : a;
  const whole = a.row === null || b.row === null;
  return {
    sheet,
    top: whole ? 0 : Math.min(a.row!, b.row!),
    bottom: whole ? scope.lastRow(sheet) : Math.max(a.row!, b.row!),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/** Each value of an area, row by row (blanks included). */
function* areaValues(area: Area, scope: FormulaScope): Generator<FormulaValue> {
  const rows = Math.max(0, Math.min(area.bottom, scope.lastRow(area.sheet)) - area.top + 1);
  scope.spend(rows * (area.right - area.left + 1));
  for (let r = area.top; r < area.top + rows; r++)
    for (let c = area.left; c <= area.right; c++) yield fromCell(scope.cell(area.sheet, r, c));
}

/** One value: a range where one value is wanted is not worked out (Excel's implicit intersection or spill). */
function scalar(node: FormulaNode, scope: FormulaScope): FormulaValue {
  switch (node.kind) {
    case "number":
      return node.value;
    case "text":
      return node.value;
    case "bool":
      return node.value;
    case "error":
      return new ExcelError(node.code);
    case "missing":
      return BLANK;
    case "ref": {
      if (node.to) throw new NotWorkedOut();
      const area = areaOf(node, scope);
      return fromCell(scope.cell(area.sheet, area.top, area.left));
    }
    case "unary": {
      const v = toNumber(scalar(node.arg, scope));
      if (v instanceof ExcelError) return v;
      return node.op === "-" ? -v : node.op === "%" ? v / 100 : v;
    }
    case "binary":
      return binary(node.op, scalar(node.left, scope), scalar(node.right, scope));
    case "call":
      return call(node.name, node.args, scope);
  }
}

function binary(op: BinaryOp, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (op === "&") {
    const ta = toText(a);
    if (ta instanceof ExcelError) return ta;
    const tb = toText(b);
    return tb instanceof ExcelError ? tb : ta + tb;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "^") {
    const x = toNumber(a);
    if (x instanceof ExcelError) return x;
    const y = toNumber(b);
    if (y instanceof ExcelError) return y;
    if (op === "/" && y === 0) return new ExcelError("#DIV/0!");
    const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : x ** y;
    return checkedNumber(r);
  }
  if (a instanceof ExcelError) return a;
  if (b instanceof ExcelError) return b;
  if (op === "=") return compare(a, b, false) === 0;
  if (op === "<>") return compare(a, b, false) !== 0;
  const c = compare(a, b, true);
  return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
}

/** #NUM! for a result Excel cannot hold (not finite). */
function checkedNumber(n: number): number | ExcelError {
  return Number.isFinite(n) ? n : new ExcelError("#NUM!");
}

/**
 * Excel's order across types: numbers < text < TRUE/FALSE; text without case; a blank as the other side's 0,
 * "" or FALSE; numbers on the 15 significant digits Excel keeps (0.1 + 0.2 = 0.3). Only equality is asked of
 * text unless `ordering`: Excel orders text by its own collation, which only plain letters, digits and spaces
 * are sure to follow here (else not worked out).
 */
function compare(a: FormulaValue, b: FormulaValue, ordering: boolean): number {
  const x = a === BLANK ? blankLike(b) : a;
  const y = b === BLANK ? blankLike(a) : b;
  const rank = (v: FormulaValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    if (p === q) return 0;
    if (ordering && (!/^[a-z0-9 ]*$/.test(p) || !/^[a-z0-9 ]*$/.test(q))) throw new NotWorkedOut();
    return p < q ? -1 : 1;
  }
  const [p, q] = [Number(Number(x).toPrecision(15)), Number(Number(y).toPrecision(15))];
  return p === q ? 0 : p < q ? -1 : 1;
}

function blankLike(other: FormulaValue): FormulaValue {
  return typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A value as arithmetic reads it: TRUE 1, a blank 0, text that is a plain number that number. Other text
 * with a digit in it ("15/09/2022", "£1,200") Excel may read as a date or amount in its locale: not worked
 * out; text without one ("TBC") is #VALUE!, as in Excel.
 */
function toNumber(v: FormulaValue): number | ExcelError {
  if (typeof v === "number") return v;
  if (v === BLANK) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof ExcelError) return v;
  const t = v.trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (/\d/.test(t)) throw new NotWorkedOut();
  return new ExcelError("#VALUE!");
}

/** A value as `&` reads it: a number in up to 15 significant digits, as Excel writes it (not worked out in exponent form). */
function toText(v: FormulaValue): string | ExcelError {
  if (typeof v === "string") return v;
  if (v === BLANK) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof ExcelError) return v;
  // `&` writes up to 15 significant digits; Excel writes very large and small numbers as 1E+21.
  const s = String(Number(v.toPrecision(15)));
  if (/e/i.test(s)) throw new NotWorkedOut();
  return s;
}

/** A value as a condition: a number not 0, TRUE, "TRUE"; a blank is FALSE; other text #VALUE!. */
function toBool(v: FormulaValue): boolean | ExcelError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === BLANK) return false;
  if (v instanceof ExcelError) return v;
  const t = v.trim().toUpperCase();
  return t === "TRUE" ? true : t === "FALSE" ? false : new ExcelError("#VALUE!");
}

/**
 * The numbers a function such as SUM reads from its arguments, as Excel reads them: from a reference or
 * range only its numbers (text, TRUE/FALSE and blanks are skipped), from a value typed in the formula its
 * number (TRUE 1, "3" 3). The first error met is the result.
 */
function numbersOf(args: readonly FormulaNode[], scope: FormulaScope): number[] | ExcelError {
  const out: number[] = [];
  for (const arg of args) {
    if (arg.kind === "ref") {
      for (const v of areaValues(areaOf(arg, scope), scope)) {
        if (v instanceof ExcelError) return v;
        if (typeof v === "number") out.push(v);
      }
      continue;
    }
    const v = scalar(arg, scope);
    if (v === BLANK) continue;
    const n = toNumber(v);
    if (n instanceof ExcelError) return n;
    out.push(n);
  }
  return out;
}

/** The conditions AND and OR read: from ranges their numbers and TRUE/FALSE only; from values each as a condition. */
function conditionsOf(args: readonly FormulaNode[], scope: FormulaScope): boolean[] | ExcelError {
  const out: boolean[] = [];
  for (const arg of args) {
    if (arg.kind === "ref") {
      for (const v of areaValues(areaOf(arg, scope), scope)) {
        if (v instanceof ExcelError) return v;
        if (typeof v === "number" || typeof v === "boolean") out.push(v === true || (v !== false && v !== 0));
      }
      continue;
    }
    const b = toBool(scalar(arg, scope));
    if (b instanceof ExcelError) return b;
    out.push(b);
  }
  return out.length === 0 ? new ExcelError("#VALUE!") : out;
}

/** Rounds half away from zero at `digits` places, as Excel does (on the 15 digits Excel keeps). */
function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const f = 10 ** Math.abs(d);
  const scaled = d >= 0 ? Math.abs(x) * f : Math.abs(x) / f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const back = d >= 0 ? r / f : r * f;
  return x < 0 ? -back : back;
}

function call(name: string, args: readonly FormulaNode[], scope: FormulaScope): FormulaValue {
  const arity = (lo: number, hi: number) => {
    if (args.length < lo || args.length > hi) throw new NotWorkedOut(); // Excel refuses to save it
  };
  switch (name) {
    case "SUM":
    case "MAX":
    case "MIN":
    case "AVERAGE":
    case "PRODUCT": {
      arity(1, 255);
      const ns = numbersOf(args, scope);
      if (ns instanceof ExcelError) return ns;
      if (ns.length === 0) return name === "AVERAGE" ? new ExcelError("#DIV/0!") : 0;
      if (name === "MAX") return ns.reduce((m, n) => (n > m ? n : m), -Infinity);
      if (name === "MIN") return ns.reduce((m, n) => (n < m ? n : m), Infinity);
      if (name === "PRODUCT") return checkedNumber(ns.reduce((p, n) => p * n, 1));
      const sum = ns.reduce((s, n) => s + n, 0);
      return checkedNumber(name === "AVERAGE" ? sum / ns.length : sum);
    }
    case "ROUND": {
      arity(2, 2);
      const x = toNumber(scalar(args[0], scope));
      if (x instanceof ExcelError) return x;
      const d = toNumber(scalar(args[1], scope));
      return d instanceof ExcelError ? d : round(x, d);
    }
    case "ABS": {
      arity(1, 1);
      const x = toNumber(scalar(args[0], scope));
      return x instanceof ExcelError ? x : Math.abs(x);
    }
    case "IF": {
      arity(2, 3);
      const c = toBool(scalar(args[0], scope));
      if (c instanceof ExcelError) return c;
      if (c) return args[1].kind === "missing" ? 0 : scalar(args[1], scope);
      if (args.length < 3) return false;
      return args[2].kind === "missing" ? 0 : scalar(args[2], scope);
    }
    case "IFERROR": {
      arity(2, 2);
      const v = scalar(args[0], scope);
      if (!(v instanceof ExcelError)) return v === BLANK ? 0 : v;
      return args[1].kind === "missing" ? 0 : scalar(args[1], scope);
    }
    case "AND":
    case "OR": {
      arity(1, 255);
      const cs = conditionsOf(args, scope);
      if (cs instanceof ExcelError) return cs;
      return name === "AND" ? cs.every(Boolean) : cs.some(Boolean);
    }
    case "NOT": {
      arity(1, 1);
      const c = toBool(scalar(args[0], scope));
      return c instanceof ExcelError ? c : !c;
    }
    default:
      throw new NotWorkedOut();
  }
}
