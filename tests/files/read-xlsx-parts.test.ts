// readXlsx on workbooks written part by part: inline strings, t="d", 1904 dates, escapes, missing r attributes, rels.

import { strToU8, zipSync } from "fflate";
import type { Grid } from "../../src/core/model/grid";
import { readXlsx } from "../../src/files/read-xlsx";
import { expectFileReadError } from "./helpers";
import { rawXlsx, type RawWorkbook } from "./xlsx-raw-parts";

async function read(wb: RawWorkbook): Promise<Grid[]> {
  return readXlsx(rawXlsx(wb), "parts.xlsx");
}

async function one(rows: string, extra: Partial<RawWorkbook> = {}): Promise<Grid> {
  const grids = await read({ sheets: [{ name: "S", rows }], ...extra });
  return grids[0];
}

describe("cell types", () => {
  it.each<[string, string, unknown]>([
    ["an inline string", '<c r="A1" t="inlineStr"><is><t>Ann</t></is></c>', "Ann"],
    [
      "an inline rich string, phonetic run left out",
      '<c r="A1" t="inlineStr"><is><r><t>Plain </t></r><r><rPr><b/></rPr><t>bold</t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c>',
      "Plain bold",
    ],
    ["an empty inline string", '<c r="A1" t="inlineStr"><is><t/></is></c>', null],
    ["a formula string result", '<c r="A1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c>', "a&b"],
    ["a formula's cached 0 (exceljs lost it)", '<c r="A1"><f>1-1</f><v>0</v></c>', 0],
    ["a formula's cached FALSE", '<c r="A1" t="b"><f>1=2</f><v>0</v></c>', false],
    // Saved with no result: worked out as Excel does on opening (a blank cell's reference shows 0) …
    ["a formula with no cached value", '<c r="A1"><f>A2</f></c>', 0],
    // … unless it is one the reader does not work out: then it holds no value (and the check says why).
    ["a formula with no cached value, not worked out", '<c r="A1"><f>VLOOKUP(1,B:C,2,0)</f></c>', null],
    ["a boolean TRUE", '<c r="A1" t="b"><v>1</v></c>', true],
    ["an error", '<c r="A1" t="e"><v>#N/A</v></c>', "#N/A"],
    ["an explicit number", '<c r="A1" t="n"><v>-1.5E-3</v></c>', -0.0015],
    ["a long integer", '<c r="A1"><v>1234567890123456789</v></c>', 1234567890123456789],
    ["a number that is not one", '<c r="A1"><v>abc</v></c>', null],
    ["a cell with only a style", '<c r="A1" s="1"/>', null],
    ["an ISO date (t=d)", '<c r="A1" t="d"><v>2024-03-31</v></c>', 45382],
    ["an ISO date-time (t=d)", '<c r="A1" t="d"><v>2024-03-31T18:00:00Z</v></c>', 45382.75],
    ["an ISO date-time with an offset", '<c r="A1" t="d"><v>2024-03-31T06:00:00.000+01:00</v></c>', 45382.25],
    ["an impossible ISO date kept as text", '<c r="A1" t="d"><v>2024-02-31</v></c>', "2024-02-31"],
    ["text split by a comment", '<c r="A1" t="str"><v>a<!-- x -->b</v></c>', "ab"],
    ["text in CDATA", '<c r="A1" t="inlineStr"><is><t><![CDATA[<b> & c]]></t></is></c>', "<b> & c"],
  ])("%s", async (_name, cell, expected) => {
    const g = await one(`<row r="1">${cell}</row>`, {
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="0"/>'],
    });
    expect(g.values[0]?.[0] ?? null).toEqual(expected);
  });

  it("gives a t=d date its own date format, or the default when the style is not a date", async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="d" s="1"><v>2024-03-31</v></c><c r="B1" t="d" s="2"><v>2024-03-31</v></c><c r="C1" t="d"><v>2024-03-31</v></c></row>',
      {
        numFmts: ['<numFmt numFmtId="164" formatCode="d mmm yyyy"/>'],
        cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164"/>', '<xf numFmtId="2"/>'],
      },
    );
    expect(g.numberFormats![0]).toEqual(["d mmm yyyy", "yyyy-mm-dd", "yyyy-mm-dd"]);
  });
});

