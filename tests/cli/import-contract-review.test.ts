// Sceptical review of `risk-review import`'s contract (SPEC "Imports", "Owned tabs" Import Log, "Command line",
// "Writing files", "The same risk under a new id"). Runs main() in-process on small workbooks built here.
// Cases marked (judgement) are where SPEC is silent and the test holds the CLI to the reading least likely to lose data.

import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runMain } from "./helpers/main-in-process";
import { IMPORT_REGISTER_HEADERS } from "./helpers/registers";
import { quotedCsv } from "../helpers/import-files";
import { tempFolder } from "../helpers/test-files";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { settingsFromGrids } from "../../src/cli/settings-from-grids";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-import-contract-");
const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const d = (y: number, m: number, dd: number) => new Date(Date.UTC(y, m - 1, dd));
const HEAD = [...IMPORT_REGISTER_HEADERS, "Council Notes"];

type Cell = string | number | Date | null;
const REG_ROWS: Cell[][] = [
  [
    "HRC-001",
    "Road surface deterioration",
    "Jane Smith",
    3,
    3,
    9,
    "Treat",
    "Open",
    d(2022, 9, 12),
    "u1",
    "council A",
  ],
  [
    "HRC-002",
    "Winter service gritting fleet",
    "Tom Jones",
    2,
    2,
    4,
    "Tolerate",
    "Open",
    d(2022, 9, 12),
    "u2",
    "council B",
  ],
  [
    "HRC-014",
    "Gully cleansing backlog on principal roads",
    "Ann Lee",
    3,
    4,
    12,
    "Treat",
    "Open",
    d(2022, 9, 12),
    "u14",
    "council C",
  ],
  [
    "HRC-020",
    "Street lighting column failures",
    "Bob Hill",
    2,
    3,
    6,
    "Treat",
    "Open",
    d(2022, 9, 12),
    "u20",
    "council D",
  ],
];

/** The officer's workbook: a register with a council-only column, validation, a conditional format, a
 * defined name, and a user sheet "Contacts" that is not a register. `second` adds another register. */
async function makeWorkbook(name: string, second = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Register");
  ws.addRow(HEAD);
  for (const r of REG_ROWS) ws.addRow(r);
  for (let r = 2; r <= 5; r++) ws.getCell(`I${r}`).numFmt = "dd/mm/yyyy";
  // exceljs has `dataValidations` at run time but leaves it out of its Worksheet type.
  const validations = (ws as unknown as { dataValidations: { add(ref: string, v: object): void } })
    .dataValidations;
  validations.add("H2:H50", { type: "list", allowBlank: true, formulae: ['"Open,Closed"'] });
  ws.addConditionalFormatting({
    ref: "F2:F50",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["15"],
        priority: 1,
        style: { font: { bold: true } },
      },
    ],
  });
  const c = wb.addWorksheet("Contacts");
  c.addRow(["Name", "Phone"]);
  c.addRow(["Jane Smith", "01234 567890"]);
  wb.definedNames.add("Contacts!$A$1:$B$2", "ContactList");
  if (second) {
    const b = wb.addWorksheet("Register B");
    b.addRow(HEAD);
    b.addRow([
      "HRC-001",
      "Road surface deterioration",
      "Jane Smith",
      3,
      3,
      9,
      "Treat",
      "Open",
      d(2022, 9, 12),
      "u1",
      "x",
    ]);
    b.getCell("I2").numFmt = "dd/mm/yyyy";
  }
  const file = path.join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const EXPORT_ROWS: (string | number)[][] = [
  [
    "HRC-001",
    "Road surface deterioration",
    "Jane Smith",
    4,
    4,
    16,
    "Treat",
    "Open",
    "03/10/2022",
    "Worse after rain",
  ],
  [
    "HRC-002",
    "Winter service gritting fleet",
    "Tom Jones",
    2,
    2,
    4,
    "Tolerate",
    "Closed",
    "12/09/2022",
    "u2",
  ],
  [
    "HRC-114",
    "Gully cleansing backlog on principal roads",
    "Ann Lee",
    3,
    4,
    12,
    "Treat",
    "Open",
    "03/10/2022",
    "renumbered in IRIS",
  ],
  [
    "HRC-030",
    "Bridge joint replacement",
    "Sam Patel",
    2,
    5,
    10,
    "Treat",
    "Open",
    "03/10/2022",
    "=1+1 hotline",
  ],
];

