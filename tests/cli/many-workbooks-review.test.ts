// `risk-review check A.xlsx B.xlsx …` and `risk-review check FOLDER` (SPEC "Command line" →
// "Many workbooks", and "Real registers" for how the same risk is recognised across sheets and files), fed
// what a council's corporate risk team really has: a folder synced from SharePoint with lock files, a
// password-protected copy, an old .xls, a Mac's "._" shadow files, sub-folders, names with spaces and
// accents; the same risk on several files under owners written two ways; the same file named twice.
// Run in-process through main() (files are checked one after another; the report is the same).
// Each of these once failed: an old .xls in the folder was dropped without a word; "Smith, Jane" and
// "Jane Smith" on two files were an owner conflict; one file reached by two names was checked twice.

import { byFileName } from "../../src/cli/check-many";
import { excelLinks } from "../helpers/excel-links";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runMain } from "./helpers/main-in-process";
import { HEADER, red, risk, scoredRisk, writeWorkbook, type Row } from "./helpers/registers";
import { sha, tempFolder } from "../helpers/test-files";

jest.setTimeout(120_000);

const AS_AT = "2022-10-10";

/** Rows as a CSV file (dates as yyyy-mm-dd, lines ended CRLF), in `encoding` (as Excel saved it). */
function writeCsv(file: string, rows: Row[], encoding: BufferEncoding = "utf8"): void {
  const text = rows
    .map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""))).join(","))
    .join("\r\n");
  fs.writeFileSync(file, Buffer.from(`${text}\r\n`, encoding));
}

/** An OLE compound file header, as Office writes a password-protected workbook (and Excel 97–2003 an .xls). */
function writeCompoundFile(file: string): void {
  const bytes = Buffer.alloc(4096, 0xff);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.fill(0, 8, 24); // CLSID
  bytes.writeUInt16LE(0x003e, 24); // minor version
  bytes.writeUInt16LE(0x0003, 26); // major version 3
  bytes.writeUInt16LE(0xfffe, 28); // little-endian
  bytes.writeUInt16LE(0x0009, 30); // 512-byte sectors
  bytes.writeUInt16LE(0x0006, 32); // 64-byte mini sectors
  fs.writeFileSync(file, bytes);
}

