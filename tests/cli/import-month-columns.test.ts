// `risk-review import` into a register that keeps a field month by month, one column per month ("Update Apr-22
// … Update Mar-23" laid out for the year, bare month headers typed as dates "Sep-22", "Score Jul-22 | Score
// Aug-22 | Score Sep-22"): the export's update (or score) goes to the import's as-at month's column (--as-at,
// else today), never to an earlier month's (history: nothing a user wrote is lost) nor a later one's; where
// the register has no column for that month nothing is invented: the summary says which risks' updates were
// not written and why, and those cells stay as they were. The Import Log names the column written.
// The command line runs in-process through main(); the pane's import shares planImport
// (tests/core/merge/month-columns.test.ts).

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { localTodayIso } from "../../src/core/local-time";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { sha, tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-import-months-");
let files = 0;
const fresh = (name: string): string => {
  const dir = path.join(tmp, String(++files));
  fs.mkdirSync(dir);
  return path.join(dir, name);
};

const BASE = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "Sep-22" for a year and 1-based month. */
const label = (year: number, month: number) =>
  `${MONTH_NAMES[month - 1]}-${String(year % 100).padStart(2, "0")}`;
/** Labels of `count` months from a year and 1-based month. */
function monthsFrom(year: number, month: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const m = month - 1 + i;
    return label(year + Math.floor(m / 12), (m % 12) + 1);
  });
}
const FINANCIAL_YEAR = monthsFrom(2022, 4, 12);

interface Sheet {
  name: string;
  rows: CellValue[][];
  /** Header cells written as dates shown "mmm-yy" (a month typed as a date), by 0-based column. */
  dateHeaders?: Map<number, Date>;
}

/** A workbook written with ExcelJS (month headers typed as dates where asked). */
async function book(file: string, sheets: Sheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const [c, date] of s.dateHeaders ?? []) {
      const cell = ws.getCell(1, c + 1);
      cell.value = date;
      cell.numFmt = "mmm-yy";
    }
  }
  const out = fresh(file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** A register row: id, title, owner, 2 × 3 = 6, then its months' words (blank months null). */
const row = (id: string, ...months: (string | number | null)[]): CellValue[] => [
  id,
  `Title of ${id}`,
  "Ann Lee",
  2,
  3,
  6,
  ...months,
];

const EXPORT_HEADER = [...BASE, "Risk Response Strategy", "Risk Status", "Latest Update"];
/** This month's IRIS export: each risk's score (likelihood 2 × `impact`) and update. */
async function irisExport(...risks: [id: string, impact: number, update: string][]): Promise<string> {
  return book("IRIS export.xlsx", [
    {
      name: "IRIS Risks",
      rows: [
        EXPORT_HEADER,
        ...risks.map(([id, impact, update]) => [
          id,
          `Title of ${id}`,
          "Ann Lee",
          2,
          impact,
          2 * impact,
          "Treat",
          "Open",
          update,
        ]),
      ],
    },
  ]);
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
  grids: Grid[];
}

/** `risk-review import` (JSON, then text into another file) with `asAt` (none: today); inputs untouched. */
async function runImport(exportFile: string, into: string, asAt?: string): Promise<Run> {
  const before = [sha(exportFile), sha(into)];
  const args = (out: string, format: string) => [
    "import",
    exportFile,
    "--into",
    into,
    "--out",
    out,
    ...(asAt ? ["--as-at", asAt] : []),
    "--format",
    format,
  ];
  const out = fresh("Merged.xlsx");
  const run = await runMain(args(out, "json"));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const text = await runMain(args(fresh("Merged text.xlsx"), "text"));
  expect([sha(exportFile), sha(into)]).toEqual(before);
  const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "Merged.xlsx");
  return { ...run, json: JSON.parse(run.stdout), text: text.stdout, grids };
}

const sheetOf = (grids: Grid[], name: string): Grid => grids.find((g) => g.sheetName === name)!;
/** A cell by 1-based row and 0-based column. */
const at = (g: Grid, r: number, c: number): CellValue =>
  g.values[r - 1 - g.rowOffset]?.[c - g.colOffset] ?? null;
