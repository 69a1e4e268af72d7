// applyEdits on the strict fake host: a real import plan (core merge) written to the open workbook —
// backup first and owned, cells in blocks, text kept as text, log rows beside a user's "Import Log",
// payload limits, a re-import that writes nothing, and failures after the backup that leave the register as it was.

import type { CellValue, Grid } from "../../src/core/model/grid";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { applyEdits } from "../../src/excel/apply-edits";
import { cellBlocks, needsTextFormat, wireCell } from "../../src/excel/cell-blocks";
import { PlainError } from "../../src/excel/gateway";
import { setPayloadBudget } from "../../src/excel/payload";
import { readAllSheets } from "../../src/excel/read-sheets";
import { adapterStats, onSync } from "../../src/excel/run";
import type { FakeHost, FakeSheetSpec } from "../fakes/fake-excel";
import { registerGrid, risk } from "../core/merge/helpers";
import { install, planFromWorkbook } from "./helpers";

const USER_LOG: CellValue[][] = [["My own import notes"], ["Do not touch"]];

function sheetSpec(g: Grid): FakeSheetSpec {
  return { name: g.sheetName, values: g.values, numberFormats: g.numberFormats };
}

/** The register in the fake, plus a user sheet that happens to be called "Import Log". */
function workbook(rows = [risk("HRC-001"), risk("HRC-002"), risk("HRC-003")]): FakeHost {
  return install({ sheets: [sheetSpec(registerGrid(rows)), { name: "Import Log", values: USER_LOG }] });
}

const EXPORT_ROWS = () => [
  risk("HRC-001", { "Risk Score": 12, "Current Likelihood": 4 }),
  risk("HRC-002", { "Review Commentary": '=HYPERLINK("http://x")' }),
  risk("HRC-004", { "Risk Title": "+44 line down", "Review Commentary": "@mention" }),
];

const values = (host: FakeHost, sheet: string) => host.snapshot().sheets.find((s) => s.name === sheet)!;

