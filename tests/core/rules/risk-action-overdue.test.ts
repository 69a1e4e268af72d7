import {
  action,
  actionsSheet,
  findingsOf,
  register,
  risk,
  SERIAL,
  type RunOptions,
  type SheetSpec,
} from "./harness";

const RULE = "risk/action-overdue";

describe(RULE, () => {
  it.each<[string, SheetSpec[], RunOptions?]>([
    ["due in the future", [actionsSheet(action())]],
    ["due on the as-at date", [actionsSheet(action({ due: "10/10/2022" }))]],
    ["a month as a deadline means its last day", [actionsSheet(action({ due: "Oct 2022" }))]],
    ["a quarter as a deadline means its last day", [actionsSheet(action({ due: "Q4 2022" }))]],
    ["past due but completed", [actionsSheet(action({ due: "01/09/2022", status: "Completed" }))]],
    ["past due but cancelled", [actionsSheet(action({ due: "01/09/2022", status: "Cancelled" }))]],
    ["past due but implemented", [actionsSheet(action({ due: "01/09/2022", status: "Implemented" }))]],
    ["TBC is not a date", [actionsSheet(action({ due: "TBC" }))]],
    ["blank due date", [actionsSheet(action({ due: null }))]],
    [
      "the action's risk is closed",
      [register(risk({ status: "Closed" })), actionsSheet(action({ due: "01/09/2022" }))],
    ],
    [
      "a later as-at date is not needed to see it is not yet due",
      [actionsSheet(action({ due: "01/09/2022" }))],
      { asAt: "2022-08-31" },
    ],
  ])("valid: %s", (_name, sheets, options: RunOptions = {}) => {
    expect(findingsOf(RULE, sheets, options)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [string, string][]]>([
    ["due the day before the as-at date", [actionsSheet(action({ due: "09/10/2022" }))], [["E2", "overdue"]]],
    [
      "a month as a deadline: Sept 2022 ended on the 30th",
      [actionsSheet(action({ due: "Sept 2022" }))],
      [["E2", "overdue"]],
    ],
    [
      "an action whose status is a RAG word is open",
      [actionsSheet(action({ due: "01/09/2022", status: "Red" }))],
      [["E2", "overdue"]],
    ],
    [
      "a blank status is open",
      [actionsSheet(action({ due: "01/09/2022", status: null }))],
      [["E2", "overdue"]],
    ],
    [
      "an Excel serial with a date format",
      [{ ...actionsSheet(action({ due: SERIAL["2022-10-09"] })), formats: { "1,4": "dd/mm/yyyy" } }],
      [["E2", "overdue"]],
    ],
    [
      "the risk is open on the register",
      [register(risk()), actionsSheet(action(), action({ actionId: "A-002", due: "01/01/2022" }))],
      [["E3", "overdue"]],
    ],
    [
      "an action with no register at all",
      [actionsSheet(action({ riskId: "HRC-999", due: "01/01/2022" }))],
      [["E2", "overdue"]],
    ],
  ])("invalid: %s", (_name, sheets, expected) => {
    expect(findingsOf(RULE, sheets)).toEqual(expected);
  });

  // SPEC "What must never happen": a due date that cannot be read would never be found overdue. Written as a
  // date (it has a digit), it is reported at its cell, quoting it (review 31); words said instead of a date
  // ("Ongoing") and placeholders are not.
  it.each<[string, SheetSpec[], [string, string][]]>([
    [
      "29 February in a year without one",
      [actionsSheet(action({ due: "29/02/23" }))],
      [["E2", "unreadable"]],
    ],
    ["no 31 April", [actionsSheet(action({ due: "31/04/2023" }))], [["E2", "unreadable"]]],
    [
      "an action naming several risks",
      [actionsSheet(action({ riskId: "HRC-001, HRC-002", due: "31/02/2023" }))],
      [["E2", "sharedUnreadable"]],
    ],
    [
      "the risk's own action on the register",
      [
        {
          name: "Risks",
          rows: [
            ["Risk ID", "Risk Title", "Risk Owner", "Action Due Date", "Action Status", "Risk Status"],
            ["HRC-001", "Pothole claims", "Jane Smith", "29/02/23", "In progress", "Open"],
          ],
        },
      ],
      [["D2", "ownUnreadable"]],
    ],
  ])("a due date that cannot be read, invalid: %s", (_name, sheets, expected) => {
    expect(findingsOf(RULE, sheets)).toEqual(expected);
  });

  it.each<[string, SheetSpec[]]>([
    ["words said instead of a date", [actionsSheet(action({ due: "Ongoing" }))]],
    ["an Excel error value", [actionsSheet(action({ due: "#DIV/0!" }))]],
    ["completed", [actionsSheet(action({ due: "29/02/23", status: "Completed" }))]],
    [
      "the action's risk is closed",
      [register(risk({ status: "Closed" })), actionsSheet(action({ due: "29/02/23" }))],
    ],
  ])("a due date that cannot be read, valid: %s", (_name, sheets) => {
    expect(findingsOf(RULE, sheets)).toEqual([]);
  });
});
