// `risk-review import` into a register that is an Excel table with a totals row: new risks go inside the
// table, above its Total row (as Excel's Table Rows Above does), or, when something sits below the Total
// row, below it with a plain note.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import { readXlsx } from "../../src/files/read-xlsx";
import { FEATURE_HEADERS } from "../helpers/feature-workbook";
import { quotedCsv, writeImportFiles } from "../helpers/import-files";
import { DECL, MAIN, PKG_REL, R, REL, zipParts } from "../helpers/ooxml";
import { wellFormedProblem } from "../helpers/xml-well-formed";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-totals-"));
const RISKS: [string, string, string, number, number, number, string, string][] = [
  ["R-001", "Carriageway resurfacing delayed", "J Smith", 3, 4, 12, "Open", "Reviewed in September"],
  ["R-002", "Gully cleansing backlog", "A Khan", 2, 3, 6, "Open", "Contractor recovering"],
  ["R-003", "Winter salt stock", "P Jones", 2, 2, 4, "Open", "Stock checked"],
];

const col = (c: number) => String.fromCharCode(65 + c);
const str = (ref: string, s: string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t>${s}</t></is></c>`;

/**
 * The register as Excel writes a table with a totals row: header in row 1, risks in rows 2–4, the Total
 * row in row 5 (a label, SUBTOTAL over structured references, and one plain A1 SUM); the table's ref ends
 * on the Total row, its autoFilter on the last risk. `below` adds a note two rows under the Total row.
 */
function registerWorkbook(below: boolean, totalNamed = false, noteRow = 7): Uint8Array {
  const header = FEATURE_HEADERS.map((h, c) => str(`${col(c)}1`, h, 1)).join("");
  const rows = RISKS.map((r, i) => {
    const n = i + 2;
    return (
      `<row r="${n}" spans="1:8">` +
      r
        .map((v, c) =>
          typeof v === "number" ? `<c r="${col(c)}${n}"><v>${v}</v></c>` : str(`${col(c)}${n}`, v),
        )
        .join("") +
      `</row>`
    );
  }).join("");
  const total =
    `<row r="5" spans="1:8" ht="18" customHeight="1">${str("A5", "Total", 2)}` +
    `<c r="D5" s="2"><f>SUBTOTAL(109,RiskTable[Current Likelihood])</f><v>7</v></c>` +
    `<c r="E5" s="2"><f>SUM(E2:E4)</f><v>9</v></c>` +
    `<c r="F5" s="2"><f>SUBTOTAL(109,RiskTable[Current Risk Score])</f><v>22</v></c></row>`;
  const note = below ? `<row r="${noteRow}">${str(`A${noteRow}`, "Checked by finance")}</row>` : "";
  const sheet =
    `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1:H${below ? noteRow : 5}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData><row r="1" spans="1:8">${header}</row>${rows}${total}${note}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const table =
    `${DECL}<table ${MAIN} id="1" name="RiskTable" displayName="RiskTable" ref="A1:H5" totalsRowCount="1">` +
    `<autoFilter ref="A1:H4"/><tableColumns count="8">` +
    FEATURE_HEADERS.map((h, i) =>
      i === 0
        ? `<tableColumn id="1" name="${h}" totalsRowLabel="Total"/>`
        : i === 3 || i === 5
          ? `<tableColumn id="${i + 1}" name="${h}" totalsRowFunction="sum"/>`
          : i === 4
            ? `<tableColumn id="5" name="${h}" totalsRowFunction="custom"><totalsRowFormula>SUM(E2:E4)</totalsRowFormula></tableColumn>`
            : `<tableColumn id="${i + 1}" name="${h}"/>`,
    ).join("") +
    `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const styles =
    `${DECL}<styleSheet ${MAIN}><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${DECL}<workbook ${MAIN} ${R}><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="Owners">Register!$C$2:$C$4</definedName>${totalNamed ? '<definedName name="TotalScore">Register!$F$5</definedName>' : ""}</definedNames><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
    "xl/worksheets/_rels/sheet1.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/tables/table1.xml": table,
    "xl/styles.xml": styles,
  };
  return zipParts(parts);
}

/** This month's export: the three risks as they were, and two new ones. */
function exportCsv(): string {
  return quotedCsv([
    FEATURE_HEADERS,
    ...RISKS,
    ["R-004", "Street lighting column failures", "P Jones", 3, 3, 9, "Open", "New this month"],
    ["R-005", "Bridge inspection overdue", "J Smith", 2, 4, 8, "Open", "New this month"],
  ]);
}

