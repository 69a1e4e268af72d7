import {
  action,
  actionsSheet,
  findingsOf,
  register,
  REGISTER_HEADERS,
  risk,
  type SheetSpec,
} from "./harness";

const RULE = "risk/no-action";

describe(RULE, () => {
  it.each<[string, SheetSpec[]]>([
    ["actions text in the register", [register(risk())]],
    [
      "no actions text but a row in an actions sheet",
      [register(risk({ actions: null })), actionsSheet(action())],
    ],
    [
      "the actions sheet's risk id differs only in case and spacing",
      [register(risk({ actions: null })), actionsSheet(action({ riskId: "  hrc-001 " }))],
    ],
    [
      "a completed action still counts as an action",
      [register(risk({ actions: null })), actionsSheet(action({ status: "Completed" }))],
    ],
    ["a closed risk is exempt", [register(risk({ actions: null, status: "Closed" }))]],
    ["a transferred risk is exempt", [register(risk({ actions: null, status: "Transferred" }))]],
  ])("valid: %s", (_name, sheets) => {
    expect(findingsOf(RULE, sheets)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [string, string][]]>([
    ["blank actions text and no actions sheet", [register(risk({ actions: null }))], [["I3", "none"]]],
    ["spaces only", [register(risk({ actions: "  " }))], [["I3", "none"]]],
    [
      "the actions sheet only has rows for another risk",
      [register(risk({ actions: null })), actionsSheet(action({ riskId: "HRC-002" }))],
      [["I3", "none"]],
    ],
    [
      "only the risk without actions is reported",
      [register(risk(), risk({ id: "HRC-002", actions: null }))],
      [["I4", "none"]],
    ],
  ])("invalid: %s", (_name, sheets, expected) => {
    expect(findingsOf(RULE, sheets)).toEqual(expected);
  });

  it("points at the id cell when the register has no actions column", () => {
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 8);
    const sheet = { name: "Reg", rows: [drop(REGISTER_HEADERS), drop(risk())] as never };
    expect(findingsOf(RULE, [sheet])).toEqual([["A2", "none"]]);
    expect(findingsOf(RULE, [sheet, actionsSheet(action())])).toEqual([]);
  });

  describe("an actions text saying there is no further action", () => {
    // SPEC risk/no-action: "no actions text". Words saying there is none are the officer's decision on a
    // tolerated risk; a risk being treated, transferred or terminated needs an action to do so (fx29).
    it.each<[string, string, [string, string][]]>([
      ["Treat", "No further action required", [["I3", "saysNone"]]],
      ["Transfer", "No further actions – insurance in place", [["I3", "saysNone"]]],
      ["Terminate", "None required", [["I3", "saysNone"]]],
      ["Tolerate", "No further action required", []],
      ["Accept", "No further action – within appetite", []],
      ["TBC", "No further action required", []],
      ["Treat", "No further action required until the contract is re-let, then retender", []],
    ])("strategy %s, actions '%s'", (strategy, actions, expected) => {
      expect(findingsOf(RULE, [register(risk({ strategy, actions }))])).toEqual(expected);
    });

    it("an actions sheet's row is still an action", () => {
      const sheets = [register(risk({ actions: "No further action required" })), actionsSheet(action())];
      expect(findingsOf(RULE, sheets)).toEqual([]);
    });
  });

  // rv-misfire32 #7: a joint register keeps the council's actions and the contractor's apart; as with the
  // owner (risk/missing-owner), the contractor's action is an action.
  it("on a joint register, a risk whose council actions are blank but whose contractor's actions are filled has an action", () => {
    const sheet = {
      name: "Joint Risk Register",
      rows: [
        ["Risk ID", "Risk", "Owner", "Strategy", "Council actions", "Contractor actions", "Last Updated"],
        ["HRC-001", "Utility diversion", "Jo Smith", "Treat", null, "Resequence works", "01/10/2022"],
        ["HRC-002", "Lane closures", "Jo Smith", "Treat", "Weekly inspections", null, "01/10/2022"],
        ["HRC-003", "Gritting fleet", "Jo Smith", "Treat", null, null, "01/10/2022"],
        ["HRC-004", "Depot lease", "Jo Smith", "Treat", null, "No further action required", "01/10/2022"],
      ],
    };
    expect(findingsOf(RULE, [sheet])).toEqual([
      ["E4", "none"],
      ["E5", "saysNone"],
    ]);
  });
});
