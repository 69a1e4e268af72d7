// Review 28: what a monthly IRIS import does to the council's own additions around the register — an officer's
// dated copy of the register, score and RAG formulas with their formats, validation and comments, council-only
// columns, a totals row, --as-at dating on a second and a backdated import, awkward cell texts — and whether the
// printed summary and JSON say what MERGED holds. Each test builds a small register and export, runs the
// command line in-process through main(), and reads the merged file. Expectations cite SPEC ("Imports",
// "Writing files", "What must never happen", "Owned tabs") or README ("Import", "How import writes").

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { fromA1 } from "../../src/core/address/a1";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { runMain } from "./helpers/main-in-process";
import { sha, tempFolder } from "../helpers/test-files";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-imprev28-");
let fileCount = 0;
const fresh = (name: string): string => {
  const dir = path.join(tmp, String(++fileCount));
  fs.mkdirSync(dir);
  return path.join(dir, name);
};
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

const IRIS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "RAG",
  "Strategy",
  "Status",
  "Last Updated",
  "Latest Update",
];
const HEADERS = [...IRIS, "RAG Comments", "Directorate Lead"];
const RAG = (r: number) => `IF(F${r}>=15,"Red",IF(F${r}>=8,"Amber","Green"))`;

interface RiskRow {
  id: string;
  title: string;
  owner: string;
  l: number;
  i: number;
  strategy: string;
  status: string;
  updated: Date;
  update: string;
  comment: string;
  lead: string;
}
const ROWS: RiskRow[] = [
  {
    id: "HRC-001",
    title: "Road surface failure",
    owner: "Jane Smith",
    l: 3,
    i: 3,
    strategy: "Treat",
    status: "Open",
    updated: day(2022, 9, 12),
    update: "Patching agreed",
    comment: "Raised at RMB",
    lead: "Place",
  },
  {
    id: "HRC-002",
    title: "Street lighting outage",
    owner: "Bob Jones",
    l: 2,
    i: 4,
    strategy: "Treat",
    status: "Open",
    updated: day(2022, 9, 12),
    update: "LED swap on track",
    comment: "Check PFI",
    lead: "Place",
  },
  {
    id: "HRC-003",
    title: "Drainage blockage",
    owner: "Amy Lee",
    l: 4,
    i: 4,
    strategy: "Tolerate",
    status: "Open",
    updated: day(2022, 9, 12),
    update: "Gully cycle",
    comment: "Officer's own note",
    lead: "Resources",
  },
];

interface RegisterOpts {
  copy?: boolean;
  totals?: boolean;
  extras?: (ws: ExcelJS.Worksheet) => void;
  rows?: RiskRow[];
}

