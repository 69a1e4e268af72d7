// The runner: severities and on/off from settings, accepted exceptions, the as-at date, finding shape and order.

import { checkWorkbook, resolveAsAt } from "../../src/core/check";
import { gridFromRows } from "../../src/core/model/grid";
import { defaultSettings, type AcceptedException, type Settings } from "../../src/core/model/settings";
import { settingsFromRows, settingsToRows } from "../../src/core/model/settings-sheet";
import { RULES } from "../../src/core/rules/registry";
import { hlog, hregister, hrisk, logRow } from "./history/helpers";
import { findingsOf, grid, plan, planRow, register, reportOf, risk, type SheetSpec } from "./rules/harness";

const STALE = "risk/stale-update";
const RAG = "risk/rag-mismatch";

/** A register with a stale risk (HRC-002) and a RAG mismatch (HRC-003). */
const sheets: SheetSpec[] = [
  register(risk(), risk({ id: "HRC-002", lastReview: "01/06/2022" }), risk({ id: "HRC-003", rag: "Red" })),
];

function accept(over: Partial<AcceptedException> & { fingerprint: string }): AcceptedException {
  return {
    ruleId: STALE,
    sheet: "IRIS Risks",
    recordId: "HRC-002",
    reason: "Owner on leave",
    reviewBy: "2022-12-31",
    ...over,
  };
}

