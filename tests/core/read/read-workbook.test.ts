// Finding the header row and reading the table (SPEC "Reading sheets"): title, group-header and
// help-text rows, tables that start in column B, repeated headers, continuation and shifted rows.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { PLAN_HEADERS, planRow, REGISTER_HEADERS, risk } from "../rules/harness";

const AS_AT = dayFromIso("2022-10-10")!;

function read(grids: Grid[]) {
  return readWorkbook(grids, defaultSettings(), AS_AT);
}

const letter = (col: number) => String.fromCharCode(65 + col);

describe("readWorkbook: header row", () => {
  it("finds the header below title rows", () => {
    const g = gridFromRows("Reg", [
      ["Contract Risk Register"],
      ["Prepared by the client team", null, "OFFICIAL"],
      [],
      REGISTER_HEADERS,
      risk(),
    ]);
    const { sheets, records } = read([g]);
    expect(sheets[0]).toMatchObject({ kind: "risk-register", headerRow: 3, recordCount: 1 });
    expect(records.risks[0].row).toBe(4);
  });

  it("finds a header row that starts in column B (leading empty column)", () => {
    const g = gridFromRows("Reg", [[], [null, ...REGISTER_HEADERS], [null, ...risk()]]);
    const { sheets, records } = read([g]);
    expect(sheets[0]).toMatchObject({ kind: "risk-register", headerRow: 1 });
    expect(sheets[0].columns.find((c) => c.field === "id")?.col).toBe(1);
    expect(records.risks[0].fields.id?.text).toBe("HRC-001");
  });

  it("finds a header row in a used range that starts at B3 (offset grid)", () => {
    const g = gridFromRows("Reg", [REGISTER_HEADERS, risk()], { rowOffset: 2, colOffset: 1 });
    const { sheets, records } = read([g]);
    expect(sheets[0]).toMatchObject({ kind: "risk-register", headerRow: 2 });
    expect(records.risks[0]).toMatchObject({ row: 3 });
    expect(records.risks[0].fields.strategy).toMatchObject({ text: "Treat", row: 3, col: 8 });
  });

  it("does not look for a header below row 20", () => {
    const g = gridFromRows("Reg", [...Array.from({ length: 20 }, () => ["note"]), REGISTER_HEADERS, risk()]);
    expect(read([g]).sheets[0].kind).toBe("unknown");
  });

  it("qualifies Likelihood / Impact / Score by a merged group-header row above", () => {
    const headers = [
      "Risk ID",
      "Risk Title",
      "Likelihood",
      "Impact",
      "Score",
      "Likelihood",
      "Impact",
      "Score",
      "Likelihood",
      "Impact",
      "Score",
      "Strategy",
      "Owner",
      "Last Updated",
    ];
    const groups: CellValue[] = [
      null,
      null,
      "Inherent",
      null,
      null,
      "Residual",
      null,
      null,
      "Target",
      null,
      null,
    ];
    const g = gridFromRows(
      "Reg",
      [
        ["Register"],
        groups,
        headers,
        ["R1", "Flooding", 4, 5, 20, 3, 4, 12, 2, 2, 4, "Treat", "Jo", "01/10/2022"],
      ],
      {
        merges: [
          { top: 1, left: 2, bottom: 1, right: 4 },
          { top: 1, left: 5, bottom: 1, right: 7 },
          { top: 1, left: 8, bottom: 1, right: 10 },
        ],
      },
    );
    const { sheets, records } = read([g]);
    expect(sheets[0].headerRow).toBe(2);
    expect(sheets[0].columns.slice(2, 11).map((c) => c.field)).toEqual([
      "inherentLikelihood",
      "inherentImpact",
      "inherentScore",
      "likelihood",
      "impact",
      "score",
      "targetLikelihood",
      "targetImpact",
      "targetScore",
    ]);
    expect(records.risks[0].fields.score?.value).toBe(12);
  });

  it.each([
    ["Previous", "Current"],
    ["Last month", "This month"],
  ])(
    "keeps the block under '%s' apart from the one under '%s' (each label written once, over its block's first column)",
    (earlier, now) => {
      const headers = [
        "Risk ID",
        "Risk Title",
        "Likelihood",
        "Impact",
        "Score",
        "Likelihood",
        "Impact",
        "Score",
      ];
      const g = gridFromRows("Reg", [
        [null, null, earlier, null, null, now, null, null],
        [...headers, "Strategy", "Owner", "Last Updated"],
        ["R1", "Flooding", 5, 5, 25, 2, 2, 4, "Treat", "Jo", "01/10/2022"],
      ]);
      const { sheets, records } = read([g]);
      expect(sheets[0].columns.slice(2, 8).map((c) => c.field)).toEqual([
        "previousLikelihood",
        "previousImpact",
        "previousScore",
        "likelihood",
        "impact",
        "score",
      ]);
      expect(records.risks[0].fields.score?.value).toBe(4);
    },
  );

  it("skips a help-text row directly under the header", () => {
    const help = [
      null,
      "Short title",
      "Named officer",
      "1 = rare … 5 = almost certain",
      "1–5",
      "L × I",
      "R/A/G",
      "Treat, Tolerate, Transfer, Terminate",
      "What is being done",
      "dd/mm/yyyy",
      "Latest position",
      "dd/mm/yyyy",
      "Open / Closed",
      "£",
      "Who",
    ];
    const g = gridFromRows("Reg", [REGISTER_HEADERS, help, risk(), risk({ id: "HRC-002" })]);
    const { records } = read([g]);
    expect(records.risks.map((r) => [r.row, r.fields.id?.text])).toEqual([
      [2, "HRC-001"],
      [3, "HRC-002"],
    ]);
  });

  it("skips blank rows and a header row repeated inside the table", () => {
    const g = gridFromRows("Reg", [
      REGISTER_HEADERS,
      risk(),
      [],
      [null, "  "],
      REGISTER_HEADERS,
      risk({ id: "HRC-002" }),
    ]);
    expect(read([g]).records.risks.map((r) => r.row)).toEqual([1, 5]);
  });

  it("gives merged cells' value to the whole area and strips HTML tags", () => {
    const g = gridFromRows(
      "Reg",
      [
        REGISTER_HEADERS,
        risk({
          owner: "Jane Smith",
          update: '<p>Inspections <b>increased</b></p><ul class="x"><li>weekly</li></ul>',
        }),
        risk({ id: "HRC-002", owner: null }),
      ],
      {
        merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
      },
    );
    const [a, b] = read([g]).records.risks;
    expect(b.fields.owner?.text).toBe("Jane Smith");
    expect(a.fields.update?.text).toBe("Inspections increased weekly");
  });

  it("says which sheets were read without their merged areas (the host could not list them)", () => {
    const unread = gridFromRows("Busy", [REGISTER_HEADERS, risk()], { mergesUnread: "too-many" });
    const plain = gridFromRows("Reg", [REGISTER_HEADERS, risk()]);
    const { sheets } = read([unread, plain]);
    expect(sheets.map((s) => [s.name, s.mergesUnread])).toEqual([
      ["Busy", "too-many"],
      ["Reg", undefined],
    ]);
  });

  it("never takes an owned tab for a register", () => {
    const g = gridFromRows("Escalation", [REGISTER_HEADERS, risk()], { owned: true });
    expect(read([g]).sheets[0].kind).toBe("unknown");
    expect(read([g]).records.risks).toEqual([]);
  });

  it("reads the Update Log tab and an actions sheet by their headers", () => {
    const log = gridFromRows(
      "Update Log",
      [
        ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy"],
        ["05/10/2022", "HRC-001", "JS", "", "Yes", 12, "Treat"],
      ],
      { owned: true },
    );
    const actions = gridFromRows("Anything", [
      ["Risk Reference", "Action Ref", "Action Description", "Action Owner", "Target Date", "Action Status"],
      ["HRC-001", "A1", "Inspect", "Jo", "01/11/2022", "Open"],
    ]);
    // The log is left in its grid for the history to read by columns; the check counts its rows.
    const { sheets, updateLogs } = read([log, actions]);
    expect(sheets.map((s) => [s.name, s.kind])).toEqual([
      ["Update Log", "update-log"],
      ["Anything", "actions"],
    ]);
    expect(updateLogs.map((l) => [l.grid.sheetName, l.headerRow, l.fieldColumns.get("riskId")])).toEqual([
      ["Update Log", 0, 1],
    ]);
    const checked = checkWorkbook([log, actions], {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      source: "t",
    });
    expect(checked.sheets.map((s) => [s.name, s.recordCount])).toEqual([
      ["Update Log", 1],
      ["Anything", 1],
    ]);
  });
});

