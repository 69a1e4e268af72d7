// Parses the few kinds of Excel formula registers use (references, arithmetic, comparisons and a handful of
// functions) into a tree, so a formula a file saved without its result can be worked out as Excel would.
// Anything else is not parsed: the reader then says the cell's result is not known rather than guess it.

import { columnIndex } from "../../../core/address/a1";

/** One end of a reference, 0-based; `row` null for a whole column (`A:A`). `$` marks the fixed parts. */
export interface RefEnd {
  row: number | null;
  col: number;
  rowFixed: boolean;
  colFixed: boolean;
}

/** A parsed formula. */
export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; code: string }
  /** An argument left out (`IF(A1,,2)`). */
  | { kind: "missing" }
  /** A cell (`to` absent) or a range, on `sheet` (null: the formula's own sheet). */
  | { kind: "ref"; sheet: string | null; from: RefEnd; to?: RefEnd }
  | { kind: "unary"; op: "-" | "+" | "%"; arg: FormulaNode }
  | { kind: "binary"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; name: string; args: FormulaNode[] };

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

/** The functions the evaluator knows (upper case): any other makes the formula not worked out. */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  "SUM",
  "MAX",
  "MIN",
  "AVERAGE",
  "PRODUCT",
  "ROUND",
  "ABS",
  "IF",
  "IFERROR",
  "AND",
  "OR",
  "NOT",
]);

/** Excel's error values, as a formula or a cell writes them. */
export const ERROR_CODES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);

/** Longest formula text parsed (Excel's own limit is 8,192 characters). */
const MAX_FORMULA_LENGTH = 8_192;
/** Deepest nesting parsed (Excel allows 64 levels of functions). */
const MAX_NESTING = 64;
/** Columns in a sheet (XFD) and rows (1,048,576). */
const SHEET_COLUMNS = 16_384;
const SHEET_ROWS = 1_048_576;

/** Thrown inside the parser for anything it does not read; parseFormula returns null for it. */
class NotParsed extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  /** A name: a function, TRUE/FALSE, a cell or column reference (checked by the parser). */
  | { t: "name"; v: string }
  /** A sheet prefix, `Sheet1!` or `'Review Dates'!`: the sheet's name. */
  | { t: "sheet"; v: string }
  | { t: "op"; v: string };

const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", "(", ")", ",", ":"];

/**
 * The text quoted from `start` (a text "…" or a sheet name '…'), its quote mark doubled inside it standing
 * for one ("say ""no""", 'Dave''s risks'), and `j`, the index of its closing quote; a NotParsed throw when
 * it is never closed.
 */
function quoted(text: string, start: number): { s: string; j: number } {
  const mark = text[start];
  let s = "";
  let j = start + 1;
  for (;;) {
    if (j >= text.length) throw new NotParsed();
    if (text[j] === mark) {
      if (text[j + 1] !== mark) return { s, j };
      s += mark;
      j += 2;
      continue;
    }
    s += text[j++];
  }
}

