import { renderMessage } from "../../../src/core/rules/render-message";
import { openActionsAcrossFiles, rule } from "../../../src/core/rules/risk-closed-with-open-actions";
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
      "the open action of a risk reopened on the register, closed last year on the sheet of closed risks",
      [
        register(risk()),
        { ...register(risk({ status: "Closed" })), name: "Closed Risks" },
        actionsSheet(action()),
      ],
    ],
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
      "a risk on the sheet of closed risks whose Status still says Open",
      [
        register(risk({ id: "HRC-002" })),
        { ...register(risk()), name: "Closed Risks" },
        actionsSheet(action()),
      ],
      [["M3", "open"]],
    ],
    [
      "a risk under a CLOSED RISKS heading with its Status blank",
      [register(risk({ id: "HRC-002" }), ["CLOSED RISKS"], risk({ status: null })), actionsSheet(action())],
      [["M5", "open"]],
    ],
    [
      "a risk closed twice on the sheet of closed risks: once, on its first row",
      [
        register(risk({ id: "HRC-002" })),
        { ...register(risk({ status: "Closed" }), risk({ status: "Closed" })), name: "Closed Risks" },
        actionsSheet(action()),
      ],
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

describe(`${RULE}: the risk's own action on the register`, () => {
  /** The register with its own-action columns (P, Q and, with `status`, R), one closed risk's action due 30/09/2022. */
  const withOwnAction = (status?: string | null): SheetSpec => {
    const reg = register([
      ...risk({ status: "Closed" }),
      "A Khan",
      "30/09/2022",
      ...(status === undefined ? [] : [status]),
    ]);
    const own = ["Action Owner", "Action Due Date", ...(status === undefined ? [] : ["Action Status"])];
    return { ...reg, rows: [reg.rows[0], [...reg.rows[1], ...own], ...reg.rows.slice(2)] };
  };

  it.each<[string, SheetSpec, [string, string][]]>([
    ["its Action Status says it is open", withOwnAction("In progress"), [["M3", "open"]]],
    ["its Action Status is left blank", withOwnAction(null), [["M3", "open"]]],
    ["its Action Status says it is done", withOwnAction("Complete"), []],
    // Review 31 (an NEC4 Early Warning Register): with no Action Status column, nothing shows the action open.
    ["the register keeps no Action Status column", withOwnAction(), []],
  ])("%s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });
});

describe(`${RULE}: the message when several files are checked together`, () => {
  const message = (openIn: { file: string; count: number }[]): string => {
    const { messageId, data } = openActionsAcrossFiles("HRC-001", openIn);
    return renderMessage(rule.meta.messages[messageId], data);
  };

  it.each<[string, { file: string; count: number }[], string]>([
    [
      "one other file holds them all",
      [{ file: "plan.xlsx", count: 2 }],
      "Risk HRC-001 is closed but 2 of its actions are still open (in plan.xlsx).",
    ],
    [
      "one open action",
      [{ file: "plan.xlsx", count: 1 }],
      "Risk HRC-001 is closed but 1 of its actions is still open (in plan.xlsx).",
    ],
    [
      "several files, each counted, in the order given",
      [
        { file: "register.xlsx", count: 1 },
        { file: "plan.xlsx", count: 2 },
      ],
      "Risk HRC-001 is closed but 3 of its actions are still open (1 in register.xlsx, 2 in plan.xlsx).",
    ],
  ])("%s", (_name, openIn, expected) => {
    expect(message(openIn)).toBe(expected);
  });
});
