// Tells a table's structural rows from its records: section headings, totals rows and rows under a
// merged id (SPEC "Real registers").

import type { Grid } from "../model/grid";
import { cellText, isBlank } from "./cell-text";

/** The table's first and last sheet columns (0-based), from its header row. */
export interface TableSpan {
  first: number;
  last: number;
}

/** Words that, alone in a row's first filled cell, make it a totals row. */
const TOTALS_WORD = /^(?:grand\s+)?(?:total|totals|count|average|sum|subtotal|sub-total)\s*:?$/i;

/** True when the row's first filled cell inside the table is Total, Totals, Count, Average or Sum. */
export function isTotalsRow(grid: Grid, row: number, span: TableSpan): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  for (let col = span.first; col <= span.last; col++) {
    const v = r[col - grid.colOffset];
    if (isBlank(v ?? null)) continue;
    return typeof v === "string" && TOTALS_WORD.test(v.trim());
  }
  return false;
}

/**
 * Rows under an id merged down over several rows, each mapped to the merged area's top row (the record
 * they belong to). Only areas below the header row count.
 */
export function mergedTails(grid: Grid, idCol: number, headerRow: number): Map<number, number> | null {
  if (!grid.merges?.length) return null;
  let out: Map<number, number> | null = null;
  for (const m of grid.merges) {
    if (m.bottom <= m.top || m.top <= headerRow || idCol < m.left || idCol > m.right) continue;
    out ??= new Map();
    for (let r = m.top + 1; r <= m.bottom; r++) out.set(r, m.top);
  }
  return out;
}

const DIGIT = /\d/;

/** A part of a contract or register and its number: "Annex 3", "Lot 2", "Section 4a" head a section. */
const NUMBERED_PART =
  /^(?:annex|appendix|lot|section|part|area|phase|zone|schedule|package|workstream|stage|tranche|chapter|category)\s+\S{1,4}$/i;

/** An id is short and has a digit in it ("R7", "HRC-003", "12"); a heading is words ("Annex 3" too). */
function looksLikeId(text: string): boolean {
  return DIGIT.test(text) && text.split(" ").length <= 2 && text.length <= 20 && !NUMBERED_PART.test(text);
}

/**
 * The heading text when a row is a section heading: one text only, either in the table's first column
 * or in a merged area spanning most of the table's width (whose copies are the same text). Null otherwise.
 */
export function sectionHeading(
  grid: Grid,
  row: number,
  span: TableSpan,
  idCol: number | undefined,
): string | null {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  let text: string | null = null;
  let firstCol = -1;
  let lastCol = -1;
  let count = 0;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (isBlank(v)) continue;
    if (typeof v !== "string") return null;
    if (text === null) {
      text = v;
      firstCol = i + grid.colOffset;
    } else if (v !== text) return null;
    lastCol = i + grid.colOffset;
    count++;
  }
  if (text === null) return null;
  const heading = cellText(text);
  if (!heading || looksLikeId(heading)) return null;
  if (count === 1) {
    // Alone in the first column (or the id column, where a heading is typed over the ids).
    return firstCol === span.first || firstCol === idCol ? heading : null;
  }
  // The same text in several cells: only a merged area spanning most of the table makes that.
  const width = span.last - span.first + 1;
  const merged = (grid.merges ?? []).some(
    (m) =>
      m.top <= row &&
      row <= m.bottom &&
      m.left <= firstCol &&
      lastCol <= m.right &&
      m.right - m.left + 1 >= Math.ceil(width * 0.6),
  );
  return merged ? heading : null;
}
