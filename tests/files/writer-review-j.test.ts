// Review of the .xlsx writer (import into a workbook): workbooks holding legal parts the writer may
// mishandle. Each test names the SPEC line it relies on. These tests fail because the product is wrong.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { runImport } from "../../src/cli/import-command";
import { readXlsx } from "../../src/files/read-xlsx";
import type { CliOutput } from "../../src/cli/check-command";
import { featureWorkbookParts, FEATURE_HEADERS } from "../helpers/feature-workbook";
import { wellFormedProblem } from "../helpers/xml-well-formed";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-rev-j-"));
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const csvCell = (v: string | number) => (typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

type Row = (string | number)[];
/** This month's export: R-001's update changed, R-002 and R-003 as they were, R-004 new. */
const EXPORT: Row[] = [
  ["R-001", "Carriageway resurfacing delayed", "J Smith", 3, 4, 12, "Open", "Reviewed in October"],
  ["R-002", "Gully cleansing backlog", "A Khan", 2, 3, 6, "Open", "Contractor recovering"],
  ["R-003", "Winter salt stock", "P Jones", 2, 2, 4, "Open", "Stock checked"],
  ["R-004", "Street lighting column failures", "P Jones", 3, 3, 9, "Open", "New this month"],
];

interface Run {
  code: number;
  error: unknown;
  json: {
    risks: { notWritten: { cell: string; reason: string }[]; changed: { cells: { cell: string }[] }[] };
  } | null;
  input: Uint8Array;
  before: Record<string, Uint8Array>;
  after: Record<string, Uint8Array>;
}

let seq = 0;
/** Zips `parts`, runs `risk-review import` of `rows` into it, and unzips before and after. */
async function importInto(parts: Record<string, string | Uint8Array>, rows: Row[] = EXPORT): Promise<Run> {
  const n = ++seq;
  const into = path.join(tmp, `Register${n}.xlsm`);
  const out = path.join(tmp, `Merged${n}.xlsm`);
  const exportFile = path.join(tmp, `IRIS export ${n}.csv`);
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === "string" ? strToU8(v) : v;
  fs.writeFileSync(into, zipSync(files));
  fs.writeFileSync(exportFile, [FEATURE_HEADERS, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n"));
  let stdout = "";
  const output: CliOutput = { stdout: (t) => (stdout += t), stderr: () => undefined };
  let code = -1;
  let error: unknown = null;
  try {
    code = await runImport(
      { command: "import", export: exportFile, into, out, format: "json", asAt: "2022-10-10" },
      output,
    );
  } catch (e) {
    error = e;
  }
  return {
    code,
    error,
    json: stdout ? JSON.parse(stdout) : null,
    input: new Uint8Array(fs.readFileSync(into)),
    before: unzipSync(new Uint8Array(fs.readFileSync(into))),
    after: fs.existsSync(out) ? unzipSync(new Uint8Array(fs.readFileSync(out))) : {},
  };
}

/** A SpreadsheetML part written with an `x:` prefix for the main namespace (as the Open XML SDK writes it). */
function prefixed(xml: string): string {
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, "<$1x:$2");
}

/** Local names of the elements of a part that are in no namespace (Excel cannot place them). */
function elementsInNoNamespace(bytes: Uint8Array): string[] {
  const found: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on("opentag", (node) => {
    if (node.uri === "") found.push(node.local);
  });
  p.write(text(bytes)).close();
  return [...new Set(found)];
}

const REGISTER = "xl/worksheets/sheet1.xml";

describe("writer review j: parts the writer mishandles", () => {
  // SPEC Writing files: "The command line writes workbooks itself (Excel does, in the task pane); it must
  // be as careful as Excel" and "Lossless: an import's output is the officer's workbook with only the
  // listed cells, the new rows, the backup sheet and the log changed."
  it("keeps a register written with an x: namespace prefix well-formed, its new cells in the sheet's namespace", async () => {
    const parts = featureWorkbookParts();
    parts[REGISTER] = prefixed(parts[REGISTER] as string);
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    const sheet = r.after[REGISTER];
    expect(wellFormedProblem(sheet)).toBeNull();
    expect(elementsInNoNamespace(sheet)).toEqual([]);
  });

  // SPEC Writing files: "An import with changes copies the register first (a dated owned backup)"
  // (Imports) and the file must open in Excel: the backup of an x:-prefixed register must be well-formed.
  it("writes the backup of an x:-prefixed register as a well-formed sheet in the main namespace", async () => {
    const parts = featureWorkbookParts();
    parts[REGISTER] = prefixed(parts[REGISTER] as string);
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    const added = Object.keys(r.after).filter(
      (p) => r.before[p] === undefined && p.startsWith("xl/worksheets/"),
    );
    expect(added.length).toBeGreaterThan(0);
    for (const p of added) {
      expect([p, wellFormedProblem(r.after[p])]).toEqual([p, null]);
      expect([p, elementsInNoNamespace(r.after[p])]).toEqual([p, []]);
    }
  });

  // SPEC Writing files: "it must be as careful as Excel" — the new tabs' <sheet> entries and print-title
  // names must be SpreadsheetML elements, or Excel cannot see the Import Log and backup it was told about.
  it("adds the new tabs to an x:-prefixed workbook.xml as x:sheet / x:definedName, not elements in no namespace", async () => {
    const parts = featureWorkbookParts();
    parts["xl/workbook.xml"] = prefixed(parts["xl/workbook.xml"] as string);
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    expect(wellFormedProblem(r.after["xl/workbook.xml"])).toBeNull();
    expect(elementsInNoNamespace(r.after["xl/workbook.xml"])).toEqual([]);
  });

  // SPEC Writing files: "it must be as careful as Excel"; DESIGN: "A styles entry the new tabs need is
  // appended to styles.xml's lists" — appended in the list's own namespace.
  it("appends fonts, fills, borders, number formats and xfs to an x:-prefixed styles.xml in its namespace", async () => {
    const parts = featureWorkbookParts();
    parts["xl/styles.xml"] = prefixed(parts["xl/styles.xml"] as string);
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    expect(elementsInNoNamespace(r.after["xl/styles.xml"])).toEqual([]);
  });

  // SPEC Writing files, Formulas: "a register cell holding a formula is never replaced by a value; where
  // the export says otherwise, the preview and the Import Log say "kept formula" with both values."
  // F3 is part of the multi-cell array formula {=D2:D4*E2:E4} (its master is F2).
  it("never writes a value into a cell of a multi-cell array formula: it is a kept formula", async () => {
    const parts = featureWorkbookParts();
    parts[REGISTER] = (parts[REGISTER] as string)
      .replace('<f t="shared" ref="F2:F4" si="0">D2*E2</f>', '<f t="array" ref="F2:F4">D2:D4*E2:E4</f>')
      .replace(/<f t="shared" si="0"\/>/g, "");
    const rows = EXPORT.map((row) => [...row]);
    rows[1][5] = 10; // the export says R-002 scores 10; the register's array formula says 6
    const r = await importInto(parts, rows);
    expect(r.error).toBeNull();
    expect(text(r.after[REGISTER])).toContain('<c r="F3" s="2"><v>6</v></c>');
    expect(r.json!.risks.notWritten).toEqual(
      expect.arrayContaining([expect.objectContaining({ cell: "F3", reason: "kept-formula" })]),
    );
  });

  // SPEC Writing files, Not a workbook: "damaged files (missing parts, bad string indexes, duplicate
  // entries) are refused as damaged, naming the part." A register part saved as UTF-16 (legal XML, and
  // OPC allows it; the reader reads it) is not damaged: the import must write its merged output.
  it("imports into a workbook whose register part is UTF-16 instead of refusing it as damaged", async () => {
    const parts = featureWorkbookParts();
    const xml = (parts[REGISTER] as string).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    parts[REGISTER] = new Uint8Array(Buffer.from(`\ufeff${xml}`, "utf16le"));
    const r = await importInto(parts);
    // The reader reads the register as it is …
    const read = await readXlsx(r.input, "Register.xlsm");
    expect(read.find((g) => g.sheetName === "Register")?.values[1]?.[0]).toBe("R-001");
    // … but the writer refuses the same file as damaged (without naming a part).
    expect(r.error).toBeNull();
    expect(r.code).not.toBe(-1);
    expect(Object.keys(r.after)).toContain(REGISTER);
  });

  // SPEC Writing files: "Lossless: ... defined names (sheet-scoped ones stay sheet-scoped)" and the file
  // must open in Excel without repair: workbook.xml may hold one <definedNames> only.
  it("adds print titles into an empty self-closing <definedNames/>, not a second definedNames element", async () => {
    const parts = featureWorkbookParts();
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
      /<definedNames>[\s\S]*<\/definedNames>/,
      "<definedNames/>",
    );
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    expect(text(r.after["xl/workbook.xml"]).match(/<definedNames\b/g)).toHaveLength(1);
  });

  // SPEC Writing files: "it must be as careful as Excel" — every written part well-formed. A workbook
  // with no <calcPr> whose workbookView carries an <extLst>: asking for recalculation on open must not
  // splice the new sheets into the middle of an attribute.
  it("keeps workbook.xml well-formed when it has no calcPr and its workbookView has an extLst", async () => {
    const parts = featureWorkbookParts();
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string)
      .replace(
        'activeTab="0"/>',
        'activeTab="0"><extLst><ext uri="{E5A1F3B2-0000-4000-8000-000000000001}"/></extLst></workbookView>',
      )
      .replace('<calcPr calcId="191029"/>', "");
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    const wb = r.after["xl/workbook.xml"];
    expect(wellFormedProblem(wb)).toBeNull();
    expect(text(wb)).toContain('<sheet name="Pivot" sheetId="3" r:id="rId3"/>');
  });

  // SPEC Imports: "merge it into the register the officer picks" and Writing files "Lossless". A
  // workbook.xml.rels whose attributes are single-quoted (legal XML; the reader finds the register) must
  // not make the writer say the register "is not in the workbook".
  it("imports into a workbook whose workbook.xml.rels uses single-quoted attributes", async () => {
    const parts = featureWorkbookParts();
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
      /(Id|Type|Target)="([^"]*)"/g,
      "$1='$2'",
    );
    const r = await importInto(parts);
    // The reader finds the register …
    const read = await readXlsx(r.input, "Register.xlsm");
    expect(read.map((g) => g.sheetName)).toContain("Register");
    // … the writer says it "is not in the workbook, so it cannot be backed up".
    expect(r.error).toBeNull();
    expect(Object.keys(r.after)).toContain(REGISTER);
  });

  // SPEC Writing files, Tables: "new rows appended to a register that is an Excel table extend the table
  // (its range and its filter); nothing else about the table changes." and Lossless: "Every other part of
  // the file stays as it was, byte for byte where possible". A second table (a key in J1:K4) beside the
  // register gets nothing written in it and must not grow.
  it("grows only the register's table, not another table on the sheet that ends on the same row", async () => {
    const parts = featureWorkbookParts();
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
      parts["xl/worksheets/_rels/sheet1.xml.rels"] as string
    ).replace(
      "</Relationships>",
      `<Relationship Id="rId3" Type="${REL}/table" Target="../tables/table2.xml"/></Relationships>`,
    );
    parts[REGISTER] = (parts[REGISTER] as string)
      .replace(
        /(<row r="(\d)"[^>]*>)([\s\S]*?)<\/row>/g,
        (_a, open: string, n: string, body: string) =>
          `${open}${body}<c r="J${n}" t="inlineStr"><is><t>${n === "1" ? "Key" : `k${n}`}</t></is></c><c r="K${n}"${n === "1" ? ' t="inlineStr"><is><t>Value</t></is>' : `><v>${n}</v>`}</c></row>`,
      )
      .replace(
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
        '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId3"/></tableParts>',
      );
    parts["xl/tables/table2.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="2" name="Key" displayName="Key" ref="J1:K4" totalsRowShown="0">` +
      `<autoFilter ref="J1:K4"/><tableColumns count="2"><tableColumn id="1" name="Key"/><tableColumn id="2" name="Value"/></tableColumns>` +
      `<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
      "</Types>",
      '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
    );
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    expect(text(r.after["xl/tables/table1.xml"])).toContain('ref="A1:H5"');
    expect(text(r.after["xl/tables/table2.xml"])).toBe(text(r.before["xl/tables/table2.xml"]));
  });

  // The same key, running three rows further down than the risks (J1:K7): the new risk still goes straight
  // below the register, inside its table, not below the key's end with empty rows between (never-happen review).
  it("puts the new risk straight below the register's table when a key beside it runs further down", async () => {
    const parts = featureWorkbookParts();
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
      parts["xl/worksheets/_rels/sheet1.xml.rels"] as string
    ).replace(
      "</Relationships>",
      `<Relationship Id="rId3" Type="${REL}/table" Target="../tables/table2.xml"/></Relationships>`,
    );
    const keyCells = (n: number) =>
      `<c r="J${n}" t="inlineStr"><is><t>${n === 1 ? "Key" : `k${n}`}</t></is></c><c r="K${n}"${n === 1 ? ' t="inlineStr"><is><t>Value</t></is>' : `><v>${n}</v>`}</c>`;
    parts[REGISTER] = (parts[REGISTER] as string)
      .replace(
        /(<row r="(\d)"[^>]*>)([\s\S]*?)<\/row>/g,
        (_a, open: string, n: string, body: string) => `${open}${body}${keyCells(Number(n))}</row>`,
      )
      .replace(
        "</sheetData>",
        [5, 6, 7].map((n) => `<row r="${n}">${keyCells(n)}</row>`).join("") + "</sheetData>",
      )
      .replace(
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
        '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId3"/></tableParts>',
      );
    parts["xl/tables/table2.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="2" name="Key" displayName="Key" ref="J1:K7" totalsRowShown="0">` +
      `<autoFilter ref="J1:K7"/><tableColumns count="2"><tableColumn id="1" name="Key"/><tableColumn id="2" name="Value"/></tableColumns>` +
      `<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
      "</Types>",
      '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
    );
    const r = await importInto(parts);
    expect(r.error).toBeNull();
    expect(text(r.after["xl/tables/table1.xml"])).toContain('ref="A1:H5"');
    expect(text(r.after["xl/tables/table2.xml"])).toBe(text(r.before["xl/tables/table2.xml"]));
    expect(text(r.after[REGISTER])).toMatch(/<row r="5"[^>]*>(?:(?!<\/row>)[\s\S])*<c r="A5"/);
  });
});
