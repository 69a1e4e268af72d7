/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// (Node's export conditions: exceljs's uuid has no CommonJS build under the browser ones.)
// The Import view's preview says where the new risks land against the register's Excel table before Apply
// writes anything, in the words the command line's plan uses for the same workbook (README "Import"). The
// pane reads the register sheet's tables (name, range address, showTotals) in the same syncs as the rest of
// the workbook and hands them to the planner the command line uses, so "outside the table" is said in step 3,
// not only in the Done step once written ("its totals leave them out", which needs no table, already was: the
// guards). Each workbook is built once with exceljs: the command line imports the .xlsx (`risk-review import
// EXPORT.csv --into BOOK.xlsx --out …`), the pane reads the same content from the strict fake host
// (tests/excel/pane-cli-parity-helpers.ts officeView); both take the same CSV export, as at today (no --as-at;
// the workbook's Settings hold none).

import "./settings-review-encoders"; // first: the file readers need TextDecoder as they load
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { disposeTabster, getTabster } from "tabster";
import { uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { runMain } from "../cli/helpers/main-in-process";
import { install } from "../excel/helpers";
import { cleanUp, officeView } from "../excel/pane-cli-parity-helpers";
import { renderPane } from "./start-meeting";
import { csvLine, fileOf, REGISTER_HEADER, REGISTER_ROWS } from "./import-files";

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 15_000 });

const REG = "Risk Register";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-import-table-preview-"));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cleanUp(); // the parity helpers' own temporary folder
});
afterEach(() => {
  // Tabster (Fluent's focus manager) is one per window: disposed between tests, as the other pane tests do.
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster);
  uninstallFakeExcel();
  localStorage.clear();
});

type Cell = string | number | null;
const NEW_4: Cell[] = [
  "HRC-004",
  "Bridge joint failure",
  "M. Reid",
  4,
  4,
  16,
  "Treat",
  "Open",
  "Inspection booked",
];
const NEW_5: Cell[] = ["HRC-005", "Signal obsolescence", "T. Ng", 3, 4, 12, "Treat", "Open", "Parts sourced"];
/** The month's export: the register's three risks as they were, and two new ones. */
const EXPORT_CSV = [
  csvLine(REGISTER_HEADER),
  ...[...REGISTER_ROWS, NEW_4, NEW_5].map((r) => csvLine(r as (string | number)[])),
].join("\r\n");
const TITLE: Cell[] = ["Highways Contract – Risk Register"];
const KEY: Cell[][] = [
  ["Key:"],
  ["Red", "15–25: escalate"],
  ["Amber", "5–12: directorate register"],
  ["Green", "1–4: manage locally"],
];

interface Layout {
  /** The sheet's rows from row 1; the register's header on row 3 and its three risks on rows 4–6. */
  rows: Cell[][];
  /** The register as an Excel table "Risks" over its header and risks (and a Total row when `totals`). */
  table?: { totals: boolean };
  /** Formulas by A1 address, with the result Excel shows. */
  formulas?: Record<string, { formula: string; result: number }>;
  /**
   * The table's Risk Score (F) is a calculated column: D×E in each risk's row (D4*E4 …), and the table's
   * column formula (calculatedColumnFormula), which Excel fills into a new table row.
   */
  calculated?: boolean;
}

/** The calculated Risk Score's formula, as for the table's first data row (row 4). */
const SCORE_FORMULA = "D4*E4";

/** The register in a layout: title, blank row, header, three risks, then what the layout puts below. */
function book({ rows, table, formulas, calculated }: Layout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REG);
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, j + 1).value = v;
    }),
  );
  if (table)
    ws.addTable({
      name: "Risks",
      ref: "A3",
      headerRow: true,
      totalsRow: table.totals,
      columns: REGISTER_HEADER.map((name, i) => ({
        name,
        ...(table.totals && i === 0 ? { totalsRowLabel: "Total" } : {}),
        ...(table.totals && i === 5 ? { totalsRowFunction: "sum" as const } : {}),
      })),
      rows: REGISTER_ROWS.map((r, i) =>
        calculated ? r.map((v, c) => (c === 5 ? { formula: `D${i + 4}*E${i + 4}`, result: v } : v)) : [...r],
      ),
    });
  for (const [ref, f] of Object.entries(formulas ?? {})) ws.getCell(ref).value = f;
  return wb;
}

/** The register's rows 1–6, as a plain range (`table` puts the risks in a table instead). */
const REGISTER: Cell[][] = [TITLE, [], REGISTER_HEADER, ...REGISTER_ROWS];

/**
 * The layout's workbook as Excel saves it: exceljs writes no calculatedColumnFormula, so a calculated Risk
 * Score's is put into the table part as Excel writes it.
 */
