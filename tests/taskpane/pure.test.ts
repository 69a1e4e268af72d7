// The task pane's pure helpers: finding filters and groups, settings form, theme choice, host detection, corrections.

import { defaultSettings } from "../../src/core/model/settings";
import { withColumnCorrection, withoutColumnCorrection } from "../../src/taskpane/corrections";
import {
  countBySeverity,
  filterFindings,
  findingPlace,
  groupFindings,
  NO_FILTER,
  severityCount,
} from "../../src/taskpane/findings-view";
import { detectHost } from "../../src/taskpane/host";
import { RULE_CATALOGUE } from "../../src/taskpane/rule-catalogue";
import { fromForm, toForm } from "../../src/taskpane/settings-form";
import { pickTheme } from "../../src/taskpane/theme";
import { scoreWords } from "../../src/taskpane/components/RiskHistoryTable";
import { plainMessage } from "../../src/taskpane/hooks/useWorkbook";
import { PlainError } from "../../src/excel/gateway";
import { finding, sampleReport } from "./fixtures";

describe("findings-view", () => {
  const findings = sampleReport().findings;
  it("groups in first-appearance order and counts by severity", () => {
    expect(groupFindings(findings).map((g) => [g.severity, g.ruleId, g.findings.length])).toEqual([
      ["error", "risk/missing-strategy", 2],
      ["error", "risk/stale-update", 1],
      ["error", "risk/missing-owner", 1],
      ["error", "sheet/missing-column", 1],
      ["warning", "risk/action-overdue", 1],
    ]);
    expect(countBySeverity(findings)).toEqual({ error: 5, warning: 1, info: 0 });
  });
  it.each([
    [{ ...NO_FILTER, severity: "warning" as const }, 1],
    [{ ...NO_FILTER, sheet: "IRIS Risks" }, 5],
    [{ ...NO_FILTER, sheet: "IRIS Risks", ruleId: "risk/stale-update" }, 1],
    [NO_FILTER, 6],
  ])("filters %p to %d", (filter, n) => {
    expect(filterFindings(findings, filter)).toHaveLength(n);
  });
  it.each([
    [
      finding({ ruleId: "r", sheet: "IRIS Risks", cell: "K9", recordId: "HRC-005" }),
      "IRIS Risks!K9 · HRC-005",
    ],
    [finding({ ruleId: "r", sheet: "Plan", cell: "E7", recordId: null }), "Plan!E7"],
    [finding({ ruleId: "r", sheet: "Reg", cell: null, row: 4, recordId: null }), "Reg, header row 4"],
  ])("places a finding (%#)", (f, text) => expect(findingPlace(f)).toBe(text));
  it.each([
    ["error", 1, "1 error"],
    ["warning", 2, "2 warnings"],
    ["info", 0, "0 notes"],
  ] as const)("counts %s %d", (sev, n, text) => expect(severityCount(sev, n)).toBe(text));
});

