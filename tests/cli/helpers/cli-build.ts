// Builds the command line once (tsc -p tsconfig.cli.json) into a temp folder keyed by the sources' hash, and runs it.
// Several Jest workers may ask at once: one builds under a lock, the others wait for the finished folder.

import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const SOURCE_DIRS = ["src/core", "src/files", "src/cli", "src/bench"];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

function sourceHash(): string {
  const hash = createHash("sha256");
  hash.update(fs.readFileSync(path.join(REPO_ROOT, "tsconfig.cli.json")));
  for (const f of SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(REPO_ROOT, d))).sort()) {
    hash.update(path.relative(REPO_ROOT, f));
    hash.update(fs.readFileSync(f));
  }
  return hash.digest("hex").slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compiles the CLI (once per source state) and returns the folder holding cli/main.js. */
export function buildCli(): string {
  const outDir = path.join(os.tmpdir(), `crr-cli-build-${sourceHash()}`);
  const lock = `${outDir}.lock`;
  const deadline = Date.now() + 180_000;
  while (!fs.existsSync(path.join(outDir, "cli", "main.js"))) {
    let owner = false;
    try {
      fs.mkdirSync(lock);
      owner = true;
    } catch {
      // Someone else is building; a lock older than 3 minutes is left over from a killed run.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000)
          fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* the lock went away meanwhile */
      }
    }
    if (owner) {
      const temp = `${outDir}.tmp-${process.pid}`;
      try {
        try {
          execFileSync(
            process.execPath,
            [
              path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"),
              "-p",
              "tsconfig.cli.json",
              "--outDir",
              temp,
            ],
            { cwd: REPO_ROOT, stdio: "pipe" },
          );
        } catch (err) {
          // tsc still emits when other people's in-progress files have type errors; only a missing entry point is fatal.
          const out = (err as { stdout?: Buffer }).stdout?.toString() ?? "";
          if (!fs.existsSync(path.join(temp, "cli", "main.js"))) throw new Error(`CLI build failed:\n${out}`);
        }
        fs.rmSync(outDir, { recursive: true, force: true });
        fs.renameSync(temp, outDir);
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error("timed out waiting for another worker to build the CLI");
    sleep(200);
  }
  return outDir;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI with `args` (node_modules found through NODE_PATH, as the build lives in a temp folder). */
export function runCli(buildDir: string, args: string[], cwd = REPO_ROOT): CliRun {
  const result = spawnSync(process.execPath, [path.join(buildDir, "cli", "main.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, "node_modules"), RISK_REVIEW_DEBUG: "" },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The committed sample workbook and its planted problems. */
export const SAMPLE_DIR = path.join(REPO_ROOT, "tests", "fixtures", "sample");
export const SAMPLE_XLSX = path.join(SAMPLE_DIR, "contract-risk-sample.xlsx");
