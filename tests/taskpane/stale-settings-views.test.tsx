/**
 * @jest-environment jsdom
 */
// After the officer saves Settings with a change, no view may show results made under the settings before as if
// they were current (README Check: "the view says above its results that they follow the settings before, until
// it is checked again"). The Review view (the meeting's queue, cards and proposals) says so before a meeting
// starts and offers to check again, and the Check view's risk detail rates its scores with the settings the
// shown check was made with, not the bands saved after it. Driven over the fake Excel host with the real engine,
// settings saved in the Settings view, as tests/taskpane/history-views-review.test.tsx's "Appetite changed in the
// Settings view" tests do.

import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { disposeTabster, getTabster } from "tabster";
import { renderPane } from "./start-meeting";
import { saveSettings } from "../../src/excel/settings-store";
import { defaultSettings } from "../../src/core/model/settings";
import { installFakeExcel, uninstallFakeExcel, type FakeSheetSpec } from "../fakes/fake-excel";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster);
  uninstallFakeExcel();
  localStorage.clear();
});

type User = ReturnType<typeof userEvent.setup>;

/** 12 September 2022 as Excel's serial (what a typed UK date becomes in the cell). */
const SEPTEMBER_12 = Math.round((Date.UTC(2022, 8, 12) - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * One risk scored 9 (amber under the default bands, green up to 4), with no owner so it has a finding, and a
 * log row scoring it 9 in September (a month the log gives no RAG word for, so the bands rate it).
 */
const sheets = (): FakeSheetSpec[] => [
  {
    name: "Risk Register",
    values: [
      REGISTER_HEADERS,
      risk({ id: "HRC-001", title: "Claims", owner: null, likelihood: 3, impact: 3, score: 9 }),
    ],
  },
  {
    name: "Officers log",
    values: [
      ["Date", "Risk ID", "Update", "No change", "Score"],
      [SEPTEMBER_12, "HRC-001", "September", "", 9],
    ],
    numberFormats: [[null], ["dd/mm/yyyy"]],
  },
];

/** Installs the workbook with its as-at date saved and opens the pane on `view`. */
async function open(view: "check" | "review"): Promise<User> {
  installFakeExcel({ sheets: sheets(), apiVersion: "1.13" });
  await saveSettings({ ...defaultSettings(), asAt: "2022-10-10" });
  renderPane(view);
  return userEvent.setup({ delay: null });
}

/** Checks the workbook from the Check view and waits until the pane can be used again. */
async function checkFromCheckView(user: User): Promise<void> {
  const button = await screen.findByRole("button", { name: /^Check (workbook|again)$/ });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
  await user.click(button);
  const again = await screen.findByRole("button", { name: "Check again" });
  await waitFor(() => expect(again).not.toHaveAttribute("aria-disabled", "true"));
}

/** Settings view: one field set to `value` and saved. */
async function saveSetting(user: User, field: string, value: string): Promise<void> {
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  const box = await screen.findByRole("textbox", { name: field });
  await user.clear(box);
  await user.type(box, value);
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  await screen.findAllByText(/Settings saved in this workbook/);
}

/** Settings view: saved as they are, with no change. */
async function saveUnchanged(user: User): Promise<void> {
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  await user.click(await screen.findByRole("button", { name: "Save settings" }));
  await screen.findAllByText(/Settings saved in this workbook/);
}

/** The status bars (role=status MessageBars) that say the results predate the saved settings. */
const staleNotices = (): HTMLElement[] =>
  screen.queryAllByRole("status").filter((el) => /settings have changed/i.test(el.textContent ?? ""));

describe("Review view after settings are saved with a change", () => {
  it("says before a meeting starts that the check predates the saved settings, and checking again clears it", async () => {
    const user = await open("check");
    await checkFromCheckView(user);
    await saveSetting(user, "Green up to score", "9");
    await user.click(screen.getByRole("tab", { name: "Review" }));
    await screen.findByRole("button", { name: "Start meeting" });
    const [notice] = staleNotices();
    expect(notice).toBeDefined();
    expect(notice).toHaveTextContent(/queue, cards and proposals/);
    // The bar is announced (role=status) and comes before the form, so it is read before Start meeting.
    const start = screen.getByRole("button", { name: "Start meeting" });
    expect(notice.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const again = within(notice.parentElement!).getByRole("button", { name: "Check the workbook again" });
    await user.click(again);
    await waitFor(() => expect(staleNotices()).toEqual([]));
    // Focus goes to the setup form, not to <body>, when the button it pressed is gone.
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(screen.getByRole("button", { name: "Start meeting" })).toBeInTheDocument();
  });

  it("says nothing when the settings saved are the ones the check was made with", async () => {
    const user = await open("check");
    await checkFromCheckView(user);
    await saveUnchanged(user);
    await user.click(screen.getByRole("tab", { name: "Review" }));
    await screen.findByRole("button", { name: "Start meeting" });
    expect(staleNotices()).toEqual([]);
  });

  it("says so during a meeting started before the save, on every card", async () => {
    const user = await open("review");
    const check = await screen.findByRole("button", { name: "Check the workbook" });
    await waitFor(() => expect(check).toBeEnabled());
    await user.click(check);
    const name = await screen.findByRole("textbox", { name: /Your name/ });
    await user.type(name, "Jane Smith");
    await user.click(screen.getByRole("button", { name: "Start meeting" }));
    await screen.findByText("Risk 1 of 1");
    await saveSetting(user, "Green up to score", "9");
    await user.click(screen.getByRole("tab", { name: "Review" }));
    await screen.findByText("Risk 1 of 1");
    expect(staleNotices()).toHaveLength(1);
  });
});

describe("Check view's risk detail after new RAG bands are saved", () => {
  it("rates the history's scores with the bands the shown check was made with", async () => {
    const user = await open("check");
    await checkFromCheckView(user);
    const finding = screen
      .getAllByRole("button", { description: /Press Enter to go to the cell/ })
      .find((b) => /HRC-001 has no owner/.test(b.textContent ?? ""))!;
    await user.click(finding);
    const detail = await screen.findByRole("region", { name: /^Risk history/ });
    // Rows: the header, this month (rated by the register's own RAG word), then September.
    const september = (region: HTMLElement) =>
      within(within(region).getByRole("table")).getAllByRole("row")[2];
    expect(september(detail)).toHaveTextContent(/^Sep 2022/);
    expect(september(detail).children[1]).toHaveTextContent("9 Amber");

    await saveSetting(user, "Green up to score", "9");
    await user.click(screen.getByRole("tab", { name: "Check" }));
    const shown = await screen.findByRole("region", { name: /^Risk history/ });
    expect(september(shown).children[1]).toHaveTextContent("9 Amber");
    // Checked again, the detail follows the saved bands.
    await checkFromCheckView(user);
    const after = await screen.findByRole("region", { name: /^Risk history/ });
    expect(september(after).children[1]).toHaveTextContent("9 Green");
  });
});
