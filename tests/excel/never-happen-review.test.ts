/** @jest-environment jsdom */
// Review against SPEC "What must never happen", for every write the task pane makes on the strict fake host
// (tests/fakes): the import apply (apply-edits.ts), a meeting's record of an update (record-update.ts), the
// owned tabs (write-owned-tab.ts), the marks (mark-cells.ts) and the settings (settings-store.ts), and the
// Summaries view's write of the four tabs (useWorkbook). It asks: is a user's row or cell ever deleted or
// overwritten without the officer asking (tables beside and below the register, notes below a register or a
// log, sheets whose names look like owned tabs); does typed or imported text ever become a formula; does a
// refused sync part-way through a write leave the workbook as it was, or say what was written; and does any
// data leave the workbook (a static scan of the pane's source). Each case quotes what it holds the product
// to; "(judgement)" marks an officer's expectation SPEC does not spell out.

import * as fs from "fs";
import * as path from "path";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check";
import type { Report } from "../../src/core/model/report";
import { defaultSettings } from "../../src/core/model/settings";
import { planImport, proposeImportMapping, toWorkbookEdits } from "../../src/core/merge";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { buildSummaryTabs } from "../../src/core/summary";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { fieldColumnsOf, recordToEdits, type RecordChoice } from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { applyEdits } from "../../src/excel/apply-edits";
import { PlainError, type WorkbookGateway } from "../../src/excel/gateway";
import { markCells, clearMarks } from "../../src/excel/mark-cells";
import { setPayloadBudget } from "../../src/excel/payload";
import { readAllSheets } from "../../src/excel/read-sheets";
import { onSync } from "../../src/excel/run";
import { openUpdateLog, recordUpdate, type RecordUpdateRequest } from "../../src/excel/record-update";
import { loadSettings, saveSettings } from "../../src/excel/settings-store";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { exportGrid, registerGrid, risk as exportRisk } from "../core/merge/helpers";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { MockGateway, mockEngine } from "../taskpane/fixtures";
import { useWorkbook } from "../../src/taskpane/hooks/useWorkbook";
import { install } from "./helpers";

jest.setTimeout(30_000);
afterEach(() => uninstallFakeExcel());

const MEETING = "2022-10-10";
const HEADING = { asAt: MEETING, source: "workbook", version: "test", marking: "OFFICIAL" };

const snap = (host: FakeHost, sheet: string) => host.snapshot().sheets.find((s) => s.name === sheet)!;
const sheetNames = (host: FakeHost) => host.snapshot().sheets.map((s) => s.name);
const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

function sheetSpec(g: Grid) {
  return { name: g.sheetName, values: g.values, numberFormats: g.numberFormats };
}

/** Reads the open workbook and plans `exportRows` into "Register", as the task pane does. */
async function planInto(exportRows: CellValue[][]): Promise<WorkbookEdits> {
  const grids = await readAllSheets();
  const exportGrids = [exportGrid(exportRows)];
  const mapping = proposeImportMapping(exportGrids, null, MEETING);
  if (!mapping.ok) throw new Error(mapping.problem.message);
  const planned = planImport({
    exportGrids,
    mapping: mapping.value,
    workbookGrids: grids,
    targetRegister: "Register",
    settings: defaultSettings(),
    asAt: MEETING,
    importedAt: `${MEETING} 09:00`,
    fileName: "iris.xlsx",
  });
  if (!planned.ok) throw new Error(planned.problem.message);
  return toWorkbookEdits(planned.value);
}

const THREE = () => [exportRisk("HRC-001"), exportRisk("HRC-002"), exportRisk("HRC-003")];

/** Pads a register row to `width` and puts `extra` after it. */
function beside(row: CellValue[], width: number, extra: CellValue[]): CellValue[] {
  return [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill(null), ...extra];
}

/** The meeting's register (title row, header row, two risks) on "IRIS Risks". */
function meetingValues(): CellValue[][] {
  return [
    ["Contract risk register"],
    REGISTER_HEADERS,
    risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
    risk({ id: "HRC-002", lastReview: "01/06/2022", update: "Drains cleared" }),
  ];
}

async function checked(): Promise<Report> {
  return checkWorkbook(await readAllSheets(), {
    settings: defaultSettings(),
    asAt: MEETING,
    today: MEETING,
    source: "workbook",
  });
}

