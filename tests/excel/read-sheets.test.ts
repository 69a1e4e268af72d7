// Reading the workbook through the adapter: few syncs, every cell, payloads under the limit.

import { formulaKey, sourceOf } from "../../src/core/model/grid";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { readAllSheets } from "../../src/excel/read-sheets";
import { askTableAreas } from "../../src/excel/register-tables";
import { adapterStats } from "../../src/excel/run";
import { setPayloadBudget } from "../../src/excel/payload";
import { DEFAULT_PAYLOAD_LIMIT, uninstallFakeExcel } from "../fakes/fake-excel";
import { bigSheet, install, mb } from "./helpers";

afterEach(() => uninstallFakeExcel());

function realisticBook(apiVersion = "1.13") {
  return install({
    apiVersion,
    sheets: [
      {
        name: "Improvement Plan",
        values: [
          ["Highways Improvement Plan"],
          [],
          ["No", "Improvement Aim", "Action", "Date"],
          [1, "Better roads", "Survey", 44927],
        ],
        numberFormats: [[], [], [], [null, null, null, "dd/mm/yyyy"]],
        merges: ["A1:D1"],
      },
      {
        name: "IRIS Risks",
        origin: "B3",
        values: [
          ["Ref", "Title", "Score"],
          ["HRC-001", "Potholes", 16],
          ["HRC-002", null, 9],
        ],
      },
      { name: "Old Risks", visibility: "Hidden", values: [["Ref"], ["X-1"]] },
      { name: "Empty" },
      { name: "Escalation", values: [["Escalation", null, OWNED_MARKER]] },
      { name: "Risk Summary", values: [["Summary"]] },
    ],
    names: [{ name: "CRR_OWNED_7", sheet: "Risk Summary", address: "A1" }],
  });
}

