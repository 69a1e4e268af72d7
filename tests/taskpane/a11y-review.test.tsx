/** @jest-environment jsdom */
// Accessibility review of the task pane's views for an officer using the keyboard or a screen reader
// (WCAG 2.2 AA). Each test names the success criterion it holds the pane to and fails because the product
// is wrong: focus dropped to <body> after an action, or a finished action that nothing announces.
//
// "Focus on <body>": in jsdom, as in browsers, removing the focused element leaves document.activeElement
// as <body>. A keyboard user must then Tab from the top of the pane (past the five view tabs) to get back
// to where they were, and a screen reader says nothing about where they are (WCAG 2.4.3 Focus Order).

import { renderPane } from "./start-meeting";
import * as React from "react";
import * as util from "util";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { disposeTabster, getTabster } from "tabster";
import { LongList } from "../../src/taskpane/components/LongList";
import type { Grid } from "../../src/core/model/grid";
import { gridFromRows } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel } from "../fakes/fake-excel";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { renderApp } from "./render";
import { ImportGatewayBase } from "./import-gateway";
import { fileOf, REGISTER_HEADER } from "./import-files";

// Fluent UI in jsdom is slow on a busy 2-core machine.
jest.setTimeout(90000);
configure({ asyncUtilTimeout: 15000 });
// jsdom lacks the encoders the file readers use in the browser; Node's are the same API.
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

afterEach(() => {
  // Tabster (Fluent's focus manager) is one per window: a modalizer left from one test would hide the next.
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster);
  localStorage.clear();
});

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Where focus is, in words, so a failure says where it went. */
function focused(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return "<body>";
  return `<${el.tagName.toLowerCase()}> ${(el.getAttribute("aria-label") ?? el.textContent ?? "").slice(0, 60)}`;
}

/** The App's live region (the visually hidden role=status directly under <main>). */
function appStatusRegion(): HTMLElement {
  const region = Array.from(screen.getByRole("main").children).find(
    (c) => c.getAttribute("role") === "status" && c.getAttribute("aria-live") === "polite",
  );
  if (!region) throw new Error("The App's status region was not found.");
  return region as HTMLElement;
}

const LIVE = '[role="alert"], [role="status"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';

/**
 * Counts changes a screen reader would speak: text changed or added inside a live region (any live region
 * under `root`, not only the App's, so announcing from another region would satisfy it).
 */
function watchLiveRegions(root: HTMLElement): { count(): number; stop(): void } {
  let n = 0;
  const inLive = (node: Node | null): boolean => {
    const el = node instanceof Element ? node : (node?.parentElement ?? null);
    return !!el?.closest(LIVE) || !!(el instanceof Element && el.querySelector(LIVE));
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData" && inLive(r.target)) n++;
      else if (
        r.type === "childList" &&
        [...r.addedNodes].some((a) => (a.textContent ?? "") !== "" && inLive(a))
      )
        n++;
    }
  });
  mo.observe(root, { subtree: true, childList: true, characterData: true });
  return { count: () => n, stop: () => mo.disconnect() };
}

/** False when the element or an ancestor is aria-hidden or hidden (out of the accessibility tree). */
function exposed(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.getAttribute("aria-hidden") === "true" || (e as HTMLElement).hidden) return false;
  }
  return true;
}

/** What the live regions a screen reader can perceive hold (alerts, statuses, aria-live regions). */
function exposedLiveTexts(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>(LIVE))
    .filter(exposed)
    .map((e) => e.textContent ?? "");
}

/** Every status region's text under `root`, joined. */
function statusTexts(root: HTMLElement): string {
  return within(root)
    .getAllByRole("status")
    .map((s) => s.textContent ?? "")
    .join(" | ");
}

