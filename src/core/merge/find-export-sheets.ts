// Finds the export's risks and actions sheets by their headers, reusing the readers' header matching.

import { ACTION_FIELDS, RISK_FIELDS } from "../model/fields";
import { cellAt, fillMergedAreas, type Grid } from "../model/grid";
import { detectSheet, headerCellsAt } from "../read/detect-sheet";
import { mapHeaders, type HeaderCell, type HeaderMapping } from "../read/map-headers";
import type { ExportRole } from "./types";

/** A sheet of the export that holds a table of risks or actions. */
export interface FoundExportSheet {
  role: ExportRole;
  grid: Grid;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  headerCells: HeaderCell[];
  mapping: HeaderMapping;
}

const HEADER_SEARCH_ROWS = 20;
/** "Reference / Risk ID" is a header; "Training may reference outdated data." is not. */
const MAX_KEY_HEADER_WORDS = 5;

/** The sheet kind each role's headers are matched as, and the field without which a table is useless. */
export const ROLE_KIND = { risks: "risk-register", actions: "actions" } as const;
export const ROLE_KEY_FIELD = { risks: "id", actions: "riskId" } as const;
/** Fields an export column may be mapped to, per role. "reviewDate" is resolved when proposing. */
export const ROLE_FIELDS: Record<ExportRole, readonly string[]> = {
  risks: RISK_FIELDS,
  actions: ACTION_FIELDS,
};

function quality(m: HeaderMapping): number {
  return m.fieldColumns.size * 1000 + m.strength;
}

/**
 * The best header row for `role` in a sheet: the readers' own detection when it agrees, else the row in
 * the first twenty whose headers match the most fields and include the key field (a minimal export — an
 * id, a title and a status — is still a table of risks even though a register check would want more).
 */
export function findRoleTable(raw: Grid, role: ExportRole): FoundExportSheet | null {
  const grid = fillMergedAreas(raw);
  const kind = ROLE_KIND[role];
  const key = ROLE_KEY_FIELD[role];
  const layout = detectSheet(grid);
  if (
    layout.kind === kind &&
    layout.mapping &&
    layout.headerRow !== null &&
    layout.mapping.fieldColumns.has(key)
  ) {
    return {
      role,
      grid,
      headerRow: layout.headerRow,
      headerCells: layout.headerCells,
      mapping: layout.mapping,
    };
  }
  let best: FoundExportSheet | null = null;
  const last = Math.min(grid.rowOffset + grid.values.length, HEADER_SEARCH_ROWS) - 1;
  for (let row = grid.rowOffset; row <= last; row++) {
    const cells = headerCellsAt(grid, row);
    if (cells.length < 2) continue;
    // A header row holds labels: a number or a sentence-long key header means a data row whose words happen to match.
    if (cells.some((c) => typeof cellAt(grid, row, c.col) === "number")) continue;
    const mapping = mapHeaders(kind, cells);
    if (!mapping.fieldColumns.has(key) || mapping.fieldColumns.size < 2) continue;
    const keyHeader = cells.find((c) => c.col === mapping.fieldColumns.get(key))?.text ?? "";
    if (keyHeader.split(/\s+/).length > MAX_KEY_HEADER_WORDS) continue;
    if (role === "actions" && !mapping.fieldColumns.has("action")) continue;
    if (!best || quality(mapping) > quality(best.mapping))
      best = { role, grid, headerRow: row, headerCells: cells, mapping };
  }
  return best;
}

/** True when the readers take this sheet for a register that lacks an id column (for a precise message). */
export function looksLikeRegisterWithoutId(raw: Grid): boolean {
  const layout = detectSheet(fillMergedAreas(raw));
  return layout.kind === "risk-register" && !!layout.mapping && !layout.mapping.fieldColumns.has("id");
}

/**
 * The export's risks sheet and (optionally) actions sheet. A sheet named in the saved profile is preferred
 * when it still holds such a table; otherwise the table with the most matched fields wins. Owned tabs
 * (an export that is itself one of our workbooks) are never taken.
 */
export function findExportSheets(
  grids: readonly Grid[],
  preferred: { riskSheet?: string; actionSheet?: string } = {},
): { risks: FoundExportSheet | null; actions: FoundExportSheet | null } {
  const candidates = grids.filter((g) => !g.owned);
  const pick = (
    role: ExportRole,
    exclude: string | null,
    prefer: string | undefined,
  ): FoundExportSheet | null => {
    let best: FoundExportSheet | null = null;
    for (const g of candidates) {
      if (g.sheetName === exclude) continue;
      const found = findRoleTable(g, role);
      if (!found) continue;
      // An actions table whose sheet reads better as a register belongs to the risks, and vice versa.
      if (role === "actions" && detectSheet(found.grid).kind === "risk-register") continue;
      if (prefer !== undefined && g.sheetName === prefer) return found;
      if (!best || quality(found.mapping) > quality(best.mapping)) best = found;
    }
    return best;
  };
  const risks = pick("risks", null, preferred.riskSheet);
  const actions = pick("actions", risks?.grid.sheetName ?? null, preferred.actionSheet);
  return { risks, actions };
}
