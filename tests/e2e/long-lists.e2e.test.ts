// The 10k-risk workbook in headless Chromium on the fake Excel host, by keyboard alone: check, move through
// the first group, show a group in full, go to a finding's cell. The pane stays small (only what is on
// screen is drawn), the rows say where they are in their group, and axe-core finds nothing, light and dark.

import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { paneWorkload } from "../../src/bench/pane-bench";
import { fakeSpec } from "../../src/bench/pane-waits";
import { BENCH_AS_AT } from "../../src/bench/workload";
import { SCREENSHOTS, axeViolations, eventually, fakeSnapshot, pageWidth, usePaneSite } from "./harness";

const site = usePaneSite();
const workbookJson = JSON.stringify(fakeSpec(paneWorkload(10_000)));
const FINDING = /^(Error|Warning|Note): /;
/** The ceiling for the whole page (issue 13). */
const DOM_LIMIT = 5000;

// Reading and checking 10k risks on a busy shared machine takes a while.
jest.setTimeout(600_000);

/** The focused element: its text, and its row's place in its list when it is in one. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const li = el?.closest("li");
    return {
      text: el?.textContent ?? "",
      posinset: Number(li?.getAttribute("aria-posinset") ?? 0),
      setsize: Number(li?.getAttribute("aria-setsize") ?? 0),
      expanded: el?.getAttribute("aria-expanded") ?? null,
    };
  });

const elements = (page: Page): Promise<number> =>
  page.evaluate(() => document.getElementsByTagName("*").length);

/** What the viewport shows (a full-page shot of an expanded group would be hundreds of thousands of px tall). */
async function shootViewport(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Opens the pane on the 10k workbook, sets the as-at date and checks, from the keyboard. */
async function openChecked(theme: "light" | "dark") {
  const pane = await site.open({ kind: "fake", workbookJson }, `?theme=${theme}`);
  const { page } = pane;
  page.setDefaultTimeout(300_000);
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("As-at date").fill(BENCH_AS_AT);
  await page.getByRole("button", { name: "Save settings" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  await page.getByRole("tab", { name: "Check" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Check workbook" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Findings" }).waitFor();
  await page.getByRole("button", { name: FINDING }).first().waitFor();
  return pane;
}

/** Tabs from the Check button into the findings list (its one Tab stop). */
async function tabIntoFindings(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Check again" }).focus();
  for (let i = 0; i < 60 && !FINDING.test((await focused(page)).text); i++) await page.keyboard.press("Tab");
  expect((await focused(page)).text).toMatch(FINDING);
}

describe("the task pane on a 10k-risk register", () => {
  it("checks, moves through the first group, shows a group in full and selects a finding's cell, by keyboard", async () => {
    const { context, page, blocked, errors } = await openChecked("light");
    const total = Number(
      /of ([\d,]+)\./
        .exec(await page.getByText(/^Showing [\d,]+ of [\d,]+\./).innerText())![1]
        .replace(/,/g, ""),
    );
    expect(total).toBeGreaterThan(5000);
    expect(await elements(page)).toBeLessThan(DOM_LIMIT);

    // The first group: its rows in order, each saying its place among the group's findings.
    await tabIntoFindings(page);
    const first = await focused(page);
    expect(first.posinset).toBe(1);
    const groupSize = first.setsize;
    expect(groupSize).toBeGreaterThan(5);
    for (let n = 2; n <= 5; n++) {
      await page.keyboard.press("ArrowDown");
      expect(await focused(page)).toMatchObject({ posinset: n, setsize: groupSize });
    }
    // Past the first rows: the group's "Show all" button, then Enter shows the rest and focuses row 6.
    await page.keyboard.press("ArrowDown");
    const toggle = await focused(page);
    expect(toggle.expanded).toBe("false");
    expect(toggle.text).toMatch(new RegExp(`^Show all ${groupSize.toLocaleString("en-GB")} `));
    await page.keyboard.press("Enter");
    await eventually(async () =>
      expect(await focused(page)).toMatchObject({ posinset: 6, setsize: groupSize }),
    );
    expect(
      await page.getByRole("button", { name: /^Show the first 5 only/ }).getAttribute("aria-expanded"),
    ).toBe("true");
    // Shown in full, the group draws only the rows near the window.
    expect(await elements(page)).toBeLessThan(DOM_LIMIT);

    // Forty rows further down: the window follows focus.
    for (let n = 7; n <= 46; n++) await page.keyboard.press("ArrowDown");
    const row = await focused(page);
    expect(row).toMatchObject({ posinset: 46, setsize: groupSize });
    const place = /^(?:Error|Warning|Note): (.+)!([A-Z]+\d+)/.exec(row.text);
    expect(place).not.toBeNull();
    await page.keyboard.press("Enter");
    await eventually(async () =>
      expect((await fakeSnapshot(page)).selection).toEqual({ sheet: place![1], address: place![2] }),
    );
    expect(await elements(page)).toBeLessThan(DOM_LIMIT);

    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 720 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await shootViewport(page, "long-list-320-light");
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the Check view as it was across views, with no axe violations (dark, 350 px)", async () => {
    const { context, page, errors } = await openChecked("dark");
    await page.setViewportSize({ width: 350, height: 720 });
    await page.getByRole("combobox", { name: "Severity" }).selectOption("error");
    await page
      .getByRole("button", { name: /^Show all / })
      .first()
      .click();
    await page.getByRole("button", { name: /^Show the first 5 only/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(350);
    await shootViewport(page, "long-list-350-dark");

    await page.getByRole("tab", { name: "Summaries" }).click();
    await page.getByRole("button", { name: "Write summary tabs" }).waitFor();
    await page.getByRole("tab", { name: "Check" }).click();
    // The filter and the group shown in full are as the officer left them.
    expect(await page.getByRole("combobox", { name: "Severity" }).inputValue()).toBe("error");
    await page.getByRole("button", { name: /^Show the first 5 only/ }).waitFor();
    expect(await elements(page)).toBeLessThan(DOM_LIMIT);
    expect(errors).toEqual([]);
    await context.close();
  });
});
