// Registers as officers and contractors really write them (SPEC "Real registers"): section and totals rows,
// merged ids, colour-only RAG, dated update lines, per-sheet ids, actions for several risks, the risk's own
// action on the register and a workbook's own risk matrix — each read as a person reads it.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { checkWorkbook } from "../../../src/core/check";
import { dayFromIso, latestDatedLine, ragFromColour } from "../../../src/core/parse";
import { riskIdKeys } from "../../../src/core/model/records";
import { titlesAlike } from "../../../src/core/read/per-sheet-ids";
import { normaliseWords } from "../../../src/core/parse/words";
import { renderMessage } from "../../../src/core/rules/render-message";
import { renderText } from "../../../src/cli/format-text";

const AS_AT = "2022-10-10";
const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "RAG",
  "Strategy",
  "Actions",
  "Last Updated",
  "Status",
];
const WIDTH = HEADERS.length;

function row(id: CellValue, over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Risk ID": id,
    "Risk Title": "Pothole claims rise",
    "Risk Owner": "Jane Smith",
    Likelihood: 2,
    Impact: 3,
    Score: 6,
    RAG: "Amber",
    Strategy: "Treat",
    Actions: "Inspections",
    "Last Updated": "01/10/2022",
    Status: "Open",
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? null);
}

const only = (text: string, col = 0): CellValue[] => HEADERS.map((_, i) => (i === col ? text : null));

function check(grids: Grid[]) {
  return checkWorkbook(grids, { settings: defaultSettings(), asAt: AS_AT, today: AS_AT, source: "t.xlsx" });
}

function findings(grids: Grid[], ruleId?: string): [string, string | null][] {
  return check(grids)
    .findings.filter((f) => !ruleId || f.ruleId === ruleId)
    .map((f) => [f.ruleId, f.cell]);
}

describe("section and totals rows", () => {
  const merged = gridFromRows(
    "Register",
    [
      HEADERS,
      only("Financial and commercial risks"),
      row("R1"),
      only("Operational risks"),
      row("R2"),
      ["Total", 2],
    ],
    {
      merges: [{ top: 1, left: 0, bottom: 1, right: WIDTH - 1 }],
    },
  );

  it("takes neither headings nor a Total row for risks, and gives the heading to the rows below", () => {
    const { records, sheets } = readWorkbook([merged], defaultSettings(), dayFromIso(AS_AT)!);
    expect(records.risks.map((r) => [r.fields.id?.text, r.section])).toEqual([
      ["R1", "Financial and commercial risks"],
      ["R2", "Operational risks"],
    ]);
    expect(sheets[0].sections).toEqual([
      { row: 1, text: "Financial and commercial risks" },
      { row: 3, text: "Operational risks" },
    ]);
    expect(sheets[0].setAside).toEqual([
      { row: 1, reason: "heading" },
      { row: 3, reason: "heading" },
      { row: 5, reason: "totals" },
    ]);
    expect(findings([merged])).toEqual([]);
  });

  it("the command line's text says what the pane's sheet list says: the sections and the rows set aside", () => {
    const text = renderText(check([merged]), "t.xlsx").split("\n");
    expect(text).toContain(
      "    Sections: Financial and commercial risks (row 2); Operational risks (row 4).",
    );
    expect(text).toContain(
      "    Not taken for records: row 2 (section heading), row 4 (section heading), row 6 (totals row).",
    );
  });

  it.each<[string, CellValue[]]>([
    ["Totals", ["Totals", 12]],
    ["Count:", ["Count:", 2]],
    ["Average", [null, "Average", null, 2.5, 3]],
    ["Sum", ["Sum", null, null, null, null, 18]],
  ])("a row starting %s is not a record", (_name, cells) => {
    expect(findings([gridFromRows("Register", [HEADERS, row("R1"), cells])])).toEqual([]);
  });

  it("an Excel table's totals row is not a record, whatever it holds", () => {
    const g = gridFromRows("Register", [HEADERS, row("R1"), [1, "Risks in register"]], { totalsRows: [2] });
    expect(findings([g])).toEqual([]);
    const { sheets } = readWorkbook([g], defaultSettings(), dayFromIso(AS_AT)!);
    expect(sheets[0].setAside).toEqual([{ row: 2, reason: "totals" }]);
  });

  it.each<[string, CellValue[], [string, string | null][]]>([
    [
      "an id alone is a risk with nothing else, not a heading",
      only("R9"),
      expect.arrayContaining([["risk/missing-owner", "C3"]]) as never,
    ],
    [
      "a title alone in the title column is a risk without an id",
      only("Bridge strike", 1),
      expect.arrayContaining([["risk/missing-id", "A3"]]) as never,
    ],
    [
      "a risk whose title starts with Total is still a risk",
      [null, "Total loss of lighting", "Jo Bloggs"],
      expect.arrayContaining([["risk/missing-id", "A3"]]) as never,
    ],
  ])("%s", (_name, cells, expected) => {
    expect(findings([gridFromRows("Register", [HEADERS, row("R1"), cells])])).toEqual(expected);
  });

  it("text repeated across the row without a merged area is not a heading", () => {
    const g = gridFromRows("Register", [HEADERS, row("R1"), HEADERS.map(() => "x y")]);
    expect(findings(g ? [g] : [], "risk/missing-owner").length).toBe(0);
    expect(findings([g], "risk/unknown-strategy")).toEqual([["risk/unknown-strategy", "H3"]]);
  });
});

