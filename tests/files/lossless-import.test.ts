// `risk-review import` into a workbook with every feature a council's register has: parts compared byte by byte.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import { toA1 } from "../../src/core/address/a1";
import { readXlsx } from "../../src/files/read-xlsx";
import { featureWorkbook, FEATURE_HEADERS } from "../helpers/feature-workbook";
import { wellFormedProblem } from "../helpers/xml-well-formed";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-lossless-"));
const csvCell = (v: string | number) => (typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

/** This month's export: R-001 re-scored (its score is a formula in the register), R-002 as it was, R-003 gone, R-004 new. */
function exportCsv(): string {
  const rows: (string | number)[][] = [
    FEATURE_HEADERS,
    ["R-001", "Carriageway resurfacing delayed", "J Smith", 4, 4, 16, "Open", "Reviewed in October"],
    ["R-002", "Gully cleansing backlog", "A Khan", 2, 3, 6, "Open", "Contractor recovering"],
    ["R-004", "Street lighting column failures", "P Jones", 3, 3, 9, "Open", "New this month"],
  ];
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n");
}

async function importInto(
  into: string,
  exportFile: string,
  out: string,
): Promise<{ code: number; json: ImportJson }> {
  let stdout = "";
  const output: CliOutput = { stdout: (t) => (stdout += t), stderr: () => undefined };
  const code = await runImport(
    { command: "import", export: exportFile, into, out, format: "json", asAt: "2022-10-10" },
    output,
  );
  return { code, json: JSON.parse(stdout) };
}

/** The parts of `import --format json` the test reads. */
interface CellJson {
  cell: string;
}
interface ImportJson {
  cellsWritten: number;
  risks: {
    changed: { cells: CellJson[]; recalculated?: { cell: string }[] }[];
    new: { row: number }[];
    missing: { cell: string | null }[];
    notWritten: Record<string, unknown>[];
  };
}

const unzip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("import into a workbook with charts, pivots, macros, names, a table and a protected sheet", () => {
  const into = path.join(tmp, "Register.xlsm");
  const exportFile = path.join(tmp, "IRIS export.csv");
  const out = path.join(tmp, "Merged.xlsm");
  let result: { code: number; json: ImportJson };
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;

  beforeAll(async () => {
    fs.writeFileSync(into, featureWorkbook());
    fs.writeFileSync(exportFile, exportCsv());
    result = await importInto(into, exportFile, out);
    before = unzip(into);
    after = unzip(out);
  });

  /** Parts the import's list says it changes. */
  const CHANGED = new Set([
    "xl/worksheets/sheet1.xml",
    "xl/tables/table1.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
  ]);

  it("keeps every part it was not asked to change byte for byte", () => {
    const unchanged = Object.keys(before).filter((p) => !CHANGED.has(p));
    expect(unchanged).toEqual(
      expect.arrayContaining([
        "xl/vbaProject.bin",
        "xl/charts/chart1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "docProps/custom.xml",
      ]),
    );
    for (const p of unchanged) {
      expect([
        p,
        after[p] !== undefined && Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p])) === 0,
      ]).toEqual([p, true]);
    }
  });

  it("adds only the backup, the Import Log, the Risk Summary and the settings sheets", () => {
    const added = Object.keys(after).filter((p) => before[p] === undefined);
    expect(added.sort()).toEqual([
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);
  });

  it("writes every XML part well-formed", () => {
    for (const [p, b] of Object.entries(after))
      if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
  });

  it("changes the register only in the cells its list names, and keeps the score formula", async () => {
    const old = (await readXlsx(fs.readFileSync(into), "a.xlsm")).find((g) => g.sheetName === "Register")!;
    const merged = (await readXlsx(fs.readFileSync(out), "b.xlsm")).find((g) => g.sheetName === "Register")!;
    const listed = new Set<string>();
    for (const r of result.json.risks.changed)
      for (const c of [...r.cells, ...(r.recalculated ?? [])]) listed.add(c.cell);
    for (const n of result.json.risks.new)
      for (let c = 0; c < FEATURE_HEADERS.length; c++) listed.add(toA1(n.row - 1, c));
    for (const m of result.json.risks.missing) if (m.cell) listed.add(m.cell);
    const differing: string[] = [];
    const rows = Math.max(old.values.length, merged.values.length);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < 9; c++)
        if ((old.values[r]?.[c] ?? null) !== (merged.values[r]?.[c] ?? null)) differing.push(toA1(r, c));
    expect(differing.filter((d) => !listed.has(d))).toEqual([]);
    expect(differing).toEqual(expect.arrayContaining(["H2", "A5", "G4"]));
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    // R-001's likelihood changed under the score formula: the formula stays, its out-of-date result (12) is
    // dropped for Excel to work out again (README review 28), and the summary lists F2 as such.
    expect(sheet).toContain('<c r="F2" s="2"><f t="shared" ref="F2:F4" si="0">D2*E2</f></c>');
    expect(result.json.risks.changed.flatMap((r) => r.recalculated ?? []).map((c) => c.cell)).toEqual(["F2"]);
    expect(result.json.risks.notWritten).toEqual([
      expect.objectContaining({
        cell: "F2",
        reason: "kept-formula",
        old: "12",
        new: "16",
        note: "kept formula (export says 16)",
      }),
    ]);
  });

  it("keeps everything after sheetData in the register byte for byte (protection hash, validation, formats, links, print)", () => {
    const tail = (b: Uint8Array) => text(b).slice(text(b).indexOf("</sheetData>"));
    expect(tail(after["xl/worksheets/sheet1.xml"])).toBe(tail(before["xl/worksheets/sheet1.xml"]));
    expect(tail(after["xl/worksheets/sheet1.xml"])).toContain('hashValue="kQ4bS5bWq4o7f3m0');
  });

  it("extends the table and its filter over the new row, and nothing else in it", () => {
    const t = text(after["xl/tables/table1.xml"]);
    expect(t).toBe(
      text(before["xl/tables/table1.xml"])
        .replace('ref="A1:H4"', 'ref="A1:H5"')
        .replace('<autoFilter ref="A1:H4"/>', '<autoFilter ref="A1:H5"/>'),
    );
  });

  it("keeps defined names (the sheet-scoped one too) and the macro-enabled type", () => {
    const names = (b: Uint8Array) => /<definedNames>[\s\S]*<\/definedNames>/.exec(text(b))![0];
    const oldNames = names(before["xl/workbook.xml"]);
    expect(names(after["xl/workbook.xml"]).startsWith(oldNames.replace("</definedNames>", ""))).toBe(true);
    expect(text(after["xl/workbook.xml"])).toContain(
      '<definedName name="LocalOwners" localSheetId="0">Register!$C$2:$C$4</definedName>',
    );
    expect(text(after["[Content_Types].xml"])).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    expect(text(after["xl/_rels/workbook.xml.rels"])).toContain('Target="vbaProject.bin"');
  });

  it("only appends to styles.xml's lists", () => {
    const b = text(before["xl/styles.xml"]);
    const a = text(after["xl/styles.xml"]);
    for (const list of ["fonts", "fills", "borders", "cellXfs"]) {
      const inner = (s: string) => new RegExp(`<${list} count="\\d+">([\\s\\S]*?)</${list}>`).exec(s)![1];
      expect(inner(a).startsWith(inner(b))).toBe(true);
    }
    expect(a.slice(a.indexOf("<cellStyles"))).toBe(b.slice(b.indexOf("<cellStyles")));
  });

  it("logs the kept formula with both values in the Import Log", async () => {
    const log = (await readXlsx(fs.readFileSync(out), "b.xlsm")).find((g) => g.sheetName === "Import Log")!;
    const row = log.values.find((r) => r.includes("kept formula (export says 16)"));
    expect(row).toEqual(
      expect.arrayContaining(["R-001", "Current Risk Score", "12", "kept formula (export says 16)"]),
    );
  });

  it("changes nothing when the same export is imported into the merged output", async () => {
    const again = path.join(tmp, "Again.xlsm");
    const second = await importInto(out, exportFile, again);
    expect(second.json.cellsWritten).toBe(0);
    expect(Buffer.compare(fs.readFileSync(again), fs.readFileSync(out))).toBe(0);
  });

  it("writes the same bytes when the same import runs twice (but for the Import Log's time and the Risk Summary's source, the file written)", async () => {
    const twice = path.join(tmp, "Twice.xlsm");
    await importInto(into, exportFile, twice);
    const a = unzip(out);
    const b = unzip(twice);
    const stamp = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g;
    const same = (t: string) => t.replace(stamp, "T").replace(/Source: (?:Merged|Twice)\.xlsm/g, "Source: S");
    for (const p of Object.keys(a)) expect([p, same(text(b[p]))]).toEqual([p, same(text(a[p]))]);
  });
});
