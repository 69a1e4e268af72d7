// Hostile or broken XML inside a sound zip: each ends in a FileReadError (or harmless grids), never a hang.

import { zipSync, strToU8 } from "fflate";
import { readXlsx } from "../../src/files/read-xlsx";
import { expectFileReadError } from "./helpers";
import { rawXlsx, sheetPart, type RawWorkbook } from "./xlsx-raw-parts";

/** A broken part is refused as damaged, naming the part (SPEC "Writing files": not a workbook). */
const DAMAGED =
  /^"hostile\.xlsx" is damaged: its part "xl\/(worksheets\/sheet1|sharedStrings|workbook)\.xml" (is not well-formed XML \(.+\)|cannot be unpacked)\. Open it in Excel \(which can repair it\) and save it again$/;

function withSheet(part: string): Uint8Array {
  return rawXlsx({ sheets: [{ name: "S", part }] });
}

describe("broken XML is reported as damaged, naming the part", () => {
  it.each<[string, () => Uint8Array]>([
    ["elements nested 100,000 deep", () => withSheet(sheetPart("<row>".repeat(100_000)))],
    ["a sheet cut off inside a tag", () => withSheet('<worksheet><sheetData><row r="1"><c r="A1')],
    [
      "a sheet cut off inside an element",
      () => withSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>'),
    ],
    ["a mismatched end tag", () => withSheet(sheetPart('<row r="1"><c r="A1"><v>1</v></row></c>'))],
    ["an end tag with nothing open", () => withSheet("<worksheet></worksheet></sheetData>")],
    ["an unterminated comment", () => withSheet(sheetPart("<!-- no end".repeat(1000)))],
    ["an unterminated CDATA section", () => withSheet(sheetPart("<![CDATA[ no end"))],
    ["an unterminated attribute value", () => withSheet(sheetPart(`<row r="1${"x".repeat(100_000)}`))],
    ["a '<' inside an attribute value", () => withSheet(sheetPart('<row r="<1"/>'))],
    ["an attribute without quotes", () => withSheet(sheetPart("<row r=1/>"))],
    ["100,000 attributes on one element", () => withSheet(sheetPart(`<row ${'a="1" '.repeat(100_000)}/>`))],
    [
      "overlapping merged areas",
      () =>
        rawXlsx({
          sheets: [
            {
              name: "S",
              rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>',
              after:
                '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B1:B2"/><mergeCell ref="A2:B2"/></mergeCells>',
            },
          ],
        }),
    ],
    [
      "broken shared strings",
      () =>
        rawXlsx({ sheets: [{ name: "S", rows: "" }], sharedStrings: { part: "<sst><si><t>a</si></sst>" } }),
    ],
    [
      "a broken workbook.xml",
      () =>
        rawXlsx({ sheets: [{ name: "S", rows: "" }], extra: { "xl/workbook.xml": "<workbook><sheets>" } }),
    ],
  ])("%s", async (_name, make) => {
    const bytes = make();
    const t0 = Date.now();
    const err = await expectFileReadError(() => readXlsx(bytes, "hostile.xlsx"));
    expect(err.code).toBe("damaged");
    expect(err.message).toMatch(DAMAGED);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a sheet whose compressed data is corrupt", async () => {
    const sheet = strToU8(sheetPart('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)));
    // Rebuild with the sheet compressed, then overwrite its deflate stream with a reserved block type.
    const zip = zipSync({
      "xl/workbook.xml": strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": [sheet, { level: 9 }],
    });
    const name = strToU8("xl/worksheets/sheet1.xml");
    let at = -1;
    for (let i = 0; i + 4 < zip.length && at < 0; i++) {
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4) {
        const nameLen = zip[i + 26] | (zip[i + 27] << 8);
        const extraLen = zip[i + 28] | (zip[i + 29] << 8);
        const n = zip.subarray(i + 30, i + 30 + nameLen);
        if (n.length === name.length && n.every((b, k) => b === name[k])) at = i + 30 + nameLen + extraLen;
      }
    }
    expect(at).toBeGreaterThan(0);
    zip.fill(0xff, at, at + 8);
    const err = await expectFileReadError(() => readXlsx(zip, "hostile.xlsx"));
    expect(err.code).toBe("damaged");
    expect(err.message).toMatch(DAMAGED);
  });
});

describe("hostile but well-formed XML is read harmlessly and quickly", () => {
  async function timed(wb: RawWorkbook): Promise<{ ms: number; values: unknown[][] }> {
    const bytes = rawXlsx(wb);
    const t0 = Date.now();
    const grids = await readXlsx(bytes, "hostile.xlsx");
    return { ms: Date.now() - t0, values: grids[0].values };
  }

  it("does not expand entities declared in a DOCTYPE (billion laughs)", async () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.replace("lol0", "lol").repeat(10)}">`);
    const part = `<?xml version="1.0"?><!DOCTYPE worksheet [${lol.join("")}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const { values } = await timed({ sheets: [{ name: "S", part }] });
    expect(values).toEqual([["&lol9;"]]);
  });

  it.each<[string, Partial<RawWorkbook>]>([
    [
      "a number format of 200,000 '[' and quotes (regex backtracking bait)",
      {
        numFmts: [
          `<numFmt numFmtId="164" formatCode="${"[h".repeat(100_000)}${"&quot;".repeat(1001)}${"_".repeat(50_000)}"/>`,
        ],
        cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164"/>'],
        sharedStrings: ["<t>text</t>"],
      },
    ],
    ["a shared string of 500,000 '&' with no ';'", { sharedStrings: [`<t>${"&amp".repeat(500_000)}</t>`] }],
    [
      "a shared string of 500,000 '_x' almost-escapes",
      { sharedStrings: [`<t>${"_x00".repeat(500_000)}</t>`] },
    ],
  ])("%s", async (_name, extra) => {
    const { ms, values } = await timed({
      sheets: [
        {
          name: "S",
          rows: '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"><v>5</v></c></row>',
        },
      ],
      ...extra,
    });
    expect(values[0]).toHaveLength(2);
    expect(ms).toBeLessThan(10_000);
  });
});
