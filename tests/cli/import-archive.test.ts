// The monthly IRIS import beside where a council keeps its closed risks: a "Closed Risks" sheet (or
// "Archive", "Risks closed 2022-23") with the register's header, and a "CLOSED RISKS" section row at the
// bottom of the live register, whose risks are closed whatever their Status says (see
// src/core/read/register-contents.ts; the check reads them so since rv29). The import must agree with the
// check: a risk closed by where it stands is closed for the import too (no "not in IRIS export" note on it or
// its actions); an archive sheet is no register to import into (as an officer's dated copy is not) and is
// left byte for byte as it was; a risk the contractor reopened (in the export, on the archive only) is added
// to the live register as a new risk, and the summary says where it was closed.
// The command line runs in-process through main(); the pane's import shares planImport (core tests below)
// and lists the registers to import into with registersIn.

import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { gridFromRows } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { registersIn } from "../../src/taskpane/import/pipeline";
import { sha, tempFolder } from "../helpers/test-files";
import { exportGrid, plan, REGISTER_HEADERS, risk, type Row } from "../core/merge/helpers";
import { runMain } from "./helpers/main-in-process";
import { serial, writeXlsx, type SheetSpec } from "./settings-review-helpers";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-import-archive-");
let files = 0;
const fresh = (name: string): string => {
  const dir = path.join(tmp, String(++files));
  fs.mkdirSync(dir);
  return path.join(dir, name);
};

// ---------------------------------------------------------------------------------------------------
// A council workbook: "Risk Register" (live risks, then a CLOSED RISKS section), "Closed Risks" (the same
// header), and "Actions"; and this month's IRIS export of risks and actions.

const HEADER = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Risk Response Strategy",
  "Date of Last Review",
  "Risk Status",
  "Latest Update",
];
/** The register's Status column, 0-based (column I). */
const STATUS_COL = 8;

interface Risk {
  id: string;
  status?: string;
  l?: number;
  update?: string;
}

const riskRow = ({ id, status = "Open", l = 2, update = `Reviewed ${id}` }: Risk): CellValue[] => [
  id,
  `Title of ${id}`,
  "Ann Lee",
  l,
  3,
  l * 3,
  "Treat",
  serial("20/09/2022"),
  status,
  update,
];

/** A register-shaped sheet: a title row, a blank row, the header on row 3; a string is a section row. */
const registerSheet = (name: string, rows: (Risk | string)[]): SheetSpec => ({
  name,
  rows: [
    [`Highways contract – ${name}`],
    [],
    HEADER,
    ...rows.map((r) => (typeof r === "string" ? [r] : riskRow(r))),
  ],
  dateColumns: [7],
});

const ACTION_HEADER = ["Risk Reference", "Action Ref", "Action Description", "Action Owner", "Action Status"];
const actionsSheet = (name: string, ...rows: [risk: string, id: string][]): SheetSpec => ({
  name,
  rows: [ACTION_HEADER, ...rows.map(([r, id]) => [r, id, `Action ${id} for ${r}`, "Ann Lee", "Open"])],
});

/**
 * The live register (rows 4–6 live, row 7 the CLOSED RISKS heading, rows 8–10 under it), its Closed Risks
 * sheet, and its actions (one for a live risk, one for HRC-005, which stands under CLOSED RISKS).
 */
const LIVE: (Risk | string)[] = [
  { id: "HRC-001" },
  { id: "HRC-002" },
  { id: "HRC-003" },
  "CLOSED RISKS",
  // Cut under the heading when it closed; its Status was never changed.
  { id: "HRC-005", status: "Open" },
  { id: "HRC-006", status: "Closed" },
  { id: "HRC-008", status: "Closed" },
];
const HRC005_ROW = 8;

