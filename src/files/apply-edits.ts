// Applies workbook edits (an import's) to a copy of an .xlsx/.xlsm, part by part: only the sheets written change.

import {
  headingAsAtToRaise,
  logRowsFor,
  type LogAppend,
  type TotalsRowMove,
  type WorkbookEdits,
} from "../core/model/edits";
import type { CellValue, Grid } from "../core/model/grid";
import {
  candidateSheetNames,
  logDateFormat,
  OWNED_MARKER,
  OWNED_TAB_NAMES,
  storedCell,
  type OwnedTab,
} from "../core/model/owned-tab";
import { isBlank } from "../core/read/cell-text";
import {
  cannotUnpackPart,
  damagedFileError,
  describePlace,
  FileReadError,
  notWellFormedPart,
} from "./file-read-error";
import { resolveLimits } from "./limits";
import { readXlsx } from "./read-xlsx";
import { checkXlsxContainer } from "./xlsx-container";
import {
  addContentTypes,
  extendTable,
  extendTableAboveTotals,
  relsPathOf,
  RelsXml,
  removeContentType,
  STYLES_CONTENT_TYPE,
  tablePartsOf,
  WorkbookXml,
  WORKSHEET_CONTENT_TYPE,
} from "./xlsx/package-parts";
import {
  changedSheetTail,
  moveNotes,
  type SheetRowChange,
  type TableRowsAdded,
} from "./xlsx/anchored-ranges";
import { moveTotalsRowDown } from "./xlsx/move-totals-row";
import { copiedDown, movedRow, type RowsMoved } from "./xlsx/shift-row-refs";
import { parseTableArea, tableColumns, tableRowRules, type CalculatedColumn } from "./xlsx/table-parts";
import { backupSheetXml, ownedSheetXml } from "./xlsx/sheet-build";
import { editSheetXml, type CellWrite } from "./xlsx/sheet-edit";
import { minimalStyles, StyleBook } from "./xlsx/style-book";
import { partKey } from "./xlsx/unzip";
import { relationshipKind, resolveTarget } from "./xlsx/workbook-parts";
import { XmlError } from "./xlsx/xml-scanner";
import { utf8 } from "./xlsx/xml-write";
import { ZipPackage, ZipPackageError } from "./xlsx/zip-package";

/** Rows in a worksheet (Excel's limit). */
const SHEET_ROWS = 1_048_576;
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/** A sheet of the workbook being written: where its part is, and its cells as read. */
interface SheetRef {
  name: string;
  path: string;
  grid: Grid | undefined;
}

/** The last row (0-based) holding a value, or -1. */
function lastUsedRow(grid: Grid | undefined): number {
  if (!grid) return -1;
  for (let r = grid.values.length - 1; r >= 0; r--)
    if (grid.values[r].some((v) => !isBlank(v))) return r + grid.rowOffset;
  return -1;
}

/**
 * Applies `edits` to a copy of the .xlsx/.xlsm in `original` and returns the new file's bytes. The package
 * is edited part by part, as Excel would leave it: backups become new sheets (values as they show, styles,
 * widths, merges; marked as owned); cells are written into the sheet XML of the sheets they are on (text
 * always as text, inline; a formula never overwritten, its saved result dropped where the edits make it out
 * of date; a new row styled like the data row above (never a totals row) and added to the Excel table it
 * extends, above the table's totals row when the edits move that row down, with the table's calculated
 * columns and its columns' drop-downs and conditional formats, and what is anchored to a moved totals
 * row moved with it: see changedSheetTail, moveNotes, WorkbookXml.moveNamesOn); log rows are appended to
 * their owned tab (created with its title block when missing); owned tabs are rewritten whole. New cell
 * styles are appended to styles.xml; the calculation chain is dropped once formula cells move or are
 * added. Every other part — charts, pivot tables, drawings, comments, VBA, custom properties, defined
 * names — is copied unchanged, compressed bytes and all. A user's sheet that has an owned tab's name is
 * never touched; a workbook whose structure is protected gets no new sheet (refused, nothing written).
 * `grids` are the workbook's sheets as already read (read again when not given). `original` is never modified.
 * @throws FileReadError when `original` cannot be read as a workbook, a sheet named by the edits is not in it,
 * or its structure is protected and the edits add a sheet.
 */
