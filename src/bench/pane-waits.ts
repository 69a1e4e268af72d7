// What the officer waits for, measured on the real built task pane in headless Chromium on the fake host:
// click Check → findings on screen, a key press in the findings list → focus moved, a view switch → the view
// usable, Preview changes → the import preview shown, and the page's DOM size. Part of `npm run bench:pane`.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { FakeWorkbookSpec } from "../../tests/fakes/fake-excel";
import { openPane } from "../../tests/e2e/harness";
import { exportFrom } from "./import-bench";
import { BENCH_AS_AT, toGrids, writeWorkloadXlsx, type WorkSheet } from "./workload";
import { median } from "./measure";

/** The targets at 10k risks (issue 13). */
export const WAIT_TARGETS = {
  findingsVisibleMs: 1500,
  keyPressMs: 50,
  viewSwitchMs: 300,
  domNodes: 5000,
};

/** One fresh page's figures. */
export interface WaitRun {
  /** Click on Check → the Findings heading and a finding on screen, painted (read + check + render). */
  checkToFindingsMs: number;
  /** Of which: click → "Checking n sheets…" on screen (settings, the read; the check and render follow). */
  readMs: number;
  findings: number;
  /** Elements in the page once the findings show, and all nodes (text nodes included). */
  domElements: number;
  domNodes: number;
  /** ArrowDown in the findings list → focus on the next finding, painted; one figure per press. */
  arrowMs: number[];
  /** Tab from a finding → focus out of the list, painted. */
  tabMs: number;
  /** Enter on a finding → the pane reports the cell selected (the select's sync included). */
  enterToSelectionMs: number;
  /** Check → Summaries, Summaries → Check, Check → Import: the target view's first control on screen. */
  toSummariesMs: number;
  backToCheckMs: number;
  toImportMs: number;
  /** Back on the Check view: is the findings filter the officer set still set? */
  filterKept: boolean;
  /** Preview changes → "What the import would change" on screen, painted; then the page's elements. */
  importPreviewMs: number;
  importDomElements: number;
}

export interface WaitResult {
  risks: number;
  runs: WaitRun[];
  median: {
    checkToFindingsMs: number;
    readMs: number;
    arrowMs: number;
    tabMs: number;
    enterToSelectionMs: number;
    toSummariesMs: number;
    backToCheckMs: number;
    toImportMs: number;
    importPreviewMs: number;
    domElements: number;
    domNodes: number;
  };
  loadBefore: number[];
  loadAfter: number[];
}

/** What "on screen" means for a wait: an element matching `selector` (and `text`) that is rendered. */
interface Ready {
  selector: string;
  /** A regular expression source the element's text must match. */
  text?: string;
  /** Or: focus has left the element focused when the timer was armed. */
  focusMoved?: boolean;
  /**
   * Stop the clock when the element is first seen, not once it is painted: for a marker after which the
   * pane starts blocking work in the next frame (the check after "Checking N sheets…"), waiting for the
   * paint would count that work too.
   */
  seenOnly?: boolean;
}

/**
 * Runs in the page before its own scripts, so its listeners come first at the window (Fluent's keyboard
 * handling stops a key's propagation there): an armed timer starts at the next trusted click or keydown,
 * at the event's own timestamp, so it includes whatever the handlers then do synchronously.
 */
const TIMER_SCRIPT = `(() => {
  window.__waitStart = null;
  window.__waitArmed = null;
  for (const type of ["click", "keydown"])
    window.addEventListener(type, (e) => {
      if (window.__waitArmed === type && window.__waitStart === null) window.__waitStart = e.timeStamp;
    }, { capture: true });
})();`;

/** Arms the page's timer for the next `event`, remembering what has focus (for a focus-moved wait). */
async function arm(page: Page, event: "click" | "keydown"): Promise<void> {
  await page.evaluate((ev) => {
    const w = window as unknown as {
      __waitStart: number | null;
      __waitArmed: string;
      __waitFrom: Element | null;
    };
    w.__waitStart = null;
    w.__waitArmed = ev;
    w.__waitFrom = document.activeElement;
  }, event);
}

/**
 * Waits in the page until `ready` holds, then for the next frame to be painted (a requestAnimationFrame,
 * then a task after it); returns milliseconds since the armed event.
 */
function until(page: Page, ready: Ready, timeoutMs = 120_000): Promise<number> {
  return page.evaluate(
    ([r, timeout]) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __waitStart: number | null; __waitFrom: Element | null };
        const re = r.text ? new RegExp(r.text) : null;
        const holds = (): boolean => {
          if (w.__waitStart === null) return false;
          if (r.focusMoved) return document.activeElement !== w.__waitFrom;
          for (const el of document.querySelectorAll(r.selector)) {
            if ((el as HTMLElement).getClientRects().length === 0) continue;
            if (!re || re.test(el.textContent ?? "")) return true;
          }
          return false;
        };
        const end = performance.now() + timeout;
        const poll = () => {
          if (holds()) {
            const stop = () => resolve(performance.now() - (w.__waitStart as number));
            if (r.seenOnly) stop();
            else requestAnimationFrame(() => setTimeout(stop, 0));
          } else if (performance.now() > end) reject(new Error(`not ready: ${JSON.stringify(r)}`));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    [ready, timeoutMs] as const,
  );
}

