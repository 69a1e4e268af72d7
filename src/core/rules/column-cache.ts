// Parse-once caches for the rule context: per sheet and column, a typed array of parsed values by row.

/** One column's parsed values by row: NaN means "no value"; `known` marks rows already parsed. */
interface Column {
  values: Float64Array;
  known: Uint8Array;
}

/**
 * Numbers parsed from cells, held per sheet, per column and per reading (a date meaning, a scale…) in
 * typed arrays indexed by row, so a cell read by several rules is parsed once and no per-cell object is kept.
 * A value that is not there (blank, unreadable) is stored as NaN.
 */
export class ColumnCache {
  private readonly sheets = new Map<string, Map<string, Column[]>>();

  /** The cached number for (sheet, reading, col, row), computing and storing it with `read` the first time. */
  get(sheet: string, reading: string, col: number, row: number, read: () => number): number {
    let readings = this.sheets.get(sheet);
    if (!readings) this.sheets.set(sheet, (readings = new Map()));
    let columns = readings.get(reading);
    if (!columns) readings.set(reading, (columns = []));
    let column = columns[col];
    if (!column || row >= column.values.length) column = columns[col] = grow(column, row);
    if (column.known[row] === 1) return column.values[row];
    const v = read();
    column.values[row] = v;
    column.known[row] = 1;
    return v;
  }
}

/** A column long enough for `row` (doubling), keeping what was already parsed. */
function grow(column: Column | undefined, row: number): Column {
  const size = Math.max(row + 1, (column?.values.length ?? 0) * 2, 1024);
  const next: Column = { values: new Float64Array(size), known: new Uint8Array(size) };
  if (column) {
    next.values.set(column.values);
    next.known.set(column.known);
  }
  return next;
}
