// Review 3 of council and contractor register layouts (SPEC "Reading sheets", "Real registers", "Fields",
// "Values", "Rules"): registers as risk systems (JCAD, Pentana/Ideagen, 4risk) export them, as highways
// contractors score them, and as Word tables pasted into Excel arrive. Earlier reviews covered section and
// totals rows, dated update lines, word scales, money in words, placeholders, merged ids, repeated header
// rows, group header rows and owner name forms; these cases go past them. "(judgement)" marks an
// expectation SPEC does not spell out, with the reason beside it.

import { formulaKey, gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { checkWorkbook } from "../../../src/core/check";
import type { Report } from "../../../src/core/model/report";

const AS_AT = "2022-10-10";

function check(grids: Grid[], options: { asAt?: string; settings?: Settings } = {}): Report {
  const asAt = options.asAt ?? AS_AT;
  return checkWorkbook(grids, {
    settings: options.settings ?? defaultSettings(),
    asAt,
    today: asAt,
    source: "t.xlsx",
  });
}

/** [rule, cell, record id] of every finding (or one rule's), leaving out the appetite warning unless asked. */
function findings(report: Report, ruleId?: string): [string, string | null, string | null][] {
  return report.findings
    .filter((f) => (ruleId ? f.ruleId === ruleId : f.ruleId !== "risk/above-appetite"))
    .map((f) => [f.ruleId, f.cell, f.recordId]);
}

function columnsOf(report: Report, sheet: string): Record<string, string | null> {
  const info = report.sheets.find((s) => s.name === sheet)!;
  return Object.fromEntries(info.columns.map((c) => [c.header, c.field]));
}

const sheet = (name: string, rows: CellValue[][], extra: Partial<Grid> = {}) =>
  gridFromRows(name, rows, extra);

/** A plain register layout; rows built with `risk()` line up with it (A–K). */
const H = [
  "Risk Ref",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "RAG",
  "Strategy",
  "Actions",
  "Last Reviewed",
  "Status",
];

/** A well-kept open risk as at 10/10/2022 (score 6, amber, within appetite), fields overridden by header. */
function risk(id: CellValue, over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Risk Ref": id,
    "Risk Title": "Winter service failure on the principal road network",
    "Risk Owner": "Head of Highways",
    Likelihood: 2,
    Impact: 3,
    "Risk Score": 6,
    RAG: "Amber",
    Strategy: "Treat",
    Actions: "Winter service plan reviewed with the contractor",
    "Last Reviewed": "03/10/2022",
    Status: "Open",
    ...over,
  };
  return H.map((h) => (h in base ? base[h] : null));
}

const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];

