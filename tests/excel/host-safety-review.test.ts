// Review: is every Excel call of the adapter (src/excel) safe on every host the manifest claims (ExcelApi
// 1.9: Excel on the web, Windows, Mac, iPad), and does it hold to what Excel really does? Each case asserts
// what Excel does or what SPEC/DESIGN require. Where the fake host is more lenient than Excel, this file
// makes it stricter (below) rather than weakening the expectation, and says how it stands in for Excel.

import type { CellValue, Grid } from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check";
import type { Report } from "../../src/core/model/report";
import { defaultSettings } from "../../src/core/model/settings";
import { emptyFormat, OWNED_TAB_STYLE, type OwnedTab } from "../../src/core/model/owned-tab";
import { planImport, proposeImportMapping, toWorkbookEdits } from "../../src/core/merge";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { buildSummaryTabs } from "../../src/core/summary";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { fieldColumnsOf, recordToEdits, type RecordChoice } from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { applyEdits } from "../../src/excel/apply-edits";
import { PlainError } from "../../src/excel/gateway";
import { markCells } from "../../src/excel/mark-cells";
import { setPayloadBudget } from "../../src/excel/payload";
import { readAllSheets } from "../../src/excel/read-sheets";
import { onSync } from "../../src/excel/run";
import { openUpdateLog, recordUpdate, type RecordUpdateRequest } from "../../src/excel/record-update";
import { selectCell } from "../../src/excel/select-cell";
import { saveSettings } from "../../src/excel/settings-store";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { DEFAULT_PAYLOAD_LIMIT, uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { SheetState } from "../fakes/fake-state";
import { exportGrid, registerGrid, risk as exportRisk } from "../core/merge/helpers";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { bigSheet, install } from "./helpers";

/**
 * A stricter fake, for this file only. Excel holds at most 32,767 characters in a cell (DESIGN "Excel, as
 * it really behaves"; Excel specifications and limits) and refuses a longer value; and a value written to
 * a cell of a merged area other than its top-left cell does not stay there (Excel ignores or refuses it).
 * The shared fake accepts both, so `range.values` goes through this check first. Excel stops a batch at its
 * first failing instruction and keeps what ran before it; the fake already does that.
 */
jest.mock("../fakes/fake-state", () => {
  const actual = jest.requireActual<typeof import("../fakes/fake-state")>("../fakes/fake-state");
  return {
    ...actual,
    writeCellValue(
      sheet: InstanceType<typeof actual.SheetState>,
      row: number,
      col: number,
      value: unknown,
    ): void {
      if (typeof value === "string") {
        const stored = value.startsWith("'") ? value.slice(1) : value;
        if (stored.length > 32_767)
          actual.fail(
            "InvalidArgument",
            `The argument is invalid or missing or has an incorrect format (a text of ${stored.length} characters).`,
          );
      }
      if (value !== null && value !== undefined && value !== "") {
        for (const m of sheet.merges) {
          const inside = row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
          if (inside && (row !== m.top || col !== m.left))
            actual.fail("InvalidOperation", "Cannot change part of a merged cell.");
        }
      }
      actual.writeCellValue(sheet, row, col, value);
    },
  };
});

afterEach(() => uninstallFakeExcel());

const MEETING = "2022-10-10";
const HEADING = { asAt: MEETING, source: "workbook", version: "test", marking: "OFFICIAL" };
const FIVE_MB = DEFAULT_PAYLOAD_LIMIT;

const snap = (host: FakeHost, sheet: string) => host.snapshot().sheets.find((s) => s.name === sheet)!;
const sheetNames = (host: FakeHost) => host.snapshot().sheets.map((s) => s.name);

function sheetSpec(g: Grid, name = g.sheetName) {
  return { name, values: g.values, numberFormats: g.numberFormats };
}

/** The meeting's register (title row, header row, two risks): row 3 HRC-001, row 4 HRC-002. */
function meetingBook(extra: { protectRegister?: boolean } = {}) {
  const values: CellValue[][] = [
    ["Contract risk register"],
    REGISTER_HEADERS,
    risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
    risk({ id: "HRC-002", lastReview: "01/06/2022", update: "Drains cleared" }),
  ];
  return install({ sheets: [{ name: "IRIS Risks", values, protected: extra.protectRegister }] });
}

async function checked(): Promise<Report> {
  const grids = await readAllSheets();
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: MEETING,
    today: MEETING,
    source: "workbook",
  });
}