/** A real .xlsm: the workbook part's content type says macro-enabled, and a VBA project part is present. */
async function writeXlsm(file: string, sheets: Record<string, Row[]>): Promise<void> {
  const plain = `${file}.tmp.xlsx`;
  await writeWorkbook(plain, sheets);
  const zip = await JSZip.loadAsync(fs.readFileSync(plain));
  fs.unlinkSync(plain);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    .replace(
      "<Default ",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
    );
  zip.file("[Content_Types].xml", types);
  zip.file("xl/vbaProject.bin", Buffer.alloc(512, 1));
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  rels = rels.replace(
    "</Relationships>",
    '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

/** Every file under `dir` (recursively) with its hash. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, hashes(p));
    else out[p] = sha(p);
  }
  return out;
}

interface ManyJson {
  asAt: string;
  files: { file: string; sheets: { name: string; kind: string }[]; error?: string }[];
  findings: {
    file: string;
    ruleId: string;
    severity: string;
    sheet: string;
    recordId: string | null;
    message: string;
  }[];
  escalations: { file: string; recordId: string; sheet: string; destinations: string[] }[];
  proposals: { file: string }[];
}

async function json(
  args: string[],
): Promise<{ status: number; doc: ManyJson; stdout: string; stderr: string }> {
  const run = await runMain([...args, "--format", "json"]);
  return {
    status: run.status,
    doc: JSON.parse(run.stdout) as ManyJson,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

const ownerConflicts = (doc: ManyJson) => doc.findings.filter((f) => f.ruleId === "risk/owner-conflict");

/** The text of the "Across files:" part of the text report, up to the count line. */
const acrossPart = (stdout: string): string => stdout.slice(stdout.indexOf("Across files:"));

/** Rows of a tab, cells from column A. */
async function tabRows(file: string, name: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: ExcelJS.CellValue[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/**
 * Each link into another workbook on a roll-up tab (as Excel follows it: see excelLinks) with the Source cell
 * of its row (the Source column found from its header row).
 */
async function linksWithSource(file: string, tab: string): Promise<{ hyperlink: string; source: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(tab)!;
  let sourceCol = -1;
  ws.eachRow((row) => {
    const i = (row.values as ExcelJS.CellValue[]).slice(1).findIndex((v) => v === "Source");
    if (sourceCol < 0 && i >= 0) sourceCol = i;
  });
  const out: { hyperlink: string; source: string }[] = [];
  for (const [ref, address] of excelLinks(new Uint8Array(fs.readFileSync(file))).get(tab) ?? []) {
    if (address.startsWith("#")) continue;
    const row = Number(/\d+$/.exec(ref)![0]);
    out.push({ hyperlink: address, source: String(ws.getRow(row).getCell(sourceCol + 1).value ?? "") });
  }
  return out;
}

/** Where a link into another workbook leads, resolved from the roll-up's folder: the file and the place in it. */
function resolveLink(rollUp: string, hyperlink: string): { file: string; place: string } {
  const hash = hyperlink.indexOf("#");
  const target = hash < 0 ? hyperlink : hyperlink.slice(0, hash);
  return {
    file: path.resolve(path.dirname(rollUp), decodeURIComponent(target)),
    place: hash < 0 ? "" : hyperlink.slice(hash + 1),
  };
}

const tmp = tempFolder("crr-many-workbooks-review-");
/** The synced SharePoint library: "Risk registers - Documents". */
let library: string;
const CORPORATE = "Corporate Risk Register.xlsx";
const ANNEX = "Highways – Annex 3 (Café).xlsx";
const CSV = "directorate place.csv";
const XLSM = "contract.xlsm";
const GOOD = [CORPORATE, ANNEX, CSV, XLSM];
const CORRUPT = "corrupt.xlsx";
const LOCKED = "Budget 2022-23 (password).xlsx";
const EMPTY = "empty.xlsx";
const OLD = "Old register.xls";
const LOCK_FILE = `~$${CORPORATE}`;
const MAC_SHADOW = `._${CORPORATE}`;

beforeAll(async () => {
  library = path.join(tmp, "Risk registers - Documents");
  fs.mkdirSync(library);
  // HRC-100 is on the corporate register and the highways annex, the same person written two ways.
  await writeWorkbook(path.join(library, CORPORATE), {
    "Corporate Register": [
      HEADER,
      risk("HRC-100", "Winter gritting fleet", "Smith, Jane"),
      red("CR-7", "Contractor insolvency", "Richard Cole"),
    ],
  });
  await writeWorkbook(path.join(library, ANNEX), {
    "Annex 3 Risks": [
      HEADER,
      risk("HRC-100", "Winter gritting fleet", "Jane Smith"),
      risk("HRC-101", "Depot lease", "Nadia Khan"),
    ],
  });
  writeCsv(path.join(library, CSV), [HEADER, red("DIR-001", "Budget overspend", "Richard Cole")]);
  await writeXlsm(path.join(library, XLSM), {
    "Contract Risks": [HEADER, risk("HRC-200", "Street lighting PFI handback", "Priya Shah")],
  });
  // A download cut short: the first half of a good workbook.
  const whole = fs.readFileSync(path.join(library, CORPORATE));
  fs.writeFileSync(path.join(library, CORRUPT), whole.subarray(0, Math.floor(whole.length / 2)));
  writeCompoundFile(path.join(library, LOCKED));
  fs.writeFileSync(path.join(library, EMPTY), "");
  writeCompoundFile(path.join(library, OLD));
  // Excel's owner file while someone has the corporate register open: 165 bytes, the user's name first.
  const lock = Buffer.alloc(165);
  lock.write("\u000bJane Smith", 0, "latin1");
  fs.writeFileSync(path.join(library, LOCK_FILE), lock);
  // A Mac's AppleDouble shadow of the corporate register, left by a colleague's copy: hidden, not a workbook.
  const apple = Buffer.alloc(4096);
  Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]).copy(apple);
  fs.writeFileSync(path.join(library, MAC_SHADOW), apple);
  fs.writeFileSync(path.join(library, "desktop.ini"), "[.ShellClassInfo]\r\n");
  // Sub-folders: an archive, and a folder whose own name ends in .xlsx.
  fs.mkdirSync(path.join(library, "Archive"));
  await writeWorkbook(path.join(library, "Archive", "2021 register.xlsx"), {
    Register: [HEADER, risk("OLD-1", "Old risk", "")],
  });
  fs.mkdirSync(path.join(library, "Board papers.xlsx"));
});

describe("check FOLDER: a SharePoint library as it really is", () => {
  it("checks every good register and names each unreadable file in one plain line on stderr, exit 0", async () => {
    // SPEC: "A file that cannot be read is reported by name and the others are still checked (exit 2 only when none could be read)."
    const run = await runMain(["check", library, "--as-at", AS_AT]);
    for (const name of GOOD) expect(run.stdout).toContain(`File:  ${name}`);
    const lines = run.stderr.trim().split("\n");
    for (const bad of [CORRUPT, LOCKED, EMPTY]) {
      const naming = lines.filter((l) => l.includes(`"${bad}"`));
      expect(naming).toHaveLength(1);
      expect(naming[0]).toMatch(/^risk-review: /);
    }
    expect(run.stderr).toMatch(/"Budget 2022-23 \(password\)\.xlsx" is password-protected/);
    expect(run.stderr).toMatch(/"empty\.xlsx" is empty/);
    expect(run.stderr).not.toMatch(/\n\s+at |unexpected error|this is a bug/);
    expect(run.status).toBe(0);
  });

  it("leaves out Excel's ~$ lock file, desktop.ini, the sub-folders and a folder named like a workbook, without a word", async () => {
    // SPEC: "`check` takes several files or a folder (its .xlsx, .xlsm and .csv files, not its subfolders)".
    const run = await runMain(["check", library, "--as-at", AS_AT]);
    const all = run.stdout + run.stderr;
    for (const unseen of [LOCK_FILE, "desktop.ini", "2021 register.xlsx", "OLD-1", "Board papers.xlsx"])
      expect(all).not.toContain(unseen);
  });

  it("reads the .xlsm whose workbook part is macro-enabled, like the .xlsx beside it", async () => {
    // SPEC: "`check` takes several files or a folder (its .xlsx, .xlsm and .csv files …)".
    const { doc } = await json(["check", library, "--as-at", AS_AT]);
    const xlsm = doc.files.find((f) => f.file === XLSM)!;
    expect(xlsm.error).toBeUndefined();
    expect(xlsm.sheets.map((s) => [s.name, s.kind])).toEqual([["Contract Risks", "risk-register"]]);
  });

  it("names the old .xls register in the folder with the advice to re-save it, instead of dropping it silently", async () => {
    // SPEC "Writing files": ".xls and .ods files are refused with "open it in Excel and save it as .xlsx"";
    // "Many workbooks": "A file that cannot be read is reported by name". A register dropped without a word
    // from the board's roll-up is the worst outcome for the officer reading it.
    const run = await runMain(["check", library, "--as-at", AS_AT]);
    expect(run.stderr).toMatch(/"Old register\.xls".*open it in Excel and save it as \.xlsx/);
    expect(run.status).toBe(0);
  });

  it("exits 1 when a good register has an error finding, whatever the unreadable files beside it", async () => {
    // SPEC: "Exit status: 0 no error findings; 1 error findings; 2 … (exit 2 only when none could be read)."
    const dir = path.join(tmp, "one error");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "parks.xlsx"), {
      Register: [HEADER, risk("PK-1", "Tree safety", "")],
    });
    fs.copyFileSync(path.join(library, CORRUPT), path.join(dir, CORRUPT));
    writeCompoundFile(path.join(dir, LOCKED));
    const run = await runMain(["check", dir, "--as-at", AS_AT]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/risk\/missing-owner/);
  });

  it("exits 2 with one plain line when the folder holds only a lock file and a sub-folder", async () => {
    // SPEC: "2 a usage error, or an input that could not be read"; "(exit 2 only when none could be read)".
    const dir = path.join(tmp, "only lock");
    fs.mkdirSync(path.join(dir, "Archive"), { recursive: true });
    fs.writeFileSync(path.join(dir, "~$Register.xlsx"), Buffer.alloc(165));
    const run = await runMain(["check", dir, "--as-at", AS_AT]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("only lock");
  });
});

describe("check FOLDER --format json: the shape an officer's Power Automate flow reads", () => {
  it("lists every file in name order, an error on each unreadable one, and file on every finding and escalation", async () => {
    // SPEC: "JSON: {"asAt", "files": [{"file", "sheets", "error"?}], "findings", "escalations", "proposals"} with file on every finding, escalation and proposal."
    const { doc } = await json(["check", library, "--as-at", AS_AT]);
    expect(Object.keys(doc)).toEqual(["asAt", "files", "findings", "escalations", "proposals"]);
    const names = doc.files.map((f) => f.file);
    // In the order File Explorer lists the folder (README: case aside, numbers as numbers).
    expect(names).toEqual([...names].sort(byFileName));
    for (const name of [...GOOD, CORRUPT, LOCKED, EMPTY]) expect(names).toContain(name);
    for (const f of doc.files) {
      if (GOOD.includes(f.file)) expect(f.error).toBeUndefined();
      else {
        expect(f.error).toEqual(expect.stringContaining(f.file));
        expect(f.error).not.toContain("\n");
      }
    }
    const checked = new Set(GOOD);
    for (const x of [...doc.findings, ...doc.escalations, ...doc.proposals])
      expect(checked.has(x.file)).toBe(true);
    // The CSV's sheet is the file's name without its extension, on its escalation too.
    const csvEscalation = doc.escalations.find((e) => e.recordId === "DIR-001")!;
    expect([csvEscalation.file, csvEscalation.sheet]).toEqual([CSV, "directorate place"]);
    expect(doc.escalations.find((e) => e.recordId === "CR-7")?.file).toBe(CORPORATE);
  });

  it("counts the same findings as the text report's All files line, and prints the same bytes twice", async () => {
    // SPEC "Owned tabs": "Every count adds up"; a scheduled task diffing today's JSON with yesterday's needs stable output.
    const dir = path.join(tmp, "counts");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "a.xlsx"), {
      Register: [HEADER, risk("A-1", "No owner", ""), risk("S-1", "Shared", "Ann Lee")],
    });
    await writeWorkbook(path.join(dir, "b.xlsx"), {
      Register: [HEADER, red("B-1", "Red one", "Ravi Patel"), risk("S-1", "Shared", "Ravi Patel")],
    });
    const first = await json(["check", dir, "--as-at", AS_AT]);
    const second = await json(["check", dir, "--as-at", AS_AT]);
    expect(second.stdout).toBe(first.stdout);
    const text = await runMain(["check", dir, "--as-at", AS_AT]);
    const bySeverity = (s: string) => first.doc.findings.filter((f) => f.severity === s).length;
    const last = text.stdout.trimEnd().split("\n").pop()!;
    const m = /^All files: (\d+) errors?, (\d+) warnings?, (\d+) notes?;/.exec(last)!;
    expect(m).not.toBeNull();
    expect([Number(m[1]), Number(m[2]), Number(m[3])]).toEqual([
      bySeverity("error"),
      bySeverity("warning"),
      bySeverity("info"),
    ]);
    expect(ownerConflicts(first.doc).map((f) => [f.file, f.recordId])).toEqual([["b.xlsx", "S-1"]]);
  });
});

