// Formulas a file holds with no saved result (Apache POI, openpyxl and other writers save none; Excel works
// them out when it opens the file): the reader works out the few kinds registers use, as Excel would, and
// says which it could not (SPEC "Reading sheets": formulas are read as their cached values; "What must
// never happen": no silent empty result). A saved result is never replaced.

import { cellAt, formatAt, formulaKey, type Grid } from "../../src/core/model/grid";
import { readXlsx } from "../../src/files/read-xlsx";
import { rawXlsx, type RawWorkbook } from "./xlsx-raw-parts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Row 2 of sheet "S": D2 = 4, E2 = 3, B2 = "TBC", C2 = 2.345; A1 (the formula cell) holds `formula` with no result. */
function withFormula(formula: string, style = ""): string {
  return (
    `<row r="1"><c r="A1"${style}><f>${esc(formula)}</f></c></row>` +
    `<row r="2"><c r="B2" t="inlineStr"><is><t>TBC</t></is></c><c r="C2"><v>2.345</v></c><c r="D2"><v>4</v></c><c r="E2"><v>3</v></c></row>`
  );
}

async function read(wb: RawWorkbook): Promise<Grid[]> {
  return readXlsx(rawXlsx(wb), "register.xlsx");
}

async function a1Of(formula: string): Promise<{ value: unknown; grid: Grid }> {
  const [grid] = await read({ sheets: [{ name: "S", rows: withFormula(formula) }] });
  return { value: cellAt(grid, 0, 0), grid };
}

