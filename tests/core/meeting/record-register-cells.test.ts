// recordToEdits on registers as councils keep them: a risk whose id is merged down over several rows (the
// rows below are cleared where a cell is written), a cell holding a formula (kept, so the score, the RAG and
// the log say what the register will hold), a RAG shown by cell colour alone (a new fill, not a word), and a
// shared action row's due date moved from one risk's card (it counts for each risk the row names).

import { gridFromRows, formulaKey, type CellValue, type Grid } from "../../../src/core/model/grid";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  ownRatingScalesOf,
  recordToEdits,
  type RecordChoice,
} from "../../../src/core/meeting/record";
import { buildCardIndex, cardFor } from "../../../src/core/meeting/card";
import { factsWithRowNow } from "../../../src/core/meeting/row-now";
import { defaultSettings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { ragFromColour, STANDARD_RAG_FILL } from "../../../src/core/parse";
import { applyPlan, check } from "./helpers";

const MEETING = "2022-10-10";
const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "RAG",
  "Strategy",
  "Last Updated",
  "Latest Update",
  "Status",
];
const DMY = "dd/mm/yyyy";
const S_01_09 = 44805;

function row(id: CellValue, over: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Risk ID": id,
    "Risk Title": `Risk ${String(id)}`,
    "Risk Owner": "Ali Khan",
    Likelihood: 3,
    Impact: 4,
    "Risk Score": 12,
    RAG: "Amber",
    Strategy: "Treat",
    "Last Updated": S_01_09,
    "Latest Update": "Backlog reported",
    Status: "Open",
    ...over,
  };
  return HEAD.map((h) => base[h] ?? null);
}

const BLANK_BELOW = Object.fromEntries(HEAD.map((h) => [h, null]));

function register(rows: CellValue[][], extra: Partial<Grid> = {}): Grid {
  const values = [HEAD, ...rows];
  return gridFromRows("Register", values, {
    numberFormats: values.map((r, ri) => r.map((_, ci) => (ci === 8 && ri > 0 ? DMY : null))),
    ...extra,
  });
}

function plan(report: Report, id: string, choice: RecordChoice) {
  const facts = report.risks.find((f) => f.id === id)!;
  return recordToEdits(facts, choice, {
    meetingDate: MEETING,
    asAt: report.asAt,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: lastLoggedTexts(report)(facts),
    ragMatrix: report.ragMatrix,
    ownRatingScale: ownRatingScalesOf(report),
  });
}

const written = (p: ReturnType<typeof plan>) => p.cells.map((c) => [c.field, c.row, c.col, c.value]);

describe("a risk whose id is merged down over several rows", () => {
  const grids = () => [
    register(
      [
        row("HRC-001", { "Latest Update": "Contractor reports a backlog", Strategy: "Treat" }),
        row(null, { ...BLANK_BELOW, "Latest Update": "of 40 defects;", Strategy: "Tolerate" }),
        row(null, { ...BLANK_BELOW, "Latest Update": "RMB to review" }),
        row("HRC-002"),
      ],
      { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] },
    ),
  ];

  it("clears the rows below in each column written on its first row, where they hold something", () => {
    const p = plan(check(grids()), "HRC-001", {
      text: "Backlog cleared",
      noChange: false,
      strategy: "Tolerate",
    });
    expect(written(p)).toEqual([
      ["lastUpdated", 1, 8, 44844],
      ["update", 1, 9, "Backlog cleared"],
      ["strategy", 1, 7, "Tolerate"],
      ["update", 2, 9, null],
      ["update", 3, 9, null],
      ["strategy", 2, 7, null],
    ]);
  });

  it("then reads as recorded, and the next risk's row is untouched", () => {
    const before = grids();
    const p = plan(check(before), "HRC-001", { text: "Backlog cleared", noChange: false });
    const after = check(applyPlan(before, p));
    const facts = after.risks.find((f) => f.id === "HRC-001")!;
    expect(facts.latestUpdateText).toBe("Backlog cleared");
    expect(p.cells.every((c) => c.row <= 3)).toBe(true);
  });

  it("never clears a value a merged area gives the rows below (Excel holds it in the top cell alone)", () => {
    const g = register(
      [
        row("HRC-001", { "Latest Update": "One update for the record" }),
        row(null, { ...BLANK_BELOW, "Latest Update": "One update for the record" }),
        row("HRC-002"),
      ],
      {
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 9, bottom: 2, right: 9 },
        ],
      },
    );
    const p = plan(check([g]), "HRC-001", { text: "Backlog cleared", noChange: false });
    expect(written(p)).toEqual([
      ["lastUpdated", 1, 8, 44844],
      ["update", 1, 9, "Backlog cleared"],
    ]);
  });

  it("clears nothing under a first-row cell holding a formula (it is kept, and so are the rows below)", () => {
    const g = register(
      [
        row("HRC-001", { Strategy: "Treat" }),
        row(null, { ...BLANK_BELOW, Strategy: "Tolerate" }),
        row("HRC-003"),
      ],
      {
        merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
        formulas: new Set([formulaKey(1, 7)]),
      },
    );
    const p = plan(check([g]), "HRC-001", { text: "Words", noChange: false, strategy: "Terminate" });
    expect(written(p).filter(([f]) => f === "strategy")).toEqual([["strategy", 1, 7, "Terminate"]]);
    expect(p.changes).toEqual([]);
  });
});

