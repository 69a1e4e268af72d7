// The fake host itself: it must be as strict as Excel, or the adapter's tests prove nothing.

import { FakeOfficeError, installFakeExcel, uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";

afterEach(() => uninstallFakeExcel());

/** Runs a batch on the fake and returns the error code it threw (or null). */
async function codeOf(batch: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<string | null> {
  try {
    await Excel.run(batch);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return (e as FakeOfficeError).code;
  }
}

function book(): FakeHost {
  return installFakeExcel({
    sheets: [
      {
        name: "IRIS Risks",
        values: [
          ["Ref", "Title"],
          ["HRC-001", "Potholes"],
        ],
      },
      { name: "Hidden", values: [["x"]], visibility: "Hidden" },
    ],
  });
}

describe("fake Excel host: load before read", () => {
  it.each([
    [
      "values read with no load",
      async (ctx: Excel.RequestContext) => {
        const r = ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1:B2");
        await ctx.sync();
        return r.values;
      },
    ],
    [
      "values loaded but not synced",
      async (ctx: Excel.RequestContext) => {
        const r = ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1:B2").load("values");
        return r.values;
      },
    ],
    [
      "address read when only values were loaded",
      async (ctx: Excel.RequestContext) => {
        const r = ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1:B2").load("values");
        await ctx.sync();
        return r.address;
      },
    ],
    [
      "items read before sync",
      async (ctx: Excel.RequestContext) => {
        const ws = ctx.workbook.worksheets.load("items/name");
        return ws.items;
      },
    ],
    [
      "item property not in the load list",
      async (ctx: Excel.RequestContext) => {
        const ws = ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        return ws.items[0].visibility;
      },
    ],
    [
      "isNullObject before any sync",
      async (ctx: Excel.RequestContext) => {
        return ctx.workbook.worksheets.getItemOrNullObject("Nope").isNullObject;
      },
    ],
    [
      "ClientResult value before sync",
      async (ctx: Excel.RequestContext) => {
        return ctx.workbook.worksheets.getCount().value;
      },
    ],
  ])("throws PropertyNotLoaded: %s", async (_name, batch) => {
    book();
    expect(await codeOf(batch)).toBe("PropertyNotLoaded");
  });

  it("gives loaded values after sync, as a snapshot taken at that sync", async () => {
    book();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem("IRIS Risks")
        .getRange("A1:B2")
        .load("values,address,numberFormat");
      await ctx.sync();
      expect(r.values).toEqual([
        ["Ref", "Title"],
        ["HRC-001", "Potholes"],
      ]);
      expect(r.address).toBe("'IRIS Risks'!A1:B2");
      expect(r.numberFormat[0][0]).toBe("General");
      r.values = [
        ["a", "b"],
        ["c", "d"],
      ];
      await ctx.sync();
      expect(r.values[0][0]).toBe("Ref"); // not reloaded
    });
  });
});