describe("a formula saved with no result is worked out as Excel would", () => {
  it.each<[string, unknown]>([
    ["D2*E2", 12],
    ["D2+E2", 7],
    ["$D$2*E$2", 12],
    ["(D2+E2)*2-E2/3", 13],
    ["-D2^2", 16],
    ["D2%", 0.04],
    ["SUM(C2:E2)", 9.345],
    ["SUM(B2:E2)", 9.345], // text in a range is skipped
    ["MAX(C2:E2)", 4],
    ["MIN(D2,E2,10)", 3],
    ["AVERAGE(D2:E2)", 3.5],
    ["PRODUCT(D2:E2)", 12],
    ["ROUND(C2,2)", 2.35],
    ["ROUND(-2.5,0)", -3],
    ["ABS(E2-D2)", 1],
    ['IF(D2*E2>=12,"Red","Green")', "Red"],
    ['IF(D2*E2>=15,"Red",IF(D2*E2>=5,"Amber","Green"))', "Amber"],
    ["IF(D2>9,1)", false],
    ['IF(AND(D2>1,E2>1),"both","not")', "both"],
    ['IF(OR(D2>9,NOT(E2>1)),"yes","no")', "no"],
    ['"L"&D2&" x I"&E2', "L4 x I3"],
    ['B2="tbc"', true],
    ['B2<>"T.B.C."', true],
    ["0.1+0.2=0.3", true], // on the 15 digits Excel keeps
    ['"Amber"<"Green"', true],
    ["A9", 0], // a blank cell shows 0
    ["1/0", "#DIV/0!"],
    ["B2*2", "#VALUE!"], // "TBC" is no number: as Excel shows
    ['IFERROR(B2*2,"")', null], // an empty text result: the cell shows nothing
    ["IFERROR(1/0,E2)", 3],
    ["SUM(D:D)", 4],
    ["_xlfn.SUM(D2)", 4],
  ])("=%s → %p", async (formula, expected) => {
    const { value, grid } = await a1Of(formula);
    expect(value).toEqual(expected);
    expect(grid.formulasWithoutResults).toEqual({ workedOut: [formulaKey(0, 0)], notWorkedOut: [] });
  });

  it.each<[string, string]>([
    ["VLOOKUP(A2,B:C,2,FALSE)", "a function it does not know"],
    ["Score*2", "a defined name"],
    ["Table1[Score]", "a structured reference"],
    ["[1]Sheet1!A1", "another workbook"],
    ["Missing!A1", "a sheet the workbook does not have"],
    ["SUM(D2:E2 D2:D3)", "an intersection"],
    ["D2:E2", "a range where one value is wanted"],
    ['"15/09/2022"+1', "text Excel may read as a date in its locale"],
    ['"Red"<"amber-1"', "text Excel orders by its own collation"],
    ["SUM(", "a formula that does not parse"],
    ["SUM()", "a function with too few arguments"],
  ])("=%s (%s) is not worked out: no value, and said so", async (formula) => {
    const { value, grid } = await a1Of(formula);
    expect(value).toBeNull();
    expect(grid.formulasWithoutResults).toEqual({ workedOut: [], notWorkedOut: [formulaKey(0, 0)] });
  });

  it("never replaces a saved result, and says nothing of formulas that have one", async () => {
    const [grid] = await read({
      sheets: [
        {
          name: "S",
          rows:
            `<row r="1"><c r="A1"><f>D2*E2</f><v>99</v></c><c r="B1" t="str"><f>""</f><v></v></c></row>` +
            `<row r="2"><c r="D2"><v>4</v></c><c r="E2"><v>3</v></c></row>`,
        },
      ],
    });
    expect(cellAt(grid, 0, 0)).toBe(99);
    expect(cellAt(grid, 0, 1)).toBeNull();
    expect(grid.formulasWithoutResults).toBeUndefined();
  });

  it("reads another sheet's cells ('Review Dates'!B2:C2), and a date result gets its cell's date format", async () => {
    const [register, reviews] = await read({
      numFmts: ['<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'],
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164" applyNumberFormat="1"/>'],
      sheets: [
        { name: "Register", rows: `<row r="2"><c r="J2" s="1"><f>MAX('Review Dates'!B2:C2)</f></c></row>` },
        {
          name: "Review Dates",
          rows: `<row r="2"><c r="B2" s="1"><v>44819</v></c><c r="C2" s="1"><v>44800</v></c></row>`,
        },
      ],
    });
    expect(cellAt(register, 1, 9)).toBe(44819);
    expect(formatAt(register, 1, 9)).toBe("dd/mm/yyyy");
    expect(register.values.every((r) => r.length === 10)).toBe(true);
    expect(reviews.formulasWithoutResults).toBeUndefined();
  });

  it("gives the result's date format to its own cell only, not to rows formatted alike", async () => {
    const [grid] = await read({
      numFmts: ['<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'],
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164" applyNumberFormat="1"/>'],
      sheets: [
        {
          name: "S",
          rows: [1, 2, 3]
            .map(
              (r) =>
                `<row r="${r}"><c r="A${r}" s="1"><v>44800</v></c>` +
                (r === 2 ? `<c r="B2" s="1"><f>A2+1</f></c>` : `<c r="B${r}"><v>1</v></c>`) +
                `</row>`,
            )
            .join(""),
        },
      ],
    });
    expect([0, 1, 2].map((r) => formatAt(grid, r, 1))).toEqual([null, "dd/mm/yyyy", null]);
    expect([0, 1, 2].map((r) => formatAt(grid, r, 0))).toEqual(["dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yyyy"]);
    expect(cellAt(grid, 1, 1)).toBe(44801);
  });

  it("in a 1904 workbook, a date worked out from dates is the date Excel shows", async () => {
    const [grid] = await read({
      date1904: true,
      numFmts: ['<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'],
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164" applyNumberFormat="1"/>'],
      sheets: [
        {
          name: "S",
          // 43357 in the 1904 system is 15/09/2022 (44819 in the 1900 system the engine counts in).
          rows: `<row r="1"><c r="A1" s="1"><v>43357</v></c><c r="B1" s="1"><f>A1+1</f></c><c r="C1"><f>B1-A1</f></c></row>`,
        },
      ],
    });
    expect(cellAt(grid, 0, 0)).toBe(44819);
    expect(cellAt(grid, 0, 1)).toBe(44820);
    expect(cellAt(grid, 0, 2)).toBe(1);
  });

  it("works out a shared formula's cells from its first cell's text, each moved as Excel moves it", async () => {
    const rows = [2, 3, 4]
      .map(
        (r) =>
          `<row r="${r}"><c r="D${r}"><v>${r}</v></c><c r="E${r}"><v>3</v></c>` +
          (r === 2
            ? `<c r="F2"><f t="shared" ref="F2:F4" si="0">D2*E2+$E$2</f></c>`
            : `<c r="F${r}"><f t="shared" si="0"/></c>`) +
          `</row>`,
      )
      .join("");
    const [grid] = await read({ sheets: [{ name: "S", rows }] });
    expect([2, 3, 4].map((r) => cellAt(grid, r - 1, 5))).toEqual([9, 12, 15]);
  });

  it("works out a formula that reads another formula with no result (a RAG from a score), and not a cycle", async () => {
    const rows =
      `<row r="2"><c r="D2"><v>5</v></c><c r="E2"><v>4</v></c><c r="F2"><f>D2*E2</f></c>` +
      `<c r="G2" t="str"><f>IF(F2&gt;=15,"Red","Amber")</f></c><c r="H2"><f>I2+1</f></c><c r="I2"><f>H2+1</f></c></row>`;
    const [grid] = await read({ sheets: [{ name: "S", rows }] });
    expect(cellAt(grid, 1, 5)).toBe(20);
    expect(cellAt(grid, 1, 6)).toBe("Red");
    expect(cellAt(grid, 1, 7)).toBeNull();
    expect(grid.formulasWithoutResults?.notWorkedOut).toEqual([formulaKey(1, 7), formulaKey(1, 8)]);
  });

  it("works out a chain of up to 16 formulas waiting on one another, and no longer one, whatever the order", async () => {
    // A1 = A2 + 1, A2 = A3 + 1 … A39 = A40 + 1, A40 = 1: A24 to A39 are 16 or fewer steps from A40.
    const rows = Array.from({ length: 40 }, (_, i) =>
      i === 39
        ? `<row r="40"><c r="A40"><v>1</v></c></row>`
        : `<row r="${i + 1}"><c r="A${i + 1}"><f>A${i + 2}+1</f></c></row>`,
    ).join("");
    const [grid] = await read({ sheets: [{ name: "S", rows }] });
    const rowsOf = (keys: readonly number[]) => keys.map((k) => Math.floor(k / 16_384) + 1);
    const f = grid.formulasWithoutResults!;
    expect(rowsOf(f.notWorkedOut)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(rowsOf(f.workedOut)).toEqual(Array.from({ length: 16 }, (_, i) => i + 24));
    expect(cellAt(grid, 23, 0)).toBe(17);
    expect(cellAt(grid, 38, 0)).toBe(2);
    expect(cellAt(grid, 0, 0)).toBeNull();
  });
});
