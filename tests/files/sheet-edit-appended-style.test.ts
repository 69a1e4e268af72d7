// editSheetXml: rows appended below a register take the look of the register's last row, every one of them
// (before, only the first new row did: the second and later came out unstyled).

import { editSheetXml } from "../../src/files/xlsx/sheet-edit";
import { StyleBook } from "../../src/files/xlsx/style-book";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const enc = (s: string) => new TextEncoder().encode(s);
const STYLES =
  `<styleSheet ${MAIN}><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills>` +
  `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
  `<cellXfs count="4"><xf/><xf/><xf/><xf borderId="0"/></cellXfs></styleSheet>`;

it("gives each of three appended rows the styles of the row above the new rows", () => {
  const sheet =
    `<worksheet ${MAIN}><dimension ref="A1:B2"/><sheetData>` +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Risk ID</t></is></c><c r="B1" t="inlineStr"><is><t>Title</t></is></c></row>` +
    `<row r="2"><c r="A2" s="3" t="inlineStr"><is><t>R-1</t></is></c><c r="B2" s="2" t="inlineStr"><is><t>Gritting</t></is></c></row>` +
    `</sheetData></worksheet>`;
  const writes = [2, 3, 4].flatMap((row) => [
    { row, col: 0, value: `R-${row}` },
    { row, col: 1, value: `Title ${row}` },
  ]);
  const out = new TextDecoder().decode(
    editSheetXml(enc(sheet), writes, new StyleBook(enc(STYLES)), false).xml,
  );
  for (const n of [3, 4, 5]) {
    expect(out).toMatch(new RegExp(`<c r="A${n}" s="3"`));
    expect(out).toMatch(new RegExp(`<c r="B${n}" s="2"`));
  }
});

it("gives rows appended under a table's totals row the look of the data row above it, not the totals row's (review 31)", () => {
  const sheet =
    `<worksheet ${MAIN}><dimension ref="A1:B3"/><sheetData>` +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Risk ID</t></is></c></row>` +
    `<row r="2"><c r="A2" s="3" t="inlineStr"><is><t>R-1</t></is></c><c r="B2" s="2"><v>4</v></c></row>` +
    `<row r="3"><c r="A3" s="1" t="inlineStr"><is><t>Total</t></is></c><c r="B3" s="1"><f>SUM(B2)</f><v>4</v></c></row>` +
    `</sheetData></worksheet>`;
  const writes = [3, 4].flatMap((row) => [
    { row, col: 0, value: `R-${row}` },
    { row, col: 1, value: row },
  ]);
  const out = new TextDecoder().decode(
    editSheetXml(enc(sheet), writes, new StyleBook(enc(STYLES)), false, { notStyleSources: new Set([2]) })
      .xml,
  );
  for (const n of [4, 5]) {
    expect(out).toMatch(new RegExp(`<c r="A${n}" s="3"`));
    expect(out).toMatch(new RegExp(`<c r="B${n}" s="2"`));
  }
});

it("writes a calculated column's formula with the imported value as its saved result, and rewrites the part after the rows", () => {
  const sheet =
    `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
    `<conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1"><formula>1</formula></cfRule></conditionalFormatting></worksheet>`;
  const writes = [
    { row: 1, col: 0, value: 9, formula: "B2*C2" },
    { row: 1, col: 1, value: "Red", formula: 'IF(A2>8,"Red","Green")' },
    { row: 1, col: 2, value: null, formula: "Table1[[#This Row],[Score]]" },
  ];
  const out = new TextDecoder().decode(
    editSheetXml(enc(sheet), writes, new StyleBook(enc(STYLES)), false, {
      tail: (t) => t.replace('sqref="A1"', 'sqref="A1:A2"'),
    }).xml,
  );
  expect(out).toContain(
    '<row r="2"><c r="A2"><f>B2*C2</f><v>9</v></c><c r="B2" t="str"><f>IF(A2&gt;8,"Red","Green")</f><v>Red</v></c>' +
      '<c r="C2"><f>Table1[[#This Row],[Score]]</f></c></row>',
  );
  expect(out).toContain('<conditionalFormatting sqref="A1:A2">');
});
