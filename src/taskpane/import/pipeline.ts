// The import's work in the task pane, loaded as its own chunk on first use: read the export, propose and
// confirm the mapping, plan the merge, and build the edits (with the Risk Summary's movement) to apply.

import { checkWorkbook } from "../../core/check";
import {
  applyEditsToGrids,
  planImport,
  profileFromMapping,
  proposeImportMapping,
  toWorkbookEdits,
  type RegisterColumns,
} from "../../core/merge";
export { registerColumnsIn } from "../../core/merge";
import { ROLE_FIELDS } from "../../core/merge/find-export-sheets";
import type { ExportRole, ImportMapping, ImportPlan, ImportResult } from "../../core/merge/types";
import type { WorkbookEdits } from "../../core/model/edits";
import type { ConfirmedPair, RenumberedPair } from "../../core/model/history";
import { idKey } from "../../core/model/records";
import { sourceOf, type Grid } from "../../core/model/grid";
import type { Report } from "../../core/model/report";
import type { Settings } from "../../core/model/settings";
import { dayFromIso } from "../../core/parse";
import { readWorkbook } from "../../core/read/read-workbook";
import { buildRiskSummaryTabOf } from "../../core/summary";
import { VERSION } from "../../core/version";

import { IGNORE, type ColumnChoice } from "./choices";

export { IGNORE, type ColumnChoice } from "./choices";

/** A file the officer chose, as the browser's File gives it (tests pass a plain object). */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Raised when the officer cancelled; the view goes back to step 1 and writes nothing. */
export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled; nothing was written.");
    this.name = "ImportCancelled";
  }
}

/** Largest file read (the readers' own limit, checked here before the bytes are loaded). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Lets the page paint and a Cancel click land, then stops if it did. */
async function checkpoint(signal?: AbortSignal): Promise<void> {
  await nextFrame();
  if (signal?.aborted) throw new ImportCancelled();
}

/**
 * Reads the export file into grids. Cancel is honoured before the bytes are loaded, after loading, and
 * after parsing; parsing itself is one step that runs to its end (its result is then dropped).
 * @throws FileReadError (plain message naming the file, sheet and cell) or ImportCancelled.
 */
export async function readExportFile(file: ChosenFile, signal?: AbortSignal): Promise<Grid[]> {
  const { readWorkbookFile, FileReadError } = await import(
    /* webpackChunkName: "file-readers" */ "../../files/read-workbook-file"
  );
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new FileReadError(
      "too-large",
      `"${file.name}" is ${mb} MB, more than the 50 MB the add-in reads. Export fewer columns or rows, or save it as .csv.`,
      { file: file.name },
    );
  }
  await checkpoint(signal);
  const bytes = new Uint8Array(await file.arrayBuffer());
  await checkpoint(signal);
  const grids = await readWorkbookFile(bytes, file.name);
  await checkpoint(signal);
  return grids;
}

/** The sheets of the open workbook an officer can merge into (registers, not the add-in's own tabs). */
export function registersIn(
  grids: Grid[],
  settings: Settings,
  asAt: string,
  exclude: readonly string[] = [],
): string[] {
  const day = dayFromIso(asAt);
  const { sheets } = readWorkbook(grids, settings, day ?? 0);
  const skip = new Set(exclude.map((s) => s.toLowerCase()));
  // A sheet of closed risks ("Closed Risks", "Archive") is the register's history, not one to import into.
  return sheets
    .filter(
      (s) => s.kind === "risk-register" && s.holds !== "closed-risks" && !skip.has(s.name.toLowerCase()),
    )
    .map((s) => s.name);
}

/** The register to propose: the saved profile's, else the only one, else the first. */
export function proposedRegister(registers: string[], settings: Settings): string | null {
  const saved = settings.importProfile?.targetRegister;
  if (saved && registers.includes(saved)) return saved;
  return registers[0] ?? null;
}

/**
 * The mapping proposal, with the columns the officer ignored last time ignored again (the profile keeps
 * them). `register`: the proposed register's columns (registerColumnsIn, re-exported here), so that a column new since the
 * profile is not proposed into one the profile leaves to the council.
 */
