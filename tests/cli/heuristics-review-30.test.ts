// Heuristics review 30 (rv-heur30): the reading heuristics for untidy registers (section rows, totals rows,
// help-text rows, group headers, dated update lines, word scales, closed-risk sheets and statuses, month
// columns, ids numbered per sheet, own actions one a line, money in words, colour-only RAG) run on registers an
// officer would call tidy and ordinary. The question each test asks: does a heuristic invent a finding, drop a
// risk or misread a cell that an officer would read at a glance? Earlier hunts (heuristics-review-28/29) are not
// repeated. Each workbook is written with ExcelJS and checked as an officer runs the tool:
// `risk-review check FILE --as-at 2022-09-30 --format json`. Each test cites the SPEC.md (or README.md) passage
// it rests on, or "(judgement)" where SPEC is silent and an officer's reading decides. Tests named "guard:"
// pass today and keep an ordinary reading a fix must not break.

import type ExcelJS from "exceljs";
import { d, type Cell } from "./helpers/review-book";
import {
  ordinaryChecker,
  of,
  idsOf,
  staleIds,
  riskIds,
  sheetOf,
  routed,
  HEAD,
  FRESH,
  STALE,
  row,
  type Sheet,
} from "./helpers/ordinary-register";

jest.setTimeout(120_000);

const check = ordinaryChecker("heur30");

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

// ---------------------------------------------------------------------------------------------------
// 1. Rows that are not risks, and risks that look like other rows

