// The same risk under a new id: proposed pairs, the title threshold, confirmed pairs merged and never
// offered again, and movement that does not count a pair as one new and one gone.

import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { proposeRenumbered } from "../../../src/core/merge/renumbered";
import { titleShare, titleWords } from "../../../src/core/parse/title-words";
import { exportGrid, plan, registerGrid, risk } from "./helpers";

describe("titleShare", () => {
  it.each<[string, string, number]>([
    ["Pothole claims rise after winter", "Pothole claims rise after the winter", 100],
    ["Street lighting column failures", "Street lighting column structural failures", 80],
    ["Winter gritting salt shortage", "Gully cleansing backlog", 0],
    ["", "Anything", 0],
  ])("%s / %s → %i%%", (a, b, share) => {
    expect(titleShare(titleWords(a), titleWords(b))).toBe(share);
  });
});

describe("proposeRenumbered", () => {
  const added = [
    { id: "HRC-114", title: "Street lighting column structural failures" },
    { id: "HRC-200", title: "A brand new risk about bridges" },
  ];
  const missing = [
    { id: "HRC-014", title: "Street lighting column failures" },
    { id: "HRC-015", title: "Winter gritting salt shortage" },
  ];

  it.each<[string, number, { oldId: string; newId: string }[], [string, string][]]>([
    ["pairs at 80% with the default threshold", 80, [], [["HRC-014", "HRC-114"]]],
    ["leaves a pair below the threshold", 90, [], []],
    ["never offers a confirmed pair again", 80, [{ oldId: "hrc-014", newId: "HRC-114" }], []],
  ])("%s", (_name, threshold, confirmed, expected) => {
    expect(proposeRenumbered(added, missing, confirmed, threshold).map((p) => [p.oldId, p.newId])).toEqual(
      expected,
    );
  });
});

describe("planImport: renumbered risks", () => {
  const register = registerGrid([
    risk("HRC-013"),
    risk("HRC-014", { "Risk Title": "Street lighting column failures", "Risk Score": 9 }),
  ]);
  const exported = exportGrid([
    risk("HRC-013"),
    risk("HRC-114", { "Risk Title": "Street lighting column structural failures", "Risk Score": 12 }),
  ]);
  const withPairs = (renumbered: { oldId: string; newId: string }[]): Settings => ({
    ...defaultSettings(),
    importProfile: { columns: {}, renumbered },
  });

  it("offers the pair and does not count it as new", () => {
    const p = plan([exported], [register]);
    expect(p.renumbered.map((x) => [x.oldId, x.newId, x.share])).toEqual([["HRC-014", "HRC-114", 80]]);
    expect(p.movement.newRisks).toEqual([]);
    expect(p.risks.added.map((a) => a.label)).toEqual(["HRC-114"]);
  });

  it("merges a confirmed pair into the old row, keeps its id, and offers nothing", () => {
    const p = plan([exported], [register], { settings: withPairs([{ oldId: "HRC-014", newId: "HRC-114" }]) });
    expect(p.renumbered).toEqual([]);
    expect(p.risks.added).toEqual([]);
    expect(p.risks.missing).toEqual([]);
    const changed = p.risks.changed.find((c) => c.riskId === "HRC-014");
    expect(changed?.cells.map((c) => [c.header, c.oldText, c.newText])).toEqual([
      ["Risk Title", "Street lighting column failures", "Street lighting column structural failures"],
      ["Risk Score", "9", "12"],
      ["Review Commentary", "Commentary HRC-014", "Commentary HRC-114"],
    ]);
    expect(p.movement.scoreUp).toEqual(["HRC-114"]);
  });

  it("a new id whose title matches nothing is new", () => {
    const other = exportGrid([
      risk("HRC-013"),
      risk("HRC-014"),
      risk("HRC-300", { "Risk Title": "Bridge joints" }),
    ]);
    const p = plan([other], [register]);
    expect(p.renumbered).toEqual([]);
    expect(p.movement.newRisks).toEqual(["HRC-300"]);
  });
});
