// Misfire review 32 (rv-misfire32): the reading rules added in session 31, tried on ordinary, tidy registers
// where they must NOT fire (a false finding, a risk lost, a column taken for the wrong field) and on a few
// where they must. The rules: ids compared in their parts ("HRC 001", "HRC-001", "HRC-1" one risk); a colour
// key's bands typed as numbers ("Red | 15 | 25"); "Action Ref" on a register as a link; NEC4 Early Warning
// Registers (EW No. the id, "Risk reduction meeting date" the last review, "Removed" closed, a CE ref never the
// id); a PFI matrix's allocation column as its strategy; the council's column over the contractor's; three-point
// scales declared in headers. Each workbook is written with ExcelJS as a council lays it out and checked as an
// officer runs the tool: `risk-review check FILE --as-at 2022-09-30 --format json` (the import as
// `risk-review import EXPORT --into WORKBOOK --out MERGED --as-at 2022-09-30 --format json`). Each test cites the
// SPEC.md (or README.md) passage it rests on, or "(judgement)" where SPEC is silent and an officer's reading
// decides. Tests named "guard:" pass today and keep a behaviour a fix must not break.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { tempFolder } from "../helpers/test-files";
import { d, type Cell } from "./helpers/review-book";
import { runMain } from "./helpers/main-in-process";
import {
  ordinaryChecker,
  of,
  idsOf,
  riskIds,
  sheetOf,
  routed,
  HEAD,
  FRESH,
  STALE,
  row,
  AS_AT,
  type Sheet,
} from "./helpers/ordinary-register";

jest.setTimeout(120_000);

const check = ordinaryChecker("misfire32");

/** Every finding as "rule recordId sheet!cell", for a compact exact comparison. */
const all = (json: JsonReport): string[] =>
  json.findings.map((f) => `${f.ruleId} ${f.recordId ?? "(no id)"} ${f.sheet}!${f.cell ?? "-"}`);
/** The findings of one rule as "recordId sheet". */
const where = (json: JsonReport, rule: string): string[] =>
  of(json, rule)
    .map((f) => `${f.recordId ?? "(no id)"} ${f.sheet}`)
    .sort();
const cols = (json: JsonReport, sheet: string): Record<string, string> =>
  (sheetOf(json, sheet)?.columns ?? {}) as Record<string, string>;

/** The actions sheet's header (SPEC Fields: actions). */
const ACTIONS_HEAD = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
const actionRow = (riskId: Cell, ref: Cell, text = "Condition survey of the viaduct joints"): Cell[] => [
  riskId,
  ref,
  text,
  "Al Khan",
  d(2022, 12, 31),
  "In progress",
];

// ===================================================================================================
// 1. Ids compared in their parts

