// Tells a table's structural rows from its records: section headings, totals rows and rows under a
// merged id (SPEC "Real registers").

import { formatAt, type CellValue, type Grid } from "../model/grid";
import type { SetAsideRow } from "../model/sheet-info";
import { isDateFormat, isMonthOnlyFormat, parseDate } from "../parse/date";
import { parseRagWord } from "../parse/rag";
import type { Rag } from "../model/owned-tab";
import { cellText, headerText, isBlank } from "./cell-text";
import { headingNamesNoCategory } from "./heading-category";
import { namesClosedRisks } from "./register-contents";

const DIGIT = /\d/;

/** The table's first and last sheet columns (0-based), from its header row. */
export interface TableSpan {
  first: number;
  last: number;
}

/**
 * A totals row's label: Total, Totals, Count, Average or Sum, alone ("Total", "Totals:") or followed by a
 * colon and its figure ("Count: 4") or by a few words ("Total risks", "Average score", "Sum of scores").
 * The word must stand apart: "Sum-01" or "Totality" are not labels. Group 1 or 2 is what follows the word.
 */
const TOTALS_LABEL =
  /^(?:grand\s+)?(?:total|totals|count|average|sum|subtotal|sub-total|sub\s+total)(?:\s*:\s*(.*)|\s+(.+))?$/i;
/** The most words a totals label carries after its word ("number of open risks"). */
const MAX_LABEL_WORDS = 4;
/** A figure as a totals row holds one: a number, maybe as text ("12", "£1,200", "45%"), or a dash. */
const FIGURE = /^(?:[£$€]?\s*[-+]?[\d.,]+\s*%?|[-–—]+)$/;

/** True for a first letter a totals word starts with (t, c, a, s, g), before any regex runs on the text. */
function mayBeTotalsWord(text: string): boolean {
  const c = (text.charCodeAt(0) <= 32 ? text.trimStart().charCodeAt(0) : text.charCodeAt(0)) | 0x20;
  return c === 116 || c === 99 || c === 97 || c === 115 || c === 103;
}

/**
 * True when the row's first filled cell inside the table is Total, Totals, Count, Average or Sum (SPEC
 * "Real registers"), alone or with a figure or a few words after it. A longer label is held to what a
 * totals row is: the rest of its row holds figures only, and nothing in the id column (`idCol`), so a
 * risk whose title starts "Total loss of …" beside its owner and status, or a risk with its id, is kept.
 */
export function isTotalsRow(grid: Grid, row: number, span: TableSpan, idCol?: number): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  for (let col = span.first; col <= span.last; col++) {
    const v = r[col - grid.colOffset];
    if (isBlank(v ?? null)) continue;
    if (typeof v !== "string" || !mayBeTotalsWord(v)) return false;
    const m = TOTALS_LABEL.exec(v.trim());
    if (!m) return false;
    const after = (m[1] ?? m[2] ?? "").trim();
    if (after === "") return true;
    if (after.length > 40 || after.split(/\s+/).length > MAX_LABEL_WORDS) return false;
    return onlyFiguresAfter(grid, r, col, span, idCol);
  }
  return false;
}

/** True when the row's cells right of `col` in the table are figures or blank, with none in the id column. */
function onlyFiguresAfter(
  grid: Grid,
  r: CellValue[],
  col: number,
  span: TableSpan,
  idCol: number | undefined,
): boolean {
  if (idCol !== undefined && idCol !== col && !isBlank(r[idCol - grid.colOffset] ?? null)) return false;
  for (let c = col + 1; c <= span.last; c++) {
    const v = r[c - grid.colOffset];
    if (v === null || v === undefined || typeof v === "number") continue;
    if (typeof v !== "string") return false;
    const t = v.trim();
    if (t !== "" && !FIGURE.test(t)) return false;
  }
  return true;
}

/** A page number: "Page 1 of 3", "Page 2/5", "Page 4". */
const PAGE_NUMBER = /^page\s+\d+(?:\s*(?:of|\/)\s*\d+)?$/i;
/** Who or what made the sheet, and when: "Exported by IRIS on 10/10/2022 14:05", "Printed: 03/10/2022". */
const MADE_BY =
  /^(?:exported|printed|generated|produced|extracted|downloaded|report\s+(?:run|printed|generated))(?:\s*(?:by|on|at|from|:)\s*\S|\s+\d)/i;

