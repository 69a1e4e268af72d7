// Heuristics review 31 (rv-heur31): the reading rules added in session 30 (sign-off blocks and review notes
// under the table, colour keys and the lines under them, "New risks …" headings, month headings, "Closed –
// reopened", live sheet names with closed words, Previous / Last month blocks, percentage likelihoods, bare
// month names under a year, reworded titles and contract-wide ids, deadline dates and programmes in updates,
// the headers of UK public registers, arrow and prose columns, NHS rating words, theme tints and the legacy
// palette) run on ordinary registers where they could misfire. The question each test asks: does a new rule
// invent a finding, drop a risk or a risk's finding, or misread a column an officer reads at a glance? Each
// workbook is written with ExcelJS and checked as an officer runs the tool:
// `risk-review check FILE --as-at 2022-09-30 --format json`. Each test cites the SPEC.md (or README.md)
// passage it rests on, or "(judgement)" where SPEC is silent and an officer's reading decides. Tests named
// "guard:" pass today and keep an ordinary reading a fix must not break.

import type ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
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
} from "./helpers/ordinary-register";

jest.setTimeout(120_000);

const check = ordinaryChecker("heur31");

/** Every finding as "rule recordId cell", for a compact exact comparison. */
const all = (json: JsonReport): string[] =>
  json.findings.map((f) => `${f.ruleId} ${f.recordId ?? "(no id)"} ${f.sheet}!${f.cell ?? "-"}`);
const scoreOf = (json: JsonReport, id: string): number | null | undefined =>
  json.risks.find((r) => r.recordId === id)?.score;

// ---------------------------------------------------------------------------------------------------
// 1. Colour keys, sign-offs and the rows after them

