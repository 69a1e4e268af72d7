// The review workbook `check --out` writes, read back as an officer's Excel would: real dates, links that open.

import * as fs from "fs";
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