/** A key's label, and one entry of a colour key: "Key:", "RAG key", "Colour key:", "R = Red (15-25)", "H = High". */
const KEY_LABEL = /^(?:(?:rag|colou?r|rag\s+colou?r)\s+)?(?:key|legend)\s*:?$/i;
const KEY_ENTRY = /^[A-Za-z0-9]{1,6}\s*=\s*\S/;

/**
 * What a row that is no record says, when every text on it is of one kind: a page footer an export or a
 * print leaves ("Exported by IRIS on 10/10/2022 14:05" … "Page 1 of 3"), or a colour key ("Key:",
 * "R = Red (15-25)", …). Null for any other row.
 */
export function noteRowKind(grid: Grid, row: number): "footer" | "key" | null {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  let footer = 0;
  let key = 0;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (isBlank(v)) continue;
    if (typeof v !== "string") return null;
    const t = v.trim();
    if (PAGE_NUMBER.test(t) || MADE_BY.test(t)) footer++;
    else if (KEY_LABEL.test(t) || KEY_ENTRY.test(t)) key++;
    else return null;
  }
  return footer > 0 && key === 0 ? "footer" : key > 0 && footer === 0 ? "key" : null;
}

/**
 * A label of a register's sign-off block, with its colon: "Approved by:", "Signed:", "Signed off by:",
 * "Reviewed by:", "Agreed at:", "Date:", "Date approved:", "Signature:", "Name:", "Position:".
 */
const SIGN_OFF_LABEL =
  /^(?:(?:approved|signed(?:\s+off)?|reviewed|agreed|authori[sz]ed|endorsed|checked|verified|prepared|compiled|accepted)(?:\s+(?:by|at|on))?|sign[-\s]?off|signature|date(?:\s+(?:approved|signed|reviewed|agreed))?|name|position|job\s+title|role|designation)\s*:$/i;
/** A line saying where or by whom the register was signed off: "Reviewed at Risk Management Board", "Approved by CMT". */
const SIGN_OFF_LINE =
  /^(?:approved|reviewed|signed\s+off|agreed|endorsed|authori[sz]ed|noted|accepted)\s+(?:at|by|on)\s+\S/i;
/** The most words of a name beside a sign-off label: "Jo Smith (Head of Highways)". */
const NAME_WORDS = 6;

/** True for a sign-off label ("Approved by:"), told first by its colon: no id ends with one. */
function isSignOffLabel(v: CellValue): boolean {
  return typeof v === "string" && v.trimEnd().endsWith(":") && SIGN_OFF_LABEL.test(cellText(v));
}

/** What one cell of a sign-off block is: a label or line (which make the block), a date or name beside them. */
function signOffCell(grid: Grid, row: number, col: number, v: CellValue): "label" | "beside" | null {
  if (typeof v === "number") return isDateFormat(formatAt(grid, row, col)) ? "beside" : null;
  if (typeof v !== "string") return null;
  const t = cellText(v);
  if (SIGN_OFF_LABEL.test(t) || (SIGN_OFF_LINE.test(t) && t.split(" ").length <= NAME_WORDS * 2))
    return "label";
  if (!DIGIT.test(t)) return t.split(" ").length <= NAME_WORDS ? "beside" : null;
  return parseDate(t, null, "lastUpdated").ok ? "beside" : null;
}

/**
 * True for a row of the sign-off block an officer types under a register ("Approved by: | Jo Smith (Head of
 * Highways) | Date: | 28/09/2022", then "Reviewed at Risk Management Board | 28/09/2022"): its first filled
 * cell a sign-off label ("Approved by:", "Date:") or line ("Reviewed at …"), every other one a label, a
 * line, a date or a name (a few words, no figure). A row opening with a label is such a row anywhere (no id
 * ends with a colon); one opening with a line only `belowTable` (the caller's: no id, under a blank row after
 * the risks), so a risk whose update says "Reviewed at RMB" stays a risk, and a risk's row costs a look at
 * its first cell.
 */
export function isSignOffRow(grid: Grid, row: number, belowTable: boolean): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  let first = true;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (isBlank(v)) continue;
    if (first && !belowTable && !isSignOffLabel(v)) return false;
    const kind = signOffCell(grid, row, i + grid.colOffset, v);
    if (kind === null || (first && kind !== "label")) return false;
    first = false;
  }
  return !first;
}

/** A heading's number in the id column: "1", "2.", or the number 1. */
const HEADING_NUMBER_ID = /^(\d{1,3})\.?$/;

