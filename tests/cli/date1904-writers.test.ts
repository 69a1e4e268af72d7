// Dates the command line writes where the workbook counts its dates from 1904 (an old Mac workbook, or
// "Use 1904 date system" ticked): `check --out` from such a register, and the owned tabs and the Import
// Log an import writes into one, read back as the dates they are (not four years and a day late).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCheck, type CliOutput } from "../../src/cli/check-command";
import { runImport } from "../../src/cli/import-command";
import { readWorkbookFile } from "../../src/files/read-workbook-file";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-date1904-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const quiet: CliOutput = { stdout: () => undefined, stderr: () => undefined };
const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "Strategy",
  "Status",
  "Escalate?",
  "Last Updated",
  "Latest Update",
];
const AS_AT = "2022-10-10";
const AS_AT_DATE = new Date(Date.UTC(2022, 9, 10));

/** A one-sheet register saved in the 1904 date system; HRC-001 last updated 12/09/2022. */
async function mac1904Register(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Register");
  ws.addRow(HEADERS);
  ws.addRow([
    "HRC-001",
    "Road",
    "Jane Smith",
    4,
    5,
    20,
    "Treat",
    "Open",
    "Y (to Highways Board)",
    new Date(Date.UTC(2022, 8, 12)),
    "Resurfacing delayed",
  ]);
  ws.getCell("J2").numFmt = "dd/mm/yyyy";
  await wb.xlsx.writeFile(file);
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The as-at date (C2) of each owned tab that has one. */
function asAtDates(wb: ExcelJS.Workbook, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, wb.getWorksheet(n)?.getCell("C2").value]));
}

describe("check --out from a 1904-date-system register", () => {
  let review: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = path.join(tmp, "mac-check.xlsx");
    await mac1904Register(input);
    const out = path.join(tmp, "review.xlsx");
    await runCheck({ command: "check", workbook: input, asAt: AS_AT, format: "json", out }, quiet);
    review = await readBack(out);
  });

  it("writes the as-at date of every summary tab as 10/10/2022", () => {
    const tabs = ["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"];
    expect(asAtDates(review, tabs)).toEqual(Object.fromEntries(tabs.map((n) => [n, AS_AT_DATE])));
  });

  it("writes the register's update date on the Escalation tab as 12/09/2022", () => {
    const ws = review.getWorksheet("Escalation")!;
    const dates: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => dates.push(cell.value)));
    expect(dates).toContainEqual(new Date(Date.UTC(2022, 8, 12)));
    expect(dates).not.toContainEqual(new Date(Date.UTC(2026, 8, 13)));
  });
});

describe("two imports into a 1904-date-system register", () => {
  let merged: ExcelJS.Workbook;
  let grids: Awaited<ReturnType<typeof readWorkbookFile>>;

  beforeAll(async () => {
    const into = path.join(tmp, "mac-import.xlsx");
    await mac1904Register(into);
    const exportFile = path.join(tmp, "iris.csv");
    const row = ["HRC-001", "Road", "Jane Smith", 4, 5, 20, "Treat", "Open", "Y", "05/10/2022", "u2"];
    fs.writeFileSync(exportFile, [HEADERS, row].map((r) => r.join(",")).join("\r\n"));
    const once = path.join(tmp, "once.xlsx");
    const twice = path.join(tmp, "twice.xlsx");
    const first = {
      command: "import",
      export: exportFile,
      into,
      out: once,
      format: "json",
      asAt: AS_AT,
    } as const;
    expect(await runImport(first, quiet)).toBe(0);
    // The second import finds the Import Log there and appends to it.
    const row2 = [...row.slice(0, 9), "07/10/2022", "u3"];
    fs.writeFileSync(exportFile, [HEADERS, row2].map((r) => r.join(",")).join("\r\n"));
    expect(await runImport({ ...first, into: once, out: twice }, quiet)).toBe(0);
    merged = await readBack(twice);
    grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(twice)), "twice.xlsx");
  });

  it("writes the Risk Summary's as-at date as 10/10/2022", () => {
    expect(asAtDates(merged, ["Risk Summary"])).toEqual({ "Risk Summary": AS_AT_DATE });
  });

  it("shows the register's date as 07/10/2022", () => {
    expect(merged.getWorksheet("Register")!.getCell("J2").value).toEqual(new Date(Date.UTC(2022, 9, 7)));
  });

  it("writes both Import Log rows' When as the import's date, 10/10/2022", () => {
    // Both imports are as at 10/10/2022 (--as-at), so that is their When (importStamp), read back as the
    // 1900-system serial of that day, not four years and a day out. (It was the time of the run before
    // README review 28, when the log's When disagreed with the import's as-at date.)
    const log = grids.find((g) => g.sheetName === "Import Log")!;
    const header = log.values.findIndex((r) => r[0] === "When");
    const whens = log.values
      .slice(header + 1)
      .map((r) => r[0])
      .filter((v) => v !== null);
    const asAtSerial = AS_AT_DATE.getTime() / 86_400_000 + 25569;
    expect(whens.length).toBeGreaterThanOrEqual(2);
    for (const when of whens) expect(when).toBe(asAtSerial);
  });
});
