// The task pane in headless Chromium with the fake Excel host and the real engine: check, go to a
// finding's cell, mark cells, write the summary tabs twice, settings; axe-core in light and dark.

import * as fs from "fs";
import * as zlib from "zlib";
import * as path from "path";
import type { Page } from "playwright-core";
import { axeViolations, eventually, fakeSnapshot, fakeStats, pageWidth, shoot, usePaneSite } from "./harness";
import { contractorWorkbook } from "./workbook";

const site = usePaneSite();
const workbookJson = JSON.stringify(contractorWorkbook());

/** Opens the pane on the fake workbook and sets the as-at date through the Settings view. */
async function openWithFake(theme: "light" | "dark") {
  const pane = await site.open({ kind: "fake", workbookJson }, `?theme=${theme}`);
  const { page } = pane;
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("As-at date").fill("2022-10-10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  await page.getByRole("tab", { name: "Check" }).click();
  return pane;
}

async function check(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Check workbook|Check again)$/ }).click();
  await page.getByRole("heading", { name: "Findings" }).waitFor();
}

/** Gzipped size of the scripts served since `from` (index into site.server.served). */
function gzippedScripts(from: number): { files: string[]; bytes: number } {
  const files = [...new Set(site.server.served.slice(from).filter((p) => p.endsWith(".js")))];
  const bytes = files.reduce(
    (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(site.out, "site", f)), { level: 9 }).length,
    0,
  );
  return { files, bytes };
}

describe("bundle size", () => {
  it("keeps the initial task pane script within 150 KB gzipped, and what the Check view needs close to it", async () => {
    const from = site.server.served.length;
    const { context, page } = await site.open({ kind: "fake", workbookJson });
    await page.getByRole("button", { name: "Check workbook" }).waitFor();
    const initial = gzippedScripts(from);
    const html = fs.readFileSync(path.join(site.out, "site", "taskpane.html"), "utf8");
    // Minified HTML drops the quotes: <script defer src=react.5ce3256f.js>.
    const entry = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src))
      .map((src) => "/" + src.replace(/^\//, ""));
    expect(entry.length).toBeGreaterThanOrEqual(2);
    const entryBytes = entry.reduce(
      (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(site.out, "site", f)), { level: 9 }).length,
      0,
    );
    const beforeCheck = site.server.served.length;
    await check(page);
    const engine = gzippedScripts(beforeCheck);
    // Printed for the release notes; the limit is the issue's.
    console.log(
      `task pane JS (gzip): entry ${(entryBytes / 1024).toFixed(1)} KB; to a usable Check view ${(initial.bytes / 1024).toFixed(1)} KB ` +
        `(${initial.files.length} files); engine on first check +${(engine.bytes / 1024).toFixed(1)} KB`,
    );
    // The limit is on the initial (entry) chunks; the Office adapter and the app follow only inside
    // Excel. The second bound catches a dependency slipping into the first-use path. Raised from 165 to
    // 175 KB on purpose (stop 7): no new dependency, but the Check view's first use now carries the long-list
    // windowing, the sheet list's sections / set-aside rows / month-first notes and the co-author settings
    // merge (measured 168.1 KB). Raised again to 180 KB (stop 30): still no new dependency; the reading rules
    // the sheet list shares with the engine (colour keys, sign-off notes, closed places, month columns) and the
    // pane's own tabs in it grew the first-use path to 175.2 KB.
    expect(entryBytes).toBeLessThanOrEqual(150 * 1024);
    expect(initial.bytes).toBeLessThanOrEqual(180 * 1024);
    await context.close();
  });
});

