// The meeting benchmark: on a 10k-risk register, how long a meeting takes to start (queue and card
// index) and to show the next card (target under 100 ms), and to plan one record's writes.
// Run: npm run build:cli && node dist-cli/bench/meeting-bench.js [risks]

import { checkWorkbook } from "../core/check";
import { defaultSettings } from "../core/model/settings";
import { buildCardIndex, cardFor } from "../core/meeting/card";
import { buildQueue } from "../core/meeting/queue";
import { fieldColumnsOf, lastLoggedTexts, recordToEdits } from "../core/meeting/record";
import { rowSnapshot } from "../core/meeting/conflict";
import { msSince } from "./measure";
import { BENCH_AS_AT, buildWorkload, toGrids } from "./workload";

/** The brief's budget for showing the next card. */
export const NEXT_CARD_TARGET_MS = 100;

export interface MeetingBenchResult {
  risks: number;
  queued: number;
  checkMs: number;
  /** Queue, card index, column maps: once per meeting. */
  startMs: number;
  /** Time to build the next card (card + row snapshot), over every card of the queue. */
  nextCard: { meanMs: number; p99Ms: number; maxMs: number };
  /** Time to plan one record's writes (register cells and log rows). */
  record: { meanMs: number; maxMs: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Runs the benchmark in this process. */
export function runMeetingBench(risks = 10_000): MeetingBenchResult {
  const settings = defaultSettings();
  const grids = toGrids(buildWorkload(risks));
  let t = process.hrtime.bigint();
  const report = checkWorkbook(grids, {
    settings,
    asAt: BENCH_AS_AT,
    today: BENCH_AS_AT,
    source: "bench.xlsx",
  });
  const checkMs = msSince(t);

  t = process.hrtime.bigint();
  const queue = buildQueue(report, {
    meetingDate: BENCH_AS_AT,
    reviewPeriodMonths: settings.reviewPeriodMonths,
  });
  const index = buildCardIndex(report, settings);
  const columns = fieldColumnsOf(report);
  const logged = lastLoggedTexts(report);
  const sheets = new Map(report.sheets.map((s) => [s.name, s]));
  const startMs = msSince(t);

  const cardTimes: number[] = [];
  const recordTimes: number[] = [];
  for (const item of queue) {
    const c0 = process.hrtime.bigint();
    const card = cardFor(item.facts, index);
    rowSnapshot(item.facts.record, sheets.get(item.facts.sheet)!);
    cardTimes.push(msSince(c0));
    if (card.facts.id === "\u0000") throw new Error("unreachable: keeps the card alive");
    const r0 = process.hrtime.bigint();
    recordToEdits(
      item.facts,
      { text: "No change", noChange: true },
      {
        meetingDate: BENCH_AS_AT,
        by: "Bench",
        columns,
        settings,
        lastLoggedText: logged(item.facts),
      },
    );
    recordTimes.push(msSince(r0));
  }
  const sorted = cardTimes.slice().sort((a, b) => a - b);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    risks,
    queued: queue.length,
    checkMs,
    startMs,
    nextCard: { meanMs: mean(cardTimes), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0 },
    record: { meanMs: mean(recordTimes), maxMs: Math.max(0, ...recordTimes) },
  };
}

/** The result as a few lines for the console. */
export function renderMeetingBench(r: MeetingBenchResult): string {
  const f = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(1));
  return [
    `Meeting: ${r.risks} risks, ${r.queued} open risks queued`,
    `  check ${f(r.checkMs)} ms; start (queue + card index) ${f(r.startMs)} ms`,
    `  next card: mean ${f(r.nextCard.meanMs)} ms, p99 ${f(r.nextCard.p99Ms)} ms, max ${f(r.nextCard.maxMs)} ms (target < ${NEXT_CARD_TARGET_MS} ms)`,
    `  plan a record: mean ${f(r.record.meanMs)} ms, max ${f(r.record.maxMs)} ms`,
    `  Excel syncs per record: 2 (1 read for the co-authoring check, 1 write for cells + Update Log) — tests/excel/record-update.test.ts`,
  ].join("\n");
}

if (require.main === module) {
  const risks = Number(process.argv[2] ?? 10_000);
  console.log(renderMeetingBench(runMeetingBench(risks)));
}