/** The Import view's gateway: a workbook with one register. */
class ImportGateway extends ImportGatewayBase {
  override grids: Grid[] = [
    gridFromRows("Register", [
      REGISTER_HEADER,
      ["HRC-001", "Gritting fleet", "J. Patel", 3, 3, 9, "Treat", "Open", "Fleet checked"],
      ["HRC-002", "Lighting columns", "S. Okafor", 2, 3, 6, "Tolerate", "Open", "Testing"],
    ]),
  ];
}

async function openImport() {
  const gateway = new ImportGateway();
  gateway.settings = { ...gateway.settings, asAt: "2022-10-10" };
  const user = userEvent.setup({ delay: null });
  renderApp({ view: "import", gateway });
  await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  await waitFor(() => expect(gateway.callsOf("loadSettings").length).toBeGreaterThan(0));
  return { user, gateway };
}

/** The Review view on the real adapter over the fake Excel host, with the real engine (as ReviewView.test). */
async function openReview() {
  installFakeExcel({
    sheets: [
      {
        name: "IRIS Risks",
        values: [
          ["Contract risk register"],
          REGISTER_HEADERS,
          risk({ id: "HRC-001", title: "Gritting fleet", lastReview: null }),
          risk({ id: "HRC-002", title: "Never updated", lastReview: null, update: null }),
        ],
      },
    ],
  });
  const { user } = renderPane("review");
  const check = await screen.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled()); // the settings load first
  return { user, check };
}

/** Checks, fills the setup form and starts the meeting. */
async function startMeeting() {
  const r = await openReview();
  await r.user.click(r.check);
  await r.user.type(await screen.findByRole("textbox", { name: /Your name/ }), "Jane Smith");
  await r.user.click(screen.getByRole("button", { name: "Start meeting" }));
  await screen.findByText("Risk 1 of 2");
  return r;
}

// ---------------------------------------------------------------------------------------------------

describe("Settings view", () => {
  // WCAG 2.4.3 Focus Order. SettingsView renders the form with key={JSON.stringify(state.settings)}, so a
  // save that changes anything remounts the whole form: the Save button the officer pressed is destroyed
  // and focus falls to <body>, with no word of where they are.
  it("keeps focus in the form after Save settings is pressed from the keyboard", async () => {
    const user = userEvent.setup({ delay: null });
    const { gateway } = renderApp({ view: "settings" });
    const save = await screen.findByRole("button", { name: "Save settings" });
    await waitFor(() => expect(save).toBeEnabled());
    const marking = screen.getByRole("textbox", { name: /Protective marking/ });
    await user.clear(marking);
    await user.type(marking, "OFFICIAL");
    act(() => save.focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(1));
    await waitFor(() => expect(appStatusRegion()).toHaveTextContent("Settings saved in this workbook."));
    expect(focused()).not.toBe("<body>");
  });

  // WCAG 4.1.3 Status Messages. useWorkbook's save sets status to the same "Settings saved in this
  // workbook." every time and never clears it first, so on the second save the App's live region does not
  // change and a screen reader says nothing: with focus also lost (above), the officer cannot tell whether
  // the second save happened.
  it("announces the second save as well as the first", async () => {
    const user = userEvent.setup({ delay: null });
    const { gateway } = renderApp({ view: "settings" });
    const save = await screen.findByRole("button", { name: "Save settings" });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await waitFor(() => expect(appStatusRegion()).toHaveTextContent("Settings saved in this workbook."));

    const region = watchLiveRegions(screen.getByRole("main"));
    const marking = screen.getByRole("textbox", { name: /Protective marking/ });
    await user.clear(marking);
    await user.type(marking, "OFFICIAL");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole("button", { name: "Save settings" })).toBeEnabled());
    region.stop();
    expect(region.count()).toBeGreaterThan(0);
  });
});