/** What the meeting view asks recordUpdate to do for `id`, recorded by `by`. */
async function meetingRequest(
  id: string,
  choice: RecordChoice,
  logSheet: string,
  by = "Jane Smith",
): Promise<RecordUpdateRequest> {
  const report = await checked();
  const facts = report.risks.find((f) => f.id === id)!;
  const plan = recordToEdits(facts, choice, {
    meetingDate: MEETING,
    by,
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

describe("a register that is an Excel table, with the officer's other tables near it", () => {
  // SPEC "Writing files", Tables: "new rows appended to a register that is an Excel table extend the table
  // (its range and its filter); nothing else about the table changes" — the same holds in the task pane
  // (README "Import": "a table without a Total row … grown over the new rows"). SPEC "User sheets": the
  // add-in changes the officers' sheets "only when the officer asks for that change".

  it("a key table beside the register that runs further down: the register's table still takes the new risk", async () => {
    const g = registerGrid(THREE());
    const values = g.values.map((r) => [...r]);
    // The officer's score key in N2:O8 runs three rows below the register's last risk (row 5).
    const key: CellValue[][] = [
      ["Score", "Band"],
      [4, "Green"],
      [8, "Green"],
      [12, "Amber"],
      [16, "Red"],
      [20, "Red"],
      [25, "Red"],
    ];
    key.forEach((k, i) => {
      const r = 1 + i;
      values[r] = beside(values[r] ?? [], 13, k);
    });
    const host = install({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Register",
          values,
          numberFormats: g.numberFormats,
          tables: [
            { name: "Risks", address: "A2:K5" },
            { name: "ScoreKey", address: "N2:O8" },
          ],
        },
      ],
    });
    const edits = await planInto([...THREE(), exportRisk("HRC-004")]);
    const result = await applyEdits(edits);
    const reg = snap(host, "Register");
    const row = reg.values.findIndex((r) => r[0] === "HRC-004");
    expect(row).toBeGreaterThan(0);
    const risks = reg.tables.find((t) => t.name === "Risks")!;
    const bottom = Number(/:[A-Z]+(\d+)$/.exec(risks.address)![1]);
    // The new risk is inside the register's table (or, at the least, the officer is told it is not).
    const inside = bottom >= row + 1;
    expect(inside || result.warnings.some((w) => /HRC-004|outside the table|Resize Table/i.test(w))).toBe(
      true,
    );
    expect(reg.tables.find((t) => t.name === "ScoreKey")?.address).toBe("N2:O8");
  });

  it("an officer's own table below the register is not grown over the new risk", async () => {
    const g = registerGrid(THREE());
    const values = g.values.map((r) => [...r]);
    // Rows 8–10: the officer's contacts table, two blank rows under the register's table.
    values[7] = ["Contact", "Role"];
    values[8] = ["Sam Khan", "Contract manager"];
    values[9] = ["Priya Patel", "Finance lead"];
    const host = install({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Register",
          values,
          numberFormats: g.numberFormats,
          tables: [
            { name: "Risks", address: "A2:K5" },
            { name: "Contacts", address: "A8:B10" },
          ],
        },
      ],
    });
    const edits = await planInto([...THREE(), exportRisk("HRC-004")]);
    await applyEdits(edits);
    const reg = snap(host, "Register");
    expect(reg.tables.find((t) => t.name === "Contacts")?.address).toBe("A8:B10");
    expect(reg.values[8].slice(0, 2)).toEqual(["Sam Khan", "Contract manager"]);
    expect(reg.values[9].slice(0, 2)).toEqual(["Priya Patel", "Finance lead"]);
  });
});

