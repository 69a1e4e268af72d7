// Small register workbooks for the command line's tests: a header, a risk that breaks no
// rule as at 10 October 2022, and a writer.

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

/** The headers of the small register the import tests merge an IRIS export into. */
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
