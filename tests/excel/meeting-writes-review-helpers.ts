// Helpers for meeting-writes-review.test.ts: read the fake workbook, check it, and record one risk as the
// Review view does (useMeeting.record: columns, matrix, own rating scales, last logged text, snapshots).

import { checkWorkbook } from "../../src/core/check";
import type { CellValue } from "../../src/core/model/grid";
import type { Report } from "../../src/core/model/report";
import type { RiskFacts } from "../../src/core/model/risk-summary";
import { defaultSettings } from "../../src/core/model/settings";
import { rowSnapshot, type RowSnapshot } from "../../src/core/meeting/conflict";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  ownRatingScalesOf,
  recordToEdits,
  type RecordChoice,
  type RecordPlan,
} from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { readAllSheets } from "../../src/excel/read-sheets";
import { openUpdateLog, recordUpdate, type RecordUpdateResult } from "../../src/excel/record-update";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import type { FakeHost } from "../fakes/fake-excel";

export const MEETING = "2022-10-10";

/** Reads the fake workbook and checks it as at `asAt`. */
export async function checkedAt(asAt = MEETING): Promise<Report> {
  return checkWorkbook(await readAllSheets(), {
    settings: defaultSettings(),
    asAt,
    today: asAt,
    source: "workbook",
  });
}

export function factsOf(report: Report, id: string, sheet?: string): RiskFacts {
  const f = report.risks.find((r) => r.id === id && (sheet === undefined || r.sheet === sheet));
  if (!f) throw new Error(`no risk ${id} in ${report.risks.map((r) => `${r.sheet}!${r.id}`).join(", ")}`);
  return f;
}

export interface Recorded {
  plan: RecordPlan;
  result: RecordUpdateResult;
  logSheet: string;
}

/** Opens (or creates) the Update Log and records one risk, as the Review view's record() does. */
export async function recordRisk(
  report: Report,
  facts: RiskFacts,
  choice: RecordChoice,
  meetingDate = MEETING,
): Promise<Recorded> {
  const logSheet = await openUpdateLog(
    buildUpdateLogTab({ asAt: meetingDate, source: "workbook", version: "test", marking: "OFFICIAL" }),
    writeOwnedTab,
  );
  const plan = recordToEdits(facts, choice, {
    meetingDate,
    asAt: report.asAt,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: lastLoggedTexts(report)(facts),
    ragMatrix: report.ragMatrix,
    ownRatingScale: ownRatingScalesOf(report),
  });
  const expected: RowSnapshot[] = [];
  const records = [facts.record];
  for (const a of choice.actions ?? [])
    if (!a.action.own && plan.cells.some((c) => c.sheet === a.action.sheet && c.row === a.action.row - 1))
      records.push(a.action.record);
  for (const r of records) {
    const snap = rowSnapshot(r, report.sheets.find((s) => s.name === r.sheet) ?? { columns: [] });
    if (snap) expected.push(snap);
  }
  const result = await recordUpdate({ cells: plan.cells, log: plan.log, logSheet, expected });
  return { plan, result, logSheet };
}

/** A sheet's values as the fake holds them, rows from A1 ("" for empty cells). */
export function sheetValues(host: FakeHost, sheet: string): CellValue[][] {
  const s = host.snapshot().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.values;
}

/** The rows below `headerRow` (0-based) of a sheet whose first cell is filled. */
export function rowsBelow(host: FakeHost, sheet: string, headerRow: number): CellValue[][] {
  return sheetValues(host, sheet)
    .slice(headerRow + 1)
    .filter((r) => r.some((v) => v !== "" && v !== null));
}

export const v = (host: FakeHost, sheet: string, a1: string): CellValue => host.cell(sheet, a1)?.v ?? null;