describe("an id merged down over several rows", () => {
  const g = gridFromRows(
    "Register",
    [
      HEADERS,
      row("R7", { "Last Updated": null, Actions: "Extra gang" }),
      [null, null, null, null, null, null, null, null, "Night working", "01/10/2022"],
      [null, null, null, null, null, null, null, null, "Weekly meeting"],
      row("R8"),
    ],
    { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] },
  );

  it("is one record, joined field by field, its finding on the first row", () => {
    const { records } = readWorkbook([g], defaultSettings(), dayFromIso(AS_AT)!);
    expect(records.risks.map((r) => [r.fields.id?.text, r.rows, r.fields.actions?.text])).toEqual([
      ["R7", [1, 2, 3], "Extra gang Night working Weekly meeting"],
      ["R8", [4], "Inspections"],
    ]);
    expect(findings([g])).toEqual([]);
  });

  it("a plan's merged No is not joined: each row is an action", () => {
    const plan = gridFromRows(
      "Plan",
      [
        [
          "No",
          "Improvement Aim",
          "Background",
          "Action",
          "Date Completed or Expected",
          "Lead Director",
          "Lead Officer",
          "Progress Status",
          "Evidence",
        ],
        [1, "Aim", "Bg", "First", "30/11/2022", "Dir", "Off", "In progress", ""],
        [null, null, null, "Second", "30/11/2022", "Dir", "Off", "In progress", ""],
      ],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
    );
    expect(readWorkbook([plan], defaultSettings(), dayFromIso(AS_AT)!).records.plan.length).toBe(2);
  });
});

describe("colour-only RAG", () => {
  it.each<[string, string, string | null]>([
    ["pure red", "FF0000", "red"],
    ["Excel's amber", "FFC000", "amber"],
    ["Excel's green", "00B050", "green"],
    ["conditional-format light red", "FFC7CE", "red"],
    ["light green", "C6EFCE", "green"],
    ["yellow", "FFFF00", "amber"],
    ["theme accent green 9BBB59", "9BBB59", "green"],
    ["ARGB form", "FFFF0000", "red"],
    ["blue is not a RAG colour", "0070C0", null],
    ["white", "FFFFFF", null],
    ["grey", "A6A6A6", null],
    ["not a colour", "zz", null],
  ])("%s", (_name, rgb, expected) => {
    const r = ragFromColour(rgb);
    expect(r).toBe(expected);
  });

  it("a RAG cell with no text is read by its fill; one with text keeps its text", () => {
    const g = gridFromRows(
      "Register",
      [
        HEADERS,
        row("R1", { Score: 16, Likelihood: 4, Impact: 4, RAG: null }),
        row("R2", { Score: 16, Likelihood: 4, Impact: 4, RAG: "Red" }),
      ],
      {
        blankFills: [
          { row: 1, col: 6, rgb: "00B050" },
          { row: 2, col: 6, rgb: "00B050" },
          { row: 1, col: 1, rgb: "FF0000" },
        ],
      },
    );
    const report = check([g]);
    expect(
      report.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => [f.cell, f.message]),
    ).toEqual([["G2", "Risk R1 is marked Green but its score 16 is Red."]]);
  });
});

