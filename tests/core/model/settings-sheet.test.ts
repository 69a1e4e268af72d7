import { settingsFromRows, settingsToRows, SETTINGS_HEADER } from "../../../src/core/model/settings-sheet";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import type { CellValue } from "../../../src/core/model/grid";

/** A settings value with every field away from its default. */
function busySettings(): Settings {
  const s = defaultSettings();
  s.asAt = "2022-10-10";
  s.reviewPeriodMonths = 2;
  s.rag = { greenMax: 5, amberMax: 14 };
  s.escalation = {
    corporateMinScore: 15,
    directorateMinScore: 8,
    directorateMaxScore: 14,
    operationsBoardMinImpact: 75000.5,
    strategicBoardMinImpact: 1_000_000,
    strategicBoardScore: 20,
  };
  s.ruleSeverities = { "risk/stale-update": "warning", "plan/misaligned-row": "off" };
  s.strategyWords.treat = ["treat", "manage; reduce", "mitigate"];
  s.openStatusWords = ["open", "live"];
  s.closedStatusWords = ["closed"];
  s.actionDoneWords = ["done", "complete; signed off"];
  s.outstandingPhrases = ["in progress", "will be … when available", "to follow"];
  s.likelihoodWords = [
    { word: "Remote", value: 1 },
    { word: "Almost certain", value: 5 },
  ];
  s.impactWords = [{ word: "Severe", value: 4 }];
  s.columnCorrections = [
    { sheet: "IRIS Risks", header: "Review Date", field: "nextReview" },
    { sheet: "IRIS Risks", header: "Notes", field: null },
  ];
  s.importProfile = {
    columns: { "Risk ID": "id", Notes: null, __proto__x: "title" },
    riskSheet: "Risks",
    targetRegister: "IRIS Risks",
    renumbered: [{ oldId: "HRC-014", newId: "HRC-114" }],
  };
  s.appetite = {
    maxima: { averse: 3, minimal: 5, cautious: 8, open: 12, eager: 20 },
    categories: { "Financial and commercial": "averse", "Reputation: media": "minimal" },
    defaultLevel: "open",
  };
  s.proposals = { escalateMonthsAbove: 3, escalateRise: 5, deEscalateMonths: 4, renumberTitleShare: 70 };
  s.acceptedExceptions = [
    {
      ruleId: "risk/no-action",
      sheet: "IRIS Risks",
      recordId: "HRC-005",
      reason: "Agreed at board: monitored only",
      reviewBy: "2023-01-31",
      fingerprint: "abc123",
      acceptedBy: "M. A.",
      acceptedOn: "2022-10-10",
    },
    {
      ruleId: "plan/overdue",
      sheet: "Improvement Plan",
      recordId: "6.1",
      reason: 'x, "quoted"; semi',
      reviewBy: "2022-12-01",
      fingerprint: "f",
    },
  ];
  s.protectiveMarking = "OFFICIAL";
  s.lastImport = {
    date: "2022-10-10",
    file: "IRIS October.xlsx",
    movement: {
      since: "2022-10-10",
      newRisks: ["HRC-050"],
      closed: [],
      scoreUp: ["HRC-001"],
      scoreDown: [],
      strategyChanged: ["HRC-002"],
    },
  };
  return s;
}

/** The rows with one setting's Value cell replaced. */
function withValue(
  key: string,
  value: CellValue,
  base: Settings = defaultSettings(),
): { rows: CellValue[][]; row: number } {
  const rows = settingsToRows(base);
  const i = rows.findIndex((r) => r[0] === key);
  if (i < 0) throw new Error(`no row for ${key}`);
  rows[i] = [key, value, rows[i][2]];
  return { rows, row: i + 1 };
}

