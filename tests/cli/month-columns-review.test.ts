// Month columns review (rv29-months): registers and plans that keep their monthly updates ACROSS the sheet, one
// column per month, as many councils do ("Update Apr-22 | Update May-22 | … | Update Sep-22"; headers that
// are just months, typed as dates or as text; a "Monthly Update" group header over Jul / Aug / Sep; monthly
// RAG and score columns; an improvement plan with "Progress Jul-22 | Progress Aug-22 | Progress Sep-22").
// The council's improvement plan demands an update on every risk every month: an officer runs
// `risk-review check FILE --as-at 2022-09-30` and expects a risk whose September column holds "No change" to
// count as updated this month, one whose latest filled column is June to be stale (saying so), and a blank
// September column on an open risk to be no update this month; and no false findings from the month columns.
// Each test cites the SPEC.md passage it rests on; "(judgement)" marks where SPEC is silent and an officer's
// reading decides. Tests named "guard:" pass today and keep a behaviour a fix must not break.

import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonFinding, JsonReport } from "../../src/cli/format-json";
import { tempFolder } from "../helpers/test-files";
import { checkJson, d, writeBook, type Cell } from "./helpers/review-book";
import { runMain } from "./helpers/main-in-process";

jest.setTimeout(120_000);

const AS_AT = "2022-09-30";
const tmp = tempFolder("crr-rv29-months-");
let files = 0;

interface Sheet {
  name: string;
  rows: Cell[][];
  /** Number format of header cells that are dates (a month typed as a date shows as "Sep-22"). */
  headerDateFormat?: string;
  /** Extra set-up (merged cells, a second header row). */
  build?: (ws: ExcelJS.Worksheet) => void;
}

/** Writes a workbook as an officer lays it out (see writeBook). */
function book(sheets: Sheet[]): Promise<string> {
  const file = path.join(tmp, `months-${++files}.xlsx`);
  return writeBook(
    file,
    sheets.map((s) => ({
      ...s,
      dateFormat: (i: number) => (i === 0 && s.headerDateFormat ? s.headerDateFormat : "dd/mm/yyyy"),
    })),
  );
}

/** `risk-review check FILE --as-at 2022-09-30 --format json`. */
const check = (file: string): Promise<JsonReport> => checkJson(file, AS_AT);

const of = (json: JsonReport, rule: string): JsonFinding[] => json.findings.filter((f) => f.ruleId === rule);
const staleIds = (json: JsonReport): string[] =>
  of(json, "risk/stale-update")
    .map((f) => f.recordId ?? "")
    .sort();
const staleOf = (json: JsonReport, id: string): JsonFinding | undefined =>
  of(json, "risk/stale-update").find((f) => f.recordId === id);