describe("notes the officer typed near the register and in the logs", () => {
  // SPEC "What must never happen": "A user's row or cell deleted, or overwritten without the officer asking
  // for that change." SPEC "Imports": the import writes the listed cells, new rows and the logs only.

  it("a note typed below the register and one to its right stay as they were; the new risk goes on an empty row", async () => {
    const g = registerGrid(THREE());
    const values = g.values.map((r) => [...r]);
    values[6] = ["Note: HRC-002 to go to Ops Board (JS, 03/10)"];
    values[7] = beside([], 13, ["Ask IRIS about HRC-003's score"]);
    const host = install({ sheets: [{ name: "Register", values, numberFormats: g.numberFormats }] });
    await applyEdits(await planInto([...THREE(), exportRisk("HRC-004"), exportRisk("HRC-005")]));
    const reg = snap(host, "Register");
    expect(reg.values[6][0]).toBe("Note: HRC-002 to go to Ops Board (JS, 03/10)");
    expect(reg.values[7][13]).toBe("Ask IRIS about HRC-003's score");
    for (const id of ["HRC-004", "HRC-005"]) {
      const r = reg.values.findIndex((row) => row[0] === id);
      expect(r).toBeGreaterThan(7);
    }
  });

  it("a note typed in the Import Log (below and beside its rows) survives the next import", async () => {
    const host = install({ sheets: [sheetSpec(registerGrid(THREE()))] });
    const first = await applyEdits(
      await planInto([
        exportRisk("HRC-001", { "Risk Score": 12, "Current Likelihood": 4 }),
        ...THREE().slice(1),
      ]),
    );
    const log = first.logs[0].sheet;
    const used = snap(host, log).values.length;
    // The officer writes a note two rows under the log, and another beside its last row.
    host.sheet(log).ensure(used + 1, 0).v = "Checked against IRIS by JS";
    host.sheet(log).ensure(used - 1, 12).v = "Disputed: see email of 04/10";
    await applyEdits(
      await planInto([
        exportRisk("HRC-001", { "Risk Score": 16, "Current Likelihood": 4, "Current Impact": 4 }),
        ...THREE().slice(1),
      ]),
    );
    const after = snap(host, log);
    expect(after.values[used + 1][0]).toBe("Checked against IRIS by JS");
    expect(after.values[used - 1][12]).toBe("Disputed: see email of 04/10");
    expect(after.values.length).toBeGreaterThan(used + 2);
  });

  it("a note typed beside and below the Update Log survives a meeting's record", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: meetingValues() }] });
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const before = snap(host, logSheet).values.length;
    host.sheet(logSheet).ensure(before, 14).v = "JS: log checked 01/10";
    host.sheet(logSheet).ensure(before + 2, 0).v = "Minutes filed in SharePoint";
    const result = await recordUpdate(
      await meetingRequest("HRC-001", { text: "Reviewed", noChange: false }, logSheet),
    );
    expect(result.ok).toBe(true);
    const log = snap(host, logSheet);
    expect(log.values[before][14]).toBe("JS: log checked 01/10");
    expect(log.values[before + 2][0]).toBe("Minutes filed in SharePoint");
    expect(log.values.some((r) => r.includes("HRC-001") && r.includes("Reviewed"))).toBe(true);
  });
});

describe("sheets whose names look like the add-in's", () => {
  // SPEC "Owned tabs": "Only owned tabs are ever rewritten; a user sheet with the same name is never touched
  // (use another name and say so)." Excel's sheet names ignore case: "escalation" is the name "Escalation".

  it("'escalation' and 'Escalation (Risk Review)' of the officer's: both untouched, the tab goes elsewhere and says so", async () => {
    const mine: CellValue[][] = [["My escalation notes"], ["HRC-007", "raise at board"]];
    const also: CellValue[][] = [["Copied from last month's pack"]];
    const host = install({
      sheets: [
        { name: "escalation", values: mine },
        { name: "Escalation (Risk Review)", values: also },
      ],
    });
    const grids = await readAllSheets();
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: MEETING,
      today: MEETING,
      source: "w",
    });
    const tab = buildSummaryTabs(report, defaultSettings(), { version: "test" }).find(
      (t) => t.kind === "escalation",
    )!;
    const result = await writeOwnedTab(tab);
    expect(result.renamed).toBe(true);
    expect(result.sheetName.toLowerCase()).not.toBe("escalation");
    expect(result.sheetName).not.toBe("Escalation (Risk Review)");
    // The snapshot pads each row to the used range's width with "".
    expect(snap(host, "escalation").values).toEqual([
      ["My escalation notes", ""],
      ["HRC-007", "raise at board"],
    ]);
    expect(snap(host, "Escalation (Risk Review)").values).toEqual(also);
  });

  it("an Update Log the officers keep by hand is read, never appended to: the meeting writes its own log", async () => {
    const hand: CellValue[][] = [
      ["Date", "Risk ID", "By", "Update"],
      [44805, "HRC-001", "JS", "Reviewed at RMB"],
    ];
    const host = install({
      sheets: [
        { name: "IRIS Risks", values: meetingValues() },
        { name: "Update Log", values: hand },
      ],
    });
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    expect(logSheet).not.toBe("Update Log");
    const result = await recordUpdate(
      await meetingRequest("HRC-002", { text: "Drains cleared again", noChange: false }, logSheet),
    );
    expect(result.ok).toBe(true);
    expect(snap(host, "Update Log").values).toEqual(hand);
  });
});

