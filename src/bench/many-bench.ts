// `npm run bench:many`: a council's many workbooks. 100 files of 500 risks each, checked together
// (`check FOLDER`, worker threads), against one file holding the same 50,000 risks; and peak memory
// against the largest single file's check, and against half the files, to show it follows the largest
// file rather than the total. Each measurement runs in its own child process. Results: a table, and
// .bench/many-results.json.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as cliMain } from "../cli/main";
import { poolSize } from "../cli/worker-pool";
import { msSince, PeakMemory } from "./measure";
import { BENCH_AS_AT, buildWorkload, dataRows, writeWorkloadXlsx } from "./workload";

/** Targets from issue 12: many files in ≤ 1.5 × one file of the same risks; peak set by the largest file. */
export const MANY_TARGETS = { manyOverOne: 1.5 };

type Mode = "generate" | "check";

/** What one child reports. */
interface ChildResult {
  ms: number;
  peakBytes: number;
  exitCode?: number;
  findings?: number;
  rows?: number;
  error?: string;
}

/** Writes `files` register files of `risks` risks each (the plan in the first) and one file of them all. */
async function generate(dir: string, files: number, risks: number): Promise<ChildResult> {
  const start = process.hrtime.bigint();
  fs.mkdirSync(path.join(dir, "many"), { recursive: true });
  let rows = 0;
  for (let f = 0; f < files; f++) {
    const sheets = buildWorkload(risks, { first: f * risks, plan: f === 0 });
    rows += dataRows(sheets);
    await writeWorkloadXlsx(sheets, path.join(dir, "many", `register-${String(f).padStart(3, "0")}.xlsx`));
  }
  await writeWorkloadXlsx(buildWorkload(files * risks), path.join(dir, "one.xlsx"));
  return { ms: msSince(start), peakBytes: 0, rows };
}

/** Runs `risk-review check ARGS --format json` in this process, counting findings without keeping the output. */
async function check(args: string[]): Promise<ChildResult> {
  const peak = new PeakMemory();
  const start = process.hrtime.bigint();
  let findings = 0;
  let stderr = "";
  const exitCode = await cliMain(["check", ...args, "--as-at", BENCH_AS_AT, "--format", "json"], {
    stdout: (t) => void (findings += t.split('"ruleId"').length - 1),
    stderr: (t) => void (stderr += t),
  });
  const result: ChildResult = { ms: msSince(start), peakBytes: peak.stop(), exitCode, findings };
  if (exitCode === 2 || stderr) result.error = stderr.trim();
  return result;
}

function spawnChild(mode: Mode, args: string[]): ChildResult {
  const run = spawnSync(process.execPath, [__filename, "--child", mode, ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    const first = (run.stderr || `exit ${run.status} ${run.signal ?? ""}`).trim().split("\n")[0];
    return { ms: 0, peakBytes: 0, error: `child failed: ${first}` };
  }
}

const mb = (b: number): string => `${Math.round(b / 1024 / 1024)} MB`;
const num = (n: number): string => Math.round(n).toLocaleString("en-GB");
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

async function parent(argv: string[]): Promise<void> {
  const arg = (name: string, fallback: number): number => {
    const a = argv.find((x) => x.startsWith(`--${name}=`));
    const n = a ? Number(a.slice(name.length + 3)) : fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
    return n;
  };
  const files = arg("files", 100);
  const risks = arg("risks", 500);
  const root = path.resolve(__dirname, "..", "..");
  const outFile = path.join(root, ".bench", "many-results.json");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-bench-many-"));
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const workers = poolSize(files);
  log(
    `Many workbooks: ${files} files × ${num(risks)} risks vs one file of ${num(files * risks)} risks, ` +
      `as at ${BENCH_AS_AT}; ${os.cpus().length} cores, ${workers} workers; load ${load()}`,
  );
  try {
    log("  generating the files…");
    const gen = spawnChild("generate", [dir, String(files), String(risks)]);
    if (gen.error) throw new Error(gen.error);
    const manyDir = path.join(dir, "many");
    const names = fs.readdirSync(manyDir).sort();
    const sizes = names.map((n) => fs.statSync(path.join(manyDir, n)).size);
    const largest = path.join(manyDir, names[sizes.indexOf(Math.max(...sizes))]);
    const half = names.slice(0, Math.ceil(names.length / 2)).map((n) => path.join(manyDir, n));
    const loadBefore = load();
    log("  one file of all the risks…");
    const one = spawnChild("check", [path.join(dir, "one.xlsx")]);
    log(`  ${files} files together…`);
    const many = spawnChild("check", [manyDir]);
    log(`  the first ${half.length} files together…`);
    const halfRun = spawnChild("check", half);
    log(`  the largest file alone (${path.basename(largest)})…`);
    const single = spawnChild("check", [largest]);
    const loadAfter = load();

    const ratio = one.ms > 0 && !one.error && !many.error ? many.ms / one.ms : null;
    const rows: [string, ChildResult][] = [
      [`one file, ${num(files * risks)} risks`, one],
      [`${files} files × ${num(risks)} risks`, many],
      [`${half.length} files × ${num(risks)} risks`, halfRun],
      [`largest file alone`, single],
    ];
    const table = [
      ["run", "time", "peak RSS", "findings", "exit"],
      ...rows.map(([name, r]) => [
        name,
        r.error && r.exitCode === undefined ? "failed" : `${num(r.ms)} ms`,
        mb(r.peakBytes),
        r.findings === undefined ? "-" : num(r.findings),
        String(r.exitCode ?? "-"),
      ]),
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    const text = table.map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "),
    );
    const verdict =
      ratio === null
        ? `n/a     ${files} files within ${MANY_TARGETS.manyOverOne}× one file: ${one.error ?? many.error}`
        : `${ratio <= MANY_TARGETS.manyOverOne ? "met " : "MISSED"}  ${files} files within ${MANY_TARGETS.manyOverOne}× one file: ${ratio.toFixed(2)}×`;
    const memory =
      `peak memory: ${files} files ${mb(many.peakBytes)}, half of them ${mb(halfRun.peakBytes)}, ` +
      `the largest file alone ${mb(single.peakBytes)}, one file of everything ${mb(one.peakBytes)}`;
    process.stdout.write(
      `\n${text.join("\n")}\n\n${verdict}\n${memory}\nload average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after\n`,
    );
    for (const [name, r] of rows) if (r.error) process.stdout.write(`note    ${name}: ${r.error}\n`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    const doc = {
      when: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      workers,
      load: { before: loadBefore, after: loadAfter },
      files,
      risksPerFile: risks,
      rows: gen.rows,
      targets: MANY_TARGETS,
      manyOverOne: ratio,
      results: Object.fromEntries(rows),
    };
    fs.writeFileSync(outFile, `${JSON.stringify(doc, null, 2)}\n`);
    process.stdout.write(`\nWrote ${outFile}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") {
    const [, mode, ...rest] = argv;
    const run = mode === "generate" ? generate(rest[0], Number(rest[1]), Number(rest[2])) : check(rest);
    run
      .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
      .catch((err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      });
  } else {
    parent(argv).catch((err: unknown) => {
      process.stderr.write(`bench:many: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
  }
}