describe("dated lines in the update text", () => {
  it.each<[string, string, string | null]>([
    ["newest first", "28/09/22 – reviewed at RMB\n10/08/22 – raised", "2022-09-28"],
    ["newest last", "10/08/22 – raised\n28/09/22 – reviewed", "2022-09-28"],
    ["closing in brackets", "Reviewed at the board (RC 12/09/22)", "2022-09-12"],
    ["word dates", "12th Sept 2022: no change", "2022-09-12"],
    ["dots", "12.09.22 no change", "2022-09-12"],
    ["a date inside a sentence is not a dated line", "Works moved to 12/12/22 by the contractor", null],
    ["no digits", "No change this month", null],
    ["bullet", "- 01/09/2022 reviewed", "2022-09-01"],
    ["ISO dates starting lines", "2022-10-03 – reviewed at RMB\n2022-09-05 – crews booked", "2022-10-03"],
    ["an ISO date closing a line in brackets", "Crews booked (RC 2022-09-12)", "2022-09-12"],
    ["a year range is not a date", "2022-23 budget agreed", null],
  ])("%s", (_name, text, iso) => {
    const d = latestDatedLine(text, dayFromIso("2022-10-31")!);
    expect(d === null ? null : d).toBe(iso === null ? null : dayFromIso(iso));
  });

  const noDateColumn = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Score",
    "Strategy",
    "Actions",
    "Updates",
    "Status",
  ];
  const reg = (update: string) =>
    gridFromRows("Annex", [noDateColumn, ["R1", "T", "Jo", 6, "Treat", "Act", update, "Open"]]);

  it("count as the update: not stale, and the register does not lack a last-updated column", () => {
    expect(findings([reg("28/09/22 – reviewed\n10/08/22 – raised")])).toEqual([]);
  });

  // There is no date column: the finding points at the update cell, the one to fill (fx29-monthimport: it
  // pointed at the id cell before; the brief asks for the cell the officer should fill).
  it("an old dated history is stale (pointing at the update cell: there is no date column)", () => {
    expect(findings([reg("01/08/22 – reviewed\n01/07/22 – raised")])).toEqual([["risk/stale-update", "G2"]]);
  });

  it("one dated line with words after it is update text too: its date counts", () => {
    expect(findings([reg("01/08/22 – reviewed")])).toEqual([["risk/stale-update", "G2"]]);
    expect(findings([reg("28/09/22 – reviewed")])).toEqual([]);
  });

  it("without any dated line the column is still missing", () => {
    expect(findings([reg("Reviewed, no change")])).toEqual([
      ["risk/stale-update", "A2"],
      ["sheet/missing-column", null],
    ]);
  });

  it("count beside a date column: the newer wins", () => {
    const g = gridFromRows("Register", [
      [...HEADERS, "Latest Update"],
      [...row("R1", { "Last Updated": "01/07/2022" }), "Reviewed (RC 20/09/22)"],
    ]);
    expect(findings([g], "risk/stale-update")).toEqual([]);
  });
});