describe("colour keys and sign-off blocks: what stands after them", () => {
  it("a CLOSED RISKS heading typed straight under the colour key heads closed risks; it is not a line of the key", async () => {
    // README: rows "under a section heading that says so ("CLOSED RISKS", …) are closed whatever their Status
    // says: exempt from the update and action rules … never routed". README also sets aside "a line of words
    // straight under a key or a sign-off" — meant for a note such as "Last reviewed at RMB 28/09/22", not for
    // a section heading that risks stand under. (judgement: a register keeps its colour key under the live
    // risks and its closed risks below the key, under their own CLOSED RISKS heading, as many council
    // registers are printed. CR-01 (4 × 4, last updated in May, status never changed from "Open") and CR-02
    // (owner left blank) are closed: no finding, not routed. Today the heading is set aside as a line of the
    // key ("row 9 (colour key)"): CR-01 and CR-02 are live, with stale-update ×2, missing-owner and
    // above-appetite, and CR-01 is routed to the corporate register.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("HW-01"),
          row("HW-02"),
          [],
          ["Key:"],
          ["Red", "15–25: escalate to the corporate register"],
          ["Amber", "5–12: directorate register"],
          ["Green", "1–4: managed within the service"],
          ["CLOSED RISKS"],
          row("CR-01", { l: 4, i: 4, last: STALE }),
          row("CR-02", { owner: null, last: STALE }),
        ],
      },
    ]);
    expect({
      risks: riskIds(json),
      findings: all(json),
      routedCR01: routed(json, "CR-01"),
    }).toEqual({ risks: ["HW-01", "HW-02", "CR-01", "CR-02"], findings: [], routedCR01: [] });
  });

  it("an 'Archived risks' heading typed straight under the sign-off row heads archived risks; it is not a note on the sign-off", async () => {
    // README: a sign-off block ("Approved by: | Jo Smith … | Date: | 28/09/2022") is set aside; rows under a
    // section heading "Archived risks" are closed whatever their Status says. (judgement: the officer signs the
    // live register and keeps the archived risks under it for reference, headed "Archived risks" on the very
    // next row. AR-01 (4 × 4, stale) and AR-02 (no owner, stale) are archived: no finding, AR-01 not routed.
    // Today the heading is read as "a line of words straight under a sign-off" and set aside: AR-01 and AR-02
    // are live, with stale-update ×2, missing-owner and above-appetite, and AR-01 goes to the corporate
    // register.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("HW-01"),
          row("HW-02"),
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
          ["Archived risks"],
          row("AR-01", { l: 4, i: 4, last: STALE }),
          row("AR-02", { owner: null, last: STALE }),
        ],
      },
    ]);
    expect({
      risks: riskIds(json),
      findings: all(json),
      routedAR01: routed(json, "AR-01"),
    }).toEqual({ risks: ["HW-01", "HW-02", "AR-01", "AR-02"], findings: [], routedAR01: [] });
  });

  it("a register rated RAG-first ('Red | 1 | Bridge joint failure …') with its key on the row under the header keeps every risk", async () => {
    // SPEC Rules: risk/stale-update, Escalation corporate-register ≥ 16. README: a colour key's entries ("Red |
    // 15–25: escalate …", "a RAG word first and no id beside it") are set aside. (judgement: this register puts
    // its RAG first and numbers its risks 1, 2, 3; the key "Key: | R = Red (15–25) | A = Amber (5–12) | G =
    // Green (1–4)" sits on the row under the header, as a help line. The rows below it are risks, each with a
    // number id, an owner, scores and dates: risk 1 (16) goes to the corporate register, risk 3 is stale.
    // Today every row from the key down is "colour key" (a RAG word first, no id-like text beside it, a number
    // id not counting): 0 records, "No findings", exit 0 — the whole register silently unread.)
    const RAG_HEAD = ["RAG", "Risk No", ...HEAD.slice(1)];
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          RAG_HEAD,
          ["Key:", "R = Red (15–25)", "A = Amber (5–12)", "G = Green (1–4)"],
          ["Red", ...row(1, { title: "Bridge joint failure on the A38 viaduct", l: 4, i: 4 })],
          ["Amber", ...row(2, { title: "Gritting fleet availability" })],
          ["Green", ...row(3, { title: "Depot lease renewal", l: 2, i: 2, last: STALE })],
        ],
      },
    ]);
    expect({ risks: riskIds(json), stale: staleIds(json), routed1: routed(json, "1") }).toEqual({
      risks: ["1", "2", "3"],
      stale: ["3"],
      routed1: ["corporate-register"],
    });
  });

  it("guard: 'Key risks' headings, a title opening 'Key:' and a sign-off row with risks straight under it are risks; the key under the table is set aside", async () => {
    // README: a colour key ("Key:", "RAG key" or "Legend", then `Red | 15–25: …` a row a band) is set aside; a
    // sign-off row "opening with such a label" is set aside. SPEC Section rows: a one-text row is a heading.
    // KR-01's title "Key: loss of key staff in the lighting team" is a risk's; "Key risks for the Board" is a
    // section; "Approved by: … Date: …" between two blocks is the sign-off of the first, and B-01 / B-02 under
    // it are risks (B-01 stale). The key block under the table gives no finding.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          ["Key risks for the Board"],
          row("KR-01", { title: "Key: loss of key staff in the lighting team", last: STALE }),
          row("KR-02"),
          ["Approved by:", "Jo Smith", null, null, null, null, null, null, "Date:", d(2022, 9, 28)],
          row("B-01", { last: STALE }),
          row("B-02"),
          [],
          ["Key:"],
          ["Red", "15–25: escalate"],
          ["Amber", "5–12: directorate register"],
          ["Green", "1–4: manage locally"],
        ],
      },
    ]);
    expect({ risks: riskIds(json), findings: all(json) }).toEqual({
      risks: ["KR-01", "KR-02", "B-01", "B-02"],
      findings: ["risk/stale-update KR-01 Risk Register!J3", "risk/stale-update B-01 Risk Register!J6"],
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Closed words

describe("closed risks: statuses and sheet names", () => {
  it("a closed risk whose status says it could be reopened ('Closed – can be reopened if …', 'Closed; may be re-opened should …') stays closed", async () => {
    // SPEC Values, Risk status: "Words or a date after the status word (`Closed (30/11/2022)`) are fine. Closed
    // risks are exempt from the update and action rules." README: "Closed – reopened Sep-22" is open (it was
    // reopened). (judgement: "can be reopened if the A38 scheme is re-programmed" and "may be re-opened should
    // DfT funding be withdrawn" say when it would be reopened: it has not been. CS-01…03, 4 × 4 and last
    // updated in May, are closed: not stale, not routed. Today the word "reopened" after "Closed" opens CS-01
    // and CS-02 (only "not"/"never"/"unless"/"if" just before it keep it closed): both are stale and routed to
    // the corporate register; CS-03 stays closed.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("CS-01", {
            l: 4,
            i: 4,
            last: STALE,
            status: "Closed – can be reopened if the A38 scheme is re-programmed",
          }),
          row("CS-02", {
            l: 4,
            i: 4,
            last: STALE,
            status: "Closed; may be re-opened should DfT funding be withdrawn",
          }),
          row("CS-03", { l: 4, i: 4, last: STALE, status: "Closed, will not be reopened" }),
        ],
      },
    ]);
    expect({ stale: staleIds(json), escalated: json.escalations.map((e) => e.recordId) }).toEqual({
      stale: [],
      escalated: [],
    });
  });

  it("a sheet named 'Closed & removed risks' or 'Closed and deleted risks' holds closed risks", async () => {
    // README: a register-shaped sheet "whose name says it holds closed risks ("Closed Risks", "Closed",
    // "Archive" …) … [is] closed whatever their Status says"; "Risks (closed ones removed)" — the closed
    // ones taken off — is live. (judgement: "Closed & removed risks" and "Closed and deleted risks" are the
    // risks that were closed or taken off the register: the sheet holds them, it does not leave them out.
    // SN-02, last updated in May, is not stale there, and the sheet is read as closed risks. Today "removed" /
    // "deleted" after "Closed" is read as "the closed ones were removed": both sheets are live (no `holds`) and
    // SN-02 is stale.)
    const seen: Record<string, { holds?: string; stale: string[] }> = {};
    const names = ["Closed & removed risks", "Closed and deleted risks"];
    for (const name of names) {
      const json = await check([
        { name: "Risk Register", rows: [HEAD, row("HW-01")] },
        { name, rows: [HEAD, row("SN-01"), row("SN-02", { last: STALE })] },
      ]);
      seen[name] = { holds: sheetOf(json, name)?.holds, stale: staleIds(json) };
    }
    expect(seen).toEqual(Object.fromEntries(names.map((n) => [n, { holds: "closed-risks", stale: [] }])));
  });

  it("guard: 'Risks (closed ones removed)' is live and 'Closed Risks' is closed", async () => {
    // README: "Risks (closed ones removed)" is a live register; "Closed Risks" holds closed risks.
    const seen: Record<string, { holds?: string; stale: string[] }> = {};
    for (const name of ["Risks (closed ones removed)", "Closed Risks"]) {
      const json = await check([
        { name: "Risk Register", rows: [HEAD, row("HW-01")] },
        { name, rows: [HEAD, row("SN-01"), row("SN-02", { last: STALE })] },
      ]);
      seen[name] = { holds: sheetOf(json, name)?.holds, stale: staleIds(json) };
    }
    expect(seen).toEqual({
      "Risks (closed ones removed)": { holds: undefined, stale: ["SN-02"] },
      "Closed Risks": { holds: "closed-risks", stale: [] },
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Last month beside this month

describe("last month beside this month", () => {
  it("'Update – last month' beside 'Update – this month': this month's update is the risk's latest", async () => {
    // SPEC Latest update: the newest of "the dated lines of its update text" …; Fields: update = Latest Update,
    // Commentary, Progress. (judgement: the register keeps last month's commentary beside this month's. LM-01
    // was updated 14/09/22 this month; LM-02's this-month cell is empty and its last update, 10/08/22, is
    // before 30/08/2022: only LM-02 is stale, and the sheet lacks no last-updated column (its update text
    // carries dated lines). Today "Update – last month" (I) is the update column and "Update – this month" is
    // not recognised: LM-01 "was last updated 12/08/2022" and is stale too.)
    const LM_HEAD = [...HEAD.slice(0, 8), "Update – last month", "Update – this month", "Status"];
    const base = (id: string) => row(id).slice(0, 8);
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          LM_HEAD,
          [
            ...base("LM-01"),
            "12/08/22 – gully cleansing on programme",
            "14/09/22 – cleansing complete; no change to score",
            "Open",
          ],
          [...base("LM-02"), "10/08/22 – recovery plan requested from contractor", null, "Open"],
        ],
      },
    ]);
    expect({
      update: sheetOf(json, "Risk Register")?.columns.update,
      stale: staleIds(json),
      missingColumn: of(json, "sheet/missing-column").map((f) => f.message),
    }).toEqual({ update: "J", stale: ["LM-02"], missingColumn: [] });
  });

  it("'Risk score' over 'Last month | This month': this month's is the risk's score", async () => {
    // SPEC Reading sheets: a group-header row "qualifies the headers below"; README: "an earlier assessment
    // beside the current one, `Previous` | `Current` or `Last month` | `This month`, keeps the earlier block as a
    // previous likelihood, impact and score … and reads the current block's as the risk's". (judgement: here
    // the group header names the field, "Risk score", and the months are the columns: RS-01 is 16 this month
    // (12 last month) and goes to the corporate register; RS-02 is 9 (16 last month) and goes to the
    // directorate register. Today "Last month" and "This month" are not recognised: no score (null), routed
    // nowhere, no finding.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [null, null, null, "Risk score", null, null, null, null, null, null],
          [
            "Risk ID",
            "Risk Title",
            "Risk Owner",
            "Last month",
            "This month",
            "Strategy",
            "Mitigating Actions",
            "Latest Update",
            "Last Updated",
            "Status",
          ],
          [
            "RS-01",
            "Bridge joint failure",
            "Jo Smith",
            12,
            16,
            "Treat",
            "Inspections",
            "Reviewed",
            FRESH,
            "Open",
          ],
          [
            "RS-02",
            "Gritting fleet availability",
            "Al Khan",
            16,
            9,
            "Treat",
            "Spare gritters",
            "Reviewed",
            FRESH,
            "Open",
          ],
        ],
        build: (ws) => ws.mergeCells(1, 4, 1, 5),
      },
    ]);
    expect({
      scores: [scoreOf(json, "RS-01"), scoreOf(json, "RS-02")],
      routed: [routed(json, "RS-01"), routed(json, "RS-02")],
    }).toEqual({ scores: [16, 9], routed: [["corporate-register"], ["directorate-register"]] });
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Columns read by their cells