describe("rows around the table: what is a risk and what is not", () => {
  it("a sign-off block and a note typed under the register after a blank row are not risks", async () => {
    // SPEC Reading sheets: "Blank rows are skipped"; Real registers: each untidy row "is read as a person reads
    // it, never as a record of its own"; README: "totals and notes under the plan are not actions". (judgement:
    // an "Approved by: … Date: …" sign-off and a "Reviewed at Risk Management Board" line under the table, after
    // a blank row, are the register's paperwork, not risks. Today "Approved by:" is read as the id of a risk with
    // no strategy, owner or action (three errors), and the note as a risk with no id (four errors).)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("HW-01"),
          row("HW-02"),
          [],
          [
            "Approved by:",
            "Jo Smith (Head of Highways)",
            null,
            null,
            null,
            null,
            null,
            null,
            "Date:",
            d(2022, 9, 28),
          ],
          [
            null,
            "Reviewed at Risk Management Board",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            d(2022, 9, 28),
          ],
        ],
      },
    ]);
    expect({
      risks: riskIds(json),
      findingsBelowTable: json.findings.filter((f) => f.row >= 4).map((f) => `${f.ruleId} ${f.cell}`),
    }).toEqual({ risks: ["HW-01", "HW-02"], findingsBelowTable: [] });
  });

  it("a section heading typed as a month ('Sep-22', which Excel stores as a date) heads the risks below it; it is no risk '44805'", async () => {
    // SPEC Real registers, Section rows: a row holding one text only in the first filled column "is a heading
    // … It is not a risk". (judgement: a register grouped by the month each risk was raised, with the heading
    // "Sep-22" typed in column A, which Excel turns into a date; the officer sees "Sep-22" as a heading. Today
    // the row is a risk whose id is the date's serial number, "44805", with four errors: no strategy, no
    // update, no owner, no action.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [HEAD, [d(2022, 8, 1)], row("MS-01"), [d(2022, 9, 1)], row("MS-02")],
        build: (ws) => {
          ws.getCell("A2").numFmt = "mmm-yy";
          ws.getCell("A4").numFmt = "mmm-yy";
        },
      },
    ]);
    expect({ risks: riskIds(json), findings: json.findings.map((f) => `${f.ruleId} ${f.cell}`) }).toEqual({
      risks: ["MS-01", "MS-02"],
      findings: [],
    });
  });

  it("guard: short or bare risks are risks: an id with a one-word title, a numbered id with only a title, titles opening Total / Count / Average / Sum, a first row with no id", async () => {
    // SPEC Real registers: a section row holds "one text only"; a totals row is one "whose first filled cell is
    // Total, Totals, Count, Average or Sum"; a help-text row below the header has "instructions under each
    // header, no id". SPEC Rules: risk/missing-id "a data row has text but no id"; missing owner / strategy /
    // action / stale on a risk that has none. A new risk "HW-02 | Flooding" typed with nothing else yet is a
    // risk needing an owner, a strategy, an action and an update; a title column first ("Total cost overrun
    // …") with an id beside it is a risk; a scored first row with no id is a risk with no id, not help text.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          [
            null,
            "Loss of bridge inspection contractor",
            "Jo Smith",
            4,
            4,
            16,
            "Treat",
            "Framework call-off",
            "New",
            FRESH,
            "Open",
          ],
          row("HW-01"),
          ["HW-02", "Flooding"],
          ["2.2", "Loss of depot lease"],
        ],
      },
      {
        name: "Commercial Risks",
        rows: [
          ["Risk Title", "Risk ID", ...HEAD.slice(2)],
          [
            "Total cost overrun on the resurfacing programme",
            ...row("CO-01").slice(0, 1),
            ...row("x").slice(2),
          ],
          ["Count of carriageway defects above KPI", ...row("CO-02").slice(0, 1), ...row("x").slice(2)],
          ["Average journey time increase during works", ...row("CO-03").slice(0, 1), ...row("x").slice(2)],
          ["Sum insured inadequate for bridge strike", ...row("CO-04").slice(0, 1), ...row("x").slice(2)],
        ],
      },
    ]);
    const bare = ["2.2", "HW-02"];
    expect({
      risks: riskIds(json),
      missingId: of(json, "risk/missing-id").map((f) => f.cell),
      owner: idsOf(of(json, "risk/missing-owner")),
      strategy: idsOf(of(json, "risk/missing-strategy")),
      action: idsOf(of(json, "risk/no-action")),
      stale: staleIds(json),
    }).toEqual({
      risks: ["(no id)", "HW-01", "HW-02", "2.2", "CO-01", "CO-02", "CO-03", "CO-04"],
      missingId: ["A2"],
      owner: bare,
      strategy: bare,
      action: bare,
      stale: bare,
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Closed words that do not close a risk

describe("closed risks: statuses, sheet names and headings that say closed or archive", () => {
  it("a status 'Closed – reopened Sep-22' is an open risk: stale and routed by its score", async () => {
    // SPEC Values, Risk status: "Words or a date after the status word (`Closed (30/11/2022)`) are fine. Closed
    // risks are exempt from the update and action rules." (judgement: "reopened" after "Closed" reverses it:
    // the register says the risk is live again since September. RO-01 (4 × 4 = 16, last updated 01/05/2022)
    // needs its update (risk/stale-update) and goes to the corporate register (SPEC Escalation: score ≥ 16).
    // Today it is read as Closed: no finding, not routed.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [HEAD, row("RO-01", { l: 4, i: 4, last: STALE, status: "Closed – reopened Sep-22" })],
      },
    ]);
    expect({ stale: staleIds(json), routed: routed(json, "RO-01") }).toEqual({
      stale: ["RO-01"],
      routed: ["corporate-register"],
    });
  });

  it("a register on a sheet named 'Risks (closed ones removed)', 'Risks (archived ones removed)' or 'Archives Service Risks' holds live risks", async () => {
    // README: a register-shaped sheet "whose name says it holds closed risks ("Closed Risks", "Closed",
    // "Archive", "Archived Risks", "Risks closed 2022-23"; not "Risk Register (Closed & Open)" …)" is closed.
    // (judgement: "closed ones removed" says the opposite — the closed risks were taken off this sheet; the
    // Archives Service is the council's record office, and "Archive Service" alone is already read as live.
    // SN-02, last updated 01/05/2022, is stale on each. Today each of the three sheets is read as closed risks
    // ("holds": "closed-risks") and SN-02's stale-update is lost.)
    const names = ["Risks (closed ones removed)", "Risks (archived ones removed)", "Archives Service Risks"];
    const seen: Record<string, { holds?: string; stale: string[] }> = {};
    for (const name of names) {
      const json = await check([{ name, rows: [HEAD, row("SN-01"), row("SN-02", { last: STALE })] }]);
      seen[name] = { holds: sheetOf(json, name)?.holds, stale: staleIds(json) };
    }
    expect(seen).toEqual(Object.fromEntries(names.map((n) => [n, { holds: undefined, stale: ["SN-02"] }])));
  });

  it("guard: statuses, headings, a category and a title that mention closure or archives are open; a 'New risks' heading ends a CLOSED RISKS section", async () => {
    // SPEC Values, Risk status: open = Open, Live, Active …; README: rows "under a section heading that says so
    // ("CLOSED RISKS", "Archived risks" …) are closed whatever their Status says"; SPEC Section rows: a heading's
    // text applies "until the next section row". (judgement: "Re-opened (was closed Jun-22)", "Open – proposed
    // for closure", "Recommend closure at next RMB" are still open; headings "Archives and Heritage", "Closed
    // network (ICT)", "Contract exit and closure", a Category "Closed network" and a title "Loss of archive
    // records" name services and subjects. Every row last updated 01/05/2022: all are stale except CL-01, under
    // the CLOSED RISKS heading.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [...HEAD, "Category"],
          ["Highways"],
          row("ST-01", { last: STALE, status: "Re-opened (was closed Jun-22)" }),
          row("ST-02", { last: STALE, status: "Open – proposed for closure" }),
          row("ST-03", { last: STALE, status: "Recommend closure at next RMB" }),
          row("ST-04", { last: STALE, title: "Loss of archive records" }, ["Closed network"]),
          ["Archives and Heritage"],
          row("AH-01", { last: STALE }),
          ["Closed network (ICT)"],
          row("CN-01", { last: STALE }),
          ["Contract exit and closure"],
          row("CE-01", { last: STALE }),
          ["CLOSED RISKS"],
          row("CL-01", { last: STALE }),
          ["New risks raised this month"],
          row("NW-01", { last: STALE }),
        ],
      },
    ]);
    expect(staleIds(json)).toEqual(
      ["AH-01", "CE-01", "CN-01", "NW-01", "ST-01", "ST-02", "ST-03", "ST-04"].sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Dates in the update text that are not update dates

describe("dated lines: dates an update quotes are not the date it was written", () => {
  it("a deadline in brackets closing the update ('completion expected (12/12/22)', '(w/c 14/11/22)') is no update date", async () => {
    // SPEC Real registers, Dated lines: the update date is the newest date "that starts a line or closes one in
    // brackets ("… (RC 12/09/22)")" — an author's initials and the day they wrote it. README: not "Review" or
    // "Due", "which say when something is to happen". (judgement: "completion expected (12/12/22)" and
    // "programmed (w/c 14/11/22)" say when works will happen. Both risks were last updated 01/05/2022: stale,
    // and no risk/future-date. Today each is taken as updated in November/December: a risk/future-date warning
    // on the update cell ("has a line dated 12/12/2022, after the as-at date") and no stale-update.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("UD-01", { last: STALE, update: "Works order issued; completion expected (12/12/22)" }),
          row("UD-02", { last: STALE, update: "Remedial works programmed (w/c 14/11/22)" }),
        ],
      },
    ]);
    expect({ stale: staleIds(json), future: idsOf(of(json, "risk/future-date")) }).toEqual({
      stale: ["UD-01", "UD-02"],
      future: [],
    });
  });

  it("a programme of future milestones one a line ('14/11/22 – traffic management in place') is no update history", async () => {
    // SPEC Dated lines: "an update cell holding a history ("12/09/22 – reviewed at RMB", one entry a line …)".
    // SPEC Rules: risk/future-date warns of "a lastUpdated date after the as-at date" (a typo). (judgement: lines
    // dated after the as-at date under "Contractor's programme received:" are what is planned, not entries of a
    // history; the cell was written in May (Last Updated 01/05/2022). Officer expects stale-update and no
    // future-date. Today the 12/12/22 line makes the risk fresh and raises risk/future-date.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("UP-01", {
            last: STALE,
            update:
              "Contractor's programme received:\n14/11/22 – traffic management in place\n12/12/22 – works complete",
          }),
        ],
      },
    ]);
    expect({ stale: staleIds(json), future: idsOf(of(json, "risk/future-date")) }).toEqual({
      stale: ["UP-01"],
      future: [],
    });
  });

  it("an update opening with a future month as its subject ('March 2023 budget setting will include …') is no dated line", async () => {
    // README: dated lines include "Oct 2022: …" (its first day) — a month heading an entry. (judgement: "March
    // 2023 budget setting will include a growth bid" and "April 2023 price uplift will add c. £40k" are
    // sentences about next year's budget, written in May (Last Updated 01/05/2022): stale, no future-date.
    // Today each reads as an update dated 01/03/2023 / 01/04/2023: risk/future-date, no stale-update.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("UM-01", {
            last: STALE,
            update: "March 2023 budget setting will include a growth bid for winter service",
          }),
          row("UM-02", {
            last: STALE,
            update: "April 2023 price uplift (CPI) will add c. £40k to the contract sum",
          }),
        ],
      },
    ]);
    expect({ stale: staleIds(json), future: idsOf(of(json, "risk/future-date")) }).toEqual({
      stale: ["UM-01", "UM-02"],
      future: [],
    });
  });

  it("guard: 'Works due 12/12/22', '10/12 sites surveyed', 'May Day bank holiday closures agreed' and a plan's 'March winter service budget' date nothing; '12/09/22 – reviewed at RMB' dates the update", async () => {
    // SPEC Dated lines (a date that starts a line or closes one in brackets); README: not "Due". UG-01…03 were
    // last updated 01/05/2022 and stay stale with no future-date; UG-04's dated line (12/09/2022) is its update.
    // SPEC Rules: plan/completed-not-evidenced fires when Status or Evidence "names a month or date after the
    // as-at date; financial-year labels such as "2023/24 Annual Plan" are not dates here". "March" in "March
    // winter service budget" and "May" in "May Day" are names, not deadlines: no finding on those three actions.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("UG-01", { last: STALE, update: "Works due 12/12/22" }),
          row("UG-02", { last: STALE, update: "10/12 sites surveyed; 2 remaining" }),
          row("UG-03", { last: STALE, update: "May Day bank holiday closures agreed with police" }),
          row("UG-04", {
            last: STALE,
            update: "12/09/22 – reviewed at RMB, no change\n14/06/22 – contractor briefed",
          }),
        ],
      },
      {
        name: "Improvement Plan",
        rows: [
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
          [
            "1.",
            "Winter service",
            "Audit finding 3",
            "Agree the March winter service budget with the contractor",
            "August 2022",
            "RC",
            "MA",
            "Completed",
            "Budget letter 12/08/22 (March winter service budget)",
          ],
          [
            null,
            null,
            null,
            "Plan May Day bank holiday closures",
            "July 2022",
            "RC",
            "MA",
            "Completed",
            "May Day closures plan on Teams",
          ],
          [
            null,
            null,
            null,
            "Publish the 2023/24 Annual Plan draft",
            "September 2022",
            "RC",
            "MA",
            "Completed",
            "2023/24 Annual Plan draft published 20/09/22",
          ],
          [
            null,
            null,
            null,
            "Review the March gritting routes",
            "September 2022",
            "RC",
            "MA",
            "Completed",
            "Route review report to follow in March 2023",
          ],
        ],
      },
    ]);
    expect(sheetOf(json, "Improvement Plan")?.kind).toBe("improvement-plan");
    // Only the last action, whose evidence is "to follow in March 2023", is not evidenced.
    expect(
      json.findings.filter((f) => f.sheet === "Improvement Plan").map((f) => `${f.ruleId} ${f.cell}`),
    ).toEqual(["plan/completed-not-evidenced I5"]);
    expect({ stale: staleIds(json), future: idsOf(of(json, "risk/future-date")) }).toEqual({
      stale: ["UG-01", "UG-02", "UG-03"],
      future: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Scores: which columns are current, and what a score cell says

const GH = [
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
/** A register with Likelihood | Impact | Score twice, under the group headers `first` and `second`. */
const grouped = (first: string, second: string): Sheet => ({
  name: "Risk Register",
  rows: [
    [null, null, null, first, null, null, second, null, null, null, null, null, null],
    GH,
    ["GH-01", "Bridge joint failure", "Jo Smith", 5, 5, 25, 2, 2, 4, "Treat", "Inspections", FRESH, "Open"],
  ],
  build: (ws) => {
    ws.mergeCells(1, 4, 1, 6);
    ws.mergeCells(1, 7, 1, 9);
  },
});

describe("scores: group headers, percentages and words", () => {
  it("under group headers 'Previous' | 'Current' (or 'Last month' | 'This month') the current block's score is the risk's score", async () => {
    // SPEC Reading sheets: a group-header row "qualifies the headers below"; Fields: likelihood, impact, score
    // are "current or residual ones". (judgement: a register showing last month's assessment beside this
    // month's keeps the current one under "Current" / "This month": GH-01 is 2 × 2 = 4, routed nowhere and
    // within appetite. Today the first block, last month's 5 × 5 = 25, is read as current: routed to the
    // corporate register and the Strategic Partnership Board, and risk/above-appetite "scores 25".)
    const seen: Record<string, { score: number | null; routed: string[]; above: number }> = {};
    for (const [a, b] of [
      ["Previous", "Current"],
      ["Last month", "This month"],
    ]) {
      const json = await check([grouped(a, b)]);
      seen[`${a} | ${b}`] = {
        score: json.risks.find((r) => r.recordId === "GH-01")?.score ?? null,
        routed: routed(json, "GH-01"),
        above: of(json, "risk/above-appetite").length,
      };
    }
    const expected = { score: 4, routed: [], above: 0 };
    expect(seen).toEqual({ "Previous | Current": expected, "Last month | This month": expected });
  });

  it("guard: 'Before mitigation' | 'After mitigation', 'Pre-mitigation' | 'Post-mitigation', 'Gross' | 'Net', 'Unmitigated' | 'Mitigated': the second block is current", async () => {
    // SPEC Fields: inherent / gross / initial ones are kept as separate fields; the current or residual one is
    // the risk's score. GH-01 is 2 × 2 = 4 after mitigation: routed nowhere.
    const seen: Record<string, { score: number | null; routed: string[] }> = {};
    const pairs = [
      ["Before mitigation", "After mitigation"],
      ["Pre-mitigation", "Post-mitigation"],
      ["Gross", "Net"],
      ["Unmitigated", "Mitigated"],
    ];
    for (const [a, b] of pairs) {
      const json = await check([grouped(a, b)]);
      seen[`${a} | ${b}`] = {
        score: json.risks.find((r) => r.recordId === "GH-01")?.score ?? null,
        routed: routed(json, "GH-01"),
      };
    }
    expect(seen).toEqual(
      Object.fromEntries(pairs.map(([a, b]) => [`${a} | ${b}`, { score: 4, routed: [] }])),
    );
  });

  it("a likelihood written as a percentage ('60%', or 0.6 shown as 60%) is flagged, and no score of 180 or 1.8 is worked out from it", async () => {
    // SPEC Values, Scores: likelihood 1–5, "score = likelihood × impact (1–25)"; Rules: risk/score-mismatch when
    // "one is out of range"; Owned tabs: a risk whose likelihood is out of range "cannot stand in a table" and is
    // listed with the reason. (judgement: the out-of-range likelihood is rightly flagged, but a score worked out
    // from it is no score: PL-01 must not be routed to the corporate register and the Strategic Partnership
    // Board for "score 180 (worked out as 60 × 3)", nor be "above appetite" at 180; PL-02 must not carry a
    // score of 1.7999999999999998. Today both scores are worked out and PL-01 is escalated twice.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [HEAD, row("PL-01", { l: "60%", i: 3, s: null }), row("PL-02", { l: 0.6, i: 3, s: null })],
        build: (ws) => {
          ws.getCell("D3").numFmt = "0%";
        },
      },
    ]);
    const score = (id: string) => json.risks.find((r) => r.recordId === id)?.score;
    expect({
      mismatch: idsOf(of(json, "risk/score-mismatch")),
      scores: [score("PL-01"), score("PL-02")],
      escalations: json.escalations.map((e) => `${e.recordId} ${e.destinations.join(",")}`),
      above: idsOf(of(json, "risk/above-appetite")),
    }).toEqual({ mismatch: ["PL-01", "PL-02"], scores: [null, null], escalations: [], above: [] });
  });

  it("guard: scores written with their band or scale words ('High (15)', 'Possible (30-50%)' × 'Major (£100k-£500k)', '9 - Medium') are read by their numbers", async () => {
    // SPEC Values, Scores: "Text such as `3 - Possible` or `High (4)` is read by its number"; a bare word on the
    // likelihood and impact scales. SC-01 is 3 × 5 = "High (15)", SC-02 "Possible" (3) × "Major" (4) = 12,
    // SC-03 3 × 3 = "9 - Medium": no score-mismatch, each routed to the directorate register (9–15).
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("SC-01", { l: 3, i: 5, s: "High (15)" }),
          row("SC-02", { l: "Possible (30-50%)", i: "Major (£100k-£500k)", s: 12 }),
          row("SC-03", { l: 3, i: 3, s: "9 - Medium" }),
        ],
      },
    ]);
    expect({
      mismatch: of(json, "risk/score-mismatch").length,
      scores: json.risks.map((r) => `${r.recordId} ${r.score}`),
      routed: ["SC-01", "SC-02", "SC-03"].map((id) => routed(json, id)),
    }).toEqual({
      mismatch: 0,
      scores: ["SC-01 15", "SC-02 12", "SC-03 9"],
      routed: [["directorate-register"], ["directorate-register"], ["directorate-register"]],
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Month columns headed by the month's name alone

describe("month columns: a column a month headed by the month's name", () => {
  it("update columns headed 'July | August | September' (or 'Jul | Aug | Sep') under 'Monthly update 2022/23' are read month by month", async () => {
    // README: a field kept month by month is read from "headers that are only a month, `Sep-22` typed as a
    // date or `September 2022` as text … months under a group header such as `Monthly Update`", dated the
    // month's first day, "so such a register lacks no last-updated column". (judgement: the group header gives
    // the year (2022/23); a column a month headed by the month's name is how officers lay out a year's
    // register. MH-01's September words date it 01/09/2022; MH-02's latest is July: stale. Today the columns
    // are unmapped, the sheet gets sheet/missing-column (no last updated date column) and both risks are
    // stale with "no recorded update".)
    const seen: Record<string, { stale: string[]; missingColumn: number }> = {};
    for (const months of [
      ["July", "August", "September"],
      ["Jul", "Aug", "Sep"],
    ]) {
      const json = await check([
        {
          name: "Risk Register",
          rows: [
            [null, null, null, null, null, null, null, null, null, "Monthly update 2022/23", null, null],
            [...HEAD.slice(0, 8), "Status", ...months],
            [
              ...row("MH-01").slice(0, 8),
              "Open",
              "Works ordered",
              "Works started",
              "Works complete; no change",
            ],
            [...row("MH-02").slice(0, 8), "Open", "Survey booked", null, null],
          ],
          build: (ws) => ws.mergeCells(1, 10, 1, 12),
        },
      ]);
      seen[months.join(" | ")] = {
        stale: staleIds(json),
        missingColumn: of(json, "sheet/missing-column").length,
      };
    }
    const expected = { stale: ["MH-02"], missingColumn: 0 };
    expect(seen).toEqual({ "July | August | September": expected, "Jul | Aug | Sep": expected });
  });
});

// ---------------------------------------------------------------------------------------------------
// 6. Ids, actions, money and colours

describe("ids, actions, money and RAG colours on ordinary registers", () => {
  it("contract-wide ids (HRC-001) on a corporate register that words its titles for the board are the same risks: a different owner is an owner conflict", async () => {
    // SPEC Real registers, Ids numbered per sheet: ids are per sheet where registers "each number their own
    // risks from the start (R1, R2 … on every sheet …). Otherwise (ids made for the whole contract, like
    // HRC-003) the same id is the same risk on every sheet, whatever its title." SPEC Rules: risk/owner-conflict.
    // (judgement: the corporate register carries the directorate's HRC ids with its titles reworded for the
    // board ("Highways: bridge joint failure on the A38 viaduct"); HRC-001 is owned by Jo Smith on one and the
    // Director of Place on the other. With one title left as it was, the conflict is reported; with all three
    // reworded, the ids are taken as numbered per sheet and it is not.)
    const json = await check([
      {
        name: "Directorate Register",
        rows: [
          HEAD,
          row("HRC-001", { title: "Bridge joint failure" }),
          row("HRC-002", { title: "Gritting fleet availability" }),
          row("HRC-003", { title: "Street lighting PFI exit" }),
        ],
      },
      {
        name: "Corporate Register",
        rows: [
          HEAD,
          row("HRC-001", {
            title: "Highways: bridge joint failure on the A38 viaduct",
            owner: "Director of Place",
          }),
          row("HRC-002", { title: "Winter service: gritting fleet availability" }),
          row("HRC-003", { title: "Street lighting PFI exit costs" }),
        ],
      },
    ]);
    expect(of(json, "risk/owner-conflict").map((f) => `${f.recordId} ${f.sheet}!${f.cell}`)).toEqual([
      "HRC-001 Corporate Register!C2",
    ]);
  });

  it("guard: ids as typed ('2022-01', 'R1.1', '1a', 'HW/01', 'CS/2022/04') keep their text and their actions sheet rows", async () => {
    // SPEC Reading sheets: ids "compared trimmed, case-insensitively"; text ids keep their form. SPEC Real
    // registers: an actions row's id cell listing several ids ("SL-10 / SL-11") belongs to each — not an id that
    // has a slash in it. Each risk has its action on the Actions sheet (no risk/no-action); the one stale risk
    // is named by its id as typed; A-2 (HW/01's, due 31/08/2022) is overdue for HW/01.
    const ids = ["2022-01", "R1.1", "1a", "HW/01", "CS/2022/04"];
    const json = await check([
      {
        name: "Risk Register",
        rows: [HEAD, ...ids.map((id) => row(id, { actions: null, last: id === "2022-01" ? STALE : FRESH }))],
      },
      {
        name: "Actions",
        rows: [
          [
            "Action Ref",
            "Risk Reference",
            "Action Description",
            "Action Owner",
            "Target Date",
            "Action Status",
          ],
          ...ids.map((id, k) => [
            `A-${k + 1}`,
            id,
            "Condition survey",
            "Al Khan",
            id === "HW/01" ? d(2022, 8, 31) : d(2022, 12, 31),
            "In progress",
          ]),
        ],
      },
    ]);
    expect({
      risks: riskIds(json),
      noAction: of(json, "risk/no-action").length,
      stale: staleIds(json),
      overdue: of(json, "risk/action-overdue").map((f) => f.message),
    }).toEqual({
      risks: ids,
      noAction: 0,
      stale: ["2022-01"],
      overdue: ["Action A-4 for risk HW/01 was due 31/08/2022 and is still open."],
    });
  });

  it("guard: own actions on the register: numbered steps on one line are one action, an 'Ongoing' due date is no date, 'No further action by the council; contractor to …' is an action", async () => {
    // README: own actions' line n is action n, "a cell of one line is every action's"; SPEC Values: "`TBC`,
    // `Ongoing` and blanks are not dates"; README risk/no-action: an actions text saying there is no further
    // action counts as none — not when an action follows it. OA-01's one missed date is overdue once; OA-02 is
    // never overdue; OA-03 has an action (the contractor's repairs); OA-04's joint owner is one owner.
    const OH = [
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
    const own = (
      id: string,
      actions: string,
      due: Cell,
      owner: Cell = "Ravi Patel",
      st: Cell = "In progress",
    ): Cell[] => [
      id,
      `Risk ${id}`,
      "Jo Smith",
      2,
      3,
      6,
      "Treat",
      actions,
      owner,
      due,
      st,
      "Reviewed at RMB",
      FRESH,
      "Open",
    ];
    const json = await check([
      {
        name: "Highways Risk Register",
        rows: [
          OH,
          own(
            "OA-01",
            "1. Procure contractor 2. Agree traffic management 3. Complete resurfacing",
            d(2022, 8, 31),
          ),
          own("OA-02", "Procure term contractor for drainage", "Ongoing"),
          own(
            "OA-03",
            "No further action required by the council; contractor to complete repairs under the defects clause",
            null,
            null,
            null,
          ),
          own(
            "OA-04",
            "Renew gully cleansing contract",
            d(2022, 8, 31),
            "Head of Highways / Contract Manager",
          ),
        ],
      },
    ]);
    expect({
      overdue: idsOf(of(json, "risk/action-overdue")),
      noAction: idsOf(of(json, "risk/no-action")),
    }).toEqual({ overdue: ["OA-01", "OA-04"], noAction: [] });
  });

  it("guard: a financial impact of Nil, £0, 0 or 'Not quantified' routes nowhere; '£1.5 million' goes to the Strategic Partnership Board", async () => {
    // SPEC Values, Money: `£0`, `Nil` are amounts of nothing; "Text without an amount … is no amount". SPEC
    // Escalation: financial-cluster for any financial impact; operations-board ≥ £50,000; strategic-board
    // ≥ £250,000. Each risk scores 1 × 2 = 2, so only money can route it.
    const money: [string, Cell][] = [
      ["FI-01", "Nil"],
      ["FI-02", "£0"],
      ["FI-03", 0],
      ["FI-04", "Not quantified"],
      ["FI-05", "£1.5 million"],
    ];
    const json = await check([
      {
        name: "Risk Register",
        rows: [[...HEAD, "Financial Impact (£)"], ...money.map(([id, m]) => row(id, { l: 1, i: 2 }, [m]))],
      },
    ]);
    expect(json.escalations.map((e) => `${e.recordId} ${e.destinations.join(",")}`)).toEqual([
      "FI-05 financial-cluster,operations-board,strategic-board",
    ]);
  });

  it("guard: a RAG cell shaded grey, pale blue (row banding) or white is no rating; red or green fills are Red and Green", async () => {
    // SPEC Real registers, Colour-only RAG: "a RAG cell with no text whose fill is red, amber or green (nearest
    // of the three by hue …) is read as that word". Rules: risk/rag-mismatch. (judgement: grey, pale blue and
    // white have no hue an officer would call a rating.) RG-01…03 score 4 (Green) with neutral fills: no
    // finding. RG-04 (score 2) filled red and RG-05 (score 16) filled green disagree with their scores.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [...HEAD, "RAG"],
          row("RG-01", { l: 2, i: 2 }),
          row("RG-02", { l: 2, i: 2 }),
          row("RG-03", { l: 2, i: 2 }),
          row("RG-04", { l: 1, i: 2 }),
          row("RG-05", { l: 4, i: 4 }),
        ],
        build: (ws) => {
          ws.getCell("L2").fill = solid("FFD9D9D9");
          ws.getCell("L3").fill = solid("FFDCE6F1");
          ws.getCell("L4").fill = solid("FFFFFFFF");
          ws.getCell("L5").fill = solid("FFFF0000");
          ws.getCell("L6").fill = solid("FF00B050");
        },
      },
    ]);
    expect(of(json, "risk/rag-mismatch").map((f) => `${f.recordId} ${f.cell}: ${f.message}`)).toEqual([
      "RG-04 L5: Risk RG-04 is marked Red but its score 2 is Green.",
      "RG-05 L6: Risk RG-05 is marked Green but its score 16 is Red.",
    ]);
  });
});
