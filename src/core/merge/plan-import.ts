// Plans an import cell by cell: what the export would add, change and flag in the register and its
// actions sheet, before anything is written (SPEC "Imports").

import { actionRowKey, lastImported, meetingDueBaselines, riskRowKey } from "./last-imported";
import { listWords } from "../list-words";
import { excerpt } from "../rules/excerpt";
import { fillMergedAreas, cellAt, type CellValue, type Grid } from "../model/grid";
import { fieldText, idKey, type SheetRecord, rawValue } from "../model/records";
import type { Settings } from "../model/settings";
import { dayFromIso, parseActionState, parseRiskState, ukDate, type DayNumber } from "../parse";
import { foldCaseAndSpaces } from "../parse/spaces";
import { cellText } from "../read/cell-text";
import type { SheetLayout } from "../read/detect-sheet";
import { monthColumnsOf } from "../read/month-columns";
import { readWorkbook, type UpdateLogSheet } from "../read/read-workbook";
import {
  columnTargets,
  flagColumn,
  loggedHeaderOfField,
  mergeSection,
  type SectionRules,
} from "./merge-section";
import { measureMovement, type RiskReadings } from "./movement";
import { sheetReadings } from "../rules/sheet-readings";
import { readExportTable } from "./read-export";
import { backupName } from "../history/backups";
import type { ImportMapping, ImportPlan, ImportProblem, ImportResult, MergeSection } from "./types";
import { confirmedRenumbering, proposeRenumbered } from "./renumbered";
import { closedPlaceOf, closedPlaceText } from "../read/register-contents";
import { planWideLogUpdates, wideUpdateLogOf } from "./wide-update-log";
import { keptElsewhereWarnings, keptOnOtherKindOfSheet } from "./kept-elsewhere";
import { underClosedHeadingWarnings, withWhereClosed, type ClosedPlaceOf } from "./closed-places";
import { headingNeededBelow, newRisksHeadingText } from "./place-new-rows";

/** Everything planning an import needs; nothing here is read from a clock or a file. */
export interface PlanImportInput {
  exportGrids: readonly Grid[];
  /** The mapping the officer confirmed (from proposeImportMapping, perhaps edited). */
  mapping: ImportMapping;
  workbookGrids: readonly Grid[];
  /** Name of the register sheet to merge the risks into. */
  targetRegister: string;
  /** Name of the workbook's actions sheet to merge actions into; by default the one holding this register's actions. */
  targetActions?: string;
  settings: Settings;
  /** ISO date of the import: dates the backup and the "not in IRIS export" notes. */
  asAt: string;
  /**
   * When the import is recorded as made, as the Import Log's When shows it: see importStamp ("2022-10-10
   * 14:05" as at today, the as-at date alone as at another day); defaults to `asAt`.
   */
  importedAt?: string;
  /** The export's file name, for messages and the Import Log. */
  fileName: string;
  /** The workbook's own file name, where it has one apart from being open (the command line's --into), for messages. */
  workbookName?: string;
}

const ROWS_LISTED = 12;

const fail = <T>(problem: ImportProblem): ImportResult<T> => ({ ok: false, problem });

/** "rows 5, 9 and 12" (1-based), shortened after a dozen. */
function rowList(rows: number[]): string {
  const shown = rows.slice(0, ROWS_LISTED).map(String);
  const more = rows.length > ROWS_LISTED ? ` and ${rows.length - ROWS_LISTED} more` : "";
  if (shown.length === 1) return `row ${shown[0]}${more}`;
  return more ? `rows ${shown.join(", ")}${more}` : `rows ${listWords(shown)}`;
}

