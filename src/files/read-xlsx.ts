// Reads every sheet of an .xlsx (Node or browser) into Grids, refusing hostile files with a FileReadError.

import type { Grid } from "../core/model/grid";
import { OWNED_MARKER } from "../core/model/owned-tab";
import { toA1 } from "../core/address/a1";
import { toBytes } from "./bytes";
import {
  cannotUnpackPart,
  damagedFileError as damaged,
  describePlace,
  FileReadError,
  notWellFormedPart,
} from "./file-read-error";
import { resolveLimits, type ReadLimits } from "./limits";
import { checkXlsxContainer } from "./xlsx-container";
import { parseSharedStrings } from "./xlsx/shared-strings";
import { workOutFormulas, type SheetWithUnsavedFormulas } from "./xlsx/formulas/work-out-formulas";
import { scanSheet, type ScannedSheet, type SheetContext, type UnsavedFormula } from "./xlsx/sheet-scanner";
import { NO_STYLES, parseStyles } from "./xlsx/styles";
import { parseTableArea, totalsRowsOf, type TableArea } from "./xlsx/table-parts";
import { totalsRowReferences } from "./xlsx/totals-row-references";
import { parseThemeColours } from "./xlsx/theme";
import { XlsxZip, ZipEntryError } from "./xlsx/unzip";
import {
  parseRelationships,
  parseWorkbook,
  relationshipKind,
  type Relationship,
} from "./xlsx/workbook-parts";
import { XmlError } from "./xlsx/xml-scanner";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/**
 * Reads every sheet of an .xlsx or .xlsm workbook, hidden ones included (flagged `hidden`).
 * Values start at A1 (offsets 0) with trailing empty rows and columns dropped; number formats are
 * kept where they are not General; merges are 0-based and inclusive.
 * Each part is inflated only when needed and dropped once read, one sheet at a time.
 * @throws FileReadError for an empty, corrupt, truncated, encrypted or oversized file.
 */
export async function readXlsx(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
  limits?: ReadLimits,
): Promise<Grid[]> {
  const lim = resolveLimits(limits);
  const bytes = toBytes(data);
  checkXlsxContainer(bytes, fileName, lim);
  try {
    return readParts(new XlsxZip(bytes), fileName, lim);
  } catch (e) {
    if (e instanceof XmlError || e instanceof ZipEntryError) {
      throw new FileReadError(
        "unreadable",
        `${describePlace({ file: fileName })} could not be read as an .xlsx workbook (it may be corrupt or saved by another program): open it in Excel and save it again`,
        { file: fileName },
      );
    }
    throw e;
  }
}

/** A package that is a zip but lacks a part it needs or refers to something it does not hold. */