/**
 * The heading of a register numbered by section ("1 | Finance and resources" over risks 1.1, 1.2): a row
 * with a whole number in the id column and one text beside it, whose next row's id is that number's first
 * risk ("1.1"). Null for any other row.
 */
export function numberedHeading(grid: Grid, row: number, idCol: number | undefined): string | null {
  if (idCol === undefined) return null;
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  const id = r[idCol - grid.colOffset];
  const number =
    typeof id === "number" && Number.isInteger(id)
      ? String(id)
      : typeof id === "string"
        ? HEADING_NUMBER_ID.exec(id.trim())?.[1]
        : undefined;
  if (number === undefined) return null;
  let text: string | null = null;
  for (let i = 0; i < r.length; i++) {
    if (i === idCol - grid.colOffset || isBlank(r[i])) continue;
    if (text !== null || typeof r[i] !== "string") return null;
    text = cellText(r[i]);
  }
  if (!text) return null;
  for (let next = row + 1 - grid.rowOffset; next < grid.values.length; next++) {
    const cells = grid.values[next];
    if (!cells || cells.every(isBlank)) continue;
    return cellText(cells[idCol - grid.colOffset] ?? null).startsWith(`${number}.`) ? text : null;
  }
  return null;
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

/** A part of a contract or register and its number: "Annex 3", "Lot 2", "Section 4a" head a section. */
const NUMBERED_PART =
  /^(?:annex|appendix|lot|section|part|area|phase|zone|schedule|package|workstream|stage|tranche|chapter|category)\s+\S{1,4}$/i;

/**
 * A category numbered or counted: "1. Financial", "2) Operational", "Legal (1)", "Financial (2)". Words
 * with a number beside them, not an id ("R7", "HRC-003", "1.2").
 */
const NUMBERED_HEADING = /^\d{1,3}[.)]\s+\p{L}{2,}|^\p{L}{2,}(?:\s+\p{L}+)?\s*\(\d{1,4}\)$/u;

/** An id is short and has a digit in it ("R7", "HRC-003", "12"); a heading is words ("Annex 3" too). */
function looksLikeId(text: string): boolean {
  return (
    DIGIT.test(text) &&
    text.split(" ").length <= 2 &&
    text.length <= 20 &&
    !NUMBERED_PART.test(text) &&
    !NUMBERED_HEADING.test(text)
  );
}

/** What an id looks like beside a key's words: one short word with a letter and a digit ("HRC-001", "R7"). */
const ID_WORD = /^(?=\S*\p{L})(?=\S*\d)\S{2,20}$/u;

/** True for a text written as an id is ("HRC-001", "R7"), not a band ("15–25", "15–25: escalate") or words. */
function idLike(text: string): boolean {
  return ID_WORD.test(text);
}

/**
 * Why `row` is set aside with the note rows straight above it (`above`, the last row set aside, on the row
 * before), or null: an entry of a colour key under its "Key:" row or its last entry (see isColourKeyEntry),
 * a row of a count of risks by RAG under its header or its last row, or its Total row (see isRagCountHeader),
 * or a line of words under a colour key or a sign-off (not a page footer) that is a note on the block (see
 * isNoteOnBlock), such as "Last reviewed at RMB 28/09/22" under "Approved by: …". A heading the reader takes
 * as a section ("CLOSED RISKS", "Archived risks", "New risks …", or any line with a risk straight under it)
 * is a heading still, wherever it stands.
 */
export function continuesNoteRows(
  grid: Grid,
  row: number,
  above: SetAsideRow | undefined,
  span: TableSpan,
  idCol: number | undefined,
): SetAsideRow["reason"] | null {
  if (above === undefined || above.row !== row - 1 || above.reason === "footer") return null;
  if (above.reason === "key" && isColourKeyEntry(grid, row, idCol)) return "key";
  if (above.reason === "summary" && (isRagCountRow(grid, row) || isTotalsRow(grid, row, span)))
    return "summary";
  const words = sectionHeading(grid, row, span, idCol);
  return words !== null && isNoteOnBlock(grid, row, words, idCol) ? above.reason : null;
}

/**
 * A note saying when or by whom a register was looked at: "Last reviewed at RMB 28/09/22", "Agreed by CMT",
 * "Next review: March 2023", "Updated 28/09/2022" (a review word or a date; not "Risks for the Board").
 */
