// A write forced over a co-author's change keeps what it replaced: which values, and how the log words them.

import { dueMovesIn } from "../../../src/core/history/collect-history";
import type { RowSnapshot } from "../../../src/core/meeting/conflict";
import { findConflicts } from "../../../src/core/meeting/conflict";
import {
  logKeepingReplaced,
  replacedWords,
  splitReplaced,
  valuesReplaced,
  type ForcedCell,
} from "../../../src/core/meeting/replaced-values";
import { UPDATE_LOG_HEADER } from "../../../src/core/meeting/record";

const shown: RowSnapshot = {
  sheet: "IRIS Risks",
  row: 2,
  firstCol: 0,
  headers: ["Risk ID", "Risk Owner", "Current Risk Score", "Date of Last Review", "Latest Update"],
  values: ["HRC-001", "Ali Khan", 12, 44800, "Old words"],
};
const cell = (col: number, value: ForcedCell["value"], formatNow: string | null = null): ForcedCell => ({
  sheet: "IRIS Risks",
  row: 2,
  col,
  value,
  format: null,
  formatNow,
});

function replacedBy(now: RowSnapshot["values"], written: ForcedCell[]) {
  return valuesReplaced([{ snapshot: shown, fields: findConflicts(shown, now) }], written);
}

describe("valuesReplaced", () => {
  it.each([
    [
      "keeps the co-author's words in a cell the meeting writes",
      ["HRC-001", "Ali Khan", 12, 44800, "Ali's; words"],
      [cell(4, "Ours")],
      [{ header: "Latest Update", text: "Ali's; words" }],
    ],
    [
      "keeps a date as a UK date (the cell's format is a date)",
      ["HRC-001", "Ali Khan", 12, 44844, "Old words"],
      [cell(3, 44845, "dd/mm/yyyy")],
      [{ header: "Date of Last Review", text: "10/10/2022" }],
    ],
    [
      "leaves out a change the meeting does not write over (it stays in the register)",
      ["HRC-001", "Sam Patel", 12, 44800, "Old words"],
      [cell(4, "Ours")],
      [],
    ],
    [
      "leaves out a cell the co-author cleared (nothing of theirs to keep)",
      ["HRC-001", "Ali Khan", 12, 44800, ""],
      [cell(4, "Ours")],
      [],
    ],
    [
      "leaves out a cell where the co-author typed what the meeting writes",
      ["HRC-001", "Ali Khan", 16, 44800, "Old words"],
      [cell(2, 16)],
      [],
    ],
  ])("%s", (_, now, written, expected) => {
    expect(replacedBy(now, written)).toEqual(expected);
  });
});

describe("the log's words for replaced values", () => {
  const replaced = [
    { header: "Latest Update", text: "Crews due 30/09/2022 → 31/10/2022; awaiting" },
    { header: "Current Risk Score", text: "16" },
  ];

  it("go after the meeting's own changes in the update's Changes cell", () => {
    const log = logKeepingReplaced(
      {
        kind: "update-log",
        header: [...UPDATE_LOG_HEADER],
        rows: [
          ["carried", "", "", "", "", "", "", "", ""],
          [44844, "HRC-001", "Jane", "Ours", "No", 8, "Treat", "IRIS Risks", "Impact 2 → 4"],
        ],
      },
      replaced,
    );
    expect(log.rows[0][8]).toBe("");
    expect(log.rows[1][8]).toBe(`Impact 2 → 4; ${replacedWords(replaced)}`);
    expect(log.rows[1][8]).toBe(
      "Impact 2 → 4; replaced a co-author's Latest Update: 'Crews due 30/09/2022 → 31/10/2022; awaiting'; " +
        "replaced a co-author's Current Risk Score: '16'",
    );
  });

  it("read back apart from the meeting's changes, and never as an action's due date moved", () => {
    const text = `ACT-1 due 30/09/2022 → 31/10/2022; ${replacedWords(replaced)}`;
    expect(splitReplaced(text)).toEqual({ own: "ACT-1 due 30/09/2022 → 31/10/2022", replaced });
    expect(splitReplaced(replacedWords(replaced))).toEqual({ own: "", replaced });
    expect(dueMovesIn(splitReplaced(text).own, 0).map((m) => m.action)).toEqual(["ACT-1"]);
  });
});
