// Heuristics review 29 (rv29-misfire): the reading rules this session added — a field kept month by month,
// sheets and sections of closed risks, opportunities, own actions kept one a line on the register, and issues
// logs — run on registers an officer would call perfectly ordinary. Each workbook is one a council keeps; the
// question is whether a new rule takes an ordinary column, heading, sheet name, strategy or cell for what it
// is not (a spend profile for monthly updates, "Closed Circuit Television" for closed risks, "Take action to
// reduce" for an opportunity, a progress note for a second action, a "Risk & Issues Log" for an issues log).
// Each test is run as an officer runs the tool: `risk-review check FILE --as-at 2022-09-30 --format json`.
// Each cites the SPEC.md passage it rests on, or "(judgement)" where SPEC is silent and an officer's reading
// decides. Tests named "guard:" keep the ordinary reading a fix must not break.

import * as path from "path";
import type ExcelJS from "exceljs";
import type { JsonFinding, JsonReport, JsonSheet } from "../../src/cli/format-json";
import { tempFolder } from "../helpers/test-files";
import { checkJson, d, writeBook, type Cell } from "./helpers/review-book";

jest.setTimeout(120_000);

const AS_AT = "2022-09-30";
const tmp = tempFolder("crr-rv29-misfire-");
let files = 0;

interface Sheet {
  name: string;
  rows: Cell[][];
  /** Number format of the date cells of these 0-based rows (a month header shown "Sep-22"). */
  monthRows?: number[];
  /** Extra set-up (merged group headers). */
  build?: (ws: ExcelJS.Worksheet) => void;
}

/** Writes a workbook as an officer lays it out (see writeBook). */
function book(sheets: Sheet[]): Promise<string> {
  const file = path.join(tmp, `misfire-${++files}.xlsx`);
  return writeBook(
    file,
    sheets.map((s) => ({
      ...s,
      dateFormat: (i: number) => (s.monthRows?.includes(i) ? "mmm-yy" : "dd/mm/yyyy"),
      wrapLines: true,
    })),
  );
}

/** `risk-review check FILE --as-at 2022-09-30 --format json`. */
const check = (file: string): Promise<JsonReport> => checkJson(file, AS_AT);

const of = (json: JsonReport, rule: string, id?: string): JsonFinding[] =>
  json.findings.filter((f) => f.ruleId === rule && (id === undefined || f.recordId === id));
const staleIds = (json: JsonReport): string[] =>
  of(json, "risk/stale-update")
    .map((f) => f.recordId ?? "")
    .sort();
const sheetOf = (json: JsonReport, name: string): JsonSheet | undefined =>
  json.sheets.find((s) => s.name === name);
/** Where a risk is routed: its escalation's destinations (none when it is not routed). */
const routed = (json: JsonReport, id: string): string[] =>
  json.escalations.find((e) => e.recordId === id)?.destinations ?? [];

// ---------------------------------------------------------------------------------------------------
// An ordinary register: Last Updated dates each risk; a "fresh" risk was reviewed 15/09/2022 (in the period),
// a "stale" one on 01/05/2022 (five months before the as-at date).

const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Strategy",
  "Mitigating Actions",
  "Latest Update",
  "Last Updated",
  "Status",
];
const FRESH = d(2022, 9, 15);
const STALE = d(2022, 5, 1);

interface R {
  title?: string;
  l?: number;
  i?: number;
  strategy?: string;
  actions?: string;
  update?: string;
  last?: Date | null;
}

/** One register row in HEAD's columns, with `extra` cells after them. */
function row(id: string, r: R = {}, extra: Cell[] = []): Cell[] {
  const l = r.l ?? 3;
  const i = r.i ?? 3;
  return [
    id,
    r.title ?? `Risk ${id}`,
    "Jo Smith",
    l,
    i,
    l * i,
    r.strategy ?? "Treat",
    r.actions ?? "Monthly inspections of the network",
    r.update ?? "Reviewed at Risk Management Board",
    r.last === undefined ? FRESH : r.last,
    "Open",
    ...extra,
  ];
}

