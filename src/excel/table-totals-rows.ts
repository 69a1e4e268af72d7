// The Total rows of the workbook's Excel tables, asked for inside syncs the reader already makes: the
// tables' showTotals with the sheet names (sync 1), then each such table's Total row and sheet (sync 2).
// A table's Total row is not a record, and an import puts new rows above it, inside the table.

/**
 * Queues, for each table with a Total row, that row and its sheet (Table.worksheet is ExcelApi 1.2;
 * everything else 1.1). Call after a sync that loaded `tables` with "items/showTotals"; after the next sync
 * the returned function gives each sheet's Total rows (0-based sheet rows), by sheet name.
 */
export function askTableTotalsRows(tables: Excel.TableCollection): () => Map<string, number[]> {
  const asked = tables.items
    .filter((t) => t.showTotals)
    .map((t) => ({ row: t.getTotalRowRange().load("rowIndex"), sheet: t.worksheet.load("name") }));
  return () => {
    const bySheet = new Map<string, number[]>();
    for (const a of asked) bySheet.set(a.sheet.name, [...(bySheet.get(a.sheet.name) ?? []), a.row.rowIndex]);
    return bySheet;
  };
}
