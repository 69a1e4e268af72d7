// What a worksheet anchors to its cells — merged areas, conditional formats, drop-downs (data validation),
// links, ignored errors, notes and threaded comments — moved and grown as an import moves a table's totals
// row down and grows the table over new rows, as Excel moves and grows them: the one place for both.

import { columnOfLetters } from "../../core/address/a1";
import { mapA1Refs, movedRow, movedRows, type RowsMoved } from "./shift-row-refs";
import { relsPathOf, RelsXml } from "./package-parts";
import { resolveTarget } from "./workbook-parts";
import { utf8 } from "./xml-write";

/**
 * A table grown over new rows (0-based, after any move): its data rows ran from `firstDataRow` to
 * `lastDataRow`, and now to `newLastDataRow`, in columns `left`–`right`.
 */
export interface TableRowsAdded {
  left: number;
  right: number;
  firstDataRow: number;
  lastDataRow: number;
  newLastDataRow: number;
}

/** How one sheet's rows change: a move (or none), then the tables grown over the new rows. */
export interface SheetRowChange {
  moved: RowsMoved | null;
  grown: readonly TableRowsAdded[];
}

const AREA = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/;

/**
 * One area of a `ref`/`sqref` ("F7", "G3:G6") after `change`; `grows`: whether it grows with a table's
 * new rows (a conditional format or a drop-down over a table column's data rows does, as Excel extends
 * them; a merged area or a link does not). Whole rows or columns and anything else are left as they are.
 */
function changedArea(area: string, change: SheetRowChange, grows: boolean): string {
  const m = AREA.exec(area);
  if (!m) return area;
  const [left, right] = [columnOfLetters(m[1]), columnOfLetters(m[3] ?? m[1])];
  let [top, bottom] = [Number(m[2]) - 1, Number(m[4] ?? m[2]) - 1];
  if (change.moved) [top, bottom] = movedRows(change.moved, top, bottom);
  if (grows)
    for (const g of change.grown)
      if (
        bottom === g.lastDataRow &&
        top >= g.firstDataRow &&
        top <= g.lastDataRow &&
        left >= g.left &&
        right <= g.right
      )
        bottom = g.newLastDataRow;
  const single = m[3] === undefined && top === bottom;
  return single ? `${m[1]}${top + 1}` : `${m[1]}${top + 1}:${m[3] ?? m[1]}${bottom + 1}`;
}

/** A space-separated list of areas (an `sqref`) after `change` (see changedArea). */
export function changedSqref(sqref: string, change: SheetRowChange, grows: boolean): string {
  return sqref.replace(/\S+/g, (area) => changedArea(area, change, grows));
}

/** Elements after `<sheetData>` with a `ref`/`sqref` of cells, and whether it grows with a table. */
const ANCHORED =
  /(<(?:\w+:)?(mergeCell|hyperlink|conditionalFormatting|dataValidation|ignoredError|protectedRange)\b[^>]*?\s(?:ref|sqref)\s*=\s*)("[^"]*"|'[^']*')/g;
const GROWS = new Set(["conditionalFormatting", "dataValidation"]);
/** An x14 extension's areas (`<xm:sqref>` of a data bar's or a drop-down's extension). */
const EXT_SQREF = /(<(?:\w+:)?sqref>)([^<]*)(<\/(?:\w+:)?sqref>)/g;
/** A conditional format's or a drop-down's formula (and an x14 extension's `<xm:f>`). */
const RULE_FORMULA =
  /(<(?:\w+:)?(?:formula|formula1|formula2|f)>)([^<]*)(<\/(?:\w+:)?(?:formula|formula1|formula2|f)>)/g;

/**
 * The part of a worksheet after its `<sheetData>` (merged areas, conditional formats, drop-downs, links, …)
 * with every area anchored to its cells moved as `change` moves rows, and the conditional formats' and
 * drop-downs' areas over a grown table column's data rows grown over its new rows; the rules' formulas
 * refer to moved cells where they are now. The same text when nothing changes.
 */
