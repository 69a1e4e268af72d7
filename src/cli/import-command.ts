// `risk-review import`: merges an IRIS export into a copy of a workbook file and prints what changed.

import * as path from "path";
import { listWords } from "../core/list-words";
import { checkWorkbook } from "../core/check";
import { applyEditsToGrids } from "../core/merge/apply-edits-to-grids";
import { notWrittenText } from "../core/merge/not-written";
import { totalsRowNote, type TotalsRowPlace } from "../core/merge/place-new-rows";
import { planImport } from "../core/merge/plan-import";
import { profileFromMapping, proposeImportMapping, registerColumnsIn } from "../core/merge/propose-mapping";
import { backupsAndLogRows, toWorkbookEdits } from "../core/merge/to-workbook-edits";
import type { ImportMapping, ImportPlan, MergeSection } from "../core/merge/types";
import { importStamp, localTodayIso } from "../core/local-time";
import { fillMergedAreas, type Grid } from "../core/model/grid";
import type { Report } from "../core/model/report";
import type { Settings } from "../core/model/settings";
import { detectSheet, type SheetLayout } from "../core/read/detect-sheet";
import { withRegisterContents } from "../core/read/register-contents";
import { newRecordRowText } from "../core/merge/closed-places";
import { findRegisterCopies } from "../core/history/backups";
import { buildRiskSummaryTabOf } from "../core/summary/index";
import { VERSION } from "../core/version";
import { applyEditsToXlsx } from "../files/apply-edits";
import { readWorkbookFile } from "../files/read-workbook-file";
import type { ImportCommand } from "./args";
import type { CliOutput } from "./check-command";
import { xmlCannotHold } from "../files/xlsx/xml-write";
import { CliError } from "./cli-error";
import { readInput } from "./check-input";
import { importSettingsEdits } from "./import-settings-edits";
import { settingsFromGrids, settingsWarningLine } from "./settings-from-grids";
import { terminalSafe, terminalSafeLines } from "./terminal-text";
import { isSameFile, writeFileAtomic } from "./write-file-atomic";

/** At most this many changed cells are listed in the text summary; JSON lists them all. */
const TEXT_LIST_LIMIT = 40;

/** The register to merge into: --register, else the profile's, else the workbook's only register. */
function chooseRegister(
  grids: Grid[],
  settings: Settings,
  asAt: string,
  wanted: string | undefined,
  fileName: string,
): string {
  if (wanted !== undefined) return wanted;
  // Only each sheet's kind is needed here: header detection, not a read of every record (the plan reads them).
  const layouts = new Map<string, SheetLayout>();
  for (const g of grids)
    if (!g.owned) {
      const layout = detectSheet(fillMergedAreas(g), settings.columnCorrections);
      layouts.set(g.sheetName, withRegisterContents(layout, g.sheetName));
    }
  // An officer's dated copy of the register ("Risk Register (Aug 22)") and a sheet of closed risks ("Closed
  // Risks", "Archive") are history, not registers to import into.
  const copies = findRegisterCopies(layouts, grids);
  const registers = [...layouts]
    .filter(
      ([name, layout]) =>
        layout.kind === "risk-register" && layout.holds !== "closed-risks" && !copies.has(name),
    )
    .map(([name]) => name);
  const saved = settings.importProfile?.targetRegister;
  if (saved !== undefined && registers.includes(saved)) return saved;
  if (registers.length === 1) return registers[0];
  if (registers.length === 0) {
    const seen = grids.map((g) => `"${g.sheetName}"`).join(", ") || "none";
    throw new CliError(
      `"${fileName}" holds no risk register that risk-review recognises to import into. Sheets seen: ${seen}`,
    );
  }
  throw new CliError(
    `"${fileName}" holds ${registers.length} registers (${registers.map((r) => `"${r}"`).join(", ")}): name the one to import into with --register SHEET`,
  );
}

/**
 * The settings after the import: the confirmed IRIS profile (so next month's import maps in one go) and
 * the last import.
 */
function settingsAfterImport(
  settings: Settings,
  mapping: ImportMapping,
  register: string,
  plan: ImportPlan,
): Settings {
  return {
    ...settings,
    importProfile: profileFromMapping(mapping, register, settings.importProfile?.renumbered),
    lastImport: { date: plan.asAt, file: plan.file, movement: plan.movement },
  };
}