describe("checkWorkbook: severities", () => {
  it("uses each rule's default severity", () => {
    const report = reportOf(sheets);
    const byRule = new Map(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect([f.ruleId, f.severity]).toEqual([f.ruleId, byRule.get(f.ruleId)]);
    expect(report.findings.find((f) => f.ruleId === RAG)?.severity).toBe("warning");
  });

  it.each<[string, Settings["ruleSeverities"], string, string | undefined]>([
    ["a rule turned off reports nothing", { [STALE]: "off" }, STALE, undefined],
    ["a severity raised from settings", { [RAG]: "error" }, RAG, "error"],
    ["a severity lowered from settings", { [STALE]: "info" }, STALE, "info"],
  ])("%s", (_name, ruleSeverities, ruleId, severity) => {
    const found = reportOf(sheets, { settings: { ruleSeverities } }).findings.filter(
      (f) => f.ruleId === ruleId,
    );
    if (severity === undefined) expect(found).toEqual([]);
    else expect(found.map((f) => [f.cell, f.severity])).toEqual([[ruleId === STALE ? "J4" : "G5", severity]]);
  });

  it("turning one rule off leaves the others", () => {
    expect(findingsOf(RAG, sheets, { settings: { ruleSeverities: { [STALE]: "off" } } })).toEqual([
      ["G5", "mismatch"],
    ]);
  });
});

describe("checkWorkbook: accepted exceptions", () => {
  const first = reportOf(sheets);
  const stale = first.findings.find((f) => f.ruleId === STALE)!;

  it("a first run gives the finding a record id and a fingerprint", () => {
    expect(stale).toMatchObject({ sheet: "IRIS Risks", cell: "J4", recordId: "HRC-002" });
    expect(stale.fingerprint).toMatch(/^[0-9a-z]+$/);
  });

  it("an accepted finding is moved out of the list into accepted", () => {
    const report = reportOf(sheets, {
      settings: { acceptedExceptions: [accept({ fingerprint: stale.fingerprint! })] },
    });
    expect(report.findings.filter((f) => f.ruleId === STALE)).toEqual([]);
    expect(report.accepted.map((f) => [f.ruleId, f.cell])).toEqual([[STALE, "J4"]]);
    // Other findings on the sheet are untouched.
    expect(report.findings.filter((f) => f.ruleId === RAG).map((f) => f.cell)).toEqual(["G5"]);
  });

  it.each<[string, Partial<AcceptedException>, SheetSpec[]?, string?]>([
    [
      "the record's cells changed",
      {},
      [
        register(
          risk(),
          risk({ id: "HRC-002", lastReview: "01/06/2022", owner: "John Brown" }),
          risk({ id: "HRC-003", rag: "Red" }),
        ),
      ],
    ],
    ["the review date passed", { reviewBy: "2022-10-09" }],
    ["the as-at date moved past the review date", { reviewBy: "2022-10-31" }, undefined, "2022-11-01"],
    ["the exception is for another record", { recordId: "HRC-003" }],
    ["the exception is for another rule", { ruleId: "risk/no-action" }],
    ["the exception is for another sheet", { sheet: "Council Risks" }],
    // Defaults keep the callback's length at 2, so jest does not take the third argument for `done`.
  ])(
    "the finding comes back when %s",
    (_name, over, changed: SheetSpec[] = sheets, asAt: string | undefined = undefined) => {
      const settings = { acceptedExceptions: [accept({ fingerprint: stale.fingerprint!, ...over })] };
      const report = reportOf(changed, { settings, asAt });
      expect(report.findings.filter((f) => f.ruleId === STALE).map((f) => f.cell)).toEqual(["J4"]);
      expect(report.accepted).toEqual([]);
    },
  );

  it("stays accepted on its review date and with the id written differently", () => {
    const settings = {
      acceptedExceptions: [
        accept({ fingerprint: stale.fingerprint!, reviewBy: "2022-10-10", recordId: " hrc-002" }),
      ],
    };
    expect(reportOf(sheets, { settings }).accepted.map((f) => f.cell)).toEqual(["J4"]);
  });

  it("works for a plan action, named by aim and position", () => {
    const p = [plan(planRow(), planRow({ no: null, aim: null, evidence: null }))];
    const f = reportOf(p).findings.find((x) => x.ruleId === "plan/completed-without-evidence")!;
    expect(f.recordId).toBe("1.2");
    const settings = {
      acceptedExceptions: [
        {
          ruleId: f.ruleId,
          sheet: f.sheet,
          recordId: "1.2",
          reason: "Filed elsewhere",
          reviewBy: "2023-01-01",
          fingerprint: f.fingerprint!,
        },
      ],
    };
    expect(findingsOf(f.ruleId, p, { settings })).toEqual([]);
  });
});

describe("checkWorkbook: as-at date, shape and order", () => {
  it("takes the as-at date from the option, else settings, else today", () => {
    const s = { ...defaultSettings(), asAt: "2022-09-01" };
    expect(resolveAsAt({ settings: s, asAt: "2022-10-10", today: "2023-01-01" })).toBe(
      resolveAsAt({ settings: defaultSettings(), today: "2022-10-10" }),
    );
    const report = checkWorkbook([grid(sheets[0])], { settings: s, today: "2023-01-01", source: "x.xlsx" });
    expect(report.asAt).toBe("2022-09-01");
    expect(checkWorkbook([], { settings: defaultSettings(), today: "2023-01-01", source: "x" }).asAt).toBe(
      "2023-01-01",
    );
  });

  it("renders every message with no placeholder left and names source, sheet and cell", () => {
    const report = reportOf(sheets);
    expect(report.source).toBe("test.xlsx");
    for (const f of report.findings) {
      expect(f.message).not.toMatch(/\{\w+\}/);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      expect(f.row).toBe(Number(f.cell!.replace(/^[A-Z]+/, "")));
    }
  });

  it("lists risks with no strategy or no update first, then errors before warnings", () => {
    const report = reportOf([
      register(risk({ rag: "Red" }), risk({ id: "HRC-002", strategy: null, lastReview: null, owner: null })),
    ]);
    expect(report.findings.map((f) => f.ruleId)).toEqual([
      "risk/missing-strategy",
      STALE,
      "risk/missing-owner",
      // Both score 12, above the default appetite (Cautious, 9): warnings, after the errors.
      "risk/above-appetite",
      "risk/above-appetite",
      RAG,
    ]);
  });

  it.each<[string, unknown[][]]>([
    ["an empty sheet", []],
    ["a header row alone", [["Risk ID", "Risk Owner", "Strategy", "Current Risk Score"]]],
    [
      "odd values",
      [
        ["Risk ID", "Risk Owner", "Strategy", "Current Risk Score", "Last Updated"],
        [true, 3.5, -1, "=SUM(A1)", 1e308],
        [null, "", "<p>", "&amp;", Number.NaN],
      ],
    ],
  ])("never throws on %s", (_name, rows) => {
    expect(() =>
      checkWorkbook([gridFromRows("S", rows as never)], {
        settings: defaultSettings(),
        today: "2022-10-10",
        source: "x",
      }),
    ).not.toThrow();
  });
});

describe("checkWorkbook: risk facts worked out when read", () => {
  const withHistory: SheetSpec[] = [
    hregister(
      hrisk({ id: "HRC-001", score: 16 }),
      hrisk({ id: "HRC-002", score: 4, status: "Closed" }),
      hrisk({ id: "HRC-003", score: 9 }),
    ),
    hlog(
      logRow("12/08/2022", "HRC-001", 9),
      logRow("09/09/2022", "HRC-001", 12),
      logRow("09/09/2022", "HRC-003", 9),
    ),
  ];

  it("gives the same score, trend and state in riskScores as in the full facts, once each", () => {
    const report = reportOf(withHistory);
    const scores = report.riskScores;
    expect(scores.map((s) => [s.id, s.score, s.trend, s.open])).toEqual([
      ["HRC-001", 16, "up", true],
      ["HRC-002", 4, expect.anything(), false],
      ["HRC-003", 9, "same", true],
    ]);
    const facts = report.risks;
    expect(
      facts.map((f) => ({
        id: f.id,
        sheet: f.sheet,
        row: f.row,
        score: f.score,
        trend: f.trend,
        open: f.open,
      })),
    ).toEqual(scores);
    // Read again, the same lists (worked out once, not at each reading).
    expect(report.risks).toBe(facts);
    expect(report.riskScores).toBe(scores);
  });
});

describe("checkWorkbook: where a risk's links point", () => {
  it("points a risk without an id at its sheet's id column, whether its row was read from the grid or made", () => {
    const g = grid({
      name: "Register",
      rows: [
        ["Risk Title", "Risk ID", "Risk Owner", "Score", "RAG", "Strategy", "Last Updated", "Status"],
        ["Bridge strike", null, "Jane Smith", 20, "Red", "Treat", "01/10/2022", "Open"],
        // A row the reader makes whole when it reads it: its RAG cell is given by the cell's fill alone.
        ["Flooding", null, "Jo Bloggs", 9, null, "Treat", "01/10/2022", "Open"],
      ],
    });
    g.blankFills = [{ row: 2, col: 4, rgb: "FFC000" }];
    const report = checkWorkbook([g], { settings: defaultSettings(), asAt: "2022-10-10", source: "t" });
    expect(report.risks.map((r) => [r.title, r.rag, r.idCol])).toEqual([
      ["Bridge strike", "red", 1],
      ["Flooding", "amber", 1],
    ]);
  });
});

describe("checkWorkbook: the Escalate? field", () => {
  const headers = ["Risk ID", "Risk Title", "Risk Owner", "Strategy", "Actions", "Last Updated", "Board?"];
  const row = ["HRC-001", "Pothole claims", "Jane Smith", "Treat", "Inspect", "01/10/2022", "Yes"];
  const sheet = { name: "IRIS Risks", rows: [headers, row] };

  it("is named `escalate` (SPEC's field name) when an old correction saved 'escalation' maps a column to it", () => {
    const saved = settingsFromRows([
      ...settingsToRows(defaultSettings()),
      [
        "columnCorrections",
        JSON.stringify({ sheet: "IRIS Risks", header: "Board?", field: "escalation" }),
        null,
      ],
    ]).settings;
    const report = reportOf([sheet], { settings: { columnCorrections: saved.columnCorrections } });
    const board = report.sheets[0].columns.find((c) => c.header === "Board?");
    expect(board).toMatchObject({ field: "escalate", source: "setting" });
    expect(report.escalations.map((e) => [e.recordId, e.destinations])).toEqual([
      ["HRC-001", ["operations-board"]],
    ]);
  });
});