describe("typed and imported text never becomes a formula; numbers stay numbers", () => {
  // SPEC "What must never happen": "Imported text becoming a formula: text starting with =, +, -, @, tab, CR
  // or LF is stored as text. Numbers, negative ones included, stay numbers." DESIGN: such text gets a leading
  // apostrophe. The fake turns "=x", "+x", "-x", "@x" into formulas as Excel does.
  const TEXTS = [
    "=1+1",
    "+44 20 7946 0000",
    "-ve trend",
    "@JSmith",
    "\t=2+2",
    "\r=3+3",
    "\n=4+4",
    "-",
    "-12",
  ];

  it("an import stores each leading = + - @ tab CR LF text as that text, and a negative number as a number", async () => {
    const host = install({ sheets: [sheetSpec(registerGrid(THREE()))] });
    const rows = TEXTS.map((t, i) =>
      exportRisk(`HRC-1${String(i).padStart(2, "0")}`, { "Review Commentary": t }),
    );
    rows.push(exportRisk("HRC-001", { "Review Commentary": -7 }));
    await applyEdits(await planInto([...rows, ...THREE().slice(1)]));
    const reg = snap(host, "Register");
    const col = (reg.values[1] as string[]).indexOf("Review Commentary");
    TEXTS.forEach((t, i) => {
      const r = reg.values.find((row) => row[0] === `HRC-1${String(i).padStart(2, "0")}`)!;
      expect(r[col]).toBe(t);
    });
    expect(reg.values.find((row) => row[0] === "HRC-001")![col]).toBe(-7);
    expect(Object.keys(reg.formulas)).toEqual([]);
  });

  it("a meeting's 'by' and update typed as formulas are text on the register and the Update Log", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: meetingValues() }] });
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const by = '=HYPERLINK("http://evil.example","Jane")';
    const result = await recordUpdate(
      await meetingRequest("HRC-001", { text: "+ agreed with contractor", noChange: false }, logSheet, by),
    );
    expect(result.ok).toBe(true);
    const log = snap(host, logSheet);
    expect(Object.keys(log.formulas)).toEqual([]);
    // The meeting's own row (a row carrying the register's earlier update may come first).
    const row = log.values.find((r) => r.includes("+ agreed with contractor"))!;
    expect(row).toBeDefined();
    expect(row).toContain(by);
    expect(row).toContain("+ agreed with contractor");
    expect(Object.keys(snap(host, "IRIS Risks").formulas)).toEqual([]);
  });

  it("settings typed as formulas (protective marking, an accepted exception's reason and name) are saved and read back as text", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: meetingValues() }] });
    const settings = defaultSettings();
    settings.protectiveMarking = "-OFFICIAL-SENSITIVE-";
    settings.acceptedExceptions = [
      {
        ruleId: "risk/stale-update",
        sheet: "IRIS Risks",
        recordId: "HRC-001",
        reason: "=see email from contractor",
        reviewBy: "2022-12-31",
        fingerprint: "x",
        acceptedBy: "@Jane Smith",
        acceptedOn: MEETING,
      },
    ];
    await saveSettings(settings);
    const sheet = host.snapshot().sheets.find((s) => /Settings/.test(s.name))!;
    expect(Object.keys(sheet.formulas)).toEqual([]);
    const back = await loadSettings();
    expect(back.protectiveMarking).toBe("-OFFICIAL-SENSITIVE-");
    expect(back.acceptedExceptions[0]).toEqual(
      expect.objectContaining({ reason: "=see email from contractor", acceptedBy: "@Jane Smith" }),
    );
  });

  it("a register's formula-looking text is text on every summary tab", async () => {
    const values = meetingValues();
    values[2] = risk({
      id: "HRC-001",
      lastReview: "01/06/2022",
      update: `'=HYPERLINK("http://evil.example")`,
    });
    // Typed with Excel's apostrophe, so the register holds text.
    values[2][1] = "'-Carriageway failure";
    const host = install({ sheets: [{ name: "IRIS Risks", values }] });
    // The register's own cells hold text (typed with an apostrophe), not formulas.
    expect(Object.keys(snap(host, "IRIS Risks").formulas)).toEqual([]);
    const report = await checked();
    for (const tab of buildSummaryTabs(report, defaultSettings(), { version: "test" }))
      await writeOwnedTab(tab);
    for (const s of host.snapshot().sheets.filter((x) => x.name !== "IRIS Risks"))
      expect({ sheet: s.name, formulas: Object.keys(s.formulas) }).toEqual({ sheet: s.name, formulas: [] });
  });
});

