// End-to-end tests of `risk-review import` on files the test makes from the sample workbook: the change summary,
// the merged workbook, re-import = no change, inputs never modified, plain messages for bad input.

import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { buildCli, runCli, SAMPLE_XLSX } from "./helpers/cli-build";

jest.setTimeout(180_000);

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
let build: string;
let tmp: string;
let wbFile: string;
let exportFile: string;

/** Writes grids to an .xlsx (values, number formats, merges), as a contractor's system would. */
async function writeGrids(file: string, grids: Grid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheetName);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        const f = g.numberFormats?.[r]?.[c];
        if (f) cell.numFmt = f;
      }),
    );
    for (const m of g.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  await wb.xlsx.writeFile(file);
}

/** This month's IRIS export: last month's sheets with one risk gone, one new, one re-scored, and the duplicate fixed. */
async function makeExport(file: string): Promise<void> {
  const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(SAMPLE_XLSX)), "sample.xlsx");
  const risks = grids.find((g) => g.sheetName === "IRIS Risks")!;
  const actions = grids.find((g) => g.sheetName === "IRIS Actions")!;
  const headerRow = risks.values.findIndex((r) => r[0] === "Risk ID");
  const header = risks.values[headerRow] as string[];
  const col = (h: string) => header.indexOf(h);
  const seen = new Set<CellValue>();
  const keep: number[] = [];
  risks.values.forEach((r, i) => {
    if (i > headerRow && (r[0] === "HRC-003" || (r[0] !== null && seen.has(r[0])))) return;
    if (i > headerRow) seen.add(r[0]);
    keep.push(i);
  });
  const values = keep.map((i) => risks.values[i].slice());
  const formats = keep.map((i) => (risks.numberFormats?.[i] ?? []).slice());
  const hrc1 = values.find((r) => r[0] === "HRC-001")!;
  hrc1[col("Current Likelihood")] = 4;
  hrc1[col("Current Impact")] = 5;
  hrc1[col("Current Risk Score")] = 20;
  hrc1[col("Latest Update")] = "=SUM(A1) new words";
  const added: CellValue[] = header.map(() => null);
  added[col("Risk ID")] = "HRC-099";
  added[col("Risk Title")] = "Contractor insolvency";
  added[col("Risk Owner")] = "Gareth Lloyd";
  added[col("Current Likelihood")] = 2;
  added[col("Current Impact")] = 5;
  added[col("Current Risk Score")] = 10;
  added[col("Risk Response Strategy")] = "Treat";
  added[col("Latest Update")] = "+44 7700 900123 is the hotline";
  added[col("Financial Impact (£)")] = -5;
  added[col("Risk Status")] = "Open";
  values.push(added);
  await writeGrids(file, [{ ...risks, values, numberFormats: formats }, actions]);
}

beforeAll(async () => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-import-cli-"));
  wbFile = path.join(tmp, "council.xlsx");
  fs.copyFileSync(SAMPLE_XLSX, wbFile);
  exportFile = path.join(tmp, "iris-october.xlsx");
  await makeExport(exportFile);
});

const importArgs = (out: string, ...more: string[]) => [
  "import",
  exportFile,
  "--into",
  wbFile,
  "--out",
  out,
  "--register",
  "IRIS Risks",
  "--as-at",
  "2022-10-10",
  ...more,
];

describe("risk-review import", () => {
  let json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let merged: string;
  let hashes: string[];

  beforeAll(() => {
    hashes = [sha(wbFile), sha(exportFile)];
    merged = path.join(tmp, "merged.xlsx");
    const run = runCli(build, importArgs(merged, "--format", "json"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it("never modifies its inputs", () => {
    expect([sha(wbFile), sha(exportFile)]).toEqual(hashes);
  });

  it("prints the change summary", () => {
    expect(json.risks.new.map((r: { id: string }) => r.id)).toEqual(["HRC-099"]);
    const hrc1 = json.risks.changed.find((r: { id: string }) => r.id === "HRC-001");
    expect(hrc1.cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ header: "Current Risk Score", old: "12", new: "20" }),
        expect.objectContaining({ header: "Latest Update", new: "=SUM(A1) new words" }),
      ]),
    );
    expect(json.risks.changed).toHaveLength(1);
    expect(json.risks.missing).toEqual([expect.objectContaining({ id: "HRC-003", flagged: true })]);
    expect(json.actions.unchanged).toBeGreaterThan(40);
    expect(json.movement).toMatchObject({ newRisks: ["HRC-099"], scoreUp: ["HRC-001"], closed: [] });
    expect(json.warnings.join("\n")).toMatch(/no risk id and was left out/);
    expect(json.backup).toBe("Backup IRIS Risks 2022-10-10");
  });

  it("writes the merged workbook: backup, register cells as text or numbers, Import Log, Risk Summary, profile", async () => {
    const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(merged)), "merged.xlsx");
    const byName = new Map(grids.map((g) => [g.sheetName, g]));
    expect(byName.get("Backup IRIS Risks 2022-10-10")?.owned).toBe(true);
    const reg = byName.get("IRIS Risks")!;
    const header = reg.values.find((r) => r[0] === "Risk ID") as string[];
    const row = (id: string) => reg.values.find((r) => r[0] === id)!;
    expect(row("HRC-001")[header.indexOf("Latest Update")]).toBe("=SUM(A1) new words");
    expect(row("HRC-099")[header.indexOf("Financial Impact (£)")]).toBe(-5);
    expect(row("HRC-099")[header.indexOf("Latest Update")]).toBe("+44 7700 900123 is the hotline");
    expect(String(row("HRC-003")[header.indexOf("Risk Status")])).toMatch(
      /not in IRIS export of 10\/10\/2022/,
    );
    expect(row("HRC-001")[header.indexOf("Review Commentary")]).toBe(
      "Discussed at the Risk Management Board.",
    );
    const log = byName.get("Import Log")!;
    expect(log.owned).toBe(true);
    const logHeader = log.values.findIndex((r) => r[0] === "When");
    expect(log.values.length - logHeader - 1).toBe(json.cellsWritten);
    const summary = byName.get("Risk Summary")!;
    expect(summary.values.flat()).toContain("Movement since the import of 10/10/2022");
    // Its source is the workbook it stands in (the merged file), not the input the import read.
    expect(summary.values.flat()).toContain("Source: merged.xlsx");
    expect(grids.find((g) => g.sheetName === "Risk Review Settings")?.owned).toBe(true);
  });

  it("re-importing the same file changes nothing (the saved profile maps it, and the copy is byte for byte)", () => {
    const again = path.join(tmp, "merged-again.xlsx");
    const run = runCli(build, [
      "import",
      exportFile,
      "--into",
      merged,
      "--out",
      again,
      "--as-at",
      "2022-10-10",
      "--format",
      "json",
    ]);
    expect(run.status).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.register).toBe("IRIS Risks"); // from the saved profile: no --register needed
    expect(j.cellsWritten).toBe(0);
    expect(j.layoutChanges).toEqual([]);
    expect(j.risks.changed).toEqual([]);
    expect(sha(again)).toBe(sha(merged));
  });

  it("prints a text summary", () => {
    const run = runCli(build, importArgs(path.join(tmp, "merged-text.xlsx")));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Risks \(sheet "IRIS Risks"\): 1 new, 1 changed/);
    expect(run.stdout).toMatch(/HRC-001 Current Risk Score \(L\d+\): 12 → 20/);
    expect(run.stdout).toMatch(/Wrote .*merged-text\.xlsx/);
  });
});

