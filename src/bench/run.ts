// `npm run bench`: rows per second and peak memory for the engine alone and for the CLI on .xlsx, at 1k/10k/100k risks.
// Each measurement runs in its own child process so peaks do not mix. Results: a table, and .bench/results.json.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../core/check";
import { defaultSettings } from "../core/model/settings";
import { readWorkbookFile } from "../files/read-workbook-file";
import { main as cliMain } from "../cli/main";
import { msSince, PeakMemory } from "./measure";
import { BENCH_AS_AT, buildWorkload, dataRows, toGrids, writeWorkloadXlsx } from "./workload";

/**
 * Targets of issue 12: the engine ≥ 200k rows/s at 10k and 100k risks; the CLI check within 1.5× the bare
 * parse at 10k and 100k; 100k risks + 200k actions checked under 600 MB peak (CLI).
 */
export const TARGETS = {
  engineRowsPerSecond: 200_000,
  cliOverParse: 1.5,
  /** The sizes the rows-a-second and CLI-over-parse targets are judged at; other sizes are shown, not judged. */
  judgedAtRisks: [10_000, 100_000],
  peakBytes: 600 * 1024 ** 2,
  peakAtRisks: 100_000,
};

type Mode = "generate" | "engine" | "parse" | "cli";

/** What one child reports. `error` is set when the measurement could not be made (e.g. a reader limit). */
export interface ChildResult {
  mode: Mode;
  risks: number;
  rows: number;
  ms: number;
  peakBytes: number;
  fileBytes?: number;
  findings?: number;
  exitCode?: number;
  error?: string;
}

export interface SizeResult {
  risks: number;
  rows: number;
  engine: ChildResult;
  parse: ChildResult;
  cli: ChildResult;
  xlsxBytes: number;
  engineRowsPerSecond: number | null;
  cliOverParse: number | null;
}

function xlsxPath(dir: string, risks: number): string {
  return path.join(dir, `register-${risks}.xlsx`);
}