/** The rows of an owned tab of a --out workbook, as text (dates as yyyy-mm-dd). */
async function tabRows(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${file}`);
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    out.push(
      (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
        if (v === null || v === undefined) return "";
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
        return String(v);
      }),
    );
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// (1) "Update Apr-22 … Update Sep-22": a register with no date column, its updates one column per month

const MONTHLY_HEAD: Cell[] = [
  "Risk ID",
  "Risk",
  "Owner",
  "L",
  "I",
  "Score",
  "Strategy",
  "Actions",
  "Update Apr-22",
  "Update May-22",
  "Update Jun-22",
  "Update Jul-22",
  "Update Aug-22",
  "Update Sep-22",
];

// MR-01: updated every month, September's update "No change" (updated this month).
// MR-02: nothing since June (stale, last updated June 2022).
// MR-03: updated in August, September blank (no update this month).
const MONTHLY_ROWS: Cell[][] = [
  MONTHLY_HEAD,
  [
    "MR-01",
    "Pothole claims rising",
    "Ann Lee",
    3,
    3,
    9,
    "Treat",
    "Extra inspections",
    "April: claims steady",
    "May: claims steady",
    "June: claims steady",
    "July: claims steady",
    "August: claims steady",
    "No change",
  ],
  [
    "MR-02",
    "Bridge expansion joints failing",
    "Bob Roe",
    4,
    4,
    16,
    "Treat",
    "Principal inspection",
    "April: survey scoped",
    "May: survey tendered",
    "June: survey booked",
    null,
    null,
    null,
  ],
  [
    "MR-03",
    "Gritting fleet availability",
    "Cat Poe",
    2,
    2,
    4,
    "Tolerate",
    "Spare hire agreement",
    "April: fleet ok",
    "May: fleet ok",
    "June: fleet ok",
    "July: fleet ok",
    "August: two lorries serviced",
    null,
  ],
];

describe("a register with an update column per month (Update Apr-22 … Update Sep-22)", () => {
  let file: string;
  let json: JsonReport;
  let review: string;
  beforeAll(async () => {
    file = await book([{ name: "Risk Register", rows: MONTHLY_ROWS }]);
    json = await check(file);
    review = path.join(tmp, "monthly-review.xlsx");
    const run = await runMain(["check", file, "--as-at", AS_AT, "--out", review]);
    if (run.status > 1) throw new Error(`check --out failed (${run.status}): ${run.stderr}`);
  });

  it("a risk whose September column says 'No change' is updated this month: no stale-update", () => {
    // SPEC Rules: risk/stale-update fires when an open risk has no latest update or it is older than the review
    // period; README: "an update every month" — "No change" is an update (Workflows 4: "record an update or
    // 'no change this month'"). SPEC Values: a month "means its first day when it says when something was last
    // updated": the September column dates the update 01/09/2022, on or after 30/08/2022 (SPEC Latest update).
    expect(staleOf(json, "MR-01")).toBeUndefined();
  });

  it("a risk whose latest filled month is June is stale, and the message says it was last updated in June", () => {
    // SPEC Latest update and the review period; Values: the June column dates the update 01/06/2022. The
    // officer needs to know how long it has gone without an update, as for a dated register ("was last
    // updated 15/06/2022, before …"), not "has no recorded update".
    const f = staleOf(json, "MR-02");
    expect(f).toBeDefined();
    expect(f?.message).toMatch(/01\/06\/2022|June 2022|Jun-22/i);
    expect(f?.message).not.toMatch(/no recorded update/i);
  });

  it("a blank September column on an open risk is no update this month: stale, last updated in August", () => {
    // SPEC Latest update: as at 30/09/2022 an update counts on or after 30/08/2022; the August column dates
    // the last update 01/08/2022 (Values: a month is its first day as a last-updated date).
    const f = staleOf(json, "MR-03");
    expect(f).toBeDefined();
    expect(f?.message).toMatch(/01\/08\/2022|August 2022|Aug-22/i);
    expect(staleIds(json)).toEqual(["MR-02", "MR-03"]);
  });

  it("does not report the register as lacking a last updated column, nor cells past its headers", () => {
    // SPEC Rules, sheet/missing-column: "A register whose update text carries dated lines does not lack
    // lastUpdated". Month headers date every update cell beneath them just as dated lines do; telling the
    // officer to add a Last Updated column to a register that dates each update by its column is false.
    expect(of(json, "sheet/missing-column")).toEqual([]);
    expect(of(json, "sheet/cells-past-headers")).toEqual([]);
  });

  it("the Escalation tab shows September's update as the latest update, with a September date", async () => {
    // SPEC Owned tabs, Escalation: "latest update and its date". The latest update is the newest month's
    // text, not April's (the first month column).
    const rows = await tabRows(review, "Escalation");
    const header = rows.find((r) => r[0] === "Risk ID" && r.includes("Latest update"));
    expect(header).toBeDefined();
    const textAt = header!.indexOf("Latest update");
    const dateAt = header!.indexOf("Update date");
    const mr01 = rows.find((r) => r[0] === "MR-01");
    expect(mr01?.[textAt]).toBe("No change");
    expect(mr01?.[dateAt].slice(0, 7)).toBe("2022-09");
  });

  it("the Risk Summary names MR-02 and MR-03, not MR-01, as open and not updated this period", async () => {
    // SPEC Owned tabs, Risk Summary: "how many are stale"; README: "the open risks not updated this period …
    // counted and named".
    const rows = await tabRows(review, "Risk Summary");
    const stale = rows.find((r) => /not updated this period/i.test(r[0]));
    expect(stale).toBeDefined();
    expect(stale![1]).toBe("2");
    expect(stale![2]).toMatch(/MR-02/);
    expect(stale![2]).toMatch(/MR-03/);
    expect(stale![2]).not.toMatch(/MR-01/);
  });
});

// ---------------------------------------------------------------------------------------------------
// (2) Headers that are only months

/** A register's first eight columns, then the month columns. */
const BASE_HEAD: Cell[] = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "Strategy",
  "Mitigating Actions",
];
// HR-01 updated in September ("No change"); HR-02 last in July; HR-03 last in August.
const THREE_MONTH_ROWS: Cell[][] = [
  [
    "HR-01",
    "Highway claims",
    "Ann Lee",
    3,
    3,
    9,
    "Treat",
    "Inspections",
    "Claims steady",
    "Claims steady",
    "No change",
  ],
  ["HR-02", "Bridge joints", "Bob Roe", 3, 4, 12, "Treat", "Survey", "Survey booked", null, null],
  [
    "HR-03",
    "Gritting fleet",
    "Cat Poe",
    2,
    2,
    4,
    "Tolerate",
    "Spare hire",
    "Fleet ok",
    "Fleet serviced",
    null,
  ],
];

describe("month headers typed as dates (Jul-22, Aug-22, Sep-22 in date cells)", () => {
  let file: string;
  beforeAll(async () => {
    file = await book([
      {
        name: "Risk Register",
        headerDateFormat: "mmm-yy",
        rows: [[...BASE_HEAD, d(2022, 7, 1), d(2022, 8, 1), d(2022, 9, 1)], ...THREE_MONTH_ROWS],
      },
    ]);
  });

  it("reads each column as that month's update: only HR-02 (July) and HR-03 (August) are stale", async () => {
    // SPEC Latest update and the review period; Values: dates as Excel serials with a date number format, a
    // month meaning its first day as a last-updated date. The header cell is a date shown "Sep-22".
    const json = await check(file);
    expect(staleIds(json)).toEqual(["HR-02", "HR-03"]);
    expect(of(json, "sheet/missing-column")).toEqual([]);
  });

  it("(judgement) never shows a month header to the officer as a bare serial number (44805)", async () => {
    // SPEC Reading sheets / README Check: the sheet list says what each column was taken for; a header the
    // officer sees as "Sep-22" is listed today as "not recognised: 44743, 44774, 44805", which no officer can
    // relate to a column.
    const run = await runMain(["check", file, "--as-at", AS_AT, "--format", "text"]);
    expect(run.stdout).not.toMatch(/\b447(43|74)\b|\b44805\b/);
  });
});

it("month headers as text ('July 2022 | August 2022 | September 2022'): only HR-02 and HR-03 are stale", async () => {
  // SPEC Values: month-only dates "July 2022" are dates; as a last-updated date a month is its first day.
  const file = await book([
    {
      name: "Risk Register",
      rows: [[...BASE_HEAD, "July 2022", "August 2022", "September 2022"], ...THREE_MONTH_ROWS],
    },
  ]);
  const json = await check(file);
  expect(staleIds(json)).toEqual(["HR-02", "HR-03"]);
  expect(of(json, "sheet/missing-column")).toEqual([]);
});

it("a 'Monthly Update' group header over Jul-22 / Aug-22 / Sep-22 sub-headers: only HR-02 and HR-03 are stale", async () => {
  // SPEC Reading sheets: "A group-header row directly above it (…spanning several columns) qualifies the
  // headers below." The other headers are merged down over both rows, as officers lay this out.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [...BASE_HEAD, "Monthly Update", null, null],
        [null, null, null, null, null, null, null, null, "Jul-22", "Aug-22", "Sep-22"],
        ...THREE_MONTH_ROWS,
      ],
      build: (ws) => {
        for (let c = 1; c <= 8; c++) ws.mergeCells(1, c, 2, c);
        ws.mergeCells(1, 9, 1, 11);
      },
    },
  ]);
  const json = await check(file);
  expect(staleIds(json)).toEqual(["HR-02", "HR-03"]);
  expect(of(json, "sheet/missing-column")).toEqual([]);
});

describe('group headers written once over the first month of each block, not merged ("Monthly Score" over Jul-22, blank over Aug-22 and Sep-22)', () => {
  // README "Registers as they are really written": a group header is read "merged, or written once over each
  // block's first column"; over month columns it stands over every month up to the next group header, as a
  // merged one does (and as the task pane reads a merged one on a host that cannot list merged cells).
  const months = [d(2022, 7, 1), d(2022, 8, 1), d(2022, 9, 1)];
  const groupRow: Cell[] = [
    null,
    null,
    null,
    null,
    null,
    "Monthly Score",
    null,
    null,
    "Monthly RAG",
    null,
    null,
  ];
  const rows: Cell[][] = [
    [...groupRow, "Monthly Update", null, null],
    [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Strategy",
      "Mitigating Actions",
      ...months,
      ...months,
      ...months,
    ],
    [
      ...["HR-01", "Carriageway defects", "Ann Lee", "Treat", "Extra patrols", 9, 12, 16, "Amber", "Amber"],
      ...["Red", "July: claims steady", "August: claims rising", "No change"],
    ],
    [
      ...["HR-02", "Gully cleansing backlog", "Bob Roe", "Treat", "Jetting crew", 9, 9, 6, "Amber", "Amber"],
      ...["Amber", "July: backlog 400", null, null],
    ],
    [
      ...["HR-03", "Street lighting column failures", "Cat Poe", "Tolerate", "Testing", 4, 4, 4, "Green"],
      ...["Green", "Green", "July: 3 failures", "August: 1 failure", null],
    ],
  ];
  const write = (name: string, build?: (ws: ExcelJS.Worksheet) => void): Promise<string> =>
    writeBook(path.join(tmp, name), [
      { name: "Risk Register", rows, dateFormat: (i) => (i === 1 ? "mmm-yy" : "dd/mm/yyyy"), build },
    ]);
  let json: JsonReport;
  beforeAll(async () => {
    json = await check(await write("group-once.xlsx"));
  });

  it("reads every month of each block as that block's field: score, RAG and update month by month", () => {
    expect(json.sheets[0].byMonth).toEqual({
      score: { "Jul-22": "F", "Aug-22": "G", "Sep-22": "H" },
      rag: { "Jul-22": "I", "Aug-22": "J", "Sep-22": "K" },
      update: { "Jul-22": "L", "Aug-22": "M", "Sep-22": "N" },
    });
    expect(json.sheets[0].unmapped).toEqual([]);
  });

  it("the scores are September's and HR-02 (July) and HR-03 (August) are stale, as with the headers merged", async () => {
    expect(json.risks.map((r) => `${r.recordId} ${r.score}`)).toEqual(["HR-01 16", "HR-02 6", "HR-03 4"]);
    expect(staleIds(json)).toEqual(["HR-02", "HR-03"]);
    const merged = await check(
      await write("group-merged.xlsx", (ws) => ["F1:H1", "I1:K1", "L1:N1"].forEach((a) => ws.mergeCells(a))),
    );
    expect(json).toEqual(merged);
  });
});

it("a register laid out for the year (Apr-22 … Mar-23, later months blank) with Date Raised and Next Review Date", async () => {
  // SPEC Latest update: the latest update is the newest filled month, not the last column; blank months
  // after the as-at month are no update and no finding. SPEC Fields: Date Raised is `raised`, Next Review Date
  // `nextReview`: the month columns must not take either, nor raise risk/future-date or
  // risk/next-review-passed.
  const months = ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22"];
  const later = ["Oct-22", "Nov-22", "Dec-22", "Jan-23", "Feb-23", "Mar-23"];
  const head: Cell[] = [...BASE_HEAD, "Date Raised", "Next Review Date", ...months, ...later];
  const blanks = (n: number): null[] => Array<null>(n).fill(null);
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        head,
        [
          ...THREE_MONTH_ROWS[0].slice(0, 8),
          d(2021, 5, 4),
          d(2022, 10, 31),
          "a",
          "b",
          "c",
          "d",
          "e",
          "No change",
          ...blanks(6),
        ],
        [
          ...THREE_MONTH_ROWS[1].slice(0, 8),
          d(2021, 5, 4),
          d(2022, 10, 31),
          "a",
          "b",
          "Survey booked",
          ...blanks(9),
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(staleIds(json)).toEqual(["HR-02"]);
  expect(staleOf(json, "HR-02")?.message).toMatch(/01\/06\/2022|June 2022|Jun-22/i);
  expect(json.sheets[0].columns.raised).toBe("I");
  expect(json.sheets[0].columns.nextReview).toBe("J");
  expect(of(json, "risk/future-date")).toEqual([]);
  expect(of(json, "risk/next-review-passed")).toEqual([]);
  expect(of(json, "sheet/missing-column")).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// (3) Guards: registers with a date column check as before

it("guard: 'Last Updated' + 'Latest Update' + older month columns (Update Jul-22, Update Aug-22) check as before", async () => {
  // SPEC Latest update: the Last Updated date stands; the old month columns are history and must produce no
  // finding of their own.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [...BASE_HEAD, "Last Updated", "Latest Update", "Update Jul-22", "Update Aug-22"],
        ["HR-01", "Claims", "Ann Lee", 3, 3, 9, "Treat", "Inspect", d(2022, 9, 20), "No change", "x", "y"],
        [
          "HR-02",
          "Joints",
          "Bob Roe",
          3,
          4,
          12,
          "Treat",
          "Survey",
          d(2022, 6, 15),
          "Survey booked",
          "a",
          null,
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(of(json, "risk/stale-update").map((f) => `${f.recordId} ${f.cell}`)).toEqual(["HR-02 I3"]);
  expect(staleOf(json, "HR-02")?.message).toMatch(/15\/06\/2022/);
  expect(json.sheets[0].columns.lastUpdated).toBe("I");
  expect(json.sheets[0].columns.update).toBe("J");
  expect(of(json, "sheet/missing-column")).toEqual([]);
  expect(of(json, "sheet/cells-past-headers")).toEqual([]);
});

it("guard: an ordinary register with one 'Update' column and a 'Last Updated' date checks as before", async () => {
  // SPEC Latest update; History: "a risk with a Date Raised is therefore →" in a workbook without logs.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [...BASE_HEAD, "Date Raised", "Last Updated", "Update"],
        [
          "HR-01",
          "Claims",
          "Ann Lee",
          3,
          3,
          9,
          "Treat",
          "Inspect",
          d(2021, 4, 1),
          d(2022, 9, 20),
          "No change",
        ],
        [
          "HR-02",
          "Joints",
          "Bob Roe",
          3,
          4,
          12,
          "Treat",
          "Survey",
          d(2021, 4, 1),
          d(2022, 6, 15),
          "Survey booked",
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(of(json, "risk/stale-update").map((f) => `${f.recordId} ${f.cell}`)).toEqual(["HR-02 J3"]);
  expect(staleOf(json, "HR-02")?.message).toMatch(/15\/06\/2022/);
  expect(json.sheets[0].columns).toMatchObject({ raised: "I", lastUpdated: "J", update: "K" });
  expect(json.sheets[0].unmapped).toEqual([]);
  expect(json.risks.map((r) => `${r.recordId} ${r.trend}`)).toEqual(["HR-01 same", "HR-02 same"]);
});

// ---------------------------------------------------------------------------------------------------
// (4) Monthly RAG and score columns

it("monthly RAG columns (RAG Jul-22 | RAG Aug-22 | RAG Sep-22): only September's RAG is checked against the score", async () => {
  // SPEC Rules, risk/rag-mismatch: "a RAG word disagrees with the score's band" — the risk's RAG is its
  // current one, September's. HR-01 (16) was Amber in July and is Red now; HR-02 (4) Green now; HR-03 (16)
  // marked Green in September is a real mismatch, at its September cell.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [...BASE_HEAD, "Last Updated", "RAG Jul-22", "RAG Aug-22", "RAG Sep-22"],
        ["HR-01", "Claims", "Ann Lee", 4, 4, 16, "Treat", "Inspect", d(2022, 9, 20), "Amber", "Amber", "Red"],
        ["HR-02", "Joints", "Bob Roe", 2, 2, 4, "Treat", "Survey", d(2022, 9, 20), "Red", "Amber", "Green"],
        ["HR-03", "Fleet", "Cat Poe", 4, 4, 16, "Treat", "Hire", d(2022, 9, 20), "Red", "Red", "Green"],
      ],
    },
  ]);
  const json = await check(file);
  expect(of(json, "risk/rag-mismatch").map((f) => `${f.recordId} ${f.cell}`)).toEqual(["HR-03 L4"]);
});

describe("monthly score columns (Score Jul-22 | Score Aug-22 | Score Sep-22)", () => {
  let json: JsonReport;
  beforeAll(async () => {
    const file = await book([
      {
        name: "Risk Register",
        rows: [
          [
            "Risk ID",
            "Risk Title",
            "Risk Owner",
            "Likelihood",
            "Impact",
            "Strategy",
            "Mitigating Actions",
            "Date Raised",
            "Last Updated",
            "Score Jul-22",
            "Score Aug-22",
            "Score Sep-22",
          ],
          ["HR-01", "Claims", "Ann Lee", 4, 4, "Treat", "Inspect", d(2021, 4, 1), d(2022, 9, 20), 9, 12, 16],
          ["HR-02", "Joints", "Bob Roe", 2, 3, "Treat", "Survey", d(2021, 4, 1), d(2022, 9, 20), 12, 9, 6],
          ["HR-03", "Fleet", "Cat Poe", 2, 2, "Tolerate", "Hire", d(2021, 4, 1), d(2022, 9, 20), 4, 4, 4],
        ],
      },
    ]);
    json = await check(file);
  });

  it("the current score is September's: no score-mismatch, and the JSON scores are 16, 6, 4", () => {
    // SPEC Values: score = likelihood × impact; Rules, risk/score-mismatch. The current likelihood and impact
    // (4 × 4, 2 × 3) agree with September's score, not with July's.
    expect(of(json, "risk/score-mismatch")).toEqual([]);
    expect(json.risks.map((r) => `${r.recordId} ${r.score}`)).toEqual(["HR-01 16", "HR-02 6", "HR-03 4"]);
  });

  it("(judgement) the direction of travel reads the monthly scores: HR-01 up, HR-02 down, HR-03 same", () => {
    // SPEC History: direction of travel is the score against the previous monthly point; the register itself
    // keeps the score at the end of each month (Aug 12 → Sep 16; 9 → 6; 4 → 4). An officer reading the row
    // sees the direction; the logs are not the only place a council keeps monthly scores.
    expect(json.risks.map((r) => `${r.recordId} ${r.trend}`)).toEqual([
      "HR-01 up",
      "HR-02 down",
      "HR-03 same",
    ]);
  });
});

it("(judgement) 'No change' in the August and September columns while the action's due date passed: no-change-while-slipping at September's cell", async () => {
  // SPEC Rules, risk/no-change-while-slipping: "an open risk's last two or more updates (… or dated lines
  // saying no change) say no change, and since the first of them … an open action's due date passed; the
  // finding points at the risk's update cell". The month columns date each update as dated lines do.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [
          ...BASE_HEAD,
          "Action Owner",
          "Action Due Date",
          "Action Status",
          "Update Jul-22",
          "Update Aug-22",
          "Update Sep-22",
        ],
        [
          "MR-01",
          "Pothole claims",
          "Ann Lee",
          3,
          3,
          9,
          "Treat",
          "Inspections",
          "Ann Lee",
          d(2022, 9, 15),
          "In progress",
          "Claims rising",
          "No change",
          "No change",
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(of(json, "risk/no-change-while-slipping").map((f) => `${f.recordId} ${f.cell}`)).toEqual([
    "MR-01 N2",
  ]);
  expect(staleOf(json, "MR-01")).toBeUndefined();
});

it("(judgement) an actions sheet with monthly progress columns dates each action's update by its month", async () => {
  // SPEC Latest update: a risk's latest update is the newest of its lastUpdated date … "its actions' update
  // dates". HR-01's action has September progress (updated this month, though the register's date is June);
  // HR-02's action was last reported in July.
  const file = await book([
    {
      name: "Risk Register",
      rows: [
        [
          "Risk ID",
          "Risk Title",
          "Risk Owner",
          "Likelihood",
          "Impact",
          "Risk Score",
          "Strategy",
          "Last Updated",
        ],
        ["HR-01", "Claims", "Ann Lee", 3, 3, 9, "Treat", d(2022, 6, 10)],
        ["HR-02", "Joints", "Bob Roe", 3, 4, 12, "Treat", d(2022, 6, 10)],
      ],
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
          "Progress Jul-22",
          "Progress Aug-22",
          "Progress Sep-22",
        ],
        [
          "A-1",
          "HR-01",
          "More inspections",
          "Ann Lee",
          d(2022, 12, 31),
          "In progress",
          "Started",
          "Half",
          "80% done",
        ],
        ["A-2", "HR-02", "Joint survey", "Bob Roe", d(2022, 12, 31), "In progress", "Booked", null, null],
      ],
    },
  ]);
  const json = await check(file);
  expect(staleIds(json)).toEqual(["HR-02"]);
});

// ---------------------------------------------------------------------------------------------------
// (5) The improvement plan with monthly progress columns

const PLAN_HEAD: Cell[] = [
  "No",
  "Improvement Aim",
  "Background",
  "Action",
  "Date Completed or Expected",
  "Lead Director",
  "Lead Officer",
];

it("guard: a plan with its Progress Status and Evidence, plus Progress Jul / Aug / Sep columns, checks as before", async () => {
  // SPEC Fields: plan status is "Progress Status" (the seed's nine headers); the monthly columns are extra.
  const file = await book([
    {
      name: "Improvement Plan",
      rows: [
        [...PLAN_HEAD, "Progress Status", "Evidence", "Progress Jul", "Progress Aug", "Progress Sep"],
        [
          1,
          "Better risk management",
          "Audit",
          "Monthly review",
          d(2022, 12, 31),
          "Dir A",
          "Off B",
          "In progress",
          null,
          "Started",
          "Drafted",
          "At RMB",
        ],
        [
          null,
          null,
          null,
          "Owner training",
          d(2022, 8, 31),
          "Dir A",
          "Off C",
          "Completed",
          "Attendance list",
          "Booked",
          "Delivered",
          null,
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(json.sheets[0].kind).toBe("improvement-plan");
  expect(json.sheets[0].columns.status).toBe("H");
  expect(json.findings.filter((f) => f.ruleId.startsWith("plan/"))).toEqual([]);
});

it("a plan whose progress is kept by month (Progress Jul-22 | Aug-22 | Sep-22) takes each action's status from its latest month", async () => {
  // SPEC Values, Plan status: "from the leading words of Progress Status"; Rules, plan/overdue: the date is
  // before the as-at date and the status is neither completed nor cancelled. The training was "Completed" in
  // August and September (with evidence): not overdue. Today July's column is read as the status ("In
  // progress") and a false plan/overdue is raised at E3.
  const file = await book([
    {
      name: "Improvement Plan",
      rows: [
        [...PLAN_HEAD, "Evidence", "Progress Jul-22", "Progress Aug-22", "Progress Sep-22"],
        [
          1,
          "Better risk management",
          "Audit",
          "Monthly review",
          d(2022, 12, 31),
          "Dir A",
          "Off B",
          null,
          "Not started",
          "In progress",
          "In progress",
        ],
        [
          null,
          null,
          null,
          "Owner training",
          d(2022, 8, 31),
          "Dir A",
          "Off C",
          "Attendance list",
          "In progress",
          "Completed",
          "Completed",
        ],
      ],
    },
  ]);
  const json = await check(file);
  expect(
    json.findings.filter((f) => f.ruleId.startsWith("plan/")).map((f) => `${f.ruleId} ${f.cell}`),
  ).toEqual([]);
});
