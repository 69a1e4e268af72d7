// The import pipeline's pure parts: the profile to save keeps renumbered pairs (saved ones and this
// preview's), the preview's list of pairs, and a confirmed pair planned as one risk.

import { gridFromRows } from "../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import type { RenumberedPair } from "../../src/core/model/history";
import {
  distinctPairs,
  offeredPairs,
  prepareImport,
  profileToSave,
  proposeMapping,
  IGNORE,
} from "../../src/taskpane/import/pipeline";

const HEADER = ["Risk ID", "Risk Title", "Risk Owner", "Risk Score", "Risk Status", "Review Commentary"];
const register = gridFromRows("Register", [
  HEADER,
  ["HRC-001", "Gritting fleet", "J. Patel", 9, "Open", "Checked"],
  ["HRC-003", "Gully backlog", "T. Ng", 4, "Open", "Steady"],
]);
const exportGrid = gridFromRows("Export", [
  HEADER,
  ["HRC-001", "Gritting fleet", "J. Patel", 9, "Open", "Checked"],
  ["HRC-103", "Gully backlog", "T. Ng", 6, "Open", "Steady"],
]);
exportGrid.origin = "iris.csv";

function mapped(settings: Settings) {
  const m = proposeMapping([exportGrid], settings, "2022-10-10");
  if (!m.ok) throw new Error(m.problem.message);
  return m.value;
}

const pair = (oldId: string, newId: string, share = 100): RenumberedPair => ({
  oldId,
  newId,
  share,
  oldTitle: "t",
  newTitle: "t",
});

describe("profileToSave", () => {
  const settings = defaultSettings();
  const { mapping, choices } = mapped(settings);

  it.each([
    ["no pairs: none saved", [], undefined],
    [
      "pairs once each, ids folded as the merge folds them",
      [
        { oldId: "HRC-003", newId: "HRC-103" },
        { oldId: "hrc-003", newId: " HRC-103" },
        { oldId: "HRC-005", newId: "HRC-105" },
      ],
      [
        { oldId: "HRC-003", newId: "HRC-103" },
        { oldId: "HRC-005", newId: "HRC-105" },
      ],
    ],
    ["a pair naming one id twice is left out", [{ oldId: "HRC-003", newId: "hrc-003" }], undefined],
  ])("%s", (_name, pairs, expected) => {
    const profile = profileToSave(mapping, choices, "Register", pairs);
    expect(profile.renumbered).toEqual(expected);
    expect(profile.targetRegister).toBe("Register");
  });

  it("keeps ignored columns as ignored beside the pairs", () => {
    const ignored = { ...choices, risks: choices.risks.map((c, i) => (i === 5 ? IGNORE : c)) };
    const profile = profileToSave(mapping, ignored, "Register", [{ oldId: "HRC-003", newId: "HRC-103" }]);
    expect(profile.columns["Review Commentary"]).toBe(IGNORE);
    expect(profile.renumbered).toEqual([{ oldId: "HRC-003", newId: "HRC-103" }]);
  });
});

describe("distinctPairs", () => {
  it("copies pairs without their titles and shares", () => {
    expect(distinctPairs([pair("A-1", "A-2")])).toEqual([{ oldId: "A-1", newId: "A-2" }]);
  });
});

describe("offeredPairs", () => {
  it.each([
    ["first plan: the plan's proposals", [], [], [pair("A", "B")], ["A>B"]],
    [
      "a ticked pair stays listed though no longer proposed",
      [pair("A", "B")],
      [{ oldId: "A", newId: "B" }],
      [],
      ["A>B"],
    ],
    ["an unticked pair no longer proposed goes", [pair("A", "B")], [], [], []],
    [
      "new proposals go after the pairs listed before, in their places",
      [pair("C", "D"), pair("A", "B")],
      [{ oldId: "A", newId: "B" }],
      [pair("C", "D"), pair("E", "F")],
      ["C>D", "A>B", "E>F"],
    ],
  ])("%s", (_name, before, confirmed, proposed, expected) => {
    expect(offeredPairs(before, confirmed, proposed).map((p) => `${p.oldId}>${p.newId}`)).toEqual(expected);
  });
});

describe("prepareImport with renumbered pairs", () => {
  const request = (settings: Settings, renumbered?: { oldId: string; newId: string }[]) => {
    const { mapping, choices } = mapped(settings);
    const prepared = prepareImport({
      exportGrids: [exportGrid],
      workbookGrids: [register],
      mapping,
      choices,
      register: "Register",
      settings,
      asAt: "2022-10-10",
      importedAt: "2022-10-10 09:00",
      fileName: "iris.csv",
      renumbered,
    });
    if (!prepared.ok) throw new Error(prepared.problem.message);
    return prepared.value;
  };

  it("unconfirmed: the new id is proposed as a pair, added as a new row and not counted as new", () => {
    const { plan, settingsAfter } = request(defaultSettings());
    expect(plan.renumbered.map((p) => [p.oldId, p.newId, p.share])).toEqual([["HRC-003", "HRC-103", 100]]);
    expect(plan.risks.added.map((r) => r.label)).toEqual(["HRC-103"]);
    expect(plan.movement.newRisks).toEqual([]);
    expect(settingsAfter.importProfile?.renumbered).toBeUndefined();
  });

  it("confirmed in the preview: merged into the old row, not offered again, and saved", () => {
    const { plan, settingsAfter } = request(defaultSettings(), [{ oldId: "HRC-003", newId: "HRC-103" }]);
    expect(plan.renumbered).toEqual([]);
    expect(plan.risks.added).toEqual([]);
    expect(plan.risks.missing).toEqual([]);
    // The export's row (labelled by its new id) updates HRC-003's row, the register's third.
    expect(
      plan.risks.changed.map((r) => [
        r.label,
        r.row,
        r.cells.map((c) => `${c.header}: ${c.oldText} → ${c.newText}`),
      ]),
    ).toEqual([["HRC-103", 2, ["Risk Score: 4 → 6"]]]);
    expect(settingsAfter.importProfile?.renumbered).toEqual([{ oldId: "HRC-003", newId: "HRC-103" }]);
  });

  it("keeps the pairs saved before beside this preview's", () => {
    const settings: Settings = {
      ...defaultSettings(),
      importProfile: { columns: {}, renumbered: [{ oldId: "HRC-002", newId: "HRC-102" }] },
    };
    const { settingsAfter } = request(settings, [{ oldId: "HRC-003", newId: "HRC-103" }]);
    expect(settingsAfter.importProfile?.renumbered).toEqual([
      { oldId: "HRC-002", newId: "HRC-102" },
      { oldId: "HRC-003", newId: "HRC-103" },
    ]);
  });

  it("writes the Risk Summary with the chart the pane draws", () => {
    const { edits } = request(defaultSettings());
    expect(edits.ownedTabs.find((t) => t.kind === "risk-summary")?.format.chart).toBeDefined();
  });
});