describe("ids numbered per sheet", () => {
  const annex = (name: string, rows: [string, string, string][]) =>
    gridFromRows(name, [
      HEADERS,
      ...rows.map(([id, title, owner]) => row(id, { "Risk Title": title, "Risk Owner": owner })),
    ]);

  it("join only rows whose titles match too (case and punctuation folded)", () => {
    const a = annex("Annex A", [
      ["R1", "Potholes", "Ann"],
      ["R2", "Winter salt stock", "Ann"],
      ["R3", "Drainage", "Ann"],
    ]);
    const b = annex("Annex B", [
      ["R1", "Lantern failures", "Bob"],
      ["R2", "Winter Salt Stock.", "Bob"],
      ["R3", "Cable theft", "Bob"],
    ]);
    expect(findings([a, b], "risk/owner-conflict")).toEqual([["risk/owner-conflict", "C3"]]);
  });

  it("ids made for the whole contract still join by id, whatever the title", () => {
    const a = annex("Corporate", [
      ["HRC-001", "Potholes", "Ann"],
      ["HRC-002", "Salt", "Ann"],
      ["HRC-003", "Drainage", "Ann"],
    ]);
    const b = annex("Directorate", [
      ["HRC-003", "Flooding of depots", "Bob"],
      ["D-1", "Other", "Bob"],
      ["D-2", "Other 2", "Bob"],
    ]);
    expect(findings([a, b], "risk/owner-conflict")).toEqual([["risk/owner-conflict", "C2"]]);
  });

  it("ids recurring with their titles reworded (most words shared) are ids made for the whole contract", () => {
    const a = annex("Directorate", [
      ["HRC-001", "Bridge joint failure on A38 viaduct", "Ann"],
      ["HRC-002", "Gritting fleet availability", "Ann"],
      ["HRC-003", "Street lighting PFI exit", "Ann"],
    ]);
    const b = annex("Corporate", [
      ["HRC-001", "Highways: bridge joint failure on the A38 viaduct", "Bob"],
      ["HRC-002", "Winter service: gritting fleet availability", "Ann"],
      ["HRC-003", "Street lighting PFI exit costs", "Ann"],
    ]);
    expect(findings([a, b], "risk/owner-conflict")).toEqual([["risk/owner-conflict", "C2"]]);
  });

  it.each<[string, string, boolean]>([
    ["Bridge joint failure on A38 viaduct", "Highways: bridge joint failure on the A38 viaduct", true],
    ["Gritting fleet availability", "Winter service: gritting fleet availability", true],
    ["Winter salt stock", "Winter salt stock", true],
    // Half the words: not most of them.
    ["Bridge joint failure", "Highways: bridge joint failure on the A38 viaduct", false],
    ["Contractor insolvency", "Contractor resourcing", false],
    ["Potholes", "Lantern failures", false],
    // "Risk" and numbers say nothing of what a risk is.
    ["Highways risk 1", "Lighting risk 1", false],
    // One template, its key word changed: most words shared, but not nearly all of the shorter title's.
    ["Delay to the resurfacing programme", "Delay to the lantern programme", false],
    ["Failure to meet the inspection KPI", "Failure to meet the repair KPI", false],
    ["Budget overspend on reactive repairs", "Budget overspend on energy", false],
  ])("%j and %j are one title reworded: %s", (x, y, alike) => {
    expect(titlesAlike(normaliseWords(x), normaliseWords(y))).toBe(alike);
  });
});

