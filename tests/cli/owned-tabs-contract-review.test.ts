// Owned tabs contract review, the command line's side: `check --out REVIEW.xlsx` run in-process and the review
// workbook read back with exceljs (links as Excel follows them), a second --out over the first, and a folder of one
// workbook against the workbook on its own. See tests/core/summary/owned-tabs-contract-review.test.ts.

import * as fs from "fs";
import * as path from "path";
import { ValueType, Workbook } from "exceljs";
import type { CellValue } from "../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import { settingsTab } from "../../src/core/model/settings-sheet";
import { writeTab } from "../../src/files/write-owned-tabs";
import { excelLinks } from "../helpers/excel-links";
import { tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";

jest.setTimeout(60000);

const dir = tempFolder("owned-tabs-review-");

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Risk Status",
];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const riskRow = (id: string, l: number, i: number): CellValue[] => [
  id,
  `Risk ${id}`,
  "Jane Smith",
  l,
  i,
  l * i,
  "Treat",
  "Inspect weekly",
  null, // the review date, written as a date below
  "Reviewed at RMB",
  "Open",
];

/** A register workbook (title row, headers on row 2) with an optional owned Settings sheet. */
async function writeRegister(
  file: string,
  ids: [string, number, number][],
  settings?: Settings,
): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Contract Risks");
  ws.getCell("A1").value = "Contract risk register";
  HEADERS.forEach((h, c) => (ws.getCell(2, c + 1).value = h));
  ids.forEach(([id, l, i], r) => {
    riskRow(id, l, i).forEach((v, c) => {
      if (v !== null) ws.getCell(r + 3, c + 1).value = v as string | number;
    });
    const reviewed = ws.getCell(r + 3, 9);
    reviewed.value = day("2022-10-01");
    reviewed.numFmt = "dd/mm/yyyy";
  });
  if (settings) writeTab(wb, settingsTab(settings));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

async function readBack(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every sheet's cells as text ("Sheet!A1=value"), dates as ISO days, links as their text. */
function cellsOf(wb: Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        let v: unknown = cell.value;
        if (v instanceof Date) v = v.toISOString().slice(0, 10);
        else if (v && typeof v === "object" && "text" in v) v = (v as { text: string }).text;
        out.push(`${ws.name}!${cell.address}=${String(v)}`);
      }),
    ),
  );
  return out;
}

describe("check --out, read back", () => {
  it("heads every tab with marking, as-at date (a real date), source file and version, and links each row to the source file's cell from --out's folder", async () => {
    // SPEC "Command line": "`check --out` writes a new workbook with the owned tabs, whose links name the source
    // file's cells by a path relative to the folder `--out` is written in"; SPEC "Owned tabs": title block, A4
    // landscape, header row repeated, marking in the page header of every page.
    const input = path.join(dir, "in", "book.xlsx");
    await writeRegister(input, [
      ["HRC-001", 4, 5],
      ["HRC-002", 1, 2],
    ]);
    const out = path.join(dir, "out", "review.xlsx");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const run = await runMain(["check", input, "--as-at", "2022-10-10", "--out", out]);
    expect(run.stderr).toBe("");
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Escalation",
      "Exceptions",
      "Risk Summary",
      "Plan Close-Out",
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getCell("A1").value).toBe(ws.name);
      expect(ws.getCell("A2").value).toBe("OFFICIAL-SENSITIVE");
      const asAt = ws.getCell("C2");
      expect([asAt.type, asAt.numFmt]).toEqual([ValueType.Date, "dd/mm/yyyy"]);
      expect((asAt.value as Date).toISOString().slice(0, 10)).toBe("2022-10-10");
      expect(ws.getCell("D2").value).toBe("Source: book.xlsx");
      expect(String(ws.getCell("E2").value)).toMatch(/^Contract Risk Review \d+\.\d+\.\d+$/);
      expect(ws.headerFooter.oddHeader).toContain("OFFICIAL-SENSITIVE");
      expect([ws.pageSetup.orientation, ws.pageSetup.paperSize]).toEqual(["landscape", 9]);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^(\d+):\1$/);
    }
    const links = excelLinks(new Uint8Array(fs.readFileSync(out))).get("Escalation")!;
    const esc = wb.getWorksheet("Escalation")!;
    let hrc1 = 0;
    esc.eachRow((row, r) => {
      if (row.getCell(1).value === "HRC-001") hrc1 = r;
    });
    expect(links.get(`K${hrc1}`)).toBe("../in/book.xlsx#'Contract Risks'!A3");
  });

  it("replaces an earlier review at the same --out path exactly: a second run with fewer risks leaves no rows of the first", async () => {
    const big = path.join(dir, "big.xlsx");
    const small = path.join(dir, "small.xlsx");
    await writeRegister(
      big,
      Array.from({ length: 15 }, (_, i) => [`HRC-${100 + i}`, 5, 5] as [string, number, number]),
    );
    await writeRegister(small, [["HRC-001", 4, 4]]);
    const out = path.join(dir, "again.xlsx");
    const fresh = path.join(dir, "fresh.xlsx");
    await runMain(["check", big, "--as-at", "2022-10-10", "--out", out]);
    expect(cellsOf(await readBack(out)).filter((c) => c.includes("HRC-1")).length).toBeGreaterThan(15);
    await runMain(["check", small, "--as-at", "2022-10-10", "--out", out]);
    await runMain(["check", small, "--as-at", "2022-10-10", "--out", fresh]);
    const again = await readBack(out);
    const once = await readBack(fresh);
    expect(cellsOf(again)).toEqual(cellsOf(once));
    expect(cellsOf(again).some((c) => c.includes("HRC-1"))).toBe(false);
    expect(again.worksheets.map((w) => w.rowCount)).toEqual(once.worksheets.map((w) => w.rowCount));
  });

  it("(judgement) shows the Risk Summary's movement since the last import for a folder of one workbook, as for the workbook on its own", async () => {
    // SPEC "Owned tabs": "Risk Summary: … movement since the last import"; the last import is in the workbook's
    // Settings sheet. `check FOLDER --out` builds its roll-up with default settings (only the marking carried
    // over), so the folder's review says "No import recorded yet" for the very same workbook.
    const settings: Settings = {
      ...defaultSettings(),
      lastImport: {
        date: "2022-10-05",
        file: "iris-oct.xlsx",
        movement: {
          since: "2022-10-05",
          newRisks: ["HRC-002"],
          closed: [],
          scoreUp: ["HRC-001"],
          scoreDown: [],
          strategyChanged: [],
        },
      },
    };
    const folder = path.join(dir, "one");
    const input = path.join(folder, "book.xlsx");
    await writeRegister(
      input,
      [
        ["HRC-001", 4, 5],
        ["HRC-002", 2, 2],
      ],
      settings,
    );
    const alone = path.join(dir, "alone.xlsx");
    const rolled = path.join(dir, "rolled.xlsx");
    await runMain(["check", input, "--as-at", "2022-10-10", "--out", alone]);
    await runMain(["check", folder, "--as-at", "2022-10-10", "--out", rolled]);
    const movement = (wb: Workbook): string[] => {
      const ws = wb.getWorksheet("Risk Summary")!;
      const rows: string[] = [];
      let inBlock = false;
      ws.eachRow((row) => {
        const first = String(row.getCell(1).value ?? "");
        if (first.startsWith("Movement since")) inBlock = true;
        if (inBlock) rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? "")).join(" | "));
      });
      return rows;
    };
    const own = movement(await readBack(alone));
    expect(own[0]).toBe("Movement since the import of 05/10/2022 |  | ");
    expect(movement(await readBack(rolled))).toEqual(own);
  });
});
