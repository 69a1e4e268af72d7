// Browser entry of the task-pane benchmark (src/bench/pane-bench.ts): built into the production task pane
// bundle as an extra entry with a page of its own, it drives the real Office adapter on the fake host and
// times each step with performance.now(). It calls the same functions the task pane does, in the same order.

import * as React from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { columnLetter } from "../core/address/a1";
import { checkWorkbook } from "../core/check";
import { buildCardIndex, cardFor } from "../core/meeting/card";
import { rowSnapshot } from "../core/meeting/conflict";
import { buildQueue } from "../core/meeting/queue";
import { fieldColumnsOf, lastLoggedTexts, recordToEdits } from "../core/meeting/record";
import { buildUpdateLogTab } from "../core/meeting/update-log-tab";
import type { Report } from "../core/model/report";
import type { Settings } from "../core/model/settings";
import { buildSummaryTabs } from "../core/summary";
import { VERSION } from "../core/version";
import { createOfficeGateway } from "../excel/office-gateway";
import { payloadBudget } from "../excel/payload";
import { onSync, type SyncEvent } from "../excel/run";
import { RecordPanel } from "../taskpane/review/RecordPanel";
import { RiskCardPanel } from "../taskpane/review/RiskCardPanel";

/** One sync as the fake host saw it (bytes are JSON sizes on its wire). */
export interface HostSync {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  error?: string;
}

/** What one adapter call cost: time, the adapter's syncs (with labels) and the host's per-sync bytes. */
export interface StepCost {
  ms: number;
  syncs: number;
  labels: string[];
  host: HostSync[];
}

export interface ReadCheckResult {
  settings: StepCost;
  read: StepCost & { sheets: number; cells: number };
  checkMs: number;
  findings: number;
  risks: number;
  /** The adapter's per-sync byte budget (src/excel/payload.ts). */
  budget: number;
}

export interface SummaryResult {
  buildMs: number;
  tabs: { name: string; rows: number; cost: StepCost }[];
  total: StepCost;
}

export interface ReviewResult {
  queued: number;
  due: number;
  queueMs: number;
  /** Card index, column maps and last-logged texts: once per meeting. */
  startMs: number;
  /** cardFor + rowSnapshot for every card of the queue. */
  nextCard: Stats;
  /** React render (flushSync) of the card and record panel, layout included, for `rendered` cards. */
  render: Stats & { rendered: number; firstMs: number };
  /** selectCell of the next risk's row (the app does it as the card shows). */
  select: StepCost;
  openLog: StepCost;
  record: StepCost & { ok: boolean };
}

export interface Stats {
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface FakeHostWindow {
  __fakeHost: { stats(): { perSync: HostSync[] } };
}

const gateway = createOfficeGateway();
let settings: Settings | null = null;
let report: Report | null = null;

function hostSyncs(): HostSync[] {
  return (window as unknown as FakeHostWindow).__fakeHost.stats().perSync;
}

/** Runs `fn`, returning its result and what it cost in time, adapter syncs and host bytes. */
async function costOf<T>(fn: () => Promise<T>): Promise<[T, StepCost]> {
  const labels: string[] = [];
  const stop = onSync((e: SyncEvent) => labels.push(e.label));
  const before = hostSyncs().length;
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    // Counted by the host (Excel.run's closing sync included), not adapterStats(), so nested steps both count.
    const host = hostSyncs().slice(before);
    return [value, { ms, syncs: host.length, labels, host }];
  } finally {
    stop();
  }
}

function stats(xs: number[]): Stats {
  const s = xs.slice().sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
  return {
    meanMs: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: s.at(-1) ?? 0,
  };
}

/** Loads settings, reads every sheet and checks them, as the Check button does. */
async function readAndCheck(asAt: string): Promise<ReadCheckResult> {
  const [loaded, settingsCost] = await costOf(() => gateway.loadSettings());
  settings = loaded;
  const [grids, readCost] = await costOf(() => gateway.readAllSheets());
  const t0 = performance.now();
  report = checkWorkbook(grids, { settings: loaded, asAt, today: asAt, source: "workbook" });
  const checkMs = performance.now() - t0;
  return {
    settings: settingsCost,
    read: {
      ...readCost,
      sheets: grids.length,
      cells: grids.reduce((n, g) => n + g.values.length * (g.values[0]?.length ?? 0), 0),
    },
    checkMs,
    findings: report.findings.length,
    risks: report.risks.length,
    budget: payloadBudget(),
  };
}

function requireReport(): { report: Report; settings: Settings } {
  if (!report || !settings) throw new Error("readAndCheck() first");
  return { report, settings };
}

