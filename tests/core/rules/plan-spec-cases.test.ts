// Review: the improvement plan's reading, the plan/* rules and the Plan Close-Out tab held to SPEC.md.
// Each test fails against the code as reviewed; the assertion is what SPEC (or plain sense, where said) asks.

import { fieldText } from "../../../src/core/model/records";
import { closeOutByAim } from "../../../src/core/summary/plan-close-out-tab";
import { findingsOf, plan, planRow, PLAN_HEADERS, reportOf } from "./harness";

const AS_AT = "2022-10-10";

describe("plan/completed-not-evidenced against SPEC", () => {
  // SPEC rules table: outstanding-work phrase (a setting: "in progress", …, "in draft", "to follow",
  // "to be confirmed"). The default phrases stop at "in draft": "to follow" is not looked for.
  it('flags a completed action whose evidence says "to follow" (a default outstanding-work phrase)', () => {
    expect(
      findingsOf("plan/completed-not-evidenced", [plan(planRow({ evidence: "Final report to follow" }))]),
    ).toEqual([["I4", "outstanding"]]);
  });

  // Same SPEC sentence: "to be confirmed" is a default phrase; the code's defaults lack it.
  it('flags a completed action whose evidence says "to be confirmed" (a default outstanding-work phrase)', () => {
    expect(
      findingsOf("plan/completed-not-evidenced", [
        plan(planRow({ evidence: "Dates to be confirmed with BBLP" })),
      ]),
    ).toEqual([["I4", "outstanding"]]);
  });

  // SPEC: "… or names a month or date after the as-at date; financial-year labels such as "2023/24
  // Annual Plan" are not dates here", and SPEC Values lists UK financial-year quarters `Q2 2022/23`
  // (Q4 = January–March) as dates. "Q4 2022/23" (Jan–Mar 2023) is a quarter, wholly after 10/10/2022,
  // not a financial-year label; the code's quarter pattern refuses any "Q… yyyy/yy" and finds nothing.
  it("flags a completed action whose evidence names a financial-year quarter after the as-at date (Q4 2022/23)", () => {
    expect(
      findingsOf("plan/completed-not-evidenced", [
        plan(planRow({ evidence: "Final audit report due Q4 2022/23" })),
      ]),
    ).toEqual([["I4", "outstanding"]]);
  });
});

describe("reading the plan against SPEC", () => {
  // SPEC Reading sheets: "HTML tags left in cells (`<p>`, `<ul …>`) are stripped from text", and
  // `July 2022` is a date. The code parses the date cell's raw value, tags and all, and reports
  // plan/missing-date "unreadable" for "<p>July 2022</p>".
  it("reads a plan date wrapped in HTML tags (<p>July 2022</p>) as the date", () => {
    expect(findingsOf("plan/missing-date", [plan(planRow({ date: "<p>July 2022</p>" }))])).toEqual([]);
    expect(
      findingsOf("plan/overdue", [plan(planRow({ date: "<p>July 2022</p>", status: "In progress" }))]),
    ).toEqual([["E4", "overdue"]]);
  });

  // SPEC Misaligned rows: "a row whose non-empty cells, read left to right, fit Action, Date, Lead
  // Director, Lead Officer, Status and Evidence only when shifted … is read realigned". The code gives
  // up when a lead's text is longer than 20 characters, so a shifted row naming its director in full
  // is read as it sits: the action becomes the No, the director becomes the Action.
  it("realigns a shifted row whose lead director is written in full (more than 20 characters)", () => {
    const r = reportOf(
      [
        plan(planRow(), [
          "Publish the risk policy",
          "April 2022",
          null,
          "Strategic Director of Place",
          "MA",
          "Completed. Published.",
          "Policy on intranet",
          null,
          null,
        ]),
      ],
      { asAt: AS_AT },
    );
    expect(r.records.plan).toHaveLength(2);
    expect(fieldText(r.records.plan[1], "action")).toBe("Publish the risk policy");
    expect(fieldText(r.records.plan[1], "leadDirector")).toBe("Strategic Director of Place");
    expect(fieldText(r.records.plan[1], "no")).toBe("1.");
    expect(r.findings.filter((f) => f.ruleId === "plan/misaligned-row")).toHaveLength(1);
  });

  // SPEC Continuation rows: "the first row after a repeated header row that has no No, no date and no
  // leads continues the last data row above the header"; SPEC Values: "`TBC`, `Ongoing` and blanks are
  // not dates", and Placeholders "count as empty". The code tests the date cell for any text, so a
  // tail row carrying "TBC" under the date becomes an action of its own.
  it("joins a continuation row whose date cell holds only TBC (not a date) to the row above the header", () => {
    const r = reportOf(
      [
        plan(
          planRow({ action: "Report the risk", status: "In progress", date: "Dec 2022" }),
          [],
          PLAN_HEADERS,
          [null, null, null, "register monthly", "TBC", null, null, "recruitment", null],
        ),
      ],
      { asAt: AS_AT },
    );
    expect(r.records.plan).toHaveLength(1);
    expect(fieldText(r.records.plan[0], "action")).toBe("Report the risk register monthly");
  });
});