/** Export rows sharing a key: a plain error naming the file, sheet, ids and rows. */
function duplicates(
  records: SheetRecord<string>[],
  key: (r: SheetRecord<string>) => string,
  label: (r: SheetRecord<string>) => string,
): { label: string; rows: number[] }[] {
  const byKey = new Map<string, SheetRecord<string>[]>();
  for (const r of records) {
    const k = key(r);
    if (!k) continue;
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  return [...byKey.values()]
    .filter((l) => l.length > 1)
    .map((l) => ({ label: label(l[0]), rows: l.map((r) => r.row + 1) }));
}

function duplicateProblem(
  code: "duplicate-ids" | "duplicate-action-ids",
  file: string,
  sheet: string,
  dups: { label: string; rows: number[] }[],
  what: string,
): ImportProblem {
  const shown = dups
    .slice(0, 5)
    .map((d) => `"${d.label}" (${rowList(d.rows)})`)
    .join("; ");
  const more = dups.length > 5 ? `; and ${dups.length - 5} more ids` : "";
  return {
    code,
    file,
    sheet,
    rows: dups.flatMap((d) => d.rows).slice(0, 50),
    message: `"${file}", sheet "${sheet}" has the same ${what} on more than one row: ${shown}${more}. Each ${what} must appear once, so nothing was imported; correct the export and try again`,
  };
}

/** A backup name not yet used in the workbook: "Backup IRIS Risks 2022-10-10", cut to Excel's 31 characters. */
export function backupSheetName(register: string, asAt: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (let n = 1; n < 100; n++) {
    const name = backupName(register, asAt, n);
    if (!taken.has(name.toLowerCase())) return name;
  }
  throw new Error(`backupSheetName: no free name for ${register}`);
}

/** The workbook's actions sheet that holds this register's actions (most risk ids in common). */
function chooseActionsSheet(
  actions: SheetRecord<string>[],
  sheets: { name: string; kind: string }[],
  registerKeys: Set<string>,
  wanted: string | undefined,
): string | null {
  const names = sheets.filter((s) => s.kind === "actions").map((s) => s.name);
  if (wanted !== undefined) return names.includes(wanted) ? wanted : null;
  let best: string | null = null;
  let bestCount = -1;
  for (const name of names) {
    const count = actions.filter(
      (a) => a.sheet === name && registerKeys.has(idKey(rawValue(a, "riskId"))),
    ).length;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Plans an import: matches the export's risks to the target register's by id (folded as SPEC says),
 * and its actions to the workbook's actions sheet by action id (else risk id + action text). Returns
 * the plan, or the problem that stops the import (duplicate ids in the export, no id column, no such
 * register) in plain words naming the file, sheet and rows. Never writes; never throws on bad data.
 */
export function planImport(input: PlanImportInput): ImportResult<ImportPlan> {
  const { mapping, settings, fileName: file, targetRegister } = input;
  const asAtDay = dayFromIso(input.asAt);
  if (asAtDay === null) throw new Error(`planImport: asAt "${input.asAt}" is not an ISO date`);
  const warnings: string[] = [];
  const flagNote = `not in IRIS export of ${ukDate(asAtDay)}`;
  const flaggedPattern = /not in IRIS export/i;

  // The export's risks.
  const exportRisks = readExportTable(input.exportGrids, mapping.risks, file);
  if (!exportRisks.ok) return exportRisks;
  const riskKey = (r: SheetRecord<string>) => idKey(rawValue(r, "id"));
  const riskLabel = (r: SheetRecord<string>) => cellText(rawValue(r, "id"));
  const risks = exportRisks.value.records;
  const noId = risks.filter((r) => !riskKey(r)).map((r) => r.row + 1);
  if (noId.length > 0)
    warnings.push(
      `"${file}", sheet "${mapping.risks.sheet}": ${rowList(noId)} ${noId.length === 1 ? "has" : "have"} no risk id and ${noId.length === 1 ? "was" : "were"} left out`,
    );
  const riskDups = duplicates(risks, riskKey, riskLabel);
  if (riskDups.length > 0)
    return fail(duplicateProblem("duplicate-ids", file, mapping.risks.sheet, riskDups, "risk id"));
  if (risks.filter((r) => riskKey(r)).length === 0) {
    return fail({
      code: "empty-export",
      file,
      sheet: mapping.risks.sheet,
      message: `"${file}", sheet "${mapping.risks.sheet}" holds no risks with an id below its header row ${mapping.risks.headerRow + 1}, so there is nothing to import`,
    });
  }

  // The workbook's register ("Register.xlsx": … names the file where the workbook has one apart from being open).
  const inWorkbook = input.workbookName ? `"${input.workbookName}": ` : "";
  const workbookNames = input.workbookGrids.map((g) => g.sheetName);
  const registerRaw = input.workbookGrids.find((g) => g.sheetName === targetRegister);
  if (!registerRaw) {
    return fail({
      code: "no-register",
      file,
      sheet: targetRegister,
      message: `The workbook${input.workbookName ? ` "${input.workbookName}"` : ""} has no sheet "${targetRegister}" to import into. Sheets: ${workbookNames.map((n) => `"${n}"`).join(", ")}`,
    });
  }
  const read = readWorkbook([...input.workbookGrids], settings, asAtDay);
  const regLayout = read.layouts.get(targetRegister) as SheetLayout;
  if (registerRaw.owned || regLayout.kind !== "risk-register" || !regLayout.mapping) {
    return fail({
      code: "register-not-recognised",
      file,
      sheet: targetRegister,
      message: `${inWorkbook}Sheet "${targetRegister}" is not a risk register risk-review recognises (${registerRaw.owned ? "it is one of the add-in's own tabs" : regLayout.note}); pick the register to import into`,
    });
  }
  if (regLayout.holds === "closed-risks") {
    return fail({
      code: "register-not-recognised",
      file,
      sheet: targetRegister,
      message: `${inWorkbook}Sheet "${targetRegister}" holds closed risks, as its name says: it is the register's history, not a register to import into; pick the live register`,
    });
  }
  if (!regLayout.mapping.fieldColumns.has("id")) {
    return fail({
      code: "register-no-id",
      file,
      sheet: targetRegister,
      message: `${inWorkbook}Register "${targetRegister}" has no risk id column, so the export's risks cannot be matched to its rows`,
    });
  }
  if (registerRaw.formulasUnread) return fail(formulasUnread(file, targetRegister));
  const registerGrid = fillMergedAreas(registerRaw);
  const regRecords = read.records.risks.filter((r) => r.sheet === targetRegister);
  const regTargets = columnTargets(mapping.risks, regLayout, `register "${targetRegister}"`);
  // Confirmed renumberings: the export's new id updates the register's row under its old id.
  const confirmed = settings.importProfile?.renumbered ?? [];
  const regIds = new Map(regRecords.map((r) => [riskKey(r), riskLabel(r)] as const).filter(([k]) => k));
  const renumbering = confirmedRenumbering(confirmed, new Set(risks.map(riskKey)), regIds);
  const mergeKey = (r: SheetRecord<string>) => {
    const k = riskKey(r);
    const old = renumbering.get(k);
    return old === undefined ? k : idKey(old);
  };
  // A risk is named as the register writes its id ("HRC-001"), not as the export spelt it ("hrc-001 "); a
  // new risk, or one renumbered, by the export's id.
  const registerLabel = (r: SheetRecord<string>) => regIds.get(riskKey(r)) ?? riskLabel(r);
  // Rows closed by where they stand (a CLOSED RISKS heading; the workbook's Closed Risks sheet): closed for the import too.
  const closedPlace = closedPlaceOf(read.layouts);
  const riskRules: SectionRules = {
    key: mergeKey,
    label: registerLabel,
    riskId: (r) => renumbering.get(riskKey(r)) ?? registerLabel(r),
    keyFields: new Set(["id"]),
    skipFlag: (r) => {
      if (parseRiskState(fieldText(r, "status"), settings) === "closed") return "closed";
      const place = closedPlace(r);
      if (place === null) return null;
      return `closed, ${place.section !== undefined ? `under the ${place.section} heading` : closedPlaceText(place)}`;
    },
    flagNote,
    flaggedPattern,
    targetName: `register "${targetRegister}"`,
    sameRecord: sameRisk,
  };
  // An export row the workbook keeps on its Opportunities sheet (or its risk register, importing into the
  // Opportunities sheet) is that record: left where it stands, said so, never added here a second time.
  const keptElsewhere = keptOnOtherKindOfSheet(
    new Set(risks.map(mergeKey)),
    read.records.risks,
    read.layouts,
    targetRegister,
    closedPlace,
  );
  const toMerge = keptElsewhere.size === 0 ? risks : risks.filter((r) => !keptElsewhere.has(mergeKey(r)));
  if (keptElsewhere.size > 0) {
    const bySheet = new Map<string, string[]>();
    for (const r of risks) {
      const sheet = keptElsewhere.get(mergeKey(r));
      if (sheet !== undefined) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), riskLabel(r)]);
    }
    warnings.push(...keptElsewhereWarnings(bySheet, targetRegister));
  }
  const riskSection = mergeSection({
    exportSheet: mapping.risks.sheet,
    exportRecords: toMerge,
    targetGrid: registerRaw,
    targetLayout: regLayout,
    targetRecords: regRecords,
    ...regTargets,
    ...flagColumn(regLayout, riskRules.targetName),
    rules: riskRules,
    warnings,
    lastImported: lastImported(input.workbookGrids, targetRegister, riskRowKey),
    isOpenAction: (status) => parseActionState(status, settings) === "open",
    newRowsHeading: {
      text: newRisksHeadingText(ukDate(asAtDay)),
      needed: headingNeededBelow(read.sheets.find((s) => s.name === targetRegister)),
    },
  });
  riskSection.added = withWhereClosed(riskSection.added, read.records.risks, targetRegister, closedPlace);
  const updatesTab = withWideLogUpdates(riskSection, {
    exportRisks: toMerge,
    registerRecords: regRecords,
    key: mergeKey,
    riskKey,
    registerHasUpdate: regLayout.mapping.fieldColumns.has("update"),
    exportHasUpdate: mapping.risks.columns.some((c) => c.field === "update"),
    updateLogs: read.updateLogs,
    grids: input.workbookGrids,
    asAt: asAtDay,
    warnings,
  });
  warnings.push(
    ...underClosedHeadingWarnings(
      riskSection,
      targetRegister,
      read.sheets.find((s) => s.name === targetRegister)?.sections,
      (status) => parseRiskState(status, settings) === "open",
    ),
  );

  // The export's actions, into the workbook's actions sheet.
  let actionSection: MergeSection | null = null;
  if (mapping.actions) {
    const exportActions = readExportTable(input.exportGrids, mapping.actions, file);
    if (!exportActions.ok) return exportActions;
    const relevant = new Set([...regRecords.map(riskKey), ...risks.map(riskKey)].filter((k) => k));
    // A closed risk's actions leave the export with it: no more flagged than the risk is (judgement). Its
    // status as the import leaves it: the export's where it gives one, else the register's.
    const closedRisks = new Set<string>();
    // A risk closed by where it stands on the register stays closed whatever the export's status.
    const closedWhereTheyStand = keysClosedWhereTheyStand(regRecords, riskKey, closedPlace);
    for (const r of [...regRecords, ...risks]) {
      if (closedWhereTheyStand.has(riskKey(r))) {
        closedRisks.add(riskKey(r));
        continue;
      }
      const status = fieldText(r, "status");
      if (status === "") continue;
      if (parseRiskState(status, settings) === "closed") closedRisks.add(riskKey(r));
      else closedRisks.delete(riskKey(r));
    }
    const actionsSheet = chooseActionsSheet(
      read.records.actions,
      read.sheets,
      new Set(regRecords.map(riskKey)),
      input.targetActions,
    );
    const actions = exportActions.value.records;
    if (actionsSheet === null) {
      const why =
        input.targetActions !== undefined
          ? `has no actions sheet "${input.targetActions}"`
          : "has no actions sheet";
      actionSection = {
        sheet: null,
        exportSheet: mapping.actions.sheet,
        added: [],
        changed: [],
        missing: [],
        unchanged: 0,
        notCarried: [],
        notWritten: [],
        note: `The workbook ${why}, so the export's ${actions.length} actions were not imported. Add a sheet headed like "Risk Reference, Action Description, Action Status" to merge them next time.`,
      };
    } else {
      const actLayout = read.layouts.get(actionsSheet) as SheetLayout;
      const actRaw = input.workbookGrids.find((g) => g.sheetName === actionsSheet) as Grid;
      const useActionId =
        mapping.actions.columns.some((c) => c.field === "actionId") &&
        !!actLayout.mapping?.fieldColumns.has("actionId");
      const actionKey = (r: SheetRecord<string>): string => {
        // Keyed as the Import Log's, a backup's and a meeting's logged rows are (actionRowKey).
        const byId = useActionId ? actionRowKey("", fieldText(r, "actionId")) : "";
        if (byId) return byId;
        const rid = idKey(rawValue(r, "riskId"));
        const text = fieldText(r, "action").replace(/\s+/g, " ").toLowerCase();
        return rid && text ? `rt:${rid}|${text}` : "";
      };
      const actionLabel = (r: SheetRecord<string>): string => {
        const aid = useActionId ? fieldText(r, "actionId") : "";
        if (aid) return aid;
        const text = fieldText(r, "action");
        return `${fieldText(r, "riskId")}: ${excerpt(text, 40)}`;
      };
      if (useActionId) {
        const dups = duplicates(
          actions,
          (r) => idKey(rawValue(r, "actionId")),
          (r) => fieldText(r, "actionId"),
        );
        if (dups.length > 0)
          return fail(
            duplicateProblem("duplicate-action-ids", file, mapping.actions.sheet, dups, "action id"),
          );
      }
      const unkeyed = actions.filter((a) => !actionKey(a)).map((a) => a.row + 1);
      if (unkeyed.length > 0)
        warnings.push(
          `"${file}", sheet "${mapping.actions.sheet}": ${rowList(unkeyed)} ${unkeyed.length === 1 ? "has" : "have"} no risk id or no action text and ${unkeyed.length === 1 ? "was" : "were"} left out`,
        );
      const repeated = duplicates(actions, actionKey, actionLabel);
      for (const d of repeated)
        warnings.push(
          `"${file}", sheet "${mapping.actions.sheet}": action "${d.label}" appears on ${rowList(d.rows)}; only the first is imported`,
        );
      if (actRaw.formulasUnread) return fail(formulasUnread(file, actionsSheet));
      const actTargets = columnTargets(mapping.actions, actLayout, `actions sheet "${actionsSheet}"`);
      actionSection = mergeSection({
        exportSheet: mapping.actions.sheet,
        exportRecords: actions,
        targetGrid: actRaw,
        targetLayout: actLayout,
        targetRecords: read.records.actions.filter((a) => a.sheet === actionsSheet),
        ...actTargets,
        ...flagColumn(actLayout, `actions sheet "${actionsSheet}"`),
        rules: {
          key: actionKey,
          label: actionLabel,
          riskId: (r) => fieldText(r, "riskId"),
          keyFields: new Set(useActionId ? ["actionId"] : ["riskId", "action"]),
          skipFlag: (r) => {
            if (parseActionState(fieldText(r, "status"), settings) === "done") return "done";
            const risk = idKey(rawValue(r, "riskId"));
            if (closedRisks.has(risk)) return "its risk is closed";
            return relevant.has(risk) ? null : "belongs to a risk outside this import";
          },
          flagNote,
          flaggedPattern,
          targetName: `actions sheet "${actionsSheet}"`,
        },
        warnings,
        // Actions matched by their id are the ones the Import Log, a backup and the Update Log name by it.
        ...(useActionId
          ? {
              lastImported: lastImported(
                input.workbookGrids,
                actionsSheet,
                actionRowKey,
                meetingDueBaselines(read.updateLogs, loggedHeaderOfField(actLayout, "due"), actionRowKey),
              ),
            }
          : {}),
      });
    }
  }

  // Movement: the register's risks before, and after the planned changes.
  const regCols = regLayout.mapping.fieldColumns;
  // A field kept month by month reads as its newest filled month up to the as-at date (see MonthKept).
  const months = monthColumnsOf(registerGrid, regLayout.mapping);
  const before = (row: number) => (field: string) => {
    const col = regCols.get(field);
    return col === undefined ? null : cellAt(registerGrid, row, months ? months.current(col, row) : col);
  };
  // A risk listed twice as the same risk (changed on both rows) moves once.
  const measured = new Set<string>();
  const onceEach = riskSection.changed.filter((rc) => !measured.has(rc.key) && measured.add(rc.key));
  const readings: RiskReadings[] = onceEach.map((rc) => {
    // A formula the changes make out of date holds no result until Excel works it out (a score is then
    // likelihood × impact, as the check reads it).
    const written = new Map<number, CellValue>([
      ...rc.cells.filter((c) => c.sheet === targetRegister).map((c) => [c.col, c.new] as const),
      ...(rc.recalculated ?? []).map((c) => [c.col, null] as const),
    ]);
    const b = before(rc.row);
    return {
      id: rc.label,
      before: b,
      after: (field: string) => {
        const col = regCols.get(field);
        return col !== undefined && written.has(col) ? (written.get(col) ?? null) : b(field);
      },
    };
  });
  // New ids that look like a missing risk renumbered: offered as pairs, and not "one new, one gone".
  const titleOf = (r: SheetRecord<string> | undefined) =>
    r ? fieldText(r, "title") || fieldText(r, "description") : "";
  const exportByKey = new Map(risks.map((r) => [riskKey(r), r] as const));
  const regByKey = new Map(regRecords.map((r) => [riskKey(r), r] as const));
  const renumbered = proposeRenumbered(
    riskSection.added.map((a) => ({ id: a.label, title: titleOf(exportByKey.get(a.key)) })),
    riskSection.missing.map((m) => ({ id: m.label, title: titleOf(regByKey.get(m.key)) })),
    confirmed,
    settings.proposals.renumberTitleShare,
  );
  const pairedNew = new Set(renumbered.map((p) => idKey(p.newId)));
  const movement = measureMovement(
    input.asAt,
    riskSection.added.filter((a) => !pairedNew.has(a.key)).map((a) => a.label),
    readings,
    settings,
    // The register's words as the check reads them (three points, an allocation column's parties).
    sheetReadings(new Map([[targetRegister, regLayout]]), settings).wordsOf(targetRegister),
  );

  // Dated backups of each sheet the import may write, with names free in the workbook and of each other.
  const backups: { from: string; to: string }[] = [];
  for (const sheet of [targetRegister, actionSection?.sheet ?? null, updatesTab]) {
    if (sheet === null) continue;
    backups.push({
      from: sheet,
      to: backupSheetName(sheet, input.asAt, [...workbookNames, ...backups.map((b) => b.to)]),
    });
  }
  const count = (s: MergeSection | null) =>
    s
      ? [...s.added, ...s.changed].reduce((n, r) => n + r.cells.length, 0) +
        s.missing.filter((m) => m.flag).length +
        (s.heading ? 1 : 0)
      : 0;
  return {
    ok: true,
    value: {
      file,
      register: targetRegister,
      asAt: input.asAt,
      importedAt: input.importedAt ?? input.asAt,
      risks: riskSection,
      actions: actionSection,
      movement,
      renumbered,
      warnings,
      backupName: backups[0].to,
      backups,
      marking: settings.protectiveMarking,
      cellCount: count(riskSection) + count(actionSection),
    },
  };
}

