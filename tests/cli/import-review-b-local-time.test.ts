/**
 * @jest-environment ./tests/setup/london-time-environment.js
 */
// Review (rev-b): the Import Log's When written by `risk-review import` on a machine in the UK in summer time.
// Failed when written: the command line stamps the import in UTC, an hour behind the officer's clock.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runImport } from "../../src/cli/import-command";
import type { CliOutput } from "../../src/cli/check-command";
import type { CellValue } from "../../src/core/model/grid";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { writeOneRiskImport } from "./helpers/registers";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-review-b-time-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the Import Log's When", () => {
  // SPEC "Owned tabs": Import Log — "when (an Excel date and time)". An officer importing at 14:05 on
  // 10 October 2022 (British Summer Time) reads 14:05 in the log, as the task pane writes it (from the
  // machine's own clock, src/taskpane/import/useImport.ts); the command line writes 13:05 (UTC), so its rows
  // are an hour out and sort wrongly against the task pane's and the meeting's ("both are in the logs").
  let when: CellValue;

  beforeAll(async () => {
    const { into, exportFile } = await writeOneRiskImport(tmp, "when", "12/09/2022");
    const out = path.join(tmp, "when-merged.xlsx");
    // Only the clock is faked: 10 October 2022, 13:05 UTC, which is 14:05 in London.
    jest.useFakeTimers({
      now: new Date("2022-10-10T13:05:00Z"),
      doNotFake: [
        "nextTick",
        "setImmediate",
        "clearImmediate",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    });
    try {
      expect(new Date().getHours()).toBe(14); // the machine's clock reads 14:05, as the officer's does
      let stdout = "";
      const output: CliOutput = { stdout: (t) => (stdout += t), stderr: () => undefined };
      const code = await runImport(
        { command: "import", export: exportFile, into, out, format: "text", asAt: "2022-10-10" },
        output,
      );
      expect(code).toBe(0);
      expect(stdout).toMatch(/1 rows in the Import Log/);
    } finally {
      jest.useRealTimers();
    }
    const grids = await readWorkbookFile(new Uint8Array(fs.readFileSync(out)), "when-merged.xlsx");
    const log = grids.find((g) => g.sheetName === "Import Log")!;
    const header = log.values.findIndex((r) => r[0] === "When");
    when = log.values[header + 1][0];
  });

  it("is the officer's local time, 10/10/2022 14:05", () => {
    // The Excel serial of 10 October 2022 is 44844; 14:05 is 845 minutes into the day.
    expect(typeof when).toBe("number");
    expect(Math.round(((when as number) - 44844) * 1440)).toBe(14 * 60 + 5);
  });
});
