// Proposes a field for every column of the export's risks and actions sheets, with sample values and
// the layout changes since the saved IRIS profile, so the officer can confirm the mapping in one click.

import type { ConfirmedPair } from "../model/history";
import { cellAt, fillMergedAreas, formatAt, type Grid } from "../model/grid";
import type { ColumnCorrection, ImportProfile } from "../model/settings";
import { dayFromIso, isDateFormat, isoFromDay, parseDate } from "../parse";
import { cellText, isBlank } from "../read/cell-text";
import { detectSheet, type SheetLayout } from "../read/detect-sheet";
import { headerKey } from "../read/map-headers";
import { bindMonthFamilies, missingMonthText, monthFamilyOf, type MonthFamily } from "../read/month-columns";
import { columnLetter } from "../address/a1";
import {
  findExportSheets,
  looksLikeRegisterWithoutId,
  ROLE_FIELDS,
  type FoundExportSheet,
} from "./find-export-sheets";
import type {
  ExportColumn,
  ExportRole,
  ExportSheetMapping,
  ImportMapping,
  ImportResult,
  LayoutChange,
} from "./types";

const SAMPLE_COUNT = 3;

/** The first few non-blank values under a header, as text (dates shown as ISO dates). */
function samplesOf(grid: Grid, headerRow: number, col: number): string[] {
  const out: string[] = [];
  const last = grid.rowOffset + grid.values.length - 1;
  for (let row = headerRow + 1; row <= last && out.length < SAMPLE_COUNT; row++) {
    const v = cellAt(grid, row, col);
    if (isBlank(v)) continue;
    if (typeof v === "number" && isDateFormat(formatAt(grid, row, col))) {
      const d = parseDate(v, formatAt(grid, row, col), "lastUpdated");
      out.push(d.ok ? isoFromDay(d.value) : cellText(v));
    } else out.push(cellText(v).slice(0, 80));
  }
  return out;
}

/**
 * A bare "Review Date" is lastUpdated when most of its dates are before the as-at date, else nextReview
 * (SPEC "Fields"); without an as-at date it is taken as lastUpdated, which the officer can change.
 */
function resolveReviewDate(grid: Grid, headerRow: number, col: number, asAt: string | undefined): string {
  const asAtDay = asAt ? dayFromIso(asAt) : null;
  if (asAtDay === null) return "lastUpdated";
  let before = 0;
  let after = 0;
  const last = grid.rowOffset + grid.values.length - 1;
  for (let row = headerRow + 1; row <= last; row++) {
    const d = parseDate(cellAt(grid, row, col), formatAt(grid, row, col), "lastUpdated");
    if (!d.ok) continue;
    if (d.value < asAtDay) before++;
    else after++;
  }
  return before >= after ? "lastUpdated" : "nextReview";
}

/** The saved profile's columns for one role (risks use `columns`, actions `actionColumns`). */
function profileColumns(
  profile: ImportProfile | null | undefined,
  role: ExportRole,
): Map<string, { header: string; field: string | null }> {
  const out = new Map<string, { header: string; field: string | null }>();
  const cols = role === "risks" ? profile?.columns : profile?.actionColumns;
  if (!cols) return out;
  for (const header of Object.keys(cols)) {
    const key = headerKey(header);
    if (key && !out.has(key)) out.set(key, { header, field: cols[header] ?? null });
  }
  return out;
}

/**
 * Where an import writes a field the register keeps month by month (see MonthFamily): in the as-at month's
 * column, or, where the register has none for that month, nowhere (an earlier month's cell is history).
 */
export interface MonthWrite {
  /** The import's month as Excel shows it ("Sep-22"). */
  month: string;
  /** The as-at month's column: its header and letter; absent where the register has none. */
  column?: { header: string; letter: string };
  /** Where there is no such column, why in words ("no column for Sep-22 (its months end at Aug-22)"). */
  missing?: string;
}

/** The register an import goes into, as the proposal reads it: each field's column header, and every header. */
export interface RegisterColumns {
  fieldHeaders: ReadonlyMap<string, string>;
  headers: readonly string[];
  /** The fields it keeps month by month, by field, and where the import writes them (with an as-at date). */
  byMonth?: ReadonlyMap<string, MonthWrite>;
}

/**
 * The columns of the workbook's sheet `register` (header detection alone: see detectSheet), for the
 * proposal and the mapping step; undefined when there is no such sheet. With the import's ISO as-at date, a
 * field kept month by month is read at that month (its column the as-at month's: see bindMonthFamilies),
 * and `byMonth` says where the import writes it.
 */
export function registerColumnsIn(
  grids: readonly Grid[],
  register: string | null,
  corrections?: ColumnCorrection[],
  asAt?: string,
): RegisterColumns | undefined {
  const grid = grids.find((g) => g.sheetName === register);
  if (!grid) return undefined;
  const layout = detectSheet(fillMergedAreas(grid), corrections);
  const day = asAt === undefined ? null : dayFromIso(asAt);
  if (day !== null) bindMonthFamilies(layout.mapping, day);
  return registerColumnsOf(layout);
}

