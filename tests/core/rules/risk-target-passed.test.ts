import { findingsOf, register, reportOf, risk } from "./harness";
import { hregister, hrisk, type HistoryRisk } from "../history/helpers";

const RULE = "risk/target-passed";

describe(RULE, () => {
  it.each<[string, HistoryRisk]>([
    ["target date not yet passed", { targetDate: "31/03/2023", score: 16, targetScore: 6 }],
    ["target date on the as-at date", { targetDate: "10/10/2022", score: 16, targetScore: 6 }],
    ["a month as a deadline means its last day", { targetDate: "Oct 2022", score: 16, targetScore: 6 }],
    ["a quarter as a deadline means its last day", { targetDate: "Q4 2022", score: 16, targetScore: 6 }],
    ["target reached", { targetDate: "30/09/2022", score: 6, targetScore: 6 }],
    ["below target", { targetDate: "30/09/2022", score: 4, targetScore: 6 }],
    ["a closed risk", { targetDate: "30/09/2022", score: 16, targetScore: 6, status: "Closed" }],
    ["no target date", { targetDate: null, score: 16, targetScore: 6 }],
    ["no target score", { targetDate: "30/09/2022", score: 16, targetScore: null }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [hregister(hrisk(over))])).toEqual([]);
  });

  it("valid: a register without target columns", () => {
    expect(findingsOf(RULE, [register(risk({ score: 20 }))])).toEqual([]);
  });

  it.each<[string, HistoryRisk, [string, string][]]>([
    [
      "target date passed, score above target",
      { targetDate: "30/09/2022", score: 12, targetScore: 6 },
      [["G2", "passed"]],
    ],
    [
      "Sept 2022 ended on the 30th",
      { targetDate: "Sept 2022", score: 9, targetScore: 8 },
      [["G2", "passed"]],
    ],
  ])("invalid: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [hregister(hrisk(over))])).toEqual(expected);
  });

  // A target date written as a date that cannot be read is reported at its cell, quoting it, as
  // risk/next-review-passed and risk/action-overdue report theirs: where the score is above its target, the
  // date is all that decides the rule, and an unreadable one would leave it silent.
  it.each<[string, HistoryRisk, [string, string][]]>([
    ["no 31 February", { targetDate: "31/02/2023", score: 12, targetScore: 6 }, [["G2", "unreadable"]]],
    ["no 29 February in 2023", { targetDate: "29/02/23", score: 12, targetScore: 6 }, [["G2", "unreadable"]]],
    ["words instead of a date", { targetDate: "Ongoing", score: 12, targetScore: 6 }, []],
    ["a placeholder", { targetDate: "TBC", score: 12, targetScore: 6 }, []],
    ["the target already reached", { targetDate: "31/02/2023", score: 6, targetScore: 6 }, []],
    ["a closed risk", { targetDate: "31/02/2023", score: 12, targetScore: 6, status: "Closed" }, []],
  ])("a target date that cannot be read: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [hregister(hrisk(over))])).toEqual(expected);
  });

  it("quotes the target date it cannot read", () => {
    const report = reportOf([hregister(hrisk({ targetDate: "31/02/2023", score: 12, targetScore: 6 }))]);
    const [f] = report.findings.filter((x) => x.ruleId === RULE);
    expect(f.message).toContain('"31/02/2023"');
  });
});