async function xlsxOf(layout: Layout): Promise<Uint8Array> {
  const bytes = new Uint8Array((await book(layout).xlsx.writeBuffer()) as ArrayBuffer);
  if (!layout.calculated) return bytes;
  const parts = unzipSync(bytes);
  const table = "xl/tables/table1.xml";
  const xml = new TextDecoder().decode(parts[table]);
  const withFormula = xml.replace(
    /(<tableColumn [^>]*name="Risk Score"[^>]*?)\/>/,
    `$1><calculatedColumnFormula>${SCORE_FORMULA}</calculatedColumnFormula></tableColumn>`,
  );
  if (withFormula === xml) throw new Error("no Risk Score column in the table part");
  parts[table] = new TextEncoder().encode(withFormula);
  return zipSync(parts);
}

let files = 0;
/**
 * `risk-review import EXPORT.csv --into BOOK.xlsx --out MERGED.xlsx --format text`: its "Warning:" lines, and
 * the formulas of the merged register sheet by address ("=D7*E7", as Office.js gives a formula).
 */
async function cliImport(layout: Layout): Promise<{ warnings: string[]; formulas: Record<string, string> }> {
  const dir = path.join(tmp, String(++files));
  fs.mkdirSync(dir);
  const into = path.join(dir, "Highways risk register.xlsx");
  const exportFile = path.join(dir, "iris.csv");
  const merged = path.join(dir, "Merged.xlsx");
  fs.writeFileSync(into, await xlsxOf(layout));
  fs.writeFileSync(exportFile, EXPORT_CSV);
  const run = await runMain(["import", exportFile, "--into", into, "--out", merged]);
  if (run.status !== 0) throw new Error(`import failed (${run.status}): ${run.stderr}`);
  const sheet = new TextDecoder().decode(
    unzipSync(new Uint8Array(fs.readFileSync(merged)))["xl/worksheets/sheet1.xml"],
  );
  const formulas = Object.fromEntries(
    [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g)].map((m) => [m[1], `=${m[2]}`]),
  );
  const warnings = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("Warning: "))
    .map((l) => l.trim());
  return { warnings, formulas };
}

/** The "Warning:" lines of `risk-review import EXPORT.csv --into BOOK.xlsx --out … --format text`. */
const cliWarnings = async (layout: Layout): Promise<string[]> => (await cliImport(layout)).warnings;

/** The same workbook in the fake host (on `apiVersion`), the Import view open on it. */
async function openImport(layout: Layout, apiVersion = "1.13") {
  const { spec, formulas } = officeView(book(layout), "Highways risk register.xlsx", apiVersion);
  // The calculated column, as the table part the command line reads holds it.
  if (layout.calculated)
    for (const t of spec.sheets.flatMap((sh) => sh.tables ?? [])) t.calculatedColumns = { F: SCORE_FORMULA };
  const host: FakeHost = install(spec);
  for (const f of formulas) {
    const cell = host.sheet(f.sheet).ensure(f.row, f.col);
    cell.formula = f.formula;
    cell.v = f.result;
  }
  const { user } = renderPane("import");
  const choose = await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  await waitFor(() => expect(choose).toBeEnabled());
  return { host, user };
}

/** Picks the export, keeps the proposed mapping, opens the preview; its warnings as the officer reads them. */
async function previewWarnings(user: ReturnType<typeof userEvent.setup>): Promise<string[]> {
  fireEvent.change(screen.getByTestId("import-file"), {
    target: { files: [fileOf("iris.csv", EXPORT_CSV)] },
  });
  await user.click(await screen.findByRole("button", { name: "Preview changes" }));
  const heading = await screen.findByRole("heading", { name: "What the import would change" });
  const step = heading.parentElement as HTMLElement;
  expect(within(step).getByRole("button", { name: "Apply the import" })).toBeEnabled();
  return within(step)
    .queryAllByText(/^Warning:$/)
    .map((title) => (title.parentElement?.textContent ?? "").replace(/\s+/g, " ").trim());
}

const sheetOf = (host: FakeHost) => host.snapshot().sheets.find((s) => s.name === REG)!;