describe("the same risk on several files", () => {
  it('takes "Smith, Jane" on one file and "Jane Smith" on another for the same owner: no owner conflict', async () => {
    // SPEC: "risk/owner-conflict … the same id has different owners on different registers": one person
    // written surname-first (as SharePoint's person fields and Outlook write her) is not a different owner.
    const { doc } = await json([
      "check",
      path.join(library, CORPORATE),
      path.join(library, ANNEX),
      "--as-at",
      AS_AT,
    ]);
    expect(ownerConflicts(doc)).toEqual([]);
  });

  it("joins ids written in another case and with stray spaces as the same risk across files", async () => {
    // SPEC: "Record ids are compared trimmed, case-insensitively and with runs of spaces folded".
    const dir = path.join(tmp, "id folding");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "corporate.xlsx"), {
      "Corporate Register": [HEADER, risk("HRC-005", "Drainage backlog", "Gareth Lloyd")],
    });
    await writeWorkbook(path.join(dir, "contract.xlsx"), {
      "Contract Risks": [HEADER, risk(" hrc-005 ", "Drainage backlog", "Priya Shah")],
    });
    const run = await runMain([
      "check",
      path.join(dir, "corporate.xlsx"),
      path.join(dir, "contract.xlsx"),
      "--as-at",
      AS_AT,
    ]);
    const across = acrossPart(run.stdout);
    expect(across).toMatch(/risk\/owner-conflict\s+contract\.xlsx: Contract Risks!C2/);
    expect(across).toMatch(/Risks on more than one file \(1\):/);
  });

  it("an id made for the whole contract is the same risk on two files whatever its title: owner conflict", async () => {
    // SPEC: "Otherwise (ids made for the whole contract, like HRC-003) the same id is the same risk on every sheet, whatever its title."
    const dir = path.join(tmp, "contract ids");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "a corporate.xlsx"), {
      Register: [
        HEADER,
        risk("HRC-003", "Gritting fleet", "Gareth Lloyd"),
        risk("HRC-004", "Depot lease", "Ann Lee"),
      ],
    });
    await writeWorkbook(path.join(dir, "b contract.xlsx"), {
      Register: [
        HEADER,
        risk("HRC-003", "Winter gritting fleet availability", "Priya Shah"),
        risk("HRC-004", "Depot lease", "Ann Lee"),
      ],
    });
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    expect(ownerConflicts(doc).map((f) => [f.file, f.recordId])).toEqual([["b contract.xlsx", "HRC-003"]]);
  });

  it("registers numbered per sheet (R1, R2 … on every annex) join across files only where the titles match too", async () => {
    // SPEC: "ids are per sheet, and risk/owner-conflict and cross-sheet linking join two rows only where their titles match too (trimmed, case and punctuation folded)."
    const dir = path.join(tmp, "annexes");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "annex 1-2.xlsx"), {
      "Annex 1": [
        HEADER,
        risk("R1", "Carriageway resurfacing programme slips", "Ann Lee"),
        risk("R2", "Street lighting: PFI handback.", "Ann Lee"),
        risk("R3", "Bridge inspections overdue", "Ann Lee"),
      ],
      "Annex 2": [
        HEADER,
        risk("R1", "Grounds maintenance staffing", "Tom Hughes"),
        risk("R2", "Playground equipment defects", "Tom Hughes"),
        risk("R3", "Cemetery capacity", "Tom Hughes"),
      ],
    });
    await writeWorkbook(path.join(dir, "annex 3.xlsx"), {
      "Annex 3": [
        HEADER,
        risk("R1", "Winter service salt stocks", "Priya Shah"),
        risk("R2", "STREET LIGHTING PFI HANDBACK", "Priya Shah"),
        risk("R3", "Traffic signal obsolescence", "Priya Shah"),
      ],
    });
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    expect(ownerConflicts(doc).map((f) => [f.file, f.sheet, f.recordId])).toEqual([
      ["annex 3.xlsx", "Annex 3", "R2"],
    ]);
    expect(ownerConflicts(doc)[0].message).toMatch(/"Ann Lee".*Annex 1 in annex 1-2\.xlsx/);
    const text = await runMain(["check", dir, "--as-at", AS_AT]);
    expect(acrossPart(text.stdout)).toMatch(/Risks on more than one file \(1\):\n\s+R2\s/);
  });

  it("three files holding one risk, owned Ann, Ann and Ravi: one conflict, in the third file, naming the first", async () => {
    // SPEC: "the same risk id with different owners in two files is a risk/owner-conflict finding in the file that holds it second" (README).
    const dir = path.join(tmp, "three");
    fs.mkdirSync(dir);
    for (const [name, owner] of [
      ["1 corporate.xlsx", "Ann Lee"],
      ["2 directorate.xlsx", "ann  lee"],
      ["3 contract.xlsx", "Ravi Patel"],
    ])
      await writeWorkbook(path.join(dir, name), {
        Register: [HEADER, risk("HRC-300", "Highway drainage", owner)],
      });
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    const found = ownerConflicts(doc);
    expect(found.map((f) => f.file)).toEqual(["3 contract.xlsx"]);
    expect(found[0].message).toContain("1 corporate.xlsx");
  });

  it("the same id on two files is not a duplicate id, and the text lists each file's own score", async () => {
    // SPEC: "risk/duplicate-id … two rows of one register share an id"; README: "the risks that stand on several files … are listed with each file's sheet, row, owner and score."
    const dir = path.join(tmp, "scores");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "corporate.xlsx"), {
      Register: [HEADER, scoredRisk("HRC-400", "Contractor insolvency", "Ann Lee", 4, 4, "Red")],
    });
    await writeWorkbook(path.join(dir, "contract.xlsx"), {
      Register: [HEADER, scoredRisk("HRC-400", "Contractor insolvency", "Ann Lee", 3, 3, "Amber")],
    });
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    expect(doc.findings.filter((f) => f.ruleId === "risk/duplicate-id")).toEqual([]);
    const text = await runMain(["check", dir, "--as-at", AS_AT]);
    const across = acrossPart(text.stdout);
    expect(across).toMatch(/contract\.xlsx \(Register row 2, owner Ann Lee, score 9\)/);
    expect(across).toMatch(/corporate\.xlsx \(Register row 2, owner Ann Lee, score 16\)/);
  });
  it("an owner TBC, a bracketed job title or a SharePoint person cell is no owner conflict across files", async () => {
    // SPEC: "An owner "TBC" is a missing owner"; README: a bracketed job title is not an owner conflict; SharePoint person cells are read as their names.
    const dir = path.join(tmp, "owner forms");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "1 corporate.xlsx"), {
      Register: [
        HEADER,
        risk("HRC-500", "Asset data quality", "Lee, Ann"),
        risk("HRC-501", "Fleet", "Tom Hughes"),
      ],
    });
    await writeWorkbook(path.join(dir, "2 contract.xlsx"), {
      Register: [
        HEADER,
        risk("HRC-500", "Asset data quality", "Lee, Ann;#12"),
        risk("HRC-501", "Fleet", "TBC"),
      ],
    });
    await writeWorkbook(path.join(dir, "3 directorate.xlsx"), {
      Register: [HEADER, risk("HRC-501", "Fleet", "Tom Hughes (Head of Fleet)")],
    });
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    expect(ownerConflicts(doc)).toEqual([]);
    expect(
      doc.findings.filter((f) => f.ruleId === "risk/missing-owner").map((f) => [f.file, f.recordId]),
    ).toEqual([["2 contract.xlsx", "HRC-501"]]);
  });

  it("a CSV saved from Excel in Windows-1252 names the same owner as the workbook: no owner conflict", async () => {
    // SPEC "CSV": "UTF-8 (with or without BOM), UTF-16 with a BOM and Windows-1252 are decoded".
    const dir = path.join(tmp, "encodings");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "corporate.xlsx"), {
      Register: [HEADER, risk("HRC-600", "Café kiosk concession", "José Núñez")],
    });
    writeCsv(
      path.join(dir, "contract.csv"),
      [HEADER, risk("HRC-600", "Café kiosk concession", "José Núñez")],
      "latin1",
    );
    const { doc } = await json(["check", dir, "--as-at", AS_AT]);
    expect(ownerConflicts(doc)).toEqual([]);
    const run = await runMain(["check", dir, "--as-at", AS_AT]);
    expect(acrossPart(run.stdout)).toMatch(
      /Risks on more than one file \(1\):\n\s+HRC-600\s+Café kiosk concession/,
    );
  });
});