describe("readWorkbook: a bare Review Date column", () => {
  const headers = ["Risk ID", "Risk Title", "Risk Owner", "Current Risk Score", "Strategy", "Review Date"];
  const sheet = (...dates: CellValue[]) =>
    gridFromRows("Reg", [headers, ...dates.map((d, i) => [`R${i}`, "t", "o", 4, "Treat", d])]);

  it.each<[string, CellValue[], string]>([
    ["mostly before the as-at date: last updated", ["01/09/2022", "15/09/2022", "01/12/2022"], "lastUpdated"],
    ["mostly after the as-at date: next review", ["01/11/2022", "15/12/2022", "01/09/2022"], "nextReview"],
    ["all blank or unreadable: next review", [null, "TBC"], "nextReview"],
  ])("%s", (_name, dates, field) => {
    const { sheets, records, layouts } = read([sheet(...dates)]);
    expect(sheets[0].columns.find((c) => c.header === "Review Date")?.field).toBe(field);
    expect(layouts.get("Reg")?.mapping?.fieldColumns.get(field)).toBe(5);
    const withDate = records.risks.find((r) => r.fields[field as "lastUpdated"]?.text);
    if (dates.some((d) => d === "01/09/2022")) expect(withDate).toBeDefined();
    expect(records.risks.every((r) => !("reviewDate" in r.fields))).toBe(true);
  });

  it("becomes next review when the sheet already has a last-updated column", () => {
    const g = gridFromRows("Reg", [
      [...headers, "Last Updated"],
      ["R1", "t", "o", 4, "Treat", "01/09/2022", "01/10/2022"],
    ]);
    expect(
      read([g])
        .sheets[0].columns.map((c) => c.field)
        .slice(5),
    ).toEqual(["nextReview", "lastUpdated"]);
  });

  it("is left unmapped, never named `reviewDate`, when the sheet has a last-updated and a next-review column", () => {
    const g = gridFromRows("Reg", [
      [...headers, "Last Updated", "Next Review"],
      ["R1", "t", "o", 4, "Treat", "01/09/2022", "01/10/2022", "01/11/2022"],
    ]);
    const { sheets, layouts } = read([g]);
    expect(sheets[0].columns.map((c) => c.field).slice(5)).toEqual([null, "lastUpdated", "nextReview"]);
    expect(sheets[0].unmapped).toEqual(["Review Date"]);
    expect(layouts.get("Reg")?.mapping?.fieldColumns.has("reviewDate")).toBe(false);
  });
});