/** The register's row of a risk, its cells from column A. */
const rowOf = (g: Grid, id: string): CellValue[] => {
  const r = g.values.findIndex((v) => v[0 - g.colOffset] === id);
  return g.values[r].slice(-g.colOffset);
};
/** The Import Log's rows as [Risk ID, Field, Old, New]. */
function importLog(grids: Grid[]): CellValue[][] {
  const log = sheetOf(grids, "Import Log");
  const header = log.values.findIndex((r) => r.includes("Field"));
  const cols = ["Risk ID", "Field", "Old", "New"].map((h) => log.values[header].indexOf(h));
  return log.values.slice(header + 1).map((r) => cols.map((c) => r[c] ?? null));
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byId = (list: any[], id: string) => list.find((r) => r.id === id);

// ---------------------------------------------------------------------------------------------------
// A register laid out for the year: Update Apr-22 … Update Mar-23 (text headers), filled to August.

const YEAR_HEADER = [...BASE, ...FINANCIAL_YEAR.map((m) => `Update ${m}`)];
const col = (header: string) => YEAR_HEADER.indexOf(header);
const TO_AUGUST = ["April", "May", "June", "July", "August words"];

describe("a register laid out for the year, --as-at 2022-09-30", () => {
  let run: Run;
  let register: string;
  beforeAll(async () => {
    register = await book("Council register.xlsx", [
      {
        name: "Risk Register",
        rows: [YEAR_HEADER, row("HRC-001", ...TO_AUGUST), row("HRC-002", ...TO_AUGUST)],
      },
    ]);
    const exp = await irisExport(
      ["HRC-001", 4, "Resurfacing slipped a month"],
      ["HRC-002", 3, "August words"],
    );
    run = await runImport(exp, register, "2022-09-30");
  });

  it("writes HRC-001's update in Update Sep-22, not in the newest month of the year (Mar-23)", () => {
    const reg = sheetOf(run.grids, "Risk Register");
    expect(at(reg, 2, col("Update Sep-22"))).toBe("Resurfacing slipped a month");
    expect(at(reg, 2, col("Update Mar-23"))).toBeNull();
    expect(rowOf(reg, "HRC-001").slice(col("Update Apr-22"), col("Update Sep-22"))).toEqual(TO_AUGUST);
    const changed = byId(run.json.risks.changed, "HRC-001");
    expect(changed.cells.find((c: { field: string }) => c.field === "update")).toMatchObject({
      cell: "L2",
      header: "Update Sep-22",
      old: "",
      new: "Resurfacing slipped a month",
    });
    expect(run.text).toContain("HRC-001 Update Sep-22 (L2): (blank) → Resurfacing slipped a month");
  });

  it("writes no September update for HRC-002, whose export says what its August column says", () => {
    const reg = sheetOf(run.grids, "Risk Register");
    expect(at(reg, 3, col("Update Sep-22"))).toBeNull();
    expect(byId(run.json.risks.changed, "HRC-002")).toBeUndefined();
    expect(run.json.risks.unchanged).toBe(1);
  });

  it("the Import Log records the cell written: Update Sep-22, from blank", () => {
    expect(importLog(run.grids).filter((r) => /^Update/.test(String(r[1])))).toEqual([
      ["HRC-001", "Update Sep-22", null, "Resurfacing slipped a month"],
    ]);
  });
});

it("without --as-at, the update goes to today's month's column", async () => {
  const today = localTodayIso();
  const [y, m] = today.split("-").map(Number);
  // Three months before today's, today's, and two after: a register laid out ahead.
  const months = monthsFrom(m <= 3 ? y - 1 : y, m <= 3 ? m + 9 : m - 3, 6);
  const header = [...BASE, ...months.map((x) => `Update ${x}`)];
  const register = await book("Council register.xlsx", [
    { name: "Risk Register", rows: [header, row("HRC-001", "one", "two", "three")] },
  ]);
  const run = await runImport(await irisExport(["HRC-001", 3, "This month's words"]), register);
  const reg = sheetOf(run.grids, "Risk Register");
  const thisMonth = header.indexOf(`Update ${label(y, m)}`);
  expect(at(reg, 2, thisMonth)).toBe("This month's words");
  expect(at(reg, 2, thisMonth + 1)).toBeNull();
  expect(at(reg, 2, thisMonth + 2)).toBeNull();
  expect(rowOf(reg, "HRC-001").slice(BASE.length, thisMonth)).toEqual(["one", "two", "three"]);
});

it("bare month headers typed as dates (Apr-22 … Mar-23): the update goes to the Sep-22 column", async () => {
  const header: CellValue[] = [...BASE, ...FINANCIAL_YEAR.map(() => null)];
  const dates = new Map(FINANCIAL_YEAR.map((_, i) => [BASE.length + i, new Date(Date.UTC(2022, 3 + i, 1))]));
  const register = await book("Council register.xlsx", [
    { name: "Risk Register", rows: [header, row("HRC-001", ...TO_AUGUST)], dateHeaders: dates },
  ]);
  const run = await runImport(await irisExport(["HRC-001", 3, "September words"]), register, "2022-09-30");
  const reg = sheetOf(run.grids, "Risk Register");
  expect(at(reg, 2, BASE.length + 5)).toBe("September words");
  expect(at(reg, 2, BASE.length + 11)).toBeNull();
  expect(rowOf(reg, "HRC-001").slice(BASE.length, BASE.length + 5)).toEqual(TO_AUGUST);
  expect(importLog(run.grids)).toEqual([["HRC-001", "Sep-22", null, "September words"]]);
});

it("scores kept month by month (Score Jul-22 | Score Aug-22 | Score Sep-22): the score goes to Score Sep-22", async () => {
  const header = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Latest Update",
    "Score Jul-22",
    "Score Aug-22",
    "Score Sep-22",
  ];
  const register = await book("Council register.xlsx", [
    {
      name: "Risk Register",
      rows: [header, ["HRC-001", "Title of HRC-001", "Ann Lee", "Words", 6, 6, null]],
    },
  ]);
  const run = await runImport(await irisExport(["HRC-001", 4, "Words"]), register, "2022-09-30");
  const reg = sheetOf(run.grids, "Risk Register");
  expect([at(reg, 2, 4), at(reg, 2, 5), at(reg, 2, 6)]).toEqual([6, 6, 8]);
  expect(importLog(run.grids)).toEqual([["HRC-001", "Score Sep-22", null, "8"]]);
  expect(run.json.movement.scoreUp).toEqual(["HRC-001"]);
});

