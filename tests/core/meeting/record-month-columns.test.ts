// The meeting's update on a register that keeps its updates month by month ("Update Jul-22 | Update Aug-22 |
// Update Sep-22", README "Registers as they are really written"): written in the as-at month's column, an
// earlier month's words left where they are and not carried into the log as words the write replaces.

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
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso, serialFromDay } from "../../../src/core/parse";
import type { CellValue, Grid } from "../../../src/core/model/grid";
import { grid, type SheetSpec } from "../rules/harness";
import { applyPlan, check, reportOfSheets } from "./helpers";

const AS_AT = "2022-09-30";
const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Strategy",
  "Actions",
  "Update Jul-22",
  "Update Aug-22",
  "Update Sep-22",
];
const register: SheetSpec = {
  name: "Risk Register",
  rows: [
    HEAD,
    ["MR-01", "Claims", "Ann Lee", "Treat", "Inspect", "July words", "August words", null],
    ["MR-02", "Joints", "Bob Roe", "Treat", "Survey", "July words", "August words", "September so far"],
  ],
};

function noChange(report: Report, facts: RiskFacts): RecordPlan {
  return recordToEdits(
    facts,
    { text: "", noChange: true },
    {
      meetingDate: AS_AT,
      asAt: report.asAt,
      by: "Cllr Chair",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: lastLoggedTexts(report)(facts),
    },
  );
}

it("writes the as-at month's column and carries nothing when that month was blank; the risk is then updated", () => {
  const { grids, report } = reportOfSheets([register], AS_AT);
  const facts = report.risks.find((r) => r.id === "MR-01")!;
  expect(facts.stale).toBe(true);
  const p = noChange(report, facts);
  expect(p.cells.filter((c) => c.field === "update").map((c) => [c.row, c.col, c.value])).toEqual([
    [1, 7, "No change this month"],
  ]);
  expect(p.log.rows.map((r) => r[2])).toEqual(["Cllr Chair"]);
  const after = check(applyPlan(grids, p), AS_AT);
  expect(after.risks.find((r) => r.id === "MR-01")?.stale).toBe(false);
  expect(after.findings.filter((f) => f.ruleId === "risk/stale-update" && f.recordId === "MR-01")).toEqual(
    [],
  );
});

it("carries the as-at month's words it writes over into the log, dated by their month", () => {
  const { report } = reportOfSheets([register], AS_AT);
  const p = noChange(
    report,
    report.risks.find((r) => r.id === "MR-02")!,
  );
  expect(p.cells.find((c) => c.field === "update")?.col).toBe(7);
  expect(p.log.rows[0].slice(0, 4)).toEqual([
    serialFromDay(dayFromIso("2022-09-01")!),
    "MR-02",
    REGISTER_AUTHOR,
    "September so far",
  ]);
});

describe("the record's notes on a register whose month columns date its updates (no Last Updated column)", () => {
  // README: a register keeping its updates month by month "lacks no last-updated column": the month dates the
  // update. The record says nothing of a Last Updated column it does not need (fx-a11y30).
  const notesOf = (asAt: string) => {
    const { report } = reportOfSheets([register], asAt);
    return recordToEdits(
      report.risks.find((r) => r.id === "MR-02")!,
      { text: "Words", noChange: false },
      {
        meetingDate: asAt,
        asAt: report.asAt,
        by: "Cllr Chair",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: lastLoggedTexts(report)(report.risks.find((r) => r.id === "MR-02")!),
      },
    ).notes;
  };

  it("says nothing when the as-at month's column holds the update (its month dates it)", () => {
    expect(notesOf(AS_AT)).toEqual([]);
  });

  it("says only that the month has no column when it has none (the update, and so its date, in the log)", () => {
    expect(notesOf("2022-10-10")).toEqual([
      expect.stringMatching(/^Risk Register has no Oct-22 column to hold the update/),
    ]);
  });

  it("still says so on a register keeping its update in one column with no Last Updated column", () => {
    const oneColumn: SheetSpec = {
      name: "Risk Register",
      rows: [
        ["Risk ID", "Risk Title", "Risk Owner", "Strategy", "Actions", "Latest Update"],
        ["MR-01", "Claims", "Ann Lee", "Treat", "Inspect", "Old words"],
      ],
    };
    const { report } = reportOfSheets([oneColumn], AS_AT);
    const facts = report.risks[0];
    const plan = recordToEdits(
      facts,
      { text: "Words", noChange: false },
      {
        meetingDate: AS_AT,
        asAt: report.asAt,
        by: "Cllr Chair",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: lastLoggedTexts(report)(facts),
      },
    );
    expect(plan.notes).toEqual([
      "Risk Register has no Last Updated column, so the date is kept in the Update Log only.",
    ]);
  });
});