describe("the same file named twice", () => {
  it("checks a file named twice once: no owner conflict or duplicate with itself", async () => {
    // SPEC: "Each file is read and checked on its own … then risks are joined across files": one file is not two files.
    const file = path.join(library, ANNEX);
    const { doc } = await json(["check", file, file, "--as-at", AS_AT]);
    expect(doc.files.map((f) => f.file)).toEqual([ANNEX]);
    expect(ownerConflicts(doc)).toEqual([]);
    expect(doc.findings.filter((f) => f.ruleId === "risk/duplicate-id")).toEqual([]);
  });

  it("checks a file named directly and again through its folder once, under its file name", async () => {
    // SPEC: "A file is named by its file name (by the path as given when two share a name)" (README).
    const roundabout = path.join(library, "..", path.basename(library), ".", CORPORATE);
    const run = await runMain(["check", roundabout, library, "--as-at", AS_AT]);
    expect(run.stdout.match(new RegExp(`File:  ${CORPORATE.replace(/\./g, "\\.")}`, "g"))).toHaveLength(1);
    expect(acrossPart(run.stdout)).not.toMatch(/Corporate Register!.*Corporate Register in/);
    expect(run.stdout).toMatch(/^Checked 4 of \d+ files/);
  });

  it("the same file reached by a second name (a link, as a case-insensitive Windows path is) is checked once", async () => {
    // SPEC: "Each file is read and checked on its own": one file on disk is one file, as --out already tells (isSameFile).
    const dir = path.join(tmp, "linked");
    fs.mkdirSync(dir);
    const file = path.join(dir, "Corporate.xlsx");
    await writeWorkbook(file, { Register: [HEADER, red("CR-9", "Insolvency", "Ann Lee")] });
    const alias = path.join(dir, "corporate.xlsx");
    fs.linkSync(file, alias);
    const { doc } = await json(["check", file, alias, "--as-at", AS_AT]);
    expect(doc.files).toHaveLength(1);
    expect(doc.escalations.filter((e) => e.recordId === "CR-9")).toHaveLength(1);
  });

  it("two different files called Risk Register.xlsx in two folders are told apart by their paths, in JSON and in the roll-up's links", async () => {
    // SPEC: "A file is named by its file name (by the path as given when two share a name)"; "--out … links into that file by a path relative to the folder the roll-up is written in".
    const highways = path.join(tmp, "Highways");
    const parks = path.join(tmp, "Parks & Open Spaces");
    fs.mkdirSync(highways);
    fs.mkdirSync(parks);
    await writeWorkbook(path.join(highways, "Risk Register.xlsx"), {
      Register: [HEADER, red("HW-1", "Bridge strike", "Ann Lee")],
    });
    await writeWorkbook(path.join(parks, "Risk Register.xlsx"), {
      Register: [HEADER, red("PK-1", "Tree failure", "Tom Hughes")],
    });
    const out = path.join(tmp, "Board pack", "two registers.xlsx");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const a = path.join(highways, "Risk Register.xlsx");
    const b = path.join(parks, "Risk Register.xlsx");
    const { doc } = await json(["check", a, b, "--as-at", AS_AT, "--out", out]);
    expect(doc.files.map((f) => f.file)).toEqual([a, b]);
    expect(doc.escalations.filter((e) => e.recordId === "HW-1").every((e) => e.file === a)).toBe(true);
    const links = await linksWithSource(out, "Escalation");
    const hw = links.find((l) => l.source === a)!;
    const pk = links.find((l) => l.source === b)!;
    expect(resolveLink(out, hw.hyperlink).file).toBe(a);
    expect(resolveLink(out, pk.hyperlink).file).toBe(b);
  });
});

