// Review: value readings that disagree with SPEC "Values" / "Real registers" (or, where SPEC is silent, with
// plain sense in a way that silently misleads). Every test here fails against the code as reviewed.

import {
  dayFromIso,
  isPlaceholder,
  isoFromDay,
  latestDatedLine,
  parseDate,
  parseMoney,
  parseScore,
  parseYesNo,
} from "../../../src/core/parse";
import { riskIdKeys } from "../../../src/core/model/records";
import { action, actionsSheet, findingsOf, register, risk } from "../rules/harness";

const iso = (r: { ok: boolean; value?: number }) => (r.ok ? isoFromDay(r.value as number) : r);

describe("scores: a product written out is read by its result, never by one factor", () => {
  // SPEC "Scores": "`4x4=16` or `4 x 4 = 16` [is read] by its result." A product whose factors carry their
  // L/I labels or their scale words is the same product. The code reads these as 4 (silently: the equal
  // numbers are folded into one "distinct" number, so the text looks like it holds one number).
  it.each<[string, number]>([
    ["L4 x I4", 16],
    ["L4xI4", 16],
    ["Likely (4) x Major (4)", 16],
  ])("score %j is %d, not 4", (text, expected) => {
    expect(parseScore(text)).toEqual({ ok: true, value: expected });
  });

  // Plain sense: SPEC is silent on "L=4, I=4" in a score cell. It names two numbers (likelihood and impact);
  // reading it as a score of 4 is silently wrong (score-mismatch fires against L4 × I4 = 16, the RAG band and
  // routing use 4). The code returns ok(4) because both numbers are 4. Either 16 or "not a score" would do.
  it.each(["L=4, I=4", "Likelihood 4, Impact 4"])("score %j is not read as 4", (text) => {
    expect(parseScore(text)).not.toEqual({ ok: true, value: 4 });
  });
});

describe("dates", () => {
  // SPEC "Dates": "A month, quarter or year means its last day when it is a deadline". Excel turns a typed
  // "Oct 2022" into the serial of 1 October 2022 with the month-only format "mmm-yy": the cell shows a month.
  // The code reads the serial as the exact day 1 October, so an action due "Oct-22" is overdue from 2 October
  // (plain sense + SPEC's month rule: the cell's format says the officer wrote a month).
  it("a serial shown month-only (mmm-yy) as a deadline means the month's last day", () => {
    expect(iso(parseDate(44835, "mmm-yy", "deadline"))).toBe("2022-10-31");
    expect(iso(parseDate(44835, "mmmm yyyy", "deadline"))).toBe("2022-10-31");
  });
  it("an action due a serial shown 'Oct-22' is not overdue as at 10 October 2022", () => {
    const sheet = { ...actionsSheet(action({ due: 44835 })), formats: { "1,4": "mmm-yy" } };
    expect(findingsOf("risk/action-overdue", [sheet])).toEqual([]);
  });

  // SPEC "Dates": "a date with a note after it (`Sept 2022 (revised from June 2022)`: the leading date)".
  // The code only sees a note after a bracket, spaced dash, comma, semicolon or colon: "31/10/2022 revised"
  // (a note after a plain space) is refused, so plan/missing-date says it "cannot be read".
  it.each<[string, string]>([
    ["31/10/2022 revised", "2022-10-31"],
    ["30/09/22 rev", "2022-09-30"],
    ["Sept 2022 revised from June 2022", "2022-09-30"],
  ])("%j is its leading date", (text, expected) => {
    expect(iso(parseDate(text, null, "deadline"))).toBe(expected);
  });
});