describe("ids compared in their parts", () => {
  it("guard: two lots numbering their own risks (LOT-1 … LOT-4 and LOT-01 … LOT-04, other titles) stay apart, and an Update Log row naming 'Lot 2' dates Lot 2's risk alone", async () => {
    // SPEC Real registers, "Ids numbered per sheet": where registers each number their own risks from the start
    // (most ids of one recur on another with other titles) ids are per sheet; owner-conflict and cross-sheet linking
    // join two rows only where their titles match too. README: "a log row that names its register (the Update Log's
    // Register …) is that register's risk's history". Lot 1 writes LOT-1 …, Lot 2 (street lighting) LOT-01 …: once
    // the zeros are folded they are the same ids, with other titles and owners. No owner-conflict; Lot 1's LOT-2
    // (stale) is not dated by Lot 2's fresh LOT-02; the log's 12/09/2022 row for "LOT-3" on "Lot 2" dates Lot 2's
    // LOT-03 (stale on the register) and not Lot 1's LOT-3 (stale).
    const json = await check([
      {
        name: "Lot 1",
        rows: [
          HEAD,
          row("LOT-1", { title: "Carriageway resurfacing programme slips", owner: "Jo Smith" }),
          row("LOT-2", { title: "Gully cleansing backlog", owner: "Jo Smith", last: STALE }),
          row("LOT-3", { title: "Winter service fleet availability", owner: "Jo Smith", last: STALE }),
          row("LOT-4", { title: "Bridge inspection backlog", owner: "Jo Smith" }),
        ],
      },
      {
        name: "Lot 2",
        rows: [
          HEAD,
          row("LOT-01", { title: "Street lighting column failures", owner: "Sam Patel" }),
          row("LOT-02", { title: "Lantern supply delays", owner: "Sam Patel" }),
          row("LOT-03", { title: "Energy price rise", owner: "Sam Patel", last: STALE }),
          row("LOT-04", { title: "Illuminated sign contract exit", owner: "Sam Patel" }),
        ],
      },
      {
        name: "Update Log",
        rows: [
          ["Date", "Register", "Risk ID", "Update", "No change", "Score"],
          [d(2022, 9, 12), "Lot 2", "LOT-3", "Energy fixed to March 2023 through the framework", null, 9],
        ],
      },
    ]);
    expect({
      conflicts: where(json, "risk/owner-conflict"),
      duplicates: where(json, "risk/duplicate-id"),
      stale: where(json, "risk/stale-update"),
    }).toEqual({ conflicts: [], duplicates: [], stale: ["LOT-2 Lot 1", "LOT-3 Lot 1"] });
  });

  it("guard: ids with a year part ('CR-2022-01' / 'CR-2022-1') and sub-risks ('CR-01a' / 'CR-1A') join as one risk; 'CR-2021-01', 'CR-01', 'CR-01b' and 'HRC-001A' stay apart", async () => {
    // SPEC Real registers: "ids made for the whole contract … the same id is the same risk on every sheet"; SPEC Rules:
    // risk/duplicate-id "two rows of one register share an id". README: "an id is one id however it is typed around
    // its parts … a number's leading zeros after them folded". The corporate register restates the Highways register's
    // risks with the numbers typed without their zeros. CR-2022-01's owner differs on the two (owner-conflict on the
    // corporate row); CR-2022-02, stale on Highways, is updated on the corporate register as CR-2022-002; CR-2021-01
    // (last year's depot risk, another owner) is not CR-2022-01. (judgement: a letter after the number names a
    // sub-risk — CR-01a and CR-01b are the A38 and Tame Valley parts of CR-01, none a duplicate of another; HRC-001A
    // (the fuel bunker) is not HRC-001 (the depot lease); "CR-1A" is "CR-01a" typed without its zero, in capitals:
    // one risk, whose owners differ.)
    const json = await check([
      {
        name: "Highways",
        rows: [
          HEAD,
          row("CR-2022-01", { title: "Bridge joint failure on the A38 viaduct", owner: "Jo Smith" }),
          row("CR-2022-02", { title: "Gritting fleet availability", owner: "Jo Smith", last: STALE }),
          row("CR-01", { title: "Structures maintenance backlog", owner: "Jo Smith" }),
          row("CR-01a", { title: "Structures backlog – A38 viaduct bearings", owner: "Jo Smith" }),
          row("CR-01b", { title: "Structures backlog – Tame Valley viaduct", owner: "Jo Smith" }),
          row("HRC-001", { title: "Depot lease renewal", owner: "Jo Smith" }),
          row("HRC-001A", { title: "Depot fuel bunker replacement", owner: "Jo Smith" }),
        ],
      },
      {
        name: "Corporate Risk Register",
        rows: [
          HEAD,
          row("CR-2022-1", { title: "Bridge joint failure on the A38 viaduct", owner: "Sam Patel" }),
          row("CR-2022-002", { title: "Gritting fleet availability", owner: "Jo Smith" }),
          row("CR-2021-01", { title: "Depot lease renewal", owner: "Ann Lee" }),
          row("CR-1A", { title: "Structures backlog – A38 viaduct bearings", owner: "Ann Lee" }),
        ],
      },
    ]);
    expect({
      duplicates: where(json, "risk/duplicate-id"),
      conflicts: where(json, "risk/owner-conflict"),
      stale: where(json, "risk/stale-update"),
    }).toEqual({
      duplicates: [],
      conflicts: ["CR-1A Corporate Risk Register", "CR-2022-1 Corporate Risk Register"],
      stale: [],
    });
  });

  it("a register's Action Ref 'A-01; A-02' names the actions sheet's 'A1' and 'A2', and 'A 3' its 'A3'; 'A-10' names no row", async () => {
    // README: refs alone are an action for risk/no-action "only where the actions sheet holds a row of that Action
    // Ref"; an id "is one id however it is typed around its parts … for … actions sheets". The register types its
    // action refs with a hyphen and a zero (A-01), the actions sheet without (A1). HRC-001's refs name A1 and A2,
    // HRC-003's "A 3" names A3 (all raised under HRC-004): each has an action. HRC-002's "A-10" names no row (there is
    // no A10; A1 is not A10): risk/no-action on HRC-002 alone.
    const head = HEAD.map((h) => (h === "Mitigating Actions" ? "Action Ref" : h));
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          head,
          row("HRC-001", { actions: "A-01; A-02" }),
          row("HRC-002", { actions: "A-10" }),
          row("HRC-003", { actions: "A 3" }),
          row("HRC-004", { actions: "A1" }),
        ],
      },
      {
        name: "Actions",
        rows: [
          ACTIONS_HEAD,
          actionRow("HRC-004", "A1"),
          actionRow("HRC-004", "A2", "Weight restriction signage"),
          actionRow("HRC-004", "A3", "Temporary bearing supports"),
        ],
      },
    ]);
    expect({
      actionRefs: cols(json, "Risk Register").actionRefs,
      noAction: idsOf(of(json, "risk/no-action")),
    }).toEqual({ actionRefs: "H", noAction: ["HRC-002"] });
  });
});

// ---------------------------------------------------------------------------------------------------
// The import matching IRIS's zero-padded ids to the register's

const tmp = tempFolder("crr-rv-misfire32-");
let files = 0;

