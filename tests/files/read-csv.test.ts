// readCsv: encodings, BOM, quoting, number detection, wrapped-quote rows, and bad input.

import { readCsv, cellFromText, decodeWindows1252 } from "../../src/files/read-csv";
import { expectFileReadError } from "./helpers";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("cellFromText", () => {
  it.each([
    ["12", 12],
    ["-5", -5],
    ["0", 0],
    ["3.25", 3.25],
    ["-0.5", -0.5],
    [" 7 ", 7],
    ["", null],
    ["0012", "0012"],
    ["1.10", "1.10"],
    ["2.0", "2.0"],
    ["-0", "-0"],
    ["1.05", 1.05],
    ["1,200", "1,200"],
    ["1e5", "1e5"],
    [".5", ".5"],
    ["12.", "12."],
    ["+3", "+3"],
    ["£12", "£12"],
    ["12345678901234567890", "12345678901234567890"],
    ["123456789012345", 123456789012345],
    ["RISK-001", "RISK-001"],
    ["TRUE", "TRUE"],
  ])("%p → %p", (text, expected) => {
    expect(cellFromText(text)).toEqual(expected);
  });
});

describe("readCsv", () => {
  it("names the sheet after the file and strips a UTF-8 BOM", () => {
    const g = readCsv(utf8("\uFEFFRisk ID,Score\nR1,12\n"), "C:\\exports\\IRIS export.csv");
    expect(g.sheetName).toBe("IRIS export");
    expect(g.origin).toBe("C:\\exports\\IRIS export.csv");
    expect(g.values).toEqual([
      ["Risk ID", "Score"],
      ["R1", 12],
    ]);
    expect([g.rowOffset, g.colOffset]).toEqual([0, 0]);
  });

  it("decodes UTF-8 arrows and curly quotes", () => {
    const g = readCsv(utf8("Note\n“Delay” → ‘escalate’\n"), "n.csv");
    expect(g.values[1]).toEqual(["“Delay” → ‘escalate’"]);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const bytes = new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x0a, 0xa3, 0x35, 0x30, 0x0a]); // "Cost\n£50\n"
    expect(readCsv(bytes, "w.csv").values).toEqual([["Cost"], ["£50"]]);
  });

  it("accepts a string and an ArrayBuffer", () => {
    expect(readCsv("a,b\n1,2", "s.csv").values).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
    const bytes = utf8("a,b\n1,2");
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(readCsv(ab, "s.csv").values).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
  });

  it("keeps quoted multi-line cells and embedded commas and quotes in one cell", () => {
    const g = readCsv('Cause,Risk\n"Line one\nLine two","Says ""no"", then, yes"\n', "m.csv");
    expect(g.values).toEqual([
      ["Cause", "Risk"],
      ["Line one\nLine two", 'Says "no", then, yes'],
    ]);
  });

  it("keeps leading-zero ids as text and plain numbers as numbers", () => {
    const g = readCsv('ID,Score,Cost,Delta\n0012,12,"1,200",-5\n', "ids.csv");
    expect(g.values[1]).toEqual(["0012", 12, "1,200", -5]);
  });

  it("keeps empty rows in the middle (row numbers match the file) and drops trailing ones", () => {
    const g = readCsv("a,b\n1,2\n\n3,4\n\n,\n\n", "e.csv");
    expect(g.values).toEqual([["a", "b"], [1, 2], [null], [3, 4]]);
  });

  it("reads semicolon-separated files", () => {
    expect(readCsv("a;b;c\n1;2;3\n4;5;6\n", "semi.csv").values).toEqual([
      ["a", "b", "c"],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("treats __proto__ and constructor headers as plain text", () => {
    const g = readCsv("__proto__,constructor,toString\npolluted,x,y\n", "proto.csv");
    expect(g.values[0]).toEqual(["__proto__", "constructor", "toString"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("unwraps rows that were each wrapped in one pair of quotes", () => {
    const text = [
      "\uFEFFIssue Type,Summary,Description,Score",
      '"Risk,A1 - Data gaps,""Critical, actors missing."",16"',
      '"Risk,A2 - Misalignment,""Findings may not align."",12"',
      "",
    ].join("\n");
    const g = readCsv(utf8(text), "jira.csv");
    expect(g.values).toEqual([
      ["Issue Type", "Summary", "Description", "Score"],
      ["Risk", "A1 - Data gaps", "Critical, actors missing.", 16],
      ["Risk", "A2 - Misalignment", "Findings may not align.", 12],
    ]);
  });

  it("unwraps a file whose header is wrapped too when every row splits the same way", () => {
    const g = readCsv('"a,b,c"\n"1,2,3"\n"4,5,6"\n', "all.csv");
    expect(g.values).toEqual([
      ["a", "b", "c"],
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("leaves a genuine one-column file of sentences with commas alone", () => {
    const g = readCsv('Comment\n"Late, again"\n"Fine"\n"Over budget, by a lot, again"\n', "one.csv");
    expect(g.values).toEqual([["Comment"], ["Late, again"], ["Fine"], ["Over budget, by a lot, again"]]);
  });

  it("leaves a lone quoted cell with commas alone in a normal file", () => {
    const g = readCsv('a,b\n1,2\n"x,y"\n3,4\n5,6\n', "lone.csv");
    expect(g.values[2]).toEqual(["x,y"]);
  });

  it("marks a CSV carrying the owned marker in its first row", () => {
    expect(readCsv("Escalation,⟦contract-risk-review:owned⟧\n", "o.csv").owned).toBe(true);
    expect(readCsv("Escalation\n", "o.csv").owned).toBeUndefined();
  });
});

describe("readCsv refuses bad input with a FileReadError", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "empty"],
    ["a BOM only", utf8("\uFEFF"), "empty"],
    ["blank lines only", utf8("\n\n  \n"), "empty"],
    ["an empty string", "", "empty"],
    ["an unclosed quote", utf8('a,b\n1,"never closed\n2,3\n'), "csv-malformed"],
    ["wrapped rows that still will not split", utf8('a,b,c\n"""1,2,3"""\n"""4,5,6"""\n'), "csv-malformed"],
  ])("%s", async (_name, data, code) => {
    const err = await expectFileReadError(() => readCsv(data, "bad.csv"));
    expect(err.code).toBe(code);
    expect(err.file).toBe("bad.csv");
    expect(err.message).toContain('"bad.csv"');
  });

  it("refuses a file over maxBytes before parsing", async () => {
    const err = await expectFileReadError(() => readCsv(utf8("a,b\n1,2\n"), "big.csv", { maxBytes: 4 }));
    expect(err.code).toBe("too-large");
    const fromString = await expectFileReadError(() => readCsv("a,b\n1,2\n", "big.csv", { maxBytes: 4 }));
    expect(fromString.code).toBe("too-large");
  });

  it("refuses more rows than maxRows, naming the sheet", async () => {
    const text = ["h"].concat(Array.from({ length: 20 }, (_, i) => String(i))).join("\n");
    const err = await expectFileReadError(() => readCsv(text, "rows.csv", { maxRows: 10 }));
    expect([err.code, err.sheet]).toEqual(["too-many-rows", "rows"]);
  });

  it("refuses more cells than maxCells", async () => {
    const err = await expectFileReadError(() =>
      readCsv("a,b,c\n1,2,3\n4,5,6\n", "cells.csv", { maxCells: 6 }),
    );
    expect(err.code).toBe("too-many-cells");
  });
});

describe("readCsv: line ends, encodings and binary (SPEC Writing files: CSV)", () => {
  const rows20 = Array.from({ length: 20 }, (_, i) => [`R${i + 1}`, `Title ${i + 1}`]);
  const endings = ["\r\n", "\n", "\r"];

  it("reads 20 rows whose line ends mix CRLF, LF and CR", () => {
    const text = ["Risk ID,Title", ...rows20.map((r) => r.join(","))]
      .map((line, i) => line + endings[i % 3])
      .join("");
    const g = readCsv(utf8(text), "mixed.csv");
    expect(g.values).toEqual([["Risk ID", "Title"], ...rows20]);
  });

  it.each([
    ["CRLF", "\r\n"],
    ["LF", "\n"],
    ["CR", "\r"],
  ])("keeps a quoted multi-line cell (%s) as one cell, its line break as LF", (_name, eol) => {
    const g = readCsv(
      utf8(`Id,Note${eol}R1,"line one${eol}line two, with ""quotes"""${eol}R2,x${eol}`),
      "q.csv",
    );
    expect(g.values).toEqual([
      ["Id", "Note"],
      ["R1", 'line one\nline two, with "quotes"'],
      ["R2", "x"],
    ]);
  });

  const sample = "Risk ID,Title\nR1,Café → ‘road’ 😀\n";
  const utf16 = (s: string, be: boolean): Uint8Array => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + i * 2 + (be ? 1 : 0)] = c & 0xff;
      out[2 + i * 2 + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  };
  it.each([
    ["UTF-8", utf8(sample)],
    ["UTF-8 with BOM", utf8(`\uFEFF${sample}`)],
    ["UTF-16 LE with BOM", utf16(sample, false)],
    ["UTF-16 BE with BOM", utf16(sample, true)],
  ])("decodes %s", (_name, bytes) => {
    expect(readCsv(bytes, "enc.csv").values).toEqual([
      ["Risk ID", "Title"],
      ["R1", "Café → ‘road’ 😀"],
    ]);
  });

  it.each([
    ["a header then NUL bytes", new Uint8Array([...utf8("Risk ID,Title\n"), 0, 0, 1, 2, 0xff, 0xfe, 0, 7])],
    ["UTF-16 without its BOM", utf16(sample, false).subarray(2)],
    ["a zip renamed .csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ["control characters only", new Uint8Array(200).fill(0x01)],
  ])("refuses %s as not a CSV, naming the file", async (_name, bytes) => {
    const err = await expectFileReadError(() => readCsv(bytes, "junk.csv"));
    expect(err.code).toBe("csv-malformed");
    expect(err.message).toMatch(/^"junk\.csv" is not a CSV file: /);
    expect(err.message).not.toContain("\n");
  });
});

describe("decodeWindows1252: Excel's CSV on a UK PC", () => {
  it("reads curly quotes, dashes, the euro and the pound as Windows-1252 defines them", () => {
    const bytes = Uint8Array.from([
      0x93, 0x47, 0x94, 0x20, 0x96, 0x20, 0x92, 0x20, 0x80, 0x35, 0x20, 0xa3, 0x32,
    ]);
    expect(decodeWindows1252(bytes)).toBe("\u201cG\u201d \u2013 \u2019 \u20ac5 \u00a32");
  });

  it("keeps a byte Windows-1252 leaves undefined as its Latin-1 code point", () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x41]))).toBe("\u0081A");
  });

  it("decodes a text longer than one chunk whole", () => {
    const long = new Uint8Array(20_000).fill(0x41);
    long[19_999] = 0x85;
    const text = decodeWindows1252(long);
    expect(text.length).toBe(20_000);
    expect(text.endsWith("A\u2026")).toBe(true);
  });
});