/** Reads both inputs and plans the merge; the export is dropped when this returns. */
async function readAndPlan(command: ImportCommand, output: CliOutput, exportName: string, intoName: string) {
  const exportBytes = await readInput(command.export);
  const intoBytes = await readInput(command.into);
  const exportGrids = await readWorkbookFile(exportBytes, exportName);
  const workbookGrids = await readWorkbookFile(intoBytes, intoName);
  const { settings, issues } = settingsFromGrids(workbookGrids);
  for (const issue of issues) output.stderr(`${terminalSafe(settingsWarningLine(intoName, issue))}\n`);
  const asAt = command.asAt ?? settings.asAt ?? localTodayIso();

  const register = chooseRegister(workbookGrids, settings, asAt, command.register, intoName);
  const proposed = proposeImportMapping(
    exportGrids,
    settings.importProfile,
    asAt,
    registerColumnsIn(workbookGrids, register, settings.columnCorrections, asAt),
  );
  if (!proposed.ok) throw new CliError(proposed.problem.message);
  const mapping = proposed.value;
  const planned = planImport({
    exportGrids,
    mapping,
    workbookGrids,
    targetRegister: register,
    settings,
    asAt,
    importedAt: importStamp(asAt),
    fileName: exportName,
    workbookName: intoName,
  });
  if (!planned.ok) throw new CliError(planned.problem.message);
  return { intoBytes, workbookGrids, settings, asAt, mapping, register, plan: planned.value };
}

/**
 * Refuses an import whose register's sheet name holds a character no .xlsx can hold (a damaged file's
 * "Reg&#1;ister"): its backup would be written under that name, and the merged file would not open.
 */
function refuseUnsavableSheetNames(sheets: readonly string[], file: string): void {
  const bad = sheets.find(xmlCannotHold);
  if (bad !== undefined)
    throw new CliError(
      `the sheet name ${JSON.stringify(bad)} in "${file}" holds a control character, which an .xlsx cannot hold, so nothing was imported: rename the sheet in Excel, save, then import again`,
    );
}

/**
 * Runs `import`: reads the export and the workbook (never writing either), proposes the mapping (the
 * workbook's saved IRIS profile first), plans the merge, writes MERGED via a temp file and a rename, and
 * prints the change summary. An import with no changes writes MERGED as an unchanged copy.
 * Returns 0; throws CliError / FileReadError for input that cannot be imported (main: exit 2).
 */
export async function runImport(command: ImportCommand, output: CliOutput): Promise<number> {
  for (const input of [command.export, command.into]) {
    if (isSameFile(command.out, input)) {
      throw new CliError(
        `--out "${command.out}" is an input file; risk-review never changes its inputs, so name a new file`,
      );
    }
  }
  if (isSameFile(command.export, command.into))
    throw new CliError(`the export and --into are the same file "${command.into}"`);
  const exportName = path.basename(command.export);
  const intoName = path.basename(command.into);
  // The export's bytes and grids live only inside this call: a big export is garbage before the
  // re-check and the write (a 77k-row CSV import stays under 1.5 GB).
  const { intoBytes, workbookGrids, settings, asAt, mapping, register, plan } = await readAndPlan(
    command,
    output,
    exportName,
    intoName,
  );

  const edits = toWorkbookEdits(plan);
  refuseUnsavableSheetNames(
    edits.copies.map((c) => c.from),
    intoName,
  );
  // What the summary reports as written besides the cells: the backups made and the Import Log rows.
  const written = backupsAndLogRows(edits);
  let report: Report | null = null;
  let bytes: Uint8Array = intoBytes;
  if (plan.cellCount > 0) {
    // Re-check the workbook as it will be, and show the movement on its Risk Summary.
    // The tab stands in the merged file: that is the workbook it summarises (as the pane names its own).
    const source = path.basename(command.out);
    report = checkWorkbook(applyEditsToGrids(workbookGrids, edits), { settings, asAt, source });
    edits.ownedTabs.push(
      buildRiskSummaryTabOf(report, settings, { version: VERSION, movement: plan.movement }),
    );
    const saved = importSettingsEdits(workbookGrids, settingsAfterImport(settings, mapping, register, plan));
    edits.cells.push(...saved.cells);
    if (saved.tab) edits.ownedTabs.push(saved.tab);
    bytes = await applyEditsToXlsx(intoBytes, edits, intoName, workbookGrids);
  }
  await writeFileAtomic(command.out, bytes);

  const summary = { plan, mapping, report, out: command.out, workbook: intoName, written };
  output.stdout(
    command.format === "json" ? `${JSON.stringify(importJson(summary), null, 2)}\n` : importText(summary),
  );
  return 0;
}

