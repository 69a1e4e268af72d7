// The .xlsx reader's part in reading real registers: fills of cells with no value (solid, theme and
// indexed colours, for colour-only RAG) and the totals rows of Excel tables (from the table parts).

import ExcelJS from "exceljs";
import { readXlsx } from "../../src/files/read-xlsx";
import { applyTint } from "../../src/files/xlsx/colours";
import { parseStyles } from "../../src/files/xlsx/styles";
import { parseThemeColours } from "../../src/files/xlsx/theme";
import { parseTotalsRows } from "../../src/files/xlsx/table-parts";

const enc = (s: string) => new TextEncoder().encode(s);

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Register"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const solid = (fg: Partial<ExcelJS.Color>): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: fg,
});

describe("fills of cells with no value", () => {
  it("are kept with their colour resolved: ARGB, theme (exceljs's theme) and indexed", async () => {
    const bytes = await workbook((ws) => {
      ws.getCell("A1").value = "RAG";
      ws.getCell("A2").fill = solid({ argb: "FFFF0000" });
      ws.getCell("A3").fill = solid({ theme: 6 });
      ws.getCell("A4").fill = solid({ indexed: 52 } as Partial<ExcelJS.Color>);
      ws.getCell("B2").value = "text keeps its text";
      ws.getCell("B2").fill = solid({ argb: "FF00B050" });
      ws.getCell("A5").value = "end";
    });
    const [grid] = await readXlsx(bytes, "fills.xlsx");
    expect(grid.blankFills).toEqual([
      { row: 1, col: 0, rgb: "FF0000" },
      { row: 2, col: 0, rgb: "9BBB59" },
      { row: 3, col: 0, rgb: "FF9900" },
    ]);
  });

  it("a pattern other than solid, or a fill outside the data, is not kept", async () => {
    const bytes = await workbook((ws) => {
      ws.getCell("A1").value = "RAG";
      ws.getCell("A2").fill = { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FFFF0000" } };
      ws.getCell("A9").fill = solid({ argb: "FFFF0000" });
    });
    const [grid] = await readXlsx(bytes, "fills.xlsx");
    expect(grid.blankFills).toBeUndefined();
  });
});

describe("fill colours as Excel shows them", () => {
  /** styles.xml with one solid fill per colour element given, each used by a cell style (1, 2 …). */
  function stylesWith(fgColors: string[], colors = ""): string {
    const fills = fgColors.map((fg) => `<fill><patternFill patternType="solid">${fg}</patternFill></fill>`);
    const xfs = fgColors.map((_, i) => `<xf numFmtId="0" fillId="${i + 2}"/>`);
    return (
      '<styleSheet xmlns="x"><fills count="2"><fill><patternFill patternType="none"/></fill>' +
      `<fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>` +
      `<cellXfs><xf numFmtId="0" fillId="0"/>${xfs.join("")}</cellXfs>${colors}</styleSheet>`
    );
  }

  it("reads every colour of Excel's legacy indexed palette (Light Green, Coral, Tan: a register begun as an .xls)", () => {
    const xml = stylesWith(['<fgColor indexed="42"/>', '<fgColor indexed="29"/>', '<fgColor indexed="47"/>']);
    expect(parseStyles(enc(xml)).fill.slice(1)).toEqual(["CCFFCC", "FF8080", "FFCC99"]);
  });

  it("reads an indexed colour from the workbook's own palette (<indexedColors>) where it has one", () => {
    const own = `<colors><indexedColors>${'<rgbColor rgb="FF000000"/>'.repeat(10)}<rgbColor rgb="FF00B050"/></indexedColors></colors>`;
    const xml = stylesWith(['<fgColor indexed="10"/>', '<fgColor indexed="42"/>'], own);
    // Index 10 is the workbook's own green; 42, beyond its list, is Excel's Light Green.
    expect(parseStyles(enc(xml)).fill.slice(1)).toEqual(["00B050", "CCFFCC"]);
  });

  it("applies a theme colour's tint (Lighter 80% … Darker 50%) as Excel shows it; white is no fill", () => {
    const theme = ["FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D", "9BBB59"];
    const xml = stylesWith([
      '<fgColor theme="6" tint="0.7999816888943144"/>',
      '<fgColor theme="5" tint="0.5999938962981048"/>',
      '<fgColor theme="4" tint="-0.249977111117893"/>',
      '<fgColor theme="0"/>',
    ]);
    expect(parseStyles(enc(xml), theme).fill.slice(1)).toEqual(["EBF1DE", "E6B9B8", "376092", null]);
  });

  it.each([
    ["9BBB59", 0.7999816888943144, "EBF1DE"], // Olive Green, Accent 3, Lighter 80%
    ["F79646", 0.3999755851924192, "FAC090"], // Orange, Accent 6, Lighter 40%
    ["1F497D", 0.3999755851924192, "558ED5"], // Dark Blue, Text 2, Lighter 40% (a dark colour: HSL, not per channel)
    ["70AD47", -0.499984740745262, "385724"], // Green, Accent 6 (Office 2013), Darker 50%
    ["FF0000", 0, "FF0000"],
  ])("tint: %s at %d is %s", (rgb, tint, shown) => {
    expect(applyTint(rgb, tint)).toBe(shown);
  });
});

describe("Excel tables", () => {
  it("mark the totals row, whatever it holds", async () => {
    const bytes = await workbook((ws) => {
      ws.getCell("A1").value = "Register";
      ws.addTable({
        name: "Risks",
        ref: "A2",
        headerRow: true,
        totalsRow: true,
        columns: [{ name: "Risk ID", totalsRowFunction: "count" }, { name: "Risk Title" }],
        rows: [
          ["R1", "One"],
          ["R2", "Two"],
        ],
      });
    });
    const [grid] = await readXlsx(bytes, "table.xlsx");
    expect(grid.totalsRows).toEqual([4]);
  });

  it("a table without a totals row marks none", async () => {
    const bytes = await workbook((ws) => {
      ws.addTable({ name: "T", ref: "A1", headerRow: true, columns: [{ name: "A" }], rows: [["x"]] });
    });
    const [grid] = await readXlsx(bytes, "table.xlsx");
    expect(grid.totalsRows).toBeUndefined();
  });

  it.each<[string, string, number[]]>([
    ["one totals row", '<table ref="B3:D10" totalsRowCount="1"/>', [9]],
    ["absolute refs", '<table ref="$A$1:$C$5" totalsRowCount="1"/>', [4]],
    ["no totals", '<table ref="A1:C5" totalsRowShown="0"/>', []],
    ["a nonsense count", '<table ref="A1:C5" totalsRowCount="-3"/>', []],
    ["a single-cell ref", '<table ref="A1" totalsRowCount="1"/>', []],
  ])("table part: %s", (_name, xml, rows) => {
    expect(parseTotalsRows(enc(xml))).toEqual(rows);
  });
});

it("reads a theme's colours in Excel's index order (light and dark swapped)", () => {
  const xml =
    '<a:theme xmlns:a="x"><a:themeElements><a:clrScheme name="t">' +
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
    '<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>' +
    '<a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2>' +
    "</a:clrScheme></a:themeElements></a:theme>";
  expect(parseThemeColours(enc(xml))).toEqual(["FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D"]);
});
