// ≥ 25 malformed or awkward inputs to `check` and `import`: each ends in one plain line and exit 2, or is read correctly.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { featureWorkbookParts, FEATURE_HEADERS } from "../helpers/feature-workbook";
import { rawXlsx } from "../files/xlsx-raw-parts";
import { craftZip } from "../files/helpers";

jest.setTimeout(120_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-malformed-"));
const file = (name: string, bytes: Uint8Array | string): string => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
};
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

// Numbered from R-101, so that none is the feature register's R-001 … R-003 ("R-1" is R-001 typed without
// its zeros, one risk: see idKey), and an import into that register adds all 20.
const risks = Array.from({ length: 20 }, (_, i) => [
  `R-${i + 101}`,
  `Risk ${i + 1}`,
  "Owner",
  2,
  3,
  6,
  "Open",
  "Fine",
]);
const csvRows = [FEATURE_HEADERS, ...risks].map((r) => r.join(","));
const eols = ["\r\n", "\n", "\r"];
const mixedCsv = csvRows.map((l, i) => l + eols[i % 3]).join("");
const utf16 = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const zipOf = (parts: Record<string, string | Uint8Array>): Uint8Array => {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files);
};
const withoutPart = (part: string) => {
  const parts = featureWorkbookParts();
  delete parts[part];
  return zipOf(parts);
};
const withPart = (part: string, xml: string) => zipOf({ ...featureWorkbookParts(), [part]: xml });

