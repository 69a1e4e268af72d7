// riskIdentities: a closed risk its file warns about (risk/closed-with-open-actions) carries that finding's
// state and the count of open actions it counted, so the join across files can recount it over every
// file. The count must be the rule's own: checked here against the number in the rule's message. Also the
// file's own risk/stale-update finding and its actions' newest update per risk id (actionFacts).

import { actionFacts, riskIdentities } from "../../../src/core/join/risk-identity";
import { isoFromDay } from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import {
  action,
  actionsSheet,
  register,
  REGISTER_HEADERS,
  reportOf,
  risk,
  type SheetSpec,
} from "../rules/harness";

const RULE = "risk/closed-with-open-actions";

/** The count the rule's message gives for each risk it warns about, in register order. */
function ruleCounts(sheets: SheetSpec[], settings: Partial<Settings> = {}): number[] {
  const report = reportOf(sheets, { settings });
  return [...report.findings, ...report.accepted]
    .filter((f) => f.ruleId === RULE)
    .map((f) => Number(/ (\d+) of its actions/.exec(f.message)![1]));
}

/** The count riskIdentities gives each closed risk its file warns about, in register order. */
function identityCounts(sheets: SheetSpec[], settings: Partial<Settings> = {}): number[] {
  const report = reportOf(sheets, { settings });
  return riskIdentities(report).flatMap((r) => (r.closedWithOpen ? [r.closedWithOpen.count] : []));
}

const closed = (over: Parameters<typeof risk>[0] = {}): CellValue[] => risk({ status: "Closed", ...over });

describe("riskIdentities: the file's own risk/closed-with-open-actions count", () => {
  it.each<[string, SheetSpec[], Partial<Settings>, number[]]>([
    [
      "open actions on an actions sheet, a complete one not counted",
      [
        register(closed()),
        actionsSheet(action(), action({ actionId: "A-2" }), action({ actionId: "A-3", status: "Complete" })),
      ],
      {},
      [2],
    ],
    [
      "the risk's own action on the register, with one on an actions sheet",
      [
        {
          name: "IRIS Risks",
          rows: [
            [...REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"],
            [...closed(), "Bob Jones", "30/11/2022", "Open"],
          ],
        },
        actionsSheet(action()),
      ],
      {},
      [2],
    ],
    [
      "an id cell listing two ids, its actions naming one of them",
      [
        register(closed({ id: "CRR 04\nCRR 05" })),
        actionsSheet(action({ riskId: "CRR 05" }), action({ riskId: "CRR 05", actionId: "A-2" })),
      ],
      {},
      [2],
    ],
    [
      "an action done word from Settings",
      [register(closed()), actionsSheet(action(), action({ actionId: "A-2", status: "Signed off" }))],
      { actionDoneWords: [...defaultSettings().actionDoneWords, "signed off"] },
      [1],
    ],
    [
      "no open action: no finding, no count",
      [register(closed()), actionsSheet(action({ status: "Complete" }))],
      {},
      [],
    ],
  ])("%s", (_name, sheets, settings, expected) => {
    expect(ruleCounts(sheets, settings)).toEqual(expected);
    expect(identityCounts(sheets, settings)).toEqual(expected);
  });

  it("carries the finding's severity, or accepted", () => {
    const sheets = [register(closed()), actionsSheet(action())];
    const state = (settings: Partial<Settings>) =>
      riskIdentities(reportOf(sheets, { settings }))[0].closedWithOpen?.state;
    expect(state({})).toBe("warning");
    expect(state({ ruleSeverities: { [RULE]: "error" } })).toBe("error");
    const { fingerprint } = riskIdentities(reportOf(sheets))[0];
    const accepted = {
      ruleId: RULE,
      sheet: "IRIS Risks",
      recordId: "HRC-001",
      reason: "Contractor closes its actions next month",
      reviewBy: "2023-01-31",
      fingerprint,
    };
    expect(state({ acceptedExceptions: [accepted] })).toBe("accepted");
  });
});

describe("riskIdentities and actionFacts: what the join needs to take a risk's updates from another file", () => {
  it("carries the file's own risk/stale-update finding on the risk, and nothing on an updated one", () => {
    const report = reportOf([
      register(risk({ lastReview: "01/08/2022" }), risk({ id: "HRC-002", lastReview: "01/10/2022" })),
    ]);
    expect(riskIdentities(report).map((r) => r.staleUpdate)).toEqual(["error", undefined]);
  });

  it("gives, for each risk id its actions rows name, the newest update among them and its words", () => {
    const settings = defaultSettings();
    const report = reportOf([
      register(risk()),
      actionsSheet(
        action({ updated: "03/10/2022", update: "" }),
        action({ actionId: "A-2", updated: "01/09/2022" }),
        action({ actionId: "A-5", updated: "03/10/2022", update: "Second inspection done" }),
        action({ riskId: "HRC-001, HRC-002", actionId: "A-3", updated: "05/09/2022" }),
        action({ riskId: "HRC-003", actionId: "A-4", updated: null }),
      ),
    ]);
    expect(
      actionFacts(report, settings).actionUpdates.map(([key, u]) => [key, isoFromDay(u.day), u.text]),
    ).toEqual([
      // Keyed by the folded id (see idKey: "HRC-001" is "hrc-1").
      ["hrc-1", "2022-10-03", "Second inspection done"],
      ["hrc-2", "2022-09-05", "Inspections started"],
    ]);
  });
});