/** What the meeting view asks recordUpdate to do for `id` (as record-update.test.ts builds it). */
async function meetingRequest(
  id: string,
  choice: RecordChoice,
  logSheet: string,
): Promise<RecordUpdateRequest> {
  const report = await checked();
  const facts = report.risks.find((f) => f.id === id)!;
  const plan = recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: null,
  });
  const snapshot = rowSnapshot(
    facts.record,
    report.sheets.find((s) => s.name === facts.sheet)!,
  )!;
  return { cells: plan.cells, log: plan.log, logSheet, expected: [snapshot] };
}

/** Reads the open workbook and plans `exportRows` into `target`, as the task pane does. */
async function planInto(exportRows: CellValue[][], target = "Register"): Promise<WorkbookEdits> {
  const grids = await readAllSheets();
  const exportGrids = [exportGrid(exportRows)];
  const mapping = proposeImportMapping(exportGrids, null, MEETING);
  if (!mapping.ok) throw new Error(mapping.problem.message);
  const planned = planImport({
    exportGrids,
    mapping: mapping.value,
    workbookGrids: grids,
    targetRegister: target,
    settings: defaultSettings(),
    asAt: MEETING,
    importedAt: `${MEETING} 09:00`,
    fileName: "iris.xlsx",
  });
  if (!planned.ok) throw new Error(planned.problem.message);
  return toWorkbookEdits(planned.value);
}

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