describe("settings-form", () => {
  it("round-trips the defaults", () => {
    const base = defaultSettings();
    const r = fromForm(toForm(base), base);
    expect(r).toEqual({ ok: true, settings: base });
  });
  it("round-trips word lists whose words hold a comma (shown as a JSON list), so an untouched form changes nothing", () => {
    const base = defaultSettings();
    base.strategyWords.transfer = ["transfer", "share, insure"];
    base.outstandingPhrases = ["awaiting sign-off, review", "tbc"];
    const form = toForm(base);
    expect(form.strategyTransfer).toBe('["transfer","share, insure"]');
    expect(form.actionDoneWords).toBe(base.actionDoneWords.join(", "));
    expect(fromForm(form, base)).toEqual({ ok: true, settings: base });
  });
  it.each([
    ["asAt", "2022-02-30", "Enter a real date, such as 2022-10-10, or leave it blank for today."],
    ["asAt", "10/10/2022", "Enter a real date, such as 2022-10-10, or leave it blank for today."],
    ["reviewPeriodMonths", "1.5", "Enter a whole number of months from 1 to 12."],
    ["greenMax", "0", "Green must end at a whole-number score from 1 to 23."],
    ["amberMax", "25", "Amber must end at a whole-number score from 2 to 24 (higher scores are red)."],
    [
      "corporateMinScore",
      "26",
      "The corporate register threshold must be a whole-number score from 1 to 25.",
    ],
    [
      "strategicBoardMinImpact",
      "-5",
      "The strategic board threshold must be an amount in pounds, such as 50000 or £50,000.",
    ],
    ["protectiveMarking", "x".repeat(61), "Keep the protective marking to 60 characters or fewer."],
    ["appetiteAverse", "0", "Averse must be a whole-number score from 1 to 25."],
    ["appetiteOpen", "9", "Open must tolerate a higher score than the level before it."],
    ["appetiteEager", "26", "Eager must be a whole-number score from 1 to 25."],
    ["appetiteDefaultLevel", "bold", "Choose the level for categories not listed."],
    [
      "appetiteCategories",
      "Winter service: Cautious\nFinance - Minimal",
      'Line 2 ("Finance - Minimal") must read "Category: Level", with a level of Averse, Minimal, Cautious, Open or Eager.',
    ],
    [
      "appetiteCategories",
      "Financial: Averse\n  FINANCIAL  : Open",
      'Line 2 ("FINANCIAL  : Open") names the category "Financial" again: keep one line for it.',
    ],
    [
      "appetiteCategories",
      "Finance: Reckless",
      'Line 1 ("Finance: Reckless") must read "Category: Level", with a level of Averse, Minimal, Cautious, Open or Eager.',
    ],
    [
      "likelihoodWords",
      "Rare = 1; Often = 7",
      "Check “Often = 7”: write each word with a whole number from 1 to 5, such as Likely = 4, separated by semicolons.",
    ],
    [
      "impactWords",
      "Major",
      "Check “Major”: write each word with a whole number from 1 to 5, such as Likely = 4, separated by semicolons.",
    ],
    ["impactWords", "Major = 4; major = 5", "“major” is listed twice: keep one."],
    [
      "likelihoodWords",
      " ",
      "Give at least one word, such as Likely = 4: with none, no likelihood written as a word would be read.",
    ],
    [
      "impactWords",
      "",
      "Give at least one word, such as Major = 4: with none, no impact written as a word would be read.",
    ],
  ] as const)("rejects %s = %p", (key, value, message) => {
    const base = defaultSettings();
    const r = fromForm({ ...toForm(base), [key]: value }, base);
    expect(r).toEqual({ ok: false, errors: { [key]: message } });
  });
  it("reads the word scales as typed", () => {
    const base = defaultSettings();
    const r = fromForm(
      { ...toForm(base), likelihoodWords: "Remote = 1;\nFrequent: 5", impactWords: "Serious = 4" },
      base,
    );
    expect(r.ok && r.settings.likelihoodWords).toEqual([
      { word: "Remote", value: 1 },
      { word: "Frequent", value: 5 },
    ]);
    expect(r.ok && r.settings.impactWords).toEqual([{ word: "Serious", value: 4 }]);
  });

  it("keeps what the form does not show, and stores money typed with £ and commas", () => {
    const base = { ...defaultSettings(), columnCorrections: [{ sheet: "S", header: "H", field: "id" }] };
    const r = fromForm({ ...toForm(base), strategicBoardMinImpact: "£250,000.50", asAt: " " }, base);
    expect(r.ok && r.settings.columnCorrections).toEqual(base.columnCorrections);
    expect(r.ok && r.settings.escalation.strategicBoardMinImpact).toBe(250000.5);
    expect(r.ok && r.settings.asAt).toBeNull();
  });
  it("reads appetite levels and categories typed one a line", () => {
    const base = defaultSettings();
    const r = fromForm(
      {
        ...toForm(base),
        appetiteMinimal: "5",
        appetiteDefaultLevel: "open",
        appetiteCategories: "Financial and commercial: Minimal\n\n  Winter service = eager  ",
      },
      base,
    );
    expect(r.ok && r.settings.appetite).toEqual({
      maxima: { averse: 4, minimal: 5, cautious: 9, open: 12, eager: 16 },
      defaultLevel: "open",
      categories: { "Financial and commercial": "minimal", "Winter service": "eager" },
    });
    // And the form shows them back as typed lines.
    expect(r.ok && toForm(r.settings).appetiteCategories).toBe(
      "Financial and commercial: Minimal\nWinter service: Eager",
    );
  });
  it("lists every rule once (SPEC's 26 and sheet/cells-past-headers), with their default severities", () => {
    const ids = RULE_CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(27);
    expect(
      RULE_CATALOGUE.filter((r) => r.defaultSeverity === "warning")
        .map((r) => r.id)
        .sort(),
    ).toEqual([
      "plan/completed-not-evidenced",
      "plan/misaligned-row",
      "plan/unknown-status",
      "risk/above-appetite",
      "risk/action-overdue",
      "risk/closed-with-open-actions",
      "risk/future-date",
      "risk/next-review-passed",
      "risk/no-change-while-slipping",
      "risk/owner-conflict",
      "risk/rag-mismatch",
      "risk/target-passed",
      "risk/transfer-without-recipient",
      "sheet/cells-past-headers",
    ]);
  });
});