/** Runs one measurement in this process (we are the child). */
async function child(mode: Mode, risks: number, dir: string): Promise<ChildResult> {
  const file = xlsxPath(dir, risks);
  if (mode === "generate") {
    const sheets = buildWorkload(risks);
    const rows = dataRows(sheets);
    const start = process.hrtime.bigint();
    await writeWorkloadXlsx(sheets, file);
    return { mode, risks, rows, ms: msSince(start), peakBytes: 0, fileBytes: fs.statSync(file).size };
  }
  if (mode === "engine") {
    const sheets = buildWorkload(risks);
    const rows = dataRows(sheets);
    const grids = toGrids(sheets);
    const peak = new PeakMemory();
    const start = process.hrtime.bigint();
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: BENCH_AS_AT,
      source: "bench.xlsx",
    });
    const ms = msSince(start);
    return { mode, risks, rows, ms, peakBytes: peak.stop(), findings: report.findings.length };
  }
  const rows = dataRows(buildWorkload(0)) + risks * 3;
  const peak = new PeakMemory();
  const bytes = fs.readFileSync(file);
  const start = process.hrtime.bigint();
  try {
    if (mode === "parse") {
      await readWorkbookFile(bytes, path.basename(file));
      return { mode, risks, rows, ms: msSince(start), peakBytes: peak.stop(), fileBytes: bytes.length };
    }
    let stderr = "";
    const exitCode = await cliMain(["check", file, "--as-at", BENCH_AS_AT, "--format", "json"], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    const result: ChildResult = {
      mode,
      risks,
      rows,
      ms: msSince(start),
      peakBytes: peak.stop(),
      fileBytes: bytes.length,
      exitCode,
    };
    if (exitCode === 2) result.error = stderr.trim();
    return result;
  } catch (err) {
    return {
      mode,
      risks,
      rows,
      ms: msSince(start),
      peakBytes: peak.stop(),
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/** Spawns a child for one measurement and reads its JSON line. */
function spawnChild(mode: Mode, risks: number, dir: string): ChildResult {
  const run = spawnSync(process.execPath, [__filename, "--child", mode, String(risks), dir], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    // The first line of a crash is the error itself; the frames below it say little in a table.
    const lines = (run.stderr || run.stdout || `exit ${run.status} ${run.signal ?? ""}`).trim().split("\n");
    const why = [
      lines.find((l) => /Error|error/.test(l)) ?? lines[0],
      lines.find((l) => /^\s+at /.test(l))?.trim() ?? "",
    ].join(" ");
    return { mode, risks, rows: 0, ms: 0, peakBytes: 0, error: `child failed: ${why}` };
  }
}

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const num = (n: number): string => Math.round(n).toLocaleString("en-GB");

/**
 * Cold runs of one measurement (each its own process): the run with the median time, so one run slowed by
 * the machine does not stand for the size. A failed run stands for itself.
 */
function medianChild(mode: Mode, risks: number, dir: string, runs: number): ChildResult {
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnChild(mode, risks, dir);
    if (r.error) return r;
    results.push(r);
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
}

/** Cold runs per measurement: three up to 10k risks (a second or two each), one above. */
export function runsFor(risks: number): number {
  return risks <= 10_000 ? 3 : 1;
}

function measureSize(risks: number, dir: string, log: (s: string) => void): SizeResult {
  const runs = runsFor(risks);
  const each = runs > 1 ? ` (median of ${runs} runs)` : "";
  log(`  ${num(risks)} risks: generating .xlsx…`);
  const gen = spawnChild("generate", risks, dir);
  log(`  ${num(risks)} risks: engine${each}…`);
  const engine = medianChild("engine", risks, dir, runs);
  log(`  ${num(risks)} risks: parse${each}…`);
  const parse = medianChild("parse", risks, dir, runs);
  log(`  ${num(risks)} risks: CLI${each}…`);
  const cli = medianChild("cli", risks, dir, runs);
  fs.rmSync(xlsxPath(dir, risks), { force: true });
  return {
    risks,
    rows: engine.rows || gen.rows,
    engine,
    parse,
    cli,
    xlsxBytes: gen.fileBytes ?? 0,
    engineRowsPerSecond: engine.error || engine.ms === 0 ? null : (engine.rows / engine.ms) * 1000,
    cliOverParse: parse.error || cli.error || parse.ms === 0 ? null : cli.ms / parse.ms,
  };
}

/** The table printed at the end. */
export function renderTable(results: SizeResult[]): string {
  const head = [
    "risks",
    "rows",
    "engine check",
    "engine rows/s",
    "engine peak",
    ".xlsx",
    "parse",
    "parse peak",
    "CLI check",
    "CLI/parse",
    "CLI peak",
  ];
  const body = results.map((r) => [
    num(r.risks),
    num(r.rows),
    r.engine.error ? "failed" : `${num(r.engine.ms)} ms`,
    r.engineRowsPerSecond === null ? "-" : num(r.engineRowsPerSecond),
    r.engine.error ? "-" : mb(r.engine.peakBytes),
    mb(r.xlsxBytes),
    r.parse.error ? "failed" : `${num(r.parse.ms)} ms`,
    r.parse.error ? "-" : mb(r.parse.peakBytes),
    r.cli.error ? "failed" : `${num(r.cli.ms)} ms`,
    r.cliOverParse === null ? "-" : `${r.cliOverParse.toFixed(2)}×`,
    r.cli.error ? "-" : mb(r.cli.peakBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** Each target, met or not, in words, at the sizes it is set for (TARGETS.judgedAtRisks, TARGETS.peakAtRisks). */
export function renderTargets(results: SizeResult[]): string[] {
  const out: string[] = [];
  const judged = results.filter((r) => TARGETS.judgedAtRisks.includes(r.risks));
  for (const r of judged) {
    if (r.engineRowsPerSecond !== null) {
      const ok = r.engineRowsPerSecond >= TARGETS.engineRowsPerSecond;
      out.push(
        `${ok ? "met " : "MISSED"}  engine ≥ ${num(TARGETS.engineRowsPerSecond)} rows/s at ${num(r.risks)} risks: ${num(r.engineRowsPerSecond)}`,
      );
    }
  }
  for (const at of judged) {
    const what = `CLI within ${TARGETS.cliOverParse}× parse at ${num(at.risks)} risks`;
    if (at.cliOverParse === null)
      out.push(`n/a     ${what}: ${at.cli.error ?? at.parse.error ?? "not measured"}`);
    else
      out.push(
        `${at.cliOverParse <= TARGETS.cliOverParse ? "met " : "MISSED"}  ${what}: ${at.cliOverParse.toFixed(2)}×`,
      );
  }
  const at100k = results.find((r) => r.risks === TARGETS.peakAtRisks);
  if (at100k) {
    const cliPeak = at100k.cli.error ? null : at100k.cli.peakBytes;
    if (cliPeak === null) out.push(`n/a     100k risks under 600 MB: CLI failed: ${at100k.cli.error}`);
    else
      out.push(
        `${cliPeak < TARGETS.peakBytes ? "met " : "MISSED"}  100k risks under 600 MB (CLI peak): ${mb(cliPeak)}`,
      );
    if (at100k.engine.error) out.push(`n/a     100k risks under 600 MB (engine peak): engine failed`);
    else
      out.push(
        `${at100k.engine.peakBytes < TARGETS.peakBytes ? "met " : "MISSED"}  100k risks under 600 MB (engine peak): ${mb(at100k.engine.peakBytes)}`,
      );
  }
  for (const r of results) {
    for (const c of [r.engine, r.parse, r.cli])
      if (c.error) out.push(`note    ${c.mode} at ${num(r.risks)} risks: ${c.error}`);
  }
  return out;
}

async function parent(argv: string[]): Promise<void> {
  const sizesArg = argv.find((a) => a.startsWith("--sizes="));
  const outArg = argv.find((a) => a.startsWith("--out="));
  const sizes = sizesArg ? sizesArg.slice(8).split(",").map(Number) : [1_000, 10_000, 100_000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes must be whole numbers, got ${sizesArg}`);
  const root = path.resolve(__dirname, "..", "..");
  const outFile = outArg ? path.resolve(outArg.slice(6)) : path.join(root, ".bench", "results.json");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-bench-"));
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  log(
    `Benchmark: ${sizes.map(num).join(", ")} risks (two actions each) + ${200}-action plan, as at ${BENCH_AS_AT}`,
  );
  const results: SizeResult[] = [];
  try {
    for (const risks of sizes) results.push(measureSize(risks, dir, log));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const table = renderTable(results);
  const targets = renderTargets(results);
  process.stdout.write(`\n${table}\n\n${targets.join("\n")}\n`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const doc = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "",
    targets: TARGETS,
    results,
  };
  fs.writeFileSync(outFile, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`\nWrote ${outFile}\n`);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") {
    child(argv[1] as Mode, Number(argv[2]), argv[3])
      .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
      .catch((err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      });
  } else {
    parent(argv).catch((err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
  }
}