export function proposeMapping(
  exportGrids: Grid[],
  settings: Settings,
  asAt: string,
  register?: RegisterColumns,
): ImportResult<{ mapping: ImportMapping; choices: Record<ExportRole, ColumnChoice[]> }> {
  const proposed = proposeImportMapping(exportGrids, settings.importProfile, asAt, register);
  if (!proposed.ok) return proposed;
  const mapping = proposed.value;
  const ignoredBefore = (role: ExportRole) => {
    const cols = role === "risks" ? settings.importProfile?.columns : settings.importProfile?.actionColumns;
    return new Set(
      Object.entries(cols ?? {})
        .filter(([, f]) => f === IGNORE)
        .map(([h]) => h.trim().toLowerCase()),
    );
  };
  const choicesOf = (role: ExportRole): ColumnChoice[] => {
    const sheet = role === "risks" ? mapping.risks : mapping.actions;
    const ignored = ignoredBefore(role);
    return (sheet?.columns ?? []).map((c) => (ignored.has(c.header.trim().toLowerCase()) ? IGNORE : c.field));
  };
  return {
    ok: true,
    value: { mapping, choices: { risks: choicesOf("risks"), actions: choicesOf("actions") } },
  };
}

/** The fields a column of `role` can be mapped to. */
export function fieldsFor(role: ExportRole): readonly string[] {
  return ROLE_FIELDS[role];
}

/** The mapping as confirmed: each column's choice applied, ignored columns left out. */
export function confirmedMapping(
  mapping: ImportMapping,
  choices: Record<ExportRole, ColumnChoice[]>,
): ImportMapping {
  const apply = (role: ExportRole) => {
    const sheet = role === "risks" ? mapping.risks : mapping.actions;
    if (!sheet) return null;
    const columns = sheet.columns
      .map((c, i) => ({ ...c, field: choices[role][i] === undefined ? c.field : choices[role][i] }))
      .filter((c) => c.field !== IGNORE);
    return { ...sheet, columns };
  };
  return { ...mapping, risks: apply("risks")!, actions: apply("actions") };
}

/** `pairs` once each (by folded old and new id), in order; pairs naming the same id twice are left out. */
export function distinctPairs(pairs: readonly ConfirmedPair[]): ConfirmedPair[] {
  const seen = new Set<string>();
  const out: ConfirmedPair[] = [];
  for (const p of pairs) {
    const key = pairKey(p);
    if (idKey(p.oldId) === idKey(p.newId) || seen.has(key)) continue;
    seen.add(key);
    out.push({ oldId: p.oldId, newId: p.newId });
  }
  return out;
}

const pairKey = (p: ConfirmedPair): string => `${idKey(p.oldId)}\u0000${idKey(p.newId)}`;

/** True when `pairs` holds `pair` (ids folded as the merge folds them). */
export function hasPair(pairs: readonly ConfirmedPair[], pair: ConfirmedPair): boolean {
  const key = pairKey(pair);
  return pairs.some((p) => pairKey(p) === key);
}

/**
 * The renumbered pairs the preview lists after a (re-)plan: those listed before that are still confirmed
 * or still proposed, in their places (a ticked pair is no longer proposed, as it is merged), then the
 * plan's new proposals.
 */
export function offeredPairs(
  before: readonly RenumberedPair[],
  confirmed: readonly ConfirmedPair[],
  proposed: readonly RenumberedPair[],
): RenumberedPair[] {
  const out = before.filter((p) => hasPair(confirmed, p) || hasPair(proposed, p));
  for (const p of proposed) if (!hasPair(out, p)) out.push(p);
  return out;
}

/**
 * The IRIS profile to save: the confirmed fields, with ignored columns kept as IGNORE so next month ignores
 * them too, and the renumbered pairs confirmed so far (`renumbered`: the saved ones and this preview's), so
 * they are merged into the old row from now on and never offered again.
 */