/** The formula's tokens, or a NotParsed throw (structured and external references, arrays, unknown marks). */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
      continue;
    }
    if ((c >= "0" && c <= "9") || (c === "." && /\d/.test(text[i + 1] ?? ""))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
      // Digits then a colon are a row range (1:3), which is not read.
      if (!m || text[i + m[0].length] === ":") throw new NotParsed();
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      const { s, j } = quoted(text, i);
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const { s, j } = quoted(text, i);
      if (text[j + 1] !== "!" || s.includes("[")) throw new NotParsed();
      out.push({ t: "sheet", v: s });
      i = j + 2;
      continue;
    }
    if (c === "#") {
      const code = [...ERROR_CODES].find((e) => text.startsWith(e, i) || text.startsWith(e.toLowerCase(), i));
      if (!code) throw new NotParsed();
      out.push({ t: "err", v: code });
      i += code.length;
      continue;
    }
    const name = /^[A-Za-z_\\$][A-Za-z0-9_.$]*/.exec(text.slice(i, i + 300));
    if (name) {
      const end = i + name[0].length;
      if (text[end] === "!") {
        out.push({ t: "sheet", v: name[0] });
        i = end + 1;
      } else {
        out.push({ t: "name", v: name[0] });
        i = end;
      }
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new NotParsed(); // [ { ; @ # and the like: structured references, arrays, spills
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN_REF = /^(\$?)([A-Za-z]{1,3})$/;

/** The 0-based column of letters ("A" → 0), or -1 past XFD. */
function columnOf(letters: string): number {
  const col = columnIndex(letters);
  return col !== null && col < SHEET_COLUMNS ? col : -1;
}

/** A cell reference (`$B$2`) as a reference end, or null when the name is not one. */
function cellRefEnd(name: string): RefEnd | null {
  const m = CELL_REF.exec(name);
  if (!m) return null;
  const col = columnOf(m[2]);
  const row = Number(m[4]);
  if (col < 0 || row < 1 || row > SHEET_ROWS) return null;
  return { row: row - 1, col, colFixed: m[1] === "$", rowFixed: m[3] === "$" };
}

/** A whole-column end (`$A` of `$A:$B`), or null. */
function columnRefEnd(name: string): RefEnd | null {
  const m = COLUMN_REF.exec(name);
  if (!m) return null;
  const col = columnOf(m[2]);
  return col < 0 ? null : { row: null, col, colFixed: m[1] === "$", rowFixed: false };
}

/** Recursive descent over Excel's precedence: comparison < & < + - < * / < ^ < unary - < % < primary. */
class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): FormulaNode {
    const node = this.comparison();
    if (this.at !== this.tokens.length) throw new NotParsed();
    return node;
  }

  private peekOp(): string | null {
    const t = this.tokens[this.at];
    return t?.t === "op" ? t.v : null;
  }

  private expectOp(op: string): void {
    if (this.peekOp() !== op) throw new NotParsed();
    this.at++;
  }

  private binaryLevel(ops: readonly string[], next: () => FormulaNode): FormulaNode {
    let left = next();
    for (let op = this.peekOp(); op !== null && ops.includes(op); op = this.peekOp()) {
      this.at++;
      left = { kind: "binary", op: op as BinaryOp, left, right: next() };
    }
    return left;
  }

  private comparison = (): FormulaNode => this.binaryLevel(["=", "<>", "<", ">", "<=", ">="], this.concat);
  private concat = (): FormulaNode => this.binaryLevel(["&"], this.additive);
  private additive = (): FormulaNode => this.binaryLevel(["+", "-"], this.multiplicative);
  private multiplicative = (): FormulaNode => this.binaryLevel(["*", "/"], this.power);
  private power = (): FormulaNode => this.binaryLevel(["^"], this.unary);

  private unary = (): FormulaNode => {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      this.at++;
      return { kind: "unary", op, arg: this.nested(this.unary) };
    }
    let node = this.primary();
    while (this.peekOp() === "%") {
      this.at++;
      node = { kind: "unary", op: "%", arg: node };
    }
    return node;
  };

  /** Runs `f` one level deeper, refusing formulas nested deeper than Excel allows (no stack overflow). */
  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_NESTING) throw new NotParsed();
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private primary(): FormulaNode {
    const t = this.tokens[this.at++];
    if (t === undefined) throw new NotParsed();
    switch (t.t) {
      case "num":
        return { kind: "number", value: t.v };
      case "str":
        return { kind: "text", value: t.v };
      case "err":
        return { kind: "error", code: t.v };
      case "sheet": {
        const name = this.tokens[this.at++];
        if (name?.t !== "name") throw new NotParsed();
        return this.reference(t.v, name.v);
      }
      case "name":
        return this.named(t.v);
      case "op":
        if (t.v !== "(") throw new NotParsed();
        return this.nested(() => {
          const inner = this.comparison();
          this.expectOp(")");
          return inner;
        });
    }
  }

  /** A function call, TRUE / FALSE, or a reference on the formula's own sheet. */
  private named(name: string): FormulaNode {
    if (this.peekOp() === "(") {
      this.at++;
      const fn = name.toUpperCase().replace(/^_XLFN\./, "");
      if (!KNOWN_FUNCTIONS.has(fn)) throw new NotParsed();
      return this.nested(() => ({ kind: "call", name: fn, args: this.args() }));
    }
    const upper = name.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { kind: "bool", value: upper === "TRUE" };
    return this.reference(null, name);
  }

  /** Arguments up to the closing bracket; an empty one is "missing". */
  private args(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peekOp() === ")") {
      this.at++;
      return args;
    }
    for (;;) {
      const op = this.peekOp();
      args.push(op === "," || op === ")" ? { kind: "missing" } : this.comparison());
      const next = this.peekOp();
      this.at++;
      if (next === ")") return args;
      if (next !== ",") throw new NotParsed();
    }
  }

  /** `B2`, `B2:C3` or `A:B` (a defined name, a row range or anything else is not read). */
  private reference(sheet: string | null, first: string): FormulaNode {
    if (this.peekOp() !== ":") {
      const from = cellRefEnd(first);
      if (!from) throw new NotParsed();
      return { kind: "ref", sheet, from };
    }
    this.at++;
    const second = this.tokens[this.at++];
    if (second?.t !== "name") throw new NotParsed();
    const cells = [cellRefEnd(first), cellRefEnd(second.v)];
    if (cells[0] && cells[1]) return { kind: "ref", sheet, from: cells[0], to: cells[1] };
    const columns = [columnRefEnd(first), columnRefEnd(second.v)];
    if (columns[0] && columns[1]) return { kind: "ref", sheet, from: columns[0], to: columns[1] };
    throw new NotParsed();
  }
}

/**
 * The formula as a tree, or null when it uses anything the evaluator does not know: another function, a
 * defined name, a structured or external reference, an array constant, a row range. `text` is the formula
 * as a file stores it, without "=" (one is allowed).
 */
export function parseFormula(text: string): FormulaNode | null {
  if (text.length > MAX_FORMULA_LENGTH) return null;
  try {
    const tokens = tokenize(text.startsWith("=") ? text.slice(1) : text);
    return tokens.length === 0 ? null : new Parser(tokens).parseAll();
  } catch (e) {
    if (e instanceof NotParsed) return null;
    throw e;
  }
}