describe("risk-review import refuses, exit 2, a plain message, inputs as they were", () => {
  it.each<[string, () => string[], RegExp]>([
    ["--out equal to the workbook", () => importArgs(wbFile), /--out .* is an input file/],
    [
      "--out equal to the export",
      () => ["import", exportFile, "--into", wbFile, "--out", exportFile],
      /is an input file/,
    ],
    ["no --into", () => ["import", exportFile, "--out", path.join(tmp, "x.xlsx")], /needs --into/],
    [
      "a .xls export",
      () => ["import", path.join(tmp, "old.xls"), "--into", wbFile, "--out", path.join(tmp, "x.xlsx")],
      /is not an .xlsx workbook: open it in Excel and save it as .xlsx\n$/,
    ],
    [
      "a corrupt export",
      () => {
        const bad = path.join(tmp, "corrupt.xlsx");
        fs.writeFileSync(bad, "PK\u0003\u0004 this is not really a zip");
        return ["import", bad, "--into", wbFile, "--out", path.join(tmp, "x.xlsx")];
      },
      /"corrupt.xlsx"/,
    ],
    [
      "an empty CSV",
      () => {
        const empty = path.join(tmp, "empty.csv");
        fs.writeFileSync(empty, "");
        return ["import", empty, "--into", wbFile, "--out", path.join(tmp, "x.xlsx")];
      },
      /"empty.csv"/,
    ],
    [
      "a CSV with a BOM but duplicate ids",
      () => {
        const dup = path.join(tmp, "dup.csv");
        fs.writeFileSync(
          dup,
          "\ufeffRisk ID,Risk Title,Risk Score,Risk Status\nHRC-001,A,9,Open\nHRC-001,B,4,Open\n",
        );
        return [
          "import",
          dup,
          "--into",
          wbFile,
          "--out",
          path.join(tmp, "x.xlsx"),
          "--register",
          "IRIS Risks",
        ];
      },
      /"dup.csv", sheet "dup" has the same risk id on more than one row: "HRC-001" \(rows 2 and 3\)/,
    ],
    [
      "a register that is not one",
      () => importArgs(path.join(tmp, "x.xlsx")).map((a) => (a === "IRIS Risks" ? "IRIS Actions" : a)),
      /"IRIS Actions" is not a risk register/,
    ],
  ])("%s", (_name, args, message) => {
    const before = sha(wbFile);
    const run = runCli(build, args());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
    expect(sha(wbFile)).toBe(before);
    expect(fs.existsSync(path.join(tmp, "x.xlsx"))).toBe(false);
  });
});

describe("risk-review import beside an officer's dated copy of the register", () => {
  it("imports into the register, not into its copy 'IRIS Risks (Sep 22)', with no --register needed", async () => {
    // README History: a sheet officers copied and dated by hand is read as history, not as a live register.
    const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(SAMPLE_XLSX)), "sample.xlsx");
    const risks = grids.find((g) => g.sheetName === "IRIS Risks")!;
    const withCopy = path.join(tmp, "council-with-copy.xlsx");
    // The IRIS register alone (the sample's directorate register would make the import ask which), and its copy.
    const others = grids.filter((g) => g.sheetName !== "Directorate Register");
    await writeGrids(withCopy, [...others, { ...risks, sheetName: "IRIS Risks (Sep 22)" }]);
    const out = path.join(tmp, "merged-with-copy.xlsx");
    const run = runCli(build, [
      "import",
      exportFile,
      "--into",
      withCopy,
      "--out",
      out,
      "--as-at",
      "2022-10-10",
      "--format",
      "json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { register: string }).register).toBe("IRIS Risks");
  });
});
