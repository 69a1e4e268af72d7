// Accepting a finding as an exception, in headless Chromium on the fake Excel host with the real engine,
// by keyboard alone: the exception lands in the hidden Settings sheet, the finding moves under
// "Accepted", Withdraw brings it back; axe-core with the dialog open in light and dark; 340 and 320 px.

import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/core/model/grid";
import type { AcceptedException } from "../../src/core/model/settings";
import { settingsFromRows } from "../../src/core/model/settings-sheet";
import { SCREENSHOTS, axeViolations, eventually, fakeSnapshot, pageWidth, usePaneSite } from "./harness";
import { contractorWorkbook } from "./workbook";

const site = usePaneSite();
const workbookJson = JSON.stringify(contractorWorkbook());

const REASON = "Strategy agreed at the October board; the register is updated in November.";
const FINDING = /^Error: IRIS Risk Register!J7 · HRC-002 \. /;

/** "tag:name-or-id:text" of the focused element. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}:${el.getAttribute("name") ?? ""}:${(el.textContent ?? "").slice(0, 80)}`
      : "none";
  });

/** Presses Tab until focus leaves the field named `name` (a date input has a Tab stop per part: day, month, year). */
async function tabOutOf(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 4 && (await focused(page)).startsWith(`input:${name}:`); i++)
    await page.keyboard.press("Tab");
}

/** What the viewport shows (the dialog is fixed to it, so a full-page shot would draw the page beneath it). */
async function shootViewport(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The accepted exceptions as the hidden Settings sheet holds them, read back the way the engine reads them. */
async function savedExceptions(page: Page): Promise<AcceptedException[]> {
  const sheet = (await fakeSnapshot(page)).sheets.find((s) => s.visibility !== "Visible");
  if (!sheet) throw new Error("no hidden Settings sheet");
  const rows = (sheet.values as CellValue[][]).map((r) => r.map((v) => (v === "" ? null : v)));
  return settingsFromRows(rows).settings.acceptedExceptions;
}

/** Opens the pane on the fake workbook, sets the as-at date in Settings and checks, all from the keyboard. */
async function openChecked(theme: "light" | "dark") {
  const pane = await site.open({ kind: "fake", workbookJson }, `?theme=${theme}`);
  const { page } = pane;
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("As-at date").fill("2022-10-10"); // a date input's segments take no select-all; fill sets it
  await page.getByRole("button", { name: "Save settings" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  await page.getByRole("tab", { name: "Check" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Check workbook" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Findings" }).waitFor();
  return pane;
}

/** From the finding, the right arrow to its Accept… button and Enter: the dialog opens on the Reason box. */
async function openDialog(page: Page): Promise<void> {
  await page.getByRole("button", { name: FINDING }).focus();
  await page.keyboard.press("ArrowRight");
  expect(await focused(page)).toMatch(
    /^button::Accept… risk\/missing-strategy for HRC-002 at IRIS Risk Register!J7$/,
  );
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Accept this finding" }).waitFor();
  await eventually(async () => expect(await focused(page)).toBe("textarea:reason:"));
}

describe("Accepting a finding in the browser", () => {
  it("accepts by keyboard alone, saves the exception in the Settings sheet, and withdraws it", async () => {
    const { context, page, blocked, errors } = await openChecked("light");
    expect(await savedExceptions(page)).toEqual([]);
    // Sheet-level findings offer no Accept…; every Accept… names a record.
    const accepts = await page.getByRole("button", { name: /^Accept… / }).allInnerTexts();
    expect(accepts.length).toBeGreaterThan(3);
    expect(await page.getByRole("button", { name: /^Accept… sheet\// }).count()).toBe(0);

    // Down from the finding stays in the findings column; Esc closes the dialog and focus goes back.
    await page.getByRole("button", { name: FINDING }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await focused(page)).toMatch(/^button::(Error|Warning|Note): /);
    await openDialog(page);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await eventually(async () =>
      expect(await focused(page)).toMatch(
        /^button::Accept… risk\/missing-strategy for HRC-002 at IRIS Risk Register!J7$/,
      ),
    );

    // Save with nothing typed: plain words, focus on the Reason box, nothing saved.
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Accept this finding" }).waitFor();
    await eventually(async () => expect(await focused(page)).toBe("textarea:reason:"));
    expect(await page.getByLabel(/^Review by/).inputValue()).toBe("2023-01-10");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("input:reviewBy:");
    await tabOutOf(page, "reviewBy");
    expect(await focused(page)).toBe("input:by:");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button::Accept finding");
    await page.keyboard.press("Enter");
    await page.getByText("Enter the reason this finding is accepted.").waitFor();
    expect(await focused(page)).toBe("textarea:reason:");
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shootViewport(page, "accept-dialog-errors-light");

    await page.keyboard.type(REASON);
    await page.keyboard.press("Tab");
    await tabOutOf(page, "reviewBy");
    await page.keyboard.type("Jo Smith");
    await shootViewport(page, "accept-dialog-light");
    await page.keyboard.press("Enter");

    // Saved in the hidden Settings sheet, re-checked, and the finding is now under Accepted.
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await eventually(async () =>
      expect(await savedExceptions(page)).toEqual([
        {
          ruleId: "risk/missing-strategy",
          sheet: "IRIS Risk Register",
          recordId: "HRC-002",
          reason: REASON,
          reviewBy: "2023-01-10",
          fingerprint: expect.stringMatching(/^[0-9a-z]+$/),
          acceptedBy: "Jo Smith",
          acceptedOn: "2022-10-10",
        },
      ]),
    );
    await eventually(async () => expect(await focused(page)).toBe("button::Accepted (1)"));
    expect(await page.getByRole("button", { name: FINDING }).count()).toBe(0);
    expect(await page.getByRole("list", { name: "Finding counts" }).innerText()).toMatch(/1 accepted/);
    await page.keyboard.press("Enter");
    const accepted = page.getByRole("list", { name: "Accepted findings" });
    await accepted.waitFor();
    const item = await accepted.innerText();
    for (const text of ["IRIS Risk Register!J7 · HRC-002", REASON, "2023-01-10", "by Jo Smith on 2022-10-10"])
      expect(item).toContain(text);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    // The accepted finding at the foot of the viewport, its heading above it.
    await accepted.evaluate((el) => el.scrollIntoView({ block: "end" }));
    await shootViewport(page, "accept-list-light");

    // Withdraw: out of the Settings sheet, back in the findings.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button::Withdraw");
    await page.keyboard.press("Enter");
    await eventually(async () => expect(await savedExceptions(page)).toEqual([]));
    await page.getByRole("button", { name: FINDING }).waitFor();
    await eventually(async () => expect(await focused(page)).toBe("button::Accepted (0)"));

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(["light", "dark"] as const)(
    "has no axe violations with the dialog open, and fits 340 and 320 px (%s)",
    async (theme) => {
      const { context, page } = await openChecked(theme);
      // The name the Review view remembers for the meeting's "by" is offered here too.
      await page.evaluate(() => localStorage.setItem("contract-risk-review.meeting.by", "Jane Smith"));
      await openDialog(page);
      expect(await page.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Jane Smith");
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageWidth(page)).toBeLessThanOrEqual(340);
      await shootViewport(page, `accept-dialog-${theme}-340`);
      await page.setViewportSize({ width: 320, height: 720 });
      expect(await pageWidth(page)).toBeLessThanOrEqual(320);
      const box = await page.getByRole("dialog").boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      await shootViewport(page, `accept-dialog-${theme}-320`);
      await context.close();
    },
  );
});
