// The meeting's update on a register whose update cell keeps a history of dated lines (SPEC Real registers ›
// Dated lines in the update text): its own line, written as the register writes them, at the top or the end.

import {
  carriedSaysNoChange,
  dateLike,
  deadlineLike,
  heldInLog,
  updateCellText,
} from "../../../src/core/meeting/dated-update";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  recordToEdits,
  REGISTER_AUTHOR,
  type RecordChoice,
  type RecordPlan,
} from "../../../src/core/meeting/record";
import type { Report } from "../../../src/core/model/report";
import type { RiskFacts } from "../../../src/core/model/risk-summary";
import { MAX_CELL_CHARS } from "../../../src/core/model/writable-text";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso, serialFromDay } from "../../../src/core/parse";
import type { SheetSpec } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const day = (iso: string) => dayFromIso(iso)!;
const OCT_10 = day("2022-10-10");
const OCT_5 = day("2022-10-05");

describe("dateLike: the meeting's date written as the register writes its dates", () => {
  it.each([
    ["12/09/22", OCT_5, "05/10/22"],
    ["12/9/22", OCT_5, "5/10/22"],
    ["05 Sept 2022", OCT_5, "05 Oct 2022"],
    ["1/8/22", OCT_5, "5/10/22"],
    ["12/09/2022", OCT_10, "10/10/2022"],
    ["12.09.22", OCT_5, "05.10.22"],
    ["12-09-2022", OCT_5, "05-10-2022"],
    ["2022-09-12", OCT_5, "2022-10-05"],
    ["12th Sept 2022", OCT_5, "5th Oct 2022"],
    ["1st September 2022", day("2022-10-02"), "2nd October 2022"],
    ["12-Sep-22", OCT_5, "5-Oct-22"],
    ["12 SEP 2022", OCT_10, "10 OCT 2022"],
    ["Sept 2022", OCT_10, "Oct 2022"],
    ["Sep-22", OCT_10, "Oct-22"],
    ["w/c 12/09/22", OCT_10, "10/10/22"],
    // Spaces around the slashes, as the dated lines take them (fx-loose32).
    ["12 / 09 / 2022", OCT_5, "05 / 10 / 2022"],
  ])("a date written %s", (written, d, expected) => {
    expect(dateLike(written, d)).toBe(expected);
  });
});

describe("deadlineLike: an action's new due date in the form its line wrote its date", () => {
  it.each([
    ["31/12/22", "2023-03-31", "31/03/23"],
    ["Dec-22", "2023-03-31", "Mar-23"],
    ["December 2022", "2023-01-31", "January 2023"],
    // A week as the week holding the day: its Sunday is the deadline it reads as.
    ["w/c 12/12/22", "2023-01-22", "w/c 16/01/23"],
    ["w/c 12/12/22", "2023-01-18", "w/c 16/01/23"],
    ["Week commencing 5th Dec 2022", "2023-01-22", "Week commencing 16th Jan 2023"],
    // A quarter, financial year or year as the one holding the day, its numbers as wide as written.
    ["Q4 2022/23", "2023-06-30", "Q1 2023/24"],
    ["Q4 2022/2023", "2023-06-30", "Q1 2023/2024"],
    ["Q3 2022", "2023-06-30", "Q2 2023"],
    ["2022 Q3", "2023-02-14", "2023 Q1"],
    ["Q4 FY23", "2023-06-30", "Q1 FY24"],
    ["2022/23", "2024-03-31", "2023/24"],
    ["FY 2023", "2023-06-30", "FY 2024"],
    ["2022", "2023-12-31", "2023"],
  ])("%s, moved to %s: %s", (written, iso, expected) => {
    expect(deadlineLike(written, day(iso))).toBe(expected);
  });

  it("is null for a form it does not write: the caller writes dd/mm/yyyy and says so", () => {
    expect(deadlineLike("end of March", day("2023-03-31"))).toBeNull();
    expect(deadlineLike("Spring 2023", day("2023-03-31"))).toBeNull();
    expect(deadlineLike("Monday", day("2023-03-31"))).toBeNull();
  });
});