describe("Summaries view", () => {
  // WCAG 4.1.3 Status Messages. Writing the tabs a second time (after fixing the data) ends with the same
  // status, "Wrote 4 summary tabs.", which useWorkbook.writeSummaries never clears at the start: the live
  // region does not change, so the finished write is not announced.
  it("announces that the summary tabs were written each time they are written", async () => {
    const user = userEvent.setup({ delay: null });
    const { gateway } = renderApp({ view: "summaries" });
    await user.click(await screen.findByRole("button", { name: "Write summary tabs" }));
    await screen.findByRole("list", { name: "Summary tabs written" });
    await waitFor(() => expect(appStatusRegion()).toHaveTextContent("Wrote 4 summary tabs."));

    const region = watchLiveRegions(screen.getByRole("main"));
    await user.click(screen.getByRole("button", { name: "Write summary tabs" }));
    await waitFor(() => expect(gateway.callsOf("writeOwnedTab")).toHaveLength(8));
    await screen.findByRole("list", { name: "Summary tabs written" });
    await waitFor(() => expect(screen.getByRole("button", { name: "Write summary tabs" })).toBeEnabled());
    region.stop();
    expect(region.count()).toBeGreaterThan(0);
  });
});

describe("Check view: the Accept dialog", () => {
  // WCAG 4.1.3 Status Messages. When saving the exception fails, the reason is shown inside the dialog in
  // a Fluent MessageBar, which is role="group", not a live region (MessageBar announces only through an
  // AnnounceProvider / AriaLiveAnnouncer, which the App does not render). The App's role="alert" ErrorBar
  // holds the same words, but the modal dialog has hidden the rest of the pane (aria-hidden), so that alert
  // is out of the accessibility tree. Focus stays on "Accept finding": a screen-reader user hears nothing.
  it("announces a failed save while the dialog is open", async () => {
    const user = userEvent.setup({ delay: null });
    const { gateway } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    await screen.findByRole("heading", { name: "Findings" });
    await user.click(screen.getAllByRole("button", { name: /^Accept… / })[0]);
    const dialog = await screen.findByRole("dialog", { name: "Accept this finding" });
    const reason = await waitFor(() => within(dialog).getByRole("textbox", { name: "Reason" }));
    await user.type(reason, "Known issue, agreed at the board");
    // The modal has taken the rest of the pane out of the accessibility tree, as it does in the browser.
    await waitFor(() => expect(exposed(screen.getByText("Check again", { exact: false }))).toBe(false));

    gateway.failNext.saveSettings = new Error("the workbook is read-only");
    await user.click(within(dialog).getByRole("button", { name: "Accept finding" }));
    await within(dialog).findByText("Something went wrong: the workbook is read-only");
    expect(exposedLiveTexts().join(" | ")).toContain("the workbook is read-only");
  });
});

describe("Import view", () => {
  // WCAG 2.4.3 Focus Order. "Use a sheet in this workbook…" is replaced by the sheet pickers once the
  // workbook is read (FileStep renders one or the other); the step does not change, so ImportView's
  // step-heading focus does not run, and focus falls to <body>.
  it("moves focus to the sheet pickers after 'Use a sheet in this workbook…'", async () => {
    const { user } = await openImport();
    const use = screen.getByRole("button", { name: "Use a sheet in this workbook…" });
    act(() => use.focus());
    await user.keyboard("{Enter}");
    await screen.findByRole("combobox", { name: "Sheet with the exported risks" });
    expect(focused()).not.toBe("<body>");
  });

  // WCAG 2.4.3 Focus Order. Cancel while reading lives inside the progress block, which ImportView removes
  // once reading stops; the step stays "choose", so nothing moves focus and it falls to <body>.
  it("keeps focus in the view after Cancel while reading", async () => {
    const { user } = await openImport();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const csv = [REGISTER_HEADER.join(","), "HRC-001,Gritting fleet,J. Patel,4,4,16,Treat,Open,x"].join(
      "\r\n",
    );
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [fileOf("slow.csv", csv, gate)] },
    });
    const cancel = await screen.findByRole("button", { name: "Cancel" });
    act(() => cancel.focus());
    await user.keyboard("{Enter}");
    await act(async () => release());
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Choose an .xlsx or .csv file…" })).toBeEnabled(),
    );
    await waitFor(() =>
      expect(statusTexts(screen.getByRole("main"))).toContain(
        "The import was cancelled; nothing was written.",
      ),
    );
    expect(focused()).not.toBe("<body>");
  });
});

