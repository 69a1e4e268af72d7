// Helpers for pane-months-review.test.ts: the officer's workbook in the fake host, the month's IRIS export as
// the pane reads it (grids), and the pane's three jobs driven as its hooks drive them: the import
// (src/taskpane/import/pipeline.ts prepareImport → gateway applyEdits → settings saved, as useImport.apply),
// the meeting (buildQueue → recordToEdits → recordUpdate → buildMeetingRecord, as useMeeting), and the check
// and summary tabs (readAllSheets → checkWorkbook with the saved settings → buildSummaryTabs → writeOwnedTab,
// as useWorkbook). Only the React state around them is left out.

import { checkWorkbook } from "../../src/core/check";
import { gridFromRows, sourceOf, type CellValue, type Grid } from "../../src/core/model/grid";
import type { Report } from "../../src/core/model/report";
import type { RiskFacts } from "../../src/core/model/risk-summary";
import type { Settings } from "../../src/core/model/settings";
import type { ConfirmedPair } from "../../src/core/model/history";
import { buildCardIndex, cardFor, meetingActions } from "../../src/core/meeting/card";
import { rowSnapshot, type RowSnapshot } from "../../src/core/meeting/conflict";
import {
  buildMeetingRecord,
  notReviewedRisks,
  type ReviewedRisk,
} from "../../src/core/meeting/meeting-record";
import { buildQueue, type QueueItem } from "../../src/core/meeting/queue";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  ownRatingScalesOf,
  recordToEdits,
  type RecordChoice,
} from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { buildSummaryTabs } from "../../src/core/summary";
import { VERSION } from "../../src/core/version";
import { toA1 } from "../../src/core/address/a1";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { prepareImport, proposeMapping, type PreparedImport } from "../../src/taskpane/import/pipeline";
import type { ApplyEditsResult } from "../../src/excel/apply-edits";
import {
  ACTION_HEADERS,
  EXPORT_HEADERS,
  REGISTER_HEADERS,
  COUNCIL_NOTES,
  ESCALATED,
  type Cell,
  type RiskMonth,
} from "../cli/helpers/month-workbooks";

export const gateway = createOfficeGateway();

