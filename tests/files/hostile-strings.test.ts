// ≥ 60 hostile strings through `import` and `check --out`: no formula, every part well-formed, importable
// again, and each string either exact or changed in a way the Import Log names.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { runCheck, type CliOutput } from "../../src/cli/check-command";
import { runImport } from "../../src/cli/import-command";
import { unescapeCellText } from "../../src/core/model/formula-safety";
import { holdableText, MAX_CELL_CHARS } from "../../src/core/model/writable-text";
import { readXlsx } from "../../src/files/read-xlsx";
import { cellXml } from "../../src/files/xlsx/sheet-edit";
import { featureWorkbook, FEATURE_HEADERS } from "../helpers/feature-workbook";
import { wellFormedProblem } from "../helpers/xml-well-formed";
import { rawXlsx, sheetPart } from "./xlsx-raw-parts";

jest.setTimeout(120_000);

const C0 = Array.from({ length: 32 }, (_, i) => `ctl ${i.toString(16)}: a${String.fromCharCode(i)}b`);

/** Strings an export may hold that a careless writer turns into formulas, broken XML or something else. */
const HOSTILE: string[] = [
  "=1+1",
  "=SUM(A1:A9)",
  "+44 20 7946 0000",
  "-2+3",
  "@SUM(1)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  '=HYPERLINK("http://example.invalid","click")',
  "=cmd|' /C calc'!A0",
  "@cmd|'/c calc'!_xlbbbb",
  '=DDE("cmd";"/C calc";"A0")',
  "+cmd|' /C notepad'!A0",
  "-cmd|' /C calc'!A0",
  '=WEBSERVICE("http://example.invalid")',
  "＝1+1",
  "＋1",
  "－1",
  "＠SUM(1)",
  "'=1+1",
  "''=1",
  ...C0,
  "del \u007f and C1 \u0085 \u009b2J",
  "_x0041_",
  "_x005F_x0041_",
  "a_x000D_b",
  "_x00",
  "_xZZZZ_",
  "_X0041_",
  "\uFFFE",
  "a\uFFFFb",
  "lone \uD800 half",
  "\u202Eexe.txt",
  "\u2066isolated\u2069 \u200F",
  "😀👍🏽 👨‍👩‍👧",
  "<script>alert(1)</script>",
  "]]> <![CDATA[x]]>",
  "&amp; &#0; &lt;",
  '<?xml version="1.0"?>',
  "\"quotes\" and 'apostrophes'",
  "  padded  ",
  "line1\r\nline2\rline3",
  "x".repeat(40_000),
  "y".repeat(MAX_CELL_CHARS),
  "z".repeat(MAX_CELL_CHARS + 1),
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-hostile-"));
const silent = (): { output: CliOutput; out: () => string } => {
  let text = "";
  return { output: { stdout: (t) => (text += t), stderr: () => undefined }, out: () => text };
};

/**
 * A cell as an exporting system may write it: every character XML cannot carry as `_xHHHH_` —
 * U+FFFE, U+FFFF and lone surrogates included, which read back as themselves.
 */
function exportCell(row: number, col: number, v: string | number): string {
  if (typeof v === "number") return cellXml(row, col, 0, v);
  const escaped = v
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(
      /[\u0000-\u0008\u000b-\u001f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return `<c r="${String.fromCharCode(65 + col)}${row + 1}" t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c>`;
}

/** The export: one new risk per hostile string, the string as its title and its latest update. */
function exportWorkbook(): Uint8Array {
  const rows = [FEATURE_HEADERS, ...HOSTILE.map((s, i) => [`H-${100 + i}`, s, "Owner", 2, 2, 4, "Open", s])];
  const xml = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, c) => exportCell(ri, c, v)).join("")}</row>`)
    .join("");
  return rawXlsx({ sheets: [{ name: "IRIS Risks", part: sheetPart(xml) }] });
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const formulas = (parts: Record<string, Uint8Array>) =>
  Object.entries(parts)
    .filter(([p]) => p.startsWith("xl/worksheets/"))
    .reduce((n, [, b]) => n + (text(b).match(/<(\w+:)?f[\s>/]/g) ?? []).length, 0);

describe(`${HOSTILE.length} hostile strings`, () => {
  const into = path.join(tmp, "Register.xlsm");
  const exportFile = path.join(tmp, "IRIS.xlsx");
  const out = path.join(tmp, "Merged.xlsm");
  let json: {
    cellsWritten: number;
    risks: { new: { id: string; row: number }[]; notWritten: { id: string; cell: string; note: string }[] };
  };

  beforeAll(async () => {
    fs.writeFileSync(into, featureWorkbook());
    fs.writeFileSync(exportFile, exportWorkbook());
    const run = silent();
    const code = await runImport(
      { command: "import", export: exportFile, into, out, format: "json", asAt: "2022-10-10" },
      run.output,
    );
    expect(code).toBe(0);
    json = JSON.parse(run.out());
  });

  it("are at least 60", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
  });

  it("make no formula: the merged workbook has the register's 3 formulas and, in each new row, only its table's calculated Score", () => {
    // Changed in review 31: a table's calculated column (the Score, D*E) is filled into each new table row, as
    // Excel fills it; no imported text becomes a formula, so every other formula is still the register's 3.
    const before = unzipSync(fs.readFileSync(into));
    const after = unzipSync(fs.readFileSync(out));
    expect(formulas(before)).toBe(3);
    expect(formulas(after)).toBe(3 + HOSTILE.length);
    const register = text(after["xl/worksheets/sheet1.xml"]);
    const added = [...register.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*><f>([^<]*)<\/f>/g)].filter(
      (m) => Number(m[2]) > 4,
    );
    expect(added.filter((m) => m[1] !== "F" || m[3] !== `D${m[2]}*E${m[2]}`).map((m) => m[0])).toEqual([]);
    expect(added.length).toBe(HOSTILE.length);
  });

  it("leave every XML part well-formed", () => {
    for (const [p, b] of Object.entries(unzipSync(fs.readFileSync(out))))
      if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
  });

  it("are each written exactly, or changed (or left out) as the Import Log says", async () => {
    const grids = await readXlsx(fs.readFileSync(out), "Merged.xlsm");
    const register = grids.find((g) => g.sheetName === "Register")!;
    const log = grids.find((g) => g.sheetName === "Import Log")!;
    const logFor = (id: string) => log.values.filter((r) => r.includes(id)).map((r) => r.join(" | "));
    let exact = 0;
    HOSTILE.forEach((s, i) => {
      const id = `H-${100 + i}`;
      const row = register.values.find((r) => r[0] === id);
      expect([id, row !== undefined]).toEqual([id, true]);
      const wanted = holdableText(unescapeCellText(s));
      const title = row![1];
      if (wanted.length > MAX_CELL_CHARS) {
        expect([id, title]).toEqual([id, null]);
        expect(json.risks.notWritten).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              id,
              note: expect.stringContaining(`${wanted.length.toLocaleString("en-GB")} characters`),
            }),
          ]),
        );
        expect(logFor(id).some((l) => l.includes("more than a cell holds"))).toBe(true);
      } else if (wanted !== unescapeCellText(s)) {
        expect([id, title]).toEqual([id, wanted]);
        expect([id, logFor(id).some((l) => l.includes("replaced by U+FFFD"))]).toEqual([id, true]);
      } else {
        expect([id, title]).toEqual([id, s === unescapeCellText(s) ? s : unescapeCellText(s)]);
        if (title === s) exact++;
      }
    });
    expect(exact).toBeGreaterThanOrEqual(HOSTILE.length - 8);
  });

  it("import again: the merged workbook reads back and a second import changes nothing", async () => {
    const again = path.join(tmp, "Again.xlsm");
    const run = silent();
    await runImport(
      { command: "import", export: exportFile, into: out, out: again, format: "json", asAt: "2022-10-10" },
      run.output,
    );
    expect(JSON.parse(run.out()).cellsWritten).toBe(0);
  });

  it("go through check --out: its review workbook is well-formed, formula-free and readable", async () => {
    const review = path.join(tmp, "Review.xlsx");
    const run = silent();
    await runCheck(
      { command: "check", workbook: out, format: "text", out: review, asAt: "2022-10-10" },
      run.output,
    );
    const parts = unzipSync(fs.readFileSync(review));
    for (const [p, b] of Object.entries(parts))
      if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
    expect(formulas(parts)).toBe(0);
    expect((await readXlsx(fs.readFileSync(review), "Review.xlsx")).length).toBeGreaterThan(0);
    expect(run.out()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u009b\u202e]/);
  });
});