async function book(name: string, sheets: Sheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  const dir = path.join(tmp, String(++files));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A cell of a grid by its A1 reference. */
function at(g: Grid, ref: string): CellValue {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return g.values[Number(digits) - 1 - g.rowOffset]?.[col - g.colOffset] ?? null;
}

describe("the IRIS import matching ids in their parts", () => {
  it("IRIS's 'IRIS-0001' … 'IRIS-0003' update the register's 'IRIS-1' … 'IRIS-3': nothing new, nothing missing, the changed impact written on the register's own row, its id kept", async () => {
    // SPEC Imports: the export is merged into the register; "a risk missing from the export is flagged". README: an
    // id is one id however typed "for … an import's matching". The register's officer typed IRIS's ids without
    // their zeros. This month IRIS raises IRIS-0002's impact from 3 to 4: the import changes IRIS-2's Impact (E3)
    // and Score (F3) alone, appends no risk and flags none as missing; the register's "IRIS-2" stays as typed.
    const head = [
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
    const reg = (id: string, title: string, impact: number): Cell[] => [
      id,
      title,
      "Jo Smith",
      3,
      impact,
      3 * impact,
      "Treat",
      "Monthly safety inspections",
      "Reviewed at RMB",
      FRESH,
      "Open",
    ];
    const into = await book("Highways register.xlsx", [
      {
        name: "Risk Register",
        rows: [
          head,
          reg("IRIS-1", "Bridge joint failure on the A38 viaduct", 3),
          reg("IRIS-2", "Gritting fleet availability", 3),
          reg("IRIS-3", "Pothole backlog after the winter", 3),
        ],
      },
    ]);
    const exportFile = await book("IRIS export September.xlsx", [
      {
        name: "IRIS Risks",
        rows: [
          head,
          reg("IRIS-0001", "Bridge joint failure on the A38 viaduct", 3),
          reg("IRIS-0002", "Gritting fleet availability", 4),
          reg("IRIS-0003", "Pothole backlog after the winter", 3),
        ],
      },
    ]);
    const out = path.join(tmp, `merged-${++files}.xlsx`);
    const run = await runMain([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      out,
      "--as-at",
      AS_AT,
      "--format",
      "json",
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      risks: {
        new: { id: string }[];
        missing: { id: string }[];
        changed: { id: string; cells: { cell: string }[] }[];
      };
    };
    const grid = (await readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "merged.xlsx")).find(
      (g) => g.sheetName === "Risk Register",
    )!;
    expect({
      new: json.risks.new.map((r) => r.id),
      missing: json.risks.missing.map((r) => r.id),
      changed: json.risks.changed.map((r) => r.cells.map((c) => c.cell).join(",")),
      ids: ["A2", "A3", "A4", "A5"].map((ref) => at(grid, ref)),
      impact: at(grid, "E3"),
    }).toEqual({
      new: [],
      missing: [],
      changed: ["E3,F3"],
      ids: ["IRIS-1", "IRIS-2", "IRIS-3", null],
      impact: 4,
    });
  });
});

// ===================================================================================================
// 2. A colour key's bands typed as numbers: real risks and tables that look like bands

describe("rows that look like a colour key's bands ('Red | 15 | 25') but are not", () => {
  it("a board summary 'RAG | Risk No | Score | Risk Title' listing risks 13 (20), 5 (12) and 1 (4) keeps all three", async () => {
    // SPEC Real registers: rows are read "as a person reads it"; SPEC Rules: risk/missing-strategy etc. per risk.
    // README: a band typed with its bounds "is the key's … where it is the RAG word and bounds alone or, with words
    // after them, one of a run of bands in the rating's order (Red 15–25 over Amber 8–12): on a register numbering its
    // risks 1, 2, 3 RAG first its bounds fall under the number and the title, where a risk has words". (judgement:
    // each row has a risk's title — "Gritting fleet availability" — under Risk Title; its two numbers fall under Risk
    // No and Score, not under the number and the title. A board's summary of its top risk per RAG is in RAG order
    // with scores that cannot overlap, so "a run of bands in the rating's order" is every such summary. An officer
    // reads three risks: 13 (score 20), 5 (12) and 1 (4). The same rows with an owner, strategy and date are kept
    // today; bare, risks 5 and 1 vanish without a finding.)
    const json = await check([
      {
        name: "Board Summary",
        rows: [
          ["RAG", "Risk No", "Score", "Risk Title"],
          ["Red", 13, 20, "Bridge joint failure on the A38 viaduct"],
          ["Amber", 5, 12, "Gritting fleet availability"],
          ["Green", 1, 4, "Depot lease renewal"],
        ],
      },
    ]);
    expect({ risks: riskIds(json), scores: json.risks.map((x) => x.score) }).toEqual({
      risks: ["13", "5", "1"],
      scores: [20, 12, 4],
    });
  });

  it("guard: a register rated RAG first with likelihood and impact next ('Amber | 2 | 4 | HRC-002 | …') keeps every risk, and two new risks not yet numbered ('Amber | 3 | 4 | (blank) | …', 'Green | 1 | 2 | (blank) | …') are risks with no id", async () => {
    // SPEC Fields: likelihood, impact, score; SPEC Rules: risk/missing-id "a data row has text but no id". README: a
    // key's band has "no id beside it, nor a number or id in the id column". Each numbered row is a risk scored
    // L × I (20, 8, 3) with no finding of its own; the two new risks at the foot, typed before the risk officer
    // gave them ids, look like a run of bands in RAG order (3–4, 1–2) but carry a title, owner and dates: two
    // risk/missing-id, not set aside.
    const head = [
      "RAG",
      "Likelihood",
      "Impact",
      ...HEAD.filter((h) => !["Likelihood", "Impact"].includes(h)),
    ];
    const r = (rag: string, l: number, i: number, id: string | null, title: string): Cell[] => {
      const base = row(id, { title, l, i });
      return [rag, l, i, base[0], base[1], base[2], ...base.slice(5)];
    };
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          head,
          r("Red", 4, 5, "HRC-001", "Bridge joint failure on the A38 viaduct"),
          r("Amber", 2, 4, "HRC-002", "Gritting fleet availability"),
          r("Green", 1, 3, "HRC-003", "Depot lease renewal"),
          r("Amber", 3, 4, null, "Street lighting column failures"),
          r("Green", 1, 2, null, "Illuminated sign contract exit"),
        ],
      },
    ]);
    expect({
      risks: riskIds(json),
      scores: json.risks.map((x) => x.score),
      columns: [cols(json, "Risk Register").likelihood, cols(json, "Risk Register").impact],
      findings: all(json).filter((f) => !f.startsWith("risk/above-appetite")),
    }).toEqual({
      risks: ["HRC-001", "HRC-002", "HRC-003", "(no id)", "(no id)"],
      scores: [20, 8, 3, 12, 2],
      columns: ["B", "C"],
      findings: ["risk/missing-id (no id) Risk Register!D5", "risk/missing-id (no id) Risk Register!D6"],
    });
  });

  it("a count of risks by RAG under the register ('RAG | This month | Last month', 'RAG | No. of risks', then Red / Amber / Green) adds no risk and no finding", async () => {
    // SPEC Real registers: totals rows "are not records"; rows are read "as a person reads it". (judgement: a register
    // closing with a count of its risks by RAG for the board — "Red | 3 | 4" is three red risks this month against
    // four last month; "Red | 3" three red risks — is a summary, not risks titled "RAG" or "Red". The three risks
    // above it are fresh and complete: the check says nothing about them. Today the first table's "RAG" header row is
    // a risk "RAG" (missing-strategy G6, stale-update J6, no-action H6) though its band rows are set aside; in the
    // second, "RAG", "Red", "Amber" and "Green" are four risks with 16 findings.)
    const risks = [
      HEAD,
      row("HRC-001", { title: "Bridge joint failure on the A38 viaduct", l: 2, i: 2 }),
      row("HRC-002", { title: "Gritting fleet availability", l: 2, i: 2 }),
      row("HRC-003", { title: "Depot lease renewal", l: 2, i: 2 }),
    ];
    const months = await check([
      {
        name: "Risk Register",
        rows: [
          ...risks,
          [],
          ["RAG", "This month", "Last month"],
          ["Red", 3, 4],
          ["Amber", 12, 10],
          ["Green", 8, 9],
          ["Total", 23, 23],
        ],
      },
    ]);
    const counts = await check([
      {
        name: "Risk Register",
        rows: [...risks, [], ["RAG", "No. of risks"], ["Red", 3], ["Amber", 12], ["Green", 8]],
      },
    ]);
    expect({
      months: riskIds(months),
      monthsFindings: all(months),
      counts: riskIds(counts),
      countsFindings: all(counts).length,
    }).toEqual({
      months: ["HRC-001", "HRC-002", "HRC-003"],
      monthsFindings: [],
      counts: ["HRC-001", "HRC-002", "HRC-003"],
      countsFindings: 0,
    });
  });
});
// ===================================================================================================
// 3. "Action Ref" on a register