function writeExport(name: string, headers = IMPORT_REGISTER_HEADERS, rows = EXPORT_ROWS): string {
  const f = path.join(tmp, `${name}.csv`);
  fs.writeFileSync(f, quotedCsv([headers, ...rows]));
  return f;
}

const args = (exp: string, into: string, out: string, ...more: string[]) => [
  "import",
  exp,
  "--into",
  into,
  "--out",
  out,
  "--as-at",
  "2022-10-10",
  ...more,
];

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${file}: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}
async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const vals: unknown[] = [];
    for (let c = 1; c <= HEAD.length; c++) {
      const v = row.getCell(c).value;
      vals.push(v instanceof Date ? v.toISOString().slice(0, 10) : v);
    }
    out.push(vals);
  });
  return out;
}
/** The Import Log's data rows (below its "When" header) as ExcelJS values. */
async function importLog(file: string): Promise<{ header: unknown[]; rows: ExcelJS.CellValue[][] }> {
  const ws = await sheetOf(file, "Import Log");
  let headerAt = -1;
  const all: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const vals = (row.values as ExcelJS.CellValue[]).slice(1);
    if (headerAt < 0 && vals[0] === "When") headerAt = n;
    else if (headerAt > 0 && vals.some((v) => v !== null && v !== undefined && v !== "")) all.push(vals);
  });
  const header = headerAt > 0 ? (ws.getRow(headerAt).values as unknown[]).slice(1) : [];
  return { header, rows: all };
}
/** The XML of a named sheet inside an .xlsx. */
async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wbXml)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = (target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "");
  return zip.file(`xl/${t}`)!.async("string");
}
const part = (xml: string, tag: string) =>
  new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`).exec(xml)?.[0] ?? null;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
let into: string;
let exp: string;
let merged: string;
let json: Json;
let textRun: { status: number; stdout: string; stderr: string };
let inputHashes: string[];

beforeAll(async () => {
  into = await makeWorkbook("council");
  exp = writeExport("iris-oct");
  inputHashes = [sha(into), sha(exp)];
  merged = path.join(tmp, "merged.xlsx");
  const run = await runMain(args(exp, into, merged, "--format", "json"));
  if (run.status !== 0) throw new Error(`import failed ${run.status}: ${run.stderr}`);
  json = JSON.parse(run.stdout);
  textRun = await runMain(args(exp, into, path.join(tmp, "merged-text.xlsx")));
});

describe("import contract: JSON, exit codes, text", () => {
  it("JSON carries every summary key with the right types, and inputs are untouched (judgement: keys)", () => {
    expect([sha(into), sha(exp)]).toEqual(inputHashes);
    for (const k of [
      "file",
      "workbook",
      "register",
      "asAt",
      "out",
      "cellsWritten",
      "backup",
      "backups",
      "importLogRows",
      "risks",
      "actions",
      "movement",
      "renumbered",
      "warnings",
    ])
      expect(json).toHaveProperty(k);
    expect(json.file).toBe("iris-oct.csv");
    expect(json.register).toBe("Register");
    expect(json.asAt).toBe("2022-10-10");
    expect(typeof json.cellsWritten).toBe("number");
    expect(
      Array.isArray(json.risks.new) && Array.isArray(json.risks.changed) && Array.isArray(json.risks.missing),
    ).toBe(true);
  });

  it("every cell that differs between the backup and the register has one Import Log row, and the counts agree", async () => {
    const before = rowsOf(await sheetOf(merged, json.backup));
    const after = rowsOf(await sheetOf(merged, "Register"));
    const diffs: string[] = [];
    after.forEach((row, r) =>
      row.forEach((v, c) => {
        if (JSON.stringify(v ?? null) !== JSON.stringify(before[r]?.[c] ?? null))
          diffs.push(`${row[0]}|${HEAD[c]}`);
      }),
    );
    const log = await importLog(merged);
    const logged = log.rows.filter((r) => r[2] === "Register").map((r) => `${r[3]}|${r[5]}`);
    expect(logged.sort()).toEqual(diffs.sort());
    expect(log.rows.length).toBe(json.importLogRows);
    expect(json.cellsWritten).toBe(diffs.length);
  });

  it("the missing risk's flag is logged with Old = the status the register held", async () => {
    const log = await importLog(merged);
    const flag = log.rows.find((r) => r[3] === "HRC-020");
    expect(flag?.[5]).toBe("Status");
    expect(flag?.[6]).toBe("Open");
    expect(String(flag?.[7])).toMatch(/not in/i);
  });

  it("a negative number in the export stays a number (What must never happen)", async () => {
    const rows = EXPORT_ROWS.map((r) => r.slice());
    rows[3][5] = -5;
    const out = path.join(tmp, "negative.xlsx");
    const run = await runMain(args(writeExport("iris-neg", IMPORT_REGISTER_HEADERS, rows), into, out));
    expect(run.status).toBe(0);
    const ws = await sheetOf(out, "Register");
    let v: unknown;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "HRC-030") v = row.getCell(6).value;
    });
    expect(v).toBe(-5);
  });

  it("exit 0 for an import with changes, and the text summary's counts agree with the JSON", () => {
    expect(textRun.status).toBe(0);
    expect(textRun.stderr).toBe("");
    const t = textRun.stdout;
    expect(t).toContain(`${json.risks.new.length} new, ${json.risks.changed.length} changed`);
    expect(t).toContain(`${json.risks.missing.length} not in the export`);
    expect(t).toContain(`Wrote `);
    expect(t).toContain(`${json.cellsWritten} cells`);
    expect(t).toContain(`${json.importLogRows} rows in the Import Log`);
    expect(t).toContain(json.backup);
  });

  it("bad input: a missing export exits 2 with a plain message naming the file, no stack trace, no MERGED", async () => {
    const out = path.join(tmp, "never.xlsx");
    const run = await runMain(args(path.join(tmp, "nope.csv"), into, out, "--format", "json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nope.csv");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--out naming the --into workbook is refused (exit 2) and the workbook is not changed", async () => {
    const before = sha(into);
    const run = await runMain(args(exp, into, into));
    expect(run.status).toBe(2);
    expect(sha(into)).toBe(before);
  });

  it("--register naming a sheet that is not a register is refused (exit 2), naming the sheet, writing nothing (judgement)", async () => {
    const out = path.join(tmp, "contacts-out.xlsx");
    const run = await runMain(args(exp, into, out, "--register", "Contacts"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Contacts");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--register naming a sheet that does not exist is refused (exit 2), listing the sheets it saw", async () => {
    const out = path.join(tmp, "nosheet-out.xlsx");
    const run = await runMain(args(exp, into, out, "--register", "Risks 2021"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Risks 2021");
    expect(run.stderr).toContain("Register");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("import contract: what MERGED holds", () => {
  it("Import Log has When/File/Sheet/Risk ID/Action ID/Field/Old/New; When an Excel date-time; Old is what the register held", async () => {
    const log = await importLog(merged);
    // SPEC's columns in SPEC's order, then the Note that keeps the Field the header alone.
    expect(log.header).toEqual([
      "When",
      "File",
      "Sheet",
      "Risk ID",
      "Action ID",
      "Field",
      "Old",
      "New",
      "Note",
    ]);
    const score = log.rows.find((r) => r[3] === "HRC-001" && r[5] === "Risk Score");
    expect(score).toBeDefined();
    expect(score![0]).toBeInstanceOf(Date);
    expect(score![1]).toBe("iris-oct.csv");
    expect(score![2]).toBe("Register");
    expect(String(score![6])).toBe("9");
    expect(String(score![7])).toBe("16");
    const upd = log.rows.find((r) => r[3] === "HRC-001" && r[5] === "Latest Update");
    expect([upd?.[6], upd?.[7]]).toEqual(["u1", "Worse after rain"]);
  });

  it("Import Log's Old for a date cell is the date as the officer saw it, not a serial (judgement)", async () => {
    const log = await importLog(merged);
    const row = log.rows.find((r) => r[3] === "HRC-001" && r[5] === "Last Updated");
    expect(row).toBeDefined();
    expect(String(row![6])).toMatch(/12\/09\/2022|2022-09-12/);
  });

  it("the backup sheet is dated and holds the register exactly as before", async () => {
    expect(json.backup).toMatch(/2022-10-10/);
    expect(json.backups).toEqual([json.backup]);
    const before = rowsOf(await sheetOf(into, "Register"));
    const backup = rowsOf(await sheetOf(merged, json.backup));
    expect(backup).toEqual(before);
  });

  it("a risk missing from the export is kept and flagged with a status note; council-only column untouched", async () => {
    const reg = rowsOf(await sheetOf(merged, "Register"));
    const hrc20 = reg.find((r) => r[0] === "HRC-020")!;
    expect(hrc20).toBeDefined();
    expect(hrc20[1]).toBe("Street lighting column failures");
    expect(String(hrc20[7])).toMatch(/not in/i);
    expect(reg.map((r) => r[10])).toEqual([
      "Council Notes",
      "council A",
      "council B",
      "council C",
      "council D",
      null,
      null,
    ]);
  });

  it("a risk closed in IRIS is written Closed and counted as closed in the movement", async () => {
    const reg = rowsOf(await sheetOf(merged, "Register"));
    expect(reg.find((r) => r[0] === "HRC-002")![7]).toBe("Closed");
    expect(json.movement.closed).toEqual(["HRC-002"]);
  });

  it("renumbered pair HRC-014/HRC-114: reported (CLI cannot ask), old risk kept, new one added, not counted new", async () => {
    expect(json.renumbered).toEqual([expect.objectContaining({ oldId: "HRC-014", newId: "HRC-114" })]);
    expect(textRun.stdout).toContain("HRC-014 renumbered as HRC-114?");
    const reg = rowsOf(await sheetOf(merged, "Register"));
    expect(reg.find((r) => r[0] === "HRC-014")?.[9]).toBe("u14");
    expect(reg.find((r) => r[0] === "HRC-114")?.[9]).toBe("renumbered in IRIS");
    expect(json.movement.newRisks).toEqual(["HRC-030"]);
  });

  it("formula-looking export text is stored as text, not a formula", async () => {
    const ws = await sheetOf(merged, "Register");
    let cell: ExcelJS.Cell | null = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "HRC-030") cell = row.getCell(10);
    });
    expect(cell).not.toBeNull();
    expect(cell!.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell!.text).toBe("=1+1 hotline");
  });

  it("keeps the officer's other sheet byte-for-byte, the defined name, validation and conditional format", async () => {
    expect(await sheetXml(merged, "Contacts")).toBe(await sheetXml(into, "Contacts"));
    const defs = async (f: string) =>
      part(
        await (await JSZip.loadAsync(fs.readFileSync(f))).file("xl/workbook.xml")!.async("string"),
        "definedNames",
      );
    expect(await defs(merged)).toContain("ContactList");
    expect((await defs(merged))!.match(/<definedName [^>]*name="ContactList"[^>]*>[^<]*</)?.[0]).toBe(
      (await defs(into))!.match(/<definedName [^>]*name="ContactList"[^>]*>[^<]*</)?.[0],
    );
    const regBefore = await sheetXml(into, "Register");
    const regAfter = await sheetXml(merged, "Register");
    expect(part(regAfter, "dataValidations")).toBe(part(regBefore, "dataValidations"));
    expect(part(regAfter, "conditionalFormatting")).toBe(part(regBefore, "conditionalFormatting"));
  });
});

describe("import contract: re-import and the saved profile", () => {
  let again: { status: number; stdout: string; stderr: string };
  let out2: string;
  beforeAll(async () => {
    out2 = path.join(tmp, "merged-again.xlsx");
    again = await runMain(args(exp, merged, out2, "--format", "json"));
  });

  it("a second identical import changes no cell, makes no backup or log row, and says so", async () => {
    expect(again.status).toBe(0);
    const j = JSON.parse(again.stdout);
    expect(j.cellsWritten).toBe(0);
    expect(j.importLogRows).toBe(0);
    expect(j.backups).toEqual([]);
    expect(j.backup).toBeNull();
    expect(j.risks.changed).toEqual([]);
    expect(j.risks.new).toEqual([]);
    const text = await runMain(args(exp, merged, path.join(tmp, "merged-again-text.xlsx")));
    expect(text.stdout).toMatch(/No changes/);
  });

  it("the no-change import writes nothing: MERGED is the workbook byte-for-byte (judgement: 'writes nothing at all')", () => {
    expect(sha(out2)).toBe(sha(merged));
  });

  it("the IRIS profile is saved in MERGED's Settings (target register and the export's columns)", async () => {
    const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(merged)), "merged.xlsx");
    const { settings } = settingsFromGrids(grids);
    expect(settings.importProfile?.targetRegister).toBe("Register");
    expect(Object.keys(settings.importProfile?.columns ?? {})).toEqual(
      expect.arrayContaining(["Risk ID", "Latest Update"]),
    );
  });

  it("the saved profile picks the register next time when the workbook has two registers", async () => {
    const two = await makeWorkbook("two-registers", true);
    const noFlag = await runMain(args(exp, two, path.join(tmp, "two-a.xlsx")));
    expect(noFlag.status).toBe(2);
    expect(noFlag.stderr).toMatch(/--register/);
    const first = path.join(tmp, "two-b.xlsx");
    expect((await runMain(args(exp, two, first, "--register", "Register B"))).status).toBe(0);
    const next = await runMain(
      args(
        writeExport("iris-nov", IMPORT_REGISTER_HEADERS, [
          [
            "HRC-001",
            "Road surface deterioration",
            "Jane Smith",
            5,
            4,
            20,
            "Treat",
            "Open",
            "03/11/2022",
            "Nov",
          ],
        ]),
        first,
        path.join(tmp, "two-c.xlsx"),
        "--format",
        "json",
      ),
    );
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout).register).toBe("Register B");
  });

  it("a renamed export column (Latest Update → Commentary) is reported and still maps to the update", async () => {
    const headers = IMPORT_REGISTER_HEADERS.map((h) => (h === "Latest Update" ? "Commentary" : h));
    const rows = EXPORT_ROWS.map((r) => r.slice());
    rows[0][9] = "November words";
    const out = path.join(tmp, "renamed.xlsx");
    const run = await runMain(
      args(writeExport("iris-renamed", headers, rows), merged, out, "--format", "json"),
    );
    expect(run.status).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.layoutChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "renamed", from: "Latest Update", to: "Commentary" }),
      ]),
    );
    expect(j.cellsWritten).toBe(1);
    const upd = j.risks.changed[0].cells[0];
    expect([upd.header, upd.old, upd.new]).toEqual(["Latest Update", "Worse after rain", "November words"]);
    const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "renamed.xlsx");
    expect(settingsFromGrids(grids).settings.importProfile?.columns).toHaveProperty("Commentary");
    const names = await sheetNames(out);
    expect(names).toEqual(expect.arrayContaining([json.backup, j.backup]));
    expect(j.backup).not.toBe(json.backup);
    // The earlier Import Log rows are kept; this import's row is added below them.
    expect((await importLog(out)).rows.length).toBe(json.importLogRows + j.importLogRows);
  });
});
