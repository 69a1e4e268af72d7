// runInWorkers and poolSize: results in the jobs' order, a dying worker costs only its own job, sizes bounded.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { poolSize, runInWorkers } from "../../src/cli/worker-pool";

let dir: string;
let script: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-pool-"));
  script = path.join(dir, "worker.js");
  // Doubles a number after a delay that makes later jobs finish first; "die" ends the thread mid-job.
  fs.writeFileSync(
    script,
    `const { parentPort } = require("worker_threads");
     parentPort.on("message", (job) => {
       if (job === "die") process.exit(3);
       setTimeout(() => parentPort.postMessage(job * 2), (10 - job) * 5);
     });`,
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("runInWorkers", () => {
  it.each([1, 2, 4])("gives every result in the jobs' order with %i workers", async (size) => {
    const jobs = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const results = await runInWorkers<number, number | string>(script, jobs, size, () => "crashed");
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it("reports a worker that dies as that job's result and checks the rest in a new worker", async () => {
    const results = await runInWorkers<number | string, number | string>(
      script,
      [1, "die", 3, "die", 5],
      1,
      (job, reason) => `${String(job)}: ${reason}`,
    );
    expect(results).toEqual([
      2,
      "die: the checker stopped (exit code 3)",
      6,
      "die: the checker stopped (exit code 3)",
      10,
    ]);
  });

  it("resolves at once with no jobs", async () => {
    await expect(runInWorkers(script, [], 2, () => null)).resolves.toEqual([]);
  });
});

describe("poolSize", () => {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  it.each<[number, string, number]>([
    [1, "", 1],
    [100, "", cores],
    [100, "3", 3],
    [2, "8", 2],
    [5, "zero", Math.min(5, cores)],
    [5, "0", Math.min(5, cores)],
  ])("%i jobs with RISK_REVIEW_WORKERS=%s → %i workers", (jobs, override, expected) => {
    expect(poolSize(jobs, override)).toBe(expected);
  });
});