const domSize = (page: Page): Promise<{ elements: number; nodes: number }> =>
  page.evaluate(() => {
    let nodes = 0;
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    return { elements: document.getElementsByTagName("*").length, nodes: nodes + 1 };
  });

const FINDING_BUTTON = { selector: "button", text: "^(Error|Warning|Note): " };

/** The fake host's workbook for a workload: dates as serials in date-formatted cells. */
export function fakeSpec(sheets: WorkSheet[]): FakeWorkbookSpec {
  return {
    sheets: toGrids(sheets).map((g) => ({
      name: g.sheetName,
      values: g.values,
      numberFormats: (g.numberFormats ?? []).map((r) => r.map((f) => f ?? "General")),
    })),
  };
}

/** One fresh page: settings, check, keys, views, import preview. */
async function oneRun(
  browser: Browser,
  base: string,
  fakeHostJs: string,
  workbookJson: string,
  exportBytes: Buffer,
): Promise<WaitRun> {
  const { context, page, errors } = await openPane(
    browser,
    base,
    fakeHostJs,
    { kind: "fake", workbookJson },
    "",
    "taskpane.html",
    TIMER_SCRIPT,
  );
  page.setDefaultTimeout(180_000);
  try {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("As-at date").fill(BENCH_AS_AT);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
    await page.getByRole("tab", { name: "Check" }).click();
    const checkButton = page.getByRole("button", { name: "Check workbook" });
    await checkButton.waitFor();

    // Check → findings on screen; on the way, "Checking n sheets…" marks the end of the read.
    await arm(page, "click");
    const read = until(page, { selector: "div", text: "^Checking \\d+ sheets…$", seenOnly: true });
    const shown = until(page, { selector: "h2", text: "^Findings$" });
    await checkButton.click();
    await shown;
    const checkToFindingsMs = await until(page, FINDING_BUTTON);
    const readMs = await read;
    const findings = Number(
      /of ([\d,]+)\./
        .exec(await page.getByText(/^Showing [\d,]+ of [\d,]+\./).innerText())?.[1]
        .replace(/,/g, ""),
    );
    const dom = await domSize(page);

    // Keys in the findings list.
    const first = page.getByRole("button", { name: /^(Error|Warning|Note): / }).first();
    await first.focus();
    const arrowMs: number[] = [];
    for (let i = 0; i < 6; i++) {
      await arm(page, "keydown");
      const moved = until(page, { selector: "", focusMoved: true }, 30_000);
      await page.keyboard.press("ArrowDown");
      arrowMs.push(await moved);
    }
    // The pane says "Selected Sheet!A1." once the host's selection has moved (after the select's sync).
    await arm(page, "keydown");
    const selected = until(page, { selector: '[role="status"]', text: "^Selected " }, 30_000);
    await page.keyboard.press("Enter");
    const enterToSelectionMs = await selected;
    await arm(page, "keydown");
    const tabbed = until(page, { selector: "", focusMoved: true }, 30_000);
    await page.keyboard.press("Tab");
    const tabMs = await tabbed;

    // A filter the officer set must survive a trip to another view.
    await page.getByRole("combobox", { name: "Severity" }).selectOption("error");
    await page.getByText(/^Showing [\d,]+ of [\d,]+\./).waitFor();

    // View switches.
    await arm(page, "click");
    const summaries = until(page, { selector: "button", text: "^Write summary tabs$" });
    await page.getByRole("tab", { name: "Summaries" }).click();
    const toSummariesMs = await summaries;
    await arm(page, "click");
    const back = until(page, { selector: "h2", text: "^Findings$" });
    await page.getByRole("tab", { name: "Check" }).click();
    const backToCheckMs = await back;
    const filterKept = (await page.getByRole("combobox", { name: "Severity" }).inputValue()) === "error";
    await arm(page, "click");
    const importView = until(page, { selector: "button", text: "^Choose an \\.xlsx or \\.csv file…$" });
    await page.getByRole("tab", { name: "Import" }).click();
    const toImportMs = await importView;

    // Import preview.
    await page.setInputFiles("input[type=file]", {
      name: "iris.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: exportBytes,
    });
    const preview = page.getByRole("button", { name: "Preview changes" });
    await preview.waitFor();
    await arm(page, "click");
    const previewShown = until(page, { selector: "h2", text: "^What the import would change$" });
    await preview.click();
    const importPreviewMs = await previewShown;
    const importDom = await domSize(page);
    if (errors.length) throw new Error(`the pane reported errors:\n${errors.join("\n")}`);
    return {
      checkToFindingsMs,
      readMs,
      findings,
      domElements: dom.elements,
      domNodes: dom.nodes,
      arrowMs,
      tabMs,
      enterToSelectionMs,
      toSummariesMs,
      backToCheckMs,
      toImportMs,
      filterKept,
      importPreviewMs,
      importDomElements: importDom.elements,
    };
  } finally {
    await context.close();
  }
}