describe("fake Excel host: writes land at sync", () => {
  it("queues writes until sync", async () => {
    const host = book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A2").values = [["CHANGED"]];
      expect(host.cell("IRIS Risks", "A2")?.v).toBe("HRC-001");
      await ctx.sync();
      expect(host.cell("IRIS Risks", "A2")?.v).toBe("CHANGED");
    });
  });

  it("syncs what is still queued when Excel.run's batch returns", async () => {
    const host = book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("IRIS Risks").getRange("B2").values = [["Later"]];
    });
    expect(host.cell("IRIS Risks", "B2")?.v).toBe("Later");
    expect(host.stats().syncs).toBe(1);
  });

  it.each([
    ["=SUM(A1)", "#NAME?", "=SUM(A1)"],
    ["+44 20 7946 0000", "#NAME?", "=+44 20 7946 0000"],
    ["-see note", "#NAME?", "=-see note"],
    ["@risk", "#NAME?", "=@risk"],
    ["'=SUM(A1)", "=SUM(A1)", undefined],
    ["''quoted", "'quoted", undefined],
    ["-12.5", -12.5, undefined],
    ["007", 7, undefined],
    ["TRUE", true, undefined],
    ["plain text", "plain text", undefined],
  ])("writing %j stores %j (formula %j)", async (written, value, formula) => {
    const host = book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("IRIS Risks").getRange("C1").values = [[written]];
    });
    expect(host.cell("IRIS Risks", "C1")?.v).toBe(value);
    expect(host.cell("IRIS Risks", "C1")?.formula).toBe(formula);
  });

  it('keeps text as text in a cell formatted "@"', async () => {
    const host = book();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("IRIS Risks").getRange("C1:D1");
      r.numberFormat = [["@", "@"]];
      r.values = [["007", "=1+1"]];
    });
    expect(host.cell("IRIS Risks", "C1")?.v).toBe("007");
    expect(host.cell("IRIS Risks", "D1")?.v).toBe("=1+1");
    expect(host.cell("IRIS Risks", "D1")?.formula).toBeUndefined();
  });

  it("refuses a values array that does not match the range", async () => {
    book();
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1:B2").values = [["only one"]];
        await ctx.sync();
      }),
    ).toBe("InvalidArgument");
  });
});

describe("fake Excel host: a protected sheet", () => {
  it("tells protection, refuses changes to cells with AccessDenied, and still reads and copies", async () => {
    const host = installFakeExcel({
      sheets: [{ name: "Register", values: [["Ref"], ["HRC-001"]], protected: true }],
    });
    let isProtected: boolean | null = null;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Register");
      const p = ws.protection.load("protected");
      const a2 = ws.getRange("A2").load("values");
      ws.copy("End");
      await ctx.sync();
      isProtected = p.protected;
      expect(a2.values).toEqual([["HRC-001"]]);
    });
    expect(isProtected).toBe(true);
    expect(host.sheets.map((s) => [s.name, s.protected])).toEqual([
      ["Register", true],
      ["Register (2)", true],
    ]);
    for (const write of [
      (ws: Excel.Worksheet) => (ws.getRange("A2").values = [["x"]]),
      (ws: Excel.Worksheet) => (ws.getRange("A2").numberFormat = [["@"]]),
      (ws: Excel.Worksheet) => ws.getRange().clear("All"),
    ]) {
      expect(
        await codeOf(async (ctx) => {
          write(ctx.workbook.worksheets.getItem("Register"));
          await ctx.sync();
        }),
      ).toBe("AccessDenied");
    }
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Register").protection.unprotect();
      ctx.workbook.worksheets.getItem("Register").getRange("A2").values = [["x"]];
      await ctx.sync();
    });
    expect(host.cell("Register", "A2")?.v).toBe("x");
  });
});

describe("fake Excel host: missing items, null objects, names", () => {
  it("fails getItem of a missing sheet at sync with ItemNotFound", async () => {
    book();
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope");
        await ctx.sync();
      }),
    ).toBe("ItemNotFound");
  });

  it("returns null objects from …OrNullObject", async () => {
    book();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("Hidden").load("visibility");
      const empty = ctx.workbook.worksheets.add("Blank").getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.visibility).toBe("Hidden");
      expect(empty.isNullObject).toBe(true);
    });
  });

  it("checks sheet names as Excel does", async () => {
    book();
    for (const bad of ["Risk Review Settings (Risk Review)", "a/b", "IRIS RISKS"]) {
      expect(
        await codeOf(async (ctx) => {
          ctx.workbook.worksheets.add(bad);
          await ctx.sync();
        }),
      ).toMatch(/InvalidArgument|ItemAlreadyExists/);
    }
  });

  it("keeps workbook names pointing at a sheet through a rename, and #REF! after a delete", async () => {
    const host = book();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("IRIS Risks");
      ctx.workbook.names.add("CRR_OWNED_1", ws.getRange("A1"));
      ws.name = "Renamed";
      const names = ctx.workbook.names.load("items/name,items/value");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.value])).toEqual([["CRR_OWNED_1", "Renamed!$A$1"]]);
      ctx.workbook.worksheets.add("Another");
      ws.delete(); // Excel refuses to delete the last visible sheet, so one was added first
    });
    expect(host.snapshot().names).toEqual([{ name: "CRR_OWNED_1", value: "#REF!" }]);
  });
});