describe("a meeting as at a month the register has no column for", () => {
  const OCT = "2022-10-10";

  function recordAt(asAt: string, id: string, choice: RecordChoice, sheets: SheetSpec[] = [register]) {
    const { grids, report } = reportOfSheets(sheets, asAt);
    const facts = report.risks.find((r) => r.id === id)!;
    const plan = recordToEdits(facts, choice, {
      meetingDate: asAt,
      asAt: report.asAt,
      by: "Cllr Chair",
      columns: fieldColumnsOf(report),
      settings: defaultSettings(),
      lastLoggedText: lastLoggedTexts(report)(facts),
    });
    return { grids, plan };
  }

  it("writes October's update to the Update Log only, September's words left in Update Sep-22, and says why", () => {
    // SPEC "What must never happen": a user's cell overwritten without the officer asking.
    const { plan } = recordAt(OCT, "MR-02", { text: "October words", noChange: false });
    expect(plan.cells.filter((c) => c.field === "update")).toEqual([]);
    // Nothing is carried: September's words stay where they are, on the register.
    expect(plan.log.rows.map((r) => [r[2], r[3]])).toEqual([["Cllr Chair", "October words"]]);
    expect(plan.notes).toContain(
      "Risk Register has no Oct-22 column to hold the update (its update columns stop at Sep-22), so it is kept in the Update Log only and Sep-22's is left as it was; add a column for Oct-22 to keep it on the register.",
    );
  });

  it("never writes a new RAG over an earlier month's RAG column (RAG Jul-22 … RAG Sep-22)", () => {
    const sheet: SheetSpec = {
      name: "Risk Register",
      rows: [
        [
          "Risk ID",
          "Risk Title",
          "Risk Owner",
          "Likelihood",
          "Impact",
          "Score",
          "Last Updated",
          "Latest Update",
        ].concat(["RAG Jul-22", "RAG Aug-22", "RAG Sep-22"]),
        ["MR-01", "Claims", "Ann Lee", 3, 3, 9, "20/09/2022", "No change", "Amber", "Amber", "Amber"],
      ],
    };
    const { plan } = recordAt(OCT, "MR-01", { text: "Worse", noChange: false, likelihood: 5, impact: 4 }, [
      sheet,
    ]);
    expect(plan.cells.map((c) => c.field).sort()).toEqual([
      "impact",
      "lastUpdated",
      "likelihood",
      "score",
      "update",
    ]);
    expect(
      plan.notes.some((n) => /no Oct-22 column to hold the RAG \(its RAG columns stop at Sep-22\)/.test(n)),
    ).toBe(true);
  });

  it("never sets a new RAG's fill on an earlier month's colour-only RAG cell", () => {
    const rows: CellValue[][] = [
      [
        "Risk ID",
        "Risk Title",
        "Risk Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Last Updated",
        "Latest Update",
      ].concat(["RAG Aug-22", "RAG Sep-22"]),
      ["MR-01", "Claims", "Ann Lee", 3, 3, 9, "20/09/2022", "No change", null, null],
    ];
    const g: Grid = {
      ...grid({ name: "Risk Register", rows }),
      blankFills: [
        { row: 1, col: 8, rgb: "FFC000" },
        { row: 1, col: 9, rgb: "FFC000" },
      ],
    };
    const report = check([g], OCT);
    const facts = report.risks.find((r) => r.id === "MR-01")!;
    const p = recordToEdits(
      facts,
      { text: "Worse", noChange: false, likelihood: 5, impact: 4 },
      {
        meetingDate: OCT,
        asAt: report.asAt,
        by: "Cllr Chair",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    expect(p.cells.filter((c) => c.field === "rag")).toEqual([]);
    expect(p.notes.join(" ")).toMatch(/no Oct-22 column to hold the RAG/);
  });
});
