// Parse-once caches for the rule context: per sheet and column, a typed array of parsed values by row.

/** One column's parsed values by row: NaN means "no value"; `known` marks rows already parsed. */
export interface ParsedColumn {
  values: Float64Array;
  known: Uint8Array;
}

/**
 * Numbers parsed from cells, held per sheet, per column and per reading (a date meaning, a scale…) in
 * typed arrays indexed by row, so a cell read by several rules is parsed once and no per-cell object is kept.
 * A value that is not there (blank, unreadable) is stored as NaN. Callers look a row up in the column
 * ({@link isKnown}) and {@link store} what they parsed: no closure is made per read.
 */
export class ColumnCache {
  private readonly sheets = new Map<string, Map<string, ParsedColumn[]>>();

  /** `rowsOf` says how many rows a sheet's columns need, so a column is made once at its full length. */
  constructor(private readonly rowsOf: (sheet: string) => number = () => 0) {}

  /** The parsed column for (sheet, reading, col), long enough to hold `row`. */
  column(sheet: string, reading: string, col: number, row: number): ParsedColumn {
    let readings = this.sheets.get(sheet);
    if (!readings) this.sheets.set(sheet, (readings = new Map()));
    let columns = readings.get(reading);
    if (!columns) readings.set(reading, (columns = []));
    let column = columns[col];
    if (!column || row >= column.values.length) column = columns[col] = grow(column, row, this.rowsOf(sheet));
    return column;
  }
}

/** True when the row's value was already parsed into the column. */
export function isKnown(column: ParsedColumn, row: number): boolean {
  return column.known[row] === 1;
}

/** Keeps a parsed value for the row and gives it back. */
export function store(column: ParsedColumn, row: number, value: number): number {
  column.values[row] = value;
  column.known[row] = 1;
  return value;
}

/** A column long enough for `row` and the sheet's rows (else doubling), keeping what was already parsed. */
function grow(column: ParsedColumn | undefined, row: number, sheetRows: number): ParsedColumn {
  const size = Math.max(row + 1, sheetRows, (column?.values.length ?? 0) * 2, 1024);
  const next: ParsedColumn = { values: new Float64Array(size), known: new Uint8Array(size) };
  if (column) {
    next.values.set(column.values);
    next.known.set(column.known);
  }
  return next;
}
