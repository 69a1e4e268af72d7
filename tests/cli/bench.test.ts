// The benchmark's workload and harness: the workload is read by the real engine as the sheets it means to be,
// and a tiny run of the compiled harness writes results for every measurement.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import { BENCH_AS_AT, buildWorkload, dataRows, PLAN_ACTIONS, toGrids } from "../../src/bench/workload";
import { buildCli, REPO_ROOT } from "./helpers/cli-build";
import { spawnSync } from "child_process";

jest.setTimeout(180_000);

describe("buildWorkload", () => {
  it.each([1, 10, 250])("%i risks give that many register rows, two actions each and the plan", (risks) => {
    const sheets = buildWorkload(risks);
    expect(sheets.map((s) => s.name)).toEqual(["Risk Register", "Actions", "Improvement Plan"]);
    expect(sheets[0].rows.length - 1).toBe(risks);
    expect(sheets[1].rows.length - 1).toBe(risks * 2);
    expect(dataRows(sheets)).toBe(risks * 3 + PLAN_ACTIONS);
  });

  it("turns dates into serials with a date format, as a reader would", () => {
    const [register] = toGrids(buildWorkload(1));
    const raisedCol = register.values[0].indexOf("Date Raised");
    expect(typeof register.values[1][raisedCol]).toBe("number");
    expect(register.numberFormats?.[1][raisedCol]).toBe("dd/mm/yyyy");
    expect(register.numberFormats?.[1][0]).toBeNull();
  });

  it("is read by the engine as a register, an actions sheet and a plan, with findings to report", () => {
    const report = checkWorkbook(toGrids(buildWorkload(60)), {
      settings: defaultSettings(),
      asAt: BENCH_AS_AT,
      source: "bench.xlsx",
    });
    expect(report.sheets.map((s) => [s.name, s.kind, s.recordCount])).toEqual([
      ["Risk Register", "risk-register", 60],
      ["Actions", "actions", 120],
      ["Improvement Plan", "improvement-plan", PLAN_ACTIONS],
    ]);
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const r of [
      "risk/missing-strategy",
      "risk/unknown-strategy",
      "risk/stale-update",
      "risk/score-mismatch",
      "risk/action-overdue",
      "plan/missing-date",
    ]) {
      expect(rules).toContain(r);
    }
  });
});

describe("the compiled harness", () => {
  it("measures engine, parse and CLI in child processes and writes results JSON", () => {
    const build = buildCli();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crr-bench-test-")), "results.json");
    const run = spawnSync(
      process.execPath,
      [path.join(build, "bench", "run.js"), "--sizes=40", `--out=${out}`],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, "node_modules") },
        timeout: 150_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/risks\s+rows\s+engine check\s+engine rows\/s/);
    const doc = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(doc.results).toHaveLength(1);
    const r = doc.results[0];
    expect(r).toMatchObject({ risks: 40, rows: 40 * 3 + PLAN_ACTIONS });
    for (const m of [r.engine, r.parse, r.cli]) {
      expect(m.error).toBeUndefined();
      expect(m.ms).toBeGreaterThan(0);
      expect(m.peakBytes).toBeGreaterThan(10 * 1024 * 1024);
    }
    expect(r.cli.exitCode).toBe(1);
    expect(r.engineRowsPerSecond).toBeGreaterThan(0);
    expect(r.cliOverParse).toBeGreaterThan(0);
    expect(r.xlsxBytes).toBeGreaterThan(1000);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