async function councilWorkbook(
  archiveName = "Closed Risks",
  live: (Risk | string)[] = LIVE,
  extra: SheetSpec[] = [],
): Promise<string> {
  const dir = path.dirname(fresh("x"));
  return writeXlsx(dir, "Council register.xlsx", [
    registerSheet("Risk Register", live),
    registerSheet(archiveName, [
      { id: "HRC-007", status: "Closed" },
      { id: "HRC-009", status: "Closed" },
    ]),
    actionsSheet("Actions", ["HRC-001", "A-001"], ["HRC-005", "A-005"]),
    ...extra,
  ]);
}

/**
 * This month's IRIS export: HRC-001 re-scored, HRC-002 as it was, HRC-003 gone (a live risk: flagged),
 * HRC-005 and HRC-006 gone (closed by where they stand, or by their Status: not flagged), HRC-009 back
 * (reopened by the contractor: it is only on Closed Risks). `more` adds rows.
 */
async function irisExport(more: Risk[] = []): Promise<string> {
  const dir = path.dirname(fresh("x"));
  return writeXlsx(dir, "IRIS export October.xlsx", [
    registerSheet("IRIS Risks", [
      { id: "HRC-001", l: 4, update: "Resurfacing slipped a month" },
      { id: "HRC-002" },
      { id: "HRC-009", update: "Depot lease talks failed: reopened" },
      ...more,
    ]),
    actionsSheet("IRIS Actions", ["HRC-001", "A-001"]),
  ]);
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  out: string;
}

/** `risk-review import EXPORT --into INTO --out MERGED --as-at 2022-10-10 --format F [extra]`; inputs untouched. */
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

const gridsOf = async (file: string): Promise<Grid[]> =>
  readWorkbookFile(new Uint8Array(fs.readFileSync(file)), path.basename(file));
const sheetOf = (grids: Grid[], name: string): Grid => grids.find((g) => g.sheetName === name)!;
/** A cell by 1-based row and 0-based column. */
const at = (g: Grid, row: number, col: number): CellValue =>
  g.values[row - 1 - g.rowOffset]?.[col - g.colOffset] ?? null;
const idsOf = (g: Grid): CellValue[] => g.values.map((r) => r[0]).filter((v) => /^HRC-/.test(String(v)));