export async function applyEditsToXlsx(
  original: Uint8Array,
  edits: WorkbookEdits,
  fileName: string,
  grids?: readonly Grid[],
): Promise<Uint8Array> {
  checkXlsxContainer(original, fileName, resolveLimits(undefined));
  const read = grids ?? (await readXlsx(original, fileName));
  try {
    return writeEdits(new ZipPackage(original), edits, fileName, read);
  } catch (e) {
    if (e instanceof ZipPackageError && e.part) throw damagedFileError(fileName, cannotUnpackPart(e.part));
    // A scan failure outside inPart (none is expected: every part is scanned whole when first read).
    if (e instanceof ZipPackageError || e instanceof XmlError) {
      throw new FileReadError(
        "damaged",
        `${describePlace({ file: fileName })} is damaged: open it in Excel (which can repair it) and save it again`,
        { file: fileName },
      );
    }
    throw e;
  }
}

/**
 * Runs `use`, which reads the part at `path`: a part that is not well-formed XML is refused as damaged,
 * naming the file and the part, as the reader words it. The one place the writer's XML scan failures
 * (XmlError from the part parsers and editors) become a FileReadError.
 */
function inPart<T>(fileName: string, path: string, use: () => T): T {
  try {
    return use();
  } catch (e) {
    if (e instanceof XmlError) throw damagedFileError(fileName, notWellFormedPart(path, e.message));
    throw e;
  }
}

