// A workbook with a badly formed part the writer edits (the register's sheet, workbook.xml, styles.xml, a
// rels part, [Content_Types].xml): refused as damaged, naming the file and the part, and nothing written.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import { emptyEdits, type WorkbookEdits } from "../../src/core/model/edits";
import { applyEditsToXlsx } from "../../src/files/apply-edits";
import { FileReadError } from "../../src/files/file-read-error";
import { readXlsx } from "../../src/files/read-xlsx";
import { FEATURE_HEADERS } from "../helpers/feature-workbook";
import { quotedCsv, writeImportFiles } from "../helpers/import-files";
import { DECL, MAIN, PKG_REL, R, REL, zipParts } from "../helpers/ooxml";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-damaged-part-"));
const RISKS: (string | number)[][] = [
  ["R-001", "Carriageway resurfacing delayed", "J Smith", 3, 4, 12, "Open", "Reviewed in September"],
  ["R-002", "Gully cleansing backlog", "A Khan", 2, 3, 6, "Open", "Contractor recovering"],
];

const col = (c: number) => String.fromCharCode(65 + c);
const cell = (ref: string, v: string | number) =>
  typeof v === "number"
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const row = (n: number, values: (string | number)[]) =>
  `<row r="${n}">${values.map((v, c) => cell(`${col(c)}${n}`, v)).join("")}</row>`;

/** The register workbook; `damage` rewrites one part's XML. */
function registerWorkbook(damage: (parts: Record<string, string>) => void): Uint8Array {
  const rows = [FEATURE_HEADERS, ...RISKS].map((r, i) => row(i + 1, r)).join("");
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<workbook ${MAIN} ${R}><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1:H3"/><sheetData>${rows}</sheetData></worksheet>`,
    "xl/styles.xml":
      `${DECL}<styleSheet ${MAIN}><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  };
  damage(parts);
  return zipParts(parts);
}

/** This month's export: R-001 re-scored, R-002 as it was, R-003 new — so the import writes cells. */
function exportCsv(): string {
  return quotedCsv([
    FEATURE_HEADERS,
    ["R-001", "Carriageway resurfacing delayed", "J Smith", 4, 4, 16, "Open", "Reviewed in October"],
    RISKS[1],
    ["R-003", "Street lighting column failures", "P Jones", 3, 3, 9, "Open", "New this month"],
  ]);
}

async function importInto(name: string, workbook: Uint8Array): Promise<{ error: unknown; out: string }> {
  const { into, exportFile, out } = writeImportFiles(tmp, name, workbook, exportCsv());
  const output: CliOutput = { stdout: () => undefined, stderr: () => undefined };
  try {
    await runImport(
      { command: "import", export: exportFile, into, out, format: "json", asAt: "2022-10-10" },
      output,
    );
  } catch (e) {
    return { error: e, out };
  }
  return { error: null, out };
}

type Damage = (parts: Record<string, string>) => void;
const damagePart =
  (part: string, from: string, to: string): Damage =>
  (p) => {
    if (!p[part].includes(from)) throw new Error(`test set-up: "${from}" is not in ${part}`);
    p[part] = p[part].replace(from, to);
  };
/** An unclosed <row>: the last row's end tag is gone. */
const UNCLOSED_ROW = damagePart("xl/worksheets/sheet1.xml", "</row></sheetData>", "</sheetData>");

/** The message the reader gives for a part that is not well-formed XML, with the part's path. */
const damagedPartMessage = (file: string, part: string) =>
  new RegExp(
    `^"${file.replace(/\./g, "\\.")}" is damaged: its part "${part.replace(/[.[\]]/g, "\\$&")}" is not well-formed XML \\(.+\\)\\. Open it in Excel \\(which can repair it\\) and save it again$`,
  );

describe("import into a workbook with a badly formed part the writer edits", () => {
  it("imports into the workbook when nothing is damaged (the workbook itself is sound)", async () => {
    const { error, out } = await importInto(
      "sound",
      registerWorkbook(() => undefined),
    );
    expect(error).toBeNull();
    expect(fs.existsSync(out)).toBe(true);
  });

  const cases: [string, string, Damage][] = [
    ["an unclosed <row> in the register's sheet", "xl/worksheets/sheet1.xml", UNCLOSED_ROW],
    [
      "an unclosed element in [Content_Types].xml (a part only the writer reads)",
      "[Content_Types].xml",
      damagePart("[Content_Types].xml", "</Types>", "<Override></Types>"),
    ],
  ];
  it.each(cases)(
    "%s: refused as damaged, naming the file and the part, nothing written",
    async (_what, part, damage) => {
      const name = part.replace(/\W/g, "-");
      const { error, out } = await importInto(name, registerWorkbook(damage));
      expect(error).toBeInstanceOf(FileReadError);
      const e = error as FileReadError;
      expect(e.code).toBe("damaged");
      expect(e.file).toBe(`${name}-Register.xlsx`);
      expect(e.message).toMatch(damagedPartMessage(`${name}-Register.xlsx`, part));
      expect(fs.existsSync(out)).toBe(false);
    },
  );
});

describe("the writer, given the workbook's sheets as already read, with a badly formed part", () => {
  const sound = registerWorkbook(() => undefined);
  const edits = (): WorkbookEdits => ({
    ...emptyEdits(),
    copies: [{ from: "Register", to: "Register (backup)" }],
    cells: [
      { sheet: "Register", row: 1, col: 3, value: 4 },
      { sheet: "Register", row: 3, col: 0, value: "R-003" },
    ],
  });
  const cases: [string, Damage][] = [
    ["xl/worksheets/sheet1.xml", UNCLOSED_ROW],
    ["xl/workbook.xml", damagePart("xl/workbook.xml", "</sheets>", "")],
    ["xl/styles.xml", damagePart("xl/styles.xml", "</fonts>", "")],
    [
      "xl/_rels/workbook.xml.rels",
      damagePart("xl/_rels/workbook.xml.rels", "</Relationships>", "<Relationship>"),
    ],
  ];
  it.each(cases)("%s: refused as damaged, naming the file and the part", async (part, damage) => {
    const grids = await readXlsx(sound, "Register.xlsx");
    const error = await applyEditsToXlsx(registerWorkbook(damage), edits(), "Register.xlsx", grids).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileReadError);
    expect((error as FileReadError).code).toBe("damaged");
    expect((error as FileReadError).message).toMatch(damagedPartMessage("Register.xlsx", part));
  });
});