describe("updateCellText", () => {
  const write = (old: string, words = "Signage installed", lastLogged: string | null = null) =>
    updateCellText(old, words, OCT_10, lastLogged);

  it("adds the line at the top of a history kept newest first, and at the end of one kept newest last", () => {
    expect(write("12/09/22 – reviewed at RMB\n01/08/22 – contractor notified")).toEqual({
      text: "10/10/22 – Signage installed\n12/09/22 – reviewed at RMB\n01/08/22 – contractor notified",
      note: null,
    });
    expect(write("01/08/22 – contractor notified\n12/09/22 – reviewed at RMB")?.text).toBe(
      "01/08/22 – contractor notified\n12/09/22 – reviewed at RMB\n10/10/22 – Signage installed",
    );
  });

  it("adds its line to a history whose dates have spaces around the slashes, in that form (fx-loose32)", () => {
    expect(write("12 / 09 / 2022 – reviewed at RMB\n01 / 08 / 2022 – contractor notified")?.text).toBe(
      "10 / 10 / 2022 – Signage installed\n12 / 09 / 2022 – reviewed at RMB\n01 / 08 / 2022 – contractor notified",
    );
  });

  it("goes by most of the steps between the dates, and puts a single dated line's successor on top", () => {
    // Newest last, with one line typed out of order.
    expect(write("01/07/22 - a\n15/08/22 - c\n01/08/22 - b\n12/09/22 - d")?.text.split("\n").pop()).toBe(
      "10/10/22 - Signage installed",
    );
    expect(write("15/09/22 – reviewed at RMB")?.text).toBe(
      "10/10/22 – Signage installed\n15/09/22 – reviewed at RMB",
    );
  });

  it("writes the separator, bullet and update word the newest line has, and not its weekday", () => {
    expect(write("12/09/2022: reviewed\n01/08/2022: notified")?.text.split("\n")[0]).toBe(
      "10/10/2022: Signage installed",
    );
    expect(write("• 12.09.22 - reviewed\n• 01.08.22 - notified")?.text.split("\n")[0]).toBe(
      "• 10.10.22 - Signage installed",
    );
    expect(write("Update 12/09/22: reviewed")?.text.split("\n")[0]).toBe(
      "Update 10/10/22: Signage installed",
    );
    expect(write("Mon 12/09/22 reviewed")?.text.split("\n")[0]).toBe("10/10/22 Signage installed");
    expect(write("[12/09/22] reviewed")?.text.split("\n")[0]).toBe("[10/10/22] Signage installed");
    // A bracket the date does not close is not copied.
    expect(write("[12/09/2022 09:14] J Smith: reviewed")?.text.split("\n")[0]).toBe(
      "10/10/2022 Signage installed",
    );
  });

  it("dates the line in brackets at its end where the register does", () => {
    expect(write("Reviewed at RMB (RC 12/09/22)\nContractor notified (RC 01/08/22)")?.text).toBe(
      "Signage installed (10/10/22)\nReviewed at RMB (RC 12/09/22)\nContractor notified (RC 01/08/22)",
    );
  });

  it("keeps undated lines of the history where they are, and drops blank lines at its ends", () => {
    expect(write("\n12/09/22 – reviewed at RMB\n  contractor to confirm\n\n")?.text).toBe(
      "10/10/22 – Signage installed\n12/09/22 – reviewed at RMB\n  contractor to confirm",
    );
  });

  it("is null for a cell with no dated line, or no text: the meeting's words replace it", () => {
    expect(write("Backlog reported")).toBeNull();
    expect(write("Review due Oct 2022")).toBeNull();
    expect(updateCellText(44805, "Signage installed", OCT_10, null)).toBeNull();
    expect(updateCellText(null, "Signage installed", OCT_10, null)).toBeNull();
  });

  it("is null for a programme of dates after the meeting under a heading: it is no history to add to", () => {
    // (judgement, heuristics review 30) A list of later dates under "…:" is what is planned, not entries of the history.
    expect(
      write("Contractor's programme received:\n14/11/22 – traffic management\n12/12/22 – works complete"),
    ).toBeNull();
  });

  it("replaces, not repeats, the meeting's own line of the day when the update is recorded again", () => {
    const once = write("12/09/22 – reviewed at RMB")!.text;
    expect(write(once, "Signage installed and tested", "Signage installed")?.text).toBe(
      "10/10/22 – Signage installed and tested\n12/09/22 – reviewed at RMB",
    );
    // An officer's own line of the day, with other words, stays.
    expect(write(once, "Signage installed and tested", "Something else")?.text.split("\n")).toHaveLength(3);
  });

  it("writes the line alone, with a note, when the history and the line would not fit in a cell", () => {
    const history = `12/09/22 – ${"x".repeat(MAX_CELL_CHARS - 20)}`;
    const r = write(history);
    expect(r?.text).toBe("10/10/22 – Signage installed");
    expect(r?.note).toMatch(/32,767 characters.*Update Log/);
  });
});