/** Excel serial of a UTC date. */
export const serial = (x: Date): number => Math.round((x.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
export const ser = (y: number, m: number, d: number): number => serial(new Date(Date.UTC(y, m - 1, d)));
const cellOf = (v: Cell): CellValue => (v instanceof Date ? serial(v) : v);
const fmtOf = (v: Cell): string | null => (v instanceof Date ? "dd/mm/yyyy" : null);

export const exportRow = (k: RiskMonth): Cell[] => [
  k.id,
  k.title,
  k.owner,
  "Operational",
  k.raised,
  k.l,
  k.i,
  k.l * k.i,
  "Treat",
  `Action plan for ${k.id}`,
  k.status ?? "Open",
  k.updated,
  k.update,
];

export function sheetSpec(name: string, rows: Cell[][]) {
  return { name, values: rows.map((r) => r.map(cellOf)), numberFormats: rows.map((r) => r.map(fmtOf)) };
}

/** The July workbook: the register (with Escalate? and Council Notes) and the actions sheet. */
export function julySheets(july: RiskMonth[], actions: Cell[][]) {
  const reg = july.map((k) => [...exportRow(k), ESCALATED.has(k.id) ? "Yes" : null, COUNCIL_NOTES[k.id]]);
  return [
    sheetSpec("Risk Register", [REGISTER_HEADERS, ...reg]),
    sheetSpec("Actions", [ACTION_HEADERS, ...actions]),
  ];
}

/** The month's IRIS export as the pane's file reader gives it: two grids. */
export function exportGrids(file: string, month: RiskMonth[], actions: Cell[][]): Grid[] {
  const grid = (name: string, rows: Cell[][]) =>
    gridFromRows(
      name,
      rows.map((r) => r.map(cellOf)),
      { origin: file, numberFormats: rows.map((r) => r.map(fmtOf)) },
    );
  return [
    grid("IRIS Risks", [EXPORT_HEADERS, ...month.map(exportRow)]),
    grid("IRIS Actions", [ACTION_HEADERS, ...actions]),
  ];
}

/** The pane's settings as it holds them (loaded from the hidden Settings sheet). */
export const settingsNow = (): Promise<Settings> => gateway.loadSettings();

/** The pane's check: every sheet read, checked with the saved settings (as-at from Settings, else today). */
export async function paneCheck(): Promise<Report> {
  const settings = await settingsNow();
  const grids = await gateway.readAllSheets(undefined, { columnCorrections: settings.columnCorrections });
  return checkWorkbook(grids, { settings, source: sourceOf(grids) });
}

export interface Imported {
  prepared: PreparedImport;
  result: ApplyEditsResult | null;
  /** The pairs the preview offered before any was ticked. */
  offered: string[];
}

/**
 * The Import view: read the workbook, propose the mapping, plan (with `sameRisk` pairs ticked after the
 * first preview), apply, save the profile and the movement.
 */
export async function paneImport(
  file: string,
  grids: Grid[],
  importedAt: string,
  sameRisk: (offered: { oldId: string; newId: string }[]) => ConfirmedPair[] = () => [],
): Promise<Imported> {
  const s = await settingsNow();
  const asAt = s.asAt ?? importedAt.slice(0, 10);
  const workbookGrids = await gateway.readAllSheets(undefined, { columnCorrections: s.columnCorrections });
  const proposed = proposeMapping(grids, s, asAt);
  if (!proposed.ok) throw new Error(proposed.problem.message);
  const req = {
    exportGrids: grids,
    workbookGrids,
    mapping: proposed.value.mapping,
    choices: proposed.value.choices,
    register: "Risk Register",
    settings: s,
    asAt,
    importedAt,
    fileName: file,
  };
  const first = prepareImport(req);
  if (!first.ok) throw new Error(first.problem.message);
  const offered = first.value.plan.renumbered.map((p) => `${p.oldId}->${p.newId}`);
  const pairs = sameRisk(first.value.plan.renumbered);
  const planned = pairs.length ? prepareImport({ ...req, renumbered: pairs }) : first;
  if (!planned.ok) throw new Error(planned.problem.message);
  const prepared = planned.value;
  if (prepared.plan.cellCount === 0) return { prepared, result: null, offered };
  const result = await gateway.applyEdits!(prepared.edits);
  await gateway.saveSettings(prepared.settingsAfter, s);
  return { prepared, result, offered };
}

/** What the chair records for one risk; `action` moves that action's due date (ISO). */
export interface ChairChoice {
  id: string;
  text: string;
  noChange?: boolean;
  likelihood?: number;
  impact?: number;
  action?: { actionId: string; due: string };
}

export interface Meeting {
  start: Report;
  queue: QueueItem[];
  logSheet: string;
  reviewed: ReviewedRisk[];
  end: Report;
  recordSheet: string;
}

/** The Review view: start (check, open the Update Log, queue), record each choice, end (check, Meeting Record). */
export async function paneMeeting(date: string, choices: ChairChoice[]): Promise<Meeting> {
  const settings = await settingsNow();
  const start = await paneCheck();
  const setup = {
    date,
    attendees: ["Jane Smith", "Tom Jones"],
    by: "Jane Smith",
    registers: [],
    annexes: [],
  };
  const logSheet = await gateway.openUpdateLog!(
    buildUpdateLogTab({
      asAt: date,
      source: start.source,
      version: VERSION,
      marking: settings.protectiveMarking,
    }),
  );
  const queue = buildQueue(start, { meetingDate: date, reviewPeriodMonths: settings.reviewPeriodMonths });
  const columns = fieldColumnsOf(start);
  const logged = lastLoggedTexts(start);
  const index = buildCardIndex(start, settings);
  const reviewed: ReviewedRisk[] = [];
  const recorded = new Set<string>();
  for (const c of choices) {
    const item = queue.find((q) => q.facts.id === c.id);
    if (!item) throw new Error(`${c.id} is not in the meeting's queue`);
    const facts: RiskFacts = item.facts;
    const choice: RecordChoice = {
      text: c.text,
      noChange: c.noChange ?? false,
      likelihood: c.likelihood,
      impact: c.impact,
    };
    if (c.action) {
      const a = meetingActions(cardFor(facts, index)).find(
        (x) => !x.own && x.actionId === c.action!.actionId,
      );
      if (!a) throw new Error(`no action ${c.action.actionId} on ${c.id}'s card`);
      choice.actions = [{ action: a, due: c.action.due }];
    }
    const plan = recordToEdits(facts, choice, {
      meetingDate: date,
      asAt: start.asAt,
      by: setup.by,
      columns,
      settings,
      lastLoggedText: logged(facts),
      ragMatrix: start.ragMatrix,
      ownRatingScale: ownRatingScalesOf(start),
    });
    const records = [facts.record];
    for (const a of choice.actions ?? [])
      if (!a.action.own && plan.cells.some((x) => x.sheet === a.action.sheet && x.row === a.action.row - 1))
        records.push(a.action.record);
    const expected: RowSnapshot[] = [];
    for (const r of records) {
      const snap = rowSnapshot(r, start.sheets.find((s) => s.name === r.sheet) ?? { columns: [] });
      if (snap) expected.push(snap);
    }
    const result = await gateway.recordUpdate!({ cells: plan.cells, log: plan.log, logSheet, expected });
    if (!result.ok) throw new Error(`recording ${c.id} met a conflict`);
    recorded.add(item.key);
    reviewed.push({
      id: facts.id,
      title: facts.title,
      sheet: facts.sheet,
      row: facts.row,
      address: toA1(facts.row - 1, facts.idCol),
      noChange: choice.noChange,
      text: plan.text,
      changes: plan.changes,
    });
  }
  const end = await paneCheck();
  const tab = buildMeetingRecord({
    meeting: setup,
    reviewed,
    notReviewed: notReviewedRisks(queue, (k) => (recorded.has(k) ? "recorded" : undefined)),
    escalationsAtStart: start.escalations,
    escalationsAtEnd: end.escalations,
    proposalsAccepted: [],
    source: end.source,
    version: VERSION,
    marking: settings.protectiveMarking,
  });
  const { sheetName } = await gateway.writeOwnedTab(tab);
  return { start, queue, logSheet, reviewed, end, recordSheet: sheetName };
}

/** The Summaries view: check again, then write the four tabs; returns the report they were written from. */
export async function paneSummaries(): Promise<{ report: Report; names: Record<string, string> }> {
  const report = await paneCheck();
  const settings = await settingsNow();
  const names: Record<string, string> = {};
  for (const tab of buildSummaryTabs(report, settings, { version: VERSION, chart: "native" }))
    names[tab.name] = (await gateway.writeOwnedTab(tab)).sheetName;
  return { report, names };
}