export function changedSheetTail(tail: string, change: SheetRowChange): string {
  if (change.moved === null && change.grown.length === 0) return tail;
  const moved = change.moved;
  let out = tail.replace(ANCHORED, (_all, open: string, kind: string, quoted: string) => {
    const value = quoted.slice(1, -1);
    return `${open}${quoted[0]}${changedSqref(value, change, GROWS.has(kind))}${quoted[0]}`;
  });
  out = out.replace(
    EXT_SQREF,
    (_all, open: string, value: string, close: string) => open + changedSqref(value, change, true) + close,
  );
  if (moved)
    out = out.replace(
      RULE_FORMULA,
      (_all, open: string, formula: string, close: string) =>
        open +
        mapA1Refs(formula, (r, withRows) => withRows(...movedRows(moved, r.firstRow, r.lastRow))) +
        close,
    );
  return out;
}

/** A package's parts, as the writer reads and writes them. */
export interface PackageParts {
  read(path: string): Uint8Array | null;
  write(path: string, data: Uint8Array): void;
}

const NOTE_REF = /(<(?:\w+:)?(?:comment|threadedComment)\b[^>]*?\sref\s*=\s*)("[^"]*"|'[^']*')/g;
const CLIENT_DATA = /<x:ClientData\b[\s\S]*?<\/x:ClientData>/g;

/** A note's or threaded comment's `ref` after the move. */
function movedNoteRef(ref: string, moved: RowsMoved): string {
  const m = AREA.exec(ref);
  if (!m || m[3] !== undefined) return ref;
  return `${m[1]}${movedRow(moved, Number(m[2]) - 1) + 1}`;
}

/** A VML note shape's client data with its row (`x:Row`, 0-based) and anchor rows moved as its cell's. */
function movedVmlNote(data: string, moved: RowsMoved): string {
  const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(data);
  if (!row) return data;
  const by = movedRow(moved, Number(row[1])) - Number(row[1]);
  if (by === 0) return data;
  return data
    .replace(/(<x:Row>\s*)(\d+)/, (_all, open: string, r: string) => `${open}${Number(r) + by}`)
    .replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/, (_all, open: string, anchor: string, close: string) => {
      // Left column, offset, top row, offset, right column, offset, bottom row, offset.
      const n = anchor.split(",");
      if (n.length !== 8) return `${open}${anchor}${close}`;
      for (const i of [2, 6]) n[i] = n[i].replace(/\d+/, (v) => String(Number(v) + by));
      return `${open}${n.join(",")}${close}`;
    });
}

/**
 * The notes (legacy comments and the VML shapes that show them) and threaded comments of the worksheet
 * part `sheetPath` moved with their cells as `moved` moves rows. A part is rewritten only when something
 * in it moved; a header picture's VML (no cell) is left as it was.
 */
export function moveNotes(pkg: PackageParts, sheetPath: string, moved: RowsMoved): void {
  const rels = pkg.read(relsPathOf(sheetPath));
  if (rels === null) return;
  const dir = sheetPath.slice(0, sheetPath.lastIndexOf("/") + 1);
  const dec = new TextDecoder();
  for (const rel of new RelsXml(rels).rels) {
    if (rel.external) continue;
    const kind = rel.type.slice(rel.type.lastIndexOf("/") + 1).toLowerCase();
    if (kind !== "comments" && kind !== "threadedcomment" && kind !== "vmldrawing") continue;
    const path = resolveTarget(dir, rel.target);
    const bytes = pkg.read(path);
    if (bytes === null) continue;
    const text = dec.decode(bytes);
    const out =
      kind === "vmldrawing"
        ? text.replace(CLIENT_DATA, (data) => movedVmlNote(data, moved))
        : text.replace(
            NOTE_REF,
            (_all, open: string, q: string) => `${open}${q[0]}${movedNoteRef(q.slice(1, -1), moved)}${q[0]}`,
          );
    if (out !== text) pkg.write(path, utf8(out));
  }
}