const unzip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function importInto(below: boolean, format: "json" | "text", totalNamed = false, noteRow = 7) {
  const name = `${below ? "below" : "last"}-${format}${totalNamed ? "-named" : ""}${noteRow === 7 ? "" : `-${noteRow}`}`;
  const { into, exportFile, out } = writeImportFiles(
    tmp,
    name,
    registerWorkbook(below, totalNamed, noteRow),
    exportCsv(),
  );
  let stdout = "";
  const output: CliOutput = { stdout: (t) => (stdout += t), stderr: () => undefined };
  const code = await runImport(
    { command: "import", export: exportFile, into, out, format, asAt: "2022-10-10" },
    output,
  );
  return { code, stdout, into, out };
}

/** A `<row>` of a worksheet part, whole. */
const rowXml = (sheet: string, n: number) =>
  new RegExp(`<row r="${n}"[^>]*>[\\s\\S]*?</row>`).exec(sheet)?.[0] ?? null;

describe("import into a register table whose totals row is the last thing on the sheet", () => {
  let run: Awaited<ReturnType<typeof importInto>>;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;

  beforeAll(async () => {
    run = await importInto(false, "json");
    before = unzip(run.into);
    after = unzip(run.out);
  });

  it("writes the new risks where the Total row was, inside the table", async () => {
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { risks: { new: { id: string; row: number }[] } };
    expect(json.risks.new).toEqual([
      expect.objectContaining({ id: "R-004", row: 5 }),
      expect.objectContaining({ id: "R-005", row: 6 }),
    ]);
    const grid = (await readXlsx(fs.readFileSync(run.out), "m.xlsx")).find(
      (g) => g.sheetName === "Register",
    )!;
    expect(grid.values[4].slice(0, 3)).toEqual(["R-004", "Street lighting column failures", "P Jones"]);
    expect(grid.values[5].slice(0, 3)).toEqual(["R-005", "Bridge inspection overdue", "J Smith"]);
    expect(grid.values[6][0]).toBe("Total");
    expect(grid.totalsRows).toEqual([6]);
  });

  it("moves the Total row below them: its height, styles and formulas, an A1 range over the risks extended", () => {
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    const total = rowXml(sheet, 7);
    expect(total).not.toBeNull();
    expect(total).toContain('ht="18" customHeight="1"');
    expect(total).toContain('<c r="A7" s="2" t="inlineStr"><is><t>Total</t></is></c>');
    expect(total).toContain('<c r="D7" s="2"><f>SUBTOTAL(109,RiskTable[Current Likelihood])</f><v>7</v></c>');
    expect(total).toContain('<c r="E7" s="2"><f>SUM(E2:E6)</f><v>9</v></c>');
    expect(total).toContain(
      '<c r="F7" s="2"><f>SUBTOTAL(109,RiskTable[Current Risk Score])</f><v>22</v></c>',
    );
    expect(rowXml(sheet, 5)).not.toContain("Total");
    expect(rowXml(sheet, 5)).not.toContain("<f>");
    expect(sheet).toContain('<dimension ref="A1:H7"/>');
    // The rows above are as they were.
    const b = text(before["xl/worksheets/sheet1.xml"]);
    for (const n of [1, 2, 3, 4]) expect(rowXml(sheet, n)).toBe(rowXml(b, n));
    expect(wellFormedProblem(after["xl/worksheets/sheet1.xml"])).toBeNull();
  });

  it("grows the table's ref and its filter (which ends on the last risk) by the new rows, and nothing else", () => {
    expect(text(after["xl/tables/table1.xml"])).toBe(
      text(before["xl/tables/table1.xml"])
        .replace('ref="A1:H5"', 'ref="A1:H7"')
        .replace('<autoFilter ref="A1:H4"/>', '<autoFilter ref="A1:H6"/>')
        .replace(
          "<totalsRowFormula>SUM(E2:E4)</totalsRowFormula>",
          "<totalsRowFormula>SUM(E2:E6)</totalsRowFormula>",
        ),
    );
  });

  it("keeps every other part of the workbook byte for byte", () => {
    const changed = new Set([
      "xl/worksheets/sheet1.xml",
      "xl/tables/table1.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    for (const p of Object.keys(before).filter((k) => !changed.has(k)))
      expect([p, Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p]))]).toEqual([p, 0]);
    const names = (b: Uint8Array) => /<definedNames>[\s\S]*<\/definedNames>/.exec(text(b))![0];
    // Print titles of the new tabs are added after the workbook's own names, which stay as they were.
    expect(
      names(after["xl/workbook.xml"]).startsWith(
        names(before["xl/workbook.xml"]).replace("</definedNames>", ""),
      ),
    ).toBe(true);
  });

  it("says in the Import Log that the totals row moved", async () => {
    const log = (await readXlsx(fs.readFileSync(run.out), "m.xlsx")).find(
      (g) => g.sheetName === "Import Log",
    )!;
    const row = log.values.find((r) => r.some((v) => typeof v === "string" && /totals row/i.test(v)));
    expect(row).toBeDefined();
    expect(row!.join(" | ")).toMatch(/row 5.*row 7/);
  });

  it("changes nothing when the same export is imported into the merged output", async () => {
    const again = path.join(tmp, "again.xlsx");
    let stdout = "";
    await runImport(
      {
        command: "import",
        export: path.join(tmp, "last-json-export.csv"),
        into: run.out,
        out: again,
        format: "json",
        asAt: "2022-10-10",
      },
      { stdout: (t) => (stdout += t), stderr: () => undefined },
    );
    expect(JSON.parse(stdout).cellsWritten).toBe(0);
  });
});

