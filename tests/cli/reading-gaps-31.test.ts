// Reading gaps left at the session 31 stop (fx-read31): a colour key's score bands written as numbers under a
// register that numbers its risks 1, 2, 3 and rates them RAG first; an "Action Ref" column on a register; and
// one risk's id typed two ways ("HRC 001", "HRC-001", "HRC-1"). Each workbook is written with ExcelJS and
// checked as an officer runs the tool: `risk-review check FILE --as-at 2022-09-30 --format json`. Each test
// cites the SPEC.md (or README.md) passage it rests on, or "(judgement)" where SPEC is silent and an
// officer's reading decides. Tests named "guard:" keep an ordinary reading a fix must not break.

import type { JsonReport } from "../../src/cli/format-json";
import { d, type Cell } from "./helpers/review-book";
import {
  ordinaryChecker,
  of,
  idsOf,
  staleIds,
  riskIds,
  sheetOf,
  HEAD,
  FRESH,
  STALE,
  row,
} from "./helpers/ordinary-register";

jest.setTimeout(120_000);

const check = ordinaryChecker("gaps31");

/** Every finding as "rule recordId cell", for a compact exact comparison. */
const all = (json: JsonReport): string[] =>
  json.findings.map((f) => `${f.ruleId} ${f.recordId ?? "(no id)"} ${f.sheet}!${f.cell ?? "-"}`);

// ---------------------------------------------------------------------------------------------------
// 1. A colour key's score bands, written as numbers, under a register rating its risks RAG first

/** The register rated RAG first, its risks numbered 1, 2, 3 (RAG | Risk No | Risk Title | …). */
const RAG_HEAD = ["RAG", "Risk No", ...HEAD.slice(1)];
/** Its three risks, all fresh and in order: 1 (4 × 4, Red), 2 (3 × 3, Amber), 3 (2 × 2, Green). */
const RAG_RISKS: Cell[][] = [
  ["Red", ...row(1, { title: "Bridge joint failure on the A38 viaduct", l: 4, i: 4 })],
  ["Amber", ...row(2, { title: "Gritting fleet availability" })],
  ["Green", ...row(3, { title: "Depot lease renewal", l: 2, i: 2 })],
];

/** The findings of the three risks alone (risk 1, 16, is above the default appetite): what a key must not add to. */
const baseline = async (): Promise<string[]> =>
  all(await check([{ name: "Risk Register", rows: [RAG_HEAD, ...RAG_RISKS] }]));