describe("check FOLDER --out: the board's roll-up", () => {
  it("every link on the Escalation and Exceptions tabs opens the file its Source names, from the roll-up's folder", async () => {
    // SPEC: "`--out` then writes the roll-up: the owned tabs over all files, with a Source column naming each risk's file"; "whose links name the source file's cells by a path relative to the folder `--out` is written in".
    const out = path.join(tmp, "Board pack", "roll-up Oct 2022.xlsx");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const run = await runMain(["check", library, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(0);
    const links = [
      ...(await linksWithSource(out, "Escalation")),
      ...(await linksWithSource(out, "Exceptions")),
    ];
    // CR-7 and DIR-001 are escalated: their links lead to the corporate register and the CSV.
    const sources = new Set(links.map((l) => l.source));
    expect(sources.has(CORPORATE)).toBe(true);
    expect(sources.has(CSV)).toBe(true);
    for (const l of links) {
      const { file, place } = resolveLink(out, l.hyperlink);
      expect(fs.existsSync(file)).toBe(true);
      expect(l.source.split(", ")).toContain(path.basename(file));
      expect(place).toMatch(/^('[^']+'|[^!]+)!\$?[A-Z]+\$?\d+$/);
    }
  });

  it("names the accented, spaced file in the Source column and links to it on the Exceptions tab", async () => {
    // SPEC: "`--out` then writes the roll-up … with a Source column naming each risk's file".
    const dir = path.join(tmp, "accents");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, ANNEX), {
      "Annex 3 Risks": [HEADER, risk("HW-9", "Kerb damage", "")],
    });
    const out = path.join(tmp, "accents roll-up.xlsx");
    const run = await runMain(["check", dir, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(1);
    const links = await linksWithSource(out, "Exceptions");
    const missingOwner = links.find((l) => l.source === ANNEX)!;
    expect(missingOwner).toBeDefined();
    const { file, place } = resolveLink(out, missingOwner.hyperlink);
    expect(file).toBe(path.join(dir, ANNEX));
    expect(place).toBe("'Annex 3 Risks'!C2");
  });

  it("counts a risk held by two files with different scores once in the Risk Summary, its RAG counts adding up to its open risks", async () => {
    // SPEC "Owned tabs": "A risk that stands on several registers … is counted once and shown once … Every count adds up".
    const dir = path.join(tmp, "rag counts");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "corporate.xlsx"), {
      Register: [
        HEADER,
        scoredRisk("HRC-800", "Contractor insolvency", "Ann Lee", 4, 4, "Red"),
        risk("CR-2", "Lease", "Ann Lee"),
      ],
    });
    await writeWorkbook(path.join(dir, "contract.xlsx"), {
      Register: [HEADER, scoredRisk("HRC-800", "Contractor insolvency", "Ann Lee", 3, 3, "Amber")],
    });
    const out = path.join(tmp, "rag counts roll-up.xlsx");
    await runMain(["check", dir, "--as-at", AS_AT, "--out", out]);
    const summary = await tabRows(out, "Risk Summary");
    const n = (label: string) => Number(summary.find((r) => r[0] === label)?.[1] ?? 0);
    expect(n("Open")).toBe(2);
    expect(n("Red") + n("Amber") + n("Green")).toBe(2);
  });

  it("leaves every file of the folder byte for byte as it was, the bad ones and the lock file too", async () => {
    // SPEC: "Never changes its inputs."
    const before = hashes(library);
    const out = path.join(tmp, "Board pack", "roll-up bytes.xlsx");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await runMain(["check", library, "--as-at", AS_AT, "--out", out]);
    await runMain(["check", library, "--as-at", AS_AT, "--format", "json"]);
    expect(hashes(library)).toEqual(before);
  });

  it("a roll-up written into the folder it checks is left out next time, with one line, and written again", async () => {
    // README: "The roll-up may be written into the folder being checked: the next run leaves last run's roll-up out … with one line on stderr each, and writes it again."
    const dir = path.join(tmp, "in place");
    fs.mkdirSync(dir);
    await writeWorkbook(path.join(dir, "corporate.xlsx"), {
      Register: [HEADER, red("CR-1", "Insolvency", "Ann Lee")],
    });
    await writeWorkbook(path.join(dir, "contract.xlsx"), {
      Register: [HEADER, risk("CT-1", "Lease", "Tom Hughes")],
    });
    const out = path.join(dir, "Roll-up.xlsx");
    const first = await runMain(["check", dir, "--as-at", AS_AT, "--out", out]);
    const second = await runMain(["check", dir, "--as-at", AS_AT, "--out", out]);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.stderr.trim().split("\n")).toEqual([expect.stringContaining('"Roll-up.xlsx"')]);
    expect(second.stdout).toMatch(/^Checked 2 of 2 files/);
    const summary = await tabRows(out, "Risk Summary");
    expect(summary.find((r) => r[0] === "Open")?.[1]).toBe(2);
  });
});