/** The register's columns from its layout. */
function registerColumnsOf(layout: SheetLayout): RegisterColumns {
  const textOf = new Map(layout.headerCells.map((h) => [h.col, h.text]));
  const fieldHeaders = new Map<string, string>();
  const byMonth = new Map<string, MonthWrite>();
  for (const [field, col] of layout.mapping?.fieldColumns ?? []) {
    const text = textOf.get(col);
    if (text !== undefined) fieldHeaders.set(field, text);
    const write = monthWriteOf(monthFamilyOf(layout.mapping, field), textOf);
    if (write) byMonth.set(field, write);
  }
  return {
    fieldHeaders,
    headers: layout.headerCells.map((h) => h.text),
    ...(byMonth.size ? { byMonth } : {}),
  };
}

/** Where an import writes a bound family's field (see MonthWrite); undefined for none, or one not bound. */
function monthWriteOf(
  family: MonthFamily | undefined,
  textOf: ReadonlyMap<number, string>,
): MonthWrite | undefined {
  const at = family?.asAtMonth;
  if (!family || !at) return undefined;
  if (at.column === null) return { month: at.label, missing: missingMonthText(family) ?? "" };
  const col = at.column.col;
  return { month: at.label, column: { header: textOf.get(col) ?? "", letter: columnLetter(col) } };
}

/**
 * The register's columns the saved profile leaves to the council (by header key, with their header): those
 * no saved column fills, by its field or, carried as it is, by the same header (SPEC "Imports").
 */
function councilColumns(
  saved: ReadonlyMap<string, { header: string; field: string | null }>,
  register: RegisterColumns,
): Map<string, string> {
  const filled = new Set<string>();
  for (const [key, { field }] of saved) {
    if (field === null) filled.add(key);
    else {
      const header = register.fieldHeaders.get(field);
      if (header !== undefined) filled.add(headerKey(header));
    }
  }
  const out = new Map<string, string>();
  for (const h of register.headers) {
    const key = headerKey(h);
    if (key && !filled.has(key) && !out.has(key)) out.set(key, h);
  }
  return out;
}

/**
 * Leaves unmapped each column new since the saved profile that would fill, by its header's field or by the
 * same header, a register column the profile leaves to the council: it is named in `councilColumn`, and
 * imported only if the officer maps it (SPEC "What must never happen": nothing a user wrote is overwritten
 * unasked). A new column for a field IRIS already fills, or the register lacks, is left as it is.
 */
function leaveCouncilColumns(
  columns: ExportColumn[],
  saved: ReadonlyMap<string, { header: string; field: string | null }>,
  register: RegisterColumns,
): void {
  const council = councilColumns(saved, register);
  const fieldsSaved = new Set([...saved.values()].map((s) => s.field));
  for (const c of columns) {
    if (c.source === "profile" || saved.has(headerKey(c.header))) continue;
    if (c.field !== null && fieldsSaved.has(c.field)) continue;
    const target = c.field === null ? c.header : register.fieldHeaders.get(c.field);
    const held = target === undefined ? undefined : council.get(headerKey(target));
    if (held === undefined) continue;
    c.field = null;
    c.source = "none";
    c.councilColumn = held;
  }
}

/** Proposes fields for one export sheet and lists how it differs from the saved profile. */
function proposeSheet(
  found: FoundExportSheet,
  profile: ImportProfile | null | undefined,
  asAt: string | undefined,
  register?: RegisterColumns,
): { sheet: ExportSheetMapping; changes: LayoutChange[] } {
  const { role, grid, headerRow } = found;
  const valid = new Set(ROLE_FIELDS[role]);
  const saved = profileColumns(profile, role);
  const byHeader = new Map(found.mapping.columns.map((c) => [c.col, c.field]));
  const headerField = (col: number): string | null => {
    const f = byHeader.get(col) ?? null;
    if (f === "reviewDate") return resolveReviewDate(grid, headerRow, col, asAt);
    return f !== null && valid.has(f) ? f : null;
  };

  const columns: ExportColumn[] = found.headerCells.map((cell) => {
    const s = saved.get(headerKey(cell.text));
    const samples = samplesOf(grid, headerRow, cell.col);
    if (s && (s.field === null || valid.has(s.field)))
      return { col: cell.col, header: cell.text, field: s.field, source: "profile", samples };
    const field = headerField(cell.col);
    return { col: cell.col, header: cell.text, field, source: field === null ? "none" : "header", samples };
  });

  const changes: LayoutChange[] = [];
  if (profile && saved.size > 0) {
    if (register) leaveCouncilColumns(columns, saved, register);
    const present = new Set(columns.map((c) => headerKey(c.header)));
    const missing = [...saved.entries()].filter(([k]) => !present.has(k)).map(([, v]) => v);
    const added = columns.filter((c) => !saved.has(headerKey(c.header)));
    for (const m of missing) {
      // A renamed column: a new header whose words mean the field the vanished one was saved as.
      const twin =
        m.field === null ? undefined : added.find((a) => a.field === m.field && a.source === "header");
      if (twin) {
        twin.source = "profile";
        added.splice(added.indexOf(twin), 1);
        changes.push({ kind: "renamed", role, from: m.header, to: twin.header, field: m.field });
      } else changes.push({ kind: "missing", role, header: m.header, field: m.field });
    }
    for (const a of added) {
      const { councilColumn } = a;
      changes.push({
        kind: "added",
        role,
        header: a.header,
        field: a.field,
        ...(councilColumn ? { councilColumn } : {}),
      });
    }
  }

  // One field per column and one column per field: the profile's (and then the leftmost) claim wins.
  const claimed = new Set<string>();
  for (const c of [...columns].sort((a, b) => rank(a) - rank(b) || a.col - b.col)) {
    if (c.field === null) continue;
    if (claimed.has(c.field)) {
      c.field = null;
      c.source = "none";
    } else claimed.add(c.field);
  }
  return { sheet: { role, sheet: grid.sheetName, headerRow, columns }, changes };
}