function readParts(zip: XlsxZip, fileName: string, lim: Required<ReadLimits>): Grid[] {
  const workbook = parsePart(zip, WORKBOOK, parseWorkbook, fileName) ?? {
    sheets: [],
    date1904: false,
    ownedByName: new Set<string>(),
  };
  const rels = parsePart(zip, WORKBOOK_RELS, (xml) => parseRelationships(xml, "xl/"), fileName);
  if (rels === null && workbook.sheets.length > 0)
    throw damaged(fileName, `the part "${WORKBOOK_RELS}" that says where its sheets are is missing`);
  const relMap = rels ?? new Map<string, Relationship>();
  const partOf = (kind: string, fallback: string): string => {
    for (const rel of relMap.values()) if (relationshipKind(rel.type) === kind) return rel.path;
    return fallback;
  };
  const sharedStringsPart = partOf("sharedStrings", "xl/sharedStrings.xml");
  const ctx: SheetContext = {
    sharedStrings: parsePart(zip, sharedStringsPart, parseSharedStrings, fileName) ?? [],
    styles:
      parsePart(
        zip,
        partOf("styles", "xl/styles.xml"),
        (xml) =>
          parseStyles(
            xml,
            parsePart(zip, partOf("theme", "xl/theme/theme1.xml"), parseThemeColours, fileName) ?? [],
          ),
        fileName,
      ) ?? NO_STYLES,
    date1904: workbook.date1904,
    maxRows: lim.maxRows,
    maxCells: lim.maxCells,
  };

  const grids: Grid[] = [];
  const withUnsaved: SheetWithUnsavedFormulas[] = [];
  for (const sheet of workbook.sheets) {
    const rel = relMap.get(sheet.relId);
    if (rel === undefined)
      throw damaged(fileName, `sheet "${sheet.name}" has no entry in "${WORKBOOK_RELS}" saying where it is`);
    // Chart sheets, dialog and macro sheets hold no cells: like exceljs, read only worksheets.
    if (rel.type !== "" && relationshipKind(rel.type) !== "worksheet") continue;
    const grid = parsePart(
      zip,
      rel.path,
      (xml) => readSheet(xml, sheet.name, sheet.state, fileName, ctx),
      fileName,
    );
    if (grid === null)
      throw damaged(fileName, `the part "${rel.path}" holding sheet "${sheet.name}" is missing`);
    if (grid.badString !== null) {
      const { row, col, index } = grid.badString;
      const has = zip.has(sharedStringsPart)
        ? `"${sharedStringsPart}" holds only ${ctx.sharedStrings.length}`
        : `the part "${sharedStringsPart}" is missing`;
      throw damaged(
        fileName,
        `sheet "${sheet.name}", cell ${toA1(row, col)} uses shared string ${index}, but ${has}`,
      );
    }
    const tables = tableAreas(zip, rel.path, fileName);
    const totals = tables.flatMap(totalsRowsOf);
    if (totals.length) grid.grid.totalsRows = totals;
    if (tables.length)
      grid.grid.tables = tables.map((t) => ({
        top: t.top,
        left: t.left,
        bottom: t.bottom,
        right: t.right,
        totalsRow: totalsRowsOf(t).length > 0,
      }));
    // The add-in's own sheet by its workbook name too, as the task pane knows it (a row inserted above its marker).
    if (workbook.ownedByName.has(sheet.name.toLowerCase())) grid.grid.owned = true;
    grids.push(grid.grid);
    if (grid.unsavedFormulas) withUnsaved.push({ grid: grid.grid, unsaved: grid.unsavedFormulas });
  }
  // Once every sheet is read: a formula may read another sheet's cells.
  workOutFormulas(withUnsaved, grids, ctx.styles, ctx.date1904);
  noteTotalsRowReferences(
    zip,
    fileName,
    grids,
    workbook.sheets.flatMap((s) => {
      const rel = relMap.get(s.relId);
      return rel && relationshipKind(rel.type) === "worksheet" ? [{ name: s.name, path: rel.path }] : [];
    }),
  );
  if (grids.length === 0) {
    throw new FileReadError("no-sheets", `${describePlace({ file: fileName })} has no worksheets`, {
      file: fileName,
    });
  }
  return grids;
}

/** Marks each sheet whose one table totals row something else refers to by address (see totalsRowReferences). */
function noteTotalsRowReferences(
  zip: XlsxZip,
  fileName: string,
  grids: Grid[],
  worksheets: readonly { name: string; path: string }[],
): void {
  const withTotals = grids.filter((g) => g.totalsRows?.length === 1);
  if (withTotals.length === 0) return;
  const decoder = new TextDecoder();
  const parts = {
    read: (path: string) => parsePart(zip, path, (xml) => decoder.decode(xml), fileName),
    workbookPath: WORKBOOK,
    worksheets,
    charts: zip.paths().filter((p) => /^xl\/charts\/chart[^/]*\.xml$/i.test(p)),
  };
  for (const grid of withTotals) {
    const found = totalsRowReferences(parts, grid.sheetName, grid, grid.totalsRows![0]);
    if (found.length) grid.totalsRowReferences = found;
  }
}