describe("a colour key's score bands written as numbers ('Red | 15 | 25')", () => {
  it("under its 'Key:' row: the bands are the key's, not risks 15, 5 and 1", async () => {
    // README: a colour key ("Key:", "RAG key" or "Legend", then `Red | 15–25: escalate …` a row a band) is set
    // aside, "neither risks nor a section". (judgement: the officer typed each band's bounds in two cells, so the
    // lower bound lands in the Risk No column and the upper one under Risk Title. Those numbers are the band's
    // bounds, not a risk numbered 15 titled "25". Today each band row is read as a risk (15, 5, 1): three
    // missing-strategy, stale-update, missing-owner and no-action findings, and a duplicate id 1.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [RAG_HEAD, ...RAG_RISKS, [], ["Key:"], ["Red", 15, 25], ["Amber", 5, 12], ["Green", 1, 4]],
      },
    ]);
    expect({ risks: riskIds(json), findings: all(json) }).toEqual({
      risks: ["1", "2", "3"],
      findings: await baseline(),
    });
  });

  it("with no 'Key:' row: a run of bands under the table, and one band alone, are the key's", async () => {
    // (judgement: a row whose RAG word is followed only by a score band's two bounds (lower first, within the
    // 1–25 scale, side by side), with no title, owner or date, is a key's band; so is such a row with a few words
    // saying what the band means ("escalate to the corporate register") where the row below is a band too. No
    // officer reads "Amber | 8 | 12" as risk 8 titled "12". Today each is a risk with four findings.)
    const run = await check([
      {
        name: "Risk Register",
        rows: [
          RAG_HEAD,
          ...RAG_RISKS,
          [],
          ["Red", 15, 25, "Escalate to the corporate register"],
          ["Amber", 8, 12, "Directorate register"],
          ["Green", 1, 4, "Managed within the service"],
        ],
      },
    ]);
    const alone = await check([{ name: "Risk Register", rows: [RAG_HEAD, ...RAG_RISKS, ["Amber", 8, 12]] }]);
    expect({
      run: riskIds(run),
      runFindings: all(run),
      alone: riskIds(alone),
      aloneFindings: all(alone),
    }).toEqual({
      run: ["1", "2", "3"],
      runFindings: await baseline(),
      alone: ["1", "2", "3"],
      aloneFindings: await baseline(),
    });
  });

  it("one odd band among the key's ('Red | 15–25', then 'Amber | 8 | 12', then 'Green | 1–4') is the key's, and so is the row after it", async () => {
    // README: a colour key's entries under "Key:" are set aside a row a band. (judgement: the officer typed one
    // band's bounds in two cells; it is still the key's, and the key goes on below it. Today "Amber | 8 | 12" is
    // read as risk 8, which ends the key: "Green | 1–4" is then read as a risk too.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          RAG_HEAD,
          ...RAG_RISKS,
          [],
          ["Key:"],
          ["Red", "15–25: escalate to the corporate register"],
          ["Amber", 8, 12],
          ["Green", "1–4: managed within the service"],
        ],
      },
    ]);
    expect({ risks: riskIds(json), findings: all(json) }).toEqual({
      risks: ["1", "2", "3"],
      findings: await baseline(),
    });
  });

  it("guard: real risks rated RAG first or second ('Red | 3 | Pothole backlog …', '3 | Red | Pothole backlog …') are never the key's", async () => {
    // SPEC Rules: risk/stale-update, risk/missing-owner. README: "a register rating its risks RAG first, `Red | 1
    // | Bridge joint failure …`, keeps them under a key on the row under its header". A risk has a title beside
    // its number; a band has a number there. Risk 3 (stale) stands straight under a key; risk 4 has nothing but its
    // RAG, number and title (no owner, no date); risks 5 and 6 have no title (a blank title, then an owner and
    // scores; 6 no date): each is a risk, with its findings. The id-first register's risk 3 (stale) under the key is one too.
    const ragFirst = await check([
      {
        name: "Risk Register",
        rows: [
          RAG_HEAD,
          ["Key:", "R = Red (15–25)", "A = Amber (5–12)", "G = Green (1–4)"],
          ["Red", ...row(3, { title: "Pothole backlog", l: 4, i: 4, last: STALE })],
          ["Red", 4, "Pothole backlog on the B3212", null],
          ["Amber", 5, null, "Jo Smith", 3, 3, 9, "Treat", "Weekly checks", "Reviewed", FRESH, "Open"],
          ["Green", 6, null, "Jo Smith", 1, 4],
          [],
          ["Key:"],
          ["Red", 15, 25],
          ["Amber", 5, 12],
        ],
      },
    ]);
    const idFirst = await check([
      {
        name: "Risk Register",
        rows: [
          ["Risk No", "RAG", ...HEAD.slice(1)],
          [1, "Amber", ...row(1, { title: "Gritting fleet availability" }).slice(1)],
          ["Key:"],
          ["Red", 15, 25],
          [3, "Red", ...row(3, { title: "Pothole backlog", l: 4, i: 4, last: STALE }).slice(1)],
        ],
      },
    ]);
    expect({
      ragFirst: riskIds(ragFirst),
      stale: staleIds(ragFirst),
      noOwner: idsOf(of(ragFirst, "risk/missing-owner")),
      idFirst: riskIds(idFirst),
      idFirstStale: staleIds(idFirst),
    }).toEqual({
      ragFirst: ["3", "4", "5", "6"],
      stale: ["3", "4", "6"],
      noOwner: ["4"],
      idFirst: ["1", "3"],
      idFirstStale: ["3"],
    });
  });

  it("guard: a board summary rating and numbering its risks with the score beside the number ('Red | 1 | 16 | Bridge joint failure') keeps every risk", async () => {
    // SPEC Real registers: rows are read "as a person reads" them. A summary for the board (RAG | Risk No | Score |
    // Risk Title) has a number, a score and a title on each row: each is a risk (1, 16, Red; 2, 9, Amber; 3, 4,
    // Green), not a key's band, as the ranges 1–16, 2–9 and 3–4 overlap and no key's bands do.
    const json = await check([
      {
        name: "Board Summary",
        rows: [
          ["RAG", "Risk No", "Score", "Risk Title"],
          ["Red", 1, 16, "Bridge joint failure on the A38 viaduct"],
          ["Amber", 2, 9, "Gritting fleet availability"],
          ["Green", 3, 4, "Depot lease renewal"],
        ],
      },
    ]);
    expect(riskIds(json)).toEqual(["1", "2", "3"]);
  });

  it("bands straight under the risks are the key's, and do not swallow the CLOSED RISKS heading or the risks under it", async () => {
    // README: a heading there over risks ("CLOSED RISKS" …) "is a section as anywhere"; rows under a CLOSED RISKS
    // heading are closed. (judgement, as above: "Red | 15 | 25" and "Green | 1 | 4", a run of bands straight under
    // risk 3, are the key's. Risk 7 (stale, no owner) under CLOSED RISKS is closed: no finding of its own.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          RAG_HEAD,
          ...RAG_RISKS,
          ["Red", 15, 25],
          ["Green", 1, 4],
          ["CLOSED RISKS"],
          ["Amber", ...row(7, { owner: null, last: STALE })],
        ],
      },
    ]);
    expect({ risks: riskIds(json), findings: all(json) }).toEqual({
      risks: ["1", "2", "3", "7"],
      findings: await baseline(),
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. "Action Ref" on a register

/** The actions sheet's header (SPEC Fields: actions). */
const ACTIONS_HEAD = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
const action = (riskId: Cell, ref: string): Cell[] => [
  riskId,
  ref,
  "Condition survey of the viaduct joints",
  "Al Khan",
  d(2022, 12, 31),
  "In progress",
];

describe("an 'Action Ref' column on a register", () => {
  it("beside 'Mitigating Actions': the actions are read from Mitigating Actions; the refs are links, not the actions text", async () => {
    // SPEC Fields: register actions are "Actions, Mitigation, Mitigating Actions …"; "Action Ref" is the actions
    // sheet's actionId. (judgement: on a register, "Action Ref" holds the references of the risk's actions on an
    // actions sheet ("A-101, A-102"): a link to them, shown as "actionRefs", never the actions text. AR-02 has
    // refs but no mitigating actions and no actions sheet: risk/no-action on its Mitigating Actions cell.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [...HEAD, "Action Ref"],
          row("AR-01", {}, ["A-101, A-102"]),
          row("AR-02", { actions: null }, ["A-103"]),
        ],
      },
    ]);
    expect({ columns: sheetOf(json, "Risk Register")?.columns, findings: all(json) }).toEqual({
      columns: expect.objectContaining({ actions: "H", actionRefs: "L" }) as unknown,
      findings: ["risk/no-action AR-02 Risk Register!H3"],
    });
  });

  it("alone: refs naming no row of an actions sheet are no action; refs naming one are", async () => {
    // SPEC Rules: risk/no-action "an open risk has no action at all: no actions text and no row in an actions
    // sheet". (judgement: a reference is not an action's words: "A-101" says an action exists elsewhere, so it
    // counts only where an actions sheet holds a row of that Action Ref, whichever risk that row names. With no
    // actions sheet, AR-01 and AR-02 have no action. With one holding A-101 (raised under AR-09) and A-102
    // (AR-02's), AR-01 has A-101 by its ref and AR-02 its own row; AR-03's "A-999" names no row: no action.)
    const head = HEAD.map((h) => (h === "Mitigating Actions" ? "Action Ref" : h));
    const register = {
      name: "Risk Register",
      rows: [
        head,
        row("AR-01", { actions: "A-101" }),
        row("AR-02", { actions: "A-102" }),
        row("AR-03", { actions: "A-999" }),
      ],
    };
    const noSheet = await check([register]);
    const withSheet = await check([
      register,
      { name: "Actions", rows: [ACTIONS_HEAD, action("AR-09", "A-101"), action("AR-02", "A-102")] },
    ]);
    expect({
      columns: sheetOf(noSheet, "Risk Register")?.columns,
      noSheet: idsOf(of(noSheet, "risk/no-action")),
      withSheet: idsOf(of(withSheet, "risk/no-action")),
      actionsKind: sheetOf(withSheet, "Actions")?.kind,
    }).toEqual({
      columns: expect.not.objectContaining({ actions: expect.anything() as unknown }) as unknown,
      noSheet: ["AR-01", "AR-02", "AR-03"],
      withSheet: ["AR-03"],
      actionsKind: "actions",
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. One risk's id typed two ways

/** A second register in HEAD's columns (ids made for the whole contract: the same id is the same risk). */
const LIGHTING = "Lighting Register";

describe("one risk's id typed with a space, a hyphen or without its zeros ('HRC 001', 'HRC-001', 'HRC-1')", () => {
  it("is one risk across registers: its owners conflict, and its fresh row dates the other", async () => {
    // SPEC Reading sheets: "Record ids are compared trimmed, case-insensitively and with runs of spaces folded";
    // SPEC Real registers: "ids made for the whole contract, like HRC-003: the same id is the same risk on every
    // sheet". SPEC is silent on a hyphen typed as a space and on a number's leading zeros after a prefix.
    // (judgement: "HRC 001", "HRC-001", "HRC001" and "HRC-1" are one risk typed as officers type it; "HRC-10" and
    // "HRC-1-0" are not one. HRC-001's owner differs on the two registers (owner-conflict on the second's row); HRC-002,
    // stale on the Highways register, was updated in September on the Lighting register as "HRC 2".)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("HRC-001", { title: "Bridge joint failure", owner: "Jo Smith" }),
          row("HRC-002", { title: "Gritting fleet", last: STALE }),
          row("HRC-10", { title: "Depot lease", owner: "Jo Smith" }),
        ],
      },
      {
        name: LIGHTING,
        rows: [
          HEAD,
          row("HRC 001", { title: "Bridge joint failure", owner: "Sam Patel" }),
          row("HRC 2", { title: "Gritting fleet", last: FRESH }),
          row("HRC-1-0", { title: "Lantern stock", owner: "Sam Patel" }),
        ],
      },
    ]);
    expect({
      conflicts: of(json, "risk/owner-conflict").map((f) => `${f.recordId} ${f.sheet}`),
      stale: staleIds(json),
    }).toEqual({
      conflicts: [`HRC 001 ${LIGHTING}`],
      stale: [],
    });
  });

  it("links the actions sheet's rows and the Update Log's entries written the other way", async () => {
    // SPEC Rules: risk/no-action "no row in an actions sheet"; SPEC Latest update: "its Update Log entries".
    // (judgement, as above: the actions sheet's "HRC 1" and "HRC003" are HRC-001's and HRC-003's actions; the
    // Update Log's 12/09/2022 entry for "hrc 2" dates HRC-002, last updated in May on the register.)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          HEAD,
          row("HRC-001", { actions: null }),
          row("HRC-002", { last: STALE }),
          row("HRC-003", { actions: null }),
        ],
      },
      { name: "Actions", rows: [ACTIONS_HEAD, action("HRC 1", "A-1"), action("HRC003", "A-2")] },
      {
        name: "Update Log",
        rows: [
          ["Date", "Risk ID", "Update", "No change", "Score"],
          [d(2022, 9, 12), "hrc 2", "Fleet contract extended to March", null, 9],
        ],
      },
    ]);
    expect({ noAction: idsOf(of(json, "risk/no-action")), stale: staleIds(json) }).toEqual({
      noAction: [],
      stale: [],
    });
  });

  it("guard: registers numbering their own risks (R1, R01 …) stay per sheet; different ids ('HRC-10', 'HRC-1-0', 'HRC-11') stay apart", async () => {
    // SPEC Real registers, "Ids numbered per sheet": where several registers each number their own risks from
    // the start (R1, R2 … with other titles), owner-conflict joins two rows only where their titles match too.
    // The Highways annex writes R1 … R3, the Lighting annex R01 … R03, each with its own risks and owners: no
    // owner-conflict. HRC-10 and HRC-1-0 and HRC-11 are three risks: no owner-conflict, no duplicate id.
    const json = await check([
      {
        name: "Highways",
        rows: [
          HEAD,
          row("R1", { title: "Bridge joint failure", owner: "Jo Smith" }),
          row("R2", { title: "Gritting fleet availability", owner: "Jo Smith" }),
          row("R3", { title: "Pothole backlog", owner: "Jo Smith" }),
          row("HRC-10", { title: "Depot lease", owner: "Jo Smith" }),
          row("HRC-11", { title: "Depot fuel", owner: "Ann Lee" }),
        ],
      },
      {
        name: "Lighting",
        rows: [
          HEAD,
          row("R01", { title: "Lantern stock", owner: "Sam Patel" }),
          row("R02", { title: "Column testing backlog", owner: "Sam Patel" }),
          row("R03", { title: "PFI exit costs", owner: "Sam Patel" }),
          row("HRC-1-0", { title: "Depot lease", owner: "Sam Patel" }),
        ],
      },
    ]);
    expect({
      conflicts: of(json, "risk/owner-conflict").length,
      duplicates: of(json, "risk/duplicate-id").length,
    }).toEqual({ conflicts: 0, duplicates: 0 });
  });
});