/** The council's register "IRIS Risks" with formula scores and RAGs and two council columns. */
async function makeRegister(opts: RegisterOpts = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const rows = opts.rows ?? ROWS;
  const fill = (ws: ExcelJS.Worksheet, src: RiskRow[]) => {
    ws.addRow(HEADERS);
    src.forEach((r, k) => {
      const n = k + 2;
      ws.addRow([
        r.id,
        r.title,
        r.owner,
        r.l,
        r.i,
        null,
        null,
        r.strategy,
        r.status,
        r.updated,
        r.update,
        r.comment,
        r.lead,
      ]);
      ws.getCell(`F${n}`).value = { formula: `D${n}*E${n}`, result: r.l * r.i };
      const s = r.l * r.i;
      ws.getCell(`G${n}`).value = { formula: RAG(n), result: s >= 15 ? "Red" : s >= 8 ? "Amber" : "Green" };
      ws.getCell(`J${n}`).numFmt = "dd/mm/yyyy";
    });
  };
  const ws = wb.addWorksheet("IRIS Risks");
  fill(ws, rows);
  if (opts.totals) {
    const n = rows.length + 2;
    ws.getCell(`A${n}`).value = "Total";
    ws.getCell(`F${n}`).value = {
      formula: `SUM(F2:F${n - 1})`,
      result: rows.reduce((a, r) => a + r.l * r.i, 0),
    };
  }
  opts.extras?.(ws);
  if (opts.copy) {
    const cp = wb.addWorksheet("IRIS Risks (Sep 22)");
    fill(
      cp,
      rows.map((r) => ({
        ...r,
        l: Math.max(1, r.l - 1),
        update: `${r.update} (Sep)`,
        comment: `${r.comment} (Sep)`,
      })),
    );
  }
  const file = fresh("Register.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** IRIS's export of the register's rows, as CSV, with changes made by `edit`. */
function exportCsv(
  edit: (rows: string[][]) => void = () => undefined,
  headers = IRIS,
  name = "IRIS export.csv",
): string {
  const rows = ROWS.map((r) => [
    r.id,
    r.title,
    r.owner,
    String(r.l),
    String(r.i),
    String(r.l * r.i),
    "",
    r.strategy,
    r.status,
    "12/09/2022",
    r.update,
  ]);
  // IRIS's RAG column: worked out as the register does.
  for (const r of rows) r[6] = Number(r[5]) >= 15 ? "Red" : Number(r[5]) >= 8 ? "Amber" : "Green";
  const all = [[...headers], ...rows];
  edit(all);
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const file = fresh(name);
  fs.writeFileSync(file, all.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n");
  return file;
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  out: string;
}

async function runImport(
  exportFile: string,
  into: string,
  extra: string[] = [],
  format = "json",
): Promise<Run> {
  const out = fresh("Merged.xlsx");
  const before = [sha(exportFile), sha(into)];
  const run = await runMain([
    "import",
    exportFile,
    "--into",
    into,
    "--out",
    out,
    "--as-at",
    "2022-10-10",
    "--format",
    format,
    ...extra,
  ]);
  expect([sha(exportFile), sha(into)]).toEqual(before);
  const json = run.status === 0 && format === "json" ? JSON.parse(run.stdout) : null;
  return { ...run, json, out };
}

async function gridsOf(file: string): Promise<Grid[]> {
  return readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
}
function sheetOf(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.sheetName === name);
  if (!g) throw new Error(`no sheet ${name}: ${grids.map((x) => x.sheetName).join(", ")}`);
  return g;
}
function at(g: Grid, a1: string): CellValue {
  const p = fromA1(a1)!;
  return g.values[p.row - g.rowOffset]?.[p.col - g.colOffset] ?? null;
}

/** Every part of an .xlsx by name. */
function partsOf(file: string): Record<string, string> {
  const raw = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = strFromU8(v);
  return out;
}
/** The worksheet part of a sheet named `name`. */
function sheetPart(parts: Record<string, string>, name: string): string {
  const wb = parts["xl/workbook.xml"];
  const esc = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const m =
    new RegExp(`<sheet [^>]*name="${esc.replace(/[()]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(wb) ??
    new RegExp(`<sheet [^>]*r:id="([^"]+)"[^>]*name="${esc.replace(/[()]/g, "\\$&")}"`).exec(wb);
  if (!m) throw new Error(`no sheet ${name} in workbook.xml`);
  const rels = parts["xl/_rels/workbook.xml.rels"];
  const t =
    new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  const target = t![1].replace(/^\/?xl\//, "").replace(/^\//, "");
  return parts[`xl/${target}`];
}
function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  return m ? m[0] : "";
}

/** What follows `</sheetData>` in a worksheet part: merges, formats, validation, filter, print settings … */
const afterSheetData = (xml: string): string => xml.slice(xml.indexOf("</sheetData>"));
/** What precedes `<sheetData>`: views (the frozen header), columns (a hidden one) … */
const beforeSheetData = (xml: string): string =>
  xml.slice(xml.indexOf("<sheetViews"), xml.indexOf("<sheetData"));

/** Council additions on the register: CF on the RAG, validation on Strategy, a comment, a hidden column,
 * a frozen header, a filter, and RAG Comments merged over two risks' rows. */
const councilExtras = (ws: ExcelJS.Worksheet): void => {
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = "A1:M4";
  ws.getColumn(13).hidden = true;
  ws.mergeCells("L3:L4");
  ws.getCell("G2").note = "RAG from the score";
  ws.getCell("L2").note = "Officer's note";
  // exceljs has `dataValidations` at run time but not in its types.
  (
    ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add("H2:H100", {
    type: "list",
    allowBlank: true,
    formulae: ['"Treat,Tolerate,Transfer,Terminate"'],
  });
  ws.addConditionalFormatting({
    ref: "G2:G100",
    rules: [
      {
        type: "containsText",
        operator: "containsText",
        text: "Red",
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } },
      },
    ],
  });
};