describe("dated lines in the update text", () => {
  // SPEC "Real registers": an update history "has, as its update date, the newest date that starts a line";
  // SPEC "Dates" lists month-only (`Oct 2022`) and `w/c 12/09/22` as dates. The code's line-start pattern
  // knows only ISO, day-first and day-month-year forms, so these lines carry no date (stale-update fires).
  it.each<[string, string]>([
    ["Oct 2022: reviewed at RMB, no change", "2022-10-01"],
    ["w/c 12/09/22 – reviewed at RMB", "2022-09-12"],
  ])("%j is dated", (text, expected) => {
    const d = latestDatedLine(text, dayFromIso("2022-10-31")!);
    expect(d === null ? null : isoFromDay(d)).toBe(expected);
  });
});

describe("money: the SPEC forms written the other common ways", () => {
  // SPEC "Money": `£120k pa`, `c. £0.25m`, `£85,000 (est.)`, `£50k–£100k` (the upper end) are amounts; only
  // "Text without an amount ("significant", "TBC") is no amount." The code refuses the texts below, and a
  // refused amount is silently no amount: the risk is not routed to the financial cluster or the boards and
  // no finding says why. ("£40k plus" is `£250k+` in words; "p/a" and "/yr" are `pa`; "approx" after the
  // amount is `c.` before it; "- estimated" is `(est.)`; "between … and …" is a range.)
  it.each<[string, number]>([
    ["£120K p/a", 120000],
    ["£20k/yr", 20000],
    ["£10k approx", 10000],
    ["£40,000 - estimated", 40000],
    ["£40k plus", 40000],
    ["Between £10k and £20k", 20000],
    // Plain sense (SPEC silent): a bracketed note after an amount, like `(est.)`; "mn" for million.
    ["£50k (capital)", 50000],
    ["£1.2mn", 1200000],
  ])("%j is %d", (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });
});

describe("placeholders", () => {
  // SPEC "Real registers": "Placeholders count as empty: … and Excel error values (#N/A, #VALUE!, #REF!,
  // #DIV/0!, #NAME?)". #SPILL!, #CALC! and #GETTING_DATA are Excel error values too (the code already takes
  // #NULL! and #NUM! beyond the listed five). The code reads them as text: an owner "#SPILL!" is an owner.
  it.each(["#SPILL!", "#CALC!", "#FIELD!", "#GETTING_DATA"])("%j counts as empty", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });
  it("an owner #SPILL! is a missing owner", () => {
    expect(findingsOf("risk/missing-owner", [register(risk({ owner: "#SPILL!" }))])).toEqual([
      ["C3", "blank"],
    ]);
  });
});

describe("action status", () => {
  // SPEC "Action status": done = … "100% and `100% complete`". An officer typing 100% into a cell gets the
  // number 1 in a "0%" cell; the code reads its text "1" and takes the action for open, so a finished action
  // past its due date is reported overdue.
  it("a 100%-formatted number 1 is done (no overdue finding)", () => {
    const sheet = { ...actionsSheet(action({ due: "01/09/2022", status: 1 })), formats: { "1,5": "0%" } };
    expect(findingsOf("risk/action-overdue", [sheet])).toEqual([]);
  });
});

describe("one action, several risks", () => {
  // SPEC "Real registers": an actions row whose risk id cell lists several ids belongs to each of them
  // (examples "SL-10, SL-11", "SL-10 / SL-11", "SL-10 & SL-11"). Plain sense: ids one a line (Alt+Enter in
  // the cell) are a list too; the code folds the line break into a space and keeps "sl-10 sl-11" as one id,
  // so the action belongs to neither risk.
  it("ids on separate lines are a list", () => {
    expect(riskIdKeys("SL-10\nSL-11")).toEqual(["sl-10", "sl-11"]);
  });
});

describe("yes", () => {
  // SPEC "Yes": "Yes, Y, TRUE, … and Yes followed by words (`Yes – to Ops Board`)". Plain sense: Y followed
  // by words is Yes followed by words; the code refuses it, so Escalate? "Y – Ops Board" silently routes
  // nowhere.
  it.each(["Y – Ops Board", "Y (to board)"])("%j is yes", (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: true });
  });
});
