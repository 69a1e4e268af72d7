// Accumulates an owned tab's rows and format: the one place the common title block is written.

import {
  emptyFormat,
  OWNED_MARKER,
  type DateCell,
  type OwnedCell,
  type OwnedTab,
  type OwnedTabKind,
  type OwnedTabChart,
  type OwnedTabFormat,
  type Rag,
} from "../model/owned-tab";

export interface TabHeading {
  title: string;
  asAt: string;
  source: string;
  version: string;
  marking: string;
}

export class TabBuilder {
  readonly rows: OwnedCell[][] = [];
  readonly format: OwnedTabFormat = emptyFormat();
  private chartToPlace: { chart: Omit<OwnedTabChart, "at">; row: number; rows: number; cols: number } | null =
    null;

  constructor(
    private readonly name: string,
    private readonly kind: OwnedTabKind,
    heading: TabHeading,
    columnWidths: number[],
  ) {
    this.format.columnWidths = columnWidths;
    if (heading.marking.trim() !== "") this.format.pageHeader = heading.marking.trim();
    this.rows.push([heading.title]);
    this.format.titleRows.push(0);
    this.rows.push([
      heading.marking,
      "As at",
      dateCell(heading.asAt),
      `Source: ${heading.source}`,
      `Contract Risk Review ${heading.version}`,
    ]);
    this.rows.push([]);
  }

  /** Adds a section title row. */
  title(text: string): this {
    this.format.titleRows.push(this.rows.length);
    this.rows.push([text]);
    return this;
  }

  /** Adds a header row; the first one is frozen and repeated when printing. */
  header(cells: string[]): this {
    if (this.format.headerRows.length === 0) this.format.freezeBelowRow = this.rows.length;
    this.format.headerRows.push(this.rows.length);
    this.rows.push(cells);
    return this;
  }

  /** Adds a data row; returns its index for links and fills. */
  row(cells: OwnedCell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  blank(): this {
    this.rows.push([]);
    return this;
  }

  rag(row: number, col: number, rag: Rag | null): this {
    if (rag) this.format.ragCells.push({ row, col, rag });
    return this;
  }

  /** Links a cell to a source cell; `file` names the source workbook when the tab covers several. */
  link(row: number, col: number, sheet: string, address: string, file?: string): this {
    this.format.links.push(
      file === undefined ? { row, col, sheet, address } : { row, col, sheet, address, file },
    );
    return this;
  }

  dateColumns(cols: number[]): this {
    this.format.dateColumns = cols;
    return this;
  }

  /**
   * Adds a native chart whose top-left corner is at `row`, to the right of every column the tab uses (and
   * of the owned marker), so it covers no data; `rows` × `cols` cells in size.
   */
  chartBeside(row: number, rows: number, cols: number, chart: Omit<OwnedTabChart, "at">): this {
    this.chartToPlace = { chart, row, rows, cols };
    return this;
  }

  /** Finishes the tab: pads rows to one width and puts the owned marker after the last column of row 1. */
  build(): OwnedTab {
    // A loop, not Math.max(...rows): a spread of 125k+ arguments overflows the call stack.
    let width = Math.max(1, this.format.columnWidths.length);
    for (const r of this.rows) if (r.length > width) width = r.length;
    const rows = this.rows.map((r) => {
      const padded = r.slice();
      while (padded.length < width + 1) padded.push(null);
      return padded;
    });
    rows[0][width] = OWNED_MARKER;
    if (this.chartToPlace) {
      const { chart, row, rows: height, cols } = this.chartToPlace;
      // One empty column after the marker's.
      this.format.chart = { ...chart, at: { row, col: width + 2, rows: height, cols } };
    }
    return { name: this.name, kind: this.kind, rows, format: this.format };
  }
}

/**
 * A date for an owned tab: an ISO day ("2022-10-03") becomes a {@link DateCell}, which the writers
 * store as a real Excel date; null or blank stays an empty cell.
 */
export function dateCell(iso: string | null | undefined): DateCell | null {
  return iso ? { date: iso } : null;
}

/**
 * A month for an owned tab (its first day, an ISO "2022-09-01"): a {@link DateCell} shown as the month
 * ("Sep 2022"), a real Excel date Excel can sort, filter and chart by, never text.
 */
export function monthCell(firstDayIso: string): DateCell {
  return { date: firstDayIso, shows: "month" };
}
