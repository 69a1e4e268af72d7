// Review 2 of "The register remembers" (monthly points, direction of travel, appetite, the three history
// rules and the escalate / de-escalate proposals) on registers and Update Logs built the way councils keep
// them. Each test asserts what SPEC.md ("History, appetite and proposals", "Rules", "Values") says; where
// SPEC is silent the expectation is a council officer's judgement, and the test says so.
// As-at date 10/10/2022 unless a test says otherwise.

import type { CellValue } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { settingsFromRows, settingsToRows } from "../../../src/core/model/settings-sheet";
import { ACTION_HEADERS, reportOf, type SheetSpec } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, IMPORT_LOG_HEADER, hlog, hregister, hrisk } from "./helpers";

/** Findings of one rule, as record ids. */
const fired = (report: Report, ruleId: string) =>
  report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.recordId);

const risk1 = (report: Report, id = "HRC-001") => report.risks.find((r) => r.id === id)!;

/** Settings with the given appetite per category (default levels and maxima otherwise). */
const withCategories = (categories: Settings["appetite"]["categories"]): Partial<Settings> => ({
  appetite: { ...defaultSettings().appetite, categories },
});

/** A hand-kept Update Log row for HRC-001, dated as the officer typed it. */
const handRow = (
  date: CellValue,
  score: CellValue,
  id = "HRC-001",
  noChange: CellValue = "No",
  text = "Reviewed",
) => [date, "IRIS Risks", id, "J Smith", text, noChange, score, "Treat", null];

const importLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [IMPORT_LOG_HEADER, ...rows],
});
const scoreChange = (when: CellValue, old: CellValue, now: CellValue, id = "HRC-001") => [
  when,
  "iris-export.xlsx",
  "IRIS Risks",
  id,
  null,
  "Current Risk Score",
  old,
  now,
];

/** An open action on HRC-001 due 30/09/2022: passed as at 10/10/2022. */
const overdueAction: SheetSpec = {
  name: "IRIS Actions",
  rows: [
    ACTION_HEADERS.slice(0, 6),
    ["HRC-001", "A-1", "Install river gauges", "Bob Jones", "30/09/2022", "In progress"],
  ],
};