describe("corrections", () => {
  it("replaces an earlier correction of the same header, case-insensitively, and can remove it", () => {
    let s = withColumnCorrection(defaultSettings(), { sheet: "Reg", header: "Approach", field: "strategy" });
    s = withColumnCorrection(s, { sheet: "Reg", header: " approach ", field: null });
    expect(s.columnCorrections).toEqual([{ sheet: "Reg", header: " approach ", field: null }]);
    expect(withoutColumnCorrection(s, "Reg", "APPROACH").columnCorrections).toEqual([]);
  });
});

describe("theme", () => {
  it.each([
    ["?theme=dark", "#ffffff", "dark"],
    ["?theme=light", "#000000", "light"],
    ["", "#1f1f1f", "dark"],
    ["", "#ffffff", "light"],
    ["", null, "light"],
    ["?theme=pink", "nonsense", "light"],
  ] as const)("search %p with Office background %p is %s", (search, bg, name) => {
    expect(pickTheme(search, bg)).toBe(name);
  });
});

describe("detectHost", () => {
  it.each([
    ["office.js missing", {}, { kind: "outside", reason: "no-office-js" }],
    [
      "host null (a browser)",
      { Office: { onReady: async () => ({ host: null, platform: null }) } },
      { kind: "outside", reason: "not-excel" },
    ],
    [
      "Word",
      { Office: { onReady: async () => ({ host: "Word" }) }, Excel: {} },
      { kind: "outside", reason: "not-excel" },
    ],
    [
      "Excel without the Excel global",
      { Office: { onReady: async () => ({ host: "Excel" }) } },
      { kind: "outside", reason: "not-excel" },
    ],
    [
      "onReady rejects",
      { Office: { onReady: async () => Promise.reject(new Error("x")) } },
      { kind: "outside", reason: "not-excel" },
    ],
    [
      "onReady never settles",
      { Office: { onReady: () => new Promise(() => undefined) } },
      { kind: "outside", reason: "timeout" },
    ],
    [
      "Excel with a dark theme",
      {
        Office: {
          onReady: async () => ({ host: "Excel" }),
          context: { officeTheme: { bodyBackgroundColor: "#262626" } },
        },
        Excel: {},
      },
      { kind: "excel", bodyBackground: "#262626" },
    ],
    [
      "Excel without officeTheme",
      { Office: { onReady: async () => ({ host: "Excel" }), context: {} }, Excel: {} },
      { kind: "excel", bodyBackground: null },
    ],
  ])("%s", async (_name, win, expected) => {
    expect(await detectHost(win as Record<string, unknown>, 50)).toEqual(expected);
  });
});

describe("plainMessage", () => {
  it.each([
    [new PlainError("Sheet 'X' is protected."), "Sheet 'X' is protected."],
    [
      { code: "InvalidOperationInCellEditMode" },
      "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
    ],
    [{ name: "ResponsePayloadSizeLimitExceeded", message: "" }, expect.stringContaining("too large")],
    ["text", "Something went wrong: text"],
  ])("%p", (err, text) => expect(plainMessage(err)).toEqual(text));
});

describe("RiskHistoryTable's score words", () => {
  const bands = defaultSettings().rag;
  it.each([
    ["rated by the point's own RAG (a workbook's matrix)", { score: 12, rag: "red" as const }, "12 Red"],
    ["rated by the bands where the point has none", { score: 12 }, "12 Amber"],
    ["a month with no score", { score: null }, "no score"],
    ["a score off the 1–25 scale", { score: 30 }, "30"],
  ])("%s", (_name, point, words) => {
    expect(scoreWords(point, bands)).toBe(words);
  });
});
