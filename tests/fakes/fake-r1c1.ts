// The fake Excel host's R1C1 formulas (Range.formulasR1C1, ExcelApi 1.1): a formula as the cell holds it
// (A1) seen from that cell, and back. Only what the adapter writes is served: A1 references of the formula's
// own sheet (D5, $D$5, D5:E5); text in quotes and structured references (Table1[[#This Row],[Score]],
// [@Score]) are left as they are, as Excel leaves them.

import { columnIndex, columnLetter } from "../../src/core/address/a1";

/**
 * Parts no reference is read in: strings in double quotes and bracketed structured references (not an R1C1
 * offset such as [-2]).
 */
const SKIPPED = /"(?:[^"]|"")*"|\[(?!-?\d+\])(?:[^[\]]|\[[^[\]]*\])*\]/g;

/** An A1 reference not part of a name or function (no letter, digit, "_" or "." before it, no "(" after). */
const A1 = /(?<![A-Za-z0-9_.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;

/** An R1C1 reference: R, R5 or R[-1]; then C, C4 or C[2]. */
const R1C1 = /(?<![A-Za-z0-9_.!])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(!])/g;

/** `formula` with `convert` applied to the parts outside strings and structured references. */
function outsideSkipped(formula: string, convert: (part: string) => string): string {
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(SKIPPED)) {
    out += convert(formula.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + convert(formula.slice(last));
}

/** One axis in R1C1: absolute as its number, relative as [offset] (nothing for the same row or column). */
const axis = (fixed: boolean, at: number, from: number) =>
  fixed ? String(at + 1) : at === from ? "" : `[${at - from}]`;

/** A formula (A1, as the cell at 0-based `row`, `col` holds it) in R1C1 notation. */
export function toR1C1(formula: string, row: number, col: number): string {
  return outsideSkipped(formula, (part) =>
    part.replace(A1, (_all, colFixed: string, letters: string, rowFixed: string, digits: string) => {
      const c = columnIndex(letters) ?? 0;
      const r = Number(digits) - 1;
      return `R${axis(rowFixed === "$", r, row)}C${axis(colFixed === "$", c, col)}`;
    }),
  );
}

/** One R1C1 axis back to a 0-based index, seen from `from`. */
function indexOf(part: string | undefined, from: number): { at: number; fixed: boolean } {
  if (part === undefined) return { at: from, fixed: false };
  if (part.startsWith("[")) return { at: from + Number(part.slice(1, -1)), fixed: false };
  return { at: Number(part) - 1, fixed: true };
}

/** An R1C1 formula, written to the cell at 0-based `row`, `col`, as that cell holds it (A1). */
export function fromR1C1(formula: string, row: number, col: number): string {
  return outsideSkipped(formula, (part) =>
    part.replace(R1C1, (_all, rowPart: string | undefined, colPart: string | undefined) => {
      const r = indexOf(rowPart, row);
      const c = indexOf(colPart, col);
      return `${c.fixed ? "$" : ""}${columnLetter(c.at)}${r.fixed ? "$" : ""}${r.at + 1}`;
    }),
  );
}