/** The worksheet part (XML) of the sheet named `name`. */
function sheetPart(file: string, name: string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const text = (p: string) => strFromU8(parts[p]);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(
    text("xl/_rels/workbook.xml.rels"),
  )![1];
  return text(`xl/${target.replace(/^\/?xl\//, "")}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byId = (list: any[], id: string) => list.find((r) => r.id === id);

// ---------------------------------------------------------------------------------------------------

describe("import into a register beside its Closed Risks sheet, with a CLOSED RISKS section", () => {
  let into: string;
  let exportFile: string;
  let run: Run;
  beforeAll(async () => {
    into = await councilWorkbook();
    exportFile = await irisExport();
    run = await runImport(exportFile, into);
  });

  it("imports into the live register without being told which: the archive is no second register", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.json.register).toBe("Risk Register");
    expect(run.json.risks.sheet).toBe("Risk Register");
  });

  it("backs up only the sheets it writes, and leaves the Closed Risks sheet byte for byte as it was", () => {
    // The actions sheet is not written (A-005's risk is closed, A-001 unchanged), so it is not backed up.
    expect(run.json.backups).toEqual(["Backup Risk Register 2022-10-10"]);
    expect(sheetPart(run.out, "Closed Risks")).toBe(sheetPart(into, "Closed Risks"));
  });

  it("a risk under the CLOSED RISKS heading missing from the export is closed: no note, its Status as it was", async () => {
    const hrc005 = byId(run.json.risks.missing, "HRC-005");
    expect(hrc005).toMatchObject({ row: HRC005_ROW, flagged: false, cell: null });
    expect(hrc005.reason).toMatch(/closed/i);
    expect(hrc005.reason).toMatch(/CLOSED RISKS/);
    const register = sheetOf(await gridsOf(run.out), "Risk Register");
    expect(at(register, HRC005_ROW, STATUS_COL)).toBe("Open");
  });

  it("guard: a live risk missing from the export is still noted; one Closed by its Status still is not", async () => {
    const hrc003 = byId(run.json.risks.missing, "HRC-003");
    expect(hrc003).toMatchObject({ flagged: true, cell: "I6" });
    expect(byId(run.json.risks.missing, "HRC-006")).toMatchObject({ flagged: false, reason: "closed" });
    const register = sheetOf(await gridsOf(run.out), "Risk Register");
    expect(at(register, 6, STATUS_COL)).toBe("Open (not in IRIS export of 10/10/2022)");
  });

  it("the action of a risk closed by where it stands is not noted as missing either", () => {
    const a005 = byId(run.json.actions.missing, "A-005");
    expect(a005).toMatchObject({ flagged: false, reason: "its risk is closed" });
  });

  it("a risk reopened from Closed Risks is added to the live register as new, and JSON says where it was closed", async () => {
    const added = byId(run.json.risks.new, "HRC-009");
    expect(added).toMatchObject({ riskId: "HRC-009", wasClosedOn: { sheet: "Closed Risks" } });
    const grids = await gridsOf(run.out);
    expect(idsOf(sheetOf(grids, "Risk Register"))).toContain("HRC-009");
    // The archive row stays as it was: the risk's history.
    expect(idsOf(sheetOf(grids, "Closed Risks"))).toEqual(["HRC-007", "HRC-009"]);
    // A risk on neither is new with nothing said.
    expect(run.json.movement.newRisks).toContain("HRC-009");
  });

  it("heads the new row below the CLOSED RISKS heading with a heading of its own, so the check reads it as live, and says so", () => {
    // Judgement (rv-imp30, decision 7, replacing "warn that the check reads it as closed"): new rows go below
    // the register's last row, here under the CLOSED RISKS heading; the import writes "New risks – IRIS import
    // 10/10/2022" at row 11 above HRC-009 (row 12), which ends the closed section, and says why.
    const warning = run.json.warnings.find((w: string) => /CLOSED RISKS/.test(w));
    expect(warning).toBeDefined();
    expect(warning).toMatch(/HRC-009/);
    expect(warning).toMatch(/row 11\b/);
    expect(warning).toMatch(/New risks – IRIS import 10\/10\/2022/);
    expect(warning).toMatch(/reads it as a live risk, not as closed/i);
    expect(run.json.risks.heading).toMatchObject({ row: 11, text: "New risks – IRIS import 10/10/2022" });
  });

  it("the text summary names the reopened risk with the sheet it was closed on, and the closed one not noted", async () => {
    const text = await runImport(exportFile, into, [], "text");
    expect(text.status).toBe(0);
    // rv-imp30: the text names the row each new risk was written to, as the JSON does.
    expect(text.stdout).toMatch(/New: HRC-009 \(row 12; was on Closed Risks\)/);
    expect(text.stdout).toMatch(/Not in the export: HRC-005, row 8: not noted \(closed[^)]*CLOSED RISKS/);
    expect(text.stdout).not.toMatch(/registers \(/);
  });

  it("refuses --register naming the Closed Risks sheet, in words saying it holds closed risks", async () => {
    const refused = await runImport(exportFile, into, ["--register", "Closed Risks"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/"Closed Risks"/);
    expect(refused.stderr).toMatch(/closed risks/i);
    expect(fs.existsSync(refused.out)).toBe(false);
  });
});

describe("the archive named otherwise, and a reopened risk's status under the heading", () => {
  it.each(["Archive", "Risks closed 2022-23"])(
    "a %s sheet is not counted as a register to import into",
    async (name) => {
      const into = await councilWorkbook(name);
      const run = await runImport(await irisExport(), into);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.json.register).toBe("Risk Register");
      expect(byId(run.json.risks.new, "HRC-009").wasClosedOn).toEqual({ sheet: name });
      expect(sheetPart(run.out, name)).toBe(sheetPart(into, name));
    },
  );

  it("guard: a register without a CLOSED RISKS section adds the reopened risk with no warning about a heading", async () => {
    const into = await councilWorkbook("Closed Risks", [{ id: "HRC-001" }, { id: "HRC-002" }]);
    const run = await runImport(await irisExport(), into);
    expect(run.status).toBe(0);
    expect(run.json.warnings.filter((w: string) => /heading/i.test(w))).toEqual([]);
    expect(byId(run.json.risks.new, "HRC-009").wasClosedOn).toEqual({ sheet: "Closed Risks" });
  });

  it("a risk under the heading that the export reopens: its Status is written, and the officer is told the check still reads it closed", async () => {
    // Judgement: the contractor reopened HRC-008 (Closed under the heading, Open in the export). The import
    // writes its Status, but the row still stands under CLOSED RISKS, so the check would read it closed:
    // say so, as for a new row placed there.
    const into = await councilWorkbook();
    const run = await runImport(await irisExport([{ id: "HRC-008", status: "Open" }]), into);
    expect(run.status).toBe(0);
    const changed = byId(run.json.risks.changed, "HRC-008");
    expect(changed.cells.map((c: { field: string }) => c.field)).toContain("status");
    const warning = run.json.warnings.find((w: string) => /HRC-008/.test(w));
    expect(warning).toMatch(/CLOSED RISKS/);
    expect(warning).toMatch(/row 10\b/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The pane's import: the same planImport, and the registers it offers.

/** The core helpers' register (title row, header on row 2) with a section row among its rows. */
function coreRegister(name: string, rows: (Row | string)[]): Grid {
  const data = rows.map((r) =>
    typeof r === "string" ? [r] : [...r.slice(0, 9), `Council note ${r[0]}`, r[9]],
  );
  return gridFromRows(name, [[`Highways ${name}`], REGISTER_HEADERS, ...data], { origin: "council.xlsx" });
}

describe("planImport (shared with the pane) and the registers the pane offers", () => {
  const workbook = (): Grid[] => [
    coreRegister("Register", [
      risk("HRC-001"),
      risk("HRC-002"),
      "CLOSED RISKS",
      risk("HRC-005", { "Risk Status": "Open" }),
    ]),
    coreRegister("Closed Risks", [risk("HRC-009", { "Risk Status": "Closed" })]),
  ];

  it("a risk under CLOSED RISKS missing from the export is not flagged", () => {
    const p = plan([exportGrid([risk("HRC-001"), risk("HRC-002")])], workbook());
    const hrc005 = p.risks.missing.find((m) => m.label === "HRC-005")!;
    expect(hrc005.flag).toBeNull();
    expect(hrc005.noFlagReason).toMatch(/closed/i);
    expect(p.cellCount).toBe(0);
  });

  it("a risk reopened from Closed Risks is new on the register, with the sheet it was closed on", () => {
    const p = plan([exportGrid([risk("HRC-001"), risk("HRC-002"), risk("HRC-009")])], workbook());
    const added = p.risks.added.find((a) => a.label === "HRC-009")!;
    expect(added.wasClosedOn).toEqual({ sheet: "Closed Risks" });
    expect(p.risks.added.find((a) => a.label === "HRC-001")).toBeUndefined();
  });

  it("refuses to plan an import into the Closed Risks sheet", () => {
    expect(() =>
      plan([exportGrid([risk("HRC-001")])], workbook(), { targetRegister: "Closed Risks" }),
    ).toThrow(/"Closed Risks".*closed risks/i);
  });

  it("the pane offers the live register only, not the Closed Risks sheet", () => {
    expect(registersIn(workbook(), defaultSettings(), "2022-10-10")).toEqual(["Register"]);
  });
});
