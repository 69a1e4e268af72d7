// The import benchmark: a 10k-risk, 20k-action IRIS export merged into a 10k-risk register — read, planned,
// previewed (edits built) and applied to the .xlsx, each step timed. Run: node dist-cli/bench/import-bench.js [risks]

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planImport } from "../core/merge/plan-import";
import { proposeImportMapping } from "../core/merge/propose-mapping";
import { toWorkbookEdits } from "../core/merge/to-workbook-edits";
import { defaultSettings } from "../core/model/settings";
import { applyEditsToXlsx } from "../files/apply-edits";
import { readWorkbookFile } from "../files/read-workbook-file";
import { msSince, PeakMemory } from "./measure";
import { BENCH_AS_AT, buildWorkload, writeWorkloadXlsx, type WorkSheet } from "./workload";

/** The budget from the issue: read, planned, previewed and applied in five seconds. */
export const IMPORT_TARGET_MS = 5000;

export interface ImportBenchResult {
  risks: number;
  actions: number;
  ms: {
    readExport: number;
    readWorkbook: number;
    map: number;
    plan: number;
    edits: number;
    apply: number;
    total: number;
  };
  counts: { added: number; changed: number; missing: number; cells: number; actionsChanged: number };
  peakBytes: number;
}

/**
 * This month's export from last month's register: one risk in 20 re-scored, 1% removed, 1% new, one action
 * in 20 with a new status; the plan sheet is not part of an export.
 */
export function exportFrom(sheets: WorkSheet[]): WorkSheet[] {
  const [register, actions] = sheets;
  const header = register.rows[0] as string[];
  const scoreCol = header.indexOf("Current Risk Score");
  const rows = register.rows
    .filter((_, i) => i === 0 || i % 100 !== 50)
    .map((r, i) => (i > 0 && i % 20 === 0 ? r.map((v, c) => (c === scoreCol ? 25 : v)) : r));
  const extra = Math.floor((register.rows.length - 1) / 100);
  for (let n = 0; n < extra; n++) rows.push(register.rows[1].map((v, c) => (c === 0 ? `NEW-${n + 1}` : v)));
  const statusCol = (actions.rows[0] as string[]).indexOf("Action Status");
  const acts = actions.rows.map((r, i) =>
    i > 0 && i % 20 === 0 ? r.map((v, c) => (c === statusCol ? "Completed" : v)) : r,
  );
  return [
    { name: "IRIS Risks", rows: [["IRIS risk export"], ["Run date: 10/10/2022"], ...rows] },
    { name: "IRIS Actions", rows: acts },
  ];
}

/** Runs the benchmark for `risks` risks (two actions each) in a temp folder. */
export async function runImportBench(risks = 10_000): Promise<ImportBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-import-bench-"));
  try {
    const workload = buildWorkload(risks);
    const wbFile = path.join(dir, "council.xlsx");
    const exFile = path.join(dir, "iris.xlsx");
    await writeWorkloadXlsx(workload, wbFile);
    await writeWorkloadXlsx(exportFrom(workload), exFile);
    const wbBytes = new Uint8Array(fs.readFileSync(wbFile));
    const exBytes = new Uint8Array(fs.readFileSync(exFile));

    const peak = new PeakMemory();
    const settings = defaultSettings();
    const t0 = process.hrtime.bigint();
    let t = t0;
    const lap = (): number => {
      const ms = msSince(t);
      t = process.hrtime.bigint();
      return ms;
    };
    const exportGrids = await readWorkbookFile(exBytes, "iris.xlsx");
    const readExport = lap();
    const workbookGrids = await readWorkbookFile(wbBytes, "council.xlsx");
    const readWorkbook = lap();
    const mapping = proposeImportMapping(exportGrids, null, BENCH_AS_AT);
    if (!mapping.ok) throw new Error(mapping.problem.message);
    const map = lap();
    const planned = planImport({
      exportGrids,
      mapping: mapping.value,
      workbookGrids,
      targetRegister: "Risk Register",
      settings,
      asAt: BENCH_AS_AT,
      fileName: "iris.xlsx",
    });
    if (!planned.ok) throw new Error(planned.problem.message);
    const plan = lap();
    const edits = toWorkbookEdits(planned.value);
    const editsMs = lap();
    const merged = await applyEditsToXlsx(wbBytes, edits, "council.xlsx");
    const apply = lap();
    const total = msSince(t0);
    fs.writeFileSync(path.join(dir, "merged.xlsx"), merged);
    const p = planned.value;
    return {
      risks,
      actions: risks * 2,
      ms: { readExport, readWorkbook, map, plan, edits: editsMs, apply, total },
      counts: {
        added: p.risks.added.length,
        changed: p.risks.changed.length,
        missing: p.risks.missing.length,
        cells: p.cellCount,
        actionsChanged: p.actions?.changed.length ?? 0,
      },
      peakBytes: peak.stop(),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per step, and whether the total is within the budget. */
export function renderImportBench(r: ImportBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Import: ${r.risks} risks and ${r.actions} actions exported, into a ${r.risks}-risk register with ${r.actions} actions`,
    `  read export ${s(r.ms.readExport)}, read workbook ${s(r.ms.readWorkbook)}, map ${s(r.ms.map)}, plan ${s(r.ms.plan)}, ` +
      `preview/edits ${s(r.ms.edits)}, apply to .xlsx ${s(r.ms.apply)}`,
    `  total ${s(r.ms.total)} (target ≤ ${s(IMPORT_TARGET_MS)}: ${r.ms.total <= IMPORT_TARGET_MS ? "met" : "NOT met"}); ` +
      `peak memory ${Math.round(r.peakBytes / 1024 / 1024)} MB`,
    `  plan: ${r.counts.added} new, ${r.counts.changed} changed, ${r.counts.missing} missing, ${r.counts.actionsChanged} actions changed, ${r.counts.cells} cells written`,
  ].join("\n");
}

if (require.main === module) {
  const risks = Number(process.argv[2] ?? 10_000);
  void runImportBench(risks).then(
    (r) => {
      process.stdout.write(`${renderImportBench(r)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`import bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
