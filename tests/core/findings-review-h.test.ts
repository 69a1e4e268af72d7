// Review H: what the check tells the officer (findings' cells and messages, accepted exceptions and the
// Exceptions tab) held to SPEC.md. Each test fails against the code as reviewed.

import { buildSummaryTabs } from "../../src/core/summary";
import { exceptionFor, withoutException } from "../../src/taskpane/accept-exception";
import { defaultSettings, type AcceptedException } from "../../src/core/model/settings";
import type { SheetSpec } from "./rules/harness";
import { action, actionsSheet, plan, planRow, register, reportOf, risk, updateLog } from "./rules/harness";

describe("findings review H", () => {
  // SPEC "Owned tabs": "Exceptions: every finding …; accepted ones in their own block with reason and date."
  // Two plan actions without a lead officer were accepted with different reasons: "1.1" (Publish the policy,
  // "Officer post vacant") and "1.2" (Train the board, "Board training bought in"). Then an action was inserted
  // above them, so they are now "1.2" and "1.3". The check still accepts each by its cells
  // (accepted.ts isSamePlanAction), but the Exceptions tab (exceptions-tab.ts) first looks for an exception
  // whose record id equals the finding's new id: "Publish the policy", now 1.2, is shown with the reason
  // and review date of the exception made for "Train the board" (stored as 1.2).
  it("shows each accepted plan action with its own reason after an action is inserted above it", () => {
    const act = (text: string) =>
      planRow({ no: null, aim: null, background: null, action: text, leadOfficer: null });
    const before = plan(planRow({ action: "Publish the policy", leadOfficer: null }), act("Train the board"));
    const found = reportOf([before]).findings.filter((f) => f.ruleId === "plan/missing-lead");
    expect(found.map((f) => f.recordId)).toEqual(["1.1", "1.2"]);
    const exceptions: AcceptedException[] = [
      {
        ruleId: "plan/missing-lead",
        sheet: found[0].sheet,
        recordId: "1.1",
        reason: "Officer post vacant",
        reviewBy: "2023-01-31",
        fingerprint: found[0].fingerprint!,
      },
      {
        ruleId: "plan/missing-lead",
        sheet: found[1].sheet,
        recordId: "1.2",
        reason: "Board training bought in",
        reviewBy: "2022-12-31",
        fingerprint: found[1].fingerprint!,
      },
    ];

    const after = plan(
      planRow({ action: "Appoint a risk champion" }),
      act("Publish the policy"),
      act("Train the board"),
    );
    const report = reportOf([after], { settings: { acceptedExceptions: exceptions } });
    expect(report.accepted.map((f) => f.recordId)).toEqual(["1.2", "1.3"]);
    const settings = { ...defaultSettings(), acceptedExceptions: exceptions };
    const tab = buildSummaryTabs(report, settings, { version: "1" }).find((t) => t.name === "Exceptions")!;
    const shown = tab.rows
      .filter((r) => r[1] === "plan/missing-lead")
      .map((r) => [r[4], /"([^"]+)"/.exec(String(r[5]))?.[1], r[6], r[7]]);
    expect(shown).toEqual([
      ["1.2", "Publish the policy", "Officer post vacant", { date: "2023-01-31" }],
      ["1.3", "Train the board", "Board training bought in", { date: "2022-12-31" }],
    ]);
  });

  // The task pane's accepted list shows, and Withdraw removes, the exception that accepts the finding: after
  // an action is inserted above two accepted plan actions, "Publish the policy" (now 1.2) is shown with its
  // own reason, and withdrawing it removes its own exception, not the one now holding the id 1.2.
  it("shows and withdraws, in the task pane, the exception that accepts a renumbered plan action", () => {
    const act = (text: string) =>
      planRow({ no: null, aim: null, background: null, action: text, leadOfficer: null });
    const before = plan(planRow({ action: "Publish the policy", leadOfficer: null }), act("Train the board"));
    const found = reportOf([before]).findings.filter((f) => f.ruleId === "plan/missing-lead");
    const exceptions: AcceptedException[] = found.map((f, i) => ({
      ruleId: "plan/missing-lead",
      sheet: f.sheet,
      recordId: f.recordId!,
      reason: ["Officer post vacant", "Board training bought in"][i],
      reviewBy: "2023-01-31",
      fingerprint: f.fingerprint!,
    }));
    const after = plan(
      planRow({ action: "Appoint a risk champion" }),
      act("Publish the policy"),
      act("Train the board"),
    );
    const report = reportOf([after], { settings: { acceptedExceptions: exceptions } });
    const publish = report.accepted.find((f) => f.recordId === "1.2")!;
    expect(exceptionFor(publish, exceptions)?.reason).toBe("Officer post vacant");
    const settings = { ...defaultSettings(), acceptedExceptions: exceptions };
    expect(withoutException(settings, publish).acceptedExceptions.map((e) => e.reason)).toEqual([
      "Board training bought in",
    ]);
  });

  // SPEC "Rules", risk/no-change-while-slipping: "… the finding points at the risk's update cell". The risk's
  // updates are in the Update Log (two "no change" entries) and its Latest Update cell (K) is blank; its
  // action fell due on 15/09/2022 and is open. The finding points at the id cell A3 instead of K3:
  // risk-no-change-while-slipping.ts gives `field: rawCell(r, "update") ? "update" : undefined`, so a blank
  // update cell (the register has the column) sends the officer to the id.
  it("points no-change-while-slipping at the update cell even when that cell is blank", () => {
    const sheets = [
      register(risk({ update: null, lastReview: null, actions: null })),
      actionsSheet(action({ due: "15/09/2022", updated: null })),
      updateLog(
        ["01/09/2022", "HRC-001", "JS", "No change", "Yes", 12, "Treat"],
        ["01/10/2022", "HRC-001", "JS", "No change", "Yes", 12, "Treat"],
      ),
    ];
    const found = reportOf(sheets).findings.filter((f) => f.ruleId === "risk/no-change-while-slipping");
    expect(found.map((f) => f.cell)).toEqual(["K3"]);
  });

  // SPEC "Real registers", dated lines: the newest date in the update text "counts as a lastUpdated date where
  // the register has no date column". SPEC "Rules": risk/future-date fires on "a lastUpdated date after the
  // as-at date". Here the register has no date column and X1's update text's newest line is dated 12/09/23 —
  // a year after the as-at date 10/10/2022 (a typo for 12/09/22). risk-future-date.ts reads only the
  // lastUpdated column, and stale-update takes the future date as this month's update, so the officer is
  // told nothing about X1 at all.
  it("warns of a future date in the update text of a register with no date column", () => {
    const headers = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Current Risk Score",
      "Strategy",
      "Mitigating Actions",
      "Latest Update",
      "Risk Status",
    ];
    const sheets: SheetSpec[] = [
      {
        name: "Annex A",
        rows: [
          headers,
          [
            "X1",
            "Winter gritting",
            "Jane Smith",
            4,
            "Treat",
            "Extra crews",
            "12/09/23 – reviewed at RMB\n01/08/22 – no change",
            "Open",
          ],
          [
            "X2",
            "Street lighting",
            "Jane Smith",
            4,
            "Treat",
            "New columns",
            "15/09/22 – reviewed at RMB",
            "Open",
          ],
        ],
      },
    ];
    const found = reportOf(sheets).findings.filter((f) => f.recordId === "X1");
    expect(found.map((f) => f.ruleId)).toContain("risk/future-date");
  });
});