// ---------------------------------------------------------------------------------------------------
describe("monthly points from an Update Log kept by hand, dates typed as officers type them", () => {
  // SPEC Values/Dates: dd/mm/yy (never month-first), `12.09.22`, `12th Sept 2022`, `Sept 2022`, `10-Oct-22`,
  // serials, `w/c 12/09/22`, a date with a note after it. SPEC Monthly points: "within a month the last entry
  // counts"; "the current score stands for the as-at month".
  // August logged 6, September logged 16 (date typed as below), register now 16: points Aug 6, Sep 16, Oct 16.
  it.each<[string, CellValue]>([
    ["d/m/yy without leading zeros", "3/9/22"],
    ["dd.mm.yyyy", "12.09.2022"],
    ["dd.mm.yy", "12.09.22"],
    ["ordinal day and month name", "3rd September 2022"],
    ["ordinal day, Sept", "12th Sept 2022"],
    ["month only", "Sept 2022"],
    ["dd-Mon-yy", "12-Sep-22"],
    ["ISO", "2022-09-12"],
    ["an Excel serial (a real date)", 44816],
    ["week commencing", "w/c 12/09/22"],
    ["a date with a note after it", "12/09/2022 (RMB)"],
  ])("September's entry dated %s (%p) is September's point", (_label, date) => {
    const report = reportOf([hregister(hrisk({ score: 16 })), hlog(handRow("3/8/22", 6), handRow(date, 16))]);
    expect(risk1(report).months.slice(-3)).toEqual([6, 16, 16]);
    expect(risk1(report).trend).toBe("same");
  });

  it("a log sorted newest-first with two entries in September takes the later-dated one (28/09), not the lower row", () => {
    // SPEC: "within a month the last entry counts". 28/09 (score 6) is later than 05/09 (score 16).
    const report = reportOf([
      hregister(hrisk({ score: 6 })),
      hlog(
        handRow("03/10/2022", 6),
        handRow("28/09/2022", 6),
        handRow("05/09/2022", 16),
        handRow("15/08/2022", 16),
      ),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([16, 6, 6]);
    expect(risk1(report).trend).toBe("same");
  });

  it("blank rows and a totals line in the log change nothing", () => {
    // SPEC Real registers: blank rows are skipped; a row whose first filled cell is Total … is not a record.
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      hlog(
        handRow("15/08/2022", 6),
        [],
        [null, null, null, null, null, null, null, null, null],
        handRow("15/09/2022", 16),
        ["Total", null, null, null, null, null, 22, null, null],
      ),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([6, 16, 16]);
    expect(risk1(report).trend).toBe("same");
  });

  it("a log naming the risk 'hrc-001 ' (lower case, trailing space) is the register's HRC-001", () => {
    // SPEC Reading sheets: "Record ids are compared trimmed, case-insensitively and with runs of spaces folded".
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      hlog(handRow("15/08/2022", 6, "hrc-001 "), handRow("15/09/2022", 9, " HRC-001")),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([6, 9, 16]);
    expect(risk1(report).trend).toBe("up");
  });

  it("a log score written '12 (High)' or '4 x 4 = 16' is read by its number", () => {
    // SPEC Values/Scores: text such as `High (4)` is read by its number, `4 x 4 = 16` by its result.
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      hlog(handRow("15/08/2022", "12 (High)"), handRow("15/09/2022", "4 x 4 = 16")),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([12, 16, 16]);
  });

  it("a log score written as a bare rating word ('High') is no score: the month carries the one before", () => {
    // SPEC Values/Scores: a bare word is read on the likelihood and impact scales; a score is not a
    // likelihood, so "High" in the Score column gives no score (it must not become 4).
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      hlog(handRow("15/08/2022", 16), handRow("15/09/2022", "High")),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([16, 16, 16]);
    expect(risk1(report).trend).toBe("same");
  });

  it("the register's current score written '16 (High)' stands for the as-at month", () => {
    // SPEC Values/Scores: read by its number; Monthly points: the current score stands for the as-at month.
    const report = reportOf([hregister(hrisk({ score: "16 (High)" })), hlog(handRow("15/09/2022", 12))]);
    expect(risk1(report).score).toBe(16);
    expect(risk1(report).months.slice(-2)).toEqual([12, 16]);
    expect(risk1(report).trend).toBe("up");
  });

  it("an entry dated after a mid-month as-at date does not make the risk 'new' or change its points", () => {
    // SPEC Direction of travel: new "when it has no monthly point before the as-at month". The risk has no
    // Date Raised but the log named it in August; a row dated 20/10 (after the as-at date 15/10) is ignored.
    const report = reportOf(
      [
        hregister(hrisk({ score: 16, raised: null })),
        hlog(handRow("15/08/2022", 6), handRow("15/09/2022", 16), handRow("20/10/2022", 25)),
      ],
      { asAt: "2022-10-15" },
    );
    expect(risk1(report).months.slice(-3)).toEqual([6, 16, 16]);
    expect(risk1(report).trend).toBe("same");
  });
});

// ---------------------------------------------------------------------------------------------------
describe("Import Log and Update Log together", () => {
  // SPEC Monthly points: "within a month the last entry counts, and on the same day Update Log entries count
  // after Import Log ones. An Import Log change's Old value is the score the month before that change."
  it.each<[string, CellValue[][], CellValue[][], (number | null)[]]>([
    [
      "an import on 20/09 after an update on 05/09: the import is September's last entry",
      [handRow("05/09/2022", 16)],
      [scoreChange("2022-09-20 10:00", 16, 9)],
      [9, 9],
    ],
    [
      "an import at 16:00 and an update on the same day 15/09: the update counts after",
      [handRow("15/09/2022", 12)],
      [scoreChange("2022-09-15 16:00", 16, 9)],
      [12, 12],
    ],
    [
      "two imports in October: September is the first one's Old value",
      [handRow("15/08/2022", 6)],
      [scoreChange("2022-10-03 10:00", 9, 12), scoreChange("2022-10-05 10:00", 12, 16)],
      [9, 9],
    ],
    [
      "an import whose When is an Excel serial date-time (03/10/2022 10:00)",
      [handRow("15/08/2022", 6)],
      [scoreChange(44837.4166667, 9, 16)],
      [9, 16],
    ],
    [
      "an import whose When is typed UK-style '03/10/2022 10:00'",
      [handRow("15/08/2022", 6)],
      [scoreChange("03/10/2022 10:00", 9, 16)],
      [9, 16],
    ],
  ])("%s", (_label, updates, imports, expected) => {
    const current = expected[1];
    const report = reportOf([hregister(hrisk({ score: current })), hlog(...updates), importLog(...imports)]);
    expect(risk1(report).months.slice(-2)).toEqual(expected);
  });
});

describe("entries on one day: the time of day written in the log", () => {
  it("an Import Log re-sorted newest-first: of two imports on 20/09, the 16:00 one is September's last entry", () => {
    // SPEC Monthly points: "within a month the last entry counts". The When cells say 10:00 (16 → 12) and
    // 16:00 (12 → 9); the officer sorted the Import Log newest-first. September ended at 9, the score the
    // register still shows, so the trend is → same. The engine drops the time, takes the lower row as the
    // later one and gives September 12 and a trend ↓ down.
    const report = reportOf([
      hregister(hrisk({ score: 9 })),
      importLog(
        scoreChange("2022-09-20 16:00", 12, 9),
        scoreChange("2022-09-20 10:00", 16, 12),
        scoreChange("2022-08-20 10:00", 6, 16),
      ),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([16, 9, 9]);
    expect(risk1(report).trend).toBe("same");
  });

  it("an Import Log re-sorted newest-first: September is the Old value of October's FIRST import (10:00), so a rise of 10 is proposed", () => {
    // SPEC: "An Import Log change's Old value is the score the month before that change"; escalate a risk that
    // "rose by 6 or more from the previous monthly point". On 03/10 the 10:00 import moved 6 → 12 and the 16:00
    // one 12 → 16: September ended at 6. The engine takes the 16:00 row's Old value (12) for September and
    // proposes "above appetite for 2 months" instead of the rise 6 → 16 (the same log dated on two days
    // gives the rise).
    const report = reportOf([
      hregister(hrisk({ score: 16 })),
      importLog(
        scoreChange("2022-10-03 16:00", 12, 16),
        scoreChange("2022-10-03 10:00", 6, 12),
        scoreChange("2022-08-20 10:00", 9, 6),
      ),
    ]);
    expect(risk1(report).months.slice(-3)).toEqual([6, 6, 16]);
    expect(report.proposals.map((p) => p.reason)).toEqual(["score rose by 10 in a month (6 → 16)"]);
  });

  it("a hand-kept log with times: the 16:30 entry of 15/09 is later than the 09:00 one written below it", () => {
    // SPEC Monthly points: "within a month the last entry counts". The officer typed the times; the later
    // entry (16:30, score 6) was squeezed in above the 09:00 one (16). September ended at 6 (→ same); the
    // engine ignores the time and reads September as 16 (↓ down).
    const report = reportOf([
      hregister(hrisk({ score: 6 })),
      hlog(handRow("15/08/2022", 16), handRow("15/09/2022 16:30", 6), handRow("15/09/2022 09:00", 16)),
    ]);
    expect(risk1(report).months.slice(-2)).toEqual([6, 6]);
    expect(risk1(report).trend).toBe("same");
  });
});

// ---------------------------------------------------------------------------------------------------
describe("direction of travel: new and null", () => {
  it.each<[string, CellValue, "new" | null | "same"]>([
    ["raised in the as-at month (03/10/2022)", "03/10/2022", "new"],
    ["raised 'Oct 2022' (month only)", "Oct 2022", "new"],
    ["Date Raised 'TBC' and no log: nothing dates it", "TBC", null],
  ])("a risk %s is %p", (_label, raised, trend) => {
    const report = reportOf([hregister(hrisk({ score: 12, raised }))]);
    expect(risk1(report).trend).toBe(trend);
  });

  it("a risk with Date Raised a real Excel date (dd/mm/yyyy format) in September is → same", () => {
    // SPEC Values/Dates: Excel serials with a date number format.
    const report = reportOf([
      {
        name: "IRIS Risks",
        rows: [HISTORY_REGISTER_HEADERS, hrisk({ score: 12, raised: 44816 })],
        formats: { "1,9": "dd/mm/yyyy" },
      },
    ]);
    expect(risk1(report).trend).toBe("same");
  });

  it("a risk with no Date Raised whose score an October import changed 9 → 16 is ↑ up (not new), and a rise of 7 is proposed", () => {
    // SPEC Monthly points: "An Import Log change's Old value is the score the month before that change." So the
    // risk has a September point (9): it existed before the as-at month. SPEC Direction of travel: "new when it
    // has no monthly point before the as-at month"; Proposals: escalate a risk whose score "rose by 6 or more
    // from the previous monthly point". The engine dates the risk by the import row alone (3/10) and shows it
    // as "new", with no September point and no proposal: a board sees a 9 → 16 jump as a brand-new risk.
    const report = reportOf([
      hregister(hrisk({ score: 16, raised: null })),
      importLog(scoreChange("2022-10-03 10:00", 9, 16)),
    ]);
    expect(risk1(report).months.slice(-2)).toEqual([9, 16]);
    expect(risk1(report).trend).toBe("up");
    expect(report.proposals.map((p) => p.reason)).toEqual(["score rose by 7 in a month (9 → 16)"]);
  });

  it("a risk with no Date Raised first named by the log in August, now 16 after 9 in September, is ↑", () => {
    // SPEC: "(Date Raised, else the first backup or log row that names it)".
    const report = reportOf([
      hregister(hrisk({ score: 16, raised: null })),
      hlog(handRow("15/08/2022", 9), handRow("15/09/2022", 9)),
    ]);
    expect(risk1(report).trend).toBe("up");
  });

  it("a risk closed and re-raised this month (Date Raised 03/10/2022) whose id the log named in the summer is not 'new'", () => {
    // SPEC: new only when it has no monthly point before the as-at month ("raised, or first named by a log row
    // … within the as-at month"); the Update Log named HRC-001 in July and August.
    const report = reportOf([
      hregister(hrisk({ score: 16, raised: "03/10/2022", status: "Open" })),
      hlog(handRow("15/07/2022", 16), handRow("15/08/2022", 9)),
    ]);
    expect(risk1(report).trend).toBe("up");
  });

  it("a renumbered risk (confirmed HRC-014 → HRC-114, no Date Raised) keeps its history and is not 'new'", () => {
    // SPEC "The same risk under a new id": a confirmed pair is kept in the import profile (one risk).
    const report = reportOf(
      [
        hregister(hrisk({ id: "HRC-114", score: 12, raised: null })),
        hlog(handRow("15/08/2022", 6, "HRC-014"), handRow("15/09/2022", 6, "HRC-014")),
      ],
      {
        settings: {
          importProfile: {
            columns: {},
            targetRegister: "IRIS Risks",
            renumbered: [{ oldId: "HRC-014", newId: "HRC-114" }],
          },
        } as Partial<Settings>,
      },
    );
    const r = risk1(report, "HRC-114");
    expect(r.months.slice(-3)).toEqual([6, 6, 12]);
    expect(r.trend).toBe("up");
  });
});

// ---------------------------------------------------------------------------------------------------
describe("appetite per category and risk/above-appetite", () => {
  it.each<[string, CellValue, Settings["appetite"]["categories"], CellValue, boolean]>([
    ["exactly at appetite (Cautious, 9) is not above it", "Operational", {}, 9, false],
    ["one above the default appetite", "Operational", {}, 10, true],
    ["exactly at Eager (16)", "Growth", { Growth: "eager" }, 16, false],
    ["above Averse (4), category in capitals", "FINANCIAL", { Financial: "averse" }, 5, true],
    ["above Averse (4), category with a trailing space", "Financial ", { Financial: "averse" }, 5, true],
    ["'&' for 'and'", "Financial & Commercial", { "Financial and Commercial": "averse" }, 6, true],
  ])("%s", (_label, category, categories, score, above) => {
    const report = reportOf([hregister(hrisk({ category, score }))], {
      settings: withCategories(categories),
    });
    expect(fired(report, "risk/above-appetite")).toEqual(above ? ["HRC-001"] : []);
  });

  it("(judgement) a register's 'Financial' is the category Settings name 'Finance'", () => {
    // SPEC is silent on near-names. A council's Settings say "Finance: Averse" and its register's Category
    // column says "Financial"; an officer expects the Averse appetite (4) to apply to a risk scoring 8.
    const report = reportOf([hregister(hrisk({ category: "Financial", score: 8 }))], {
      settings: withCategories({ Finance: "averse" }),
    });
    expect(risk1(report).appetite.level).toBe("averse");
    expect(fired(report, "risk/above-appetite")).toEqual(["HRC-001"]);
  });

  it("(judgement) a section heading 'Financial and commercial risks' is the Settings category 'Financial and commercial'", () => {
    // SPEC Real registers: a section row "such as 'Financial and commercial risks'" gives the rows below their
    // section; Appetite: per category (Category, else its section). SPEC does not say whether the heading's
    // trailing "risks" is part of the category; an officer who set "Financial and commercial: Averse" expects
    // the risks under that heading to be held to Averse (4).
    const headers = HISTORY_REGISTER_HEADERS.filter((h) => h !== "Category");
    const noCategory = (row: CellValue[]) => row.filter((_, i) => i !== 3);
    const report = reportOf(
      [
        {
          name: "IRIS Risks",
          rows: [headers, ["Financial and commercial risks"], noCategory(hrisk({ score: 6 }))],
        },
      ],
      { settings: withCategories({ "Financial and commercial": "averse" }) },
    );
    expect(risk1(report).appetite.level).toBe("averse");
    expect(fired(report, "risk/above-appetite")).toEqual(["HRC-001"]);
  });

  it("appetite levels typed in lower case on the Settings sheet are read", () => {
    // SPEC Settings: appetite levels per category; Appetite: the Orange Book levels. Officers type "averse".
    const rows = settingsToRows(defaultSettings()).filter(
      (r) => !(typeof r[0] === "string" && r[0].startsWith("appetite.")),
    );
    rows.push(["appetite.defaultLevel", "open", null]);
    rows.push(["appetite.category", "Financial: averse", null]);
    rows.push(["appetite.category", "Reputation = minimal ", null]);
    const { settings, issues } = settingsFromRows(rows);
    expect(issues).toEqual([]);
    expect(settings.appetite.defaultLevel).toBe("open");
    expect(settings.appetite.categories).toEqual({ Financial: "averse", Reputation: "minimal" });
  });

  it("(judgement) a re-opened risk is open: above appetite is reported", () => {
    // SPEC Risk status lists open and closed words; "Re-opened" is neither. It is plainly not closed, so an
    // officer expects the open-risk rules to apply to it.
    const report = reportOf([hregister(hrisk({ status: "Re-opened", score: 16 }))]);
    expect(fired(report, "risk/above-appetite")).toEqual(["HRC-001"]);
  });

  it.each(["Closed", "Closed (30/09/2022)", "Archived", "Merged into HRC-002", "Transferred"])(
    "a closed risk (%s) above appetite, past its target date: no above-appetite, no target-passed, no proposal",
    (status) => {
      // SPEC rules: "an open risk's …" for both; Proposals: "for open risks only".
      const report = reportOf([
        hregister(hrisk({ status, score: 16, targetScore: 6, targetDate: "30/06/2022" })),
        hlog(handRow("15/08/2022", 16), handRow("15/09/2022", 16)),
      ]);
      expect(fired(report, "risk/above-appetite")).toEqual([]);
      expect(fired(report, "risk/target-passed")).toEqual([]);
      expect(report.proposals).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------------
describe("risk/target-passed", () => {
  // SPEC: "an open risk's target date (a deadline: a month or quarter means its last day) is before the as-at
  // date and its current score is above its target score". As at 10/10/2022.
  it.each<[string, CellValue, CellValue, CellValue, boolean]>([
    ["UK financial-year quarter Q2 2022/23 (ends 30/09/2022)", "Q2 2022/23", 6, 12, true],
    ["'Oct 2022' (ends 31/10/2022): not yet passed", "Oct 2022", 6, 12, false],
    [
      "'Sept 2022 (revised from June 2022)': the leading date",
      "Sept 2022 (revised from June 2022)",
      6,
      12,
      true,
    ],
    ["'w/c 03/10/22' as a deadline is Sunday 09/10/2022", "w/c 03/10/22", 6, 12, true],
    ["calendar quarter Q3 2022 (ends 30/09/2022)", "Q3 2022", 6, 12, true],
    ["target score '6 (Medium)' read by its number", "30/09/2022", "6 (Medium)", 12, true],
    ["score exactly at target", "30/09/2022", 12, 12, false],
    ["target date 'TBC'", "TBC", 6, 12, false],
    ["target date on the as-at date", "10/10/2022", 6, 12, false],
  ])("%s", (_label, targetDate, targetScore, score, passes) => {
    const report = reportOf([hregister(hrisk({ targetDate, targetScore, score }))]);
    expect(fired(report, "risk/target-passed")).toEqual(passes ? ["HRC-001"] : []);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("proposals", () => {
  const reasons = (report: Report) => report.proposals.map((p) => [p.action, p.destination, p.reason]);

  it("a rise of 5 in one month (6 → 11), within Open appetite: no proposal", () => {
    const report = reportOf(
      [hregister(hrisk({ category: "Growth", score: 11 })), hlog(handRow("15/09/2022", 6))],
      {
        settings: withCategories({ Growth: "open" }),
      },
    );
    expect(report.proposals).toEqual([]);
  });

  it("a rise of 6 in one month (6 → 12), within Open appetite: escalate to the directorate register", () => {
    // SPEC: escalate a risk "whose score … rose by 6 or more from the previous monthly point"; destination the
    // highest its routing gives (score 12: directorate-register 9–15).
    const report = reportOf(
      [hregister(hrisk({ category: "Growth", score: 12 })), hlog(handRow("15/09/2022", 6))],
      {
        settings: withCategories({ Growth: "open" }),
      },
    );
    expect(reasons(report)).toEqual([
      ["escalate", "directorate-register", "score rose by 6 in a month (6 → 12)"],
    ]);
  });

  it("score exactly at appetite (9, Cautious) for months: no escalate proposal", () => {
    const report = reportOf([
      hregister(hrisk({ score: 9 })),
      hlog(handRow("15/08/2022", 9), handRow("15/09/2022", 9)),
    ]);
    expect(report.proposals).toEqual([]);
  });

  it("score 25 above appetite for two monthly points: escalate to the strategic board", () => {
    // SPEC: destination is the highest its routing gives (strategic-board: score 25).
    const report = reportOf([
      hregister(hrisk({ score: 25 })),
      hlog(handRow("15/08/2022", 6), handRow("15/09/2022", 25)),
    ]);
    expect(reasons(report)).toEqual([
      ["escalate", "strategic-board", "score 25 above appetite (Cautious, 9) for 2 months"],
    ]);
  });

  it("a risk with status Escalated is already escalated: no escalate proposal", () => {
    const report = reportOf([
      hregister(hrisk({ score: 16, status: "Escalated" })),
      hlog(handRow("15/08/2022", 16), handRow("15/09/2022", 16)),
    ]);
    expect(report.proposals.filter((p) => p.action === "escalate")).toEqual([]);
  });

  it("'Yes – to Ops Board' at appetite for three months: de-escalate from the operations board", () => {
    const report = reportOf([
      hregister(hrisk({ score: 9, escalate: "Yes – to Ops Board" })),
      hlog(handRow("15/08/2022", 9), handRow("15/09/2022", 9)),
    ]);
    expect(reasons(report)).toEqual([
      ["de-escalate", "operations-board", "score 9 at or below appetite (Cautious, 9) for 3 months"],
    ]);
  });

  it("a ticked Escalate? box (TRUE) and score at target for three months: de-escalate from the operations board", () => {
    // SPEC: "else operations-board for a bare Escalate? = Yes"; Values/Yes: a ticked check box is Yes.
    const report = reportOf(
      [
        hregister(hrisk({ category: "Financial", score: 6, targetScore: 6, escalate: true })),
        hlog(handRow("15/08/2022", 6), handRow("15/09/2022", 6)),
      ],
      { settings: withCategories({ Financial: "averse" }) },
    );
    expect(reasons(report)).toEqual([
      ["de-escalate", "operations-board", "score 6 at or below its target score 6 for 3 months"],
    ]);
  });

  it("an escalated risk raised in September has only two monthly points: no de-escalate proposal", () => {
    // SPEC: "only where the history has the monthly points the trigger needs" (three for de-escalate).
    const report = reportOf([
      hregister(hrisk({ score: 4, raised: "05/09/2022", escalatedTo: "Corporate Risk Register" })),
      hlog(handRow("15/09/2022", 4)),
    ]);
    expect(report.proposals).toEqual([]);
  });

  it.each<[string, CellValue, CellValue, string]>([
    ["escalate: 16 since it was raised in January", 16, null, "escalate"],
    ["de-escalate: 6 since it was raised in January", 6, "Corporate Risk Register", "de-escalate"],
  ])(
    "a risk with no log entries (%s): the reason says its score stands since it was raised",
    (_label, score, escalatedTo, action) => {
      // SPEC Monthly points: "A risk with no entry in either log has its current score at every month since it
      // was raised". Raised 10/01/2022 and never changed, the risk's monthly points (report.risks[].months) are
      // its score from January to October: 10 months. The reason said "for 3 months" (the length of the window
      // the engine looks at), which told the board the risk had only just gone above (or come within) appetite.
      // It then said "for 10 months"; README review 28 found that a count no log recorded, so the reason now
      // says what the months rest on: no score logged since the day it was raised (README "Summaries").
      const report = reportOf([hregister(hrisk({ score, escalatedTo }))]);
      expect(risk1(report).months.filter((m) => m === score)).toHaveLength(10);
      expect(report.proposals.map((p) => p.action)).toEqual([action]);
      expect(report.proposals[0].reason).toMatch(/; no score logged since raised on 10\/01\/2022$/);
    },
  );

  it.each(["Yes (12/09/2022)", "Yes – since Sept 2022"])(
    "(judgement) Escalate? '%s' is a bare Yes with a note: de-escalate from the operations board",
    (escalate) => {
      // SPEC Proposals: de-escalate destination is "Escalated To's register or board, else the words after Yes
      // (`Yes – to Ops Board`), else operations-board for a bare Escalate? = Yes (as the routing reads it)".
      // The words after Yes here are a date, not a register or board (the routing reads the same cell as the
      // operations board); the engine makes the destination "12/09/2022" / "since Sept 2022".
      const report = reportOf([
        hregister(hrisk({ score: 6, escalate })),
        hlog(handRow("15/08/2022", 6), handRow("15/09/2022", 6)),
      ]);
      expect(reasons(report)).toEqual([
        ["de-escalate", "operations-board", "score 6 at or below appetite (Cautious, 9) for 3 months"],
      ]);
    },
  );

  it("the log names the risk 'hrc-001 ': the proposal counts those months", () => {
    // SPEC Record ids compared trimmed and case-insensitively. Above appetite in Aug, Sep (log) and Oct.
    const report = reportOf([
      hregister(hrisk({ score: 16, raised: null })),
      hlog(handRow("15/08/2022", 6, "hrc-001 "), handRow("15/09/2022", 16, "hrc-001 ")),
    ]);
    expect(reasons(report)).toEqual([
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 2 months"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("risk/no-change-while-slipping on a hand-kept log", () => {
  it.each<[string, CellValue[][], string[]]>([
    [
      "two no-change updates flagged 'Y' and '✓' while A-1 went overdue",
      [handRow("15/08/2022", 12, "HRC-001", "Y"), handRow("15/09/2022", 12, "HRC-001", "✓")],
      ["HRC-001"],
    ],
    [
      "a log kept newest-first, ids typed 'hrc-001 '",
      [
        handRow("15/09/2022", 12, "hrc-001 ", "Yes"),
        handRow("15/08/2022", 12, "hrc-001 ", "Yes"),
        handRow("15/07/2022", 12, "hrc-001 ", "No"),
      ],
      ["HRC-001"],
    ],
    [
      "two no-change updates followed by a real update on 05/10: the run is broken",
      [
        handRow("15/08/2022", 12, "HRC-001", "Yes"),
        handRow("15/09/2022", 12, "HRC-001", "Yes"),
        handRow("05/10/2022", 12, "HRC-001", "No", "Gauges ordered; contractor on site"),
      ],
      [],
    ],
    [
      "only one no-change update: not 'two or more'",
      [handRow("15/08/2022", 12, "HRC-001", "No"), handRow("15/09/2022", 12, "HRC-001", "Yes")],
      [],
    ],
  ])("%s", (_label, rows, expected) => {
    const report = reportOf([hregister(hrisk({})), overdueAction, hlog(...rows)]);
    expect(fired(report, "risk/no-change-while-slipping")).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ["as the add-in writes it", "A-1 due 30/09/2022 → 31/10/2022", true],
    ["typed with short years and '->'", "A-1 due 30/09/22 -> 31/10/22", true],
    ["(judgement) typed 'due date … →'", "A-1 due date 30/09/2022 → 31/10/2022", true],
  ])(
    "a due date moved later in the Changes column, %s, while no change was said twice",
    (_label, changes, fires) => {
      // SPEC rule: "since the first of them one of its actions' due dates moved later (… the Update Log's
      // changes)"; Update Log changes are written `ACT-0003 due 30/09/2022 → 31/10/2022`. An officer keeping the
      // log by hand writes "due date"; SPEC is silent on that wording (judgement). A-1 is now due 31/10/2022.
      const actions: SheetSpec = {
        name: "IRIS Actions",
        rows: [
          ACTION_HEADERS.slice(0, 6),
          ["HRC-001", "A-1", "Install river gauges", "Bob Jones", "31/10/2022", "In progress"],
        ],
      };
      const row2 = handRow("15/09/2022", 12, "HRC-001", "Yes", "No change");
      row2[8] = changes;
      const report = reportOf([
        hregister(hrisk({})),
        actions,
        hlog(handRow("15/08/2022", 12, "HRC-001", "Yes", "No change"), row2),
      ]);
      expect(fired(report, "risk/no-change-while-slipping")).toEqual(fires ? ["HRC-001"] : []);
    },
  );

  it("a closed risk saying no change while its action slips is exempt", () => {
    // SPEC: "Closed risks are exempt from the update and action rules"; the rule is about open risks.
    const report = reportOf([
      hregister(hrisk({ status: "Closed" })),
      overdueAction,
      hlog(handRow("15/08/2022", 12, "HRC-001", "Yes"), handRow("15/09/2022", 12, "HRC-001", "Yes")),
    ]);
    expect(fired(report, "risk/no-change-while-slipping")).toEqual([]);
  });
});
