import { action, actionsSheet, findingsOf, register, risk, type SheetSpec } from "./harness";

const RULE = "risk/closed-with-open-actions";

describe(RULE, () => {
  it.each<[string, SheetSpec[]]>([
    [
      "closed risk, every action complete",
      [
        register(risk({ status: "Closed" })),
        actionsSheet(action({ status: "Complete" }), action({ actionId: "A-2", status: "Cancelled" })),
      ],
    ],
    ["closed risk with no actions sheet", [register(risk({ status: "Closed" }))]],
    ["open risk with open actions", [register(risk()), actionsSheet(action())]],
    [
      "open actions belong to another risk",
      [register(risk({ status: "Closed" })), actionsSheet(action({ riskId: "HRC-002" }))],
    ],
  ])("valid: %s", (_name, sheets) => {
    expect(findingsOf(RULE, sheets)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [string, string][]]>([
    [
      "closed risk with an action in progress",
      [register(risk({ status: "Closed" })), actionsSheet(action())],
      [["M3", "open"]],
    ],
    [
      "a RAG word is an open action status",
      [register(risk({ status: "Closed" })), actionsSheet(action({ status: "Amber" }))],
      [["M3", "open"]],
    ],
    [
      "an archived risk",
      [register(risk({ status: "Archived" })), actionsSheet(action({ status: null }))],
      [["M3", "open"]],
    ],
    [
      "ids folded for case and spacing",
      [
        register(risk({ id: "HRC-001", status: "Closed" })),
        actionsSheet(action({ riskId: " hrc-001" }), action({ actionId: "A-2", status: "Done" })),
      ],
      [["M3", "open"]],
    ],
  ])("invalid: %s", (_name, sheets, expected) => {
    expect(findingsOf(RULE, sheets)).toEqual(expected);
  });
});