describe("'Action Ref' on a register", () => {
  it("guard: 'Ref' is the register's id beside 'Action Ref' and 'Action Plan'; on the actions sheet 'Action Ref' stays the action's id", async () => {
    // SPEC Fields: register id = "Risk ID, Risk Ref, Reference …"; actions = "… Action Plan"; actions sheet
    // actionId = "Action Ref". README: "an `Action Ref` column on a register … holds the references of the risk's
    // actions … (the actions sheet's own Action Ref is its action's id)". HR-01 has its Action Plan; HR-02's plan is
    // blank but its is a row of the actions sheet: neither lacks an action.
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          [
            "Ref",
            "Risk",
            "Owner",
            "Likelihood",
            "Impact",
            "Score",
            "Strategy",
            "Action Ref",
            "Action Plan",
            "Latest Update",
            "Last Updated",
            "Status",
          ],
          [
            "HR-01",
            "Bridge joint failure",
            "Jo Smith",
            2,
            2,
            4,
            "Treat",
            "A-6",
            "Weight limit and monitoring",
            "Reviewed at RMB",
            FRESH,
            "Open",
          ],
          [
            "HR-02",
            "Gritting fleet",
            "Jo Smith",
            2,
            2,
            4,
            "Treat",
            "A-7",
            null,
            "Reviewed at RMB",
            FRESH,
            "Open",
          ],
        ],
      },
      { name: "Actions", rows: [ACTIONS_HEAD, actionRow("HR-01", "A-6"), actionRow("HR-09", "A-7")] },
    ]);
    const reg = cols(json, "Risk Register");
    expect({
      register: [reg.id, reg.title, reg.actionRefs, reg.actions],
      actions: [cols(json, "Actions").riskId, cols(json, "Actions").actionId],
      findings: all(json),
    }).toEqual({ register: ["A", "B", "H", "I"], actions: ["A", "B"], findings: [] });
  });
});

