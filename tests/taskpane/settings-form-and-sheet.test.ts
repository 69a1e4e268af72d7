// The Settings view's form and the Settings sheet's reader read the same settings the same way (SPEC "The
// workbook": Settings "live in the hidden owned Settings sheet, so the task pane and the command line read the
// same ones"): money thresholds, the escalation registers' thresholds, the outstanding-work phrases and the
// likelihood and impact words. And the sheet's as-at date, read as any other date (SPEC "Values").

import type { CellValue } from "../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import { settingsFromRows, settingsToRows, writeScaleWords } from "../../src/core/model/settings-sheet";
import { fromForm, toForm, type SettingsForm } from "../../src/taskpane/settings-form";

const SHEET = "Risk Review Settings";

/** The Settings sheet with `edits` typed in their Value cells, read back; `cell(key)` is a key's Value cell. */
function sheetWith(edits: Record<string, CellValue>) {
  const rows = settingsToRows(defaultSettings()).map((r) =>
    typeof r[0] === "string" && r[0] in edits ? [r[0], edits[r[0]], r[2]] : r,
  );
  const cell = (key: string) => `${SHEET}!B${rows.findIndex((r) => r[0] === key) + 1}`;
  return { ...settingsFromRows(rows), cell };
}

/** The Settings view's form with `edits` typed, saved over the defaults. */
function formWith(edits: Partial<SettingsForm>) {
  const base = defaultSettings();
  return fromForm({ ...toForm(base), ...edits }, base);
}

describe("the as-at date on the Settings sheet is read as any other date", () => {
  it.each([
    ["10 October 2022"],
    ["10-Oct-22"],
    ["10th Oct 2022"],
    ["10 Oct. 2022"],
    ["Mon 10 Oct 2022"],
    ["October 10, 2022"],
    ["10-10-2022"],
    [" 10/10/2022 "],
    ["2022-10-10T09:30:00"],
  ])("'%s' is 10 October 2022", (typed) => {
    const { settings, issues } = sheetWith({ asAt: typed });
    expect(issues).toEqual([]);
    expect(settings.asAt).toBe("2022-10-10");
  });

  // An as-at date is a day: a month, quarter, year or week (which a deadline reads as its last day and an
  // update as its first), a date with a note after it, and what is no date at all are refused by the cell.
  it.each([
    ["Oct 2022", /not a date but a week, month, quarter or year/],
    ["Q3 2022", /not a date but a week, month, quarter or year/],
    ["2022/23", /not a date but a week, month, quarter or year/],
    ["2022", /not a date but a week, month, quarter or year/],
    ["w/c 10/10/22", /not a date but a week, month, quarter or year/],
    ["10/10/2022 (board)", /not a date like 2022-10-10/],
    ["31/02/2023", /not a date like 2022-10-10/],
    ["TBC", /not a date like 2022-10-10/],
  ])("'%s' is refused by its cell, and today is used", (typed, message) => {
    const { settings, issues, cell } = sheetWith({ asAt: typed });
    expect(settings.asAt).toBeNull();
    expect(issues).toEqual([expect.stringContaining(`${cell("asAt")} is '${typed}', `)]);
    expect(issues[0]).toMatch(message);
  });
});

describe("money thresholds: the view reads an amount as the sheet does", () => {
  it.each<[string, number]>([
    ["£250k", 250000],
    ["250,000", 250000],
    ["£1.2m", 1200000],
    ["c. £0.25m", 250000],
    ["Up to £75,000", 75000],
    ["£50k–£100k", 100000],
    ["Nil", 0],
    [" 250000 ", 250000],
    ["£250,000.50", 250000.5],
  ])("'%s' is £%d in both", (typed, amount) => {
    const sheet = sheetWith({ "escalation.strategicBoardMinImpact": typed });
    expect(sheet.issues).toEqual([]);
    expect(sheet.settings.escalation.strategicBoardMinImpact).toBe(amount);
    const form = formWith({ strategicBoardMinImpact: typed });
    expect(form.ok && form.settings.escalation.strategicBoardMinImpact).toBe(amount);
  });

  it.each([["lots"], ["-5"], ["£50k now, £80k by 2025"], [""]])("'%s' is refused by both", (typed) => {
    const sheet = sheetWith({ "escalation.operationsBoardMinImpact": typed });
    expect(sheet.issues).toEqual([expect.stringContaining("not an amount in pounds; using 50000")]);
    expect(sheet.settings.escalation.operationsBoardMinImpact).toBe(50000);
    expect(formWith({ operationsBoardMinImpact: typed })).toEqual({
      ok: false,
      errors: {
        operationsBoardMinImpact:
          "The operations board threshold must be an amount in pounds, such as 50000 or £50,000.",
      },
    });
  });
});