// ---------------------------------------------------------------------------------------------------
// 1. Month columns: ordinary columns that mention periods are not a field kept month by month

describe("month columns: ordinary period columns are not monthly updates", () => {
  it("guard: money kept by period (Q1…Q4, 2022/23 | 2023/24, 'Budget Sep-22 | Spend Sep-22', a spend profile Apr-22…Mar-23) is no update", async () => {
    // SPEC Latest update: a risk's latest update is its lastUpdated, the dated lines of its update text, its
    // actions' update dates and its Update Log entries — a sum of money in a period's column is none of them.
    // README reads months under a group header "such as Monthly Update or RAG" as that field. (judgement: a
    // finance column headed by a quarter, a financial year or a month says which period the money is for, not
    // that the risk was reviewed then; XX-02 of each register, last reviewed 01/05/2022, stays stale.)
    const months = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((m) => d(m >= 4 ? 2022 : 2023, m, 1));
    const grouped = (group: string, heads: Cell[], one: Cell[], two: Cell[], id: string): Sheet => ({
      name: "Risk Register",
      monthRows: [1],
      rows: [
        [...HEAD.map(() => null), group, ...heads.slice(1).map(() => null)],
        [...HEAD, ...heads],
        row(`${id}-01`, {}, one),
        row(`${id}-02`, { last: STALE }, two),
      ],
      build: (ws) => ws.mergeCells(1, HEAD.length + 1, 1, HEAD.length + heads.length),
    });
    const registers: Record<string, Sheet> = {
      QS: grouped(
        "Spend 2022/23 (£k)",
        ["Q1", "Q2", "Q3", "Q4"],
        [12, 15, 9, null],
        [40, 38, 41, null],
        "QS",
      ),
      FY: grouped(
        "Budget (£)",
        ["2022/23", "2023/24", "2024/25"],
        [120000, 80000, 0],
        [250000, 250000, 0],
        "FY",
      ),
      BS: {
        name: "Risk Register",
        rows: [
          [...HEAD, "Budget Sep-22", "Spend Sep-22"],
          row("BS-01", {}, [15000, 12000]),
          row("BS-02", { last: STALE }, [30000, 31500]),
        ],
      },
      SP: grouped(
        "Forecast spend (£k)",
        months,
        [5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8],
        [20, 20, 22, 22, 25, 25, 25, 25, 30, 30, 30, 30],
        "SP",
      ),
    };
    const seen: Record<string, { byMonth: unknown; stale: string[] }> = {};
    const expected: Record<string, { byMonth: unknown; stale: string[] }> = {};
    for (const [id, sheet] of Object.entries(registers)) {
      const json = await check(await book([sheet]));
      seen[id] = { byMonth: sheetOf(json, "Risk Register")?.byMonth, stale: staleIds(json) };
      expected[id] = { byMonth: undefined, stale: [`${id}-02`] };
    }
    expect(seen).toEqual(expected);
  });

  it("guard: Likelihood | Impact | Score under 'Inherent' and again under 'Residual' group headers: the residual score is the current one", async () => {
    // SPEC Reading sheets: a group-header row (Inherent / Residual / Target) qualifies the headers below;
    // Fields: likelihood, impact, score are the current or residual ones. IR-01 is residual 4×5 = 20
    // (corporate-register, SPEC Escalation), inherent 5×5 = 25 (not strategic-board: inherent is not current).
    const head = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Likelihood",
      "Impact",
      "Score",
      "Likelihood",
      "Impact",
      "Score",
      "Strategy",
      "Mitigating Actions",
      "Last Updated",
      "Status",
    ];
    const json = await check(
      await book([
        {
          name: "Risk Register",
          rows: [
            [null, null, null, "Inherent", null, null, "Residual", null, null, null, null, null, null],
            head,
            [
              "IR-01",
              "Bridge joint failure",
              "Jo Smith",
              5,
              5,
              25,
              4,
              5,
              20,
              "Treat",
              "Inspections",
              FRESH,
              "Open",
            ],
            [
              "IR-02",
              "Gritting fleet",
              "Jo Smith",
              3,
              3,
              9,
              2,
              2,
              4,
              "Tolerate",
              "Spare hire",
              FRESH,
              "Open",
            ],
          ],
          build: (ws) => {
            ws.mergeCells(1, 4, 1, 6);
            ws.mergeCells(1, 7, 1, 9);
          },
        },
      ]),
    );
    expect(sheetOf(json, "Risk Register")?.byMonth).toBeUndefined();
    expect(of(json, "risk/score-mismatch")).toEqual([]);
    expect(routed(json, "IR-01")).toEqual(["corporate-register"]);
    expect(routed(json, "IR-02")).toEqual([]);
  });

  it("'Update (Sep-22)' (or 'Update Sep-22') as the register's only update column dates its words September; a blank one is no update", async () => {
    // README: a field kept month by month is read from its month, "dated the month's first day (so such a
    // register lacks no last-updated column)"; SPEC Values: a month as a last-updated date is its first day.
    // (judgement: a register keeping only this month's column — last month's copied off — dates its updates
    // by that header just as a run of month columns does: UC-01 updated 01/09/2022, UC-02 not updated.)
    const head = HEAD.filter((h) => h !== "Latest Update" && h !== "Last Updated");
    const r = (id: string, update: string | null): Cell[] => [
      id,
      `Risk ${id}`,
      "Jo Smith",
      3,
      3,
      9,
      "Treat",
      "Inspections",
      "Open",
      update,
    ];
    const seen: Record<string, { stale: string[]; missingColumn: string[] }> = {};
    for (const header of ["Update (Sep-22)", "Update Sep-22"]) {
      const json = await check(
        await book([
          {
            name: "Risk Register",
            rows: [[...head, header], r("UC-01", "Claims steady; no change"), r("UC-02", null)],
          },
        ]),
      );
      seen[header] = {
        stale: staleIds(json),
        missingColumn: of(json, "sheet/missing-column").map((f) => f.message),
      };
    }
    expect(seen).toEqual({
      "Update (Sep-22)": { stale: ["UC-02"], missingColumn: [] },
      "Update Sep-22": { stale: ["UC-02"], missingColumn: [] },
    });
  });

  it("guard: a title 'September 2022 Risk Register' and a 'Reporting month: Sep-22' row above the headers date no risk", async () => {
    // SPEC Reading sheets: "Title rows above it are fine." A month in the title says which month's register
    // it is, not when TR-02 (Last Updated 01/05/2022) was reviewed.
    const json = await check(
      await book([
        {
          name: "Risk Register",
          monthRows: [1],
          rows: [
            ["September 2022 Risk Register – Highways Contract"],
            ["Reporting month:", d(2022, 9, 1)],
            [],
            HEAD,
            row("TR-01"),
            row("TR-02", { last: STALE }),
          ],
        },
      ]),
    );
    expect(sheetOf(json, "Risk Register")?.headerRow).toBe(4);
    expect(sheetOf(json, "Risk Register")?.byMonth).toBeUndefined();
    expect(staleIds(json)).toEqual(["TR-02"]);
  });

  it("a 'Risk Updates' tab kept one column per month (Risk ID | Jul-22 | Aug-22 | Sep-22) gives each risk's monthly update, with no findings of its own", async () => {
    // README: a tab named as a log ("Update Log", "Update History", "Risk Updates", "Review Log") is the log
    // whatever else it carries; a field kept month by month is read from the newest filled month, dated its
    // first day. (judgement: an officer keeping the board's updates on their own tab, a column a month, reads
    // RU-01's September words as September's update; RU-02's latest is July, so it is stale.)
    const json = await check(
      await book([
        {
          name: "Risk Register",
          rows: [HEAD, row("RU-01", { last: d(2022, 6, 1) }), row("RU-02", { last: d(2022, 6, 1) })],
        },
        {
          name: "Risk Updates",
          monthRows: [0],
          rows: [
            ["Risk ID", "Risk Title", d(2022, 7, 1), d(2022, 8, 1), d(2022, 9, 1)],
            ["RU-01", "Risk RU-01", "Works ordered", "Works under way", "Works complete; no change to score"],
            ["RU-02", "Risk RU-02", "Survey booked", null, null],
          ],
        },
      ]),
    );
    expect(json.findings.filter((f) => f.sheet === "Risk Updates")).toEqual([]);
    expect(staleIds(json)).toEqual(["RU-02"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Closed risks: headings and sheet names that mention closing but hold live risks

describe("closed risks: ordinary headings and sheet names that say 'closed' or 'closure'", () => {
  it("guard: risks under the headings 'Risks to be closed …', 'Closed landfill sites', 'Closed Circuit Television (CCTV)', 'Road closures', 'Closure of depots' are open and checked", async () => {
    // SPEC Real registers, Section rows: a heading's text becomes the section (the category) of the rows below.
    // README reads rows under a heading "that says so" ("CLOSED RISKS", "Archived risks", "Closed risks
    // 2021/22") as closed. (judgement: these headings name a service or say the risks are still to be closed;
    // each risk's Status is Open, and an open risk last reviewed 01/05/2022 is stale, as HW-01 is.)
    const headings = [
      "Risks to be closed at next RMB (pending sign-off)",
      "Closed landfill sites",
      "Closed Circuit Television (CCTV)",
      "Road closures",
      "Closure of depots",
    ];
    const rows: Cell[][] = [HEAD, ["Highways maintenance"], row("HW-01", { last: STALE })];
    headings.forEach((h, n) => rows.push([h], row(`CL-0${n + 1}`, { last: STALE })));
    const json = await check(await book([{ name: "Risk Register", rows }]));
    expect(staleIds(json)).toEqual(["CL-01", "CL-02", "CL-03", "CL-04", "CL-05", "HW-01"]);
  });

  it("guard: a register on a sheet named 'Closures' or 'Closed & open risks' holds live risks", async () => {
    // README: a sheet whose name says it holds closed risks ("Closed Risks", "Closed", "Archive" …; "not
    // 'Risk Register (Closed & Open)'") is read as closed. (judgement: "Closures" is a highways contract's
    // road closures register; "Closed & open risks" says it holds open ones too: RC-02 is stale on both.)
    const seen: Record<string, { holds?: string; stale: string[] }> = {};
    for (const name of ["Closures", "Closed & open risks"]) {
      const json = await check(
        await book([{ name, rows: [HEAD, row("RC-01"), row("RC-02", { last: STALE })] }]),
      );
      seen[name] = { holds: sheetOf(json, name)?.holds, stale: staleIds(json) };
    }
    expect(seen).toEqual({
      Closures: { holds: undefined, stale: ["RC-02"] },
      "Closed & open risks": { holds: undefined, stale: ["RC-02"] },
    });
  });

  it("guard: an 'Archive of updates' tab (a hand-kept update log) is a log: its September update dates the risk", async () => {
    // README: a hand-kept Update Log "is told by its columns for when (Date …), which risk (Risk ID …) and
    // whether anything changed (No change)"; SPEC Latest update includes Update Log entries. (judgement: the
    // word Archive names old updates kept, not closed risks: AU-01's 12/09/2022 entry is its latest update.)
    const file = await book([
      { name: "Risk Register", rows: [HEAD, row("AU-01", { last: d(2022, 6, 1) })] },
      {
        name: "Archive of updates",
        rows: [
          ["Date", "Risk ID", "Update", "No change", "Score"],
          [d(2022, 7, 14), "AU-01", "Contractor appointed", null, 9],
          [d(2022, 9, 12), "AU-01", "No change this month", "Yes", 9],
        ],
      },
    ]);
    const out = await check(file);
    expect(sheetOf(out, "Archive of updates")?.kind).toBe("update-log");
    expect(staleIds(out)).toEqual([]);
  });

  it("a register copy named 'Risk Reg archive copy Aug 22' is a dated copy, not a sheet of closed risks", async () => {
    // README: sheets named "Closed Risks", "Closed", "Archive", "Archived Risks", "Risks closed 2022-23" hold
    // closed risks; "A dated backup of such a register dates its risks". (judgement: "archive copy Aug 22" is
    // last month's copy of the live register, kept for reference — history, not a sheet of closed risks; its
    // risks were open in August, and the sheet list must not say "every risk on it is closed whatever its
    // Status", nor the Risk Summary count a risk found only on it as Closed.)
    const file = await book([
      { name: "Risk Register", rows: [HEAD, row("AC-01"), row("AC-02")] },
      {
        name: "Risk Reg archive copy Aug 22",
        rows: [HEAD, row("AC-01", { last: d(2022, 8, 15) }), row("AC-02", { last: d(2022, 8, 15) })],
      },
    ]);
    const out = await check(file);
    expect(sheetOf(out, "Risk Reg archive copy Aug 22")?.holds).not.toBe("closed-risks");
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Opportunities: threats whose strategy or sheet name mentions taking, enhancing or exploiting

describe("opportunities: threats are not read as upside", () => {
  it("guard: a 'Risks & Opportunities Register' sheet: a threat scoring 20 is routed and above appetite; a Take row is not", async () => {
    // README: a sheet named as opportunities ("Opportunities", "Opportunity Register") is upside; a row whose
    // strategy is Take is upside. SPEC Escalation: score ≥ 16 → corporate-register. (judgement: a combined
    // register holds both; its threats are threats.)
    const name = "Risks & Opportunities Register";
    const out = await check(
      await book([
        {
          name,
          rows: [
            HEAD,
            row("RO-01", { l: 4, i: 5, title: "Bridge joint failure" }),
            row("RO-02", { l: 4, i: 5, strategy: "Take", title: "Income from permit scheme" }),
          ],
        },
      ]),
    );
    expect(sheetOf(out, name)?.holds).toBeUndefined();
    expect(routed(out, "RO-01")).toContain("corporate-register");
    expect(of(out, "risk/above-appetite", "RO-01")).toHaveLength(1);
    expect(routed(out, "RO-02")).toEqual([]);
  });

  const STRATEGIES = [
    ["ST-01", "Take action to reduce"],
    ["ST-02", "Treat – take out insurance"],
    ["ST-03", "Enhance controls"],
    ["ST-04", "Exploit existing contract terms to recover costs"],
  ];
  let json: JsonReport;
  beforeAll(async () => {
    json = await check(
      await book([
        {
          name: "Risk Register",
          rows: [HEAD, ...STRATEGIES.map(([id, s]) => row(id, { l: 4, i: 5, strategy: s }))],
        },
      ]),
    );
  });

  it.each(STRATEGIES)(
    "%s, a threat scoring 20 whose strategy reads '%s', is routed to the corporate register and above appetite",
    (id) => {
      // SPEC Escalation (score ≥ 16 → corporate-register) and risk/above-appetite (Cautious default, 9); SPEC
      // Values: Treat (reduce, mitigate, control), Transfer (insure). (judgement: each of these is how officers
      // write a treatment of a threat — reduce, insure, strengthen controls, use the contract — not an
      // opportunity's Take; the 20 is downside.)
      const seen = {
        routed: routed(json, id),
        aboveAppetite: of(json, "risk/above-appetite", id).length,
        unknownStrategy: of(json, "risk/unknown-strategy", id).length,
      };
      // Changed by fx29-misfire: "Exploit existing contract terms to recover costs" names no strategy word once
      // its Exploit is read as the verb it is (run on into a sentence, not "Exploit" alone or "Take – exploit"):
      // it is flagged risk/unknown-strategy, as any strategy cell without a strategy word is (SPEC Rules), and
      // still a threat. The other three name Treat ("reduce", "control") or Treat outright: no finding.
      const unknown = id === "ST-04" ? 1 : 0;
      expect(seen).toEqual({ routed: ["corporate-register"], aboveAppetite: 1, unknownStrategy: unknown });
    },
  );
});

// ---------------------------------------------------------------------------------------------------
// 4. Own actions one a line: cells of several lines that are still one action

const OWN_HEAD = [
  "Risk Ref",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Risk Response",
  "Further Actions Required",
  "Action Owner",
  "Action Due Date",
  "Action Status",
  "Latest Update",
  "Date Last Reviewed",
  "Status",
];
interface Own {
  strategy?: string;
  actions: string;
  owner?: string | null;
  due?: Cell;
  status?: string | null;
}
const ownRow = (id: string, o: Own): Cell[] => [
  id,
  `Risk ${id}`,
  "Jo Smith",
  2,
  3,
  6,
  o.strategy ?? "Treat",
  o.actions,
  o.owner === undefined ? "Ravi Patel" : o.owner,
  o.due === undefined ? null : o.due,
  o.status === undefined ? "In progress" : o.status,
  "Reviewed at Risk Management Board",
  FRESH,
  "Open",
];

describe("own actions on the register: several lines that are one action", () => {
  const OWN: [string, Own][] = [
    [
      "OA-01",
      {
        actions:
          "Resurface A38 Bristol Road – progress:\n05/08/22 – contractor engaged\n12/09/22 – works started",
        due: d(2022, 12, 31),
      },
    ],
    ["OA-02", { actions: "Replace bridge bearings", due: "31/12/2022 (revised from 30/06/2022)" }],
    ["OA-03", { actions: "Replace bridge bearings", due: "31/12/2022\n(revised from 30/06/2022)" }],
    [
      "OA-04",
      { actions: "Recruit two highway inspectors", due: d(2022, 8, 31), status: "In progress\nOn track" },
    ],
    [
      "OA-05",
      {
        actions:
          "Resurface A38 Bristol Road between junctions 3 and 4,\nsubject to capital funding being confirmed",
        due: d(2022, 8, 31),
      },
    ],
    [
      "OA-06",
      {
        actions: "1. Procure contractor\n2. Agree traffic management\n3. Complete resurfacing",
        due: d(2022, 8, 31),
      },
    ],
    ["OA-07", { actions: "Renew gully cleansing contract", owner: "Jo Smith\nAl Khan", due: d(2022, 8, 31) }],
    [
      "OA-08",
      {
        actions: "Install vehicle barriers at depot entrance; no further action required once fitted",
        owner: null,
        status: null,
      },
    ],
    [
      "OA-09",
      { actions: "NFA-04: natural flood alleviation – leaky dams at Brook Farm", owner: null, status: null },
    ],
    ["OA-10", { actions: "No further action required until the next review", owner: null, status: null }],
  ];
  let json: JsonReport;
  beforeAll(async () => {
    json = await check(
      await book([
        { name: "Highways Risk Register", rows: [OWN_HEAD, ...OWN.map(([id, o]) => ownRow(id, o))] },
      ]),
    );
  });
  const overdue = (id: string): string[] =>
    of(json, "risk/action-overdue", id).map((f) => `${f.cell}: ${f.message}`);

  it("guard: dates that are progress or a note are no due dates: dated progress lines, '31/12/2022 (revised from 30/06/2022)' on one line or two", () => {
    // SPEC Real registers, Dated lines: "12/09/22 – reviewed at RMB", one entry a line, is a history; SPEC
    // Values: "a date with a note after it (`Sept 2022 (revised from June 2022)`: the leading date)". README:
    // only an action line "giving its own owner and date (`1. Resurface A38 – JS – 31/08/22`)" is due then.
    // (judgement: Alt+Enter before the note does not make it a second action due in June.) All due 31/12/2022.
    expect({ OA01: overdue("OA-01"), OA02: overdue("OA-02"), OA03: overdue("OA-03") }).toEqual({
      OA01: [],
      OA02: [],
      OA03: [],
    });
  });

  it("a status cell of two lines ('In progress' ⏎ 'On track') on one action: the action is overdue once", () => {
    // SPEC Rules: risk/action-overdue — an open action's due date is before the as-at date. README: line n of
    // the Action Status cell is action n's "beside item n of its actions text". (judgement: the actions text
    // holds ONE action and the due cell ONE date; the second status line qualifies the first, it is no
    // "action 2".)
    expect(overdue("OA-04")).toHaveLength(1);
  });

  it("guard: one action whose cells run over several lines (a sentence continued, numbered steps under one date and status, two joint owners) is overdue once", () => {
    // SPEC Rules: risk/action-overdue. (judgement: a sentence ending in a comma continued on the next line is
    // one action; numbered steps under one due date and one status are the steps of the action reported on;
    // joint owners of one action are not a second action. One missed date, one warning.)
    expect({
      OA05: overdue("OA-05").length,
      OA06: overdue("OA-06").length,
      OA07: overdue("OA-07").length,
    }).toEqual({ OA05: 1, OA06: 1, OA07: 1 });
  });

  it("guard: an action that ends '… no further action required once fitted' is an action: no risk/no-action", () => {
    // SPEC Rules: risk/no-action — "an open risk has no action at all: no actions text". README: an actions
    // text saying there is none ("No further action required") is none on a treated risk. (judgement: this
    // text plans an action — install barriers — and only says nothing follows it.)
    expect(of(json, "risk/no-action", "OA-08")).toEqual([]);
  });

  it("an action whose reference starts 'NFA-04' (natural flood alleviation) is an action: no risk/no-action", () => {
    // SPEC Rules: risk/no-action. (judgement: NFA-04 is the scheme's action reference, not "no further action".)
    expect(of(json, "risk/no-action", "OA-09")).toEqual([]);
  });

  it("'No further action required until the next review' on a Treat risk is no action, as 'No further action required' is", () => {
    // README rules table: risk/no-action — "An actions text saying there is no further action ('No further
    // action required', 'None required', 'NFA') counts as none on a risk being treated". (judgement: words
    // after it saying until when ("until the next review", "at this time") do not make it an action: the risk
    // is to be treated and nothing is being done.)
    expect(of(json, "risk/no-action", "OA-10")).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Issues: registers whose headers or names mention issues

describe("issues logs: risk registers that also mention issues are registers", () => {
  it("guard: 'Risk/Issue Ref | Issue / Risk Description' headers, an 'Issues Arising' column, a tab named 'Risk & Issues Log': each a register, its stale risk flagged", async () => {
    // README: an issues log is "Issue ID, Issue Title, Issue Owner …, no header naming risks or a likelihood";
    // a tab named as a log ("Update Log", "Update History", "Risk Updates", "Review Log") is the log. SPEC
    // Fields: Risk ID, Risk Owner, Likelihood … mean a register; a header nobody recognises is kept.
    // (judgement: a RAID-style "Risk & Issues Log" with risk ids, owners and scores is the contract's
    // register; each XX-02, last reviewed 01/05/2022, is stale.)
    const head = [
      "Risk/Issue Ref",
      "Issue / Risk Description",
      "Owner",
      "Likelihood",
      "Impact",
      "Score",
      "Strategy",
      "Actions",
      "Last Updated",
      "Status",
    ];
    const r = (id: string, last: Date): Cell[] => [
      id,
      `Risk ${id}`,
      "Jo Smith",
      3,
      3,
      9,
      "Treat",
      "Inspections",
      last,
      "Open",
    ];
    const books: Record<string, Sheet> = {
      RI: { name: "RAID", rows: [head, r("RI-01", FRESH), r("RI-02", STALE)] },
      IA: {
        name: "Risk Register",
        rows: [
          [...HEAD, "Issues Arising"],
          row("IA-01", {}, ["Two claims received"]),
          row("IA-02", { last: STALE }, ["None"]),
        ],
      },
      LG: { name: "Risk & Issues Log", rows: [HEAD, row("LG-01"), row("LG-02", { last: STALE })] },
    };
    const seen: Record<string, { kind?: string; stale: string[] }> = {};
    const expected: Record<string, { kind?: string; stale: string[] }> = {};
    for (const [id, sheet] of Object.entries(books)) {
      const json = await check(await book([sheet]));
      seen[id] = { kind: sheetOf(json, sheet.name)?.kind, stale: staleIds(json) };
      expected[id] = { kind: "risk-register", stale: [`${id}-02`] };
    }
    expect(seen).toEqual(expected);
  });
});