describe("readAllSheets", () => {
  it("reads a small workbook in two syncs and its merged areas in two of their own, with offsets, formats, visibility, ownership and merges", async () => {
    const host = realisticBook();
    const grids = await readAllSheets();
    expect(host.stats().syncs).toBe(4);
    expect(adapterStats().syncs).toBe(4);
    expect(grids.map((g) => g.sheetName)).toEqual([
      "Improvement Plan",
      "IRIS Risks",
      "Old Risks",
      "Empty",
      "Escalation",
      "Risk Summary",
    ]);

    const [plan, risks, old, empty, escalation, summary] = grids;
    expect(plan.values[3]).toEqual([1, "Better roads", "Survey", 44927]);
    expect(plan.values[1]).toEqual([null, null, null, null]);
    expect(plan.numberFormats?.[3][3]).toBe("dd/mm/yyyy");
    expect(plan.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(risks).toMatchObject({
      rowOffset: 2,
      colOffset: 1,
      hidden: false,
      owned: false,
      origin: "workbook",
    });
    expect(risks.values).toEqual([
      ["Ref", "Title", "Score"],
      ["HRC-001", "Potholes", 16],
      ["HRC-002", null, 9],
    ]);
    expect(old.hidden).toBe(true);
    expect(empty.values).toEqual([]);
    expect(escalation.owned).toBe(true); // by the marker in row 1
    expect(summary.owned).toBe(true); // by the CRR_OWNED_ name
  });

  /** A register as the table "Risks" (B2:D4, with a Total row), an actions sheet and a log as tables too. */
  const tablesBook = (apiVersion: string) =>
    install({
      apiVersion,
      sheets: [
        {
          name: "Register",
          origin: "B2",
          values: [
            ["Ref", "Title", "Score"],
            ["R1", "Potholes", 4],
            ["Total", null, "=SUBTOTAL(109,[Score])"],
          ],
          tables: [{ name: "Risks", address: "B2:D4", showTotals: true }],
        },
        {
          name: "Actions",
          values: [["Ref"], ["A1"]],
          tables: [{ name: "Plan", address: "A1:A2" }],
        },
        // A sheet name Excel quotes in an address, with a table of its own.
        { name: "Jo's log", values: [["When"], ["today"]], tables: [{ name: "Log", address: "A1:A2" }] },
      ],
    });

  it("marks each table's Total row (0-based sheet row) and the tables' areas in the syncs it already makes, as the file reader does", async () => {
    const host = tablesBook("1.13");
    const grids = await readAllSheets();
    // Sheets and names, used ranges, merged areas and formula cells: no sync more than without tables.
    expect(host.stats().syncs).toBe(4);
    expect(grids[0].totalsRows).toEqual([3]);
    expect(grids[1].totalsRows).toBeUndefined();
    // The areas the import's planner needs to say when new rows are outside the register's table.
    expect(grids.map((g) => g.tables)).toEqual([
      [{ top: 1, left: 1, bottom: 3, right: 3, totalsRow: true }],
      [{ top: 0, left: 0, bottom: 1, right: 0, totalsRow: false }],
      [{ top: 0, left: 0, bottom: 1, right: 0, totalsRow: false }],
    ]);
  });

  it("on a host that cannot resize a table (below ExcelApi 1.13), marks the tables as of fixed size, so the preview says new rows below them stay outside", async () => {
    tablesBook("1.9");
    const grids = await readAllSheets();
    expect(grids[0].tables).toEqual([
      { top: 1, left: 1, bottom: 3, right: 3, totalsRow: true, fixedSize: true },
    ]);
    expect(grids[0].totalsRows).toEqual([3]);
  });

  it("lists the tables with ExcelApi 1.1 calls only (name, showTotals, the range's address; not Table.worksheet, 1.2)", async () => {
    tablesBook("1.1");
    const areas = await Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/showTotals");
      await context.sync();
      const asked = askTableAreas(tables);
      await context.sync();
      return asked();
    });
    expect(areas).toEqual([
      { name: "Risks", sheet: "Register", top: 1, left: 1, bottom: 3, right: 3, showTotals: true },
      { name: "Plan", sheet: "Actions", top: 0, left: 0, bottom: 1, right: 0, showTotals: false },
      { name: "Log", sheet: "Jo's log", top: 0, left: 0, bottom: 1, right: 0, showTotals: false },
    ]);
  });

  it("reads without merged areas on a host below ExcelApi 1.13, asking only for formula cells (none here)", async () => {
    const host = realisticBook("1.9");
    const grids = await readAllSheets();
    expect(host.stats().syncs).toBe(3);
    expect(grids.every((g) => g.formulas === undefined && !g.formulasUnread)).toBe(true);
    expect(grids[0].merges).toBeUndefined();
  });

  it("reads which cells hold formulas in the merged areas' two syncs, so an import can keep them", async () => {
    const host = install({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Register",
          values: [
            ["Risk ID", "Likelihood", "Impact", "Score", "Total"],
            ["R1", 4, 4, "=B2*C2", "=SUM(D2:D3)"],
            ["R2", 3, 3, "=B3*C3", null],
          ],
          merges: ["A5:B5"],
        },
        { name: "Notes", values: [["no formulas here"]] },
      ],
    });
    const grids = await readAllSheets();
    expect(host.stats().syncs).toBe(4); // names, used ranges, which sheets have areas, their rectangles
    const [register, notes] = grids;
    expect([...(register.formulas ?? [])].sort((a, b) => a - b)).toEqual(
      [formulaKey(1, 3), formulaKey(1, 4), formulaKey(2, 3)].sort((a, b) => a - b),
    );
    expect(register.merges).toEqual([{ top: 4, left: 0, bottom: 4, right: 1 }]);
    expect(notes.formulas).toBeUndefined();
    expect(notes.formulasUnread).toBeUndefined();
  });

  it("marks a sheet's formulas unread when Excel cannot list them, and still reads its values", async () => {
    install({
      sheets: [
        {
          name: "Register",
          values: [
            ["Risk ID", "Score"],
            ["R1", "=4*4"],
          ],
        },
      ],
      refuse: { formulaCells: "GeneralException" },
    });
    const [register] = await readAllSheets();
    expect(register.formulasUnread).toBe(true);
    expect(register.formulas).toBeUndefined();
    expect(register.values[1][0]).toBe("R1");
  });

  it("reports progress up to every sheet", async () => {
    realisticBook();
    const seen: number[] = [];
    await readAllSheets((p) => seen.push(p.sheetsRead));
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(6);
  });

  it("reads a 10k-row long-text register and a 20k-row actions sheet in blocks under the payload limit", async () => {
    const register = bigSheet("Register", 10_000, 25, 220);
    const actions = bigSheet("Actions", 20_000, 12, 60);
    const host = install({ sheets: [register, actions] });
    const grids = await readAllSheets();
    const stats = host.stats();

    expect(grids[0].values).toEqual(register.values);
    expect(grids[1].values).toEqual(actions.values);
    expect(grids[0].numberFormats?.[5][2]).toBe("dd/mm/yyyy");
    expect(stats.failedSyncs).toBe(0);
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
    const cellBytes = JSON.stringify(register.values).length + JSON.stringify(actions.values).length;
    expect(stats.syncs).toBeLessThanOrEqual(Math.ceil((cellBytes * 1.6) / 4_000_000) + 3);
    console.log(
      `read 10k×25 long-text register + 20k×12 actions: ${stats.syncs} syncs, response ${mb(stats.responseBytes)} ` +
        `(largest ${mb(stats.maxResponseBytes)}), request ${(stats.requestBytes / 1024).toFixed(1)} KB`,
    );
  });

  it("reads an owned log tab's rows below the first window without number formats (half the payload)", async () => {
    const sheet = (owned: boolean) => {
      const spec = bigSheet(owned ? "Update Log" : "Officer's log", 30_000, 8, 20);
      const values = spec.values!;
      if (owned) values[0][7] = OWNED_MARKER;
      return { ...spec, values };
    };
    const read = async (owned: boolean) => {
      const spec = sheet(owned);
      const host = install({ sheets: [spec] });
      const [grid] = await readAllSheets();
      const stats = host.stats();
      uninstallFakeExcel();
      expect(grid.owned).toBe(owned);
      expect(grid.values).toEqual(spec.values);
      expect(grid.numberFormats).toHaveLength(spec.values.length);
      expect(stats.failedSyncs).toBe(0);
      return { grid, bytes: stats.responseBytes };
    };
    const officers = await read(false);
    const owned = await read(true);
    // The officer's sheet keeps every format; the owned log only those of its first rows.
    expect(officers.grid.numberFormats?.[29_999][2]).toBe("dd/mm/yyyy");
    expect(owned.grid.numberFormats?.[29_999]).toEqual([]);
    expect(owned.bytes).toBeLessThan(officers.bytes * 0.7);
  });

  it("halves and retries when Excel refuses a batch as too large", async () => {
    const register = bigSheet("Register", 3_000, 25, 220);
    const host = install({ sheets: [register] });
    setPayloadBudget(40_000_000); // the adapter believes 40 MB fit; the host says no at 5 MB
    const grids = await readAllSheets();
    const stats = host.stats();
    expect(stats.failedSyncs).toBeGreaterThan(0);
    expect(
      stats.perSync.filter((s) => s.error).every((s) => s.error === "ResponsePayloadSizeLimitExceeded"),
    ).toBe(true);
    expect(grids[0].values).toEqual(register.values);
  });

  it("falls back to addresses alone when the first-rows window is itself too large", async () => {
    const register = bigSheet("Register", 400, 25, 220);
    const host = install({ sheets: [register], payloadLimit: 500_000 });
    setPayloadBudget(400_000);
    const grids = await readAllSheets();
    expect(host.stats().perSync[1].error).toBe("ResponsePayloadSizeLimitExceeded");
    expect(grids[0].values).toEqual(register.values);
    const answered = host.stats().perSync.filter((s) => !s.error);
    expect(Math.max(...answered.map((s) => s.responseBytes))).toBeLessThanOrEqual(500_000);
  });

  it("reads merged areas whole, though Excel's address names only their top-left cells", async () => {
    // A two-row merge and a three-column one: the fake's address says "A1,C2" (office-js#1590).
    install({
      apiVersion: "1.13",
      sheets: [
        { name: "Register", values: [["Ref", "Title", "Owner"], ["R1"], ["R2"]], merges: ["A2:A3", "C2:E2"] },
      ],
    });
    const [grid] = await readAllSheets();
    expect(grid.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 2, bottom: 1, right: 4 },
    ]);
    expect(grid.mergesUnread).toBeUndefined();
  });

  it("reads a sheet with more than 512 merged areas without its merges, and says so; the others keep theirs", async () => {
    const many = Array.from({ length: 600 }, (_, i) => `A${i * 2 + 2}:B${i * 2 + 2}`);
    const host = install({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Busy",
          values: [
            ["Ref", "Title"],
            ["R1", "x"],
          ],
          merges: many,
        },
        { name: "Plan", values: [["Highways Improvement Plan"], ["No"]], merges: ["A1:D1"] },
      ],
    });
    const [busy, plan] = await readAllSheets();
    expect(busy.values[1]).toEqual(["R1", "x"]);
    expect(busy.merges).toBeUndefined();
    expect(busy.mergesUnread).toBe("too-many");
    expect(plan.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(plan.mergesUnread).toBeUndefined();
    // The merges never share a sync with the values: the failure cost only merge syncs.
    expect(host.stats().perSync.filter((s) => s.error)).toHaveLength(2);
  });
});

describe("the workbook's name (owned-tab contract review)", () => {
  afterEach(() => uninstallFakeExcel());

  it("gives every grid the open file's name as its origin, which the tabs and logs name as their source", async () => {
    install({
      name: "Contract Risks Oct 2022.xlsx",
      sheets: [{ name: "Register", values: [["Risk ID"], ["R1"]] }],
    });
    const grids = await readAllSheets();
    expect(grids.map((g) => g.origin)).toEqual(["Contract Risks Oct 2022.xlsx"]);
    expect(sourceOf(grids)).toBe("Contract Risks Oct 2022.xlsx");
  });
});