describe("findings review H: wording against the settings", () => {
  // SPEC "Latest update and the review period": "The review period is a setting, one month by default,
  // counted back from the as-at date". A council whose Settings give a three-month review period is told,
  // for a risk with no update at all, that "it needs one every month" (risk-stale-update.ts, messages.never
  // is fixed text): the message contradicts the council's own setting. The "stale" message likewise says
  // "it needs an update this month" whatever the period.
  it("does not tell a council with a quarterly review period that risks need an update every month", () => {
    const sheets = [register(risk({ lastReview: null, update: null }))];
    const report = reportOf(sheets, { settings: { reviewPeriodMonths: 3 } });
    const stale = report.findings.filter((f) => f.ruleId === "risk/stale-update");
    expect(stale).toHaveLength(1);
    expect(stale[0].message).not.toMatch(/every month|this month/);
  });
});

describe("findings review H: one action, several risks", () => {
  // SPEC "Real registers": "One action, several risks: an actions row whose risk id cell lists several ids
  // ("SL-10, SL-11" …) belongs to each of them." The overdue action belongs to two risks, and the message
  // says so in the singular: "Action A-010 for risk HRC-001, HRC-002 was due …" (risk-action-overdue.ts puts
  // the cell's text after a fixed "for risk").
  it("names the risks of an overdue action shared by two risks in the plural", () => {
    const sheets = [
      register(risk(), risk({ id: "HRC-002", title: "Gully cleansing backlog" })),
      actionsSheet(action({ riskId: "HRC-001, HRC-002", actionId: "A-010", due: "30/09/2022" })),
    ];
    const overdue = reportOf(sheets).findings.filter((f) => f.ruleId === "risk/action-overdue");
    expect(overdue.map((f) => f.cell)).toEqual(["E2"]);
    expect(overdue[0].message).toContain("for risks HRC-001, HRC-002");
  });
});
