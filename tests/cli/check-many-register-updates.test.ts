// `risk-review check FOLDER --out` over two files holding the same risk open (SPEC "Many workbooks": risks are
// joined across files as across sheets; "Latest update": the newest of its rows'). Updated this period in one
// file, the risk is stale in neither: the file's text, the JSON, the roll-up's Exceptions, Risk Summary and
// Escalation tabs all say so, as they do for a risk on two registers of one workbook (rv-tabs30 1, 2).

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JsonReport } from "../../src/cli/format-json";
import { tempFolder } from "../helpers/test-files";
import { d, writeBook, type Cell } from "./helpers/review-book";
import { runMain } from "./helpers/main-in-process";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-many-register-updates-");
const dir = path.join(tmp, "registers");

const HEADERS: Cell[] = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Strategy",
  "Actions",
  "Status",
  "Last Updated",
  "Latest Update",
];
const bridge = (updated: Date, words: string): Cell[] => [
  "HRC-001",
  "Bridge joints failing",
  "Ann Lee",
  4,
  4,
  16,
  "Treat",
  "Inspect",
  "Open",
  updated,
  words,
];

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  const sheet = (name: string, row: Cell[]) => ({
    name,
    rows: [HEADERS, row],
    dateFormat: () => "dd/mm/yyyy",
  });
  await writeBook(path.join(dir, "a highways.xlsx"), [
    sheet("Highways", bridge(d(2022, 8, 1), "Aug: survey")),
  ]);
  await writeBook(path.join(dir, "b contractor.xlsx"), [
    sheet("Contractor's Risks", bridge(d(2022, 10, 5), "Oct: joints fitted")),
  ]);
});

/** A tab's rows as text (dates as yyyy-mm-dd, links by their text). */
async function tabRows(file: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.getWorksheet(name)!.eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[]).slice(1).map((v) => {
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (v && typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
        return String(v ?? "");
      }),
    ),
  );
  return rows;
}

describe("a risk open in two files, updated this period in one", () => {
  it("is stale in neither file's findings, text or JSON, and Across files says where it was updated", async () => {
    const text = await runMain(["check", dir, "--as-at", "2022-10-10"]);
    expect(text.stdout).not.toMatch(/risk\/stale-update/);
    expect(text.stdout).toMatch(
      /HRC-001\s+a highways\.xlsx: Highways row 2\s+updated 05\/10\/2022 in b contractor\.xlsx/,
    );
    const json = await runMain(["check", dir, "--as-at", "2022-10-10", "--format", "json"]);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
  });

  it("the roll-up's Exceptions, Risk Summary and Escalation tabs agree: not stale, its latest update the newest", async () => {
    const out = path.join(tmp, "roll-up.xlsx");
    const run = await runMain(["check", dir, "--as-at", "2022-10-10", "--out", out]);
    expect(run.status).toBeLessThan(2);
    const exceptions = await tabRows(out, "Exceptions");
    expect(exceptions.filter((r) => r[1] === "risk/stale-update")).toEqual([]);
    const summary = await tabRows(out, "Risk Summary");
    expect(summary.find((r) => r[0] === "Open and not updated this period")?.[1]).toBe("0");
    const escalated = (await tabRows(out, "Escalation")).filter((r) => r[0] === "HRC-001");
    expect(escalated.map((r) => [r[7], r[8]])).toEqual([["Oct: joints fitted", "2022-10-05"]]);
  });
});