describe("actions", () => {
  const ACTION_HEADERS = [
    "Risk Reference",
    "Action Ref",
    "Action Description",
    "Action Owner",
    "Target Date",
    "Action Status",
  ];
  it.each<[string, string[]]>([
    ["SL-10, SL-11", ["sl-10", "sl-11"]],
    ["SL-10 / SL-11", ["sl-10", "sl-11"]],
    ["SL-10 & SL-11", ["sl-10", "sl-11"]],
    ["SL-10 and SL-11", ["sl-10", "sl-11"]],
    // The later ids written by their number alone take the first id's prefix (and its width). Each is then
    // folded as an id is, in its parts (see idKey): "HRC-007" is "hrc-7", as "HRC-7" and "HRC 007" are.
    ["SL-10, 11", ["sl-10", "sl-11"]],
    ["HRC-007 & 8", ["hrc-7", "hrc-8"]],
    ["R1, 2, 3", ["r-1", "r-2", "r-3"]],
    ["HRC/001", ["hrc/001"]],
    ["Highways & Lighting", ["highways & lighting"]],
    ["", []],
  ])("%s names %j", (text, keys) => {
    expect(riskIdKeys(text)).toEqual(keys);
  });

  it.each([
    ["listed with a comma", "SL-10, SL-11"],
    ["one per line in one cell", "SL-10\nSL-11"],
  ])(
    "an action naming several risks (%s) belongs to each: no risk lacks an action; closed ones keep it open",
    (_how, ids) => {
      const reg = gridFromRows("Register", [
        HEADERS,
        row("SL-10", { Actions: null }),
        row("SL-11", { Actions: null, Status: "Closed" }),
      ]);
      const acts = gridFromRows("Actions", [
        ACTION_HEADERS,
        [ids, "A-1", "Joint action", "PM", "01/09/2022", "In progress"],
      ]);
      expect(findings([reg, acts])).toEqual([
        ["risk/action-overdue", "E2"],
        ["risk/closed-with-open-actions", "K3"],
      ]);
    },
  );

  const OWN = [...HEADERS, "Action Owner", "Action Target Date", "Action Status"];
  const own = (id: string, over: Partial<Record<string, CellValue>>, due: CellValue, status: CellValue) => [
    ...row(id, over),
    "PM",
    due,
    status,
  ];

  it("the register's own action columns map to actionOwner, actionDue and actionStatus", () => {
    const g = gridFromRows("Register", [OWN, own("R1", {}, "30/11/2022", "Open")]);
    const { sheets } = readWorkbook([g], defaultSettings(), dayFromIso(AS_AT)!);
    const fields = Object.fromEntries(sheets[0].columns.map((c) => [c.header, c.field]));
    expect([
      fields["Action Owner"],
      fields["Action Target Date"],
      fields["Action Status"],
      fields["Risk Owner"],
      fields["Status"],
    ]).toEqual(["actionOwner", "actionDue", "actionStatus", "owner", "status"]);
  });

  it.each<[string, CellValue[], [string, string | null][]]>([
    [
      "overdue and open: flagged on the register's cell",
      own("R1", {}, "30/09/2022", "In progress"),
      [["risk/action-overdue", "M2"]],
    ],
    ["overdue but complete", own("R1", {}, "30/09/2022", "Complete"), []],
    ["not yet due", own("R1", {}, "31/10/2022", "In progress"), []],
    [
      "closed risk with its own action open",
      own("R1", { Status: "Closed", Strategy: null }, "31/12/2022", "In progress"),
      [["risk/closed-with-open-actions", "K2"]],
    ],
    [
      "no actions text but its own action: it has an action",
      own("R1", { Actions: null }, "31/12/2022", "Not started"),
      [],
    ],
    [
      "no actions text and no own action",
      [...row("R1", { Actions: null }), null, null, null],
      [["risk/no-action", "I2"]],
    ],
  ])("%s", (_name, cells, expected) => {
    expect(findings([gridFromRows("Register", [OWN, cells])])).toEqual(expected);
  });
});

