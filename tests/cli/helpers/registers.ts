// Small register workbooks for the command line's tests: a header, a risk that breaks no
// rule as at 10 October 2022, and a writer.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

export type Row = (string | number | Date | null)[];
export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

export const HEADER: Row = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Next Review Date",
  "Risk Status",
];

/** A risk that breaks no rule as at 10 October 2022 (score 4, green, reviewed this month). */
export const risk = (id: string, title: string, owner: string): Row => [
  id,
  title,
  owner,
  2,
  2,
  4,
  "Green",
  "Treat",
  "Spare gritters on call-off",
  utc(2022, 10, 1),
  utc(2022, 11, 1),
  "Open",
];

/** `risk()` scored likelihood × impact instead, with the RAG status given. */
export const scoredRisk = (
  id: string,
  title: string,
  owner: string,
  likelihood: number,
  impact: number,
  rag: string,
): Row => {
  const row = risk(id, title, owner);
  row[3] = likelihood;
  row[4] = impact;
  row[5] = likelihood * impact;
  row[6] = rag;
  return row;
};

/** A risk scored 5 × 5 = 25 (red): routed to the corporate register and the Strategic Partnership Board. */
export const red = (id: string, title: string, owner: string): Row =>
  scoredRisk(id, title, owner, 5, 5, "Red");

export async function writeWorkbook(file: string, sheets: Record<string, Row[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** The headers of an IRIS export, and of the small register the import tests merge one into. */
export const IMPORT_REGISTER_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "Strategy",
  "Status",
  "Last Updated",
  "Latest Update",
];

/**
 * The files of a one-risk import: a register (.xlsx; HRC-001 last updated 12/09/2022, update "u1"), in the
 * 1904 date system when asked, and an IRIS export (.csv) of the same risk last updated `exportLastUpdated`
 * with update "u2". Returns their paths in `dir`, named from `name`.
 */
export async function writeOneRiskImport(
  dir: string,
  name: string,
  exportLastUpdated: string,
  options: { date1904?: boolean } = {},
): Promise<{ into: string; exportFile: string }> {
  const headers = IMPORT_REGISTER_HEADERS;
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Register");
  ws.addRow(headers);
  ws.addRow(["HRC-001", "Road", "Jane Smith", 3, 3, 9, "Treat", "Open", utc(2022, 9, 12), "u1"]);
  ws.getCell("I2").numFmt = "dd/mm/yyyy";
  const into = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(into);
  const exportFile = path.join(dir, `${name}-export.csv`);
  const row = ["HRC-001", "Road", "Jane Smith", 3, 3, 9, "Treat", "Open", exportLastUpdated, "u2"];
  fs.writeFileSync(exportFile, [headers, row].map((r) => r.join(",")).join("\r\n"));
  return { into, exportFile };
}