const REVIEW_NOTE =
  /\b(?:reviewed|approved|agreed|signed|endorsed|noted|updated|next\s+review)\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i;

/**
 * True when a line of words straight under a colour key or sign-off (`words`, read as a heading) is a note on
 * that block, not a section: never a heading naming closed risks ("CLOSED RISKS", "Archived risks": see
 * namesClosedRisks) or naming none ("New risks …"); always a line saying when or by whom the register was
 * reviewed (see REVIEW_NOTE); any other line ("Scores are likelihood × impact") only when no risk stands straight under
 * it (see idFollows). Read only for the rare line under such a block.
 */
function isNoteOnBlock(grid: Grid, row: number, words: string, idCol: number | undefined): boolean {
  if (headingNamesNoCategory(words) || namesClosedRisks(words)) return false;
  return REVIEW_NOTE.test(words) || !idFollows(grid, row, idCol);
}

/** True when the next filled row under `row` has an id-like value in the id column (see isIdValue). */
function idFollows(grid: Grid, row: number, idCol: number | undefined): boolean {
  if (idCol === undefined) return false;
  for (let next = row + 1 - grid.rowOffset; next < grid.values.length; next++) {
    const cells = grid.values[next];
    if (!cells || cells.every(isBlank)) continue;
    return isIdValue(cells[idCol - grid.colOffset] ?? null);
  }
  return false;
}

/** True for a value written as an id is: a number (risks numbered 1, 2, 3), or text such as "HRC-001", "R7". */
function isIdValue(v: CellValue): boolean {
  return typeof v === "number" || (typeof v === "string" && idLike(v.trim()));
}

/**
 * True for an entry of a colour key written a row a band: a RAG word first ("Red", "Amber", "Green", "R"),
 * then the band or what it means ("15–25: escalate to the corporate register", 15, "directorate register")
 * and nothing an id could be: no id-like text anywhere, and nothing id-like in the id column (`idCol`: not
 * "R-2", whose "R" reads as Red, nor a number), so a register rating its risks RAG first ("Red | 1 | Bridge
 * joint failure …") keeps them. Such a row sits under the register's id and title columns, but it is the key's,
 * not a risk.
 */
function isColourKeyEntry(grid: Grid, row: number, idCol: number | undefined): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  if (idCol !== undefined && isIdValue(r[idCol - grid.colOffset] ?? null)) return false;
  let first = true;
  for (const v of r) {
    if (isBlank(v ?? null)) continue;
    if (typeof v !== "string" && typeof v !== "number") return false;
    if (first) {
      if (typeof v !== "string" || !parseRagWord(v).ok) return false;
      first = false;
    } else if (typeof v === "string" && idLike(v.trim())) return false;
  }
  return !first;
}

/** The highest bound of a score band: likelihood × impact on the 1–5 scales (SPEC "Scores"). */
const MAX_BAND_BOUND = 25;
/** A band's bound typed as text: "15". */
const BOUND_TEXT = /^\s*\d{1,2}\s*$/;

/** A score band's bound in a cell of its own: a whole number 0–25 (a number not shown as a date, or typed as text). */
function bandBound(grid: Grid, row: number, col: number, v: CellValue): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && BOUND_TEXT.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_BAND_BOUND) return null;
  return typeof v === "number" && isDateFormat(formatAt(grid, row, col)) ? null : n;
}

/** The index of the first filled cell of `r` at or after `from`, or -1. */
function nextFilled(r: readonly CellValue[], from: number): number {
  for (let i = from; i < r.length; i++) if (!isBlank(r[i] ?? null)) return i;
  return -1;
}

/** A colour key's band typed with its bounds in cells of their own (see scoreBand). */
interface ScoreBand {
  rating: Rag;
  lower: number;
  upper: number;
  /** The sheet column of the words saying what the band means, after its bounds; null when there are none. */
  wordsCol: number | null;
}

/**
 * A colour key's band typed with its bounds in cells of their own: a RAG word first ("Red", "Amber", "G"), then
 * the band's lower and upper bounds side by side (whole numbers within the 1–25 score scale, the lower first:
 * "Red | 15 | 25", "Amber | 8 | 12"), then at most one text of words saying what the band means ("escalate to
 * the corporate register": no digit, so no date and no id), and nothing else; null for any other row. Most rows
 * are told apart by their second filled cell (a title, not a number), before any word is read as a RAG word.
 */