describe("readTable: the plan", () => {
  const blankRow = (cells: Partial<Record<number, string>>): CellValue[] =>
    PLAN_HEADERS.map((_, i) => cells[i] ?? null);
  const planGrid = (...rows: CellValue[][]) =>
    gridFromRows("Plan", [["Improvement Plan – Close Out"], [], PLAN_HEADERS, ...rows]);

  it("carries No and Improvement Aim down until a new value appears; Background may change within an aim", () => {
    const g = planGrid(
      planRow({ no: "1.", aim: "Risk Management.", background: "B1" }),
      planRow({ no: null, aim: null, background: null }),
      planRow({ no: null, aim: null, background: "B1 second finding" }),
      planRow({ no: "2.", aim: "Relationship Management.", background: "B2" }),
      planRow({ no: null, aim: null, background: null }),
    );
    expect(
      read([g]).records.plan.map((p) => [p.fields.no?.text, p.fields.aim?.text, p.fields.background?.text]),
    ).toEqual([
      ["1.", "Risk Management.", "B1"],
      ["1.", "Risk Management.", "B1"],
      ["1.", "Risk Management.", "B1 second finding"],
      ["2.", "Relationship Management.", "B2"],
      ["2.", "Relationship Management.", "B2"],
    ]);
  });

  it("joins the first row after a repeated header (no No, date or leads) to the row above the header, in every column", () => {
    const g = planGrid(
      planRow({ action: "Contract risks to be managed through a monthly risk board and action" }),
      [],
      PLAN_HEADERS,
      blankRow({ 1: "and aim continued.", 3: "plan, which is tracked monthly.", 8: "and logs." }),
      planRow({ no: null, aim: null, action: "Next action" }),
    );
    const plan = read([g]).records.plan;
    expect(plan).toHaveLength(2);
    expect(plan[0].rows).toEqual([3, 6]);
    expect(plan[0].fields.action?.text).toBe(
      "Contract risks to be managed through a monthly risk board and action plan, which is tracked monthly.",
    );
    expect(plan[0].fields.aim?.text).toBe("Risk Management. and aim continued.");
    expect(plan[0].fields.evidence?.text).toBe("Meeting minutes and logs.");
    // The joined aim carries down to the next action of the same aim.
    expect(plan[1].fields.aim?.text).toBe("Risk Management. and aim continued.");
  });

  it("does not join a row after a repeated header that has its own date or leads", () => {
    const g = planGrid(planRow(), [], PLAN_HEADERS, planRow({ no: null, aim: null, action: "Own action" }));
    expect(read([g]).records.plan.map((p) => p.rows)).toEqual([[3], [6]]);
  });

  it("does not join a row that is not after a repeated header", () => {
    const g = planGrid(planRow(), blankRow({ 3: "Loose note" }));
    expect(read([g]).records.plan.map((p) => p.rows)).toEqual([[3], [4]]);
  });

  it("reads a shifted row realigned, keeping the carried No and aim", () => {
    const g = planGrid(planRow(), [
      "Shifted action",
      "April 2022",
      null,
      "RC",
      "MA",
      "Completed. Done.",
      "Minutes",
    ]);
    const [, shifted] = read([g]).records.plan;
    expect(shifted.realigned).toBe(true);
    const fields = Object.fromEntries(
      Object.entries(shifted.fields).map(([f, c]) => [f, `${letter(c!.col)}:${c!.text}`]),
    );
    expect(fields).toEqual({
      no: "A:1.",
      aim: "B:Risk Management.",
      background: "C:Risk register not reported",
      action: "A:Shifted action",
      date: "B:April 2022",
      leadDirector: "D:RC",
      leadOfficer: "E:MA",
      status: "F:Completed. Done.",
      evidence: "G:Minutes",
    });
  });
});