describe("the corporate and directorate registers' thresholds must meet, on the sheet and in the view", () => {
  const E = "escalation.";
  const thresholds = (corporate: number, low: number, high: number) => ({
    sheet: sheetWith({
      [`${E}corporateMinScore`]: corporate,
      [`${E}directorateMinScore`]: low,
      [`${E}directorateMaxScore`]: high,
    }),
    form: formWith({
      corporateMinScore: String(corporate),
      directorateMinScore: String(low),
      directorateMaxScore: String(high),
    }),
  });

  it.each<[string, number, number, number, RegExp, RegExp]>([
    [
      "a corporate threshold inside the directorate band",
      12,
      9,
      15,
      /overlap: a score of 12 to 15 would go to both the corporate and the directorate register/,
      /\(12\) and Directorate register up to score \(15\) overlap: a score of 12 to 15 would go to both registers/,
    ],
    [
      "a corporate threshold on the band's highest score",
      15,
      9,
      15,
      /overlap: a score of 15 would go to both/,
      /overlap: a score of 15 would go to both registers/,
    ],
    [
      "a corporate threshold below the whole band",
      5,
      9,
      15,
      /overlap: a score of 9 to 15 would go to both/,
      /overlap: a score of 9 to 15 would go to both registers/,
    ],
    [
      "a directorate band ending below the corporate threshold",
      16,
      9,
      12,
      /leave a gap: a score of 13 to 15 would go to neither the corporate nor the directorate register/,
      /\(16\) and Directorate register up to score \(12\) leave a gap: a score of 13 to 15 would go to neither register/,
    ],
    [
      "a corporate threshold raised above the band",
      20,
      9,
      15,
      /leave a gap: a score of 16 to 19 would go to neither/,
      /leave a gap: a score of 16 to 19 would go to neither register/,
    ],
  ])(
    "%s is reported by both cells and refused on its field",
    (_name, corporate, low, high, issue, refusal) => {
      const { sheet, form } = thresholds(corporate, low, high);
      expect(sheet.issues).toEqual([expect.stringMatching(issue)]);
      expect(sheet.issues[0]).toContain(
        `'${E}corporateMinScore' (${corporate}) in ${sheet.cell(`${E}corporateMinScore`)}`,
      );
      expect(sheet.issues[0]).toContain(
        `'${E}directorateMaxScore' (${high}) in ${sheet.cell(`${E}directorateMaxScore`)}`,
      );
      expect(sheet.issues[0]).toMatch(/using the defaults, corporate from 16 and directorate 9–15$/);
      expect(sheet.settings.escalation).toEqual(defaultSettings().escalation);
      expect(form.ok).toBe(false);
      const errors = form.ok ? {} : form.errors;
      expect(Object.keys(errors)).toEqual(["corporateMinScore"]);
      expect(errors.corporateMinScore).toMatch(/^Corporate register from score /);
      expect(errors.corporateMinScore).toMatch(refusal);
    },
  );

  it.each<[number, number, number]>([
    [16, 9, 15],
    [20, 10, 19],
    [13, 5, 12],
    [25, 1, 24],
  ])("corporate from %d beside directorate %d–%d is taken by both", (corporate, low, high) => {
    const { sheet, form } = thresholds(corporate, low, high);
    expect(sheet.issues).toEqual([]);
    const expected = { corporateMinScore: corporate, directorateMinScore: low, directorateMaxScore: high };
    expect(sheet.settings.escalation).toMatchObject(expected);
    expect(form.ok && form.settings.escalation).toMatchObject(expected);
  });

  // A directorate band the wrong way round is that band's problem alone: reported once, its defaults put
  // back, and the corporate threshold then checked beside the band as put back.
  it("a directorate band the wrong way round is one issue, and the corporate threshold is checked beside its defaults", () => {
    const { sheet, form } = thresholds(16, 15, 9);
    expect(sheet.issues).toEqual([expect.stringMatching(/are the wrong way round/)]);
    expect(sheet.settings.escalation).toEqual(defaultSettings().escalation);
    expect(form.ok ? {} : form.errors).toEqual({
      directorateMaxScore: "The highest score must not be below the lowest score.",
    });
  });
  // The view checks the registers beside each other only once each of their scores can be read: a directorate
  // band starting at 0 is that field's error alone, with no message about scores that cannot be worked out.
  it("the view leaves the registers' check until the directorate band's lowest score can be read", () => {
    const form = formWith({ corporateMinScore: "12", directorateMinScore: "0" });
    expect(form.ok ? {} : form.errors).toEqual({
      directorateMinScore:
        "The directorate register's lowest score must be a whole-number score from 1 to 25.",
    });
  });
});

