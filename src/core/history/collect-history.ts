// Gathers a workbook's memory from its own tabs: the Update Log (by the add-in or kept by hand), the
// Import Log (this layout and earlier ones) and the dated register backups (SPEC "History, appetite
// and proposals").

import type { CellValue, Grid } from "../model/grid";
import type { ConfirmedPair, DueMove, HistoryData } from "../model/history";
import { idKey, rawFormat, rawText, rawValue, type UpdateLogRecord } from "../model/records";
import { parseDate, type DayNumber } from "../parse";
import { cellText } from "../read/cell-text";
import { backupDay, backupRiskKeys } from "./backups";
import { loggedField, readImportLog, type ImportLogRow } from "./import-log";
import { isYes, logDay, logScore } from "./log-cells";
import { monthOf } from "./month";
import { compareEntries } from "./monthly-points";

export type { DueMove, HistoryData };

/** History with nothing in it (a workbook without logs or backups). */
export function emptyHistory(): HistoryData {
  return { entries: new Map(), firstNamed: new Map(), dueMoves: new Map(), logRows: 0 };
}

const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

/**
 * "ACT-0003 due 30/09/2022 → 31/10/2022" in an Update Log's Changes cell, "; " between changes; an
 * action the meeting names by its words ("Install river gauges due …") keeps all of them.
 */
const DUE_CHANGE = /(?:^|;)\s*([^;]+?)\s+due\s+([^;]+?)\s*(?:→|->|\bto\b)\s*([^;]+?)\s*(?=;|$)/gi;

/** The due dates an Update Log's Changes cell says were moved. */
export function dueMovesIn(changes: string, day: DayNumber): DueMove[] {
  const out: DueMove[] = [];
  for (const m of changes.matchAll(DUE_CHANGE)) {
    const from = parseDate(m[2], null, "deadline");
    const to = parseDate(m[3], null, "deadline");
    out.push({ day, action: m[1], from: from.ok ? from.value : null, to: to.ok ? to.value : null });
  }
  return out;
}

function fromUpdateLog(
  records: readonly UpdateLogRecord[],
  data: HistoryData,
  memo: Map<CellValue, DayNumber | null>,
): void {
  // A log names each risk and each day many times: fold each id and work out each day's month once.
  const keys = new Map<CellValue, string>();
  const months = new Map<DayNumber, number>();
  for (const e of records) {
    const id = rawValue(e, "riskId");
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = idKey(id)));
    const date = rawValue(e, "date");
    if (!key || date === null) continue;
    const day = logDay(date, rawFormat(e, "date"), memo);
    if (day === null) continue;
    let month = months.get(day);
    if (month === undefined) months.set(day, (month = monthOf(day)));
    const changes = rawText(e, "changes");
    push(data.entries, key, {
      day,
      month,
      source: "update-log",
      score: logScore(rawValue(e, "score")),
      oldScore: null,
      text: rawText(e, "text"),
      noChange: isYes(rawValue(e, "noChange")),
      by: rawText(e, "by"),
      strategy: rawText(e, "strategy"),
      changes,
      sheet: e.sheet,
      row: e.row + 1,
    });
    if (changes) for (const move of dueMovesIn(changes, day)) push(data.dueMoves, key, move);
  }
}

function fromImportLog(rows: readonly ImportLogRow[], data: HistoryData): void {
  for (const r of rows) {
    const key = idKey(r.riskId);
    if (!key) continue;
    const onAction = r.actionId !== "";
    const field = loggedField(r.field, onAction);
    if (onAction && field === "due") {
      const from = parseDate(r.old, null, "deadline");
      const to = parseDate(r.new, null, "deadline");
      push(data.dueMoves, key, {
        day: r.day,
        action: r.actionId,
        from: from.ok ? from.value : null,
        to: to.ok ? to.value : null,
      });
    }
    const isScore = !onAction && field === "score";
    push(data.entries, key, {
      day: r.day,
      month: monthOf(r.day),
      source: "import-log",
      score: isScore ? logScore(r.new) : null,
      oldScore: isScore ? logScore(r.old) : null,
      text: `${onAction ? `action ${r.actionId}: ` : ""}${r.field}: ${cellText(r.old) || "(blank)"} → ${cellText(r.new) || "(blank)"}`,
      noChange: false,
      by: r.file ? `import of ${r.file}` : "import",
      strategy: "",
      changes: r.field,
      sheet: r.sheet,
      row: r.row,
    });
  }
}

/**
 * Reads the workbook's history: `updateLog` as the reader found it (owned or kept by hand), every
 * sheet that is an Import Log, and every dated backup. `renumbered` pairs (from the import profile)
 * give a risk under its new id the entries of its old one.
 */
export function collectHistory(
  grids: readonly Grid[],
  updateLog: readonly UpdateLogRecord[],
  renumbered: readonly ConfirmedPair[] = [],
): HistoryData {
  const data = emptyHistory();
  const memo = new Map<CellValue, DayNumber | null>();
  fromUpdateLog(updateLog, data, memo);
  data.logRows += updateLog.length;
  for (const grid of grids) {
    const day = backupDay(grid.sheetName);
    if (day !== null) {
      for (const key of backupRiskKeys(grid)) {
        const seen = data.firstNamed.get(key);
        if (seen === undefined || day < seen) data.firstNamed.set(key, day);
      }
      continue;
    }
    const rows = readImportLog(grid);
    data.logRows += rows.length;
    fromImportLog(rows, data);
  }
  // A confirmed renumbering is one risk: each id gets the other's entries (the register may keep either).
  for (const pair of renumbered) {
    const a = idKey(pair.oldId);
    const b = idKey(pair.newId);
    if (!a || !b || a === b) continue;
    const entries = [...(data.entries.get(a) ?? []), ...(data.entries.get(b) ?? [])];
    const moves = [...(data.dueMoves.get(a) ?? []), ...(data.dueMoves.get(b) ?? [])];
    const seen = [data.firstNamed.get(a), data.firstNamed.get(b)].filter(
      (d): d is DayNumber => d !== undefined,
    );
    for (const key of [a, b]) {
      if (entries.length) data.entries.set(key, [...entries]);
      if (moves.length) data.dueMoves.set(key, [...moves]);
      if (seen.length) data.firstNamed.set(key, Math.min(...seen));
    }
  }
  for (const [key, list] of data.entries) {
    list.sort(compareEntries);
    const first = list[0].day;
    const seen = data.firstNamed.get(key);
    if (seen === undefined || first < seen) data.firstNamed.set(key, first);
  }
  return data;
}
