// Rewriting an owned tab through its hidden staging sheet: the same sheet afterwards (position, tab colour,
// names pointing into it), nothing left behind, and a failure part-way leaves the old tab (or no new tab).

import type { CellValue } from "../../src/core/model/grid";
import { emptyFormat, OWNED_MARKER, OWNED_TAB_NAMES, type OwnedTab } from "../../src/core/model/owned-tab";
import { defaultSettings } from "../../src/core/model/settings";
import { setPayloadBudget } from "../../src/excel/payload";
import { adapterStats, onSync, resetAdapterStats } from "../../src/excel/run";
import { loadSettings, saveSettings } from "../../src/excel/settings-store";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { uninstallFakeExcel } from "../fakes/fake-excel";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

function escalation(rows: number, title = "Escalation"): OwnedTab {
  const body: CellValue[][] = [];
  for (let i = 0; i < rows; i++) body.push([`HRC-${i}`, `Risk ${i} ${"t".repeat(150)}`, (i % 25) + 1]);
  return {
    name: "Escalation",
    kind: "escalation",
    rows: [[title], ["Id", "Title", "Score"], ...body],
    format: {
      ...emptyFormat(),
      titleRows: [0],
      headerRows: [1],
      ragCells: [{ row: 2, col: 2, rag: "red" }],
      columnWidths: [12, 40, 8],
      links: [{ row: 2, col: 0, sheet: "Register", address: "A2" }],
    },
  };
}

const book = () =>
  install({
    sheets: [
      { name: "Register", values: [["Ref"], ["HRC-0"]] },
      { name: "Notes", values: [["mine"]] },
    ],
  });

describe("rewriting an owned tab", () => {
  it("keeps the same sheet: its position, tab colour and names pointing into it; no staging sheet remains", async () => {
    const host = book();
    await writeOwnedTab(escalation(5, "Old"));
    // The officer moves the tab to the front, colours it and names a cell on it.
    const sheet = host.sheet("Escalation");
    host.sheets = [sheet, ...host.sheets.filter((s) => s !== sheet)];
    sheet.tabColor = "#FF0000";
    host.names.push({
      name: "TopRisk",
      sheet,
      rect: { top: 2, left: 0, bottom: 2, right: 0 },
      comment: "",
      visible: true,
    });
    await writeOwnedTab(escalation(3, "New"));
    const snap = host.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Escalation", "Register", "Notes"]);
    expect(host.sheet("Escalation")).toBe(sheet);
    expect(sheet.tabColor).toBe("#FF0000");
    expect(snap.names.map((n) => n.value)).toEqual(["Escalation!A1", "Escalation!A3"]);
    const tab = snap.sheets[0];
    expect(tab.values.length).toBe(5);
    expect(tab.values[0]).toEqual(["New", "", "", OWNED_MARKER]);
    expect(tab.links.A3).toEqual({ documentReference: "'Register'!A2" });
    expect(tab.numberFormats.B3).toBe("@");
    expect(tab.bold).toContain("A1");
    expect(tab.columnWidths[1]).toBeGreaterThan(100);
  });

  it("writes the same as a fresh tab would, in as many syncs as writing it new", async () => {
    const fresh = book();
    resetAdapterStats();
    await writeOwnedTab(escalation(400));
    const newSyncs = adapterStats().syncs;
    const freshTab = fresh.snapshot().sheets.find((s) => s.name === "Escalation");

    const host = book();
    await writeOwnedTab(escalation(20, "Old"));
    resetAdapterStats();
    await writeOwnedTab(escalation(400));
    expect(adapterStats().syncs).toBe(newSyncs);
    expect(host.snapshot().sheets.find((s) => s.name === "Escalation")).toEqual(freshTab);
  });

  it("a failure part-way leaves the old tab and removes the staging sheet", async () => {
    const host = book();
    await writeOwnedTab(escalation(5, "Old"));
    const before = host.snapshot();
    setPayloadBudget(20_000);
    let n = 0;
    const stop = onSync((e) => {
      if (e.label === "write: Escalation" && e.ok && ++n === 2) host.failNextSync("GeneralException");
    });
    await expect(writeOwnedTab(escalation(400, "New"))).rejects.toThrow(/internal error/);
    stop();
    expect(host.snapshot()).toEqual(before);
  });

  it("a new tab that fails part-way is removed, with its CRR_OWNED_* name", async () => {
    const host = book();
    const before = host.snapshot();
    setPayloadBudget(20_000);
    let n = 0;
    const stop = onSync((e) => {
      if (e.label === "write: Escalation" && e.ok && ++n === 2) host.failNextSync("GeneralException");
    });
    await expect(writeOwnedTab(escalation(400))).rejects.toThrow();
    stop();
    expect(host.snapshot()).toEqual(before);
  });

  it("a settings save that fails part-way keeps the saved settings", async () => {
    const host = book();
    const saved = { ...defaultSettings(), protectiveMarking: "OFFICIAL-SENSITIVE" };
    await saveSettings(saved);
    const before = host.snapshot();
    let failed = false;
    const stop = onSync((e) => {
      if (e.label === `write: ${OWNED_TAB_NAMES.settings}` && e.ok && !failed) {
        failed = true;
        host.failNextSync("GeneralException");
      }
    });
    setPayloadBudget(2_000);
    await expect(saveSettings({ ...saved, protectiveMarking: "OFFICIAL" })).rejects.toThrow();
    stop();
    expect(host.snapshot()).toEqual(before);
    expect((await loadSettings()).protectiveMarking).toBe("OFFICIAL-SENSITIVE");
  });
});

describe("a staging sheet left behind", () => {
  it("is removed by the next write: a hidden CRR writing sheet with the add-in's marker, not an officer's own", async () => {
    // The pane was closed part-way through a rewrite: its hidden staging sheet stayed in the workbook.
    const host = install({
      sheets: [
        { name: "Register", values: [["Ref"], ["HRC-0"]] },
        { name: "CRR writing", values: [["Old", "", "", OWNED_MARKER]], visibility: "Hidden" },
        { name: "CRR writing 2", values: [["my notes"]], visibility: "Hidden" },
      ],
    });
    await writeOwnedTab(escalation(3, "New"));
    const names = host.snapshot().sheets.map((s) => s.name);
    expect(names).not.toContain("CRR writing");
    // A hidden sheet of that name without the marker is the officer's: it stays.
    expect(names).toContain("CRR writing 2");
    expect(names).toContain("Escalation");
  });
});