describe("settingsToRows", () => {
  const rows = settingsToRows(defaultSettings());

  it("starts with a title row ending in the owned marker, then the header row", () => {
    expect(rows[0][rows[0].length - 1]).toBe(OWNED_MARKER);
    expect(rows[1]).toEqual([...SETTINGS_HEADER]);
    expect(rows[1]).toEqual(["Setting", "Value", "Meaning"]);
  });

  it("writes one three-cell row per setting with a meaning", () => {
    for (const r of rows.slice(2)) {
      expect(r).toHaveLength(3);
      expect(typeof r[0]).toBe("string");
      expect(typeof r[2]).toBe("string");
    }
    const keys = rows.slice(2).map((r) => r[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("writes simple settings readably", () => {
    const busy = settingsToRows(busySettings());
    const value = (key: string) => busy.find((r) => r[0] === key)?.[1];
    expect(value("asAt")).toBe("2022-10-10");
    expect(value("reviewPeriodMonths")).toBe(2);
    expect(value("rag.greenMax")).toBe(5);
    expect(value("protectiveMarking")).toBe("OFFICIAL");
    expect(value("openStatusWords")).toBe("open; live");
    expect(value("escalation.operationsBoardMinImpact")).toBe(75000.5);
    expect(JSON.parse(String(value("ruleSeverities")))).toEqual({
      "risk/stale-update": "warning",
      "plan/misaligned-row": "off",
    });
  });

  it("puts reviewPeriodMonths on row 5", () => {
    expect(rows[4][0]).toBe("reviewPeriodMonths");
  });

  it("writes one row per accepted exception and per column correction", () => {
    const busy = settingsToRows(busySettings());
    expect(busy.filter((r) => r[0] === "acceptedExceptions")).toHaveLength(2);
    expect(busy.filter((r) => r[0] === "columnCorrections")).toHaveLength(2);
  });

  it("keeps every cell within Excel's 32,767-character limit for ordinary settings", () => {
    for (const r of settingsToRows(busySettings()))
      for (const c of r) expect(String(c).length).toBeLessThan(32767);
  });
});

describe("settingsFromRows: round trip", () => {
  it.each([
    ["defaults", defaultSettings()],
    ["every setting changed", busySettings()],
  ])("%s come back unchanged and without issues", (_name, settings) => {
    const back = settingsFromRows(settingsToRows(settings));
    expect(back.issues).toEqual([]);
    expect(back.settings).toEqual(settings);
    expect(JSON.stringify(back.settings)).toBe(JSON.stringify(settings));
  });

  it("round-trips an empty marking", () => {
    const s = defaultSettings();
    s.protectiveMarking = "";
    expect(settingsFromRows(settingsToRows(s))).toEqual({ settings: s, issues: [] });
  });

  // README "Settings": "A word list left empty is refused"; the sheet refuses it as the Settings view does.
  it.each<[string, (s: Settings) => void, RegExp]>([
    ["outstanding-work phrases", (s) => (s.outstandingPhrases = []), /'outstandingPhrases' .* is empty/],
    ["a strategy's words", (s) => (s.strategyWords.take = []), /has no words for 'take'/],
    ["closed-status words", (s) => (s.closedStatusWords = []), /'closedStatusWords' .* is empty/],
  ])(
    "refuses emptied %s, keeping the default words, with an issue naming the cell",
    (_name, empty, message) => {
      const s = defaultSettings();
      empty(s);
      const back = settingsFromRows(settingsToRows(s));
      expect(back.settings).toEqual(defaultSettings());
      expect(back.issues).toEqual([expect.stringMatching(message)]);
      expect(back.issues[0]).toMatch(/Risk Review Settings!B\d+/);
    },
  );

  it("round-trips a '__proto__' column header in the import profile as data, not a prototype", () => {
    const s = defaultSettings();
    const columns: Record<string, string | null> = {};
    Object.defineProperty(columns, "__proto__", {
      value: "title",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    s.importProfile = { columns };
    const back = settingsFromRows(settingsToRows(s)).settings;
    const backColumns = back.importProfile?.columns as Record<string, string | null>;
    expect(Object.prototype.hasOwnProperty.call(backColumns, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(backColumns)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});

describe("settingsFromRows: bad values fall back to the default with an issue", () => {
  it("names the setting, the sheet and cell, and the value", () => {
    const { rows } = withValue("reviewPeriodMonths", "abc");
    expect(settingsFromRows(rows)).toEqual({
      settings: defaultSettings(),
      issues: [
        "Setting 'reviewPeriodMonths' in Risk Review Settings!B5 is 'abc', not a whole number; using 1",
      ],
    });
  });

  it("counts rows from the grid's first row when it is not row 1", () => {
    const { rows } = withValue("reviewPeriodMonths", "abc");
    expect(settingsFromRows(rows, 3).issues).toEqual([
      "Setting 'reviewPeriodMonths' in Risk Review Settings!B7 is 'abc', not a whole number; using 1",
    ]);
  });

  it.each<[string, CellValue, RegExp]>([
    ["reviewPeriodMonths", 0, /is '0', not between 1 and 12; using 1/],
    ["reviewPeriodMonths", 1.5, /not a whole number/],
    ["reviewPeriodMonths", true, /is 'TRUE', not a whole number/],
    ["asAt", "next Tuesday", /not a date like 2022-10-10; using today/],
    ["asAt", "Oct 2022", /not a date/],
    ["asAt", -3, /not a date; using today/],
    ["asAt", 2022, /is '2022', not a date but a year: write the whole date, such as 2022-10-10; using today/],
    ["asAt", 45, /is '45', not a date; using today/],
    [
      "rag.greenMax",
      "lots",
      /'rag.greenMax' in Risk Review Settings!B\d+ is 'lots', not a whole number; using 4/,
    ],
    ["rag.amberMax", 99, /not between 2 and 24; using 12/],
    ["escalation.corporateMinScore", "high", /not a whole number; using 16/],
    ["escalation.operationsBoardMinImpact", "TBC", /not an amount in pounds; using 50000/],
    ["escalation.strategicBoardMinImpact", -5, /not an amount/],
    ["ruleSeverities", "{bad", /is '\{bad', not valid JSON; using \{\}/],
    ["ruleSeverities", "[1,2]", /not a JSON object/],
    ["strategyWords", "[]", /not a JSON object/],
    ["strategyWords", '{"treat": "reduce"}', /words for 'treat' that are not a list/],
    ["openStatusWords", "[1, 2]", /not a list of words/],
    ["closedStatusWords", "[oops", /not valid JSON/],
    ["importProfile", "{}", /not a JSON object with "columns"; using no profile/],
    ["importProfile", "42", /not a JSON object/],
    ["columnCorrections", '{"sheet": 1}', /not a valid entry; ignoring it/],
    ["acceptedExceptions", '{"ruleId": "risk/no-action"}', /has no 'sheet'; ignoring it/],
    ["acceptedExceptions", "nonsense", /not valid JSON/],
    ["likelihoodWords", "Likely = 9", /gives 'Likely' the number '9', not a whole number from 1 to 5/],
    ["likelihoodWords", "Likely", /has 'Likely', which is not a word = number/],
    ["impactWords", "= 3", /not a word = number/],
    ["impactWords", "Major = four", /not a whole number from 1 to 5/],
  ])("%s = %j", (key, value, message) => {
    const { rows } = withValue(key, value);
    const { settings, issues } = settingsFromRows(rows);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      new RegExp(`^Setting '${key.replace(".", "\\.")}' in Risk Review Settings!B\\d+ `),
    );
    expect(issues[0]).toMatch(message);
    expect(settings).toEqual(defaultSettings());
  });

  it("keeps the good entries of a partly bad JSON value", () => {
    const { rows } = withValue(
      "ruleSeverities",
      '{"risk/stale-update": "warning", "risk/no-action": "loud"}',
    );
    const { settings, issues } = settingsFromRows(rows);
    expect(settings.ruleSeverities).toEqual({ "risk/stale-update": "warning" });
    expect(issues).toEqual([
      expect.stringMatching(
        /gives rule 'risk\/no-action' the severity 'loud', not error, warning, info or off/,
      ),
    ]);
  });

  it("refuses a severity for a rule id no rule has, suggesting the id it was likely meant to be", () => {
    const { rows } = withValue("ruleSeverities", '{"risk/stale-updates": "off", "risk/no-action": "info"}');
    const { settings, issues } = settingsFromRows(rows);
    expect(settings.ruleSeverities).toEqual({ "risk/no-action": "info" });
    expect(issues).toEqual([
      "Setting 'ruleSeverities' in Risk Review Settings!B14 gives a severity to 'risk/stale-updates', " +
        "which is not a rule (did you mean 'risk/stale-update'?); ignoring it",
    ]);
  });

  it("rejects an accepted exception whose review date is not a date", () => {
    const e = { ruleId: "r", sheet: "s", recordId: "1", reason: "x", reviewBy: "soon", fingerprint: "f" };
    const { settings, issues } = settingsFromRows(withValue("acceptedExceptions", JSON.stringify(e)).rows);
    expect(settings.acceptedExceptions).toEqual([]);
    expect(issues[0]).toMatch(/review date 'soon'/);
  });

  it("resets overlapping RAG bands to the defaults", () => {
    const s = defaultSettings();
    s.rag = { greenMax: 12, amberMax: 4 };
    const { settings, issues } = settingsFromRows(settingsToRows(s));
    expect(settings.rag).toEqual(defaultSettings().rag);
    expect(issues).toEqual([
      expect.stringMatching(
        /'rag.greenMax' \(12\) in Risk Review Settings!B6 and 'rag.amberMax' \(4\) in Risk Review Settings!B7 overlap/,
      ),
    ]);
  });
});

describe("settingsFromRows: word scales", () => {
  it.each<[string, CellValue, Settings["likelihoodWords"], number]>([
    [
      "words and numbers",
      "Rare = 1; Likely = 4",
      [
        { word: "Rare", value: 1 },
        { word: "Likely", value: 4 },
      ],
      0,
    ],
    [
      "new lines and colons",
      "Rare: 1\nAlmost certain: 5",
      [
        { word: "Rare", value: 1 },
        { word: "Almost certain", value: 5 },
      ],
      0,
    ],
    // Emptied, no word would be read as a number: the default words are kept, with an issue.
    ["blank: the default words", "", defaultSettings().likelihoodWords, 1],
    ["a bad entry among good ones is left out", "Rare = 1; Often = 7", [{ word: "Rare", value: 1 }], 1],
    ["a word twice: the first counts", "Rare = 1; rare = 2", [{ word: "Rare", value: 1 }], 1],
  ])("likelihoodWords: %s", (_name, value, words, issueCount) => {
    const { rows } = withValue("likelihoodWords", value);
    const { settings, issues } = settingsFromRows(rows);
    expect(settings.likelihoodWords).toEqual(words);
    expect(issues).toHaveLength(issueCount);
  });

  it("writes the defaults readably", () => {
    const row = settingsToRows(defaultSettings()).find((r) => r[0] === "likelihoodWords");
    expect(row?.[1]).toMatch(/^Rare = 1; Unlikely = 2; Possible = 3; Likely = 4; Almost certain = 5; /);
  });
});

describe("settingsFromRows: tolerant reading", () => {
  it.each<[string, CellValue, Partial<Settings>]>([
    ["asAt", null, { asAt: null }],
    ["asAt", "  ", { asAt: null }],
    ["asAt", 44844, { asAt: "2022-10-10" }],
    ["asAt", 44834.5, { asAt: "2022-09-30" }],
    ["asAt", "10/10/2022", { asAt: "2022-10-10" }],
    ["asAt", "2022-10-10T00:00:00", { asAt: "2022-10-10" }],
    ["reviewPeriodMonths", "3", { reviewPeriodMonths: 3 }],
    ["reviewPeriodMonths", 3, { reviewPeriodMonths: 3 }],
    ["openStatusWords", "open\nlive ; active;", { openStatusWords: ["open", "live", "active"] }],
    ["openStatusWords", '["open", "live"]', { openStatusWords: ["open", "live"] }],
    [
      "closedStatusWords",
      "closed, archived, transferred",
      { closedStatusWords: ["closed", "archived", "transferred"] },
    ],
    ["importProfile", "null", { importProfile: null }],
    ["ruleSeverities", null, { ruleSeverities: {} }],
    ["protectiveMarking", "  OFFICIAL  ", { protectiveMarking: "OFFICIAL" }],
  ])("%s = %j", (key, value, expected) => {
    const { settings, issues } = settingsFromRows(withValue(key, value).rows);
    expect(issues).toEqual([]);
    expect(settings).toEqual({ ...defaultSettings(), ...expected });
  });

  it("writes a word holding a comma as JSON, so it reads back as one word", () => {
    const s = defaultSettings();
    s.outstandingPhrases = ["in progress", "to follow, once agreed"];
    const row = settingsToRows(s).find((r) => r[0] === "outstandingPhrases");
    expect(row?.[1]).toBe('["in progress","to follow, once agreed"]');
    expect(settingsFromRows(settingsToRows(s))).toEqual({ settings: s, issues: [] });
  });

  it("reads money thresholds written as text", () => {
    const { settings, issues } = settingsFromRows(
      withValue("escalation.operationsBoardMinImpact", "£75k").rows,
    );
    expect(issues).toEqual([]);
    expect(settings.escalation.operationsBoardMinImpact).toBe(75000);
  });

  it("ignores unknown settings and reads keys case-insensitively", () => {
    const rows = settingsToRows(defaultSettings());
    rows.push(
      ["someFutureSetting", "x", ""],
      ["__proto__", '{"polluted": true}', ""],
      ["REVIEWPERIODMONTHS", 6, ""],
    );
    const { settings, issues } = settingsFromRows(rows);
    expect(settings.reviewPeriodMonths).toBe(6);
    expect(issues).toEqual([
      expect.stringMatching(
        /'reviewPeriodMonths' is in Risk Review Settings!A5 and again in A\d+; using the value in B\d+/,
      ),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("finds the header row below other rows and keeps defaults for missing settings", () => {
    const rows: CellValue[][] = [["Notes"], [], ["Setting", "Value"], ["reviewPeriodMonths", 2]];
    expect(settingsFromRows(rows)).toEqual({
      settings: { ...defaultSettings(), reviewPeriodMonths: 2 },
      issues: [],
    });
  });

  it("is safe with '__proto__' keys inside JSON values", () => {
    const rows = settingsToRows(defaultSettings());
    const set = (key: string, value: string) => {
      const i = rows.findIndex((r) => r[0] === key);
      rows[i] = [key, value, ""];
    };
    set("ruleSeverities", '{"__proto__": "off", "constructor": "warning"}');
    set("strategyWords", '{"__proto__": ["x"], "treat": ["fix"]}');
    set("importProfile", '{"columns": {"__proto__": {"polluted": 1}, "constructor": "id"}}');
    const { settings, issues } = settingsFromRows(rows);
    // '__proto__' and 'constructor' are no rule's ids: refused with an issue, and nothing polluted.
    expect(Object.getPrototypeOf(settings.ruleSeverities)).toBe(Object.prototype);
    expect(Object.keys(settings.ruleSeverities)).toEqual([]);
    expect(settings.strategyWords.treat).toEqual(["fix"]);
    expect(settings.importProfile?.columns.constructor).toBe("id");
    expect(issues).toEqual([
      expect.stringMatching(/ruleSeverities.* gives a severity to '__proto__', which is not a rule/),
      expect.stringMatching(/ruleSeverities.* gives a severity to 'constructor', which is not a rule/),
      expect.stringMatching(/strategyWords.* names '__proto__', which is not a strategy/),
      expect.stringMatching(/importProfile.* maps column '__proto__'/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["an empty sheet", []],
    ["not an array", "junk"],
    ["null", null],
    ["rows that are not arrays", [null, 3, "x", { a: 1 }]],
    ["a sheet with no header row", [["hello", "world"]]],
    [
      "junk cells after the header",
      [
        ["Setting"],
        [null],
        [3, 4],
        [true],
        ["asAt", { weird: true }],
        ["ruleSeverities", "[".repeat(100000)],
      ],
    ],
  ])("never throws on %s", (_name, values) => {
    const r = settingsFromRows(values as CellValue[][]);
    expect(r.settings.reviewPeriodMonths).toBe(1);
    expect(Array.isArray(r.issues)).toBe(true);
  });

  it("does not share objects with the defaults", () => {
    const a = settingsFromRows([]).settings;
    a.openStatusWords.push("x");
    expect(settingsFromRows([]).settings.openStatusWords).not.toContain("x");
  });
});

describe("lastImport", () => {
  it("keeps the last import's movement for later Risk Summaries", () => {
    const s = defaultSettings();
    s.lastImport = {
      date: "2022-10-10",
      file: "IRIS.xlsx",
      movement: {
        since: "2022-10-10",
        newRisks: ["A"],
        closed: ["B"],
        scoreUp: [],
        scoreDown: ["C"],
        strategyChanged: [],
      },
    };
    expect(settingsFromRows(settingsToRows(s)).settings.lastImport).toEqual(s.lastImport);
  });

  it("falls back to none, with an issue, when the movement is malformed", () => {
    const rows = settingsToRows(defaultSettings()).map((r) =>
      r[0] === "lastImport"
        ? ["lastImport", '{"date":"2022-10-10","file":"x","movement":{"newRisks":[1]}}', null]
        : r,
    );
    const { settings, issues } = settingsFromRows(rows);
    expect(settings.lastImport).toBeNull();
    expect(issues.join(" ")).toMatch(/lastImport/);
  });
});

describe("appetite and proposal settings", () => {
  it("are written as people read them", () => {
    const rows = settingsToRows(busySettings());
    const value = (key: string) => rows.filter((r) => r[0] === key).map((r) => r[1]);
    expect(value("appetite.levels")).toEqual(["Averse 3; Minimal 5; Cautious 8; Open 12; Eager 20"]);
    expect(value("appetite.defaultLevel")).toEqual(["Open"]);
    expect(value("appetite.category")).toEqual([
      "Financial and commercial: Averse",
      "Reputation: media: Minimal",
    ]);
    expect(value("proposals.escalateRise")).toEqual([5]);
  });

  it.each<[string, CellValue, RegExp]>([
    [
      "appetite.levels",
      "Averse 4; Minimal 3",
      /Minimal \(3\) no more than Averse \(4\).*using Averse 4; Minimal 6/,
    ],
    ["appetite.levels", "Cautious 30", /gives Cautious the score 30, not 1–25; ignoring it/],
    ["appetite.levels", "Brave 12", /'Brave 12', not a level \(Averse, Minimal, Cautious, Open, Eager\)/],
    ["appetite.defaultLevel", "Bold", /not a level .*; using Cautious/],
    ["appetite.category", "Financial", /not a category and a level such as 'Financial: Averse'/],
    ["appetite.category", "Financial: Reckless", /not a category and a level/],
    ["proposals.escalateMonthsAbove", 0, /not between 1 and 12; using 2/],
    ["proposals.renumberTitleShare", 150, /not between 1 and 100; using 80/],
  ])("%s = %p keeps the default with an issue", (key, value, issue) => {
    const { rows } = withValue(key, value);
    const back = settingsFromRows(rows);
    expect(back.settings).toEqual(defaultSettings());
    expect(back.issues).toEqual([expect.stringMatching(issue)]);
  });

  it("keeps the first row of a category named twice (whatever its case and spaces), with an issue", () => {
    const rows = settingsToRows(defaultSettings());
    const i = rows.findIndex((r) => r[0] === "appetite.category");
    rows.splice(
      i,
      1,
      ["appetite.category", "Financial: Averse", null],
      ["appetite.category", "  FINANCIAL  : Open", null],
    );
    const back = settingsFromRows(rows);
    expect(back.settings.appetite.categories).toEqual({ Financial: "averse" });
    expect(back.issues).toEqual([
      expect.stringMatching(
        /names the category 'FINANCIAL' again \('Financial' is on an earlier row\); ignoring it/,
      ),
    ]);
  });

  it("reads levels in any case and order, leaving the ones not named", () => {
    const { rows } = withValue("appetite.levels", "eager 20, averse: 2");
    const back = settingsFromRows(rows);
    expect(back.issues).toEqual([]);
    expect(back.settings.appetite.maxima).toEqual({
      averse: 2,
      minimal: 6,
      cautious: 9,
      open: 12,
      eager: 20,
    });
  });
});

describe("settingsFromRows: field names saved by earlier versions", () => {
  // The Escalate? column was saved as "escalation" before it took SPEC's field name, "escalate".
  it("reads a column correction saved under the old name 'escalation' as 'escalate'", () => {
    const saved = JSON.stringify({ sheet: "IRIS Risks", header: "Board?", field: "escalation" });
    const { settings, issues } = settingsFromRows(withValue("columnCorrections", saved).rows);
    expect(issues).toEqual([]);
    expect(settings.columnCorrections).toEqual([
      { sheet: "IRIS Risks", header: "Board?", field: "escalate" },
    ]);
  });

  it("reads an import profile mapping a column to 'escalation' as 'escalate', other fields as they are", () => {
    const saved = JSON.stringify({ columns: { "Esc Flag": "escalation", "Risk ID": "id", Notes: null } });
    const { settings, issues } = settingsFromRows(withValue("importProfile", saved).rows);
    expect(issues).toEqual([]);
    expect(settings.importProfile?.columns).toEqual({ "Esc Flag": "escalate", "Risk ID": "id", Notes: null });
  });

  it("writes corrections back under SPEC's name", () => {
    const s = defaultSettings();
    s.columnCorrections = [{ sheet: "IRIS Risks", header: "Board?", field: "escalate" }];
    const row = settingsToRows(s).find((r) => r[0] === "columnCorrections");
    expect(JSON.parse(String(row?.[1]))).toMatchObject({ field: "escalate" });
  });
});