interface Summary {
  plan: ImportPlan;
  mapping: ImportMapping;
  report: Report | null;
  out: string;
  workbook: string;
  /** The backup sheets and Import Log rows the edits write (none for an import with no changes). */
  written: { backups: string[]; importLogRows: number };
}

function sectionJson(s: MergeSection | null): unknown {
  if (!s) return null;
  return {
    sheet: s.sheet,
    exportSheet: s.exportSheet,
    new: s.added.map((r) => ({
      id: r.label,
      riskId: r.riskId,
      row: r.row + 1,
      ...(r.wasClosedOn ? { wasClosedOn: r.wasClosedOn } : {}),
    })),
    changed: s.changed.map((r) => ({
      id: r.label,
      riskId: r.riskId,
      row: r.row + 1,
      cells: r.cells.map((c) => ({
        cell: c.cell,
        field: c.field,
        header: c.header,
        old: c.oldText,
        new: c.newText,
        ...(c.note ? { note: c.note } : {}),
      })),
      ...(r.recalculated
        ? {
            recalculated: r.recalculated.map((c) => ({
              cell: c.cell,
              field: c.field,
              header: c.header,
              old: c.oldText,
            })),
          }
        : {}),
    })),
    missing: s.missing.map((m) => ({
      id: m.label,
      riskId: m.riskId,
      row: m.row + 1,
      flagged: m.flag !== null,
      cell: m.flag?.cell ?? null,
      reason: m.noFlagReason ?? null,
    })),
    unchanged: s.unchanged,
    notCarried: s.notCarried,
    notWritten: s.notWritten.map((n) => ({
      id: n.label,
      riskId: n.riskId,
      cell: n.cell,
      field: n.field,
      header: n.header,
      reason: n.reason,
      old: n.oldText,
      new: n.newText,
      note: n.note,
    })),
    note: s.note ?? null,
    ...(s.totalsRow
      ? { totalsRow: { ...totalsRowJson(s.totalsRow), note: totalsRowNote(s.totalsRow) } }
      : {}),
    ...(s.heading
      ? {
          heading: {
            row: s.heading.row + 1,
            cell: s.heading.cell,
            text: s.heading.text,
            note: s.heading.note,
          },
        }
      : {}),
  };
}

/** Where the new rows went beside the table's totals row, with 1-based rows as elsewhere in the JSON. */
function totalsRowJson(place: TotalsRowPlace): Record<string, unknown> {
  return place.kind === "moved"
    ? { moved: true, from: place.from + 1, to: place.from + place.by + 1 }
    : {
        moved: false,
        row: place.row + 1,
        newRows: [place.first + 1, place.last + 1],
        ...(place.kind === "above" ? { above: true } : {}),
      };
}

function counts(report: Report | null): { error: number; warning: number } | null {
  if (!report) return null;
  return {
    error: report.findings.filter((f) => f.severity === "error").length,
    warning: report.findings.filter((f) => f.severity === "warning").length,
  };
}

