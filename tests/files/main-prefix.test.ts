// mainPrefix: the prefix a SpreadsheetML part binds to the main namespace, and the writers that add
// elements to such a part through it (self-closing sheetData, a styles list the part lacks).

import { SaxesParser } from "saxes";
import {
  mainPrefix,
  packageNamespaces,
  STRICT_NAMESPACES,
  TRANSITIONAL_NAMESPACES,
} from "../../src/files/xlsx/main-prefix";
import { WorkbookXml } from "../../src/files/xlsx/package-parts";
import { editSheetXml } from "../../src/files/xlsx/sheet-edit";
import { StyleBook } from "../../src/files/xlsx/style-book";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Local names of elements in no namespace (parsing also checks the part is well-formed). */
function inNoNamespace(xml: string): string[] {
  const found = new Set<string>();
  const p = new SaxesParser({ xmlns: true });
  p.on("opentag", (node) => {
    if (node.uri === "") found.add(node.local);
  });
  p.write(xml).close();
  return [...found];
}

describe("mainPrefix", () => {
  it("is empty for a part whose default namespace is SpreadsheetML", () => {
    expect(mainPrefix(enc(`<?xml version="1.0"?>\n<worksheet xmlns="${NS}"><sheetData/></worksheet>`))).toBe(
      "",
    );
  });
  it("is the bound prefix, colon included, after a byte-order mark and a comment", () => {
    const xml = `\uFEFF<?xml version="1.0"?><!-- <worksheet xmlns="${NS}"> --><x:worksheet xmlns:r="urn:r" xmlns:x='${NS}'/>`;
    expect(mainPrefix(enc(xml))).toBe("x:");
    expect(mainPrefix(xml)).toBe("x:");
  });
  it("prefers the default namespace when the root binds both", () => {
    expect(mainPrefix(`<worksheet xmlns:x="${NS}" xmlns="${NS}"/>`)).toBe("");
  });
  it("is empty when the root does not bind the namespace", () => {
    expect(mainPrefix(`<worksheet xmlns:x="urn:other"/>`)).toBe("");
  });
  it("is the prefix a Strict part binds to Strict's SpreadsheetML namespace", () => {
    expect(mainPrefix(`<x:worksheet xmlns:x="${STRICT_NAMESPACES.main}"/>`)).toBe("x:");
  });
});

describe("a Strict Open XML package (ISO/IEC 29500 Strict)", () => {
  const strictWorkbook =
    `<workbook xmlns="${STRICT_NAMESPACES.main}" xmlns:r="${STRICT_NAMESPACES.relationships}" conformance="strict">` +
    `<sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`;

  it("is told by workbook.xml's root namespace", () => {
    expect(packageNamespaces(strictWorkbook)).toBe(STRICT_NAMESPACES);
    expect(packageNamespaces(`<workbook xmlns="${NS}"/>`)).toBe(TRANSITIONAL_NAMESPACES);
  });

  it("gets sheets whose r:id and relationship type are Strict's", () => {
    const wb = new WorkbookXml(enc(strictWorkbook));
    expect(wb.relationshipType("worksheet")).toBe(
      "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
    );
    wb.addSheet("Import Log", "rId9", false);
    expect(dec(wb.toBytes())).toContain(`<sheet name="Import Log" sheetId="2" r:id="rId9"/></sheets>`);
  });

  it("gets r:id bound to Strict's relationships namespace where the root binds none", () => {
    const wb = new WorkbookXml(enc(`<workbook xmlns="${STRICT_NAMESPACES.main}"><sheets/></workbook>`));
    wb.addSheet("Import Log", "rId1", false);
    expect(dec(wb.toBytes())).toContain(`r:id="rId1" xmlns:r="${STRICT_NAMESPACES.relationships}"`);
  });
});

describe("writing into an x:-prefixed part", () => {
  const styles = `<x:styleSheet xmlns:x="${NS}"><x:fonts count="1"><x:font/></x:fonts><x:fills count="2"><x:fill/><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf/></x:cellXfs></x:styleSheet>`;

  it("fills a self-closing x:sheetData with x:row and x:c", () => {
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:dimension ref="A1"/><x:sheetData/></x:worksheet>`;
    const out = dec(
      editSheetXml(
        enc(sheet),
        [
          { row: 0, col: 0, value: "R-1" },
          { row: 0, col: 1, value: 3 },
          { row: 1, col: 0, value: true },
        ],
        new StyleBook(enc(styles)),
        false,
      ).xml,
    );
    expect(inNoNamespace(out)).toEqual([]);
    expect(out).toContain(
      `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">R-1</x:t></x:is></x:c>` +
        `<x:c r="B1"><x:v>3</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData>`,
    );
  });

  it("adds a missing numFmts list, and xfs for a date in a styled cell, in the x: namespace", () => {
    const book = new StyleBook(enc(styles));
    book.look({ bold: true, fill: "FFFF0000", borderBottom: "FF000000", numFmt: "dd/mm/yyyy" });
    book.withFormat(0, "0.0");
    const out = dec(book.toBytes());
    expect(inNoNamespace(out)).toEqual([]);
    expect(out).toContain(`<x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>`);
  });
});
