// What `risk-review check --out` and `risk-review import --out` do to a real officer's
// workbook (.xlsm with notes, a picture, rich text, hidden sheets, a protected lookups table, names, macros).
// The officer's file must come back with every part the command did not mean to change as it was.

import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { readXlsx } from "../../src/files/read-xlsx";
import { runMain } from "./helpers/main-in-process";
import { HEADER, risk, writeWorkbook } from "./helpers/registers";
import { importArgs, quotedCsv } from "../helpers/import-files";
import { sha, tempFolder } from "../helpers/test-files";
import { wellFormedProblem } from "../helpers/xml-well-formed";
import {
  OFFICER_HEADERS,
  officerWorkbook,
  REGISTER,
  RICH_NOTE_RUNS,
  SPACED_NOTE,
} from "./helpers/officer-workbook";

jest.setTimeout(60_000);

const tmp = tempFolder("crr-review-writer-");
const unzip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (b: Uint8Array) => new TextDecoder().decode(b);
/** A 1-based sheet row's index in a grid. */
const r0 = (g: { rowOffset: number }, row: number) => row - 1 - g.rowOffset;

/** Problems with a package as Excel would open it: XML, content types, relationship targets. */
function packageProblems(parts: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  for (const [p, b] of Object.entries(parts))
    if (/\.(xml|rels|vml)$/.test(p)) {
      const why = wellFormedProblem(b);
      if (why) problems.push(`${p}: ${why}`);
    }
  const ct = text(parts["[Content_Types].xml"]);
  const defaults = new Set([...ct.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = [...ct.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]);
  const lower = new Set(Object.keys(parts).map((p) => p.toLowerCase()));
  for (const o of overrides)
    if (!lower.has(o.toLowerCase())) problems.push(`override for a missing part ${o}`);
  const overridden = new Set(overrides.map((o) => o.toLowerCase()));
  for (const p of Object.keys(parts)) {
    if (p === "[Content_Types].xml" || p.endsWith("/")) continue;
    const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
    if (!overridden.has(p.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type for ${p}`);
  }
  for (const [p, b] of Object.entries(parts)) {
    if (!p.endsWith(".rels")) continue;
    const base = p.replace(/_rels\/[^/]*\.rels$/, "");
    for (const m of text(b).matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1];
      const resolved = path.posix.normalize(target.startsWith("/") ? target.slice(1) : base + target);
      if (!lower.has(resolved.toLowerCase())) problems.push(`${p} points at a missing part ${resolved}`);
    }
  }
  return problems;
}

/** This month's IRIS export (no Council Notes column): R-001 and R-003 updated, R-004 new. */
const EXPORT_ROWS: (string | number)[][] = [
  OFFICER_HEADERS.slice(0, 10),
  [
    "R-001",
    "Carriageway resurfacing delayed",
    "J Smith",
    3,
    4,
    12,
    "Treat",
    "Open",
    "03/10/2022",
    ` Update & review <ok> "quoted" it's 🚦 `,
  ],
  [
    "R-002",
    "Gully cleansing backlog",
    "A Khan",
    2,
    3,
    6,
    "Treat",
    "Open",
    "20/09/2022",
    "Contractor recovering",
  ],
  [
    "R-003",
    "Winter salt stock",
    "P Jones",
    2,
    2,
    4,
    "Treat",
    "Open",
    "05/09/2022",
    "Alarm\u0007raised _x0041_ literal",
  ],
  [
    "R-004",
    "Street lighting column failures",
    "P Jones",
    3,
    3,
    9,
    "Treat",
    "Open",
    "03/10/2022",
    "New this month",
  ],
];

describe("check --out on an officer's .xlsm register", () => {
  const dir = path.join(tmp, "check");
  const input = path.join(dir, "Register.xlsm");
  const out = path.join(dir, "review.xlsx");
  let inputSha: string;
  let run: { status: number; stdout: string; stderr: string };

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(input, officerWorkbook());
    inputSha = sha(input);
    run = await runMain(["check", input, "--as-at", "2022-10-10", "--out", out]);
  });

  it("leaves the officer's workbook byte for byte as it was", () => {
    expect(run.status).toBe(1);
    expect(sha(input)).toBe(inputSha);
  });

  it("writes a review workbook that opens: XML well-formed, content types and relationships match the parts", () => {
    expect(packageProblems(unzip(out))).toEqual([]);
  });

  it("links each finding back to the register's cell once: the address Excel builds (target, then # and location) is Register.xlsm#'Risk Register'!cell", () => {
    const parts = unzip(out);
    const addresses: string[] = [];
    for (const [p, b] of Object.entries(parts)) {
      const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(p);
      if (!m) continue;
      const rels = parts[`xl/worksheets/_rels/${m[1]}.rels`];
      const targets = new Map(
        rels
          ? [...text(rels).matchAll(/<Relationship [^>]*>/g)].map((r) => [
              /Id="([^"]+)"/.exec(r[0])![1],
              /Target="([^"]+)"/.exec(r[0])![1],
            ])
          : [],
      );
      for (const h of text(b).matchAll(/<hyperlink [^>]*>/g)) {
        const id = /r:id="([^"]+)"/.exec(h[0])?.[1];
        const location = /location="([^"]+)"/.exec(h[0])?.[1];
        const target = id ? decodeURIComponent(targets.get(id)!.replace(/&apos;/g, "'")) : "";
        addresses.push(location ? `${target}#${location.replace(/&apos;/g, "'")}` : target);
      }
    }
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(a).toMatch(new RegExp(`^Register\\.xlsm#'${REGISTER}'![A-Z]+\\d+$`));
  });

  it("refuses an --out that is the input by another spelling (folder/../Register.xlsx), leaving it unchanged", async () => {
    const xlsx = path.join(dir, "Register.xlsx");
    await writeWorkbook(xlsx, { Register: [HEADER, risk("HRC-001", "Road", "Jane Smith")] });
    const xlsxSha = sha(xlsx);
    const sameFile = path.join(dir, "..", "check", "Register.xlsx");
    const r = await runMain(["check", xlsx, "--as-at", "2022-10-10", "--out", sameFile]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is the input file/);
    expect(sha(xlsx)).toBe(xlsxSha);
  });

  it("says plainly when --out's folder does not exist (one line naming the path, exit 2), and leaves the input unchanged", async () => {
    const nowhere = path.join(dir, "Board pack", "review.xlsx");
    const r = await runMain(["check", input, "--as-at", "2022-10-10", "--out", nowhere]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Board pack");
    expect(r.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(sha(input)).toBe(inputSha);
  });
});