describe("a likelihood or impact cell holding a formula", () => {
  // D2 (likelihood) holds a formula; F2 (score) holds =D2*E2.
  const grids = () => [
    register([row("HRC-001")], { formulas: new Set([formulaKey(1, 3), formulaKey(1, 5)]) }),
  ];

  it("is sent (the adapter keeps it and says so) but the score, RAG and log keep its value", () => {
    const p = plan(check(grids()), "HRC-001", { text: "Claims up", noChange: false, likelihood: 4 });
    expect(written(p)).toEqual([
      ["lastUpdated", 1, 8, 44844],
      ["update", 1, 9, "Claims up"],
      ["likelihood", 1, 3, 4],
    ]);
    expect(p.changes).toEqual([]);
    expect(p.after).toMatchObject({ likelihood: 3, impact: 4, score: 12, rag: "amber" });
    expect(p.log.rows.at(-1)![5]).toBe(12);
    expect(p.log.rows.at(-1)![8]).toBe("");
  });

  it("works the score out from the kept likelihood and the new impact", () => {
    const p = plan(check(grids()), "HRC-001", {
      text: "Claims up",
      noChange: false,
      likelihood: 4,
      impact: 5,
    });
    expect(p.after).toMatchObject({ likelihood: 3, impact: 5, score: 15, rag: "red" });
    expect(p.log.rows.at(-1)![8]).toBe("Impact 4 → 5; Score 12 → 15; RAG Amber → Red");
    expect(written(p).filter(([f]) => f === "rag")).toEqual([["rag", 1, 6, "Red"]]);
  });

  it("a strategy cell holding a formula keeps the strategy in the log", () => {
    const g = register([row("HRC-001")], { formulas: new Set([formulaKey(1, 7)]) });
    const p = plan(check([g]), "HRC-001", { text: "Words", noChange: false, strategy: "Tolerate" });
    expect(p.after.strategy).toBe("Treat");
    expect(p.log.rows.at(-1)![6]).toBe("Treat");
  });
});

