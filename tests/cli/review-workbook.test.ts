// The review workbook `check --out` writes, read back as an officer's Excel would: real dates, links that open.

import * as fs from "fs";
import { allExcelLinks } from "../helpers/excel-links";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli, SAMPLE_XLSX } from "./helpers/cli-build";

jest.setTimeout(180_000);

const AS_AT = "2022-10-10";
let build: string;
let tmp: string;
let review: ExcelJS.Workbook;

/** Runs `check INPUT --out OUT` from `cwd` and reads OUT back. */
async function checkOut(input: string, out: string, cwd?: string): Promise<ExcelJS.Workbook> {
  const run = runCli(build, ["check", input, "--as-at", AS_AT, "--out", out], cwd);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.resolve(cwd ?? "", out));
  return wb;
}

/** A workbook of one sheet, header row 1, written with exceljs. */
async function writeSheet(file: string, name: string, rows: (string | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  await wb.xlsx.writeFile(file);
}

/** The 1-based column of `header` in the first row of `ws` that holds it. */
function columnOf(ws: ExcelJS.Worksheet, header: string): { row: number; col: number } {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return { row: r, col: c };
  }
  throw new Error(`no "${header}" on ${ws.name}`);
}

beforeAll(async () => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-review-wb-"));
  fs.mkdirSync(path.join(tmp, "in"));
  fs.copyFileSync(SAMPLE_XLSX, path.join(tmp, "in", "sample.xlsx"));
  review = await checkOut(path.join(tmp, "in", "sample.xlsx"), path.join(tmp, "review.xlsx"));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("dates on the owned tabs", () => {
  it("writes the as-at date of every tab as a real Excel date with the UK format", () => {
    for (const name of ["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]) {
      const ws = review.getWorksheet(name)!;
      expect([ws.name, ws.getCell("B2").value, ws.getCell("C2").value, ws.getCell("C2").numFmt]).toEqual([
        name,
        "As at",
        new Date(Date.UTC(2022, 9, 10)),
        "dd/mm/yyyy",
      ]);
    }
  });

  it("writes the Escalation tab's update dates as real dates, never as ISO text", () => {
    const ws = review.getWorksheet("Escalation")!;
    const { row, col } = columnOf(ws, "Update date");
    const values: ExcelJS.Cell[] = [];
    for (let r = row + 1; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, col);
      if (cell.value !== null && cell.value !== "Update date") values.push(cell);
    }
    expect(values.length).toBeGreaterThan(5);
    for (const cell of values) {
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe("dd/mm/yyyy");
    }
  });
});

describe("links to the source workbook", () => {
  /** Every link's address on every sheet of a written file, as Excel follows it. */
  const links = (file: string): string[] => allExcelLinks(new Uint8Array(fs.readFileSync(file)));

  it.each([
    ["in a subfolder of the output's folder", "review.xlsx", "in/sample.xlsx"],
    ["in a sibling folder", path.join("out", "review.xlsx"), "../in/sample.xlsx"],
    ["in the output's own folder", path.join("in", "review-here.xlsx"), "sample.xlsx"],
  ])("name the source by its path from the output's folder when it is %s", async (_, out, expected) => {
    fs.mkdirSync(path.join(tmp, path.dirname(out)), { recursive: true });
    // Relative arguments, run from the temp folder, as the README's own command is typed.
    await checkOut(path.join("in", "sample.xlsx"), out, tmp);
    const targets = links(path.resolve(tmp, out));
    expect(targets.length).toBeGreaterThan(10);
    expect(new Set(targets.map((t) => t.slice(0, t.indexOf("#"))))).toEqual(new Set([expected]));
    // The link resolves, from the output's folder, to the file that was checked.
    expect(path.resolve(tmp, path.dirname(out), expected)).toBe(path.join(tmp, "in", "sample.xlsx"));
  });

  it("percent-encodes spaces in folder and file names", async () => {
    fs.mkdirSync(path.join(tmp, "Risk registers"), { recursive: true });
    fs.copyFileSync(SAMPLE_XLSX, path.join(tmp, "Risk registers", "Highways 2022.xlsx"));
    await checkOut(path.join(tmp, "Risk registers", "Highways 2022.xlsx"), path.join(tmp, "r2.xlsx"));
    expect(links(path.join(tmp, "r2.xlsx"))[0]).toMatch(/^Risk%20registers\/Highways%202022\.xlsx#'/);
  });
});

describe("Plan Close-Out", () => {
  it("shows each aim's number (1), not its first action's (1.1), where the plan numbers each action", async () => {
    const input = path.join(tmp, "numbered-plan.xlsx");
    const head = ["No", "Improvement Aim", "Background", "Action", "Date Completed or Expected"];
    await writeSheet(input, "Plan", [
      [...head, "Lead Director", "Lead Officer", "Progress Status", "Evidence"],
      ["1.1", "Risk management", "Audit", "Report monthly", "July 2022", "RC", "MA", "Completed", "Minutes"],
      ["1.2", null, null, "Train staff", "July 2022", "RC", "MA", "Completed", "Register"],
      ["2.1", "Relationships", "Review", "Joint board", "July 2022", "RC", "MA", "In progress", ""],
    ]);
    const wb = await checkOut(input, path.join(tmp, "numbered-review.xlsx"));
    const ws = wb.getWorksheet("Plan Close-Out")!;
    const { row } = columnOf(ws, "No");
    const aims = [1, 2, 3].map((i) => [1, 2, 3].map((c) => ws.getCell(row + i, c).value));
    expect(aims).toEqual([
      ["1", "Risk management", 2],
      ["2", "Relationships", 1],
      [null, null, null],
    ]);
  });
});

describe("protective marking", () => {
  it("is in the page header of every page of every owned tab, as well as in row 2", () => {
    for (const name of ["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]) {
      const ws = review.getWorksheet(name)!;
      expect([name, ws.getCell("A2").value, ws.headerFooter.oddHeader]).toEqual([
        name,
        "OFFICIAL-SENSITIVE",
        '&C&"-,Bold"OFFICIAL-SENSITIVE',
      ]);
      expect(ws.headerFooter.differentFirst ?? false).toBe(false);
      expect(ws.headerFooter.differentOddEven ?? false).toBe(false);
    }
  });
});

describe("Risk Summary counts add up", () => {
  it("heat map cells plus the risks listed under it make the open risks", () => {
    const ws = review.getWorksheet("Risk Summary")!;
    const open = Number(ws.getCell(columnOf(ws, "Open").row, 2).value);
    const { row } = columnOf(ws, "Likelihood \\ Impact");
    let inMap = 0;
    for (let r = row + 1; r <= row + 5; r++)
      for (let c = 2; c <= 6; c++) inMap += Number(ws.getCell(r, c).value);
    const summary = String(ws.getCell(row + 6, 1).value);
    const listed = [];
    for (let r = row + 7; ws.getCell(r, 1).value !== null; r++) listed.push(ws.getCell(r, 2).value);
    expect(open).toBeGreaterThan(20);
    expect(inMap + listed.length).toBe(open);
    expect(summary).toMatch(
      listed.length === 0 ? `all ${open}` : `${inMap} of ${open}; not in it: ${listed.length}`,
    );
    // An opportunity (strategy Take) is listed too, not placed among the threats (rv-tabs30).
    expect(
      listed.every((why) =>
        /^(no (likelihood|impact)|(likelihood|impact) .* is not 1–5|an opportunity: )/.test(String(why)),
      ),
    ).toBe(true);
  });
});
