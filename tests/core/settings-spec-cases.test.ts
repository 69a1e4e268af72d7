// Review: settings read from a workbook's owned Settings sheet (src/core/model/settings-sheet.ts,
// src/cli/settings-from-grids.ts) held to SPEC.md. SPEC "What must never happen": a bad value must not
// end in "a silent empty result"; "It ends in a plain-English message naming the file, sheet and cell".
// The brief for this review: each bad row gives a plain message naming sheet and cell, and keeps the
// default. Each test fails against the code as reviewed.

import { settingsFromGrids } from "../../src/cli/settings-from-grids";
import { gridFromRows, type CellValue } from "../../src/core/model/grid";
import { OWNED_MARKER, OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";
import { defaultSettings } from "../../src/core/model/settings";
import { settingsFromRows } from "../../src/core/model/settings-sheet";

/** The Settings sheet's rows as the add-in writes them: title (owned marker), header, then `rows` from row 3. */
const sheet = (...rows: CellValue[][]): CellValue[][] => [
  ["Contract Risk Review settings", null, OWNED_MARKER],
  ["Setting", "Value", "Meaning"],
  ...rows,
];

describe("Settings sheet: bad rows against SPEC", () => {
  // SPEC: "a plain-English message naming the file, sheet and cell". The issue names only "row 5"
  // (the CLI adds the file and the words "Settings sheet"); neither the sheet's name ("Risk Review
  // Settings") nor the cell (B5) is named.
  it("names the Settings sheet and the cell (B5) of a bad value", () => {
    const g = gridFromRows(
      OWNED_TAB_NAMES.settings,
      sheet(["asAt", null], ["protectiveMarking", "OFFICIAL"], ["reviewPeriodMonths", "one month"]),
    );
    g.owned = true;
    const { settings, issues } = settingsFromGrids([g]);
    expect(settings.reviewPeriodMonths).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(OWNED_TAB_NAMES.settings);
    expect(issues[0]).toMatch(/\bB5\b/);
  });

  // Plain sense (SPEC is silent on this pair, but the code already refuses overlapping RAG bands the
  // same way): directorate scores "from 15 up to and including 9" route nothing to the directorate
  // register, silently. The code takes both values and says nothing.
  it("refuses a directorate band whose lowest score is above its highest, with an issue, keeping the defaults", () => {
    const { settings, issues } = settingsFromRows(
      sheet(["escalation.directorateMinScore", 15], ["escalation.directorateMaxScore", 9]),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(settings.escalation.directorateMinScore).toBe(9);
    expect(settings.escalation.directorateMaxScore).toBe(15);
  });

  // Plain sense ("each bad row gives a plain message"; SPEC: rules have "stable ids"): a severity for a
  // rule id that no rule has (a typo) is kept without a word, so the officer believes
  // risk/stale-update is off while it still fires.
  it("reports a rule severity given to a rule id no rule has (a typo such as risk/stale-updates)", () => {
    const { settings, issues } = settingsFromRows(sheet(["ruleSeverities", '{"risk/stale-updates": "off"}']));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain("risk/stale-updates");
    expect(settings.ruleSeverities).toEqual({});
  });

  // Plain sense (no silent wrong result): a status list typed with commas is read silently as one
  // word "closed, archived, transferred", so no risk reads as closed any more.
  it("does not silently read a comma-separated closed-status list as one word", () => {
    const { settings, issues } = settingsFromRows(
      sheet(["closedStatusWords", "closed, archived, transferred"]),
    );
    const oneWord = settings.closedStatusWords.length === 1 && settings.closedStatusWords[0].includes(",");
    expect(oneWord && issues.length === 0).toBe(false);
  });

  // Plain sense (SPEC: "as-at date (blank = today)"; a bad value keeps the default with a message): a
  // bare number such as 2022 in the as-at cell is read as an Excel serial, as-at 14 July 1905, silently.
  it("does not take a bare year (2022) in the as-at cell for 14 July 1905", () => {
    const { settings, issues } = settingsFromRows(sheet(["asAt", 2022]));
    expect(settings.asAt).toBeNull();
    expect(issues).toHaveLength(1);
  });

  // SPEC rules table, plan/completed-not-evidenced: outstanding-work phrase (a setting: "in progress",
  // "underway", "to be recruited", "to be appointed", "will be … when available", "not yet", "awaiting",
  // "pending", "in draft", "to follow", "to be confirmed"). The defaults stop at "in draft".
  it("has SPEC's eleven default outstanding-work phrases, 'to follow' and 'to be confirmed' among them", () => {
    expect(defaultSettings().outstandingPhrases).toEqual(
      expect.arrayContaining(["to follow", "to be confirmed"]),
    );
  });
});