const raise001 = (rows: string[][]) => {
  rows[1][3] = "4";
  rows[1][5] = "12";
};

describe("an officer's dated copy of the register beside it", () => {
  // README "Sheet list"/history: an officer's dated copy ("IRIS Risks (Sep 22)") is history, not a register.
  // SPEC "Writing files", Lossless: the output is the workbook "with only the listed cells, the new rows, the
  // backup sheet and the log changed"; SPEC "What must never happen": no user cell overwritten unasked.
  let into: string;
  let run: Run;
  beforeAll(async () => {
    into = await makeRegister({ copy: true });
    run = await runImport(exportCsv(raise001), into);
  });

  it("imports into IRIS Risks, not the dated copy, and backs up only IRIS Risks", () => {
    expect(run.status).toBe(0);
    expect(run.json.register).toBe("IRIS Risks");
    expect(run.json.backups).toEqual(["Backup IRIS Risks 2022-10-10"]);
  });

  it("leaves the dated copy's sheet byte for byte as it was", () => {
    expect(sheetPart(partsOf(run.out), "IRIS Risks (Sep 22)")).toBe(
      sheetPart(partsOf(into), "IRIS Risks (Sep 22)"),
    );
  });

  it("a risk missing from the export is flagged only on IRIS Risks; the copy's Status stays as it was", async () => {
    const r = await runImport(
      exportCsv((rows) => {
        rows.splice(3, 1);
      }),
      into,
    );
    expect(r.status).toBe(0);
    expect(r.json.risks.missing).toEqual([expect.objectContaining({ id: "HRC-003", flagged: true })]);
    const g = await gridsOf(r.out);
    expect(at(sheetOf(g, "IRIS Risks (Sep 22)"), "I4")).toBe("Open");
    expect(sheetPart(partsOf(r.out), "IRIS Risks (Sep 22)")).toBe(
      sheetPart(partsOf(into), "IRIS Risks (Sep 22)"),
    );
  });

  it("(judgement) an officer's hand edit on the live register since the copy is not overruled by the copy: IRIS's change is written", async () => {
    // README "Import": a cell is kept against "the latest dated backup" only where IRIS still says what the
    // register held *at that import*. The officer's copy holds likelihood 2 for HRC-001 (the copy is a month
    // old); the register holds 3; IRIS now says 2. No import wrote 3 and no import was made at the copy, so
    // IRIS's 2 is the contractor's new assessment and must be written (or at least reported, not silently kept).
    const r = await runImport(
      exportCsv((rows) => {
        rows[1][3] = "2";
        rows[1][5] = "6";
      }),
      into,
    );
    const cells = r.json.risks.changed.flatMap((c: { cells: { cell: string }[] }) =>
      c.cells.map((x) => x.cell),
    );
    const notWritten = r.json.risks.notWritten.map((n: { cell: string }) => n.cell);
    expect([...cells, ...notWritten]).toContain("D2");
  });
});

