// Settings in the hidden owned Settings sheet: defaults when absent, a faithful round trip, a user's
// sheet of the same name never read or overwritten.

import { OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";
import { defaultSettings } from "../../src/core/model/settings";
import { loadSettings, loadSettingsWithIssues, saveSettings } from "../../src/excel/settings-store";
import { uninstallFakeExcel } from "../fakes/fake-excel";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

function customised() {
  const s = defaultSettings();
  s.asAt = "2022-10-10";
  s.reviewPeriodMonths = 3;
  s.rag = { greenMax: 5, amberMax: 14 };
  s.protectiveMarking = "=OFFICIAL"; // formula-looking text must come back as text
  s.outstandingPhrases = ["-pending", "+awaiting", "@later"];
  s.ruleSeverities = { "risk/stale-update": "warning", "plan/misaligned-row": "off" };
  s.columnCorrections = [{ sheet: "IRIS Risks", header: "Resp.", field: "owner" }];
  s.acceptedExceptions = [
    {
      ruleId: "risk/stale-update",
      sheet: "IRIS Risks",
      recordId: "HRC-005",
      reason: "Awaiting board",
      reviewBy: "2022-12-01",
      fingerprint: "abc",
    },
  ];
  return s;
}

describe("settings store", () => {
  it("gives the defaults when the workbook has no Settings sheet", async () => {
    install({ sheets: [{ name: "IRIS Risks" }] });
    expect(await loadSettingsWithIssues()).toEqual({
      settings: defaultSettings(),
      issues: [],
      sheetName: null,
    });
  });

  it("round-trips settings through the hidden owned sheet", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks" }] });
    const settings = customised();
    await saveSettings(settings);
    expect(host.sheet(OWNED_TAB_NAMES.settings).visibility).toBe("Hidden");
    const loaded = await loadSettingsWithIssues();
    expect(loaded.issues).toEqual([]);
    expect(loaded.sheetName).toBe(OWNED_TAB_NAMES.settings);
    expect(loaded.settings).toEqual(settings);
    // Saving again leaves the same sheet.
    const snap = host.snapshot();
    await saveSettings(await loadSettings());
    expect(host.snapshot()).toEqual(snap);
  });

  it("keeps a co-author's save: reads the sheet again and merges entry by entry", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks" }] });
    await saveSettings(customised());
    const mineBase = await loadSettings(); // this pane opens
    // A co-author accepts another finding and changes the marking meanwhile.
    const theirs = await loadSettings();
    theirs.acceptedExceptions.push({ ...theirs.acceptedExceptions[0], recordId: "HRC-077" });
    theirs.protectiveMarking = "OFFICIAL";
    await saveSettings(theirs, await loadSettings());
    // This pane corrects a column, from what it read before.
    const mine = JSON.parse(JSON.stringify(mineBase)) as typeof mineBase;
    mine.columnCorrections.push({ sheet: "IRIS Risks", header: "Approach", field: "strategy" });
    host.resetStats();
    const saved = await saveSettings(mine, mineBase);
    expect(saved.conflicts).toEqual([]);
    const now = await loadSettings();
    expect(now.acceptedExceptions.map((e) => e.recordId)).toEqual(["HRC-005", "HRC-077"]);
    expect(now.columnCorrections.map((c) => c.header)).toEqual(["Resp.", "Approach"]);
    expect(now.protectiveMarking).toBe("OFFICIAL");
    expect(saved.settings).toEqual(now);
  });

  it("where both changed the same entry, the later save wins and says so", async () => {
    install({ sheets: [{ name: "IRIS Risks" }] });
    await saveSettings(customised());
    const base = await loadSettings();
    const theirs = await loadSettings();
    theirs.acceptedExceptions[0].reason = "Theirs";
    await saveSettings(theirs, base);
    const mine = await loadSettings().then(() => JSON.parse(JSON.stringify(base)) as typeof base);
    mine.acceptedExceptions[0].reason = "Mine";
    const saved = await saveSettings(mine, base);
    expect(saved.conflicts).toEqual(["the accepted risk/stale-update finding on HRC-005 (IRIS Risks)"]);
    expect((await loadSettings()).acceptedExceptions[0].reason).toBe("Mine");
  });

  it("never takes a user's sheet of the same name for the settings", async () => {
    const host = install({
      sheets: [
        { name: "IRIS Risks" },
        {
          name: "Risk Review Settings",
          values: [
            ["Setting", "Value"],
            ["reviewPeriodMonths", 6],
          ],
        },
      ],
    });
    expect((await loadSettings()).reviewPeriodMonths).toBe(1);
    const settings = customised();
    await saveSettings(settings);
    expect(host.cell("Risk Review Settings", "B2")?.v).toBe(6);
    const loaded = await loadSettingsWithIssues();
    expect(loaded.sheetName).not.toBe("Risk Review Settings");
    expect(loaded.settings).toEqual(settings);
  });
});
