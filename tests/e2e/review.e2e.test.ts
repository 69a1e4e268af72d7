// The Review view in headless Chromium on the fake Excel host with the real engine: a short meeting run
// from the keyboard alone (no clicks), axe-core on every screen, screenshots in light and dark.

import type { Page } from "playwright-core";
import { axeViolations, eventually, fakeSnapshot, openPane, pageWidth, shoot, usePaneSite } from "./harness";
import { contractorWorkbook, serial } from "./workbook";

const site = usePaneSite();
const workbookJson = JSON.stringify(contractorWorkbook());

const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}:${el.getAttribute("aria-label") ?? el.id ?? ""}:${el.textContent?.slice(0, 40) ?? ""}`
      : "none";
  });
const liveText = (page: Page): Promise<string> =>
  page.locator('[role="status"][aria-live="polite"][aria-atomic="true"]').innerText();

/** Focuses a control without the mouse, as Tab would, then presses a key on it. */
async function press(page: Page, locator: ReturnType<Page["getByRole"]>, key: string): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

async function typeInto(page: Page, locator: ReturnType<Page["getByLabel"]>, text: string): Promise<void> {
  await locator.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function openReview(
  theme: "light" | "dark",
  workbook: string = workbookJson,
): Promise<Awaited<ReturnType<typeof openPane>>> {
  const pane = await site.open({ kind: "fake", workbookJson: workbook }, `?theme=${theme}`);
  const { page } = pane;
  // The as-at date is the meeting's, so the re-check at the end judges updates as the room did.
  await press(page, page.getByRole("tab", { name: "Settings" }), "Enter");
  await page.getByLabel("As-at date").fill("2022-10-10"); // a date input's segments take no select-all; fill sets it, no mouse
  await press(page, page.getByRole("button", { name: "Save settings" }), "Enter");
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  await press(page, page.getByRole("tab", { name: "Review" }), "Enter");
  await press(page, page.getByRole("button", { name: "Check the workbook" }), "Enter");
  await page.getByRole("button", { name: "Start meeting" }).waitFor();
  return pane;
}

describe("Review view in the browser", () => {
  it("runs a short meeting by keyboard only and writes the register, Update Log and Meeting Record", async () => {
    const { context, page, blocked, errors } = await openReview("light");
    await page.getByLabel("Meeting date").fill("2022-10-10");
    await typeInto(page, page.getByRole("textbox", { name: /Your name/ }), "Jane Smith");
    await typeInto(page, page.getByRole("textbox", { name: /Attendees/ }), "Jane Smith\nAli Khan");
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "review-setup-light");
    await press(page, page.getByRole("button", { name: "Start meeting" }), "Enter");

    // Due with no strategy first (HRC-002: "risks with no strategy or no update this month first"), then
    // never updated (HRC-006), then the rest.
    await page.getByRole("heading", { level: 2, name: /HRC-002/ }).waitFor();
    await eventually(async () =>
      expect(await liveText(page)).toBe(
        "Risk 1 of 5: HRC-002 Street lighting column failures. Due for its update. No strategy.",
      ),
    );
    expect(await focusedName(page)).toMatch(/^textarea:/);
    await eventually(async () =>
      expect((await fakeSnapshot(page)).selection).toEqual({
        sheet: "IRIS Risk Register",
        address: "A7:P7",
      }),
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    await shoot(page, "review-card-light");

    await page.keyboard.press("Alt+0"); // no change this month for HRC-002
    await page.getByRole("heading", { level: 2, name: /HRC-006/ }).waitFor();
    expect(await focusedName(page)).toMatch(/^textarea:/);
    await page.keyboard.type("Audit found 4% of repairs below standard; contractor re-training crews.");
    await page.keyboard.press("Control+Enter");
    await page.getByRole("heading", { level: 2, name: /HRC-004/ }).waitFor();
    await page.keyboard.press("Alt+p");
    await page.getByRole("heading", { level: 2, name: /HRC-006/ }).waitFor();
    await page.getByText("Update recorded").waitFor();
    await page.keyboard.press("Alt+n");
    await page.keyboard.press("Alt+s"); // skip HRC-004
    await page.getByRole("heading", { level: 2, name: /HRC-001/ }).waitFor();
    expect(await focusedName(page)).toMatch(/^textarea:/);
    expect(await liveText(page)).toMatch(/^Skipped HRC-004\. Risk 4 of 5: HRC-001/);
    await shoot(page, "review-after-records-light");

    const reg = (await fakeSnapshot(page)).sheets.find((s) => s.name === "IRIS Risk Register")!;
    expect(reg.values[10][11]).toBe(serial("2022-10-10"));
    expect(reg.values[10][12]).toBe(
      "Audit found 4% of repairs below standard; contractor re-training crews.",
    );
    expect(reg.values[6][12]).toBe("No change this month");
    expect(reg.values[6][15]).toBe(""); // council-only cells untouched

    await press(page, page.getByRole("button", { name: /End meeting/ }), "Enter");
    await page.getByRole("button", { name: "Start another meeting" }).waitFor({ timeout: 60000 });
    const snap = await fakeSnapshot(page);
    const log = snap.sheets.find((s) => s.name === "Update Log")!;
    // Each risk's own update text is carried into the log before the register cell is replaced.
    // A new Update Log's columns: Date, Register, Risk ID, By, Update, No change, Score, Strategy, Changes.
    expect(log.values.slice(4).map((r) => [r[2], r[3], r[5]])).toEqual([
      ["HRC-002", "(register, before the meeting)", "No"],
      ["HRC-002", "Jane Smith", "Yes"],
      ["HRC-006", "(register, before the meeting)", "No"],
      ["HRC-006", "Jane Smith", "No"],
    ]);
    // Each entry names its register; the Changes column holds what else changed with it.
    expect([log.values[3][1], log.values[3][8]]).toEqual(["Register", "Changes"]);
    expect(log.values.slice(4).map((r) => r[1])).toEqual(Array(4).fill("IRIS Risk Register"));
    const record = snap.sheets.find((s) => s.name === "Meeting Record")!;
    const lines = record.values.map((r) =>
      r.filter((v) => v !== "" && !String(v).startsWith("⟦")).join(" | "),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "Attendees | Jane Smith, Ali Khan",
        "Risks reviewed (2)",
        "Risks not reviewed (3)",
        "HRC-004 | Bridge inspection resourcing | M. Reid | Skipped | No",
      ]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "review-ended-light");

    // The re-check no longer flags the reviewed risks as not updated.
    await press(page, page.getByRole("tab", { name: "Check" }), "Enter");
    const findings = await page.getByRole("main").innerText();
    expect(findings).not.toMatch(/HRC-006[^\n]*not been updated|HRC-002[^\n]*not been updated/);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is readable and accessible in the dark theme at 320 px", async () => {
    const { context, page } = await openReview("dark");
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByLabel("Meeting date").fill("2022-10-10");
    await typeInto(page, page.getByRole("textbox", { name: /Your name/ }), "Jane Smith");
    await press(page, page.getByRole("button", { name: "Start meeting" }), "Enter");
    await page.getByRole("heading", { level: 2, name: /HRC-002/ }).waitFor();
    await press(page, page.getByRole("button", { name: /Change scores/ }), "Enter");
    await page.getByLabel("Likelihood", { exact: true }).waitFor();
    await shoot(page, "review-card-dark");
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it("changes the register's own action (Action Due Date, Action Status) by keyboard, readable in the dark at 320 px", async () => {
    const headers = ["Risk ID", "Risk Title", "Risk Owner", "Current Risk Score", "Risk Response Strategy"];
    const more = [
      "Last Updated",
      "Latest Update",
      "Risk Status",
      "Action Owner",
      "Action Due Date",
      "Action Status",
    ];
    const annex = JSON.stringify({
      sheets: [
        {
          name: "Annex A Risks",
          values: [
            [...headers, ...more],
            [
              "R1",
              "Potholes after the freeze",
              "Jane Smith",
              12,
              "Treat",
              serial("2022-08-01"),
              "Old words",
              "Open",
              "Ali Khan",
              serial("2022-09-30"),
              "In progress",
            ],
          ],
          numberFormats: [
            [],
            [
              "General",
              "General",
              "General",
              "General",
              "General",
              "dd/mm/yyyy",
              "General",
              "General",
              "General",
              "dd/mm/yyyy",
              "General",
            ],
          ],
        },
      ],
    });
    const { context, page } = await openReview("dark", annex);
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByLabel("Meeting date").fill("2022-10-10");
    await typeInto(page, page.getByRole("textbox", { name: /Your name/ }), "Jane Smith");
    await press(page, page.getByRole("button", { name: "Start meeting" }), "Enter");
    await page.getByRole("heading", { level: 2, name: /R1/ }).waitFor();
    await press(page, page.getByRole("button", { name: /Change scores/ }), "Enter");
    const own = page.getByRole("group", { name: "Action on the register" });
    await own.getByLabel("Due").fill("2022-11-30");
    await typeInto(page, own.getByLabel("Status"), "Delayed");
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await shoot(page, "review-own-action-dark");
    await typeInto(
      page,
      page.getByRole("textbox", { name: /Update for R1/ }),
      "Gang moved to the flood works",
    );
    await page.keyboard.press("Control+Enter");
    await eventually(async () => {
      const reg = (await fakeSnapshot(page)).sheets.find((x) => x.name === "Annex A Risks")!;
      expect(reg.values[1].slice(9)).toEqual([serial("2022-11-30"), "Delayed"]);
    });
    await context.close();
  });

  it("changes one of several own actions kept one a line by keyboard, on its line alone, readable in the dark at 320 px", async () => {
    // fx-ownline30: each action kept one a line in the own-action cells has its own due date and status, named
    // for screen readers, reached by Tab in the register's order; recording writes its line of the cell alone.
    const headers = ["Risk ID", "Risk Title", "Risk Owner", "Current Risk Score", "Risk Response Strategy"];
    const more = [
      "Mitigating Actions",
      "Latest Update",
      "Risk Status",
      "Action Owner",
      "Action Due Date",
      "Action Status",
    ];
    const annex = JSON.stringify({
      sheets: [
        {
          name: "Annex A Risks",
          values: [
            [...headers, ...more],
            [
              "R1",
              "Potholes after the freeze",
              "Jane Smith",
              12,
              "Treat",
              "1. Resurface the A38 northbound carriageway between the two roundabouts\n2. Review claims",
              "Old words",
              "Open",
              "JS\nAL",
              "31/08/2022\r\n(revised from June)\r\n31/12/2022",
              "In progress\r\nNot started",
            ],
          ],
        },
      ],
    });
    const { context, page } = await openReview("dark", annex);
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByLabel("Meeting date").fill("2022-10-10");
    await typeInto(page, page.getByRole("textbox", { name: /Your name/ }), "Jane Smith");
    await press(page, page.getByRole("button", { name: "Start meeting" }), "Enter");
    await page.getByRole("heading", { level: 2, name: /R1/ }).waitFor();
    await press(page, page.getByRole("button", { name: /Change scores/ }), "Enter");
    // Tab from action 1's status reaches each field in the register's order (Tab steps through a date input's
    // day, month and year before it leaves the input); each action's owner, kept one a line in the Action Owner
    // cell, after its due date (fx-meet31).
    await page.getByLabel("Action 1 'Resurface the A38 northbound…' status").focus();
    const reached: string[] = [];
    for (let i = 0; i < 12 && reached.length < 5; i++) {
      await page.keyboard.press("Tab");
      const name = (await focusedName(page)).split(":")[1];
      if (name !== reached.at(-1)) reached.push(name);
      if (name === "Action 2 'Review claims' status") await page.keyboard.type("Delayed");
    }
    expect(reached).toEqual([
      "Action 1 'Resurface the A38 northbound…' due date",
      "Action 1 'Resurface the A38 northbound…' owner",
      "Action 2 'Review claims' status",
      "Action 2 'Review claims' due date",
      "Action 2 'Review claims' owner",
    ]);
    await page.getByLabel("Action 2 'Review claims' due date").fill("2023-01-31");
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await shoot(page, "review-own-lines-dark");
    await typeInto(page, page.getByRole("textbox", { name: /Update for R1/ }), "Claims review put back");
    await page.keyboard.press("Control+Enter");
    await eventually(async () => {
      const reg = (await fakeSnapshot(page)).sheets.find((x) => x.name === "Annex A Risks")!;
      expect(reg.values[1].slice(9)).toEqual([
        "31/08/2022\r\n(revised from June)\r\n31/01/2023",
        "In progress\r\nDelayed",
      ]);
    });
    await context.close();
  });
});
