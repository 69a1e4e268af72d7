// The .xlsx reader's part in reading real registers: fills of cells with no value (solid, theme and
// indexed colours, for colour-only RAG) and the totals rows of Excel tables (from the table parts).

import ExcelJS from "exceljs";
import { readXlsx } from "../../src/files/read-xlsx";
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
