// Reads a table's data rows into records: skips blank, help-text and repeated header rows, joins
// continuation rows, carries plan aims down, realigns shifted plan rows (SPEC "Reading sheets").

import type { SheetKind } from "../model/fields";
import { cellAt, formatAt, type CellValue, type Grid } from "../model/grid";
import type { RecordCell, SheetRecord } from "../model/records";
import { parseDate, parsePlanStatus } from "../parse";
import { aimNumber } from "./aim-number";
import { cellText, isBlank } from "./cell-text";
import type { SheetLayout } from "./detect-sheet";

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

function makeCell(grid: Grid, row: number, col: number): RecordCell {
  const value: CellValue = cellAt(grid, row, col);
  return { value, text: cellText(value), format: formatAt(grid, row, col), row, col };
}

function rowIsBlank(grid: Grid, row: number): boolean {
  const r = grid.values[row - grid.rowOffset];
  return !r || r.every(isBlank);
}

/** Header cells with their match keys worked out once, for spotting repeated header rows. */
interface HeaderProbe {
  cells: { col: number; text: string; folded: string }[];
  needed: number;
}

/** A header's letters and digits, lower case: repeated header rows are copies, so this is enough. */
function foldHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function headerProbe(layout: SheetLayout): HeaderProbe {
  const cells = layout.headerCells.map((h) => ({ col: h.col, text: h.text, folded: foldHeader(h.text) }));
  return { cells, needed: Math.max(2, Math.ceil(cells.length * 0.6)) };
}

/** True when a row repeats the header row (a page break inside the table). */
function isRepeatedHeader(grid: Grid, row: number, probe: HeaderProbe): boolean {
  let same = 0;
  let misses = 0;
  const allowedMisses = probe.cells.length - probe.needed;
  for (const h of probe.cells) {
    const v = cellAt(grid, row, h.col);
    // Repeated headers are copies of the header row: compare cheaply before folding words.
    const hit =
      typeof v === "string" &&
      (v === h.text || (Math.abs(v.length - h.text.length) <= 6 && foldHeader(v) === h.folded));
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
 * True when a register or actions row is a note or section heading, not a record: its only cell is a
 * sentence ("Source: IRIS. Scores are …" under the table, in the id column). Ids are short.
 */
function isNoteRow(grid: Grid, row: number): boolean {
  const r = grid.values[row - grid.rowOffset] ?? [];
  let only: CellValue = null;
  let count = 0;
  for (const v of r) {
    if (isBlank(v)) continue;
    if (++count > 1) return false;
    only = v;
  }
  return typeof only === "string" && cellText(only).split(" ").length >= 3;
}

/** True when the row under the header holds instructions rather than data. */
function isHelpTextRow(grid: Grid, row: number, layout: SheetLayout, idCol: number | undefined): boolean {
  if (idCol === undefined) return false;
  // An id is short and has a number in it; "Unique risk ID", "Unique ID" or "e.g. HRC-001" under a
  // "Risk ID" header is an instruction, not an id.
  const idText = cellText(cellAt(grid, row, idCol));
  const looksLikeId = idText.split(" ").length < 3 && /\d/.test(idText) && !/^e\.?g\b/i.test(idText);
  if (looksLikeId) return false;
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

/** Reads a plan row whose cells sit left of their headers, when they fit the shifted pattern. */
function readShiftedPlanRow(grid: Grid, row: number, layout: SheetLayout): Map<string, RecordCell> | null {
  const fc = layout.mapping!.fieldColumns;
  const r = grid.values[row - grid.rowOffset] ?? [];
  const cells: RecordCell[] = [];
  for (let i = 0; i < r.length; i++) if (!isBlank(r[i])) cells.push(makeCell(grid, row, i + grid.colOffset));
  if (cells.length < 5 || cells.length > 6) return null;
  const [action, date, director, officer, status] = cells;
  const inPlace = action.col === fc.get("action") && date.col === fc.get("date");
  if (inPlace) return null;
  if (!parseDate(date.value, date.format, "deadline").ok) return null;
  if (director.text.length > 20 || officer.text.length > 20) return null;
  if (!parsePlanStatus(status.text).ok) return null;
  const out = new Map<string, RecordCell>();
  cells.forEach((c, i) => out.set(SHIFTED_PLAN_FIELDS[i], c));
  return out;
}

/** Reads every data row of a detected table into records. */
export function readTable<F extends string>(grid: Grid, layout: SheetLayout): SheetRecord<F>[] {
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

  for (let row = layout.headerRow + 1; row <= lastRow; row++) {
    if (rowIsBlank(grid, row)) continue;
    if (row === layout.headerRow + 1 && isHelpTextRow(grid, row, layout, idCol)) continue;
    if (isRepeatedHeader(grid, row, probe)) {
      afterRepeatedHeader = true;
      continue;
    }
    if (isRepeatedGroupRow(grid, row, layout, groups)) continue;
    if (notesPossible && !afterRepeatedHeader && isNoteRow(grid, row)) continue;

    const shifted = kind === "improvement-plan" ? readShiftedPlanRow(grid, row, layout) : null;
    const fields = new Map<string, RecordCell>();
    if (shifted) for (const [f, c] of shifted) fields.set(f, c);
    else
      for (const [field, col] of fieldColumns) {
        const cell = makeCell(grid, row, col);
        if (cell.text !== "" || cell.value !== null) fields.set(field, cell);
      }

    // Notes below a table sit only in columns no field uses: they are not records.
    if (!shifted && fields.size === 0) continue;

    const isContinuation =
      afterRepeatedHeader && !shifted && records.length > 0 && anchors.every((f) => !fields.get(f)?.text);
    afterRepeatedHeader = false;
    if (isContinuation) {
      const last = records[records.length - 1];
      for (const [f, c] of fields) {
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

    if (kind === "improvement-plan") carryPlanFields(fields, carried);

    const extras = new Map<string, RecordCell>();
    if (!shifted)
      for (const u of unmapped) {
        const c = makeCell(grid, row, u.col);
        if (c.text) extras.set(u.header, c);
      }
    const record: SheetRecord<F> = {
      sheet: grid.sheetName,
      kind,
      row,
      rows: [row],
      fields: fieldObject<F>(fieldColumns, fields),
      extras,
    };
    if (shifted) record.realigned = true;
    records.push(record);
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
 * No, Improvement Aim and Background are written once per aim; each carries down on its own. A No
 * that numbers an action of the same aim ("1.2" after "1.1") does not start a new aim.
 */
function carryPlanFields(fields: Map<string, RecordCell>, carried: Map<string, RecordCell>): void {
  const no = fields.get("no")?.text;
  const carriedNo = carried.get("no")?.text;
  const newAim = !!no && (!carriedNo || aimNumber(no) !== aimNumber(carriedNo));
  if (newAim) {
    carried.delete("aim");
    carried.delete("background");
  }
  for (const f of CARRIED_PLAN_FIELDS) {
    const own = fields.get(f);
    if (own && own.text) carried.set(f, own);
    else if (carried.has(f)) fields.set(f, carried.get(f)!);
  }
}
