// The import in the task pane, measured: a 10k-risk / 20k-action IRIS .xlsx chosen in headless Chromium,
// read from its bytes in the browser, mapped, previewed and applied to the fake Excel host's 10k-risk
// register, each step timed from the page; syncs and bytes per sync from the fake. Writes
// .bench/import-pane-results.json. A script, not a test: the figures depend on the machine.
// Run: node -e "<the bench:pane loader>" with require('./src/bench/import-pane-bench.ts').main([risks])

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeStats, FakeWorkbookSpec } from "../../tests/fakes/fake-excel";
import { buildAll, launch, openPane, serve } from "../../tests/e2e/harness";
import { exportFrom, IMPORT_TARGET_MS } from "./import-bench";
import { BENCH_AS_AT, buildWorkload, toGrids, writeWorkloadXlsx } from "./workload";

const ROOT = path.resolve(__dirname, "../..");
/** Excel on the web's payload limit, as the fake host enforces it. */
const EXCEL_LIMIT = 5 * 1024 * 1024;

export interface ImportPaneResult {
  risks: number;
  actions: number;
  exportBytes: number;
  ms: { readAndMap: number; preview: number; apply: number; recheck: number; total: number };
  cells: number;
  apply: {
    syncs: number;
    failedSyncs: number;
    maxRequestBytes: number;
    requestBytes: number;
    perSync: { requestBytes: number; ops: number }[];
  };
  targetMs: number;
}

const stats = (page: Page): Promise<FakeStats> =>
  page.evaluate(() => (window as unknown as { __fakeHost: { stats(): FakeStats } }).__fakeHost.stats());

/** Runs the import for `risks` risks (two actions each); `siteDir`/`fakeHostJs` from a build. */
export async function runImportPaneBench(risks = 10_000): Promise<ImportPaneResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-import-pane-"));
  const out = await buildAll();
  const server = await serve(path.join(out, "site"));
  const browser = await launch();
  try {
    const workload = buildWorkload(risks);
    const exportFile = path.join(dir, "iris.xlsx");
    await writeWorkloadXlsx(exportFrom(workload), exportFile);
    const exportBytes = fs.readFileSync(exportFile);
    const spec: FakeWorkbookSpec = {
      sheets: toGrids(workload, "workbook").map((g) => ({
        name: g.sheetName,
        values: g.values,
        numberFormats: g.numberFormats,
      })),
    };
    const fakeHostJs = fs.readFileSync(path.join(out, "fake", "fake-host.js"), "utf8");
    const { context, page, errors } = await openPane(browser, server.base, fakeHostJs, {
      kind: "fake",
      workbookJson: JSON.stringify(spec),
    });
    page.setDefaultTimeout(120_000);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("As-at date").fill(BENCH_AS_AT);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("button", { name: "Choose an .xlsx or .csv file…" }).waitFor();

    const t0 = Date.now();
    await page.setInputFiles("input[type=file]", {
      name: "iris.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: exportBytes,
    });
    await page.getByRole("button", { name: "Preview changes" }).waitFor();
    const t1 = Date.now();
    await page.getByRole("button", { name: "Preview changes" }).click();
    await page.getByRole("heading", { name: "What the import would change" }).waitFor();
    const t2 = Date.now();
    const cellsText = await page.getByText(/^\d+ cells? in “/).innerText();
    const before = await stats(page);
    await page.getByRole("button", { name: "Apply the import" }).click();
    // The apply ends with the re-check; "Checking the workbook again…" marks the boundary.
    await page.getByText("Checking the workbook again…").waitFor({ state: "attached" });
    const t3 = Date.now();
    const mid = await stats(page);
    await page.getByRole("heading", { name: /^Imported/ }).waitFor();
    const t4 = Date.now();
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const perSync = mid.perSync.slice(before.perSync.length);
    await context.close();
    return {
      risks,
      actions: risks * 2,
      exportBytes: exportBytes.length,
      ms: { readAndMap: t1 - t0, preview: t2 - t1, apply: t3 - t2, recheck: t4 - t3, total: t4 - t0 },
      cells: Number(/^(\d+)/.exec(cellsText)?.[1] ?? 0),
      apply: {
        syncs: perSync.length,
        failedSyncs: perSync.filter((s) => s.error).length,
        maxRequestBytes: Math.max(0, ...perSync.map((s) => s.requestBytes)),
        requestBytes: perSync.reduce((n, s) => n + s.requestBytes, 0),
        perSync: perSync.map((s) => ({ requestBytes: s.requestBytes, ops: s.ops })),
      },
      targetMs: IMPORT_TARGET_MS,
    };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures and writes .bench/import-pane-results.json. */
export async function main(args: string[] = []): Promise<void> {
  const risks = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
  const r = await runImportPaneBench(risks);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const lines = [
    `Import in the task pane (Chromium, fake Excel host): ${r.risks} risks + ${r.actions} actions, export ${kb(r.exportBytes)}`,
    `  read + map ${r.ms.readAndMap} ms · preview ${r.ms.preview} ms · apply ${r.ms.apply} ms · total to applied ${r.ms.readAndMap + r.ms.preview + r.ms.apply} ms (target ≤ ${r.targetMs} ms)`,
    `  re-check after apply ${r.ms.recheck} ms (total with re-check ${r.ms.total} ms)`,
    `  ${r.cells} cells; apply: ${r.apply.syncs} syncs, ${kb(r.apply.requestBytes)} sent, largest request ${kb(r.apply.maxRequestBytes)} (limit ${kb(EXCEL_LIMIT)}), ${r.apply.failedSyncs} failed`,
  ];
  console.log(lines.join("\n"));
  fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, ".bench", "import-pane-results.json"), JSON.stringify(r, null, 2));
}