describe("applyEdits", () => {
  it("copies the register to an owned backup first, then writes cells, the new risk and the Import Log", async () => {
    const host = workbook();
    const before = values(host, "Register").values;
    const { plan, edits } = await planFromWorkbook(EXPORT_ROWS());
    expect(plan.cellCount).toBeGreaterThan(0);
    const events: string[] = [];
    const stop = onSync((e) => events.push(e.label));
    host.resetStats();
    const result = await applyEdits(edits);
    stop();

    // The backup sync comes before any cell is written, on its own.
    expect(events.indexOf("apply: backup")).toBeLessThan(events.indexOf("apply: cells"));
    expect(result.backups).toEqual([{ from: "Register", to: plan.backupName }]);
    const backup = values(host, plan.backupName);
    expect(backup.values).toEqual(before);
    // Marked as ours by a CRR_OWNED_* name, so it is never read as a register.
    expect(
      host
        .snapshot()
        .names.some((n) => /^CRR_OWNED_\d+$/.test(n.name) && n.value.startsWith(`${plan.backupName}!`)),
    ).toBe(true);
    const reread = await readAllSheets();
    expect(reread.find((g) => g.sheetName === plan.backupName)?.owned).toBe(true);
    expect(reread.find((g) => g.sheetName === "Register")?.owned).toBeFalsy();

    const reg = values(host, "Register");
    const header = reg.values[1] as string[];
    const col = (h: string) => header.indexOf(h);
    const row = (id: string) => reg.values.findIndex((r) => r[0] === id);
    expect(reg.values[row("HRC-001")][col("Risk Score")]).toBe(12);
    expect(reg.values[row("HRC-001")][col("Current Likelihood")]).toBe(4);
    // Council-only column untouched.
    expect(reg.values[row("HRC-001")][col("Council Notes")]).toBe("Council note 1");
    // Formula-looking text stays text, on the register and the log.
    expect(reg.values[row("HRC-002")][col("Review Commentary")]).toBe('=HYPERLINK("http://x")');
    expect(reg.values[row("HRC-004")][col("Risk Title")]).toBe("+44 line down");
    expect(reg.values[row("HRC-004")][col("Review Commentary")]).toBe("@mention");
    expect(Object.keys(reg.formulas)).toEqual([]);
    // The new risk is appended below the last used row.
    expect(row("HRC-004")).toBe(before.length);
    // HRC-003 is not in the export: flagged, not deleted.
    expect(row("HRC-003")).toBeGreaterThan(0);
    expect(String(reg.values[row("HRC-003")][col("Risk Status")])).toMatch(/not in IRIS export/i);

    // The user's "Import Log" is untouched; ours sits beside it with one row per changed cell.
    expect(values(host, "Import Log").values).toEqual(USER_LOG);
    expect(result.logs).toHaveLength(1);
    const logSheet = result.logs[0].sheet;
    expect(logSheet).toBe("Import Log (Risk Review)");
    const log = values(host, logSheet);
    const logRows = log.values.slice(result.logs[0].firstRow);
    expect(logRows).toHaveLength(plan.cellCount);
    expect(logRows.some((r) => r.includes('=HYPERLINK("http://x")'))).toBe(true);
    expect(Object.keys(log.formulas)).toEqual([]);

    // Every request under the 5 MB limit.
    const stats = host.stats();
    expect(stats.failedSyncs).toBe(0);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("adds rows to an Import Log made before the Action ID column in that log's own layout, When as a date and time", async () => {
    const earlier: CellValue[][] = [
      ["Import Log", null, null, null, null, null, null, OWNED_MARKER],
      [],
      ["When", "File", "Register", "Risk ID", "Field", "Old", "New"],
      ["2022-09-10 09:00", "iris-sep.xlsx", "Register", "HRC-001", "Risk Score", "6", "9"],
    ];
    const host = install({
      sheets: [
        sheetSpec(registerGrid([risk("HRC-001"), risk("HRC-002")])),
        { name: "Import Log", values: earlier },
      ],
    });
    const { edits } = await planFromWorkbook([risk("HRC-001", { "Risk Score": 12 }), risk("HRC-002")]);
    const result = await applyEdits(edits);
    expect(result.logs.map((l) => [l.sheet, l.firstRow])).toEqual([["Import Log", 4]]);
    const log = values(host, "Import Log");
    // Seven columns as its header says (the action, were there one, named in the Field), nothing in an eighth.
    const added = log.values[4];
    expect(added.slice(1, 7)).toEqual(["iris.xlsx", "Register", "HRC-001", "Risk Score", "9", "12"]);
    expect(added[7] ?? "").toBe("");
    expect(added[0]).toBeCloseTo(44844 + 9 / 24, 6);
    expect(log.numberFormats.A5).toBe("dd/mm/yyyy hh:mm");
  });

  it("brings an Import Log's title block up to the import's as-at date, as a date (SPEC: each owned tab carries the as-at date)", async () => {
    const logTab: CellValue[][] = [
      ["Import Log", null, null, null, null, null, null, null, null, OWNED_MARKER],
      ["OFFICIAL", "As at", 44800, "Source: IRIS imports", "Contract Risk Review 0.1"],
      [],
      ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New", "Note"],
      [44810, "iris-sep.xlsx", "Register", "HRC-001", "", "Risk Score", "6", "9"],
    ];
    const host = install({
      sheets: [
        sheetSpec(registerGrid([risk("HRC-001"), risk("HRC-002")])),
        { name: "Import Log", values: logTab, numberFormats: [[], [null, null, "dd/mm/yyyy"]] },
      ],
    });
    const { plan, edits } = await planFromWorkbook([risk("HRC-001", { "Risk Score": 12 }), risk("HRC-002")]);
    await applyEdits(edits);
    const log = values(host, "Import Log");
    expect(log.values[1][2]).toBe(44844); // 10/10/2022, the plan's as-at
    expect(plan.asAt).toBe("2022-10-10");
    expect(log.numberFormats.C2).toBe("dd/mm/yyyy");
    expect(log.values[5].slice(5, 8)).toEqual(["Risk Score", "9", "12"]);
  });

  it("keeps a register formula the export would change, as the command line does: never replaced by a value", async () => {
    const reg = registerGrid([risk("HRC-001"), risk("HRC-002")]);
    const scoreCol = (reg.values[1] as string[]).indexOf("Risk Score");
    const row = reg.values.findIndex((r) => r[0] === "HRC-001");
    reg.values[row][scoreCol] = "=D3*E3";
    const host = install({ sheets: [sheetSpec(reg)] });
    const { plan, edits } = await planFromWorkbook([risk("HRC-001", { "Risk Score": 12 }), risk("HRC-002")]);
    expect(plan.risks.notWritten.map((n) => [n.riskId, n.reason, n.note])).toEqual([
      ["HRC-001", "kept-formula", "kept formula (export says 12)"],
    ]);
    await applyEdits(edits);
    const after = values(host, "Register");
    expect(after.formulas[`${String.fromCharCode(65 + scoreCol)}${row + 1}`]).toBe("=D3*E3");
  });

  it("refuses to plan an import into a register whose formula cells Excel could not list", async () => {
    install({
      sheets: [sheetSpec(registerGrid([risk("HRC-001")]))],
      refuse: { formulaCells: "GeneralException" },
    });
    await expect(planFromWorkbook([risk("HRC-001", { "Risk Score": 12 })])).rejects.toThrow(
      /Excel could not say which cells of sheet "Register" hold formulas, so the import could overwrite one; nothing was changed/,
    );
  });

  it("appends a second import's log rows below the first's, and a re-import writes nothing at all", async () => {
    const host = workbook();
    const first = await planFromWorkbook(EXPORT_ROWS());
    const r1 = await applyEdits(first.edits);
    const logSheet = r1.logs[0].sheet;
    const rowsAfterFirst = values(host, logSheet).values.length;

    // Same file again: nothing to change, no sync made.
    const again = await planFromWorkbook(EXPORT_ROWS());
    expect(again.plan.cellCount).toBe(0);
    const snap = JSON.stringify(host.snapshot());
    host.resetStats();
    const r2 = await applyEdits(again.edits);
    expect(host.stats().syncs).toBe(0);
    expect(r2).toEqual({ backups: [], cellsWritten: 0, logs: [], ownedTabs: [], warnings: [] });
    expect(JSON.stringify(host.snapshot())).toBe(snap);

    // Next month: a score change. Log rows go below the existing ones; a second backup is made.
    const next = await planFromWorkbook(
      [
        ...EXPORT_ROWS().slice(0, 2),
        risk("HRC-004", { "Risk Title": "+44 line down", "Review Commentary": "@mention", "Risk Score": 16 }),
      ],
      "2022-11-10",
    );
    const r3 = await applyEdits(next.edits);
    expect(r3.logs[0]).toMatchObject({ sheet: logSheet, firstRow: rowsAfterFirst });
    expect(values(host, logSheet).values.length).toBe(rowsAfterFirst + next.plan.cellCount);
    expect(r3.backups[0].to).not.toBe(r1.backups[0].to);
  });

  it("keeps every sync under the payload budget and halves a block Excel refuses", async () => {
    const host = workbook();
    const rows = Array.from({ length: 300 }, (_, i) =>
      risk(`HRC-${String(i + 1).padStart(3, "0")}`, {
        "Review Commentary": `Long commentary ${"x".repeat(400)} ${i}`,
      }),
    );
    const { plan, edits } = await planFromWorkbook(rows);
    expect(plan.cellCount).toBeGreaterThan(500);
    setPayloadBudget(40_000);
    host.payloadLimit = 60_000;
    host.resetStats();
    await applyEdits(edits);
    const stats = host.stats();
    expect(stats.syncs).toBeGreaterThan(5);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(60_000);
    const reg = values(host, "Register");
    expect(reg.values.filter((r) => /^HRC-\d{3}$/.test(String(r[0])))).toHaveLength(300);
    // Far fewer ranges than cells: blocks, not one range per cell.
    expect(adapterStats().syncs).toBeLessThan(plan.cellCount / 10);
  });

  it("puts the register back from its backup when a cell write fails part-way", async () => {
    const host = workbook();
    const before = values(host, "Register");
    const rows = Array.from({ length: 120 }, (_, i) =>
      risk(`HRC-${String(i + 1).padStart(3, "0")}`, {
        "Review Commentary": `New text ${"y".repeat(300)} ${i}`,
      }),
    );
    const { plan, edits } = await planFromWorkbook(rows);
    setPayloadBudget(20_000);
    let cellSyncs = 0;
    // Fail the second sync of cells: the first has already landed.
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok && ++cellSyncs === 1) host.failNextSync("GeneralException");
    });
    const error = await applyEdits(edits).catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(PlainError);
    expect((error as PlainError).code).toBe("import-rolled-back");
    expect((error as PlainError).message).toMatch(/stopped while writing the changed cells/);
    expect((error as PlainError).message).toContain(plan.backupName);
    const after = values(host, "Register");
    expect(after.values).toEqual(before.values);
    // Formats inside the old used range are as they were (rows emptied below it may keep a date format).
    for (const [a, f] of Object.entries(before.numberFormats)) expect(after.numberFormats[a]).toBe(f);
    // The backup stays, as it was; no log rows were written.
    expect(values(host, plan.backupName).values).toEqual(before.values);
    expect(host.snapshot().sheets.map((s) => s.name)).not.toContain("Import Log (Risk Review)");
  });

  it("empties log rows already appended and restores the register when the log write fails", async () => {
    const host = workbook();
    const first = await planFromWorkbook(EXPORT_ROWS());
    const r1 = await applyEdits(first.edits);
    const logBefore = values(host, r1.logs[0].sheet).values;
    const registerBefore = values(host, "Register").values;
    const next = await planFromWorkbook([...EXPORT_ROWS(), risk("HRC-005")], "2022-11-10");
    setPayloadBudget(600);
    let logSyncs = 0;
    const stop = onSync((e) => {
      if (e.label === "apply: log rows" && e.ok && ++logSyncs === 1) host.failNextSync("GeneralException");
    });
    const error = (await applyEdits(next.edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(logSyncs).toBe(1);
    expect(error.code).toBe("import-rolled-back");
    expect(error.message).toMatch(/adding \d+ rows to the Import Log tab/);
    expect(values(host, "Register").values).toEqual(registerBefore);
    expect(values(host, r1.logs[0].sheet).values).toEqual(logBefore);
  });

  it("writes nothing when the backup itself fails, and says so", async () => {
    const host = workbook();
    const before = JSON.stringify(values(host, "Register"));
    const { edits } = await planFromWorkbook(EXPORT_ROWS());
    const stop = onSync((e) => {
      if (e.label === "apply: used ranges and log tabs") host.failNextSync("AccessDenied");
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(error).toBeInstanceOf(PlainError);
    expect(error.message).toMatch(/protected/);
    expect(JSON.stringify(values(host, "Register"))).toBe(before);
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(["Register", "Import Log"]);
  });

  it("refuses plainly when the register has gone since the plan", async () => {
    const host = workbook();
    const { edits } = await planFromWorkbook(EXPORT_ROWS());
    host.sheets = host.sheets.filter((s) => s.name !== "Register");
    await expect(applyEdits(edits)).rejects.toThrow(
      /"Register" is no longer in the workbook.*nothing was imported/,
    );
  });
});

describe("cellBlocks", () => {
  const edit = (row: number, col: number, value: CellValue) => ({ sheet: "S", row, col, value });

  it.each([
    ["one row of neighbours", [edit(4, 1, "a"), edit(4, 2, "b")], 1],
    ["rows two apart share a block", [edit(4, 1, "a"), edit(7, 1, "b")], 1],
    ["rows far apart do not", [edit(4, 1, "a"), edit(40, 1, "b")], 2],
    ["two sheets", [edit(4, 1, "a"), { sheet: "T", row: 4, col: 1, value: "b" }], 2],
  ])("%s", (_name, edits, count) => {
    expect(cellBlocks(edits)).toHaveLength(count);
  });

  it("leaves the cells between edits alone (null), and blank edits write an empty cell", () => {
    const [b] = cellBlocks([edit(2, 0, "a"), edit(3, 3, null)]);
    expect(b).toMatchObject({ row: 2, col: 0, edits: 2 });
    expect(b.values).toEqual([
      ["a", null, null, null],
      [null, null, null, ""],
    ]);
  });

  it("caps a block's cells", () => {
    const edits = Array.from({ length: 100 }, (_, r) => edit(r, 0, r));
    expect(cellBlocks(edits, { maxCells: 10 })).toHaveLength(10);
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)", "@"],
    ["+44", "'+44", "@"],
    ["-x", "'-x", "@"],
    ["@x", "'@x", "@"],
    ["\tx", "'\tx", "@"],
    ["007", "007", "@"],
    ["TRUE", "TRUE", "@"],
    ["July 2022", "July 2022", "@"],
    ["Oct-22", "Oct-22", "@"],
    ["£120,000", "£120,000", "@"],
    ["Due 3 March", "Due 3 March", "@"],
    ["#N/A", "#N/A", "@"],
    ["Plain words", "Plain words", null],
  ])("text %j is written as %j with format %j", (text, value, format) => {
    expect(wireCell({ value: text })).toEqual({ value, format });
    expect(needsTextFormat(text)).toBe(format !== null);
  });

  it("keeps numbers numbers (negative ones too) with the edit's format", () => {
    expect(wireCell({ value: -5 })).toEqual({ value: -5, format: null });
    expect(wireCell({ value: 44805, format: "dd/mm/yyyy" })).toEqual({ value: 44805, format: "dd/mm/yyyy" });
  });
});