describe("a workbook's own risk matrix", () => {
  const word = (n: number) => (n <= 3 ? "Low" : n <= 6 ? "Medium" : "High");
  const matrixRows: CellValue[][] = [["Risk matrix"], [null, "Impact"], ["Likelihood", 1, 2, 3, 4, 5]];
  for (let l = 5; l >= 1; l--) matrixRows.push([l, ...[1, 2, 3, 4, 5].map((i) => word(l * i))]);
  const register = (l: number, i: number, rating: string) =>
    gridFromRows("Register", [HEADERS, row("R1", { Likelihood: l, Impact: i, Score: l * i, RAG: rating })]);

  it.each<[string, number, number, string, boolean]>([
    ["2 × 4 is High on the matrix (amber on the default bands)", 2, 4, "High", false],
    ["3 × 3 is High on the matrix (Medium would pass the default bands)", 3, 3, "Medium", true],
    ["2 × 2 is Medium on the matrix (green on the default bands)", 2, 2, "Medium", false],
    ["1 × 3 is Low", 1, 3, "Medium", true],
  ])("%s", (_name, l, i, rating, flagged) => {
    const grids = [gridFromRows("Matrix", matrixRows), register(l, i, rating)];
    expect(findings(grids, "risk/rag-mismatch").length).toBe(flagged ? 1 : 0);
  });

  it("the sheet list says the workbook's matrix is used", () => {
    const { sheets, matrix } = readWorkbook(
      [gridFromRows("Matrix", matrixRows)],
      defaultSettings(),
      dayFromIso(AS_AT)!,
    );
    expect(matrix?.cells[2][2]).toBe("red");
    expect(sheets[0].riskMatrix).toBe(true);
    expect(sheets[0].note).toMatch(/own risk matrix/);
  });

  it("a matrix with the impact down the side is turned", () => {
    const rows: CellValue[][] = [["Impact", 1, 2, 3, 4, 5]];
    // Rows are impact 1–5; only likelihood 5 × impact 1 is High.
    for (let i = 1; i <= 5; i++)
      rows.push([i, ...[1, 2, 3, 4, 5].map((l) => (l === 5 && i === 1 ? "High" : "Low"))]);
    const { matrix } = readWorkbook([gridFromRows("M", rows)], defaultSettings(), dayFromIso(AS_AT)!);
    expect(matrix?.cells[4][0]).toBe("red");
    expect(matrix?.cells[0][4]).toBe("green");
  });

  it("a sheet of numbers is not a matrix", () => {
    const rows: CellValue[][] = [["x", 1, 2, 3, 4, 5]];
    for (let l = 1; l <= 5; l++) rows.push([l, 1, 2, 3, 4, 5]);
    expect(readWorkbook([gridFromRows("M", rows)], defaultSettings(), dayFromIso(AS_AT)!).matrix).toBeNull();
  });
});