describe("the Import view's preview says where the new risks land against the register's table, before Apply", () => {
  it("a table without a Total row, one blank row and a colour key under it: the preview says the new rows are outside the table, as the command line's plan does, and nothing is written yet", async () => {
    // Two new risks, one blank row under the table (A3:I6) before the key: they go below the key (rows 12–13),
    // outside the table. The command line says so in its plan; the pane said it only after Apply wrote them.
    const layout: Layout = { rows: [TITLE, [], [], [], [], [], [], ...KEY], table: { totals: false } };
    const cli = await cliWarnings(layout);
    expect(cli.join("\n")).toMatch(/outside the table/);
    const { host, user } = await openImport(layout);
    const before = sheetOf(host);
    const pane = await previewWarnings(user);
    expect(pane.filter((w) => /outside the table/.test(w))).toEqual(
      cli.filter((w) => /outside the table/.test(w)),
    );
    expect(pane).toEqual(cli);
    expect(sheetOf(host)).toEqual(before);
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual([REG]);
  });

  it("guard: a table whose Total row has a note straight under it: the preview says the new rows go below the Total row, outside the table, as the command line does", async () => {
    const layout: Layout = {
      rows: [TITLE, [], [], [], [], [], [], ["Last reviewed at RMB 28/09/22"]],
      table: { totals: true },
    };
    const cli = await cliWarnings(layout);
    expect(cli.join("\n")).toMatch(/below the table's totals row \(row 7\).*outside the table/);
    const { user } = await openImport(layout);
    expect(await previewWarnings(user)).toEqual(cli);
  });

  it("guard: a register's own Total row of SUM formulas with notes below it: the preview says its totals leave the new risks out, as the command line does", async () => {
    const layout: Layout = {
      rows: [...REGISTER, ["Total"], [], ["Notes:"], ["Last reviewed at RMB 28/09/22"]],
      formulas: { F7: { formula: "SUM(F4:F6)", result: 19 } },
    };
    const cli = await cliWarnings(layout);
    expect(cli.join("\n")).toMatch(/totals leave them out/);
    const { user } = await openImport(layout);
    expect(await previewWarnings(user)).toEqual(cli);
  });

  it("guard: a table with nothing under it: no warning in either, and Apply grows the table over the new risks (ExcelApi 1.13, Table.resize)", async () => {
    const layout: Layout = { rows: [TITLE], table: { totals: false } };
    expect(await cliWarnings(layout)).toEqual([]);
    const { host, user } = await openImport(layout);
    expect(await previewWarnings(user)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Apply the import" }));
    await screen.findByRole("heading", { name: /^Imported “/ }, { timeout: 30_000 });
    expect(sheetOf(host).tables).toEqual([{ name: "Risks", address: "A3:I8", showTotals: false }]);
    expect(
      sheetOf(host)
        .values.slice(6, 8)
        .map((r) => r[0]),
    ).toEqual(["HRC-004", "HRC-005"]);
  });

  it("a table with nothing under it, on a host that cannot resize a table (below ExcelApi 1.13): the preview says the new rows will be outside it and how to include them, before Apply", async () => {
    // The command line grows the table in the file; this host cannot (Table.resize is ExcelApi 1.13), so the
    // rows written below it stay outside it. The Done step said so after writing; the preview says it first.
    const { host, user } = await openImport({ rows: [TITLE], table: { totals: false } }, "1.9");
    const before = sheetOf(host);
    const pane = await previewWarnings(user);
    expect(pane).toHaveLength(1);
    expect(pane[0]).toMatch(
      /^Warning: "Risk Register": the new rows go in rows 7–8, directly below the register's table \(it ends at row 6\).*ExcelApi 1\.13.*outside the table.*Table Design > Resize Table, and enter A3:I8/,
    );
    expect(sheetOf(host)).toEqual(before);
  });
});

describe("an import into a table whose Risk Score is a calculated column: the pane leaves each new risk's score to the column's formula, as the command line does", () => {
  // SPEC "Formulas": a register's formula is never replaced by a value. The command line gives each new table
  // row the column's formula (the export's score kept only as its saved result); the pane wrote the export's
  // score over the formula Excel fills into a row inserted at the Total row, and under a table it then grew.
  // Neither says anything about it in the preview or the Done step: the same (no) notes in both.
  /** The new risks' rows (7–8) and the Total row's, as each writes them. */
  const NEW_ROWS = ["F7", "F8"];

  it.each([
    ["with nothing under it (the table grown over the new risks)", { totals: false }, {}],
    ["with a Total row (rows inserted at it)", { totals: true }, { F9: "=SUBTOTAL(109,Risks[Risk Score])" }],
  ])(
    "a table %s: the new risks' scores are the column's formula for their rows in both",
    async (_what, table, totalsRow) => {
      const layout: Layout = { rows: [TITLE], table, calculated: true };
      const cli = await cliImport(layout);
      const expected = { F7: "=D7*E7", F8: "=D8*E8", ...totalsRow };
      const pick = (f: Record<string, string | undefined>) =>
        Object.fromEntries([...NEW_ROWS, ...Object.keys(totalsRow)].map((a) => [a, f[a]]));
      expect(pick(cli.formulas)).toEqual(expected);

      const { host, user } = await openImport(layout);
      expect(await previewWarnings(user)).toEqual(cli.warnings);
      await user.click(screen.getByRole("button", { name: "Apply the import" }));
      const done = await screen.findByRole("heading", { name: /^Imported “/ }, { timeout: 30_000 });
      const after = sheetOf(host);
      expect(pick(after.formulas)).toEqual(expected);
      expect(after.tables).toEqual([
        { name: "Risks", address: table.totals ? "A3:I9" : "A3:I8", showTotals: table.totals },
      ]);
      expect(after.values.slice(6, 8).map((r) => r[0])).toEqual(["HRC-004", "HRC-005"]);
      // The Done step's notes: none, as the command line prints no warning.
      const step = done.parentElement as HTMLElement;
      expect(within(step).queryAllByText(/calculated|formula/i)).toEqual([]);
      expect(cli.warnings).toEqual([]);
    },
  );
});
