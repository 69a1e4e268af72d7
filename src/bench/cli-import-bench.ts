// The command line's import benchmark: `risk-review import` of a 10k-risk, 20k-action export into a 10k-risk
// register against `risk-review check` of that register, and a 77k-row CSV export imported into its
// 77k-risk register — each run as its own
// process, timed, with its peak resident memory. Run: npm run bench:import [-- CLI_MAIN [RISKS [CSV_ROWS]]]

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exportFrom } from "./import-bench";
import { BENCH_AS_AT, buildWorkload, writeWorkloadXlsx, type WorkSheet } from "./workload";

/** Targets from issue 9. */
export const IMPORT_VS_CHECK = 3;
export const IMPORT_PEAK_MB = 500;
export const CSV_PEAK_MB = 1536;

/** One process run: wall time, peak resident memory, exit status. */
interface Run {
  seconds: number;
  peakMb: number;
  status: number;
  /** The command's message when it failed. */
  error: string;
}

/** Runs `node CLI ...args` under /usr/bin/time and reads its elapsed time and maximum resident set. */
function timed(cli: string, args: string[]): Run {
  const report = path.join(os.tmpdir(), `crr-time-${process.pid}.txt`);
  let status = 0;
  let error = "";
  try {
    execFileSync("/usr/bin/time", ["-f", "%e %M", "-o", report, process.execPath, cli, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    status = (err as { status?: number }).status ?? 1;
    error =
      String((err as { stderr?: Buffer }).stderr ?? "")
        .trim()
        .split("\n")[0] ?? "";
  }
  const [seconds, kb] = fs.readFileSync(report, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  fs.rmSync(report, { force: true });
  return { seconds, peakMb: Math.round(kb / 1024), status, error };
}

/** A sheet as CSV (dates as dd/mm/yyyy, text quoted when it must be). */
function toCsv(sheet: WorkSheet): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return "";
    if (v instanceof Date)
      return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return sheet.rows.map((r) => r.map(cell).join(",")).join("\r\n");
}

async function main(): Promise<void> {
  const cli = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "cli", "main.js"));
  const risks = Number(process.argv[3] ?? 10_000);
  const csvRows = Number(process.argv[4] ?? 77_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-cli-import-bench-"));
  try {
    const workload = buildWorkload(risks);
    const council = path.join(dir, "council.xlsx");
    const iris = path.join(dir, "iris.xlsx");
    await writeWorkloadXlsx(workload, council);
    await writeWorkloadXlsx(exportFrom(workload), iris);
    const csv = path.join(dir, "iris-big.csv");
    // The CSV case: this month's export of a big register (risks only), as CSV, into that register.
    const bigCouncil = path.join(dir, "council-big.xlsx");
    if (csvRows > 0) {
      const big = buildWorkload(csvRows);
      await writeWorkloadXlsx([big[0]], bigCouncil);
      fs.writeFileSync(csv, toCsv(exportFrom(big)[0]));
    }
    const asAt = ["--as-at", BENCH_AS_AT];

    const check = timed(cli, ["check", council, "--format", "json", ...asAt]);
    const imp = timed(cli, [
      "import",
      iris,
      "--into",
      council,
      "--out",
      path.join(dir, "merged.xlsx"),
      ...asAt,
    ]);
    const big = timed(cli, [
      "import",
      csv,
      "--into",
      bigCouncil,
      "--out",
      path.join(dir, "merged-big.xlsx"),
      ...asAt,
    ]);
    const ratio = imp.seconds / check.seconds;
    const ok = (b: boolean) => (b ? "met" : "NOT met");
    const lines = [
      `CLI: ${cli}`,
      `check of a ${risks}-risk register (${risks * 2} actions): ${check.seconds.toFixed(2)} s, peak ${check.peakMb} MB (exit ${check.status})`,
      `import of a ${risks}-risk, ${risks * 2}-action export into it: ${imp.seconds.toFixed(2)} s, peak ${imp.peakMb} MB (exit ${imp.status})`,
      `  import ÷ check = ${ratio.toFixed(2)} (target ≤ ${IMPORT_VS_CHECK}: ${ok(ratio <= IMPORT_VS_CHECK && imp.status === 0)}); ` +
        `peak target < ${IMPORT_PEAK_MB} MB: ${ok(imp.peakMb < IMPORT_PEAK_MB)}`,
      big === null
        ? "CSV import: skipped"
        : `import of a ${csvRows}-row CSV export into its ${csvRows}-risk register: ${big.seconds.toFixed(2)} s, peak ${big.peakMb} MB (exit ${big.status}); ` +
          `target < ${CSV_PEAK_MB} MB: ${ok(big.peakMb < CSV_PEAK_MB && big.status === 0)}`,
      ...[check, imp, big].filter((r) => r !== null && r.error !== "").map((r) => `  failed: ${r!.error}`),
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")} on ${os.cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`cli import bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  });
}
