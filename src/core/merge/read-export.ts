// Reads an export sheet's rows into records under the confirmed mapping, with the readers' own table rules.

import { fillMergedAreas, type Grid } from "../model/grid";
import type { SheetRecord } from "../model/records";
import type { ColumnMapping } from "../model/sheet-info";
import { headerCellsAt, type SheetLayout } from "../read/detect-sheet";
import { readCsvSerials } from "../read/csv-serials";
import { readTable } from "../read/read-table";
import { readMonthFirstColumns } from "../read/read-workbook";
import { ROLE_FIELDS, ROLE_KEY_FIELD, ROLE_KIND } from "./find-export-sheets";
import type { ExportSheetMapping, ImportResult } from "./types";

/** An export table read under the mapping the officer confirmed. */
export interface ExportTable {
  grid: Grid;
  layout: SheetLayout;
  records: SheetRecord<string>[];
}

/**
 * Reads the export sheet named by `sheet` under its confirmed mapping. Blank rows, a help-text row and
 * repeated header rows are skipped exactly as when checking a workbook, and a CSV's date serials and a
 * date column written month first (09/30/2022) are read as dates the same way. Columns carried as they
 * are arrive in each record's `extras`, keyed by their header.
 */
export function readExportTable(
  grids: readonly Grid[],
  sheet: ExportSheetMapping,
  file: string,
): ImportResult<ExportTable> {
  const raw = grids.find((g) => g.sheetName === sheet.sheet);
  if (!raw) {
    return {
      ok: false,
      problem: {
        code: "bad-mapping",
        file,
        sheet: sheet.sheet,
        message: `"${file}" has no sheet "${sheet.sheet}" (the mapping was made for another file)`,
      },
    };
  }
  const grid = fillMergedAreas(raw);
  const valid = new Set(ROLE_FIELDS[sheet.role]);
  const fieldColumns = new Map<string, number>();
  const columns: ColumnMapping[] = sheet.columns.map((c) => {
    const field = c.field !== null && valid.has(c.field) && !fieldColumns.has(c.field) ? c.field : null;
    if (field !== null) fieldColumns.set(field, c.col);
    return { col: c.col, header: c.header, field, source: "setting" };
  });
  const key = ROLE_KEY_FIELD[sheet.role];
  if (!fieldColumns.has(key)) {
    const what = sheet.role === "risks" ? "the risk id" : "the risk id of each action";
    return {
      ok: false,
      problem: {
        code: sheet.role === "risks" ? "no-id-column" : "no-risk-id-column",
        file,
        sheet: sheet.sheet,
        message: `"${file}", sheet "${sheet.sheet}": no column is mapped to ${what}, so rows cannot be matched to the workbook's; map one (e.g. "Risk ID") and try again`,
      },
    };
  }
  const layout: SheetLayout = {
    kind: ROLE_KIND[sheet.role],
    headerRow: sheet.headerRow,
    mapping: { columns, fieldColumns, strength: 0 },
    headerCells: headerCellsAt(grid, sheet.headerRow),
    note: "",
  };
  const records = readTable<string>(grid, layout);
  readCsvSerials(grid, layout, records);
  // The check's own vote marks the cells of a month-first date column; importedValue reads them so.
  readMonthFirstColumns(layout, records);
  return { ok: true, value: { grid, layout, records } };
}
