// A small pool of worker threads: each runs one job at a time; results come back in the jobs' order.

import * as os from "os";
import { Worker } from "worker_threads";

/** How many workers to start for `jobs` jobs: one per core the process may use, never more than the jobs. */
export function poolSize(jobs: number, override = process.env.RISK_REVIEW_WORKERS): number {
  const asked = override ? Number.parseInt(override, 10) : NaN;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const size = Number.isInteger(asked) && asked > 0 ? asked : cores;
  return Math.max(1, Math.min(jobs, size));
}

/**
 * Runs every job in a pool of `size` workers started from `script`. A worker that dies (out of memory,
 * say) gives its job `onCrash(job, reason)` and is replaced, so one bad file never stops the rest.
 */
export function runInWorkers<J, R>(
  script: string,
  jobs: readonly J[],
  size: number,
  onCrash: (job: J, reason: string) => R,
): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    if (jobs.length === 0) return resolve(results);
    const finish = (index: number, result: R): void => {
      results[index] = result;
      done++;
      if (done === jobs.length) resolve(results);
    };
    const start = (): void => {
      const worker = new Worker(script);
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      const crash = (reason: string): void => {
        if (current < 0) return;
        const index = current;
        current = -1;
        worker.removeAllListeners();
        void worker.terminate();
        finish(index, onCrash(jobs[index], reason));
        if (next < jobs.length) start();
      };
      worker.on("message", (result: R) => {
        const index = current;
        finish(index, result);
        feed();
      });
      worker.on("error", (err) => crash(err.message));
      worker.on("exit", (code) => crash(`the checker stopped (exit code ${code})`));
      feed();
    };
    for (let i = 0; i < size; i++) start();
  });
}