describe("fake Excel host: payloads, stats and simulated errors", () => {
  it("refuses a request over the payload limit, applying nothing", async () => {
    const host = installFakeExcel({ sheets: [{ name: "S" }], payloadLimit: 1000 });
    const big = [Array.from({ length: 20 }, () => "x".repeat(100))];
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:T1").values = big;
        await ctx.sync();
      }),
    ).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.cell("S", "A1")).toBeUndefined();
    expect(host.stats().failedSyncs).toBe(1);
  });

  it("refuses a response over the payload limit", async () => {
    installFakeExcel({
      sheets: [{ name: "S", values: [Array.from({ length: 20 }, () => "y".repeat(100))] }],
      payloadLimit: 1000,
    });
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:T1").load("values");
        await ctx.sync();
      }),
    ).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("counts syncs and bytes each way", async () => {
    const host = book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1:B2").load("values");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("IRIS Risks").getRange("C1").values = [["z"]];
      await ctx.sync();
    });
    const s = host.stats();
    expect(s.syncs).toBe(2);
    expect(s.perSync[0].responseBytes).toBeGreaterThanOrEqual(
      JSON.stringify([
        ["Ref", "Title"],
        ["HRC-001", "Potholes"],
      ]).length,
    );
    expect(s.perSync[1].requestBytes).toBeGreaterThan(s.perSync[1].responseBytes);
  });

  it("fails the next sync with a chosen code, e.g. cell-edit mode", async () => {
    const host = book();
    host.failNextSync();
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("IRIS Risks").getRange("A1").values = [["no"]];
        await ctx.sync();
      }),
    ).toBe("InvalidOperationInCellEditMode");
    expect(host.cell("IRIS Risks", "A1")?.v).toBe("Ref");
  });

  it("refuses APIs above its requirement set", async () => {
    installFakeExcel({ sheets: [{ name: "S" }], apiVersion: "1.6" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(false);
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1);
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
  });
});

