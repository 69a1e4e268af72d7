import {
  action,
  actionsSheet,
  findingsOf,
  plan,
  planRow,
  register,
  REGISTER_HEADERS,
  reportOf,
  risk,
  type SheetSpec,
} from "./harness";

const RULE = "sheet/missing-column";

/** A register without the columns at these 0-based positions. */
function without(name: string, cols: number[], rowCount = 1): SheetSpec {
  const drop = (row: unknown[]) => row.filter((_, i) => !cols.includes(i));
  const rows = Array.from({ length: rowCount }, (_, i) => drop(risk({ id: `HRC-00${i + 1}` })));
  return { name, rows: [["Title row"], drop(REGISTER_HEADERS), ...rows] as never };
}

describe(RULE, () => {
  it.each<[string, SheetSpec[]]>([
    ["a register with every column", [register(risk())]],
    [
      "optional columns missing (RAG, next review, transferred to, financial impact)",
      [without("Reg", [6, 11, 13, 14])],
    ],
    ["an actions sheet is not a register", [actionsSheet(action())]],
    ["a plan is not a register", [plan(planRow())]],
    [
      "a sheet of closed risks needs no owner, strategy or last-updated column",
      [register(risk()), without("Closed Risks", [2, 7, 9])],
    ],
  ])("valid: %s", (_name, sheets) => {
    expect(findingsOf(RULE, sheets)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [null, string][]]>([
    ["no strategy column", [without("Reg", [7])], [[null, "missing"]]],
    ["no last-updated column", [without("Reg", [9])], [[null, "missing"]]],
    ["no owner column", [without("Reg", [2])], [[null, "missing"]]],
    ["no id column", [without("Reg", [0])], [[null, "missing"]]],
    ["once per sheet however many rows", [without("Reg", [7], 5)], [[null, "missing"]]],
    [
      "once per field",
      [without("Reg", [2, 7, 9], 3)],
      [
        [null, "missing"],
        [null, "missing"],
        [null, "missing"],
      ],
    ],
    [
      "once per sheet on each register",
      [without("Reg A", [7]), without("Reg B", [7])],
      [
        [null, "missing"],
        [null, "missing"],
      ],
    ],
  ])("invalid: %s", (_name, sheets, expected) => {
    expect(findingsOf(RULE, sheets)).toEqual(expected);
  });

  it("names the sheet and the header row (1-based) and no record", () => {
    const f = reportOf([without("Reg", [7])]).findings.filter((x) => x.ruleId === RULE);
    expect(f).toMatchObject([
      { sheet: "Reg", cell: null, col: null, row: 2, recordId: null, severity: "error" },
    ]);
    expect(f[0].message).toContain("strategy");
  });
});