describe("a register with score and RAG formulas and the council's own formatting", () => {
  let into: string;
  let run: Run;
  let before: Record<string, string>;
  let after: Record<string, string>;
  beforeAll(async () => {
    into = await makeRegister({ extras: councilExtras });
    run = await runImport(exportCsv(raise001), into);
    before = partsOf(into);
    after = partsOf(run.out);
  });

  it("keeps the score and RAG formula text on the changed row, dropping only their saved results", () => {
    // README "How import writes": a formula whose inputs changed "keeps its formula and loses its saved result".
    expect(run.status).toBe(0);
    const reg = sheetPart(after, "IRIS Risks");
    expect(cellXml(reg, "F2")).toMatch(/<f>D2\*E2<\/f>/);
    expect(cellXml(reg, "F2")).not.toMatch(/<v>/);
    expect(cellXml(reg, "G2")).toContain(
      "<f>IF(F2&gt;=15,&quot;Red&quot;,IF(F2&gt;=8,&quot;Amber&quot;,&quot;Green&quot;))</f>",
    );
    expect(cellXml(reg, "G2")).not.toMatch(/<v>/);
  });

  it("leaves the formulas of untouched rows byte for byte, results and all", () => {
    const a = sheetPart(after, "IRIS Risks");
    const b = sheetPart(before, "IRIS Risks");
    for (const ref of ["F3", "G3", "F4", "G4"]) expect(cellXml(a, ref)).toBe(cellXml(b, ref));
  });

  it("keeps merges, conditional formats, validation, the filter, the frozen header and the hidden column byte for byte", () => {
    // SPEC "Writing files", Lossless: comments, data validation, conditional formats … "byte for byte".
    const a = sheetPart(after, "IRIS Risks");
    const b = sheetPart(before, "IRIS Risks");
    expect(afterSheetData(a)).toBe(afterSheetData(b));
    expect(beforeSheetData(a)).toBe(beforeSheetData(b));
  });

  it("keeps the comments parts and their drawing byte for byte", () => {
    const names = Object.keys(before).filter((n) => /comments|vmlDrawing/i.test(n));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(after[n]).toBe(before[n]);
  });

  it("does not write into the council's RAG Comments merged over HRC-002 and HRC-003 when HRC-003 changes", async () => {
    // SPEC "Imports": "Council-only columns … an import never writes them".
    const r = await runImport(
      exportCsv((rows) => {
        rows[3][10] = "Gully cycle moved to quarterly";
      }),
      into,
    );
    const reg = sheetPart(partsOf(r.out), "IRIS Risks");
    const orig = sheetPart(before, "IRIS Risks");
    expect(cellXml(reg, "L3")).toBe(cellXml(orig, "L3"));
    expect(cellXml(reg, "L4")).toBe(cellXml(orig, "L4"));
    expect(afterSheetData(reg)).toBe(afterSheetData(orig));
  });

  it("the JSON lists both the kept score formula and the recalculated RAG, and MERGED holds each changed cell's new value", async () => {
    const g = sheetOf(await gridsOf(run.out), "IRIS Risks");
    for (const ch of run.json.risks.changed)
      for (const c of ch.cells) expect(String(at(g, c.cell))).toBe(c.new);
    expect(run.json.risks.changed[0].recalculated.map((c: { cell: string }) => c.cell)).toEqual(["F2", "G2"]);
  });
});

describe("a register with its own Total row", () => {
  it("a new risk goes below the Total row, the SUM formula is unchanged, and 'Total' is not a risk missing from the export", async () => {
    // README "Import": "Under a register's own Total row … they go below it, and the preview says its totals
    // leave them out". SPEC "Imports": a risk missing from the export is flagged — "Total" is no risk.
    const into = await makeRegister({ totals: true });
    const r = await runImport(
      exportCsv((rows) =>
        rows.push([
          "HRC-004",
          "Bridge joint failure",
          "Sam Khan",
          "3",
          "4",
          "12",
          "Amber",
          "Treat",
          "Open",
          "03/10/2022",
          "Inspection booked",
        ]),
      ),
      into,
    );
    expect(r.status).toBe(0);
    expect(r.json.risks.missing).toEqual([]);
    expect(r.json.risks.new).toEqual([expect.objectContaining({ id: "HRC-004", row: 6 })]);
    const reg = sheetPart(partsOf(r.out), "IRIS Risks");
    expect(cellXml(reg, "F5")).toBe(cellXml(sheetPart(partsOf(into), "IRIS Risks"), "F5"));
    expect(r.json.warnings.join(" ")).toMatch(/total/i);
  });
});