// ===================================================================================================
// 4. NEC4 Early Warning Registers

const EW_HEAD = [
  "EW No.",
  "Date notified",
  "Description",
  "Risk reduction meeting date",
  "Decisions / actions agreed",
  "Action owner",
  "Date for action",
  "Status",
  "Compensation event? (CE ref)",
];
const ew = (no: string, met: Date, status: string, ce = "No"): Cell[] => [
  no,
  d(2022, 7, 4),
  `Early warning ${no}: utility diversion on the A38 may delay resurfacing`,
  met,
  "Contractor to resequence works",
  "A Khan (Acme)",
  d(2022, 12, 14),
  status,
  ce,
];

describe("an NEC4 Early Warning Register", () => {
  it("statuses that are not a removal ('Not removed', 'Removal requested at RRM', 'Open – removal of trees programmed') are open; 'Removed' and 'Removed from register 21/06/22' are closed", async () => {
    // README: closed statuses include "Removed (an NEC4 early warning removed from its register, `Removed from
    // register`)"; a risk whose Status "starts with" a closed word is closed. SPEC Rules: risk/stale-update "an open
    // risk … older than the review period". Every early warning here was last discussed at a risk reduction meeting
    // on 15/06/2022. (judgement: "Not removed" says the opposite of removed; "Removal requested at RRM" asks for a
    // removal not yet made; "Open – removal of trees programmed" is open and about felling trees. Those three are open
    // and stale; the two removed ones are closed and exempt.)
    const met = d(2022, 6, 15);
    const json = await check([
      {
        name: "Early Warning Register",
        rows: [
          EW_HEAD,
          ew("EW-001", met, "Not removed"),
          ew("EW-002", met, "Removal requested at RRM"),
          ew("EW-003", met, "Open – removal of trees programmed"),
          ew("EW-004", met, "Removed"),
          ew("EW-005", met, "Removed from register 21/06/22"),
        ],
      },
    ]);
    expect({
      id: cols(json, "Early Warning Register").id,
      stale: idsOf(of(json, "risk/stale-update")),
    }).toEqual({
      id: "A",
      stale: ["EW-001", "EW-002", "EW-003"],
    });
  });

  it("'Next risk reduction meeting' beside 'Risk reduction meeting date' is the next review: a next meeting that has passed is flagged", async () => {
    // SPEC Fields: nextReview = "Next Review, Next Review Date"; SPEC Rules: risk/next-review-passed "nextReview is
    // before the as-at date". README: "the `Risk reduction meeting date` is the date each early warning was last
    // reviewed". (judgement: the next meeting's date says when the early warning is to be reviewed again, as "Next
    // Review" does. EW-001 was last met on 14/09/2022 and is next met on 12/10/2022; EW-002, met on 15/06/2022 (stale),
    // was to be met again on 07/09/2022, which has passed: risk/next-review-passed on EW-002. Today the column is
    // unmapped: no nextReview, no finding for the missed meeting.)
    const head = [...EW_HEAD, "Next risk reduction meeting"];
    const json = await check([
      {
        name: "Early Warning Register",
        rows: [
          head,
          [...ew("EW-001", d(2022, 9, 14), "Open"), d(2022, 10, 12)],
          [...ew("EW-002", d(2022, 6, 15), "Open"), d(2022, 9, 7)],
        ],
      },
    ]);
    const c = cols(json, "Early Warning Register");
    expect({
      lastUpdated: c.lastUpdated,
      nextReview: c.nextReview ?? null,
      stale: idsOf(of(json, "risk/stale-update")),
      nextPassed: idsOf(of(json, "risk/next-review-passed")),
    }).toEqual({ lastUpdated: "D", nextReview: "J", stale: ["EW-002"], nextPassed: ["EW-002"] });
  });

  it("'RRM date' (the risk reduction meeting, abbreviated as the contract's registers write it) is when each early warning was last reviewed", async () => {
    // README: "the `Risk reduction meeting date` is the date each early warning was last reviewed"; SPEC Fields:
    // headers are "examples, not a closed list"; SPEC Rules: risk/stale-update, sheet/missing-column (lastUpdated).
    // (judgement: NEC4 registers and minutes call the risk reduction meeting the "RRM"; "RRM date" is the same column.
    // EW-001 was reviewed on 14/09/2022 (fresh), EW-002 on 15/06/2022 (stale). Today "RRM date" is unmapped: the sheet
    // gets sheet/missing-column for its last-updated date and EW-001 is stale too.)
    const head = EW_HEAD.map((h) => (h === "Risk reduction meeting date" ? "RRM date" : h));
    const json = await check([
      {
        name: "Early Warning Register",
        rows: [head, ew("EW-001", d(2022, 9, 14), "Open"), ew("EW-002", d(2022, 6, 15), "Open")],
      },
    ]);
    expect({
      lastUpdated: cols(json, "Early Warning Register").lastUpdated ?? null,
      stale: idsOf(of(json, "risk/stale-update")),
      missingLastUpdated: of(json, "sheet/missing-column").filter((f) =>
        /last.?updated|update date/i.test(f.message),
      ).length,
    }).toEqual({ lastUpdated: "D", stale: ["EW-002"], missingLastUpdated: 0 });
  });
});