describe("heldInLog and carriedSaysNoChange", () => {
  const cell = "10/10/22 – Signage installed\n12/09/22 – No change";

  it("takes a history as logged when its newest line has the last logged words", () => {
    expect(heldInLog(cell, "folded", "Signage installed", OCT_10)).toBe(true);
    expect(heldInLog(cell, "folded", "No change", OCT_10)).toBe(false);
    expect(heldInLog(cell, "folded", null, OCT_10)).toBe(false);
    expect(heldInLog("Backlog", "Backlog", "Backlog", OCT_10)).toBe(true);
  });

  it("reads no change in the newest dated line, else in the words", () => {
    expect(carriedSaysNoChange(cell, "", OCT_10)).toBe(false);
    expect(carriedSaysNoChange("12/09/22 – No change\n10/08/22 – reviewed", "", OCT_10)).toBe(true);
    expect(carriedSaysNoChange(null, "No change this month", OCT_10)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("recording a meeting on a dated-lines register (no Last Updated column)", () => {
  const HEAD = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Strategy",
    "Mitigating Actions",
    "Commentary",
    "Status",
  ];
  const annex = (commentary: string): SheetSpec => ({
    name: "Highways Annex",
    rows: [HEAD, ["HW-4", "Bridge strike", "Ali Khan", "Treat", "Height signage", commentary, "Open"]],
  });
  const planFor = (report: Report, facts: RiskFacts, choice: RecordChoice, meetingDate: string): RecordPlan =>
    recordToEdits(facts, choice, {
      meetingDate,
      asAt: report.asAt,
      by: "Cllr Chair",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: lastLoggedTexts(report)(facts),
    });

  it("writes the dated line in the cell, carries the history as written, and next month carries nothing again", () => {
    const history = "12/09/22 – No change\n10/08/22 – No change";
    const { grids, report } = reportOfSheets([annex(history)]);
    const p = planFor(report, report.risks[0], { text: "", noChange: true }, "2022-10-10");
    const cell = p.cells.find((c) => c.field === "update");
    expect(cell?.value).toBe(`10/10/22 – No change this month\n${history}`);
    expect(p.text).toBe("No change this month");
    // The carried row: the cell's text with its line breaks, dated by its newest line, which said no change.
    expect(p.log.rows[0].slice(0, 5)).toEqual([
      serialFromDay(day("2022-09-12")),
      "HW-4",
      REGISTER_AUTHOR,
      history,
      "Yes",
    ]);

    const after = check(applyPlan(grids, p), "2022-11-10");
    expect(after.risks[0].latestUpdate).toBe("2022-10-10");
    const next = planFor(after, after.risks[0], { text: "Signage installed", noChange: false }, "2022-11-10");
    // The log holds the history and October's line already: only November's row is added.
    expect(next.log.rows.map((r) => r[2])).toEqual(["Cllr Chair"]);
    expect(next.cells.find((c) => c.field === "update")?.value).toBe(
      `10/11/22 – Signage installed\n10/10/22 – No change this month\n${history}`,
    );
  });

  it("a third no change, its action overdue, still counts the history's two as no change (risk/no-change-while-slipping)", () => {
    const actions: SheetSpec = {
      name: "Actions",
      rows: [
        [
          "Risk Reference",
          "Action Ref",
          "Action Description",
          "Action Owner",
          "Target Date",
          "Action Status",
        ],
        ["HW-4", "A-1", "Replace signs", "Ali Khan", serialFromDay(day("2022-09-30")), "Open"],
      ],
      formats: { "1,4": "dd/mm/yyyy" },
    };
    const slipping = (r: Report) =>
      r.findings.filter((f) => f.ruleId === "risk/no-change-while-slipping").map((f) => f.recordId);
    const { grids, report } = reportOfSheets([annex("12/09/22 – No change\n10/08/22 – No change"), actions]);
    expect(slipping(report)).toEqual(["HW-4"]);
    const p = planFor(report, report.risks[0], { text: "", noChange: true }, "2022-10-10");
    const after = check(applyPlan(grids, p));
    expect(slipping(after)).toEqual(["HW-4"]);
    expect(after.findings.find((f) => f.ruleId === "risk/no-change-while-slipping")?.message).toMatch(
      /no change 3 times since 10\/08\/2022/,
    );
  });
});