function writeEdits(
  pkg: ZipPackage,
  edits: WorkbookEdits,
  fileName: string,
  grids: readonly Grid[],
): Uint8Array {
  const need = (path: string): Uint8Array => {
    const bytes = pkg.read(path);
    if (bytes === null) {
      throw new FileReadError(
        "damaged",
        `${describePlace({ file: fileName })} is damaged: the part "${path}" is missing. Open it in Excel (which can repair it) and save it again`,
        { file: fileName },
      );
    }
    return bytes;
  };
  const workbook = inPart(fileName, WORKBOOK, () => new WorkbookXml(need(WORKBOOK)));
  const rels = inPart(fileName, WORKBOOK_RELS, () => new RelsXml(need(WORKBOOK_RELS)));
  const relPath = new Map(
    rels.rels.filter((r) => !r.external).map((r) => [r.id, resolveTarget("xl/", r.target)]),
  );
  const gridByName = new Map(grids.map((g) => [g.sheetName.toLowerCase(), g]));
  const sheets = new Map<string, SheetRef>();
  for (const s of workbook.sheets) {
    const path = relPath.get(s.relId);
    if (path !== undefined)
      sheets.set(s.name.toLowerCase(), { name: s.name, path, grid: gridByName.get(s.name.toLowerCase()) });
  }
  const taken = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));

  const stylesRel = rels.rels.find((r) => relationshipKind(r.type) === "styles");
  const stylesPath = stylesRel ? resolveTarget("xl/", stylesRel.target) : "xl/styles.xml";
  const stylesBytes = pkg.read(stylesPath);
  const styles = inPart(
    fileName,
    stylesPath,
    () => new StyleBook(stylesBytes ?? utf8(minimalStyles(workbook.namespaces))),
  );

  const sheetRef = (name: string, why: string): SheetRef => {
    const s = sheets.get(name.toLowerCase());
    if (!s) {
      throw new FileReadError(
        "unreadable",
        `${describePlace({ file: fileName, sheet: name })} is not in the workbook, so ${why}`,
        {
          file: fileName,
          sheet: name,
        },
      );
    }
    return s;
  };
  /** An owned tab of this name, else the first free candidate name. */
  const ownedOrFree = (preferred: string): { existing: SheetRef | null; name: string } => {
    for (const name of candidateSheetNames(preferred)) {
      if (!taken.has(name.toLowerCase())) return { existing: null, name };
      const s = sheets.get(name.toLowerCase());
      if (s?.grid?.owned) return { existing: s, name: s.name };
    }
    throw new Error(`applyEditsToXlsx: no free sheet name for "${preferred}"`);
  };

  const newSheets: { name: string; xml: Uint8Array; hidden: boolean; printTitlesRow: number | null }[] = [];
  /** The add-in's own sheets written, new or existing: each gets a CRR_OWNED_* name if it has none. */
  const ownedWritten: string[] = [];
  const addSheet = (name: string, xml: Uint8Array, hidden: boolean, printTitlesRow: number | null): void => {
    if (workbook.structureLocked) throw structureLockedError(fileName, name);
    taken.add(name.toLowerCase());
    newSheets.push({ name, xml, hidden, printTitlesRow });
  };

  // Backups first, from the sheets as they were.
  for (const c of edits.copies) {
    const src = sheetRef(c.from, "it cannot be backed up");
    if (taken.has(c.to.toLowerCase())) throw new Error(`applyEditsToXlsx: a sheet "${c.to}" already exists`);
    addSheet(
      c.to,
      inPart(fileName, src.path, () => backupSheetXml(need(src.path), styles)),
      false,
      null,
    );
  }

  /** Refuses, before anything is built, a sheet that would need more rows than Excel holds. */
  const fitRows = (sheet: string, rows: number): void => {
    if (rows <= SHEET_ROWS) return;
    throw new FileReadError(
      "too-many-rows",
      `${describePlace({ file: fileName, sheet })} would need ${rows.toLocaleString("en-GB")} rows, more than a sheet holds (${SHEET_ROWS.toLocaleString("en-GB")}); nothing was written. Import the export in parts`,
      { file: fileName, sheet },
    );
  };
  for (const log of edits.logAppends) {
    const name = log.template?.name ?? OWNED_TAB_NAMES[log.kind];
    fitRows(
      name,
      (log.template?.rows.length ?? 1) +
        log.rows.length +
        lastUsedRow(sheets.get(name.toLowerCase())?.grid) +
        1,
    );
  }
  for (const e of edits.cells) if (e.row >= SHEET_ROWS) fitRows(e.sheet, e.row + 1);
  const totalsMoves = new Map<string, TotalsRowMove>();
  for (const m of edits.totalsRowMoves ?? []) {
    fitRows(m.sheet, m.row + m.by + 1);
    totalsMoves.set(sheetRef(m.sheet, "nothing was written").path, m);
  }
  const appendedRows = new Map(
    (edits.appendedRows ?? []).map((a) => [a.sheet.toLowerCase(), new Set(a.rows)]),
  );
  const writes = new Map<string, { sheet: SheetRef; cells: CellWrite[] }>();
  const writesOn = (s: SheetRef): CellWrite[] => {
    let w = writes.get(s.path);
    if (!w) writes.set(s.path, (w = { sheet: s, cells: [] }));
    return w.cells;
  };
  for (const e of edits.cells) {
    const s = sheetRef(e.sheet, "nothing was written");
    writesOn(s).push({ row: e.row, col: e.col, value: e.value, format: e.format ?? null });
  }
  // Formulas the cells written make out of date: kept, their saved results dropped (recalculated on opening).
  for (const c of edits.recalculated ?? [])
    writesOn(sheetRef(c.sheet, "nothing was written")).push({
      row: c.row,
      col: c.col,
      value: null,
      dropResult: true,
    });
  for (const log of edits.logAppends) appendLog(log);
  for (const tab of edits.ownedTabs) {
    const { existing, name } = ownedOrFree(tab.name);
    const built = ownedSheetXml({ ...tab, name }, styles, workbook);
    if (existing) {
      ownedWritten.push(existing.name);
      pkg.write(existing.path, built.xml);
      // The old tab's links to drawings or printer settings no longer apply to the rewritten tab.
      if (pkg.has(relsPathOf(existing.path))) pkg.remove(relsPathOf(existing.path));
    } else addSheet(name, built.xml, tab.kind === "settings", built.printTitlesRow);
  }

  // Formula cells moved (a totals row) or added (a table's calculated columns): the calculation chain goes.
  let formulaCellsChanged = false;
  for (const { sheet, cells } of writes.values()) {
    if (sheet.grid?.owned) ownedWritten.push(sheet.name);
    // New rows inside a table above its totals row: the totals row moves down first, the table grows.
    const move = totalsMoves.get(sheet.path);
    const moved: RowsMoved | null = move
      ? { at: move.row, by: move.by, intoBlankRows: move.intoBlankRows === true }
      : null;
    const sheetRels = relsPathOf(sheet.path);
    const tables = inPart(fileName, sheetRels, () => tablePartsOf(sheet.path, pkg.read(sheetRels)));
    const grown = tables.length === 0 ? [] : growTables(sheet, tables, cells, moved);
    const calculated = withCalculatedColumns(cells, grown);
    const change: SheetRowChange = { moved, grown: grown.map((g) => g.rows) };
    // A new risk never takes the look of a table's totals row, wherever that row now is.
    const totals = sheet.grid?.totalsRows ?? [];
    const notStyleSources = new Set(totals.map((r) => (moved ? movedRow(moved, r) : r)));
    const edited = inPart(fileName, sheet.path, () => {
      const xml = move
        ? moveTotalsRowDown(need(sheet.path), move.row, move.by, move.intoBlankRows)
        : need(sheet.path);
      const anchorsChange = moved !== null || grown.length > 0;
      return editSheetXml(xml, cells, styles, workbook.date1904, {
        notStyleSources,
        ...(anchorsChange ? { tail: (text: string) => changedSheetTail(text, change) } : {}),
      }).xml;
    });
    pkg.write(sheet.path, edited);
    for (const g of grown) pkg.write(g.part, g.bytes);
    if (moved) {
      inPart(fileName, sheetRels, () => moveNotes(pkg, sheet.path, moved));
      workbook.moveNamesOn(sheet.name, moved);
    }
    if (moved || calculated) formulaCellsChanged = true;
  }
  // A formula anywhere may read a cell written here: Excel recalculates them all on opening.
  if (writes.size > 0 && (formulaCellsChanged || grids.some((g) => (g.formulas?.size ?? 0) > 0)))
    workbook.recalculateOnOpen();
  const removedParts = formulaCellsChanged ? dropCalcChain() : [];

  // New sheets at the end, so every existing sheet index (sheet-scoped names, active tab) stays as it was.
  const types: { part: string; type: string }[] = [];
  const used = new Set(pkg.paths().map(partKey));
  let n = 1;
  for (const s of newSheets) {
    while (used.has(partKey(`xl/worksheets/sheet${n}.xml`))) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    used.add(partKey(part));
    pkg.write(part, s.xml);
    const relId = rels.add(workbook.relationshipType("worksheet"), `worksheets/sheet${n}.xml`);
    const index = workbook.addSheet(s.name, relId, s.hidden);
    if (s.printTitlesRow !== null) workbook.addPrintTitles(index, s.name, s.printTitlesRow);
    ownedWritten.push(s.name);
    types.push({ part, type: WORKSHEET_CONTENT_TYPE });
  }
  // Every owned sheet written (a backup, a log, an owned tab, the Settings sheet) carries a CRR_OWNED_* name,
  // as the pane's do, so it is still found once a row is inserted above its title.
  for (const name of ownedWritten) workbook.nameAsOwned(name);
  if (styles.changed) {
    pkg.write(stylesPath, styles.toBytes());
    if (stylesBytes === null) {
      rels.add(workbook.relationshipType("styles"), stylesPath.replace(/^xl\//, ""));
      types.push({ part: stylesPath, type: STYLES_CONTENT_TYPE });
    }
  }
  if (workbook.changed) pkg.write(WORKBOOK, workbook.toBytes());
  if (rels.changed) pkg.write(WORKBOOK_RELS, rels.toBytes());
  if (types.length > 0 || removedParts.length > 0) {
    const contentTypes = inPart(fileName, CONTENT_TYPES, () => {
      let bytes = types.length > 0 ? addContentTypes(need(CONTENT_TYPES), types) : need(CONTENT_TYPES);
      for (const part of removedParts) bytes = removeContentType(bytes, part);
      return bytes;
    });
    pkg.write(CONTENT_TYPES, contentTypes);
  }
  return pkg.toBytes();

  /**
   * Removes Excel's calculation chain (xl/calcChain.xml, its relationship and content type), as other
   * writers do once formula cells have moved or been added: an entry naming a cell that no longer holds a
   * formula makes Excel repair the file, and Excel builds the chain again as it calculates. The parts removed.
   */
  function dropCalcChain(): string[] {
    const chains = rels.rels.filter((r) => !r.external && relationshipKind(r.type) === "calcChain");
    for (const r of chains) rels.remove(r.id);
    const parts = chains.map((r) => resolveTarget("xl/", r.target));
    for (const part of parts) if (pkg.has(part)) pkg.remove(part);
    return parts;
  }

  /**
   * The tables of `sheet` (package paths) the new rows grow: with `moved`, the one whose totals row moves
   * down (extendTableAboveTotals); else the one the new rows are written straight below (extendTable),
   * and only if its columns hold every new cell: not a key beside the register that ends on the same
   * row, nor an officer's own narrower table just above them.
   */
  function growTables(
    sheet: SheetRef,
    tables: readonly string[],
    cells: readonly CellWrite[],
    moved: RowsMoved | null,
  ): GrownTable[] {
    const grown: GrownTable[] = [];
    let newRows: number[] = [];
    let appended: readonly CellWrite[] = [];
    if (!moved) {
      // The new records' rows (the edits say which; else the rows below the sheet's last used row).
      const added = appendedRows.get(sheet.name.toLowerCase());
      const last = lastUsedRow(sheet.grid);
      appended = cells.filter((c) => (added ? added.has(c.row) : c.row > last));
      newRows = [...new Set(appended.map((c) => c.row))];
      if (newRows.length === 0) return grown;
    }
    const holdsNewCells = (cols: [number, number] | null): boolean =>
      cols !== null && appended.every((c) => c.col >= cols[0] && c.col <= cols[1]);
    for (const table of tables) {
      const bytes = pkg.read(table);
      if (bytes === null) continue;
      const rules = inPart(fileName, table, () => tableRowRules(bytes));
      if (rules === null) continue;
      if (moved) {
        const after = extendTableAboveTotals(bytes, moved.at, moved.by);
        if (after === null) continue;
        const last = moved.at - 1;
        grown.push(grownTable(table, after, rules, last, last + moved.by));
      } else {
        if (!holdsNewCells(inPart(fileName, table, () => tableColumns(bytes)))) continue;
        const after = extendTable(bytes, newRows);
        const area = after === null ? null : inPart(fileName, table, () => parseTableArea(after));
        if (after === null || area === null) continue;
        grown.push(grownTable(table, after, rules, rules.area.bottom, area.bottom));
      }
    }
    return grown;
  }

  /** Appends a log's rows to its owned tab, or creates the tab (title block, header, marker) with them. */
  function appendLog(log: LogAppend): void {
    if (log.rows.length === 0) return;
    const preferred = log.template?.name ?? OWNED_TAB_NAMES[log.kind];
    const { existing, name } = ownedOrFree(preferred);
    if (existing) {
      let next = lastUsedRow(existing.grid) + 1;
      const cells = writesOn(existing);
      // Rows in the layout of the tab's own header row; dates (the When, the Date) as dates.
      const { rows } = logRowsFor(log, existing.grid?.values ?? []);
      const dateColumns = new Set(log.template?.format.dateColumns ?? []);
      for (const values of rows) {
        values.forEach((value, col) => {
          if (value === null) return;
          const style =
            typeof value === "number" && dateColumns.has(col)
              ? styles.look({ numFmt: logDateFormat(value, log.kind) })
              : 0;
          cells.push({ row: next, col, value, style });
        });
        next++;
      }
      // The title block's as-at date brought up to the rows appended (never back: see headingAsAtToRaise).
      const grid = existing.grid;
      const asAtCell = log.asAt && grid ? headingAsAtToRaise(grid.values, log.asAt, false) : null;
      if (log.asAt && grid && asAtCell) {
        const { value, numberFormat } = storedCell({ date: log.asAt });
        cells.push({
          row: asAtCell.row + grid.rowOffset,
          col: asAtCell.col + grid.colOffset,
          value,
          style: numberFormat ? styles.look({ numFmt: numberFormat }) : 0,
        });
      }
      return;
    }
    const template: OwnedTab = log.template ?? {
      name,
      kind: log.kind,
      rows: [[...log.header, OWNED_MARKER]],
      format: {
        headerRows: [0],
        titleRows: [],
        ragCells: [],
        columnWidths: [],
        dateColumns: [],
        links: [],
        freezeBelowRow: 0,
      },
    };
    const built = ownedSheetXml({ ...template, name }, styles, workbook, log.rows as CellValue[][]);
    addSheet(name, built.xml, false, built.printTitlesRow);
  }
}

/** A table part grown over an import's new rows: its new bytes, the rows it grew by, its calculated columns. */
interface GrownTable {
  part: string;
  bytes: Uint8Array;
  rows: TableRowsAdded;
  calculated: CalculatedColumn[];
}

/** A GrownTable whose data rows ended on `lastDataRow` and now end on `newLastDataRow` (0-based). */
function grownTable(
  part: string,
  bytes: Uint8Array,
  rules: NonNullable<ReturnType<typeof tableRowRules>>,
  lastDataRow: number,
  newLastDataRow: number,
): GrownTable {
  const { area, firstDataRow, calculated } = rules;
  return {
    part,
    bytes,
    rows: { left: area.left, right: area.right, firstDataRow, lastDataRow, newLastDataRow },
    calculated,
  };
}

/**
 * Gives the rows each table grew over its calculated columns' formulas, as Excel fills them into a new
 * table row: a value the edits write there stays as the formula's saved result (the workbook reads as
 * imported until Excel works the formula out again on opening); SPEC "Formulas": the register's formula
 * is never replaced by a value. Returns whether any formula was written.
 */
function withCalculatedColumns(cells: CellWrite[], grown: readonly GrownTable[]): boolean {
  const filled = grown.filter((g) => g.calculated.length > 0 && g.rows.newLastDataRow > g.rows.lastDataRow);
  if (filled.length === 0) return false;
  const key = (row: number, col: number) => `${row}:${col}`;
  const isNew = (row: number) => filled.some((g) => row > g.rows.lastDataRow && row <= g.rows.newLastDataRow);
  const byCell = new Map(cells.filter((c) => isNew(c.row)).map((c) => [key(c.row, c.col), c]));
  for (const g of filled)
    for (let row = g.rows.lastDataRow + 1; row <= g.rows.newLastDataRow; row++)
      for (const c of g.calculated) {
        // The column's formula is as for the first data row (D2*E2); a structured reference needs no change.
        const formula = copiedDown(c.formula, row - g.rows.firstDataRow);
        const write = byCell.get(key(row, c.col));
        if (write) write.formula = formula;
        else cells.push({ row, col: c.col, value: null, formula });
      }
  return true;
}

/**
 * The workbook's structure is protected (Review > Protect Workbook): Excel adds no sheet to it, so neither
 * does an import (its backup and log tabs are sheets); nothing is written. `sheet`: the first it needed.
 */
function structureLockedError(fileName: string, sheet: string): FileReadError {
  return new FileReadError(
    "structure-locked",
    `${describePlace({ file: fileName })} has its structure protected (Review > Protect Workbook), so the "${sheet}" tab cannot be added to it; nothing was written. Unprotect the workbook in Excel (Review > Protect Workbook, with its password if it has one), save it, and import again`,
    { file: fileName },
  );
}