describe("fake Excel host: tables and whole-row insert", () => {
  /** A register table A1:C4 (header, two risks, Total row), a note below, a name on the Total row. */
  function tableBook(apiVersion = "1.13"): FakeHost {
    return installFakeExcel({
      apiVersion,
      sheets: [
        {
          name: "Register",
          values: [
            ["Ref", "Title", "Score"],
            ["R1", "Potholes", 4],
            ["R2", "Flooding", 6],
            ["Total", null, "=SUM(C2:C3)"],
            [],
            ["Note", null, "=C4*2"],
          ],
          tables: [{ name: "Risks", address: "A1:C4", showTotals: true }],
        },
      ],
      names: [{ name: "GrandTotal", sheet: "Register", address: "C4" }],
    });
  }

  it("lists a sheet's and the workbook's tables with their ranges", async () => {
    tableBook();
    await Excel.run(async (ctx) => {
      const all = ctx.workbook.tables.load("items/name,items/showTotals");
      const own = ctx.workbook.worksheets.getItem("Register").tables.load("items/name");
      await ctx.sync();
      expect(all.items.map((t) => [t.name, t.showTotals])).toEqual([["Risks", true]]);
      expect(own.items.map((t) => t.name)).toEqual(["Risks"]);
      const t = all.items[0];
      const range = t.getRange().load("address");
      const header = t.getHeaderRowRange().load("address");
      const total = t.getTotalRowRange().load("rowIndex");
      const sheet = t.worksheet.load("name");
      await ctx.sync();
      expect([range.address, header.address, total.rowIndex, sheet.name]).toEqual([
        "Register!A1:C4",
        "Register!A1:C1",
        3,
        "Register",
      ]);
    });
  });

  it("inserts whole rows above the Total row: the table grows, the Total row, its formula, the name and the rows below move down", async () => {
    const host = tableBook();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Register").getRange("4:5").insert(Excel.InsertShiftDirection.down);
      await ctx.sync();
    });
    const snap = host.snapshot();
    expect(snap.sheets[0].tables).toEqual([{ name: "Risks", address: "A1:C6", showTotals: true }]);
    expect(snap.sheets[0].values[5]).toEqual(["Total", "", "#NAME?"]);
    // A reference to the moved row follows it; one wholly above the insertion stays (as in Excel).
    expect(snap.sheets[0].formulas).toEqual({ C6: "=SUM(C2:C3)", C8: "=C6*2" });
    expect(snap.names).toContainEqual({ name: "GrandTotal", value: "Register!C6" });
    // And deleting them puts everything back.
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Register").getRange("4:5").delete(Excel.DeleteShiftDirection.up);
      await ctx.sync();
    });
    expect(host.snapshot()).toEqual(tableBook().snapshot());
  });

  it("resizes a table only on ExcelApi 1.13, keeping its header row in place", async () => {
    tableBook("1.9");
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.tables.getItem("Risks").resize("A1:C8");
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
    const host = tableBook();
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.tables.getItem("Risks").resize("A2:C8");
        await ctx.sync();
      }),
    ).toBe("InvalidArgument");
    await Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Risks").resize("Register!A1:C8");
      await ctx.sync();
    });
    expect(host.snapshot().sheets[0].tables[0].address).toBe("A1:C8");
  });

  it("refuses to insert rows on a protected sheet, and a totals row range of a table without one", async () => {
    const host = tableBook();
    host.sheet("Register").protected = true;
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.worksheets.getItem("Register").getRange("4:4").insert(Excel.InsertShiftDirection.down);
        await ctx.sync();
      }),
    ).toBe("AccessDenied");
    host.tables[0].showTotals = false;
    expect(
      await codeOf(async (ctx) => {
        ctx.workbook.tables.getItem("Risks").getTotalRowRange().load("address");
        await ctx.sync();
      }),
    ).toBe("InvalidOperation");
  });

  it("fills a table's calculated column into rows inserted inside it, not into rows a resize takes in; formulasR1C1 reads and writes a formula as seen from its cell", async () => {
    const host = installFakeExcel({
      apiVersion: "1.13",
      sheets: [
        {
          name: "Register",
          values: [
            ["Ref", "L", "I", "Score"],
            ["R1", 2, 2],
            ["R2", 3, 2],
            ["R3", 1, 1],
          ],
          tables: [{ name: "Risks", address: "A1:D3", calculatedColumns: { D: "=B2*C2" } }],
        },
      ],
    });
    host.sheet("Register").ensure(1, 3).formula = "=B2*C2";
    host.sheet("Register").ensure(2, 3).formula = "=B3*C3";
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Register");
      ws.getRange("A3:D3").insert(Excel.InsertShiftDirection.down);
      ctx.workbook.tables.getItem("Risks").resize("A1:D5");
      await ctx.sync();
      const read = ws.getRange("D2:D5").load("formulasR1C1");
      ws.getRange("E2").formulasR1C1 = [["=RC[-1]+R1C2+R[1]C[-1]"]];
      await ctx.sync();
      expect(read.formulasR1C1).toEqual([["=RC[-2]*RC[-1]"], ["=RC[-2]*RC[-1]"], ["=RC[-2]*RC[-1]"], [""]]);
    });
    // Row 3 went in inside the table and took the column's formula; row 5, taken in by the resize, did not.
    expect(host.snapshot().sheets[0].formulas).toEqual({
      D2: "=B2*C2",
      D3: "=B3*C3",
      D4: "=B4*C4",
      E2: "=D2+$B$1+D3",
    });
  });

  it("copies a sheet's tables with the sheet, under a free name", async () => {
    const host = tableBook();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Register").copy("End");
      await ctx.sync();
    });
    expect(host.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["Risks", "Register"],
      ["Risks2", "Register (2)"],
    ]);
  });
});
