import {
  action,
  actionsSheet,
  findingsOf,
  register,
  REGISTER_HEADERS,
  risk,
  SERIAL,
  updateLog,
  type RunOptions,
  type SheetSpec,
} from "./harness";

const RULE = "risk/stale-update";
const J3 = "2,9"; // formats key for the Date of Last Review cell of the first data row

/** A register whose first risk's last review is a date serial with the given number format. */
function serialRegister(serial: number, format: string | null): SheetSpec {
  const sheet = register(risk({ lastReview: serial }));
  return format ? { ...sheet, formats: { [J3]: format } } : sheet;
}

describe(RULE, () => {
  it.each<[string, SheetSpec[], RunOptions?]>([
    ["updated within the month", [register(risk())]],
    ["as at 2022-10-10 an update on 2022-09-10 counts", [register(risk({ lastReview: "10/09/2022" }))]],
    ["day-first: 09/10/2022 is 9 October", [register(risk({ lastReview: "09/10/2022" }))]],
    ["ISO date", [register(risk({ lastReview: "2022-09-30" }))]],
    ["long UK date", [register(risk({ lastReview: "10 September 2022" }))]],
    [
      '"Sept 2022" as last updated is 1 September',
      [register(risk({ lastReview: "Sept 2022" }))],
      { asAt: "2022-10-01" },
    ],
    ["Excel serial with a date format", [serialRegister(SERIAL["2022-09-10"], "dd/mm/yyyy")]],
    [
      "as at 2023-03-31 an update on 2023-02-28 counts",
      [register(risk({ lastReview: "28/02/2023" }))],
      { asAt: "2023-03-31" },
    ],
    ["a closed risk is exempt", [register(risk({ lastReview: "01/01/2020", status: "Closed" }))]],
    ["an archived risk is exempt", [register(risk({ lastReview: null, status: "Archived" }))]],
    [
      "the latest update comes from the actions sheet's Update Date",
      [register(risk({ lastReview: "01/01/2022" })), actionsSheet(action({ updated: "15/09/2022" }))],
    ],
    [
      "an action's update date matches ids folded for case and spaces",
      [
        register(risk({ lastReview: null })),
        actionsSheet(action({ riskId: " hrc-001 ", updated: "01/10/2022" })),
      ],
    ],
    [
      "the latest update comes from an Update Log entry",
      [
        register(risk({ lastReview: "01/01/2022" })),
        updateLog(["05/10/2022", "HRC-001", "J Smith", "No change", "Yes", 12, "Treat"]),
      ],
    ],
    [
      'a "no change" log entry with no register date at all',
      [
        register(risk({ lastReview: null })),
        updateLog(["10/09/2022", "hrc-001", "J Smith", "", "Yes", 12, "Treat"]),
      ],
    ],
    [
      "a review period of three months from settings",
      [register(risk({ lastReview: "15/07/2022" }))],
      { settings: { reviewPeriodMonths: 3 } },
    ],
    [
      "a risk on two registers updated this period on the other: its latest update is the newest of both",
      [
        register(risk({ lastReview: "01/08/2022" })),
        { ...register(risk({ lastReview: "05/10/2022" })), name: "Contractor's Risks" },
      ],
    ],
  ])("valid: %s", (_name, sheets, options: RunOptions = {}) => {
    expect(findingsOf(RULE, sheets, options)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [string | null, string][], RunOptions?]>([
    [
      "as at 2022-10-10 an update on 2022-09-09 does not count",
      [register(risk({ lastReview: "09/09/2022" }))],
      [["J3", "stale"]],
    ],
    ["no date at all", [register(risk({ lastReview: null }))], [["J3", "never"]]],
    ["TBC is not a date", [register(risk({ lastReview: "TBC" }))], [["J3", "never"]]],
    [
      "blank status counts as open",
      [register(risk({ lastReview: "01/08/2022", status: null }))],
      [["J3", "stale"]],
    ],
    [
      '"Sept 2022" is 1 September, stale as at 2 October',
      [register(risk({ lastReview: "Sept 2022" }))],
      [["J3", "stale"]],
      { asAt: "2022-10-02" },
    ],
    [
      "Excel serial of 2022-09-09 with a date format",
      [serialRegister(SERIAL["2022-09-09"], "d mmm yyyy")],
      [["J3", "stale"]],
    ],
    [
      // The cell shows the number (44835): the finding quotes it as a date that cannot be read (review 31),
      // rather than saying nothing records an update.
      "a serial without a date format is a number, not a date",
      [serialRegister(SERIAL["2022-10-01"], null)],
      [["J3", "neverReadable"]],
    ],
    // A last-updated date written as a date that cannot be read is quoted, not taken for no update (review 31).
    ["no 29 February in 2022", [register(risk({ lastReview: "29/02/22" }))], [["J3", "neverReadable"]]],
    [
      "an unreadable last-updated date beside an old log entry",
      [
        register(risk({ lastReview: "31/09/2022" })),
        updateLog(["01/08/2022", "HRC-001", "J Smith", "Reviewed", "No", 12, "Treat"]),
      ],
      [["J3", "staleUnreadable"]],
    ],
    [
      // The history as at the as-at date: a log row written after it had not been written then (review 31).
      "an Update Log row dated after the as-at date does not count",
      [
        register(risk({ lastReview: "01/08/2022" })),
        updateLog(["11/10/2022", "HRC-001", "J Smith", "Reviewed", "No", 12, "Treat"]),
      ],
      [["J3", "stale"]],
    ],
    [
      "as at 2023-03-31 an update on 2023-02-27 does not count",
      [register(risk({ lastReview: "27/02/2023" }))],
      [["J3", "stale"]],
      { asAt: "2023-03-31" },
    ],
    [
      "an old action update does not rescue an old register date",
      [register(risk({ lastReview: "01/06/2022" })), actionsSheet(action({ updated: "01/07/2022" }))],
      [["J3", "stale"]],
    ],
    [
      "an Update Log entry for another risk does not count",
      [
        register(risk({ lastReview: "01/06/2022" })),
        updateLog(["05/10/2022", "HRC-002", "J Smith", "Update", "No", 12, "Treat"]),
      ],
      [["J3", "stale"]],
    ],
    [
      "a risk on two registers: an update on a register where it is closed does not count for the open row",
      [
        register(risk({ lastReview: "01/08/2022" })),
        { ...register(risk({ lastReview: "05/10/2022", status: "Closed" })), name: "Contractor's Risks" },
      ],
      [["J3", "stale"]],
    ],
    [
      "two rows of one register sharing an id are two risks: one's update is not the other's",
      [register(risk({ lastReview: "01/08/2022" }), risk({ lastReview: "05/10/2022" }))],
      [["J3", "stale"]],
    ],
    [
      "each stale risk is reported on its own row",
      [
        register(
          risk(),
          risk({ id: "HRC-002", lastReview: "01/01/2022" }),
          risk({ id: "HRC-003", lastReview: null }),
        ),
      ],
      [
        ["J4", "stale"],
        ["J5", "never"],
      ],
    ],
  ])("invalid: %s", (_name, sheets, expected, options: RunOptions = {}) => {
    expect(findingsOf(RULE, sheets, options)).toEqual(expected);
  });

  it("fires per risk, on the id cell, when the sheet has no date column", () => {
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 9);
    const sheet = {
      name: "Reg",
      rows: [drop(REGISTER_HEADERS), drop(risk()), drop(risk({ id: "HRC-002" }))] as never,
    };
    expect(findingsOf(RULE, [sheet])).toEqual([
      ["A2", "never"],
      ["A3", "never"],
    ]);
  });
});