/**
 * The keys of the register's risks closed by where they stand (see closedPlaceOf): every row of the risk on
 * the register is under a CLOSED RISKS heading (a risk with a row above it is live there).
 */
function keysClosedWhereTheyStand(
  registerRecords: readonly SheetRecord<string>[],
  key: (r: SheetRecord<string>) => string,
  closedPlace: ClosedPlaceOf,
): Set<string> {
  const closed = new Set<string>();
  const live = new Set<string>();
  for (const r of registerRecords) (closedPlace(r) === null ? live : closed).add(key(r));
  for (const k of live) closed.delete(k);
  return closed;
}

/**
 * True when two register rows sharing an id are one risk listed twice on purpose (under two sections): the
 * same title (or description, where there is no title) and the same owner. Rows with no title are not.
 */
function sameRisk(first: SheetRecord<string>, second: SheetRecord<string>): boolean {
  const title = (r: SheetRecord<string>) =>
    foldCaseAndSpaces(fieldText(r, "title") || fieldText(r, "description"));
  const owner = (r: SheetRecord<string>) => foldCaseAndSpaces(fieldText(r, "owner"));
  const t = title(first);
  return t !== "" && t === title(second) && owner(first) === owner(second);
}

/** Excel could not say which cells hold formulas: writing could replace one by a value, so nothing is written. */
function formulasUnread(file: string, sheet: string): ImportProblem {
  return {
    code: "formulas-unread",
    file,
    sheet,
    message: `Excel could not say which cells of sheet "${sheet}" hold formulas, so the import could overwrite one; nothing was changed. Try again, or import the file with the command line (risk-review import)`,
  };
}