function rank(c: ExportColumn): number {
  return c.source === "profile" ? 0 : 1;
}

/**
 * Finds the export's risks sheet (and actions sheet, if any) by their headers and proposes a field for
 * every column, with sample values, applying the saved IRIS profile where its headers still appear.
 * Layout changes against the profile (renamed, added, missing columns) are listed for the officer.
 * @param exportGrids the export file's sheets (their `origin` names the file).
 * @param profile the workbook's saved IRIS profile, if any.
 * @param asAt ISO as-at date, used to tell a bare "Review Date" (last reviewed or next review).
 * @param register the register imported into (registerColumnsOf): with a saved profile, a new risks column
 *   that would fill a column the profile leaves to the council is left unmapped (see leaveCouncilColumns).
 */
export function proposeImportMapping(
  exportGrids: readonly Grid[],
  profile?: ImportProfile | null,
  asAt?: string,
  register?: RegisterColumns,
): ImportResult<ImportMapping> {
  const file = exportGrids[0]?.origin ?? "the export";
  const found = findExportSheets(exportGrids, {
    riskSheet: profile?.riskSheet,
    actionSheet: profile?.actionSheet,
  });
  if (!found.risks) {
    const seen = exportGrids.map((g) => `"${g.sheetName}"`).join(", ") || "none";
    const noId = exportGrids.find((g) => !g.owned && looksLikeRegisterWithoutId(g));
    if (noId) {
      return {
        ok: false,
        problem: {
          code: "no-id-column",
          file,
          sheet: noId.sheetName,
          message: `"${file}", sheet "${noId.sheetName}" has risks but no risk id column (such as "Risk ID" or "Risk Ref"), so its risks cannot be matched to the register's`,
        },
      };
    }
    return {
      ok: false,
      problem: {
        code: "no-risk-sheet",
        file,
        message: `"${file}" has no sheet of risks that risk-review recognises (no row in the first 20 has a risk id column and other risk headers). Sheets seen: ${seen}`,
      },
    };
  }
  const risks = proposeSheet(found.risks, profile, asAt, register);
  const actions = found.actions ? proposeSheet(found.actions, profile, asAt) : null;
  return {
    ok: true,
    value: {
      file,
      risks: risks.sheet,
      actions: actions?.sheet ?? null,
      changes: [...risks.changes, ...(actions?.changes ?? [])],
      fromProfile: !!profile && (Object.keys(profile.columns).length > 0 || !!profile.actionColumns),
    },
  };
}

/**
 * The IRIS profile to save in Settings once the officer confirms a mapping: next month's export with the
 * same headers is then mapped in one click.
 */
export function profileFromMapping(
  mapping: ImportMapping,
  targetRegister?: string,
  renumbered?: readonly ConfirmedPair[],
): ImportProfile {
  const toRecord = (sheet: ExportSheetMapping | null): Record<string, string | null> => {
    // A prototype-free object so a "__proto__" header is just a key.
    const out = Object.create(null) as Record<string, string | null>;
    for (const c of sheet?.columns ?? []) out[c.header] = c.field;
    return out;
  };
  const profile: ImportProfile = { columns: toRecord(mapping.risks), riskSheet: mapping.risks.sheet };
  if (mapping.actions) {
    profile.actionColumns = toRecord(mapping.actions);
    profile.actionSheet = mapping.actions.sheet;
  }
  if (targetRegister !== undefined) profile.targetRegister = targetRegister;
  // Confirmed renumbered pairs stay with the profile: they are never offered again.
  if (renumbered && renumbered.length > 0) profile.renumbered = renumbered.map((p) => ({ ...p }));
  return profile;
}