/** `runs` fresh pages on a workload of `risks` risks (long texts, as the engine benchmark's). */
export async function measureWaits(
  browser: Browser,
  base: string,
  fakeHostJs: string,
  sheets: WorkSheet[],
  risks: number,
  runs: number,
): Promise<WaitResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-waits-"));
  try {
    const exportFile = path.join(dir, "iris.xlsx");
    await writeWorkloadXlsx(exportFrom(sheets), exportFile);
    const exportBytes = fs.readFileSync(exportFile);
    const workbookJson = JSON.stringify(fakeSpec(sheets));
    const loadBefore = os.loadavg();
    const all: WaitRun[] = [];
    for (let i = 0; i < runs; i++) {
      process.stdout.write(`  ${risks} risks, run ${i + 1} of ${runs}… `);
      all.push(await oneRun(browser, base, fakeHostJs, workbookJson, exportBytes));
      console.log(`${Math.round(all[i].checkToFindingsMs)} ms to findings`);
    }
    const m = (f: (r: WaitRun) => number) => median(all.map(f));
    return {
      risks,
      runs: all,
      median: {
        checkToFindingsMs: m((r) => r.checkToFindingsMs),
        readMs: m((r) => r.readMs),
        // Every press of every run: the first press pays for anything lazy, so the median is the typical one.
        arrowMs: median(all.flatMap((r) => r.arrowMs)),
        tabMs: m((r) => r.tabMs),
        enterToSelectionMs: m((r) => r.enterToSelectionMs),
        toSummariesMs: m((r) => r.toSummariesMs),
        backToCheckMs: m((r) => r.backToCheckMs),
        toImportMs: m((r) => r.toImportMs),
        importPreviewMs: m((r) => r.importPreviewMs),
        domElements: m((r) => r.domElements),
        domNodes: m((r) => r.domNodes),
      },
      loadBefore,
      loadAfter: os.loadavg(),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The waits as a table, one column per workload size; the targets are the issue's, at 10k risks. */
export function renderWaits(results: WaitResult[]): string {
  const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
  const head = results.map((r) => `${r.risks} risks`.padEnd(22)).join("");
  const lines = [
    "What the officer waits for (real task pane, medians of fresh pages; paint included)",
    `  ${"".padEnd(40)} ${head} target at 10k`,
  ];
  const row = (label: string, f: (r: WaitResult) => string, target = "") =>
    lines.push(`  ${label.padEnd(40)} ${results.map((r) => f(r).padEnd(22)).join("")} ${target}`);
  row("runs", (r) => `${r.runs.length} (${r.runs[0]?.findings ?? 0} findings)`);
  row(
    "click Check → findings visible",
    (r) => ms(r.median.checkToFindingsMs),
    `≤ ${WAIT_TARGETS.findingsVisibleMs} ms`,
  );
  row("  of which: click → read done", (r) => ms(r.median.readMs));
  row("  then: check + render + paint", (r) => ms(r.median.checkToFindingsMs - r.median.readMs));
  row("ArrowDown in findings → focus moved", (r) => ms(r.median.arrowMs), `≤ ${WAIT_TARGETS.keyPressMs} ms`);
  row("Tab out of the findings → focus moved", (r) => ms(r.median.tabMs), `≤ ${WAIT_TARGETS.keyPressMs} ms`);
  row("Enter on a finding → cell selected", (r) => ms(r.median.enterToSelectionMs));
  row("Check → Summaries usable", (r) => ms(r.median.toSummariesMs), `≤ ${WAIT_TARGETS.viewSwitchMs} ms`);
  row("Summaries → Check usable", (r) => ms(r.median.backToCheckMs), `≤ ${WAIT_TARGETS.viewSwitchMs} ms`);
  row("Check → Import usable", (r) => ms(r.median.toImportMs), `≤ ${WAIT_TARGETS.viewSwitchMs} ms`);
  row("  findings filter kept across views", (r) => (r.runs.every((x) => x.filterKept) ? "yes" : "no"));
  row("Preview changes → preview shown", (r) => ms(r.median.importPreviewMs));
  row(
    "DOM after check: elements / all nodes",
    (r) => `${r.median.domElements} / ${r.median.domNodes}`,
    `≤ ${WAIT_TARGETS.domNodes} nodes`,
  );
  row("DOM with the import preview (elements)", (r) =>
    String(median(r.runs.map((x) => x.importDomElements))),
  );
  row("load average before / after", (r) => `${r.loadBefore[0].toFixed(2)} / ${r.loadAfter[0].toFixed(2)}`);
  return lines.join("\n");
}