describe("a RAG shown by cell colour alone", () => {
  const colourOnly = (fills: { row: number; rgb: string }[]) =>
    register(
      [
        row("HRC-001", { RAG: null, Likelihood: 4, "Risk Score": 16 }),
        row("HRC-002", { RAG: null, Likelihood: 1, Impact: 3, "Risk Score": 3 }),
      ],
      { blankFills: fills.map((f) => ({ ...f, col: 6 })) },
    );

  it("gets the fill the register's cells of the new rating have, not a word", () => {
    const g = colourOnly([
      { row: 1, rgb: "C00000" },
      { row: 2, rgb: "92D050" },
    ]);
    const report = check([g]);
    expect(report.risks.find((f) => f.id === "HRC-001")!.rag).toBe("red");
    const p = plan(report, "HRC-001", { text: "Works done", noChange: false, impact: 1 });
    const rag = p.cells.find((c) => c.field === "rag")!;
    expect([rag.row, rag.col, rag.value, rag.fill]).toEqual([1, 6, null, "#92D050"]);
    expect(p.changes.map((c) => `${c.label} ${c.from} → ${c.to}`)).toContain("RAG Red → Green");
    expect(p.notes.join(" ")).toMatch(/by cell colour/);
  });

  it("gets Excel's standard fill when no cell of the register has that rating yet, and says so", () => {
    const p = plan(check([colourOnly([{ row: 1, rgb: "FF0000" }])]), "HRC-001", {
      text: "Works done",
      noChange: false,
      impact: 1,
    });
    const rag = p.cells.find((c) => c.field === "rag")!;
    expect(rag.fill).toBe(STANDARD_RAG_FILL.green);
    expect(p.notes.join(" ")).toMatch(/standard Green fill/);
  });

  it("Excel's standard fills read back as the ratings they stand for", () => {
    expect(
      Object.entries(STANDARD_RAG_FILL).map(([rag, fill]) => [rag, ragFromColour(fill.slice(1))]),
    ).toEqual([
      ["red", "red"],
      ["amber", "amber"],
      ["green", "green"],
    ]);
  });

  it("still gets a fill when the card's facts are read again from the row as it is now", () => {
    const report = check([colourOnly([{ row: 1, rgb: "FF0000" }])]);
    const facts = report.risks.find((f) => f.id === "HRC-001")!;
    const now = factsWithRowNow(
      facts,
      { firstCol: 0, values: row("HRC-001", { RAG: null, Likelihood: 4, "Risk Score": 16 }) },
      fieldColumnsOf(report)("Register"),
      defaultSettings(),
    );
    const p = recordToEdits(
      now,
      { text: "Works done", noChange: false, impact: 1 },
      {
        meetingDate: MEETING,
        by: "Jane Smith",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    expect(p.cells.find((c) => c.field === "rag")?.fill).toBe(STANDARD_RAG_FILL.green);
  });

  it("a register whose RAG cells hold words still gets a word", () => {
    const p = plan(
      check([register([row("HRC-001", { Likelihood: 4, "Risk Score": 16, RAG: "Red" })])]),
      "HRC-001",
      {
        text: "Works done",
        noChange: false,
        impact: 1,
      },
    );
    const rag = p.cells.find((c) => c.field === "rag")!;
    expect([rag.value, rag.fill]).toEqual(["Green", undefined]);
  });
});

describe("a due date moved on an actions row naming two risks", () => {
  const ACTIONS = [
    "Risk Reference",
    "Action Ref",
    "Action Description",
    "Action Owner",
    "Target Date",
    "Action Status",
  ];
  const sheets = (...logRows: CellValue[][]): Grid[] => [
    register([row("SL-10", { "Last Updated": 44743 }), row("SL-11", { "Last Updated": 44743 })]),
    gridFromRows(
      "Actions",
      [ACTIONS, ["SL-10, SL-11", "ACT-1", "Resurface the car park", "Ali Khan", 44865, "Open"]],
      { numberFormats: [[], [null, null, null, null, DMY, null]] },
    ),
    gridFromRows(
      "Update Log",
      [
        ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
        ...logRows,
      ],
      { numberFormats: [[], ...logRows.map(() => [DMY])] },
    ),
  ];
  const noChange = (serial: number, id: string): CellValue[] => [
    serial,
    "Register",
    id,
    "Jane Smith",
    "No change this month",
    "Yes",
    12,
    "Treat",
    "",
  ];
  const slipping = (r: Report) =>
    r.findings.filter((f) => f.ruleId === "risk/no-change-while-slipping").map((f) => f.recordId);

  it("is logged on the card's risk's row and counts as that action's move for the other risk too", () => {
    const before = sheets(noChange(44783, "SL-11"), noChange(44814, "SL-11"));
    const report = check(before);
    expect(slipping(report)).toEqual([]);
    const facts = report.risks.find((f) => f.id === "SL-10")!;
    const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
    const p = plan(report, "SL-10", {
      text: "Programme slipped",
      noChange: false,
      actions: [{ action: card.actions[0], due: "2022-12-31" }],
    });
    expect(p.log.rows.at(-1)!.slice(1, 2)).toEqual(["SL-10"]);
    expect(p.log.rows.at(-1)![8]).toBe("ACT-1 due 31/10/2022 → 31/12/2022");
    // The plan's rows (Date, Risk ID, By, Update, No change, Score, Strategy, Register, Changes) in this log's order.
    const inLogOrder = (r: CellValue[]) => [r[0], r[7], ...r.slice(1, 7), r[8]];
    const logged = before.map((g) =>
      g.sheetName === "Update Log" ? { ...g, values: [...g.values, ...p.log.rows.map(inLogOrder)] } : g,
    );
    expect(slipping(check(logged))).toEqual(["SL-11"]);
  });

  it("a move logged for another action of the other risk does not count", () => {
    const move: CellValue[] = [
      44844,
      "Register",
      "SL-10",
      "Jane Smith",
      "Moved",
      "No",
      12,
      "Treat",
      "ACT-9 due 31/10/2022 → 31/12/2022",
    ];
    expect(slipping(check(sheets(noChange(44783, "SL-11"), noChange(44814, "SL-11"), move)))).toEqual([]);
  });
});
