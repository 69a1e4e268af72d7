// The log rows a check's history read, in the log's own order, each with its folded risk id: what a
// test of the Update Log compares after writing to it.

import { entryAt } from "../../src/core/history/history-log";
import type { HistoryData, HistoryEntry } from "../../src/core/model/history";

export function loggedRows(history: HistoryData): (HistoryEntry & { riskKey: string })[] {
  const out: (HistoryEntry & { riskKey: string })[] = [];
  for (const [riskKey, at] of history.byRisk)
    for (const i of at) out.push({ riskKey, ...entryAt(history.log, i) });
  return out.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}