describe("a sync Excel refuses part-way through a write", () => {
  // SPEC "What must never happen": "A bad file, sheet or value ending in … a half-written workbook. It ends in
  // a plain-English message …, and the workbook as it was." README "Import": "applies: a dated backup of the
  // register first" and, on failure, the register is put back or the message points at the backup.

  it("cells refused part-way and the put-back refused too: the message names the backup and says the register may be part-written", async () => {
    const host = install({ sheets: [sheetSpec(registerGrid(THREE()))] });
    const rows = Array.from({ length: 60 }, (_, i) =>
      exportRisk(`HRC-${String(i + 1).padStart(3, "0")}`, {
        "Review Commentary": `New ${"y".repeat(200)} ${i}`,
      }),
    );
    const edits = await planInto(rows);
    setPayloadBudget(10_000);
    let n = 0;
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok && ++n === 1) {
        host.failNextSync("GeneralException");
        host.failNextSync("GeneralException");
      }
    });
    const error = (await failure(applyEdits(edits))) as PlainError;
    stop();
    expect(error).toBeInstanceOf(PlainError);
    const backup = sheetNames(host).find((s) => /backup/i.test(s));
    expect(backup).toBeDefined();
    expect(error.message).toContain(backup!);
    expect(error.message).toMatch(/partly written|part-written/i);
  });

  it("the first import's new Import Log refused part-way: no Import Log is left and the register is as it was", async () => {
    const host = install({ sheets: [sheetSpec(registerGrid(THREE()))] });
    const before = snap(host, "Register").values;
    const rows = Array.from({ length: 80 }, (_, i) =>
      exportRisk(`HRC-${String(i + 1).padStart(3, "0")}`, {
        "Review Commentary": `Text ${"z".repeat(150)} ${i}`,
      }),
    );
    const edits = await planInto(rows);
    setPayloadBudget(8_000);
    let n = 0;
    const stop = onSync((e) => {
      if (e.label.startsWith("write: Import Log") && e.ok && ++n === 2) host.failNextSync("GeneralException");
    });
    const error = (await failure(applyEdits(edits))) as PlainError;
    stop();
    expect(n).toBeGreaterThanOrEqual(2);
    expect(error).toBeInstanceOf(PlainError);
    expect(error.message).toMatch(/Import Log/);
    expect(sheetNames(host).some((s) => /^Import Log/.test(s))).toBe(false);
    expect(snap(host, "Register").values).toEqual(before);
  });

  it("a meeting's write refused: neither the register nor the Update Log changed, and the message is plain", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: meetingValues() }] });
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), writeOwnedTab);
    const reg = JSON.stringify(snap(host, "IRIS Risks"));
    const log = JSON.stringify(snap(host, logSheet));
    const req = await meetingRequest("HRC-001", { text: "Reviewed", noChange: false, impact: 4 }, logSheet);
    const stop = onSync((e) => {
      if (e.label === "record: read rows" && e.ok) host.failNextSync("GeneralException");
    });
    const error = (await failure(recordUpdate(req))) as PlainError;
    stop();
    expect(error).toBeInstanceOf(PlainError);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(JSON.stringify(snap(host, "IRIS Risks"))).toBe(reg);
    expect(JSON.stringify(snap(host, logSheet))).toBe(log);
  });

  it("marking refused: the officers' own conditional formats and the earlier marks are as they were", async () => {
    const host = install({
      sheets: [
        {
          name: "IRIS Risks",
          values: meetingValues(),
          conditionalFormats: [{ address: "F3:F4", formula: "=F3>15", fill: "#FF0000" }],
        },
      ],
    });
    await markCells([{ sheet: "IRIS Risks", address: "K3" }]);
    const before = JSON.stringify(snap(host, "IRIS Risks").conditionalFormats);
    const stop = onSync((e) => {
      if (e.label === "marks: formulas" && e.ok) host.failNextSync("GeneralException");
    });
    expect(await failure(markCells([{ sheet: "IRIS Risks", address: "K4" }]))).toBeInstanceOf(PlainError);
    stop();
    expect(JSON.stringify(snap(host, "IRIS Risks").conditionalFormats)).toBe(before);
    await clearMarks();
    expect(snap(host, "IRIS Risks").conditionalFormats).toEqual([
      expect.objectContaining({ formula: "=F3>15", fill: "#FF0000" }),
    ]);
  });

  // SPEC: "… a half-written workbook. It ends in a plain-English message …"; the brief of this review: the
  // workbook as it was, or a message naming what was written. The Summaries view writes four tabs one after
  // another; when the third is refused, the first two already hold the new as-at date while the others keep
  // last month's, and the board pack mixes two months. The officer must be told which tabs were rewritten.
  it("the Summaries view's third tab refused: the message names the tabs already rewritten", async () => {
    const gateway = new MockGateway();
    const write = gateway.writeOwnedTab.bind(gateway);
    gateway.writeOwnedTab = async (tab) => {
      if (tab.name === "Risk Summary") throw new PlainError(`Excel could not write the "${tab.name}" tab.`);
      return write(tab);
    };
    const engine = mockEngine();
    const { result } = renderHook(() =>
      useWorkbook(gateway as unknown as WorkbookGateway, () => Promise.resolve(engine)),
    );
    await waitFor(() => expect(result.current[0].busy).toBeNull());
    await act(async () => {
      await result.current[1].writeSummaries();
    });
    const state = result.current[0];
    const said = `${state.error ?? ""} ${state.status} ${JSON.stringify(state.written ?? [])}`;
    expect(state.error).not.toBeNull();
    expect(said).toMatch(/Escalation/);
    expect(said).toMatch(/Exceptions/);
  });
});

