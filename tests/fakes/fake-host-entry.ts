// Browser entry of the fake Excel host: the task-pane browser test bundles this file and injects it
// before the task pane loads, then drives it through window.__fakeHost.

import { FakeHost, FakeSnapshot, FakeStats, FakeWorkbookSpec, installFakeExcel } from "./fake-excel";

/** What the browser test calls from page.evaluate(). */
export interface FakeHostHandle {
  /** Installs a fresh fake workbook (a FakeWorkbookSpec as JSON or object) as window.Excel / Office. */
  install(workbook: string | FakeWorkbookSpec): void;
  snapshot(): FakeSnapshot;
  stats(): FakeStats;
  /** Makes the next sync fail with this error code (default InvalidOperationInCellEditMode). */
  failNextSync(code?: string): void;
  /** The officer starts typing in a cell (syncs fail or wait) / presses Enter. */
  startCellEdit(): void;
  endCellEdit(): void;
}

let host: FakeHost | null = null;

function current(): FakeHost {
  if (!host) throw new Error("window.__fakeHost.install(workbook) has not been called.");
  return host;
}

const handle: FakeHostHandle = {
  install(workbook) {
    host = installFakeExcel(
      typeof workbook === "string" ? (JSON.parse(workbook) as FakeWorkbookSpec) : workbook,
    );
  },
  snapshot: () => current().snapshot(),
  stats: () => current().stats(),
  failNextSync: (code) => current().failNextSync(code),
  startCellEdit: () => current().startCellEdit(),
  endCellEdit: () => current().endCellEdit(),
};

(globalThis as unknown as { __fakeHost: FakeHostHandle }).__fakeHost = handle;