describe("a register whose months end at Aug-22, --as-at 2022-09-30", () => {
  let run: Run;
  let register: string;
  const header = [...BASE, ...FINANCIAL_YEAR.slice(0, 5).map((m) => `Update ${m}`)];
  beforeAll(async () => {
    register = await book("Council register.xlsx", [
      {
        name: "Risk Register",
        rows: [header, row("HRC-001", ...TO_AUGUST), row("HRC-002", ...TO_AUGUST), row("HRC-003", "April")],
      },
    ]);
    const exp = await irisExport(
      ["HRC-001", 4, "Resurfacing slipped a month"],
      ["HRC-002", 3, "August words"],
      ["HRC-003", 3, "Fleet replaced"],
      ["HRC-004", 3, "A new risk"],
    );
    run = await runImport(exp, register, "2022-09-30");
  });

  it("writes no update: every month's cell is as it was, the score still imported", () => {
    const reg = sheetOf(run.grids, "Risk Register");
    expect(rowOf(reg, "HRC-001").slice(BASE.length)).toEqual(TO_AUGUST);
    expect(rowOf(reg, "HRC-003").slice(BASE.length, BASE.length + 5)).toEqual([
      "April",
      null,
      null,
      null,
      null,
    ]);
    expect(at(reg, 2, 5)).toBe(8);
    const fields = run.json.risks.changed.flatMap((r: { cells: { field: string }[] }) =>
      r.cells.map((c) => c.field),
    );
    expect(fields).not.toContain("update");
    expect(importLog(run.grids).map((r) => r[1])).not.toContainEqual(expect.stringMatching(/^Update/));
  });

  it("the new risk's row gets no update either", () => {
    const reg = sheetOf(run.grids, "Risk Register");
    expect(
      rowOf(reg, "HRC-004")
        .slice(BASE.length)
        .filter((v) => v !== null),
    ).toEqual([]);
  });

  it("says plainly which risks' updates were not written, and why (JSON and text)", () => {
    const note = run.json.risks.notCarried.find((n: { header: string }) => n.header === "Latest Update");
    expect(note.records).toEqual(["HRC-001", "HRC-003", "HRC-004"]);
    expect(note.reason).toMatch(/no column for Sep-22/);
    expect(note.reason).toMatch(/Aug-22/);
    expect(run.json.warnings).toEqual([expect.stringMatching(/no column for Sep-22/)]);
    const lines = run.text.split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}Not carried: "Latest Update": .*no column for Sep-22/),
    );
    const warning = lines.find((l) => l.startsWith("Warning:") && l.includes('"Latest Update"'))!;
    expect(warning).toMatch(/no column for Sep-22 \(its months end at Aug-22\)/);
    expect(warning).toMatch(/HRC-001, HRC-003 and HRC-004 was not written/);
    expect(warning).not.toMatch(/HRC-002/);
  });
});