describe("dates and number formats", () => {
  const styles: Partial<RawWorkbook> = {
    numFmts: [
      '<numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/>',
      '<numFmt numFmtId="165" formatCode="0.0 &quot;days&quot;"/>',
      '<numFmt numFmtId="166" formatCode="[$-809]dd mmmm yyyy;@"/>',
    ],
    cellXfs: [
      '<xf numFmtId="14"/>',
      '<xf numFmtId="164"/>',
      '<xf numFmtId="165"/>',
      '<xf numFmtId="14"/>',
      '<xf numFmtId="166" applyNumberFormat="1"><alignment wrapText="1"/></xf>',
      '<xf numFmtId="46"/>',
      '<xf numFmtId="4"/>',
    ],
  };
  const row =
    '<row r="1"><c r="A1" s="1"><v>45382</v></c><c r="B1" s="2"><v>2.5</v></c><c r="C1" s="3"><v>45382.5</v></c>' +
    '<c r="D1" s="4"><v>45382</v></c><c r="E1" s="5"><v>1.5</v></c><c r="F1" s="6"><v>1234.5</v></c><c r="G1" s="0"><v>45382</v></c></row>';

  it("reads dates as 1900-system serials with their formats (backslash escapes dropped, as before)", async () => {
    const g = await one(row, styles);
    expect(g.values[0]).toEqual([45382, 2.5, 45382.5, 45382, 1.5, 1234.5, 45382]);
    expect(g.numberFormats![0]).toEqual([
      "dd/mm/yyyy",
      '0.0 "days"',
      "mm-dd-yy",
      "[$-809]dd mmmm yyyy;@",
      "[h]:mm:ss",
      "#,##0.00",
      // Style 0 has no format, as with exceljs, even when its xf names a date.
      null,
    ]);
  });

  it("shifts a 1904 workbook's dates to the 1900 system, leaving other numbers alone", async () => {
    const g = await one(row, { ...styles, date1904: true });
    expect(g.values[0]).toEqual([45382 + 1462, 2.5, 45382.5 + 1462, 45382 + 1462, 1.5 + 1462, 1234.5, 45382]);
  });

  it("reads a date too large for any calendar as empty", async () => {
    const g = await one(
      '<row r="1"><c r="A1" s="1"><v>1E+300</v></c><c r="B1"><v>1E+300</v></c></row>',
      styles,
    );
    expect(g.values[0]).toEqual([null, 1e300]);
  });
});