describe("import into a register table with something below its totals row", () => {
  it("writes the new risks below, moves nothing, and says plainly that they are outside the table", async () => {
    const run = await importInto(true, "text");
    expect(run.code).toBe(0);
    const before = unzip(run.into);
    const after = unzip(run.out);
    expect(text(after["xl/tables/table1.xml"])).toBe(text(before["xl/tables/table1.xml"]));
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    const b = text(before["xl/worksheets/sheet1.xml"]);
    for (const n of [1, 2, 3, 4, 5, 7]) expect(rowXml(sheet, n)).toBe(rowXml(b, n));
    // The note "Checked by finance" (row 7) would be read as the new risks' section heading: a heading of
    // their own goes above them (rv-imp30, decision 7), then the risks.
    expect(rowXml(sheet, 8)).toContain("New risks – IRIS import 10/10/2022");
    expect(rowXml(sheet, 9)).toContain("R-004");
    expect(rowXml(sheet, 10)).toContain("R-005");
    expect(run.stdout).toMatch(/rows 9–10\b.*below the table's totals row \(row 5\).*outside the table/);
    const log = (await readXlsx(fs.readFileSync(run.out), "m.xlsx")).find(
      (g) => g.sheetName === "Import Log",
    )!;
    const row = log.values.find((r) => r.some((v) => typeof v === "string" && /outside the table/.test(v)));
    expect(row).toBeDefined();
  });
});

describe("import into a register table with enough blank rows between its totals row and a note below", () => {
  it("writes the new risks inside the table, moves the totals row into the blank rows, and leaves the note where it was", async () => {
    // rv-imp30 (decision 4): rows 6 and 7 are blank, the note is on row 8; the two new risks take rows 5–6
    // and the Total row moves to row 7; the note's row is byte for byte as it was.
    const run = await importInto(true, "text", false, 8);
    expect(run.code).toBe(0);
    const before = unzip(run.into);
    const after = unzip(run.out);
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    const b = text(before["xl/worksheets/sheet1.xml"]);
    for (const n of [1, 2, 3, 4, 8]) expect(rowXml(sheet, n)).toBe(rowXml(b, n));
    expect(rowXml(sheet, 5)).toContain("R-004");
    expect(rowXml(sheet, 6)).toContain("R-005");
    expect(rowXml(sheet, 7)).toBe(
      rowXml(b, 5)!
        .replace(/(r="[A-Z]*)5"/g, '$17"')
        .replace("SUM(E2:E4)", "SUM(E2:E6)"),
    );
    expect(sheet).toContain('<dimension ref="A1:H8"/>');
    expect(text(after["xl/tables/table1.xml"])).toContain('ref="A1:H7"');
    expect(run.stdout).toMatch(/totals row moves from row 5 to row 7.*into the blank rows under it/);
  });
});

describe("import into a register table whose totals row a name (or a formula elsewhere) refers to", () => {
  it("moves nothing, so the name still means the total, and says why the new risks are outside the table", async () => {
    // Moving the Total row would leave "TotalScore" (Register!$F$5) pointing at a new risk's score, silently.
    const run = await importInto(false, "text", true);
    expect(run.code).toBe(0);
    const before = unzip(run.into);
    const after = unzip(run.out);
    expect(text(after["xl/tables/table1.xml"])).toBe(text(before["xl/tables/table1.xml"]));
    const sheet = text(after["xl/worksheets/sheet1.xml"]);
    const b = text(before["xl/worksheets/sheet1.xml"]);
    for (const n of [1, 2, 3, 4, 5]) expect(rowXml(sheet, n)).toBe(rowXml(b, n));
    expect(rowXml(sheet, 6)).toContain("R-004");
    expect(rowXml(sheet, 7)).toContain("R-005");
    // Review 31: the new risks under the Total row look like the risks, not like the Total row (style 2).
    expect([rowXml(sheet, 6), rowXml(sheet, 7)].join("")).not.toMatch(/ s="2"/);
    expect(text(after["xl/workbook.xml"])).toContain(
      '<definedName name="TotalScore">Register!$F$5</definedName>',
    );
    expect(run.stdout).toMatch(/rows 6–7\b.*below the table's totals row \(row 5\).*outside the table/);
    expect(run.stdout).toMatch(/TotalScore/);
  });
});