describe("task pane outside Office", () => {
  it.each([
    ["blocked", /could not be loaded/],
    ["browser", /opened outside Excel/],
  ] as const)("explains itself and how to sideload when office.js is %s", async (kind, reason) => {
    const { context, page, blocked } = await site.open({ kind });
    await page.getByRole("heading", { name: "Contract Risk Review", level: 1 }).waitFor();
    expect(await page.getByRole("status").textContent()).toMatch(reason);
    expect(await page.getByText(/Upload My Add-in/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    if (kind === "browser") await shoot(page, "outside-office");
    expect(blocked).toEqual([]);
    await context.close();
  });
});

describe("task pane on the fake Excel host, with the real engine", () => {
  it("checks, goes to a finding's cell, marks cells, and writes the summary tabs idempotently", async () => {
    const { context, page, blocked, errors } = await openWithFake("light");
    const settingsSheet = (await fakeSnapshot(page)).sheets.find((s) => s.visibility !== "Visible");
    expect(settingsSheet).toBeDefined();

    await check(page);
    const counts = await page.getByRole("list", { name: "Finding counts" }).innerText();
    expect(counts).toMatch(/\d+ errors?/);
    const findingButtons = page.getByRole("button", { name: /^(Error|Warning|Note): / });
    expect(await findingButtons.count()).toBeGreaterThan(5);
    // Priority order: no strategy first, then no update this month.
    const headings = await page.getByRole("heading", { level: 3 }).allInnerTexts();
    expect(headings[0]).toMatch(/risk\/missing-strategy/);
    expect(headings[1]).toMatch(/risk\/stale-update/);
    expect(await page.getByText("IRIS Risk Register!J7 · HRC-002").count()).toBe(1);

    // Click a finding: the fake's selection moves to its cell.
    await page.getByRole("button", { name: /IRIS Risk Register!J7 · HRC-002/ }).click();
    await eventually(async () =>
      expect((await fakeSnapshot(page)).selection).toEqual({ sheet: "IRIS Risk Register", address: "J7" }),
    );
    // Keyboard: arrow down to the next finding and press Enter.
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    const place = /^(?:Error|Warning|Note): (.+)!([A-Z]+\d+)/.exec(focused);
    expect(place).not.toBeNull();
    await page.keyboard.press("Enter");
    await eventually(async () =>
      expect((await fakeSnapshot(page)).selection).toEqual({ sheet: place![1], address: place![2] }),
    );
    expect((await fakeSnapshot(page)).activeSheet).toBe(place![1]);
    await shoot(page, "check-light");

    // The sheets as read.
    await page
      .getByRole("button", { name: /^IRIS Risk Register\s+Risk register · headers in row 5/ })
      .click();
    expect(await page.getByRole("combobox", { name: "P · Contractor Notes" }).inputValue()).toBe("");
    expect(await page.getByRole("combobox", { name: "J · Risk Response Strategy" }).inputValue()).toBe(
      "strategy",
    );
    await shoot(page, "check-sheets-light");

    // Mark and unmark.
    await page.getByRole("combobox", { name: "Sheet" }).selectOption("IRIS Risk Register");
    await page.getByRole("button", { name: /^Mark \d+ cells?$/ }).click();
    const marks = async () =>
      (await fakeSnapshot(page)).sheets.find((s) => s.name === "IRIS Risk Register")!.conditionalFormats
        .length;
    await eventually(async () => expect(await marks()).toBeGreaterThan(0));
    await page.getByRole("button", { name: "Remove marks" }).click();
    await eventually(async () => expect(await marks()).toBe(0));

    // Summaries, twice: the same workbook both times; the user's "Exceptions" sheet untouched.
    await page.getByRole("tab", { name: "Summaries" }).click();
    await page.getByRole("button", { name: "Write summary tabs" }).click();
    const written = page.getByRole("list", { name: "Summary tabs written" });
    await written.waitFor();
    expect(await written.innerText()).toMatch(
      /Exceptions: Written as “.+”, because a sheet of yours is already called “Exceptions”/,
    );
    await shoot(page, "summaries-light");
    const first = await fakeSnapshot(page);
    const names = first.sheets.map((s) => s.name);
    for (const n of ["Escalation", "Risk Summary", "Plan Close-Out"]) expect(names).toContain(n);
    const userExceptions = first.sheets.find((s) => s.name === "Exceptions")!;
    expect(userExceptions.values).toEqual([["My own list of exceptions"], ["Do not overwrite"]]);
    const riskSummary = first.sheets.find((s) => s.name === "Risk Summary")!;
    expect(Object.keys(riskSummary.fills).length).toBeGreaterThanOrEqual(25);
    expect(riskSummary.pageLayout).toMatchObject({ orientation: "Landscape" });
    // The pane draws the month-by-month table as a native chart (written twice below: still one chart).
    expect(riskSummary.charts.map((c) => [c.type, c.series.map((x) => x.name)])).toEqual([
      ["ColumnStacked", ["Red", "Amber", "Green"]],
    ]);
    const ownExceptions = first.sheets.find((s) => s.name !== "Exceptions" && /Exceptions/.test(s.name))!;
    expect(
      Object.values(ownExceptions.links).some((l) => JSON.stringify(l).includes("IRIS Risk Register")),
    ).toBe(true);

    await page.getByRole("button", { name: "Write summary tabs" }).click();
    await page.getByText("Wrote 4 summary tabs.").waitFor({ state: "attached" });
    await eventually(async () =>
      expect(JSON.stringify((await fakeSnapshot(page)).sheets)).toBe(JSON.stringify(first.sheets)),
    );

    const s = await fakeStats(page);
    expect(s.failedSyncs).toBe(0);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("validates settings in plain words", async () => {
    const { context, page } = await openWithFake("light");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Review period (months)").fill("13");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Enter a whole number of months from 1 to 12.").waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      "reviewPeriodMonths",
    );
    await context.close();
  });

  it.each(["light", "dark"] as const)("has no axe violations in any view (%s theme)", async (theme) => {
    const { context, page } = await openWithFake(theme);
    await check(page);
    await page.getByRole("button", { name: /^IRIS Risk Register\s+Risk register/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shoot(page, `check-${theme}`);
    await page.getByRole("tab", { name: "Summaries" }).click();
    await page.getByRole("button", { name: "Write summary tabs" }).click();
    await page.getByRole("list", { name: "Summary tabs written" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shoot(page, `summaries-${theme}`);
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("form", { name: "Settings" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shoot(page, `settings-${theme}`);
    await context.close();
  });
});
