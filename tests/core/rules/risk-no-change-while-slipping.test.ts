import type { CellValue } from "../../../src/core/model/grid";
import {
  HISTORY_REGISTER_HEADERS,
  hlog,
  hregister,
  hrisk,
  logRow,
  type HistoryRisk,
} from "../history/helpers";
import { actionsSheet, action, findingsOf, reportOf, type SheetSpec } from "./harness";

const RULE = "risk/no-change-while-slipping";

const importLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [
    ["Import Log"],
    [],
    ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
    ...rows,
  ],
});

type Case = [string, HistoryRisk, SheetSpec[]];
const twoNoChanges = hlog(
  logRow("12/08/2022", "HRC-001", 12, true),
  logRow("09/09/2022", "HRC-001", 12, true),
);

describe(`${RULE}: the risk's own action on the register`, () => {
  it("counts an open own action whose due date passed, as risk/action-overdue does", () => {
    const headers = [...HISTORY_REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
    const sheets: SheetSpec[] = [
      { name: "IRIS Risks", rows: [headers, [...hrisk(), "Bob Jones", "20/09/2022", "Open"]] },
      twoNoChanges,
    ];
    expect(findingsOf("risk/action-overdue", sheets)).toHaveLength(1);
    expect(findingsOf(RULE, sheets)).toEqual([["L2", "passed"]]);
  });

  it.each([
    ["by its words", '"Chase due invoices" on the register'],
    // Two actions of the same words are named apart by their place (fx-meetline32); the older name still reads.
    ["by its words and place, as one of two named alike", '"Chase due invoices" (Action 2) on the register'],
  ])(
    "reads a due date the meeting moved on one of several own actions kept one a line, named %s",
    (_, name) => {
      // The meeting writes such a move into the Changes cell as findings name the action (its words in quotes,
      // "on the register" after them: fx-ownline30); words that hold " due " are still the action's name.
      const headers = [...HISTORY_REGISTER_HEADERS, "Action Owner", "Action Due Date", "Action Status"];
      const moved = `${name} due 31/08/2022 → 30/11/2022`;
      const sheets: SheetSpec[] = [
        {
          name: "IRIS Risks",
          rows: [
            headers,
            [
              ...hrisk({ actions: "1. Resurface A38\n2. Chase due invoices" }),
              "JS\nAL",
              "31/12/2022\n30/11/2022",
              "In progress\nNot started",
            ],
          ],
        },
        hlog(
          logRow("12/08/2022", "HRC-001", 12, true),
          logRow("09/09/2022", "HRC-001", 12, true, "No change this month", moved),
        ),
      ];
      const findings = reportOf(sheets).findings.filter((f) => f.ruleId === RULE);
      expect(findings.map((f) => [f.cell, f.messageId])).toEqual([["L2", "moved"]]);
      expect(findings[0].message).toContain(`action ${name}'s due date moved from 31/08/2022 to 30/11/2022`);
    },
  );
});

describe(RULE, () => {
  it.each<Case>([
    [
      "two no-change updates, actions on time",
      {},
      [twoNoChanges, actionsSheet(action({ due: "30/11/2022" }))],
    ],
    [
      "only one no-change update, and a due date moved",
      {},
      [
        hlog(logRow("12/08/2022", "HRC-001", 12, false), logRow("09/09/2022", "HRC-001", 12, true)),
        actionsSheet(action()),
        importLog([
          "2022-09-20 10:00",
          "iris.xlsx",
          "IRIS Actions",
          "HRC-001",
          "A-001",
          "Target Date",
          "30/09/2022",
          "31/12/2022",
        ]),
      ],
    ],
    [
      "a due date moved earlier",
      {},
      [
        twoNoChanges,
        actionsSheet(action()),
        importLog([
          "2022-09-20",
          "iris.xlsx",
          "IRIS Actions",
          "HRC-001",
          "A-001",
          "Target Date",
          "31/12/2022",
          "30/11/2022",
        ]),
      ],
    ],
    [
      "a due date that moved before the first no-change",
      {},
      [
        twoNoChanges,
        actionsSheet(action()),
        importLog([
          "2022-07-20",
          "iris.xlsx",
          "IRIS Actions",
          "HRC-001",
          "A-001",
          "Target Date",
          "30/07/2022",
          "30/11/2022",
        ]),
      ],
    ],
    ["a closed risk", { status: "Closed" }, [twoNoChanges, actionsSheet(action({ due: "30/09/2022" }))]],
    [
      "an overdue action that is done",
      {},
      [twoNoChanges, actionsSheet(action({ due: "30/09/2022", status: "Completed" }))],
    ],
    [
      "a real update after the no-changes",
      {},
      [
        hlog(
          logRow("12/08/2022", "HRC-001", 12, true),
          logRow("09/09/2022", "HRC-001", 12, true),
          logRow("05/10/2022", "HRC-001", 12, false, "Claims down after resurfacing"),
        ),
        actionsSheet(action({ due: "30/09/2022" })),
      ],
    ],
    [
      "on the day of the second no change, a real update in the update cell (the real update wins)",
      { update: "09/09/22 – barrier repaired, score reviewed" },
      [twoNoChanges, actionsSheet(action({ due: "30/09/2022" }))],
    ],
    [
      "two no-changes, then a real update (the run is over)",
      {},
      [
        hlog(
          logRow("12/08/2022", "HRC-001", 12, true),
          logRow("09/09/2022", "HRC-001", 12, true),
          logRow("01/10/2022", "HRC-001", 12, false, "Works done"),
        ),
        actionsSheet(action({ due: "30/09/2022" })),
      ],
    ],
  ])("valid: %s", (_name, over, sheets) => {
    expect(findingsOf(RULE, [hregister(hrisk(over)), ...sheets])).toEqual([]);
  });

  it.each<[string, HistoryRisk, SheetSpec[], [string, string][]]>([
    [
      "two no-changes and an open action's due date passed",
      {},
      [twoNoChanges, actionsSheet(action({ due: "30/09/2022" }))],
      [["L2", "passed"]],
    ],
    [
      "two no-changes and a due date moved later (Import Log)",
      {},
      [
        twoNoChanges,
        actionsSheet(action()),
        importLog([
          "2022-09-20 10:00",
          "iris.xlsx",
          "IRIS Actions",
          "HRC-001",
          "A-001",
          "Target Date",
          "30/09/2022",
          "31/12/2022",
        ]),
      ],
      [["L2", "moved"]],
    ],
    [
      "an earlier Import Log layout (action in the Field column)",
      {},
      [
        twoNoChanges,
        actionsSheet(action()),
        {
          name: "Import Log",
          rows: [
            ["When", "File", "Register", "Risk ID", "Field", "Old", "New"],
            [
              "2022-09-20 10:00",
              "iris.xlsx",
              "IRIS Actions",
              "HRC-001",
              "Target Date (action A-001)",
              "30/09/2022",
              "31/12/2022",
            ],
          ],
        },
      ],
      [["L2", "moved"]],
    ],
    [
      "a due date moved in the Update Log's changes",
      {},
      [
        hlog(
          logRow("12/08/2022", "HRC-001", 12, true),
          logRow(
            "09/09/2022",
            "HRC-001",
            12,
            true,
            "No change this month",
            "A-001 due 30/09/2022 → 31/10/2022",
          ),
        ),
        actionsSheet(action()),
      ],
      [["L2", "moved"]],
    ],
    [
      "dated lines in the update cell saying no change",
      { update: "12/08/22 – no change\n09/09/22 – no change, works programmed" },
      [actionsSheet(action({ due: "30/09/2022" }))],
      [["L2", "passed"]],
    ],
    [
      // A flag that says No outright is a real update whatever its words (history-review.test.ts); a blank
      // flag leaves it to the words.
      "no change said in words, the flag left blank; log rows and dated lines together",
      { update: "01/07/22 – works programmed\n12/08/22 – unchanged" },
      [
        hlog(
          ["09/09/2022", "IRIS Risks", "HRC-001", "J Smith", "No change this month", null, 12, "Treat", null],
          logRow("03/10/2022", "HRC-001", 12, true),
        ),
        actionsSheet(action({ due: "30/09/2022" })),
      ],
      [["L2", "passed"]],
    ],
  ])("invalid: %s", (_name, over, sheets, expected) => {
    expect(findingsOf(RULE, [hregister(hrisk(over)), ...sheets])).toEqual(expected);
  });
});

describe(`${RULE}: an Update Log written before stop 27`, () => {
  // Earlier versions flagged the register's own update carried into the log "No" for no change whatever it
  // said; its words say it (the meeting-writes review: a third "no change" went uncounted on such logs).
  const carried = (date: string, text: string): CellValue[] => {
    const row = logRow(date, "HRC-001", 12, false, text);
    row[3] = "(register, before the meeting)";
    return row;
  };

  it("counts a carried row flagged No whose words say no change", () => {
    const sheets: SheetSpec[] = [
      hregister(hrisk()),
      hlog(carried("12/08/2022", "No change this month"), logRow("09/09/2022", "HRC-001", 12, true)),
      actionsSheet(action({ due: "20/09/2022" })),
    ];
    expect(findingsOf(RULE, sheets)).toHaveLength(1);
  });

  it("still takes No from an officer's own row, and from a carried row whose newest dated line is a real update", () => {
    const officers = logRow("12/08/2022", "HRC-001", 12, false, "No change this month");
    const dated = carried("12/08/2022", "12/08/22 – audit started\n01/07/22 – no change");
    for (const first of [officers, dated]) {
      const sheets: SheetSpec[] = [
        hregister(hrisk()),
        hlog(first, logRow("09/09/2022", "HRC-001", 12, true)),
        actionsSheet(action({ due: "20/09/2022" })),
      ];
      expect(findingsOf(RULE, sheets)).toEqual([]);
    }
  });
});