/** The `--format json` summary. */
export function importJson({ plan, mapping, report, out, workbook, written }: Summary): unknown {
  return {
    file: plan.file,
    workbook,
    register: plan.register,
    asAt: plan.asAt,
    out,
    cellsWritten: plan.cellCount,
    backup: written.backups[0] ?? null,
    backups: written.backups,
    importLogRows: written.importLogRows,
    risks: sectionJson(plan.risks),
    actions: sectionJson(plan.actions),
    movement: plan.movement,
    renumbered: plan.renumbered,
    layoutChanges: mapping.changes,
    warnings: plan.warnings,
    findingsAfter: counts(report),
  };
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

function list(ids: string[], limit = 12): string {
  if (ids.length === 0) return "none";
  const shown = ids.slice(0, limit).join(", ");
  return ids.length > limit ? `${shown} and ${ids.length - limit} more` : shown;
}

function sectionText(title: string, s: MergeSection | null, lines: string[], budget: { left: number }): void {
  if (!s) return;
  if (s.sheet === null) {
    lines.push(`${title}: ${s.note ?? "not merged"}`);
    return;
  }
  const cells = s.changed.reduce((n, r) => n + r.cells.length, 0);
  const flagged = s.missing.filter((m) => m.flag).length;
  lines.push(
    `${title} (sheet "${s.sheet}"): ${s.added.length} new, ${s.changed.length} changed (${cells} cells), ` +
      `${s.missing.length} not in the export (${flagged} flagged), ${s.unchanged} unchanged`,
  );
  if (s.added.length) lines.push(`  New: ${list(s.added.map(newRecordRowText))}`);
  // Rows left below a totals row are a warning (listed with the others); a moved totals row is said here.
  if (s.totalsRow?.kind === "moved") lines.push(`  ${capitalise(totalsRowNote(s.totalsRow))}`);
  for (const r of s.changed) {
    for (const c of r.cells) {
      if (budget.left-- <= 0) continue;
      const note = c.note ? ` (${c.note})` : "";
      lines.push(`  ${r.label} ${c.header} (${c.cell}): ${c.oldText || "(blank)"} → ${c.newText}${note}`);
    }
  }
  for (const n of s.notWritten) lines.push(`  ${n.label} ${n.header} (${n.cell}): ${notWrittenText(n)}`);
  const recalculated = s.changed.flatMap((r) =>
    (r.recalculated ?? []).map((c) => `${r.label} ${c.header} (${c.cell})`),
  );
  if (recalculated.length > 0)
    lines.push(
      `  Formulas kept, their saved results cleared for Excel to work out again on opening: ${list(recalculated)}`,
    );
  for (const m of s.missing)
    lines.push(
      `  Not in the export: ${m.label}, row ${m.row + 1}: ${m.flag ? `noted in ${m.flag.cell}` : `not noted (${m.noFlagReason})`}`,
    );
  for (const n of s.notCarried) lines.push(`  Not carried: "${n.header}": ${n.reason}`);
}

/** 'a backup sheet "Backup Register 2022-10-10"', or 'backup sheets "…" and "…"'. */
function backupsText(backups: string[]): string {
  const quoted = backups.map((b) => `"${b}"`);
  if (quoted.length === 0) return "no backup sheet";
  if (quoted.length === 1) return `a backup sheet ${quoted[0]}`;
  return `backup sheets ${listWords(quoted)}`;
}

/** The text summary. */
export function importText({ plan, mapping, report, out, workbook, written }: Summary): string {
  const lines: string[] = [];
  lines.push(
    `Import of "${plan.file}" into register "${plan.register}" of "${workbook}", as at ${plan.asAt}`,
  );
  for (const c of mapping.changes) {
    if (c.kind === "renamed")
      lines.push(`Layout: "${c.from}" is now "${c.to}" (kept as ${c.field ?? "carried as it is"})`);
    else if (c.kind === "added" && c.councilColumn !== undefined)
      lines.push(
        `Layout: column "${c.header}" is new since the saved IRIS profile and was not imported: it would fill the council's column "${c.councilColumn}"`,
      );
    else
      lines.push(
        `Layout: column "${c.header}" ${c.kind === "added" ? "is new" : "is missing"} since the saved IRIS profile`,
      );
  }
  const budget = { left: TEXT_LIST_LIMIT };
  sectionText("Risks", plan.risks, lines, budget);
  sectionText("Actions", plan.actions, lines, budget);
  if (budget.left < 0)
    lines.push(`  … and ${-budget.left} more changed cells (use --format json for all of them)`);
  const m = plan.movement;
  lines.push(
    `Movement: ${m.newRisks.length} new, ${m.closed.length} closed, ${m.scoreUp.length} score up (${list(m.scoreUp, 8)}), ` +
      `${m.scoreDown.length} score down (${list(m.scoreDown, 8)}), ${m.strategyChanged.length} strategy changed`,
  );
  for (const p of plan.renumbered)
    lines.push(
      `Renumbered? ${p.oldId} renumbered as ${p.newId}? Their titles share ${p.share}% of their words ` +
        `("${p.oldTitle}" / "${p.newTitle}"); not counted as new. To merge them from now on, add ` +
        `{"oldId": "${p.oldId}", "newId": "${p.newId}"} to "renumbered" in the importProfile setting.`,
    );
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  if (plan.cellCount === 0) {
    lines.push(
      `No changes: nothing was written to the workbook; ${out} is an unchanged copy of ${workbook}.`,
    );
  } else {
    const c = counts(report);
    lines.push(
      `Wrote ${out}: ${plan.cellCount} cells, ${backupsText(written.backups)}, ${written.importLogRows} rows in the Import Log.`,
    );
    if (c)
      lines.push(
        `After the import the workbook has ${c.error} error and ${c.warning} warning findings (risk-review check ${out}).`,
      );
  }
  return `${terminalSafeLines(lines)}\n`;
}
