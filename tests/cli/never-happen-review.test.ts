// Review against SPEC "What must never happen", for the command line's writes (`import --out`, `check --out`):
// a user's row or cell deleted or overwritten without the officer asking (hidden rows and columns, a filter,
// notes beside and below the register, merged cells, sheet-scoped names, a table beside the register),
// imported text becoming a formula (= + - @ tab CR LF) and negative numbers staying numbers, and a bad
// input ending in a plain message with the inputs as they were. Each case quotes the sentence it holds the
// product to; "(judgement)" marks an officer's expectation SPEC does not spell out.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runMain } from "./helpers/main-in-process";
import { IMPORT_REGISTER_HEADERS, utc } from "./helpers/registers";
import { importArgs } from "../helpers/import-files";
import { sha, tempFolder } from "../helpers/test-files";

jest.setTimeout(60_000);

const tmp = tempFolder("crr-never-cli-");

/** Register headers: the export's ten, then Financial Impact (£) and the council's own Council Notes. */
const HEADERS = [...IMPORT_REGISTER_HEADERS, "Financial Impact (£)", "Council Notes"];

type Cell = string | number | Date | null;

function registerRow(id: string, update: string, notes: string): Cell[] {
  return [
    id,
    `Title of ${id}`,
    "Jane Smith",
    3,
    3,
    9,
    "Treat",
    "Open",
    utc(2022, 9, 20),
    update,
    1000,
    notes,
  ];
}

interface RegisterOptions {
  /** Rows (1-based) hidden by the officer. */
  hiddenRows?: number[];
  /** Columns (1-based) hidden by the officer. */
  hiddenCols?: number[];
  /** A worksheet AutoFilter over the register's header and rows. */
  autoFilter?: boolean;
  /** An officer's note typed two rows below the last risk. */
  noteBelow?: boolean;
  /** An officer's notes beside the table, merged over two rows (N2:O3). */
  mergedNoteBeside?: boolean;
  /** Text typed in the register itself. */
  updates?: string[];
  /** Sheets before and after the register (sheet-scoped names point at them). */
  around?: boolean;
}

/** The officer's register "Register" (header in row 1, HRC-001…HRC-004 in rows 2–5). */
async function writeRegister(file: string, o: RegisterOptions = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (o.around) wb.addWorksheet("Lookups").getCell("A1").value = "Key";
  const ws = wb.addWorksheet("Register");
  if (o.around) wb.addWorksheet("Notes").getCell("A1").value = "My notes";
  ws.addRow(HEADERS);
  ["HRC-001", "HRC-002", "HRC-003", "HRC-004"].forEach((id, i) =>
    ws.addRow(registerRow(id, o.updates?.[i] ?? `Update ${id}`, `Council note ${i + 1}`)),
  );
  for (let r = 2; r <= 5; r++) ws.getCell(r, 9).numFmt = "dd/mm/yyyy";
  for (const r of o.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const c of o.hiddenCols ?? []) ws.getColumn(c).hidden = true;
  if (o.autoFilter) ws.autoFilter = "A1:L5";
  if (o.noteBelow) ws.getCell("A7").value = "Note: HRC-003 to go to Ops Board in November (JS)";
  if (o.mergedNoteBeside) {
    ws.getCell("N2").value = "Officer's note beside the table";
    ws.mergeCells("N2:O3");
  }
  await wb.xlsx.writeFile(file);
}

/** CSV text: every field quoted (so a leading tab, CR or LF is part of the field), numbers bare. */
function csv(rows: Cell[][]): string {
  const cell = (v: Cell) =>
    typeof v === "number" ? String(v) : v === null ? "" : `"${String(v).replace(/"/g, '""')}"`;
  return rows.map((r) => r.map(cell).join(",")).join("\r\n");
}

/** An export row (the register's first ten columns, plus Financial Impact). */
function exportRow(id: string, update: string, money: number | string = 1000): Cell[] {
  return [id, `Title of ${id}`, "Jane Smith", 3, 3, 9, "Treat", "Open", "20/09/2022", update, money];
}
const EXPORT_HEADERS = [...IMPORT_REGISTER_HEADERS, "Financial Impact (£)"];