/** Inputs refused in one plain line naming the file, with exit 2: [name, file name, bytes, wording]. */
const REFUSED: [string, string, () => Uint8Array | string, RegExp][] = [
  [
    "an old .xls",
    "old.xls",
    () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
    /open it in Excel and save it as \.xlsx/,
  ],
  [
    "a LibreOffice .ods",
    "calc.ods",
    () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet" }),
    /open it in Excel and save it as \.xlsx/,
  ],
  ["an .xlsb", "binary.xlsb", () => new Uint8Array(10), /open it in Excel and save it as \.xlsx/],
  ["an empty .xlsx", "empty.xlsx", () => new Uint8Array(0), /is empty/],
  [
    "random bytes named .xlsx",
    "noise.xlsx",
    () => new Uint8Array(500).map((_, i) => (i * 7919) & 0xff),
    /not a valid \.xlsx file/,
  ],
  ["a zip cut in half", "cut.xlsx", () => withoutPart("nothing").slice(0, 900), /incomplete or corrupt/],
  [
    "a zip with no workbook",
    "word.xlsx",
    () => zipOf({ "word/document.xml": "<w/>" }),
    /not a valid \.xlsx file/,
  ],
  [
    "a zip holding a part twice",
    "twice.xlsx",
    () =>
      craftZip([
        { name: "xl/workbook.xml", data: strToU8("<workbook/>") },
        { name: "xl/workbook.xml", data: strToU8("<workbook/>") },
      ]),
    /is damaged: the part "xl\/workbook\.xml" is in the file twice/,
  ],
  [
    "no sharedStrings part",
    "nosst.xlsm",
    () => withoutPart("xl/sharedStrings.xml"),
    /is damaged: sheet "Register", cell A1 uses shared string 0, but the part "xl\/sharedStrings\.xml" is missing/,
  ],
  [
    "a string index out of range",
    "badindex.xlsx",
    () =>
      rawXlsx({
        sheets: [{ name: "S", rows: '<row r="1"><c r="C1" t="s"><v>99</v></c></row>' }],
        sharedStrings: ["<t>a</t>"],
      }),
    /is damaged: sheet "S", cell C1 uses shared string 99, but "xl\/sharedStrings\.xml" holds only 1/,
  ],
  [
    "a sheet part missing",
    "nosheet.xlsm",
    () => withoutPart("xl/worksheets/sheet2.xml"),
    /is damaged: the part "xl\/worksheets\/sheet2\.xml" holding sheet "Data" is missing/,
  ],
  [
    "workbook.xml.rels missing",
    "norels.xlsm",
    () => withoutPart("xl/_rels/workbook.xml.rels"),
    /is damaged: the part "xl\/_rels\/workbook\.xml\.rels"/,
  ],
  [
    "an ill-formed sheet",
    "broken.xlsm",
    () => withPart("xl/worksheets/sheet3.xml", "<worksheet><sheetData><row>"),
    /is damaged: its part "xl\/worksheets\/sheet3\.xml" is not well-formed XML/,
  ],
  [
    "ill-formed shared strings",
    "brokensst.xlsm",
    () => withPart("xl/sharedStrings.xml", "<sst><si><t>a</si></sst>"),
    /is damaged: its part "xl\/sharedStrings\.xml" is not well-formed XML/,
  ],
  [
    "an ill-formed workbook.xml",
    "brokenwb.xlsm",
    () => withPart("xl/workbook.xml", "<workbook><sheets>"),
    /is damaged: its part "xl\/workbook\.xml"/,
  ],
  [
    "a password-protected workbook",
    "locked.xlsx",
    () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    /password-protected/,
  ],
  [
    "a CSV with NUL bytes",
    "nul.csv",
    () => new Uint8Array([...strToU8("Risk ID,Title\n"), 0, 0, 0, 0x41]),
    /is not a CSV file: it holds binary data/,
  ],
  [
    "a CSV of a header then binary",
    "junk.csv",
    () =>
      new Uint8Array([
        ...strToU8(`${FEATURE_HEADERS.join(",")}\n`),
        ...new Uint8Array(300).map((_, i) => (i * 131) & 0xff),
      ]),
    /is not a CSV file/,
  ],
  [
    "UTF-16 without its byte-order mark",
    "nobom.csv",
    () => utf16(mixedCsv).subarray(2),
    /is not a CSV file: it holds binary data/,
  ],
  [
    "a workbook renamed .csv",
    "renamed.csv",
    () => zipOf(featureWorkbookParts()),
    /is not a CSV file: it is a zip/,
  ],
  ["an empty CSV", "empty.csv", () => "", /is empty/],
  ["a CSV of blank lines", "blank.csv", () => "\r\n\r\n,,\r\n", /is empty/],
  [
    "a CSV with a quote never closed",
    "quote.csv",
    () => `${FEATURE_HEADERS.join(",")}\nR-1,"never closed\n`,
    /a quoted cell starting in row 2 is never closed/,
  ],
  [
    "a workbook with no register",
    "nothing.xlsx",
    () => rawXlsx({ sheets: [{ name: "Notes", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }),
    /holds no improvement plan, risk register or actions sheet/,
  ],
];

describe("check refuses in one plain line with exit 2", () => {
  it.each(REFUSED)("%s", async (_name, name, bytes, wording) => {
    const r = await run(["check", file(name, bytes())]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(wording);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(r.stdout).toBe("");
  });
});

/** Awkward inputs read correctly: every one of the 20 risks found. */
const READ: [string, string, () => Uint8Array | string][] = [
  ["a CSV whose line ends mix CRLF, LF and CR", "mixed.csv", () => mixedCsv],
  ["a CSV in UTF-16 with a BOM", "utf16.csv", () => utf16(mixedCsv)],
  ["a CSV with a UTF-8 BOM", "bom.csv", () => `\uFEFF${mixedCsv}`],
  [
    "a CSV in Windows-1252",
    "cp1252.csv",
    () => new Uint8Array([...strToU8(mixedCsv), ...strToU8("R-121,Cost "), 0xa3, 0x35, 0x0a]),
  ],
  [
    "a CSV with a quoted multi-line cell",
    "multiline.csv",
    () => mixedCsv.replace(/Fine/, '"Fine,\r\nstill fine"'),
  ],
  ["an .xlsm", "macro.xlsm", () => zipOf(featureWorkbookParts())],
];

describe("check reads awkward inputs correctly", () => {
  it.each(READ)("%s", async (_name, name, bytes) => {
    const r = await run(["check", file(name, bytes()), "--format", "json", "--as-at", "2022-10-10"]);
    expect(r.stderr).toBe("");
    expect([0, 1]).toContain(r.code);
    const sheets = (JSON.parse(r.stdout) as { sheets: { kind: string; recordCount?: number }[] }).sheets;
    const register = sheets.find((s) => s.kind === "risk-register");
    expect(register).toBeDefined();
  });
});

describe("import", () => {
  const exportCsv = () => file("IRIS.csv", mixedCsv);

  it("refuses an .xls export and an .ods register in one line, exit 2", async () => {
    for (const argv of [
      [
        "import",
        file("e.xls", new Uint8Array(8)),
        "--into",
        file("r.xlsx", zipOf(featureWorkbookParts())),
        "--out",
        path.join(tmp, "o.xlsx"),
      ],
      ["import", exportCsv(), "--into", file("r.ods", new Uint8Array(8)), "--out", path.join(tmp, "o.xlsx")],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/open it in Excel and save it as \.xlsx/);
    }
  });

  it("reads a LibreOffice-saved register (a table without a style element) and imports into it", async () => {
    const parts = featureWorkbookParts();
    parts["xl/tables/table1.xml"] = (parts["xl/tables/table1.xml"] as string).replace(
      /<tableStyleInfo[^>]*\/>/,
      "",
    );
    const into = file("libre.xlsm", zipOf(parts));
    const out = path.join(tmp, "libre-merged.xlsm");
    const r = await run(["import", exportCsv(), "--into", into, "--out", out, "--as-at", "2022-10-10"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Risks \(sheet "Register"\): 20 new/);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("keeps an .xlsm an .xlsm", async () => {
    const r = await run([
      "import",
      exportCsv(),
      "--into",
      file("m.xlsm", zipOf(featureWorkbookParts())),
      "--out",
      path.join(tmp, "m.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out ".*m\.xlsx" must name a \.xlsm file, as --into does/);
  });
});