describe("a Risk Rating column holding numbers", () => {
  const rows = (ratings: (string | number)[]) => [
    [
      "Risk Ref",
      "Risk Title",
      "Owner",
      "Likelihood",
      "Impact",
      "Risk Rating",
      "Strategy",
      "Actions",
      "Last Updated",
    ],
    ...ratings.map((r, i) => [`R${i + 1}`, "t", "o", 3, 4, r, "Treat", "a", "01/10/2022"]),
  ];
  const run = (ratings: (string | number)[]) =>
    checkWorkbook([gridFromRows("Reg", rows(ratings))], {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      source: "x",
    });

  it("is read as the score when most values are numbers, so score rules apply", () => {
    const report = run([12, 10, 12]);
    expect(report.sheets[0].columns.find((c) => c.header === "Risk Rating")?.field).toBe("score");
    expect(report.findings.filter((f) => f.ruleId === "risk/score-mismatch").map((f) => f.cell)).toEqual([
      "F3",
    ]);
  });

  it("stays the RAG when it holds words", () => {
    const report = run(["Amber", "Red", "Amber"]);
    expect(report.sheets[0].columns.find((c) => c.header === "Risk Rating")?.field).toBe("rag");
    expect(report.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => f.cell)).toEqual([
      "F3",
    ]);
  });
});