/** The areas of the sheet's Excel tables (0-based, with their totals rows), from its table parts. */
function tableAreas(zip: XlsxZip, sheetPath: string, fileName: string): TableArea[] {
  const slash = sheetPath.lastIndexOf("/");
  const dir = sheetPath.slice(0, slash + 1);
  const relsPath = `${dir}_rels/${sheetPath.slice(slash + 1)}.rels`;
  const rels = parsePart(zip, relsPath, (xml) => parseRelationships(xml, dir), fileName);
  if (!rels) return [];
  const areas: TableArea[] = [];
  for (const rel of rels.values()) {
    if (relationshipKind(rel.type) !== "table") continue;
    const area = parsePart(zip, rel.path, parseTableArea, fileName);
    if (area) areas.push(area);
  }
  return areas;
}

/**
 * Inflates one part and parses it, or null when the zip lacks it. The inflated bytes are only
 * reachable inside this call, so each is garbage once parsed (a 100k-row sheet is ~90 MB of XML).
 */
function parsePart<T>(zip: XlsxZip, path: string, parse: (xml: Uint8Array) => T, fileName: string): T | null {
  try {
    const xml = zip.read(path);
    return xml === null ? null : parse(xml);
  } catch (e) {
    if (e instanceof XmlError) throw damaged(fileName, notWellFormedPart(path, e.message));
    if (e instanceof ZipEntryError) throw damaged(fileName, cannotUnpackPart(path));
    throw e;
  }
}

/**
 * One worksheet part → Grid (with the first bad shared-string reference, if any, and its formula cells with no
 * saved result), or the FileReadError for a sheet over the limits.
 */
function readSheet(
  xml: Uint8Array,
  sheetName: string,
  state: string,
  fileName: string,
  ctx: SheetContext,
): { grid: Grid; badString: ScannedSheet["badString"]; unsavedFormulas?: UnsavedFormula[] } {
  const scanned = scanSheet(xml, ctx);
  const place = { file: fileName, sheet: sheetName };
  if (scanned.kind === "too-many-rows") {
    throw new FileReadError(
      "too-many-rows",
      `${describePlace(place)} has ${scanned.lastRow.toLocaleString("en-GB")} rows of data; the most this can read is ${ctx.maxRows.toLocaleString("en-GB")}`,
      { ...place, cell: toA1(scanned.lastRow - 1, 0) },
    );
  }
  if (scanned.kind !== "ok") {
    const cells = scanned.lastRow * scanned.lastCol;
    throw new FileReadError(
      "too-many-cells",
      `${describePlace(place)} has ${cells.toLocaleString("en-GB")} cells of data (${scanned.lastRow} rows × ${scanned.lastCol} columns); the most this can read is ${ctx.maxCells.toLocaleString("en-GB")}`,
      place,
    );
  }
  if (scanned.badAddress !== undefined)
    throw new FileReadError(
      "damaged",
      `${describePlace(place)} is damaged: it has a cell at "${scanned.badAddress}", past the last column (XFD) a sheet can have. Open it in Excel (which can repair it) and save it again`,
      place,
    );
  const grid: Grid = {
    sheetName,
    origin: fileName,
    values: scanned.values,
    numberFormats: scanned.numberFormats,
    rowOffset: 0,
    colOffset: 0,
  };
  if (scanned.merges.length > 0) grid.merges = scanned.merges;
  if (scanned.blankFills) grid.blankFills = scanned.blankFills;
  if (state === "hidden" || state === "veryHidden") grid.hidden = true;
  if (scanned.values.length > 0 && scanned.values[0].some((v) => v === OWNED_MARKER)) grid.owned = true;
  if (scanned.formulas.length > 0) grid.formulas = new Set(scanned.formulas);
  return {
    grid,
    badString: scanned.badString,
    ...(scanned.unsavedFormulas ? { unsavedFormulas: scanned.unsavedFormulas } : {}),
  };
}
