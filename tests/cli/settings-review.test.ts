// Review of the settings an officer sets, as the command line reads them from the workbook's hidden
// Settings sheet (SPEC "The workbook": Settings; README "Settings"). Each test writes a workbook file with
// a register and a Settings sheet (as the add-in writes it, then edited by hand in Excel) and runs
// `risk-review check FILE --format json` in-process, asserting what SPEC or README says the setting does:
// RAG bands, review period, escalation thresholds, appetite levels and categories, the default level, the
// likelihood and impact words, strategy and closed-status words, rule severities, proposal thresholds and
// the as-at date — and that a value that cannot be used is refused by its cell, keeping the previous one.
// Tests marked "(judgement)" go beyond SPEC's words; the comment says why an officer would expect it.

import * as fs from "fs";
import { settingsFromGrids } from "../../src/cli/settings-from-grids";
import type { CellValue } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { loadSettingsWithIssues } from "../../src/excel/settings-store";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { uninstallFakeExcel } from "../fakes/fake-excel";
import { runMain } from "./helpers/main-in-process";
import { install } from "../excel/helpers";
import {
  checkJson,
  flagged,
  handEdited,
  makeTmp,
  REGISTER,
  registerRows,
  routes,
  serial,
  SETTINGS_SHEET,
  workbookOf,
  writeXlsx,
} from "./settings-review-helpers";

jest.setTimeout(60_000);
afterEach(() => uninstallFakeExcel());