function scoreBand(grid: Grid, row: number): ScoreBand | null {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  const first = nextFilled(r, 0);
  if (first < 0 || typeof r[first] !== "string") return null;
  const low = nextFilled(r, first + 1);
  if (low < 0) return null;
  const lower = bandBound(grid, row, low + grid.colOffset, r[low]);
  const upper = lower === null ? null : bandBound(grid, row, low + 1 + grid.colOffset, r[low + 1] ?? null);
  if (lower === null || upper === null || upper < lower) return null;
  const rating = parseRagWord(r[first] as string);
  if (!rating.ok) return null;
  const words = nextFilled(r, low + 2);
  if (words < 0) return { rating: rating.value, lower, upper, wordsCol: null };
  const text = r[words];
  if (typeof text !== "string" || DIGIT.test(text) || nextFilled(r, words + 1) >= 0) return null;
  return { rating: rating.value, lower, upper, wordsCol: words + grid.colOffset };
}

const RATING_RANK: Readonly<Record<Rag, number>> = { green: 1, amber: 2, red: 3 };

/**
 * True when two bands, one over the other, are a key's: two ratings, and the higher rating's band wholly above
 * the lower's ("Red | 15 | 25" over "Amber | 8 | 12", or "Green | 1 | 4" over "Amber | 5 | 12"). Rows of risks
 * rated and numbered ("Red | 1 | 16 | …" over "Amber | 2 | 9 | …") overlap.
 */
function inKeyOrder(a: ScoreBand | null, b: ScoreBand | null): boolean {
  if (a === null || b === null) return false;
  const [high, low] = RATING_RANK[a.rating] > RATING_RANK[b.rating] ? [a, b] : [b, a];
  return high.rating !== low.rating && high.lower > low.upper;
}

/**
 * True for a colour key's band typed with its bounds in cells of their own (see scoreBand), under a "Key:" row
 * or not: the RAG word and bounds alone ("Amber | 8 | 12"), which no risk is (no title, owner or date); with words
 * saying what it means, where the band straight above or below it is the key's next band (see inKeyOrder) and the
 * words are not in the register's title or description column (`riskWordCols`, sheet columns). Such a row, under
 * a register that numbers its risks 1, 2, 3, puts its lower bound in the id column and its upper one under the
 * title: a risk has its title beside its number. A board's summary of its top risk in each RAG band
 * ("Red | 13 | 20 | Bridge joint failure" under RAG | Risk No | Score | Risk Title) is in RAG order with scores
 * that never overlap, as a key's bands are: its words under the title say it is a risk. Read on registers only:
 * the bands are of scores.
 */
export function isScoreBandRow(grid: Grid, row: number, riskWordCols: readonly number[]): boolean {
  const band = scoreBand(grid, row);
  if (band === null) return false;
  if (band.wordsCol === null) return true;
  if (riskWordCols.includes(band.wordsCol)) return false;
  return inKeyOrder(scoreBand(grid, row - 1), band) || inKeyOrder(band, scoreBand(grid, row + 1));
}

/** The label over a count of risks by RAG: "RAG", "RAG status", "RAG rating", "Risk rating", "Rating". */
const RAG_COUNT_LABEL = /^(?:risk\s+)?(?:rag(?:\s+(?:status|rating))?|rating)\s*:?$/i;
/** The longest such label, told before any pattern runs on a risk's first cell. */
const RAG_COUNT_LABEL_MAX = 20;
/**
 * What a column of such a count heads: what it counts or when ("No. of risks", "Number", "Count", "This month",
 * "Last month", "Previous", "Q2", "Sep").
 */