export function profileToSave(
  mapping: ImportMapping,
  choices: Record<ExportRole, ColumnChoice[]>,
  register: string,
  renumbered: readonly ConfirmedPair[] = [],
): NonNullable<Settings["importProfile"]> {
  const profile = profileFromMapping(confirmedMapping(mapping, choices), register, distinctPairs(renumbered));
  mapping.risks.columns.forEach((c, i) => {
    if (choices.risks[i] === IGNORE) profile.columns[c.header] = IGNORE;
  });
  if (mapping.actions && profile.actionColumns) {
    const cols = profile.actionColumns;
    mapping.actions.columns.forEach((c, i) => {
      if (choices.actions[i] === IGNORE) cols[c.header] = IGNORE;
    });
  }
  return profile;
}

/** Everything a confirmed import needs to plan. */
export interface PlanRequest {
  exportGrids: Grid[];
  workbookGrids: Grid[];
  mapping: ImportMapping;
  choices: Record<ExportRole, ColumnChoice[]>;
  register: string;
  settings: Settings;
  asAt: string;
  importedAt: string;
  fileName: string;
  /** Renumbered pairs the officer confirmed in this preview ("Same risk"), beside those the profile keeps. */
  renumbered?: readonly ConfirmedPair[];
}

/** The plan and the edits that carry it out (Risk Summary with the movement included), plus the settings to save. */
export interface PreparedImport {
  plan: ImportPlan;
  edits: WorkbookEdits;
  /** The workbook as it will be, checked: null when the import changes nothing. */
  reportAfter: Report | null;
  /** Settings with the IRIS profile and this import's movement, to save after the edits are written. */
  settingsAfter: Settings;
}

/**
 * Plans the import and builds its edits, as the command line does (src/cli/import-command.ts). The plan is
 * made with the profile to be saved, so a pair confirmed in this preview merges into the old row now, as
 * it will every month after (the command line, where pairs are confirmed in the Settings sheet, does the
 * same from the next import on).
 */
export function prepareImport(req: PlanRequest): ImportResult<PreparedImport> {
  const mapping = confirmedMapping(req.mapping, req.choices);
  const importProfile = profileToSave(req.mapping, req.choices, req.register, [
    ...(req.settings.importProfile?.renumbered ?? []),
    ...(req.renumbered ?? []),
  ]);
  const settings: Settings = { ...req.settings, importProfile };
  const planned = planImport({
    exportGrids: req.exportGrids,
    mapping,
    workbookGrids: req.workbookGrids,
    targetRegister: req.register,
    settings,
    asAt: req.asAt,
    importedAt: req.importedAt,
    fileName: req.fileName,
  });
  if (!planned.ok) return planned;
  const plan = planned.value;
  const edits = toWorkbookEdits(plan);
  const settingsAfter: Settings = {
    ...settings,
    lastImport: { date: plan.asAt, file: plan.file, movement: plan.movement },
  };
  let reportAfter: Report | null = null;
  if (plan.cellCount > 0) {
    // The workbook as it will be, checked, so the Risk Summary shows this import's movement.
    reportAfter = checkWorkbook(applyEditsToGrids(req.workbookGrids, edits), {
      settings,
      asAt: req.asAt,
      source: sourceOf(req.workbookGrids),
    });
    // The pane's writer draws the Risk Summary's chart, as the Summaries view's does.
    edits.ownedTabs.push(
      buildRiskSummaryTabOf(reportAfter, settings, {
        version: VERSION,
        movement: plan.movement,
        chart: "native",
      }),
    );
  }
  return { ok: true, value: { plan, edits, reportAfter, settingsAfter } };
}

/** The grids of workbook sheets used as the export, named for messages and the Import Log. */
export function sheetsAsExport(grids: Grid[], sheets: string[]): { grids: Grid[]; fileName: string } {
  const chosen = sheets.map((name) => grids.find((g) => g.sheetName === name)).filter((g): g is Grid => !!g);
  // Messages already name the sheet, so the "file" is simply this workbook.
  const fileName = "this workbook";
  return { grids: chosen.map((g) => ({ ...g, origin: fileName })), fileName };
}