describe("data leaving the workbook", () => {
  // SPEC "What must never happen": "Data leaving the workbook: the add-in makes no network request beyond
  // loading its own files and office.js. The meeting's 'by' comes from the name the officer types at the
  // start (remembered on that computer), not from any account service." README "Deploying it": "The add-in
  // makes no network request at run time other than loading its own files and Microsoft's office.js."
  const ROOT = path.resolve(__dirname, "..", "..", "src");
  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return d.name === "cli" ? [] : files(p);
      return /\.(tsx?|html|js)$/.test(d.name) ? [p] : [];
    });
  }
  const paneFiles = files(ROOT);

  it("no source the pane ships calls fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or loads an image or script by address", () => {
    const NETWORK =
      /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|\bEventSource\b|sendBeacon|new\s+Image\s*\(|\.src\s*=|importScripts|navigator\.serviceWorker|RTCPeerConnection/;
    const hits = paneFiles.flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ f: path.relative(ROOT, f), i: i + 1, line }))
        .filter(({ line }) => NETWORK.test(line) && !/^\s*(\/\/|\*)/.test(line)),
    );
    expect(hits).toEqual([]);
  });

  it("the pane's HTML loads only office.js from outside its own files", () => {
    const html = paneFiles.filter((f) => f.endsWith(".html"));
    expect(html.length).toBeGreaterThan(0);
    const outside = html.flatMap((f) =>
      [...fs.readFileSync(f, "utf8").matchAll(/(?:src|href)\s*=\s*"(https?:\/\/[^"]+)"/g)]
        .map((m) => m[1])
        .filter((u) => !/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/.test(u)),
    );
    // Links a person clicks (help pages) are not requests the add-in makes; scripts, styles and images are.
    const loaded = outside.filter((u) => !/learn\.microsoft\.com|support\.microsoft\.com/.test(u));
    expect(loaded).toEqual([]);
  });

  it("no source asks an account service for the officer's name (userProfile, Office.auth, getAccessToken, Graph)", () => {
    const ACCOUNT =
      /userProfile|Office\.auth|getAccessToken|OfficeRuntime\.auth|graph\.microsoft\.com|\bmsal\b/i;
    const hits = paneFiles
      .filter((f) => ACCOUNT.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(hits).toEqual([]);
  });
});
