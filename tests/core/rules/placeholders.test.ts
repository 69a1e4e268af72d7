// Placeholders (TBC, N/A, -, Excel error values) count as empty wherever a rule reads a field.

import {
  action,
  actionsSheet,
  findingsOf,
  plan,
  planRow,
  register,
  risk,
  type RiskRow,
  type SheetSpec,
} from "./harness";

describe("placeholders count as empty", () => {
  it.each<[string, string, SheetSpec[], [string | null, string][]]>([
    [
      "owner TBC is a missing owner",
      "risk/missing-owner",
      [register(risk({ owner: "TBC" }))],
      [["C3", "blank"]],
    ],
    [
      "owner #N/A is a missing owner",
      "risk/missing-owner",
      [register(risk({ owner: "#N/A" }))],
      [["C3", "blank"]],
    ],
    [
      "owner Unknown is a missing owner",
      "risk/missing-owner",
      [register(risk({ owner: "Unknown" }))],
      [["C3", "blank"]],
    ],
    [
      "strategy TBC is a missing strategy",
      "risk/missing-strategy",
      [register(risk({ strategy: "TBC" }))],
      [["H3", "blank"]],
    ],
    [
      "strategy - is a missing strategy",
      "risk/missing-strategy",
      [register(risk({ strategy: "-" }))],
      [["H3", "blank"]],
    ],
    [
      "strategy TBC is not an unknown strategy",
      "risk/unknown-strategy",
      [register(risk({ strategy: "TBC" }))],
      [],
    ],
    ["actions N/A are no action", "risk/no-action", [register(risk({ actions: "N/A" }))], [["I3", "none"]]],
    ["id TBC is a missing id", "risk/missing-id", [register(risk({ id: "TBC" }))], [["A3", "blank"]]],
    [
      "two ids TBA are not a duplicate",
      "risk/duplicate-id",
      [register(risk({ id: "TBA" }), risk({ id: "TBA", title: "Another" }))],
      [],
    ],
    [
      "a score #DIV/0! is not the number 0",
      "risk/score-mismatch",
      [register(risk({ score: "#DIV/0!" }))],
      [],
    ],
    [
      "transferred to TBC is no recipient",
      "risk/transfer-without-recipient",
      [register(risk({ strategy: "Transfer", transferredTo: "TBC" }))],
      [["O3", "blank"]],
    ],
    [
      "evidence N/A is empty evidence",
      "plan/completed-without-evidence",
      [plan(planRow({ status: "Completed", evidence: "N/A" }))],
      [["I4", "blank"]],
    ],
    [
      "lead officer TBC is a missing lead",
      "plan/missing-lead",
      [plan(planRow({ leadOfficer: "TBC" }))],
      [["G4", "officer"]],
    ],
    [
      "an action's risk id N/A belongs to no risk",
      "risk/no-action",
      [register(risk({ id: "N/A", actions: null })), actionsSheet(action({ riskId: "N/A" }))],
      [["I3", "none"]],
    ],
  ])("%s", (_name, rule, sheets, expected) => {
    expect(findingsOf(rule, sheets)).toEqual(expected);
  });

  it("a plan date TBC is still a date that cannot be read, quoted as written", () => {
    expect(findingsOf("plan/missing-date", [plan(planRow({ date: "TBC" }))])).toEqual([["E4", "unreadable"]]);
  });

  it.each<[string, RiskRow]>([
    ["a real owner", { owner: "Jane Smith" }],
    ["an owner who is a team", { owner: "Highways Team" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf("risk/missing-owner", [register(risk(over))])).toEqual([]);
  });
});