// ===================================================================================================
// 5. A PFI allocation column as the strategy: only where it is headed so

/** A register with no strategy column and one extra column headed `header` holding `values` (one a risk). */
async function withExtra(header: string, values: Cell[]): Promise<JsonReport> {
  const head = [...HEAD.filter((h) => h !== "Strategy"), header];
  return check([
    {
      name: "Risk Register",
      rows: [
        head,
        ...values.map((v, n) => {
          const r = row(`HRC-00${n + 1}`, { title: `Risk ${n + 1}`, l: 2, i: 2 });
          return [...r.slice(0, 6), ...r.slice(7), v];
        }),
      ],
    },
  ]);
}

/** What a register with no strategy column made of its extra column: the strategy letter and the strategy findings. */
const strategyReading = (json: JsonReport) => ({
  strategy: cols(json, "Risk Register").strategy ?? null,
  noColumn: of(json, "sheet/missing-column").filter((f) => /strategy/i.test(f.message)).length,
  missing: idsOf(of(json, "risk/missing-strategy")),
  unknown: idsOf(of(json, "risk/unknown-strategy")),
  transfer: json.escalations.filter((e) => e.destinations.includes("transfer")).map((e) => e.recordId),
});
const NO_STRATEGY = {
  strategy: null,
  noColumn: 1,
  missing: ["HRC-001", "HRC-002", "HRC-003"],
  unknown: [],
  transfer: [],
};

describe("a PFI allocation column as the strategy", () => {
  it("money columns 'Budget allocation (£)' and 'Allocation (£k)' are not the strategy: the register lacks one", async () => {
    // SPEC Rules: sheet/missing-column "error for strategy"; risk/missing-strategy "also per risk when the sheet has no
    // strategy column at all"; risk/unknown-strategy "the strategy is not one of the strategy words". SPEC Values:
    // Money "a plain number under a header that gives the unit" (README). README: the allocation column is a PFI
    // matrix's, "headed `Allocation`, `Risk Allocation`, `Risk allocated to` …", whose words name who bears the risk.
    // (judgement: a column of pounds is the budget set aside for the risk, never who bears it; a header giving a unit
    // says so.) The register has no strategy column: one sheet/missing-column and three risk/missing-strategy, no
    // risk/unknown-strategy. Today column K is taken as the strategy: no sheet/missing-column, no missing-strategy,
    // and risk/unknown-strategy on K2, K3, K4 ("25000", "120000", "0") for both headers.
    const budget = await withExtra("Budget allocation (£)", [25_000, 120_000, 0]);
    const thousands = await withExtra("Allocation (£k)", [25, 120, 0]);
    expect({ budget: strategyReading(budget), thousands: strategyReading(thousands) }).toEqual({
      budget: NO_STRATEGY,
      thousands: NO_STRATEGY,
    });
  });

  it("text columns 'Resource allocation' and 'Funding allocation' are not the strategy: no risk is transferred because its resources come from the contractor", async () => {
    // SPEC Escalation: transfer = "strategy Transfer"; SPEC Rules as above. README: the allocation column's
    // "Contractor … and Shared (or Joint) are Transfer … Only there". (judgement: "Resource allocation | Contractor's
    // design team" says who does the work, and "Funding allocation | Shared with the LEP" who pays; neither says the
    // risk was transferred.) The register has no strategy column: one sheet/missing-column, three
    // risk/missing-strategy, nothing routed to transfer. Today column K is the strategy for both: "Contractor's design
    // team" / "Contractor – lump sum" and "Shared between Highways and Lighting" / "Shared with the LEP" route HRC-002
    // and HRC-003 to transfer, "2 FTE from the highways team" / "Capital programme 2022/23" is risk/unknown-strategy on
    // K2, and there is no sheet/missing-column.
    const resource = await withExtra("Resource allocation", [
      "2 FTE from the highways team",
      "Contractor's design team",
      "Shared between Highways and Lighting",
    ]);
    const funding = await withExtra("Funding allocation", [
      "Capital programme 2022/23",
      "Contractor – lump sum",
      "Shared with the LEP",
    ]);
    expect({ resource: strategyReading(resource), funding: strategyReading(funding) }).toEqual({
      resource: NO_STRATEGY,
      funding: NO_STRATEGY,
    });
  });

  it("guard: 'Allocated to' holding officers' names is not the strategy", async () => {
    // SPEC Fields: strategy = "Strategy, Response, … Treatment …"; README: the allocation column's words are Authority
    // / Contractor / Shared / Retained, in a column "headed `Allocation`, `Risk Allocation`, `Risk allocated to`".
    // "Allocated to | Jo Smith" names the officer the risk was given to, never the risk's strategy: the sheet has no
    // strategy column.
    const json = await withExtra("Allocated to", ["Jo Smith", "Sam Patel", "Ann Lee"]);
    expect(strategyReading(json)).toEqual(NO_STRATEGY);
  });

  it("'Risk allocated to' on a PFI matrix: Authority and Retained are tolerated, Contractor and Shared transferred with their recipient named", async () => {
    // README: an allocation column headed "Risk allocated to" is the strategy where no Strategy column claims it;
    // Contractor and Shared are Transfer and name the recipient, Authority and Retained are Tolerate; an allocation's
    // Contractor or Shared "needs no Transferred To". SPEC Escalation: transfer = strategy Transfer. The matrix has a
    // Transferred To column (left blank, as the allocation says who bears it). Must fire: SL-02 and SL-03 routed to
    // transfer, no risk/transfer-without-recipient, no unknown or missing strategy.
    const head = [...HEAD.filter((h) => h !== "Strategy"), "Risk allocated to", "Transferred To"];
    const r = (id: string, alloc: string): Cell[] => {
      const base = row(id, { l: 2, i: 2 });
      return [...base.slice(0, 6), ...base.slice(7), alloc, null];
    };
    const json = await check([
      {
        name: "Risk Allocation Matrix",
        rows: [
          head,
          r("SL-01", "Authority"),
          r("SL-02", "Contractor"),
          r("SL-03", "Shared"),
          r("SL-04", "Retained"),
        ],
      },
    ]);
    expect({
      strategy: cols(json, "Risk Allocation Matrix").strategy,
      transfer: ["SL-01", "SL-02", "SL-03", "SL-04"].filter((id) => routed(json, id).includes("transfer")),
      findings: all(json),
    }).toEqual({ strategy: "K", transfer: ["SL-02", "SL-03"], findings: [] });
  });
});

