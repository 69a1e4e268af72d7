// Colour-only RAG in the task pane: the RAG column's fills are read for its cells with no text, in one extra
// request, only that column, and only when such cells exist; a risk matrix coloured only, in the same request.

import type { CellValue } from "../../src/core/model/grid";
import { readAllSheets } from "../../src/excel/read-sheets";
import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import { install } from "./helpers";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "RAG",
  "Strategy",
  "Actions",
  "Last Updated",
  "Status",
];
const risk = (id: string, score: number, rag: CellValue): CellValue[] => [
  id,
  "Title",
  "Jo",
  4,
  score / 4,
  score,
  rag,
  "Treat",
  "Act",
  "01/10/2022",
  "Open",
];

const register = (rows: CellValue[][], fills: Record<string, string> = {}) => ({
  name: "Register",
  values: [HEADERS, ...rows],
  fills,
});

describe("readRagFills", () => {
  it("reads the fills of the RAG column's blank cells in one more sync, and the check reads them as RAG words", async () => {
    const host = install({
      sheets: [
        register([risk("R1", 16, ""), risk("R2", 16, "Red"), risk("R3", 20, ""), risk("R4", 8, "")], {
          G2: "#00B050",
          G3: "#00B050",
          G4: "#FF0000",
          B2: "#FF0000",
        }),
        { name: "Notes", values: [["just notes"]] },
      ],
    });
    const grids = await readAllSheets();
    const reg = grids.find((g) => g.sheetName === "Register")!;
    expect(reg.blankFills).toEqual([
      { row: 1, col: 6, rgb: "00B050" },
      { row: 3, col: 6, rgb: "FF0000" },
    ]);
    // Names, used ranges with the first rows, which cells hold formulas (none), then the fills (no merged
    // areas below ExcelApi 1.13).
    expect(host.stats().syncs).toBe(4);
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      today: "2022-10-10",
      source: "workbook",
    });
    expect(
      report.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => [f.cell, f.message]),
    ).toEqual([["G2", "Risk R1 is marked Green but its score 16 is Red."]]);
  });

  it("finds the RAG column by the officer's column correction where its header says nothing of RAG", async () => {
    const headers = HEADERS.map((h) => (h === "RAG" ? "Colour" : h));
    install({
      sheets: [
        {
          name: "Register",
          values: [headers, risk("R1", 16, ""), risk("R2", 4, "")],
          fills: { G2: "#FF0000", G3: "#00B050" },
        },
      ],
    });
    const corrections = [{ sheet: "Register", header: "Colour", field: "rag" }];
    const [without] = await readAllSheets();
    expect(without.blankFills).toBeUndefined();
    const [grid] = await readAllSheets(undefined, { columnCorrections: corrections });
    expect(grid.blankFills).toEqual([
      { row: 1, col: 6, rgb: "FF0000" },
      { row: 2, col: 6, rgb: "00B050" },
    ]);
  });

  it("reads a risk matrix coloured only (no words) in the same request, so its bands rate the register", async () => {
    // Green up to 6, amber 8–12, red 15 and over: by this matrix a score of 6 is Green (Amber by default).
    const matrix: CellValue[][] = [["Risk matrix"], ["", 1, 2, 3, 4, 5]];
    const fills: Record<string, string> = {};
    for (let l = 5; l >= 1; l--) {
      const row = matrix.push([l, "", "", "", "", ""]);
      for (let i = 1; i <= 5; i++) {
        const score = l * i;
        fills[`${"BCDEF"[i - 1]}${row}`] = score >= 15 ? "#FF0000" : score >= 8 ? "#FFC000" : "#00B050";
      }
    }
    const host = install({
      sheets: [
        register(
          [risk("R1", 16, ""), ["R2", "Title", "Jo", 2, 3, 6, "Green", "Treat", "Act", "01/10/2022", "Open"]],
          { G2: "#FF0000" },
        ),
        { name: "Matrix", values: matrix, fills },
      ],
    });
    const grids = await readAllSheets();
    expect(grids[1].blankFills).toHaveLength(25);
    expect(grids[1].blankFills).toContainEqual({ row: 2, col: 5, rgb: "FF0000" }); // likelihood 5, impact 5
    // Still one request for every fill: names, used ranges, formula cells, fills.
    expect(host.stats().syncs).toBe(4);
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      today: "2022-10-10",
      source: "workbook",
    });
    expect(report.sheets.find((s) => s.name === "Matrix")?.riskMatrix).toBe(true);
    // R2 (2 × 3 = 6) is Green by the matrix, as marked (Amber by the default bands); R1 (16) is red-filled.
    expect(report.findings.filter((f) => f.ruleId === "risk/rag-mismatch")).toEqual([]);
  });

  it("reads no fills on a sheet of no known kind without a matrix's numbered axes", async () => {
    const host = install({
      sheets: [
        register([risk("R1", 16, "Red")]),
        { name: "Notes", values: [["Notes"], ["", "a", "b"]], fills: { B2: "#FF0000" } },
      ],
    });
    const grids = await readAllSheets();
    expect(grids[1].blankFills).toBeUndefined();
    expect(host.stats().syncs).toBe(3);
  });

  it("costs no request when no RAG cell is blank", async () => {
    const host = install({ sheets: [register([risk("R1", 16, "Red")], { G2: "#00B050" })] });
    const grids = await readAllSheets();
    expect(grids[0].blankFills).toBeUndefined();
    expect(host.stats().syncs).toBe(3); // names, used ranges, formula cells: no fills asked
  });

  it("leaves the cells blank on a host below ExcelApi 1.9", async () => {
    const host = install({
      sheets: [register([risk("R1", 16, "")], { G2: "#00B050" })],
      apiVersion: "1.8",
    });
    const grids = await readAllSheets();
    expect(grids[0].blankFills).toBeUndefined();
    expect(host.stats().syncs).toBe(2);
  });
});