/** WCAG relative luminance of "#RRGGBB". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("requirement sets: the manifest declares ExcelApi 1.9", () => {
  // DESIGN: "Declare ExcelApi 1.9 in manifest.xml … Feature-test anything newer with isSetSupported." The fake
  // refuses (ApiNotFound) every API it models above its version; a host at exactly 1.9 is the oldest the
  // manifest lets in (Excel 2021, Mac, iPad builds at 1.9).
  it("runs every adapter entry point on a host at exactly ExcelApi 1.9 without calling an API above it", async () => {
    const host = install({
      apiVersion: "1.9",
      sheets: [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001" }),
            risk({ id: "HRC-002", strategy: null, likelihood: 5, impact: 5, score: "=D4*E4", rag: "Red" }),
          ],
          merges: ["A1:C1"],
        },
      ],
    });
    const report = await checked();
    const tabs = buildSummaryTabs(report, defaultSettings(), { version: "test", chart: "native" });
    for (const tab of tabs) await writeOwnedTab(tab);
    const targets = report.findings
      .filter((f) => f.cell !== null)
      .map((f) => ({ sheet: f.sheet, address: f.cell! }));
    expect(targets.length).toBeGreaterThan(0);
    await markCells(targets);
    await selectCell(targets[0]);
    await saveSettings(defaultSettings());
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const result = await recordUpdate(
      await meetingRequest("HRC-001", { text: "Reviewed", noChange: false }, logSheet),
    );
    expect(result.ok).toBe(true);
    const errors = host
      .stats()
      .perSync.map((s) => s.error)
      .filter((e) => e !== undefined);
    expect(errors).not.toContain("ApiNotFound");

    // An import into a register that is a table without a Total row: Table.resize is ExcelApi 1.13.
    const g = registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]);
    const host2 = install({
      apiVersion: "1.9",
      sheets: [{ ...sheetSpec(g), tables: [{ name: "Risks", address: "A2:K4" }] }],
    });
    const imported = await applyEdits(
      await planInto([exportRisk("HRC-001"), exportRisk("HRC-002"), exportRisk("HRC-003")]),
    );
    expect(imported.warnings.join(" ")).toMatch(/Resize Table/);
    expect(host2.stats().perSync.map((s) => s.error)).not.toContain("ApiNotFound");
  });
});

describe("payload limits: Excel on the web refuses a request or response over 5 MB", () => {
  // DESIGN: "Excel on the web rejects requests or responses over about 5 MB … size blocks from the cell
  // count and halve and retry on that error."
  it("reads a 20,000-row × 30-column register whole, every request and answer under 5 MB", async () => {
    const host = install({ sheets: [bigSheet("Register", 20_000, 30, 24)] });
    const [grid] = await readAllSheets();
    expect(grid.values).toHaveLength(20_001);
    expect(grid.values[20_000][0]).toBe("HRC-20000");
    expect(grid.values[20_000][29]).toHaveLength(24);
    const stats = host.stats();
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(FIVE_MB);
  });

  it("reads cells of 30,000 characters and writes an owned tab quoting them, every payload under 5 MB", async () => {
    const host = install({ sheets: [bigSheet("Register", 40, 30, 30_000)] });
    const [grid] = await readAllSheets();
    expect(grid.values).toHaveLength(41);
    expect((grid.values[40][29] as string).length).toBe(30_000);
    const quoted: OwnedTab = {
      name: "Escalation",
      kind: "escalation",
      rows: [["Escalation"], ...grid.values],
      format: { ...emptyFormat(), titleRows: [0], headerRows: [1] },
    };
    host.resetStats();
    await writeOwnedTab(quoted);
    expect(host.stats().maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect((host.cell("Escalation", "AD42")?.v as string).length).toBe(30_000);
  });

  // DESIGN: "getMergedAreasOrNullObject … read it per sheet in its own sync, load `areas`, and carry on
  // without merges when it fails." read-range-areas.ts asks every sheet's rectangles in one shared sync and,
  // when that one answer is too large, marks every sheet unread: one calculation sheet with many formula
  // areas then costs the register its merged cells and its formula cells, and an import into the register
  // is refused ("formula cells Excel could not list"). Scaled down: the limit is 100 kB here, not 5 MB; a
  // real sheet needs ~85,000 formula areas (a model with formulas and constants interleaved) to do the same.
  it("one sheet whose formula areas overflow the answer does not cost the register its merges and formulas", async () => {
    const g = registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]);
    const values = g.values.map((r) => [...r]);
    values[2][5] = "=D3*E3";
    const calc: CellValue[][] = Array.from({ length: 4000 }, (_, r) => [r % 2 === 0 ? "=1+1" : r]);
    install({
      apiVersion: "1.13",
      payloadLimit: 100_000,
      sheets: [
        { name: "Register", values, numberFormats: g.numberFormats, merges: ["A1:K1"] },
        { name: "Calc", values: calc },
      ],
    });
    setPayloadBudget(60_000);
    const grids = await readAllSheets();
    const reg = grids.find((x) => x.sheetName === "Register")!;
    expect(reg.mergesUnread).toBeFalsy();
    expect(reg.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 10 }]);
    expect(reg.formulasUnread).toBeFalsy();
    expect(reg.formulas?.size).toBe(1);
  });
});

describe("text Excel would change: formulas and the 32,767-character cell", () => {
  // DESIGN: "Strings written to values that start with =, +, - or @ become formulas … Text that starts with =,
  // +, -, @, tab, CR or LF gets a leading apostrophe". SPEC "What must never happen": imported text becoming
  // a formula. The meeting's update text is typed by the officer: the same rule.
  it("stores a meeting update starting with = + - @ tab or CR LF as that text, never a formula, on the register and the log", async () => {
    for (const text of [
      "=SUM(A1:A9)",
      "+44 20 7946 0000",
      "-ve trend, see note",
      "@Jane to chase",
      "\tindented",
      "\r\nsecond line",
    ]) {
      const host = meetingBook();
      const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
      const result = await recordUpdate(await meetingRequest("HRC-001", { text, noChange: false }, logSheet));
      expect(result.ok).toBe(true);
      expect(host.cell("IRIS Risks", "K3")?.v).toBe(text.trim());
      expect(snap(host, logSheet).values.at(-1)![4]).toBe(text.trim()); // Date, Register, Risk ID, By, Update
      expect(snap(host, "IRIS Risks").formulas).toEqual({});
      expect(snap(host, logSheet).formulas).toEqual({});
      uninstallFakeExcel();
    }
  });

  // SPEC "Writing files" / "What must never happen": a formula cell is never replaced by a value, and text
  // is stored as text. record-update.ts tells a formula by `Range.formulas` starting with "=": Excel's
  // `formulas` gives a constant's own text for a cell without a formula, without the apostrophe that made
  // it text (office-js#6687; the fake does the same), so last
  // month's update "=SUM(A1:A9) …", stored as text, is taken for a formula: this month's update is never
  // written to the register ("kept formula") though the Update Log says it was. Range.getSpecialCells
  // ("Formulas"), or `values` differing from `formulas`, tells the two apart (read-sheets.ts does so).
  it('replaces last month\'s update that was text starting with "=": text is not a formula', async () => {
    const host = meetingBook();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    await recordUpdate(
      await meetingRequest("HRC-001", { text: "=SUM of works orders 14", noChange: false }, logSheet),
    );
    expect(host.cell("IRIS Risks", "K3")?.formula).toBeUndefined();
    const result = await recordUpdate(
      await meetingRequest("HRC-001", { text: "Works orders closed", noChange: false }, logSheet),
    );
    expect(result.ok && result.keptFormulas).toEqual([]);
    expect(host.cell("IRIS Risks", "K3")?.v).toBe("Works orders closed");
  });

  // DESIGN: "Excel holds at most 32,767 characters in a cell". SPEC "Writing files": "A text longer than a
  // cell holds (32,767 characters) is not written … and the cell keeps its value"; SPEC "What must never
  // happen": "… a half-written workbook. It ends in a plain-English message …, and the workbook as it was."
  // recordUpdate sends the text as it is (no fitCell, no check) in one batch after the Last Reviewed date:
  // Excel refuses the long text and keeps the date written before it, and the log row never comes.
  it("a meeting update of 40,000 characters: no cell over 32,767 is sent, and the register is not half-written", async () => {
    const host = meetingBook();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const before = snap(host, "IRIS Risks").values;
    const logBefore = snap(host, logSheet).values;
    const request = await meetingRequest("HRC-001", { text: "x".repeat(40_000), noChange: false }, logSheet);
    const error = await failure(recordUpdate(request));
    if (error) {
      expect(error).toBeInstanceOf(PlainError);
      expect(snap(host, "IRIS Risks").values).toEqual(before);
      expect(snap(host, logSheet).values).toEqual(logBefore);
    }
    for (const sheet of host.snapshot().sheets)
      for (const row of sheet.values)
        for (const v of row) expect(typeof v === "string" ? v.length : 0).toBeLessThanOrEqual(32_767);
  });

  // SPEC "Writing files": "A text longer than a cell holds (32,767 characters) is not written: the preview
  // and the log name the cell and the length, and the cell keeps its value."
  it("an import whose export text is 40,000 characters leaves that cell as it was and logs the length", async () => {
    const host = install({
      sheets: [sheetSpec(registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]))],
    });
    const edits = await planInto([
      exportRisk("HRC-001", { "Review Commentary": "y".repeat(40_000), "Risk Score": 12 }),
      exportRisk("HRC-002"),
    ]);
    const result = await applyEdits(edits);
    const reg = snap(host, "Register");
    const header = reg.values[1] as string[];
    expect(reg.values[2][header.indexOf("Review Commentary")]).toBe("Commentary HRC-001");
    expect(reg.values[2][header.indexOf("Risk Score")]).toBe(12);
    const log = snap(host, result.logs[0].sheet).values.flat().map(String);
    expect(log.some((v) => /40,000/.test(v))).toBe(true);
  });
});

describe("sheet names: apostrophes, ampersands and Excel's 31 characters", () => {
  // Excel: a sheet name is at most 31 characters, without : \ / ? * [ ], and a reference to it quotes it
  // with its apostrophes doubled ('O''Neill''s …'!A1). SPEC: owned tabs (dated backups among them) "are
  // never taken for registers when the workbook is read"; Escalation's links go to the risk's row.
  it("imports into a 31-character register named with an apostrophe: backup fits, is owned, links and marks work", async () => {
    const name = "O'Neill's Highways & Lighting R";
    expect(name).toHaveLength(31);
    const host = install({
      sheets: [
        sheetSpec(
          registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002", { "Risk Response Strategy": null })]),
          name,
        ),
      ],
    });
    const edits = await planInto(
      [
        exportRisk("HRC-001", { "Risk Score": 12 }),
        exportRisk("HRC-002", { "Risk Response Strategy": null }),
      ],
      name,
    );
    const result = await applyEdits(edits);
    const backup = result.backups[0].to;
    expect(backup.length).toBeLessThanOrEqual(31);
    expect(sheetNames(host)).toContain(backup);
    const grids = await readAllSheets();
    expect(grids.find((g) => g.sheetName === backup)?.owned).toBe(true);
    expect(grids.find((g) => g.sheetName === name)?.owned).toBeFalsy();

    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: MEETING,
      today: MEETING,
      source: "workbook",
    });
    for (const tab of buildSummaryTabs(report, defaultSettings(), { version: "test" }))
      await writeOwnedTab(tab);
    const links = Object.values(snap(host, "Exceptions").links).map((l) => l.documentReference);
    expect(links.some((l) => l?.startsWith("'O''Neill''s Highways & Lighting R'!"))).toBe(true);
    const target = report.findings.find((f) => f.sheet === name && f.cell)!;
    await markCells([{ sheet: name, address: target.cell! }]);
    await selectCell({ sheet: name, address: target.cell! });
    expect(host.snapshot().selection).toEqual({ sheet: name, address: target.cell });
  });
});

describe("protected sheets (Review › Protect Sheet: Excel refuses every change to their cells)", () => {
  // SPEC "What must never happen": "… a half-written workbook. It ends in a plain-English message naming the
  // file, sheet and cell, and the workbook as it was." An Update Log protected as an audit trail: recordUpdate
  // queues the register cells first and the log rows after them in one batch; Excel runs the register's and
  // stops at the log's (AccessDenied). The register shows the new update with no log row, and the message is
  // the generic "The workbook or sheet is protected" (errors.ts), naming no sheet.
  it("a meeting whose Update Log is protected writes nothing and names the log", async () => {
    const host = meetingBook();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    host.sheet(logSheet).protected = true;
    const before = snap(host, "IRIS Risks").values;
    const error = await failure(
      recordUpdate(await meetingRequest("HRC-001", { text: "Reviewed at RMB", noChange: false }, logSheet)),
    );
    expect(error).toBeInstanceOf(PlainError);
    expect(snap(host, "IRIS Risks").values).toEqual(before);
    expect((error as PlainError).message).toContain(`"${logSheet}"`);
  });

  // Same SPEC sentence. applyEdits names the protected sheet (protectedSheetsMessage); the meeting does not.
  it("a meeting on a protected register writes nothing and names the register", async () => {
    const host = meetingBook({ protectRegister: true });
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const logBefore = snap(host, logSheet).values;
    const error = await failure(
      recordUpdate(await meetingRequest("HRC-001", { text: "Reviewed at RMB", noChange: false }, logSheet)),
    );
    expect(error).toBeInstanceOf(PlainError);
    expect(snap(host, logSheet).values).toEqual(logBefore);
    expect((error as PlainError).message).toContain('"IRIS Risks"');
  });

  // Same SPEC sentence. A conditional format cannot be added on a protected sheet. markCells deletes the old
  // marks and adds the new ones in one batch: Excel runs the deletions and the other sheets' additions, stops
  // at the protected sheet, and the pane shows the generic protection message.
  it("marking cells when one sheet is protected names that sheet and leaves the earlier marks as they were", async () => {
    const host = install({
      sheets: [
        { name: "IRIS Risks", values: [["Ref"], ["HRC-001"], ["HRC-002"]] },
        { name: "Annex B", values: [["Ref"], ["AB-01"]] },
      ],
    });
    await markCells([{ sheet: "IRIS Risks", address: "A2" }]);
    const marksBefore = snap(host, "IRIS Risks").conditionalFormats;
    host.sheet("Annex B").protected = true;
    const error = await failure(
      markCells([
        { sheet: "IRIS Risks", address: "A3" },
        { sheet: "Annex B", address: "A2" },
      ]),
    );
    expect(error).toBeInstanceOf(PlainError);
    expect((error as PlainError).message).toContain('"Annex B"');
    expect(snap(host, "IRIS Risks").conditionalFormats).toEqual(marksBefore);
  });

  // Same SPEC sentence. An owned tab the officer protected: the rewrite must not lose the old tab (it does
  // not: the staging sheet is dropped), but the message must say which tab, as applyEdits's does.
  it("rewriting an owned tab the officer protected keeps the old tab, leaves no staging sheet, and names the tab", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"]] }] });
    const tab = (title: string): OwnedTab => ({
      name: "Escalation",
      kind: "escalation",
      rows: [[title], ["Id"], ["HRC-001"]],
      format: { ...emptyFormat(), titleRows: [0], headerRows: [1] },
    });
    await writeOwnedTab(tab("September"));
    host.sheet("Escalation").protected = true;
    const error = await failure(writeOwnedTab(tab("October")));
    expect(sheetNames(host)).toEqual(["IRIS Risks", "Escalation"]);
    expect(host.cell("Escalation", "A1")?.v).toBe("September");
    expect(error).toBeInstanceOf(PlainError);
    expect((error as PlainError).message).toContain('"Escalation"');
  });
});

describe("sheets renamed or deleted between the check and the write", () => {
  // SPEC "What must never happen": the message names the sheet. The officer renames the Update Log during
  // the meeting (it stays the add-in's by its CRR_OWNED_* name): nothing is written (good), but the message
  // is the generic ItemNotFound one ("A sheet the add-in needed …"), naming no sheet.
  it("a meeting after the officer renamed the Update Log writes nothing and says which sheet went", async () => {
    const host = meetingBook();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const request = await meetingRequest("HRC-001", { text: "Reviewed", noChange: false }, logSheet);
    host.sheet(logSheet).name = "Update Log 2022";
    const before = snap(host, "IRIS Risks").values;
    const error = await failure(recordUpdate(request));
    expect(error).toBeInstanceOf(PlainError);
    expect(snap(host, "IRIS Risks").values).toEqual(before);
    expect((error as PlainError).message).toContain('"Update Log"');
  });

  // SPEC: "Only owned tabs are ever rewritten"; officers keep last month's pack by renaming the tab.
  it("an owned tab the officer renamed to keep it is left alone; the next write makes a new tab", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"]] }] });
    const tab = (title: string): OwnedTab => ({
      name: "Risk Summary",
      kind: "risk-summary",
      rows: [[title], ["Count"], [3]],
      format: { ...emptyFormat(), titleRows: [0], headerRows: [1] },
    });
    await writeOwnedTab(tab("September"));
    host.sheet("Risk Summary").name = "Risk Summary Sept";
    const result = await writeOwnedTab(tab("October"));
    expect(result.sheetName).toBe("Risk Summary");
    expect(host.cell("Risk Summary Sept", "A1")?.v).toBe("September");
    expect(host.cell("Risk Summary", "A1")?.v).toBe("October");
  });
});

describe("tables (ListObjects) and merged cells on the officers' sheets", () => {
  // Excel: Range("6:6").insert(Down) inserts whole sheet rows, so every table on those rows gains a blank
  // row too. apply-edits.ts makeBackups inserts whole rows at the register table's Total row; a lookup
  // table beside the register (a scoring key) gets a blank row in the middle of its data. SPEC "User
  // sheets": the add-in changes them "only when the officer asks for that change"; "Tables: … nothing else
  // about the table changes"; "Lossless: … only the listed cells, the new rows, the backup sheet and the log
  // changed". Inserting cells in the register's own columns (A6:K6, shift down) would leave the key alone.
  it("an import above a Total row leaves a table beside the register as it was", async () => {
    const g = registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002"), exportRisk("HRC-003")]);
    const values: CellValue[][] = g.values.map((r) => [...r]);
    values.push(["Total", null, null, null, null, "=SUBTOTAL(109,[Risk Score])"]);
    // The key: N3:O6 (a blank column between), ending on the register's Total row (row 6), nothing below.
    const key: CellValue[][] = [
      ["Score", "Band"],
      [4, "Green"],
      [12, "Amber"],
      [25, "Red"],
    ];
    key.forEach((row, i) => {
      const r = values[2 + i];
      values[2 + i] = [...r, ...Array<CellValue>(13 - r.length).fill(null), ...row];
    });
    const host = install({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Register",
          values,
          numberFormats: g.numberFormats,
          tables: [
            { name: "Risks", address: "A2:K6", showTotals: true },
            { name: "ScoreKey", address: "N3:O6" },
          ],
        },
      ],
    });
    const keyBefore = snap(host, "Register")
      .values.slice(2, 6)
      .map((r) => r.slice(13, 15));
    const edits = await planInto([
      exportRisk("HRC-001"),
      exportRisk("HRC-002"),
      exportRisk("HRC-003"),
      exportRisk("HRC-004"),
    ]);
    expect(edits.totalsRowMoves).toEqual([{ sheet: "Register", row: 5, by: 1 }]);
    await applyEdits(edits);
    const after = snap(host, "Register");
    expect(after.tables.find((t) => t.name === "Risks")?.address).toBe("A2:K7");
    expect(after.values[5][0]).toBe("HRC-004");
    expect(after.tables.find((t) => t.name === "ScoreKey")?.address).toBe("N3:O6");
    expect(after.values.slice(2, 6).map((r) => r.slice(13, 15))).toEqual(keyBefore);
  });

  // SPEC "Section rows": a heading in "a merged area spanning most of the table's width". Excel keeps a
  // value only in a merged area's top-left cell; the stricter fake refuses a value elsewhere in it. An import
  // changing the rows either side of a merged section row must not write into it.
  it("an import around a merged section row writes no cell of the merged area", async () => {
    const g = registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]);
    const values: CellValue[][] = g.values.map((r) => [...r]);
    values.splice(3, 0, ["Financial and commercial risks"]);
    const formats = g.numberFormats!.map((r) => [...r]);
    formats.splice(3, 0, []);
    const host = install({
      sheets: [{ name: "Register", values, numberFormats: formats, merges: ["A4:I4"] }],
    });
    const edits = await planInto([
      exportRisk("HRC-001", { "Risk Score": 12, "Current Likelihood": 4 }),
      exportRisk("HRC-002", { "Risk Score": 6, "Current Likelihood": 2 }),
    ]);
    await applyEdits(edits);
    const reg = snap(host, "Register");
    expect(reg.values[3][0]).toBe("Financial and commercial risks");
    expect(reg.values[3].slice(1).every((v) => v === "")).toBe(true);
    expect([reg.values[2][5], reg.values[4][5]]).toEqual([12, 6]);
  });
});

describe("hidden and very hidden sheets", () => {
  // DESIGN: page layout and freeze panes "can fail … on hidden sheets: set them in their own sync, and a
  // failure is a warning on that tab, not a failed write". SPEC: a user sheet with the same name is never
  // touched, whether or not it is hidden.
  it("rewrites an owned tab the officer hid (it stays hidden, warnings only) and never a very hidden user sheet of the same name", async () => {
    const host = install({
      sheets: [
        { name: "IRIS Risks", values: [["Ref"]] },
        { name: "Exceptions", values: [["Officer's own exceptions"]], visibility: "VeryHidden" },
      ],
    });
    const tab = (kind: OwnedTab["kind"], name: string, title: string): OwnedTab => ({
      name,
      kind,
      rows: [[title], ["Id"], ["HRC-001"]],
      format: { ...emptyFormat(), titleRows: [0], headerRows: [1], freezeBelowRow: 1 },
    });
    await writeOwnedTab(tab("risk-summary", "Risk Summary", "September"));
    host.sheet("Risk Summary").visibility = "Hidden";
    const rewritten = await writeOwnedTab(tab("risk-summary", "Risk Summary", "October"));
    expect(rewritten.sheetName).toBe("Risk Summary");
    expect(host.cell("Risk Summary", "A1")?.v).toBe("October");
    expect(snap(host, "Risk Summary").visibility).toBe("Hidden");
    expect(sheetNames(host).some((n) => /^CRR writing/.test(n))).toBe(false);
    const exceptions = await writeOwnedTab(tab("exceptions", "Exceptions", "Findings"));
    expect(exceptions.sheetName).toBe("Exceptions (Risk Review)");
    expect(snap(host, "Exceptions").values).toEqual([["Officer's own exceptions"]]);
    expect(snap(host, "Exceptions").visibility).toBe("VeryHidden");
  });
});

describe("colours in dark mode", () => {
  // In dark mode (Excel for Mac, Excel for Windows with dark cells) the sheet is dark and Automatic font
  // colour is drawn light, while an explicit fill keeps its colour: text on a light fill stays readable only
  // if its font colour is set too. owned-tab.ts: RAG cells use "dark text on a light fill, readable at AA
  // contrast". The header rows get the light fill #D9E1F2 and Automatic font: light text on light blue.
  it("every cell the owned tabs fill carries an explicit font colour at AA contrast (4.5:1) on that fill", async () => {
    const host = install({
      sheets: [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001" }),
            risk({ id: "HRC-002", likelihood: 5, impact: 5, score: 25, rag: "Red", strategy: null }),
            risk({ id: "HRC-003", likelihood: 1, impact: 2, score: 2, rag: "Green" }),
          ],
        },
      ],
    });
    const report = await checked();
    for (const tab of buildSummaryTabs(report, defaultSettings(), { version: "test" }))
      await writeOwnedTab(tab);
    const owned = ["Escalation", "Exceptions", "Risk Summary"];
    const unreadable = new Set<string>();
    let ragCells = 0;
    for (const name of owned) {
      host.sheet(name).rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell?.fill || cell.v === "" || cell.v === null) return;
          if (Object.values(OWNED_TAB_STYLE.rag).some((x) => x.fill === cell.fill)) ragCells += 1;
          const font = cell.fontColor;
          if (!font || contrast(font, cell.fill) < 4.5)
            unreadable.add(
              `${name} (first at R${r + 1}C${c + 1}): fill ${cell.fill}, font ${font ?? "Automatic"}`,
            );
        }),
      );
    }
    expect(ragCells).toBeGreaterThan(0);
    // One line per tab and colour pair (the first cell found).
    const pairs = new Map<string, string>();
    for (const u of unreadable)
      pairs.set(u.replace(/ \(first at [^)]*\)/, ""), pairs.get(u.replace(/ \(first at [^)]*\)/, "")) ?? u);
    expect([...pairs.values()]).toEqual([]);
  });

  // Same reason: a mark is a light fill (#F8CBAD) over the officer's cell, whose font is usually Automatic.
  it("a mark on a flagged cell sets a dark font colour with its light fill", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"], ["HRC-001"]] }] });
    await markCells([{ sheet: "IRIS Risks", address: "A2" }]);
    const [cf] = host.sheet("IRIS Risks").cfs;
    expect(cf.fill).toBeDefined();
    expect(cf.fontColor).toBeDefined();
    expect(contrast(cf.fontColor!, cf.fill!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("dates: Excel serials with a UK date format, never text", () => {
  // SPEC "Owned tabs": "Dates are written as Excel dates with a UK date format, never as text." DESIGN:
  // "Dates arrive as serial numbers; numberFormat tells a date from a number." Text such as "01/10/2022" in
  // a General cell is read by Excel by the machine's locale (month-first on a US build).
  it("writes the owned tabs', the Update Log's and an import's dates as serials with dd/mm/yyyy", async () => {
    const host = meetingBook();
    const report = await checked();
    for (const tab of buildSummaryTabs(report, defaultSettings(), { version: "test" }))
      await writeOwnedTab(tab);
    const dateText = /^\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})\s*$/;
    let serials = 0;
    for (const name of ["Escalation", "Exceptions", "Risk Summary"]) {
      for (const row of host.sheet(name).rows)
        for (const cell of row ?? []) {
          if (!cell) continue;
          expect(typeof cell.v === "string" && dateText.test(cell.v) ? cell.v : null).toBeNull();
          if (typeof cell.v === "number" && cell.nf === "dd/mm/yyyy") serials += 1;
        }
    }
    expect(serials).toBeGreaterThan(0);

    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    await recordUpdate(await meetingRequest("HRC-001", { text: "Reviewed", noChange: false }, logSheet));
    const logRow = snap(host, logSheet).values.length;
    expect(host.cell(logSheet, `A${logRow}`)?.v).toBe(44844);
    expect(host.cell(logSheet, `A${logRow}`)?.nf).toBe("dd/mm/yyyy");
    expect(host.cell("IRIS Risks", "J3")?.v).toBe(44844);

    const host2 = install({
      sheets: [sheetSpec(registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]))],
    });
    await applyEdits(
      await planInto([exportRisk("HRC-001", { "Date of Last Review": 44830 }), exportRisk("HRC-002")]),
    );
    const reg = snap(host2, "Register");
    const col = (reg.values[1] as string[]).indexOf("Date of Last Review");
    expect(reg.values[2][col]).toBe(44830);
    expect(host2.sheet("Register").cell(2, col)?.nf).toBe("dd/mm/yyyy");
  });
});

describe("a sync that fails part-way", () => {
  // Excel stops a batch at its first failing instruction and keeps what ran before it. Two officers import
  // the same export into a co-authored workbook on the same day: both plan the backup "Backup Register
  // 2022-10-10"; the second's batch copies the register (Worksheet.copy), then fails to rename the copy
  // (ItemAlreadyExists). makeBackups says "nothing was changed", but an unowned copy "Register (2)" is left,
  // which the next check reads as a second register (every id a duplicate). SPEC "What must never happen":
  // "… a half-written workbook … and the workbook as it was."
  it("a backup whose name a co-author took since the check leaves no stray copy of the register", async () => {
    const host = install({
      sheets: [sheetSpec(registerGrid([exportRisk("HRC-001"), exportRisk("HRC-002")]))],
    });
    const edits = await planInto([exportRisk("HRC-001", { "Risk Score": 12 }), exportRisk("HRC-002")]);
    const backup = edits.copies[0].to;
    const stop = onSync((e) => {
      if (e.label === "apply: used ranges and log tabs" && !host.findSheet(backup))
        host.sheets.push(new SheetState(backup));
    });
    const before = snap(host, "Register").values;
    const error = await failure(applyEdits(edits));
    stop();
    expect(error).toBeInstanceOf(PlainError);
    expect(sheetNames(host)).toEqual(["Register", backup]);
    expect(snap(host, "Register").values).toEqual(before);
    expect(host.snapshot().names).toEqual([]);
  });
});
