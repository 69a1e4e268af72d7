// The history's columns grow past the capacity they were made for: a log row naming several risks
// (an action of "SL-10, SL-11") adds an entry for each, so a log can hold more entries than rows.

import {
  HistoryLogBuilder,
  isImportAt,
  noChangeAt,
  oldScoreAt,
  scoreAt,
} from "../../../src/core/history/history-log";

describe("HistoryLogBuilder", () => {
  it("keeps every entry, in order, when more are added than its capacity", () => {
    const b = new HistoryLogBuilder(1);
    for (let i = 0; i < 40; i++)
      expect(
        b.add(
          {
            day: 19000 + i,
            month: 624 + i,
            fromImport: i % 2 === 0,
            score: i % 3 === 0 ? null : i,
            oldScore: i,
            noChange: i % 5 === 0,
            sheet: 0,
            row: i + 2,
          },
          i % 7,
        ),
      ).toBe(i);
    const log = b.finish();
    expect(log.length).toBe(40);
    // Each entry keeps the slot of the risk it was added for (what the history groups entries by).
    expect(Array.from(b.slots.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i % 7));
    for (let i = 0; i < 40; i++) {
      expect([log.day[i], log.month[i], log.row[i]]).toEqual([19000 + i, 624 + i, i + 2]);
      expect(scoreAt(log, i)).toBe(i % 3 === 0 ? null : i);
      expect(oldScoreAt(log, i)).toBe(i);
      expect(isImportAt(log, i)).toBe(i % 2 === 0);
      expect(noChangeAt(log, i)).toBe(i % 5 === 0);
    }
  });
});