describe("a Rating column under a Current Risk group", () => {
  const run = (ratings: (string | number)[]) =>
    checkWorkbook(
      [
        gridFromRows("Reg", [
          ["Risk Ref", "Risk Title", "Owner", "Current Risk", "Current Risk", "Current Risk", "Strategy"],
          ["Risk Ref", "Risk Title", "Owner", "Likelihood", "Impact", "Rating", "Strategy"],
          ...ratings.map((r, i) => [`R${i + 1}`, "t", "o", 3, 4, r, "Treat"]),
        ]),
      ],
      { settings: defaultSettings(), asAt: "2022-10-10", source: "x" },
    );
  const fieldOfRating = (report: ReturnType<typeof run>) =>
    report.sheets[0].columns.find((c) => c.header === "Rating")?.field;

  it("is the score when it holds numbers", () => {
    expect(fieldOfRating(run([12, 12, 10]))).toBe("score");
  });

  it("is the RAG when it holds words and the sheet has no RAG column", () => {
    const report = run(["Amber", "Red", "Amber"]);
    expect(fieldOfRating(report)).toBe("rag");
    expect(report.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => f.cell)).toEqual([
      "F4",
    ]);
  });
});

describe("readTable: a register's header printed again at a page break", () => {
  // Each variant of the header row, between two risks: a copy, whatever its case, spaces and punctuation
  // (or a Kelvin sign standing for a K), is set aside; a row of words that merely start like the headers is a risk.
  const upper = REGISTER_HEADERS.map((h) => h.toUpperCase());
  it.each<[string, CellValue[], number]>([
    ["an exact copy", REGISTER_HEADERS, 2],
    ["in capitals", upper, 2],
    ["with doubled spaces and hyphens", REGISTER_HEADERS.map((h) => h.replace(" ", "  -")), 2],
    ["with a Kelvin sign for a K", REGISTER_HEADERS.map((h) => h.replace(/k/gi, "\u212a")), 2],
    [
      "words that start like the headers",
      risk({ id: "HRC-003", title: "Risk Titles lost", owner: "Risk Owners Group", status: "Open" }),
      3,
    ],
  ])("%s", (_what, middle, risks) => {
    const g = gridFromRows("Reg", [
      REGISTER_HEADERS,
      risk({ id: "HRC-001" }),
      middle,
      risk({ id: "HRC-002" }),
    ]);
    const { records } = read([g]);
    expect(records.risks).toHaveLength(risks);
    expect(records.risks.map((r) => r.fields.id?.text)).toContain("HRC-002");
  });
});

