// `risk-review check` over files whose own Settings give different as-at dates, with no --as-at (SPEC "Many
// workbooks"; README: "`asAt` is `--as-at`, else the files' own date when they agree, else the latest of
// them"): the text's first line, the JSON's asAt and the roll-up's heading and months follow the files.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";
import { HEADER, scoredRisk, type Row } from "./helpers/registers";
import { handEdited, SETTINGS_SHEET } from "./settings-review-helpers";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-check-many-as-at-");

/** A workbook of one register, its hidden Settings sheet giving the as-at date. */
async function registerAsAt(file: string, rows: Row[], asAt: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Register");
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const s = wb.addWorksheet(SETTINGS_SHEET, { state: "hidden" });
  handEdited({ asAt }).rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") s.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  await wb.xlsx.writeFile(file);
}

describe("check FOLDER of a September file and an October file, no --as-at", () => {
  const dir = path.join(tmp, "registers");
  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    await registerAsAt(
      path.join(dir, "a corporate.xlsx"),
      [HEADER, scoredRisk("CR-1", "Cyber attack", "Ann Lee", 5, 5, "Red")],
      "2022-09-20",
    );
    await registerAsAt(
      path.join(dir, "b place.xlsx"),
      [HEADER, scoredRisk("PL-1", "Parks contract", "Tom Hughes", 3, 3, "Amber")],
      "2022-10-12",
    );
  });

  it("says on its first line that each file has its own date, the earliest to the latest", async () => {
    const run = await runMain(["check", dir]);
    expect(run.stdout.split("\n")[0]).toBe(
      "Checked 2 of 2 files, each as at its own date: 2022-09-20 to 2022-10-12.",
    );
  });

  it("gives the latest of the files' dates as the JSON's asAt", async () => {
    const run = await runMain(["check", dir, "--format", "json"]);
    expect((JSON.parse(run.stdout) as { asAt: string }).asAt).toBe("2022-10-12");
  });

  it("writes the roll-up as at the latest date, its Source saying the files' own dates, its months to October", async () => {
    const out = path.join(tmp, "roll-up.xlsx");
    await runMain(["check", dir, "--out", out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Risk Summary")!;
    expect(ws.getCell("D2").value).toBe("Source: 2 files, each as at its own date: 20/09/2022 to 12/10/2022");
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    // Each month an Excel date, its first day (SPEC "Owned tabs": dates never as text).
    const month = (r: ExcelJS.CellValue[]) => (r[0] instanceof Date ? r[0].toISOString().slice(0, 7) : "");
    const october = rows.find((r) => month(r) === "2022-10");
    expect(october?.slice(1, 4)).toEqual([1, 1, 0]);
    expect(rows.some((r) => month(r) === "2022-11")).toBe(false);
  });
});

describe("check FOLDER --as-at", () => {
  it("says the one date given, whatever the files' own Settings say", async () => {
    const dir = path.join(tmp, "given");
    fs.mkdirSync(dir, { recursive: true });
    await registerAsAt(
      path.join(dir, "a.xlsx"),
      [HEADER, scoredRisk("A-1", "A", "Ann", 2, 2, "Green")],
      "2022-09-20",
    );
    await registerAsAt(
      path.join(dir, "b.xlsx"),
      [HEADER, scoredRisk("B-1", "B", "Tom", 2, 2, "Green")],
      "2022-10-12",
    );
    const run = await runMain(["check", dir, "--as-at", "2022-10-10"]);
    expect(run.stdout.split("\n")[0]).toBe("Checked 2 of 2 files as at 2022-10-10.");
  });
});