/** Builds the four summary tabs and writes them one after another, as "Write summary tabs" does. */
async function writeSummaries(): Promise<SummaryResult> {
  const { report: r, settings: s } = requireReport();
  const t0 = performance.now();
  const tabs = buildSummaryTabs(r, s, { version: VERSION, chart: "native" });
  const buildMs = performance.now() - t0;
  const out: SummaryResult["tabs"] = [];
  const [, total] = await costOf(async () => {
    for (const tab of tabs) {
      const [, cost] = await costOf(() => gateway.writeOwnedTab(tab));
      out.push({ name: tab.name, rows: tab.rows.length, cost });
    }
  });
  return { buildMs, tabs: out, total };
}

/** The meeting: queue, per-meeting lookups, every next card, a React render of cards, one record. */
async function review(meetingDate: string, renderCards: number): Promise<ReviewResult> {
  const { report: r, settings: s } = requireReport();
  let t0 = performance.now();
  const queue = buildQueue(r, { meetingDate, reviewPeriodMonths: s.reviewPeriodMonths });
  const queueMs = performance.now() - t0;
  t0 = performance.now();
  const index = buildCardIndex(r, s);
  const columns = fieldColumnsOf(r);
  const logged = lastLoggedTexts(r);
  const sheets = new Map(r.sheets.map((x) => [x.name, x]));
  const startMs = performance.now() - t0;

  const cardTimes: number[] = [];
  for (const item of queue) {
    const c0 = performance.now();
    cardFor(item.facts, index);
    rowSnapshot(item.facts.record, sheets.get(item.facts.sheet) ?? { columns: [] });
    cardTimes.push(performance.now() - c0);
  }

  // The card and the record panel, as the Review view shows them (the record panel is keyed by risk,
  // so it mounts afresh for each card, as it does in the app).
  const host = document.createElement("div");
  host.style.width = "340px";
  document.body.appendChild(host);
  const root = createRoot(host);
  const renderTimes: number[] = [];
  const n = Math.min(renderCards, queue.length);
  for (let i = 0; i < n; i++) {
    const item = queue[i];
    const r0 = performance.now();
    const card = cardFor(item.facts, index);
    flushSync(() =>
      root.render(
        React.createElement(
          FluentProvider,
          { theme: webLightTheme },
          React.createElement(RiskCardPanel, {
            card,
            outcome: undefined,
            keptTheirs: false,
            due: item.due,
            rag: s.rag,
            proposalAccepted: false,
            busy: false,
            onAcceptProposal: () => undefined,
          }),
          React.createElement(RecordPanel, {
            key: item.key,
            card,
            busy: false,
            position: { index: i, total: queue.length },
            onRecord: async () => true,
            onGo: () => undefined,
            onSkip: () => undefined,
          }),
        ),
      ),
    );
    void host.getBoundingClientRect().height; // style and layout, so the time is what the officer waits for
    renderTimes.push(performance.now() - r0);
  }
  root.unmount();
  host.remove();

  const first = queue[0];
  const cols = first ? (r.sheets.find((x) => x.name === first.facts.sheet)?.columns ?? []) : [];
  const lo = Math.min(...cols.map((c) => c.col));
  const hi = Math.max(...cols.map((c) => c.col));
  const [, select] = await costOf(() =>
    first
      ? gateway.selectCell({
          sheet: first.facts.sheet,
          address: `${columnLetter(lo)}${first.facts.row}:${columnLetter(hi)}${first.facts.row}`,
        })
      : Promise.resolve(),
  );
  const [logSheet, openLog] = await costOf(() =>
    gateway.openUpdateLog!(
      buildUpdateLogTab({
        asAt: meetingDate,
        source: "workbook",
        version: VERSION,
        marking: s.protectiveMarking,
      }),
    ),
  );
  const [ok, record] = await costOf(async () => {
    if (!first) return false;
    const plan = recordToEdits(
      first.facts,
      { text: "Discussed at the meeting: actions on programme.", noChange: false },
      {
        meetingDate,
        by: "Bench",
        columns,
        settings: s,
        lastLoggedText: logged(first.facts),
      },
    );
    const snap = rowSnapshot(first.facts.record, sheets.get(first.facts.sheet) ?? { columns: [] });
    const res = await gateway.recordUpdate!({
      cells: plan.cells,
      log: plan.log,
      logSheet,
      expected: snap ? [snap] : [],
    });
    return res.ok;
  });

  return {
    queued: queue.length,
    due: queue.filter((q) => q.due).length,
    queueMs,
    startMs,
    nextCard: stats(cardTimes),
    render: { ...stats(renderTimes.slice(1)), rendered: n, firstMs: renderTimes[0] ?? 0 },
    select,
    openLog,
    record: { ...record, ok },
  };
}

/** What pane-bench.ts calls through page.evaluate(). */
export interface PaneBench {
  readAndCheck: typeof readAndCheck;
  writeSummaries: typeof writeSummaries;
  review: typeof review;
}

(window as unknown as { __paneBench: PaneBench }).__paneBench = { readAndCheck, writeSummaries, review };