const COUNT_COLUMN =
  /\b(?:no|number|count|total|risks?|month|quarter|year|period|previous|current|last|this|now|q[1-4]|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\b|#/i;
/** The most words a column of such a count is headed with. */
const COUNT_COLUMN_WORDS = 5;
/** The fewest rows of counts under the label that make it a count by RAG: one alone could be a risk. */
const MIN_COUNT_ROWS = 2;
/** A count typed as text: "12". */
const COUNT_TEXT = /^\s*\d{1,6}\s*$/;

/** True for a column header of a count of risks by RAG: words of a count or a period, or a date shown as a month. */
function isCountColumnHeader(grid: Grid, row: number, col: number, v: CellValue): boolean {
  if (typeof v === "number") return isMonthOnlyFormat(formatAt(grid, row, col));
  return typeof v === "string" && v.trim().split(/\s+/).length <= COUNT_COLUMN_WORDS && COUNT_COLUMN.test(v);
}

/** True for a count in a cell: a whole number, not negative, not shown as a date (or typed as text). */
function isCount(grid: Grid, row: number, col: number, v: CellValue): boolean {
  if (typeof v === "string") return COUNT_TEXT.test(v);
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && !isDateFormat(formatAt(grid, row, col));
}

/**
 * True for a row of a count of risks by RAG: a RAG word first ("Red", "Amber", "G"), then counts alone
 * ("Red | 3 | 4": three red risks this month, four last month), at least one. A risk has words beside its rating.
 */
function isRagCountRow(grid: Grid, row: number): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  const first = nextFilled(r, 0);
  if (first < 0 || typeof r[first] !== "string" || !parseRagWord(r[first] as string).ok) return false;
  let counts = 0;
  for (let i = nextFilled(r, first + 1); i >= 0; i = nextFilled(r, i + 1)) {
    if (!isCount(grid, row, i + grid.colOffset, r[i])) return false;
    counts++;
  }
  return counts > 0;
}

/**
 * True for the header of a count of risks by RAG that a register closes with for the board: its first filled cell
 * a RAG label ("RAG", "RAG status": see RAG_COUNT_LABEL), every other one a column of counts ("No. of risks",
 * "This month", "Last month": see isCountColumnHeader), and rows of counts by RAG under it ("Red | 3 | 4", see
 * isRagCountRow). The table is a summary, not risks titled "RAG" or "Red": it is set aside with its header, its
 * rows and its Total row (see continuesNoteRows). A risk's row costs a look at its first cell: a risk "RAG-01",
 * or titled "Red route closures", is no label.
 */
export function isRagCountHeader(grid: Grid, row: number): boolean {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return false;
  const first = nextFilled(r, 0);
  const label = first < 0 ? null : r[first];
  if (typeof label !== "string" || label.length > RAG_COUNT_LABEL_MAX || !RAG_COUNT_LABEL.test(label.trim()))
    return false;
  let columns = 0;
  for (let i = nextFilled(r, first + 1); i >= 0; i = nextFilled(r, i + 1)) {
    if (!isCountColumnHeader(grid, row, i + grid.colOffset, r[i])) return false;
    columns++;
  }
  if (columns === 0) return false;
  for (let n = 1; n <= MIN_COUNT_ROWS; n++) if (!isRagCountRow(grid, row + n)) return false;
  return true;
}

/**
 * Why a register's row with no "Key:" or other block above it starts a block of no risks, or null: a colour
 * key's band typed with its bounds in cells of their own (see isScoreBandRow), or the header of a count of risks
 * by RAG (see isRagCountHeader). `riskWordCols` are the register's title and description columns.
 */
export function registerNoteRow(
  grid: Grid,
  row: number,
  riskWordCols: readonly number[],
): "key" | "summary" | null {
  if (isScoreBandRow(grid, row, riskWordCols)) return "key";
  return isRagCountHeader(grid, row) ? "summary" : null;
}

/** A label a section row writes before its name: "Category: ", "Risk Category - ", "Section: ", "Category – ". */
const SECTION_LABEL = /^(?:(?:risk\s+)?category|risk\s+type|section)\s*[:\-–—]\s*(?=\p{L})/iu;

/** A section heading's name without its label ("Category: Financial" names "Financial"); "Annex 3" as it is. */
function sectionName(heading: string): string {
  return heading.replace(SECTION_LABEL, "");
}

/**
 * The heading text when a row is a section heading: one text only, either in the table's first column
 * or in a merged area spanning most of the table's width (whose copies are the same text), or a month
 * typed alone in the first or id column (see monthHeading). Null otherwise.
 */
export function sectionHeading(
  grid: Grid,
  row: number,
  span: TableSpan,
  idCol: number | undefined,
): string | null {
  const r = grid.values[row - grid.rowOffset];
  return r ? headingOfCells(grid, row, r, span, idCol) : null;
}

/**
 * A priority an audit plan's heading row writes after its finding, in the last columns: "Priority: High",
 * "Priority – 2", "High priority", "Medium", "P1".
 */
const HEADING_PRIORITY =
  /^(?:priority\s*[:\-–—]?\s*(?:high|medium|med|low|critical|[1-4])|(?:high|medium|low|critical)(?:\s+priority)?|p[1-4])$/i;

