// Entries written out as objects in a test table, made into a log of their own and put in order: what
// the monthly points read.

import { compareAt, HistoryLogBuilder, NO_TEXTS, type LogEntries } from "../../src/core/history/history-log";
import type { EntryTexts, HistoryEntry } from "../../src/core/model/history";

export function logEntriesOf(entries: readonly HistoryEntry[]): LogEntries {
  const b = new HistoryLogBuilder(entries.length);
  const slots = new Map<string, { slot: number; rows: Map<number, EntryTexts> }>();
  for (const e of entries) {
    let sheet = slots.get(e.sheet);
    if (!sheet) {
      const rows = new Map<number, EntryTexts>();
      const texts = (row: number) => rows.get(row) ?? NO_TEXTS;
      sheet = { slot: b.sheetSlot({ name: e.sheet, texts, text: (row) => texts(row).text }), rows };
      slots.set(e.sheet, sheet);
    }
    const { text, by, strategy, changes, register } = e;
    sheet.rows.set(e.row, { text, by, strategy, changes, register });
    b.add({ ...e, fromImport: e.source === "import-log", sheet: sheet.slot }, 0);
  }
  const log = b.finish();
  const at = Int32Array.from(entries.keys()).sort((x, y) => compareAt(log, x, y));
  return { log, at };
}
