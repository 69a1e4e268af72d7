// The .xlsx reader's small pieces on their own: ISO dates, date-format tests, targets, references, text decoding.

import { cellFromNumber, dateFromIso } from "../../src/files/xlsx/cell-values";
import { columnAt, numberAt } from "../../src/files/xlsx/sheet-scanner";
import { looksLikeDateFormat } from "../../src/files/xlsx/styles";
import { resolveTarget } from "../../src/files/xlsx/workbook-parts";
import { name, Tok, XmlError, XmlScanner } from "../../src/files/xlsx/xml-scanner";
import { decodeAttr, decodeEntities, unescapeXString } from "../../src/files/xlsx/xml-text";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("dateFromIso", () => {
  it.each<[string, number | null]>([
    ["2024-03-31", 45382],
    ["2024-03-31T12:00", 45382.5],
    ["2024-03-31 06:00:00", 45382.25],
    ["2024-03-31T00:00:01.500Z", 45382 + 1.5 / 86400],
    ["1900-03-01", 61],
    ["T12:00:00", 0.5],
    ["18:00", 0.75],
    ["2024-02-30", null],
    ["2024-13-01", null],
    ["31/03/2024", null],
    ["2024-03-31T25:00", null],
    ["", null],
    ["2".repeat(1000), null],
  ])("%p → %p", (text, expected) => {
    const got = dateFromIso(text);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 9);
  });
});

describe("cellFromNumber", () => {
  it.each<[number, boolean, boolean, number | null]>([
    [45382, false, false, 45382],
    [45382, true, false, 45382],
    [45382.1234567891, true, false, Math.round(45382.1234567891 * 86_400_000) / 86_400_000],
    [43920, true, true, 45382],
    [43920, false, true, 43920],
    [NaN, false, false, null],
    [Infinity, true, false, null],
    [1e12, true, false, null],
  ])("%p (date %p, 1904 %p) → %p", (n, isDate, d1904, expected) => {
    expect(cellFromNumber(n, isDate, d1904)).toBe(expected);
  });
});

describe("looksLikeDateFormat (exceljs's rule for reading a number as a date)", () => {
  it.each<[string | undefined, boolean]>([
    ["dd/mm/yyyy", true],
    ["DD-MMM-YYYY", true],
    ["[h]:mm:ss", true],
    ["mm-dd-yy", true],
    ["General", false],
    ["0.00", false],
    ['0 "days"', false],
    ["[Red]0.00", false],
    ["[$£-809]#,##0.00", false],
    ["#,##0 ;[Red](#,##0)", false],
    [undefined, false],
    ["[" + "[".repeat(10_000), false],
  ])("%p → %p", (format, expected) => {
    expect(looksLikeDateFormat(format)).toBe(expected);
  });
});

describe("resolveTarget", () => {
  it.each([
    ["xl/", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "../xl/./worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "../../../../etc/passwd", "etc/passwd"],
  ])("%s + %s → %s", (base, target, expected) => {
    expect(resolveTarget(base, target)).toBe(expected);
  });
});

describe("references and numbers from bytes", () => {
  it.each([
    ["A1", 1],
    ["Z9", 26],
    ["AA10", 27],
    ["$XFD$1048576", 16384],
    ["ab3", 28],
    ["12", 0],
    ["ABCDEFGH1", 0],
  ])("column of %s is %p", (ref, col) => {
    const b = bytes(ref);
    expect(columnAt(b, 0, b.length)).toBe(col);
  });

  it.each([
    ["12", 12],
    ["-7", -7],
    ["0.1", 0.1],
    ["1E+300", 1e300],
    ["123456789012345678", 123456789012345678],
    ["007", 7],
    ["", NaN],
    ["-", NaN],
    ["x", NaN],
  ])("number %p is %p (as parseFloat reads it)", (text, n) => {
    const b = bytes(text);
    expect(numberAt(b, 0, b.length)).toBe(n);
  });
});

describe("text decoding", () => {
  it.each([
    ["a &amp; b", "a & b"],
    ["&#60;&#x3C;&#X3c;", "<<<"],
    ["&#0; &#x110000; &#; &bogus;", "&#0; &#x110000; &#; &bogus;"],
    ["&amp" + "x".repeat(100) + ";", "&amp" + "x".repeat(100) + ";"],
  ])("decodeEntities(%p) → %p", (s, expected) => {
    expect(decodeEntities(s)).toBe(expected);
  });

  it.each([
    ["_x000A_", "\n"],
    ["a_x00e9_b", "aéb"],
    ["_x005F_x000A_", "_x000A_"],
    ["_x000A", "_x000A"],
  ])("unescapeXString(%p) → %p", (s, expected) => {
    expect(unescapeXString(s)).toBe(expected);
  });

  it("normalises whitespace in attribute values but keeps character references", () => {
    const b = bytes("a\tb\r\nc&#10;d");
    expect(decodeAttr(b, 0, b.length)).toBe("a b c\nd");
  });
});

describe("XmlScanner", () => {
  it("walks elements, attributes, text and CDATA, skipping comments, PIs and DOCTYPE", () => {
    const x = new XmlScanner(
      bytes(
        '\uFEFF<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e ">">]><a x=\'1\' y = "2>"><!-- c --><b/>t<![CDATA[<z>]]></a>',
      ),
    );
    const seen: string[] = [];
    for (let t = x.next(); t !== Tok.End; t = x.next()) {
      if (t === Tok.Open) seen.push(`open ${x.is(name("a")) ? "a" : "b"}${x.selfClosing ? "/" : ""}`);
      else if (t === Tok.Close) seen.push("close");
      else
        seen.push(
          `${t === Tok.CData ? "cdata" : "text"} ${new TextDecoder().decode(x.bytes.subarray(x.textStart, x.textEnd))}`,
        );
      if (t === Tok.Open && x.is(name("a"))) {
        const y = x.attr(name("y"));
        expect(new TextDecoder().decode(x.bytes.subarray(x.attrValueStart(y), x.attrValueEnd(y)))).toBe("2>");
        expect(x.attr(name("z"))).toBe(-1);
      }
    }
    expect(seen).toEqual(["open a", "open b/", "text t", "cdata <z>", "close"]);
  });

  it.each(["<a>", "<a></b>", "<a", "<a b='1></a>", "<!-- x", "</a>", "<a/><<"])("refuses %p", (xml) => {
    const x = new XmlScanner(bytes(xml));
    expect(() => {
      while (x.next() !== Tok.End);
    }).toThrow(XmlError);
  });
});