describe("a JCAD export: eight frozen title rows, 'Current Risk Rating' written '16 (Red)'", () => {
  const JCAD = [
    "Risk No.",
    "Risk Title",
    "Risk Owner",
    "Current Likelihood",
    "Current Impact",
    "Current Risk Rating",
    "Risk Response",
    "Action Plan",
    "Last Review Date",
    "Status",
  ];
  // The export starts in column B, under a title block frozen at row 8 (one line reads like a header).
  const titleBlock: CellValue[][] = [
    [null, "Anytown District Council"],
    [null, "Corporate Risk Register"],
    [null, "Report generated 03/10/2022 09:14 by JCAD Core"],
    [null, "Filters: Risk Owner = All; Risk Status = Open"],
    [],
    [null, "OFFICIAL"],
    [],
    [],
  ];
  const at = (rows: CellValue[][]) => rows.map((r) => [null, ...r]);

  it("finds the header on row 9 under the title block and reads both risks", () => {
    const report = check([
      sheet("CRR", [
        ...titleBlock,
        ...at([
          JCAD,
          [
            "CRR 01",
            "Failure of highways contract",
            "Head of Highways",
            "4 - Likely",
            "4 - Major",
            "16 (Red)",
            "Treat",
            "Monthly contract review",
            "03/10/2022",
            "Open",
          ],
          [
            "CRR 02",
            "Budget overspend",
            "Chief Finance Officer",
            "2 - Unlikely",
            "3 - Moderate",
            "6 (Amber)",
            "Treat",
            "Budget monitoring",
            "03/10/2022",
            "Open",
          ],
        ]),
      ]),
    ]);
    const info = report.sheets[0];
    expect([info.kind, info.headerRow]).toEqual(["risk-register", 8]);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["CRR 01", "CRR 02"]);
    expect(findings(report)).toEqual([]);
  });

  it("reports a rating '16 (Red)' beside likelihood 2 × impact 3 (= 6, amber)", () => {
    // SPEC rules: risk/rag-mismatch "a RAG word disagrees with the score's band". The rating's word is Red
    // (its number, 16, disagrees with 2 × 3 as well); either finding will do, silence will not.
    const report = check([
      sheet("CRR", [
        JCAD,
        [
          "CRR 02",
          "Budget overspend",
          "Chief Finance Officer",
          "2 - Unlikely",
          "3 - Moderate",
          "16 (Red)",
          "Treat",
          "Budget monitoring",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    const rules = report.findings.filter((f) => f.recordId === "CRR 02").map((f) => f.ruleId);
    expect(rules.some((r) => r === "risk/rag-mismatch" || r === "risk/score-mismatch")).toBe(true);
  });

  it("(judgement) routes a risk whose only score is a rating '16 (Red)' to the corporate register", () => {
    // Judgement: SPEC calls "Risk Rating" a word, not a number; JCAD writes both, score first. A person reads
    // 16 and Red, and SPEC routes score ≥ 16 to the corporate register. Without L and I columns the 16 is
    // the only score the register gives.
    const report = check([
      sheet("CRR", [
        [
          "Risk No.",
          "Risk Title",
          "Risk Owner",
          "Current Risk Rating",
          "Risk Response",
          "Action Plan",
          "Last Review Date",
          "Status",
        ],
        [
          "CRR 01",
          "Failure of highways contract",
          "Head of Highways",
          "16 (Red)",
          "Treat",
          "Monthly contract review",
          "03/10/2022",
          "Open",
        ],
        [
          "CRR 02",
          "Budget overspend",
          "Chief Finance Officer",
          "6 (Amber)",
          "Treat",
          "Budget monitoring",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    const routed = Object.fromEntries(report.escalations.map((e) => [e.recordId, e.destinations]));
    expect(routed["CRR 01"]).toContain("corporate-register");
    expect(routed["CRR 02"] ?? []).not.toContain("corporate-register");
  });

  it("(judgement) checks the target by a 'Target Risk Rating' of '4 (Green)' once the target date has passed", () => {
    // Judgement: SPEC's targetScore headers are "Target Score, Target Risk Score" (examples, not a closed
    // list); JCAD heads the same column "Target Risk Rating" and writes "4 (Green)". Target date 31/03/2022
    // passed, current score 4 × 4 = 16 above 4: risk/target-passed.
    const report = check([
      sheet("CRR", [
        [
          "Risk No.",
          "Risk Title",
          "Risk Owner",
          "Current Likelihood",
          "Current Impact",
          "Current Risk Rating",
          "Target Risk Rating",
          "Target Date",
          "Risk Response",
          "Action Plan",
          "Last Review Date",
          "Status",
        ],
        [
          "CRR 01",
          "Failure of highways contract",
          "Head of Highways",
          4,
          4,
          "16 (Red)",
          "4 (Green)",
          "31/03/2022",
          "Treat",
          "Monthly contract review",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    expect(findings(report, "risk/target-passed").map(([, , id]) => id)).toEqual(["CRR 01"]);
  });
});

describe("a highways contractor's scales: '4 - Likely', '3 - Moderate', RAG as R / A / G", () => {
  it("reads '5 - Almost Certain' × '5 - Catastrophic' = 25 and routes it to the strategic board", () => {
    const report = check([
      sheet("Contractor Risks", [
        H,
        risk("HRC-001", {
          Likelihood: "5 - Almost Certain",
          Impact: "5 - Catastrophic",
          "Risk Score": 25,
          RAG: "R",
        }),
        risk("HRC-002", { Likelihood: "4 - Likely", Impact: "3 - Moderate", "Risk Score": 12, RAG: "A" }),
      ]),
    ]);
    expect(findings(report)).toEqual([]);
    const hrc1 = report.escalations.find((e) => e.recordId === "HRC-001")!;
    expect(hrc1.destinations).toEqual(expect.arrayContaining(["corporate-register", "strategic-board"]));
  });

  it("reads R / A / G letters as RAG words: 'G' on a score of 12 disagrees, 'g' on 4 does not", () => {
    const report = check([
      sheet("Contractor Risks", [
        H,
        risk("HRC-002", { Likelihood: "4 - Likely", Impact: "3 - Moderate", "Risk Score": 12, RAG: "G" }),
        risk("HRC-003", { Likelihood: "2 - Unlikely", Impact: "2 - Minor", "Risk Score": 4, RAG: "g" }),
      ]),
    ]);
    expect(findings(report)).toEqual([["risk/rag-mismatch", "G2", "HRC-002"]]);
  });
});

describe("formulas: a 5 × 5 register's score column and a =TODAY() review date", () => {
  it("(judgement) takes no finding from template rows that hold only a score formula showing nothing", () => {
    // Registers are set up with =D5*E5 copied down 100 rows; an empty row's result is 0, hidden by the
    // format 0;-0;;@. The officer sees blank rows. SPEC: blank rows are skipped, and risk/missing-id needs
    // "a data row [that] has text". Judgement: a row whose only value is a formula's 0, shown as nothing, is
    // blank, not a risk missing its id, owner, strategy, update and action.
    const rows: CellValue[][] = [H, risk("CRR 01"), risk("CRR 02")];
    const formulas = new Set<number>([formulaKey(1, 5), formulaKey(2, 5)]);
    for (let r = 3; r < 8; r++) {
      const row: CellValue[] = H.map(() => null);
      row[5] = 0;
      rows.push(row);
      formulas.add(formulaKey(r, 5));
    }
    const numberFormats = rows.map((r) => r.map((_, c) => (c === 5 ? "0;-0;;@" : null)));
    const report = check([sheet("Register", rows, { formulas, numberFormats })]);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["CRR 01", "CRR 02"]);
    expect(findings(report)).toEqual([]);
  });

  it("(judgement) reads a Last Review Date of =TODAY() as its cached value: no stale or future date", () => {
    // SPEC: "formulas are read as their cached values". The product does not claim to notice that a
    // review date which is =TODAY() on every row records no review; this pins what SPEC says it does.
    const fmt = H.map((_, c) => (c === 9 ? "dd/mm/yyyy" : null));
    const report = check([
      sheet("Register", [H, risk("R1", { "Last Reviewed": 44844 }), risk("R2", { "Last Reviewed": 44844 })], {
        formulas: new Set([formulaKey(1, 9), formulaKey(2, 9)]),
        numberFormats: [[], fmt, fmt],
      }),
    ]);
    expect(findings(report)).toEqual([]);
  });
});

describe("dates as registers write them: 'Sept-22', 'Q3 22/23', 'Ongoing'", () => {
  it("reads last-reviewed months and quarters as their first day; 'Ongoing' is no date", () => {
    // As at 10/10/2022 an update on or after 10/09/2022 counts. Sept-22 → 01/09 (stale); Oct-22 → 01/10;
    // Q2 22/23 → 01/07 (stale); Ongoing → no update (stale). (judgement) "Q3 22/23" is the short form of
    // SPEC's "Q3 2022/23" (October–December 2022 → 01/10/2022), as registers write it.
    const report = check([
      sheet("Register", [
        H,
        risk("R1", { "Last Reviewed": "Sept-22" }),
        risk("R2", { "Last Reviewed": "Oct-22" }),
        risk("R3", { "Last Reviewed": "Q3 22/23" }),
        risk("R4", { "Last Reviewed": "Ongoing" }),
        risk("R5", { "Last Reviewed": "Q2 22/23" }),
        risk("R6", { "Last Reviewed": "12th Sept 2022" }),
      ]),
    ]);
    expect(findings(report)).toEqual([
      ["risk/stale-update", "J2", "R1"],
      ["risk/stale-update", "J5", "R4"],
      ["risk/stale-update", "J6", "R5"],
    ]);
  });

  it("reads a due month or quarter as its last day; 'Ongoing' due, target or review dates raise nothing", () => {
    const HA = [
      ...H,
      "Action Owner",
      "Action Due Date",
      "Action Status",
      "Target Date",
      "Target Score",
      "Next Review",
    ];
    const row = (id: string, due: CellValue, target: CellValue = null, next: CellValue = null) => [
      ...risk(id, { Likelihood: 3, Impact: 4, "Risk Score": 12 }),
      "Head of Highways",
      due,
      "In progress",
      target,
      target === null ? null : 4,
      next,
    ];
    const report = check([
      sheet("Register", [
        HA,
        row("R1", "Sept-22"), // 30/09/2022: overdue
        row("R2", "Q3 22/23"), // 31/12/2022: not yet due
        row("R3", "Q1 22/23"), // 30/06/2022: overdue
        row("R4", "Ongoing", "Ongoing", "Ongoing"),
        row("R5", "Oct-22", "Q1 22/23", "Sept-22"), // target 30/06/2022 passed; review 30/09/2022 passed
      ]),
    ]);
    expect(findings(report)).toEqual([
      ["risk/action-overdue", "M2", "R1"],
      ["risk/action-overdue", "M4", "R3"],
      ["risk/next-review-passed", "Q6", "R5"],
      ["risk/target-passed", "O6", "R5"],
    ]);
  });

  it("(judgement) reads a date serial of 30/09/2022 shown as 'Sep-22' by its day, not as 1 September", () => {
    // The column is formatted mmm-yy to look tidy; the cell holds 30/09/2022 (serial 44834). Judgement: a
    // serial that is not the 1st was typed as a day (Excel stores a typed "Sep-22" as the 1st), so the day
    // is known and the first-of-month reading SPEC gives a month-only value does not apply: updated within
    // the month before 10/10/2022, not stale. The 1 September serial (44805) is stale either way.
    const fmt = H.map((_, c) => (c === 9 ? "mmm-yy" : null));
    const report = check([
      sheet(
        "Register",
        [H, risk("HW 01", { "Last Reviewed": 44834 }), risk("HW 02", { "Last Reviewed": 44805 })],
        {
          numberFormats: [[], fmt, fmt],
        },
      ),
    ]);
    expect(findings(report, "risk/stale-update")).toEqual([["risk/stale-update", "J3", "HW 02"]]);
  });
});

describe("'Controls in place' beside 'Further actions required'", () => {
  it("maps controls and actions apart: controls alone are no action", () => {
    const HC = [
      "Risk Ref",
      "Risk Title",
      "Risk Owner",
      "Risk Score",
      "Strategy",
      "Controls in place",
      "Further actions required",
      "Last Reviewed",
      "Status",
    ];
    const report = check([
      sheet("Register", [
        HC,
        [
          "CRR 01",
          "Contractor insolvency",
          "Director of Place",
          6,
          "Treat",
          "Parent company guarantee",
          "Quarterly credit checks",
          "03/10/2022",
          "Open",
        ],
        [
          "CRR 02",
          "Winter service failure",
          "Head of Highways",
          6,
          "Treat",
          "Gritting plan",
          null,
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    const cols = columnsOf(report, "Register");
    expect([cols["Controls in place"], cols["Further actions required"]]).toEqual(["controls", "actions"]);
    expect(findings(report)).toEqual([["risk/no-action", "G3", "CRR 02"]]);
  });

  it("(judgement) reads 'Additional Controls Required' beside 'Existing Controls' as the risk's actions", () => {
    // The common council pair (the HSE's five-steps layout): what is in place, and what more is to be done.
    // SPEC's actions headers are examples, not a closed list; the second column is the planned actions, so
    // CRR 01 has an action and risk/no-action must not fire.
    const report = check([
      sheet("Register", [
        [
          "Risk Ref",
          "Risk Title",
          "Risk Owner",
          "Risk Score",
          "Strategy",
          "Existing Controls",
          "Additional Controls Required",
          "Last Reviewed",
          "Status",
        ],
        [
          "CRR 01",
          "Contractor insolvency",
          "Director of Place",
          6,
          "Treat",
          "Parent company guarantee",
          "Quarterly credit checks by Finance",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    expect(findings(report, "risk/no-action")).toEqual([]);
  });
});

describe("risk ids as councils number them: 'CRR 01', 'SR/2022/014', '1.1', 'R-01a'", () => {
  it("links each register id to its actions row, 'SR/2022/014' too (its slashes are not a list of ids)", () => {
    const report = check([
      sheet("Register", [
        H,
        risk("SR/2022/014", { Actions: null }),
        risk("1.1", { Actions: null }),
        risk("R-01a", { Actions: null }),
        risk("R-01", { Actions: null }),
        risk("CRR 01", { Actions: null }),
      ]),
      sheet("Actions", [
        ACTION_HEADERS,
        ["SR/2022/014", "A1", "Internal audit of the contract", "Head of Audit", "30/11/2022", "Open"],
        [1.1, "A2", "Review lane rental charges", "Network Manager", "30/11/2022", "Open"],
        ["R-01a & R-01", "A3", "Agree defects protocol", "Contract Manager", "30/11/2022", "Open"],
        ["CRR 01", "A4", "Parent company guarantee renewed", "Head of Legal", "30/11/2022", "Open"],
      ]),
    ]);
    expect(findings(report)).toEqual([]);
  });

  it("matches an id pasted from Word with non-breaking spaces ('CRR\\u00a001\\u00a0') to 'CRR 01'", () => {
    const report = check([
      sheet("Register", [H, risk("CRR\u00a001\u00a0", { Actions: null })]),
      sheet("Actions", [
        ACTION_HEADERS,
        ["CRR 01", "A1", "Renew the bond", "Head of Legal", "30/11/2022", "Open"],
      ]),
    ]);
    expect(findings(report)).toEqual([]);
  });
});

describe("a Word table pasted into Excel", () => {
  it("reads headers with line breaks and non-breaking spaces in them", () => {
    const report = check([
      sheet("Register", [
        [
          "Risk\nRef",
          "Risk\u00a0Title",
          "Risk Owner\n(job title)",
          "Likelihood\n(1-5)",
          "Impact\n(1-5)",
          "Risk Score\n(L x I)",
          "RAG",
          "Risk Response\n(4Ts)",
          "Mitigating\nActions",
          "Date of\nlast review",
          "Status",
        ],
        risk("CRR 01"),
      ]),
    ]);
    expect(Object.values(columnsOf(report, "Register"))).toEqual([
      "id",
      "title",
      "owner",
      "likelihood",
      "impact",
      "score",
      "rag",
      "strategy",
      "actions",
      "lastUpdated",
      "status",
    ]);
    expect(findings(report)).toEqual([]);
  });

  it("reads headers of two paragraphs split over two rows, the one-line headers merged down over both", () => {
    const report = check([
      sheet(
        "Register",
        [
          [
            "Risk",
            "Risk",
            "Risk",
            "Likelihood",
            "Impact",
            "Score",
            "Strategy",
            "Actions",
            "Date of",
            "Status",
          ],
          [
            "Ref",
            "Title",
            "Owner",
            "Likelihood",
            "Impact",
            "Score",
            "Strategy",
            "Actions",
            "last review",
            "Status",
          ],
          [
            "CRR 01",
            "Winter service failure",
            "Head of Highways",
            2,
            3,
            6,
            "Treat",
            "Plan reviewed",
            "03/10/2022",
            "Open",
          ],
        ],
        { merges: [3, 4, 5, 6, 7, 9].map((c) => ({ top: 0, left: c, bottom: 1, right: c })) },
      ),
    ]);
    expect(report.sheets[0].headerRow).toBe(1);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["CRR 01"]);
    expect(findings(report)).toEqual([]);
  });

  it("(judgement) links a row holding two risks, one per line ('CRR 04\\nCRR 05'), to both risks' actions", () => {
    // SPEC does not claim to read two risks from one row. Judgement: at the least, a row whose id cell lists
    // CRR 04 and CRR 05 (as SPEC's "One action, several risks" lists ids) has the actions sheet's rows for
    // both; "no actions recorded, here or in an actions sheet" is false.
    const report = check([
      sheet("Register", [
        H,
        risk("CRR 04\nCRR 05", {
          "Risk Title": "Winter gritting failure\nFlooding of the A-road underpass",
          Actions: null,
        }),
      ]),
      sheet("Actions", [
        ACTION_HEADERS,
        ["CRR 04", "A1", "Salt stock check", "Head of Highways", "30/11/2022", "Open"],
        ["CRR 05", "A2", "Pump maintenance", "Head of Highways", "30/11/2022", "Open"],
      ]),
    ]);
    expect(findings(report, "risk/no-action")).toEqual([]);
  });

  it("(judgement) reads a row that adds only a further action under a risk as that risk's, not a risk without id", () => {
    // Word rows of one risk often lose their merges on paste: the second action's row has the id, title,
    // owner and scores blank and only Actions / Action Owner / Action Due Date / Action Status filled.
    // SPEC joins rows only under a merged id, but says real registers are "read as a person reads it, never
    // as a record of its own": a person reads the row as CRR 01's second action. Judgement: no
    // missing-id, missing-owner, missing-strategy or stale-update on row 3.
    const HA = [...H, "Action Owner", "Action Due Date", "Action Status"];
    const second: CellValue[] = H.map(() => null);
    second[8] = "Renegotiate the lump sum for winter service";
    const report = check([
      sheet("Register", [
        HA,
        [...risk("CRR 01"), "Head of Highways", "30/11/2022", "In progress"],
        [...second, "Contracts Manager", "31/12/2022", "Not started"],
        [...risk("CRR 02"), "Chief Finance Officer", "31/12/2022", "In progress"],
      ]),
    ]);
    expect(findings(report).filter(([, cell]) => /\D3$/.test(cell ?? ""))).toEqual([]);
  });
});

describe("what sits around the table: keys, numbered headings, page footers, title blocks", () => {
  it("(judgement) takes a colour key under the table ('Key:', 'R = Red (15-25)' …) for no risk", () => {
    // SPEC sets aside section, totals and note rows; a key spread over several cells is none of them by
    // SPEC's words, but no officer reads "Key:" as a risk with no strategy, update or action.
    const report = check([
      sheet("Register", [
        H,
        risk("CRR 01"),
        risk("CRR 02"),
        [],
        ["Key:", "R = Red (15-25)", "A = Amber (5-12)", "G = Green (1-4)"],
        ["Source: JCAD export 03/10/2022"],
      ]),
    ]);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["CRR 01", "CRR 02"]);
    expect(findings(report)).toEqual([]);
  });

  it("(judgement) reads a numbered heading row (1 | 'Finance and resources') over ids 1.1, 1.2 as a section", () => {
    // SPEC's section row "holds one text only"; registers numbered 1.1, 1.2 put the heading's number in the
    // id column and its name in the title column. Judgement: it is a heading, not risk "1" with no owner,
    // strategy, update or action.
    const heading = (n: number, text: string) => H.map((_, c) => (c === 0 ? n : c === 1 ? text : null));
    const report = check([
      sheet("Register", [
        H,
        heading(1, "Finance and resources"),
        risk("1.1"),
        risk("1.2"),
        heading(2, "Service delivery"),
        risk("2.1"),
      ]),
    ]);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["1.1", "1.2", "2.1"]);
    expect(findings(report)).toEqual([]);
  });

  it("(judgement) does not take a printed page footer ('Page 1 of 2', 'Printed …') for a section heading", () => {
    // A register printed to PDF and pasted back keeps its footers before each repeated header row. SPEC: a
    // section row's text is the section of the rows below "until the next section row"; a footer is no
    // heading. Judgement: HW 03 and HW 04 stay in Highways, whose appetite (Open, 12) their score 12 is
    // within, not under a category "Printed 03/10/2022 09:14" at the default appetite.
    const settings = defaultSettings();
    settings.appetite.categories = { Highways: "open" };
    const only = (t: string) => H.map((_, c) => (c === 0 ? t : null));
    const r = (id: string) => risk(id, { Likelihood: 3, Impact: 4, "Risk Score": 12 });
    const report = check(
      [
        sheet("Register", [
          H,
          only("Highways"),
          r("HW 01"),
          r("HW 02"),
          only("Page 1 of 2"),
          only("Printed 03/10/2022 09:14"),
          H,
          r("HW 03"),
          r("HW 04"),
        ]),
      ],
      { settings },
    );
    expect(report.records.risks.map((x) => [x.fields.id?.text ?? null, x.section ?? null])).toEqual([
      ["HW 01", "Highways"],
      ["HW 02", "Highways"],
      ["HW 03", "Highways"],
      ["HW 04", "Highways"],
    ]);
    expect(findings(report, "risk/above-appetite")).toEqual([]);
  });

  it("finds the header under a label : value title block (Directorate:, Register owner:, Last reviewed:)", () => {
    const report = check([
      sheet("Register", [
        ["Place Directorate Risk Register"],
        ["Directorate:", "Place"],
        ["Register owner:", "Director of Place"],
        ["Last reviewed:", "03/10/2022"],
        ["Risk score:", "Likelihood x Impact"],
        ["Status:", "Draft"],
        [],
        [],
        H,
        risk("PL 01"),
      ]),
    ]);
    expect(report.sheets[0].headerRow).toBe(8);
    expect(report.records.risks.map((r) => r.fields.id?.text ?? null)).toEqual(["PL 01"]);
    expect(findings(report)).toEqual([]);
  });
});

describe("risk systems' own exports", () => {
  it("Pentana / Ideagen: Code, Title, Managed By, Original / Current / Target Risk Score, Latest Note (Date)", () => {
    const report = check([
      sheet("Risks", [
        [
          "Code",
          "Title",
          "Description",
          "Managed By",
          "Assigned To",
          "Original Risk Score",
          "Current Risk Score",
          "Current Risk Matrix",
          "Target Risk Score",
          "Internal Controls",
          "Latest Note",
          "Latest Note Date",
          "Status",
        ],
        [
          "CRR 01",
          "Contractor failure",
          "Insolvency of the term contractor",
          "Director of Place",
          "Jo Bloggs",
          20,
          6,
          null,
          4,
          "PCG",
          "Reviewed at CMT",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    const cols = columnsOf(report, "Risks");
    expect(cols).toMatchObject({
      Code: "id",
      Title: "title",
      "Managed By": "owner",
      "Original Risk Score": "inherentScore",
      "Current Risk Score": "score",
      "Target Risk Score": "targetScore",
      "Internal Controls": "controls",
      "Latest Note": "update",
      "Latest Note Date": "lastUpdated",
    });
    // Pentana exports carry no strategy and no action column: SPEC's missing-column and no-action stand.
    expect(
      findings(report)
        .map(([rule]) => rule)
        .sort(),
    ).toEqual(["risk/missing-strategy", "risk/no-action", "sheet/missing-column"].sort());
  });

  it("4risk: Inherent and Residual scores, Risk Treatment, Direction of Travel and Proximity kept unmapped", () => {
    const report = check([
      sheet("Risk Register", [
        [
          "Risk Ref",
          "Risk Title",
          "Risk Owner",
          "Inherent Likelihood",
          "Inherent Impact",
          "Inherent Score",
          "Residual Likelihood",
          "Residual Impact",
          "Residual Score",
          "Direction of Travel",
          "Proximity",
          "Risk Treatment",
          "Controls",
          "Actions",
          "Date Last Reviewed",
          "Risk Status",
        ],
        [
          "4R-001",
          "Contractor failure",
          "Head of Highways",
          4,
          5,
          20,
          2,
          3,
          6,
          "↓",
          "Within 6 months",
          "Treat",
          "PCG",
          "Credit checks",
          "03/10/2022",
          "Open",
        ],
      ]),
    ]);
    expect(columnsOf(report, "Risk Register")).toMatchObject({
      "Inherent Score": "inherentScore",
      "Residual Score": "score",
      "Risk Treatment": "strategy",
      "Direction of Travel": null,
      Proximity: null,
    });
    expect(findings(report)).toEqual([]);
  });

  it("reads 'Before controls' / 'After controls' group labels: the score after controls is the current one", () => {
    const report = check([
      sheet(
        "Register",
        [
          [null, null, null, "Before controls", null, null, "After controls", null, null],
          [
            "Risk Ref",
            "Risk Title",
            "Risk Owner",
            "Likelihood",
            "Impact",
            "Score",
            "Likelihood",
            "Impact",
            "Score",
            "Strategy",
            "Actions",
            "Last Reviewed",
            "Status",
          ],
          [
            "CRR 01",
            "Contractor failure",
            "Head of Highways",
            4,
            5,
            20,
            2,
            3,
            6,
            "Treat",
            "Credit checks",
            "03/10/2022",
            "Open",
          ],
        ],
        {
          merges: [
            { top: 0, left: 3, bottom: 0, right: 5 },
            { top: 0, left: 6, bottom: 0, right: 8 },
          ],
        },
      ),
    ]);
    expect(report.riskScores.map((s) => [s.id, s.score])).toEqual([["CRR 01", 6]]);
    expect(findings(report)).toEqual([]);
  });
});

describe("impact scored on several dimensions, with an Overall Impact", () => {
  // Councils score impact per dimension (financial, reputation, service delivery) and take the highest as
  // the Overall Impact, which the score is likelihood × . Here 3 × 5 = 15.
  const HI = [
    "Risk Ref",
    "Risk Title",
    "Risk Owner",
    "Likelihood",
    "Impact - Financial",
    "Impact - Reputation",
    "Impact - Service Delivery",
    "Overall Impact",
    "Risk Score",
    "Strategy",
    "Actions",
    "Last Reviewed",
    "Status",
  ];
  const register = () =>
    sheet("Register", [
      HI,
      [
        "CRR 01",
        "Contractor insolvency",
        "Director of Place",
        3,
        2,
        4,
        5,
        5,
        15,
        "Treat",
        "Monitor credit",
        "03/10/2022",
        "Open",
      ],
    ]);

  it("(judgement) checks the score against the Overall Impact, not the first impact dimension: no mismatch", () => {
    // SPEC "Fields": the most specific match wins, one column per field. Judgement: "Overall Impact" is the
    // risk's impact and "Impact - Reputation" (4) one of its parts, though each has one word beyond
    // "Impact"; a score of 15 = 3 × 5 is right, and an officer told "15 is not 3 × 4" would laugh.
    expect(findings(check([register()]), "risk/score-mismatch")).toEqual([]);
  });

  it("(judgement) does not take a 1–5 'Impact - Financial' rating for money: no financial cluster route", () => {
    // SPEC routes "any financial impact" to the Financial and Commercial Cluster Group. "Impact - Financial"
    // has the words of "Financial Impact (£)" (word order is ignored), so the mapping follows SPEC's
    // letter; judgement: beside Likelihood and other 1–5 impact dimensions it is a rating, and 2 is not £2.
    const esc = check([register()]).escalations.find((e) => e.recordId === "CRR 01");
    expect(esc?.destinations ?? []).not.toContain("financial-cluster");
  });
});

describe("the workbook's own matrix, and a register turned on its side", () => {
  it("reads a matrix drawn with likelihood 5 at the top, impact along the bottom, impact-weighted", () => {
    // Ratings: any impact 5 is Red; otherwise 15+ Red, 5+ Amber. L1 × I5 = 5 is Red on this matrix (amber on
    // the default bands); L5 × I1 = 5 is Amber. A matrix read the wrong way round swaps the two findings.
    const rating = (l: number, i: number) =>
      i === 5 ? "Red" : l * i >= 15 ? "Red" : l * i >= 5 ? "Amber" : "Green";
    const matrix: CellValue[][] = [["Corporate Risk Matrix"]];
    for (const l of [5, 4, 3, 2, 1])
      matrix.push([l === 3 ? "Likelihood" : null, l, ...[1, 2, 3, 4, 5].map((i) => rating(l, i))]);
    matrix.push([null, null, 1, 2, 3, 4, 5]);
    matrix.push([null, null, "Impact"]);
    const report = check([
      sheet("Risk Matrix", matrix),
      sheet("Register", [
        H,
        risk("R1", { Likelihood: 1, Impact: 5, "Risk Score": 5, RAG: "Red" }),
        risk("R2", { Likelihood: 5, Impact: 1, "Risk Score": 5, RAG: "Red" }),
      ]),
    ]);
    expect(report.sheets.find((s) => s.name === "Risk Matrix")?.riskMatrix).toBe(true);
    expect(findings(report)).toEqual([["risk/rag-mismatch", "G3", "R2"]]);
  });

  it("says plainly it found no table in a register laid out one risk per column (not claimed by SPEC)", () => {
    // SPEC reads header rows, not header columns: a transposed register is not claimed. What it must not do
    // is invent risks or findings from it; the sheet is listed as unknown with the reason.
    const report = check([
      sheet("Register", [
        ["Risk ID", "CRR 01", "CRR 02", "CRR 03"],
        ["Risk Title", "Contractor failure", "Budget overspend", "Winter service"],
        ["Risk Owner", "Director of Place", "Chief Finance Officer", "Head of Highways"],
        ["Likelihood", 3, 2, 4],
        ["Impact", 4, 3, 4],
        ["Risk Score", 12, 6, 16],
        ["Strategy", "Treat", "Tolerate", "Treat"],
        ["Actions", "Credit checks", "Monitoring", "Salt stock"],
        ["Last Reviewed", "03/10/2022", "03/10/2022", "03/10/2022"],
        ["Status", "Open", "Open", "Open"],
      ]),
    ]);
    expect(report.sheets[0].kind).toBe("unknown");
    expect(report.sheets[0].note).toMatch(/no header row/);
    expect(report.records.risks).toEqual([]);
    expect(report.findings).toEqual([]);
  });
});