describe("outstanding-work phrases: one a line in the view; a comma belongs to its phrase on the sheet too", () => {
  const typed = "in progress\nto be confirmed, subject to funding\r\nawaiting sign-off; review";

  it("the view saves one phrase a line, commas and semicolons kept in their phrase", () => {
    const form = formWith({ outstandingPhrases: typed });
    expect(form.ok && form.settings.outstandingPhrases).toEqual([
      "in progress",
      "to be confirmed, subject to funding",
      "awaiting sign-off; review",
    ]);
  });

  it("the sheet reads the same text's lines as the view does, a comma kept in its phrase", () => {
    const { settings, issues } = sheetWith({
      outstandingPhrases: "in progress\nto be confirmed, subject to funding",
    });
    expect(issues).toEqual([]);
    expect(settings.outstandingPhrases).toEqual(["in progress", "to be confirmed, subject to funding"]);
  });

  it("the sheet still reads phrases separated by semicolons, as it writes the defaults", () => {
    const row = settingsToRows(defaultSettings()).find((r) => r[0] === "outstandingPhrases");
    expect(row?.[1]).toBe(defaultSettings().outstandingPhrases.join("; "));
    const { settings } = sheetWith({ outstandingPhrases: "pending; to follow, once agreed" });
    expect(settings.outstandingPhrases).toEqual(["pending", "to follow, once agreed"]);
  });

  it("what the view saves, the sheet reads back the same, and the view shows it one a line again", () => {
    const form = formWith({ outstandingPhrases: typed });
    if (!form.ok) throw new Error(JSON.stringify(form.errors));
    const saved: Settings = form.settings;
    expect(settingsFromRows(settingsToRows(saved))).toEqual({ settings: saved, issues: [] });
    expect(toForm(saved).outstandingPhrases).toBe(saved.outstandingPhrases.join("\n"));
  });

  it("the other word lists still take commas between their words, in both", () => {
    const form = formWith({ actionDoneWords: "done, complete" });
    expect(form.ok && form.settings.actionDoneWords).toEqual(["done", "complete"]);
    expect(sheetWith({ actionDoneWords: "done, complete" }).settings.actionDoneWords).toEqual([
      "done",
      "complete",
    ]);
  });
});

describe("likelihood and impact words emptied: the default words kept on the sheet, refused in the view", () => {
  it.each([["likelihoodWords"], ["impactWords"]] as const)("%s", (key) => {
    const sheet = sheetWith({ [key]: null });
    expect(sheet.settings[key]).toEqual(defaultSettings()[key]);
    expect(sheet.issues).toEqual([
      `Setting '${key}' in ${sheet.cell(key)} is empty, and the words may not be; ` +
        `using ${writeScaleWords(defaultSettings()[key])}`,
    ]);
    const form = formWith({ [key]: "  " });
    expect(form.ok ? {} : Object.keys(form.errors)).toEqual([key]);
  });
});
