// A register scored on three points, as its headers declare it ("Likelihood (L/M/H)", "Impact (1-3)", "Risk
// Score (1-9)") or its title ("… Risk Register (3x3 matrix)"): its Low / Medium / High are 1, 2 and 3, not the
// Settings word scale's 2, 3 and 4.

import type { Grid } from "../model/grid";
import type { ScaleWord } from "../model/settings";
import type { ColumnMapping } from "../model/sheet-info";
import type { SheetLayout } from "./detect-sheet";

/** Low 1, Medium 2, High 3, with the letters and short forms a three-point register writes them in. */
export const THREE_POINT_WORDS: readonly ScaleWord[] = (
  [
    ["Low", 1],
    ["L", 1],
    ["Medium", 2],
    ["Med", 2],
    ["Moderate", 2],
    ["M", 2],
    ["High", 3],
    ["H", 3],
  ] as const
).map(([word, value]) => ({ word, value }));

/** A range "1-3", "1–3", "1 to 3" (its top in group 1), as a header's note gives it. */
const ONE_TO = /(?<![\d.])1\s*(?:-|–|—|to)\s*(\d+)(?![\d.])/i;
/** A mark between levels: "/", ",", "-", "–", "|". */
const SEP = String.raw`\s*[\/,|\-–—]\s*`;
const LOW = "l(?:ow)?";
const MEDIUM = "m(?:ed|edium)?";
const HIGH = "h(?:igh)?";
/** A fourth or fifth level beside them: "VL", "VH", "Very Low", "Very High". */
const VERY = String.raw`v(?:ery\s*(?:low|high)|l|h)`;
/**
 * Three levels named in a header: "L/M/H", "H/M/L", "L, M, H", "L-M-H", "Low/Med/High", "Low, Medium, High",
 * "High / Medium / Low"; not three of five ("VL/L/M/H/VH", "Very Low, Low, Medium, High, Very High"), whose next
 * or previous level is a Very one.
 */
const THREE_LEVELS = new RegExp(
  String.raw`(?<!\b${VERY}${SEP})\b(?:${LOW}${SEP}${MEDIUM}${SEP}${HIGH}|${HIGH}${SEP}${MEDIUM}${SEP}${LOW})\b(?!${SEP}${VERY})`,
  "i",
);
/** A 3 × 3 matrix named in a header: "(3x3)", "3 × 3". */
const THREE_BY_THREE = /(?<![\d.])3\s*[x×]\s*3(?![\d.])/i;

/** True when a likelihood or impact header declares three points: "(L/M/H)", "(1-3)", "Low/Med/High". */
function factorOnThreePoints(header: string): boolean {
  return THREE_LEVELS.test(header) || ONE_TO.exec(header)?.[1] === "3";
}

/** True when a score header declares a 3 × 3 register's range: "(1-9)", "(3x3)". */
function scoreOnNinePoints(header: string): boolean {
  return ONE_TO.exec(header)?.[1] === "9" || THREE_BY_THREE.test(header);
}

/** Likelihood and impact fields, current, inherent, target or previous ("inherentLikelihood"). */
const FACTOR_FIELD = /^(?:likelihood|impact|(?:inherent|target|previous)(?:Likelihood|Impact))$/;
/** Score fields, current, inherent, target or previous. */
const SCORE_FIELD = /^(?:score|(?:inherent|target|previous)Score)$/;

/**
 * True when a register's headers declare it scored on three points: a likelihood or impact header (current,
 * inherent, target or previous) names three levels or the range 1–3, or a score header the range 1–9. Its
 * likelihood and impact words are then read on THREE_POINT_WORDS (all of them, inherent and target ones
 * too), decided once per sheet.
 */
export function declaresThreePoints(columns: readonly Pick<ColumnMapping, "field" | "header">[]): boolean {
  for (const c of columns) {
    if (c.field === null) continue;
    if (FACTOR_FIELD.test(c.field) && factorOnThreePoints(c.header)) return true;
    if (SCORE_FIELD.test(c.field) && scoreOnNinePoints(c.header)) return true;
  }
  return false;
}

/**
 * True when the headers give a likelihood, impact or score another range than three points' ("Likelihood
 * (1-5)", "Risk Score (1-25)"): they say how the sheet is scored, whatever its title says.
 */
function declaresOtherRange(columns: readonly Pick<ColumnMapping, "field" | "header">[]): boolean {
  for (const c of columns) {
    if (c.field === null) continue;
    const top = ONE_TO.exec(c.header)?.[1];
    if (top === undefined) continue;
    if (FACTOR_FIELD.test(c.field) && top !== "3") return true;
    if (SCORE_FIELD.test(c.field) && top !== "9") return true;
  }
  return false;
}

/**
 * True when a text cell in the rows above a register's header row (its title: "Parks and Open Spaces Risk
 * Register (3x3 matrix)") names a 3 × 3 matrix. Read once per sheet, at most the twenty rows the header is
 * looked for in.
 */
export function titleDeclaresThreeByThree(grid: Grid, headerRow: number): boolean {
  for (let row = grid.rowOffset; row < headerRow; row++)
    for (const v of grid.values[row - grid.rowOffset] ?? [])
      if (typeof v === "string" && THREE_BY_THREE.test(v)) return true;
  return false;
}

/**
 * True when a register reads its likelihood and impact words on three points: its headers declare them (see
 * declaresThreePoints), or its title does (a 3 × 3 matrix named above the header) and no header gives another
 * range. The one place this is decided, once per sheet.
 */
export function readsOnThreePoints(layout: Pick<SheetLayout, "mapping" | "threeByThreeTitle">): boolean {
  const columns = layout.mapping?.columns ?? [];
  return declaresThreePoints(columns) || (layout.threeByThreeTitle === true && !declaresOtherRange(columns));
}