describe("columns read by what their cells hold", () => {
  it("an impact column of scale words with their meaning ('Major – £250k loss to the contract', '4 – Major: £250k loss …') is the impact: scores are worked out", async () => {
    // SPEC Values, Scores: "A bare word is read on the likelihood and impact scales … Minor 2, Moderate 3, Major 4,
    // Catastrophic / Severe / Critical 5"; "Text such as `3 - Possible` … is read by its number"; a score "may
    // then be worked out from likelihood × impact where the register has no score column". README: an impact
    // column "of prose (`Consequences`: "Reputational damage …") is no impact". (judgement: each cell starts with
    // the impact word, or its number and word, and then says what it means, as the council's scoring guide words
    // it: PI-01 4 × Major = 16 (corporate register), PI-02 3 × Moderate = 9, PI-03 4 × Severe = 20, PI-04 2 ×
    // Minor = 4. The £250k in the text is the guide's band, not the impact. Today, words first, the column is
    // taken for prose and mapped to description: no impact, every score null, nothing routed, "No findings";
    // number first, PI-01's "4 – Major: £250k loss …" gives no number (null, not routed) while the others read.)
    const PI_HEAD = [...HEAD.slice(0, 5), ...HEAD.slice(6)];
    const pi = (id: string, l: number, impact: string): Cell[] => {
      const r = row(id, { l, i: impact, s: null });
      return [...r.slice(0, 5), ...r.slice(6)];
    };
    const variants: Record<string, string[]> = {
      "words first": [
        "Major – £250k loss to the contract",
        "Moderate – local press coverage",
        "Severe – fatality or serious injury on the network",
        "Minor – short delay to works",
      ],
      "number first": [
        "4 – Major: £250k loss to the contract",
        "3 – Moderate: local press coverage",
        "5 – Severe: fatality or serious injury on the network",
        "2 – Minor: short delay to works",
      ],
    };
    const seen: Record<string, { impact?: string; scores: string[]; routedPI01: string[] }> = {};
    for (const [variant, impacts] of Object.entries(variants)) {
      const json = await check([
        {
          name: "Risk Register",
          rows: [
            PI_HEAD,
            pi("PI-01", 4, impacts[0]),
            pi("PI-02", 3, impacts[1]),
            pi("PI-03", 4, impacts[2]),
            pi("PI-04", 2, impacts[3]),
          ],
        },
      ]);
      seen[variant] = {
        impact: sheetOf(json, "Risk Register")?.columns.impact,
        scores: json.risks.map((r) => `${r.recordId} ${r.score}`),
        routedPI01: routed(json, "PI-01"),
      };
    }
    const expected = {
      impact: "E",
      scores: ["PI-01 16", "PI-02 9", "PI-03 20", "PI-04 4"],
      routedPI01: ["corporate-register"],
    };
    expect(seen).toEqual({ "words first": expected, "number first": expected });
  });

  it("guard: a Risk Status column of Open / Closed with one 'Treat' typed into it stays the status beside its Strategy column", async () => {
    // README: "a `Risk Status` column holding only strategy words (Treat / Tolerate / Transfer, no Open or
    // Closed) is the strategy" — not one holding status words too. SPEC Values: closed risks are exempt. The
    // register's own Strategy column is the strategy; RS-04 (Closed) gives no finding; RS-03's status "Treat"
    // (an officer's slip) is read as open: stale.
    const SH = [...HEAD.slice(0, 10), "Risk Status"];
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          SH,
          row("RS-01"),
          row("RS-02"),
          row("RS-03", { last: STALE, status: "Treat" }),
          row("RS-04", { last: STALE, status: "Closed" }),
        ],
      },
    ]);
    const cols = sheetOf(json, "Risk Register")?.columns;
    expect({ status: cols?.status, strategy: cols?.strategy, stale: staleIds(json) }).toEqual({
      status: "K",
      strategy: "G",
      stale: ["RS-03"],
    });
  });

  it("guard: public bodies' headers beside ordinary ones: 'Risk' is the title beside 'Related Strategic Risks', 'Description' the description, 'Existing Controls' the controls beside 'Response', the strategy", async () => {
    // SPEC Fields: title "Risk Title, Risk"; description "Description, Risk Description"; controls "Existing
    // Controls"; strategy "Response"; actions "Mitigation". README: "`Strategic Risks` the title", "on an
    // actions sheet a bare `Description` beside an action id is the action", "`Control`/`Controls` beside
    // `Response` … the controls, not the strategy". On this register "Related Strategic Risks" (SR3) names the
    // corporate risk it feeds and stays unmapped; the other columns keep their SPEC meaning.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [
            "Risk Ref",
            "Risk",
            "Description",
            "Risk Owner",
            "Likelihood",
            "Impact",
            "Score",
            "Existing Controls",
            "Response",
            "Mitigation",
            "Latest Update",
            "Last Updated",
            "Status",
            "Related Strategic Risks",
          ],
          [
            "HW-01",
            "Bridge joint failure",
            "Expansion joints on the A38 viaduct are past their design life",
            "Jo Smith",
            3,
            3,
            9,
            "Principal inspections every six years",
            "Treat",
            "Replace the joints in the 2023/24 programme",
            "Reviewed at RMB",
            FRESH,
            "Open",
            "SR3",
          ],
        ],
      },
    ]);
    const sheet = sheetOf(json, "Risk Register");
    const c = sheet?.columns ?? {};
    expect({
      mapped: [c.title, c.description, c.controls, c.strategy, c.actions],
      unmapped: sheet?.unmapped,
      findings: all(json),
    }).toEqual({ mapped: ["B", "C", "H", "I", "J"], unmapped: ["Related Strategic Risks"], findings: [] });
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Ids numbered per sheet with templated titles