// ===================================================================================================
// 6. The council's column over the contractor's

describe("the council's and the contractor's columns", () => {
  it("guard: the plain 'RAG' is the rating beside 'Council RAG (previous month)' and 'Contractor RAG'; a risk naming its Owner with 'Client-side owner' blank has an owner", async () => {
    // SPEC Fields: rag = "RAG, RAG Status …"; SPEC Rules: risk/rag-mismatch, risk/missing-owner "an open risk has no
    // owner". README: "an earlier assessment beside the current one … keeps the earlier block" apart; "a risk whose
    // council owner is blank but whose contractor's owner is named … has an owner". Beside "RAG", last month's council
    // rating and the contractor's own rating are not the current RAG: each risk's RAG agrees with its score (4 × 4 = 16
    // Red, 2 × 2 = 4 Green), no rag-mismatch. On the contractor's register "Owner" names each risk's owner and
    // "Client-side owner" the council officer shadowing it where one is assigned: whichever column is read as the
    // owner, a risk with a named owner has one.
    const joint = await check([
      {
        name: "Joint Risk Register",
        rows: [
          [...HEAD, "RAG", "Council RAG (previous month)", "Contractor RAG"],
          row("HRC-001", { l: 4, i: 4 }, ["Red", "Amber", "Amber"]),
          row("HRC-002", { l: 2, i: 2 }, ["Green", "Amber", "Red"]),
        ],
      },
    ]);
    const owners = await check([
      {
        name: "Risk Register",
        rows: [
          [...HEAD.map((h) => (h === "Risk Owner" ? "Owner" : h)), "Client-side owner"],
          row("HRC-001", { owner: "A Khan (Acme)" }, ["Jo Smith"]),
          row("HRC-002", { owner: "R Jones (Acme)" }, [null]),
        ],
      },
    ]);
    expect({
      rag: cols(joint, "Joint Risk Register").rag,
      mismatches: idsOf(of(joint, "risk/rag-mismatch")),
      missingOwner: idsOf(of(owners, "risk/missing-owner")),
    }).toEqual({ rag: "L", mismatches: [], missingOwner: [] });
  });

  it("a risk whose 'Council actions' cell is blank but whose 'Contractor actions' cell holds the contractor's action has an action", async () => {
    // SPEC Rules: risk/no-action "an open risk has no action at all: no actions text and no row in an actions sheet".
    // README: on a joint register "the council's (Council, Authority, Client, Employer, LA) is the field", and "a risk
    // whose council owner is blank but whose contractor's owner is named … has an owner". (judgement: as with the
    // owner, the contractor's action is an action: HRC-001's "Resequence works around the BT diversion; daily liaison
    // with BT" is being done, so HRC-001 does not have "no action at all". Today the Council actions column (H) is the
    // actions and Contractor actions is unread: risk/no-action on HRC-001 at H2.)
    const json = await check([
      {
        name: "Joint Risk Register",
        rows: [
          [...HEAD.map((h) => (h === "Mitigating Actions" ? "Council actions" : h)), "Contractor actions"],
          row("HRC-001", { actions: null }, [
            "Resequence works around the BT diversion; daily liaison with BT",
          ]),
          row("HRC-002", { actions: "Weekly inspections of the diversion route" }, [
            "Temporary signals in place",
          ]),
        ],
      },
    ]);
    expect({
      actions: cols(json, "Joint Risk Register").actions,
      noAction: idsOf(of(json, "risk/no-action")),
    }).toEqual({ actions: "H", noAction: [] });
  });
});

// ===================================================================================================
// 7. Three-point scales declared in headers

/** HEAD with its likelihood, impact and score headed `l`, `i`, `s`. */
const headed = (l: string, i: string, s = "Score"): string[] =>
  HEAD.map((h) => (h === "Likelihood" ? l : h === "Impact" ? i : h === "Score" ? s : h));