describe("--as-at dating on a second import the same day and a backdated one", () => {
  let first: Run;
  beforeAll(async () => {
    first = await runImport(exportCsv(raise001), await makeRegister());
  });

  it("a second import the same day makes a second backup named '(2)' and keeps the first backup as it was", async () => {
    // SPEC "Imports": "copies the register first (a dated owned backup)"; README: its backup is named by the date.
    const second = await runImport(
      exportCsv((rows) => {
        raise001(rows);
        rows[2][2] = "Priya Patel";
      }),
      first.out,
    );
    expect(second.status).toBe(0);
    // Excel's 31-character limit cuts the register's name: "Backup IRIS Risk 2022-10-10 (2)".
    expect(second.json.backups).toEqual([expect.stringMatching(/^Backup IRIS Risks? 2022-10-10 \(2\)$/)]);
    const a = partsOf(second.out);
    const b = partsOf(first.out);
    expect(sheetPart(a, "Backup IRIS Risks 2022-10-10")).toBe(sheetPart(b, "Backup IRIS Risks 2022-10-10"));
    const g = await gridsOf(second.out);
    expect(at(sheetOf(g, second.json.backups[0]), "D2")).toBe(4);
    expect(at(sheetOf(g, second.json.backups[0]), "C3")).toBe("Bob Jones");
  });

  it("(judgement) a backdated import (30/09, before the 10/10 one) logs When 30/09 and leaves the Import Log as at the latest import", async () => {
    // README "Import": "its backup is named by it and its When is that date … so the history counts a backdated
    // import in the month it is as at". The Import Log heading is as at the latest import (month-over-month review).
    const exp = exportCsv((rows) => {
      raise001(rows);
      rows[3][2] = "Sam Khan";
    });
    const out = fresh("Merged-backdated.xlsx");
    const r = await runMain([
      "import",
      exp,
      "--into",
      first.out,
      "--out",
      out,
      "--as-at",
      "2022-09-30",
      "--format",
      "json",
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.backups).toEqual(["Backup IRIS Risks 2022-09-30"]);
    const log = sheetOf(await gridsOf(out), "Import Log");
    const whens = log.values.filter((row) => row[5] === "Risk Owner").map((row) => row[0]);
    expect(whens).toEqual([44834]);
    expect(at(log, "C2")).toBe(44844);
  });
});

describe("awkward cell texts", () => {
  it("formula-looking text ('=SUM(F2:F4)', '+44 7700 900123', '@risk') is stored as text and a re-import shows no change", async () => {
    // SPEC "What must never happen": text starting with =, +, -, @ … is stored as text; "Imports": values are
    // compared after the escape is undone, so a re-import shows no changes.
    const into = await makeRegister();
    const exp = exportCsv((rows) => {
      rows[1][10] = "=SUM(F2:F4)";
      rows[2][2] = "+44 7700 900123";
      rows[3][10] = "@risk see log";
    });
    const r = await runImport(exp, into);
    const reg = sheetPart(partsOf(r.out), "IRIS Risks");
    for (const ref of ["K2", "C3", "K4"]) expect(cellXml(reg, ref)).not.toMatch(/<f>/);
    const g = sheetOf(await gridsOf(r.out), "IRIS Risks");
    expect(at(g, "K2")).toBe("=SUM(F2:F4)");
    expect(at(g, "C3")).toBe("+44 7700 900123");
    const again = await runImport(exp, r.out);
    expect(again.json.cellsWritten).toBe(0);
    expect(sha(again.out)).toBe(sha(r.out));
  });

  it("'0012' in a text column keeps its zeros and a multi-line update keeps its line breaks, with no change on re-import", async () => {
    const into = await makeRegister();
    const exp = exportCsv((rows) => {
      rows[1][1] = "0012";
      rows[2][10] = "Line one\r\nLine two\nLine three";
    });
    const r = await runImport(exp, into);
    const g = sheetOf(await gridsOf(r.out), "IRIS Risks");
    expect(at(g, "B2")).toBe("0012");
    expect(String(at(g, "K3"))).toMatch(/^Line one\r?\nLine two\nLine three$/);
    const again = await runImport(exp, r.out);
    expect(again.json.cellsWritten).toBe(0);
  });

  it("a text over 32,767 characters is not written: the cell keeps its value, JSON names cell and length, and it is not counted as written", async () => {
    // SPEC "Writing files", Characters: "A text longer than a cell holds (32,767 characters) is not written: the
    // preview and the log name the cell and the length, and the cell keeps its value."
    const into = await makeRegister();
    const long = "x".repeat(40_000);
    const r = await runImport(
      exportCsv((rows) => {
        rows[1][10] = long;
      }),
      into,
    );
    expect(r.status).toBe(0);
    const g = sheetOf(await gridsOf(r.out), "IRIS Risks");
    expect(at(g, "K2")).toBe("Patching agreed");
    expect(r.json.risks.notWritten).toEqual([expect.objectContaining({ cell: "K2" })]);
    expect(JSON.stringify(r.json.risks.notWritten)).toMatch(/40,?000/);
    expect(r.json.cellsWritten).toBe(0);
  });

  it("'-5' in the export's Likelihood column is a number, not text", async () => {
    const into = await makeRegister();
    const r = await runImport(
      exportCsv((rows) => {
        rows[1][3] = "-5";
      }),
      into,
    );
    const g = sheetOf(await gridsOf(r.out), "IRIS Risks");
    expect(at(g, "D2")).toBe(-5);
  });
});

describe("the export's columns changed this month", () => {
  it("(judgement) next month, a column IRIS added ('Directorate') does not overwrite the council's Directorate Lead, which last month's profile left to the council", async () => {
    // SPEC "Imports": "Council-only columns are the register's columns that the mapping does not fill: an import
    // never writes them"; the mapping is the profile saved in Settings by last month's import. An export column
    // IRIS added this month is reported (README "Import": renamed and new columns are reported), not poured into
    // an officer's column the officer never mapped.
    const september = await runImport(exportCsv(raise001), await makeRegister());
    expect(september.status).toBe(0);
    const exp = exportCsv((rows) => {
      raise001(rows);
      rows[0].push("Directorate");
      rows.slice(1).forEach((r) => r.push("Adults"));
      rows[2][2] = "Priya Patel";
    });
    const r = await runImport(exp, september.out);
    expect(r.status).toBe(0);
    expect(r.json.layoutChanges).toEqual([expect.objectContaining({ kind: "added", header: "Directorate" })]);
    // Added by the fixer: the JSON names the council's column it was kept out of, and why it was not carried.
    expect(r.json.layoutChanges[0]).toMatchObject({ field: null, councilColumn: "Directorate Lead" });
    expect(r.json.risks.notCarried).toEqual([
      expect.objectContaining({ header: "Directorate", reason: expect.stringMatching(/"Directorate Lead"/) }),
    ]);
    const g = sheetOf(await gridsOf(r.out), "IRIS Risks");
    expect(at(g, "M2")).toBe("Place");
    expect(at(g, "M3")).toBe("Place");
    expect(at(g, "M4")).toBe("Resources");
  });

  it("IRIS dropping its RAG column leaves the RAG formulas untouched, with their results", async () => {
    const into = await makeRegister();
    const exp = exportCsv((rows) => rows.forEach((r) => r.splice(6, 1)), IRIS);
    const r = await runImport(exp, into);
    expect(r.status).toBe(0);
    expect(r.json.cellsWritten).toBe(0);
    expect(sha(r.out)).toBe(sha(into));
  });
});