let n = 0;
/** Writes the register and the export, runs the import in-process; returns the paths and the run. */
async function importRun(
  o: RegisterOptions,
  exportRows: Cell[][],
): Promise<{
  into: string;
  out: string;
  exportFile: string;
  status: number;
  stderr: string;
  stdout: string;
}> {
  n += 1;
  const into = path.join(tmp, `reg-${n}.xlsx`);
  const exportFile = path.join(tmp, `iris-${n}.csv`);
  const out = path.join(tmp, `merged-${n}.xlsx`);
  await writeRegister(into, o);
  fs.writeFileSync(exportFile, csv([EXPORT_HEADERS, ...exportRows]));
  const run = await runMain(importArgs(exportFile, into, out, ["--register", "Register"]));
  return { into, out, exportFile, ...run };
}

/** The package's parts as text (only the XML ones are asked for). */
function parts(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}
function partText(file: string, name: string): string {
  const p = parts(file)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** The worksheet part of sheet `name`, through workbook.xml and its relationships. */
function sheetXml(file: string, name: string): string {
  const wb = partText(file, "xl/workbook.xml");
  const rels = partText(file, "xl/_rels/workbook.xml.rels");
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for sheet ${name}`);
  return partText(file, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row (1-based) holding `id` in column A, or -1. */
function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  return -1;
}

describe("import --out: formula-looking text stays text, numbers stay numbers", () => {
  // SPEC "What must never happen": "Imported text becoming a formula: text starting with =, +, -, @, tab,
  // CR or LF is stored as text. Numbers, negative ones included, stay numbers."
  const TEXTS = [
    '=HYPERLINK("http://evil.example","x")',
    "+44 20 7946 0000",
    "-ve trend",
    "@mention",
    "\t=1+2",
    "\n=1+2",
  ];
  // (A CR inside a CSV field is read as LF, as every line end of a CSV is: README "CSV"; so LF stands for it.)

  it("stores each of = + - @ tab CR LF text exactly as that text, with no formula in the register", async () => {
    const rows = TEXTS.map((t, i) => exportRow(`HRC-00${i + 1}`, t));
    const run = await importRun({}, rows);
    expect(run.status).toBeLessThan(2);
    const ws = await sheetOf(run.out, "Register");
    TEXTS.forEach((t, i) => {
      const r = rowOf(ws, `HRC-00${i + 1}`);
      expect(r).toBeGreaterThan(0);
      // Not the escape itself ("'=…"): the officer sees the text the export holds.
      expect(ws.getCell(r, 10).value).toBe(t);
    });
    expect(sheetXml(run.out, "Register")).not.toMatch(/<f[ >]/);
  });

  it("writes the same texts to the Import Log as text, never as formulas", async () => {
    const rows = TEXTS.map((t, i) => exportRow(`HRC-00${i + 1}`, t));
    const run = await importRun({}, rows);
    const xml = sheetXml(run.out, "Import Log");
    expect(xml).not.toMatch(/<f[ >]/);
    const log = await sheetOf(run.out, "Import Log");
    const texts = new Set<unknown>();
    log.eachRow((row) => row.eachCell((c) => texts.add(c.value)));
    for (const t of TEXTS) expect(texts).toContain(t);
  });

  // Declined (judgement, stop 27): the Import Log's Old and New hold each value as the officer read it in
  // the preview (a date as dd/mm/yyyy, an amount as its figures, a note in words), one kind of cell for a
  // column that holds all three. SPEC's "Numbers, negative ones included, stay numbers" is about the values
  // imported into the register, which stay numbers; the log's text is not a formula and loses nothing.
  it("keeps a negative amount a number in the register; the Import Log shows it as the preview did (judgement)", async () => {
    const run = await importRun({}, [exportRow("HRC-001", "Update HRC-001", -25000)]);
    expect(run.status).toBeLessThan(2);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getCell(2, 11).value).toBe(-25000);
    const log = await sheetOf(run.out, "Import Log");
    const values: unknown[] = [];
    log.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("-25000");
  });

  it("a new risk's negative amount and formula-looking title are a number and text", async () => {
    const row = exportRow("HRC-005", "=SUM(A1:A9)", -1500);
    row[1] = "-Drainage failure";
    const run = await importRun({}, [row]);
    const ws = await sheetOf(run.out, "Register");
    const r = rowOf(ws, "HRC-005");
    expect(r).toBe(6);
    expect(ws.getCell(r, 2).value).toBe("-Drainage failure");
    expect(ws.getCell(r, 10).value).toBe("=SUM(A1:A9)");
    expect(ws.getCell(r, 11).value).toBe(-1500);
    expect(sheetXml(run.out, "Register")).not.toMatch(/<f[ >]/);
  });
});

describe("import --out: nothing of the officer's is lost or moved", () => {
  // SPEC "Writing files", Lossless: "an import's output is the officer's workbook with only the listed
  // cells, the new rows, the backup sheet and the log changed. Every other part of the file stays as it was".
  it("a changed cell on a row the officer hid: the row stays hidden", async () => {
    const run = await importRun({ hiddenRows: [3] }, [exportRow("HRC-002", "New words for a hidden row")]);
    expect(run.status).toBeLessThan(2);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getCell(3, 10).value).toBe("New words for a hidden row");
    expect(ws.getRow(3).hidden).toBe(true);
    expect(ws.getRow(2).hidden).toBe(false);
  });

  it("a council-only column the officer hid stays hidden and untouched", async () => {
    const run = await importRun({ hiddenCols: [12] }, [
      exportRow("HRC-001", "Changed"),
      exportRow("HRC-009", "New"),
    ]);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getColumn(12).hidden).toBe(true);
    expect(ws.getCell(2, 12).value).toBe("Council note 1");
    expect(ws.getCell(rowOf(ws, "HRC-009"), 12).value).toBeNull();
  });

  it("an officer's note typed below the register is neither overwritten nor taken into the table", async () => {
    const run = await importRun({ noteBelow: true }, [exportRow("HRC-005", "New risk")]);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getCell("A7").value).toBe("Note: HRC-003 to go to Ops Board in November (JS)");
    const r = rowOf(ws, "HRC-005");
    expect(r).toBeGreaterThan(0);
    expect(r).not.toBe(7);
  });

  it("notes merged beside the register stay merged and as they were", async () => {
    const run = await importRun({ mergedNoteBeside: true }, [
      exportRow("HRC-001", "Changed"),
      exportRow("HRC-005", "New risk"),
    ]);
    const xml = sheetXml(run.out, "Register");
    expect(xml).toMatch(/<mergeCell ref="N2:O3"\/>/);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getCell("N2").value).toBe("Officer's note beside the table");
  });

  it("sheet-scoped names keep pointing at their own sheets after the backup sheet is added", async () => {
    n += 1;
    const base = path.join(tmp, `names-${n}.xlsx`);
    await writeRegister(base, { around: true });
    // Two names called Area, one scoped to Lookups (sheet 0), one to Notes (sheet 2), and a global one.
    const files = parts(base);
    const wbXml = strFromU8(files["xl/workbook.xml"]);
    const names =
      '<definedNames><definedName name="Area" localSheetId="0">Lookups!$A$1</definedName>' +
      '<definedName name="Area" localSheetId="2">Notes!$A$1</definedName>' +
      '<definedName name="Everything">Register!$A$1:$L$5</definedName></definedNames>';
    files["xl/workbook.xml"] = strToU8(
      wbXml.includes("<definedNames")
        ? wbXml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, names)
        : wbXml.replace("</sheets>", `</sheets>${names}`),
    );
    const into = path.join(tmp, `names-in-${n}.xlsx`);
    fs.writeFileSync(into, zipSync(files));
    const exportFile = path.join(tmp, `names-${n}.csv`);
    fs.writeFileSync(
      exportFile,
      csv([EXPORT_HEADERS, exportRow("HRC-001", "Changed"), exportRow("HRC-005", "New")]),
    );
    const out = path.join(tmp, `names-out-${n}.xlsx`);
    const run = await runMain(importArgs(exportFile, into, out, ["--register", "Register"]));
    expect(run.status).toBeLessThan(2);
    const after = partText(out, "xl/workbook.xml");
    const sheetNames = [...after.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const scoped = [...after.matchAll(/<definedName name="Area" localSheetId="(\d+)">([^<]+)</g)].map(
      (m) => ({
        scope: sheetNames[Number(m[1])],
        ref: m[2],
      }),
    );
    expect(scoped).toEqual(
      expect.arrayContaining([
        { scope: "Lookups", ref: "Lookups!$A$1" },
        { scope: "Notes", ref: "Notes!$A$1" },
      ]),
    );
    expect(after).toContain('<definedName name="Everything">Register!$A$1:$L$5</definedName>');
  });

  // (judgement) SPEC asks a table's filter to be extended over the new rows ("Tables: … extend the table (its
  // range and its filter)"); the reviewer asked the same of a plain AutoFilter (Data › Filter, no table).
  // Declined for now (stop 27): a sheet's own filter is kept in two places (the sheet's <autoFilter> and
  // the workbook's hidden _FilterDatabase name) and, in the task pane, can only be re-applied (which clears
  // the officer's criteria); the new risk goes on the row straight below the filter's range, and the import
  // leaves the officer's filter as they set it. Listed as a known gap in the closing note.
  it("(judgement) a register with a plain AutoFilter: the new risk goes straight below, the filter as the officer set it", async () => {
    const run = await importRun({ autoFilter: true }, [exportRow("HRC-005", "New risk")]);
    const ws = await sheetOf(run.out, "Register");
    expect(rowOf(ws, "HRC-005")).toBe(6);
    const xml = sheetXml(run.out, "Register");
    expect(xml).toMatch(/<autoFilter [^>]*ref="A1:L5"/);
  });
});

describe("bad input: a plain message and the inputs as they were", () => {
  // SPEC "What must never happen": "A bad file, sheet or value ending in a stack trace, a silent empty
  // result or a half-written workbook. It ends in a plain-English message naming the file, sheet and cell,
  // and the workbook as it was." SPEC "Command line": "Never changes its inputs."
  it("import --out naming the export file itself is refused and the export is left as it was", async () => {
    n += 1;
    const into = path.join(tmp, `self-${n}.xlsx`);
    await writeRegister(into);
    // An .xlsx export (so --out has --into's extension) that is also named as --out.
    const exportFile = path.join(tmp, `self-export-${n}.xlsx`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("IRIS Risks");
    ws.addRow(EXPORT_HEADERS);
    ws.addRow(exportRow("HRC-001", "Changed"));
    await wb.xlsx.writeFile(exportFile);
    const before = sha(exportFile);
    const intoBefore = sha(into);
    const run = await runMain(importArgs(exportFile, into, path.join(tmp, ".", `self-export-${n}.xlsx`)));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/input/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(sha(exportFile)).toBe(before);
    expect(sha(into)).toBe(intoBefore);
  });

  it("check --out over the workbook checked, spelled another way, is refused and the workbook is as it was", async () => {
    n += 1;
    const into = path.join(tmp, `check-${n}.xlsx`);
    await writeRegister(into);
    const before = sha(into);
    const run = await runMain([
      "check",
      into,
      "--as-at",
      "2022-10-10",
      "--out",
      path.join(tmp, "..", path.basename(tmp), `check-${n}.xlsx`),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/input/i);
    expect(sha(into)).toBe(before);
  });

  it("an export whose text is longer than a cell holds names the file, the risk and the length, and writes no half cell", async () => {
    const long = "x".repeat(40_000);
    const run = await importRun({}, [exportRow("HRC-001", long)]);
    expect(run.status).toBeLessThan(2);
    expect(`${run.stdout}${run.stderr}`).toMatch(/40,?000/);
    const ws = await sheetOf(run.out, "Register");
    expect(ws.getCell(2, 10).value).toBe("Update HRC-001");
  });
});

describe("check --out: the review workbook holds text as text", () => {
  // SPEC "What must never happen" (text never becomes a formula, in every write); "Owned tabs": each finding
  // with its message; the register's own text is quoted on the Escalation and Exceptions tabs.
  it("a register's formula-looking ids, titles and updates are text on every owned tab, with no formula", async () => {
    n += 1;
    const into = path.join(tmp, `check-text-${n}.xlsx`);
    await writeRegister(into, {
      updates: ['=HYPERLINK("http://evil.example","click")', "+ see email", "-", "@JSmith please"],
    });
    const out = path.join(tmp, `review-${n}.xlsx`);
    const run = await runMain(["check", into, "--as-at", "2022-10-10", "--out", out]);
    expect(run.status).toBeLessThan(2);
    const files = parts(out);
    const sheets = Object.keys(files).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
    expect(sheets.length).toBeGreaterThan(0);
    for (const s of sheets) expect(strFromU8(files[s])).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts = new Set<unknown>();
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.add(c.value))));
    expect(texts).toContain('=HYPERLINK("http://evil.example","click")');
  });
});