describe("a risk matrix whose axes are labelled with words (the CDDO template's Introduction!C15:H20)", () => {
  // Likelihood 5 at the top, each label its number then words; each cell its rating word, then its score.
  const cddo: CellValue[][] = [
    ["Risk matrix"],
    [
      null,
      "Threat likelihood",
      "5 - Almost certain / Frequent",
      "Low\n5",
      "Medium\n10",
      "High\n15",
      "High \n20",
      "Very High\n25",
    ],
    [null, null, "4 - Likely / Probable", "Low\n4", "Medium\n8", "Medium\n12", "High \n16", "High\n20"],
    [null, null, "3 - Possible / Occasional ", "V. Low\n3", "Low \n6", "Medium\n9", "Medium\n12", "High\n15"],
    [null, null, "2 - Unlikely / Remote", "V. Low\n2", "Low \n4", "Low \n6", "Medium\n8", "Medium\n10"],
    [null, null, "1 - Very Unlikely / Improbable", "V. Low\n1", "V. Low\n2", "V. Low\n3", "Low\n4", "Low\n5"],
    [
      null,
      "Risk: Component of Threat likelihood and Impact",
      null,
      "1 - Minor",
      "2 - Marginal",
      "3 - Moderate",
      "4 - Severe",
      "5 - Critical",
    ],
    [null, null, null, "Impact"],
  ];
  const matrixOf = (rows: CellValue[][]) =>
    readWorkbook([gridFromRows("Introduction", rows)], defaultSettings(), dayFromIso(AS_AT)!);

  it("is read as the workbook's matrix: every cell rated (V. Low too), likelihood first", () => {
    const { matrix, sheets } = matrixOf(cddo);
    expect(matrix?.cells).toEqual([
      ["green", "green", "green", "green", "green"],
      ["green", "green", "green", "amber", "amber"],
      ["green", "green", "amber", "amber", "red"],
      ["green", "amber", "amber", "red", "red"],
      ["green", "amber", "red", "red", "red"],
    ]);
    expect(sheets[0].riskMatrix).toBe(true);
  });

  it("rates the register by it: 3 × 2 = 6 is Low there (amber on the default bands), 5 × 1 = 5 Low", () => {
    const reg = gridFromRows("Register", [
      HEADERS,
      row("R1", { Likelihood: 3, Impact: 2, Score: 6, RAG: "Low" }),
      row("R2", { Likelihood: 5, Impact: 1, Score: 5, RAG: "Low" }),
      row("R3", { Likelihood: 2, Impact: 4, Score: 8, RAG: "Low" }),
    ]);
    expect(findings([gridFromRows("Introduction", cddo), reg], "risk/rag-mismatch")).toEqual([
      ["risk/rag-mismatch", "G4"],
    ]);
  });

  it("a register whose first column numbers its risks and whose rating columns are numbered 1–5 is not a matrix", () => {
    // Laid out as a matrix is (1–5 labels down the side and along the top, rating words in every cell), but
    // its ratings go down as well as up: a tracker of each risk's rating month by month.
    const months = ["1 - Apr", "2 - May", "3 - Jun", "4 - Jul", "5 - Aug"];
    const ratings = [
      ["Red", "Red", "Amber", "Amber", "Green"],
      ["Amber", "Amber", "Amber", "Green", "Green"],
      ["Green", "Amber", "Red", "Red", "Amber"],
      ["Red", "Amber", "Green", "Green", "Green"],
      ["Amber", "Red", "Red", "Amber", "Amber"],
    ];
    const titles = ["Pothole claims", "Winter gritting", "Street lighting", "Drainage", "Bridges"];
    const rows: CellValue[][] = [
      ["Risk", ...months],
      ...titles.map((t, k) => [`${k + 1} - ${t}`, ...ratings[k]]),
    ];
    expect(matrixOf(rows).matrix).toBeNull();
  });

  it("a register whose first columns hold 1–5 (its No, likelihood and impact) is not a matrix", () => {
    const headers = ["No", "Likelihood", "Impact", "Inherent RAG", "RAG", "Target RAG", "Risk Owner"];
    const rows: CellValue[][] = [headers];
    for (let n = 1; n <= 5; n++)
      rows.push([n, `${n} - Possible`, `${6 - n} - Moderate`, "High", "Medium", "Low", "Jane Smith"]);
    rows.push([6, 1, 2, "Medium", "Low", "Low", "Jane Smith"]);
    expect(matrixOf(rows).matrix).toBeNull();
    const bare = rows.map((r, k) => (k === 0 ? r : [r[0], k, 6 - k, ...r.slice(3)]));
    expect(matrixOf(bare).matrix).toBeNull();
  });

  it("a heat map of counts on labelled axes is not a matrix", () => {
    const rows: CellValue[][] = cddo.map((r) =>
      r.map((v) => (typeof v === "string" && /\n/.test(v) ? Number(v.split("\n")[1]) % 4 : v)),
    );
    expect(matrixOf(rows).matrix).toBeNull();
  });
});

describe("messages", () => {
  it.each<[string, Record<string, string>, string]>([
    ["Risk {id} has no owner.", { id: "HRC-1" }, "Risk HRC-1 has no owner."],
    ["Risk {id} has no owner.", { id: "Risk 001" }, "Risk 001 has no owner."],
    [
      "Action {action} for risk {risk} was due.",
      { action: "A-1", risk: "Risk 7" },
      "Action A-1 for Risk 7 was due.",
    ],
    ["Risk {id} has no owner.", { id: "Riskiest" }, "Risk Riskiest has no owner."],
  ])("%s with %j", (template, data, expected) => {
    expect(renderMessage(template, data)).toBe(expected);
  });
});