describe("plan findings' record ids (plain sense: SPEC is silent on how plan actions are named)", () => {
  // Plain sense (SPEC: each finding lists "sheet, cell and record"; an accepted exception is matched by
  // sheet and record id): a plan action's id should not depend on another sheet. numberPlanActions
  // counts actions per aim number across every plan sheet, so the first action of aim 1 on the second
  // plan is named "1.2", and its name shifts whenever the first plan gains or loses an action of aim 1.
  it("numbers each plan sheet's actions on their own: the first action of aim 1 on a second plan is 1.1", () => {
    const r = reportOf(
      [plan(planRow({ leadOfficer: null })), { ...plan(planRow({ leadOfficer: null })), name: "Plan 2" }],
      { asAt: AS_AT },
    );
    expect(
      r.findings.filter((f) => f.ruleId === "plan/missing-lead").map((f) => [f.sheet, f.recordId]),
    ).toEqual([
      ["Improvement Plan", "1.1"],
      ["Plan 2", "1.1"],
    ]);
  });
});

describe("Plan Close-Out against SPEC", () => {
  // SPEC Plan Close-Out: "RAG (red: any overdue or completed without evidence; … green: all completed
  // and evidenced); ready to close = green". The tab counts findings, so with the rule
  // plan/completed-without-evidence set off in Settings (which only changes the findings list) an aim
  // whose one action is completed with an empty Evidence cell is green and "ready to close".
  it("is red, not ready to close, for an aim completed without evidence even when that rule is off in Settings", () => {
    const r = reportOf([plan(planRow({ evidence: null }))], {
      asAt: AS_AT,
      settings: { ruleSeverities: { "plan/completed-without-evidence": "off" } },
    });
    const [aim] = closeOutByAim(r);
    expect(aim.withoutEvidence).toBe(1);
    expect(aim.rag).toBe("red");
    expect(aim.readyToClose).toBe(false);
  });

  // Same SPEC sentence ("red: any overdue"): with plan/overdue off, an in-progress action past its date
  // counts 0 overdue and the aim shows amber.
  it("counts an overdue action and is red even when plan/overdue is off in Settings", () => {
    const r = reportOf([plan(planRow({ status: "In progress", evidence: null }))], {
      asAt: AS_AT,
      settings: { ruleSeverities: { "plan/overdue": "off" } },
    });
    const [aim] = closeOutByAim(r);
    expect(aim.overdue).toBe(1);
    expect(aim.rag).toBe("red");
  });

  // Judgement (SPEC is silent): an officer who accepted the finding (evidence held elsewhere, agreed at the
  // board) has said it no longer stands against the aim, so the aim is green and ready to close.
  it("does not count an action whose finding an officer accepted", () => {
    const sheets = [plan(planRow({ evidence: null }))];
    const f = reportOf(sheets, { asAt: AS_AT }).findings.find(
      (x) => x.ruleId === "plan/completed-without-evidence",
    )!;
    const r = reportOf(sheets, {
      asAt: AS_AT,
      settings: {
        acceptedExceptions: [
          {
            ruleId: f.ruleId,
            sheet: f.sheet,
            recordId: f.recordId!,
            reason: "Evidence held by the Audit Committee",
            reviewBy: "2023-01-31",
            fingerprint: f.fingerprint!,
          },
        ],
      },
    });
    const [aim] = closeOutByAim(r);
    expect(r.accepted).toHaveLength(1);
    expect(aim.withoutEvidence).toBe(0);
    expect(aim.rag).toBe("green");
  });

  // SPEC Plan Close-Out: "per aim". Plain sense where the plan leaves No blank: two aims with their own
  // Improvement Aim texts are two aims. closeOutByAim groups by the No alone, so both fall under one
  // row named after the second aim, and the first aim disappears from the tab.
  it("keeps two aims apart when the plan gives them no number (grouped by aim text)", () => {
    const r = reportOf(
      [plan(planRow({ no: null }), planRow({ no: null, aim: "Relationship Management." }))],
      { asAt: AS_AT },
    );
    expect(closeOutByAim(r).map((a) => a.aim)).toEqual(["Risk Management.", "Relationship Management."]);
  });
});