describe("import --out into an officer's .xlsm register with notes, a picture, rich text and hidden sheets", () => {
  const dir = path.join(tmp, "import");
  const into = path.join(dir, "Register.xlsm");
  const exportFile = path.join(dir, "IRIS export October.csv");
  const out = path.join(dir, "Merged.xlsm");
  let intoSha: string;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;
  let status: number;

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(into, officerWorkbook());
    fs.writeFileSync(exportFile, quotedCsv(EXPORT_ROWS));
    intoSha = sha(into);
    status = (await runMain(importArgs(exportFile, into, out, ["--format", "json"]))).status;
    before = unzip(into);
    after = unzip(out);
  });

  it("writes the merged workbook and leaves the officer's file byte for byte as it was", () => {
    expect(status).toBe(0);
    expect(sha(into)).toBe(intoSha);
  });

  it("copies every part it had no reason to change byte for byte: notes, their VML, the picture, the lookups table, shared strings, macros, hidden sheets, properties", () => {
    const untouched = [
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/media/image1.png",
      "xl/tables/table1.xml",
      "xl/sharedStrings.xml",
      "xl/vbaProject.bin",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "docProps/core.xml",
      "_rels/.rels",
    ];
    const differ = untouched.filter(
      (p) => after[p] === undefined || Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p])) !== 0,
    );
    expect(differ).toEqual([]);
  });

  it("keeps the register's frozen panes, column widths, merged title, drop-downs, conditional format, links, page header and its notes and picture (everything outside the cells, bar the used range)", () => {
    const sheet = (b: Uint8Array) => text(b).replace(/<dimension ref="[^"]*"\/>/, "<dimension/>");
    const a = sheet(after["xl/worksheets/sheet1.xml"]);
    const b = sheet(before["xl/worksheets/sheet1.xml"]);
    expect(a.slice(0, a.indexOf("<sheetData>"))).toBe(b.slice(0, b.indexOf("<sheetData>")));
    expect(a.slice(a.indexOf("</sheetData>"))).toBe(b.slice(b.indexOf("</sheetData>")));
  });

  it("leaves every register row it did not write byte for byte: the merged title, the header, the rich-text note, the note with spaces, the control-character note", () => {
    const rows = (b: Uint8Array) =>
      new Map([...text(b).matchAll(/<row r="(\d+)"[\s\S]*?<\/row>/g)].map((m) => [Number(m[1]), m[0]]));
    const a = rows(after["xl/worksheets/sheet1.xml"]);
    const b = rows(before["xl/worksheets/sheet1.xml"]);
    for (const n of [1, 2, 4, 7]) expect([n, a.get(n)]).toEqual([n, b.get(n)]);
  });

  it("keeps R-003's formula with its cached text when it writes R-003's update in the same row", () => {
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(`<c r="K5" t="str"><f>"Days: "&amp;(DATE(2022,10,10)-I5)</f><v>Days: 35</v></c>`);
  });

  it("keeps the hidden and the very hidden sheet as they were, the names (sheet-scoped too) and the tab the officer had open", () => {
    const wb = text(after["xl/workbook.xml"]);
    expect(wb).toContain('<sheet name="Hidden Notes" sheetId="3" state="hidden" r:id="rId3"/>');
    expect(wb).toContain('<sheet name="Macro Data" sheetId="4" state="veryHidden" r:id="rId4"/>');
    expect(wb).toContain(`<definedName name="LocalNote" localSheetId="2">'Hidden Notes'!$A$1</definedName>`);
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${REGISTER}'!$2:$2</definedName>`,
    );
    expect(wb).toContain(
      '<definedName name="Threshold" comment="Score that goes to the board &amp; cabinet">15</definedName>',
    );
    expect(wb).toContain('<definedName name="StatusValues">Lookups!$A$2:$A$4</definedName>');
    expect(wb).toMatch(/activeTab="0"/);
    const sheets = [...wb.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets.slice(0, 4)).toEqual([REGISTER, "Lookups", "Hidden Notes", "Macro Data"]);
  });

  it("writes a package Excel opens: XML well-formed (VML too), content types and relationships match the parts, still macro-enabled", () => {
    expect(packageProblems(after)).toEqual([]);
    expect(text(after["[Content_Types].xml"])).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    expect(text(after["xl/_rels/workbook.xml.rels"])).toContain('Target="vbaProject.bin"');
  });

  it("writes the export's text exactly: & < > \" ' emoji and the spaces around it, a control character, and a text that looks like Excel's _x0041_ escape", async () => {
    const reg = (await readXlsx(fs.readFileSync(out), "Merged.xlsm")).find((g) => g.sheetName === REGISTER)!;
    const at = (r: number, c: number) => reg.values[r - 1 - reg.rowOffset]?.[c];
    expect(at(3, 9)).toBe(` Update & review <ok> "quoted" it's 🚦 `);
    expect(at(5, 9)).toBe("Alarm\u0007raised _x0041_ literal");
    // The officer's own notes read as they did.
    expect(at(3, 10)).toBe(RICH_NOTE_RUNS.join(""));
    expect(at(4, 10)).toBe(SPACED_NOTE);
  });

  it("keeps the officer's d mmm yyyy format on a date it changes, and shows the new risk's date as a date", async () => {
    const reg = (await readXlsx(fs.readFileSync(out), "Merged.xlsm")).find((g) => g.sheetName === REGISTER)!;
    const old = (await readXlsx(fs.readFileSync(into), "Register.xlsm")).find(
      (g) => g.sheetName === REGISTER,
    )!;
    const row = (r: number) => r - 1 - reg.rowOffset;
    expect(reg.values[row(3)][8]).toBe(44837);
    const officersFormat = old.numberFormats?.[r0(old, 3)]?.[8];
    expect(officersFormat).toMatch(/d.*mmm.*yyyy/);
    expect(reg.numberFormats?.[row(3)]?.[8]).toBe(officersFormat);
    const newRow = reg.values.findIndex((v) => v[0] === "R-004");
    expect(newRow).toBeGreaterThan(0);
    expect(reg.values[newRow][8]).toBe(44837);
    expect(reg.numberFormats?.[newRow]?.[8] ?? "").toMatch(/[dy]/i);
  });

  it("backs the register up with the officer's notes as they read: rich text, spaces and the formula's cached text", async () => {
    const grids = await readXlsx(fs.readFileSync(out), "Merged.xlsm");
    const backup = grids.find((g) => g.sheetName.startsWith("Backup"))!;
    const flat = backup.values.flat();
    expect(flat).toEqual(
      expect.arrayContaining([RICH_NOTE_RUNS.join(""), SPACED_NOTE, "Days: 35", "Reviewed at RMB"]),
    );
  });

  it("refuses to write over the register itself (--out naming --into by another spelling), leaving it byte for byte", async () => {
    const same = path.join(dir, ".", "..", "import", "Register.xlsm");
    const r = await runMain(importArgs(exportFile, into, same));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/input file/);
    expect(sha(into)).toBe(intoSha);
  });
});