describe("Review view", () => {
  afterEach(() => uninstallFakeExcel());

  // WCAG 2.4.3 Focus Order. Before a check, the view shows only "Check the workbook"; once the check is
  // done ReviewView swaps it for the meeting setup form and nothing moves focus there: it falls to <body>.
  it("moves focus into the meeting setup form after 'Check the workbook'", async () => {
    const { user, check } = await openReview();
    act(() => check.focus());
    await user.keyboard("{Enter}");
    await screen.findByRole("form", { name: "Start a meeting" });
    expect(focused()).not.toBe("<body>");
  });

  // WCAG 2.4.3 Focus Order. "Change filters" (backToSetup) swaps the running meeting for the setup form;
  // the button pressed is gone and nothing moves focus: it falls to <body>. ("Start another meeting", after
  // the end, does the same.)
  it("moves focus into the setup form after 'Change filters'", async () => {
    const { user } = await startMeeting();
    const change = screen.getByRole("button", { name: "Change filters" });
    act(() => change.focus());
    await user.keyboard("{Enter}");
    await screen.findByRole("form", { name: "Start a meeting" });
    expect(focused()).not.toBe("<body>");
  });

  // WCAG 2.4.3 Focus Order. "End meeting" is replaced by the ended message and "Start another meeting";
  // nothing moves focus to them, so focus falls to <body> at the very moment the chair needs the result.
  it("keeps focus in the view after 'End meeting'", async () => {
    const { user } = await startMeeting();
    const end = screen.getByRole("button", { name: /End meeting/ });
    act(() => end.focus());
    await user.keyboard("{Enter}");
    await screen.findByRole("button", { name: "Start another meeting" }, { timeout: 20000 });
    expect(focused()).not.toBe("<body>");
  });
});

describe("Long (windowed) lists", () => {
  // WCAG 2.4.3 Focus Order (and 2.1.1 Keyboard). A long list draws only the rows near the window plus the
  // focused row (LongList: rowsToDraw(range, keep) keeps that one row, not its neighbours). When the page
  // scrolls while focus stays on a row (the mouse wheel, or a screen reader's browse-mode cursor reading
  // ahead, which scrolls the page), the focused row is left alone at the top of the DOM with the new
  // window's rows after it. The next Tab (or arrow key, which steps through the drawn rows in DOM order)
  // then goes from item 3 straight to item ~493: the findings in between are skipped. A browser's own
  // order, and the same list not windowed, goes to item 4.
  it("goes from a focused row to the next row after the page has scrolled away from it", async () => {
    const user = userEvent.setup({ delay: null });
    const items = Array.from({ length: 1000 }, (_, i) => `Finding ${i + 1}`);
    render(
      <FluentProvider theme={webLightTheme}>
        <LongList
          items={items}
          itemKey={(x) => x}
          renderItem={(x) => <button type="button">{x}</button>}
          estimatedRowHeight={40}
          aria-label="Findings"
        />
      </FluentProvider>,
    );
    const list = screen.getByRole("list", { name: "Findings" });
    act(() => within(list).getByRole("button", { name: "Finding 3" }).focus());
    // The page scrolls 20,000 px down (jsdom has no layout: the list's top is said to be 20,000 px above).
    jest.spyOn(list, "getBoundingClientRect").mockReturnValue({ top: -20000 } as DOMRect);
    act(() => {
      fireEvent.scroll(window);
    });
    expect(document.activeElement).toHaveTextContent(/^Finding 3$/);
    await user.tab();
    expect(document.activeElement).toHaveTextContent(/^Finding 4$/);
  });
});