describe("columns whose cells say what they are not (rv-real30)", () => {
  const fieldsOf = (g: Grid) =>
    Object.fromEntries(read([g]).sheets[0].columns.map((c) => [`${letter(c.col)} ${c.header}`, c.field]));

  it("a column of direction arrows is no field, even under a merged header that names one: the header goes to the next", () => {
    const header = "Risk Control / Response and Post Mitigation RAG score";
    const g = gridFromRows(
      "Reg",
      [
        ["Ref", "Strategic Risks", "Pre Mitigation RAG rating", header, null, "Post Mitigation RAG rating"],
        ["Strat-5", "Funding", "R", "↔", "We employ a robust planning process.", "R"],
        ["Strat-1", "Roads", "R", "↑", "Additional capital investment.", "R"],
        ["Strat-9", "Workforce", "R", "↓", "Workforce strategy agreed.", "A"],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }] },
    );
    expect(fieldsOf(g)).toEqual({
      "A Ref": "id",
      "B Strategic Risks": "title",
      "C Pre Mitigation RAG rating": null,
      [`D ${header}`]: null,
      [`E ${header}`]: "controls",
      "F Post Mitigation RAG rating": "rag",
    });
  });

  it("a column of words is read as its header says, whatever arrows a few of its cells hold", () => {
    const g = gridFromRows("Reg", [
      ["Risk ID", "Risk Title", "Risk Owner", "Score", "Latest Update"],
      ["R1", "t", "o", 12, "↑ Costs rising"],
      ["R2", "t", "o", 9, "No change"],
      ["R3", "t", "o", 6, "↓"],
    ]);
    expect(fieldsOf(g)["E Latest Update"]).toBe("update");
  });

  it("an impact column of prose is no impact; it is the description where the sheet has none", () => {
    const rows = (headers: string[], consequence: (k: number) => CellValue) => [
      headers,
      ...[1, 2, 3].map((k) => [`R${k}`, "A title", consequence(k), 3, 12, "Treat"]),
    ];
    const withDescription = [
      "Risk Reference",
      "Description",
      "Consequences",
      "Likelihood",
      "Score",
      "Strategy",
    ];
    const prose = () => "Reputational damage; regulatory intervention";
    expect(fieldsOf(gridFromRows("Reg", rows(withDescription, prose)))).toMatchObject({
      "B Description": "description",
      "C Consequences": null,
    });
    const titleOnly = ["Risk Reference", "Risk Title", "Consequences", "Likelihood", "Score", "Strategy"];
    const g = gridFromRows("Reg", rows(titleOnly, prose));
    expect(fieldsOf(g)["C Consequences"]).toBe("description");
    expect(read([g]).records.risks[0].fields.description?.text).toBe(prose());
    // A Consequence column of ratings (numbers, or words on the impact scale) is the impact.
    expect(
      fieldsOf(
        gridFromRows(
          "Reg",
          rows(titleOnly, (k) => k + 1),
        ),
      )["C Consequences"],
    ).toBe("impact");
    expect(
      fieldsOf(
        gridFromRows(
          "Reg",
          rows(titleOnly, (k) => ["Minor", "Moderate", "Major"][k - 1]),
        ),
      )["C Consequences"],
    ).toBe("impact");
    // Ratings with their meaning after them rate (heuristics review 31); prose whose only number is an amount
    // in its words does not.
    const meant = ["Minor – short delay", "3 – Moderate: local press", "Major – £250k loss"];
    expect(
      fieldsOf(
        gridFromRows(
          "Reg",
          rows(titleOnly, (k) => meant[k - 1]),
        ),
      )["C Consequences"],
    ).toBe("impact");
    const amounts = (k: number) => `Reputational damage; £${k * 100}k claim`;
    expect(fieldsOf(gridFromRows("Reg", rows(titleOnly, amounts)))["C Consequences"]).toBe("description");
  });

  it("a Risk Status column of strategy words is the strategy; one holding a status word stays the status", () => {
    const rows = (statuses: string[]) => [
      ["Risk Ref", "Risk Title", "Risk Owner", "Current Risk Rating", "Risk Status", "Status"],
      ...statuses.map((st, k) => [`R${k + 1}`, "t", "o", 12, st, "On track"]),
    ];
    expect(fieldsOf(gridFromRows("Reg", rows(["Treat", "Tolerate", "Transfer", ""])))).toMatchObject({
      "E Risk Status": "strategy",
      "F Status": null,
    });
    const g = gridFromRows("Reg", rows(["Treat", "Tolerate"]));
    expect(read([g]).records.risks[1].fields.strategy?.text).toBe("Tolerate");
    expect(fieldsOf(gridFromRows("Reg", rows(["Treat", "Open"])))["E Risk Status"]).toBe("status");
    // "Transferred" is a strategy word's form but a closed status too: the column stays the status.
    expect(fieldsOf(gridFromRows("Reg", rows(["Treat", "Transferred"])))["E Risk Status"]).toBe("status");
    expect(fieldsOf(gridFromRows("Reg", rows(["Open", "Closed"])))["E Risk Status"]).toBe("status");
  });

  it("an actions sheet's bare Description is the action beside an action id, and alone makes no actions sheet", () => {
    const withId = gridFromRows("Actions", [
      ["Risk no", "Action no", "Description", "Due Date"],
      ["CR20", "CR20a", "Deliver the programme", "31/03/2023"],
    ]);
    expect(read([withId]).sheets[0]).toMatchObject({ kind: "actions" });
    expect(fieldsOf(withId)["C Description"]).toBe("action");
    const register = gridFromRows("Reg", [
      ["Risk ID", "Description", "Owner", "Target Date", "Status"],
      ["R1", "Something happens", "Jo", "01/12/2022", "Open"],
    ]);
    expect(read([register]).sheets[0].kind).toBe("risk-register");
  });
});
