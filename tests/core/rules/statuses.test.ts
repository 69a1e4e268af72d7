// Risk and action statuses as registers write them (SPEC "Values": Risk status, Action status).

import { action, actionsSheet, findingsOf, register, risk, type SheetSpec } from "./harness";

describe("statuses as registers write them", () => {
  it.each<[string, string, SheetSpec[], [string | null, string][]]>([
    [
      "a risk merged with another is closed: no stale update",
      "risk/stale-update",
      [register(risk({ status: "Merged with HRC-012", lastReview: "01/04/2022" }))],
      [],
    ],
    [
      "a superseded risk is closed: no missing strategy",
      "risk/missing-strategy",
      [register(risk({ status: "Superseded by HRC-003", strategy: null }))],
      [],
    ],
    [
      "a combined risk is closed: no missing owner",
      "risk/missing-owner",
      [register(risk({ status: "Combined with HRC-009", owner: null }))],
      [],
    ],
    [
      "Closed with a date after it is closed",
      "risk/stale-update",
      [register(risk({ status: "Closed (30/11/2022)", lastReview: "01/04/2022" }))],
      [],
    ],
    [
      "Closed with a date after it, open actions",
      "risk/closed-with-open-actions",
      [register(risk({ status: "Closed (30/09/2022)" })), actionsSheet(action())],
      [["M3", "open"]],
    ],
    [
      "an action 100% complete is done",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "01/09/2022", status: "100% complete" }))],
      [],
    ],
    [
      "an action at 100% is done",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "01/09/2022", status: "100%" }))],
      [],
    ],
    [
      "a Blue action is done",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "01/09/2022", status: "Blue" }))],
      [],
    ],
    [
      "an action 50% complete is open",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "01/09/2022", status: "50% complete" }))],
      [["E2", "overdue"]],
    ],
    [
      "a Red action is open",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "01/09/2022", status: "Red" }))],
      [["E2", "overdue"]],
    ],
    [
      "an action due w/c 26/09/22 (ends Sunday 2 October) is overdue",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "w/c 26/09/22" }))],
      [["E2", "overdue"]],
    ],
    [
      "an action due Oct 2022 (revised from June 2022) is not yet overdue",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "Oct 2022 (revised from June 2022)" }))],
      [],
    ],
    [
      "an action due Q2 2022/23 (ends 30 September) is overdue",
      "risk/action-overdue",
      [register(risk()), actionsSheet(action({ due: "Q2 2022/23" }))],
      [["E2", "overdue"]],
    ],
  ])("%s", (_name, rule, sheets, expected) => {
    expect(findingsOf(rule, sheets)).toEqual(expected);
  });
});
