// The register remembers, in the browser: a meeting card shows a risk's direction of travel (↑) and its
// history from an Update Log kept by hand, the chair accepts the board proposal by keyboard alone, and
// the Meeting Record lists it. axe-core in light and dark; screenshots at 340 and 320 px.

import type { Page } from "playwright-core";
import type { FakeWorkbookSpec } from "../fakes/fake-excel";
import { axeViolations, eventually, fakeSnapshot, pageWidth, shoot, usePaneSite } from "./harness";
import { contractorWorkbook } from "./workbook";

const site = usePaneSite();

/** The contractor workbook plus an Update Log the officers kept by hand (dates typed as text). */
function workbookWithHistory(): FakeWorkbookSpec {
  const wb = contractorWorkbook();
  wb.sheets.push({
    name: "Risk updates (officers)",
    values: [
      ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy"],
      ["12/07/2022", "HRC-004", "M. Reid", "Inspectors in post", "No", 6, "Transfer"],
      ["15/08/2022", "HRC-004", "M. Reid", "Framework slow to respond", "No", 6, "Transfer"],
      ["14/09/2022", "HRC-004", "M. Reid", "Two inspectors left the framework", "No", 10, "Transfer"],
    ],
  });
  return wb;
}
const workbookJson = JSON.stringify(workbookWithHistory());

async function press(page: Page, locator: ReturnType<Page["getByRole"]>, key: string): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

/** Opens the pane, sets the as-at date, checks, starts a meeting on 10/10/2022 and moves to HRC-004's card. */
async function meetingAtHrc004(theme: "light" | "dark"): Promise<Awaited<ReturnType<typeof site.open>>> {
  const pane = await site.open({ kind: "fake", workbookJson }, `?theme=${theme}`);
  const { page } = pane;
  await press(page, page.getByRole("tab", { name: "Settings" }), "Enter");
  await page.getByLabel("As-at date").fill("2022-10-10");
  await press(page, page.getByRole("button", { name: "Save settings" }), "Enter");
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  await press(page, page.getByRole("tab", { name: "Review" }), "Enter");
  await press(page, page.getByRole("button", { name: "Check the workbook" }), "Enter");
  await page.getByRole("button", { name: "Start meeting" }).waitFor();
  await page.getByLabel("Meeting date").fill("2022-10-10");
  const name = page.getByRole("textbox", { name: /Your name/ });
  await name.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Jane Smith");
  await press(page, page.getByRole("button", { name: "Start meeting" }), "Enter");
  await page.getByRole("heading", { level: 2 }).first().waitFor();
  for (let i = 0; i < 6; i++) {
    if (await page.getByRole("heading", { level: 2, name: /HRC-004/ }).count()) break;
    await page.keyboard.press("Alt+n");
    await page.waitForTimeout(50);
  }
  await page.getByRole("heading", { level: 2, name: /HRC-004/ }).waitFor();
  return pane;
}