describe("text decoding", () => {
  it.each<[string, string, string | null]>([
    ["named entities", "<t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;</t>", "<a> & \"b\" 'c'"],
    ["decimal and hex character references", "<t>&#163;5 &#x2192; &#X1F600;</t>", "£5 → 😀"],
    ["an unknown entity, kept as written", "<t>R&amp;D &nbsp; &#xZZ; &</t>", "R&D &nbsp; &#xZZ; &"],
    ["_xHHHH_ escapes", "<t>a_x000D_b_x0009_c</t>", "a\rb\tc"],
    ["an escaped literal _x sequence", "<t>_x005F_x000D_</t>", "_x000D_"],
    ["something that only looks like an escape", "<t>_x12_ _xZZZZ_ _x0041</t>", "_x12_ _xZZZZ_ _x0041"],
    ["line ends normalised, CR references kept", "<t>a\r\nb\rc&#13;d</t>", "a\nb\nc\rd"],
    ["whitespace kept with xml:space", '<t xml:space="preserve">  two  </t>', "  two  "],
    ["rich runs joined", "<r><t>One </t></r><r><rPr><i/></rPr><t>two</t></r>", "One two"],
    [
      "phonetic guide skipped",
      '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/>',
      "漢字",
    ],
    ["an empty item", "<t/>", null],
    ["UTF-8 multibyte", "<t>Café ’quoted’ €</t>", "Café ’quoted’ €"],
  ])("shared string with %s", async (_name, si, expected) => {
    const g = await one('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>', {
      sharedStrings: ["<t>first</t>", si],
    });
    expect(g.values[0]).toEqual([expected, "first"]);
  });

  it("refuses an out-of-range shared string index as damaged, naming the cell", async () => {
    await expect(
      one('<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>0</v></c></row>', {
        sharedStrings: ["<t>only</t>"],
      }),
    ).rejects.toThrow(
      '"parts.xlsx" is damaged: sheet "S", cell A1 uses shared string 7, but "xl/sharedStrings.xml" holds only 1',
    );
  });

  it("refuses a shared string when there is no shared strings part, naming the part", async () => {
    await expect(one('<row r="2"><c r="B2" t="s"><v>0</v></c></row>')).rejects.toThrow(
      '"parts.xlsx" is damaged: sheet "S", cell B2 uses shared string 0, but the part "xl/sharedStrings.xml" is missing',
    );
  });

  it("decodes entities in sheet names", async () => {
    const grids = await read({
      sheets: [{ name: "R&amp;D &lt;2024&gt;", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    expect(grids[0].sheetName).toBe("R&D <2024>");
  });
});

describe("rows and cells without r attributes", () => {
  it("places cells after the one before, and rows after the row before", async () => {
    const g = await one(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
    );
    expect(g.values).toEqual([
      [1, 2, null],
      [null, null, null],
      [null, 3, 4],
      [5, null, null],
    ]);
  });

  it("reads elements with namespace prefixes and lower-case or $-anchored references", async () => {
    const part =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="$b$1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="C2:D3"/></x:mergeCells></x:worksheet>';
    const grids = await read({ sheets: [{ name: "P", part }] });
    expect(grids[0].values).toEqual([[null, "b"]]);
  });
});

describe("merges, hidden rows, trimming", () => {
  it("reads hidden rows", async () => {
    const g = await one(
      '<row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>',
    );
    expect(g.values).toEqual([
      [1, null],
      [null, 2],
    ]);
  });

  it("keeps only the top-left value of a merge, lists merges in order and trims what they empty", async () => {
    const merged = await read({
      sheets: [
        {
          name: "M",
          rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c><c r="D3"><v>4</v></c></row>',
          after:
            '<mergeCells count="3"><mergeCell ref="C3:D4"/><mergeCell ref="A1:B1"/><mergeCell ref="H9:J10"/></mergeCells>',
        },
      ],
    });
    expect(merged[0].values).toEqual([
      [1, null, null],
      [null, null, null],
      [null, null, 3],
    ]);
    expect(merged[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });

  it("flags hidden and very hidden sheets", async () => {
    const grids = await read({
      sheets: [
        { name: "A", rows: "" },
        { name: "B", rows: "", state: "hidden" },
        { name: "C", rows: "", state: "veryHidden" },
      ],
    });
    expect(grids.map((g) => g.hidden ?? false)).toEqual([false, true, true]);
    expect(grids.map((g) => g.values)).toEqual([[], [], []]);
  });
});

describe("workbook parts and relationships", () => {
  const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';

  it("refuses a sheet whose part is missing as damaged, naming the part", async () => {
    await expect(
      read({ sheets: [{ name: "Gone", rows, target: "worksheets/gone.xml", path: "elsewhere/gone.xml" }] }),
    ).rejects.toThrow(
      '"parts.xlsx" is damaged: the part "xl/worksheets/gone.xml" holding sheet "Gone" is missing',
    );
  });

  it("follows absolute, relative and ../ targets and skips chart sheets", async () => {
    const grids = await read({
      sheets: [
        { name: "Abs", rows, target: "/xl/worksheets/abs.xml" },
        { name: "Rel", rows, target: "worksheets/Data Sheet.xml" },
        { name: "Up", rows, target: "../xl/worksheets/up.xml", path: "xl/worksheets/up.xml" },
        { name: "Chart", rows, target: "chartsheets/sheet1.xml", kind: "chartsheet" },
      ],
    });
    expect(grids.map((g) => g.sheetName)).toEqual(["Abs", "Rel", "Up"]);
  });

  it("reads a workbook with no styles and no shared strings", async () => {
    const g = await one(rows);
    expect(g.values).toEqual([[1]]);
    expect(g.numberFormats).toEqual([[null]]);
  });

  it("reads parts saved as UTF-16 with a byte-order mark", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><sst xmlns="x"><si><t>Zoë</t></si></sst>';
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const grids = await readXlsx(
      rawXlsx({
        sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
        sharedStrings: ["<t>x</t>"],
        extra: { "xl/sharedStrings.xml": utf16 },
      }),
      "utf16.xlsx",
    );
    expect(grids[0].values).toEqual([["Zoë"]]);
  });

  it("says a workbook whose sheets are all chart sheets has no worksheets", async () => {
    const err = await expectFileReadError(() =>
      read({ sheets: [{ name: "Chart", rows: "", target: "chartsheets/sheet1.xml", kind: "chartsheet" }] }),
    );
    expect(err.code).toBe("no-sheets");
  });
});

describe("limits are checked while scanning", () => {
  /** n rows × 2 columns of numbers, as sheet XML. */
  const rowsXml = (n: number): string => {
    const parts: string[] = [];
    for (let r = 1; r <= n; r++)
      parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
    return parts.join("");
  };

  it("refuses a sheet over maxRows with the exact count, naming its last row", async () => {
    const err = await expectFileReadError(() =>
      readXlsx(rawXlsx({ sheets: [{ name: "Big", rows: rowsXml(5000) }] }), "big.xlsx", { maxRows: 1000 }),
    );
    expect([err.code, err.sheet, err.cell]).toEqual(["too-many-rows", "Big", "A5000"]);
    expect(err.message).toBe(
      '"big.xlsx", sheet "Big" has 5,000 rows of data; the most this can read is 1,000',
    );
  });

  it("refuses a sheet over maxCells with the exact count", async () => {
    const err = await expectFileReadError(() =>
      readXlsx(rawXlsx({ sheets: [{ name: "Big", rows: rowsXml(600) }] }), "big.xlsx", { maxCells: 1000 }),
    );
    expect(err.code).toBe("too-many-cells");
    expect(err.message).toBe(
      '"big.xlsx", sheet "Big" has 1,200 cells of data (600 rows × 2 columns); the most this can read is 1,000',
    );
  });

  it("refuses one cell far away (a huge column or row) without building the space before it", async () => {
    const far = await expectFileReadError(() => one('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'));
    expect(far.code).toBe("too-many-rows");
    const wide = await expectFileReadError(() => one('<row r="1"><c r="ZZZZZZZ1"><v>1</v></c></row>'));
    // Past the last column a sheet has (XFD): the file is damaged, and says which reference.
    expect(wide.code).toBe("damaged");
    expect(wide.message).toMatch(/ZZZZZZZ1/);
  });

  it("counts a million-row sheet to the end without building it, and refuses it", async () => {
    const row = "<row><c><v>1</v></c></row>";
    const bytes = zipSync(
      {
        "xl/workbook.xml": strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="M" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        "xl/worksheets/sheet1.xml": strToU8(
          `<worksheet><sheetData>${row.repeat(1_000_000)}</sheetData></worksheet>`,
        ),
      },
      { level: 1 },
    );
    const err = await expectFileReadError(() => readXlsx(bytes, "million.xlsx", { maxRows: 200_000 }));
    expect(err.code).toBe("too-many-rows");
    expect(err.message).toContain("has 1,000,000 rows");
  }, 30_000);
});