let tmp: string;
let n = 0;
const name = (what: string) => `${what}-${++n}.xlsx`;
beforeAll(() => {
  tmp = makeTmp("crr-settings-review-");
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** What the command line reads from a Settings sheet of `rows` (via a real .xlsx file). */
async function cliSettingsOf(rows: CellValue[][]) {
  const file = await workbookOf(tmp, name("settings"), [{ id: "HRC-001" }], rows);
  return settingsFromGrids(await readWorkbookFile(fs.readFileSync(file), file));
}

// ---------------------------------------------------------------------------------------------------
describe("a setting changed on the Settings sheet changes the check as SPEC says", () => {
  // SPEC "Values": "RAG scale (a setting): green 1–4, amber 5–12, red 15–25". Moved to green 1–6, amber
  // 7–15, the RAG words are judged against the new bands.
  it("RAG bands moved (green to 6, amber to 15): ratings are judged against the new bands", async () => {
    const { rows } = handEdited({ asAt: "2022-10-10", "rag.greenMax": 6, "rag.amberMax": 15 });
    const file = await workbookOf(
      tmp,
      name("rag"),
      [
        { id: "HRC-001", likelihood: 2, impact: 3, rag: "Green" }, // 6: green now
        { id: "HRC-002", likelihood: 3, impact: 5, rag: "Amber" }, // 15: amber now
        { id: "HRC-003", likelihood: 4, impact: 4, rag: "Amber" }, // 16: red → mismatch
        { id: "HRC-004", likelihood: 1, impact: 4, rag: "Amber" }, // 4: green → mismatch
        { id: "HRC-005", likelihood: 4, impact: 2, rag: "High" }, // 8: amber; High is red → mismatch
      ],
      rows,
    );
    const { report } = await checkJson(file);
    expect(flagged(report, "risk/rag-mismatch")).toEqual(["HRC-003", "HRC-004", "HRC-005"]);
    const m = report.findings.find((f) => f.ruleId === "risk/rag-mismatch" && f.recordId === "HRC-003");
    expect(m?.message).toMatch(/Red/);
  });

  // SPEC "Latest update and the review period": "counted back from the as-at date: … as at 31 March, on or
  // after 28 (29) February". With a review period of 3 months as at 31 May 2023, the boundary is 28 Feb.
  it("review period of 3 months as at 31/05/2023: an update on 28/02/2023 counts, one on 27/02/2023 is stale", async () => {
    const { rows } = handEdited({ asAt: "2023-05-31", reviewPeriodMonths: 3 });
    const file = await workbookOf(
      tmp,
      name("period"),
      [
        { id: "HRC-001", lastReview: "28/02/2023" },
        { id: "HRC-002", lastReview: "27/02/2023" },
        { id: "HRC-003", lastReview: "30/05/2023" },
      ],
      rows,
    );
    const { report } = await checkJson(file);
    expect(flagged(report, "risk/stale-update")).toEqual(["HRC-002"]);
  });

  // The same, typed as officers type it: the period "2" as text and the as-at date day-first.
  it("review period '2' typed as text, as-at '10/10/2022': on or after 10/08/2022 counts", async () => {
    const { rows } = handEdited({ asAt: "10/10/2022", reviewPeriodMonths: "2" });
    const file = await workbookOf(
      tmp,
      name("period-text"),
      [
        { id: "HRC-001", lastReview: "10/08/2022" },
        { id: "HRC-002", lastReview: "09/08/2022" },
        { id: "HRC-003", lastReview: "09/09/2022" },
      ],
      rows,
    );
    const { report, stderr } = await checkJson(file);
    expect(stderr).toBe("");
    expect(report.asAt).toBe("2022-10-10");
    expect(flagged(report, "risk/stale-update")).toEqual(["HRC-002"]);
  });

  // SPEC "Escalation": "Thresholds are settings". Corporate from 20, directorate 10–19, Operations Board
  // from £100,000, Strategic Board from £500,000 or at score 20.
  it("escalation thresholds moved: each risk goes where the new thresholds send it", async () => {
    const { rows } = handEdited({
      asAt: "2022-10-10",
      "escalation.corporateMinScore": 20,
      "escalation.directorateMinScore": 10,
      "escalation.directorateMaxScore": 19,
      "escalation.operationsBoardMinImpact": "£100,000",
      "escalation.strategicBoardMinImpact": "£500k",
      "escalation.strategicBoardScore": 20,
    });
    const file = await workbookOf(
      tmp,
      name("escalation"),
      [
        { id: "HRC-001", likelihood: 4, impact: 5 }, // 20
        { id: "HRC-002", likelihood: 4, impact: 4 }, // 16
        { id: "HRC-003", likelihood: 3, impact: 3 }, // 9: nowhere now
        { id: "HRC-004", likelihood: 2, impact: 3, money: 60000 }, // cluster only
        { id: "HRC-005", likelihood: 2, impact: 3, money: 120000 }, // cluster + ops
        { id: "HRC-006", likelihood: 2, impact: 3, money: 600000 }, // cluster + ops + strategic
      ],
      rows,
    );
    const { report } = await checkJson(file);
    expect(routes(report)).toEqual([
      "HRC-001: corporate-register, strategic-board",
      "HRC-002: directorate-register",
      "HRC-004: financial-cluster",
      "HRC-005: financial-cluster, operations-board",
      "HRC-006: financial-cluster, operations-board, strategic-board",
    ]);
  });

  // SPEC "History, appetite and proposals": "Appetite (a setting): per category … one of the Orange Book
  // levels …, each with a highest tolerable score …, and a default level, Cautious, for categories not named."
  it("appetite levels' scores, a category's level and the default level all change risk/above-appetite", async () => {
    const { rows } = handEdited({
      asAt: "2022-10-10",
      "appetite.levels": "Averse 3; Minimal 5; Cautious 8; Open 10; Eager 15",
      "appetite.category": ["Highways: Averse"],
      "appetite.defaultLevel": "Open",
    });
    const file = await workbookOf(
      tmp,
      name("appetite"),
      [
        { id: "HRC-001", likelihood: 2, impact: 2, category: "Highways" }, // 4 > Averse 3
        { id: "HRC-002", likelihood: 1, impact: 3, category: "Highways" }, // 3 = Averse 3
        { id: "HRC-003", likelihood: 2, impact: 5, category: "Structures" }, // 10 = Open 10
        { id: "HRC-004", likelihood: 3, impact: 4, category: "Structures" }, // 12 > Open 10
        { id: "HRC-005", likelihood: 3, impact: 4, category: null }, // no category: default Open 10
      ],
      rows,
    );
    const { report } = await checkJson(file);
    expect(flagged(report, "risk/above-appetite")).toEqual(["HRC-001", "HRC-004", "HRC-005"]);
    const msg = (id: string) =>
      report.findings.find((f) => f.ruleId === "risk/above-appetite" && f.recordId === id)?.message;
    expect(msg("HRC-001")).toMatch(/Averse, up to 3/);
    expect(msg("HRC-004")).toMatch(/Open, up to 10/);
  });

  // README "Settings": categories "are matched whatever their case and spaces (and `&` for `and`)"; levels
  // typed as officers type them ("minimal ", "EAGER") are the levels.
  it.each([["Minimal"], ["minimal "], ["MINIMAL"], [" Minimal"]])(
    "a category's level typed '%s' by hand, and '&' for 'and', is read",
    async (level) => {
      const { rows } = handEdited({
        asAt: "2022-10-10",
        "appetite.category": [`  financial & Commercial :  ${level}`],
      });
      const file = await workbookOf(
        tmp,
        name("appetite-typed"),
        [
          { id: "HRC-001", likelihood: 2, impact: 4, category: "Financial and commercial" }, // 8 > 6
          { id: "HRC-002", likelihood: 2, impact: 3, category: "Financial and Commercial" }, // 6
        ],
        rows,
      );
      const { report, stderr } = await checkJson(file);
      expect(stderr).toBe("");
      expect(flagged(report, "risk/above-appetite")).toEqual(["HRC-001"]);
    },
  );

  // SPEC "Values": "A bare word is read on the likelihood and impact scales (a setting) … A score may then be
  // worked out from likelihood × impact where the register has no score column".
  it("likelihood and impact words changed: a bare word is read on the new scale, a word left off is not", async () => {
    const { rows } = handEdited({
      asAt: "2022-10-10",
      likelihoodWords: "Remote = 1; Possible = 3; Probable = 4; Near certain = 5",
      impactWords: "Slight = 1; Serious = 4; Disastrous = 5",
    });
    const register = registerRows([
      { id: "HRC-001", likelihood: "Probable", impact: "Disastrous", score: null }, // 20
      { id: "HRC-002", likelihood: "Near certain", impact: "Serious", score: null }, // 20
      { id: "HRC-003", likelihood: "Remote", impact: "Slight", score: null }, // 1
      { id: "HRC-004", likelihood: "Likely", impact: "Disastrous", score: null }, // "Likely" left off
    ]).map((r) => r.filter((_, c) => c !== 5)); // no score column
    const file = await writeXlsx(tmp, name("scales"), [
      { name: REGISTER, rows: register, dateColumns: [8] },
      { name: SETTINGS_SHEET, rows, hidden: true },
    ]);
    const { report } = await checkJson(file);
    expect(routes(report)).toEqual(["HRC-001: corporate-register", "HRC-002: corporate-register"]);
    const e = report.escalations.find((x) => x.recordId === "HRC-001");
    expect(e?.reasons[0]).toMatch(/worked out as 4 × 5/);
    const scored = report.risks.find((r) => r.recordId === "HRC-003");
    expect(scored?.score).toBe(1);
    expect(report.risks.find((r) => r.recordId === "HRC-004")?.score ?? null).toBeNull();
  });

  // README "Settings": strategy words and closed status words are settings; "a risk whose Status starts
  // with one is closed and exempt from the update and action rules".
  it("strategy and closed-status words added on the sheet: 'Outsource' is Transfer, 'Completed' is closed", async () => {
    const words = { ...defaultSettings().strategyWords };
    words.transfer = [...words.transfer, "outsource"];
    const { rows } = handEdited({
      asAt: "2022-10-10",
      strategyWords: JSON.stringify(words),
      closedStatusWords: "closed; archived; completed",
    });
    const file = await workbookOf(
      tmp,
      name("words"),
      [
        { id: "HRC-001", strategy: "Outsourced to contractor" },
        { id: "HRC-002", status: "Completed", lastReview: "01/01/2021", actions: "" },
        { id: "HRC-003", status: "Closed", lastReview: "01/01/2021" },
      ],
      rows,
    );
    const { report } = await checkJson(file);
    expect(flagged(report, "risk/unknown-strategy")).toEqual([]);
    expect(routes(report)).toContain("HRC-001: transfer");
    expect(flagged(report, "risk/stale-update")).toEqual([]);
    expect(flagged(report, "risk/no-action")).toEqual([]);
  });

  // SPEC "Rules": "severity is a setting"; SPEC "Command line": "Exit status: 0 no error findings".
  it("rule severities: off removes the findings, warning lowers them, and the exit status follows", async () => {
    const { rows } = handEdited({
      asAt: "2022-10-10",
      ruleSeverities: JSON.stringify({ "risk/stale-update": "off", "risk/missing-owner": "warning" }),
    });
    const file = await workbookOf(
      tmp,
      name("severities"),
      [{ id: "HRC-001", owner: "", lastReview: "01/01/2021" }, { id: "HRC-002" }],
      rows,
    );
    const { report, status } = await checkJson(file);
    expect(flagged(report, "risk/stale-update")).toEqual([]);
    expect(report.findings.find((f) => f.ruleId === "risk/missing-owner")?.severity).toBe("warning");
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(status).toBe(0);
  });

  // SPEC "History, appetite and proposals": escalate "a risk … above its appetite at the last two monthly
  // points, or rose by 6 or more …  Thresholds are settings." The Update Log (kept by hand here) gives the
  // monthly points: 12 in August, 12 in September, 12 now (Cautious 9).
  it.each([
    [2, ["HRC-001"]],
    [3, ["HRC-001"]],
    [4, []],
  ])(
    "proposals.escalateMonthsAbove = %s: a risk above appetite for 3 months is proposed %j",
    async (months, expected) => {
      const { rows } = handEdited({ asAt: "2022-10-10", "proposals.escalateMonthsAbove": months });
      const log: CellValue[][] = [
        ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy"],
        [serial("15/08/2022"), "HRC-001", "Ann Lee", "Reviewed", "No", 12, "Treat"],
        [serial("15/09/2022"), "HRC-001", "Ann Lee", "Reviewed", "No", 12, "Treat"],
      ];
      const file = await workbookOf(
        tmp,
        name("proposals"),
        [{ id: "HRC-001", likelihood: 3, impact: 4, category: "Highways" }],
        rows,
        [{ name: "Update Log", rows: log, dateColumns: [0] }],
      );
      const { report } = await checkJson(file);
      expect(report.proposals.filter((p) => p.action === "escalate").map((p) => p.recordId)).toEqual(
        expected,
      );
    },
  );

  // README "The command line": "`--as-at` defaults to the workbook's Settings, then today".
  it("the Settings sheet's as-at date is used without --as-at, and --as-at overrides it", async () => {
    const { rows } = handEdited({ asAt: "2022-10-10" });
    const file = await workbookOf(tmp, name("as-at"), [{ id: "HRC-001", lastReview: "15/09/2022" }], rows);
    const own = await checkJson(file);
    expect(own.report.asAt).toBe("2022-10-10");
    expect(flagged(own.report, "risk/stale-update")).toEqual([]);
    const later = await checkJson(file, ["--as-at", "2022-11-10"]);
    expect(later.report.asAt).toBe("2022-11-10");
    expect(flagged(later.report, "risk/stale-update")).toEqual(["HRC-001"]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("several workbooks: each file's own Settings", () => {
  // README "Many workbooks": "Each file's own Settings sheet applies to its own findings."
  it("two files with different RAG bands and review periods are each checked by their own", async () => {
    const risks = [{ id: "HRC-001", likelihood: 2, impact: 3, rag: "Amber", lastReview: "20/08/2022" }];
    const a = handEdited({ "rag.greenMax": 6, "rag.amberMax": 15, reviewPeriodMonths: 2 });
    const fileA = await workbookOf(tmp, "many-a.xlsx", risks, a.rows);
    const fileB = await workbookOf(tmp, "many-b.xlsx", risks, handEdited({}).rows);
    const run = await runMain(["check", fileA, fileB, "--format", "json", "--as-at", "2022-10-10"]);
    const json = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] };
    const rules = (file: string) =>
      json.findings
        .filter((f) => f.file.endsWith(file) && /rag-mismatch|stale-update/.test(f.ruleId))
        .map((f) => f.ruleId)
        .sort();
    expect(rules("many-a.xlsx")).toEqual(["risk/rag-mismatch"]);
    expect(rules("many-b.xlsx")).toEqual(["risk/stale-update"]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("a value that cannot be used is refused by its cell, and the previous value kept", () => {
  // SPEC "Escalation" thresholds are scores (1–25, "Scores: … score = likelihood × impact (1–25)"); README
  // "Settings": a value that cannot be read keeps its default, "and the command line says so on stderr,
  // naming the sheet and the cell".
  it.each([[0], [30]])(
    "a corporate threshold of %s is refused on stderr by its cell; 16 still goes to the corporate register",
    async (value) => {
      const { rows, cell } = handEdited({ asAt: "2022-10-10", "escalation.corporateMinScore": value });
      const file = await workbookOf(tmp, name("corp"), [{ id: "HRC-001", likelihood: 4, impact: 4 }], rows);
      const { report, stderr } = await checkJson(file);
      expect(stderr).toContain(cell("escalation.corporateMinScore"));
      expect(stderr).toContain("escalation.corporateMinScore");
      expect(routes(report)).toEqual(["HRC-001: corporate-register"]);
    },
  );

  // SPEC: each level has "a highest tolerable score (defaults 4, 6, 9, 12, 16)"; README: "(they must rise)".
  it.each([
    ["Averse 4; Minimal 3; Cautious 9; Open 12; Eager 16", "levels out of order"],
    ["Averse 4; Minimal 6; Cautious 26; Open 12; Eager 16", "a score above 25"],
    ["Averse 0; Minimal 6; Cautious 9; Open 12; Eager 16", "a score of 0"],
    ["Averse 4; Minimal 6; Moderate 9; Open 12; Eager 16", "a level not one of the five"],
  ])("appetite levels '%s' (%s) are refused by their cell; Cautious keeps 9", async (levels) => {
    const { rows, cell } = handEdited({ "appetite.levels": levels });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(issues.some((i) => i.includes(cell("appetite.levels")))).toBe(true);
    expect(settings.appetite.maxima.cautious).toBe(9);
    expect(settings.appetite.maxima.minimal).toBe(6);
  });

  // README "Settings": "a category named twice keeps its first row, with an issue".
  it("a category named twice ('Highways' and ' highways ') keeps its first row, with an issue naming the second's cell", async () => {
    const { rows, cellOfValue } = handEdited({
      "appetite.category": ["Highways: Averse", " highways : Eager"],
    });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(settings.appetite.categories).toEqual({ Highways: "averse" });
    expect(issues.some((i) => i.includes(cellOfValue(" highways : Eager")))).toBe(true);
  });

  // SPEC "History, appetite and proposals": a category's level is "one of the Orange Book levels Averse,
  // Minimal, Cautious, Open, Eager". A RAG word is not a level.
  it("a category given 'Low' (not an Orange Book level) is refused by its cell and takes the default level", async () => {
    const { rows, cellOfValue } = handEdited({ "appetite.category": ["Highways: Low"] });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(settings.appetite.categories).toEqual({});
    expect(issues.some((i) => i.includes(cellOfValue("Highways: Low")))).toBe(true);
  });

  // SPEC "Values": dates are read as "ISO; UK day-first dd/mm/yyyy, dd/mm/yy …; `10 October 2022`,
  // `10-Oct-22`" and "`12.09.22`, `12th Sept 2022`". The as-at date typed on the sheet in any of these ways
  // (a text cell: Excel leaves it as typed) is that day, not "today" with a warning.
  it.each([
    ["2022-10-10"],
    ["10/10/2022"],
    ["10/10/22"],
    ["10.10.22"],
    ["10 October 2022"],
    ["10-Oct-22"],
    ["10th Oct 2022"],
  ])("an as-at date typed '%s' is read as 10 October 2022", async (typed) => {
    const { rows } = handEdited({ asAt: typed });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(issues).toEqual([]);
    expect(settings.asAt).toBe("2022-10-10");
  });

  // SPEC "Values": "Excel serials (with a date number format)". An as-at cell Excel turned into a date and
  // time (10/10/2022 09:30) is the day.
  it("an as-at date Excel holds as a date and time (serial 44844.4) is 10 October 2022", async () => {
    const { rows } = handEdited({ asAt: serial("10/10/2022") + 0.4 });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(issues).toEqual([]);
    expect(settings.asAt).toBe("2022-10-10");
  });

  // (judgement) SPEC "Escalation": the defaults are "corporate-register: current score ≥ 16" and
  // "directorate-register: current score 9–15" — two bands that meet. Brief/SPEC call bands that overlap
  // wrong for the RAG scale; the same holds here: with the corporate register from 12 and the directorate
  // register 9–15, the Settings sheet says a 12 goes to both, while the check silently sends it to one. An
  // officer expects the sheet's contradiction to be reported by its cells, as RAG bands that overlap are.
  it("(judgement) a corporate threshold (12) inside the directorate band (9–15) is reported naming both cells", async () => {
    const { rows, cell } = handEdited({ "escalation.corporateMinScore": 12 });
    const { issues } = await cliSettingsOf(rows);
    const at = cell("escalation.corporateMinScore");
    expect(issues.some((i) => i.includes(at) && /directorate/i.test(i))).toBe(true);
  });

  // (judgement) The other half: a directorate band ending at 12 with the corporate register from 16 leaves
  // a gap — a score of 15 (5 × 3) goes to neither register, silently. SPEC's defaults leave no score between
  // the two registers; an officer narrowing one band expects to be told a score now goes nowhere.
  it("(judgement) a directorate band (9–12) that leaves a gap below the corporate threshold (16) is reported", async () => {
    const { rows, cell } = handEdited({ "escalation.directorateMaxScore": 12 });
    const { issues } = await cliSettingsOf(rows);
    expect(issues.some((i) => i.includes(cell("escalation.directorateMaxScore")))).toBe(true);
  });

  // (judgement) README "Settings": "a word list emptied on the sheet (every Closed risk would read as open)"
  // keeps its default, with a message by its cell. The likelihood and impact words are such a list: emptied,
  // every "Likely" and "Major" cell silently stops being a number, so no score is worked out and no risk
  // scored in words is escalated. An officer who clears the cell expects the same refusal.
  it("(judgement) an emptied likelihood word scale keeps the default words, with a message naming its cell", async () => {
    const { rows, cell } = handEdited({ likelihoodWords: null });
    const { settings, issues } = await cliSettingsOf(rows);
    expect(settings.likelihoodWords).toEqual(defaultSettings().likelihoodWords);
    expect(issues.some((i) => i.includes(cell("likelihoodWords")))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("a Settings sheet edited by hand is read the same by the task pane and the command line", () => {
  // SPEC "The workbook": Settings "live in the hidden owned Settings sheet, so the task pane and the command
  // line read the same ones". Values typed as officers type them.
  it("'cautious ', 'Eager', numbers as text, '£100k' and a day-first as-at date: the same settings both ways", async () => {
    const { rows } = handEdited({
      asAt: "10/10/2022",
      reviewPeriodMonths: "2",
      "rag.greenMax": " 6",
      "rag.amberMax": "15",
      "escalation.corporateMinScore": "20",
      // The directorate band moved up with it: from 20 with the band still ending at 15, a 16 would go to
      // neither register, which the sheet now reports (the gap test above).
      "escalation.directorateMaxScore": "19",
      "escalation.operationsBoardMinImpact": "£100k",
      "appetite.levels": "averse 3; MINIMAL 5; Cautious 8; open 10; Eager 15",
      "appetite.defaultLevel": "cautious ",
      "appetite.category": ["Highways: Eager", "Finance & Commercial : minimal"],
      closedStatusWords: "Closed, Archived, Completed",
    });
    install({
      sheets: [
        { name: REGISTER, values: registerRows([{ id: "HRC-001" }]) },
        { name: SETTINGS_SHEET, values: rows, visibility: "Hidden" },
      ],
    });
    const pane = await loadSettingsWithIssues();
    const cli = await cliSettingsOf(rows);
    expect(cli.issues).toEqual([]);
    expect(pane.issues).toEqual([]);
    expect(cli.settings).toEqual(pane.settings);
    expect(cli.settings).toMatchObject({
      asAt: "2022-10-10",
      reviewPeriodMonths: 2,
      rag: { greenMax: 6, amberMax: 15 },
      escalation: { corporateMinScore: 20, directorateMaxScore: 19, operationsBoardMinImpact: 100000 },
      appetite: {
        maxima: { averse: 3, minimal: 5, cautious: 8, open: 10, eager: 15 },
        defaultLevel: "cautious",
        categories: { Highways: "eager", "Finance & Commercial": "minimal" },
      },
      closedStatusWords: ["Closed", "Archived", "Completed"],
    });
  });
});