describe("History, appetite and proposals in the meeting", () => {
  it("shows ↑ and the months, accepts the proposal by keyboard, and the Meeting Record lists it", async () => {
    const { context, page, blocked, errors } = await meetingAtHrc004("light");
    const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: /HRC-004/ }) });

    // Direction of travel: September's 10 → the current 12; the arrow is read as words.
    const direction = card.locator("dt", { hasText: "Direction" }).locator("xpath=following-sibling::dd[1]");
    expect(await direction.innerText()).toContain("↑");
    expect(await direction.textContent()).toContain("score up");
    expect(
      await card.locator("dt", { hasText: "Appetite" }).locator("xpath=following-sibling::dd[1]").innerText(),
    ).toBe("Cautious, up to 9 (default level; none set for Annex 4 Structures) — above appetite");

    // The history, newest month first, with the hand-kept log's words.
    const history = page.getByRole("table", { name: "History, last 12 months" });
    const rows = await history.locator("tbody tr").allInnerTexts();
    expect(rows[0]).toMatch(/^Oct 2022\s+12 Amber/);
    expect(rows[1]).toMatch(/^Sep 2022\s+10 Amber\s+Two inspectors left the framework — M\. Reid/);
    expect(rows[2]).toMatch(/^Aug 2022\s+6 Amber\s+Framework slow to respond/);
    expect(rows[3]).toMatch(/^Jul 2022\s+6 Amber\s+Inspectors in post/);

    // The proposal, and Alt+A accepts it from wherever focus is in the view (the update box).
    await page.getByRole("heading", { name: "Proposed: Escalate to Strategic Partnership Board" }).waitFor();
    expect(await card.getByText(/score 12 above appetite \(Cautious, 9\) for 2 months/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shoot(page, "history-card-light");
    const registerRow = async () =>
      (await fakeSnapshot(page)).sheets.find((x) => x.name === "IRIS Risk Register")!.values[8];
    const rowBefore = await registerRow();
    expect(rowBefore[0]).toBe("HRC-004");
    await page.keyboard.press("Alt+a");
    await page.getByText("Accepted in this meeting (Update Log)").waitFor();
    // The Review view's live region says it (the Check view's stays mounted, hidden, with its own).
    await eventually(async () =>
      expect(
        await page
          .locator('[role="status"][aria-live="polite"]', {
            hasText: /^Proposal accepted for HRC-004: Escalate to Strategic Partnership Board\./,
          })
          .count(),
      ).toBe(1),
    );
    // Accepting never changes the register: HRC-004's row is as it was.
    expect(await registerRow()).toEqual(rowBefore);

    await press(page, page.getByRole("button", { name: /End meeting/ }), "Enter");
    await page.getByRole("button", { name: "Start another meeting" }).waitFor({ timeout: 60000 });
    const snap = await fakeSnapshot(page);
    const log = snap.sheets.find((s) => s.name === "Update Log")!;
    // Columns: Date, Register, Risk ID, By, Update, …
    expect(log.values.map((r) => r[4])).toContain(
      "Proposal accepted: Escalate to Strategic Partnership Board (score 12 above appetite (Cautious, 9) for 2 months)",
    );
    const record = snap.sheets.find((s) => s.name === "Meeting Record")!;
    const lines = record.values.map((r) =>
      r.filter((v) => v !== "" && !String(v).startsWith("⟦")).join(" | "),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "Proposals accepted (1)",
        "HRC-004 | Escalate to Strategic Partnership Board | IRIS Risk Register | score 12 above appetite (Cautious, 9) for 2 months",
      ]),
    );
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the risk behind a selected finding in the Check view: direction, proposal and months", async () => {
    const { context, page, errors } = await site.open({ kind: "fake", workbookJson }, "?theme=light");
    await press(page, page.getByRole("tab", { name: "Settings" }), "Enter");
    await page.getByLabel("As-at date").fill("2022-10-10");
    await press(page, page.getByRole("button", { name: "Save settings" }), "Enter");
    await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
    await press(page, page.getByRole("tab", { name: "Check" }), "Enter");
    await press(page, page.getByRole("button", { name: /^Check (workbook|again)$/ }), "Enter");
    const finding = page.getByRole("button", { name: /IRIS Risk Register![A-Z]+9 · HRC-004/ }).first();
    await press(page, finding, "Enter");
    const detail = page.getByRole("region", { name: /^Risk history: HRC-004 Bridge inspection resourcing/ });
    await detail.waitFor();
    expect(await detail.innerText()).toMatch(
      /Proposal\s+Escalate to Strategic Partnership Board: score 12 above appetite/,
    );
    const rows = await detail.getByRole("table").locator("tbody tr").allInnerTexts();
    expect(rows[1]).toMatch(/^Sep 2022\s+10 Amber\s+Two inspectors left the framework/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "history-check-detail-light");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is readable and accessible in the dark theme at 320 px", async () => {
    const { context, page } = await meetingAtHrc004("dark");
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("table", { name: "History, last 12 months" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await shoot(page, "history-card-dark");
    await context.close();
  });
});
