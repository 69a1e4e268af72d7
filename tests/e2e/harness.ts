// Browser-test harness: builds the task pane and the fake Excel host, serves them on 127.0.0.1,
// and opens them in headless Chromium (see chromiumPath) with every other request blocked.

import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { FakeSnapshot, FakeStats } from "../fakes/fake-excel";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { execFile } from "child_process";

const ROOT = path.resolve(__dirname, "../..");
export const SCREENSHOTS = path.join(__dirname, "screenshots");
/**
 * The Chromium the browser tests and the pane benchmarks drive: CHROMIUM_PATH when set, else the first
 * `chromium` on PATH (the one README's install step finds with `command -v chromium`), else Debian's
 * /usr/bin/chromium (whose absence playwright then names).
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, "chromium");
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // Not here: try the next folder on PATH.
    }
  }
  return "/usr/bin/chromium";
}
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/;

/** What the stub office.js route serves: nothing (load fails), office.js outside Office, or the fake Excel. */
export type OfficeStub = { kind: "blocked" } | { kind: "browser" } | { kind: "fake"; workbookJson: string };

/** Where jest.e2e.config.js's global setup leaves the build every browser test file shares. */
export const SHARED_BUILD_ENV = "CRR_E2E_BUILD";

/**
 * Builds the production task pane (plus the fake host bundle) into a temporary folder. `extraEntry`
 * ("name:path", the pane benchmark's) is built into the same bundle with a page of its own, name.html.
 */
export async function buildAll(extraEntry?: string): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "crr-e2e-"));
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, "build.js"), out, ...(extraEntry ? [extraEntry] : [])],
      { cwd: ROOT, maxBuffer: 1 << 24 },
      (err, _stdout, stderr) =>
        err ? reject(new Error(`The task pane build failed:\n${stderr}`)) : resolve(),
    );
  });
  return out;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves `dir` on 127.0.0.1 (a random port); returns the base URL and a close function. */
export interface Served {
  base: string;
  /** Paths served so far, in order (the bundle-size check reads which scripts a view needed). */
  served: string[];
  close: () => Promise<void>;
}

export async function serve(dir: string): Promise<Served> {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    served.push(url.pathname);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A 340 px wide page (the task pane, or `pagePath`) where only 127.0.0.1 and the stub office.js answer.
 * `initScript` runs in the page before any of its own scripts (the pane benchmark's event timers).
 */
export async function openPane(
  browser: Browser,
  base: string,
  fakeHostJs: string,
  stub: OfficeStub,
  query = "",
  pagePath = "taskpane.html",
  initScript?: string,
): Promise<{ context: BrowserContext; page: Page; blocked: string[]; errors: string[] }> {
  // Reduced motion: Fluent skips its expand/collapse animations, so screenshots show settled layouts.
  const context = await browser.newContext({
    viewport: { width: 340, height: 720 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "en-GB",
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/")) return route.continue();
    if (OFFICE_JS.test(url)) {
      if (stub.kind === "blocked") return route.abort("internetdisconnected");
      const body =
        stub.kind === "browser"
          ? // What office.js does outside Office: onReady resolves with host and platform null.
            "window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) { var i = { host: null, platform: null }; if (cb) cb(i); return Promise.resolve(i); } };"
          : `${fakeHostJs}\n;window.__fakeHost.install(${JSON.stringify(stub.workbookJson)});`;
      return route.fulfill({ status: 200, contentType: "text/javascript", body });
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${base}/${pagePath}${query}`);
  return { context, page, blocked, errors };
}

/** Runs axe-core on the page; returns the violations in short form. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string;
              nodes: { target: string[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    // Tabster's focus trampolines (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent's TabList and
    // arrow-key groups) are a known aria-hidden-focus false positive: they pass focus on at once and are
    // aria-hidden so screen readers skip them. Microsoft's Accessibility Insights suppresses exactly these
    // nodes (microsoft/accessibility-insights-web#7605); we drop only them, and only for that rule.
    for (const v of r.violations) {
      if (v.id === "aria-hidden-focus")
        v.nodes = v.nodes.filter((n) => !/data-tabster-dummy/.test((n as { html?: string }).html ?? ""));
    }
    return r.violations
      .filter((v) => v.nodes.length > 0)
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 4)
            .map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`)
            .join(" | ")}`,
      );
  });
}

/** Retries `assertion` until it passes or `timeoutMs` runs out (the fake applies writes asynchronously). */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Full-page screenshot into tests/e2e/screenshots/. */
export async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A full-page shot of a scrolled page draws the sticky tab bar at the scroll offset, over the content.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One test file's built pane and fake host, the server for them and the browser; filled in by beforeAll. */
export interface PaneSite {
  /** The build folder: site/ (the pane) and fake/ (the fake host). */
  out: string;
  server: Served;
  browser: Browser;
  fakeHostJs: string;
  /** Opens the pane (see openPane) on this site's server with this build's fake host. */
  open(stub: OfficeStub, query?: string): ReturnType<typeof openPane>;
}

/**
 * Registers the beforeAll/afterAll every browser test file needs: the pane and the fake host (the build
 * the global setup made, else one of its own), serve the site, launch Chromium; afterwards close both and
 * remove a build of its own. The returned object is empty until beforeAll has run, so read its fields
 * inside tests only.
 */
export function usePaneSite(): PaneSite {
  const site: PaneSite = {
    out: "",
    server: undefined as unknown as Served,
    browser: undefined as unknown as Browser,
    fakeHostJs: "",
    open: (stub, query = "") => openPane(site.browser, site.server.base, site.fakeHostJs, stub, query),
  };
  const shared = process.env[SHARED_BUILD_ENV];
  beforeAll(async () => {
    site.out = shared ?? (await buildAll());
    site.fakeHostJs = fs.readFileSync(path.join(site.out, "fake", "fake-host.js"), "utf8");
    site.server = await serve(path.join(site.out, "site"));
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    if (site.out && !shared) fs.rmSync(site.out, { recursive: true, force: true });
  });
  return site;
}

/** The fake workbook as it stands now (sheets, selection, visibility…), read from the page. */
export const fakeSnapshot = (page: Page): Promise<FakeSnapshot> =>
  page.evaluate(() =>
    (window as unknown as { __fakeHost: { snapshot(): FakeSnapshot } }).__fakeHost.snapshot(),
  );

/** The fake host's counters (syncs, bytes…), read from the page. */
export const fakeStats = (page: Page): Promise<FakeStats> =>
  page.evaluate(() => (window as unknown as { __fakeHost: { stats(): FakeStats } }).__fakeHost.stats());

/** The page's scrollable width: at 340 px nothing may overflow sideways (readable at 320 px, WCAG 1.4.10). */
export const pageWidth = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth);