describe("a rating column on the register's own Low/Medium/High scale", () => {
  const reg = (pairs: [number, string][]) =>
    gridFromRows("Register", [
      HEADERS,
      ...pairs.map(([score, rating], k) =>
        row(`R${k + 1}`, { Likelihood: null, Impact: null, Score: score, RAG: rating }),
      ),
    ]);

  it.each<[string, [number, string][], number]>([
    [
      "rising with the score on its own bands (6 Low): not a RAG colour",
      [
        [4, "Low"],
        [6, "Low"],
        [8, "Medium"],
        [9, "Medium"],
        [16, "High"],
      ],
      0,
    ],
    [
      "out of step with itself: checked against the RAG bands",
      [
        [4, "Medium"],
        [6, "Low"],
        [8, "Medium"],
        [9, "Medium"],
        [16, "High"],
      ],
      2,
    ],
    [
      "colour words are always RAG colours",
      [
        [4, "Green"],
        [6, "Green"],
        [8, "Amber"],
        [9, "Amber"],
        [16, "Red"],
      ],
      1,
    ],
    [
      "too few rows to tell",
      [
        [6, "Low"],
        [9, "Medium"],
      ],
      1,
    ],
    [
      "the NHS's words (Low / Moderate / High / Extreme) rising with the score name its own scale: four rows tell",
      [
        [4, "Moderate"],
        [10, "High"],
        [12, "High"],
        [16, "Extreme"],
      ],
      0,
    ],
    [
      "the NHS's words out of step with themselves: checked against the RAG bands",
      [
        [4, "High"],
        [10, "Moderate"],
        [16, "Extreme"],
      ],
      1,
    ],
  ])("%s", (_name, pairs, count) => {
    expect(findings([reg(pairs)], "risk/rag-mismatch").length).toBe(count);
  });

  // Heuristics review 31: a register's own scale survives a slip (four in five rows following it), and the slip
  // is checked against the levels the other rows give their scores.
  const messages = (pairs: [number, string][]) =>
    check([reg(pairs)])
      .findings.filter((f) => f.ruleId === "risk/rag-mismatch")
      .map((f) => f.message);

  it("the NHS's words with one slip (20 rated Moderate among Extremes): the slip alone, on the register's own scale", () => {
    expect(
      messages([
        [2, "Low"],
        [6, "Moderate"],
        [12, "High"],
        [16, "Extreme"],
        [25, "Extreme"],
        [20, "Moderate"],
      ]),
    ).toEqual(["Risk R6 is marked Moderate but its score 20 is Extreme on this register's own scale."]);
  });

  it("a slip between two levels is named by both: 9 rated Low between Moderate (6) and High (12)", () => {
    expect(
      messages([
        [2, "Low"],
        [6, "Moderate"],
        [9, "Low"],
        [12, "High"],
        [16, "Extreme"],
        [25, "Extreme"],
      ]),
    ).toEqual(["Risk R3 is marked Low but its score 9 is Moderate or High on this register's own scale."]);
  });

  it("Low / Medium / High on the RAG bands with one slip: the slip is checked against the RAG bands", () => {
    expect(
      messages([
        [4, "Low"],
        [6, "Medium"],
        [8, "Low"],
        [9, "Medium"],
        [12, "Medium"],
        [16, "High"],
        [20, "High"],
      ]),
    ).toEqual(["Risk R3 is marked Low but its score 8 is Amber."]);
  });

  it("more than one in five rows off any one scale: checked against the RAG bands", () => {
    expect(
      messages([
        [4, "Medium"],
        [6, "Low"],
        [8, "Medium"],
        [9, "Low"],
        [12, "Medium"],
        [16, "High"],
      ]),
    ).toEqual([
      "Risk R1 is marked Medium but its score 4 is Green.",
      "Risk R2 is marked Low but its score 6 is Amber.",
      "Risk R4 is marked Low but its score 9 is Amber.",
    ]);
  });
});
