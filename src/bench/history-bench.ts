// `npm run bench:history`: what reading the history costs the check. The same 10k-risk workbook (two actions
// each) is checked without logs and with twelve months of log rows (120k: an Update Log of 100k rows, ten
// months of monthly updates, and an Import Log of 20k score changes, two months), alternately, several times;
// the medians are compared (target: the history adds at most 25 %), and the fastest runs too (on a shared
// machine the least disturbed). HISTORY_BENCH_RUNS sets the runs (5). Writes .bench/history-results.json.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkWorkbook } from "../core/check";
import { gridFromRows, type CellValue, type Grid } from "../core/model/grid";
import { OWNED_MARKER } from "../core/model/owned-tab";
import { defaultSettings } from "../core/model/settings";
import { median, msSince } from "./measure";
import { BENCH_AS_AT, buildWorkload, toGrids } from "./workload";

const RISKS = Number(process.env.HISTORY_BENCH_RISKS ?? 10_000);
const RUNS = Number(process.env.HISTORY_BENCH_RUNS ?? 5);
/** Excel serial of 1 November 2021; months are counted from it. */
const NOV_2021 = 44501;
const MONTH_DAYS = [30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30]; // Nov 2021 … Sep 2022
const TARGET_OVERHEAD = 0.25;

/** The first day of the n-th month after November 2021, as an Excel serial. */
function monthStart(n: number): number {
  let serial = NOV_2021;
  for (let m = 0; m < n; m++) serial += MONTH_DAYS[m];
  return serial;
}

const idOf = (n: number) => `HRC-${String(n + 1).padStart(6, "0")}`;

/** Twelve months of logs for `risks` risks: Update Log rows for ten months, Import Log score changes for two. */
export function buildLogs(risks: number): Grid[] {
  const update: CellValue[][] = [
    ["Update Log", null, null, null, null, null, null, null, null, OWNED_MARKER],
    [],
    [],
    ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
  ];
  const updateFormats: (string | null)[][] = update.map(() => []);
  for (let m = 0; m < 10; m++)
    for (let n = 0; n < risks; n++) {
      const score = ((n + m) % 5) * (((n * 7) % 5) + 1) || 1;
      update.push([
        monthStart(m) + (n % 25),
        "IRIS Risks",
        idOf(n),
        "Risk Management Board",
        m % 3 === 0 ? "No change this month" : "Reviewed; actions on programme.",
        m % 3 === 0 ? "Yes" : "No",
        score,
        "Treat",
        null,
      ]);
      updateFormats.push(["dd/mm/yyyy"]);
    }
  const imports: CellValue[][] = [
    ["Import Log", null, null, null, null, null, null, null, OWNED_MARKER],
    [],
    [],
    ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
  ];
  for (let m = 10; m < 12; m++)
    for (let n = 0; n < risks; n++)
      imports.push([
        `2022-${m === 10 ? "09" : "10"}-0${1 + (n % 8)} 09:30`,
        "IRIS export.xlsx",
        "IRIS Risks",
        idOf(n),
        null,
        "Current Risk Score",
        ((n + m - 1) % 5) + 1,
        ((n + m) % 5) + 1,
      ]);
  return [
    gridFromRows("Update Log", update, { numberFormats: updateFormats, owned: true }),
    gridFromRows("Import Log", imports, { owned: true }),
  ];
}

function timeCheck(grids: Grid[]): { ms: number; proposals: number; logRows: number } {
  const start = process.hrtime.bigint();
  const report = checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: BENCH_AS_AT,
    source: "bench.xlsx",
  });
  return { ms: msSince(start), proposals: report.proposals.length, logRows: report.history.logRows };
}

function run(): void {
  const base = toGrids(buildWorkload(RISKS));
  const logs = buildLogs(RISKS);
  const withLogs = [...base, ...logs];
  const logRows = logs.reduce((n, g) => n + g.values.length - 4, 0);
  timeCheck(base); // warm-up: compile the engine's hot paths once
  timeCheck(withLogs);
  const without: number[] = [];
  const withHistory: number[] = [];
  let last = { ms: 0, proposals: 0, logRows: 0 };
  for (let i = 0; i < RUNS; i++) {
    without.push(timeCheck(base).ms);
    last = timeCheck(withLogs);
    withHistory.push(last.ms);
  }
  const a = median(without);
  const b = median(withHistory);
  const overhead = (b - a) / a;
  // The fastest run of each: the figure least moved by other work on a shared machine.
  const fastestWithout = Math.min(...without);
  const fastestWith = Math.min(...withHistory);
  const fastestOverhead = (fastestWith - fastestWithout) / fastestWithout;
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  const result = {
    risks: RISKS,
    logRows,
    logRowsRead: last.logRows,
    runs: RUNS,
    checkMsWithout: Math.round(a),
    checkMsWithHistory: Math.round(b),
    overhead: Number(overhead.toFixed(3)),
    fastestMsWithout: Math.round(fastestWithout),
    fastestMsWithHistory: Math.round(fastestWith),
    fastestOverhead: Number(fastestOverhead.toFixed(3)),
    target: TARGET_OVERHEAD,
    met: overhead <= TARGET_OVERHEAD,
    proposals: last.proposals,
    load,
    cpus: os.cpus().length,
  };
  const dir = path.resolve(__dirname, "..", "..", ".bench");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "history-results.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `History benchmark: ${RISKS} risks, ${logRows} log rows (${last.logRows} read), median of ${RUNS} checks each\n` +
      `  check without logs  ${Math.round(a)} ms\n` +
      `  check with history  ${Math.round(b)} ms  (+${(overhead * 100).toFixed(1)} %, target ≤ ${TARGET_OVERHEAD * 100} %: ${result.met ? "met" : "NOT met"})\n` +
      `  fastest of each     ${Math.round(fastestWithout)} → ${Math.round(fastestWith)} ms (+${(fastestOverhead * 100).toFixed(1)} %)\n` +
      `  ${last.proposals} proposals; load average ${load} on ${result.cpus} cores\n`,
  );
}

if (require.main === module) run();