/** What withWideLogUpdates reads. */
interface WideLogInput {
  exportRisks: readonly SheetRecord<string>[];
  registerRecords: readonly SheetRecord<string>[];
  /** The key an export risk is merged on (its register risk's, renumbering confirmed), and a register risk's. */
  key: (r: SheetRecord<string>) => string;
  riskKey: (r: SheetRecord<string>) => string;
  registerHasUpdate: boolean;
  exportHasUpdate: boolean;
  updateLogs: readonly UpdateLogSheet[];
  grids: readonly Grid[];
  asAt: DayNumber;
  warnings: string[];
}

/**
 * On a register with no update column whose updates are kept on a tab a column a month (see
 * planWideLogUpdates): IRIS's updates of the register's risks written there, as cells of those risks'
 * changes (each on the tab's sheet), the export's update column no longer "not carried". Returns the tab's
 * name where it is written, else null.
 */
function withWideLogUpdates(section: MergeSection, input: WideLogInput): string | null {
  if (input.registerHasUpdate || !input.exportHasUpdate) return null;
  const log = wideUpdateLogOf(input.updateLogs);
  const raw = log && input.grids.find((g) => g.sheetName === log.grid.sheetName);
  if (!log || !raw) return null;
  const onRegister = new Map(input.registerRecords.map((r) => [input.riskKey(r), r] as const));
  const planned = planWideLogUpdates(
    input.exportRisks.filter((r) => onRegister.has(input.key(r))),
    input.key,
    (r) => cellText(rawValue(onRegister.get(input.key(r))!, "id")),
    log,
    raw,
    input.asAt,
    lastImported(input.grids, raw.sheetName, riskRowKey),
  );
  input.warnings.push(...planned.warnings);
  section.notCarried = section.notCarried.filter((n) => n.field !== "update");
  for (const [key, cell] of planned.cells) {
    const changed = section.changed.find((c) => c.key === key);
    if (changed) {
      changed.cells.push(cell);
      continue;
    }
    const record = onRegister.get(key)!;
    const label = cellText(rawValue(record, "id"));
    section.changed.push({ key, label, riskId: label, row: record.row, cells: [cell] });
    section.unchanged--;
  }
  return planned.cells.size > 0 ? planned.sheet : null;
}