describe("ids numbered per sheet", () => {
  it("two annex registers numbering R1–R4 from a shared template ('Delay to the resurfacing programme' / 'Delay to the lantern programme') keep their risks apart", async () => {
    // SPEC Real registers, Ids numbered per sheet: where several registers "each number their own risks from the
    // start (R1, R2 … on every sheet: most ids of one register recur on another with other titles), ids are per
    // sheet, and `risk/owner-conflict` and cross-sheet linking join two rows only where their titles match too".
    // (judgement: each annex was written from the council's template, so titles run in parallel, but each names
    // its own service: resurfacing vs lanterns, inspection vs repair KPI, inspectors vs electricians. They are
    // other titles: no owner conflict between the two annexes' owners, and Annex B's R3 (electricians, last
    // updated in May) is stale whatever Annex A's R3 (inspectors, updated this month) says. Today three of the
    // four title pairs share more than half their words, so the ids are taken as contract-wide: owner-conflict
    // on R1–R4 of Annex B, and Annex B's R3 loses its stale-update to Annex A's R3's update.)
    const A = [
      "Delay to the resurfacing programme",
      "Failure to meet the inspection KPI",
      "Shortage of qualified inspectors",
      "Budget overspend on reactive repairs",
    ];
    const B = [
      "Delay to the lantern programme",
      "Failure to meet the repair KPI",
      "Shortage of qualified electricians",
      "Budget overspend on energy",
    ];
    const json = await check([
      {
        name: "Annex A - Highways",
        rows: [HEAD, ...A.map((title, k) => row(`R${k + 1}`, { title, owner: "Jo Smith" }))],
      },
      {
        name: "Annex B - Street Lighting",
        rows: [
          HEAD,
          ...B.map((title, k) =>
            row(`R${k + 1}`, { title, owner: "Al Khan", last: k === 2 ? STALE : FRESH }),
          ),
        ],
      },
    ]);
    expect({
      ownerConflict: of(json, "risk/owner-conflict").map((f) => `${f.recordId} ${f.sheet}`),
      stale: of(json, "risk/stale-update").map((f) => `${f.recordId} ${f.sheet}`),
    }).toEqual({ ownerConflict: [], stale: ["R3 Annex B - Street Lighting"] });
  });
});