/**
 * The aim heading of a plan row (README Check: "a merged aim heading (a Word export's shaded row) sets the
 * aim of the actions below it"): a section heading ({@link sectionHeading}), which on an audit plan may
 * carry its finding's priority in its last columns ("Finding 1: … | Priority: High"); the priority is not
 * part of the heading. A row whose only words besides the priority sit alone in the plan's action column
 * (`actionCol`: a plan headed Action … Priority) is a new action with only its priority filled in, not a
 * heading. Null for any other row.
 */
export function planHeading(
  grid: Grid,
  row: number,
  span: TableSpan,
  idCol: number | undefined,
  actionCol?: number,
): string | null {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return null;
  const heading = headingOfCells(grid, row, r, span, idCol);
  if (heading !== null) return heading;
  const priority = lastText(r);
  if (priority === null || !HEADING_PRIORITY.test(cellText(priority))) return null;
  if (actionCol !== undefined && onlyFilledCellBesides(r, priority) === actionCol - grid.colOffset)
    return null;
  // The row without its priority (a merged area's copies of it too) is read as any heading is.
  return headingOfCells(
    grid,
    row,
    r.map((v) => (v === priority ? null : v)),
    span,
    idCol,
  );
}

/**
 * The index of the row's one filled cell other than those holding `except` (a priority), or -1 when there
 * are none or several (a merged area's copies count as several).
 */
function onlyFilledCellBesides(r: readonly CellValue[], except: CellValue): number {
  let found = -1;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (isBlank(v ?? null) || v === except) continue;
    if (found !== -1) return -1;
    found = i;
  }
  return found;
}

/** The row's last filled cell when it holds text, else null. */
function lastText(r: readonly CellValue[]): string | null {
  for (let i = r.length - 1; i >= 0; i--) {
    const v = r[i];
    if (isBlank(v ?? null)) continue;
    return typeof v === "string" ? v : null;
  }
  return null;
}

/**
 * The heading of a register grouped by month, typed as a month ("Sep-22", which Excel keeps as the date
 * 01/09/2022 shown mmm-yy): the row's only filled cell, `r[at]`, in the table's first column or the id
 * column, a date shown as a month; its text as Excel shows it ("Sep-22", never its serial 44805). Null for
 * any other value (a numeric id beside its title, a date shown as a day).
 */
function monthHeading(
  grid: Grid,
  row: number,
  r: readonly CellValue[],
  at: number,
  span: TableSpan,
  idCol: number | undefined,
): string | null {
  const col = at + grid.colOffset;
  if (typeof r[at] !== "number" || (col !== span.first && col !== idCol)) return null;
  for (let i = at + 1; i < r.length; i++) if (!isBlank(r[i])) return null;
  const format = formatAt(grid, row, col);
  return isMonthOnlyFormat(format) ? headerText(r[at], format) : null;
}

/** {@link sectionHeading} of a row whose cells are `r`. */
function headingOfCells(
  grid: Grid,
  row: number,
  r: readonly CellValue[],
  span: TableSpan,
  idCol: number | undefined,
): string | null {
  let text: string | null = null;
  let firstCol = -1;
  let lastCol = -1;
  let count = 0;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    if (isBlank(v)) continue;
    if (typeof v !== "string") return text === null ? monthHeading(grid, row, r, i, span, idCol) : null;
    if (text === null) {
      text = v;
      firstCol = i + grid.colOffset;
    } else if (v !== text) return null;
    lastCol = i + grid.colOffset;
    count++;
  }
  if (text === null) return null;
  const heading = cellText(text);
  if (!heading) return null;
  if (count === 1) {
    // Alone in the first column (or the id column, where a heading is typed over the ids).
    if (looksLikeId(heading)) return null;
    return firstCol === span.first || firstCol === idCol ? sectionName(heading) : null;
  }
  // The same text in several cells: only a merged area spanning most of the table makes that, and such
  // an area is a heading whatever its text ("Financial (2)" with its count): no record is one text wide.
  const width = span.last - span.first + 1;
  const merged = (grid.merges ?? []).some(
    (m) =>
      m.top <= row &&
      row <= m.bottom &&
      m.left <= firstCol &&
      lastCol <= m.right &&
      m.right - m.left + 1 >= Math.ceil(width * 0.6),
  );
  return merged ? sectionName(heading) : null;
}
