// Review (rev-b): `risk-review import` into a register saved in the 1904 date system (an old Mac workbook, or
// one with "Use 1904 date system" ticked). Failed when written: the writer puts 1900-system serials into it,
// so every date the import writes shows four years and a day late.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import type { Grid } from "../../src/core/model/grid";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { loadWithExcelJs } from "./helpers";
import { writeOneRiskImport } from "../cli/helpers/registers";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-review-b-1904-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** 05/10/2022 as a 1900-system serial (what the readers give for either date system). */
const OCT_5 = 44839;

describe("import into a 1904-date-system register", () => {
  // SPEC "Writing files": the command line "must be as careful as Excel"; SPEC "Owned tabs"/"Values": dates
  // are written as Excel dates. IRIS says HRC-001 was last updated 05/10/2022: the officer must read
  // 05/10/2022 in the merged register, not 06/10/2026.
  let merged: Uint8Array;
  let grids: Grid[];

  beforeAll(async () => {
    const { into, exportFile } = await writeOneRiskImport(tmp, "mac-register", "05/10/2022", {
      date1904: true,
    });
    const out = path.join(tmp, "merged.xlsx");
    const output: CliOutput = { stdout: () => undefined, stderr: () => undefined };
    const code = await runImport(
      { command: "import", export: exportFile, into, out, format: "json", asAt: "2022-10-10" },
      output,
    );
    expect(code).toBe(0);
    merged = new Uint8Array(fs.readFileSync(out));
    grids = await readWorkbookFile(merged, "merged.xlsx");
  });

  it("the date written to the register reads back as 05/10/2022", () => {
    const reg = grids.find((g) => g.sheetName === "Register")!;
    expect(reg.values[1][8]).toBe(OCT_5);
  });

  it("Excel (here exceljs, which honours date1904) shows the written date as 5 October 2022", async () => {
    const wb = await loadWithExcelJs(merged);
    const value = wb.getWorksheet("Register")!.getCell("I2").value;
    expect(value instanceof Date ? value.toISOString().slice(0, 10) : value).toBe("2022-10-05");
  });

  it("the Import Log's When reads back as the import's date, not four years and a day later", () => {
    const log = grids.find((g) => g.sheetName === "Import Log")!;
    const header = log.values.findIndex((r) => r[0] === "When");
    const when = log.values[header + 1][0] as number;
    // The import is as at 10/10/2022 (--as-at), so that is its When (importStamp; before README review 28
    // it was the time of the run), read back as that day's 1900-system serial.
    expect(when).toBe(OCT_5 + 5);
  });
});