// ---------------------------------------------------------------------------------------------------
// 6. Dated lines

describe("dated lines in the update text", () => {
  it("lines headed by the month as Excel shows it ('Sep-22: reviewed at RMB', 'Update (Sep-22): …') date the update", async () => {
    // SPEC Real registers, Dated lines: an update cell holding a history, one entry a line, has as its update date
    // the newest date that starts a line; SPEC Values, Dates: month-only dates mean their first day when they say
    // when something was last updated. README: "Oct 2022: …" heads an entry with ":" after it; months are written
    // "Sep-22" as Excel shows them. (judgement: officers head their entries the way the register's month columns
    // are shown: "Sep-22: …". The register has no date column; DL-01 and DL-03 were updated in September, DL-02
    // last in June: only DL-02 is stale, and the sheet does not lack a last-updated column. Today no line is
    // dated (a month needs a four-digit year): sheet/missing-column for last updated, and all three stale.)
    const DH = [...HEAD.slice(0, 9), "Status"];
    const r = (id: string, update: string) => [...row(id, { update }).slice(0, 9), "Open"];
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          DH,
          r("DL-01", "Sep-22: reviewed at RMB, no change\nAug-22: contractor's recovery plan received"),
          r("DL-02", "Jun-22: reviewed at RMB, no change"),
          r("DL-03", "Update (Sep-22): contractor confirmed the works are complete"),
        ],
      },
    ]);
    expect({
      stale: staleIds(json),
      missingColumn: of(json, "sheet/missing-column").map((f) => f.message),
    }).toEqual({ stale: ["DL-02"], missingColumn: [] });
  });

  it("a mistyped future date under 'Latest update:' ('29/10/22 – reviewed at RMB' as at 30/09/2022) is flagged as a future date, not dropped as a programme", async () => {
    // SPEC Rules: risk/future-date warns of "a lastUpdated date after the as-at date"; Dated lines: the update
    // text's dated lines count as lastUpdated dates. README: the lines under a heading ending with a colon, all
    // after the as-at date, are a programme ("Contractor's programme received:"). (judgement: "Latest update:"
    // labels a history, not a programme; one line dated 29/10/22 under it, a month after the as-at date, is a
    // typo for 29/09/22 the officer needs to see. FD-01 (Last Updated 01/05/2022) gets risk/future-date on its
    // update cell, as FD-02, the same line without the label, does. Today FD-02 is warned and FD-01 is not: its
    // one line is dropped as a programme.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("FD-01", {
            last: STALE,
            update: "Latest update:\n29/10/22 – reviewed at RMB, no change to score",
          }),
          row("FD-02", { last: STALE, update: "29/10/22 – reviewed at RMB, no change to score" }),
        ],
      },
    ]);
    expect(of(json, "risk/future-date").map((f) => `${f.recordId} ${f.cell}`)).toEqual([
      "FD-01 I2",
      "FD-02 I3",
    ]);
  });

  it("guard: 'Reviewed by PM (due diligence done 12/09/22)' dates the update; 'Next review: (due 12/12/22)' dates nothing", async () => {
    // SPEC Dated lines: the update date is the newest date that starts a line or "closes one in brackets";
    // README: not after a word making it a deadline ("(due …)"). DG-01 was updated 12/09/22 (fresh, though its
    // Last Updated is May); DG-02's only date is its next review: stale, no future-date.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("DG-01", { last: STALE, update: "Reviewed by PM (due diligence done 12/09/22)" }),
          row("DG-02", { last: STALE, update: "No change this month.\nNext review: (due 12/12/22)" }),
        ],
      },
    ]);
    expect({ stale: staleIds(json), future: idsOf(of(json, "risk/future-date")) }).toEqual({
      stale: ["DG-02"],
      future: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 7. Month columns under a group header with a year

const FY_MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
/** A register with its updates a column a month under "Monthly update 2022/23" (row 1, over column J). */
function monthRows(months: string[] = FY_MONTHS): Cell[][] {
  const base = (id: string) => [...row(id).slice(0, 8), "Open"];
  const group: Cell[] = new Array(9 + months.length).fill(null);
  group[9] = "Monthly update 2022/23";
  return [
    group,
    [...HEAD.slice(0, 8), "Status", ...months],
    [...base("MU-01"), "Ordered", null, null, "Started", null, "Complete; no change"],
    [...base("MU-02"), "Survey booked", null, null, "Survey done"],
  ];
}
const monthOutcome = (json: JsonReport) => {
  const stale = of(json, "risk/stale-update");
  return {
    stale: idsOf(stale),
    mentionsJuly: stale.every((f) => f.message.includes("01/07/2022")),
    missingColumn: of(json, "sheet/missing-column").length,
  };
};

describe("month columns named by the month alone", () => {
  it("'Monthly update 2022/23' merged over a whole financial year of columns, Apr … Mar, is read month by month", async () => {
    // README: "a month's name alone, `July` or `Jul`, under a group header giving its year, `Monthly update
    // 2022/23` (April–December 2022, January–March 2023)", read "from each row's newest filled month up to the
    // as-at date (later months, a register laid out for the year, are not read yet)". (judgement: the register
    // is laid out for the whole year, Apr to Mar, as councils lay out a year's register. MU-01's newest month up
    // to September is Sep: fresh; MU-02's is Jul: stale, "last updated 01/07/2022"; no sheet/missing-column.
    // Today the same header merged over Apr … Sep is read, but over Apr … Jan or more (ten months or more) the
    // months are "not recognised": sheet/missing-column, and MU-01 and MU-02 both have "no recorded update".)
    const json = await check([
      {
        name: "Risk Register",
        rows: monthRows(),
        build: (ws) => ws.mergeCells(1, 10, 1, 9 + FY_MONTHS.length),
      },
    ]);
    expect(monthOutcome(json)).toEqual({ stale: ["MU-02"], mentionsJuly: true, missingColumn: 0 });
  });

  it("'Monthly update 2022/23' written once over 'Apr', with May … Sep to its right, is read month by month", async () => {
    // README: months under a group header "merged over them or written once over the first month (it then
    // stands over the months to its right, up to the next group header or the first column that is not a
    // month …)"; bare month names under a group header giving the year are read as months. (judgement: the two
    // rules together: the officer typed the group header once over Apr. MU-01's Sep is filled: fresh; MU-02's
    // newest month is Jul: stale, "last updated 01/07/2022"; no sheet/missing-column. Today only Apr is read
    // ("Latest update, by month: Apr-22 (J)"; May … Sep "not recognised"): both risks "last updated
    // 01/04/2022", stale.)
    const json = await check([{ name: "Risk Register", rows: monthRows(FY_MONTHS.slice(0, 6)) }]);
    expect(monthOutcome(json)).toEqual({ stale: ["MU-02"], mentionsJuly: true, missingColumn: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------
// 8. RAG colours and rating words

const fill = (color: Partial<ExcelJS.Color> & { indexed?: number }): ExcelJS.Fill =>
  ({ type: "pattern", pattern: "solid", fgColor: color }) as ExcelJS.Fill;

describe("colour-only RAG and own rating words", () => {
  it("guard: RAG cells filled with theme colours at 'Lighter 40%' / 'Darker 25%' and from Excel's legacy palette are read as Red, Amber and Green", async () => {
    // SPEC Real registers, Colour-only RAG: "a RAG cell with no text whose fill is red, amber or green (nearest of
    // the three by hue, theme colours resolved) is read as that word"; README: theme colours "with their tint"
    // and "Excel's legacy indexed palette"; only "a fill too pale to tell, such as Green `Lighter 80%`" is no
    // rating. Rules: risk/rag-mismatch. The workbook's theme (Office 2007): accent 2 Red C0504D, accent 3 Olive
    // Green 9BBB59, accent 6 Orange F79646. TF-01 16 Red Lighter 40%: agrees; TF-02 16 Green Lighter 40%:
    // mismatch; TF-03 4 Orange Lighter 40% (amber): mismatch; TF-04 9 Orange Darker 25%: agrees. Legacy palette:
    // IX-01 16 Green (17): mismatch; IX-02 4 Red (10): mismatch; IX-03 9 Light Orange (52): agrees.
    const LIGHTER_40 = 0.3999755851924192;
    const theme = (t: number, tint: number) => fill({ theme: t, tint } as Partial<ExcelJS.Color>);
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [...HEAD, "RAG"],
          row("TF-01", { l: 4, i: 4 }),
          row("TF-02", { l: 4, i: 4 }),
          row("TF-03", { l: 2, i: 2 }),
          row("TF-04", { l: 3, i: 3 }),
          row("IX-01", { l: 4, i: 4 }),
          row("IX-02", { l: 2, i: 2 }),
          row("IX-03"),
        ],
        build: (ws) => {
          ws.getCell("L2").fill = theme(5, LIGHTER_40);
          ws.getCell("L3").fill = theme(6, LIGHTER_40);
          ws.getCell("L4").fill = theme(9, LIGHTER_40);
          ws.getCell("L5").fill = theme(9, -0.249977111117893);
          ws.getCell("L6").fill = fill({ indexed: 17 });
          ws.getCell("L7").fill = fill({ indexed: 10 });
          ws.getCell("L8").fill = fill({ indexed: 52 });
        },
      },
    ]);
    expect(of(json, "risk/rag-mismatch").map((f) => `${f.recordId} ${f.cell}`)).toEqual([
      "TF-02 L3",
      "TF-03 L4",
      "IX-01 L6",
      "IX-02 L7",
    ]);
  });

  it("on a register rated in the NHS words (Low / Moderate / High / Extreme), a score of 20 rated 'Moderate' is a RAG mismatch", async () => {
    // SPEC Rules: risk/rag-mismatch "a RAG word disagrees with the score's band"; README: a rating column in the
    // NHS's Low / Moderate / High / Extreme "is that register's own scale, not a RAG colour". (judgement: the
    // register's own scale is the NHS one (Low 1–3, Moderate 4–6, High 8–12, Extreme 15–25), which every other
    // row follows; NH-06 is 5 × 4 = 20 rated "Moderate", a slip the officer must see: one rag-mismatch, on
    // NH-06's rating cell, and none on the rows that follow the scale. Today the one slip makes the column no
    // own scale: NH-03's "High" (12, High on the NHS scale) is flagged "marked High but its score 12 is Amber",
    // and NH-06's "Moderate" at 20 is not flagged. Without NH-06 the scale is read and nothing is flagged.)
    const NH = [...HEAD.slice(0, 6), "Risk Rating", ...HEAD.slice(6)];
    const nh = (id: string, l: number, i: number, rating: string): Cell[] => {
      const r = row(id, { l, i });
      return [...r.slice(0, 6), rating, ...r.slice(6)];
    };
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          NH,
          nh("NH-01", 1, 2, "Low"),
          nh("NH-02", 2, 3, "Moderate"),
          nh("NH-03", 3, 4, "High"),
          nh("NH-04", 4, 4, "Extreme"),
          nh("NH-05", 5, 5, "Extreme"),
          nh("NH-06", 5, 4, "Moderate"),
        ],
      },
    ]);
    expect(of(json, "risk/rag-mismatch").map((f) => `${f.recordId} ${f.cell}`)).toEqual(["NH-06 G7"]);
  });
});
