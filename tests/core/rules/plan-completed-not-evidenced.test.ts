import {
  findingsOf,
  plan,
  PLAN_HEADERS,
  planRow,
  reportOf,
  type PlanRow,
  type RunOptions,
  type SheetSpec,
} from "./harness";

const RULE = "plan/completed-not-evidenced";

describe(RULE, () => {
  it.each<[string, PlanRow, RunOptions?]>([
    ["completed and evidenced", {}],
    ["a financial-year label is not a date", { evidence: "Finalised 2023/24 Annual Plan" }],
    ["a short financial-year label", { evidence: "Process for 23/24 agreed" }],
    ["a month that started before the as-at date", { evidence: "Report issued October 2022" }],
    ["a past date", { evidence: "Minutes of 15/09/2022" }],
    [
      "not completed: outstanding work is expected",
      { status: "In progress", evidence: "Recruitment in progress" },
    ],
    [
      "words that only look like a phrase",
      { evidence: "Progress report circulated; draft minutes approved" },
    ],
    [
      "December 2022 is past at a later as-at date",
      { evidence: "First results December 2022" },
      { asAt: "2023-01-01" },
    ],
  ])("valid: %s", (_name, over, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [plan(planRow(over))], options)).toEqual([]);
  });

  it.each<[string, PlanRow, [string, string][], RunOptions?]>([
    [
      "evidence: to be recruited",
      { evidence: "Framework in place. Graduate QS to be recruited." },
      [["I4", "outstanding"]],
    ],
    [
      "evidence: will be … when available",
      { evidence: "Risk registers available and will be moved to new system when available" },
      [["I4", "outstanding"]],
    ],
    [
      "evidence: in progress",
      { evidence: "New structure agreed. Recruitment in progress." },
      [["I4", "outstanding"]],
    ],
    ["evidence: underway", { evidence: "Data collection underway." }, [["I4", "outstanding"]]],
    ["evidence: to be appointed", { evidence: "Chair to be appointed" }, [["I4", "outstanding"]]],
    ["evidence: not yet", { evidence: "Policy not yet signed off" }, [["I4", "outstanding"]]],
    ["evidence: awaiting", { evidence: "Awaiting sign-off" }, [["I4", "outstanding"]]],
    ["evidence: pending", { evidence: "Approval pending" }, [["I4", "outstanding"]]],
    ["evidence: in draft", { evidence: "Framework in draft" }, [["I4", "outstanding"]]],
    [
      "evidence: a month after the as-at date",
      { evidence: "First results available from Apse in December 2022." },
      [["I4", "outstanding"]],
    ],
    [
      "evidence: a date after the as-at date",
      { evidence: "Board to approve on 15/11/2022" },
      [["I4", "outstanding"]],
    ],
    [
      "status: in progress",
      { status: "Completed. New structure agreed; recruitment in progress." },
      [["H4", "outstanding"]],
    ],
    [
      "status: a future month",
      { status: "Completed. Structure live by March 2023" },
      [["H4", "outstanding"]],
    ],
    [
      "status before evidence: one finding per action",
      { status: "Completed. Awaiting sign-off", evidence: "Approval pending" },
      [["H4", "outstanding"]],
    ],
    [
      "a phrase from settings",
      { evidence: "Subject to approval by Cabinet" },
      [["I4", "outstanding"]],
      { settings: { outstandingPhrases: ["subject to approval"] } },
    ],
  ])("invalid: %s", (_name, over, expected, options: RunOptions = {}) => {
    expect(findingsOf(RULE, [plan(planRow(over))], options)).toEqual(expected);
  });

  it("quotes the phrase in the message", () => {
    const report = reportOf([
      plan(planRow({ evidence: "Framework in place. Graduate QS to be recruited." })),
    ]);
    const [f] = report.findings.filter((x) => x.ruleId === RULE);
    expect(f.message).toContain('"to be recruited"');
    const late = reportOf([plan(planRow({ evidence: "First results in December 2022." }))]);
    expect(late.findings.find((x) => x.ruleId === RULE)?.message).toContain('"December 2022"');
  });

  it("finds a phrase in a continuation row and points at the record's first row", () => {
    const sheet: SheetSpec = plan(
      planRow({ evidence: "Minutes" }),
      planRow({ no: null, aim: null, action: "Recruit a team", evidence: "Structure agreed." }),
      [],
      PLAN_HEADERS,
      [null, null, null, "with interims in place", null, null, null, null, "Recruitment in progress."],
      planRow({ no: "2.", aim: "Next aim" }),
    );
    expect(findingsOf(RULE, [sheet])).toEqual([["I5", "outstanding"]]);
  });
});
