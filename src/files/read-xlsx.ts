// Reads every sheet of an .xlsx (Node or browser) into Grids, refusing hostile files with a FileReadError.

import type { Grid } from "../core/model/grid";
import { OWNED_MARKER } from "../core/model/owned-tab";
import { toA1 } from "../core/address/a1";
import { toBytes } from "./bytes";
import { describePlace, FileReadError } from "./file-read-error";
import { resolveLimits, type ReadLimits } from "./limits";
import { checkXlsxContainer } from "./xlsx-container";
import { parseSharedStrings } from "./xlsx/shared-strings";
import { scanSheet, type SheetContext } from "./xlsx/sheet-scanner";
import { NO_STYLES, parseStyles } from "./xlsx/styles";
import { parseTotalsRows } from "./xlsx/table-parts";
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

function readParts(zip: XlsxZip, fileName: string, lim: Required<ReadLimits>): Grid[] {
  const workbook = parsePart(zip, WORKBOOK, parseWorkbook) ?? { sheets: [], date1904: false };
  const rels =
    parsePart(zip, WORKBOOK_RELS, (xml) => parseRelationships(xml, "xl/")) ?? new Map<string, Relationship>();
  const partOf = (kind: string, fallback: string): string => {
    for (const rel of rels.values()) if (relationshipKind(rel.type) === kind) return rel.path;
    return fallback;
  };
  const ctx: SheetContext = {
    sharedStrings: parsePart(zip, partOf("sharedStrings", "xl/sharedStrings.xml"), parseSharedStrings) ?? [],
    styles:
      parsePart(zip, partOf("styles", "xl/styles.xml"), (xml) =>
        parseStyles(xml, parsePart(zip, partOf("theme", "xl/theme/theme1.xml"), parseThemeColours) ?? []),
      ) ?? NO_STYLES,
    date1904: workbook.date1904,
    maxRows: lim.maxRows,
    maxCells: lim.maxCells,
  };

  const grids: Grid[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relId);
    // Chart sheets, dialog and macro sheets hold no cells: like exceljs, read only worksheets.
    if (rel === undefined || (rel.type !== "" && relationshipKind(rel.type) !== "worksheet")) continue;
    const grid = parsePart(zip, rel.path, (xml) => readSheet(xml, sheet.name, sheet.state, fileName, ctx));
    if (grid === null) continue;
    const totals = tableTotalsRows(zip, rel.path);
    if (totals.length) grid.totalsRows = totals;
    grids.push(grid);
  }
  if (grids.length === 0) {
    throw new FileReadError("no-sheets", `${describePlace({ file: fileName })} has no worksheets`, {
      file: fileName,
    });
  }
  return grids;
}

/** The totals rows of the sheet's Excel tables (0-based rows), from its table parts. */
function tableTotalsRows(zip: XlsxZip, sheetPath: string): number[] {
  const slash = sheetPath.lastIndexOf("/");
  const dir = sheetPath.slice(0, slash + 1);
  const relsPath = `${dir}_rels/${sheetPath.slice(slash + 1)}.rels`;
  const rels = parsePart(zip, relsPath, (xml) => parseRelationships(xml, dir));
  if (!rels) return [];
  const rows: number[] = [];
  for (const rel of rels.values())
    if (relationshipKind(rel.type) === "table")
      rows.push(...(parsePart(zip, rel.path, parseTotalsRows) ?? []));
  return rows;
}

/**
 * Inflates one part and parses it, or null when the zip lacks it. The inflated bytes are only
 * reachable inside this call, so each is garbage once parsed (a 100k-row sheet is ~90 MB of XML).
 */
function parsePart<T>(zip: XlsxZip, path: string, parse: (xml: Uint8Array) => T): T | null {
  const xml = zip.read(path);
  return xml === null ? null : parse(xml);
}

/** One worksheet part → Grid, or the FileReadError for a sheet over the limits. */
function readSheet(
  xml: Uint8Array,
  sheetName: string,
  state: string,
  fileName: string,
  ctx: SheetContext,
): Grid {
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
  return grid;
}
