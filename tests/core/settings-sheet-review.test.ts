// The hidden owned Settings sheet as a council officer leaves it — edited by hand in Excel, or written by an
// older or newer version — and the round trip from the Settings view to the command line.
// src/core/model/settings-sheet.ts (reader/writer), src/cli/settings-from-grids.ts (the command line's
// reader), src/excel/settings-store.ts (the task pane's reader/writer), src/taskpane/settings-form.ts.
// Nine of these once failed: emptied word lists read as no words, silently; severities typed 'Warning' or
// ' Off '; a key mistyped in column A ignored silently; a review period the sheet read but the view refused;
// the command line not finding a Settings sheet saved under another name, or one whose marker moved below
// row 1; a later version's row dropped by a Settings view save.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { settingsFromGrids } from "../../src/cli/settings-from-grids";
import { checkWorkbook } from "../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../src/core/model/grid";
import { OWNED_MARKER, OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import { settingsToRows } from "../../src/core/model/settings-sheet";
import { readAllSheets } from "../../src/excel/read-sheets";
import { loadSettings, loadSettingsWithIssues, saveSettings } from "../../src/excel/settings-store";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { buildException, withException } from "../../src/taskpane/accept-exception";
import { fromForm, toForm } from "../../src/taskpane/settings-form";
import { toJsonReport, type JsonReport } from "../../src/cli/format-json";
import { uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { install } from "../excel/helpers";
import { runMain } from "../cli/helpers/main-in-process";

jest.setTimeout(60_000);
afterEach(() => uninstallFakeExcel());

const SHEET = OWNED_TAB_NAMES.settings; // "Risk Review Settings"
const AS_AT = "2022-10-10";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-settings-review-"));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------- helpers ----------

/**
 * The Settings sheet as the add-in writes it (defaults, or `base`), then edited by hand: each key's Value
 * cell replaced. A key given an array gets one row per value (the one-row-per-item settings). Returns the
 * rows and the sheet cell of each edited key's (first) Value cell, e.g. "Risk Review Settings!B5".
 */
function handEdited(
  edits: Record<string, CellValue | CellValue[]>,
  base: Settings = defaultSettings(),
): { rows: CellValue[][]; cell: (key: string) => string } {
  const rows = settingsToRows(base);
  for (const [key, value] of Object.entries(edits)) {
    const i = rows.findIndex((r) => r[0] === key);
    if (i < 0) throw new Error(`no row for ${key}`);
    const values = Array.isArray(value) ? value : [value];
    rows.splice(i, 1, ...values.map((v) => [key, v, rows[i][2]]));
  }
  const cell = (key: string): string => `${SHEET}!B${rows.findIndex((r) => r[0] === key) + 1}`;
  return { rows, cell };
}

/** The owned Settings grid the command line reads from a workbook file. */
function ownedGrid(rows: CellValue[][], name = SHEET): Grid {
  return gridFromRows(name, rows, { owned: true, hidden: true });
}

/** What the command line reads from a workbook whose Settings sheet holds `rows`. */
function cliReads(rows: CellValue[][]): { settings: Settings; issues: string[] } {
  return settingsFromGrids([ownedGrid(rows)]);
}

/** An issue that names the Settings sheet and this cell exactly (B5, not B50). */
function namingCell(issues: string[], cell: string): string[] {
  const re = new RegExp(`${cell.replace(/[!]/g, "\\!")}(?!\\d)`);
  return issues.filter((i) => re.test(i));
}

// A small register: the same on both sides of the round trip. Dates are Excel serials shown dd/mm/yyyy.
const OCT01 = 44835; // 01/10/2022
const AUG01 = 44774; // 01/08/2022
const NOV01 = 44866; // 01/11/2022
const SEP15 = 44819; // 15/09/2022
const REGISTER = "Risk Register";
const REGISTER_ROWS: CellValue[][] = [
  [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Current Likelihood",
    "Current Impact",
    "Current Risk Score",
    "RAG Status",
    "Risk Response Strategy",
    "Mitigating Actions",
    "Date of Last Review",
    "Next Review Date",
    "Risk Status",
    "Risk Category",
    "Financial Impact (£)",
  ],
  [
    "HRC-001",
    "Gritting fleet unavailable",
    "Ann Lee",
    3,
    4,
    12,
    "Amber",
    "Treat",
    "Spare gritters",
    OCT01,
    NOV01,
    "Open",
    "Highways",
    60000,
  ],
  [
    "HRC-002",
    "Bridge bearing failure",
    "Bob Hale",
    5,
    4,
    20,
    "Red",
    "Treat",
    "Inspection",
    OCT01,
    NOV01,
    "Open",
    "Structures",
    null,
  ],
  [
    "HRC-003",
    "Street lighting energy cost",
    "Cat Rowe",
    2,
    2,
    4,
    "Green",
    "Tolerate",
    "Monitor",
    AUG01,
    NOV01,
    "Open",
    "Finance",
    null,
  ],
  [
    "HRC-004",
    "Drainage backlog",
    "Dan Moss",
    3,
    3,
    9,
    "Amber",
    "Treat",
    "Jetting",
    OCT01,
    SEP15,
    "Open",
    "Highways",
    null,
  ],
];
const DATE_COLUMNS = [9, 10];
const registerFormats = (): (string | null)[][] =>
  REGISTER_ROWS.map((row, r) => row.map((_, c) => (r > 0 && DATE_COLUMNS.includes(c) ? "dd/mm/yyyy" : null)));

/** The open workbook (fake Excel) as an .xlsx file, sheet by sheet, with its number formats and visibility. */
async function workbookFileOf(host: FakeHost, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of host.snapshot().sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.visibility !== "Visible") ws.state = "hidden";
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null) return;
        ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const [a1, nf] of Object.entries(s.numberFormats)) ws.getCell(a1).numFmt = nf;
  }
  const out = path.join(tmp, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** A workbook file written directly: sheets of values (dates as serials in the given columns). */
async function writeXlsx(
  file: string,
  sheets: { name: string; rows: CellValue[][]; hidden?: boolean; dateColumns?: number[] }[],
  definedNames: { name: string; ref: string }[] = [],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.hidden) ws.state = "hidden";
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (r > 0 && s.dateColumns?.includes(c)) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  for (const n of definedNames) wb.definedNames.add(n.ref, n.name);
  const out = path.join(tmp, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** `risk-review check FILE --format json`, parsed. */
async function cliCheckJson(file: string): Promise<JsonReport> {
  const run = await runMain(["check", file, "--format", "json"]);
  expect(run.stdout).not.toBe("");
  return JSON.parse(run.stdout) as JsonReport;
}

/** The parts of a report an officer compares: findings, escalations, proposals. */
function outcome(r: JsonReport) {
  return {
    asAt: r.asAt,
    findings: r.findings.map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell} ${f.recordId}`).sort(),
    escalations: r.escalations.map((e) => `${e.recordId}: ${e.destinations.join(", ")}`).sort(),
    proposals: r.proposals.map((p) => `${p.recordId}: ${p.action} → ${p.destination}`).sort(),
  };
}

// ---------- a value edited by hand that is wrong ----------

describe("Settings sheet edited by hand: a wrong value", () => {
  // SPEC "What must never happen": a bad value "ends in a plain-English message naming the file, sheet and cell".
  it("a corporate threshold typed as 'sixteen' keeps 16, names its cell, and the other hand edits still count", () => {
    const { rows, cell } = handEdited({
      "escalation.corporateMinScore": "sixteen",
      reviewPeriodMonths: 2,
      protectiveMarking: "OFFICIAL",
    });
    const { settings, issues } = cliReads(rows);
    expect(issues).toHaveLength(1);
    expect(namingCell(issues, cell("escalation.corporateMinScore"))).toHaveLength(1);
    expect(issues[0]).toContain("sixteen");
    expect(settings.escalation.corporateMinScore).toBe(16);
    expect(settings.reviewPeriodMonths).toBe(2);
    expect(settings.protectiveMarking).toBe("OFFICIAL");
  });

  // SPEC "Latest update and the review period": "The review period is a setting, one month by default".
  it("a negative review period keeps one month, with a message naming the cell", () => {
    const { rows, cell } = handEdited({ reviewPeriodMonths: -1 });
    const { settings, issues } = cliReads(rows);
    expect(settings.reviewPeriodMonths).toBe(1);
    expect(namingCell(issues, cell("reviewPeriodMonths"))).toHaveLength(1);
  });

  // SPEC "Values": "RAG scale (a setting): green 1–4, amber 5–12, red 15–25".
  it("a green band overlapping amber (green to 12, amber to 8) goes back to 4 and 12, naming both cells", () => {
    const { rows, cell } = handEdited({ "rag.greenMax": 12, "rag.amberMax": 8, reviewPeriodMonths: 3 });
    const { settings, issues } = cliReads(rows);
    expect(settings.rag).toEqual({ greenMax: 4, amberMax: 12 });
    expect(settings.reviewPeriodMonths).toBe(3);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(cell("rag.greenMax"));
    expect(issues[0]).toMatch(new RegExp(`\\b${cell("rag.amberMax").split("!")[1]}\\b`));
  });

  // SPEC "History, appetite and proposals": appetite is "one of the Orange Book levels Averse, Minimal,
  // Cautious, Open, Eager … and a default level, Cautious, for categories not named".
  it("a misspelt level ('Highways: Cautios') is refused by its cell; that category takes the default level, the others still read", () => {
    const { rows } = handEdited({
      "appetite.category": ["Highways: Cautios", "Finance: Averse"],
      "appetite.defaultLevel": "Cautios",
    });
    const { settings, issues } = cliReads(rows);
    const highwaysRow = rows.findIndex((r) => r[1] === "Highways: Cautios") + 1;
    const defaultRow = rows.findIndex((r) => r[0] === "appetite.defaultLevel") + 1;
    expect(namingCell(issues, `${SHEET}!B${highwaysRow}`)).toEqual([expect.stringContaining("Cautios")]);
    expect(namingCell(issues, `${SHEET}!B${defaultRow}`)).toEqual([expect.stringContaining("Cautios")]);
    expect(settings.appetite.categories).toEqual({ Finance: "averse" });
    expect(settings.appetite.defaultLevel).toBe("cautious");
  });

  // SPEC "History, appetite and proposals": "Appetite (a setting): per category … one of the Orange Book levels".
  it("a category left blank (': Averse') is refused with a message naming its cell, not kept as a nameless category", () => {
    const { rows } = handEdited({ "appetite.category": [": Averse", "Highways: Open"] });
    const { settings, issues } = cliReads(rows);
    const blankRow = rows.findIndex((r) => r[1] === ": Averse") + 1;
    expect(namingCell(issues, `${SHEET}!B${blankRow}`)).toHaveLength(1);
    expect(settings.appetite.categories).toEqual({ Highways: "open" });
  });

  // SPEC "Rules": "severity is a setting with the default shown"; README: "each can be error, warning, info or off".
  it("a severity 'critical' is refused by its cell; that rule keeps its default and the other severities still count", () => {
    const { rows, cell } = handEdited({
      ruleSeverities: '{"risk/stale-update": "critical", "risk/no-action": "warning"}',
    });
    const { settings, issues } = cliReads(rows);
    expect(namingCell(issues, cell("ruleSeverities"))).toEqual([expect.stringContaining("critical")]);
    expect(settings.ruleSeverities).toEqual({ "risk/no-action": "warning" });
  });

  // SPEC "The workbook": Settings hold the "as-at date (blank = today)"; "Values": UK day-first dates.
  it("an as-at date of 31/02/2023 is refused (today is used), not rolled on to 3 March", () => {
    const { rows, cell } = handEdited({ asAt: "31/02/2023" });
    const { settings, issues } = cliReads(rows);
    expect(settings.asAt).toBeNull();
    expect(namingCell(issues, cell("asAt"))).toEqual([expect.stringContaining("31/02/2023")]);
  });

  // README "Settings": "A word list left empty is refused (a strategy with no words would make every such
  // cell unknown)"; closedStatusWords "may not be empty". Emptied on the sheet, the list is read as no
  // words at all, with no message: every Closed risk is then open and fires the update and action rules.
  it("an emptied closed-status word list keeps the default words, with a message naming the cell", () => {
    const { rows, cell } = handEdited({ closedStatusWords: null });
    const { settings, issues } = cliReads(rows);
    expect(settings.closedStatusWords).toEqual(defaultSettings().closedStatusWords);
    expect(namingCell(issues, cell("closedStatusWords"))).toHaveLength(1);
  });

  // README "Settings": "A word list left empty is refused (a strategy with no words would make every such cell unknown)".
  it('a strategy whose words were emptied on the sheet ({"treat": []}) keeps Treat\'s words, with a message', () => {
    const { rows, cell } = handEdited({
      strategyWords: JSON.stringify({ ...defaultSettings().strategyWords, treat: [] }),
    });
    const { settings, issues } = cliReads(rows);
    expect(settings.strategyWords.treat).toEqual(defaultSettings().strategyWords.treat);
    expect(namingCell(issues, cell("strategyWords"))).toHaveLength(1);
  });

  // SPEC "History, appetite and proposals": "Thresholds are settings" (README: 1–24 for the rise, 1–12 months).
  it("proposal thresholds of 0 and 99 are refused by their cells, keeping a rise of 6 and 2 months", () => {
    const { rows, cell } = handEdited({ "proposals.escalateRise": 0, "proposals.escalateMonthsAbove": 99 });
    const { settings, issues } = cliReads(rows);
    expect(settings.proposals.escalateRise).toBe(6);
    expect(settings.proposals.escalateMonthsAbove).toBe(2);
    expect(namingCell(issues, cell("proposals.escalateRise"))).toHaveLength(1);
    expect(namingCell(issues, cell("proposals.escalateMonthsAbove"))).toHaveLength(1);
  });

  // README "Settings": rule severities "can be error, warning, info or off". An officer editing the JSON cell
  // types "Warning" and "Off" as Excel capitalises them; read case-sensitively, both are refused and the
  // rules stay at their defaults.
  it("severities typed 'Warning' and ' Off ' by hand are read as warning and off", () => {
    const { rows } = handEdited({
      ruleSeverities: '{"risk/stale-update": "Warning", "risk/next-review-passed": " Off "}',
    });
    const { settings, issues } = cliReads(rows);
    expect(issues).toEqual([]);
    expect(settings.ruleSeverities).toEqual({
      "risk/stale-update": "warning",
      "risk/next-review-passed": "off",
    });
  });
});

// ---------- layout: extra, blank, reordered rows; other versions' rows; text for numbers ----------

describe("Settings sheet edited by hand: its layout", () => {
  // README "Settings": "find the row whose key in column A names the setting … and change its value in column B".
  it("reads blank rows, reordered rows, notes in column D, spaced keys, numbers typed as text and '£50,000' without a message", () => {
    const rows: CellValue[][] = [
      ["Contract Risk Review settings", null, OWNED_MARKER],
      ["Setting", "Value", "Meaning"],
      [null, null, null],
      ["  proposals.escalateRise ", "5 ", "", "changed by J. Smith 03/10"],
      ["escalation.operationsBoardMinImpact", "£50,000", null],
      [],
      ["reviewPeriodMonths", " 3 ", null, "agreed at RMB"],
      ["escalation.corporateMinScore", "15", null],
      ["escalation.directorateMaxScore", "14", null],
      ["asAt", "10/10/2022", null],
      ["rag.amberMax", "12.0", null],
      ["appetite.category", "  Highways :  Averse  ", null],
      ["protectiveMarking", "  OFFICIAL  ", null],
    ];
    const { settings, issues } = cliReads(rows);
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      ...defaultSettings(),
      asAt: AS_AT,
      reviewPeriodMonths: 3,
      rag: { greenMax: 4, amberMax: 12 },
      escalation: {
        ...defaultSettings().escalation,
        corporateMinScore: 15,
        directorateMaxScore: 14,
        operationsBoardMinImpact: 50000,
      },
      proposals: { ...defaultSettings().proposals, escalateRise: 5 },
      appetite: { ...defaultSettings().appetite, categories: { Highways: "averse" } },
      protectiveMarking: "OFFICIAL",
    });
  });

  // SPEC "The workbook": the Settings sheet is shared by "the task pane and the command line". A row an
  // earlier version wrote (no longer a setting) or a later version added changes no setting this one has.
  it("passes over rows an earlier version wrote and rows a later version added, changing nothing else", () => {
    const { rows } = handEdited({ reviewPeriodMonths: 2 });
    rows.splice(4, 0, ["staleAfterDays", 30, "Days before a risk is stale (version 0.9)"]);
    rows.push(["reports.boardPackTitle", "Highways Board", "added by a later version"]);
    const { settings } = cliReads(rows);
    expect(settings).toEqual({ ...defaultSettings(), reviewPeriodMonths: 2 });
  });

  // SPEC "What must never happen": a bad value must not end in "a silent … result". An officer who
  // mistypes the key in column A (reviewPeriodMonth) has changed nothing, and is not told; the rule ids
  // get a "did you mean" already.
  it("a key mistyped by hand in column A (reviewPeriodMonth) is reported by its cell, with the key it was likely meant to be", () => {
    const rows = settingsToRows(defaultSettings()).filter((r) => r[0] !== "reviewPeriodMonths");
    rows.push(["reviewPeriodMonth", 3, ""]);
    const { issues } = cliReads(rows);
    expect(issues).toEqual([expect.stringMatching(/reviewPeriodMonth\b.*reviewPeriodMonths/)]);
    expect(issues[0]).toContain(`${SHEET}!A${rows.length}`);
  });

  // README "Settings": the Settings view edits the review period. The sheet once read 1–120 months and the
  // view only 1–12: a sheet holding 24 was read without a word, and then the Settings view refused to save
  // anything until the officer changed it. Now one range serves both (SETTING_RANGES).
  it("a review period the Settings view refuses (24 months) the sheet refuses too, by its cell; one both take (12) saves back unchanged", () => {
    const refused = handEdited({ reviewPeriodMonths: 24 });
    const read = cliReads(refused.rows);
    expect(namingCell(read.issues, refused.cell("reviewPeriodMonths"))).toHaveLength(1);
    expect(read.settings.reviewPeriodMonths).toBe(defaultSettings().reviewPeriodMonths);
    const { rows } = handEdited({ reviewPeriodMonths: 12 });
    const { settings, issues } = cliReads(rows);
    expect(issues).toEqual([]);
    const saved = fromForm(toForm(settings), settings);
    expect(saved.ok ? "saved" : saved.errors).toBe("saved");
  });
});

// ---------- the round trip: the Settings view saves, the command line reads ----------

describe("round trip: what the Settings view saves, the command line reads the same", () => {
  // SPEC "The workbook": Settings "live in the hidden owned Settings sheet, so the task pane and the command
  // line read the same ones"; SPEC "Command line": "Settings come from the workbook's Settings sheet".
  it("gives the same settings, findings, escalations and proposals in the task pane and the command line", async () => {
    const host = install({
      sheets: [{ name: REGISTER, values: REGISTER_ROWS, numberFormats: registerFormats() }],
    });
    // The officer's Settings view edits.
    const form = toForm(await loadSettings());
    form.asAt = AS_AT;
    form.corporateMinScore = "18";
    form.directorateMinScore = "10";
    form.directorateMaxScore = "17";
    form.appetiteCategories = "Highways: Averse\nFinance: Open";
    form.appetiteDefaultLevel = "minimal";
    form.escalateRise = "4";
    form.ruleSeverities["risk/next-review-passed"] = "off";
    form.ruleSeverities["risk/rag-mismatch"] = "info";
    const edited = fromForm(form, await loadSettings());
    if (!edited.ok) throw new Error(JSON.stringify(edited.errors));
    await saveSettings(edited.settings);

    // The Check view: accept HRC-003's stale update until 31/12/2022; the Import view's profile with a
    // confirmed renumbered pair; a column correction made in the Check view.
    const before = checkWorkbook(await readAllSheets(), {
      settings: await loadSettings(),
      source: "workbook",
    });
    const stale = before.findings.find((f) => f.ruleId === "risk/stale-update" && f.recordId === "HRC-003");
    if (!stale) throw new Error("no stale finding on HRC-003");
    const base = await loadSettings();
    const exception = buildException(
      stale,
      { reason: "Energy contract fixed to March", reviewBy: "2022-12-31", by: "M. Adams" },
      AS_AT,
    );
    const mine: Settings = {
      ...withException(base, exception),
      importProfile: {
        columns: { "Risk ID": "id", "Risk Title": "title", Notes: null },
        targetRegister: REGISTER,
        renumbered: [{ oldId: "HRC-014", newId: "HRC-114" }],
      },
      columnCorrections: [{ sheet: REGISTER, header: "Risk Category", field: "category" }],
    };
    await saveSettings(mine, base);

    const pane = await loadSettingsWithIssues();
    expect(pane.issues).toEqual([]);
    const paneReport = toJsonReport(
      checkWorkbook(await readAllSheets(), { settings: pane.settings, source: "workbook" }),
    );
    expect(
      paneReport.findings.some((f) => f.ruleId === "risk/stale-update" && f.recordId === "HRC-003"),
    ).toBe(false);
    // The edits took effect in the pane: Highways is Averse (HRC-001 above appetite); 20 ≥ 18 is corporate.
    expect(outcome(paneReport).findings).toContain(`risk/above-appetite warning ${REGISTER}!F2 HRC-001`);
    expect(outcome(paneReport).escalations).toContain("HRC-002: corporate-register");

    const file = await workbookFileOf(host, "round-trip.xlsx");
    const cli = settingsFromGrids(await readWorkbookFile(fs.readFileSync(file), "round-trip.xlsx"));
    expect(cli.issues).toEqual([]);
    expect(cli.settings).toEqual(pane.settings);
    expect(outcome(await cliCheckJson(file))).toEqual(outcome(paneReport));
  });

  // SPEC "The workbook": "a user sheet with the same name is never touched (use another name and say so)",
  // and Settings are "read by the task pane and the command line" alike. The pane saves under another name
  // ("Risk Review Setti (Risk Review)"); the command line looks only for "Risk Review Settings" and checks
  // with the defaults instead.
  it("with a user sheet called 'Risk Review Settings', leaves it as it was and the command line still reads the pane's settings", async () => {
    const host = install({
      sheets: [
        { name: REGISTER, values: REGISTER_ROWS, numberFormats: registerFormats() },
        {
          name: SHEET,
          values: [
            ["Setting", "Value"],
            ["reviewPeriodMonths", 6],
          ],
        },
      ],
    });
    const s = defaultSettings();
    s.asAt = AS_AT;
    s.reviewPeriodMonths = 3;
    s.appetite.categories = { Highways: "averse" };
    await saveSettings(s);
    expect(host.cell(SHEET, "B2")?.v).toBe(6);
    const pane = await loadSettingsWithIssues();
    expect(pane.sheetName).not.toBe(SHEET);
    const file = await workbookFileOf(host, "user-settings-sheet.xlsx");
    const cli = settingsFromGrids(await readWorkbookFile(fs.readFileSync(file), "user-settings-sheet.xlsx"));
    expect(cli.settings).toEqual(pane.settings);
  });

  // SPEC "The workbook": "Saving settings never loses a co-author's change". A colleague on a later
  // version added a setting this version does not know; saving from this Settings view rewrites the
  // sheet from the settings it knows and drops that row (the command line's import keeps such rows).
  it("keeps a row a later version added when the Settings view saves", async () => {
    const rows = settingsToRows(defaultSettings());
    rows.push(["reports.boardPackTitle", "Highways Board", "added by a later version"]);
    const host = install({
      sheets: [
        { name: REGISTER, values: REGISTER_ROWS, numberFormats: registerFormats() },
        { name: SHEET, values: rows, visibility: "Hidden" },
      ],
    });
    const base = await loadSettings();
    await saveSettings({ ...base, protectiveMarking: "OFFICIAL" }, base);
    const after = host.snapshot().sheets.find((x) => x.name === SHEET)!.values;
    expect(after.find((r) => r[0] === "protectiveMarking")?.[1]).toBe("OFFICIAL");
    expect(after.find((r) => r[0] === "reports.boardPackTitle")?.[1]).toBe("Highways Board");
  });

  // SPEC "The workbook": owned tabs are "marked as its own (a workbook-level name or a hidden marker cell)".
  // An officer unhides the sheet and inserts a note row above the title: the workbook name (which follows
  // the cell) still marks it, and the pane reads it; the command line looks for the marker in row 1 only.
  it("a note row inserted above the title: the pane and the command line read the same settings", async () => {
    const s = defaultSettings();
    s.asAt = AS_AT;
    s.reviewPeriodMonths = 3;
    const rows: CellValue[][] = [["Note: do not edit below without telling J. Smith"], ...settingsToRows(s)];
    install({
      sheets: [
        { name: REGISTER, values: REGISTER_ROWS, numberFormats: registerFormats() },
        { name: SHEET, values: rows, visibility: "Hidden" },
      ],
      names: [{ name: "CRR_OWNED_1", sheet: SHEET, address: "A2" }],
    });
    const pane = await loadSettings();
    expect(pane.reviewPeriodMonths).toBe(3);
    const file = await writeXlsx(
      "note-row.xlsx",
      [
        { name: REGISTER, rows: REGISTER_ROWS, dateColumns: DATE_COLUMNS },
        { name: SHEET, rows, hidden: true },
      ],
      [{ name: "CRR_OWNED_1", ref: `'${SHEET}'!$A$2` }],
    );
    const cli = settingsFromGrids(await readWorkbookFile(fs.readFileSync(file), "note-row.xlsx"));
    expect(cli.settings).toEqual(pane);
  });
});

// ---------- never a register, never a user's sheet ----------

describe("the Settings sheet and sheets named like it", () => {
  // SPEC "The workbook": "Owned tabs are never taken for registers when the workbook is read".
  it("the command line never lists the Settings sheet as a register, plan or actions sheet, nor finds anything on it", async () => {
    const s = defaultSettings();
    s.asAt = AS_AT;
    s.columnCorrections = [{ sheet: REGISTER, header: "Risk Category", field: "category" }];
    s.acceptedExceptions = [
      {
        ruleId: "risk/no-action",
        sheet: REGISTER,
        recordId: "HRC-002",
        reason: "Risk ID, Risk Owner, Status: agreed",
        reviewBy: "2022-12-31",
        fingerprint: "x",
      },
    ];
    const file = await writeXlsx("owned-settings.xlsx", [
      { name: REGISTER, rows: REGISTER_ROWS, dateColumns: DATE_COLUMNS },
      { name: SHEET, rows: settingsToRows(s), hidden: true },
    ]);
    const report = await cliCheckJson(file);
    expect(report.asAt).toBe(AS_AT);
    expect(report.sheets.find((x) => x.name === SHEET)?.kind).toBe("unknown");
    expect(report.findings.filter((f) => f.sheet === SHEET)).toEqual([]);
  });

  // SPEC "The workbook": "a user sheet with the same name is never touched"; only the owned one holds settings.
  it("a user's own sheets called 'Settings' and 'Risk Review Settings' are never read as the settings", async () => {
    const userRows: CellValue[][] = [
      ["Setting", "Value"],
      ["reviewPeriodMonths", 6],
      ["asAt", "2021-01-01"],
    ];
    const grids = [
      gridFromRows("Settings", userRows),
      gridFromRows(SHEET, userRows),
      gridFromRows(REGISTER, REGISTER_ROWS),
    ];
    expect(settingsFromGrids(grids)).toEqual({ settings: defaultSettings(), issues: [] });
  });

  // SPEC "The workbook": "a user sheet with the same name is never touched (use another name and say so)".
  // `risk-review import` saves its IRIS profile to a new owned Settings sheet under another name; the next
  // command-line run must read that profile back, or each month's import starts from scratch.
  it("`import` into a workbook with a user sheet 'Risk Review Settings' leaves it alone and its saved profile is read back", async () => {
    const registerHeaders = REGISTER_ROWS[0].slice(0, 12);
    const into = await writeXlsx("import-into.xlsx", [
      { name: REGISTER, rows: REGISTER_ROWS.map((r) => r.slice(0, 12)), dateColumns: DATE_COLUMNS },
      {
        name: SHEET,
        rows: [
          ["Setting", "Value"],
          ["reviewPeriodMonths", 6],
        ],
      },
    ]);
    const exportFile = path.join(tmp, "iris.csv");
    const exportRow = [
      "HRC-001",
      "Gritting fleet unavailable",
      "Ann Lee",
      3,
      4,
      12,
      "Amber",
      "Treat",
      "Spare gritters",
      "03/10/2022",
      "01/11/2022",
      "Open",
    ];
    fs.writeFileSync(exportFile, [registerHeaders, exportRow].map((r) => r.join(",")).join("\r\n"));
    const out = path.join(tmp, "import-out.xlsx");
    const run = await runMain([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      out,
      "--register",
      REGISTER,
      "--as-at",
      AS_AT,
    ]);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.status).toBe(0);
    const grids = await readWorkbookFile(fs.readFileSync(out), "import-out.xlsx");
    const user = grids.find((g) => g.sheetName === SHEET)!;
    expect(user.owned).not.toBe(true);
    expect(user.values).toEqual([
      ["Setting", "Value"],
      ["reviewPeriodMonths", 6],
    ]);
    // The profile was saved, on an owned sheet under another name …
    const saved = grids.find((g) => g.owned && g.values.some((r) => r[0] === "importProfile" && r[1]));
    expect(saved?.sheetName).not.toBe(SHEET);
    // … and the next run must find it.
    expect(settingsFromGrids(grids).settings.importProfile).not.toBeNull();
  });
});