describe("three-point scales: only where the headers declare three points", () => {
  it("guard: 'Likelihood (1-5)' reads High × Medium as 12; a 3 × 3 sheet ('(L/M/H)') reads High as 3 while the sheet beside it reads High as 4; '(L/M/H)' over numbers 1–5 reads them as typed", async () => {
    // SPEC Values: scores "Very Low 1, Low 2, Medium 3, High 4, Very High 5"; likelihood and impact 1–5. README: three
    // points only where "a likelihood or impact [is] headed with three levels or the range 1–3 … or a score headed 1–9
    // or 3 × 3", "for that sheet alone". Five-point sheet "(1-5)", "Risk Score (1-25)": High (4) × Medium (3) = 12 and
    // Low × Low = 4 as typed, 12 to the directorate register. The Highways sheet declares L/M/H and 1–9: High × High =
    // 9, Medium × Low = 2; the Lighting sheet beside it declares nothing: 16 and 6. The Parks sheet's header says L/M/H
    // but the officers type 1–5 numbers: 4 × 5 = 20 and 3 × 3 = 9 as typed, 20 to the corporate register. No
    // score-mismatch anywhere.
    const json = await check([
      {
        name: "Streets",
        rows: [
          headed("Likelihood (1-5)", "Impact (1-5)", "Risk Score (1-25)"),
          row("ST-01", { l: "High", i: "Medium", s: 12 }),
          row("ST-02", { l: "Low", i: "Low", s: 4 }),
        ],
      },
      {
        name: "Highways",
        rows: [
          headed("Likelihood (L/M/H)", "Impact (L/M/H)", "Risk Score (1-9)"),
          row("HW-01", { l: "High", i: "High", s: 9 }),
          row("HW-02", { l: "Medium", i: "Low", s: 2 }),
        ],
      },
      {
        name: "Lighting",
        rows: [
          HEAD,
          row("SL-01", { l: "High", i: "High", s: 16 }),
          row("SL-02", { l: "Medium", i: "Low", s: 6 }),
        ],
      },
      {
        name: "Parks",
        rows: [headed("Likelihood (L/M/H)", "Impact (L/M/H)"), row("PK-01", { l: 4, i: 5 }), row("PK-02")],
      },
    ]);
    expect({
      mismatch: idsOf(of(json, "risk/score-mismatch")),
      scores: json.risks.map((r) => `${r.recordId} ${r.score}`),
      routed: [routed(json, "ST-01"), routed(json, "PK-01")],
    }).toEqual({
      mismatch: [],
      scores: ["ST-01 12", "ST-02 4", "HW-01 9", "HW-02 2", "SL-01 16", "SL-02 6", "PK-01 20", "PK-02 9"],
      routed: [["directorate-register"], ["corporate-register"]],
    });
  });

  it("'Likelihood (L, M, H)' and 'Impact (L, M, H)' declare three points as '(L/M/H)' does: High × High = 9, no mismatch", async () => {
    // README: "a likelihood or impact headed with three levels … (`Likelihood (L/M/H)` …) reads its words on three
    // points, Low (L) 1, Medium (Med, Moderate, M) 2, High (H) 3". (judgement: "(L, M, H)" names the same three levels
    // with commas for slashes — "(H/M/L)", "(1 – 3)" and "(Low / Medium / High)" are read so today.) HW-01 High × High
    // = 9 and HW-02 Medium × Low = 2 as typed. Today the sheet is read on five points: risk/score-mismatch on F2
    // (4 × 4 = 16 ≠ 9) and F3 (3 × 2 = 6 ≠ 2).
    const json = await check([
      {
        name: "Highways",
        rows: [
          headed("Likelihood (L, M, H)", "Impact (L, M, H)"),
          row("HW-01", { l: "High", i: "High", s: 9 }),
          row("HW-02", { l: "Medium", i: "Low", s: 2 }),
        ],
      },
    ]);
    expect({
      mismatch: of(json, "risk/score-mismatch").map((f) => f.cell),
      scores: json.risks.map((r) => r.score),
    }).toEqual({ mismatch: [], scores: [9, 2] });
  });

  it("a register titled '… (3x3 matrix)' above plain Likelihood / Impact / Score headers, in L / M / H words scored 1–9, is read on three points", async () => {
    // README: three points where the headers declare them; SPEC Reading sheets: "Title rows above it are fine".
    // (judgement: the register's title says its matrix is 3 × 3 and every score it gives is a 3 × 3 product —
    // High × High 9, High × Medium 6, Low × Low 1 — so an officer reads High as 3. Today the words are read on five
    // points: risk/score-mismatch on F3, F4 and F5 (16 ≠ 9, 12 ≠ 6, 4 ≠ 1).)
    const json = await check([
      {
        name: "Risk Register",
        rows: [
          ["Parks and Open Spaces Risk Register (3x3 matrix)"],
          HEAD,
          row("PK-01", { l: "High", i: "High", s: 9 }),
          row("PK-02", { l: "High", i: "Medium", s: 6 }),
          row("PK-03", { l: "Low", i: "Low", s: 1 }),
        ],
      },
    ]);
    expect({
      mismatch: of(json, "risk/score-mismatch").map((f) => f.cell),
      scores: json.risks.map((r) => r.score),
    }).toEqual({ mismatch: [], scores: [9, 6, 1] });
  });
});
