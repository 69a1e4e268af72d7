// What the command line says to an officer: plurals right, all five strategies, destinations by name,
// and advice on a missing column that works from the command line as well as in the task pane.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli } from "./helpers/cli-build";

jest.setTimeout(180_000);

let build: string;
let tmp: string;

/** A workbook of named sheets, header row 1, written with exceljs. */
async function writeBook(file: string, sheets: Record<string, (string | number | null)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Risk Response Strategy",
  "Financial Impact (£)",
  "Date of Last Review",
  "Risk Status",
];

let text: string;
let json: { findings: { ruleId: string; recordId: string | null; message: string }[] };

beforeAll(async () => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-wording-"));
  const file = path.join(tmp, "book.xlsx");
  await writeBook(file, {
    Risks: [
      HEAD,
      ["R-1", "Closed with one open action", "Ann", 2, 2, 4, "Treat", null, "01/10/2022", "Closed"],
      ["R-2", "Closed with two open actions", "Ann", 2, 2, 4, "Treat", null, "01/10/2022", "Closed"],
      ["R-3", "Odd strategy", "Ann", 5, 4, 20, "Hope", 300000, "01/10/2022", "Open"],
      ["R-4", "No strategy", "Ann", 2, 2, 4, null, null, "01/10/2022", "Open"],
    ],
    Actions: [
      ["Risk Reference", "Action Ref", "Action Description", "Action Owner", "Target Date", "Action Status"],
      ["R-1", "A1", "Close out", "Ann", "01/12/2022", "Open"],
      ["R-2", "A2", "Close out", "Ann", "01/12/2022", "Open"],
      ["R-2", "A3", "Close out", "Ann", "01/12/2022", "Open"],
      ["R-4", "A4", "Do it", "Ann", "01/12/2022", "Open"],
    ],
    "No Owner Register": [
      ["Risk ID", "Risk Title", "Risk Response Strategy", "Date of Last Review", "Mitigating Actions"],
      ["N-1", "Owner column missing", "Treat", "01/10/2022", "Patrol"],
    ],
  });
  text = runCli(build, ["check", file, "--as-at", "2022-10-10"]).stdout;
  json = JSON.parse(runCli(build, ["check", file, "--as-at", "2022-10-10", "--format", "json"]).stdout);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const message = (ruleId: string, recordId: string | null): string =>
  json.findings.find((f) => f.ruleId === ruleId && f.recordId === recordId)?.message ?? "(none)";

describe("wording", () => {
  it("gets the plural right", () => {
    expect(message("risk/closed-with-open-actions", "R-1")).toBe(
      "Risk R-1 is closed but 1 of its actions is still open.",
    );
    expect(message("risk/closed-with-open-actions", "R-2")).toBe(
      "Risk R-2 is closed but 2 of its actions are still open.",
    );
  });

  it("names all five strategies, Take included, where a message lists them", () => {
    expect(message("risk/unknown-strategy", "R-3")).toMatch(/Treat, Tolerate, Transfer, Terminate or Take/);
    expect(message("risk/missing-strategy", "R-4")).toMatch(/Treat, Tolerate, Transfer, Terminate or Take/);
  });

  it("names destinations in the text output as an officer does, not by their ids", () => {
    const line = text.split("\n").find((l) => l.includes("R-3") && l.includes("row 4"))!;
    expect(line).toContain("Corporate risk register (score 20 ≥ 16)");
    expect(line).toContain("Financial and Commercial Cluster Group");
    expect(line).toContain("Operations Board");
    expect(line).toContain("Strategic Partnership Board");
    expect(line).not.toMatch(/corporate-register|financial-cluster|operations-board|strategic-board/);
  });

  it("tells how to supply a missing column from the command line as well as in the task pane", () => {
    const missing = message("sheet/missing-column", null);
    expect(missing).toMatch(/^Sheet No Owner Register has no owner column/);
    expect(missing).toMatch(/rename the header of the column that holds it to "Risk Owner"/);
    expect(missing).toMatch(/Check view/);
  });
});
