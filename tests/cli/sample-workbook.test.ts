// The committed sample workbooks, PLANTED.md and the planted lists are what src/cli/make-sample.ts generates
// today (run `npm run sample`): a change to the generator, or to the defaults it writes into the history
// sample's Settings sheet, fails here until the samples are made again.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildSampleSheets, plantedMarkdown, SAMPLE_AS_AT } from "../../src/cli/make-sample";
import {
  buildHistorySampleSheets,
  historyExpectations,
  HISTORY_SAMPLE_FILE,
} from "../../src/cli/sample/history-sample";
import type { SampleSheet } from "../../src/cli/sample/sheet-spec";
import { SAMPLE_DIR, SAMPLE_XLSX } from "./helpers/cli-build";

const sheets = buildSampleSheets();
const historySheets = buildHistorySampleSheets();

/** A cell as comparable text: dates as ISO days. */
function text(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** The 1-based number of a sheet's last row holding a value, as ExcelJS counts a read sheet's rows. */
function lastFilledRow(spec: SampleSheet): number {
  for (let r = spec.rows.length - 1; r >= 0; r--) if (spec.rows[r].some((v) => text(v) !== "")) return r + 1;
  return 0;
}

it("PLANTED.md and planted.json match the generator", () => {
  expect(fs.readFileSync(path.join(SAMPLE_DIR, "PLANTED.md"), "utf8")).toBe(plantedMarkdown(sheets));
  const json = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, "planted.json"), "utf8"));
  expect(json.planted).toEqual(sheets.flatMap((s) => s.planted));
  expect(json.traps).toEqual(sheets.flatMap((s) => s.traps));
});

it("history-planted.json matches the generator", () => {
  const json = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, "history-planted.json"), "utf8"));
  expect(json).toEqual({
    asAt: SAMPLE_AS_AT,
    file: HISTORY_SAMPLE_FILE,
    planted: historySheets.flatMap((s) => s.planted),
    traps: historySheets.flatMap((s) => s.traps),
    ...historyExpectations(),
  });
});

it.each<[string, string, SampleSheet[]]>([
  ["the committed sample", SAMPLE_XLSX, sheets],
  // The history sample carries a Settings sheet written from today's defaults (closed statuses, done words,
  // phrases, word scales): it once kept an older one while `npm run sample` wrote the new (README review 28).
  [
    "the committed history sample (its Settings sheet too)",
    path.join(SAMPLE_DIR, HISTORY_SAMPLE_FILE),
    historySheets,
  ],
])("%s holds the generator's sheets, cell for cell", async (_label, file, specs) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(specs.map((s) => s.name));
  for (const spec of specs) {
    const ws = wb.getWorksheet(spec.name)!;
    // No row the generator no longer writes is left behind.
    expect([spec.name, ws.rowCount]).toEqual([spec.name, lastFilledRow(spec)]);
    const merged = new Set(
      spec.merges.flatMap((m) => {
        const [a, b] = m.split(":");
        const out: string[] = [];
        for (let c = ws.getCell(a).fullAddress.col; c <= ws.getCell(b).fullAddress.col; c++)
          out.push(`${ws.getCell(a).fullAddress.row}:${c}`);
        return out;
      }),
    );
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (merged.has(`${r + 1}:${c + 1}`)) return;
        expect([spec.name, r + 1, c + 1, text(ws.getCell(r + 1, c + 1).value)]).toEqual([
          spec.name,
          r + 1,
          c + 1,
          text(v),
        ]);
      }),
    );
  }
});

it("is laid out as SPEC describes: ~25 plan actions, ~40 risks, ~60 actions, planted problems on real cells", () => {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const planRows = byName
    .get("Improvement Plan")!
    .rows.filter((r) => typeof r[3] === "string" && r[3] !== "Action" && r[4] !== null && r[3].length > 30);
  expect(planRows.length).toBeGreaterThanOrEqual(22);
  const risks = byName.get("IRIS Risks")!.rows.slice(5);
  expect(risks.length).toBeGreaterThanOrEqual(40);
  const actions = byName.get("IRIS Actions")!.rows.slice(1);
  expect(actions.length).toBeGreaterThanOrEqual(55);
  expect(actions.length).toBeLessThanOrEqual(70);
  // Text dates as officers type them sit beside real dates.
  const lastReviews = risks.map((r) => r[18]);
  expect(lastReviews).toEqual(expect.arrayContaining(["15/09/2022", "Sept 2022", expect.any(Date)]));
  // The unknown column is there, and the group-header row is merged over the score columns.
  expect(byName.get("IRIS Risks")!.rows[4]).toContain("Review Commentary");
  expect(byName.get("IRIS Risks")!.merges).toEqual(["G4:I4", "J4:L4", "M4:O4"]);
});
